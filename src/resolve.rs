//! Resolving events to coordinates.
//!
//! In: the gazetteer, the article and its events. Out: [`Located`] events, one per
//! (action, place), in the order the text first states them, each with its point, country and
//! the evidence a reader needs (the words, the sentence, byte offsets, the rule).
//!
//! A country's point is its representative point (Natural Earth's label point, inside the
//! country); a city's or agency's point is its own.

use crate::action::Action;
use crate::actions::Event;
use crate::article::Article;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::record::{CountryCode, Reason};
use crate::sentences::Sentence;
use geo::Point;
use rustc_hash::FxHashMap as HashMap;

/// An event with its place resolved: what the events layer holds, one feature each. Typed to
/// the edge: [`crate::record::EventProperties`] is where its values become text.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// What happened.
    pub action: Action,
    /// The gazetteer's place; `None` for an event read back from a file whose place the
    /// gazetteer does not hold by that name, kind and country. Layers join events by it
    /// ([`crate::layers::place_indices`]), never by their points.
    pub place_id: Option<PlaceId>,
    /// Where its marker stands ([`Gazetteer::site`]): the place itself, or an agency's seat.
    /// Events at one site share a marker and a flow hub ([`crate::layers::site_indices`]).
    pub site: Option<PlaceId>,
    /// The place's country.
    pub country: CountryCode,
    /// The country's English name.
    pub country_name: String,
    /// The place's resolved name ("Netherlands", "Paris", "Europol").
    pub place: String,
    /// Country, city, agency or region.
    pub place_kind: PlaceKind,
    /// Where the marker goes, lon/lat degrees (WGS 84).
    pub point: Point<f64>,
    /// The words in the article that name the place.
    pub text: String,
    /// The evidence sentence.
    pub sentence: String,
    /// Byte offset where `text` starts in the article.
    pub start: usize,
    /// Byte offset where `text` ends.
    pub end: usize,
    /// The article: its path as given, or `stdin`.
    pub article: String,
    /// 0–1, how strong the evidence is.
    pub confidence: f64,
    /// The rule that linked the action to the place.
    pub reason: Reason,
    /// The action word(s) in the sentence.
    pub cue: String,
    /// The feature's id when a user gave it (an events file read back by `opmap render`):
    /// written as it is. `None` for an extracted event: [`crate::layers::event_ids`] makes one.
    pub id: Option<String>,
    /// The article's date and where it came from ([`crate::dates::of_article`]); `None` when
    /// the article gives none. Set by [`crate::extract`], not here.
    pub date: Option<crate::dates::ArticleDate>,
    /// The article's language ([`crate::lang`]); `None` for an event read back from a file
    /// without one. Set by [`crate::extract`], not here.
    pub lang: Option<crate::lang::Lang>,
}

/// Resolves events: one per (action, place), the most confident evidence kept (the first on a
/// tie), in the order the text first states each pair.
pub fn locate(
    gazetteer: &Gazetteer,
    article: &Article,
    sentences: &[Sentence],
    events: &[Event],
) -> Vec<Located> {
    // For each (action, place): the index of its best event and where the text first states it.
    let mut best: HashMap<(Action, usize), (usize, usize)> = HashMap::default();
    for (i, e) in events.iter().enumerate() {
        let entry = best
            .entry((e.action, e.place))
            .or_insert((i, e.mention.start));
        if e.confidence > events[entry.0].confidence {
            entry.0 = i;
        }
        entry.1 = entry.1.min(e.mention.start);
    }
    // First statement order, then action order for ties in one sentence position.
    let mut keyed: Vec<(usize, Action, usize)> = best
        .iter()
        .map(|(&(action, place), &(_, first))| (first, action, place))
        .collect();
    keyed.sort();
    // Several events often quote one sentence: collapse each sentence once.
    let mut collapsed: HashMap<usize, String> = HashMap::default();
    keyed
        .into_iter()
        .map(|(_, action, place)| {
            let e = &events[best[&(action, place)].0];
            let p = gazetteer.place(e.place);
            let country_name = gazetteer
                .country(&p.country)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| p.country.clone());
            Located {
                action: e.action,
                place_id: Some(e.place),
                site: Some(gazetteer.site(e.place)),
                country: CountryCode::new(&p.country).expect("gazetteer codes are two letters"),
                country_name,
                place: p.name.clone(),
                place_kind: p.kind,
                point: p.point,
                text: e.mention.of(&article.text).to_string(),
                sentence: collapsed
                    .entry(e.sentence)
                    .or_insert_with(|| collapse(sentences[e.sentence].span.of(&article.text)))
                    .clone(),
                start: e.mention.start,
                end: e.mention.end,
                article: article.path.clone(),
                confidence: e.confidence,
                reason: Reason::Rule(e.rule),
                cue: collapse(e.cue.of(&article.text)),
                id: None,
                date: None,
                lang: None,
            }
        })
        .collect()
}

/// Keeps the events whose confidence is at least `min` (0–1; 0 keeps all). The confidence of
/// each rule is in the README ("How sure an event is").
pub fn retain_confident(located: &mut Vec<Located>, min: f64) {
    if min > 0.0 {
        located.retain(|e| e.confidence >= min);
    }
}

/// Collapses runs of whitespace (line wraps) to single spaces, and trims the ends.
pub(crate) fn collapse(s: &str) -> String {
    if is_collapsed(s) {
        // Most sentences: one copy, no split and join.
        return s.to_owned();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `s` is not empty and its only whitespace is single ASCII spaces between words,
/// i.e. when [`collapse`] would return it unchanged.
fn is_collapsed(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut after_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if b < 0x80 {
            if b.is_ascii_whitespace() || b == 0x0B {
                return false;
            }
            after_space = false;
        } else if b >= 0xC0 {
            // The first byte of a multi-byte character: Unicode has spaces there too.
            if s[i..].chars().next().is_some_and(char::is_whitespace) {
                return false;
            }
            after_space = false;
        }
    }
    !after_space
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn collapse_joins_every_kind_of_whitespace_run() {
        for (text, want) in [
            ("one two", "one two"),
            ("one  two", "one two"),
            ("one\ntwo", "one two"),
            ("one\r\n two\t", "one two"),
            (" lead", "lead"),
            ("trail ", "trail"),
            ("no\u{a0}break", "no break"),
            ("ideographic\u{3000}space", "ideographic space"),
            ("vertical\u{0b}tab", "vertical tab"),
            ("Zürich – Genève", "Zürich – Genève"),
            ("", ""),
            ("   ", ""),
        ] {
            assert_eq!(collapse(text), want, "{text:?}");
        }
    }
}

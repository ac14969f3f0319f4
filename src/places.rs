//! Finding place mentions in sentences.
//!
//! In: the gazetteer, the article's text and its sentences. Out: [`Mention`]s in text order,
//! non-overlapping, each naming a place and the form of the name.
//!
//! The text is matched once through a normalised copy (whitespace runs, including line wraps,
//! become one space; curly apostrophes become straight), so "the United\nStates" and
//! "King’s" match. A raw match counts when it stands on word boundaries and its capitals agree
//! with the name's (acronyms exactly: "US" is not "us"; other names need their capitals:
//! "Turkey", "TURKEY", not "turkey"). Among overlapping matches the leftmost-longest wins, so
//! "Romania" hides "Oman" and "Nigeria" hides "Niger". A name several places share goes to a
//! country first, then to the place whose country the article names elsewhere, then to the
//! larger place.

use crate::gazetteer::{Form, Gazetteer, PlaceId, PlaceKind};
use crate::sentences::Sentence;
use crate::span::Span;
use serde::Serialize;
use std::collections::HashSet;

/// A name of a place in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// The words in the text (including a leading "the" where the text has one).
    pub span: Span,
    /// The place it names.
    pub place: PlaceId,
    /// How the text names it.
    pub form: Form,
    /// How many places the name could stand for (1 = unambiguous).
    pub readings: usize,
}

/// A text with runs of whitespace collapsed and apostrophes straightened, and the way back to
/// the original's byte offsets.
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `(normalised offset, original offset)` at every point where the two start to differ.
    shifts: Vec<(usize, usize)>,
}

impl Normalized {
    /// Normalises `text`.
    pub fn new(text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            let mapped = match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => Some('\''),
                c if c.is_whitespace() => {
                    if in_space {
                        None
                    } else {
                        Some(' ')
                    }
                }
                c => Some(c),
            };
            in_space = c.is_whitespace();
            if let Some(m) = mapped {
                if out.len() != i || m != c {
                    shifts.push((out.len(), i));
                }
                out.push(m);
                if m != c {
                    shifts.push((out.len(), i + c.len_utf8()));
                }
            }
        }
        shifts.push((out.len(), text.len()));
        shifts.dedup();
        Normalized { text: out, shifts }
    }

    /// The original byte offset of a normalised one.
    pub fn original(&self, offset: usize) -> usize {
        match self.shifts.binary_search_by_key(&offset, |&(n, _)| n) {
            Ok(i) => self.shifts[i].1,
            Err(0) => offset,
            Err(i) => {
                let (n, o) = self.shifts[i - 1];
                o + (offset - n)
            }
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when every upper-case letter of `name` is upper case in `found` too (and, for codes,
/// when they are equal).
fn case_agrees(name: &str, found: &str, case_sensitive: bool) -> bool {
    if case_sensitive {
        return name == found;
    }
    name.chars()
        .zip(found.chars())
        .all(|(n, f)| !n.is_uppercase() || f.is_uppercase() || !f.is_alphabetic())
}

struct Candidate {
    start: usize,
    end: usize,
    name: usize,
}

/// Finds the place mentions in an article's sentences.
pub fn find(gazetteer: &Gazetteer, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
    let norm = Normalized::new(text);
    let ntext = norm.text.as_str();
    let mut candidates: Vec<Candidate> = Vec::new();
    for (name, start, end) in gazetteer.raw_matches(ntext) {
        let entry = &gazetteer.names[name];
        let before = ntext[..start].chars().next_back();
        let after = ntext[end..].chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            continue;
        }
        // "U.S." written as "U.S" before a period: the name's own final period may be the text's.
        if !case_agrees(&entry.text, &ntext[start..end], entry.case_sensitive) {
            continue;
        }
        candidates.push(Candidate { start, end, name });
    }
    // Leftmost-longest among the valid matches.
    candidates.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end), c.name));
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in candidates {
        if chosen.last().is_some_and(|last| c.start < last.end) {
            continue;
        }
        chosen.push(c);
    }

    // Countries the article names outright, to settle names that several places share.
    let named_countries: HashSet<&str> = chosen
        .iter()
        .filter(|c| gazetteer.names[c.name].places.len() == 1)
        .map(|c| gazetteer.names[c.name].places[0])
        .map(|p| gazetteer.place(p).country.as_str())
        .collect();

    let mut mentions = Vec::with_capacity(chosen.len());
    for c in chosen {
        let entry = &gazetteer.names[c.name];
        let place = choose(gazetteer, &entry.places, &named_countries);
        let mut start = norm.original(c.start);
        let end = norm.original(c.end);
        // Keep a leading "the" with the name: "the Netherlands", "the FBI".
        if matches!(entry.form, Form::Name | Form::Code | Form::Agency) {
            let head = &ntext[..c.start];
            if head.ends_with("the ") || head.ends_with("The ") {
                let cut = head.len() - 4;
                let at_word = ntext[..cut]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| !is_word_char(ch));
                if at_word && !entry.text.to_lowercase().starts_with("the ") {
                    start = norm.original(cut);
                }
            }
        }
        let Some(sentence) = sentence_of(sentences, start) else {
            continue;
        };
        mentions.push(Mention {
            sentence,
            span: Span::new(start, end),
            place,
            form: entry.form,
            readings: entry.places.len(),
        });
    }
    mentions
}

/// Picks a place for a name: a country first, then one in a country the article names, then
/// the most populous.
fn choose(gazetteer: &Gazetteer, places: &[PlaceId], named: &HashSet<&str>) -> PlaceId {
    let mut best = places[0];
    let mut best_key = (0u8, 0u8, 0u8, 0u64);
    for (i, &p) in places.iter().enumerate() {
        let place = gazetteer.place(p);
        // "Dutch" is the Netherlands before the Caribbean Netherlands: sovereign states first.
        let sovereign = gazetteer
            .country(&place.country)
            .is_some_and(|c| c.independent);
        let key = (
            u8::from(place.kind == PlaceKind::Country),
            u8::from(named.contains(place.country.as_str())),
            u8::from(sovereign),
            place.population,
        );
        if i == 0 || key > best_key {
            best = p;
            best_key = key;
        }
    }
    best
}

fn sentence_of(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= offset);
    sentences
        .get(i)
        .filter(|s| s.span.start <= offset)
        .map(|s| s.index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests_support::small;
    use crate::sentences;

    fn found(text: &str) -> Vec<(String, String)> {
        let g = small();
        let s = sentences::split(text);
        find(&g, text, &s)
            .into_iter()
            .map(|m| {
                (
                    m.span.of(text).to_string(),
                    g.place(m.place).country.clone(),
                )
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn finds_names_codes_and_articles() {
        assert_eq!(
            found("Raids in the Netherlands, France and the US."),
            vec![
                pair("the Netherlands", "NL"),
                pair("France", "FR"),
                pair("the US", "US")
            ]
        );
    }

    #[test]
    fn codes_are_case_sensitive_and_names_need_capitals() {
        assert!(found("Tell us about the turkey and the china.").is_empty());
        assert_eq!(found("TURKEY RAIDS"), vec![pair("TURKEY", "TR")]);
    }

    #[test]
    fn word_boundaries_hide_names_inside_names() {
        assert_eq!(found("Arrests in Romania."), vec![pair("Romania", "RO")]);
        assert_eq!(found("Arrests in Nigeria."), vec![pair("Nigeria", "NG")]);
    }

    #[test]
    fn wrapped_lines_and_possessives() {
        let text = "seized in the United\nStates. Britain’s police.";
        assert_eq!(
            found(text),
            vec![pair("the United\nStates", "US"), pair("Britain", "GB")]
        );
    }

    #[test]
    fn normalized_offsets_map_back() {
        let n = Normalized::new("a \n b’s c");
        assert_eq!(n.text, "a b's c");
        assert_eq!(n.original(2), 4); // b
        assert_eq!(n.original(3), 5); // ’ (3 bytes)
        assert_eq!(n.original(4), 8); // s
        assert_eq!(n.original(7), 11); // end
    }
}

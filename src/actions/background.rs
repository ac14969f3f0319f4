//! Background filters: the place mentions that are not places of the operation.
//!
//! In: a sentence's tokens and the place mentions in it. Out: for each mention, `None` (it
//! stays a candidate event) or the [`Background`] filter that dropped it.
//!
//! Every mention of a place is a candidate event; it leaves only through one of the named
//! filters below, tried in the order of [`FILTERS`], and `opmap extract --explain` names the
//! filter. Each filter reads the words around the mention, not the mention itself: what makes
//! "London" background in "King's College London" is the institution's name around it, and what
//! makes "Dutch" a nationality in "two Dutch men" is the missing authority noun ("Dutch police"
//! acts).

use super::lexicon::class;
use super::tokens::Token;
use super::Placed;
use crate::gazetteer::{Form, Gazetteer, PlaceKind};
use serde::Serialize;
use std::fmt;

/// Why a place mention produced no event: the filter that dropped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Background {
    /// The nationality or origin of a person or group: "two Dutch men", "a Romanian national",
    /// "born in Syria".
    Nationality,
    /// A source's or researcher's affiliation: "a fellow at King's College London".
    Affiliation,
    /// An origin, route or destination: "cocaine shipped from Colombia via Spain to France".
    Route,
    /// Who wants a suspect: "wanted by Romania".
    WantedBy,
    /// Where a service or company is hosted, registered or based: "headquartered in Cyprus".
    Hosting,
    /// Not a place of its own: a country after a city of its own ("Paris, France"), the end of
    /// a longer name ("Michael Jordan"), an acronym restating the name before it ("(ECTC)").
    Restatement,
}

impl Background {
    /// The filter's name, as `--explain` and the summaries print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Background::Nationality => "nationality",
            Background::Affiliation => "affiliation",
            Background::Route => "route",
            Background::WantedBy => "wanted-by",
            Background::Hosting => "hosting",
            Background::Restatement => "restatement",
        }
    }
}

impl fmt::Display for Background {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a filter sees: the sentence, its mentions and the fates of the mentions before.
pub(crate) struct Context<'a, 't> {
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// The article's text.
    pub text: &'a str,
    /// The sentence's tokens.
    pub tokens: &'a [Token<'t>],
    /// The sentence's place mentions, in text order.
    pub placed: &'a [Placed<'a>],
    /// The fates of the mentions before the one filtered (`None`: kept).
    pub earlier: &'a [Option<Background>],
}

impl Context<'_, '_> {
    /// The up to three words before mention `k`, nearest first, "the" left out.
    fn words_before(&self, k: usize) -> impl Iterator<Item = &Token<'_>> + '_ {
        self.tokens[..self.placed[k].first]
            .iter()
            .rev()
            .filter(|t| t.lower != "the")
            .take(3)
    }

    /// The up to three words after mention `k`.
    fn words_after(&self, k: usize) -> impl Iterator<Item = &Token<'_>> + '_ {
        self.tokens[self.placed[k].last + 1..].iter().take(3)
    }
}

/// A background filter: true when it drops mention `k` of the context.
type Filter = fn(&Context<'_, '_>, usize) -> bool;

/// The filters, in the order they are tried; the first that drops a mention names it.
pub(crate) const FILTERS: &[(Background, Filter)] = &[
    (Background::Nationality, demonym_without_actor),
    (Background::Affiliation, inside_institution_name),
    (Background::Route, rest_of_a_route),
    (Background::Route, origin_or_route),
    (Background::Nationality, origin_or_residence),
    (Background::WantedBy, wanted_by),
    (Background::Hosting, hosted_in),
    (Background::Nationality, nationality_noun_after),
    (Background::Restatement, country_after_its_city),
    (Background::Restatement, end_of_a_longer_name),
    (Background::Restatement, acronym_restating),
];

/// The fate of every mention of a sentence: `None` (kept) or the filter that dropped it.
pub(crate) fn fates(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    placed: &[Placed<'_>],
) -> Vec<Option<Background>> {
    let mut fates: Vec<Option<Background>> = Vec::with_capacity(placed.len());
    for k in 0..placed.len() {
        let context = Context {
            gazetteer,
            text,
            tokens,
            placed,
            earlier: &fates,
        };
        let fate = FILTERS
            .iter()
            .find(|(_, drops)| drops(&context, k))
            .map(|(background, _)| *background);
        fates.push(fate);
    }
    fates
}

/// A demonym names an actor only with an authority noun within three words ("Dutch police"),
/// an agency's name ("the Dutch National High Tech Crime Unit"), or a place noun ("the Spanish
/// cities of Valencia and Malaga"); else it is a person's or group's nationality.
fn demonym_without_actor(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    if p.mention.form != Form::Demonym {
        return false;
    }
    let agency = cx.tokens[p.last + 1..]
        .iter()
        .take(6)
        .take_while(|t| t.capitalised(cx.text))
        .any(|t| t.is(class::AGENCY_HEAD));
    let authority = agency
        || cx
            .words_after(k)
            .take_while(|t| t.lower.chars().all(|c| c.is_alphanumeric() || c == '-'))
            .any(|t| t.is(class::AUTHORITY));
    let place_noun = cx.words_after(k).next().is_some_and(|t| t.is(class::PLACE_NOUN));
    !authority && !place_noun
}

/// Inside an institution's name: "King's College London", "University of Lyon".
fn inside_institution_name(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    let institution = |t: &Token| t.is(class::INSTITUTION) && t.capitalised(cx.text);
    cx.tokens[..p.first].iter().rev().take(3).any(institution)
        || cx.tokens[p.last + 1..].first().is_some_and(institution)
}

/// The rest of a route's list: "shipped from Spain to France and Italy" drops Italy with France.
fn rest_of_a_route(cx: &Context<'_, '_>, k: usize) -> bool {
    k > 0
        && cx.earlier[k - 1] == Some(Background::Route)
        && cx.tokens[cx.placed[k - 1].last + 1..cx.placed[k].first]
            .iter()
            .all(|t| matches!(t.lower, "," | "and" | "or" | "the"))
}

/// An origin, a route or a destination: "from Syria", "via Spain", "to France". But help given
/// ("assistance from the Polish police") and actors ("investigators from Norway") come from
/// where they act.
fn origin_or_route(cx: &Context<'_, '_>, k: usize) -> bool {
    let mut before = cx.words_before(k);
    let Some(prev) = before.next() else {
        return false;
    };
    if !prev.is(class::BACKGROUND_PREPOSITION) {
        return false;
    }
    let actor_before = prev.lower == "from"
        && before.any(|t| {
            t.is(class::AUTHORITY | class::SUPPORT_NOUN)
                || t.lower == "deployed"
                || t.lower == "representatives"
        });
    !actor_before
}

/// A person's origin or residence: "born in Syria", "living in Spain", "a resident of Italy".
fn origin_or_residence(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.words_before(k).take(2).any(|t| t.is(class::ORIGIN))
}

/// Who wants a suspect: "wanted by Romania", "wanted in Italy".
fn wanted_by(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.words_before(k).take(2).any(|t| t.is(class::WANTED))
}

/// Where a company or service is based: "headquartered in Cyprus".
fn hosted_in(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.words_before(k).take(2).any(|t| t.is(class::HOSTING))
}

/// "a Romanian national", "Albanian citizens", "a Syrian-born man". But "the Romanian
/// National Police" is an agency: a capitalised "National" before a capitalised word, or
/// "national" before an authority noun, opens an agency's name.
fn nationality_noun_after(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    let mut after = cx.words_after(k);
    let Some(first) = after.next() else {
        return false;
    };
    let agency_name = first.lower == "national"
        && (after.next().is_some_and(|t| t.is(class::AUTHORITY))
            || cx.tokens[p.last + 1..]
                .iter()
                .take(2)
                .all(|t| t.capitalised(cx.text)));
    !agency_name
        && matches!(
            first.lower,
            "national" | "nationals" | "citizen" | "citizens" | "-born"
        )
}

/// "Paris, France": a country after a city of its own only qualifies the city; after a city of
/// another country it names a region there ("Atlanta, Georgia"). "in Paris, Spain and Italy"
/// is a list, not a region.
fn country_after_its_city(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    let place = cx.gazetteer.place(p.mention.place);
    if place.kind != PlaceKind::Country {
        return false;
    }
    let Some(j) = (0..k).rev().find(|&j| cx.earlier[j].is_none()) else {
        return false;
    };
    let prev = cx.placed[j].mention;
    let prev_place = cx.gazetteer.place(prev.place);
    let gap = cx.text[prev.span.end..p.mention.span.start].trim();
    let list_goes_on = cx
        .placed
        .get(k + 1)
        .is_some_and(|next| next.first <= p.last + 3);
    prev_place.kind == PlaceKind::City
        && gap == ","
        && (prev_place.country == place.country || !list_goes_on)
}

/// The end of a longer proper name: "Michael Jordan", "Detective Chad" (but "North Macedonia",
/// "Greater London" keep their compass word, and the first word of a sentence is no name).
fn end_of_a_longer_name(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    if !matches!(p.mention.form, Form::Name | Form::City) || p.first == 0 {
        return false;
    }
    let before = &cx.tokens[p.first - 1];
    let word = before.span.of(cx.text);
    let titlecase = word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
    let in_mention = cx
        .placed
        .iter()
        .any(|q| q.first < p.first && p.first - 1 <= q.last);
    titlecase && !before.is(class::COMPASS) && !in_mention && p.first - 1 > 0
}

/// "European Counter Terrorism Centre (ECTC)": the acronym restates the name before it.
fn acronym_restating(cx: &Context<'_, '_>, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let before = cx.placed[k - 1].mention;
    let here = cx.placed[k].mention;
    let gap = cx.text[before.span.end..here.span.start].trim();
    gap == "(" && cx.gazetteer.place(before.place).point == cx.gazetteer.place(here.place).point
}

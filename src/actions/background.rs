//! Background filters: the place mentions that are not places of the operation.
//!
//! In: a sentence's tokens and the place mentions in it. Out: for each mention, `None` (it
//! stays a candidate event) or the [`Background`] filter that dropped it.
//!
//! Every mention of a place is a candidate event; it leaves only through one of the named
//! filters below, tried in the order of `FILTERS`, and `opmap extract --explain` names the
//! filter. Each filter reads the words around the mention, not the mention itself: what makes
//! "London" background in "King's College London" is the institution's name around it, and what
//! makes "Dutch" a nationality in "two Dutch men" is the missing authority noun ("Dutch police"
//! acts).

use super::cues::{self, Cue};
use super::lexicon::{self, class, Classes, CueKind};
use super::link::{governor, qualifies_action};
use super::tokens::Token;
use super::Placed;
use crate::gazetteer::{Form, Gazetteer, PlaceKind};
use std::fmt;

/// Why a place mention produced no event: the filter that dropped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Background {
    /// The nationality or origin of a person or group: "two Dutch men", "a Romanian national",
    /// "born in Syria".
    Nationality,
    /// A source's or researcher's affiliation, or a place inside an institution's name: "a
    /// fellow at King's College London", "researchers at the University of Sherbrooke in Canada".
    Affiliation,
    /// An origin, route or destination: "cocaine shipped from Colombia via Spain to France".
    Route,
    /// Who wants a suspect, and for what: "wanted by Romania", "wanted for offences in France".
    WantedBy,
    /// Where a service, company or asset is hosted, used, registered, based or bought:
    /// "registered in the Seychelles", "developers based in Russia".
    Hosting,
    /// Where the victims or targets of the crime are: "victims in 40 countries", "attacked
    /// hospitals in the United States".
    Target,
    /// Where a crime was committed, not acted against: "murders committed in Italy".
    CrimeScene,
    /// A press conference, meeting or other gathering that is not an action: "speaking at a
    /// conference in Lisbon".
    Gathering,
    /// Where a release was issued from: "WASHINGTON – …", "The Hague, 09 July 2012".
    Dateline,
    /// A place named only to say where something else is: "1,200 miles east of Martinique",
    /// "in international waters east of Barbados".
    ReferencePoint,
    /// An earlier or different operation: "a similar service was dismantled by Canadian
    /// authorities in 2018".
    EarlierOperation,
    /// A negated statement: "Italy was not involved", "no arrests were made in France".
    Negation,
    /// A hypothetical: "servers in Canada could be seized", "if convicted in France".
    Hypothetical,
    /// Not a place of its own: a country after a city of its own ("Paris, France", "Lille in
    /// France"), the end of a longer name ("Michael Jordan"), an acronym restating the name
    /// before it ("(ECTC)").
    Restatement,
}

impl Background {
    /// Every filter's name, in the order of the enum.
    pub const ALL: [Background; 14] = [
        Background::Nationality,
        Background::Affiliation,
        Background::Route,
        Background::WantedBy,
        Background::Hosting,
        Background::Target,
        Background::CrimeScene,
        Background::Gathering,
        Background::Dateline,
        Background::ReferencePoint,
        Background::EarlierOperation,
        Background::Negation,
        Background::Hypothetical,
        Background::Restatement,
    ];

    /// The filter's name, as `--explain` and the summaries print it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Background::Nationality => "nationality",
            Background::Affiliation => "affiliation",
            Background::Route => "route",
            Background::WantedBy => "wanted-by",
            Background::Hosting => "hosting",
            Background::Target => "target",
            Background::CrimeScene => "crime-scene",
            Background::Gathering => "gathering",
            Background::Dateline => "dateline",
            Background::ReferencePoint => "reference-point",
            Background::EarlierOperation => "earlier-operation",
            Background::Negation => "negation",
            Background::Hypothetical => "hypothetical",
            Background::Restatement => "restatement",
        }
    }
}

impl fmt::Display for Background {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a filter sees: the sentence, its cues, its mentions and the fates of the mentions
/// before.
pub(crate) struct Context<'a, 't> {
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// The article's text.
    pub text: &'a str,
    /// The sentence's tokens.
    pub tokens: &'a [Token<'t>],
    /// Token index where each clause starts.
    pub starts: &'a [usize],
    /// The sentence's cues (negated ones too).
    pub cues: &'a [Cue],
    /// The sentence's place mentions, in text order.
    pub placed: &'a [Placed<'a>],
    /// For each mention, the index of the first mention of its list.
    pub heads: &'a [usize],
    /// The fates of the mentions before the one filtered (`None`: kept).
    pub earlier: &'a [Option<Background>],
    /// The class bits of every token of the sentence together: a filter that needs a word of
    /// some list looks for it only in a sentence that has one ([`Context::has`]).
    pub present: Classes,
}

impl Context<'_, '_> {
    /// True when some word of the sentence is in a list of `bits`.
    fn has(&self, bits: Classes) -> bool {
        self.present & bits != 0
    }

    /// The last member of the list mention `k` heads or is in.
    fn list_end(&self, k: usize) -> usize {
        (k..self.placed.len())
            .take_while(|&j| self.heads[j] == self.heads[k])
            .last()
            .unwrap_or(k)
    }

    /// True when a "where" clause right after mention `k`'s list tells of a specific action,
    /// within a few words and no comma: "fled to Spain, where they were arrested", "flohen
    /// nach Spanien, wo sie festgenommen wurden" (the destination is where it happened).
    fn acted_on_where(&self, k: usize) -> bool {
        let end = self.placed[self.list_end(k)].last;
        let mut relative = end + 1;
        if self.tokens.get(relative).is_some_and(|t| t.lower == ",") {
            relative += 1;
        }
        if self.tokens.get(relative).is_none_or(|t| t.lower != "where") {
            return false;
        }
        self.cues.iter().any(|c| {
            c.first > relative
                && c.first - relative <= 8
                && c.action.is_specific()
                && !self.tokens[relative + 1..c.first]
                    .iter()
                    .any(|t| matches!(t.lower, "," | ";" | ":" | "."))
        })
    }

    /// True when a later action of the sentence is said to have happened "there" and mention
    /// `k`'s list is the last place named before it ([`cues::done_there`]): "fled to Spain
    /// after the robbery and were arrested there".
    fn acted_on_there(&self, k: usize) -> bool {
        let end = self.placed[self.list_end(k)].last;
        cues::done_there(self.tokens, self.starts, self.cues)
            .iter()
            .any(|c| {
                c.first > end
                    && !self
                        .placed
                        .iter()
                        .any(|p| p.first > end && p.first < c.first)
            })
    }

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

    /// In a language that puts verbs last, the word right after mention `k`'s list (past an
    /// auxiliary) when it is not part of a cue: the participle that closes the list's clause ("das Kokain wurde
    /// in den Niederlanden und Belgien bezogen", "an Abnehmer in Deutschland verkauft").
    fn closing_word(&self, k: usize) -> Option<&Token<'_>> {
        if !lexicon::current_lang().puts_verbs_last() {
            return None;
        }
        let tail = self.list_end(k);
        // Past an auxiliary: "aan Italië is uitgeleverd".
        let mut i = self.placed[tail].last + 1;
        while self
            .tokens
            .get(i)
            .is_some_and(|t| t.is(class::BE | class::AUXILIARY))
            && i <= self.placed[tail].last + 2
        {
            i += 1;
        }
        self.tokens.get(i).filter(|_| !self.in_cue(i))
    }

    /// The clause that token `i` is in.
    fn clause_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i) - 1
    }

    /// True when token `i` is part of a cue.
    fn in_cue(&self, i: usize) -> bool {
        self.cues.iter().any(|c| c.first <= i && i <= c.last)
    }

    /// The words that govern mention `k`'s list, nearest first: at most `window` words
    /// before the list's first member, within its clause, up to the nearest cue (a cue nearer
    /// the place governs it instead) or a stop mark.
    /// A list in parentheses is governed by the words before the phrase it elaborates ("used
    /// by services all over Europe (Austria, Belgium)").
    fn governing_words(&self, k: usize, window: usize) -> impl Iterator<Item = &Token<'_>> + '_ {
        let mut first = self.placed[self.heads[k]].first;
        let mut window = window;
        if first > 0 && self.tokens[first - 1].lower == "(" {
            first -= 1;
            window += 4;
        }
        let clause_start = self.starts[self.clause_of(first)];
        (clause_start..first)
            .rev()
            .take_while(move |&i| {
                !self.in_cue(i) && !matches!(self.tokens[i].lower, ";" | ":" | "." | "!" | "?")
            })
            .take(window)
            .map(move |i| &self.tokens[i])
    }

    /// True when a word of `bits` is among the words that govern mention `k`'s list
    /// ([`Context::governing_words`], at most `window`); looked for only in a sentence that has
    /// one.
    fn governed_by(&self, k: usize, window: usize, bits: Classes) -> bool {
        self.has(bits) && self.governing_words(k, window).any(|t| t.is(bits))
    }

    /// The cues of mention `k`'s clause, with whether each is negated or hypothetical.
    fn clause_cues(&self, k: usize) -> impl Iterator<Item = (&Cue, bool)> + '_ {
        let clause = self.clause_of(self.placed[k].first);
        self.cues
            .iter()
            .filter(move |c| self.clause_of(c.first) == clause)
            .map(move |c| (c, cues::negated(self.tokens, self.starts, clause, c.first)))
    }

    /// The tokens of mention `k`'s clause.
    fn clause_tokens(&self, k: usize) -> &[Token<'_>] {
        let clause = self.clause_of(self.placed[k].first);
        let end = self
            .starts
            .get(clause + 1)
            .copied()
            .unwrap_or(self.tokens.len());
        &self.tokens[self.starts[clause]..end]
    }
}

/// A background filter: true when it drops mention `k` of the context.
type Filter = fn(&Context<'_, '_>, usize) -> bool;

/// The filters, in the order they are tried; the first that drops a mention names it.
pub(crate) const FILTERS: &[(Background, Filter)] = &[
    (Background::Restatement, country_after_its_city),
    (Background::Restatement, end_of_a_longer_name),
    (Background::Restatement, acronym_restating),
    (Background::Nationality, demonym_without_actor),
    (Background::Affiliation, inside_institution_name),
    (Background::Affiliation, researchers_employer),
    (Background::Affiliation, source_of_a_statement),
    (Background::Affiliation, organisation_of_its_members),
    (Background::Route, rest_of_a_route),
    (Background::Route, origin_or_route),
    (Background::Route, listed_after_a_route),
    (Background::Nationality, origin_or_residence),
    (Background::Nationality, nationality_noun_after),
    (Background::WantedBy, wanted_by),
    (Background::WantedBy, requests_extradition),
    (Background::WantedBy, issuer_of_a_warrant),
    (Background::Hosting, hosted_in),
    (Background::Target, where_the_victims_are),
    (Background::CrimeScene, where_a_crime_was_committed),
    (Background::Dateline, dateline),
    (Background::ReferencePoint, reference_point),
    (Background::ReferencePoint, other_side_of_a_border),
    (Background::ReferencePoint, name_of_a_water),
    (Background::Gathering, at_a_gathering),
    (Background::EarlierOperation, an_earlier_operation),
    (Background::Negation, negated_clause),
    (Background::Hypothetical, hypothetical_clause),
];

/// The fate of every mention of a sentence: `None` (kept) or the filter that dropped it.
pub(crate) fn fates(cx: &Context<'_, '_>) -> Vec<Option<Background>> {
    let mut fates: Vec<Option<Background>> = Vec::with_capacity(cx.placed.len());
    for k in 0..cx.placed.len() {
        let context = Context {
            earlier: &fates,
            ..*cx
        };
        let fate = FILTERS
            .iter()
            .find(|(_, drops)| drops(&context, k))
            .map(|(background, _)| *background);
        fates.push(fate);
    }
    fates
}

/// A demonym names an actor only with an authority noun within three words after it or after
/// its list ("Dutch police", "Dutch, German and French investigators") or right before the
/// list ("la police française"), an agency's name ("the
/// Dutch National High Tech Crime Unit", "the Italian Carabinieri"), an action noun it
/// qualifies ("the Spanish arrests"), or a place noun ("the Spanish cities of Valencia and
/// Malaga", "dans des villes belges"); else it is a person's or group's nationality ("two
/// Dutch men").
fn demonym_without_actor(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    if p.mention.form != Form::Demonym {
        return false;
    }
    let tail = cx.list_end(k);
    let actor_after = |k: usize| {
        let after = &cx.tokens[cx.placed[k].last + 1..];
        let agency = after
            .iter()
            .take(6)
            .take_while(|t| t.capitalised(cx.text))
            .any(|t| t.is(class::AGENCY_HEAD));
        let authority = after
            .iter()
            .take(3)
            .take_while(|t| t.lower.chars().all(|c| c.is_alphanumeric() || c == '-'))
            .any(|t| t.is(class::AUTHORITY));
        let place_noun = after.first().is_some_and(|t| t.is(class::PLACE_NOUN));
        // "the Italian Direzione Distrettuale Antimafia", "the Spanish Audiencia Nacional": an
        // institution's own name (two capitalised words or more) after "the" and a demonym.
        let the = cx.tokens[..cx.placed[k].first]
            .last()
            .is_some_and(|t| t.lower == "the");
        let name = the && after.len() >= 2 && after[..2].iter().all(|t| t.capitalised(cx.text));
        // An agency the gazetteer knows, right after it ("the Italian Carabinieri") or, where
        // adjectives follow their noun, right before it ("los Carabinieri italianos").
        let next_to = |a: usize, b: usize| cx.placed[a].last + 1 == cx.placed[b].first;
        let known_agency = (k + 1 < cx.placed.len()
            && cx.placed[k + 1].mention.form == Form::Agency
            && next_to(k, k + 1))
            || (k > 0 && cx.placed[k - 1].mention.form == Form::Agency && next_to(k - 1, k));
        agency || authority || place_noun || name || known_agency
    };
    // Any member from this one to the list's end: "the Spanish, German and Finnish
    // authorities, Europol …" (the list runs on to Europol after the authorities).
    if (k..=tail).any(actor_after) {
        return false;
    }
    // An authority noun right before the list's first member, where adjectives follow their
    // noun: "la police française", "les autorités françaises et belges", "la Policía
    // Nacional española" (at most two words before it, the second an adjective of the name).
    let head = (0..=k)
        .rev()
        .take_while(|&j| cx.heads[j] == cx.heads[k])
        .last()
        .unwrap_or(k);
    // An action noun it qualifies, right after the list or, where adjectives follow their
    // noun, right before it: "the Spanish arrests", "les perquisitions françaises".
    let (first, last) = (cx.placed[head].first, cx.placed[tail].last);
    let action_noun = cx.cues.iter().any(|c| qualifies_action(c, first, last));
    if action_noun {
        return false;
    }
    let before = &cx.tokens[..first];
    // Or a place noun right before it there: "dans des villes belges", "en la provincia
    // ecuatoriana de Guayas".
    let place_noun_before = lexicon::current_lang().puts_adjectives_after()
        && before.last().is_some_and(|t| t.is(class::PLACE_NOUN));
    let authority_before = |before: &[Token<'_>]| {
        before
            .iter()
            .rev()
            .take(2)
            .take_while(|t| t.lower.chars().all(char::is_alphanumeric))
            .any(|t| t.is(class::AUTHORITY))
    };
    // Also right before the demonym itself, where a list joins it to a place before its
    // authority: "arrestaron a tres sospechosos en Nápoles y la Gendarmería francesa a dos
    // más en Niza".
    let own_authority = lexicon::current_lang().puts_adjectives_after()
        && p.first > 0
        && cx.tokens[p.first - 1].is(class::AUTHORITY);
    !place_noun_before && !authority_before(before) && !own_authority
}

/// Inside an institution's name: "King's College London", "University of Lyon", "the
/// Northern District of Georgia".
fn inside_institution_name(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::INSTITUTION) {
        return false;
    }
    let p = cx.placed[k];
    let institution = |t: &Token| t.is(class::INSTITUTION) && t.capitalised(cx.text);
    cx.tokens[..p.first].iter().rev().take(3).any(institution)
        || cx.tokens[p.last + 1..].first().is_some_and(institution)
}

/// An international body named as the organisation of its members: "the INTERPOL member
/// countries participating include Peru", "Europol's member states", "the member states of
/// Eurojust" (the members act; the body is their affiliation). A body that acts itself is kept:
/// "Europol supported the member states".
fn organisation_of_its_members(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    if !cx.gazetteer.is_international(p.mention.place) {
        return false;
    }
    let after = cx.tokens[p.last + 1..]
        .iter()
        .find(|t| !matches!(t.lower, "'s" | "s" | "’s"));
    let before: Vec<&Token> = cx.tokens[..p.first]
        .iter()
        .rev()
        .filter(|t| t.lower != "the")
        .take(2)
        .collect();
    // "INTERPOL member countries"; "die Mitgliedstaaten der EU" (a genitive: "der" reads as
    // "the"); "the member states of Europol", "Mitgliedstaaten von Europol".
    let member = |t: &&Token| t.is(class::MEMBER_NOUN);
    after.is_some_and(|t| t.is(class::MEMBER_NOUN))
        || before.first().is_some_and(member)
        || (matches!(before.first(), Some(t) if matches!(t.lower, "of" | "by"))
            && before.get(1).is_some_and(member))
}

/// A researcher's or expert's employer: "researchers at the University of Sherbrooke in
/// Canada", "an analyst from a firm in London". (An officer's agency is not background:
/// officers act.)
fn researchers_employer(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::AFFILIATE) {
        return false;
    }
    let mut words = cx.governing_words(k, 8).peekable();
    let mut prev: Option<&Token> = None;
    while let Some(t) = words.next() {
        if t.is(class::AFFILIATE) {
            // "researchers at/from/of …": the next word is a preposition; "police
            // researchers" work for an authority that acts.
            let authority = words.peek().is_some_and(|b| b.is(class::AUTHORITY));
            return !authority
                && prev.is_some_and(|p| matches!(p.lower, "at" | "from" | "of" | "with"));
        }
        if t.is(class::BE) || matches!(t.lower, "said" | "says" | "had" | "has" | "have") {
            return false;
        }
        prev = Some(t);
    }
    false
}

/// The source of a statement that tells of no action: "Según la Policía Nacional, la droga
/// procedía de Colombia", "According to Europol, the network laundered millions". Where the
/// sentence tells of an action or a part in one ("According to the Spanish police, 20 people
/// were arrested", "Volgens Europol, dat de operatie ondersteunde, …"), the source may be its
/// actor and stays.
fn source_of_a_statement(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.has(class::ATTRIBUTION)
        && cx.governed_by(k, 3, class::ATTRIBUTION)
        && !cx
            .cues
            .iter()
            .any(|c| !cues::negated(cx.tokens, cx.starts, cx.clause_of(c.first), c.first))
}

/// German tells a direction from a place by its case: "in die Schweiz", "ins Ausland", "in die
/// Niederlande" (accusative: into) against "in der Schweiz", "in den Niederlanden" (dative:
/// in). A country after "in die" or "ins" is where something went, not where it happened;
/// unless the action's verb closes the phrase right after it: "kurz nach ihrer Einreise in die
/// Schweiz verhaftet" (arrested on entering it).
fn into_a_country(cx: &Context<'_, '_>, g: usize, k: usize) -> bool {
    if lexicon::current_lang() != crate::lang::Lang::De || cx.placed[k].mention.form == Form::Agency
    {
        return false;
    }
    let end = cx.placed[cx.list_end(k)].last;
    if cx
        .cues
        .iter()
        .any(|c| c.first > end && c.first <= end + 2 && c.action.is_specific())
    {
        return false;
    }
    let raw = |i: usize| cx.tokens.get(i).map_or("", |t| t.span.of(cx.text));
    let preposition = raw(g);
    (preposition.eq_ignore_ascii_case("in") && raw(g + 1) == "die")
        || preposition.eq_ignore_ascii_case("ins")
}

/// The rest of a route's list: "shipped from Spain to France and Italy" drops Italy with France.
fn rest_of_a_route(cx: &Context<'_, '_>, k: usize) -> bool {
    k > 0
        && cx.earlier[k - 1] == Some(Background::Route)
        && cx
            .tokens
            .get(cx.placed[k - 1].last + 1..cx.placed[k].first)
            .is_some_and(|between| {
                between
                    .iter()
                    .all(|t| matches!(t.lower, "," | "and" | "or" | "the"))
            })
}

/// An origin, a route or a destination: "from Syria", "via Spain", "to Dunkirk and Lille",
/// "out of Martinique", "bound for Rotterdam", "met bestemming Italië" (the word that governs the mention's list). Not
/// background: help given and actors ("assistance from the Polish police", "investigators from
/// Norway"), an authority that receives ("provided to UK authorities"), an exception ("apart
/// from Canada") and an operation that spreads ("spread to Greece").
fn origin_or_route(cx: &Context<'_, '_>, k: usize) -> bool {
    // A destination word right before the place, without a preposition: "met bestemming
    // Italië", "destination Rotterdam".
    let first = cx.placed[cx.heads[k]].first;
    if first > 0 && cx.tokens[first - 1].is(class::DESTINATION) {
        return true;
    }
    let Some(g) = governor(cx.text, cx.tokens, cx.placed[k].first) else {
        return false;
    };
    let word = &cx.tokens[g];
    // German and Dutch close the clause with the verb of transport: "an Italien
    // ausgeliefert", "aan Italië uitgeleverd" (not "in": where it happened).
    let transported = cx.closing_word(k).is_some_and(|t| t.is(class::DESTINATION));
    if transported && word.lower != "in" && cx.placed[k].mention.form != Form::Agency {
        return true;
    }
    if into_a_country(cx, g, k) {
        return !(cx.acted_on_where(k) || cx.acted_on_there(k));
    }
    if !word.is(class::BACKGROUND_PREPOSITION) && !matches!(word.lower, "of" | "for") {
        return false;
    }
    let before: Vec<&Token> = cx.tokens[..g]
        .iter()
        .rev()
        .filter(|t| t.lower != "the")
        .take(4)
        .collect();
    let out_of = word.lower == "of" && before.first().is_some_and(|t| t.lower == "out");
    let destination = word.lower == "for" && before.iter().any(|t| t.is(class::DESTINATION));
    // Goods "of" a place come from it where "of" is also "from": "traían la droga de
    // Marruecos", "de la cocaïne de Colombie".
    let goods_of = word.lower == "of"
        && cx.tokens[g].span.of(cx.text) != "of"
        && before.first().is_some_and(|t| t.is(class::GOODS));
    if out_of || destination || goods_of {
        return true;
    }
    if !word.is(class::BACKGROUND_PREPOSITION) {
        return false;
    }
    let from = word.lower == "from";
    // Help given: "assistance from the Polish police", "vessels from Spain", "officers
    // deployed from Belgium" (a deploying verb anywhere in the clause: German and Dutch put it
    // last, "Boote aus Spanien wurden eingesetzt").
    let help_given = from
        && (before
            .iter()
            .take(2)
            .any(|t| t.is(class::AUTHORITY | class::SUPPORT_NOUN | class::MEANS_NOUN))
            || cx.clause_tokens(k).iter().any(|t| t.is(class::DEPLOY_VERB)));
    let exception = from && before.first().is_some_and(|t| t.is(class::FROM_EXCEPTION));
    let extension = word.lower == "to" && before.first().is_some_and(|t| t.is(class::EXTENSION));
    // An authority receives: "provided to UK authorities", "referred to Eurojust".
    let authority_after = cx
        .words_after(k)
        .next()
        .is_some_and(|t| t.is(class::AUTHORITY));
    // An authority named by its country is an actor too: "thanked the governments of
    // Guatemala and Mexico", "sent to the authorities of Spain" (the word governs the
    // authority noun, not the place).
    let authority_of = cx.tokens[g + 1..cx.placed[k].first]
        .iter()
        .any(|t| t.is(class::AUTHORITY));
    // An agency is an actor, not a stop on a route: "referred to Eurojust", "through the EU
    // Internet Referral Unit".
    let agency = cx.placed[k].mention.form == Form::Agency;
    !(help_given
        || exception
        || extension
        || authority_after
        || authority_of
        || agency
        || cx.acted_on_where(k)
        || cx.acted_on_there(k))
}

/// Places listed after a route noun: "via the Balkan route (former Yugoslav Republic of
/// Macedonia, Serbia, Hungary)", "along the route: Spain, France".
fn listed_after_a_route(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::ROUTE_NOUN) {
        return false;
    }
    let first = cx.placed[cx.heads[k]].first;
    let opening = (first.saturating_sub(8)..first)
        .rev()
        .take_while(|&i| cx.tokens[i].lower != ")")
        .find(|&i| matches!(cx.tokens[i].lower, "(" | ":"));
    let Some(i) = opening else {
        return false;
    };
    cx.tokens[..i]
        .iter()
        .rev()
        .find(|t| t.lower != "the")
        .is_some_and(|t| t.is(class::ROUTE_NOUN))
}

/// A person's origin or residence: "born in Syria", "living in Spain", "a resident of Italy",
/// for every member of the list ("who have the nationality of Spain and Venezuela").
///
/// German and Dutch put the verb or participle after the place: "die in Österreich lebenden
/// Verdächtigen", "een Marokkaan die in België woont" (the list's last place, then at most
/// one word before it: "die in Spanien und Portugal wohnhaften Männer").
fn origin_or_residence(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::ORIGIN) {
        return false;
    }
    let before = cx
        .words_before(cx.heads[k])
        .take(2)
        .any(|t| t.is(class::ORIGIN));
    before
        || (lexicon::current_lang().puts_verbs_last()
            && cx.tokens[cx.placed[cx.list_end(k)].last + 1..]
                .iter()
                .take(2)
                .take_while(|t| !t.is(class::CLAUSE_BREAK) && t.lower != ",")
                .any(|t| t.is(class::ORIGIN)))
}

/// Who wants a suspect, and for what: "wanted by Romania", "wanted in Italy", "wanted for
/// people smuggling offences in France, Germany and Belgium".
fn wanted_by(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::WANTED) {
        return false;
    }
    // German and Dutch put the participle last: "der von Frankreich gesucht wurde". An article
    // right before the place's phrase opens an attributive phrase that the participle closes,
    // however many words between: "die Festnahme eines in Serbien wegen dreifachen Mordes
    // gesuchten Mannes" (not "nahm in Berlin einen mit Haftbefehl gesuchten Mann fest").
    let verbs_last = super::lexicon::current_lang().puts_verbs_last();
    let first = cx.placed[cx.heads[k]].first;
    let in_attributive_phrase = first >= 2 && matches!(cx.tokens[first - 2].lower, "a" | "the");
    let reach = if in_attributive_phrase { 7 } else { 3 };
    // (A participle read as a search is not "wanted": "op negentien locaties … gezocht".)
    let after = cx.placed[k].last + 1;
    let participle_after = verbs_last
        && cx.tokens[after..]
            .iter()
            .enumerate()
            .take(reach)
            .take_while(|(_, t)| !matches!(t.lower, "," | "." | ";"))
            .any(|(j, t)| t.is(class::WANTED) && !cx.in_cue(after + j));
    if participle_after {
        return true;
    }
    // Nearest first. A comma before a form of "be" closes a relative clause, and the place is
    // the main clause's: "Der Beschuldigte, der von Frankreich gesucht wurde, wurde in München
    // festgenommen".
    let mut nearer: Option<&Token> = None;
    for t in cx.governing_words(k, 15) {
        // An attributive participle qualifies the noun after it, the subject of another
        // predicate: "Der von Italien gesuchte Mann wurde in Zürich festgenommen" (Zürich is
        // where he was arrested).
        let attributive = || {
            let i = cx.tokens.iter().position(|x| x.span == t.span);
            i.and_then(|i| cx.tokens.get(i + 1))
                .is_some_and(|n| n.capitalised(cx.text) && !n.is(class::BE | class::AUXILIARY))
        };
        if t.is(class::WANTED) && !(lexicon::current_lang().puts_verbs_last() && attributive()) {
            return true;
        }
        if t.lower == "," && nearer.is_some_and(|n| n.is(class::BE | class::AUXILIARY)) {
            return false;
        }
        nearer = Some(t);
    }
    false
}

/// Who issued a warrant wants the suspect; it is not where he was caught: "ein internationaler
/// Haftbefehl der türkischen Justiz", "un mandat d'arrêt des autorités turques", "una orden de
/// detención de las autoridades turcas", "a warrant issued by the Spanish police". Not a
/// warrant executed in the sentence ("search warrants were executed by the Dutch police"), nor
/// a place after a place preposition ("warrants issued in Spain").
fn issuer_of_a_warrant(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::WARRANT_NOUN) || cx.has(class::WARRANT_EXECUTOR) {
        return false;
    }
    if cx
        .governing_words(k, 1)
        .any(|t| t.is(class::PLACE_PREPOSITION))
    {
        return false;
    }
    let first = cx.placed[cx.heads[k]].first;
    let start = cx.starts[cx.clause_of(first)];
    for i in (start..first).rev().take(7) {
        let t = &cx.tokens[i];
        if matches!(t.lower, "," | ";" | ":") || t.is(class::BE | class::AUXILIARY) {
            return false;
        }
        if t.is(class::WARRANT_NOUN) {
            return cx.tokens[i + 1..first]
                .iter()
                .any(|w| matches!(w.lower, "of" | "by" | "the"));
        }
    }
    false
}

/// The state that asks for a suspect's extradition wants him; it is not where he was caught:
/// "Belgium had requested his extradition", "whose extradition Italy is seeking", "una
/// solicitud de extradición de Estados Unidos", "Italien hatte seine Auslieferung beantragt".
/// An extradition and a word of asking (a verb or a noun) both stand near the list, in its
/// clause and not past a cue, and the list is not after a place preposition: "arrested in
/// Spain at the request of Italy" asks for no extradition, in "arrested in Spain; Italy
/// requested his extradition" Spain is in another clause, and in "detained in Mexico on a
/// US extradition request" Mexico is where he was caught.
fn requests_extradition(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::EXTRADITION) || !cx.has(class::REQUEST_VERB | class::REQUEST_NOUN) {
        return false;
    }
    // A place after a place preposition is where something happened: "fue detenida en México
    // en virtud de una solicitud de extradición de Estados Unidos" (Mexico stays).
    if cx
        .governing_words(k, 1)
        .any(|t| t.is(class::PLACE_PREPOSITION))
    {
        return false;
    }
    let end = cx.placed[cx.list_end(k)].last;
    let clause_end = cx
        .starts
        .get(cx.clause_of(end) + 1)
        .copied()
        .unwrap_or(cx.tokens.len());
    let after = (end + 1..clause_end)
        .take_while(|&i| !cx.in_cue(i) && !matches!(cx.tokens[i].lower, "," | ";" | ":" | "."))
        .take(7)
        .map(|i| &cx.tokens[i]);
    let near: Vec<&Token<'_>> = cx.governing_words(k, 5).chain(after).collect();
    near.iter().any(|t| t.is(class::EXTRADITION))
        && near
            .iter()
            .any(|t| t.is(class::REQUEST_VERB | class::REQUEST_NOUN))
}

/// Where a service, company or asset is hosted, used, registered, based or bought:
/// "registered in the Seychelles", "a service being used in Sweden, France and Spain",
/// "developers based in Russia", "bought 21 properties in the United States", "a Hong
/// Kong-based company".
///
/// Not when the clause states a specific action and names no other place: "the takedown of 34
/// servers located in the Netherlands", "servers hosted in Germany were seized" happened where
/// the servers were.
fn hosted_in(cx: &Context<'_, '_>, k: usize) -> bool {
    // A partner: "a joint investigation team set up with France and Belgium" ("opgericht met
    // Frankrijk en België"); after "between", when a team or joint action stands just before:
    // "een taskforce opgericht tussen Nederland, Slowakije en België" (not "a gang operating
    // between Mexico and Colombia", where it worked).
    let first = cx.placed[cx.heads[k]].first;
    let before = first.checked_sub(1).map(|i| cx.tokens[i].lower);
    if before == Some("with") {
        return false;
    }
    let team_before = || {
        cx.clause_cues(k).any(|(c, _)| {
            c.action == crate::action::Action::Participation
                && c.kind == CueKind::Noun
                && c.last < first
                && first - c.last <= 4
        })
    };
    if before == Some("between") && team_before() {
        return false;
    }
    let acted_on = || {
        cx.clause_cues(k)
            .any(|(c, negated)| !negated && c.action.is_specific())
    };
    let suffix = cx.text[cx.placed[k].mention.span.end..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    let based = matches!(
        suffix,
        "-based" | "-registered" | "-headquartered" | "-owned" | "-flagged"
    );
    // Unless the clause names another place, where the action then happened: "a truck
    // registered in Poland was seized by customs officers in Lille". Not the source of the
    // sentence, which says so rather than acts: "…, meldt de FIOD", "…, said the FBI".
    let clause = cx.clause_of(cx.placed[k].first);
    let source = |j: usize| {
        let first = cx.placed[j].first;
        cx.tokens[first.saturating_sub(3)..first]
            .iter()
            .any(|t| t.is(class::REPORTING_VERB))
    };
    let other_place = || {
        (0..cx.placed.len()).any(|j| {
            cx.heads[j] != cx.heads[k] && cx.clause_of(cx.placed[j].first) == clause && !source(j)
        })
    };
    // A company right before the place's preposition, or before up to two words that qualify
    // it: "companies in Cyprus", "des sociétés fictives créées en Hongrie" (not "a company has
    // subsidiaries in Spain": the subsidiaries are what is there). The places may stand in
    // parentheses after a larger region's name: "créées en Europe (Hongrie, Italie, …)".
    let company = || {
        let mut at = first;
        if at >= 2 && cx.tokens[at - 1].lower == "(" && cx.tokens[at - 2].capitalised(cx.text) {
            at -= 2;
        }
        if at < 2 || !cx.tokens[at - 1].is(class::PLACE_PREPOSITION) {
            return false;
        }
        cx.tokens[..at - 1]
            .iter()
            .rev()
            .take(3)
            .position(|t| t.is(class::COMPANY_NOUN))
            .is_some_and(|d| {
                cx.tokens[at - 1 - d..at - 1].iter().all(|t| {
                    t.lower.starts_with(char::is_alphabetic)
                        && !t.is(class::CUE_START | class::BE | class::AUXILIARY)
                })
            })
    };
    // A vehicle's registration, whatever was done to the vehicle: "2 tonnes de tabac dans un
    // camion immatriculé en Pologne", "un camión con matrícula de Polonia", "in einem in
    // Polen zugelassenen Lastwagen".
    // A member after a comma starts another phrase: "immatriculé en Pologne, à Lille".
    let after_comma = k > cx.heads[k]
        && cx.tokens[cx.placed[k - 1].last + 1..cx.placed[k].first]
            .iter()
            .any(|t| t.lower == ",");
    if !after_comma
        && (cx.governed_by(k, 4, class::REGISTRATION)
            || cx
                .closing_word(k)
                .is_some_and(|t| t.is(class::REGISTRATION)))
    {
        return true;
    }
    let hosting = cx.governed_by(k, 4, class::HOSTING)
        || cx.closing_word(k).is_some_and(|t| t.is(class::HOSTING))
        || (cx.has(class::COMPANY_NOUN) && company());
    based || (hosting && (!acted_on() || other_place()))
}

/// A reference point: a compass word and "of" before the place, after a distance or open
/// water ("1,200 miles east of Martinique", "international waters east of Barbados"). ("50 km
/// south of Madrid" is in Spain, but a raid there is stated with "in" or "near".)
fn reference_point(cx: &Context<'_, '_>, k: usize) -> bool {
    let mut before = cx.tokens[..cx.placed[k].first].iter().rev();
    matches!((before.next(), before.next(), before.next()), (Some(of), Some(compass), Some(unit))
        if of.lower == "of" && compass.is(class::COMPASS) && unit.is(class::DISTANCE_UNIT))
}

/// The country on the other side of a border, named only to say where the border runs: "cerca
/// de la frontera de Paraguay con Brasil y Argentina", "near the border with Brazil", "an der
/// Grenze zu Polen", "la frontière avec l'Espagne", "de grens met België". (A list after
/// "between" keeps its places: which side an action was on is not said.)
fn other_side_of_a_border(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::BORDER_NOUN) {
        return false;
    }
    // A border named by its two countries' adjectives, before or after it: "nahe der
    // deutsch-französischen Grenze", "the Franco-German border", "la frontière
    // franco-belge", "de Belgisch-Nederlandse grens".
    let p = cx.placed[k];
    let compound = p.first == p.last && cx.tokens[p.first].lower.contains('-');
    let next_to_border = [p.last + 1, p.first.wrapping_sub(1)]
        .iter()
        .any(|&i| cx.tokens.get(i).is_some_and(|t| t.is(class::BORDER_NOUN)));
    if p.mention.form == Form::Demonym && compound && next_to_border {
        return true;
    }
    let head = cx.placed[cx.heads[k]].first;
    let Some(g) = governor(cx.text, cx.tokens, head) else {
        return false;
    };
    let with = cx.tokens[g].lower == "with"
        || (lexicon::current_lang() == crate::lang::Lang::De
            && cx.tokens[g].span.of(cx.text) == "zu");
    with && cx.tokens[..g]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| t.lower != "," && !t.is(class::CUE_START))
        .any(|t| t.is(class::BORDER_NOUN))
}

/// The name of a body of water: "De Straat van Gibraltar is een populaire route", "the Strait
/// of Gibraltar", "le golfe de Guinée", "el Golfo de México" (a `water-noun`, "of" and the
/// place, nothing between).
fn name_of_a_water(cx: &Context<'_, '_>, k: usize) -> bool {
    let first = cx.placed[k].first;
    first >= 2 && cx.tokens[first - 1].lower == "of" && cx.tokens[first - 2].is(class::WATER_NOUN)
}

/// A dateline: the place a release was issued from, at the start of a line and followed by a
/// dash or a date ("WASHINGTON – Homeland Security Investigations …", "The Hague, 09 July
/// 2012", "AMSTERDAM (AP) —", "(Luxembourg, 3 July 2024) –"), with the country in parentheses
/// after its town ("LYON (Francia) –").
fn dateline(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    // What stands between the line's start and the place: nothing, or an opening parenthesis,
    // with spaces around (read backwards, up to the line break).
    let same_line = |c: char| c.is_whitespace() && c != '\n';
    let before = cx.text[..p.mention.span.start].trim_end_matches(same_line);
    let (opening, before) = match before.strip_suffix('(') {
        Some(rest) => ("(", rest.trim_end_matches(same_line)),
        None => ("", before),
    };
    if !(before.is_empty() || before.ends_with('\n')) {
        // The country after a dateline's town, in parentheses: "LYON (Francia) –".
        let closes = cx.text[p.mention.span.end..].starts_with(')');
        return opening == "("
            && closes
            && k > 0
            && cx.placed[k - 1].mention.span.end == before.len()
            && dateline(cx, k - 1);
    }
    let line_end = cx.text[p.mention.span.end..]
        .find('\n')
        .map_or(cx.text.len(), |i| p.mention.span.end + i);
    let rest: Vec<&Token> = cx.tokens[p.last + 1..]
        .iter()
        .take_while(|t| t.span.start < line_end)
        .take(8)
        .collect();
    let dash = rest
        .iter()
        .any(|t| matches!(t.lower, "–" | "—" | "-" | "--"));
    // Not a row that counts an action at the place ("Litauen: 7 Festnahmen", "Spain: 12
    // arrests").
    let date_only = rest.len() < 8
        && cx.tokens[p.last + 1..].len() == rest.len()
        && rest
            .iter()
            .any(|t| t.lower.chars().all(|c| c.is_ascii_digit()))
        && !rest.iter().any(|t| t.is(class::CUE_START));
    // "(Luxembourg, 3 July 2024) –": a place and a date in parentheses that close before the
    // sentence goes on.
    let bracketed_date = opening == "("
        && rest
            .iter()
            .take_while(|t| t.lower != ")")
            .any(|t| t.lower.chars().all(|c| c.is_ascii_digit()))
        && rest.iter().any(|t| t.lower == ")");
    // "Abidjan, 13 fév 2025 (AIP) – Un vaste réseau …": a comma, a date and a dash, with no
    // action word before the dash.
    let before_dash: Vec<&&Token> = rest
        .iter()
        .take_while(|t| !matches!(t.lower, "–" | "—" | "-" | "--"))
        .collect();
    let dated_dash = dash
        && rest.first().is_some_and(|t| t.lower == ",")
        && before_dash
            .iter()
            .any(|t| t.lower.chars().all(|c| c.is_ascii_digit()))
        && !before_dash.iter().any(|t| t.is(class::CUE_START));
    // A dateline is a place in capitals or a place then a date, not a sentence's subject.
    let capitals = !p.mention.span.of(cx.text).chars().any(char::is_lowercase);
    date_only || bracketed_date || dated_dash || (dash && capitals)
}

/// Where the victims or targets are: "victims in 40 countries", "attacked more than 2,500
/// victims worldwide, including hospitals in the United States", "the suspects targeted
/// during the action in Kyiv".
fn where_the_victims_are(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::VICTIM | class::PERSON_NOUN) {
        return false;
    }
    let words: Vec<&Token> = cx.governing_words(k, 12).collect();
    // "The suspects targeted during the action in Kyiv": people targeted (a takedown targets
    // infrastructure, and then "targeted" is a cue that governs the place).
    let people_targeted = words.iter().enumerate().any(|(i, t)| {
        t.lower.starts_with("target")
            && words[i + 1..]
                .iter()
                .take(3)
                .any(|p| p.is(class::PERSON_NOUN))
    });
    people_targeted || words.iter().any(|t| t.is(class::VICTIM))
}

/// Where a crime was committed or is suspected: "murders committed in Italy", "offences in
/// France", "the gang sold the drugs in Germany", "suspected of paying bribes in relation to a data centre in the Netherlands" (not
/// "the accused in London": people).
fn where_a_crime_was_committed(cx: &Context<'_, '_>, k: usize) -> bool {
    // Where a later action of the sentence happened is no mere crime scene: "robbed banks in
    // Italy, where he was arrested", "fled after the robbery to Spain and were arrested there".
    crime_words_govern(cx, k) && !cx.acted_on_where(k) && !cx.acted_on_there(k)
}

/// A crime or suspicion word governs mention `k` (see [`where_a_crime_was_committed`]).
fn crime_words_govern(cx: &Context<'_, '_>, k: usize) -> bool {
    // Nearest first; a place after "by" is the agent of the crime word, who may be the police
    // ("a trojan horse distributed by the FBI", "vendu par les enquêteurs infiltrés").
    // A count after a comma distributes the action over places and opens their phrase: the
    // words before it are the action's object ("detuvo a 13 presuntos integrantes de la
    // organización, cuatro de ellos en Bulgaria").
    let window = |n: usize| {
        let mut words: Vec<&Token<'_>> = cx.governing_words(k, n).collect();
        if let Some(i) = words
            .windows(2)
            .position(|w| super::tokens::is_count(w[0].lower) && w[1].lower == ",")
        {
            words.truncate(i + 1);
        }
        words.into_iter()
    };
    if cx.has(class::CRIME) {
        if cx.closing_word(k).is_some_and(|t| t.is(class::CRIME)) {
            return true;
        }
        for t in window(4) {
            if t.lower == "by" {
                break;
            }
            if t.is(class::CRIME) {
                return true;
            }
        }
    }
    if !cx.has(class::SUSPICION) {
        return false;
    }
    // Nearest first. After an article a suspicion word names people, not a suspicion:
    // "arrestaron a los acusados en la Ciudad de Guatemala" (the defendants, arrested there).
    let mut words = window(15).peekable();
    while let Some(t) = words.next() {
        let after_article = words
            .peek()
            .is_some_and(|p| matches!(p.lower, "the" | "a" | "an"));
        if t.is(class::SUSPICION) && !after_article {
            return true;
        }
    }
    false
}

/// A gathering that is not an action: "speaking at a cybercrime conference in Lisbon", "told a
/// press conference in Brussels".
fn at_a_gathering(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.governed_by(k, 5, class::GATHERING)
}

/// An earlier or different operation: "A similar service, Phantom Secure, was dismantled by
/// Canadian and US authorities in 2018", "a previous operation in Spain". The adjective must
/// qualify an operation, a case or a scheme (at most two words before its noun, or right after
/// it where the language puts adjectives there: "une opération similaire", "una operación
/// anterior"), anywhere in the mention's clause.
fn an_earlier_operation(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::EARLIER) {
        return false;
    }
    let clause = cx.clause_tokens(k);
    let after_noun = lexicon::current_lang().puts_adjectives_after();
    clause.iter().enumerate().any(|(i, t)| {
        t.is(class::EARLIER)
            && (clause[i + 1..]
                .iter()
                .take(3)
                .any(|n| n.is(class::OPERATION_NOUN))
                || (after_noun && i > 0 && clause[i - 1].is(class::OPERATION_NOUN)))
    })
}

/// A negated statement: the clause holds a negation and no cue that stands outside it: "Italy
/// was not involved in the operation", "no arrests were made in France".
fn negated_clause(cx: &Context<'_, '_>, k: usize) -> bool {
    negated_or_hypothetical(cx, k, class::NEGATION)
}

/// A hypothetical: the clause holds a modal or a condition and no cue outside it: "servers in
/// Canada could be seized", "if he is convicted in France".
fn hypothetical_clause(cx: &Context<'_, '_>, k: usize) -> bool {
    (negated_or_hypothetical(cx, k, class::MODAL) && !reported_past(cx, k)) || planned_clause(cx, k)
}

/// A past action reported as others' word is no hypothetical (see [`cues::reports_past`]).
fn reported_past(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.has(class::HEARSAY) && cues::reports_past(cx.clause_tokens(k))
}

/// A planned or expected action, stated after its noun: "Further searches are planned in
/// Belgium", "Des perquisitions sont prévues en Belgique", "Weitere Durchsuchungen in Belgien
/// sind geplant", "Otros registros están previstos en Francia": a form of "be" (or an
/// auxiliary), at most one word, then a planned word, and no other form of "be" after it, in a
/// clause whose cues are all nouns. A verb cue or a second predicate says the action was done
/// ("the raids, long planned, were carried out"; "searches had been planned and were carried
/// out"), and "as planned" has no "be". Likewise a further action in a modal or forthcoming
/// clause: "More arrests may follow in the Netherlands", "Mogelijk volgen er meer aanhoudingen
/// in Nederland".
fn planned_clause(cx: &Context<'_, '_>, k: usize) -> bool {
    if !cx.has(class::PLANNED | class::FURTHER) {
        return false;
    }
    let clause = cx.clause_tokens(k);
    let be = class::BE | class::AUXILIARY;
    let after_be = |i: usize| (1..=2).any(|d| i >= d && clause[i - d].is(be));
    let planned = (0..clause.len()).any(|i| {
        clause[i].is(class::PLANNED) && after_be(i) && !clause[i + 1..].iter().any(|t| t.is(be))
    });
    // "More arrests may follow in the Netherlands", "Weitere Festnahmen in Deutschland sind
    // nicht ausgeschlossen": a further action in a modal or forthcoming clause.
    let further = || {
        cx.clause_cues(k).any(|(c, _)| {
            cx.tokens[c.first.saturating_sub(2)..c.first]
                .iter()
                .any(|t| t.is(class::FURTHER))
        }) && clause
            .iter()
            .any(|t| t.is(class::FORTHCOMING | class::MODAL))
    };
    // What a reporting verb says starts after it: "The FBI, which led the investigation, said
    // further arrests were expected in Brazil" (the cue "led" is not in what was said).
    let said_from = (cx.starts[cx.clause_of(cx.placed[k].first)]..cx.placed[k].first)
        .rev()
        .find(|&i| cx.tokens[i].is(class::REPORTING_VERB))
        .unwrap_or(0);
    (planned || (cx.has(class::FURTHER) && further()))
        && cx
            .clause_cues(k)
            .all(|(c, _)| c.kind == CueKind::Noun || c.first < said_from)
}

/// True when mention `k`'s clause holds a word of `bits` and every cue of the clause (if any)
/// stands after such a word.
fn negated_or_hypothetical(cx: &Context<'_, '_>, k: usize, bits: Classes) -> bool {
    if !cx.has(bits) {
        return false;
    }
    let clause = cx.clause_tokens(k);
    let start = cx.starts[cx.clause_of(cx.placed[k].first)];
    let Some(at) = clause.iter().position(|t| t.is(bits)) else {
        return false;
    };
    // What a colon opens is said for itself: "Die Staatsanwälte lassen nicht locker: Am
    // 27.07. erfolgten Durchsuchungen in Bulgarien".
    let first = cx.placed[k].first;
    if first > start + at && cx.tokens[start + at..first].iter().any(|t| t.lower == ":") {
        return false;
    }
    cx.clause_cues(k).all(|(c, _)| c.first > start + at)
}

/// A person's nationality: "a Romanian national", "Albanian citizens", "a Syrian-born man".
/// But "the Romanian National Police" is an agency: a capitalised "National" before a
/// capitalised word, or "national" before an authority noun, opens an agency's name.
fn nationality_noun_after(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    // "as Eurojust national correspondent": an agency has no nationality.
    if p.mention.form == Form::Agency {
        return false;
    }
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

/// "Paris, France", "Lille in France", "Santa Marta (Colombia)", "Austin, Texas": a country or region after a city of its
/// own only qualifies the city (and shares its fate); after a city of another country it names a region there
/// ("Atlanta, Georgia"). "in Paris, Spain and Italy" is a list, not a region.
fn country_after_its_city(cx: &Context<'_, '_>, k: usize) -> bool {
    let p = cx.placed[k];
    let place = cx.gazetteer.place(p.mention.place);
    if !matches!(place.kind, PlaceKind::Country | PlaceKind::Region) || k == 0 {
        return false;
    }
    let prev = cx.placed[k - 1].mention;
    let prev_place = cx.gazetteer.place(prev.place);
    if prev_place.kind != PlaceKind::City {
        return false;
    }
    let gap = cx.text[prev.span.end..p.mention.span.start].trim();
    let list_goes_on = cx
        .placed
        .get(k + 1)
        .is_some_and(|next| next.first <= p.last + 3);
    let same_country = prev_place.country == place.country;
    // "Santa Marta (Colombia)": the country in parentheses right after its city.
    let bracketed =
        gap == "(" && cx.text[p.mention.span.end..].trim_start().starts_with(')') && same_country;
    (gap == "," && (same_country || !list_goes_on)) || (gap == "in" && same_country) || bracketed
}

/// The end of a longer proper name: "Michael Jordan", "Detective Chad" (but "North Macedonia",
/// "Greater London" keep their compass word, and the first word of a sentence, after any
/// opening quote, is no name).
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
    // German capitalises every noun: a word the lexicon knows, or one after an article ("der
    // Länder Griechenland, Belgien und Deutschland"), is a noun, not a given name.
    let german_noun = super::lexicon::current_lang() == crate::lang::Lang::De
        && (super::lexicon::current().knows(before.lower)
            || p.first >= 2 && cx.tokens[p.first - 2].lower == "the");
    // The first word of a sentence, after any opening quote: '"Ook Nederland is betrokken'.
    let sentence_first = cx.tokens[..p.first - 1]
        .iter()
        .all(|t| !t.lower.chars().any(char::is_alphanumeric));
    titlecase && !german_noun && !before.is(class::COMPASS) && !in_mention && !sentence_first
}

/// "European Counter Terrorism Centre (ECTC)": the acronym restates the name before it.
fn acronym_restating(cx: &Context<'_, '_>, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let before = cx.placed[k - 1].mention;
    let here = cx.placed[k].mention;
    let gap = cx.text[before.span.end..here.span.start].trim();
    // One site: the same place, or two names of bodies at one seat ("EPPO", "European Public
    // Prosecutor's Office"), joined by id rather than by their (equal) points.
    gap == "(" && cx.gazetteer.site(before.place) == cx.gazetteer.site(here.place)
}

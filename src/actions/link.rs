//! Linking place lists to the cues of their clause.
//!
//! In: a sentence's tokens, cues and the place mentions that passed the background filters.
//! Out: for each list of places, the cues it links to, each with the [`Rule`] that linked them.
//!
//! The link rules are an ordered table ([`RULES`]): the first rule that links a list wins.
//! Three additions may then give the list more actions: a purpose infinitive right after the
//! list ("actions in A and B to take down X"), a "where" clause after it ("in Belgium, where
//! authorities also shut down its channels") and a result ("searched in A, resulting in the
//! arrest of …").

use super::cues::{follows_result, Cue};
use super::lexicon::{class, class_of, Classes, CueKind};
use super::tokens::{is_count, plain_between, Token};
use super::{Placed, Rule};
use crate::action::Action;
use crate::gazetteer::Form;

/// A list of places inside one clause of a sentence, and what its link rules need.
pub(crate) struct ListInClause<'a, 't, 'c> {
    /// The article's text.
    pub text: &'a str,
    /// The sentence's tokens.
    pub tokens: &'a [Token<'t>],
    /// The cues of the list's clause, in text order.
    pub cues: &'a [&'c Cue],
    /// The token where the clause starts.
    pub clause_start: usize,
    /// The list's first member.
    pub head: Placed<'a>,
    /// The list's last member.
    pub tail: Placed<'a>,
    /// The word that governs the list (see [`governor`]).
    pub governing: Option<usize>,
}

impl<'c> ListInClause<'_, '_, 'c> {
    /// The governing word in lower case ("" when none).
    fn gov_word(&self) -> &str {
        self.governing.map_or("", |g| self.tokens[g].lower)
    }

    /// The cues after the list's last member.
    fn cues_after(&self) -> impl Iterator<Item = &'c Cue> + '_ {
        self.cues
            .iter()
            .copied()
            .filter(move |c| c.first > self.tail.last)
    }

    /// The nearest cue before the governing word when only a short noun phrase stands between
    /// them (at most `limit` words), a distributive count ("4 arrests: 1 in A") or the cue's
    /// objects listed before the place ("seized cash, watches and 40 phones in Barcelona").
    fn cue_left(&self, limit: usize) -> Option<&'c Cue> {
        let g = self.governing?;
        let c = self
            .cues
            .iter()
            .copied()
            .filter(|c| c.last < g)
            .max_by_key(|c| c.last)?;
        let between = plain_between(self.tokens, c.last, g);
        // A distributive count: "4 arrests: 1 in A and 3 in B", "two men were arrested, one
        // in A and one in B".
        // "12 suspects were arrested in the operation, including 2 in the Netherlands", "52
        // arrests – 28 in Spain".
        // The count may be followed by "more" ("one more in France", "eine weitere im
        // Großherzogtum"); the token itself is read for a pronoun its gloss hides ("eine" is
        // read as "a").
        let counted = |n: &str, at: usize| {
            is_count(n) || self.tokens[at].lower == n && self.tokens[at].is(class::DISTRIBUTIVE)
        };
        // "of them" may follow the count: "cuatro de ellos en Bulgaria", "vier van hen in".
        let of_them = |of: &str, them: &str| {
            of == "of" && matches!(them, "them" | "ellos" | "ellas" | "hen" | "ihnen" | "eux")
        };
        let distributive = (matches!(between.as_slice(), [.., ":" | "," | "including" | "–" | "—" | "-", n] if counted(n, g - 1))
            || matches!(between.as_slice(), [.., ":" | "," | "including" | "–" | "—" | "-", n, more]
                if class_of(more) & class::FURTHER != 0 && counted(n, g - 2))
            || matches!(between.as_slice(), [.., ":" | "," | "including" | "–" | "—" | "-", n, of, them]
                if of_them(of, them) && counted(n, g - 3)))
            && !between
                .iter()
                .any(|w| matches!(*w, ";" | ".") || class_of(w) & class::BE != 0);
        // The cue's objects listed before the place: "seized cash, watches and 40 phones in
        // Barcelona" (commas, then "and" before the last item). Only noun phrases: no place
        // phrase, date or verb of another clause in it.
        let last_comma = between.iter().rposition(|w| *w == ",");
        let of_another_phrase = |w: &&str| {
            class_of(w) & (class::PLACE_PREPOSITION | class::BE) != 0
                || matches!(*w, ";" | ":" | "on" | "by" | "has" | "have" | "had")
        };
        let noun_phrases = between.len() <= 2 * limit && !between.iter().any(of_another_phrase);
        let object_list =
            noun_phrases && last_comma.is_some_and(|k| between[k + 1..].contains(&"and"));
        // Quantities as objects, joined by "and": "seized 1,200 kilos of cocaine and 80,000
        // euros in", "incautaron 1.200 kilos de cocaína y 80 mil euros en".
        let quantities = noun_phrases
            && last_comma.is_none()
            && between.first().is_some_and(|w| is_count(w))
            && between
                .iter()
                .enumerate()
                .all(|(i, w)| *w != "and" || between.get(i + 1).is_some_and(|n| is_count(n)));
        let short =
            between.len() <= limit && !between.iter().any(|w| matches!(*w, "," | ";" | ":"));
        (distributive || object_list || quantities || short || premises_only(&between, 3 * limit))
            .then_some(c)
    }
}

/// True when `between` (the words from a cue to a place's preposition) names only the
/// action's premises, at most `limit` words: "searches at the homes of four suspects and at
/// the offices of two companies in" (each place preposition in it opens a premises noun).
fn premises_only(between: &[&str], limit: usize) -> bool {
    let premises = |w: &&str| class_of(w) & class::PREMISES_NOUN != 0;
    between.len() <= limit
        && between.iter().any(premises)
        && !between
            .iter()
            .any(|w| matches!(*w, "," | ";" | ":") || class_of(w) & class::BE != 0)
        && between.iter().enumerate().all(|(i, w)| {
            class_of(w) & class::PLACE_PREPOSITION == 0
                || between[i + 1..].iter().take(4).any(premises)
        })
}

/// A link rule: the cues it links a list to (empty when it does not apply).
type LinkRule = for<'a, 't, 'c> fn(&ListInClause<'a, 't, 'c>) -> Vec<(&'c Cue, Rule)>;

/// The link rules, in the order they are tried. The first that links a list wins.
pub(crate) const RULES: &[(Rule, LinkRule)] = &[
    (Rule::FrontedPlace, fronted_place),
    (Rule::PassiveAgent, passive_agent),
    (Rule::CueInPlace, cue_in_place),
    (Rule::Subject, subject),
    (Rule::Object, object),
    (Rule::Enumeration, enumeration),
    (Rule::SameClause, same_clause),
];

/// The cues a list links to, best first, each with its rule: the first rule of [`RULES`]
/// that links it, then the additions (purpose, "where", result).
pub(crate) fn link_list<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    let mut linked = link_by_rules(list);
    // Cues on one word stand for several actions told before ("Eleven people were arrested
    // and homes searched. This happened in Spain"): the place takes each of them.
    let mut k = 0;
    while k < linked.len() {
        let (c, rule) = linked[k];
        for d in list.cues.iter().copied() {
            if d.first == c.first && !linked.iter().any(|(e, _)| std::ptr::eq(*e, d)) {
                linked.push((d, rule));
            }
        }
        k += 1;
    }
    linked
}

/// The cues a list links to by the rules of [`RULES`] and the additions.
fn link_by_rules<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    if requester(list.tokens, list.head.first) {
        return Vec::new();
    }
    let found = RULES
        .iter()
        .map(|(rule, apply)| (*rule, apply(list)))
        .find(|(_, linked)| !linked.is_empty());
    let mut linked = Vec::new();
    if let Some((rule, links)) = found {
        // A fronted place already takes every cue after it; a "led by" agent only its own cue.
        let own_cue = rule == Rule::PassiveAgent && Some(links[0].0.last) == list.governing;
        if rule == Rule::FrontedPlace || own_cue {
            return links;
        }
        linked = links;
    }
    purpose(list, &mut linked);
    where_clause(list, &mut linked);
    if linked
        .first()
        .is_some_and(|(_, rule)| *rule != Rule::SameClause)
    {
        consequence(list, &mut linked);
    }
    linked
}

/// "In Spain, police seized … and arrested …": a place phrase that opens its clause, set off
/// by a comma (or, in German and Dutch, followed by the finite verb), is where everything the
/// clause tells happened.
fn fronted_place<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    let Some(g) = list.governing else {
        return Vec::new();
    };
    let tokens = list.tokens;
    let framing = framing_actions(list, g);
    // (A governor before the clause start, past a clause break, opens nothing.)
    let opens_clause = tokens
        .get(list.clause_start..g)
        .is_some_and(|before| opening_phrase(list, before, !framing.is_empty()));
    let comma_after = tokens
        .get(list.tail.last + 1)
        .is_some_and(|t| t.lower == ",");
    // German and Dutch put the finite verb second, with no comma after the fronted place:
    // "In Deutschland wurden 150 Objekte durchsucht und 70 Personen festgenommen".
    // The finite verb (or a cue) right after the list.
    let next = tokens.get(list.tail.last + 1);
    let verb_next = next.is_some_and(|t| t.is(class::BE | class::AUXILIARY | class::CUE_START));
    // There the finite verb comes second whatever it is, and a word in lower case after the
    // fronted phrase is it: "In Rumänien gab es 13 Festnahmen" (nouns are capitalised in
    // German).
    let lower_word_next = next.is_some_and(|t| {
        t.lower.starts_with(char::is_alphabetic)
            && !t.capitalised(list.text)
            && !matches!(t.lower, "and" | "or")
    });
    let verb_second =
        super::lexicon::current_lang().puts_verbs_last() && (verb_next || lower_word_next);
    // After an action's own time phrase the clause may go on with no comma, in any language:
    // "Durante los registros en Rotterdam se hallaron 300 kilos".
    let framed_verb = !framing.is_empty() && (verb_next || next.is_some_and(|t| t.lower == "se"));
    // Spanish and French put the verb right after a fronted place with no comma as readily:
    // "En Madrid fueron detenidas cinco personas y se incautaron …", "En la provincia de
    // Guayas se decomisaron …", "À Marseille ont été interpellées …".
    let romance_verb = matches!(
        super::lexicon::current_lang(),
        crate::lang::Lang::Es | crate::lang::Lang::Fr
    ) && (verb_next || next.is_some_and(|t| t.lower == "se"));
    if !(tokens[g].is(class::PLACE_PREPOSITION)
        && opens_clause
        && (comma_after || verb_second || framed_verb || romance_verb))
    {
        return Vec::new();
    }
    // A second fronted place after a comma opens a clause of its own: "In Nederland zijn drie
    // servers overgenomen, in België zijn twee mensen gearresteerd", "En Francia se incautaron
    // tres coches, en España fueron detenidas dos personas".
    let next_fronted = (list.tail.last + 1..tokens.len().saturating_sub(2))
        .find(|&i| {
            tokens[i].lower == ","
                && tokens[i + 1].is(class::PLACE_PREPOSITION)
                && tokens[i + 2..]
                    .iter()
                    .take(2)
                    .find(|t| t.lower != "the")
                    .is_some_and(|t| t.capitalised(list.text))
        })
        .unwrap_or(usize::MAX);
    let framed = framing.into_iter().map(|c| (c, Rule::CueInPlace));
    framed
        .chain(
            list.cues_after()
                .filter(|c| c.first < next_fronted)
                .map(|c| (c, Rule::FrontedPlace)),
        )
        .collect()
}

/// The actions named by an opening phrase of time before a place ("During searches in Spain
/// and Italy, five people were arrested", "Bei Durchsuchungen in Spanien wurden …
/// festgenommen", "Lors de perquisitions en Espagne, …"): the phrase's nouns, when every cue
/// in it is a noun and one names a specific action. What the clause tells after the place
/// happened during that action, at its place. Empty when the clause opens otherwise.
fn framing_actions<'c>(list: &ListInClause<'_, '_, 'c>, g: usize) -> Vec<&'c Cue> {
    let tokens = list.tokens;
    let start = list.clause_start;
    let opens_with_during = tokens.get(start).is_some_and(|t| t.is(class::DURING));
    // "In a raid in Guayaquil, …", "En un allanamiento en Guayaquil, …": a place preposition
    // before an action noun, at most two words (an article, an adjective) between, frames the
    // clause as "during" does.
    let opens_with_action_noun = tokens
        .get(start)
        .is_some_and(|t| t.is(class::PLACE_PREPOSITION))
        && list.cues.iter().any(|c| {
            c.kind == CueKind::Noun
                && c.action.is_specific()
                && c.first > start
                && c.first <= start + 3
                && c.last < g
                && !tokens[start + 1..c.first].iter().any(|t| {
                    t.is(class::PLACE_PREPOSITION) || !t.lower.starts_with(char::is_alphabetic)
                })
        });
    if !opens_with_during && !opens_with_action_noun {
        return Vec::new();
    }
    let mut inside: Vec<&Cue> = list
        .cues
        .iter()
        .copied()
        .filter(|c| c.first > list.clause_start && c.last < g)
        .collect();
    if inside.iter().any(|c| c.kind != CueKind::Noun) {
        return Vec::new();
    }
    inside.retain(|c| c.action.is_specific());
    inside
}

/// True when the words before a place's preposition leave it at the head of its clause: none,
/// conjunctions ("; and in Spain, …"), or a short opening adverbial with no action or verb of
/// its own ("Today, in an international joint action day in Italy, …", "During operations on 8
/// and 9 November in Albania, …"); with `framing`, the phrase's own action nouns are allowed
/// ("During searches in Spain, …": see [`framing_actions`]).
fn opening_phrase(list: &ListInClause<'_, '_, '_>, before: &[Token], framing: bool) -> bool {
    let conjunctions = before.iter().all(|t| {
        matches!(t.lower, ";" | "and" | "meanwhile" | "also") || t.is(class::CLAUSE_BREAK)
    });
    if conjunctions {
        return true;
    }
    let Some(first) = before.iter().find(|t| !matches!(t.lower, "and" | ";")) else {
        return true;
    };
    let commas = before.iter().filter(|t| t.lower == ",").count();
    let leading_comma = before.iter().position(|t| t.lower == ",");
    let specific_cue = list.cues.iter().any(|c| {
        c.action.is_specific()
            && before
                .first()
                .is_some_and(|b| b.span.start <= list.tokens[c.first].span.start)
            && before
                .last()
                .is_some_and(|b| list.tokens[c.last].span.end <= b.span.end)
    });
    first.is(class::OPENING)
        && before.len() <= 12
        && !before.iter().any(|t| t.is(class::BE))
        && (!specific_cue || framing)
        && (commas == 0 || (commas == 1 && leading_comma.is_some_and(|i| i <= 2)))
}

/// "coordinated at international level by Europol", "arrested and five others placed under
/// judicial control by the Romanian authorities". A cue that ends with the "by" ("led by",
/// "headed by") takes its agent: in "shut down in an operation led by X", the earlier verb is
/// not X's.
fn passive_agent<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    if list.gov_word() != "by" {
        return Vec::new();
    }
    if let Some(c) = list.cues.iter().find(|c| Some(c.last) == list.governing) {
        return vec![(c, Rule::PassiveAgent)];
    }
    list.cue_left(10)
        .filter(|c| c.kind == CueKind::Verb || c.action == Action::Coordination)
        .map(|c| vec![(c, Rule::PassiveAgent)])
        .unwrap_or_default()
}

/// "servers were seized in the Netherlands", "raided locations in the Dutch cities of …".
fn cue_in_place<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    if class_of(list.gov_word()) & class::PLACE_PREPOSITION == 0 {
        return Vec::new();
    }
    let Some(c) = list.cue_left(6).or_else(|| bracketing_verb(list)) else {
        return Vec::new();
    };
    if let Some(d) = verb_closing_conjunct(list, c).or_else(|| verb_closing_over_help(list, c)) {
        return vec![(d, Rule::CueInPlace)];
    }
    if let Some(mut verbs) = verbs_closing_after_during(list, c) {
        verbs.push((c, Rule::CueInPlace));
        return verbs;
    }
    let mut linked = vec![(c, Rule::CueInPlace)];
    // Cues joined by "and" share the place: "cocaine has been seized and six people arrested
    // in waters off the coast of the United Kingdom".
    let mut next = c;
    while let Some(d) = list
        .cues
        .iter()
        .copied()
        .filter(|d| d.last < next.first)
        .max_by_key(|d| d.last)
    {
        let between = plain_between(list.tokens, d.last, next.first);
        // Verbs joined by "and" ("seized and six people arrested in"), or nouns ("20 arrest
        // warrants and 54 search warrants in").
        let verbs = d.kind == CueKind::Verb
            && next.kind == CueKind::Verb
            && between.first() == Some(&"and");
        let nouns =
            d.kind == CueKind::Noun && next.kind == CueKind::Noun && between.contains(&"and");
        // An action done during another at the place: "arrested during raids in", "13
        // Festnahmen bei insgesamt 18 Hausdurchsuchungen in", "aangehouden bij invallen in".
        let gap = list.tokens.get(d.last + 1..next.first).unwrap_or(&[]);
        let during_word = gap.iter().rev().take(3).find(|t| t.is(class::DURING));
        let during = next.kind == CueKind::Noun
            && d.action.is_specific()
            && next.action.is_specific()
            && during_word.is_some();
        let joined = (verbs || nouns || during)
            && between.len() <= 4
            && !between.iter().any(|w| matches!(*w, "," | ";" | ":"))
            && !gap.iter().any(|t| {
                t.is(class::PLACE_PREPOSITION) && !during_word.is_some_and(|w| std::ptr::eq(w, t))
            });
        if !joined {
            break;
        }
        linked.push((d, Rule::CueInPlace));
        next = d;
    }
    linked
}

/// A split verb whose parts stand on either side of the place, however far its first part:
/// "Die Polizei nahm im Zuge der Operation „Trojan Shield“ 81 Personen in Österreich fest".
fn bracketing_verb<'c>(list: &ListInClause<'_, '_, 'c>) -> Option<&'c Cue> {
    let g = list.governing?;
    list.cues
        .iter()
        .copied()
        .filter(|c| c.last < g && c.closing.is_some_and(|end| end > list.tail.last))
        .max_by_key(|c| c.last)
}

/// In a language that puts verbs last, a place after "and" belongs to the verb closing its
/// conjunct, not to the cue before "and": "Zigaretten wurden sichergestellt und allein in
/// Deutschland 28 Personen festgenommen" (the arrests were in Germany). That verb follows
/// the list in its clause with no comma, semicolon or colon between.
fn verb_closing_conjunct<'c>(list: &ListInClause<'_, '_, 'c>, before: &Cue) -> Option<&'c Cue> {
    let g = list.governing?;
    if !super::lexicon::current_lang().puts_verbs_last()
        || !plain_between(list.tokens, before.last, g).contains(&"and")
    {
        return None;
    }
    let d = list.cues_after().next()?;
    let between = plain_between(list.tokens, list.tail.last, d.first);
    (d.kind == CueKind::Verb
        && !between
            .iter()
            .any(|w| matches!(*w, "," | ";" | ":" | "and")))
    .then_some(d)
}

/// In German and Dutch, the participle that closes the clause right after the place, not a
/// participation noun before it: "hat in Zusammenarbeit mit den tschechischen Behörden drei
/// Schleuser in Dresden festgenommen" (the arrests were in Dresden). At most two words between
/// the place and the verb, no punctuation.
fn verb_closing_over_help<'c>(list: &ListInClause<'_, '_, 'c>, before: &Cue) -> Option<&'c Cue> {
    if !super::lexicon::current_lang().puts_verbs_last()
        || before.kind != CueKind::Noun
        || before.action.is_specific()
    {
        return None;
    }
    let d = list.cues_after().next()?;
    let between = plain_between(list.tokens, list.tail.last, d.first);
    (d.kind == CueKind::Verb
        && d.action.is_specific()
        && between.len() <= 2
        && !between
            .iter()
            .any(|w| matches!(*w, "," | ";" | ":" | "and")))
    .then_some(d)
}

/// In German and Dutch, the verbs that close the clause after the place when the cue before
/// it is an action noun of a "during" phrase: "Bij invallen zijn zes servers in Nederland en
/// Luxemburg ontmanteld en in beslag genomen", "Bei den Durchsuchungen wurden in Deutschland
/// sechs Server beschlagnahmt" (the servers were seized there, during the raids there). The
/// first verb follows the place with at most two words and no punctuation between; the next
/// ones follow it joined by "and".
fn verbs_closing_after_during<'c>(
    list: &ListInClause<'_, '_, 'c>,
    before: &Cue,
) -> Option<Vec<(&'c Cue, Rule)>> {
    let tokens = list.tokens;
    let during = tokens[before.first.saturating_sub(3)..before.first]
        .iter()
        .any(|t| t.is(class::DURING));
    if !super::lexicon::current_lang().puts_verbs_last() || before.kind != CueKind::Noun || !during
    {
        return None;
    }
    let mut after = list.cues_after();
    let first = after.next()?;
    let between = plain_between(tokens, list.tail.last, first.first);
    let closes = first.kind == CueKind::Verb
        && first.action.is_specific()
        && between.len() <= 2
        && !between
            .iter()
            .any(|w| matches!(*w, "," | ";" | ":" | "and"));
    if !closes {
        return None;
    }
    let mut verbs = vec![(first, Rule::CueInPlace)];
    let mut last = first;
    for d in after {
        let joined = d.kind == CueKind::Verb
            && d.action.is_specific()
            && plain_between(tokens, last.last, d.first) == ["and"];
        if !joined {
            break;
        }
        verbs.push((d, Rule::CueInPlace));
        last = d;
    }
    Some(verbs)
}

/// The verb cue after a list linked by [`cue_in_place`] that shares its place: joined by
/// "and" right before it, at most eight words after the list with no comma, semicolon,
/// colon, dash or bracket between (not after a parenthetical count), a specific action, and no place of its own (`placed`: the cues a placing
/// rule linked to some list). "arrested 33 people in Germany, Spain and Italy and seized
/// 1,000 kg of drugs"; not "arrested two men in Spain and seized cash in Portugal".
pub(crate) fn shared_by_next_verb<'c>(
    tokens: &[Token],
    cues: &[&'c Cue],
    tail: usize,
    links: &[(&'c Cue, Rule)],
    placed: &[&'c Cue],
) -> Option<&'c Cue> {
    let (first, _) = links
        .iter()
        .find(|(c, rule)| *rule == Rule::CueInPlace && c.kind == CueKind::Verb && c.last < tail)?;
    let next = cues.iter().copied().find(|d| d.first > tail)?;
    let between = tokens.get(tail + 1..next.first)?;
    let shares = next.kind == CueKind::Verb
        && next.action.is_specific()
        && next.action != first.action
        && between.len() <= 8
        && between.last().is_some_and(|t| t.lower == "and")
        && !between
            .iter()
            .any(|t| matches!(t.lower, "," | ";" | ":" | "–" | "—" | "-" | "(" | ")"))
        && !placed.iter().any(|p| std::ptr::eq(*p, next))
        && !links.iter().any(|(c, _)| std::ptr::eq(*c, next));
    shares.then_some(next)
}

/// "Dutch police arrested", "officials in A, B and C assisted", "his home in X was searched":
/// the first cue after the place, when it is a verb, and the verbs that share its subject.
fn subject<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    let tokens = list.tokens;
    let tail = list.tail;
    if let Some(verb) = verb_after_passive_apposition(list) {
        return vec![(verb, Rule::Subject)];
    }
    // A noun that is a second subject joined by "and" ("the FBI and international partners
    // have dismantled") is passed over for the verb after it.
    let mut after = list.cues_after();
    // German and Dutch put the participle last, after any noun of the middle field: "Die
    // spanische Polizei hat unter Leitung von Europol 60 Verdächtige festgenommen".
    // (A demonym's authority noun stands between: "Die spanische Polizei hat".)
    // The auxiliary may also stand right before the subject's phrase, after a fronted time
    // ("Afgelopen weekend heeft de recherche van Oldenburg … gearresteerd").
    let verbs_last = super::lexicon::current_lang().puts_verbs_last();
    let auxiliary_before = verbs_last
        && tokens[..list.head.first]
            .iter()
            .rev()
            .find(|t| !t.is(class::AUTHORITY) && !matches!(t.lower, "the" | "of"))
            .is_some_and(|t| t.is(class::AUXILIARY));
    let auxiliary_next = verbs_last
        && (auxiliary_before
            || tokens[tail.last + 1..]
                .iter()
                .find(|t| !t.is(class::AUTHORITY))
                .is_some_and(|t| t.is(class::AUXILIARY)));
    // A coordinating noun with its complement ("onder leiding van …") is a phrase of the
    // middle field, passed over for the verb.
    let lead_phrase = |c: &Cue| {
        c.kind == CueKind::Noun
            && c.action == Action::Coordination
            && [c.last, c.last + 1].iter().any(|&i| {
                tokens
                    .get(i)
                    .is_some_and(|t| matches!(t.lower, "of" | "by"))
            })
    };
    let right = after.next().and_then(|c| {
        let conjoined_noun =
            c.kind == CueKind::Noun && plain_between(tokens, tail.last, c.first).contains(&"and");
        if conjoined_noun || (c.kind == CueKind::Noun && auxiliary_next) || lead_phrase(c) {
            after.find(|d| d.kind == CueKind::Verb)
        } else {
            Some(c)
        }
    });
    // The subject of a cue that ends with "by" ("the investigation was led by X") is what
    // was done, not who did it.
    let ends_with_by = |c: &Cue| tokens[c.last].lower == "by";
    let Some(c) = right.filter(|c| c.kind == CueKind::Verb && !ends_with_by(c)) else {
        return Vec::new();
    };
    let between = plain_between(tokens, tail.last, c.first);
    // "the INTERPOL member countries participating": the subject is the members. But "the FBI
    // and international partners dismantled": after "and", the partners are a second subject
    // beside the place, not what it qualifies.
    let relational = tail.mention.form != Form::Demonym
        && between
            .iter()
            .take_while(|w| !matches!(**w, "and" | "with"))
            .any(|w| class_of(w) & class::RELATIONAL != 0);
    let no_break = between
        .iter()
        .all(|w| !matches!(*w, "," | ";" | ":" | "that" | "which" | "who" | "whose"));
    // German and Dutch put the finite auxiliary right after the subject and the participle at
    // the clause's end, however long the words between: "De FIOD heeft in samenwerking met …
    // vijf woningen doorzocht", "Die Polizei hat am Dienstag … zwei Männer festgenommen".
    // (Active only: in "Die zwei Polen konnten … verhaftet werden" the subject was arrested.)
    let verb_bracket = auxiliary_next
        && !tokens.get(c.last + 1).is_some_and(|t| t.is(class::BE))
        && between.len() <= 25;
    let plain = (between.len() <= 6 || verb_bracket) && !relational && no_break;
    // A partner named after a help noun ("in samenwerking met de Belgische …") is not the
    // subject, nor is one named after "with" ("uitgevoerd met opsporingsdiensten uit
    // Oostenrijk … en werd geleid door Europol"), nor the coordinator named after a
    // coordinating noun ("bajo la dirección de la policía española fueron detenidos").
    if !plain || names_help(list) || after_with(list) || lead_noun(list).is_some() {
        return Vec::new();
    }
    let mut linked = vec![(c, Rule::Subject)];
    // Verbs sharing the subject: "Dutch police arrested 100 people and seized 8 tonnes",
    // "raided … , searched … and arrested …". A verb is shared when "and" (or a comma) stands
    // right before it and no other actor starts in between.
    // German and Dutch close a coordinated clause with its verb ("… durchsucht und hierbei
    // einen Haftbefehl vollstreckt"): there the verb is shared when its clause opens with "and"
    // and names no place of its own (no comma after the "and", no place preposition).
    let verbs_last = super::lexicon::current_lang().puts_verbs_last();
    let opens_with_and = |words: &[&str]| {
        words.iter().rposition(|w| *w == "and").is_some_and(|k| {
            words[k + 1..]
                .iter()
                .all(|w| *w != "," && class_of(w) & class::PLACE_PREPOSITION == 0)
        })
    };
    // A reflexive clitic may stand between: "registraron tres naves y se incautaron de …".
    let before_verb = |d: &Cue| {
        let i = d.first.checked_sub(1)?;
        match tokens[i].lower {
            "se" => i.checked_sub(1),
            _ => Some(i),
        }
    };
    let mut last = c.last;
    for d in list.cues_after().filter(|d| d.first > c.last) {
        let between = plain_between(tokens, last, d.first);
        let joined = d.kind == CueKind::Verb
            && (before_verb(d).is_some_and(|i| matches!(tokens[i].lower, "and" | ","))
                || (verbs_last && opens_with_and(&between)))
            && between.iter().all(|w| {
                class_of(w) & class::AUTHORITY == 0
                    && !matches!(*w, ";" | "who" | "which" | "that" | "they")
            });
        if !joined {
            break;
        }
        linked.push((d, Rule::Subject));
        last = d.last;
    }
    linked
}

/// "Germany, Italy and the United Kingdom – who led the operation –", "Spain, which
/// coordinated the raids": a relative clause right after a list's last member makes that
/// member, and only it, the subject of the clause's first verb.
pub(crate) fn relative_clause<'c>(list: &ListInClause<'_, '_, 'c>) -> Option<&'c Cue> {
    let tokens = list.tokens;
    let mut i = list.tail.last + 1;
    if tokens
        .get(i)
        .is_some_and(|t| matches!(t.lower, "," | "–" | "—" | "-" | "("))
    {
        i += 1;
    }
    if !tokens
        .get(i)
        .is_some_and(|t| matches!(t.lower, "who" | "which"))
    {
        return None;
    }
    list.cues_after()
        .next()
        .filter(|c| c.kind == CueKind::Verb && c.first == i + 1 && tokens[c.last].lower != "by")
}

/// The verb after a passive participle set off by commas right after the list, whose subject
/// the list is: "La Policía Nacional, la Guardia Civil y la Agencia Tributaria, coordinados por
/// Interpol, intervenieron en España …", "Dutch police, supported by Europol, arrested …".
fn verb_after_passive_apposition<'c>(list: &ListInClause<'_, '_, 'c>) -> Option<&'c Cue> {
    let tokens = list.tokens;
    // (Past a demonym's authority noun: "Dutch police, supported by …".)
    let comma = (list.tail.last + 1..tokens.len()).find(|&i| !tokens[i].is(class::AUTHORITY))?;
    if tokens[comma].lower != "," {
        return None;
    }
    let mut after = list.cues_after();
    let participle = after.next()?;
    let by = |i: usize| tokens.get(i).is_some_and(|t| t.lower == "by");
    if participle.first != comma + 1 || !(by(participle.last) || by(participle.last + 1)) {
        return None;
    }
    let closing = (participle.last + 1..tokens.len().min(participle.last + 8))
        .find(|&i| tokens[i].lower == ",")?;
    after
        .find(|c| c.first > closing)
        .filter(|c| c.kind == CueKind::Verb && c.first <= closing + 2)
}

/// "involving the Dutch police", "a joint investigation team between authorities from A"
/// (the object of a participation cue); "a joint operation by the FBI and Europol", "with the
/// coordination of Europol and INTERPOL", "under the leadership of the Guardia Civil" (the
/// members after a noun: [`Rule::Nominal`]); "the Spanish arrests" (a demonym qualifying an
/// action noun: [`Rule::Nominal`]).
fn object<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    // "the Spanish arrests", "les perquisitions françaises": a demonym that qualifies an
    // action noun, right before or after it, says where the action happened.
    if list.tail.mention.form == Form::Demonym {
        let qualified =
            (list.cues.iter()).find(|c| qualifies_action(c, list.head.first, list.tail.last));
        if let Some(c) = qualified {
            return vec![(*c, Rule::Nominal)];
        }
    }
    // "Federführend war das Landeskriminalamt Niedersachsen", "Leading the operation was the
    // FBI": a coordination cue that opens the clause, a form of "be", then the list.
    let tokens = list.tokens;
    let inverted = list.cues.iter().find(|c| {
        c.action == Action::Coordination
            && c.first == list.clause_start
            && c.last + 1 < list.head.first
            && tokens[c.last + 1].is(class::BE)
            && tokens[c.last + 2..list.head.first]
                .iter()
                .all(|t| matches!(t.lower, "the" | "a" | "an"))
    });
    if let Some(c) = inverted {
        return vec![(*c, Rule::Object)];
    }
    let Some(g) = list.governing else {
        return Vec::new();
    };
    let word = list.gov_word();
    let member = class_of(word) & class::MEMBER_PREPOSITION != 0;
    let right_after =
        |c: &Cue| member && c.last < g && plain_between(list.tokens, c.last, g).is_empty();
    // The members of a participation noun run on to the end of its clause, however many
    // authorities and places they name: "cooperation between the Federal Criminal Police and
    // the cantonal police of Zurich, the Border Guard and the police in Poland and Germany"
    // (no other cue between the noun and the place).
    let head = list.head.first;
    let among_members = |c: &Cue| {
        c.kind == CueKind::Noun
            && c.last < head
            && list
                .tokens
                .get(c.last + 1)
                .is_some_and(|t| t.is(class::MEMBER_PREPOSITION))
            && !list.cues.iter().any(|o| o.first > c.last && o.first < head)
    };
    if let Some(c) = lead_noun(list) {
        return vec![(c, Rule::Nominal)];
    }
    list.cues
        .iter()
        .find(|c| {
            c.action == Action::Participation && (c.last == g || right_after(c) || among_members(c))
        })
        .map(|c| {
            let rule = if c.kind == CueKind::Noun {
                Rule::Nominal
            } else {
                Rule::Object
            };
            vec![(*c, rule)]
        })
        .unwrap_or_default()
}

/// The coordinating noun whose coordinator the list names: "with the coordination of Europol",
/// "under the leadership of the Guardia Civil", "bajo la dirección de la policía española",
/// "unter Leitung der spanischen Behörden" (a German genitive), "onder leiding van de Spaanse
/// politie" (the phrase ends with its "of"). Only after "of" or "by": "coordination between
/// Spain and Italy" is cooperation.
fn lead_noun<'c>(list: &ListInClause<'_, '_, 'c>) -> Option<&'c Cue> {
    let tokens = list.tokens;
    let mut g = list.governing?;
    // A demonym after its authority noun: the noun's phrase is governed ("de la policía
    // española").
    if tokens[g].is(class::AUTHORITY) && g + 1 == list.head.first {
        g = governor(list.text, tokens, g)?;
    }
    let word = tokens[g].lower;
    // Between the noun and the list's "of", only the name of a unit the gazetteer lacks:
    // "onder leiding van de Landeszentralstelle Cybercrime van Koblenz".
    let unit_name = |c: &Cue| {
        tokens[c.last + 1..g]
            .iter()
            .all(|t| t.lower == "the" || t.capitalised(list.text))
    };
    list.cues.iter().copied().find(|c| {
        c.action == Action::Coordination
            && c.kind == CueKind::Noun
            && ((matches!(word, "of" | "by") && c.last < g && unit_name(c)) || c.last == g)
    })
}

/// True when a place list at tokens `first..=last` qualifies action noun `c` right after or
/// right before it: "the Spanish arrests", "les perquisitions françaises".
pub(crate) fn qualifies_action(c: &Cue, first: usize, last: usize) -> bool {
    c.kind == CueKind::Noun
        && c.action.is_specific()
        && (c.first == last + 1 || c.last + 1 == first)
}

/// "The countries participating in the operation include: A, B and C".
fn enumeration<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    let intro = (0..list.head.first)
        .rev()
        .take_while(|&i| {
            !list
                .cues
                .iter()
                .any(|c| c.first <= i && i <= c.last && c.action != Action::Participation)
        })
        .find(|&i| list.tokens[i].is(class::INTRODUCER));
    let Some(i) = intro else {
        return Vec::new();
    };
    list.cues
        .iter()
        .filter(|c| c.action == Action::Participation && c.last < i)
        .max_by_key(|c| c.last)
        .map(|c| vec![(*c, Rule::Enumeration)])
        .unwrap_or_default()
}

/// Last resort: a verb right next to the place (at most two words away), unless the place
/// helped or asked ([`names_help`]).
fn same_clause<'c>(list: &ListInClause<'_, '_, 'c>) -> Vec<(&'c Cue, Rule)> {
    if names_help(list) {
        return Vec::new();
    }
    let (head, tail) = (list.head, list.tail);
    list.cues
        .iter()
        .find(|c| {
            // A passive participle after the list with its agent ("…, coordinados por
            // Interpol") says what was done to it.
            let passive_after = c.first > tail.last
                && [c.last, c.last + 1]
                    .iter()
                    .any(|&i| list.tokens.get(i).is_some_and(|t| t.lower == "by"));
            c.kind == CueKind::Verb
                && !passive_after
                && ((c.first > tail.last && c.first - tail.last <= 2)
                    || (c.last < head.first && head.first - c.last <= 2))
        })
        .map(|c| vec![(*c, Rule::SameClause)])
        .unwrap_or_default()
}

/// The rules whose cue states where its action happened: a cue one of them links to a place
/// does not reach the other places of its clause through [`clause_cue`].
pub(crate) const PLACING_RULES: &[Rule] = &[
    Rule::FrontedPlace,
    Rule::PassiveAgent,
    Rule::CueInPlace,
    Rule::Subject,
];

/// The fallback after [`RULES`], for a list none of them links (recall first): a place in a
/// clause whose free cues state one specific action (seizure, raid, arrest or takedown) and no
/// other took part in it, wherever the cue stands: "Police in Spain, working with partners
/// abroad, later arrested …". A cue is free when no rule of [`PLACING_RULES`] gave it a place
/// of its own ("the devices seized in Ukraine"). Not a partner or a place of help given ("with
/// the FBI", "with the support of X", "at the request of X").
pub(crate) fn clause_cue<'c>(
    list: &ListInClause<'_, '_, 'c>,
    placed_cues: &[&Cue],
) -> Vec<(&'c Cue, Rule)> {
    let tokens = list.tokens;
    let own_place = |c: &Cue| has_own_place(tokens, c);
    // A purpose ("to dismantle criminal infrastructure") is not a stated action.
    let infinitive = |c: &Cue| c.first > 0 && tokens[c.first - 1].lower == "to";
    // "Following the arrests, …": an action told before.
    let sequel = |c: &Cue| {
        tokens[..c.first]
            .iter()
            .rev()
            .find(|t| !matches!(t.lower, "the" | "of"))
            .is_some_and(|t| t.is(class::SEQUEL))
    };
    // A participle after "the" names people or things, it states no action of the clause:
    // "Los arrestados traían la droga de Marruecos" (those arrested brought it from Morocco).
    let named =
        |c: &Cue| c.kind == CueKind::Verb && c.first > 0 && tokens[c.first - 1].lower == "the";
    // "De aanhoudingen zijn het gevolg van een gezamenlijke aanpak van de Nederlandse en
    // Duitse autoriteiten": an action told before, explained by what led to it.
    let explained = |c: &Cue| {
        c.kind == CueKind::Noun
            && c.first > 0
            && tokens[c.first - 1].lower == "the"
            && tokens[c.last + 1..]
                .iter()
                .take(4)
                .any(|t| t.is(class::RESULT_NOUN))
    };
    let free = |c: &&&Cue| {
        c.action.is_specific()
            && !own_place(c)
            && !infinitive(c)
            && !sequel(c)
            && !named(c)
            && !explained(c)
            && !placed_cues.iter().any(|p| std::ptr::eq(*p, **c))
    };
    let free_cues: Vec<&Cue> = list.cues.iter().filter(free).copied().collect();
    let Some(first) = free_cues.first() else {
        return Vec::new();
    };
    let one_action = free_cues.iter().all(|c| c.action == first.action);
    // "seized 14 businesses and arrested 12 gang members … in Honduras": a place closing
    // verbs joined by "and" is where each of them happened.
    // In German and Dutch the verbs may close the clause after the place: "dass in vier
    // deutschen Bundesländern … neun Häuser durchsucht und eine Person festgenommen wurde".
    let joined = !one_action
        && (joined_verbs_before(tokens, &free_cues, list.head.first)
            || (super::lexicon::current_lang().puts_verbs_last()
                && joined_verbs_after(tokens, &free_cues, list.tail.last)));
    if !one_action && !joined {
        return Vec::new();
    }
    // A seat: "Europol's headquarters in the Netherlands".
    let seat = list.governing.is_some_and(|g| {
        tokens[..g]
            .iter()
            .rev()
            .take(2)
            .any(|t| t.is(class::SEAT_NOUN))
    });
    let help = seat
        || list
            .governing
            .is_some_and(|g| list.tokens[g].lower == "with")
        || names_help(list);
    if help {
        return Vec::new();
    }
    // "authorities in the UK and the US announced that 337 users were arrested": who reports
    // an action does not do it.
    let reported = |c: &Cue| {
        c.first > list.tail.last
            && tokens[list.tail.last + 1..c.first]
                .iter()
                .any(|t| t.is(class::REPORTING_VERB))
    };
    // "…, police in Morocco said": the list is the source of the sentence.
    let source = tokens[list.tail.last + 1..]
        .iter()
        .take(2)
        .any(|t| t.is(class::REPORTING_VERB));
    // "Austria's partners dismantled …": the list only qualifies someone else.
    let qualifies = tokens
        .get(list.tail.last + 1)
        .is_some_and(|t| t.lower == "'s")
        && tokens
            .get(list.tail.last + 2)
            .is_some_and(|t| t.is(class::RELATIONAL));
    if source || qualifies {
        return Vec::new();
    }
    let head = list.head.first;
    let unreported = free_cues.into_iter().filter(|c| !reported(c));
    if joined {
        return unreported.map(|c| (c, Rule::ClauseCue)).collect();
    }
    unreported
        .min_by_key(|c| c.first.abs_diff(head))
        .map(|c| vec![(c, Rule::ClauseCue)])
        .unwrap_or_default()
}

/// True when the place at token `head` names who asked for the action, not who did it: "op
/// verzoek van de Belgische autoriteiten aangehouden", "auf Ersuchen der spanischen Behörden
/// festgenommen" (a request noun at most four words before, in the same clause): no action
/// links to it, and it stays a participant.
fn requester(tokens: &[Token], head: usize) -> bool {
    tokens[head.saturating_sub(4)..head]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.lower, "," | ";" | ":"))
        .any(|t| t.is(class::REQUEST_NOUN))
}

/// True when the word governing the list is, or follows right after, a noun of help or of a
/// request (past articles and "of"): "with the support of X", "acting on information
/// from the FBI", "at the request of X". Such a list helped or asked; it did not act.
fn names_help(list: &ListInClause<'_, '_, '_>) -> bool {
    // (The governing word may be the noun itself, before a genitive: "nach einem Hinweis der
    // italienischen Behörden".)
    // The noun right before the governing word (past articles and "of"), not one further back:
    // "intelligence gathered after German authorities seized" names an actor.
    list.governing.is_some_and(|g| {
        list.tokens[..=g]
            .iter()
            .rev()
            .filter(|t| !matches!(t.lower, "the" | "a" | "an" | "of"))
            .take(2)
            .any(|t| t.is(class::SUPPORT_NOUN | class::REQUEST_NOUN))
    })
}

/// True when the list is the object of "with", right before it or before the authority noun
/// it qualifies: "met opsporingsdiensten uit Oostenrijk", "con la Gendarmería francesa".
fn after_with(list: &ListInClause<'_, '_, '_>) -> bool {
    list.tokens[..list.head.first]
        .iter()
        .rev()
        .take(4)
        .find(|t| !matches!(t.lower, "the" | "a" | "an" | "from") && !t.is(class::AUTHORITY))
        .is_some_and(|t| t.lower == "with")
}

/// True when cue `c` has a place phrase of its own right after it ("led to arrests in several
/// countries", "… worldwide").
fn has_own_place(tokens: &[Token], c: &Cue) -> bool {
    tokens
        .get(c.last + 1)
        .is_some_and(|t| t.is(class::PLACE_PREPOSITION | class::OWN_PLACE))
}

/// True when the preposition after cue `c` opens its premises, not a place: "registros en
/// empresas y domicilios".
fn premises_after(tokens: &[Token], c: &Cue) -> bool {
    tokens
        .get(c.last + 2..)
        .and_then(|rest| rest.iter().find(|t| t.lower != "the"))
        .is_some_and(|t| t.is(class::PREMISES_NOUN | class::COMPANY_NOUN))
}
/// True when `cues` are verbs before token `head`, each joined to the next by "and" with no
/// clause break (";", ":") between them: "seized … and arrested … in Honduras".
fn joined_verbs_before(tokens: &[Token], cues: &[&Cue], head: usize) -> bool {
    cues.iter().all(|c| c.last < head) && verbs_joined_by_and(tokens, cues, &[";", ":", "."])
}

/// True when `cues` are verbs after token `tail`, each joined to the next by "and" with no
/// clause break between them: "… neun Häuser durchsucht und eine Person festgenommen".
fn joined_verbs_after(tokens: &[Token], cues: &[&Cue], tail: usize) -> bool {
    cues.iter().all(|c| c.first > tail) && verbs_joined_by_and(tokens, cues, &[";", ":", ".", ","])
}

/// True when `cues` are verbs, each joined to the next by "and" with none of `breaks` between.
fn verbs_joined_by_and(tokens: &[Token], cues: &[&Cue], breaks: &[&str]) -> bool {
    cues.iter().all(|c| c.kind == CueKind::Verb)
        && cues.windows(2).all(|pair| {
            let between = &tokens[pair[0].last + 1..pair[1].first];
            between.iter().any(|t| t.lower == "and")
                && !between.iter().any(|t| breaks.contains(&t.lower))
        })
}

/// "actions in A and B to disrupt and take down X": the purpose applies to the list.
fn purpose<'c>(list: &ListInClause<'_, '_, 'c>, linked: &mut Vec<(&'c Cue, Rule)>) {
    let tokens = list.tokens;
    let mut i = list.tail.last + 1;
    if tokens.get(i).is_none_or(|t| t.lower != "to") {
        return;
    }
    i += 1;
    while let Some(c) = list.cues.iter().find(|c| c.first == i) {
        if !linked.iter().any(|(l, _)| l.action == c.action) {
            linked.push((c, Rule::Purpose));
        }
        i = c.last + 1;
        if tokens.get(i).is_some_and(|t| t.lower == "and") {
            i += 1;
        }
    }
}

/// The actions done "there" ([`super::cues::done_there`]), each with the list it happened
/// at: the last one named before it (`tails`: where each list of the sentence ends): "fled
/// to Spain after the robbery and were arrested there".
pub(crate) fn done_there<'c>(
    tokens: &[Token],
    starts: &[usize],
    cues: &'c [Cue],
    tails: &[usize],
) -> Vec<(usize, &'c Cue)> {
    super::cues::done_there(tokens, starts, cues)
        .into_iter()
        .filter_map(|cue| Some((tails.iter().rposition(|&t| t < cue.first)?, cue)))
        .collect()
}

/// The actions a relative clause on an apposition tells of the places of a list, each with
/// that list (`tails`: where each list of the sentence ends): "Alemania, Bélgica, … y Rumanía,
/// países en los que se han realizado numerosos registros", "Germany, France and Spain,
/// countries where raids were carried out", "…, pays dans lesquels des perquisitions ont été
/// menées", "…, Länder, in denen Durchsuchungen stattfanden". The apposition is a noun of
/// places right after the list (after a comma); the clause opens with "where" or with a place
/// preposition and a relative pronoun, and its first action comes within a few words (see
/// [`where_predicate`]).
pub(crate) fn done_in_apposition<'c>(
    tokens: &[Token],
    cues: &'c [Cue],
    tails: &[usize],
) -> Vec<(usize, &'c Cue)> {
    const RELATIVE_PRONOUNS: &[&str] = &[
        "which",
        "que",
        "cual",
        "cuales",
        "lesquels",
        "lesquelles",
        "lequel",
        "laquelle",
        "denen",
        "welchen",
        "welcher",
        "welchem",
    ];
    let word = |i: usize| tokens.get(i).map_or("", |t| t.lower);
    let mut out = Vec::new();
    for (n, &tail) in tails.iter().enumerate() {
        let mut i = tail + 1;
        if word(i) != "," {
            continue;
        }
        i += 1;
        if !tokens
            .get(i)
            .is_some_and(|t| t.is(class::PLACE_NOUN | class::ANAPHOR_NOUN))
        {
            continue;
        }
        i += 1;
        if word(i) == "," {
            i += 1;
        }
        let relative = if matches!(word(i), "where" | "waarin") {
            i
        } else if tokens
            .get(i)
            .is_some_and(|t| t.is(class::PLACE_PREPOSITION))
        {
            let pronoun = if word(i + 1) == "the" { i + 2 } else { i + 1 };
            if !RELATIVE_PRONOUNS.contains(&word(pronoun)) {
                continue;
            }
            pronoun
        } else {
            continue;
        };
        // (Rare: the cues as references only once an apposition's clause is found.)
        let all: Vec<&Cue> = cues.iter().collect();
        out.extend(
            where_predicate(tokens, &all, relative)
                .into_iter()
                .map(|c| (n, c)),
        );
    }
    out
}

/// "in Belgium, where authorities also shut down its channels": what the relative clause
/// tells happened at the place too.
fn where_clause<'c>(list: &ListInClause<'_, '_, 'c>, linked: &mut Vec<(&'c Cue, Rule)>) {
    let tokens = list.tokens;
    let tail = list.tail;
    let comma = usize::from(tokens.get(tail.last + 1).is_some_and(|t| t.lower == ","));
    let relative = tail.last + 1 + comma;
    if tokens.get(relative).is_none_or(|t| t.lower != "where") {
        return;
    }
    if linked.is_empty() {
        linked.extend(
            where_predicate(tokens, list.cues, relative)
                .into_iter()
                .map(|c| (c, Rule::CueInPlace)),
        );
        return;
    }
    for c in list.cues.iter().filter(|c| c.first > relative) {
        if !linked.iter().any(|(l, _)| l.action == c.action) {
            linked.push((c, Rule::CueInPlace));
        }
    }
}

/// The specific actions a "where" clause at token `relative` states of an otherwise unlinked
/// place ("in Claypole, where he was arrested and his home searched"): its first cue, within
/// a few words of "where" with no comma or "to" between, and the cues joined to it by "and";
/// none with a place of its own ("… the data seized during the searches in Ukraine").
fn where_predicate<'c>(tokens: &[Token], cues: &[&'c Cue], relative: usize) -> Vec<&'c Cue> {
    const NEAR: usize = 5;
    let breaks = |from: usize, to: usize| {
        tokens[from..to]
            .iter()
            .any(|t| matches!(t.lower, "," | ";" | ":" | "." | "to"))
    };
    let mut out: Vec<&Cue> = Vec::new();
    for &c in cues.iter().filter(|c| c.first > relative) {
        let from = out.last().map_or(relative, |p| p.last);
        let joined = match out.last() {
            None => c.first - relative <= NEAR,
            Some(p) => tokens[p.last + 1..c.first].iter().any(|t| t.lower == "and"),
        };
        if !joined
            || breaks(from + 1, c.first)
            || !c.action.is_specific()
            || (has_own_place(tokens, c) && !premises_after(tokens, c))
        {
            break;
        }
        out.push(c);
    }
    out
}

/// "searched in A, resulting in the arrest of …": the result happened there too. A result
/// with a place of its own ("led to arrests in several countries", "… worldwide") did not.
fn consequence<'c>(list: &ListInClause<'_, '_, 'c>, linked: &mut Vec<(&'c Cue, Rule)>) {
    let Some(&(primary, _)) = linked.first() else {
        return;
    };
    // Taking part or coordinating ("supported by Europol, resulted in the seizure of …") says
    // nothing of where the result happened.
    if matches!(primary.action, Action::Participation | Action::Coordination) {
        return;
    }
    let tokens = list.tokens;
    for c in list.cues {
        if c.first > primary.last
            && c.kind == CueKind::Noun
            && !has_own_place(tokens, c)
            && follows_result(tokens, c.first)
        {
            linked.push((c, Rule::Consequence));
        }
    }
}

/// The index of the word that governs a place starting at token `at`, skipping "the", a
/// place noun ("in the regions of Kyiv" → "in") and an actor ("investigators from Norway"
/// → the word before "investigators") and names the gazetteer lacks in the same list ("in the
/// EU, US and Canada" → "in").
pub(crate) fn governor(text: &str, tokens: &[Token], at: usize) -> Option<usize> {
    let prev = |i: usize| (0..i).rev().find(|&j| tokens[j].lower != "the");
    let capitalised = |i: usize| tokens[i].capitalised(text);
    let mut j = prev(at)?;
    if adverb_after_joiner(tokens, j) {
        j -= 1;
    }
    while matches!(tokens[j].lower, "," | "and" | "or") {
        // A serial comma before the joiner: "A, B, and C", "A, B, ou encore C".
        let before = prev(j).and_then(|n| {
            if tokens[n].lower == "," {
                prev(n)
            } else {
                Some(n)
            }
        });
        let Some(name) = before.filter(|&n| capitalised(n)) else {
            break;
        };
        let mut n = name;
        while let Some(m) = prev(n).filter(|&m| capitalised(m)) {
            n = m;
        }
        j = prev(n)?;
    }
    // "in countries such as A and B", "en países como A", "dans des pays comme A", "in landen
    // zoals A", "in Ländern wie A": the examples stand where the plural noun of places stands,
    // so the word that governs that noun governs them.
    if let Some(noun) = examples_of(tokens, j) {
        return governor_of_noun(tokens, noun, prev);
    }
    let before = prev(j);
    // The noun of `class` right before `j`, or before one adjective that follows it (not a word
    // of `not_adjective`): "en la provincia ecuatoriana de Guayas", "por la Justicia Federal de
    // Buenos Aires".
    let noun_before = |class: Classes, not_adjective: Classes| {
        before.and_then(|b| {
            if tokens[b].is(class) {
                Some(b)
            } else {
                prev(b).filter(|&n| {
                    tokens[n].is(class)
                        && tokens[b].lower.starts_with(char::is_alphabetic)
                        && !tokens[b].is(not_adjective)
                })
            }
        })
    };
    if tokens[j].lower == "of" {
        // "the cities of", "the countries of" ("procedentes de los países de Holanda").
        if let Some(n) = noun_before(class::PLACE_NOUN | class::ANAPHOR_NOUN, 0) {
            // One adjective may stand before the noun: "the Dutch cities of".
            let g = prev(n)?;
            let word = tokens[g].lower;
            let preposition = class::PLACE_PREPOSITION | class::BACKGROUND_PREPOSITION;
            if tokens[g].is(preposition) || word == "and" || word == "," {
                return Some(g);
            }
            return prev(g);
        }
    }
    if matches!(tokens[j].lower, "from" | "of") {
        let authority = noun_before(
            class::AUTHORITY,
            class::CUE_START | class::BE | class::AUXILIARY,
        );
        if let Some(n) = authority {
            let mut g = prev(n)?;
            // "law enforcement from", "judicial authorities from", "two judges from", "door
            // een dienst van" (an article: "a").
            while tokens[g].is(class::AUTHORITY)
                || matches!(tokens[g].lower, "judicial" | "a" | "an")
                || is_count(tokens[g].lower)
            {
                g = prev(g)?;
            }
            return Some(g);
        }
    }
    Some(j)
}

/// For every mention, the index of the first mention of the list it belongs to. Two
/// neighbours are in one list when only joiners stand between them (",", "and", "or", "as well
/// as", a parallel "as in"), possibly with words that belong to a member: authority nouns ("the Dutch Police
/// (Politie) and US …"), other proper names the gazetteer lacks ("Amsterdam, Papendrecht,
/// Rotterdam"), a place noun ("the Dutch cities of Amsterdam"), or a number in a distributive
/// list ("five in Spain and three the Netherlands").
pub(crate) fn list_heads(text: &str, tokens: &[Token], placed: &[Placed<'_>]) -> Vec<usize> {
    let mut heads: Vec<usize> = (0..placed.len()).collect();
    for k in 1..placed.len() {
        let (a, b) = (placed[k - 1], placed[k]);
        if b.first <= a.last {
            continue;
        }
        if same_list(text, tokens, a.last + 1, b.first) || part_of(tokens, a, b) {
            heads[k] = heads[k - 1];
        }
    }
    heads
}

/// True when agency `a` is named as part of `b` right after it, an agency or a country: "el
/// Servicio de Vigilancia Aduanera de la Agencia Tributaria" (one member of a list, not a new
/// list).
fn part_of(tokens: &[Token], a: Placed<'_>, b: Placed<'_>) -> bool {
    a.mention.form == Form::Agency
        && matches!(b.mention.form, Form::Agency | Form::Name)
        && match &tokens[a.last + 1..b.first] {
            [of] => of.lower == "of",
            [of, the] => of.lower == "of" && the.lower == "the",
            _ => false,
        }
}

/// True when the tokens `from..to` between two place mentions join them into one list.
fn same_list(text: &str, tokens: &[Token], from: usize, to: usize) -> bool {
    let mut joiner = false;
    let mut other = false;
    let mut place_noun = false;
    let mut capitalised = false;
    let mut filler = false;
    let mut depth = 0usize;
    for i in from..to {
        let w = tokens[i].lower;
        match w {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            "," | "and" | "or" | "&" | "well" | "plus" => joiner = true,
            "as" if tokens.get(i + 1).is_some_and(|t| t.lower == "well")
                || (i > from && tokens[i - 1].lower == "well") => {}
            // A parallel: "in Belgium as in the Netherlands", "en Belgique comme aux Pays-Bas",
            // "sowohl in Belgien als auch in den Niederlanden", "zowel in België als in
            // Duitsland", "tanto en Francia como en Bélgica".
            "as" if tokens[i + 1..to]
                .iter()
                .find(|t| !matches!(t.lower, "auch" | "ook" | "also"))
                .is_some_and(|t| t.lower == "in") =>
            {
                joiner = true
            }
            "auch" | "ook" | "also" if i > from && tokens[i - 1].lower == "as" => {}
            _ if i > from && adverb_after_joiner(tokens, i) => {}
            "the" | "in" => filler = true,
            // An adjective between a member's article and its name: "in Vorarlberg, der
            // benachbarten Schweiz und in der Steiermark", "and the neighbouring Netherlands".
            _ if i + 1 == to
                && i > from
                && tokens[i - 1].lower == "the"
                && w.starts_with(char::is_alphabetic)
                && !tokens[i].capitalised(text)
                && !tokens[i].is(class::CUE_START | class::BE | class::AUXILIARY) => {}
            "of" if place_noun => {}
            // A unit named after its country, within a list: "…, Cybercrime Coordination
            // Unit of Switzerland, …", "the UAE Ministry of the Interior and the UK's NCA" (the
            // "of" follows a capitalised name or an authority).
            "of" if i > from
                && (tokens[i - 1].is(class::AUTHORITY) || tokens[i - 1].capitalised(text)) => {}
            _ if tokens[i].is(class::PLACE_NOUN)
                && tokens.get(i + 1).is_some_and(|t| t.lower == "of") =>
            {
                place_noun = true
            }
            // An agency's unit noun: "several HSI offices, as well as Argentinian and
            // Brazilian authorities".
            _ if tokens[i].is(class::AUTHORITY | class::AGENCY_HEAD) => {}
            // A possessive opens a member's agency: "Japan's National Police Agency".
            "'s" => {}
            _ if tokens[i].is(class::NUMBER | class::DISTRIBUTIVE)
                || w.chars().all(|c| c.is_ascii_digit()) => {}
            // A capitalised word: a name the gazetteer lacks, inside the list.
            _ if tokens[i].capitalised(text) => capitalised = true,
            _ => other = true,
        }
    }
    !other && (joiner || place_noun || (!capitalised && !filler))
}

/// True when token `i` is an adverb right after a list's joiner, which leaves the list whole:
/// "or also", "ou encore", "et aussi", "y también", "o incluso", "und auch", "en ook", "or
/// even".
fn adverb_after_joiner(tokens: &[Token], i: usize) -> bool {
    matches!(
        tokens[i].lower,
        "also"
            | "even"
            | "encore"
            | "aussi"
            | "même"
            | "también"
            | "incluso"
            | "auch"
            | "sogar"
            | "ook"
            | "zelfs"
    ) && i > 0
        && matches!(tokens[i - 1].lower, "," | "and" | "or")
}

/// The plural noun of places whose examples follow token `j`: "countries" in "countries such
/// as", "países como", "pays comme", "pays tels que", "landen zoals", "Ländern wie", "cities
/// like"; also over one adjective after the noun ("pays européens tels que", "países
/// europeos como").
fn examples_of(tokens: &[Token], j: usize) -> Option<usize> {
    let word = |i: usize| tokens[i].lower;
    let noun = match word(j) {
        "as" if j >= 2 && word(j - 1) == "such" => j - 2,
        "que" if j >= 2 && matches!(word(j - 1), "tels" | "telles") => j - 2,
        "as" | "like" | "zoals" | "wie" => j.checked_sub(1)?,
        _ => return None,
    };
    let of_places = |i: usize| tokens[i].is(class::ANAPHOR_NOUN | class::PLACE_NOUN);
    if of_places(noun) {
        return Some(noun);
    }
    let adjective = tokens[noun].lower.chars().all(char::is_alphabetic) && tokens[noun].class == 0;
    (adjective && noun > 0 && of_places(noun - 1)).then(|| noun - 1)
}

/// The word that governs a noun of places: the place or background preposition before it,
/// over up to three words of its phrase ("in several countries", "en varios países", "dans
/// des pays", "vers d'autres pays", "to other European countries"); else the word right
/// before it.
fn governor_of_noun(
    tokens: &[Token],
    noun: usize,
    prev: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let g = prev(noun)?;
    let mut at = g;
    for _ in 0..3 {
        let t = &tokens[at];
        if t.is(class::PLACE_PREPOSITION | class::BACKGROUND_PREPOSITION) {
            return Some(at);
        }
        if t.is(class::CUE_START) || !t.lower.starts_with(char::is_alphabetic) {
            break;
        }
        match prev(at) {
            Some(p) => at = p,
            None => break,
        }
    }
    Some(g)
}

/// True when the words between one list's last member (`prev_tail`) and the next list's
/// first (`head`) are a conjunct of a gapped phrase: "," or "and" (and "of"), a count, its
/// object (goods or premises) and a place preposition: ", 10 tonnes of amphetamines in" in "the seizure of 1.6
/// tonnes of cocaine in Cape Verde, 10 tonnes of amphetamines in Burkina Faso", ", de 10
/// tonnes d'amphétamines au". No verb, cue or clause break stands in it.
pub(crate) fn gapped_conjunct(text: &str, tokens: &[Token], prev_tail: usize, head: usize) -> bool {
    let Some(between) = tokens.get(prev_tail + 1..head) else {
        return false;
    };
    let mut words = between
        .iter()
        .skip_while(|t| matches!(t.lower, "," | "and"));
    if between
        .first()
        .is_none_or(|t| !matches!(t.lower, "," | "and"))
    {
        return false;
    }
    let count = words
        .by_ref()
        .find(|t| t.lower != "of")
        .is_some_and(|t| is_count(t.lower));
    let plain = between.len() <= 12
        && !between.iter().any(|t| {
            (t.is(class::CUE_START) && !t.is(class::PLACE_PREPOSITION))
                || t.is(class::BE | class::AUXILIARY | class::CLAUSE_BREAK)
                || matches!(t.lower, ";" | ":" | "(" | ")")
        });
    // What is counted is goods or premises ("10 tonnes of amphetamines", "five homes"), the
    // objects of a seizure or a search, not people who do something else.
    let objects = between
        .iter()
        .any(|t| t.is(class::GOODS | class::PREMISES_NOUN));
    count
        && plain
        && objects
        && governor(text, tokens, head)
            .is_some_and(|g| g > prev_tail && tokens[g].is(class::PLACE_PREPOSITION))
}

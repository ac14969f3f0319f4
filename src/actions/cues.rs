//! Action cues: the words of a sentence that state an action.
//!
//! In: a sentence's tokens. Out: [`Cue`]s in text order, each with its action, whether it is a
//! verb or a noun, and its tokens. The words come from the lexicon ([`super::lexicon`]); the
//! checks below are frames a word list cannot say.

use super::lexicon::{self, class, CueEntry, CueKind};
use super::tokens::{clause_starts, digit_separator, tokenize, Token};
use crate::action::Action;
use crate::sentences::Sentence;
use crate::span::Span;
use rustc_hash::FxHashMap;

/// A word or phrase of a sentence that states an action.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    /// The action it states.
    pub action: Action,
    /// Verb or noun (a noun after a light verb counts as a verb).
    pub kind: CueKind,
    /// Its words in the article.
    pub span: Span,
    /// Token index of its first word.
    pub first: usize,
    /// Token index of its last word.
    pub last: usize,
    /// For a split verb, the token index of its closing part ("fest" in "nahm … fest").
    pub closing: Option<usize>,
}

/// The phrase cue of the lexicon that starts at token `i`, if any (the longest), with the
/// token index of its closing part when it is a split verb.
fn phrase_at<'l>(tokens: &[Token], i: usize) -> Option<(&'l CueEntry, Option<usize>)> {
    lexicon::current()
        .phrase_cues(tokens[i].lower)
        .iter()
        .find_map(|entry| match entry.words.iter().position(|w| *w == SPLIT) {
            Some(gap) => split_verb_at(tokens, i, &entry.words[..gap], &entry.words[gap + 1..])
                .map(|closing| (entry, Some(closing))),
            None => (entry.words.len() <= tokens.len() - i
                && entry
                    .words
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| t.lower == *w))
            .then_some((entry, None)),
        })
}

/// The gap of a split verb in a lexicon phrase: "stellten … sicher", "nahmen … fest".
pub(crate) const SPLIT: &str = "…";

/// A German or Dutch verb split by its clause ("Polizeibeamte stellten in Deutschland Drogen
/// sicher", "nam … in beslag"): `head` at `i`, and `tail` closing the clause later in the
/// sentence (before a stop, a comma, a semicolon or the end, or before a place phrase moved
/// after it: "hielden twee verdachten aan in Milaan"), at most 40 words on; the token index
/// of the tail's last word.
fn split_verb_at(tokens: &[Token], i: usize, head: &[&str], tail: &[&str]) -> Option<usize> {
    let matches_at = |words: &[&str], at: usize| {
        words.len() <= tokens.len().saturating_sub(at)
            && words.iter().zip(&tokens[at..]).all(|(w, t)| t.lower == *w)
    };
    if !matches_at(head, i) {
        return None;
    }
    let from = i + head.len();
    (from..tokens.len().min(from + 40))
        .take_while(|&j| {
            !matches!(tokens[j].lower, "." | ";" | "!" | "?") || digit_separator(tokens, j)
        })
        .find(|&j| {
            let end = j + tail.len();
            matches_at(tail, j)
                && tokens.get(end).is_none_or(|t| {
                    matches!(t.lower, "." | "," | ";" | ":" | "!" | "?" | ")")
                        || t.is(class::PLACE_PREPOSITION)
                })
        })
        .map(|j| j + tail.len() - 1)
}

/// True when any of the tokens in `range` (clamped to the sentence) is in `class`.
fn any_near(tokens: &[Token], from: usize, to: usize, bits: lexicon::Classes) -> bool {
    tokens[from.min(tokens.len())..to.min(tokens.len())]
        .iter()
        .any(|t| t.is(bits))
}

/// Whether the single-word cue at `i` states its action here: a present participle only after
/// a form of "be", an actor or as a relation; "targeted", "closed" and "blocked" only of
/// infrastructure; finding only of goods; a takedown not of a criminal group; "hosted" not of a
/// gathering or of servers; a finite "registrar" only of premises; an interception only of goods, not of messages or people. (A warrant's action is
/// checked for every cue in [`find`]: [`unexecuted_warrant`].)
fn word_cue_holds(text: &str, tokens: &[Token], i: usize, kind: CueKind, action: Action) -> bool {
    let word = tokens[i].lower;
    let participle = word.ends_with("ing") && kind == CueKind::Verb;
    let after_be = participle && any_near(tokens, i.saturating_sub(3), i, class::BE);
    // An absolute construction: "with the Spanish authorities arresting nine people".
    // Also after a name in "with X coordinating the involvement of …".
    let after_actor = participle
        && i > 0
        && (tokens[i - 1].is(class::AUTHORITY)
            || (tokens[i - 1].capitalised(text)
                && tokens[i.saturating_sub(4)..i - 1]
                    .iter()
                    .any(|t| t.lower == "with")));
    // "an operation involving X": the participle relates X to the operation.
    let relational = matches!(word, "involving" | "participating");
    // "targeted", "closed", "blocked" are takedowns only of infrastructure, not of people,
    // borders or cases. German and Dutch put the participle last, further from its object:
    // "Die Server wurden Anfang März von deutschen Behörden geschlossen".
    let reach_back = if lexicon::current_lang().puts_verbs_last() {
        10
    } else {
        4
    };
    let targets_infrastructure = !tokens[i].is(class::INFRASTRUCTURE_VERB)
        || any_near(
            tokens,
            i.saturating_sub(reach_back),
            i + 5,
            class::INFRASTRUCTURE,
        );
    // Finding is a seizure only of goods: "110 kilo cocaïne … gevonden", "drugs were found"
    // (not "investigators found that …", "the suspect was found"). English lists "found" only:
    // "discovered" finds evidence as often as goods.
    // "found to use", "found that", "found guilty" find a fact.
    let finds_fact = || {
        tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.lower, "to" | "that" | "dass" | "dat" | "que"))
            || tokens[i + 1..tokens.len().min(i + 4)].iter().any(|t| {
                matches!(
                    t.lower,
                    "guilty" | "liable" | "schuldig" | "coupable" | "coupables" | "culpable"
                )
            })
    };
    let finds_goods = !tokens[i].is(class::FIND_VERB)
        || (any_near(tokens, i.saturating_sub(15), i + 10, class::GOODS) && !finds_fact());
    // Hosting a gathering is not coordinating: "its General Assembly, hosted by the UK".
    // Nor is hosting servers or sites: "servers hosted in Germany were seized" (where they
    // were, for the seizure).
    let hosts_gathering = word == "hosted"
        && (any_near(tokens, i.saturating_sub(4), i + 4, class::GATHERING)
            || any_near(tokens, i.saturating_sub(4), i, class::INFRASTRUCTURE));
    let of_people = action == Action::Takedown && acts_on_people(tokens, i, i);
    // A finite "registrar" searches premises ("registraron seis viviendas"); without them it
    // records ("se registraron 300 casos"). (The participle "registrado" is read as before.)
    let records = kind == CueKind::Verb
        && word.starts_with("registr")
        && !word.starts_with("registrad")
        && !any_near(tokens, i.saturating_sub(4), i + 7, class::PREMISES_NOUN);
    // A verb that also means "wanted" ("gezocht") searches only premises: "wordt op negentien
    // locaties in Nederland gezocht" (a search), not "een in Nederland gezochte man".
    let wanted = tokens[i].is(class::WANTED)
        && !any_near(tokens, i.saturating_sub(12), i + 4, class::PREMISES_NOUN);
    // "aimed to dismantle the botnet": intended, not done.
    let intended = i >= 2 && tokens[i - 1].lower == "to" && tokens[i - 2].is(class::INTENTION);
    // Recovering children is a rescue, not a seizure: "authorities recovered 16 children".
    let rescue = word == "recovered" && any_near(tokens, i + 1, i + 4, class::PERSON_NOUN);
    // Intercepting goods is a seizure; intercepting messages is surveillance ("were able to
    // intercept, share and analyse millions of messages"), and intercepting people stops them
    // ("27 people, including 21 children, were intercepted").
    let not_goods = word.starts_with("intercept")
        && (any_near(tokens, i.saturating_sub(3), i + 10, class::COMMUNICATION)
            || any_near(tokens, i.saturating_sub(8), i + 4, class::PERSON_NOUN));
    // "a multinational coordinated cyber operation by A, B and C": an adjective, whose
    // agents took part; coordinating is a verb ("coordinated by Europol", "Europol
    // coordinated the operation").
    let adjective = word == "coordinated"
        && i > 0
        && (matches!(
            tokens[i - 1].lower,
            "a" | "an" | "the" | "this" | "these" | "its"
        ) || tokens[i - 1].lower.ends_with("al")
            || tokens[i - 1].lower.ends_with("ly"))
        && any_near(tokens, i + 1, i + 4, class::OPERATION_NOUN)
        && tokens.get(i + 1).is_none_or(|t| t.lower != "by");
    // After its noun, in a language that puts adjectives there, a coordinating participle
    // qualifies the action ("redadas coordinadas en Alemania", "des perquisitions
    // coordonnées en France": raids), unless its agent follows ("coordinadas por Europol").
    let qualifies_noun = action == Action::Coordination
        && kind == CueKind::Verb
        && lexicon::current_lang().puts_adjectives_after()
        && i > 0
        && lexicon::current()
            .word_cue(tokens[i - 1].lower)
            .is_some_and(|e| e.kind == CueKind::Noun && e.action.is_specific())
        && tokens.get(i + 1).is_none_or(|t| t.lower != "by");
    // A capitalised cue word inside a name: "National Office for … Asset Confiscation". (In
    // German every noun is capitalised: "Die Festnahmen" is no name.)
    let german_noun = kind == CueKind::Noun && lexicon::current_lang() == crate::lang::Lang::De;
    let in_name = !german_noun && in_proper_name(text, tokens, i);
    (!participle || after_be || after_actor || relational)
        && !of_people
        && !records
        && !wanted
        && !intended
        && !rescue
        && !not_goods
        && !adjective
        && !qualifies_noun
        && !in_name
        && targets_infrastructure
        && finds_goods
        && !hosts_gathering
}

/// True when the noun at `i` is the second object of the light verb before it, joined by
/// "and" to a noun that light verb governs: "conducted multiple search warrants and arrests",
/// "made 40 arrests and seizures".
fn shares_light_verb(tokens: &[Token], cues: &[Cue], i: usize) -> bool {
    let Some(before) = cues.last() else {
        return false;
    };
    let promoted_noun = before.kind == CueKind::Verb
        && lexicon::current()
            .word_cue(tokens[before.first].lower)
            .is_some_and(|e| e.kind == CueKind::Noun);
    promoted_noun
        && i > 0
        && tokens[i - 1].lower == "and"
        && i - before.last <= 3
        && tokens[before.last + 1..i - 1]
            .iter()
            .all(|t| t.is(class::WARRANT_NOUN))
}

/// For a cue word that names what a warrant orders: whether the warrant was executed (an
/// executing verb or noun at most twelve words before (a German or Dutch verb stands second,
/// its object after the places: "vollstreckten in Berlin, Hamburg und Bremen insgesamt zwölf
/// Durchsuchungsbeschlüsse") or five after: "executed a combined six
/// … search warrants", "the execution of 54 search warrants", "20 arrest warrants were
/// executed", "zwei Haftbefehle vollstreckt", "se ejecutaron tres órdenes de detención").
/// `None` when the word names no warrant: it is not followed by a warrant noun ("search
/// warrants"), not after one and "of" ("mandats de perquisition", "órdenes de detención"), and
/// not a warrant itself ("Haftbefehle", "huiszoekingsbevel").
fn warrant(tokens: &[Token], i: usize) -> Option<bool> {
    let names_warrant = tokens.get(i + 1).is_some_and(|t| t.is(class::WARRANT_NOUN))
        || (i >= 2 && tokens[i - 1].lower == "of" && tokens[i - 2].is(class::WARRANT_NOUN))
        || tokens[i].is(class::WARRANT_NOUN);
    names_warrant.then(|| {
        any_near(tokens, i.saturating_sub(12), i, class::WARRANT_EXECUTOR)
            || any_near(tokens, i + 1, i + 6, class::WARRANT_EXECUTOR)
    })
}

/// True for an arrest or a search named by a warrant that was not executed (`warrant`, from
/// [`warrant`]): "a search warrant was issued", "wanted on an arrest warrant issued by
/// Romania", "ein Europäischer Haftbefehl wurde erlassen" state nothing.
fn unexecuted_warrant(action: Action, warrant: Option<bool>) -> bool {
    matches!(action, Action::Raid | Action::Arrest) && warrant == Some(false)
}

/// True when a takedown cue at tokens `first..=last` acts on a criminal group, not on
/// infrastructure: "dismantled an organised crime group", "the gang was disrupted" (but "took
/// down the network's servers" is a takedown). The guideline's takedown is of websites,
/// domains, servers, botnets or infrastructure.
fn acts_on_people(tokens: &[Token], first: usize, last: usize) -> bool {
    // Back to the subject of a passive: "An organised crime group, which facilitated … in the
    // Philippines has been dismantled".
    let from = first.saturating_sub(24);
    let to = (last + 8).min(tokens.len());
    // "a criminal network", "a network of traffickers", "una red criminal" are groups,
    // "communication networks" infrastructure: a crime word up to two words before the network
    // noun or three after it.
    let criminal_network = (from..to).any(|i| {
        tokens[i].is(class::NETWORK_NOUN)
            && tokens[i.saturating_sub(2)..(i + 4).min(tokens.len())]
                .iter()
                .any(|t| t.is(class::CRIME_ADJECTIVE))
    });
    (criminal_network || any_near(tokens, from, to, class::CRIMINAL_GROUP))
        && !any_near(tokens, from, to, class::INFRASTRUCTURE)
}

/// True when the word at `i` is capitalised inside a run of capitalised words (a proper name:
/// "the National Office for Serious Fraud, Environmental Crime and Asset Confiscation"), in a
/// sentence that is not written in title case (a headline: "Police Seize Servers").
fn in_proper_name(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 || !tokens[i].capitalised(text) {
        return false;
    }
    let capitalised_neighbour =
        tokens[i - 1].capitalised(text) || tokens.get(i + 1).is_some_and(|t| t.capitalised(text));
    if !capitalised_neighbour {
        return false;
    }
    let words = tokens
        .iter()
        .filter(|t| t.lower.chars().next().is_some_and(char::is_alphabetic))
        .count();
    let capitals = tokens.iter().filter(|t| t.capitalised(text)).count();
    capitals * 2 < words
}

/// The cues of a sentence, in text order.
pub(crate) fn find(text: &str, tokens: &[Token]) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is(class::CUE_START) {
            i += 1;
            continue;
        }
        let warrant = warrant(tokens, i);
        if let Some((entry, closing)) = phrase_at(tokens, i) {
            let last = i + entry
                .words
                .iter()
                .position(|w| *w == SPLIT)
                .unwrap_or(entry.words.len())
                - 1;
            if (entry.action == Action::Takedown && acts_on_people(tokens, i, last))
                || unexecuted_warrant(entry.action, warrant)
            {
                i = last + 1;
                continue;
            }
            cues.push(Cue {
                action: entry.action,
                kind: entry.kind,
                span: Span::new(tokens[i].span.start, tokens[last].span.end),
                first: i,
                last,
                closing,
            });
            i = last + 1;
            continue;
        }
        if let Some(entry) = lexicon::current().word_cue(tokens[i].lower) {
            // A noun cue after a light verb acts as a verb: "made arrests", "conducted raids",
            // "carried out searches".
            // So does an executed warrant: "HSI offices executed six search warrants".
            // German and Dutch put the light verb after its noun: "in Duitsland twintig
            // arrestaties zijn verricht", "Durchsuchungen wurden durchgeführt".
            let light_verb_after = lexicon::current_lang().puts_verbs_last()
                && any_near(tokens, i + 1, i + 4, class::LIGHT_VERB);
            let light_verb = entry.kind == CueKind::Noun
                && (any_near(tokens, i.saturating_sub(3), i, class::LIGHT_VERB)
                    || light_verb_after
                    || warrant == Some(true)
                    || shares_light_verb(tokens, &cues, i));
            let kind = if light_verb {
                CueKind::Verb
            } else {
                entry.kind
            };
            if !unexecuted_warrant(entry.action, warrant)
                && word_cue_holds(text, tokens, i, entry.kind, entry.action)
            {
                cues.push(Cue {
                    action: entry.action,
                    kind,
                    span: tokens[i].span,
                    first: i,
                    last: i,
                    closing: None,
                });
            }
        } else if tokens[i].lower == "led"
            && tokens[i + 1..]
                .iter()
                .take(4)
                .any(|t| t.is(class::LED_OBJECT))
        {
            cues.push(Cue {
                action: Action::Coordination,
                kind: CueKind::Verb,
                span: tokens[i].span,
                first: i,
                last: i,
                closing: None,
            });
        }
        i += 1;
    }
    // Coordination between parties is what they did together: "the coordination between the
    // national authorities in Spain, the Netherlands and Honduras", "de coördinatie tussen …"
    // (they took part; who coordinated them is told elsewhere).
    for c in &mut cues {
        let between = tokens
            .get(c.last + 1)
            .is_some_and(|t| matches!(t.lower, "between" | "among"));
        if c.action == Action::Coordination && between {
            c.action = Action::Participation;
        }
    }
    cues
}

/// True when a negation or a modal stands between the clause start and the cue.
pub(crate) fn negated(tokens: &[Token], starts: &[usize], clause: usize, cue: usize) -> bool {
    let start = starts[clause];
    let end = starts.get(clause + 1).copied().unwrap_or(tokens.len());
    // What a colon opens is said for itself ("Es gab keine Festnahmen: in Spanien wurden …").
    let start = tokens[start..cue]
        .iter()
        .rposition(|t| t.lower == ":")
        .map_or(start, |i| start + i + 1);
    let mut reported = None;
    tokens[start..cue].iter().any(|t| {
        t.is(class::NEGATION)
            || (t.is(class::MODAL)
                && !(t.is(class::HEARSAY)
                    && *reported.get_or_insert_with(|| reports_past(&tokens[start..end]))))
    })
}

/// True when a clause with a `hearsay` modal reports a past action as others' word: a perfect
/// infinitive next to an action word ("In Duitsland zouden honderd huizen zijn doorzocht",
/// "zouden huiszoekingen zijn gedaan", "sollen drei Männer festgenommen worden sein"). Not
/// "zou worden aangehouden" (would be arrested), nor "zouden zijn huis doorzoeken" ("zijn" is
/// "his" there).
pub(crate) fn reports_past(clause: &[Token]) -> bool {
    let Some(modal) = clause.iter().position(|t| t.is(class::HEARSAY)) else {
        return false;
    };
    let action = |i: usize| clause.get(i).is_some_and(|t| t.is(class::CUE_START));
    (modal + 1..clause.len()).any(|i| {
        clause[i].is(class::PERFECT_INFINITIVE)
            && (action(i - 1)
                || action(i + 1)
                || (i >= 2 && clause[i - 1].lower == "worden" && action(i - 2)))
    })
}

/// True when the words before token `i` introduce a result: "resulting in (the) arrest".
pub(crate) fn follows_result(tokens: &[Token], i: usize) -> bool {
    // The phrase ends right before the noun ("permitieron la" incautación), or before its
    // article ("resulting in" the arrest).
    let article = i > 0 && matches!(tokens[i - 1].lower, "the" | "a" | "an");
    let ends = [Some(i), article.then(|| i - 1)];
    lexicon::current().phrases("result").iter().any(|words| {
        ends.iter().flatten().any(|&j| {
            j >= words.len()
                && tokens[j - words.len()..j]
                    .iter()
                    .zip(words.iter())
                    .all(|(t, w)| t.lower == *w)
        })
    })
}

/// The cue of the heading each list item stands under, by the item's sentence index.
///
/// A heading is a sentence that ends with a colon and holds a cue ("Countries involved in the
/// operation:", "The following agencies took part:"); its items are the sentences after it
/// that are bullet lines, or the one plain line right after it ("…were involved:\nthe Swiss
/// police, …"). A line that is neither ends the list.
pub(crate) fn heading_cues(text: &str, sentences: &[Sentence]) -> FxHashMap<usize, Cue> {
    let mut out = FxHashMap::default();
    let mut current: Option<(Cue, usize)> = None;
    let mut lower = String::new();
    for s in sentences {
        let words = s.span.of(text);
        if let Some((cue, heading)) = current {
            let line_start = text[..s.span.start].rfind('\n').map_or(0, |j| j + 1);
            let lead = text[line_start..s.span.start].trim();
            let bullet = lead.chars().count() == 1 && !lead.chars().any(char::is_alphanumeric);
            let next_line = s.index == heading + 1 && lead.is_empty() && line_start > 0;
            if bullet || next_line {
                out.insert(s.index, cue);
            } else {
                current = None;
            }
        }
        if words.ends_with(':') {
            let tokens = tokenize(text, s.span, &mut lower);
            let starts = clause_starts(&tokens);
            let clause_of = |i: usize| starts.partition_point(|&s| s <= i) - 1;
            current = find(text, &tokens)
                .into_iter()
                .rfind(|c| !negated(&tokens, &starts, clause_of(c.first), c.first))
                .map(|c| (c, s.index));
        }
    }
    out
}

/// The specific actions said to have happened "there", at the last place named before them in
/// the sentence: "The suspects fled to Spain after the robbery and were arrested there",
/// "… und wurden dort festgenommen", "fueron detenidos allí" (the pro-form within two words of
/// the cue, before or after it; not English's existential "there were", not "hier"; not a
/// negated action).
pub(crate) fn done_there<'c>(tokens: &[Token], starts: &[usize], cues: &'c [Cue]) -> Vec<&'c Cue> {
    let there = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.is(class::LOCATIVE_PRO_FORM)
                && !matches!(t.lower, "hier" | "here")
                && !tokens.get(i + 1).is_some_and(|n| n.is(class::BE))
        })
    };
    // German and Dutch put the participle last, after the time: "dort am Dienstag festgenommen".
    let before = if lexicon::current_lang().puts_verbs_last() {
        4
    } else {
        2
    };
    cues.iter()
        .filter(|c| {
            c.action.is_specific()
                && (c.first.saturating_sub(before)..c.first)
                    .chain(c.last + 1..=c.last + 2)
                    .any(there)
                && !negated(
                    tokens,
                    starts,
                    starts.partition_point(|&s| s <= c.first) - 1,
                    c.first,
                )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(Action, &str)> {
        let mut buf = String::new();
        let tokens = tokenize(text, Span::new(0, text.len()), &mut buf);
        find(text, &tokens)
            .into_iter()
            .map(|c| (c.action, c.span.of(text)))
            .collect()
    }

    #[test]
    fn phrases_words_and_frames() {
        assert_eq!(
            cues("Police took down servers and arrested two men."),
            [
                (Action::Takedown, "took down"),
                (Action::Arrest, "arrested")
            ]
        );
        // A modifier participle is not a cue; after "be" it is.
        assert!(cues("the assault targeting websites").is_empty());
        assert_eq!(
            cues("they were disrupting the botnet"),
            [(Action::Takedown, "disrupting")]
        );
        // A search warrant is a raid once executed.
        assert!(cues("a search warrant was issued").is_empty());
        assert_eq!(
            cues("officers executed a search warrant"),
            [(Action::Raid, "search")]
        );
        assert_eq!(
            cues("Spain led the operation"),
            [(Action::Coordination, "led")]
        );
    }
}

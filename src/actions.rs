//! Classifying actions and linking them to places.
//!
//! In: the text, its sentences and place mentions. Out: [`Event`]s, one per (action, place)
//! mention pair the text supports, each with the rule that linked them and a confidence.
//!
//! How (see DESIGN.md for the reasons):
//! 1. Each sentence is cut into clauses at conjunctions that join independent statements
//!    ("while", "whereas", "as", "but", "after", "before", "when", ";"): "servers were seized
//!    in A, while raids were conducted in B as C targeted its domains" is three clauses.
//! 2. Action cues come from a lexicon of verbs and nouns (seized, raids, arrested, took down,
//!    coordinated by, took part, …). A present participle counts only after a form of "be"
//!    ("have been disrupting"), not as a modifier ("the assault targeting websites"). A cue
//!    after a negation or a modal in its clause ("was not involved", "could be seized") is
//!    dropped.
//! 3. Place mentions that are background are dropped: demonyms without an authority noun
//!    (a suspect's nationality), places inside an institution's name ("King's College
//!    London"), origins and routes ("from", "via", "to", "wanted by"), a country after a city of
//!    its own ("Paris, France"), an acronym restating the name before it ("(ECTC)").
//! 4. Lists ("in the Netherlands, Canada and the US") share the link of their first member.
//! 5. Each mention links to a cue in its clause by the first rule that fits: the agent of a
//!    passive ("coordinated by X"), the place of a cue ("seized in X", "raids in X"), the
//!    subject of a verb ("the UK targeted", "Dutch police arrested"), else the nearest cue.

use crate::action::Action;
use crate::gazetteer::{Form, Gazetteer, PlaceId, PlaceKind};
use crate::places::Mention;
use crate::sentences::Sentence;
use crate::span::Span;
use serde::Serialize;

/// The rule that linked an action to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The place is the agent of a passive cue: "coordinated by Europol".
    PassiveAgent,
    /// The place follows a cue and a place preposition: "seized in the Netherlands".
    CueInPlace,
    /// The place is the subject of a verb cue: "the UK targeted its domains".
    Subject,
    /// The nearest cue in the same clause.
    SameClause,
}

impl Rule {
    /// The name used in the `reason` property.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::PassiveAgent => "passive-agent",
            Rule::CueInPlace => "cue-in-place",
            Rule::Subject => "subject",
            Rule::SameClause => "same-clause",
        }
    }

    fn base_confidence(self) -> f64 {
        match self {
            Rule::PassiveAgent => 0.92,
            Rule::CueInPlace => 0.9,
            Rule::Subject => 0.85,
            Rule::SameClause => 0.6,
        }
    }
}

/// An action at a place, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// What happened.
    pub action: Action,
    /// Where (the place the mention names).
    pub place: PlaceId,
    /// Index of the evidence sentence.
    pub sentence: usize,
    /// The place mention's words.
    pub mention: Span,
    /// The action cue's words.
    pub cue: Span,
    /// The rule that linked them.
    pub rule: Rule,
    /// 0–1: how strong the evidence is.
    pub confidence: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A finite verb or participle: "seized", "arrested", "took down".
    Verb,
    /// A noun: "raids", "seizure", "allies".
    Noun,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    action: Action,
    kind: CueKind,
    span: Span,
    /// Token index of its first and last word.
    first: usize,
    last: usize,
}

#[derive(Debug, Clone)]
struct Token {
    span: Span,
    lower: String,
}

/// Single-word cues: (word, action, kind). Present participles are marked by their form.
const WORD_CUES: &[(&str, Action, CueKind)] = {
    use Action::*;
    use CueKind::*;
    &[
        // seizure
        ("seize", Seizure, Verb),
        ("seized", Seizure, Verb),
        ("seizes", Seizure, Verb),
        ("seizing", Seizure, Verb),
        ("seizure", Seizure, Noun),
        ("seizures", Seizure, Noun),
        ("confiscate", Seizure, Verb),
        ("confiscated", Seizure, Verb),
        ("confiscating", Seizure, Verb),
        ("confiscation", Seizure, Noun),
        ("froze", Seizure, Verb),
        ("frozen", Seizure, Verb),
        ("freezing", Seizure, Verb),
        ("recovered", Seizure, Verb),
        ("impounded", Seizure, Verb),
        // raid
        ("raid", Raid, Noun),
        ("raids", Raid, Noun),
        ("raided", Raid, Verb),
        ("raiding", Raid, Verb),
        ("search", Raid, Noun),
        ("searches", Raid, Noun),
        ("searched", Raid, Verb),
        ("searching", Raid, Verb),
        // arrest
        ("arrest", Arrest, Noun),
        ("arrests", Arrest, Noun),
        ("arrested", Arrest, Verb),
        ("arresting", Arrest, Verb),
        ("detained", Arrest, Verb),
        ("detention", Arrest, Noun),
        ("detentions", Arrest, Noun),
        ("apprehended", Arrest, Verb),
        ("custody", Arrest, Noun),
        // takedown
        ("takedown", Takedown, Noun),
        ("takedowns", Takedown, Noun),
        ("take-down", Takedown, Noun),
        ("dismantled", Takedown, Verb),
        ("dismantling", Takedown, Verb),
        ("disrupted", Takedown, Verb),
        ("disrupting", Takedown, Verb),
        ("disruption", Takedown, Noun),
        ("sinkholed", Takedown, Verb),
        ("targeted", Takedown, Verb),
        ("targeting", Takedown, Verb),
        ("shut", Takedown, Verb),
        // coordination
        ("coordinated", Coordination, Verb),
        ("co-ordinated", Coordination, Verb),
        ("coordinating", Coordination, Verb),
        ("coordination", Coordination, Noun),
        ("hosted", Coordination, Verb),
        ("spearheaded", Coordination, Verb),
        // participation
        ("involved", Participation, Verb),
        ("participated", Participation, Verb),
        ("participating", Participation, Verb),
        ("participation", Participation, Noun),
        ("assisted", Participation, Verb),
        ("assistance", Participation, Noun),
        ("supported", Participation, Verb),
        ("allies", Participation, Noun),
        ("partners", Participation, Noun),
        ("joined", Participation, Verb),
    ]
};

/// Multi-word cues: (words, action, kind).
const PHRASE_CUES: &[(&[&str], Action, CueKind)] = {
    use Action::*;
    use CueKind::*;
    &[
        (&["took", "down"], Takedown, Verb),
        (&["taken", "down"], Takedown, Verb),
        (&["take", "down"], Takedown, Verb),
        (&["taking", "down"], Takedown, Verb),
        (&["taken", "offline"], Takedown, Verb),
        (&["took", "offline"], Takedown, Verb),
        (&["shut", "down"], Takedown, Verb),
        (&["led", "by"], Coordination, Verb),
        (&["headed", "by"], Coordination, Verb),
        (&["directed", "by"], Coordination, Verb),
        (&["took", "part"], Participation, Verb),
        (&["taken", "part"], Participation, Verb),
        (&["take", "part"], Participation, Verb),
        (&["taking", "part"], Participation, Verb),
        (&["in", "custody"], Arrest, Noun),
        (&["house", "searches"], Raid, Noun),
    ]
};

/// Nouns that make a demonym or a place an acting authority: "Dutch police", "the Romanian
/// authorities", "British security services".
const AUTHORITY_NOUNS: &[&str] = &[
    "agencies",
    "agency",
    "agents",
    "authorities",
    "authority",
    "counterparts",
    "customs",
    "detectives",
    "forces",
    "gendarmerie",
    "government",
    "investigators",
    "judicial",
    "justice",
    "law",
    "ministry",
    "officers",
    "officials",
    "partners",
    "police",
    "prosecutors",
    "prosecution",
    "security",
    "services",
    "spies",
    "team",
    "teams",
    "troops",
    "units",
];

/// Words before a place that make it the place of the cue.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "across", "throughout", "within", "inside"];

/// Words before a place that make it an origin, a route or a reference, not an action place.
const BACKGROUND_PREPOSITIONS: &[&str] = &["from", "via", "to", "through", "into", "toward", "towards"];

/// Words that make the following place background whatever the cue: "wanted by", "born in".
const BACKGROUND_VERBS: &[&str] = &[
    "born", "living", "lives", "lived", "resident", "residing", "resides", "wanted", "native",
    "citizen", "citizens", "national", "nationals", "headquartered",
];

/// Capitalised words that start or end an institution's name.
const INSTITUTIONS: &[&str] = &[
    "academy", "airport", "center", "centre", "college", "hospital", "institute", "museum",
    "school", "university",
];

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];
const MODALS: &[&str] = &["would", "could", "might", "may", "should", "if", "whether", "unless"];
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am", "'s"];

/// Words that end a clause and start another: the cue of one does not reach the other.
const CLAUSE_BREAKS: &[&str] = &[
    "while", "whilst", "whereas", "but", "although", "though", "after", "before", "when",
    "since", "because", "meanwhile", "as",
];

fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.of(text);
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let push = |tokens: &mut Vec<Token>, a: usize, b: usize| {
        let word = &s[a..b];
        tokens.push(Token {
            span: Span::new(span.start + a, span.start + b),
            lower: word.to_lowercase().replace('’', "'"),
        });
    };
    for (i, c) in s.char_indices() {
        let wordish = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (wordish, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                push(&mut tokens, a, i);
                start = None;
            }
            _ => {}
        }
        if !wordish && !c.is_whitespace() {
            // Punctuation is a token of its own.
            push(&mut tokens, i, i + c.len_utf8());
        }
    }
    if let Some(a) = start {
        push(&mut tokens, a, s.len());
    }
    // Split a trailing possessive or contraction: "Britain's" -> "Britain", "'s".
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let word = t.span.of(text);
        let cut = ["'s", "’s", "n't", "n’t"]
            .iter()
            .find(|suffix| word.len() > suffix.len() && word.ends_with(*suffix))
            .map(|suffix| word.len() - suffix.len());
        match cut {
            Some(k) => {
                let a = Span::new(t.span.start, t.span.start + k);
                let b = Span::new(t.span.start + k, t.span.end);
                out.push(Token {
                    span: a,
                    lower: a.of(text).to_lowercase(),
                });
                out.push(Token {
                    span: b,
                    lower: b.of(text).to_lowercase().replace('’', "'"),
                });
            }
            None => out.push(t),
        }
    }
    out
}

fn find_cues(tokens: &[Token]) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let phrase = PHRASE_CUES.iter().find(|(words, _, _)| {
            words.len() <= tokens.len() - i
                && words.iter().zip(&tokens[i..]).all(|(w, t)| t.lower == *w)
        });
        if let Some((words, action, kind)) = phrase {
            let last = i + words.len() - 1;
            cues.push(Cue {
                action: *action,
                kind: *kind,
                span: Span::new(tokens[i].span.start, tokens[last].span.end),
                first: i,
                last,
            });
            i = last + 1;
            continue;
        }
        if let Some((_, action, kind)) = WORD_CUES.iter().find(|(w, _, _)| *w == tokens[i].lower) {
            let word = tokens[i].lower.as_str();
            let participle = word.ends_with("ing") && *kind == CueKind::Verb;
            let after_be = participle
                && tokens[..i]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|t| BE_FORMS.contains(&t.lower.as_str()));
            // "led" alone is causal ("led to"); only "led by" (a phrase) or "X led the operation".
            if !participle || after_be {
                cues.push(Cue {
                    action: *action,
                    kind: *kind,
                    span: tokens[i].span,
                    first: i,
                    last: i,
                });
            }
        } else if tokens[i].lower == "led"
            && tokens[i + 1..]
                .iter()
                .take(4)
                .any(|t| matches!(t.lower.as_str(), "operation" | "investigation" | "action" | "probe" | "effort" | "raids"))
        {
            cues.push(Cue {
                action: Action::Coordination,
                kind: CueKind::Verb,
                span: tokens[i].span,
                first: i,
                last: i,
            });
        }
        i += 1;
    }
    cues
}

/// Token index where each clause starts (the first is 0).
fn clause_starts(tokens: &[Token]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, t) in tokens.iter().enumerate() {
        if i == 0 {
            continue;
        }
        let w = t.lower.as_str();
        let is_break = if w == ";" {
            true
        } else if CLAUSE_BREAKS.contains(&w) {
            if w == "as" {
                // "as well as", "such as", "as part of", "as a result": not a clause break.
                let prev = tokens[i - 1].lower.as_str();
                let next = tokens.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
                let next2 = tokens.get(i + 2).map(|t| t.lower.as_str()).unwrap_or("");
                !(prev == "well"
                    || prev == "such"
                    || prev == "same"
                    || next == "well"
                    || next == "part"
                    || next == "a"
                    || (next == "of" || next == "to")
                    || next2 == "as")
            } else {
                true
            }
        } else {
            false
        };
        if is_break {
            starts.push(i);
        }
    }
    starts
}

fn token_at(tokens: &[Token], offset: usize) -> Option<usize> {
    tokens.iter().position(|t| t.span.start <= offset && offset < t.span.end.max(t.span.start + 1))
}

/// Links actions to places in every sentence.
pub fn link(
    gazetteer: &Gazetteer,
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Event> {
    let mut events = Vec::new();
    for sentence in sentences {
        let here: Vec<&Mention> = mentions.iter().filter(|m| m.sentence == sentence.index).collect();
        if here.is_empty() {
            continue;
        }
        link_sentence(gazetteer, text, sentence, &here, &mut events);
    }
    events
}

/// A mention with its token range.
#[derive(Debug, Clone, Copy)]
struct Placed<'a> {
    mention: &'a Mention,
    first: usize,
    last: usize,
}

fn link_sentence(
    gazetteer: &Gazetteer,
    text: &str,
    sentence: &Sentence,
    mentions: &[&Mention],
    events: &mut Vec<Event>,
) {
    let tokens = tokenize(text, sentence.span);
    if tokens.is_empty() {
        return;
    }
    let mut placed: Vec<Placed<'_>> = Vec::new();
    for m in mentions {
        let (Some(first), Some(last)) = (
            token_at(&tokens, m.span.start),
            token_at(&tokens, m.span.end.saturating_sub(1)),
        ) else {
            continue;
        };
        placed.push(Placed {
            mention: m,
            first,
            last,
        });
    }
    let placed = drop_background(gazetteer, text, &tokens, placed);
    if placed.is_empty() {
        return;
    }
    let cues = find_cues(&tokens);
    let starts = clause_starts(&tokens);
    let clause_of = |i: usize| starts.partition_point(|&s| s <= i) - 1;
    let cues: Vec<Cue> = cues
        .into_iter()
        .filter(|c| !negated(&tokens, &starts, clause_of(c.first), c.first))
        .collect();
    if cues.is_empty() {
        return;
    }
    let lists = list_heads(text, &tokens, &placed);

    for (k, p) in placed.iter().enumerate() {
        let head = placed[lists[k]];
        let clause = clause_of(p.first);
        let in_clause: Vec<&Cue> = cues.iter().filter(|c| clause_of(c.first) == clause).collect();
        if in_clause.is_empty() {
            continue;
        }
        let before_head = |n: usize| -> Vec<&str> {
            tokens[..head.first]
                .iter()
                .rev()
                .filter(|t| t.lower != "the")
                .take(n)
                .map(|t| t.lower.as_str())
                .collect()
        };
        let prev = before_head(1);
        let prev = prev.first().copied().unwrap_or("");
        let left_cue = in_clause
            .iter()
            .filter(|c| c.last < head.first)
            .max_by_key(|c| c.last);
        let right_cue = in_clause.iter().filter(|c| c.first > p.last).min_by_key(|c| c.first);

        let mut linked: Option<(&Cue, Rule)> = None;
        if prev == "by" {
            if let Some(c) = left_cue.filter(|c| c.kind == CueKind::Verb || c.action == Action::Coordination) {
                linked = Some((c, Rule::PassiveAgent));
            }
        }
        if linked.is_none() && PLACE_PREPOSITIONS.contains(&prev) {
            if let Some(c) = left_cue {
                linked = Some((c, Rule::CueInPlace));
            }
        }
        if linked.is_none() {
            if let Some(c) = right_cue.filter(|c| c.kind == CueKind::Verb) {
                // The subject: only words of its own noun phrase between it and the verb.
                let between = &tokens[p.last + 1..c.first];
                let plain = between.len() <= 6
                    && between.iter().all(|t| {
                        !matches!(t.lower.as_str(), "," | "(" | ")" | "that" | "which" | "who")
                            || lists[k] != k
                    });
                if plain {
                    linked = Some((c, Rule::Subject));
                }
            }
        }
        if linked.is_none() {
            let nearest = in_clause.iter().min_by_key(|c| {
                if c.first > p.last {
                    c.first - p.last
                } else {
                    p.first.saturating_sub(c.last)
                }
            });
            if let Some(c) = nearest {
                linked = Some((c, Rule::SameClause));
            }
        }
        let Some((cue, rule)) = linked else { continue };
        let distance = if cue.first > p.last {
            cue.first - p.last
        } else {
            p.first.saturating_sub(cue.last)
        };
        let confidence = confidence(rule, cue, p.mention, distance);
        events.push(Event {
            action: cue.action,
            place: p.mention.place,
            sentence: sentence.index,
            mention: p.mention.span,
            cue: cue.span,
            rule,
            confidence,
        });
    }
}

fn confidence(rule: Rule, cue: &Cue, mention: &Mention, distance: usize) -> f64 {
    let mut c = rule.base_confidence();
    c -= 0.015 * distance.saturating_sub(3).min(20) as f64;
    if cue.kind == CueKind::Noun {
        c -= 0.05;
    }
    c *= match mention.form {
        Form::Name | Form::Agency => 1.0,
        Form::Code => 0.97,
        Form::City => 0.95,
        Form::Demonym => 0.9,
    };
    if mention.readings > 1 {
        c *= 0.9;
    }
    (c.clamp(0.05, 1.0) * 100.0).round() / 100.0
}

/// True when a negation or a modal stands between the clause start and the cue.
fn negated(tokens: &[Token], starts: &[usize], clause: usize, cue: usize) -> bool {
    let start = starts[clause];
    tokens[start..cue]
        .iter()
        .any(|t| NEGATIONS.contains(&t.lower.as_str()) || MODALS.contains(&t.lower.as_str()))
}

/// For every mention, the index of the first mention of the list it belongs to.
fn list_heads(text: &str, tokens: &[Token], placed: &[Placed<'_>]) -> Vec<usize> {
    let mut heads: Vec<usize> = (0..placed.len()).collect();
    for k in 1..placed.len() {
        let a = placed[k - 1];
        let b = placed[k];
        let gap = Span::new(tokens[a.last].span.end, tokens[b.first].span.start.max(tokens[a.last].span.end));
        let between = gap.of(text).trim();
        let between = between.trim_start_matches(',').trim();
        let joined = between.is_empty()
            || matches!(between, "and" | "or" | "as well as" | "&" | "and the" | "and in" | "or in")
            || between.starts_with(", ")
            || between == ",";
        // Also "A, B, and C" where the gap is ", and".
        let joined = joined || matches!(gap.of(text).trim(), ", and" | ", or" | "," | ", as well as");
        if joined {
            heads[k] = heads[k - 1];
        }
    }
    heads
}

/// Drops the mentions that are background and merges restatements.
fn drop_background<'a>(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    placed: Vec<Placed<'a>>,
) -> Vec<Placed<'a>> {
    let mut keep: Vec<Placed<'a>> = Vec::new();
    for (k, p) in placed.iter().enumerate() {
        let m = p.mention;
        let place = gazetteer.place(m.place);
        let next_words: Vec<&str> = tokens[p.last + 1..]
            .iter()
            .take(3)
            .map(|t| t.lower.as_str())
            .collect();
        let prev_words: Vec<&str> = tokens[..p.first]
            .iter()
            .rev()
            .filter(|t| t.lower != "the")
            .take(3)
            .map(|t| t.lower.as_str())
            .collect();
        // A demonym names an actor only with an authority noun within three words.
        if m.form == Form::Demonym {
            let authority = next_words
                .iter()
                .take_while(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
                .any(|w| AUTHORITY_NOUNS.contains(w));
            if !authority {
                continue;
            }
        }
        // Inside an institution's name: "King's College London", "University of Lyon".
        let prev_raw: Vec<&Token> = tokens[..p.first].iter().rev().take(3).collect();
        let institution_before = prev_raw.iter().any(|t| {
            INSTITUTIONS.contains(&t.lower.as_str())
                && t.span.of(text).starts_with(char::is_uppercase)
        });
        let institution_after = tokens[p.last + 1..].first().is_some_and(|t| {
            INSTITUTIONS.contains(&t.lower.as_str())
                && t.span.of(text).starts_with(char::is_uppercase)
        });
        if institution_before || institution_after {
            continue;
        }
        // Origins, routes, residence, nationality: "from Syria", "via Spain", "wanted by Romania".
        let prev = prev_words.first().copied().unwrap_or("");
        if BACKGROUND_PREPOSITIONS.contains(&prev) {
            let actor_before = prev_words[1..]
                .iter()
                .any(|w| AUTHORITY_NOUNS.contains(w) || *w == "deployed" || *w == "representatives");
            if !actor_before {
                continue;
            }
        }
        if prev_words.iter().take(2).any(|w| BACKGROUND_VERBS.contains(w)) {
            continue;
        }
        if next_words
            .first()
            .is_some_and(|w| matches!(*w, "national" | "nationals" | "citizen" | "citizens" | "-born"))
        {
            continue;
        }
        // "Paris, France": a country after a city of its own only qualifies the city.
        if place.kind == PlaceKind::Country {
            if let Some(prev_kept) = keep.last() {
                let prev_place = gazetteer.place(prev_kept.mention.place);
                let gap = text[prev_kept.mention.span.end..m.span.start].trim();
                if prev_place.kind == PlaceKind::City && prev_place.country == place.country && gap == ","
                {
                    continue;
                }
            }
        }
        // "European Counter Terrorism Centre (ECTC)": the acronym restates the name.
        if k > 0 {
            let before = placed[k - 1].mention;
            let gap = text[before.span.end..m.span.start].trim();
            let same = gazetteer.place(before.place).point == place.point;
            if gap == "(" && same {
                continue;
            }
        }
        keep.push(*p);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests_support::small;
    use crate::{places, sentences};

    fn pairs(text: &str) -> Vec<(Action, String)> {
        let g = small();
        let s = sentences::split(text);
        let m = places::find(&g, text, &s);
        let mut out: Vec<(Action, String)> = link(&g, text, &s, &m)
            .into_iter()
            .map(|e| (e.action, g.place(e.place).country.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn p(action: Action, code: &str) -> (Action, String) {
        (action, code.to_string())
    }

    #[test]
    fn passive_list_fans_out() {
        assert_eq!(
            pairs("Servers were seized in the Netherlands, Canada and the US."),
            vec![p(Action::Seizure, "CA"), p(Action::Seizure, "NL"), p(Action::Seizure, "US")]
        );
    }

    #[test]
    fn each_clause_keeps_its_action() {
        assert_eq!(
            pairs("Servers were seized in Canada, while raids were conducted in Bulgaria and France as the UK targeted its domains."),
            vec![
                p(Action::Seizure, "CA"),
                p(Action::Raid, "BG"),
                p(Action::Raid, "FR"),
                p(Action::Takedown, "GB")
            ]
        );
    }

    #[test]
    fn passive_agent_coordinates() {
        assert_eq!(
            pairs("Agencies coordinated by the European Counter Terrorism Centre (ECTC) started a takedown."),
            vec![p(Action::Coordination, "NL")]
        );
    }

    #[test]
    fn demonym_needs_an_authority() {
        assert_eq!(pairs("Dutch police arrested two men."), vec![p(Action::Arrest, "NL")]);
        assert!(pairs("Two Dutch men were arrested.").is_empty());
    }

    #[test]
    fn background_places_are_not_actions() {
        assert!(pairs("A fellow at King's College London said the sites were taken down.").is_empty());
        assert!(pairs("The suspect, wanted by Romania, was arrested.").is_empty());
        assert!(pairs("Drugs shipped from Spain to France were seized.").is_empty());
    }

    #[test]
    fn negation_and_hypotheticals_produce_nothing() {
        assert!(pairs("France was not involved in the operation.").is_empty());
        assert!(pairs("Servers in Canada could be seized later.").is_empty());
    }

    #[test]
    fn modifier_participles_are_not_cues() {
        assert_eq!(
            pairs("British security services were involved in the assault targeting websites, alongside allies in the US and Canada."),
            vec![p(Action::Participation, "CA"), p(Action::Participation, "GB"), p(Action::Participation, "US")]
        );
    }

    #[test]
    fn city_with_country_is_one_place() {
        let g = small();
        let text = "He was arrested in Paris, France.";
        let s = sentences::split(text);
        let m = places::find(&g, text, &s);
        let events = link(&g, text, &s, &m);
        assert_eq!(events.len(), 1);
        assert_eq!(g.place(events[0].place).name, "Paris");
        assert_eq!(events[0].rule, Rule::CueInPlace);
    }
}

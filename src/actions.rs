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
//! 4. Lists ("in the Netherlands, Canada and the US", "five in Spain and three the
//!    Netherlands", "the Dutch Police (Politie) and US HSI") are linked once, from the words
//!    before their head and after their tail; every member gets the same rule and confidence.
//! 5. Each list links to a cue in its clause by the first rule that fits: the agent of a
//!    passive ("coordinated by X"), the place of a nearby cue ("seized in X", "raided homes in
//!    the regions of X"), the subject of a verb ("the UK targeted", "investigators from A and B
//!    were deployed"), the object of a participation cue ("involving X", "a joint investigation
//!    team between A and B"), an enumeration after a participation word ("countries
//!    participating include: A; B"), else a verb cue at most two words away. A purpose
//!    infinitive right after the list ("actions in A and B to take down X") and a result
//!    ("searched in A, resulting in the arrest of …") add their actions. A place phrase that
//!    opens its clause ("In Spain, police seized … and arrested …") links every cue of it;
//!    verbs joined by "and" share their subject; a distributive count ("4 arrests: 1 in A and 3
//!    in B") links to the cue before it.
//! 6. Items of a list under a heading that ends with ":" and holds a cue (bullet lines, or the
//!    line right after it) take the heading's cue.

use crate::action::Action;
use crate::gazetteer::{Form, Gazetteer, PlaceId, PlaceKind};
use crate::places::Mention;
use crate::sentences::Sentence;
use crate::span::Span;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The rule that linked an action to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The place is the agent of a passive cue: "coordinated by Europol".
    PassiveAgent,
    /// The place opens its clause and is set off by a comma: "In Spain, police seized … and
    /// arrested …" (every cue of the clause happened there).
    FrontedPlace,
    /// The place follows a cue and a place preposition: "seized in the Netherlands".
    CueInPlace,
    /// The place is the subject of a verb cue: "the UK targeted its domains".
    Subject,
    /// The place is the object of a participation cue: "involving the Dutch police",
    /// "a joint investigation team between France and the US".
    Object,
    /// The place is in a list introduced after a participation word: "countries participating
    /// in the operation include: A, B", "participants included X; Y; Z".
    Enumeration,
    /// A purpose infinitive right after the place: "actions in A and B to take down X".
    Purpose,
    /// A result of the place's action: "searched in A, resulting in the arrest of B".
    Consequence,
    /// A verb cue next to the place in the same clause.
    SameClause,
}

impl Rule {
    /// The name used in the `reason` property.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::PassiveAgent => "passive-agent",
            Rule::FrontedPlace => "fronted-place",
            Rule::CueInPlace => "cue-in-place",
            Rule::Subject => "subject",
            Rule::Object => "object",
            Rule::Enumeration => "enumeration",
            Rule::Purpose => "purpose",
            Rule::Consequence => "consequence",
            Rule::SameClause => "same-clause",
        }
    }

    fn base_confidence(self) -> f64 {
        match self {
            Rule::PassiveAgent => 0.92,
            Rule::FrontedPlace => 0.85,
            Rule::CueInPlace => 0.9,
            Rule::Subject => 0.85,
            Rule::Object => 0.8,
            Rule::Enumeration => 0.8,
            Rule::Purpose => 0.8,
            Rule::Consequence => 0.7,
            Rule::SameClause => 0.5,
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

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    span: Span,
    /// The word in lower case, curly apostrophes straight (see [`push_lower`]).
    lower: &'a str,
    /// The word lists `lower` is in (bits of [`class`]), looked up once.
    class: u32,
}

impl Token<'_> {
    /// True when the word is in the word list(s) of `class` (a [`class`] bit or several).
    fn is(&self, class: u32) -> bool {
        self.class & class != 0
    }
}

/// The word lists below as bits, so that a token is looked up once rather than compared with
/// every list it is tested against.
mod class {
    pub const CUE_START: u32 = 1 << 0;
    pub const AUTHORITY: u32 = 1 << 1;
    pub const PLACE_NOUN: u32 = 1 << 2;
    pub const INFRASTRUCTURE: u32 = 1 << 3;
    pub const GATHERING: u32 = 1 << 4;
    pub const INTRODUCER: u32 = 1 << 5;
    pub const NUMBER_WORD: u32 = 1 << 6;
    pub const PLACE_PREPOSITION: u32 = 1 << 7;
    pub const BACKGROUND_PREPOSITION: u32 = 1 << 8;
    pub const BACKGROUND_VERB: u32 = 1 << 9;
    pub const INSTITUTION: u32 = 1 << 10;
    pub const NEGATION: u32 = 1 << 11;
    pub const MODAL: u32 = 1 << 12;
    pub const BE_FORM: u32 = 1 << 13;
    pub const CLAUSE_BREAK: u32 = 1 << 14;
}

/// Every word of the lists with its [`class`] bits. `CUE_START`: a word cue, the first word
/// of a phrase cue, or "led" (all that [`find_cues`] can start a cue at).
fn classes() -> &'static FxHashMap<&'static str, u32> {
    static CLASSES: std::sync::OnceLock<FxHashMap<&'static str, u32>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u32| {
            for w in words {
                *map.entry(w).or_default() |= bit;
            }
        };
        add(&mut WORD_CUES.iter().map(|c| c.0), class::CUE_START);
        add(
            &mut PHRASE_CUES.iter().filter_map(|c| c.0.first().copied()),
            class::CUE_START,
        );
        add(&mut ["led"].into_iter(), class::CUE_START);
        let lists: [(&[&'static str], u32); 14] = [
            (AUTHORITY_NOUNS, class::AUTHORITY),
            (PLACE_NOUNS, class::PLACE_NOUN),
            (INFRASTRUCTURE, class::INFRASTRUCTURE),
            (GATHERINGS, class::GATHERING),
            (INTRODUCERS, class::INTRODUCER),
            (NUMBER_WORDS, class::NUMBER_WORD),
            (PLACE_PREPOSITIONS, class::PLACE_PREPOSITION),
            (BACKGROUND_PREPOSITIONS, class::BACKGROUND_PREPOSITION),
            (BACKGROUND_VERBS, class::BACKGROUND_VERB),
            (INSTITUTIONS, class::INSTITUTION),
            (NEGATIONS, class::NEGATION),
            (MODALS, class::MODAL),
            (BE_FORMS, class::BE_FORM),
            (CLAUSE_BREAKS, class::CLAUSE_BREAK),
        ];
        for (words, bit) in lists {
            add(&mut words.iter().copied(), bit);
        }
        map
    })
}

/// The [`class`] bits of a lower-case word (0 when it is in no list).
fn class_of(lower: &str) -> u32 {
    classes().get(lower).copied().unwrap_or(0)
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
        ("freeze", Seizure, Verb),
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
        ("detain", Arrest, Verb),
        ("apprehend", Arrest, Verb),
        ("custody", Arrest, Noun),
        // takedown
        ("takedown", Takedown, Noun),
        ("takedowns", Takedown, Noun),
        ("take-down", Takedown, Noun),
        ("dismantle", Takedown, Verb),
        ("dismantled", Takedown, Verb),
        ("disrupt", Takedown, Verb),
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
        ("involving", Participation, Verb),
        ("participate", Participation, Verb),
        ("participants", Participation, Noun),
        ("assist", Participation, Verb),
        ("deployed", Participation, Verb),
        ("cooperation", Participation, Noun),
        ("co-operation", Participation, Noun),
        ("collaboration", Participation, Noun),
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
        (&["joint", "investigation", "team"], Participation, Noun),
        (&["working", "with"], Participation, Verb),
        (&["worked", "with"], Participation, Verb),
        (&["working", "alongside"], Participation, Verb),
        (&["worked", "alongside"], Participation, Verb),
        (&["working", "together", "with"], Participation, Verb),
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
    "enforcement",
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

/// Nouns that name a kind of place: "in the regions of Kyiv", "the Dutch cities of Amsterdam".
/// With a demonym they name the country ("the Spanish cities of …").
const PLACE_NOUNS: &[&str] = &[
    "area",
    "areas",
    "border",
    "capital",
    "cities",
    "city",
    "coast",
    "counties",
    "county",
    "district",
    "districts",
    "municipalities",
    "municipality",
    "port",
    "ports",
    "province",
    "provinces",
    "region",
    "regions",
    "soil",
    "state",
    "states",
    "territories",
    "territory",
    "town",
    "towns",
    "village",
    "villages",
];

/// Objects that make "targeted" a takedown: infrastructure, not people ("the suspects targeted").
const INFRASTRUCTURE: &[&str] = &[
    "accounts",
    "apps",
    "botnet",
    "botnets",
    "channels",
    "domain",
    "domains",
    "forum",
    "forums",
    "infrastructure",
    "malware",
    "marketplace",
    "marketplaces",
    "markets",
    "network",
    "networks",
    "nodes",
    "pages",
    "platform",
    "platforms",
    "server",
    "servers",
    "services",
    "site",
    "sites",
    "tools",
    "website",
    "websites",
];

/// Nouns after a name that make the name a modifier of someone else: "INTERPOL member
/// countries", "US allies" (but "Dutch partners" are Dutch).
const RELATIONAL_NOUNS: &[&str] = &[
    "allies",
    "ally",
    "countries",
    "member",
    "members",
    "nations",
    "partner",
    "partners",
    "states",
];

/// Gatherings: hosting one is not coordinating an operation ("an assembly hosted by the UK").
const GATHERINGS: &[&str] = &[
    "assembly",
    "ceremony",
    "conference",
    "congress",
    "event",
    "exhibition",
    "forum",
    "summit",
];

/// Words that open a list of members: "participants include: A, B and C".
const INTRODUCERS: &[&str] = &[
    ":",
    "comprise",
    "comprised",
    "comprises",
    "comprising",
    "include",
    "included",
    "includes",
    "including",
    "namely",
];

/// Prepositions after a participation noun that introduce its members: "cooperation between A
/// and B", "a team with C".
const MEMBER_PREPOSITIONS: &[&str] = &["among", "amongst", "between", "from", "of", "with"];

/// Nouns of help given: after them "from" names who gave it ("assistance from the Polish
/// police"), not an origin.
const SUPPORT_NOUNS: &[&str] = &[
    "assistance",
    "collaboration",
    "contribution",
    "contributions",
    "cooperation",
    "co-operation",
    "help",
    "participation",
    "support",
];

/// Words that end an agency's name after a demonym: "the Dutch National High Tech Crime Unit".
const AGENCY_HEADS: &[&str] = &[
    "agency",
    "bureau",
    "command",
    "commission",
    "department",
    "directorate",
    "force",
    "inspectorate",
    "office",
    "police",
    "service",
    "unit",
];

/// Words that introduce a result of the action before them: "resulting in the arrest of".
const RESULTS: &[&[&str]] = &[
    &["resulting", "in"],
    &["resulted", "in"],
    &["leading", "to"],
    &["led", "to"],
];

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "several", "some",
];

/// Words before a place that make it the place of the cue.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "across", "throughout", "within", "inside"];

/// Words before a place that make it an origin, a route or a reference, not an action place.
const BACKGROUND_PREPOSITIONS: &[&str] =
    &["from", "via", "to", "through", "into", "toward", "towards"];

/// Words that make the following place background whatever the cue: "wanted by", "born in".
const BACKGROUND_VERBS: &[&str] = &[
    "born",
    "living",
    "lives",
    "lived",
    "resident",
    "residing",
    "resides",
    "wanted",
    "native",
    "citizen",
    "citizens",
    "national",
    "nationals",
    "headquartered",
];

/// Capitalised words that start or end an institution's name.
const INSTITUTIONS: &[&str] = &[
    "academy",
    "airport",
    "center",
    "centre",
    "college",
    "hospital",
    "institute",
    "museum",
    "school",
    "university",
];

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];
const MODALS: &[&str] = &[
    "would", "could", "might", "may", "should", "if", "whether", "unless",
];
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'s",
];

/// Words that end a clause and start another: the cue of one does not reach the other.
const CLAUSE_BREAKS: &[&str] = &[
    "while",
    "whilst",
    "whereas",
    "but",
    "although",
    "though",
    "after",
    "before",
    "when",
    "since",
    "because",
    "meanwhile",
    "as",
];

/// Appends a word in lower case with curly apostrophes straight (ASCII fast path).
fn push_lower(word: &str, out: &mut String) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        // `str::to_lowercase`, not per char: it knows the final sigma.
        let lower = word.to_lowercase();
        out.push_str(&lower.replace('’', "'"));
    }
}

/// True for the ASCII bytes of a word: letters, digits, `-` and `'`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'\''
}

/// The character at byte `i` of `s`: whether it belongs to a word, whether it is whitespace,
/// and its length in bytes (ASCII without decoding a char).
fn classify(s: &str, i: usize) -> (bool, bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (is_word_byte(b), b.is_ascii_whitespace() || b == 0x0B, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (
            c.is_alphanumeric() || c == '’',
            c.is_whitespace(),
            c.len_utf8(),
        )
    }
}

/// Cuts a sentence into words and punctuation marks, with their lower-case forms written once
/// into `buf` (cleared first; reused from sentence to sentence), so that tokens own no string.
fn tokenize<'a>(text: &str, span: Span, buf: &'a mut String) -> Vec<Token<'a>> {
    let s = span.of(text);
    let mut spans: Vec<Span> = Vec::with_capacity(s.len() / 4 + 1);
    // A trailing possessive or contraction is a token of its own: "Britain's" -> "Britain", "'s".
    let mut push = |a: usize, b: usize| {
        let word = &s[a..b];
        let cut = ["'s", "’s", "n't", "n’t"]
            .iter()
            .find(|suffix| word.len() > suffix.len() && word.ends_with(*suffix))
            .map(|suffix| word.len() - suffix.len());
        let (a, b) = (span.start + a, span.start + b);
        match cut {
            Some(k) => {
                spans.push(Span::new(a, a + k));
                spans.push(Span::new(a + k, b));
            }
            None => spans.push(Span::new(a, b)),
        }
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (wordish, space, len) = classify(s, i);
        if wordish {
            // A word: letters, digits, hyphens and apostrophes, taken as one run.
            let a = i;
            i += len;
            loop {
                match bytes.get(i) {
                    Some(&b) if b < 0x80 && is_word_byte(b) => i += 1,
                    Some(&b) if b >= 0x80 => {
                        let (wordish, _, len) = classify(s, i);
                        if !wordish {
                            break;
                        }
                        i += len;
                    }
                    _ => break,
                }
            }
            push(a, i);
            continue;
        }
        if !space {
            // Punctuation is a token of its own.
            push(i, i + len);
        }
        i += len;
    }
    buf.clear();
    let mut ends = Vec::with_capacity(spans.len());
    for t in &spans {
        push_lower(t.of(text), buf);
        ends.push(buf.len());
    }
    let buf: &'a String = buf;
    let mut from = 0;
    spans
        .iter()
        .zip(ends)
        .map(|(&span, to)| {
            let lower = &buf[from..to];
            from = to;
            Token {
                span,
                lower,
                class: class_of(lower),
            }
        })
        .collect()
}

/// The cue lexicons indexed by word: phrase cues by their first word (in lexicon order), word
/// cues by the word (the first entry of a word wins, as a scan in lexicon order would find).
type CueTables = (
    FxHashMap<&'static str, Vec<usize>>,
    FxHashMap<&'static str, usize>,
);

fn cue_tables() -> &'static CueTables {
    static TABLES: std::sync::OnceLock<CueTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut phrases: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (k, (words, _, _)) in PHRASE_CUES.iter().enumerate() {
            if let Some(first) = words.first() {
                phrases.entry(*first).or_default().push(k);
            }
        }
        let mut words = FxHashMap::default();
        for (k, (w, _, _)) in WORD_CUES.iter().enumerate() {
            words.entry(*w).or_insert(k);
        }
        (phrases, words)
    })
}

fn find_cues(text: &str, tokens: &[Token]) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is(class::CUE_START) {
            i += 1;
            continue;
        }
        let (phrase_first, word_cues) = cue_tables();
        let phrase = phrase_first
            .get(tokens[i].lower)
            .into_iter()
            .flatten()
            .map(|&k| &PHRASE_CUES[k])
            .find(|(words, _, _)| {
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
        if let Some((_, action, kind)) = word_cues.get(tokens[i].lower).map(|&k| &WORD_CUES[k]) {
            let word = tokens[i].lower;
            let participle = word.ends_with("ing") && *kind == CueKind::Verb;
            let after_be = participle
                && tokens[..i]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|t| t.is(class::BE_FORM));
            // An absolute construction: "with the Spanish authorities arresting nine people".
            // Also after a name in "with X coordinating the involvement of …".
            let after_actor = participle
                && i > 0
                && (tokens[i - 1].is(class::AUTHORITY)
                    || (tokens[i - 1].span.of(text).starts_with(char::is_uppercase)
                        && tokens[i.saturating_sub(4)..i - 1]
                            .iter()
                            .any(|t| t.lower == "with")));
            // "an operation involving X": the participle relates X to the operation.
            let relational = matches!(word, "involving" | "participating");
            // "targeted" is a takedown only of infrastructure, not of people.
            let targets_infrastructure = !word.starts_with("target")
                || tokens[i.saturating_sub(4)..tokens.len().min(i + 5)]
                    .iter()
                    .any(|t| t.is(class::INFRASTRUCTURE));
            // Hosting a gathering is not coordinating: "its General Assembly, hosted by the UK".
            let hosts_gathering = word == "hosted"
                && tokens[i.saturating_sub(4)..tokens.len().min(i + 4)]
                    .iter()
                    .any(|t| t.is(class::GATHERING));
            // A search warrant is a raid only once executed: "police executed 40 search
            // warrants" (not "a search warrant was issued").
            let unexecuted_warrant = word == "search"
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.lower, "warrant" | "warrants"))
                && !tokens[i.saturating_sub(4)..i].iter().any(|t| {
                    matches!(
                        t.lower,
                        "executed" | "executing" | "execute" | "executes" | "served" | "serving"
                    )
                });
            // A noun cue after a light verb acts as a verb: "made arrests", "conducted raids",
            // "carried out searches".
            let light_verb = *kind == CueKind::Noun
                && tokens[i.saturating_sub(3)..i].iter().any(|t| {
                    matches!(
                        t.lower,
                        "made" | "make" | "makes" | "conducted" | "conduct" | "carried"
                    )
                });
            let kind = if light_verb { &CueKind::Verb } else { kind };
            if (!participle || after_be || after_actor || relational)
                && !unexecuted_warrant
                && targets_infrastructure
                && !hosts_gathering
            {
                cues.push(Cue {
                    action: *action,
                    kind: *kind,
                    span: tokens[i].span,
                    first: i,
                    last: i,
                });
            }
        } else if tokens[i].lower == "led"
            && tokens[i + 1..].iter().take(4).any(|t| {
                matches!(
                    t.lower,
                    "operation" | "investigation" | "action" | "probe" | "effort" | "raids"
                )
            })
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
    // Whether an introducer ("include", ":") stands before the token (one pass, not a scan
    // back from every semicolon).
    let mut introduced = false;
    for (i, t) in tokens.iter().enumerate() {
        if i == 0 {
            introduced = t.is(class::INTRODUCER);
            continue;
        }
        let w = t.lower;
        let is_break = if w == ";" {
            // After "include:" semicolons separate the members of a list, not clauses.
            !introduced
        } else if t.is(class::CLAUSE_BREAK) {
            if w == "as" {
                // "as well as", "such as", "as part of", "as a result": not a clause break.
                let prev = tokens[i - 1].lower;
                let next = tokens.get(i + 1).map(|t| t.lower).unwrap_or("");
                let next2 = tokens.get(i + 2).map(|t| t.lower).unwrap_or("");
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
        introduced = introduced || t.is(class::INTRODUCER);
    }
    starts
}

/// The token that covers byte `offset` (tokens are in text order and do not overlap).
fn token_at(tokens: &[Token], offset: usize) -> Option<usize> {
    let i = tokens
        .partition_point(|t| t.span.start <= offset)
        .checked_sub(1)?;
    let t = &tokens[i];
    (offset < t.span.end.max(t.span.start + 1)).then_some(i)
}

/// Links actions to places in every sentence.
pub fn link(
    gazetteer: &Gazetteer,
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Event> {
    let mut events = Vec::new();
    let headed = heading_cues(text, sentences);
    // Mentions come in text order: take each sentence's run of them, and tokenize only the
    // sentences that have one (linear in the text, not sentences × mentions).
    let mut here: Vec<&Mention> = Vec::new();
    let mut lower = String::new();
    let mut k = 0;
    while k < mentions.len() {
        let index = mentions[k].sentence;
        here.clear();
        while k < mentions.len() && mentions[k].sentence == index {
            here.push(&mentions[k]);
            k += 1;
        }
        let Some(sentence) = sentence_by_index(sentences, index) else {
            continue;
        };
        let heading = headed.get(&index).copied();
        link_sentence(
            gazetteer,
            text,
            sentence,
            &here,
            heading,
            &mut lower,
            &mut events,
        );
    }
    // An international body (Europol, Eurojust, INTERPOL) exists to coordinate national
    // forces: the support it gives ("Europol supported the investigation") is coordination.
    for e in &mut events {
        if e.action == Action::Participation && gazetteer.is_international(e.place) {
            e.action = Action::Coordination;
        }
    }
    events
}

/// The cue of the heading each list item stands under, by the item's sentence index.
///
/// A heading is a sentence that ends with a colon and holds a cue ("Countries involved in the
/// operation:", "The following agencies took part:"); its items are the sentences after it
/// that are bullet lines, or the one plain line right after it ("…were involved:\nthe Swiss
/// police, …"). A line that is neither ends the list.
fn heading_cues(text: &str, sentences: &[Sentence]) -> FxHashMap<usize, Cue> {
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
            current = find_cues(text, &tokens)
                .into_iter()
                .rfind(|c| !negated(&tokens, &starts, clause_of(c.first), c.first))
                .map(|c| (c, s.index));
        }
    }
    out
}

/// The sentence with this index (sentences are numbered in order, usually from 0).
fn sentence_by_index(sentences: &[Sentence], index: usize) -> Option<&Sentence> {
    match sentences.get(index) {
        Some(s) if s.index == index => Some(s),
        _ => sentences.iter().find(|s| s.index == index),
    }
}

/// A mention with its token range.
#[derive(Debug, Clone, Copy)]
struct Placed<'a> {
    mention: &'a Mention,
    first: usize,
    last: usize,
}

impl Event {
    /// The event of `placed` linked to `cue` by `rule`, `distance` words apart.
    fn new(
        sentence: &Sentence,
        placed: &Placed<'_>,
        cue: &Cue,
        rule: Rule,
        distance: usize,
    ) -> Event {
        Event {
            action: cue.action,
            place: placed.mention.place,
            sentence: sentence.index,
            mention: placed.mention.span,
            cue: cue.span,
            rule,
            confidence: confidence(rule, cue, placed.mention, distance),
        }
    }
}

fn link_sentence(
    gazetteer: &Gazetteer,
    text: &str,
    sentence: &Sentence,
    mentions: &[&Mention],
    heading: Option<Cue>,
    lower: &mut String,
    events: &mut Vec<Event>,
) {
    let tokens = tokenize(text, sentence.span, lower);
    // Most sentences carry no cue at all (an item under a heading takes the heading's).
    if heading.is_none() && !tokens.iter().any(|t| t.is(class::CUE_START)) {
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
    let cues = find_cues(text, &tokens);
    let starts = clause_starts(&tokens);
    let clause_of = |i: usize| starts.partition_point(|&s| s <= i) - 1;
    let cues: Vec<Cue> = cues
        .into_iter()
        .filter(|c| !negated(&tokens, &starts, clause_of(c.first), c.first))
        .collect();
    if cues.is_empty() {
        // An item of a list under a heading: "Countries involved:\n- Spain\n- Italy".
        if let Some(cue) = heading {
            for p in &placed {
                events.push(Event::new(sentence, p, &cue, Rule::Enumeration, 0));
            }
        }
        return;
    }
    let heads = list_heads(text, &tokens, &placed);

    // One link per list, from its head (the words before it) and its tail (the words after).
    let mut k = 0;
    while k < placed.len() {
        let mut end = k + 1;
        while end < placed.len() && heads[end] == k {
            end += 1;
        }
        let members = &placed[k..end];
        k = end;
        let head = members[0];
        let tail = members[members.len() - 1];
        let clause = clause_of(head.first);
        let in_clause: Vec<&Cue> = cues
            .iter()
            .filter(|c| clause_of(c.first) == clause)
            .collect();
        if in_clause.is_empty() {
            continue;
        }
        let mut linked = link_list(text, &tokens, &in_clause, starts[clause], head, tail);
        let Some(&(primary, _)) = linked.first() else {
            continue;
        };
        // "searched in A, resulting in the arrest of …": the result happened there too.
        if linked[0].1 != Rule::SameClause {
            for c in &in_clause {
                // A result with a place of its own ("led to arrests in several countries",
                // "… worldwide") did not happen at the list's places.
                let own_place = tokens.get(c.last + 1).is_some_and(|t| {
                    t.is(class::PLACE_PREPOSITION)
                        || matches!(t.lower, "worldwide" | "globally" | "abroad" | "elsewhere")
                });
                if c.first > primary.last
                    && c.kind == CueKind::Noun
                    && !own_place
                    && follows_result(&tokens, c.first)
                {
                    linked.push((c, Rule::Consequence));
                }
            }
        }
        for (cue, rule) in linked {
            // Distance from the list to its cue, the same for every member.
            let distance = if cue.first > tail.last {
                cue.first - tail.last
            } else {
                head.first.saturating_sub(cue.last)
            };
            for p in members {
                events.push(Event::new(sentence, p, cue, rule, distance));
            }
        }
    }
}

/// True when the words before token `i` introduce a result: "resulting in (the) arrest".
fn follows_result(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    if j > 0 && matches!(tokens[j - 1].lower, "the" | "a" | "an") {
        j -= 1;
    }
    RESULTS.iter().any(|words| {
        j >= words.len()
            && tokens[j - words.len()..j]
                .iter()
                .zip(words.iter())
                .all(|(t, w)| t.lower == *w)
    })
}

/// The index of the word that governs a place starting at token `at`, skipping "the", a
/// place noun ("in the regions of Kyiv" → "in") and an actor ("investigators from Norway"
/// → the word before "investigators") and names the gazetteer lacks in the same list ("in the
/// EU, US and Canada" → "in").
fn governor(text: &str, tokens: &[Token], at: usize) -> Option<usize> {
    let prev = |i: usize| (0..i).rev().find(|&j| tokens[j].lower != "the");
    let capitalised = |i: usize| tokens[i].span.of(text).starts_with(char::is_uppercase);
    let mut j = prev(at)?;
    while matches!(tokens[j].lower, "," | "and" | "or") {
        let Some(name) = prev(j).filter(|&n| capitalised(n)) else {
            break;
        };
        let mut n = name;
        while let Some(m) = prev(n).filter(|&m| capitalised(m)) {
            n = m;
        }
        j = prev(n)?;
    }
    let before = prev(j);
    if tokens[j].lower == "of" {
        if let Some(n) = before.filter(|&n| tokens[n].is(class::PLACE_NOUN)) {
            // One adjective may stand before the noun: "the Dutch cities of".
            let g = prev(n)?;
            let word = tokens[g].lower;
            if tokens[g].is(class::PLACE_PREPOSITION) || word == "and" || word == "," {
                return Some(g);
            }
            return prev(g);
        }
    }
    if matches!(tokens[j].lower, "from" | "of") {
        if let Some(n) = before.filter(|&n| tokens[n].is(class::AUTHORITY)) {
            let mut g = prev(n)?;
            // "law enforcement from", "judicial authorities from".
            while tokens[g].is(class::AUTHORITY) || tokens[g].lower == "judicial" {
                g = prev(g)?;
            }
            return Some(g);
        }
    }
    Some(j)
}

/// True for a count: digits ("12", "1,200" is several tokens and not one) or a number word.
fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit()))
        || (NUMBER_WORDS.contains(&word) && !matches!(word, "several" | "some"))
}

/// Tokens between `a` (exclusive) and `b` (exclusive), without short parentheticals such as
/// "(NCA)" or "(Guardia Civil)" and citation marks such as "[4]".
fn plain_between<'t>(tokens: &[Token<'t>], a: usize, b: usize) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for t in tokens.get(a + 1..b).unwrap_or(&[]) {
        match t.lower {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            w if depth == 0 => out.push(w),
            _ => {}
        }
    }
    out
}

/// The cues a list links to, best first, each with its rule.
fn link_list<'c>(
    text: &str,
    tokens: &[Token],
    in_clause: &[&'c Cue],
    clause_start: usize,
    head: Placed<'_>,
    tail: Placed<'_>,
) -> Vec<(&'c Cue, Rule)> {
    let governing = governor(text, tokens, head.first);
    let gov_word = governing.map(|g| tokens[g].lower).unwrap_or("");
    // "In Spain, police seized … and arrested …": a place phrase that opens its clause, set
    // off by a comma, is where everything the clause tells happened.
    if let Some(g) = governing {
        let opens_clause = tokens[clause_start..g].iter().all(|t| {
            matches!(t.lower, ";" | "and" | "meanwhile" | "also") || t.is(class::CLAUSE_BREAK)
        });
        let comma_after = tokens.get(tail.last + 1).is_some_and(|t| t.lower == ",");
        if tokens[g].is(class::PLACE_PREPOSITION) && opens_clause && comma_after {
            let after: Vec<(&'c Cue, Rule)> = in_clause
                .iter()
                .filter(|c| c.first > tail.last)
                .map(|c| (*c, Rule::FrontedPlace))
                .collect();
            if !after.is_empty() {
                return after;
            }
        }
    }
    let left = |limit: usize| {
        let g = governing?;
        in_clause
            .iter()
            .filter(|c| c.last < g)
            .max_by_key(|c| c.last)
            .copied()
            .filter(|c| {
                let between = plain_between(tokens, c.last, g);
                // A distributive count: "4 arrests: 1 in A and 3 in B", "two men were
                // arrested, one in A and one in B".
                let distributive = matches!(between.as_slice(), [":" | ",", n] if is_count(n));
                // The cue's objects listed before the place: "seized cash, watches and 40
                // phones in Barcelona" (commas, then "and" before the last item).
                let last_comma = between.iter().rposition(|w| *w == ",");
                // Only noun phrases: no place phrase, date or verb of another clause in it.
                let object_list = between.len() <= 2 * limit
                    && !between.iter().any(|w| {
                        PLACE_PREPOSITIONS.contains(w)
                            || BE_FORMS.contains(w)
                            || matches!(*w, ";" | ":" | "on" | "by" | "has" | "have" | "had")
                    })
                    && last_comma.is_some_and(|k| between[k + 1..].contains(&"and"));
                distributive
                    || object_list
                    || (between.len() <= limit
                        && !between.iter().any(|w| matches!(*w, "," | ";" | ":")))
            })
    };
    let mut linked: Vec<(&'c Cue, Rule)> = Vec::new();
    // "coordinated at international level by Europol", "arrested and five others placed
    // under judicial control by the Romanian authorities".
    // "shut down in an operation led by X and Y": a cue that ends with the "by" ("led by",
    // "headed by") takes its agent; the earlier verb is not X's.
    if gov_word == "by" {
        if let Some(c) = in_clause.iter().find(|c| Some(c.last) == governing) {
            return vec![(c, Rule::PassiveAgent)];
        }
    }
    if gov_word == "by" {
        if let Some(c) =
            left(10).filter(|c| c.kind == CueKind::Verb || c.action == Action::Coordination)
        {
            linked.push((c, Rule::PassiveAgent));
        }
    }
    // "servers were seized in the Netherlands", "raided locations in the Dutch cities of".
    if linked.is_empty() && PLACE_PREPOSITIONS.contains(&gov_word) {
        if let Some(c) = left(6) {
            linked.push((c, Rule::CueInPlace));
        }
    }
    // "Dutch police arrested", "officials in A, B and C assisted", "his home in X was searched".
    if linked.is_empty() {
        // The first cue after the place, when it is a verb; a noun that is a second subject
        // joined by "and" ("the FBI and international partners have dismantled") is passed
        // over for the verb after it.
        let mut after = in_clause.iter().filter(|c| c.first > tail.last);
        let right = after.next().and_then(|c| {
            let conjoined_noun = c.kind == CueKind::Noun
                && plain_between(tokens, tail.last, c.first).contains(&"and");
            if conjoined_noun {
                after.find(|d| d.kind == CueKind::Verb)
            } else {
                Some(c)
            }
        });
        let right = right.filter(|c| c.kind == CueKind::Verb);
        if let Some(c) = right {
            let between = plain_between(tokens, tail.last, c.first);
            // "the INTERPOL member countries participating": the subject is the members.
            // But "the FBI and international partners dismantled": after "and", the partners
            // are a second subject beside the place, not what it qualifies.
            let relational = tail.mention.form != Form::Demonym
                && between
                    .iter()
                    .take_while(|w| !matches!(**w, "and" | "with"))
                    .any(|w| RELATIONAL_NOUNS.contains(w));
            let plain = between.len() <= 6
                && !relational
                && between
                    .iter()
                    .all(|w| !matches!(*w, "," | ";" | ":" | "that" | "which" | "who" | "whose"));
            if plain {
                linked.push((c, Rule::Subject));
                // Verbs sharing the subject: "Dutch police arrested 100 people and seized 8
                // tonnes", "raided … , searched … and arrested …". A verb is shared when "and"
                // (or a comma) stands right before it and no other actor starts in between.
                let mut last = c.last;
                for d in in_clause.iter().filter(|d| d.first > c.last) {
                    let joined = d.kind == CueKind::Verb
                        && d.first > 0
                        && matches!(tokens[d.first - 1].lower, "and" | ",")
                        && plain_between(tokens, last, d.first).iter().all(|w| {
                            !AUTHORITY_NOUNS.contains(w)
                                && !matches!(*w, ";" | "who" | "which" | "that" | "they")
                        });
                    if !joined {
                        break;
                    }
                    linked.push((d, Rule::Subject));
                    last = d.last;
                }
            }
        }
    }
    // "involving the Dutch police", "a joint investigation team between authorities from A".
    if linked.is_empty() {
        if let Some(g) = governing {
            let object = in_clause.iter().find(|c| {
                c.action == Action::Participation
                    && (c.last == g
                        || (MEMBER_PREPOSITIONS.contains(&gov_word)
                            && c.last < g
                            && plain_between(tokens, c.last, g).is_empty()))
            });
            if let Some(c) = object {
                linked.push((c, Rule::Object));
            }
        }
    }
    // "The countries participating in the operation include: A, B and C".
    if linked.is_empty() {
        let intro = (0..head.first)
            .rev()
            .take_while(|&i| {
                !in_clause
                    .iter()
                    .any(|c| c.first <= i && i <= c.last && c.action != Action::Participation)
            })
            .find(|&i| tokens[i].is(class::INTRODUCER));
        if let Some(i) = intro {
            let subject = in_clause
                .iter()
                .filter(|c| c.action == Action::Participation && c.last < i)
                .max_by_key(|c| c.last);
            if let Some(c) = subject {
                linked.push((c, Rule::Enumeration));
            }
        }
    }
    // Last resort: a verb right next to the place.
    if linked.is_empty() {
        let near = in_clause.iter().find(|c| {
            c.kind == CueKind::Verb
                && ((c.first > tail.last && c.first - tail.last <= 2)
                    || (c.last < head.first && head.first - c.last <= 2))
        });
        if let Some(c) = near {
            linked.push((c, Rule::SameClause));
        }
    }
    // "actions in A and B to disrupt and take down X": the purpose applies to the list.
    {
        let mut i = tail.last + 1;
        if tokens.get(i).is_some_and(|t| t.lower == "to") {
            i += 1;
            while let Some(c) = in_clause.iter().find(|c| c.first == i) {
                if !linked.iter().any(|(l, _)| l.action == c.action) {
                    linked.push((c, Rule::Purpose));
                }
                i = c.last + 1;
                if tokens.get(i).is_some_and(|t| t.lower == "and") {
                    i += 1;
                }
            }
        }
    }
    // "in Belgium, where authorities also shut down its channels": what the relative clause
    // tells happened at the place too.
    if !linked.is_empty() {
        let comma = usize::from(tokens.get(tail.last + 1).is_some_and(|t| t.lower == ","));
        let relative = tail.last + 1 + comma;
        if tokens.get(relative).is_some_and(|t| t.lower == "where") {
            for c in in_clause.iter().filter(|c| c.first > relative) {
                if !linked.iter().any(|(l, _)| l.action == c.action) {
                    linked.push((c, Rule::CueInPlace));
                }
            }
        }
    }
    linked
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
        .any(|t| t.is(class::NEGATION | class::MODAL))
}

/// For every mention, the index of the first mention of the list it belongs to. Two
/// neighbours are in one list when only joiners stand between them (",", "and", "or", "as well
/// as"), possibly with words that belong to a member: authority nouns ("the Dutch Police
/// (Politie) and US …"), other proper names the gazetteer lacks ("Amsterdam, Papendrecht,
/// Rotterdam"), a place noun ("the Dutch cities of Amsterdam"), or a number in a distributive
/// list ("five in Spain and three the Netherlands").
fn list_heads(text: &str, tokens: &[Token], placed: &[Placed<'_>]) -> Vec<usize> {
    let mut heads: Vec<usize> = (0..placed.len()).collect();
    for k in 1..placed.len() {
        let a = placed[k - 1];
        let b = placed[k];
        if b.first <= a.last {
            continue;
        }
        let mut joiner = false;
        let mut other = false;
        let mut place_noun = false;
        let mut capitalised = false;
        let mut filler = false;
        let mut depth = 0usize;
        for i in a.last + 1..b.first {
            let w = tokens[i].lower;
            match w {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                "," | "and" | "or" | "&" | "well" | "plus" => joiner = true,
                "as" if tokens.get(i + 1).is_some_and(|t| t.lower == "well") => {}
                "the" | "in" => filler = true,
                "of" if place_noun => {}
                _ if tokens[i].is(class::PLACE_NOUN)
                    && tokens.get(i + 1).is_some_and(|t| t.lower == "of") =>
                {
                    place_noun = true
                }
                _ if tokens[i].is(class::AUTHORITY) => {}
                // A possessive opens a member's agency: "Japan's National Police Agency".
                "'s" => {}
                _ if tokens[i].is(class::NUMBER_WORD) || w.chars().all(|c| c.is_ascii_digit()) => {}
                // A capitalised word: a name the gazetteer lacks, inside the list.
                _ if tokens[i].span.of(text).starts_with(char::is_uppercase) => capitalised = true,
                _ => other = true,
            }
        }
        if !other && (joiner || place_noun || (!capitalised && !filler)) {
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
    // The last mention dropped as an origin or a route: the rest of its list goes with it
    // ("shipped from Spain to France and Italy").
    let mut routed: Option<usize> = None;
    for (k, p) in placed.iter().enumerate() {
        let m = p.mention;
        let place = gazetteer.place(m.place);
        // The three words after the mention, and the three before it ("the" left out).
        let next_words = || tokens[p.last + 1..].iter().take(3);
        let prev_words = || {
            tokens[..p.first]
                .iter()
                .rev()
                .filter(|t| t.lower != "the")
                .take(3)
        };
        // A demonym names an actor only with an authority noun within three words, and a
        // place with a place noun: "the Spanish cities of Valencia and Malaga".
        if m.form == Form::Demonym {
            // Or an agency's name: a run of capitalised words ending in "Unit", "Bureau", ….
            let agency = tokens[p.last + 1..]
                .iter()
                .take(6)
                .take_while(|t| t.span.of(text).starts_with(char::is_uppercase))
                .any(|t| AGENCY_HEADS.contains(&t.lower));
            let authority = agency
                || next_words()
                    .take_while(|t| t.lower.chars().all(|c| c.is_alphanumeric() || c == '-'))
                    .any(|t| t.is(class::AUTHORITY));
            let place_noun = next_words().next().is_some_and(|t| t.is(class::PLACE_NOUN));
            if !authority && !place_noun {
                continue;
            }
        }
        // Inside an institution's name: "King's College London", "University of Lyon".
        let institution_before =
            tokens[..p.first].iter().rev().take(3).any(|t| {
                t.is(class::INSTITUTION) && t.span.of(text).starts_with(char::is_uppercase)
            });
        let institution_after = tokens[p.last + 1..].first().is_some_and(|t| {
            t.is(class::INSTITUTION) && t.span.of(text).starts_with(char::is_uppercase)
        });
        if institution_before || institution_after {
            continue;
        }
        // Origins, routes, residence, nationality: "from Syria", "via Spain", "wanted by Romania".
        let prev_token = prev_words().next();
        let prev = prev_token.map_or("", |t| t.lower);
        if let Some(r) = routed {
            let joined = tokens[r + 1..p.first]
                .iter()
                .all(|t| matches!(t.lower, "," | "and" | "or" | "the"));
            if joined {
                routed = Some(p.last);
                continue;
            }
            routed = None;
        }
        if prev_token.is_some_and(|t| t.is(class::BACKGROUND_PREPOSITION)) {
            let actor_before = prev == "from"
                && prev_words().skip(1).any(|t| {
                    t.is(class::AUTHORITY)
                        || SUPPORT_NOUNS.contains(&t.lower)
                        || t.lower == "deployed"
                        || t.lower == "representatives"
                });
            if !actor_before {
                routed = Some(p.last);
                continue;
            }
        }
        if prev_words().take(2).any(|t| t.is(class::BACKGROUND_VERB)) {
            continue;
        }
        // "a Romanian national" is a person, but "the Romanian National Police" an agency: a
        // capitalised "National" before a capitalised word, or "national" before an authority
        // noun, opens an agency's name.
        let first_next = next_words().next();
        let agency_name = first_next.is_some_and(|t| t.lower == "national")
            && (next_words().nth(1).is_some_and(|t| t.is(class::AUTHORITY))
                || tokens[p.last + 1..]
                    .iter()
                    .take(2)
                    .all(|t| t.span.of(text).starts_with(char::is_uppercase)));
        if !agency_name
            && first_next.is_some_and(|t| {
                matches!(
                    t.lower,
                    "national" | "nationals" | "citizen" | "citizens" | "-born"
                )
            })
        {
            continue;
        }
        // "Paris, France", "Austin, Texas": a country or region after a city of its own only
        // qualifies the city; after a city of another country it names a region there
        // ("Atlanta, Georgia").
        if matches!(place.kind, PlaceKind::Country | PlaceKind::Region) {
            if let Some(prev_kept) = keep.last() {
                let prev_place = gazetteer.place(prev_kept.mention.place);
                let gap = text[prev_kept.mention.span.end..m.span.start].trim();
                // "in Paris, Spain and Italy" is a list, not a region.
                let list_goes_on = placed
                    .get(k + 1)
                    .is_some_and(|next| next.first <= p.last + 3);
                if prev_place.kind == PlaceKind::City
                    && gap == ","
                    && (prev_place.country == place.country || !list_goes_on)
                {
                    continue;
                }
            }
        }
        // The end of a longer proper name: "Michael Jordan", "Detective Chad".
        if matches!(m.form, Form::Name | Form::City) && p.first > 0 {
            let before = &tokens[p.first - 1];
            let word = before.span.of(text);
            let titlecase =
                word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
            let compass = matches!(
                before.lower,
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "greater"
            );
            let in_mention = placed
                .iter()
                .any(|q| q.first < p.first && p.first - 1 <= q.last);
            if titlecase && !compass && !in_mention && p.first - 1 > 0 {
                continue;
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
            vec![
                p(Action::Seizure, "CA"),
                p(Action::Seizure, "NL"),
                p(Action::Seizure, "US")
            ]
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
        assert_eq!(
            pairs("Dutch police arrested two men."),
            vec![p(Action::Arrest, "NL")]
        );
        assert!(pairs("Two Dutch men were arrested.").is_empty());
    }

    #[test]
    fn background_places_are_not_actions() {
        assert!(
            pairs("A fellow at King's College London said the sites were taken down.").is_empty()
        );
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

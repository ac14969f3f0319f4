//! The words the extraction rules read, from `lexicon/LANG.tsv` (embedded in the binary): one
//! lexicon per language opmap reads, with the same classes, read by the same rules.
//!
//! The rules of one article read its language's lexicon through [`current`], set for the
//! article's extraction by [`with`] (a thread-local setting: an article is extracted on one
//! thread; articles of a batch run on many at once, each with its own).
//!
//! In: the lexicon file's text. Out: a [`Lexicon`]: action cues (single words by word, phrases
//! by their first word) and the word lists the rules consult, each a [`class`] bit, so that a
//! token is looked up once rather than compared with every list it is tested against.
//!
//! The file is data: adding a word to a list is a one-line change, with no code to touch. The
//! frames a word list cannot say (a "by" agent, a light verb before a noun) stay in the rules
//! and read their words from here.

use crate::action::Action;
use crate::lang::Lang;
use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::sync::OnceLock;

/// The English lexicon, as shipped.
pub(crate) const EN: &str = include_str!("../../lexicon/en.tsv");
/// The German lexicon.
pub(crate) const DE: &str = include_str!("../../lexicon/de.tsv");
/// The French lexicon.
pub(crate) const FR: &str = include_str!("../../lexicon/fr.tsv");
/// The Dutch lexicon.
pub(crate) const NL: &str = include_str!("../../lexicon/nl.tsv");
/// The Spanish lexicon.
pub(crate) const ES: &str = include_str!("../../lexicon/es.tsv");

/// The lexicon file of a language, and its text.
pub(crate) fn file_of(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("lexicon/en.tsv", EN),
        Lang::De => ("lexicon/de.tsv", DE),
        Lang::Fr => ("lexicon/fr.tsv", FR),
        Lang::Nl => ("lexicon/nl.tsv", NL),
        Lang::Es => ("lexicon/es.tsv", ES),
    }
}

/// Whether a cue states its action as a verb or as a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A finite verb or participle: "seized", "arrested", "took down".
    Verb,
    /// A noun: "raids", "seizure", "allies".
    Noun,
}

/// The fewest letters a compound's head has ([`Lexicon::compound_head_class`]).
const MIN_HEAD: usize = 4;
/// The fewest letters before a compound's head.
const MIN_MODIFIER: usize = 3;

/// A set of word lists, as bits ([`class`]).
pub(crate) type Classes = u128;

/// The word lists as bits (the lexicon's `class` column).
pub(crate) mod class {
    use super::Classes;

    /// A single-word cue, the first word of a phrase cue, or "led" (see `cues::find`).
    pub(crate) const CUE_START: Classes = 1 << 0;
    /// Nouns that make a demonym or a place an acting authority: "Dutch police".
    pub(crate) const AUTHORITY: Classes = 1 << 1;
    /// Nouns that name a kind of place: "in the regions of Kyiv".
    pub(crate) const PLACE_NOUN: Classes = 1 << 2;
    /// Objects that make "targeted" a takedown: infrastructure, not people.
    pub(crate) const INFRASTRUCTURE: Classes = 1 << 3;
    /// Gatherings: hosting one is not coordinating an operation.
    pub(crate) const GATHERING: Classes = 1 << 4;
    /// Words that open a list of members: "participants include: A, B and C".
    pub(crate) const INTRODUCER: Classes = 1 << 5;
    /// Counts and quantity words: "two", "several".
    pub(crate) const NUMBER: Classes = 1 << 6;
    /// Words before a place that make it the place of the cue: "in", "across".
    pub(crate) const PLACE_PREPOSITION: Classes = 1 << 7;
    /// Words before a place that make it an origin, a route or a destination: "from", "via".
    pub(crate) const BACKGROUND_PREPOSITION: Classes = 1 << 8;
    /// Words before a place that make it a person's origin or residence: "born in", "living in".
    pub(crate) const ORIGIN: Classes = 1 << 9;
    /// Words that start or end an institution's name: "University", "College".
    pub(crate) const INSTITUTION: Classes = 1 << 10;
    /// Negations: "not", "never".
    pub(crate) const NEGATION: Classes = 1 << 11;
    /// Modals and conditionals: "could", "if".
    pub(crate) const MODAL: Classes = 1 << 12;
    /// Forms of "be".
    pub(crate) const BE: Classes = 1 << 13;
    /// Words that end a clause and start another: "while", "but".
    pub(crate) const CLAUSE_BREAK: Classes = 1 << 14;
    /// Nouns after a name that make it a modifier of someone else: "INTERPOL member countries".
    pub(crate) const RELATIONAL: Classes = 1 << 15;
    /// Prepositions after a participation noun that introduce its members: "between", "of".
    pub(crate) const MEMBER_PREPOSITION: Classes = 1 << 16;
    /// Nouns of help given: "assistance from the Polish police".
    pub(crate) const SUPPORT_NOUN: Classes = 1 << 17;
    /// Words that end an agency's name after a demonym: "the Dutch National High Tech Crime Unit".
    pub(crate) const AGENCY_HEAD: Classes = 1 << 18;
    /// Verbs before a noun cue that make it act as a verb: "made arrests".
    pub(crate) const LIGHT_VERB: Classes = 1 << 19;
    /// Verbs that execute a search warrant: "executed 40 search warrants".
    pub(crate) const WARRANT_EXECUTOR: Classes = 1 << 20;
    /// Nouns after "led" that make it coordination: "led the operation".
    pub(crate) const LED_OBJECT: Classes = 1 << 21;
    /// Compass words that may open a place's name: "North", "Greater".
    pub(crate) const COMPASS: Classes = 1 << 22;
    /// Adverbs that give a result a place of its own: "worldwide", "abroad".
    pub(crate) const OWN_PLACE: Classes = 1 << 23;
    /// Words before a place that make it who wants a suspect: "wanted by", "wanted in".
    pub(crate) const WANTED: Classes = 1 << 24;
    /// Words before a place that make it where a service or company is hosted, registered or
    /// based: "hosted in", "headquartered in".
    pub(crate) const HOSTING: Classes = 1 << 25;
    /// Words before a place that make it where victims or targets are: "victims in", "attacked".
    pub(crate) const VICTIM: Classes = 1 << 26;
    /// Words before a place that make it where a crime was committed: "committed in".
    pub(crate) const CRIME: Classes = 1 << 27;
    /// People whose employer or university is background: "researchers at".
    pub(crate) const AFFILIATE: Classes = 1 << 28;
    /// Adjectives that make an operation another, earlier one: "a similar service".
    pub(crate) const EARLIER: Classes = 1 << 29;
    /// Nouns of operations and schemes, after [`EARLIER`]: "a previous operation".
    pub(crate) const OPERATION_NOUN: Classes = 1 << 30;
    /// Verbs before "to" that extend an operation to a place: "spread to Greece".
    pub(crate) const EXTENSION: Classes = 1 << 31;
    /// Words before "from" that make it an exception, not an origin: "apart from".
    pub(crate) const FROM_EXCEPTION: Classes = 1 << 32;
    /// Nouns of routes: the places listed after them are the route ("the Balkan route (A, B)").
    pub(crate) const ROUTE_NOUN: Classes = 1 << 33;
    /// Adjectives of authorities ("national", "federal", "judicial"): no rule reads them as a
    /// list (no bit), but the lexicon knows them as words of its language, so that a place
    /// named "Nacional" is a word first (`places::is_language_word`).
    pub(crate) const AUTHORITY_ADJECTIVE: Classes = 0;
    /// Warrants: "search warrants", "mandats de perquisition", "órdenes de detención", and the
    /// compounds that name their action ("Haftbefehle", "huiszoekingsbevel"). An action named
    /// by a warrant happened only once the warrant was executed.
    pub(crate) const WARRANT_NOUN: Classes = 1 << 34;
    /// Words before "for" that make the place a destination: "bound for", "departed for".
    pub(crate) const DESTINATION: Classes = 1 << 35;
    /// Nouns of criminal groups: taking one down is not a takedown of infrastructure.
    pub(crate) const CRIMINAL_GROUP: Classes = 1 << 36;
    /// Nouns of an agency's seat: "Europol's headquarters in the Netherlands".
    pub(crate) const SEAT_NOUN: Classes = 1 << 37;
    /// Determiners that point back to countries already named: "these countries".
    pub(crate) const ANAPHOR_DETERMINER: Classes = 1 << 38;
    /// Nouns of countries that a pointing-back phrase ends with: "countries", "nations".
    pub(crate) const ANAPHOR_NOUN: Classes = 1 << 39;
    /// Modifiers that make "the countries" point back: "involved", "participating".
    pub(crate) const ANAPHOR_MODIFIER: Classes = 1 << 40;
    /// Nouns of people: recovering them is a rescue, not a seizure ("recovered 16 children").
    pub(crate) const PERSON_NOUN: Classes = 1 << 41;
    /// Units of distance and open water: "1,200 miles east of Martinique".
    pub(crate) const DISTANCE_UNIT: Classes = 1 << 42;
    /// Words of suspicion: the place after them is where the suspected crime happened.
    pub(crate) const SUSPICION: Classes = 1 << 43;
    /// Verbs of saying: their subject reports an action, it does not take part in it.
    pub(crate) const REPORTING_VERB: Classes = 1 << 44;
    /// Words that open a fronted adverbial: "Today, in …", "During operations in …".
    pub(crate) const OPENING: Classes = 1 << 45;
    /// Crime words beside a network noun that make it a criminal group: "a criminal network",
    /// "a network of traffickers".
    pub(crate) const CRIME_ADJECTIVE: Classes = 1 << 46;
    /// Verbs of intention: an action after them and "to" is aimed at, not done ("aimed to
    /// dismantle").
    pub(crate) const INTENTION: Classes = 1 << 47;
    /// Nouns of messages and calls: intercepting them is surveillance, not a seizure
    /// ("intercepted millions of messages").
    pub(crate) const COMMUNICATION: Classes = 1 << 48;
    /// Plural nouns of means a country contributes: "vessels from Spain and Portugal", "teams
    /// from five countries" ("from" after them names who gave them, not a route).
    pub(crate) const MEANS_NOUN: Classes = 1 << 49;
    /// Verbs of deploying: "from" in their clause names who deployed ("officers deployed from
    /// Belgium"), not a route.
    pub(crate) const DEPLOY_VERB: Classes = 1 << 50;
    /// Takedown verbs that take down only infrastructure: "targeted", "closed", "blocked"
    /// (sites, servers, domains; not people, borders or cases).
    pub(crate) const INFRASTRUCTURE_VERB: Classes = 1 << 51;
    /// Nouns of an organisation's members: "INTERPOL member countries", "the member states of
    /// the EU" name the members, not the organisation, as acting.
    pub(crate) const MEMBER_NOUN: Classes = 1 << 52;
    /// Nouns of networks: with a crime word beside them a criminal group ("a criminal
    /// network", "a network of traffickers", "una red de traficantes", "réseau criminel").
    pub(crate) const NETWORK_NOUN: Classes = 1 << 53;
    /// Nouns of a request: "at the request of X", "op verzoek van", "à la demande de", "a
    /// solicitud de", "auf Ersuchen": X asked for the action, it did not act there.
    pub(crate) const REQUEST_NOUN: Classes = 1 << 54;
    /// Words that stand for a place named before: "There, police arrested …", "Daar kon de
    /// bestuurder worden aangehouden", "Dort wurde er festgenommen", "Allí fue detenido".
    pub(crate) const LOCATIVE_PRO_FORM: Classes = 1 << 55;
    /// Demonstrative determiners: "This seizure led to …", "Diese Durchsuchungen …", "Cette
    /// saisie …" point back to the action of the sentence before.
    pub(crate) const DEMONSTRATIVE: Classes = 1 << 56;
    /// Words of what comes after: "Following the arrests, …", "À la suite des arrestations",
    /// "Nach den Festnahmen", "Tras las detenciones": the action is one told before, not
    /// stated of the places of the clause.
    pub(crate) const SEQUEL: Classes = 1 << 57;
    /// Nouns of premises: "searches at the homes of four suspects and at the offices of two
    /// companies in Bern" (the action's own premises, not its place).
    pub(crate) const PREMISES_NOUN: Classes = 1 << 58;
    /// Seizure verbs of finding ("found", "gevonden", "aangetroffen", "gefunden"): a seizure
    /// only of [`GOODS`] ("drugs were found"), not of facts or people ("investigators found
    /// that …", "the suspect was found").
    pub(crate) const FIND_VERB: Classes = 1 << 59;
    /// Nouns of goods the police seize: drugs, cash, weapons, cigarettes, and their units
    /// ("kilos"): what makes a verb of finding a seizure.
    pub(crate) const GOODS: Classes = 1 << 60;
    /// Adverbs that stand for the action told just before: "Dabei wurden … sichergestellt",
    /// "Hierbij zijn … in beslag genomen" (in the course of those searches, at their places).
    pub(crate) const ACTION_PRO_FORM: Classes = 1 << 61;
    /// Prepositions of time that open a sentence with an action told before: "During the
    /// searches, …", "Bei den Durchsuchungen …", "Tijdens de huiszoeking …".
    pub(crate) const DURING: Classes = 1 << 62;
    /// Finite auxiliaries and modals of having and being able ("hat", "haben", "konnten",
    /// "heeft", "hebben", "konden"): after a fronted place in German or Dutch they open the
    /// main clause ("In der Schweiz hat die Bundesanwaltschaft … durchgeführt").
    pub(crate) const AUXILIARY: Classes = 1 << 63;
    /// Participles and adjectives that make an action planned, not done, after a form of
    /// "be": "searches are planned", "sont prévues", "sind geplant", "están previstos".
    pub(crate) const PLANNED: Classes = 1 << 64;
    /// Companies, right before "in" and a place: where a company is based, background unless
    /// acted on ("companies in Cyprus and Malta", "the OVHcloud company in Roubaix").
    pub(crate) const COMPANY_NOUN: Classes = 1 << 65;
    /// "More", "further": right before an action noun, an action still to come when the
    /// clause is modal or forthcoming ("more arrests may follow", "weitere Festnahmen sind
    /// nicht ausgeschlossen").
    pub(crate) const FURTHER: Classes = 1 << 66;
    /// Words that put such further actions ahead: "follow", "volgen", "ausgeschlossen",
    /// "descartan".
    pub(crate) const FORTHCOMING: Classes = 1 << 67;
    /// A pronoun that counts one of those the clause names, where it stands alone before a
    /// place phrase: "two men were arrested, one in A and another in B", "eine in Luxemburg
    /// und eine in Serbien", "una en Luxemburgo y otra en Serbia" (the articles "eine", "une",
    /// "una" are pronouns only there).
    pub(crate) const DISTRIBUTIVE: Classes = 1 << 68;
    /// A modal that, with a perfect infinitive, reports what others say happened: "In
    /// Duitsland zouden honderd huizen zijn doorzocht", "In Spanien sollen drei Männer
    /// festgenommen worden sein" (reportedly searched, arrested: a past fact, not a
    /// hypothetical). English "would have" is counterfactual and has none.
    pub(crate) const HEARSAY: Classes = 1 << 69;
    /// The infinitive of a perfect auxiliary, which makes the perfect infinitive after a
    /// `hearsay` modal: "zijn", "hebben", "sein", "haben".
    pub(crate) const PERFECT_INFINITIVE: Classes = 1 << 70;
    /// A noun that explains an action told before by what led to it: "The arrests are the
    /// result of a joint approach by the Dutch and German authorities" ("het gevolg van", "das
    /// Ergebnis", "el resultado de", "le résultat de"): the places after it took part in what
    /// led to the action, they are not where it happened.
    pub(crate) const RESULT_NOUN: Classes = 1 << 71;
    /// An extradition ("extradition", "extradición", "Auslieferung", "uitlevering"): the state
    /// that asks for one wants the suspect, it did not act where he was caught.
    pub(crate) const EXTRADITION: Classes = 1 << 72;
    /// A verb of asking ("requested", "solicitó", "demandé", "beantragt", "gevraagd"): with an
    /// `extradition`, its subject is where a suspect is wanted.
    pub(crate) const REQUEST_VERB: Classes = 1 << 73;
    /// A word that names the source of a statement: "according to", "según", "selon",
    /// "laut", "volgens", "nach Angaben".
    pub(crate) const ATTRIBUTION: Classes = 1 << 74;
    /// A vehicle's registration ("immatriculé", "matrícula", "Kennzeichen", "kenteken",
    /// "plates"): where a truck is registered is not where it was searched or seized.
    pub(crate) const REGISTRATION: Classes = 1 << 75;
    /// A verb that says an event happened ("happened", "took place", "gebeurde", "fand statt",
    /// "s'est déroulée", "ocurrió"): after an `event-pronoun` it stands for the action told
    /// in the sentence before ("Elf mensen zijn opgepakt. Dat gebeurde in Spanje …").
    pub(crate) const HAPPEN_VERB: Classes = 1 << 76;
    /// A pronoun that stands for an event told before ("this", "that", "dat", "das", "cela",
    /// "esto").
    pub(crate) const EVENT_PRONOUN: Classes = 1 << 77;
    /// A border ("border", "frontera", "frontière", "grens", "Grenze"): the country on its
    /// other side ("near the border with Brazil", "an der Grenze zu Polen") only tells where.
    pub(crate) const BORDER_NOUN: Classes = 1 << 78;
    /// A pronoun after a count that takes part of a set told before ("daarvan", "davon",
    /// "them" in "eleven of them", "elles" in "onze d'entre elles", "ellos"): "Elf daarvan
    /// waren in Oekraïne" tells where some of the actions before happened.
    pub(crate) const PARTITIVE: Classes = 1 << 79;
    /// "Other" or "remaining" before a noun told before ("De andere servers waren in
    /// Duitsland", "The remaining servers were in Germany").
    pub(crate) const REMAINDER: Classes = 1 << 80;
    /// A phrase that says what a sentence is about ("Het gaat om", "Es handelt sich um", "Il
    /// s'agit de", "Se trata de"): before a count, it breaks down the action told before
    /// ("… twaalf verdachten opgepakt. Het gaat om zeven mensen in Frankrijk, twee in …").
    pub(crate) const CONCERN: Classes = 1 << 81;
    /// A body of water named after a place ("Strait of Gibraltar", "Straat van Gibraltar",
    /// "Golfe de Guinée", "Golfo de México"): the place after its "of" names the water.
    pub(crate) const WATER_NOUN: Classes = 1 << 82;

    /// The word lists of nouns: a German or Dutch compound ending in one of their words is in
    /// that list too ("Zollbehörden" is an authority, "kustwachtvliegtuigen" means).
    pub(crate) const NOUNS: Classes = AUTHORITY
        | PLACE_NOUN
        | INFRASTRUCTURE
        | GATHERING
        | SUPPORT_NOUN
        | OPERATION_NOUN
        | ROUTE_NOUN
        | CRIMINAL_GROUP
        | SEAT_NOUN
        | ANAPHOR_NOUN
        | PERSON_NOUN
        | COMMUNICATION
        | MEANS_NOUN
        | MEMBER_NOUN
        | NETWORK_NOUN
        | REQUEST_NOUN
        | GOODS;
}

/// The lexicon's class names and their bits (phrases of these classes are kept as phrases).
const CLASSES: &[(&str, Classes)] = &[
    ("action-pro-form", class::ACTION_PRO_FORM),
    ("affiliate", class::AFFILIATE),
    ("agency-head", class::AGENCY_HEAD),
    ("anaphor-determiner", class::ANAPHOR_DETERMINER),
    ("anaphor-modifier", class::ANAPHOR_MODIFIER),
    ("anaphor-noun", class::ANAPHOR_NOUN),
    ("authority", class::AUTHORITY),
    ("authority-adjective", class::AUTHORITY_ADJECTIVE),
    ("auxiliary", class::AUXILIARY),
    ("background-preposition", class::BACKGROUND_PREPOSITION),
    ("be", class::BE),
    ("clause-break", class::CLAUSE_BREAK),
    ("communication", class::COMMUNICATION),
    ("company-noun", class::COMPANY_NOUN),
    ("compass", class::COMPASS),
    ("crime", class::CRIME),
    ("crime-adjective", class::CRIME_ADJECTIVE),
    ("criminal-group", class::CRIMINAL_GROUP),
    ("demonstrative", class::DEMONSTRATIVE),
    ("deploy-verb", class::DEPLOY_VERB),
    ("destination", class::DESTINATION),
    ("distance-unit", class::DISTANCE_UNIT),
    ("during", class::DURING),
    ("earlier", class::EARLIER),
    ("extension", class::EXTENSION),
    ("find-verb", class::FIND_VERB),
    ("from-exception", class::FROM_EXCEPTION),
    ("gathering", class::GATHERING),
    ("goods", class::GOODS),
    ("hosting", class::HOSTING),
    ("infrastructure", class::INFRASTRUCTURE),
    ("infrastructure-verb", class::INFRASTRUCTURE_VERB),
    ("institution", class::INSTITUTION),
    ("intention", class::INTENTION),
    ("introducer", class::INTRODUCER),
    ("led-object", class::LED_OBJECT),
    ("light-verb", class::LIGHT_VERB),
    ("locative-pro-form", class::LOCATIVE_PRO_FORM),
    ("means-noun", class::MEANS_NOUN),
    ("member-noun", class::MEMBER_NOUN),
    ("member-preposition", class::MEMBER_PREPOSITION),
    ("modal", class::MODAL),
    ("negation", class::NEGATION),
    ("network-noun", class::NETWORK_NOUN),
    ("number", class::NUMBER),
    ("opening", class::OPENING),
    ("operation-noun", class::OPERATION_NOUN),
    ("origin", class::ORIGIN),
    ("own-place", class::OWN_PLACE),
    ("person-noun", class::PERSON_NOUN),
    ("place-noun", class::PLACE_NOUN),
    ("place-preposition", class::PLACE_PREPOSITION),
    ("planned", class::PLANNED),
    ("further", class::FURTHER),
    ("forthcoming", class::FORTHCOMING),
    ("distributive", class::DISTRIBUTIVE),
    ("hearsay", class::HEARSAY),
    ("result-noun", class::RESULT_NOUN),
    ("extradition", class::EXTRADITION),
    ("request-verb", class::REQUEST_VERB),
    ("attribution", class::ATTRIBUTION),
    ("registration", class::REGISTRATION),
    ("happen-verb", class::HAPPEN_VERB),
    ("event-pronoun", class::EVENT_PRONOUN),
    ("border-noun", class::BORDER_NOUN),
    ("partitive", class::PARTITIVE),
    ("remainder", class::REMAINDER),
    ("concern", class::CONCERN),
    ("water-noun", class::WATER_NOUN),
    ("perfect-infinitive", class::PERFECT_INFINITIVE),
    ("premises-noun", class::PREMISES_NOUN),
    ("relational", class::RELATIONAL),
    ("reporting-verb", class::REPORTING_VERB),
    ("request-noun", class::REQUEST_NOUN),
    ("result", 0),
    ("route-noun", class::ROUTE_NOUN),
    ("seat-noun", class::SEAT_NOUN),
    ("sequel", class::SEQUEL),
    ("support-noun", class::SUPPORT_NOUN),
    ("suspicion", class::SUSPICION),
    ("victim", class::VICTIM),
    ("wanted", class::WANTED),
    ("warrant-executor", class::WARRANT_EXECUTOR),
    ("warrant-noun", class::WARRANT_NOUN),
];

/// An action cue of the lexicon: its words, action and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueEntry {
    /// The words, in lower case (one for a word cue).
    pub words: Vec<&'static str>,
    /// The action it states.
    pub action: Action,
    /// Verb or noun.
    pub kind: CueKind,
}

/// The parsed lexicon.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Every single word of a list, with its class bits.
    classes: FxHashMap<&'static str, Classes>,
    /// Single-word cues by their word.
    word_cues: FxHashMap<&'static str, CueEntry>,
    /// Phrase cues by their first word, longest first.
    phrase_cues: FxHashMap<&'static str, Vec<CueEntry>>,
    /// Multi-word forms of the word lists, by class name ("result": "resulting in", …).
    phrases: FxHashMap<&'static str, Vec<Vec<&'static str>>>,
    /// Function words the rules read as an English word (`gloss-and`: "und" → "and").
    glosses: FxHashMap<&'static str, &'static str>,
    /// The bytes of the longest word with a noun class: no compound's head is longer.
    longest_noun: usize,
    /// The multi-word forms of the word lists with a class bit, by their last word, each with
    /// its bit ("de": "a través de", background-preposition).
    class_phrases: FxHashMap<&'static str, Vec<(Vec<&'static str>, Classes)>>,
    /// What a tokenizer needs of each word the lexicon knows, so that a token is looked up
    /// once ([`Lexicon::word`]).
    words: WordMap<Word>,
}

/// A map from words to values that looks a word of up to eight bytes (most words) up by a
/// number, without hashing or comparing its bytes one by one.
#[derive(Debug)]
struct WordMap<V> {
    short: FxHashMap<u64, V>,
    long: FxHashMap<&'static str, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// A word of up to eight bytes as one number (the bytes, zero-padded: a word holds no zero
    /// byte, so two words never share a number).
    fn short_key(word: &str) -> Option<u64> {
        let bytes = word.as_bytes();
        (bytes.len() <= 8).then(|| {
            let mut key = [0u8; 8];
            key[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(key)
        })
    }

    fn insert(&mut self, word: &'static str, value: V) {
        match Self::short_key(word) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(word, value),
        };
    }

    fn get(&self, word: &str) -> Option<&V> {
        match Self::short_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }
}

/// What the lexicon says of one word, for the tokenizer: its classes, its gloss and what
/// follows from them ([`Lexicon::word`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Word {
    /// Its class bits ([`Lexicon::class_of`]).
    pub own: Classes,
    /// True when it is a single-word cue ([`Lexicon::word_cue`]).
    pub cue: bool,
    /// The English function word it is read as ([`Lexicon::gloss`]), if any.
    pub gloss: Option<&'static str>,
    /// The English lexicon's classes of that gloss.
    pub gloss_class: Classes,
    /// True when the word as read (its gloss, if any) ends a multi-word form with a class bit
    /// ([`Lexicon::class_phrases_ending`]).
    pub ends_class_phrase: bool,
}

/// The English function words a `gloss-WORD` row may stand for: the words the rules compare
/// tokens with ("and" joins a list, "by" names a passive's agent, "the" opens a name, …).
pub(crate) const GLOSSES: &[&str] = &[
    "a", "and", "as", "at", "between", "by", "from", "in", "led", "less", "more", "of", "on", "or",
    "the", "three", "to", "two", "where", "which", "who", "with",
];

/// A problem in the lexicon file, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl Lexicon {
    /// Parses a lexicon file: `#` comments, a header `action class form`, then rows.
    pub(crate) fn parse(text: &'static str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        let mut header = false;
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            let err = |message: String| LexiconError {
                line: line_no,
                message,
            };
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [action, class_name, form] = fields[..] else {
                return Err(err(format!("expected 3 columns, found {}", fields.len())));
            };
            if !header {
                if fields != ["action", "class", "form"] {
                    return Err(err("expected the header `action class form`".into()));
                }
                header = true;
                continue;
            }
            // A French elision is a word of its own, as the tokenizer reads it: "mandat
            // d'arrêt" is "mandat" "d'" "arrêt", "jusqu'au" is "jusqu'" "au".
            let words: Vec<&'static str> = form
                .split(' ')
                .flat_map(|w| match super::tokens::elision_end(w) {
                    Some(end) => [&w[..end], &w[end..]].into_iter().take(2),
                    None => [w, ""].into_iter().take(1),
                })
                .collect();
            if form.is_empty() || words.iter().any(|w| w.is_empty()) || form != form.to_lowercase()
            {
                return Err(err(format!(
                    "form `{form}` must be lower-case words separated by single spaces"
                )));
            }
            match class_name {
                "verb" | "noun" => {
                    let action: Action = action.parse().map_err(|e| err(format!("{e}")))?;
                    let kind = if class_name == "verb" {
                        CueKind::Verb
                    } else {
                        CueKind::Noun
                    };
                    let entry = CueEntry {
                        words: words.clone(),
                        action,
                        kind,
                    };
                    *lexicon.classes.entry(words[0]).or_default() |= class::CUE_START;
                    if words.len() == 1 {
                        if let Some(old) = lexicon.word_cues.insert(form, entry) {
                            return Err(err(format!(
                                "`{form}` is already a {} cue",
                                old.action.as_str()
                            )));
                        }
                    } else {
                        lexicon.phrase_cues.entry(words[0]).or_default().push(entry);
                    }
                }
                gloss if gloss.starts_with("gloss-") => {
                    let word = &gloss["gloss-".len()..];
                    let Some(&english) = GLOSSES.iter().find(|g| **g == word) else {
                        return Err(err(format!(
                            "unknown class `{class_name}` (a gloss is one of {})",
                            GLOSSES.join(", ")
                        )));
                    };
                    if action != "-" || words.len() > 1 {
                        return Err(err(format!(
                            "a `{class_name}` row is one word with no action (`-`)"
                        )));
                    }
                    lexicon.glosses.insert(form, english);
                }
                _ => {
                    let Some(&(name, bit)) = CLASSES.iter().find(|(c, _)| *c == class_name) else {
                        return Err(err(format!("unknown class `{class_name}`")));
                    };
                    if action != "-" {
                        return Err(err(format!(
                            "a `{class_name}` row has no action: write `-`, not `{action}`"
                        )));
                    }
                    if words.len() > 1 {
                        lexicon.phrases.entry(name).or_default().push(words);
                    } else {
                        *lexicon.classes.entry(form).or_default() |= bit;
                    }
                }
            }
        }
        if !header {
            return Err(LexiconError {
                line: 0,
                message: "no header row".into(),
            });
        }
        lexicon.finish();
        Ok(lexicon)
    }

    /// What follows from all the rows: phrases glossed and longest first, "led" as a cue's
    /// start, the longest noun.
    fn finish(&mut self) {
        self.gloss_phrases();
        for phrases in self.phrase_cues.values_mut() {
            // Longest first, so that "working together with" is tried before "working with".
            phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        // "led" starts a cue when an operation follows it ("led the operation").
        *self.classes.entry("led").or_default() |= class::CUE_START;
        for (name, list) in &self.phrases {
            let bit = CLASSES
                .iter()
                .find(|(c, _)| c == name)
                .map_or(0, |(_, bit)| *bit);
            for words in list.iter().filter(|_| bit != 0) {
                let last = words[words.len() - 1];
                let entry = self.class_phrases.entry(last).or_default();
                entry.push((words.clone(), bit));
            }
        }
        self.longest_noun = (self.classes.iter())
            .filter(|(_, &bits)| bits & class::NOUNS != 0)
            .map(|(word, _)| word.len())
            .max()
            .unwrap_or(0);
        self.index_words();
    }

    /// Gathers what the tokenizer needs of every word the lexicon knows into one entry
    /// ([`Lexicon::word`]).
    fn index_words(&mut self) {
        // Only a lexicon with glosses reads English classes (English itself has none, and its
        // own lexicon is not needed while it is being built).
        let english = (!self.glosses.is_empty()).then(|| of(Lang::En));
        let known = (self.classes.keys())
            .chain(self.word_cues.keys())
            .chain(self.glosses.keys())
            .chain(self.class_phrases.keys());
        let mut words = WordMap::default();
        for &w in known {
            let gloss = self.gloss(w);
            let word = Word {
                own: self.class_of(w),
                cue: self.word_cues.contains_key(w),
                gloss,
                gloss_class: gloss.map_or(0, |g| english.map_or(0, |en| en.class_of(g))),
                ends_class_phrase: self.class_phrases.contains_key(gloss.unwrap_or(w)),
            };
            words.insert(w, word);
        }
        self.words = words;
    }

    /// What the lexicon says of a lower-case word, for the tokenizer (`None` when it knows
    /// nothing of it).
    pub(crate) fn word(&self, lower: &str) -> Option<&Word> {
        self.words.get(lower)
    }

    /// The single words of the lists in `bits`.
    pub(crate) fn words_in(&self, bits: Classes) -> impl Iterator<Item = &'static str> + '_ {
        self.classes
            .iter()
            .filter(move |(_, class)| **class & bits != 0)
            .map(|(word, _)| *word)
    }

    /// The [`class`] bits of a lower-case word (0 when it is in no list).
    pub(crate) fn class_of(&self, lower: &str) -> Classes {
        self.classes.get(lower).copied().unwrap_or(0)
    }

    /// The noun classes of a compound's head: the longest listed noun that ends `lower`
    /// ("kustwachtvliegtuigen" is a kind of "vliegtuigen", "Zollbehörden" of "behörden"). The
    /// head has at least [`MIN_HEAD`] letters and leaves at least [`MIN_MODIFIER`] before it, so
    /// that short words inside others ("amt" in "insgesamt") are not heads.
    pub(crate) fn compound_head_class(&self, lower: &str) -> Classes {
        let letters = lower.chars().count();
        lower
            .char_indices()
            .enumerate()
            .skip(MIN_MODIFIER)
            .take_while(|&(n, _)| letters - n >= MIN_HEAD)
            .map(|(_, (i, _))| &lower[i..])
            .filter(|head| head.len() <= self.longest_noun)
            .map(|head| self.class_of(head) & class::NOUNS)
            .find(|&bits| bits != 0)
            .unwrap_or(0)
    }

    /// Phrases are matched against tokens, whose function words are read as their glosses:
    /// the phrases' words are glossed the same way ("dirigé par" is "dirigé" "by"), and a
    /// phrase cue starting with a glossed word is found under its gloss.
    fn gloss_phrases(&mut self) {
        if self.glosses.is_empty() {
            return;
        }
        let glosses = &self.glosses;
        let gloss = |words: &mut Vec<&'static str>| {
            for w in words.iter_mut() {
                if let Some(&g) = glosses.get(w) {
                    *w = g;
                }
            }
        };
        let cues = std::mem::take(&mut self.phrase_cues);
        for (_, entries) in cues {
            for mut entry in entries {
                gloss(&mut entry.words);
                *self.classes.entry(entry.words[0]).or_default() |= class::CUE_START;
                self.phrase_cues
                    .entry(entry.words[0])
                    .or_default()
                    .push(entry);
            }
        }
        for list in self.phrases.values_mut() {
            for words in list.iter_mut() {
                gloss(words);
            }
        }
    }

    /// True when the lexicon lists `lower` in any class, as a cue or as a gloss.
    pub(crate) fn knows(&self, lower: &str) -> bool {
        self.classes.contains_key(lower)
            || self.word_cues.contains_key(lower)
            || self.glosses.contains_key(lower)
    }

    /// The English function word the rules read for `lower` ("und" → "and"), if any.
    pub(crate) fn gloss(&self, lower: &str) -> Option<&'static str> {
        self.glosses.get(lower).copied()
    }

    /// The single-word cue `lower`, if it is one.
    pub(crate) fn word_cue(&self, lower: &str) -> Option<&CueEntry> {
        self.word_cues.get(lower)
    }

    /// The phrase cues starting with `lower`, longest first.
    pub(crate) fn phrase_cues(&self, lower: &str) -> &[CueEntry] {
        self.phrase_cues.get(lower).map_or(&[], Vec::as_slice)
    }

    /// The multi-word forms of a word list (by its class name in the file).
    pub(crate) fn phrases(&self, class_name: &str) -> &[Vec<&'static str>] {
        self.phrases.get(class_name).map_or(&[], Vec::as_slice)
    }

    /// The multi-word forms with a class bit that end in `lower`, each with its bit.
    pub(crate) fn class_phrases_ending(&self, lower: &str) -> &[(Vec<&'static str>, Classes)] {
        self.class_phrases.get(lower).map_or(&[], Vec::as_slice)
    }
}

/// A language's lexicon, parsed once.
pub fn of(lang: Lang) -> &'static Lexicon {
    static LEXICONS: [OnceLock<Lexicon>; 5] = [const { OnceLock::new() }; 5];
    // The files are embedded and checked by the tests below: a parse error is a bug.
    LEXICONS[lang as usize].get_or_init(|| {
        let (file, text) = file_of(lang);
        Lexicon::parse(text).unwrap_or_else(|e| panic!("{file}:{}: {}", e.line, e.message))
    })
}

thread_local! {
    /// The language of the article being extracted on this thread.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Runs `f` with `lang`'s lexicon as [`current`] on this thread.
pub(crate) fn with<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.replace(lang));
    // Restored however `f` ends (a panic unwinds through here too).
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// The language of the article being extracted on this thread (English outside [`with`]).
pub(crate) fn current_lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The lexicon of the article being extracted on this thread (English outside [`with`]).
pub(crate) fn current() -> &'static Lexicon {
    of(current_lang())
}

/// The [`class`] bits of a lower-case word in the current lexicon; for an English function
/// word a gloss stands for ([`GLOSSES`]), with its English bits too.
pub(crate) fn class_of(lower: &str) -> Classes {
    let lang = current_lang();
    let bits = of(lang).class_of(lower);
    if lang != Lang::En && GLOSSES.contains(&lower) {
        bits | of(Lang::En).class_of(lower)
    } else {
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_parses() {
        let lexicon = Lexicon::parse(EN).unwrap();
        assert_eq!(lexicon.word_cue("seized").unwrap().action, Action::Seizure);
        assert_eq!(lexicon.phrase_cues("took").len(), 3);
        assert!(lexicon.class_of("police") & class::AUTHORITY != 0);
        assert!(lexicon.class_of("led") & class::CUE_START != 0);
        assert_eq!(lexicon.phrases("result").len(), 4);
    }

    #[test]
    fn shipped_lexicons_parse_sorted_without_repeated_rows() {
        for lang in Lang::ALL {
            let (file, text) = file_of(lang);
            if let Err(e) = Lexicon::parse(text) {
                panic!("{file}:{}: {}", e.line, e.message);
            }
            let rows: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .skip(1)
                .collect();
            for pair in rows.windows(2) {
                let key = |row: &str| row.split('\t').map(str::to_owned).collect::<Vec<_>>();
                assert!(
                    key(pair[0]) < key(pair[1]),
                    "{file} is not sorted (or repeats a row): `{}` before `{}`",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn each_article_reads_its_own_language() {
        assert_eq!(current_lang(), Lang::En);
        let inside = with(Lang::De, || {
            assert_eq!(with(Lang::Fr, current_lang), Lang::Fr);
            current_lang()
        });
        assert_eq!((inside, current_lang()), (Lang::De, Lang::En));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = Lexicon::parse("action\tclass\tform\nseizure\tverb\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("expected 3 columns"), "{e}");
        let e = Lexicon::parse("action\tclass\tform\narson\tverb\tburnt\n").unwrap_err();
        assert!(e.to_string().contains("unknown action `arson`"), "{e}");
        let e = Lexicon::parse("action\tclass\tform\n-\tcolour\tred\n").unwrap_err();
        assert!(e.to_string().contains("unknown class `colour`"), "{e}");
        let e = Lexicon::parse("action\tclass\tform\nraid\tnoun\traid\narrest\tnoun\traid\n")
            .unwrap_err();
        assert!(e.to_string().contains("already a raid cue"), "{e}");
        let e = Lexicon::parse("action\tclass\tform\nraid\tnoun\tRaid\n").unwrap_err();
        assert!(e.to_string().contains("lower-case"), "{e}");
    }
}

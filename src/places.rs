//! Finding place mentions in sentences.
//!
//! In: the gazetteer, the article's text and its sentences. Out: [`Mention`]s in text order,
//! non-overlapping, each naming a place and the form of the name.
//!
//! The gazetteer's name index is walked from each word start, folding the text on the fly (no
//! copy: whitespace runs, including line wraps, match one space; curly apostrophes a straight
//! one), so "the United\nStates" and "King’s" match. A match counts when it stands on word
//! boundaries and its capitals agree with the name's (acronyms exactly: "US" is not "us"; other
//! names need their capitals: "Turkey", "TURKEY", not "turkey"). At each start the longest valid
//! match wins, so "Romania" hides "Oman" and "Nigeria" hides "Niger". A name several places share
//! goes to a country first, then to the place whose country the article names elsewhere, then to
//! the larger place. City names pass the city rules of `city` below (capital letter, place context,
//! common words).

use crate::gazetteer::index::{EntryId, NameRef, RawMatch};
use crate::gazetteer::{Form, Gazetteer, PlaceId, PlaceKind, CITY_WELL_KNOWN, TOWN_POPULATION};
use crate::lang::Lang;
use crate::sentences::Sentence;
use crate::span::Span;
use geo::{Distance, Haversine};
use rustc_hash::FxHashSet as HashSet;

/// A name of a place in the text.
#[derive(Debug, Clone, PartialEq)]
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
    /// The gazetteer name it matched: its places are the readings chosen among.
    pub name: EntryId,
}

/// A text with runs of whitespace collapsed and apostrophes straightened, and the way back to
/// the original's byte offsets.
#[cfg(test)]
pub(crate) struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `(normalised offset, original offset)` at every point where the two start to differ.
    shifts: Vec<(usize, usize)>,
}

#[cfg(test)]
impl Normalized {
    /// Normalises `text`.
    pub(crate) fn new(text: &str) -> Normalized {
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
    pub(crate) fn original(&self, offset: usize) -> usize {
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
    // ASCII with single spaces (most names): the text is as the matcher saw it, byte for byte.
    let f = found.as_bytes();
    let plain = name.is_ascii()
        && f.iter().enumerate().all(|(i, &b)| {
            b < 0x80
                && (!char::from(b).is_whitespace() || (b == b' ' && (i == 0 || f[i - 1] != b' ')))
        });
    if plain {
        return if case_sensitive {
            name.as_bytes() == f
        } else {
            name.bytes().zip(f).all(|(n, &f)| {
                !n.is_ascii_uppercase() || f.is_ascii_uppercase() || !f.is_ascii_alphabetic()
            })
        };
    }
    // The text as the matcher saw it: whitespace runs as one space, curly apostrophes straight.
    let mut space = false;
    let found = found.chars().filter_map(|c| {
        let was = space;
        space = c.is_whitespace();
        match c {
            c if c.is_whitespace() => (!was).then_some(' '),
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => Some('\''),
            c => Some(c),
        }
    });
    if case_sensitive {
        return name.chars().eq(found);
    }
    name.chars()
        .zip(found)
        .all(|(n, f)| !n.is_uppercase() || f.is_uppercase() || !f.is_alphabetic())
}

/// Words before a city name that make it a place: "in Nice", "from Reading", "near Split".
const PLACE_PREPOSITIONS: &[&str] = &[
    "across",
    "around",
    "at",
    "between",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
    "within",
];

/// A word before a city name that makes it a place ("in Nice"). In another language, a word
/// its lexicon reads as one of [`PLACE_PREPOSITIONS`] ("en Palma", "à Lyon", "aus Köln") or
/// lists as a place preposition ("dans", "innerhalb").
fn is_place_preposition(lang: Lang, word: &str) -> bool {
    if lang == Lang::En {
        return PLACE_PREPOSITIONS.contains(&word);
    }
    let lexicon = crate::actions::lexicon::of(lang);
    lexicon
        .gloss(word)
        .is_some_and(|english| PLACE_PREPOSITIONS.contains(&english))
        || lexicon.class_of(word) & crate::actions::lexicon::class::PLACE_PREPOSITION != 0
}

/// `word` as the rules read it: the English word it stands for in the article's language
/// ("y" → "and", "de" → "of"), else itself.
fn as_english(lang: Lang, word: &str) -> &str {
    if lang == Lang::En {
        return word;
    }
    crate::actions::lexicon::of(lang)
        .gloss(word)
        .unwrap_or(word)
}

/// True when `word` (lower case), before "of", makes the next name a place: "the city of
/// Split", "the island of Ibiza", "la isla de Ibiza", "la ciudad de Barcelona" (the words below
/// and the language's `place-noun` list).
fn is_place_noun(lang: Lang, word: &str) -> bool {
    PLACE_NOUNS.contains(&word)
        || crate::actions::lexicon::of(lang).class_of(word)
            & crate::actions::lexicon::class::PLACE_NOUN
            != 0
}

/// Nouns that, before "of", make the next name a place: "the city of Split".
const PLACE_NOUNS: &[&str] = &[
    "capital", "cities", "city", "port", "province", "region", "suburb", "town", "towns", "village",
];

/// Continents and world regions: GeoNames gives some of these names to small cities as alternate
/// names ("Asia" in the Philippines, "Africa" for Mahdia), but in a text they name the region.
const REGIONS: &[&str] = &[
    // In German, French, Dutch and Spanish (GeoNames has towns of these names too:
    // "América", Argentina).
    "afrika",
    "afrique",
    "amerika",
    "amérique",
    "amériques",
    "américa",
    "américas",
    "asie",
    "asien",
    "azië",
    "balcanes",
    "balkan",
    "caraïbes",
    "caribe",
    "europa",
    "karibik",
    "oceanía",
    "océanie",
    "ozeanien",
    "áfrica",
    // In English.
    "africa",
    "america",
    "americas",
    "antarctica",
    "arctic",
    "asia",
    "balkans",
    "caribbean",
    "caucasus",
    "eurasia",
    "europe",
    "gulf",
    "levant",
    "maghreb",
    "middle east",
    "oceania",
    "sahel",
    "scandinavia",
];

/// Words that make a region of the continent or country name after them: "South America",
/// "Latin America", "Central Asia", "Southeast Asia".
const REGION_PREFIXES: &[&str] = &[
    "central",
    "east",
    "eastern",
    "latin",
    "north",
    "northern",
    "south",
    "southeast",
    "southern",
    "west",
    "western",
];

/// True when the name at `start..end` is "America" or "Asia"… after a capitalised compass word
/// ("South America", "Latin America"): a region, not the country the name alone stands for.
fn part_of_a_region(text: &str, start: usize, end: usize) -> bool {
    // (One word of ASCII letters: folding it is comparing it without case.)
    let found = &text[start..end];
    if !["america", "americas", "asia", "africa", "europe"]
        .iter()
        .any(|name| found.eq_ignore_ascii_case(name))
    {
        return false;
    }
    let head = text[..start].trim_end();
    let before = &head[head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8())..];
    before.starts_with(char::is_uppercase)
        && REGION_PREFIXES.contains(&before.to_lowercase().as_str())
}

/// A match chosen leftmost-longest, before the city rules (kept small: one per mention).
struct Chosen {
    start: usize,
    end: usize,
    /// The name's group in the index, and its position there.
    group: u64,
    entry: u8,
    /// An adjective of the place before an authority noun ("Luzerner Kantonspolizei", see
    /// [`place_adjectives`]): that noun is its place context.
    adjective: bool,
}

impl Chosen {
    fn name<'g>(&self, gazetteer: &'g Gazetteer) -> NameRef<'g> {
        gazetteer
            .names
            .group(self.group)
            .nth(usize::from(self.entry))
            .expect("a chosen entry exists in its group")
    }
}

/// The word before `at` (lower case, ASCII letters only), and the one before it.
fn words_before(text: &str, at: usize) -> (String, String) {
    let mut words = text[..at]
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    (first, second)
}

/// Keeps the longest name at `i` whose capitals agree with the text, if any (`raw` is a
/// reused buffer). A city's name gives way to a country's or an agency's that starts inside it
/// and ends after it: "La Guardia Civil" is the Guardia Civil, not the town of La Guardia.
fn longest_at(
    (gazetteer, lang): (&Gazetteer, Lang),
    text: &str,
    i: usize,
    raw: &mut Vec<RawMatch>,
    chosen: &mut Vec<Chosen>,
    free_from: &mut usize,
) {
    let Some(found) = longest_name_at((gazetteer, lang), text, i, raw) else {
        return;
    };
    if found.name(gazetteer).form == Form::City {
        let inner_starts = text[found.start..found.end]
            .char_indices()
            .filter(|&(k, c)| k > 0 && c.is_uppercase() && text[..found.start + k].ends_with(' '))
            .map(|(k, _)| found.start + k);
        for j in inner_starts {
            let overrides = longest_name_at((gazetteer, lang), text, j, raw)
                .filter(|m| m.end > found.end && m.name(gazetteer).form != Form::City);
            if overrides.is_some() {
                // Leave this word: the walk finds the longer name at its own start.
                return;
            }
        }
    }
    *free_from = found.end;
    chosen.push(found);
}

/// A country's name that is also a large city's in a country whose press writes the article's
/// language, and that the article names, is that city: "Granada" is Grenada's name in Spanish,
/// but in an article that names Spain it is the Andalusian city ("Armenia" stays the country
/// where Colombia, the country of its city, goes unnamed).
fn prefer_home_cities((gazetteer, lang): (&Gazetteer, Lang), text: &str, chosen: &mut [Chosen]) {
    let home = lang.home_countries();
    if home.is_empty() {
        return;
    }
    let names = &gazetteer.names;
    let country_of = |c: &Chosen| {
        let name = c.name(gazetteer);
        let place = gazetteer.place(name.places().next()?);
        (place.kind == PlaceKind::Country && name.form != Form::City).then_some(place)
    };
    let named: HashSet<&str> = chosen
        .iter()
        .filter_map(|c| country_of(c).map(|p| p.country.as_str()))
        .collect();
    for c in chosen.iter_mut() {
        let Some(country) = country_of(c) else {
            continue;
        };
        let found = &text[c.start..c.end];
        let city = names.group(c.group).position(|name| {
            name.form == Form::City
                && in_language(name.lang, lang)
                && case_agrees(name.text, found, name.case_sensitive)
                && name.places().any(|p| {
                    let city = gazetteer.place(p);
                    city.population >= HOME_CITY_OVER_COUNTRY
                        && city.country != country.country
                        && home.contains(&city.country.as_str())
                        && named.contains(city.country.as_str())
                })
        });
        if let Some(entry) = city {
            c.entry = entry as u8;
        }
    }
}

/// How many people a city of a country whose press writes the article's language needs to be
/// read for a country's name it shares ("Granada", see [`prefer_home_cities`]).
const HOME_CITY_OVER_COUNTRY: u64 = 100_000;

/// The longest name at `i` of the article's language whose capitals agree with the text.
fn longest_name_at(
    (gazetteer, lang): (&Gazetteer, Lang),
    text: &str,
    i: usize,
    raw: &mut Vec<RawMatch>,
) -> Option<Chosen> {
    let names = &gazetteer.names;
    raw.clear();
    names.matches_at(text, i, lang, raw);
    raw.iter().rev().find_map(|m| {
        let found = &text[m.start..m.end];
        names.group(m.group).enumerate().find_map(|(entry, name)| {
            (in_language(name.lang, lang) && case_agrees(name.text, found, name.case_sensitive))
                .then_some(Chosen {
                    start: m.start,
                    end: m.end,
                    group: m.group,
                    entry: entry as u8,
                    adjective: false,
                })
        })
    })
}

/// True when a name of language `name` (every language's: `None`) is read in an article in
/// `article`.
fn in_language(name: Option<Lang>, article: Lang) -> bool {
    name.is_none_or(|l| l == article)
}

/// Finds the place mentions in an article's sentences, with the names of its language
/// (`lang`) and those of every language.
pub fn find(gazetteer: &Gazetteer, text: &str, sentences: &[Sentence], lang: Lang) -> Vec<Mention> {
    let mut chosen = walk_names(gazetteer, text, lang);
    prefer_home_cities((gazetteer, lang), text, &mut chosen);
    let mut finder = Finder::new(gazetteer, text, sentences, &chosen);
    finder.lang = lang;
    finder.mentions()
}

/// The names the gazetteer knows in the text, leftmost-longest, not overlapping.
fn walk_names(gazetteer: &Gazetteer, text: &str, lang: Lang) -> Vec<Chosen> {
    let names = &gazetteer.names;
    let bytes = text.as_bytes();
    let mut raw: Vec<RawMatch> = Vec::new();
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut free_from = 0;
    let mut i = 0;
    let mut prev_word = false;
    // Walk every word start once (leftmost), keeping the longest valid match there.
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits: a name can start only at its first byte.
            if !prev_word && i >= free_from && names.may_start(bytes, i, lang) {
                longest_at(
                    (gazetteer, lang),
                    text,
                    i,
                    &mut raw,
                    &mut chosen,
                    &mut free_from,
                );
            }
            prev_word = true;
            i += bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - i);
            continue;
        }
        let (word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if !prev_word
            && i >= free_from
            && !b.is_ascii_whitespace()
            && names.may_start(bytes, i, lang)
        {
            longest_at(
                (gazetteer, lang),
                text,
                i,
                &mut raw,
                &mut chosen,
                &mut free_from,
            );
        }
        prev_word = word;
        i += len;
    }
    hyphenated_names((gazetteer, lang), text, &mut raw, &mut chosen);
    place_adjectives((gazetteer, lang), text, &mut chosen);
    chosen
}

/// Turns the names found into mentions, in text order: it reads each name against the article
/// (its sentence, the names around it, the countries and regions the article names) and keeps
/// what it learns (names seen as people's, regions named so far) as it goes, so that the pass
/// stays linear in the text.
struct Finder<'g, 'a> {
    gazetteer: &'g Gazetteer,
    text: &'a str,
    sentence_of: SentenceOf<'a>,
    chosen: &'a [Chosen],
    /// Countries the article names outright (not through a city), to settle shared names.
    named_countries: HashSet<&'g str>,
    /// Regions named so far, as (country, admin1): "… in Florida. … Parkland".
    named_regions: rustc_hash::FxHashSet<(&'g str, &'g str)>,
    /// Place names seen as part of a person's name.
    people: HashSet<String>,
    /// The mentions found so far.
    mentions: Vec<Mention>,
    /// The cities those mentions placed (one sense per discourse, see `city`).
    placed_cities: HashSet<PlaceId>,
    /// The article's language.
    lang: Lang,
    /// The agencies named so far, once per (words, place), the most recently named last.
    agencies: Vec<(&'a str, PlaceId)>,
}

impl<'g, 'a> Finder<'g, 'a> {
    fn new(
        gazetteer: &'g Gazetteer,
        text: &'a str,
        sentences: &'a [Sentence],
        chosen: &'a [Chosen],
    ) -> Self {
        let named_countries = chosen
            .iter()
            .map(|c| c.name(gazetteer))
            .filter(|n| n.form != Form::City && n.place_count() == 1)
            .filter_map(|n| n.places().next())
            .map(|p| gazetteer.place(p).country.as_str())
            .collect();
        Finder {
            gazetteer,
            text,
            sentence_of: SentenceOf::new(sentences),
            chosen,
            named_countries,
            named_regions: rustc_hash::FxHashSet::default(),
            people: HashSet::default(),
            mentions: Vec::with_capacity(chosen.len()),
            placed_cities: HashSet::default(),
            lang: Lang::En,
            agencies: Vec::new(),
        }
    }

    /// Every mention, in text order.
    fn mentions(mut self) -> Vec<Mention> {
        let (gazetteer, text) = (self.gazetteer, self.text);
        let mut readings: Vec<PlaceId> = Vec::new();
        for (k, c) in self.chosen.iter().enumerate() {
            let entry = &c.name(gazetteer);
            readings.clear();
            readings.extend(entry.places());
            if readings.iter().any(|&r| is_town(gazetteer, r)) {
                readings.retain(|&r| !is_town(gazetteer, r) || self.town_read(r));
                if readings.is_empty() {
                    continue;
                }
            }
            // "South America", "Central Asia": a region whose last word is a place's name.
            if part_of_a_region(text, c.start, c.end) {
                continue;
            }
            // In another language than English, a name of every language made of that
            // language's words is a word first: "Der Mann" is a man, not "Mann" (the Isle of
            // Man in Manx).
            if entry.form == Form::Name
                && entry.lang.is_none()
                && is_language_word(self.lang, entry.text)
            {
                continue;
            }
            // "Belgisch Limburg", "het Belgische Hasselt", "im niederländischen Venlo": a
            // demonym right before a town's or region's name says which country's it is.
            let qualified = matches!(entry.form, Form::City | Form::Name)
                .then(|| self.demonym_qualifying(c.start, &readings))
                .flatten();
            let place = if let Some((place, _)) = qualified {
                place
            } else if entry.form == Form::City {
                match self.city_place(k, &readings) {
                    Some(place) => place,
                    None => continue,
                }
            } else {
                let place = choose(
                    gazetteer,
                    &readings,
                    &self.named_countries,
                    None,
                    &Regions::default(),
                    &[],
                );
                let place = region_after_city(gazetteer, text, &self.mentions, c).unwrap_or(place);
                if entry.form == Form::Agency {
                    self.shortened_agency(&text[c.start..c.end], place)
                } else {
                    place
                }
            };
            let Some(mut start) = self.mention_start(c, entry.form, entry.text) else {
                continue;
            };
            if let Some((_, demonym_start)) = qualified {
                // The demonym is part of this mention, not one of its own.
                self.mentions.pop();
                start = demonym_start;
            }
            let Some(sentence) = self.sentence_of.get(start) else {
                continue;
            };
            let found_place = gazetteer.place(place);
            if found_place.kind == PlaceKind::Region {
                self.named_regions
                    .insert((found_place.country.as_str(), found_place.admin1.as_str()));
            }
            if entry.form == Form::Agency {
                // "the Korean National Police Agency": a generic agency name after another
                // country's demonym is that country's unit; the demonym stands for it.
                if self.demonym_right_before(start, place) {
                    continue;
                }
                // "die Bundespolizei Fedpol": a generic agency name right before another
                // country's agency names that one (an apposition); the name stands for it.
                if self.agency_right_before(start, place) {
                    self.mentions.pop();
                }
                self.note_agency(&text[start..c.end], place);
            }
            if entry.form != Form::Agency && self.agency_qualified_after(start, place, entry.form) {
                // Its shorter name later is that country's agency too.
                if let Some(agency) = self.mentions.pop() {
                    self.note_agency(&text[agency.span.start..c.end], place);
                }
            }
            if entry.form == Form::City {
                self.placed_cities.insert(place);
            }
            self.mentions.push(Mention {
                sentence,
                span: Span::new(start, c.end),
                place,
                form: entry.form,
                readings: entry.place_count(),
                name: EntryId {
                    group: c.group,
                    entry: c.entry,
                },
            });
        }
        self.mentions
    }

    /// An agency named by the start of a longer agency name the article gave before stands
    /// for that one: "la Policía Nacional de Colombia … la Policía Nacional" is Colombia's,
    /// not Spain's; "the Brazilian Federal Police … the Federal Police" likewise.
    /// The agencies named so far are kept once per (words, place), most recent last
    /// ([`Finder::agencies`]): an article naming Europol a thousand times scans a handful.
    fn shortened_agency(&self, found: &str, place: PlaceId) -> PlaceId {
        let longer = self.agencies.iter().rev().find(|&&(words, p)| {
            p != place
                && words
                    .strip_prefix(found)
                    .is_some_and(|rest| rest.starts_with(' '))
        });
        longer.map_or(place, |&(_, p)| p)
    }

    /// True when the mention found last is a demonym of a country other than `place`'s that
    /// ends right before `start`, with only spaces between ("Korean National Police Agency").
    fn demonym_right_before(&self, start: usize, place: PlaceId) -> bool {
        let gazetteer = self.gazetteer;
        self.mentions.last().is_some_and(|m| {
            m.form == Form::Demonym
                && m.span.end <= start
                && self.text[m.span.end..start].chars().all(|c| c == ' ')
                && gazetteer.place(m.place).country != gazetteer.place(place).country
        })
    }

    /// True when the mention found last is an agency of another country than `place`'s,
    /// qualified by the place found at `start` right after it: by a demonym in a language that
    /// puts adjectives after their noun ("la Gendarmería Nacional francesa" is France's, not
    /// Argentina's), or by "of" and a place ("la Police judiciaire fédérale de Flandre
    /// orientale" is Belgium's, not Switzerland's). The place stands for the agency.
    fn agency_qualified_after(&self, start: usize, place: PlaceId, form: Form) -> bool {
        let gazetteer = self.gazetteer;
        self.mentions.last().is_some_and(|m| {
            let between = self.text.get(m.span.end..start).unwrap_or("x");
            let qualifier = if form == Form::Demonym {
                self.lang.puts_adjectives_after() && between.chars().all(|c| c == ' ')
            } else {
                matches!(
                    between,
                    " de " | " del " | " du " | " of " | " van " | " von "
                )
            };
            m.form == Form::Agency
                && m.span.end <= start
                && qualifier
                && gazetteer.place(m.place).country != gazetteer.place(place).country
        })
    }

    /// True when the mention found last is an agency of a country other than `place`'s that
    /// ends right before `start`, with one space between ("die Bundespolizei Fedpol").
    fn agency_right_before(&self, start: usize, place: PlaceId) -> bool {
        let gazetteer = self.gazetteer;
        self.mentions.last().is_some_and(|m| {
            m.form == Form::Agency
                && m.span.end + 1 == start
                && &self.text[m.span.end..start] == " "
                && gazetteer.place(m.place).country != gazetteer.place(place).country
        })
    }

    /// The reading of a town's or region's name in the country of a demonym that ends right
    /// before `start` with one space between ("Belgisch Limburg" is Belgium's Limburg), best
    /// known first, and where the demonym starts; `None` when there is no such demonym or no
    /// reading there.
    fn demonym_qualifying(&self, start: usize, readings: &[PlaceId]) -> Option<(PlaceId, usize)> {
        let gazetteer = self.gazetteer;
        let m = self.mentions.last()?;
        if m.form != Form::Demonym
            || m.span.end + 1 != start
            || &self.text[m.span.end..start] != " "
        {
            return None;
        }
        let country = gazetteer.place(m.place).country.as_str();
        readings
            .iter()
            .copied()
            .filter(|&r| {
                let p = gazetteer.place(r);
                matches!(p.kind, PlaceKind::City | PlaceKind::Region) && p.country == country
            })
            .max_by_key(|&r| prominence(gazetteer, r))
            .map(|r| (r, m.span.start))
    }

    /// Notes an agency mention for [`Finder::shortened_agency`] (moved to the end if seen).
    fn note_agency(&mut self, words: &'a str, place: PlaceId) {
        self.agencies.retain(|&seen| seen != (words, place));
        self.agencies.push((words, place));
    }

    /// The place of a city-form name `k`, or `None` when it is no place here: a person's name
    /// ("Michael Jordan"; for a small town's name inside a sentence, "Li Wenzu told",
    /// "Vladimir Putin", then the same name on its own later, "Li has made …", unless a place
    /// preposition comes before it), or a name [`city`] does not take.
    fn city_place(&mut self, k: usize, readings: &[PlaceId]) -> Option<PlaceId> {
        let (gazetteer, text, c) = (self.gazetteer, self.text, &self.chosen[k]);
        let found = &text[c.start..c.end];
        if !c.adjective && after_proper_name((gazetteer, self.lang), text, self.chosen, k) {
            return None;
        }
        // Small: no large city and no region among the readings (a region named after a
        // city of its own country counts as that city: "Vladimir").
        let small = readings.iter().all(|&r| {
            let p = gazetteer.place(r);
            match p.kind {
                PlaceKind::City => p.population < CITY_WELL_KNOWN && !is_capital(gazetteer, r),
                PlaceKind::Region => readings.iter().any(|&o| {
                    let city = gazetteer.place(o);
                    city.kind == PlaceKind::City && city.country == p.country
                }),
                _ => false,
            }
        });
        let initial = self.sentence_of.get(c.start).is_none_or(|s| {
            !text[self.sentence_of.sentences[s].span.start.min(c.start)..c.start]
                .chars()
                .any(char::is_alphanumeric)
        });
        if small && !initial && !c.adjective && followed_by_surname(text, self.chosen, k) {
            self.people.insert(crate::gazetteer::fold(found));
            return None;
        }
        if !self.people.is_empty()
            && self.people.contains(&crate::gazetteer::fold(found))
            && !is_place_preposition(self.lang, &words_before(text, c.start).0)
        {
            return None;
        }
        city(self, k, readings)
    }

    /// True when town `r` may be read in this article: in Dutch, French and Spanish, whose
    /// nouns are in lower case (a capitalised word mid-sentence is a name, where German
    /// capitalises every noun: "im Wald" is no town), when it is in a country whose press
    /// writes in the article's language or one the article names ("Ook in het Duitse Wielen";
    /// "aangehouden in Limbricht en Echt").
    fn town_read(&self, r: PlaceId) -> bool {
        let country = self.gazetteer.place(r).country.as_str();
        matches!(self.lang, Lang::Nl | Lang::Fr | Lang::Es)
            && (self.lang.home_countries().contains(&country)
                || self.named_countries.contains(country))
    }

    /// Where the mention of `c` starts: with a leading "the" kept ("the Netherlands", "the
    /// FBI"); `None` for "America" after a compass word ("North America", "Latin American"),
    /// a larger region than the United States.
    fn mention_start(&self, c: &Chosen, form: Form, name: &str) -> Option<usize> {
        let text = self.text;
        let mut start = c.start;
        if matches!(form, Form::Name | Form::Code | Form::Agency) {
            let head = text[..c.start].trim_end();
            if head.len() < c.start && (head.ends_with("the") || head.ends_with("The")) {
                let cut = head.len() - 3;
                let at_word = text[..cut]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| !is_word_char(ch));
                if at_word && !name.to_lowercase().starts_with("the ") {
                    start = cut;
                }
            }
        }
        let after_compass = text[c.start..c.end].starts_with("America")
            && matches!(
                words_before(text, c.start).0.as_str(),
                "north" | "south" | "central" | "latin"
            )
            && text[..c.start]
                .trim_end()
                .ends_with(|ch: char| ch.is_alphabetic())
            && text[..c.start]
                .trim_end()
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        (!after_compass).then_some(start)
    }
}

/// A continent named in the text ("Europe", "African", "Europeans"): found for `opmap places`
/// only, since a continent names no country and extraction cannot use it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ContinentMention {
    /// The words in the text.
    pub span: Span,
    /// Its index in [`Gazetteer::continents`].
    pub continent: usize,
    /// True for a demonym ("European").
    pub demonym: bool,
}

/// The continents a text names, in text order, where no place mention stands: each form as
/// written (capitalised), on word boundaries.
pub(crate) fn continents(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &[Mention],
) -> Vec<ContinentMention> {
    let mut found: Vec<ContinentMention> = Vec::new();
    for (i, continent) in gazetteer.continents.iter().enumerate() {
        for (form, demonym) in &continent.forms {
            for start in memchr::memmem::find_iter(text.as_bytes(), form.as_bytes()) {
                let end = start + form.len();
                let boundary_before = text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| !is_word_char(ch));
                let boundary_after = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|ch| !is_word_char(ch));
                // Mentions are in text order: only those starting before `end`, nearest
                // first, can overlap (a binary search keeps this linear in the text).
                let before_end = mentions.partition_point(|m| m.span.start < end);
                let taken = mentions[..before_end]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|m| start < m.span.end);
                if boundary_before && boundary_after && !taken {
                    found.push(ContinentMention {
                        span: Span::new(start, end),
                        continent: i,
                        demonym: *demonym,
                    });
                }
            }
        }
    }
    // Leftmost, then longest; no overlaps ("North American" over "American" is not found,
    // as "American" is a mention of its own only when no compass word comes before it).
    found.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut kept: Vec<ContinentMention> = Vec::with_capacity(found.len());
    for c in found {
        if kept.last().is_none_or(|k| k.span.end <= c.span.start) {
            kept.push(c);
        }
    }
    kept
}

/// Names a line break hyphenates ("the Lithu-\nanian police"): each word broken as `-` and a
/// line break before a lower-case letter is matched as rejoined, and a name that crosses the
/// break is added where nothing else was found. Its span covers the original text, hyphen and
/// break included, so offsets still point into the article.
fn hyphenated_names(
    (gazetteer, lang): (&Gazetteer, Lang),
    text: &str,
    raw: &mut Vec<RawMatch>,
    chosen: &mut Vec<Chosen>,
) {
    let names = &gazetteer.names;
    let mut added = false;
    for hyphen in memchr::memmem::find_iter(text.as_bytes(), b"-\n") {
        let after = hyphen + 2;
        let suffix_start =
            after + (text[after..].len() - text[after..].trim_start_matches([' ', '\t']).len());
        if !text[suffix_start..].starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let word_start = text[..hyphen]
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |j| {
                j + text[j..].chars().next().map_or(1, char::len_utf8)
            });
        if word_start == hyphen || chosen.iter().any(|c| c.start <= hyphen && hyphen < c.end) {
            continue;
        }
        let prefix = &text[word_start..hyphen];
        let mut tail_end = (suffix_start + 80).min(text.len());
        while !text.is_char_boundary(tail_end) {
            tail_end -= 1;
        }
        let joined = format!("{prefix}{}", &text[suffix_start..tail_end]);
        raw.clear();
        names.matches_at(&joined, 0, lang, raw);
        let original = |k: usize| suffix_start + (k - prefix.len());
        'longest: for m in raw.iter().rev() {
            if m.end <= prefix.len() {
                continue;
            }
            let (start, end) = (word_start, original(m.end));
            if chosen.iter().any(|c| c.start < end && start < c.end) {
                continue;
            }
            for (entry, name) in names.group(m.group).enumerate() {
                if in_language(name.lang, lang)
                    && case_agrees(name.text, &joined[m.start..m.end], name.case_sensitive)
                {
                    chosen.push(Chosen {
                        start,
                        end,
                        group: m.group,
                        entry: entry as u8,
                        adjective: false,
                    });
                    added = true;
                    break 'longest;
                }
            }
        }
    }
    if added {
        chosen.sort_by_key(|c| c.start);
    }
}

/// The adjective of a town or region before an authority noun, in German and Dutch, where it
/// is the name and a suffix: "die Luzerner Kantonspolizei", "die St. Galler
/// Staatsanwaltschaft", "die Münchner Polizei", "die Basler Staatsanwaltschaft", "de
/// Zeelandse politie", "het Antwerpse parket". The town is the name the suffix leaves (German
/// "-er", with "-en", "-el" and "-ich" restored: "St. Galler" → St. Gallen, "Münchner" →
/// München, "Basler" → Basel, "Zürcher" → Zürich; Dutch "-se", with "-en" restored:
/// "Antwerpse" → Antwerpen), and it must be one the gazetteer has in a country whose press
/// writes the language ([`Lang::home_countries`]). Without the authority noun the word is
/// left alone ("Berliner Zeitung", "Hamburger").
fn place_adjectives((gazetteer, lang): (&Gazetteer, Lang), text: &str, chosen: &mut Vec<Chosen>) {
    let suffix = match lang {
        Lang::De => "er",
        Lang::Nl => "se",
        _ => return,
    };
    let lexicon = crate::actions::lexicon::of(lang);
    let authority = |word: &str| {
        let lower = word.to_lowercase();
        (lexicon.class_of(&lower) | lexicon.compound_head_class(&lower))
            & crate::actions::lexicon::class::AUTHORITY
            != 0
    };
    let home = lang.home_countries();
    let mut added = false;
    // Each word of letters (with its byte offset) and the word after it, across one space.
    let mut words = text
        .split(|c: char| !c.is_alphabetic())
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len()
                + text[*at + w.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .peekable();
    while let Some((start, word)) = words.next() {
        let Some(&(next_start, next)) = words.peek() else {
            break;
        };
        let end = start + word.len();
        if text[end..next_start] != *" " {
            continue;
        }
        if word.len() < suffix.len() + 3
            || !word.ends_with(suffix)
            || !word.starts_with(char::is_uppercase)
            || !authority(next)
            || chosen.iter().any(|c| c.start < end && start < c.end)
        {
            continue;
        }
        // "St. Galler": the saint's prefix belongs to the name.
        let start = ["St. ", "Sankt "]
            .iter()
            .find(|p| text[..start].ends_with(**p))
            .map_or(start, |p| start - p.len());
        let stem = &text[start..end - suffix.len()];
        let candidates = match lang {
            Lang::De => [
                Some(stem.to_string()),
                Some(format!("{stem}en")),
                stem.strip_suffix('n').map(|s| format!("{s}en")),
                stem.strip_suffix('l').map(|s| format!("{s}el")),
                stem.strip_suffix("ch").map(|s| format!("{s}ich")),
            ],
            _ => [
                Some(stem.to_string()),
                Some(format!("{stem}en")),
                None,
                None,
                None,
            ],
        };
        let found = candidates.into_iter().flatten().find_map(|name| {
            let group = gazetteer.names.get(&crate::gazetteer::fold(&name))?;
            let entry = gazetteer.names.group(group).position(|n| {
                in_language(n.lang, lang)
                    && matches!(n.form, Form::City | Form::Name)
                    && n.places().any(|p| {
                        let place = gazetteer.place(p);
                        matches!(place.kind, PlaceKind::City | PlaceKind::Region)
                            && home.contains(&place.country.as_str())
                    })
            })?;
            Some((group, entry))
        });
        if let Some((group, entry)) = found {
            chosen.push(Chosen {
                start,
                end,
                group,
                entry: entry as u8,
                adjective: true,
            });
            added = true;
        }
    }
    if added {
        chosen.sort_by_key(|c| c.start);
    }
}

/// Decides whether a city name is a place here, and which city it is.
///
/// A city name needs its capital letter, not one that only opens a sentence or sits in a
/// headline in capitals, and a place context: a place preposition before it ("in", "at",
/// "near", "from"...) or "city of"; a list it continues ("in Lyon and Nice"); a country after
/// it ("Split, Croatia"); or, for a name that is not a common English word, its country named
/// elsewhere in the article, or a large city (at least [`CITY_WELL_KNOWN`] people, or a
/// capital). A name made only of common English words ("Nice", "Reading", "Mobile", "Split",
/// from `gazetteer/common-words.txt`) needs one of the first three. Among its readings, a city
/// in the country after it wins, then one in a country the article names, then the largest.
/// Where the sentences around name other countries, a town that is not large is another place
/// the gazetteer lacks, unless a large city has its name or the town is in a country whose
/// press writes in the article's language (see [`Lang::home_countries`]).
fn city(f: &Finder<'_, '_>, k: usize, readings: &[PlaceId]) -> Option<PlaceId> {
    let (gazetteer, text, chosen) = (f.gazetteer, f.text, f.chosen);
    let (sentence_of, mentions, named) = (&f.sentence_of, &f.mentions, &f.named_countries);
    let c = &chosen[k];
    let name = c.name(gazetteer);
    let found = &text[c.start..c.end];
    if not_a_town_here(f, k, found) {
        return None;
    }
    if noun_of_next_place(gazetteer, text, chosen, k, readings) {
        return None;
    }
    let name_lower_initial = name.text.starts_with(char::is_lowercase);
    if !found.starts_with(char::is_uppercase) && !name_lower_initial {
        return None;
    }
    // Capitals that say nothing: the first word of a sentence, a headline in capitals.
    let sentence_start = sentence_of
        .get(c.start)
        .and_then(|s| sentence_of.sentences.get(s))
        .map_or(0, |s| s.span.start);
    let initial = !text[sentence_start.min(c.start)..c.start]
        .chars()
        .any(char::is_alphanumeric);
    let letters = found.chars().filter(|ch| ch.is_alphabetic()).count();
    let shouting = letters > 1 && !found.chars().any(char::is_lowercase);
    let capitalised = !initial && !shouting;

    let (preposition, settlement) = preposition_before(f.lang, text, c.start);
    // A list it continues: the mention just before, joined by "," / "and" / "or".
    let continues = mentions.last().is_some_and(|m| {
        let gap = text.get(m.span.end..c.start).unwrap_or("");
        gap.len() <= 8
            && gap
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .all(|w| w.is_empty() || matches!(as_english(f.lang, w), "and" | "or"))
            && !gap.trim().is_empty()
    });
    // A list of towns is mostly of one country: a town that continues a list of another
    // country's towns, and none of whose readings is there, is a place the gazetteer lacks
    // ("en Ahuachapán, Sonsonate y Lourdes, Colón" is not Lourdes in France).
    let list_country = mentions
        .last()
        .filter(|m| continues && m.form == Form::City)
        .map(|m| gazetteer.place(m.place).country.as_str());
    let off_list = list_country
        .is_some_and(|code| !readings.iter().any(|&r| gazetteer.place(r).country == code));
    let country_after = country_after((gazetteer, f.lang), text, chosen, k);
    // "Parkland, Florida": a region right after it; regions the article named before.
    let regions = Regions {
        after: region_right_after(gazetteer, text, chosen, k),
        named: Some(&f.named_regions),
    };
    if country_after.is_some_and(|code| lacked_before_country(gazetteer, chosen, k, readings, code))
    {
        return None;
    }
    let home = f.lang.home_countries();
    let place = choose(gazetteer, readings, named, country_after, &regions, home);
    let chosen_place = gazetteer.place(place);
    // The country context closest before the name: "In the UK, … The arrests took place in
    // Norfolk" is not Norfolk, Virginia. When this sentence and the one before name countries
    // (or agencies) and none of the city's readings is in one of them, a city that is neither
    // large nor followed by its country is another place the gazetteer lacks (a county).
    let this_sentence = sentence_of.get(c.start).unwrap_or(0);
    let context_places: Vec<&crate::gazetteer::Place> = mentions
        .iter()
        .rev()
        .take_while(|m| m.sentence + 1 >= this_sentence)
        .filter(|m| m.form != Form::City)
        .map(|m| gazetteer.place(m.place))
        .collect();
    let context_elsewhere = !context_places.is_empty()
        && !context_places.iter().any(|p| {
            readings
                .iter()
                .any(|&r| gazetteer.place(r).country == p.country)
        });
    let context = preposition || continues || country_after.is_some() || c.adjective;
    // A town needs a place context: "aangehouden in Echt", not "Echt" alone.
    if !context && readings.iter().all(|&r| is_town(gazetteer, r)) {
        return None;
    }
    // A short alternate name ("Ben" for Bern, "Sam" for Damascus in GeoNames) is more often a
    // person's or a word: like a common word, it needs a place context.
    let short_alternate = name.text.chars().count() <= 3
        && crate::gazetteer::fold(name.text) != crate::gazetteer::fold(&chosen_place.name);
    if name.common_word || short_alternate {
        return (settlement || continues || country_after.is_some()).then_some(place);
    }
    // A word of the article's language continues only a list of towns as a town: in "FIOD en
    // Douane" it is the customs, not Douane in Tunisia.
    if is_language_word(f.lang, name.text) {
        let town_context = preposition || country_after.is_some() || list_country.is_some();
        return town_context.then_some(place);
    }
    // One sense per discourse: a name the article has already placed is that place again,
    // whatever the sentences around it name ("detenidos en Madrid, Palma y Polonia … seis
    // registros en Palma").
    if let Some(&earlier) = readings.iter().find(|r| f.placed_cities.contains(r)) {
        return Some(earlier);
    }
    let capital = gazetteer
        .country(&chosen_place.country)
        .is_some_and(|country| country.independent && is_capital(gazetteer, place));
    let well_known = chosen_place.population >= CITY_WELL_KNOWN || capital;
    if (context_elsewhere || off_list) && !well_known && country_after.is_none() {
        let context_places = (!off_list && context).then_some(&context_places[..]);
        return town_beside_other_countries(f, readings, place, context_places);
    }
    let own_country = named.contains(chosen_place.country.as_str());
    let ok = context || well_known || (capitalised && own_country);
    ok.then_some(place)
}

/// Whether a place preposition stands right before `at`, or a place noun and "of" ("the island
/// of", "la isla de"); and whether it is a preposition or a settlement's noun and "of" ("the city
/// of", "la ciudad de"), not a region's or a feature's ("la Costa del Sol" is no Seoul, whose
/// short name is "Sol").
fn preposition_before(lang: Lang, text: &str, at: usize) -> (bool, bool) {
    let (before, before2) = words_before(text, at);
    let of = as_english(lang, &before) == "of";
    let preposition = is_place_preposition(lang, &before);
    (
        preposition || (of && is_place_noun(lang, &before2)),
        preposition || (of && PLACE_NOUNS.contains(&before2.as_str())),
    )
}

/// How far (metres) from the label point of a country the sentences around name a town with a
/// place context still stands for itself (see [`city`]).
const NEAR_CONTEXT_M: f64 = 1_500_000.0;

/// The city meant by a town's name that is not large, where the sentences around name other
/// countries or it breaks a list of another country's towns: a large city of the same name
/// ("detenido en Sevilla" in an article that names Colombia only as the drugs' origin is not
/// Sevilla, Colombia); else the town itself when it has a place context and does not break a
/// list (`context`: the places the sentences around name) and is in a country whose press
/// writes in the article's language ("op verzoek van de Belgische autoriteiten aangehouden in
/// Breda") or within a day's drive of one of those places ("a truck registered in Poland was
/// seized in Lille"; Norfolk, Virginia is an ocean away from the UK); else none: another place
/// the gazetteer lacks.
fn town_beside_other_countries(
    f: &Finder<'_, '_>,
    readings: &[PlaceId],
    place: PlaceId,
    context: Option<&[&crate::gazetteer::Place]>,
) -> Option<PlaceId> {
    let gazetteer = f.gazetteer;
    let large = readings
        .iter()
        .copied()
        .filter(|&r| gazetteer.place(r).population >= CITY_WELL_KNOWN)
        .max_by_key(|&r| gazetteer.place(r).population);
    if large.is_some() {
        return large;
    }
    let town = gazetteer.place(place);
    let home = || f.lang.home_countries().contains(&town.country.as_str());
    let near = |places: &[&crate::gazetteer::Place]| {
        places
            .iter()
            .any(|p| Haversine.distance(p.point, town.point) <= NEAR_CONTEXT_M)
    };
    context
        .is_some_and(|places| home() || near(places))
        .then_some(place)
}

/// In another language than English, a name made of that language's words ("Para", "Como",
/// "Nacional": its lexicon's or its stop words) is a word first, like a common English word.
fn is_language_word(lang: Lang, name: &str) -> bool {
    if lang == Lang::En {
        return false;
    }
    let lexicon = crate::actions::lexicon::of(lang);
    crate::gazetteer::fold(name)
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| lexicon.knows(w) || crate::lang::is_stop_word(lang, w))
}

/// Another name of a city (none of its readings' own), right before a place name, is the
/// noun of that place's phrase: "im Raum Bielefeld" (area; "Raum" is also Rauma's), not a
/// place of its own.
fn noun_of_next_place(
    gazetteer: &Gazetteer,
    text: &str,
    chosen: &[Chosen],
    k: usize,
    readings: &[PlaceId],
) -> bool {
    let c = &chosen[k];
    let before_place = chosen.get(k + 1).is_some_and(|next| {
        text[c.end..next.start] == *" " && text[next.start..].starts_with(char::is_uppercase)
    });
    if !before_place {
        return false;
    }
    let folded = crate::gazetteer::fold(&text[c.start..c.end]);
    readings
        .iter()
        .all(|&r| crate::gazetteer::fold(&gazetteer.place(r).name) != folded)
}

/// "Grays, Essex, United Kingdom": when the country `code` named after city name `k` has none
/// of its readings, the place is one the gazetteer lacks (Essex county), not Essex, Vermont;
/// unless the country's name is also a region of a reading's country ("Atlanta, Georgia").
fn lacked_before_country(
    gazetteer: &Gazetteer,
    chosen: &[Chosen],
    k: usize,
    readings: &[PlaceId],
    code: &str,
) -> bool {
    let in_country = |code: &str| readings.iter().any(|&r| gazetteer.place(r).country == code);
    let also_region = chosen.get(k + 1).is_some_and(|next| {
        gazetteer
            .names
            .group(next.group)
            .flat_map(|name| name.places())
            .map(|p| gazetteer.place(p))
            .any(|p| p.kind == PlaceKind::Region && in_country(&p.country))
    });
    !in_country(code) && !also_region
}

/// "Parkland, Florida": the region (country, admin1) right after city name `k` and a comma.
fn region_right_after<'g>(
    gazetteer: &'g Gazetteer,
    text: &str,
    chosen: &[Chosen],
    k: usize,
) -> Option<(&'g str, &'g str)> {
    let next = chosen.get(k + 1)?;
    if text[chosen[k].end..next.start].trim() != "," {
        return None;
    }
    next.name(gazetteer)
        .places()
        .map(|p| gazetteer.place(p))
        .find(|p| p.kind == PlaceKind::Region)
        .map(|p| (p.country.as_str(), p.admin1.as_str()))
}

/// "Split, Croatia": the country right after a city name and a comma, if one is.
fn country_after<'g>(
    (gazetteer, lang): (&'g Gazetteer, Lang),
    text: &str,
    chosen: &[Chosen],
    k: usize,
) -> Option<&'g str> {
    let c = &chosen[k];
    chosen.get(k + 1).and_then(|next| {
        let gap = &text[c.end..next.start];
        let next_name = next.name(gazetteer);
        let is_country = next_name.form == Form::Name || next_name.form == Form::Code;
        // "Saintes, en Belgique", "Lille in France", "Saintes (Belgique)": a comma, or an
        // opening parenthesis, or "in" (and an article), then the country.
        // (Read only for a short gap before a country: no words to lower-case otherwise.)
        let in_country = || {
            let words: Vec<String> = gap
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            (1..=2).contains(&words.len())
                && words.iter().any(|w| as_english(lang, w) == "in")
                && words
                    .iter()
                    .all(|w| matches!(as_english(lang, w), "in" | "the"))
        };
        let qualifies =
            matches!(gap.trim(), "," | "(") || (is_country && gap.len() <= 12 && in_country());
        (qualifies && is_country)
            .then(|| next_name.places().next())
            .flatten()
            .map(|p| gazetteer.place(p).country.as_str())
            .filter(|code| gazetteer.country(code).is_some())
    })
}

/// Words that, after a place name, make a longer name of a place or a body rather than a
/// person's: "Florida Atlantic University", "Washington Post", "Orange County".
const PLACE_OR_BODY_WORDS: &[&str] = &[
    "academy",
    "agency",
    "airport",
    "area",
    "arena",
    "army",
    "assembly",
    "authority",
    "avenue",
    "basin",
    "bay",
    "beach",
    "board",
    "borough",
    "bridge",
    "bureau",
    "canal",
    "cathedral",
    "center",
    "centre",
    "church",
    "city",
    "club",
    "coast",
    "college",
    "commission",
    "committee",
    "council",
    "county",
    "court",
    "daily",
    "department",
    "district",
    "division",
    "fc",
    "gazette",
    "globe",
    "government",
    "guard",
    "gulf",
    "harbor",
    "harbour",
    "herald",
    "highway",
    "hills",
    "hospital",
    "hotel",
    "house",
    "island",
    "islands",
    "journal",
    "lake",
    "library",
    "mall",
    "market",
    "metro",
    "ministry",
    "mosque",
    "mountains",
    "museum",
    "navy",
    "news",
    "office",
    "park",
    "parliament",
    "party",
    "peninsula",
    "police",
    "port",
    "post",
    "prefecture",
    "province",
    "railway",
    "rangers",
    "region",
    "republic",
    "river",
    "road",
    "school",
    "sea",
    "senate",
    "service",
    "services",
    "square",
    "stadium",
    "state",
    "station",
    "street",
    "temple",
    "territory",
    "times",
    "township",
    "tribune",
    "united",
    "university",
    "valley",
    "zoo",
];

/// The titlecase word starting at `at` ("Putin" in "Vladimir Putin"), if one does.
fn titlecase_word(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    let len = rest
        .find(|ch: char| !(ch.is_alphabetic() || ch == '-'))
        .unwrap_or(rest.len());
    let word = &rest[..len];
    (word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase)).then_some(word)
}

/// A place name that is a person's first name: followed, after one space, by a titlecase
/// word that is no place and no body ("Vladimir Putin", "Li Wenzu told", "Sam Gallagher and";
/// not "Florida Atlantic University", "Washington Post", "San Diego County"), with no third
/// capitalised word after it (a longer name is a body's), and not after "the".
fn followed_by_surname(text: &str, chosen: &[Chosen], k: usize) -> bool {
    let c = &chosen[k];
    let found = &text[c.start..c.end];
    if !found.chars().any(char::is_lowercase)
        || chosen
            .get(k + 1)
            .is_some_and(|next| next.start <= c.end + 1)
        || words_before(text, c.start).0 == "the"
        || !text[c.end..].starts_with(' ')
    {
        return false;
    }
    let Some(surname) = titlecase_word(text, c.end + 1) else {
        return false;
    };
    let lower = surname.to_lowercase();
    if PLACE_OR_BODY_WORDS.contains(&lower.as_str()) || is_month(surname) || is_weekday(surname) {
        return false;
    }
    let after = c.end + 1 + surname.len();
    let third = text[after..]
        .strip_prefix(' ')
        .and_then(|_| titlecase_word(text, after + 1));
    third.is_none()
}

/// The end of a longer proper name: a city right after a capitalised word that is neither a
/// preposition nor a place of its own ("Detective Austin", "Michael Jordan"), or right after a
/// region's name with one space between ("Bayern Munich", a club).
fn after_proper_name(
    (gazetteer, lang): (&Gazetteer, Lang),
    text: &str,
    chosen: &[Chosen],
    k: usize,
) -> bool {
    let c = &chosen[k];
    let (before, _) = words_before(text, c.start);
    let head = &text[..c.start];
    let trimmed = head.trim_end_matches([' ', '\t']);
    if trimmed.len() == head.len() {
        return false;
    }
    let word_start = trimmed
        .rfind(|ch: char| !ch.is_alphanumeric())
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &trimmed[word_start..];
    // A place of its own right before it ("Cherkasy Oblast"), but not a region before a city
    // with nothing between: that is a club's or a company's name ("Bayern Munich").
    let region_before = |prev: &Chosen| {
        prev.name(gazetteer)
            .places()
            .all(|p| gazetteer.place(p).kind == PlaceKind::Region)
    };
    let part_of_place = k > 0
        && chosen[k - 1].end == trimmed.len()
        && !(trimmed.len() + 1 == c.start && region_before(&chosen[k - 1]));
    // An authority named by its place: "Police Scotland", "Staatsanwaltschaft Wien",
    // "Politie Amsterdam" (German capitalises every noun).
    let authority = || {
        let lexicon = crate::actions::lexicon::of(lang);
        lexicon.class_of(&before) & crate::actions::lexicon::class::AUTHORITY != 0
            || lexicon.compound_head_class(&before) & crate::actions::lexicon::class::AUTHORITY != 0
    };
    word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !part_of_place
        && !is_place_preposition(lang, &before)
        && !authority()
        && !matches!(
            before.as_str(),
            "the" | "north" | "south" | "east" | "west" | "central" | "greater" | "downtown"
        )
}

/// True for an English weekday name (any case).
fn is_weekday(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.contains(&word.to_lowercase().as_str())
}

/// True when the words `found` of chosen name `k` name no town here, whatever the gazetteer
/// says: a region word, a compass word or a name of one or two letters ("North London":
/// "North" is an alternate name of North Salt Lake; "Te Tari Taiwhenua": "Te", Dezhou), or a
/// month, which is a date ("in March 2014"; Cambridgeshire's March; "im Mai" is no Mai in
/// Kenya) unless its country follows it ("March, UK").
fn not_a_town_here(f: &Finder<'_, '_>, k: usize, found: &str) -> bool {
    let folded = crate::gazetteer::fold(found);
    if REGIONS.contains(&folded.as_str())
        || REGION_PREFIXES.contains(&folded.as_str())
        || found.chars().count() <= 2
    {
        return true;
    }
    (is_month(found) || crate::dates::is_month_name(f.lang, found))
        && country_after((f.gazetteer, f.lang), f.text, f.chosen, k).is_none()
}

/// True for an English month name (any case).
fn is_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS.contains(&word.to_lowercase().as_str())
}

/// True when the place is its country's capital (as `cities.tsv` marks it).
/// True when `place` is a town (see [`TOWN_POPULATION`]).
fn is_town(gazetteer: &Gazetteer, place: PlaceId) -> bool {
    let p = gazetteer.place(place);
    p.kind == PlaceKind::City && p.population < TOWN_POPULATION && !is_capital(gazetteer, place)
}

fn is_capital(gazetteer: &Gazetteer, place: PlaceId) -> bool {
    gazetteer.capital_of(&gazetteer.place(place).country) == Some(place)
}

/// Regions (country code, admin1 code) that say which city a name is.
#[derive(Debug, Default)]
struct Regions<'a> {
    /// The region written right after the city ("Parkland, Florida").
    after: Option<(&'a str, &'a str)>,
    /// Regions the article named before ("… in Florida. … Parkland"), as (country, admin1).
    named: Option<&'a rustc_hash::FxHashSet<(&'a str, &'a str)>>,
}

/// Picks a place for a name: a country first, then one in `prefer` (the country written after
/// a city), then a city in the region written after it, then one in a country the article
/// names, then a city in a region the article named before, then the most prominent
/// ([`prominence`]). A town in a named country does not win over a city ten times its size in
/// a country whose press writes in the article's language (`home`, see
/// [`Lang::home_countries`]): "la police belge … à Lille" is Lille, France, not Lille in
/// Antwerp province.
fn choose(
    gazetteer: &Gazetteer,
    places: &[PlaceId],
    named: &HashSet<&str>,
    prefer: Option<&str>,
    regions: &Regions<'_>,
    home: &[&str],
) -> PlaceId {
    let home_city = places
        .iter()
        .map(|&p| (p, gazetteer.place(p)))
        .filter(|(_, q)| q.kind == PlaceKind::City && home.contains(&q.country.as_str()))
        .max_by_key(|(_, q)| q.population);
    let mut best = places[0];
    let mut best_key = (0u8, 0u8, 0u8, 0u8, 0u8, 0u8, (0u8, 0u64));
    for (i, &p) in places.iter().enumerate() {
        let place = gazetteer.place(p);
        // "Dutch" is the Netherlands before the Caribbean Netherlands: sovereign states first.
        let sovereign = gazetteer
            .country(&place.country)
            .is_some_and(|c| c.independent);
        let in_region = |r: &(&str, &str)| {
            place.kind == PlaceKind::City
                && !place.admin1.is_empty()
                && r.0 == place.country
                && r.1 == place.admin1
        };
        let key = (
            u8::from(place.kind == PlaceKind::Country),
            u8::from(prefer == Some(place.country.as_str())),
            u8::from(regions.after.as_ref().is_some_and(in_region)),
            u8::from(
                named.contains(place.country.as_str())
                    && !home_city.is_some_and(|(h, q)| {
                        h != p
                            && place.kind == PlaceKind::City
                            && q.population >= 10 * place.population
                    }),
            ),
            u8::from(regions.named.is_some_and(|named| {
                place.kind == PlaceKind::City
                    && !place.admin1.is_empty()
                    && named.contains(&(place.country.as_str(), place.admin1.as_str()))
            })),
            u8::from(sovereign),
            prominence(gazetteer, p),
        );
        if i == 0 || key > best_key {
            best = p;
            best_key = key;
        }
    }
    // A region that shares its name with a city of its own country is named after that city
    // ("Ternopil", "Rivne", "Kano"): the name is the city's, the largest such.
    let region = gazetteer.place(best);
    if region.kind == PlaceKind::Region {
        let cities = places.iter().copied().filter(|&p| {
            let city = gazetteer.place(p);
            city.kind == PlaceKind::City && city.country == region.country
        });
        if let Some(city) = cities.max_by_key(|&p| gazetteer.place(p).population) {
            return city;
        }
    }
    best
}

/// A country's name written after a city of another country that has a region of that name:
/// "Atlanta, Georgia" is the US state, not the country. The region, if so.
fn region_after_city(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    c: &Chosen,
) -> Option<PlaceId> {
    let prev = mentions.last()?;
    let city = gazetteer.place(prev.place);
    if city.kind != PlaceKind::City || text.get(prev.span.end..c.start)?.trim() != "," {
        return None;
    }
    // Every name of the group: the region is a city-form name beside the country's.
    let readings = gazetteer.names.group(c.group).flat_map(|n| n.places());
    let regions = readings.filter(|&r| {
        let region = gazetteer.place(r);
        region.kind == PlaceKind::Region && region.country == city.country
    });
    let mut best = None;
    for r in regions {
        if gazetteer.place(r).admin1 == city.admin1 {
            return Some(r);
        }
        best.get_or_insert(r);
    }
    best
}

/// How prominent a reading is, to choose among places that share a name: a well-known city
/// (at least [`CITY_WELL_KNOWN`] people, or a capital) first, then a region, then other
/// cities; by population within each. "Washington" is the capital before the state, "New
/// York" the city, "Valencia" the Venezuelan city of 1.4 million; "Texas" and "Florida" are
/// the states, not small towns of those names. (A region that shares its name with a city of
/// its own country is then passed over for the city: see [`choose`].)
fn prominence(gazetteer: &Gazetteer, id: PlaceId) -> (u8, u64) {
    let place = gazetteer.place(id);
    let tier = match place.kind {
        PlaceKind::City if place.population >= CITY_WELL_KNOWN || is_capital(gazetteer, id) => 2,
        PlaceKind::Region => 1,
        _ => 0,
    };
    (tier, widely_known(place))
}

/// How widely a place is known: the people who live there, weighed by how many names other
/// languages give it ("Valencia", Spain, 0.8 million people and 29 names, before "Valencia",
/// Venezuela, 1.6 million and 12; the gazetteer keeps the Latin-script names only).
fn widely_known(place: &crate::gazetteer::Place) -> u64 {
    place
        .population
        .saturating_mul(u64::from(place.alternates) + 1)
}

/// The sentence holding a byte offset. Offsets are asked in text order (nearly always), so the
/// search starts where the last one ended, and halves the rest only after a long jump.
struct SentenceOf<'s> {
    sentences: &'s [Sentence],
    /// Where the last search ended.
    hint: std::cell::Cell<usize>,
}

impl<'s> SentenceOf<'s> {
    fn new(sentences: &'s [Sentence]) -> SentenceOf<'s> {
        SentenceOf {
            sentences,
            hint: std::cell::Cell::new(0),
        }
    }

    /// The index of the sentence that holds `offset`, if one does.
    fn get(&self, offset: usize) -> Option<usize> {
        let s = self.sentences;
        let ends_by = |x: &Sentence| x.span.end <= offset;
        // The first sentence ending after `offset` (sentences are in text order).
        let mut i = self.hint.get().min(s.len());
        if i > 0 && !ends_by(&s[i - 1]) {
            i = s[..i].partition_point(ends_by);
        } else {
            let mut steps = 0;
            while i < s.len() && ends_by(&s[i]) {
                i += 1;
                steps += 1;
                if steps == 8 {
                    i += s[i..].partition_point(ends_by);
                    break;
                }
            }
        }
        self.hint.set(i);
        s.get(i).filter(|x| x.span.start <= offset).map(|x| x.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests_support::small;
    use crate::sentences;

    fn found(text: &str) -> Vec<(String, String)> {
        let g = small();
        let s = sentences::split(text);
        find(&g, text, &s, Lang::En)
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
    fn america_after_a_compass_word_is_not_the_united_states() {
        assert_eq!(found("Raids in America."), vec![pair("America", "US")]);
        assert!(found("Raids in Latin America and North America.").is_empty());
        assert!(found("South American gangs.").is_empty());
    }

    #[test]
    fn continents_where_no_mention_stands() {
        let g = small();
        let text = "Europeans in Europe and Africa, not Europeanised; South America.";
        let s = sentences::split(text);
        let mentions = find(&g, text, &s, Lang::En);
        let got: Vec<(&str, &str, bool)> = continents(&g, text, &mentions)
            .iter()
            .map(|c| {
                (
                    c.span.of(text),
                    g.continents[c.continent].name.as_str(),
                    c.demonym,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Europeans", "Europe", true),
                ("Europe", "Europe", false),
                ("Africa", "Africa", false),
                ("South America", "South America", false)
            ]
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

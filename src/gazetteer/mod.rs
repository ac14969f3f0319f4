//! The gazetteer: every country, the cities and agencies opmap knows, their names, and the
//! country outlines, all from the files in `gazetteer/` (embedded in the binary).
//!
//! In: the data files (see `gazetteer/SOURCES.md`). Out: [`Gazetteer`], with one name index
//! over every name (an `fst` automaton built when the gazetteer is generated, loaded at start-up:
//! see [`index`]), places by id, and outlines.

mod cities;
pub mod index;
pub mod parse;

use crate::error::{Error, Result};
use crate::lang::Lang;
use cities::Cities;
use geo::{MultiPolygon, Point, Polygon};
use index::NameIndex;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// `gazetteer/countries.tsv`: one row per ISO 3166-1 code (+ XK).
pub(crate) const COUNTRIES_TSV: &str = include_str!("../../gazetteer/countries.tsv");
/// `gazetteer/cities.tsv`: GeoNames cities of 15,000 people or more.
pub(crate) const CITIES_TSV: &str = include_str!("../../gazetteer/cities.tsv");
/// `gazetteer/aliases.tsv`: hand-written extra names and demonyms.
pub(crate) const ALIASES_TSV: &str = include_str!("../../gazetteer/aliases.tsv");
/// `gazetteer/agencies.tsv`: hand-written agencies that stand for a country or a city.
pub(crate) const AGENCIES_TSV: &str = include_str!("../../gazetteer/agencies.tsv");
/// `gazetteer/regions.tsv`: first-order administrative regions (GeoNames admin1).
pub(crate) const REGIONS_TSV: &str = include_str!("../../gazetteer/regions.tsv");
/// `gazetteer/lang/countries.tsv`: country names in German, French, Dutch and Spanish
/// (generated from registry data).
pub(crate) const LANG_COUNTRIES_TSV: &str = include_str!("../../gazetteer/lang/countries.tsv");
/// `gazetteer/lang/LANG.tsv`: hand-written names, demonyms and agencies of each language
/// opmap reads besides English, in [`LANG_FILES`] order.
pub const LANG_NAMES_TSV: [&str; 4] = [
    include_str!("../../gazetteer/lang/de.tsv"),
    include_str!("../../gazetteer/lang/fr.tsv"),
    include_str!("../../gazetteer/lang/nl.tsv"),
    include_str!("../../gazetteer/lang/es.tsv"),
];
/// The languages of [`LANG_NAMES_TSV`] and their files.
pub const LANG_FILES: [(Lang, &str); 4] = [
    (Lang::De, "lang/de.tsv"),
    (Lang::Fr, "lang/fr.tsv"),
    (Lang::Nl, "lang/nl.tsv"),
    (Lang::Es, "lang/es.tsv"),
];
/// `gazetteer/continents.tsv`: GeoNames's continents, their names and demonyms.
pub(crate) const CONTINENTS_TSV: &str = include_str!("../../gazetteer/continents.tsv");
/// `gazetteer/countries-50m.geojson`: outlines for regional maps.
pub const OUTLINES_50M: &str = include_str!("../../gazetteer/countries-50m.geojson");
/// `gazetteer/countries-110m.geojson`: outlines for world maps.
pub const OUTLINES_110M: &str = include_str!("../../gazetteer/countries-110m.geojson");

/// `gazetteer/names.fst`: the name automaton (generated, see [`index`]).
pub const NAMES_FST: &[u8] = include_bytes!("../../gazetteer/names.fst");
/// `gazetteer/names.bin`: the names of each folded form (generated, see [`index`]).
pub const NAMES_BIN: &[u8] = include_bytes!("../../gazetteer/names.bin");
/// `gazetteer/common-words.txt`: common English words that are also words of city names.
pub(crate) const COMMON_WORDS: &str = include_str!("../../gazetteer/common-words.txt");

/// A city at least this large (or a capital) counts wherever its capitalised name stands; a
/// smaller one needs a place context (see `places`). Default: 500,000 people.
pub(crate) const CITY_WELL_KNOWN: u64 = 500_000;

/// Below this many people a place of `cities.tsv` that is no capital is a town: one of the
/// GeoNames places of 1,000 people or more that `cities.tsv` adds, for the countries whose
/// press writes in German, French, Dutch or Spanish, to its cities of 15,000 or more.
pub(crate) const TOWN_POPULATION: u64 = 15_000;

/// The id of a place: see [`Gazetteer::place`].
pub(crate) type PlaceId = usize;

/// What kind of place a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country or territory with an ISO 3166-1 code.
    Country,
    /// A city (its own point, its country's code).
    City,
    /// An agency or body that stands for a country or its seat.
    Agency,
    /// A first-order administrative region (a state, province, Land, region): its own point,
    /// its country's code.
    Region,
}

impl PlaceKind {
    /// `"country"`, `"city"`, `"agency"` or `"region"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::City => "city",
            PlaceKind::Agency => "agency",
            PlaceKind::Region => "region",
        }
    }
}

/// A place events can happen at.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Country, city or agency.
    pub kind: PlaceKind,
    /// The place's name ("France", "Paris", "Europol").
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country, upper case (XK for Kosovo).
    pub country: String,
    /// Where a marker goes: longitude, latitude in degrees (WGS 84).
    pub point: Point<f64>,
    /// People living there (cities; 0 for countries and agencies).
    pub population: u64,
    /// Its GeoNames id, where the gazetteer has one (cities, countries, the US states).
    pub geonameid: Option<u32>,
    /// The GeoNames admin1 code of its region within its country (`TX` for a city in Texas
    /// and for Texas itself; empty for countries and agencies, or where GeoNames has none).
    pub admin1: String,
    /// How many alternate names GeoNames gives it (cities; 0 for the rest): how widely it is
    /// known, beside how many live there ([`crate::places`] weighs both).
    pub alternates: u16,
}

/// A country or territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    /// Short English name.
    pub name: String,
    /// Official name.
    pub official_name: String,
    /// Whether it is a sovereign state.
    pub independent: bool,
    /// Its id among the places.
    pub place: PlaceId,
}

/// How a name refers to its place; it decides how the mention may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A name of the place ("France", "the Netherlands", "Holland").
    Name,
    /// An acronym or code, matched case-sensitively ("US", "UK", "U.S.").
    Code,
    /// An adjective or demonym ("Dutch", "British"): names the country only with an
    /// authority noun ("Dutch police").
    Demonym,
    /// An agency ("Europol", "the FBI").
    Agency,
    /// A city name.
    City,
}

/// One name in the matcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The name as written in the data.
    pub text: String,
    /// The places it may stand for, best first.
    pub places: Vec<PlaceId>,
    /// How it refers to them.
    pub form: Form,
    /// True when the text must match exactly (acronyms); otherwise letters match without
    /// regard to case, but every capital letter of the name must be a capital in the text.
    pub case_sensitive: bool,
    /// The one language whose articles use the name (`gazetteer/lang/`); `None` for a name
    /// of every language.
    pub lang: Option<crate::lang::Lang>,
}

/// One country outline: a code (empty for areas without one) and its shape in lon/lat.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// ISO 3166-1 alpha-2, or `""` for areas without a code of their own.
    pub code: String,
    /// Natural Earth's name.
    pub name: String,
    /// The shape, lon/lat degrees, exterior rings counter-clockwise.
    pub shape: MultiPolygon<f64>,
}

/// A continent: not a place events can happen at (it names no country), but a place a text
/// names ("Europe", "African"), which `opmap places` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Continent {
    /// GeoNames continent code (`EU`, `AF`, …).
    pub code: String,
    /// Its GeoNames id.
    pub geonameid: u32,
    /// Its name ("Europe").
    pub name: String,
    /// GeoNames's point for it, lon/lat degrees (WGS 84).
    pub point: Point<f64>,
    /// Every form a text may use, as written: the name, other names, demonyms and their
    /// plurals ("Europe", "European", "Europeans"), with true for a demonym.
    pub forms: Vec<(String, bool)>,
}

/// Reads `continents.tsv` (columns `code`, `geonameid`, `name`, `lon`, `lat`, `names`,
/// `demonyms`).
pub(crate) fn parse_continents(text: &str) -> Result<Vec<Continent>> {
    /// A row of `continents.tsv`.
    #[derive(Deserialize)]
    struct ContinentRow<'a> {
        code: &'a str,
        geonameid: u32,
        name: &'a str,
        lon: f64,
        lat: f64,
        names: &'a str,
        demonyms: &'a str,
    }
    const COLUMNS: [&str; 7] = [
        "code",
        "geonameid",
        "name",
        "lon",
        "lat",
        "names",
        "demonyms",
    ];
    let mut out = Vec::new();
    let mut rows = parse::Rows::new("continents.tsv", text, &COLUMNS)?;
    while let Some((line, row)) = rows.next::<ContinentRow>()? {
        check_lon_lat("continents.tsv", line, row.lon, row.lat)?;
        let mut forms: Vec<(String, bool)> = std::iter::once(row.name)
            .chain(parse::list(row.names))
            .map(|n| (n.to_string(), false))
            .collect();
        for demonym in parse::list(row.demonyms) {
            forms.push((demonym.to_string(), true));
            forms.extend(plural(demonym).map(|p| (p, true)));
        }
        out.push(Continent {
            code: row.code.to_string(),
            geonameid: row.geonameid,
            name: row.name.to_string(),
            point: Point::new(row.lon, row.lat),
            forms,
        });
    }
    Ok(out)
}

/// Level of detail of the outlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// About 1:50m, for regional maps.
    Regional,
    /// About 1:110m, for world maps.
    World,
}

/// Every place and name opmap knows. Build it once with [`Gazetteer::load`].
pub struct Gazetteer {
    /// The countries' places, in code order (ids from 0).
    country_places: Vec<Place>,
    /// The cities of `cities.tsv`, in its order (ids after the countries'), read lazily.
    cities: Cities,
    /// Capitals `cities.tsv` lacks, then agencies (ids after the cities').
    other_places: Vec<Place>,
    /// The regions of `regions.tsv` (ids after the agencies').
    regions: RegionTable,
    /// Countries by code order.
    pub countries: Vec<Country>,
    /// The continents (`continents.tsv`).
    pub continents: Vec<Continent>,
    /// Every name, by folded form.
    pub names: NameIndex,
    by_code: FxHashMap<String, usize>,
    capitals: FxHashMap<String, PlaceId>,
    /// Agencies whose `scope` is `international` (Europol, Eurojust, INTERPOL, …).
    international: rustc_hash::FxHashSet<PlaceId>,
    /// Each agency's seat: the city it sits in, or its country's place.
    seats: rustc_hash::FxHashMap<PlaceId, PlaceId>,
    outlines_regional: OnceLock<Result<Vec<Outline>, String>>,
    outlines_world: OnceLock<Result<Vec<Outline>, String>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.len())
            .field("names", &self.names)
            .finish()
    }
}

/// The texts of the tables, so tests can build a small gazetteer from strings.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// common-words.txt
    pub common_words: &'a str,
    /// countries.tsv
    pub countries: &'a str,
    /// cities.tsv
    pub cities: &'a str,
    /// aliases.tsv
    pub aliases: &'a str,
    /// agencies.tsv
    pub agencies: &'a str,
    /// regions.tsv
    pub regions: &'a str,
    /// continents.tsv
    pub continents: &'a str,
    /// lang/countries.tsv
    pub lang_countries: &'a str,
    /// lang/de.tsv, lang/fr.tsv, lang/nl.tsv, lang/es.tsv ([`LANG_FILES`])
    pub lang_names: [&'a str; 4],
}

impl Sources<'static> {
    /// The tables embedded in the binary.
    pub fn embedded() -> Sources<'static> {
        Sources {
            common_words: COMMON_WORDS,
            countries: COUNTRIES_TSV,
            cities: CITIES_TSV,
            aliases: ALIASES_TSV,
            agencies: AGENCIES_TSV,
            regions: REGIONS_TSV,
            continents: CONTINENTS_TSV,
            lang_countries: LANG_COUNTRIES_TSV,
            lang_names: LANG_NAMES_TSV,
        }
    }
}

const COUNTRY_COLUMNS: [&str; 12] = [
    "code",
    "name",
    "official_name",
    "independent",
    "lon",
    "lat",
    "capital",
    "capital_lon",
    "capital_lat",
    "names",
    "demonyms",
    "geonameid",
];
const CITY_COLUMNS: [&str; 9] = [
    "geonameid",
    "name",
    "country",
    "lon",
    "lat",
    "population",
    "capital",
    "admin1",
    "alternates",
];
const ALIAS_COLUMNS: [&str; 3] = ["name", "code", "kind"];
const AGENCY_COLUMNS: [&str; 4] = ["name", "code", "city", "scope"];
const LANG_COUNTRY_COLUMNS: [&str; 4] = ["lang", "code", "name", "kind"];
const LANG_NAME_COLUMNS: [&str; 4] = ["name", "code", "kind", "city"];

/// A row of `countries.tsv`.
#[derive(Deserialize)]
struct CountryRow<'a> {
    code: &'a str,
    name: &'a str,
    official_name: &'a str,
    /// `1` for an independent country.
    independent: &'a str,
    lon: f64,
    lat: f64,
    capital: &'a str,
    capital_lon: Option<f64>,
    capital_lat: Option<f64>,
    /// Other names, `|`-separated.
    names: &'a str,
    /// Demonyms, `|`-separated.
    demonyms: &'a str,
    geonameid: Option<u32>,
}

/// A row of `aliases.tsv`.
#[derive(Deserialize)]
struct AliasRow<'a> {
    name: &'a str,
    code: &'a str,
    /// `name` or `demonym`.
    kind: &'a str,
}

/// A row of `agencies.tsv`: an agency, its country, the city it sits in (empty for the whole
/// country) and its scope (empty, or `international`).
#[derive(Deserialize)]
struct AgencyRow {
    name: String,
    code: String,
    city: String,
    scope: String,
}

/// An agency to read: a row of `agencies.tsv` (every language's), or an `agency` row of a
/// language's `lang/LANG.tsv` (its articles only), with where it is.
struct Agency {
    file: &'static str,
    line: usize,
    row: AgencyRow,
    lang: Option<Lang>,
}

/// A row of `lang/countries.tsv`.
#[derive(Deserialize)]
struct LangCountryRow<'a> {
    lang: &'a str,
    code: &'a str,
    name: &'a str,
    /// `name` or `demonym`.
    kind: &'a str,
}

/// A row of a language's `lang/LANG.tsv`.
#[derive(Deserialize)]
struct LangNameRow<'a> {
    name: &'a str,
    code: &'a str,
    /// `name`, `demonym` or `agency`.
    kind: &'a str,
    /// An agency's city.
    city: &'a str,
}

/// A row of `regions.tsv`.
#[derive(Deserialize)]
struct RegionRow<'a> {
    /// `COUNTRY.ADMIN1`.
    code: &'a str,
    geonameid: Option<u32>,
    name: &'a str,
    country: &'a str,
    lon: f64,
    lat: f64,
    population: u64,
    /// Alternate names, `|`-separated.
    alternates: &'a str,
}
const REGION_COLUMNS: [&str; 8] = [
    "code",
    "geonameid",
    "name",
    "country",
    "lon",
    "lat",
    "population",
    "alternates",
];

/// A country's name in `lang` for a map's label: the shortest name of `lang/countries.tsv`
/// ("Deutschland", "Pays-Bas", "Países Bajos"); `None` for English or a code without one.
pub(crate) fn country_name_in(code: &str, lang: Lang) -> Option<&'static str> {
    static NAMES: OnceLock<FxHashMap<(Lang, String), String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names: FxHashMap<(Lang, String), String> = FxHashMap::default();
        let Ok(mut rows) = parse::Rows::new(
            "lang/countries.tsv",
            LANG_COUNTRIES_TSV,
            &LANG_COUNTRY_COLUMNS,
        ) else {
            return names;
        };
        while let Ok(Some((_, row))) = rows.next::<LangCountryRow>() {
            let Ok(lang) = row.lang.parse::<Lang>() else {
                continue;
            };
            if row.kind != "name" {
                continue;
            }
            let best = names
                .entry((lang, row.code.to_string()))
                .or_insert_with(|| row.name.to_string());
            if row.name.chars().count() < best.chars().count() {
                *best = row.name.to_string();
            }
        }
        names
    });
    names.get(&(lang, code.to_string())).map(String::as_str)
}

/// Folds a name for comparing: lower case, curly apostrophes straight, spaces single.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        // (An ASCII letter lowers to one letter: no case-mapping table needed.)
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

/// The plural of a demonym that takes an "s" ("Canadians", "Iraqis", "Filipinos", "Britons",
/// "Danes"); none for one that does not ("British", "French", "Chinese", "Swiss").
fn plural(demonym: &str) -> Option<String> {
    let last = demonym.split([' ', '-']).next_back().unwrap_or(demonym);
    let takes_s = [
        "an", "i", "o", "on", "ne", "de", "rd", "nn", "le", "k", "ot",
    ]
    .iter()
    .any(|end| last.ends_with(end))
        && !last.ends_with("ese")
        && !last.ends_with("man")
        && last.chars().next().is_some_and(char::is_uppercase);
    takes_s.then(|| format!("{demonym}s"))
}

/// True when a name is an acronym or code to match case-sensitively ("US", "U.S.", "FBI",
/// "EU IRU"): no lower-case letter and at most six letters.
fn is_code(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    !name.chars().any(char::is_lowercase) && letters <= 6
}

/// The gazetteer's tables as they are read, step by step ([`Gazetteer::tables`]).
struct Tables {
    /// Places read so far that are not cities (countries, then capitals, agencies).
    places: Vec<Place>,
    countries: Vec<Country>,
    by_code: FxHashMap<String, usize>,
    names: NameBuilder,
    /// Each country's capital (country index, name, point if the table gives one).
    capitals: Vec<(usize, String, Option<Point<f64>>)>,
    /// The cities something refers to by name (agencies' seats and capitals), with points.
    city_by_name: HashMap<(String, String), (PlaceId, Point<f64>)>,
    capital_places: FxHashMap<String, PlaceId>,
    international: rustc_hash::FxHashSet<PlaceId>,
    seats: FxHashMap<PlaceId, PlaceId>,
}

/// A `Gazetteer` error in `file` at `line`.
fn table_error(file: &'static str, line: usize, message: String) -> Error {
    Error::Gazetteer {
        file,
        line,
        message,
    }
}

impl Tables {
    fn new(with_names: bool) -> Tables {
        Tables {
            places: Vec::new(),
            countries: Vec::new(),
            by_code: FxHashMap::default(),
            names: NameBuilder {
                enabled: with_names,
                names: Vec::new(),
                index: HashMap::new(),
            },
            capitals: Vec::new(),
            city_by_name: HashMap::new(),
            capital_places: FxHashMap::default(),
            international: rustc_hash::FxHashSet::default(),
            seats: FxHashMap::default(),
        }
    }

    /// `countries.tsv`: a place, a country and its names and demonyms per row; its capital noted.
    fn read_countries(&mut self, text: &str) -> Result<()> {
        let mut rows = parse::Rows::new("countries.tsv", text, &COUNTRY_COLUMNS)?;
        while let Some((line, row)) = rows.next::<CountryRow>()? {
            let code = row.code.to_string();
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                let message = format!("`{code}` is not an upper-case two-letter code");
                return Err(table_error("countries.tsv", line, message));
            }
            check_lon_lat("countries.tsv", line, row.lon, row.lat)?;
            let place = self.places.len();
            self.places.push(Place {
                kind: PlaceKind::Country,
                name: row.name.to_string(),
                country: code.clone(),
                point: Point::new(row.lon, row.lat),
                population: 0,
                geonameid: row.geonameid,
                admin1: String::new(),
                alternates: 0,
            });
            self.by_code.insert(code.clone(), self.countries.len());
            self.countries.push(Country {
                code,
                name: row.name.to_string(),
                official_name: row.official_name.to_string(),
                independent: row.independent == "1",
                place,
            });
            self.names.add(row.name, place, Form::Name);
            self.names.add(row.official_name, place, Form::Name);
            for name in parse::list(row.names) {
                self.names.add(name, place, Form::Name);
            }
            for demonym in parse::list(row.demonyms) {
                self.names.add(demonym, place, Form::Demonym);
                if let Some(plural) = plural(demonym) {
                    self.names.add(&plural, place, Form::Demonym);
                }
            }
            if !row.capital.is_empty() {
                let point = row.capital_lon.zip(row.capital_lat);
                self.capitals.push((
                    self.countries.len() - 1,
                    row.capital.to_string(),
                    point.map(|(x, y)| Point::new(x, y)),
                ));
            }
        }
        Ok(())
    }

    /// `aliases.tsv`: more names and demonyms of countries.
    fn read_aliases(&mut self, text: &str) -> Result<()> {
        let mut rows = parse::Rows::new("aliases.tsv", text, &ALIAS_COLUMNS)?;
        while let Some((line, row)) = rows.next::<AliasRow>()? {
            let Some(&country) = self.by_code.get(row.code) else {
                let message = format!("unknown country code `{}`", row.code);
                return Err(table_error("aliases.tsv", line, message));
            };
            let form = match row.kind {
                "name" => Form::Name,
                "demonym" => Form::Demonym,
                other => {
                    let message = format!("kind `{other}` is neither `name` nor `demonym`");
                    return Err(table_error("aliases.tsv", line, message));
                }
            };
            let place = self.countries[country].place;
            self.names.add(row.name, place, form);
            if form == Form::Demonym {
                if let Some(plural) = plural(row.name) {
                    self.names.add(&plural, place, form);
                }
            }
        }
        Ok(())
    }

    /// Every city, with its alternate names (from `lazy_cities`, parsed on first use, or from
    /// `text`, now); the cities agencies and capitals name are noted with their points.
    fn read_cities(
        &mut self,
        text: &str,
        lazy_cities: Option<&'static str>,
        agencies: &[Agency],
    ) -> Result<Cities> {
        let Tables {
            places,
            by_code,
            names,
            capitals,
            city_by_name,
            capital_places,
            ..
        } = self;
        let wanted = Wanted::new(
            agencies
                .iter()
                .map(|a| a.row.city.as_str())
                .chain(capitals.iter().map(|(_, name, _)| name.as_str())),
        );
        let first_city = places.len();
        // A city (name, country, `capital`) noted if something refers to it, or a capital.
        let mut note = |place: PlaceId,
                        [name, country, capital]: [&str; 3],
                        point: &dyn Fn() -> Result<Point<f64>>|
         -> Result<()> {
            if wanted.contains(name) {
                let key = (country.to_string(), fold(name));
                if let std::collections::hash_map::Entry::Vacant(e) = city_by_name.entry(key) {
                    e.insert((place, point()?));
                }
            }
            if capital == "1" {
                capital_places.entry(country.to_string()).or_insert(place);
            }
            Ok(())
        };
        if let Some(text) = lazy_cities {
            return Cities::scan(text, |index, city| {
                let key = city.key()?;
                let point = || Ok(cities::place(&city.row()?, city.line)?.point);
                note(
                    first_city + index,
                    [key.name, key.country, key.capital],
                    &point,
                )
            });
        }
        let mut all = Vec::new();
        let mut rows = parse::Rows::new("cities.tsv", text, &CITY_COLUMNS)?;
        while let Some((line, row)) = rows.next::<cities::CityRow>()? {
            let city = cities::place(&row, line)?;
            if !by_code.contains_key(row.country) {
                let message = format!("unknown country code `{}`", row.country);
                return Err(table_error("cities.tsv", line, message));
            }
            let place = first_city + all.len();
            note(place, [row.name, row.country, row.capital], &|| {
                Ok(city.point)
            })?;
            names.add(row.name, place, Form::City);
            for alternate in parse::list(row.alternates) {
                names.add(alternate, place, Form::City);
            }
            all.push(city);
        }
        Ok(Cities::parsed(all))
    }

    /// A capital the city table lacks still gets a place of its own (ids from `first`).
    fn add_missing_capitals(&mut self, first: PlaceId) {
        for (country, capital, point) in std::mem::take(&mut self.capitals) {
            let code = self.countries[country].code.clone();
            let key = (code.clone(), fold(&capital));
            if self.city_by_name.contains_key(&key) {
                continue;
            }
            let Some(point) = point else {
                continue;
            };
            let place = first + self.places.len();
            self.capital_places.entry(code.clone()).or_insert(place);
            self.places.push(Place {
                kind: PlaceKind::City,
                name: capital.clone(),
                country: code,
                point,
                population: 0,
                geonameid: None,
                admin1: String::new(),
                alternates: 0,
            });
            self.city_by_name.insert(key, (place, point));
            self.names.add(&capital, place, Form::City);
        }
    }

    /// `agencies.tsv`: an agency at its seat (a city of the table, or its country), with its
    /// scope (ids from `first`).
    fn read_agencies(
        &mut self,
        agencies: &[Agency],
        country_places: &[Place],
        first: PlaceId,
    ) -> Result<()> {
        for Agency {
            file,
            line,
            row,
            lang,
        } in agencies
        {
            let fail = |message: String| table_error(file, *line, message);
            let Some(&country) = self.by_code.get(&row.code) else {
                return Err(fail(format!("unknown country code `{}`", row.code)));
            };
            let (seat, point) = if row.city.is_empty() {
                let seat = self.countries[country].place;
                (seat, country_places[seat].point)
            } else {
                let key = (row.code.clone(), fold(&row.city));
                match self.city_by_name.get(&key) {
                    Some(&seat) => seat,
                    None => {
                        return Err(fail(format!(
                            "city `{}` is not in cities.tsv for country {}",
                            row.city, row.code
                        )))
                    }
                }
            };
            let place = first + self.places.len();
            self.seats.insert(place, seat);
            match row.scope.as_str() {
                "" => {}
                "international" => {
                    self.international.insert(place);
                }
                other => {
                    return Err(fail(format!(
                        "scope `{other}` is neither empty nor `international`"
                    )))
                }
            }
            self.places.push(Place {
                kind: PlaceKind::Agency,
                name: row.name.clone(),
                country: row.code.clone(),
                point,
                population: 0,
                geonameid: None,
                admin1: String::new(),
                alternates: 0,
            });
            self.names.add_in(&row.name, place, Form::Agency, *lang);
        }
        Ok(())
    }

    /// `lang/countries.tsv`: country names and demonyms of each language (generated).
    fn read_lang_countries(&mut self, text: &str) -> Result<()> {
        const FILE: &str = "lang/countries.tsv";
        let mut rows = parse::Rows::new(FILE, text, &LANG_COUNTRY_COLUMNS)?;
        while let Some((line, row)) = rows.next::<LangCountryRow>()? {
            let fail = |message: String| table_error(FILE, line, message);
            let lang: Lang = row.lang.parse().map_err(fail)?;
            let place = self.country_place(row.code).ok_or_else(|| {
                table_error(FILE, line, format!("unknown country code `{}`", row.code))
            })?;
            match row.kind {
                "name" => self.names.add_country_name(row.name, place, lang),
                "demonym" => self
                    .names
                    .add_in(row.name, place, Form::Demonym, Some(lang)),
                other => {
                    return Err(fail(format!(
                        "kind `{other}` is neither `name` nor `demonym`"
                    )))
                }
            }
        }
        Ok(())
    }

    /// `lang/LANG.tsv`: a language's hand-written names and demonyms (added now) and agencies
    /// (returned, to be read with `agencies.tsv`).
    fn read_lang_names(
        &mut self,
        (lang, file): (Lang, &'static str),
        text: &str,
    ) -> Result<Vec<Agency>> {
        let mut agencies = Vec::new();
        let mut rows = parse::Rows::new(file, text, &LANG_NAME_COLUMNS)?;
        while let Some((line, row)) = rows.next::<LangNameRow>()? {
            let place = self.country_place(row.code).ok_or_else(|| {
                table_error(file, line, format!("unknown country code `{}`", row.code))
            })?;
            match row.kind {
                "name" => self.names.add_country_name(row.name, place, lang),
                "demonym" => self
                    .names
                    .add_in(row.name, place, Form::Demonym, Some(lang)),
                "agency" => agencies.push(Agency {
                    file,
                    line,
                    row: AgencyRow {
                        name: row.name.to_string(),
                        code: row.code.to_string(),
                        city: row.city.to_string(),
                        scope: String::new(),
                    },
                    lang: Some(lang),
                }),
                other => {
                    let message = format!("kind `{other}` is not `name`, `demonym` or `agency`");
                    return Err(table_error(file, line, message));
                }
            }
        }
        Ok(agencies)
    }

    /// The place of the country with ISO code `code`.
    fn country_place(&self, code: &str) -> Option<PlaceId> {
        self.by_code.get(code).map(|&i| self.countries[i].place)
    }

    /// The regions (ids from `first`). Loaded from the embedded table, they are parsed on
    /// first use (their names are in the committed index); from other tables, now, every row
    /// checked.
    fn read_regions(
        &mut self,
        text: &str,
        lazy_cities: Option<&'static str>,
        first: PlaceId,
    ) -> Result<RegionTable> {
        if lazy_cities.is_some() {
            return Ok(RegionTable::lazy(REGIONS_TSV));
        }
        let parsed = parse_regions(text, &self.by_code, true)?;
        for (i, (_, region_names)) in parsed.iter().enumerate() {
            // Region names follow the city rules (a capital that says something, a place
            // context): "Victoria" and "Georgia" are also people.
            for name in region_names {
                self.names.add(name, first + i, Form::City);
            }
        }
        Ok(RegionTable::parsed(
            parsed.into_iter().map(|(place, _)| place).collect(),
        ))
    }
}

struct NameBuilder {
    /// False when loading: the names come from the committed index, not the tables.
    enabled: bool,
    names: Vec<Name>,
    index: HashMap<(String, Form, bool, Option<Lang>), usize>,
}

impl NameBuilder {
    /// A name of every language.
    fn add(&mut self, text: &str, place: PlaceId, form: Form) {
        self.add_in(text, place, form, None);
    }

    /// A name of `lang`'s articles only (every language's with `None`).
    fn add_in(&mut self, text: &str, place: PlaceId, form: Form, lang: Option<Lang>) {
        let text = text.trim();
        if !self.enabled || text.is_empty() {
            return;
        }
        let case_sensitive = is_code(text);
        let form = if case_sensitive && form == Form::Name {
            Form::Code
        } else {
            form
        };
        // Curly and straight apostrophes are folded in the text before matching.
        let text = text.replace(['\u{2019}', '\u{2018}'], "'");
        let key = (text.clone(), form, case_sensitive, lang);
        match self.index.get(&key) {
            Some(&i) => {
                if !self.names[i].places.contains(&place) {
                    self.names[i].places.push(place);
                }
            }
            None => {
                self.index.insert(key, self.names.len());
                self.names.push(Name {
                    text,
                    places: vec![place],
                    form,
                    case_sensitive,
                    lang,
                });
            }
        }
    }

    /// A country name of `lang` and, in German, its genitive: "Deutschlands", "Frankreichs"
    /// (a one-word name not ending in s, ß, x or z takes -s).
    fn add_country_name(&mut self, text: &str, place: PlaceId, lang: Lang) {
        self.add_in(text, place, Form::Name, Some(lang));
        let one_word = !text.trim().contains([' ', '-']);
        if lang == Lang::De && one_word && !text.ends_with(['s', 'ß', 'x', 'z']) {
            self.add_in(&format!("{}s", text.trim()), place, Form::Name, Some(lang));
        }
    }
}

impl Gazetteer {
    /// Loads the gazetteer embedded in the binary: the places from the tables, the names from
    /// the committed index (`names.fst`, `names.bin`), which is loaded, not built. The cities
    /// are read when first asked for (see the `cities` module).
    pub fn load() -> Result<Gazetteer> {
        let (mut gazetteer, _) = Gazetteer::tables(Sources::embedded(), false, Some(CITIES_TSV))?;
        gazetteer.names = NameIndex::from_bytes(NAMES_FST, NAMES_BIN)?;
        Ok(gazetteer)
    }

    /// Builds a gazetteer from the texts of its tables, the name index included.
    #[cfg(test)]
    pub(crate) fn from_sources(sources: Sources<'_>) -> Result<Gazetteer> {
        let (mut gazetteer, names) = Gazetteer::tables(sources, true, None)?;
        gazetteer.names = NameIndex::build(&names, &common_words(sources.common_words));
        Ok(gazetteer)
    }

    /// Builds the name index from the tables: what `gazetteer/names.fst` and `names.bin` hold
    /// (`cargo run --release --example gazetteer-index` writes them).
    pub fn build_index(sources: Sources<'_>) -> Result<NameIndex> {
        let (_, names) = Gazetteer::tables(sources, true, None)?;
        Ok(NameIndex::build(
            &names,
            &common_words(sources.common_words),
        ))
    }

    /// Reads the tables: the places, and (when `with_names`) every name. With `lazy_cities`,
    /// the cities are that table's, parsed on first use (and `sources.cities` is not read).
    /// Place ids follow the order of the steps: countries, cities, capitals the city table
    /// lacks, agencies, regions (adding a later kind moves no earlier id).
    fn tables(
        sources: Sources<'_>,
        with_names: bool,
        lazy_cities: Option<&'static str>,
    ) -> Result<(Gazetteer, Vec<Name>)> {
        let mut t = Tables::new(with_names);
        // Countries first, so that a name shared by a country and a city lists the country first.
        t.read_countries(sources.countries)?;
        t.read_aliases(sources.aliases)?;
        t.read_lang_countries(sources.lang_countries)?;
        let mut agencies = Vec::new();
        let mut rows = parse::Rows::new("agencies.tsv", sources.agencies, &AGENCY_COLUMNS)?;
        while let Some((line, row)) = rows.next::<AgencyRow>()? {
            agencies.push(Agency {
                file: "agencies.tsv",
                line,
                row,
                lang: None,
            });
        }
        for (file, text) in LANG_FILES.into_iter().zip(sources.lang_names) {
            agencies.extend(t.read_lang_names(file, text)?);
        }
        let cities = t.read_cities(sources.cities, lazy_cities, &agencies)?;
        let country_places = std::mem::take(&mut t.places);
        // Places after the cities.
        let after_cities = country_places.len() + cities.len();
        t.add_missing_capitals(after_cities);
        t.read_agencies(&agencies, &country_places, after_cities)?;
        // Regions after the agencies, so that adding them moved no other place's id.
        let first_region = after_cities + t.places.len();
        let regions = t.read_regions(sources.regions, lazy_cities, first_region)?;
        let gazetteer = Gazetteer {
            continents: parse_continents(sources.continents)?,
            country_places,
            cities,
            other_places: t.places,
            regions,
            countries: t.countries,
            names: NameIndex::build(&[], &HashSet::new()),
            by_code: t.by_code,
            capitals: t.capital_places,
            international: t.international,
            seats: t.seats,
            outlines_regional: OnceLock::new(),
            outlines_world: OnceLock::new(),
        };
        Ok((gazetteer, t.names.names))
    }

    /// True for an international body that exists to coordinate national forces (Europol,
    /// Eurojust, INTERPOL, …: `scope` `international` in `agencies.tsv`).
    pub(crate) fn is_international(&self, place: PlaceId) -> bool {
        self.international.contains(&place)
    }

    /// Where a place's marker stands: an agency's seat (the city it sits in, or its country),
    /// any other place itself. Places with one site share a marker and a flow hub.
    pub fn site(&self, place: PlaceId) -> PlaceId {
        self.seats.get(&place).copied().unwrap_or(place)
    }

    /// The place of this name, kind and country, when the gazetteer holds one (an events file
    /// read back names its places so).
    pub(crate) fn find(&self, name: &str, kind: PlaceKind, country: &str) -> Option<PlaceId> {
        self.lookup(name).into_iter().find(|&id| {
            let p = self.place(id);
            p.name == name && p.kind == kind && p.country == country
        })
    }

    /// The country with this ISO 3166-1 alpha-2 code (upper case).
    pub(crate) fn country(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }

    /// The capital city of a country (ISO 3166-1 alpha-2), when cities.tsv marks one.
    pub(crate) fn capital_of(&self, code: &str) -> Option<PlaceId> {
        self.capitals.get(code).copied()
    }

    /// The place with this id. Panics when there is none.
    pub fn place(&self, id: PlaceId) -> &Place {
        let n = self.country_places.len();
        if id < n {
            &self.country_places[id]
        } else if id - n < self.cities.len() {
            self.cities.get(id - n)
        } else {
            let i = id - n - self.cities.len();
            match self.other_places.get(i) {
                Some(place) => place,
                None => self.regions.get(i - self.other_places.len()),
            }
        }
    }

    /// How many places there are (ids run from 0 to this).
    pub(crate) fn len(&self) -> usize {
        self.country_places.len() + self.cities.len() + self.other_places.len() + self.regions.len
    }

    /// True when there is no place at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Looks a name up as a whole (case-insensitive, folded, with or without a leading
    /// "the"), best place first: countries, then agencies, then cities by population.
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let folded = fold(name);
        let bare = folded.strip_prefix("the ").unwrap_or(&folded).to_string();
        let mut found: Vec<PlaceId> = Vec::new();
        for key in [bare.clone(), format!("the {bare}")] {
            if let Some(group) = self.names.get(&key) {
                for n in self.names.group(group) {
                    for p in n.places() {
                        if !found.contains(&p) {
                            found.push(p);
                        }
                    }
                }
            }
        }
        if let Some(country) = self.country(&name.trim().to_ascii_uppercase()) {
            if name.trim().len() == 2 && !found.contains(&country.place) {
                found.insert(0, country.place);
            }
        }
        found.sort_by_key(|&p| {
            let place = self.place(p);
            let rank = match place.kind {
                PlaceKind::Country => 0,
                PlaceKind::Agency => 1,
                PlaceKind::Region => 2,
                PlaceKind::City => 3,
            };
            (rank, std::cmp::Reverse(place.population))
        });
        found
    }

    /// The country outlines at a level of detail, decoded on first use from the compact
    /// binary copy of the GeoJSON (`gazetteer/countries-*.bin`, see [`decode_outlines`]):
    /// a few milliseconds, where parsing the GeoJSON took tens.
    pub fn outlines(&self, detail: Detail) -> Result<&[Outline]> {
        let (cell, bytes, file) = match detail {
            Detail::Regional => (
                &self.outlines_regional,
                OUTLINES_50M_BIN,
                "countries-50m.bin",
            ),
            Detail::World => (
                &self.outlines_world,
                OUTLINES_110M_BIN,
                "countries-110m.bin",
            ),
        };
        cell.get_or_init(|| decode_outlines(bytes))
            .as_deref()
            .map_err(|message| Error::Gazetteer {
                file,
                line: 0,
                message: message.clone(),
            })
    }

    /// The outline of one country at a level of detail, if it has one of its own.
    pub(crate) fn outline(&self, detail: Detail, code: &str) -> Result<Option<&Outline>> {
        Ok(self.outlines(detail)?.iter().find(|o| o.code == code))
    }
}

/// The regions of `regions.tsv`: parsed, or the embedded table parsed on first use.
struct RegionTable {
    text: &'static str,
    len: usize,
    places: OnceLock<Vec<Place>>,
}

impl RegionTable {
    fn parsed(places: Vec<Place>) -> RegionTable {
        RegionTable {
            text: "",
            len: places.len(),
            places: OnceLock::from(places),
        }
    }

    /// The embedded table, only counted now (a row is a line that is neither a comment nor
    /// blank, after the header).
    fn lazy(text: &'static str) -> RegionTable {
        let rows = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        RegionTable {
            text,
            len: rows.saturating_sub(1),
            places: OnceLock::new(),
        }
    }

    fn get(&self, i: usize) -> &Place {
        let places = self.places.get_or_init(|| {
            let mut by_code = FxHashMap::default();
            /// The column of `countries.tsv` the regions need.
            #[derive(Deserialize)]
            struct Code<'a> {
                code: &'a str,
            }
            let rows = parse::Rows::new("countries.tsv", COUNTRIES_TSV, &COUNTRY_COLUMNS);
            if let Ok(mut rows) = rows {
                while let Ok(Some((_, row))) = rows.next::<Code>() {
                    by_code.insert(row.code.to_string(), 0);
                }
            }
            parse_regions(self.text, &by_code, false)
                .unwrap_or_else(|e| {
                    panic!("the embedded regions.tsv is checked by the tests, yet: {e}")
                })
                .into_iter()
                .map(|(place, _)| place)
                .collect()
        });
        &places[i]
    }
}

/// The places of `regions.tsv` and (`with_names`) each one's names (its name, then its
/// alternate names); every country code must be in `by_code`.
fn parse_regions(
    text: &str,
    by_code: &FxHashMap<String, usize>,
    with_names: bool,
) -> Result<Vec<(Place, Vec<String>)>> {
    let mut out = Vec::new();
    let mut rows = parse::Rows::new("regions.tsv", text, &REGION_COLUMNS)?;
    while let Some((line, row)) = rows.next::<RegionRow>()? {
        if !by_code.contains_key(row.country) {
            return Err(Error::Gazetteer {
                file: "regions.tsv",
                line,
                message: format!("unknown country code `{}`", row.country),
            });
        }
        check_lon_lat("regions.tsv", line, row.lon, row.lat)?;
        let place = Place {
            kind: PlaceKind::Region,
            name: row.name.to_string(),
            country: row.country.to_string(),
            point: Point::new(row.lon, row.lat),
            population: row.population,
            geonameid: row.geonameid,
            admin1: row.code.split_once('.').map_or("", |(_, a)| a).to_string(),
            alternates: 0,
        };
        let names = match with_names {
            true => std::iter::once(row.name)
                .chain(parse::list(row.alternates))
                .map(str::to_string)
                .collect(),
            false => Vec::new(),
        };
        out.push((place, names));
    }
    Ok(out)
}

/// A few names to look for among many (the cities that agencies sit in, and capitals): a bit
/// per pair of first and last byte tells quickly that most names are not among them.
struct Wanted {
    names: HashSet<String>,
    pairs: Vec<u64>,
}

impl Wanted {
    fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Wanted {
        let mut wanted = Wanted {
            names: HashSet::new(),
            pairs: vec![0; 1024],
        };
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            let pair = Wanted::pair(name);
            wanted.pairs[pair / 64] |= 1 << (pair % 64);
            wanted.names.insert(name.to_string());
        }
        wanted
    }

    fn pair(name: &str) -> usize {
        let b = name.as_bytes();
        usize::from(b.first().copied().unwrap_or(0)) << 8
            | usize::from(b.last().copied().unwrap_or(0))
    }

    fn contains(&self, name: &str) -> bool {
        let pair = Wanted::pair(name);
        self.pairs[pair / 64] >> (pair % 64) & 1 == 1 && self.names.contains(name)
    }
}

/// The words of `common-words.txt` (one a line, `#` comments).
fn common_words(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn check_lon_lat(file: &'static str, line: usize, lon: f64, lat: f64) -> Result<()> {
    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) {
        Ok(())
    } else {
        Err(Error::Gazetteer {
            file,
            line,
            message: format!("coordinates ({lon}, {lat}) out of range"),
        })
    }
}

/// `gazetteer/countries-50m.bin`: [`OUTLINES_50M`] in the binary form [`decode_outlines`] reads.
pub const OUTLINES_50M_BIN: &[u8] = include_bytes!("../../gazetteer/countries-50m.bin");
/// `gazetteer/countries-110m.bin`: [`OUTLINES_110M`] in binary form.
pub const OUTLINES_110M_BIN: &[u8] = include_bytes!("../../gazetteer/countries-110m.bin");

/// Decodes outlines written by `gazetteer/outlines_bin.py` (its docstring gives the format:
/// varints, coordinates as zigzag deltas in 1e-4 degree). The same outlines as
/// [`parse_outlines`] gives for the GeoJSON they were made from.
pub fn decode_outlines(bytes: &[u8]) -> Result<Vec<Outline>, String> {
    struct Reader<'a> {
        bytes: &'a [u8],
        at: usize,
    }
    impl Reader<'_> {
        fn varint(&mut self) -> Result<u64, String> {
            let mut value = 0u64;
            for shift in (0..64).step_by(7) {
                let b = *self
                    .bytes
                    .get(self.at)
                    .ok_or_else(|| format!("truncated at byte {}", self.at))?;
                self.at += 1;
                value |= u64::from(b & 0x7f) << shift;
                if b & 0x80 == 0 {
                    return Ok(value);
                }
            }
            Err(format!("bad varint at byte {}", self.at))
        }
        fn count(&mut self) -> Result<usize, String> {
            let n = self.varint()?;
            // Every item takes a byte at least: a larger count is corrupt.
            if n > (self.bytes.len() - self.at) as u64 {
                return Err(format!("count {n} too large at byte {}", self.at));
            }
            Ok(n as usize)
        }
        fn zigzag(&mut self) -> Result<i64, String> {
            let v = self.varint()?;
            Ok((v >> 1) as i64 ^ -((v & 1) as i64))
        }
        fn text(&mut self) -> Result<String, String> {
            let n = self.count()?;
            let s = std::str::from_utf8(&self.bytes[self.at..self.at + n])
                .map_err(|e| format!("bad UTF-8 at byte {}: {e}", self.at))?;
            self.at += n;
            Ok(s.to_string())
        }
    }
    let magic = b"OPMAPOL1";
    if !bytes.starts_with(magic) {
        return Err("not an opmap outlines file (bad magic)".to_string());
    }
    let mut r = Reader {
        bytes,
        at: magic.len(),
    };
    let n = r.count()?;
    let mut outlines = Vec::with_capacity(n);
    for _ in 0..n {
        let code = r.text()?;
        let name = r.text()?;
        let polygons = r.count()?;
        let mut shape = Vec::with_capacity(polygons);
        for _ in 0..polygons {
            let rings = r.count()?;
            let mut all = Vec::with_capacity(rings);
            for _ in 0..rings {
                let points = r.count()?;
                let (mut x, mut y) = (0i64, 0i64);
                let mut ring = Vec::with_capacity(points);
                for _ in 0..points {
                    x += r.zigzag()?;
                    y += r.zigzag()?;
                    ring.push(geo::Coord {
                        x: x as f64 / 1e4,
                        y: y as f64 / 1e4,
                    });
                }
                all.push(geo::LineString(ring));
            }
            let mut all = all.into_iter();
            let exterior = all
                .next()
                .ok_or_else(|| format!("{name}: a polygon without rings"))?;
            shape.push(Polygon::new(exterior, all.collect()));
        }
        outlines.push(Outline {
            code,
            name,
            shape: MultiPolygon(shape),
        });
    }
    if r.at != bytes.len() {
        return Err(format!("{} bytes left over", bytes.len() - r.at));
    }
    Ok(outlines)
}

/// Parses an outlines FeatureCollection (properties `code`, `name`; Polygon or MultiPolygon).
pub fn parse_outlines(text: &str) -> Result<Vec<Outline>, String> {
    let collection: geojson::FeatureCollection = text.parse().map_err(|e| format!("{e}"))?;
    let mut outlines = Vec::with_capacity(collection.features.len());
    for (i, feature) in collection.features.into_iter().enumerate() {
        let prop = |key: &str| {
            feature
                .property(key)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let code = prop("code");
        let name = prop("name");
        let Some(geometry) = feature.geometry else {
            continue;
        };
        let shape: MultiPolygon<f64> = match geo::Geometry::<f64>::try_from(geometry.value) {
            Ok(geo::Geometry::Polygon(p)) => MultiPolygon(vec![p]),
            Ok(geo::Geometry::MultiPolygon(m)) => m,
            Ok(_) => return Err(format!("feature {i} ({name}) is not a polygon")),
            Err(e) => return Err(format!("feature {i} ({name}): {e}")),
        };
        outlines.push(Outline { code, name, shape });
    }
    Ok(outlines)
}

/// A small gazetteer for unit tests, built from strings.
#[cfg(test)]
pub mod tests_support {
    use super::*;

    /// No names in other languages (the small tables have too few countries for them).
    const NO_LANG_COUNTRIES: &str = "lang\tcode\tname\tkind\n";
    const NO_LANG_NAMES: &str = "name\tcode\tkind\tcity\n";
    const COUNTRIES: &str = "code\tname\tofficial_name\tindependent\tlon\tlat\tcapital\tcapital_lon\tcapital_lat\tnames\tdemonyms\tgeonameid
AU\tAustralia\tCommonwealth of Australia\t1\t134.0\t-25.0\tCanberra\t149.13\t-35.28\t\tAustralian\t
BG\tBulgaria\tRepublic of Bulgaria\t1\t25.2\t42.7\tSofia\t23.32\t42.69\t\tBulgarian\t
CA\tCanada\tCanada\t1\t-101.0\t57.0\tOttawa\t-75.7\t45.4\t\tCanadian\t
CN\tChina\tPeople's Republic of China\t1\t106.3\t32.9\tBeijing\t116.4\t39.9\t\tChinese\t
DE\tGermany\tFederal Republic of Germany\t1\t9.7\t50.6\tBerlin\t13.4\t52.5\t\tGerman\t
ES\tSpain\tKingdom of Spain\t1\t-3.5\t40.2\tMadrid\t-3.7\t40.4\t\tSpanish\t
FR\tFrance\tFrench Republic\t1\t2.5\t46.5\tParis\t2.35\t48.85\t\tFrench\t
GB\tUnited Kingdom\tUnited Kingdom of Great Britain and Northern Ireland\t1\t-2.1\t54.4\tLondon\t-0.13\t51.51\tBritain|Great Britain\tBritish\t
JO\tJordan\tHashemite Kingdom of Jordan\t1\t36.4\t30.8\tAmman\t35.9\t31.9\t\tJordanian\t
NE\tNiger\tRepublic of Niger\t1\t9.5\t17.4\tNiamey\t2.1\t13.5\t\tNigerien\t
NG\tNigeria\tFederal Republic of Nigeria\t1\t7.5\t9.3\tAbuja\t7.5\t9.1\t\tNigerian\t
NL\tNetherlands\tKingdom of the Netherlands\t1\t5.6\t52.4\tAmsterdam\t4.9\t52.4\tHolland|The Netherlands\tDutch\t
OM\tOman\tSultanate of Oman\t1\t57.4\t22.1\tMuscat\t58.4\t23.6\t\tOmani\t
RO\tRomania\tRomania\t1\t24.9\t45.8\tBucharest\t26.1\t44.4\t\tRomanian\t
TR\tTürkiye\tRepublic of Türkiye\t1\t34.5\t39.1\tAnkara\t32.9\t39.9\tTurkey\tTurkish\t
UA\tUkraine\tUkraine\t1\t31.0\t49.0\tKyiv\t30.5\t50.5\tUkrainia\tUkrainian\t
US\tUnited States\tUnited States of America\t1\t-98.0\t39.0\tWashington\t-77.0\t38.9\tAmerica|United States of America\tAmerican\t
";
    const CITIES: &str =
        "geonameid\tname\tcountry\tlon\tlat\tpopulation\tcapital\tadmin1\talternates
2988507\tParis\tFR\t2.3488\t48.85341\t2138551\t1\t\t
2643743\tLondon\tGB\t-0.12574\t51.50853\t8961989\t1\t\t
2747373\tThe Hague\tNL\t4.29861\t52.07667\t474292\t0\t\tDen Haag
2996944\tLyon\tFR\t4.84671\t45.74846\t522969\t0\t\t
4140963\tWashington\tUS\t-77.03637\t38.89511\t689545\t1\t\t
2809346\tWiesbaden\tDE\t8.24932\t50.08258\t278474\t0\t\t
";
    const ALIASES: &str = "name\tcode\tkind
U.S.\tUS\tname
UK\tGB\tname
US\tUS\tname
USA\tUS\tname
";
    const AGENCIES: &str = "name\tcode\tcity\tscope
BKA\tDE\tWiesbaden\t
Bundeskriminalamt\tDE\tWiesbaden\t
ECTC\tNL\tThe Hague\tinternational
European Counter Terrorism Centre\tNL\tThe Hague\tinternational
Europol\tNL\tThe Hague\tinternational
FBI\tUS\tWashington\t
GCHQ\tGB\t\t
Interpol\tFR\tLyon\tinternational
";

    const REGIONS: &str = "code\tgeonameid\tname\tcountry\tlon\tlat\tpopulation\talternates
AU.07\t\tVictoria\tAU\t144.885478\t-37.265755\t12211817\t
DE.02\t\tBavaria\tDE\t11.3802\t48.964227\t12581615\t
US.GA\t4197000\tGeorgia\tUS\t-83.287305\t32.870916\t4835606\t
US.TX\t4736286\tTexas\tUS\t-98.398814\t30.103123\t22266440\t
US.WA\t5815135\tWashington\tUS\t-120.33999\t47.124454\t6544495\t
";

    /// A gazetteer of a few countries, cities, agencies and regions.
    pub(crate) fn small() -> Gazetteer {
        Gazetteer::from_sources(Sources {
            common_words: "nice\nreading\nsplit\n",
            countries: COUNTRIES,
            cities: CITIES,
            aliases: ALIASES,
            agencies: AGENCIES,
            regions: REGIONS,
            continents: CONTINENTS_TSV,
            lang_countries: NO_LANG_COUNTRIES,
            lang_names: [NO_LANG_NAMES; 4],
        })
        .expect("the test gazetteer parses")
    }

    #[test]
    fn small_gazetteer_loads_and_looks_up() {
        let g = small();
        let nl = g.lookup("the Netherlands");
        assert_eq!(g.place(nl[0]).country, "NL");
        let europol = g.lookup("Europol");
        assert_eq!(g.place(europol[0]).kind, PlaceKind::Agency);
        assert_eq!(g.place(europol[0]).point.x(), 4.29861);
        assert_eq!(g.place(g.lookup("GCHQ")[0]).point.x(), -2.1);
        assert_eq!(g.country("FR").unwrap().name, "France");
    }

    #[test]
    fn committed_index_is_fresh() {
        let built = Gazetteer::build_index(Sources::embedded()).unwrap();
        assert!(
            built.fst_bytes() == NAMES_FST && built.group_bytes() == NAMES_BIN,
            "gazetteer/names.fst or names.bin is stale against the tables: \
             run `cargo run --release --example gazetteer-index` (gazetteer/generate.sh does)"
        );
        let loaded = Gazetteer::load().unwrap();
        assert_eq!(loaded.names.len(), built.len());
    }

    #[test]
    fn lazily_read_cities_are_the_checked_ones() {
        let lazy = Gazetteer::load().unwrap();
        let (eager, _) = Gazetteer::tables(Sources::embedded(), false, None).unwrap();
        assert_eq!(lazy.len(), eager.len());
        assert!(lazy.cities.len() > 30_000);
        // Backwards, so that blocks are first read from their last row.
        for id in (0..lazy.len()).rev() {
            assert_eq!(lazy.place(id), eager.place(id), "place {id}");
        }
        assert_eq!(lazy.capitals, eager.capitals);
        assert_eq!(lazy.by_code, eager.by_code);
    }

    #[test]
    fn malformed_rows_are_errors_naming_file_line_and_column() {
        let sources = |countries, cities| Sources {
            common_words: "",
            countries,
            cities,
            aliases: ALIASES,
            agencies: AGENCIES,
            regions: REGIONS,
            continents: CONTINENTS_TSV,
            lang_countries: NO_LANG_COUNTRIES,
            lang_names: [NO_LANG_NAMES; 4],
        };
        let cities = CITIES.replace("\t4.84671\t", "\tfour\t");
        let err = Gazetteer::from_sources(sources(COUNTRIES, &cities)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/cities.tsv:5: column `lon`: `four` is not a number"
        );
        let countries = COUNTRIES.replace("\tCanadian\t\n", "\tCanadian\n");
        let err = Gazetteer::from_sources(sources(&countries, CITIES)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/countries.tsv:4: expected 12 columns, found 11"
        );
        // The embedded table's fast path names them too.
        let line = "2996944\tLyon\tFR\tfour\t45.7\t522969\t0\t\t";
        let fields: Vec<&str> = line.split('\t').collect();
        let err = parse::from_fields::<cities::CityRow>(("cities.tsv", 9), &CITY_COLUMNS, &fields)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/cities.tsv:9: column `lon`: `four` is not a number"
        );
    }

    #[test]
    fn unknown_agency_city_is_an_error_naming_the_line() {
        let err = Gazetteer::from_sources(Sources {
            common_words: "",
            countries: COUNTRIES,
            cities: CITIES,
            aliases: ALIASES,
            agencies: "name\tcode\tcity\tscope\nRCMP\tCA\tOttawa Centre\t\n",
            regions: REGIONS,
            continents: CONTINENTS_TSV,
            lang_countries: NO_LANG_COUNTRIES,
            lang_names: [NO_LANG_NAMES; 4],
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/agencies.tsv:2: city `Ottawa Centre` is not in cities.tsv for country CA"
        );
    }
}

#[cfg(test)]
mod fold_tests {
    use super::fold;

    #[test]
    fn folding_lowers_straightens_and_collapses_spaces_in_ascii_and_beyond() {
        assert_eq!(fold("  The \t Hague\n"), "the hague");
        assert_eq!(fold("NEW  YORK"), "new york");
        assert_eq!(fold("Côte d’Ivoire "), "côte d'ivoire");
        assert_eq!(fold("İSTANBUL"), "i̇stanbul");
        assert_eq!(fold(""), "");
    }
}

//! The gazetteer: every country, the cities and agencies opmap knows, their names, and the
//! country outlines, all from the files in `gazetteer/` (embedded in the binary).
//!
//! In: the data files (see `gazetteer/SOURCES.md`). Out: [`Gazetteer`], with one name matcher
//! over every name (`aho-corasick`, leftmost-longest per position), places by id, and outlines.

pub mod parse;

use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use geo::{MultiPolygon, Point, Polygon};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// `gazetteer/countries.tsv`: one row per ISO 3166-1 code (+ XK).
pub const COUNTRIES_TSV: &str = include_str!("../../gazetteer/countries.tsv");
/// `gazetteer/cities.tsv`: GeoNames cities of 15,000 people or more.
pub const CITIES_TSV: &str = include_str!("../../gazetteer/cities.tsv");
/// `gazetteer/aliases.tsv`: hand-written extra names and demonyms.
pub const ALIASES_TSV: &str = include_str!("../../gazetteer/aliases.tsv");
/// `gazetteer/agencies.tsv`: hand-written agencies that stand for a country or a city.
pub const AGENCIES_TSV: &str = include_str!("../../gazetteer/agencies.tsv");
/// `gazetteer/countries-50m.geojson`: outlines for regional maps.
pub const OUTLINES_50M: &str = include_str!("../../gazetteer/countries-50m.geojson");
/// `gazetteer/countries-110m.geojson`: outlines for world maps.
pub const OUTLINES_110M: &str = include_str!("../../gazetteer/countries-110m.geojson");

/// Cities smaller than this are matched only when they are a capital or an agency's seat.
/// Default: 500,000 people.
pub const CITY_MIN_POPULATION: u64 = 500_000;

/// Index of a place in [`Gazetteer::places`].
pub type PlaceId = usize;

/// What kind of place a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country or territory with an ISO 3166-1 code.
    Country,
    /// A city (its own point, its country's code).
    City,
    /// An agency or body that stands for a country or its seat.
    Agency,
}

impl PlaceKind {
    /// `"country"`, `"city"` or `"agency"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::City => "city",
            PlaceKind::Agency => "agency",
        }
    }
}

/// A place events can happen at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Country, city or agency.
    pub kind: PlaceKind,
    /// The place's name ("France", "Paris", "Europol").
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country, upper case (XK for Kosovo).
    pub country: String,
    /// Where a marker goes: longitude, latitude in degrees (WGS 84).
    #[serde(skip)]
    pub point: Point<f64>,
    /// People living there (cities; 0 for countries and agencies).
    pub population: u64,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
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
    /// Every place: countries first (in code order), then agencies, then cities.
    pub places: Vec<Place>,
    /// Countries by code order.
    pub countries: Vec<Country>,
    /// Every name in the matcher, by pattern id.
    pub names: Vec<Name>,
    by_code: HashMap<String, usize>,
    matcher: AhoCorasick,
    outlines_regional: OnceLock<Result<Vec<Outline>, String>>,
    outlines_world: OnceLock<Result<Vec<Outline>, String>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.names.len())
            .finish()
    }
}

/// The texts of the four tables, so tests can build a small gazetteer from strings.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// countries.tsv
    pub countries: &'a str,
    /// cities.tsv
    pub cities: &'a str,
    /// aliases.tsv
    pub aliases: &'a str,
    /// agencies.tsv
    pub agencies: &'a str,
}

impl Sources<'static> {
    /// The tables embedded in the binary.
    pub fn embedded() -> Sources<'static> {
        Sources {
            countries: COUNTRIES_TSV,
            cities: CITIES_TSV,
            aliases: ALIASES_TSV,
            agencies: AGENCIES_TSV,
        }
    }
}

const COUNTRY_COLUMNS: [&str; 11] = [
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
];
const CITY_COLUMNS: [&str; 8] = [
    "geonameid",
    "name",
    "country",
    "lon",
    "lat",
    "population",
    "capital",
    "alternates",
];
const ALIAS_COLUMNS: [&str; 3] = ["name", "code", "kind"];
const AGENCY_COLUMNS: [&str; 3] = ["name", "code", "city"];

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
        out.extend(c.to_lowercase());
    }
    out.trim_end().to_string()
}

/// True when a name is an acronym or code to match case-sensitively ("US", "U.S.", "FBI",
/// "EU IRU"): no lower-case letter and at most six letters.
fn is_code(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    !name.chars().any(char::is_lowercase) && letters <= 6
}

struct NameBuilder {
    names: Vec<Name>,
    index: HashMap<(String, Form, bool), usize>,
}

impl NameBuilder {
    fn add(&mut self, text: &str, place: PlaceId, form: Form) {
        let text = text.trim();
        if text.is_empty() {
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
        let key = (text.clone(), form, case_sensitive);
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
                });
            }
        }
    }
}

impl Gazetteer {
    /// Loads the gazetteer embedded in the binary.
    pub fn load() -> Result<Gazetteer> {
        Gazetteer::from_sources(Sources::embedded())
    }

    /// Builds a gazetteer from the texts of its four tables.
    pub fn from_sources(sources: Sources<'_>) -> Result<Gazetteer> {
        let mut places = Vec::new();
        let mut countries = Vec::new();
        let mut by_code = HashMap::new();
        let mut names = NameBuilder {
            names: Vec::new(),
            index: HashMap::new(),
        };

        // Countries first, so that a name shared by a country and a city lists the country first.
        let rows = parse::rows("countries.tsv", sources.countries, &COUNTRY_COLUMNS)?;
        let mut capitals: Vec<(usize, String, Option<Point<f64>>)> = Vec::new();
        for row in &rows {
            let f = &row.fields;
            let code = f[0].to_string();
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::Gazetteer {
                    file: "countries.tsv",
                    line: row.line,
                    message: format!("`{code}` is not an upper-case two-letter code"),
                });
            }
            let lon: f64 = parse::number("countries.tsv", row, 4, "lon")?;
            let lat: f64 = parse::number("countries.tsv", row, 5, "lat")?;
            check_lon_lat("countries.tsv", row.line, lon, lat)?;
            let place = places.len();
            places.push(Place {
                kind: PlaceKind::Country,
                name: f[1].to_string(),
                country: code.clone(),
                point: Point::new(lon, lat),
                population: 0,
            });
            by_code.insert(code.clone(), countries.len());
            countries.push(Country {
                code,
                name: f[1].to_string(),
                official_name: f[2].to_string(),
                independent: f[3] == "1",
                place,
            });
            names.add(f[1], place, Form::Name);
            names.add(f[2], place, Form::Name);
            for name in parse::list(f[9]) {
                names.add(name, place, Form::Name);
            }
            for demonym in parse::list(f[10]) {
                names.add(demonym, place, Form::Demonym);
            }
            let capital_lon: Option<f64> =
                parse::optional_number("countries.tsv", row, 7, "capital_lon")?;
            let capital_lat: Option<f64> =
                parse::optional_number("countries.tsv", row, 8, "capital_lat")?;
            if !f[6].is_empty() {
                let point = capital_lon.zip(capital_lat).map(|(x, y)| Point::new(x, y));
                capitals.push((countries.len() - 1, f[6].to_string(), point));
            }
        }

        for row in parse::rows("aliases.tsv", sources.aliases, &ALIAS_COLUMNS)? {
            let f = &row.fields;
            let Some(&country) = by_code.get(f[1]) else {
                return Err(Error::Gazetteer {
                    file: "aliases.tsv",
                    line: row.line,
                    message: format!("unknown country code `{}`", f[1]),
                });
            };
            let form = match f[2] {
                "name" => Form::Name,
                "demonym" => Form::Demonym,
                other => {
                    return Err(Error::Gazetteer {
                        file: "aliases.tsv",
                        line: row.line,
                        message: format!("kind `{other}` is neither `name` nor `demonym`"),
                    })
                }
            };
            names.add(f[0], countries[country].place, form);
        }

        // Cities: keep the large ones, the capitals and the agencies' seats.
        let agency_rows = parse::rows("agencies.tsv", sources.agencies, &AGENCY_COLUMNS)?;
        let seats: std::collections::HashSet<(String, String)> = agency_rows
            .iter()
            .filter(|r| !r.fields[2].is_empty())
            .map(|r| (r.fields[1].to_string(), fold(r.fields[2])))
            .collect();
        let mut city_by_name: HashMap<(String, String), PlaceId> = HashMap::new();
        for row in parse::rows("cities.tsv", sources.cities, &CITY_COLUMNS)? {
            let f = &row.fields;
            let population: u64 = parse::number("cities.tsv", &row, 5, "population")?;
            let capital = f[6] == "1";
            let key = (f[2].to_string(), fold(f[1]));
            if population < CITY_MIN_POPULATION && !capital && !seats.contains(&key) {
                continue;
            }
            if !by_code.contains_key(f[2]) {
                return Err(Error::Gazetteer {
                    file: "cities.tsv",
                    line: row.line,
                    message: format!("unknown country code `{}`", f[2]),
                });
            }
            let lon: f64 = parse::number("cities.tsv", &row, 3, "lon")?;
            let lat: f64 = parse::number("cities.tsv", &row, 4, "lat")?;
            check_lon_lat("cities.tsv", row.line, lon, lat)?;
            let place = places.len();
            places.push(Place {
                kind: PlaceKind::City,
                name: f[1].to_string(),
                country: f[2].to_string(),
                point: Point::new(lon, lat),
                population,
            });
            city_by_name.entry(key).or_insert(place);
            names.add(f[1], place, Form::City);
        }
        // A capital the city table lacks still gets a place of its own.
        for (country, capital, point) in capitals {
            let code = countries[country].code.clone();
            let key = (code.clone(), fold(&capital));
            if city_by_name.contains_key(&key) {
                continue;
            }
            if let Some(point) = point {
                let place = places.len();
                places.push(Place {
                    kind: PlaceKind::City,
                    name: capital.clone(),
                    country: code,
                    point,
                    population: 0,
                });
                city_by_name.insert(key, place);
                names.add(&capital, place, Form::City);
            }
        }

        for row in &agency_rows {
            let f = &row.fields;
            let Some(&country) = by_code.get(f[1]) else {
                return Err(Error::Gazetteer {
                    file: "agencies.tsv",
                    line: row.line,
                    message: format!("unknown country code `{}`", f[1]),
                });
            };
            let point = if f[2].is_empty() {
                places[countries[country].place].point
            } else {
                let key = (f[1].to_string(), fold(f[2]));
                match city_by_name.get(&key) {
                    Some(&city) => places[city].point,
                    None => {
                        return Err(Error::Gazetteer {
                            file: "agencies.tsv",
                            line: row.line,
                            message: format!(
                                "city `{}` is not in cities.tsv for country {}",
                                f[2], f[1]
                            ),
                        })
                    }
                }
            };
            let place = places.len();
            places.push(Place {
                kind: PlaceKind::Agency,
                name: f[0].to_string(),
                country: f[1].to_string(),
                point,
                population: 0,
            });
            names.add(f[0], place, Form::Agency);
        }

        let names = names.names;
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(names.iter().map(|n| n.text.as_str()))
            .map_err(|e| Error::Gazetteer {
                file: "countries.tsv",
                line: 0,
                message: format!("building the name matcher failed: {e}"),
            })?;
        Ok(Gazetteer {
            places,
            countries,
            names,
            by_code,
            matcher,
            outlines_regional: OnceLock::new(),
            outlines_world: OnceLock::new(),
        })
    }

    /// The country with this ISO 3166-1 alpha-2 code (upper case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }

    /// The place with this id.
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id]
    }

    /// Every (pattern id, start, end) where a name occurs in `text`, overlapping matches
    /// included, letters compared without regard to ASCII case. The caller checks case and
    /// word boundaries (see `places`).
    pub fn raw_matches<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.matcher
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
    }

    /// Looks a name up as a whole (case-insensitive, folded), best place first: countries,
    /// then agencies, then cities by population.
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let folded = fold(name);
        let folded = folded.strip_prefix("the ").unwrap_or(&folded);
        let mut found: Vec<PlaceId> = Vec::new();
        for n in &self.names {
            let candidate = fold(&n.text);
            let candidate = candidate.strip_prefix("the ").unwrap_or(&candidate);
            if candidate == folded {
                for &p in &n.places {
                    if !found.contains(&p) {
                        found.push(p);
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
            let place = &self.places[p];
            let rank = match place.kind {
                PlaceKind::Country => 0,
                PlaceKind::Agency => 1,
                PlaceKind::City => 2,
            };
            (rank, std::cmp::Reverse(place.population))
        });
        found
    }

    /// The country outlines at a level of detail, parsed on first use.
    pub fn outlines(&self, detail: Detail) -> Result<&[Outline]> {
        let (cell, text, file) = match detail {
            Detail::Regional => (
                &self.outlines_regional,
                OUTLINES_50M,
                "countries-50m.geojson",
            ),
            Detail::World => (
                &self.outlines_world,
                OUTLINES_110M,
                "countries-110m.geojson",
            ),
        };
        cell.get_or_init(|| parse_outlines(text))
            .as_deref()
            .map_err(|message| Error::Gazetteer {
                file,
                line: 0,
                message: message.clone(),
            })
    }

    /// The outline of one country at a level of detail, if it has one of its own.
    pub fn outline(&self, detail: Detail, code: &str) -> Result<Option<&Outline>> {
        Ok(self.outlines(detail)?.iter().find(|o| o.code == code))
    }
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

/// Convenience for tests: a polygon from a ring of (lon, lat).
pub fn polygon(ring: &[(f64, f64)]) -> Polygon<f64> {
    Polygon::new(ring.to_vec().into(), vec![])
}

/// A small gazetteer for unit tests, built from strings.
#[cfg(test)]
pub mod tests_support {
    use super::*;

    const COUNTRIES: &str = "code\tname\tofficial_name\tindependent\tlon\tlat\tcapital\tcapital_lon\tcapital_lat\tnames\tdemonyms
BG\tBulgaria\tRepublic of Bulgaria\t1\t25.2\t42.7\tSofia\t23.32\t42.69\t\tBulgarian
CA\tCanada\tCanada\t1\t-101.0\t57.0\tOttawa\t-75.7\t45.4\t\tCanadian
CN\tChina\tPeople's Republic of China\t1\t106.3\t32.9\tBeijing\t116.4\t39.9\t\tChinese
DE\tGermany\tFederal Republic of Germany\t1\t9.7\t50.6\tBerlin\t13.4\t52.5\t\tGerman
ES\tSpain\tKingdom of Spain\t1\t-3.5\t40.2\tMadrid\t-3.7\t40.4\t\tSpanish
FR\tFrance\tFrench Republic\t1\t2.5\t46.5\tParis\t2.35\t48.85\t\tFrench
GB\tUnited Kingdom\tUnited Kingdom of Great Britain and Northern Ireland\t1\t-2.1\t54.4\tLondon\t-0.13\t51.51\tBritain|Great Britain\tBritish
JO\tJordan\tHashemite Kingdom of Jordan\t1\t36.4\t30.8\tAmman\t35.9\t31.9\t\tJordanian
NE\tNiger\tRepublic of Niger\t1\t9.5\t17.4\tNiamey\t2.1\t13.5\t\tNigerien
NG\tNigeria\tFederal Republic of Nigeria\t1\t7.5\t9.3\tAbuja\t7.5\t9.1\t\tNigerian
NL\tNetherlands\tKingdom of the Netherlands\t1\t5.6\t52.4\tAmsterdam\t4.9\t52.4\tHolland|The Netherlands\tDutch
OM\tOman\tSultanate of Oman\t1\t57.4\t22.1\tMuscat\t58.4\t23.6\t\tOmani
RO\tRomania\tRomania\t1\t24.9\t45.8\tBucharest\t26.1\t44.4\t\tRomanian
TR\tTürkiye\tRepublic of Türkiye\t1\t34.5\t39.1\tAnkara\t32.9\t39.9\tTurkey\tTurkish
UA\tUkraine\tUkraine\t1\t31.0\t49.0\tKyiv\t30.5\t50.5\tUkrainia\tUkrainian
US\tUnited States\tUnited States of America\t1\t-98.0\t39.0\tWashington\t-77.0\t38.9\tAmerica|United States of America\tAmerican
";
    const CITIES: &str = "geonameid\tname\tcountry\tlon\tlat\tpopulation\tcapital\talternates
2988507\tParis\tFR\t2.3488\t48.85341\t2138551\t1\t
2643743\tLondon\tGB\t-0.12574\t51.50853\t8961989\t1\t
2747373\tThe Hague\tNL\t4.29861\t52.07667\t474292\t0\tDen Haag
2996944\tLyon\tFR\t4.84671\t45.74846\t522969\t0\t
4140963\tWashington\tUS\t-77.03637\t38.89511\t689545\t1\t
2809346\tWiesbaden\tDE\t8.24932\t50.08258\t278474\t0\t
";
    const ALIASES: &str = "name\tcode\tkind
U.S.\tUS\tname
UK\tGB\tname
US\tUS\tname
USA\tUS\tname
";
    const AGENCIES: &str = "name\tcode\tcity
BKA\tDE\tWiesbaden
Bundeskriminalamt\tDE\tWiesbaden
ECTC\tNL\tThe Hague
European Counter Terrorism Centre\tNL\tThe Hague
Europol\tNL\tThe Hague
FBI\tUS\tWashington
GCHQ\tGB\t
Interpol\tFR\tLyon
";

    /// A gazetteer of a few countries, cities and agencies.
    pub fn small() -> Gazetteer {
        Gazetteer::from_sources(Sources {
            countries: COUNTRIES,
            cities: CITIES,
            aliases: ALIASES,
            agencies: AGENCIES,
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
    fn unknown_agency_city_is_an_error_naming_the_line() {
        let err = Gazetteer::from_sources(Sources {
            countries: COUNTRIES,
            cities: CITIES,
            aliases: ALIASES,
            agencies: "name\tcode\tcity\nRCMP\tCA\tOttawa Centre\n",
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/agencies.tsv:2: city `Ottawa Centre` is not in cities.tsv for country CA"
        );
    }
}

//! The cities of `cities.tsv` as places, read lazily from the embedded table.
//!
//! In: the table's text. Out: [`Cities`], the city places by index in the table. Loading only
//! finds where each row starts (and reads the few columns loading needs: see
//! [`Cities::scan`]); a city is parsed the first time it is asked for, with the rest of its
//! block of [`BLOCK`] rows. A map run touches a few dozen of the 34,000 cities, so this saves
//! parsing nearly 3 MB of text at every start. The embedded table is checked whole by the
//! tests (`Gazetteer::from_sources` parses and checks every row), which is why a lazily
//! parsed row cannot fail at run time.

use super::parse;
use super::{check_lon_lat, Place, PlaceKind, CITY_COLUMNS};
use crate::error::{Error, Result};
use geo::Point;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::sync::OnceLock;

/// A row of `cities.tsv`, in column order.
#[derive(Debug, Deserialize)]
pub(super) struct CityRow<'a> {
    geonameid: u32,
    pub name: &'a str,
    pub country: &'a str,
    lon: f64,
    lat: f64,
    population: u64,
    pub capital: &'a str,
    admin1: &'a str,
    /// Alternate names, `|`-separated.
    pub alternates: &'a str,
}

/// What loading reads of every row of `cities.tsv` (the columns up to `capital`, by position;
/// the numbers are skipped, not parsed).
#[derive(Debug, Deserialize)]
pub(super) struct CityKey<'a> {
    _geonameid: IgnoredAny,
    pub name: &'a str,
    pub country: &'a str,
    _lon: IgnoredAny,
    _lat: IgnoredAny,
    _population: IgnoredAny,
    pub capital: &'a str,
}

/// A row of `cities.tsv` found by [`Cities::scan`]: its line and its fields (the last one,
/// the alternate names, not searched for tabs), deserialised on demand.
pub(super) struct CityLine<'a> {
    /// 1-based line in the file (0 when not known).
    pub line: usize,
    fields: [&'a str; 9],
}

impl<'a> CityLine<'a> {
    /// The columns loading reads of every row.
    pub(crate) fn key(&self) -> Result<CityKey<'a>> {
        parse::from_fields(("cities.tsv", self.line), &CITY_COLUMNS, &self.fields)
    }

    /// The whole row.
    pub(crate) fn row(&self) -> Result<CityRow<'a>> {
        parse::from_fields(("cities.tsv", self.line), &CITY_COLUMNS, &self.fields)
    }
}

/// Rows parsed together the first time one of them is asked for.
pub(crate) const BLOCK: usize = 256;

/// The city places, by index in the table (place id minus the number of countries).
pub(crate) struct Cities {
    /// The table's text, for rows parsed on first use (empty when all are parsed).
    text: &'static str,
    /// Where each row starts in `text`.
    starts: Vec<u32>,
    /// The places by blocks of [`BLOCK`] rows, each parsed on first use.
    blocks: Vec<OnceLock<Vec<Place>>>,
    len: usize,
}

impl Cities {
    /// Cities already parsed (from a table that was read and checked whole).
    pub(crate) fn parsed(places: Vec<Place>) -> Cities {
        let len = places.len();
        let mut blocks = Vec::with_capacity(len.div_ceil(BLOCK));
        let mut places = places.into_iter().peekable();
        while places.peek().is_some() {
            blocks.push(OnceLock::from(
                places.by_ref().take(BLOCK).collect::<Vec<_>>(),
            ));
        }
        Cities {
            text: "",
            starts: Vec::new(),
            blocks,
            len,
        }
    }

    /// The cities of an embedded table, parsed on first use. `seen` is called on every row
    /// with its index and the row ([`CityLine`]), for what loading needs of it. Errors: a
    /// missing or wrong header, a row with fewer columns than the header, or `seen`'s.
    pub(crate) fn scan(
        text: &'static str,
        mut seen: impl FnMut(usize, CityLine<'static>) -> Result<()>,
    ) -> Result<Cities> {
        let mut starts = Vec::new();
        let mut header = false;
        let mut start = 0usize;
        // Rows end at a newline; memchr finds them fast in the long lists of alternate names.
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
        for (i, end) in ends.enumerate() {
            let line = text[start..end].trim_end_matches('\r');
            let row_start = start;
            start = end + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header {
                if !line.split('\t').eq(CITY_COLUMNS) {
                    return Err(Error::Gazetteer {
                        file: "cities.tsv",
                        line: i + 1,
                        message: format!(
                            "expected header `{}`, found `{}`",
                            CITY_COLUMNS.join("\\t"),
                            line.replace('\t', "\\t")
                        ),
                    });
                }
                header = true;
                continue;
            }
            let fields = split(line).ok_or_else(|| Error::Gazetteer {
                file: "cities.tsv",
                line: i + 1,
                message: format!("expected {} columns", CITY_COLUMNS.len()),
            })?;
            seen(
                starts.len(),
                CityLine {
                    line: i + 1,
                    fields,
                },
            )?;
            starts.push(u32::try_from(row_start).expect("the cities table is under 4 GiB"));
        }
        if !header {
            return Err(Error::Gazetteer {
                file: "cities.tsv",
                line: 0,
                message: "no header row".to_string(),
            });
        }
        let len = starts.len();
        Ok(Cities {
            text,
            starts,
            blocks: (0..len.div_ceil(BLOCK)).map(|_| OnceLock::new()).collect(),
            len,
        })
    }

    /// How many cities.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The city at index `i` of the table. Panics when `i` is out of range.
    pub fn get(&self, i: usize) -> &Place {
        let block = i / BLOCK;
        let places = self.blocks[block].get_or_init(|| {
            let rows = block * BLOCK..((block + 1) * BLOCK).min(self.len);
            rows.map(|r| {
                let start = self.starts[r] as usize;
                let rest = &self.text[start..];
                let line = rest.split(['\n', '\r']).next().unwrap_or("");
                let fields = split(line).unwrap_or_default();
                CityLine { line: 0, fields }
                    .row()
                    .and_then(|row| place(&row, 0))
                    .unwrap_or_else(|e| {
                        panic!("the embedded cities.tsv is checked by the tests, yet: {e}")
                    })
            })
            .collect()
        });
        &places[i % BLOCK]
    }
}

/// The nine fields of a row (the last one, the alternate names, not searched for tabs).
fn split(line: &str) -> Option<[&str; 9]> {
    let mut fields = [""; 9];
    let mut rest = line;
    for field in &mut fields[..8] {
        let tab = memchr::memchr(b'\t', rest.as_bytes())?;
        *field = &rest[..tab];
        rest = &rest[tab + 1..];
    }
    fields[8] = rest;
    Some(fields)
}

/// The place of a row of `cities.tsv` at `line` (its coordinates checked).
pub(super) fn place(row: &CityRow<'_>, line: usize) -> Result<Place> {
    check_lon_lat("cities.tsv", line, row.lon, row.lat)?;
    Ok(Place {
        kind: PlaceKind::City,
        name: row.name.to_string(),
        country: row.country.to_string(),
        point: Point::new(row.lon, row.lat),
        population: row.population,
        geonameid: Some(row.geonameid),
        admin1: row.admin1.to_string(),
        alternates: row
            .alternates
            .split('|')
            .filter(|a| !a.is_empty())
            .count()
            .min(usize::from(u16::MAX)) as u16,
    })
}

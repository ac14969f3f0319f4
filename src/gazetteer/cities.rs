//! The cities of `cities.tsv` as places, read lazily from the embedded table.
//!
//! In: the table's text. Out: [`Cities`], the city places by index in the table. Loading only
//! finds where each row starts (and reads the few columns loading needs: see
//! [`Cities::scan`]); a city is parsed the first time it is asked for, with the rest of its
//! block of [`BLOCK`] rows. A map run touches a few dozen of the 34,000 cities, so this saves
//! parsing nearly 3 MB of text at every start. The embedded table is checked whole by the
//! tests (`Gazetteer::from_sources` parses and checks every row), which is why a lazily
//! parsed row cannot fail at run time.

use super::parse::{self, Row};
use super::{check_lon_lat, Place, PlaceKind, CITY_COLUMNS};
use crate::error::{Error, Result};
use geo::Point;
use std::sync::OnceLock;

/// Rows parsed together the first time one of them is asked for.
pub const BLOCK: usize = 256;

/// The city places, by index in the table (place id minus the number of countries).
pub struct Cities {
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
    pub fn parsed(places: Vec<Place>) -> Cities {
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
    /// with its index, its 1-based line and its fields (the last one, the alternate names, not
    /// split), for what loading needs of it. Errors: a missing or wrong header, a row with
    /// fewer columns than the header, or `seen`'s.
    pub fn scan(
        text: &'static str,
        mut seen: impl FnMut(usize, usize, [&'static str; 9]) -> Result<()>,
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
            seen(starts.len(), i + 1, fields)?;
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
    pub fn len(&self) -> usize {
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
                let row = Row {
                    line: 0,
                    fields: fields.to_vec(),
                };
                place(&row).unwrap_or_else(|e| {
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

/// The place of a row of `cities.tsv` (its numbers checked).
pub fn place(row: &Row<'_>) -> Result<Place> {
    let f = &row.fields;
    let population: u64 = parse::number("cities.tsv", row, 5, "population")?;
    let lon: f64 = parse::number("cities.tsv", row, 3, "lon")?;
    let lat: f64 = parse::number("cities.tsv", row, 4, "lat")?;
    check_lon_lat("cities.tsv", row.line, lon, lat)?;
    let geonameid: u32 = parse::number("cities.tsv", row, 0, "geonameid")?;
    Ok(Place {
        kind: PlaceKind::City,
        name: f[1].to_string(),
        country: f[2].to_string(),
        point: Point::new(lon, lat),
        population,
        geonameid: Some(geonameid),
        admin1: f[7].to_string(),
    })
}

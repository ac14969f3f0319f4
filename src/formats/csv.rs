//! `events.csv`: the events layer as a table, for spreadsheets and Datawrapper.
//!
//! In: the events FeatureCollection (what `events.geojson` holds). Out: CSV text, UTF-8,
//! [RFC 4180](https://datatracker.ietf.org/doc/html/rfc4180) quoting (fields with a comma,
//! quote or line break are quoted, quotes doubled), CRLF line ends as the RFC says, a header
//! row, then one row per event: one column per event property in the GeoJSON's order, then
//! `lon` and `lat` (WGS 84 degrees, the Point's coordinates).

use crate::error::{Error, Result};
use geojson::{FeatureCollection, JsonValue, Value};
use std::path::PathBuf;

/// The events as CSV text. Columns are the first feature's properties (every feature has the
/// same), then `lon`, `lat`; with no feature, only the header of the documented columns.
pub fn events(collection: &FeatureCollection) -> Result<String> {
    let columns: Vec<String> = match collection.features.first() {
        Some(f) => f
            .properties
            .as_ref()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let err = |e: ::csv::Error| Error::WriteOutput {
        path: PathBuf::from("events.csv"),
        source: std::io::Error::other(e.to_string()),
    };
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = columns.iter().map(String::as_str).collect();
    header.extend(["lon", "lat"]);
    writer.write_record(&header).map_err(err)?;
    for f in &collection.features {
        let mut row: Vec<String> = columns
            .iter()
            .map(|key| match f.property(key) {
                None | Some(JsonValue::Null) => String::new(),
                Some(JsonValue::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            })
            .collect();
        let (lon, lat) = match f.geometry.as_ref().map(|g| &g.value) {
            Some(Value::Point(p)) if p.len() >= 2 => (p[0].to_string(), p[1].to_string()),
            _ => (String::new(), String::new()),
        };
        row.push(lon);
        row.push(lat);
        writer.write_record(&row).map_err(err)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| err(::csv::Error::from(e.into_error())))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_columns() {
        let fc: FeatureCollection = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[4.5,52.1]},
             "properties":{"id":"a","sentence":"He said \"no\", then left.","start":3,"confidence":0.9}}]}"#
            .parse()
            .unwrap();
        let text = events(&fc).unwrap();
        assert_eq!(
            text,
            "id,sentence,start,confidence,lon,lat\r\na,\"He said \"\"no\"\", then left.\",3,0.9,4.5,52.1\r\n"
        );
    }
}

//! `events.csv`: the events layer as a table, for spreadsheets and Datawrapper.
//!
//! In: the events' records ([`EventRecord`], what `events.geojson` holds). Out: CSV text, UTF-8,
//! [RFC 4180](https://datatracker.ietf.org/doc/html/rfc4180) quoting (fields with a comma,
//! quote or line break are quoted, quotes doubled), CRLF line ends as the RFC says, a header
//! row, then one row per event: one column per event property in the GeoJSON's order, then
//! `lon` and `lat` (WGS 84 degrees, the Point's coordinates).

use crate::error::{Error, Result};
use crate::record::EventRecord;
use geojson::JsonValue;
use std::path::PathBuf;

/// The events as CSV text. Columns are the records' properties (every record has the same),
/// then `lon`, `lat`; with no record, only the header row `lon,lat`.
pub(crate) fn events(records: &[EventRecord]) -> Result<String> {
    let err = |e: ::csv::Error| Error::WriteOutput {
        path: PathBuf::from("events.csv"),
        source: std::io::Error::other(e.to_string()),
    };
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows: Vec<serde_json::Map<String, JsonValue>> = records
        .iter()
        .map(|r| match serde_json::to_value(&r.properties) {
            Ok(JsonValue::Object(map)) => map,
            _ => unreachable!("properties serialise to an object"),
        })
        .collect();
    let mut header: Vec<&str> = rows
        .first()
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    header.extend(["lon", "lat"]);
    writer.write_record(&header).map_err(err)?;
    for (record, props) in records.iter().zip(&rows) {
        let mut row: Vec<String> = props
            .values()
            .map(|v| match v {
                JsonValue::Null => String::new(),
                JsonValue::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        row.push(record.point[0].to_string());
        row.push(record.point[1].to_string());
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
        let mut properties: crate::record::EventProperties = serde_json::from_str(
            r#"{"action":"raid","country":"NL","sentence":"He said \"no\", then left.","start":3,"confidence":0.9}"#,
        )
        .unwrap();
        properties.id = "a".to_string();
        let text = events(&[EventRecord {
            point: [4.5, 52.0],
            properties,
        }])
        .unwrap();
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "id,action,country,country_name,place,place_type,text,sentence,start,end,article,\
             confidence,reason,cue,title,description,marker-color,marker-symbol,marker-size,date,\
             date_source,lang,lon,lat"
        );
        assert_eq!(
            lines.next().unwrap(),
            "a,raid,NL,,,country,,\"He said \"\"no\"\", then left.\",3,0,,0.9,edited,,,,,,,,,,4.5,52"
        );
        assert_eq!(events(&[]).unwrap(), "lon,lat\r\n");
    }
}

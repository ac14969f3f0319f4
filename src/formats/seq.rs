//! GeoJSON Text Sequences ([RFC 8142](https://datatracker.ietf.org/doc/html/rfc8142)), for
//! streaming: `opmap extract --seq`.
//!
//! In: a FeatureCollection. Out: one GeoJSON Feature per text, each preceded by the record
//! separator RS (0x1E) and followed by a line feed (RFC 8142 § 2; RFC 7464 § 2.2). No
//! FeatureCollection wrapper: a reader (`jq --seq`, GDAL's GeoJSONSeq driver) takes each
//! feature as it arrives. An empty collection gives no bytes.

use geojson::{FeatureCollection, JsonValue};

/// The record separator that starts every text.
pub const RS: char = '\u{1e}';

/// The features of `collection` as a GeoJSON text sequence.
pub fn features(collection: &FeatureCollection) -> String {
    let mut out = String::new();
    for f in &collection.features {
        let value: JsonValue = serde_json::to_value(f).expect("a feature serialises");
        out.push(RS);
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_feature_is_one_text() {
        let fc: FeatureCollection = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[3,4]},"properties":{}}]}"#
            .parse()
            .unwrap();
        let text = features(&fc);
        let texts: Vec<&str> = text.split(RS).skip(1).collect();
        assert!(text.starts_with(RS));
        assert_eq!(texts.len(), 2);
        for t in texts {
            assert!(t.ends_with('\n'));
            let f: geojson::Feature = t.trim_end().parse().unwrap();
            assert!(f.geometry.is_some());
        }
        assert_eq!(features(&FeatureCollection::default()), "");
    }
}

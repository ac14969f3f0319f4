//! GeoJSON Text Sequences ([RFC 8142](https://datatracker.ietf.org/doc/html/rfc8142)), for
//! streaming: `opmap extract --seq`.
//!
//! In: features (event records, or any serialisable GeoJSON Feature). Out: one GeoJSON Feature per text, each preceded by the record
//! separator RS (0x1E) and followed by a line feed (RFC 8142 § 2; RFC 7464 § 2.2). No
//! FeatureCollection wrapper: a reader (`jq --seq`, GDAL's GeoJSONSeq driver) takes each
//! feature as it arrives. An empty collection gives no bytes.

use serde::Serialize;

/// The record separator that starts every text.
pub(crate) const RS: char = '\u{1e}';

/// Appends one text of a sequence: RS, what `write` appends (one feature's compact JSON), a
/// line feed. Every sequence opmap writes is framed here.
pub(crate) fn frame<R>(out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    out.push(RS as u8);
    let written = write(out);
    out.push(b'\n');
    written
}

/// Appends one feature as a text of a sequence ([`frame`] around its serde JSON).
pub(crate) fn push(out: &mut Vec<u8>, feature: &impl Serialize) {
    frame(out, |out| {
        serde_json::to_writer(&mut *out, feature).expect("a feature serialises into a Vec")
    });
}

/// The features as a GeoJSON text sequence (event records or `geojson::Feature`s alike).
#[cfg(test)]
pub(crate) fn features<T: Serialize>(features: &[T]) -> String {
    let mut out = Vec::new();
    for f in features {
        push(&mut out, f);
    }
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes the events as a sequence straight from them ([`crate::layers::EventFeature`]), the
/// same bytes as `features` (in the tests) of their records (`extract --seq`).
pub fn write_events(
    located: &[crate::resolve::Located],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    for (e, id) in located.iter().zip(crate::layers::event_ids(located)) {
        buf.clear();
        frame(&mut buf, |buf| {
            crate::layers::EventFeature::new(e, &id).write(buf)
        });
        out.write_all(&buf)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use geojson::FeatureCollection;

    #[test]
    fn each_feature_is_one_text() {
        let fc: FeatureCollection = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[3,4]},"properties":{}}]}"#
            .parse()
            .unwrap();
        let text = features(&fc.features);
        let texts: Vec<&str> = text.split(RS).skip(1).collect();
        assert!(text.starts_with(RS));
        assert_eq!(texts.len(), 2);
        for t in texts {
            assert!(t.ends_with('\n'));
            let f: geojson::Feature = t.trim_end().parse().unwrap();
            assert!(f.geometry.is_some());
        }
        assert_eq!(features::<geojson::Feature>(&[]), "");
    }
}

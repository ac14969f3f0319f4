//! Reading an events GeoJSON file back (for `opmap render`).
//!
//! In: the text of a FeatureCollection that opmap wrote and a user may have corrected by hand
//! or in QGIS. Out: [`Located`] events. The properties are read with serde into the struct they
//! are written from, [`EventProperties`]. Accepts what GIS tools write back: the id may be only
//! the feature's `id`, extra properties are ignored, a `null` property takes its default, and
//! only a Point geometry, `action` and `country` are required; a moved point keeps its new
//! position and an id its value (a feature without one gets one on the way out). Errors name
//! the feature (index and id) and the property.

use crate::dates::{ArticleDate, DateSource};
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::record::EventProperties;
use crate::resolve::Located;
use geo::Point;
use geojson::{Feature, JsonValue, Value};

/// Parses an events FeatureCollection. `path` is used in messages only.
pub fn parse(gazetteer: &Gazetteer, path: &str, text: &str) -> Result<Vec<Located>> {
    let json: JsonValue = serde_json::from_str(text).map_err(|e| Error::InvalidGeoJson {
        path: path.to_string(),
        message: format!("not valid JSON: {e}"),
    })?;
    let collection =
        geojson::FeatureCollection::try_from(json).map_err(|e| Error::InvalidGeoJson {
            path: path.to_string(),
            message: format!("not a GeoJSON FeatureCollection: {e}"),
        })?;
    collection
        .features
        .iter()
        .enumerate()
        .map(|(index, f)| feature(gazetteer, path, index, f))
        .collect()
}

fn feature(gazetteer: &Gazetteer, path: &str, index: usize, f: &Feature) -> Result<Located> {
    // The user's id, kept on the way out: the feature's `id` (a number as its text), else the
    // `id` property.
    let id = match &f.id {
        Some(geojson::feature::Id::String(s)) => Some(s.clone()),
        Some(geojson::feature::Id::Number(n)) => Some(n.to_string()),
        None => f
            .property("id")
            .and_then(|v| v.as_str().map(str::to_string)),
    }
    .filter(|id| !id.is_empty());
    let fail = |message: String| Error::InvalidFeature {
        path: path.to_string(),
        index,
        id: id.clone(),
        message,
    };
    let point = match f.geometry.as_ref().map(|g| &g.value) {
        Some(Value::Point(c)) if c.len() >= 2 => {
            let (lon, lat) = (c[0], c[1]);
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return Err(fail(format!(
                    "geometry: coordinates [{lon}, {lat}] out of range (lon -180..180, lat -90..90)"
                )));
            }
            Point::new(lon, lat)
        }
        Some(other) => {
            return Err(fail(format!(
                "geometry: expected a Point, found a {}",
                other.type_name()
            )))
        }
        None => return Err(fail("geometry: missing (a Point is required)".to_string())),
    };
    let properties = JsonValue::Object(f.properties.clone().unwrap_or_default());
    let p: EventProperties = serde_json::from_value(properties).map_err(|e| {
        let message = e.to_string();
        // serde's "missing field `action`", in the words of the other messages.
        match message.strip_prefix("missing field ") {
            Some(key) => fail(format!("property {key} is missing")),
            None => fail(message),
        }
    })?;
    let Some(country) = gazetteer.country(p.country.as_str()) else {
        return Err(fail(format!(
            "property `country`: `{}` is not an ISO 3166-1 alpha-2 code",
            p.country
        )));
    };
    let place = if p.place.is_empty() {
        country.name.clone()
    } else {
        p.place
    };
    let place_id = gazetteer.find(&place, p.place_type, p.country.as_str());
    Ok(Located {
        action: p.action,
        place_id,
        site: place_id.map(|id| gazetteer.site(id)),
        country: p.country,
        country_name: country.name.clone(),
        place,
        place_kind: p.place_type,
        point,
        text: p.text,
        sentence: p.sentence,
        start: p.start,
        end: p.end,
        article: p.article,
        confidence: p.confidence,
        reason: p.reason,
        cue: p.cue,
        date: date_of(p.date.as_deref(), p.date_source.as_deref()).map_err(fail)?,
        lang: p.lang.as_deref().and_then(|l| l.parse().ok()),
        id,
    })
}

/// The feature's `date` (`YYYY-MM-DD`; null, absent or `""` is none) with its `date_source`
/// (absent counts as `text`, a date in the text), or what is wrong with them.
fn date_of(
    date: Option<&str>,
    source: Option<&str>,
) -> std::result::Result<Option<ArticleDate>, String> {
    let Some(text) = date.filter(|d| !d.is_empty()) else {
        return Ok(None);
    };
    let date = text
        .parse()
        .map_err(|_| format!("property `date`: `{text}` is not a date (YYYY-MM-DD)"))?;
    let source = match source.filter(|s| !s.is_empty()) {
        None => DateSource::Text,
        Some(s) => s
            .parse()
            .map_err(|e: String| format!("property `date_source`: {e}"))?,
    };
    Ok(Some(ArticleDate { date, source }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests_support::small;

    #[test]
    fn accepts_minimal_features_and_moved_points() {
        let g = small();
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","id":"x1","geometry":{"type":"Point","coordinates":[3.0,47.0]},
           "properties":{"action":"raid","country":"fr","extra":1}}]}"#;
        let events = parse(&g, "e.geojson", text).unwrap();
        assert_eq!(events[0].country, "FR");
        assert_eq!(events[0].reason, crate::record::Reason::Edited);
        assert_eq!(events[0].place, "France");
        assert_eq!(events[0].point, Point::new(3.0, 47.0));
    }

    #[test]
    fn errors_name_feature_and_property() {
        let g = small();
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[3,47]},"properties":{"action":"raid","country":"FR"}},
          {"type":"Feature","id":"b","geometry":{"type":"Point","coordinates":[3,47]},"properties":{"action":"arson","country":"FR"}}]}"#;
        let err = parse(&g, "e.geojson", text).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "e.geojson: feature 1 (id b): property `action`: unknown action `arson`"
            ),
            "{err}"
        );
        let bad = text
            .replace("arson", "raid")
            .replace(r#""country":"FR"}}]"#, r#""country":"QQ"}}]"#);
        let err = parse(&g, "e.geojson", &bad).unwrap_err().to_string();
        assert!(
            err.contains("feature 1 (id b): property `country`: `QQ`"),
            "{err}"
        );
        let err = parse(&g, "e.geojson", "{\"type\":")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1 column"), "{err}");
    }

    #[test]
    fn dates_are_kept_or_refused() {
        let g = small();
        let feature = |props: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"a",
                "geometry":{{"type":"Point","coordinates":[3,47]}},
                "properties":{{"action":"raid","country":"FR"{props}}}}}]}}"#
            )
        };
        let kept = parse(
            &g,
            "e.geojson",
            &feature(r#","date":"2024-05-27","date_source":"dateline""#),
        )
        .unwrap();
        let date = kept[0].date.unwrap();
        assert_eq!(
            (date.date.to_string(), date.source),
            ("2024-05-27".into(), DateSource::Dateline)
        );
        let edited = parse(&g, "e.geojson", &feature(r#","date":"2024-05-27""#)).unwrap();
        assert_eq!(edited[0].date.unwrap().source, DateSource::Text);
        let none = parse(
            &g,
            "e.geojson",
            &feature(r#","date":null,"date_source":null"#),
        )
        .unwrap();
        assert_eq!(none[0].date, None);
        let err = parse(&g, "e.geojson", &feature(r#","date":"27/05/2024""#))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("feature 0 (id a): property `date`: `27/05/2024` is not a date"),
            "{err}"
        );
    }
}

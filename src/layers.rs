//! Building the GeoJSON layers (RFC 7946) and the map's content from located events.
//!
//! In: the gazetteer and [`Located`] events. Out: [`Layers`]: three FeatureCollections, one
//! geometry type each, so that QGIS opens every file without a sublayer dialog:
//! - `events`: one Point per event ([RFC 7946 § 3.1.2](https://datatracker.ietf.org/doc/html/rfc7946#section-3.1.2));
//! - `countries`: one MultiPolygon per involved country that has an outline
//!   ([§ 3.1.7](https://datatracker.ietf.org/doc/html/rfc7946#section-3.1.7)), exterior rings
//!   counter-clockwise and holes clockwise ([§ 3.1.6](https://datatracker.ietf.org/doc/html/rfc7946#section-3.1.6));
//! - `flows`: one MultiLineString per place outside the hub's country, a great circle from the
//!   one hub ([`crate::hub`]) to the place, cut at ±180°
//!   ([§ 3.1.9](https://datatracker.ietf.org/doc/html/rfc7946#section-3.1.9)).
//!
//! Coordinates are rounded to 6 decimals (about 0.1 m); no `crs` member is written.

use crate::action::Action;
use crate::error::Result;
use crate::formats::{hex, symbol_name};
use crate::gazetteer::{Detail, Gazetteer};
use crate::hub::Flows;
use crate::render::style;
use crate::render::{CountryFill, Flow, MapSpec, Marker};
use crate::resolve::Located;
use geo::{Coord, Haversine, InterpolatePoint, Orient, Point};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject, Value};
use serde::Serialize;
use serde_json::json;

/// The three layers of a map.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    /// Event points.
    pub events: FeatureCollection,
    /// Involved countries' outlines.
    pub countries: FeatureCollection,
    /// Flows from the coordinating hub(s).
    pub flows: FeatureCollection,
}

/// The attribution every map and layer set carries: each source and the credit its licence asks.
pub const ATTRIBUTION: &str = "Made with Natural Earth · GeoNames (www.geonames.org), CC BY 4.0 · \
     Contains data from mledoze/countries, ODbL 1.0 · Map: opmap";

/// Points per flow line.
const FLOW_STEPS: usize = 64;

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A stable id for an event: `action-COUNTRY-place`.
pub fn event_id(e: &Located) -> String {
    let mut id = String::with_capacity(e.place.len() + 24);
    id.push_str(e.action.as_str());
    id.push('-');
    id.push_str(&e.country);
    id.push('-');
    push_slug(&mut id, &e.place);
    id
}

/// Lower-case letters and digits, other runs of characters as one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_slug(&mut out, s);
    out
}

/// Appends [`slug`]`(s)` to `out`.
pub fn push_slug(out: &mut String, s: &str) {
    let from = out.len();
    for c in s.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if out.len() > from && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > from && out.ends_with('-') {
        out.pop();
    }
}

/// The ids of the events' features, in order. An id a user gave ([`Located::id`], an events
/// file read back by `opmap render`) is kept as it is. Any other is `action-COUNTRY-place`;
/// one taken before (the same pair in another article, or a user's id) gets the article's
/// name, then a number, appended.
pub fn event_ids(located: &[Located]) -> Vec<String> {
    let mut used: rustc_hash::FxHashSet<String> =
        located.iter().filter_map(|e| e.id.clone()).collect();
    located
        .iter()
        .map(|e| {
            if let Some(id) = &e.id {
                return id.clone();
            }
            let mut id = event_id(e);
            if used.contains(&id) {
                let article = slug(&e.article);
                if !article.is_empty() {
                    id = format!("{id}-{article}");
                }
                let base = id.clone();
                let mut n = 2;
                while used.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
            }
            used.insert(id.clone());
            id
        })
        .collect()
}

/// One event as a GeoJSON Feature, written straight from the event (no `serde_json::Value` in
/// between): the same bytes as the feature [`events`] builds, plus `url` at the end of the
/// properties when it is set (corpus mode).
#[derive(Debug, Clone, Copy)]
pub struct EventFeature<'a> {
    event: &'a Located,
    id: &'a str,
    url: Option<&'a str>,
}

impl<'a> EventFeature<'a> {
    /// The feature of event `e` with id `id`.
    pub fn new(e: &'a Located, id: &'a str) -> EventFeature<'a> {
        EventFeature {
            event: e,
            id,
            url: None,
        }
    }

    /// The same feature with `url` added after the other properties.
    pub fn with_url(mut self, url: &'a str) -> EventFeature<'a> {
        self.url = Some(url);
        self
    }

    /// Appends the feature's JSON to `out` (compact, keys in the order of [`events`]).
    ///
    /// Strings are escaped by `serde_json`, numbers formatted by it; the evidence sentence,
    /// which is also the simplestyle `description`, is escaped once and copied.
    pub fn write(&self, out: &mut Vec<u8>) {
        self.write_marked(out);
    }

    /// [`EventFeature::write`], returning where in `out` it wrote the id and the article's name
    /// (each string's escaped content, without its quotes), in order: the `id` property, the
    /// `article` property, the feature's `id`. A batch run renames an article in written
    /// records through them.
    pub fn write_marked(&self, out: &mut Vec<u8>) -> [std::ops::Range<usize>; 3] {
        let e = self.event;
        let content = |out: &Vec<u8>, at: usize| at + 1..out.len() - 1;
        out.extend_from_slice(
            b"{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[",
        );
        json_value(out, &round6(e.point.x()));
        out.push(b',');
        json_value(out, &round6(e.point.y()));
        out.extend_from_slice(b"]},\"properties\":{\"id\":");
        let at = out.len();
        json_string(out, self.id);
        let id = content(out, at);
        string_field(out, "action", e.action.as_str());
        string_field(out, "country", &e.country);
        string_field(out, "country_name", &e.country_name);
        string_field(out, "place", &e.place);
        string_field(out, "place_type", &e.place_type);
        string_field(out, "text", &e.text);
        push_key(out, "sentence");
        // The escaped sentence, copied below for `description`.
        let sentence_at = out.len();
        json_string(out, &e.sentence);
        let sentence = sentence_at..out.len();
        number_field(out, "start", &e.start);
        number_field(out, "end", &e.end);
        push_key(out, "article");
        let at = out.len();
        json_string(out, &e.article);
        let article = content(out, at);
        number_field(out, "confidence", &e.confidence);
        string_field(out, "reason", &e.reason);
        string_field(out, "cue", &e.cue);
        match e.date {
            Some(d) => {
                string_field(out, "date", &d.date.to_string());
                string_field(out, "date_source", d.source.as_str());
            }
            None => out.extend_from_slice(b",\"date\":null,\"date_source\":null"),
        }
        // simplestyle-spec 1.1.0 (see `events`).
        out.extend_from_slice(b",\"title\":\"");
        out.extend_from_slice(e.action.title().as_bytes());
        out.extend_from_slice(b" in ");
        json_string_content(out, &e.place);
        out.extend_from_slice(b"\",\"description\":");
        out.extend_from_within(sentence);
        out.extend_from_slice(b",\"marker-color\":\"");
        out.extend_from_slice(hex(style::color(e.action)).as_bytes());
        out.extend_from_slice(b"\",\"marker-symbol\":\"");
        out.extend_from_slice(symbol_name(style::symbol(e.action)).as_bytes());
        out.extend_from_slice(b"\",\"marker-size\":\"medium\"");
        if let Some(url) = self.url {
            string_field(out, "url", url);
        }
        out.extend_from_slice(b"},\"id\":");
        let at = out.len();
        json_string(out, self.id);
        let feature_id = content(out, at);
        out.push(b'}');
        [id, article, feature_id]
    }
}

/// Appends `,"key":` and the value as a JSON string (keys are plain ASCII: nothing to escape).
fn string_field(out: &mut Vec<u8>, key: &str, value: &str) {
    push_key(out, key);
    json_string(out, value);
}

/// Appends `,"key":` and the number.
fn number_field<T: Serialize>(out: &mut Vec<u8>, key: &str, value: &T) {
    push_key(out, key);
    json_value(out, value);
}

/// Appends `,"key":`.
fn push_key(out: &mut Vec<u8>, key: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Appends a value as `serde_json` writes it.
fn json_value<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(out, value).expect("strings and numbers serialise into a Vec");
}

/// Appends a string in quotes as `serde_json` escapes it.
fn json_string(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        json_value(out, s);
    } else {
        // Most strings (every sentence without a quotation mark): copied as they are.
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Appends a string as `serde_json` escapes it, without the quotes around it.
fn json_string_content(out: &mut Vec<u8>, s: &str) {
    let at = out.len();
    json_string(out, s);
    let end = out.len();
    out.copy_within(at + 1..end - 1, at);
    out.truncate(end - 2);
}

/// True when JSON needs some byte of `bytes` escaped: `"`, `\\` or a control character (what
/// `serde_json` escapes; everything else, UTF-8 included, is written as it is). Checked 16
/// bytes at a time without branching inside a block, which the compiler vectorises.
fn needs_escape(bytes: &[u8]) -> bool {
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | special(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b))
}

/// Writes the events layer as [`to_geojson_string`] writes [`events`]' collection, feature by
/// feature (nothing but one feature at a time is built).
pub fn write_events(located: &[Located], out: &mut impl std::io::Write) -> std::io::Result<()> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut buf = Vec::new();
    for (i, (e, id)) in located.iter().zip(event_ids(located)).enumerate() {
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        EventFeature::new(e, &id).write(&mut buf);
        out.write_all(&buf)?;
    }
    out.write_all(b"\n]}\n")
}

/// Writes the events as a GeoJSON Text Sequence, as [`crate::formats::seq::features`] writes
/// [`events`]' collection.
pub fn write_events_seq(located: &[Located], out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut buf = Vec::new();
    for (e, id) in located.iter().zip(event_ids(located)) {
        buf.clear();
        buf.push(crate::formats::seq::RS as u8);
        EventFeature::new(e, &id).write(&mut buf);
        buf.push(b'\n');
        out.write_all(&buf)?;
    }
    Ok(())
}

/// The events layer alone (what `extract` prints; [`write_events`] writes the same bytes).
pub fn events(located: &[Located]) -> FeatureCollection {
    let features = located
        .iter()
        .zip(event_ids(located))
        .map(|(e, id)| {
            let mut props = JsonObject::new();
            props.insert("id".into(), json!(id));
            props.insert("action".into(), json!(e.action.as_str()));
            props.insert("country".into(), json!(e.country));
            props.insert("country_name".into(), json!(e.country_name));
            props.insert("place".into(), json!(e.place));
            props.insert("place_type".into(), json!(e.place_type));
            props.insert("text".into(), json!(e.text));
            props.insert("sentence".into(), json!(e.sentence));
            props.insert("start".into(), json!(e.start));
            props.insert("end".into(), json!(e.end));
            props.insert("article".into(), json!(e.article));
            props.insert("confidence".into(), json!(e.confidence));
            props.insert("reason".into(), json!(e.reason));
            props.insert("cue".into(), json!(e.cue));
            // A date or null (never ""), so that GDAL types the field as a date.
            props.insert("date".into(), json!(e.date.map(|d| d.date.to_string())));
            props.insert(
                "date_source".into(),
                json!(e.date.map(|d| d.source.as_str())),
            );
            // simplestyle-spec 1.1.0, so geojson.io and code hosts' previews show map.png's
            // colours and shapes (the style table in `render::style`).
            props.insert(
                "title".into(),
                json!(format!("{} in {}", e.action.title(), e.place)),
            );
            props.insert("description".into(), json!(e.sentence));
            props.insert("marker-color".into(), json!(hex(style::color(e.action))));
            props.insert(
                "marker-symbol".into(),
                json!(symbol_name(style::symbol(e.action))),
            );
            props.insert("marker-size".into(), json!("medium"));
            Feature {
                bbox: None,
                geometry: Some(Geometry::new(Value::Point(vec![
                    round6(e.point.x()),
                    round6(e.point.y()),
                ]))),
                id: Some(geojson::feature::Id::String(id)),
                properties: Some(props),
                foreign_members: None,
            }
        })
        .collect();
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    }
}

/// The actions of each involved country, in code order, each list in `Action` order.
pub fn country_actions(located: &[Located]) -> Vec<(String, String, Vec<Action>)> {
    let mut out: Vec<(String, String, Vec<Action>)> = Vec::new();
    for e in located {
        match out.iter_mut().find(|(code, _, _)| *code == e.country) {
            Some((_, _, actions)) => {
                if !actions.contains(&e.action) {
                    actions.push(e.action);
                }
            }
            None => out.push((e.country.clone(), e.country_name.clone(), vec![e.action])),
        }
    }
    for (_, _, actions) in &mut out {
        actions.sort();
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn join_actions(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// One flow: from a hub to a place.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLine {
    /// The hub's name and country.
    pub from: (String, String),
    /// The place's name and country.
    pub to: (String, String),
    /// The actions at the place.
    pub actions: Vec<Action>,
    /// Great-circle parts in lon/lat, cut at ±180°.
    pub parts: Vec<Vec<Coord<f64>>>,
}

/// The flows: from the one hub ([`crate::hub::find`]) to each place outside the hub's
/// country, one per place (events at one point are one place), in event order; none when
/// there is no hub or `flows` is [`Flows::None`].
pub fn flow_lines(located: &[Located], flows: Flows) -> Vec<FlowLine> {
    let Some(hub) = crate::hub::find(located, flows) else {
        return Vec::new();
    };
    let mut targets: Vec<(&Located, Vec<Action>)> = Vec::new();
    for e in located {
        if e.country == hub.country || e.point == hub.point {
            continue;
        }
        match targets.iter_mut().find(|(t, _)| t.point == e.point) {
            Some((_, actions)) => {
                if !actions.contains(&e.action) {
                    actions.push(e.action);
                }
            }
            None => targets.push((e, vec![e.action])),
        }
    }
    targets
        .into_iter()
        .map(|(t, mut actions)| {
            actions.sort();
            FlowLine {
                from: (hub.place.clone(), hub.country.clone()),
                to: (t.place.clone(), t.country.clone()),
                actions,
                parts: great_circle(hub.point, t.point),
            }
        })
        .collect()
}

/// Points along the great circle from `a` to `b`, cut into parts where it crosses ±180°.
pub fn great_circle(a: Point<f64>, b: Point<f64>) -> Vec<Vec<Coord<f64>>> {
    let points: Vec<Coord<f64>> = (0..=FLOW_STEPS)
        .map(|i| {
            if i == 0 {
                a.0
            } else if i == FLOW_STEPS {
                b.0
            } else {
                Haversine
                    .point_at_ratio_between(a, b, i as f64 / FLOW_STEPS as f64)
                    .0
            }
        })
        .collect();
    cut_at_antimeridian(&points)
}

/// Cuts a lon/lat line where a segment jumps more than 180° of longitude, ending one part at
/// ±180° and starting the next at ∓180°, with the crossing latitude interpolated.
pub fn cut_at_antimeridian(points: &[Coord<f64>]) -> Vec<Vec<Coord<f64>>> {
    let mut parts: Vec<Vec<Coord<f64>>> = Vec::new();
    let mut current: Vec<Coord<f64>> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        if i > 0 {
            let q = points[i - 1];
            let dx = p.x - q.x;
            if dx.abs() > 180.0 {
                // Crossing: unwrap p next to q and find where lon = ±180.
                let edge = if q.x > 0.0 { 180.0 } else { -180.0 };
                let px = if dx < 0.0 { p.x + 360.0 } else { p.x - 360.0 };
                let t = (edge - q.x) / (px - q.x);
                let lat = q.y + t * (p.y - q.y);
                current.push(Coord { x: edge, y: lat });
                parts.push(std::mem::take(&mut current));
                current.push(Coord { x: -edge, y: lat });
            }
        }
        current.push(p);
    }
    if current.len() >= 2 {
        parts.push(current);
    }
    parts.retain(|p| p.len() >= 2);
    parts
}

/// Builds the three layers, the flows from the one hub ([`Flows::Hub`]).
pub fn build(gazetteer: &Gazetteer, located: &[Located]) -> Result<Layers> {
    build_with(gazetteer, located, Flows::Hub)
}

/// Builds the three layers, the flows as `flows` says (`--flows`).
pub fn build_with(gazetteer: &Gazetteer, located: &[Located], flows: Flows) -> Result<Layers> {
    let mut countries = Vec::new();
    for (code, name, actions) in country_actions(located) {
        let Some(outline) = gazetteer.outline(Detail::Regional, &code)? else {
            continue;
        };
        let shape = outline.shape.orient(geo::orient::Direction::Default);
        let polygons: Vec<Vec<Vec<Vec<f64>>>> = shape
            .0
            .iter()
            .map(|poly| {
                std::iter::once(poly.exterior())
                    .chain(poly.interiors())
                    .map(|ring| {
                        ring.0
                            .iter()
                            .map(|c| vec![round6(c.x), round6(c.y)])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut props = JsonObject::new();
        props.insert("id".into(), json!(code));
        props.insert("country".into(), json!(code));
        props.insert("name".into(), json!(name));
        props.insert("actions".into(), json!(join_actions(&actions)));
        props.insert("role".into(), json!(actions[0].as_str()));
        // simplestyle: the role's colour at 25 % opacity is map.png's tint over white.
        props.insert("title".into(), json!(name));
        props.insert(
            "description".into(),
            json!(format!(
                "Actions: {}",
                join_actions(&actions).replace(',', ", ")
            )),
        );
        props.insert("fill".into(), json!(hex(style::color(actions[0]))));
        props.insert("fill-opacity".into(), json!(0.25));
        props.insert("stroke".into(), json!(hex(style::FRAME)));
        props.insert("stroke-width".into(), json!(1.0));
        countries.push(Feature {
            bbox: None,
            geometry: Some(Geometry::new(Value::MultiPolygon(polygons))),
            id: Some(geojson::feature::Id::String(code.clone())),
            properties: Some(props),
            foreign_members: None,
        });
    }
    let flows = flow_features(located, flows);
    Ok(Layers {
        events: events(located),
        countries: FeatureCollection {
            bbox: None,
            features: countries,
            foreign_members: None,
        },
        flows: FeatureCollection {
            bbox: None,
            features: flows,
            foreign_members: None,
        },
    })
}

/// The flows layer's features: one MultiLineString per flow line ([`flow_lines`]).
fn flow_features(located: &[Located], flows: Flows) -> Vec<Feature> {
    flow_lines(located, flows)
        .into_iter()
        .map(|line| {
            let id = format!("flow-{}-{}", slug(&line.from.0), slug(&line.to.0));
            let mut props = JsonObject::new();
            props.insert("id".into(), json!(id));
            props.insert("from".into(), json!(line.from.0));
            props.insert("from_country".into(), json!(line.from.1));
            props.insert("to".into(), json!(line.to.0));
            props.insert("to_country".into(), json!(line.to.1));
            props.insert("actions".into(), json!(join_actions(&line.actions)));
            // simplestyle.
            props.insert(
                "title".into(),
                json!(format!("{} → {}", line.from.0, line.to.0)),
            );
            props.insert(
                "description".into(),
                json!(format!(
                    "Coordinated from {} ({}); at {} ({}): {}",
                    line.from.0,
                    line.from.1,
                    line.to.0,
                    line.to.1,
                    join_actions(&line.actions).replace(',', ", ")
                )),
            );
            props.insert("stroke".into(), json!(hex(style::FLOW)));
            props.insert("stroke-width".into(), json!(2.0));
            props.insert("stroke-opacity".into(), json!(0.8));
            let parts = line
                .parts
                .iter()
                .map(|part| {
                    part.iter()
                        .map(|c| vec![round6(c.x), round6(c.y)])
                        .collect()
                })
                .collect();
            Feature {
                bbox: None,
                geometry: Some(Geometry::new(Value::MultiLineString(parts))),
                id: Some(geojson::feature::Id::String(id)),
                properties: Some(props),
                foreign_members: None,
            }
        })
        .collect()
}

/// Serialises a FeatureCollection with one feature per line (small diffs, stable bytes).
pub fn to_geojson_string(collection: &FeatureCollection) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[");
    for (i, f) in collection.features.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        // Streamed: the same bytes as through a `serde_json::Value`, without building one.
        out.push_str(&serde_json::to_string(f).expect("a feature serialises"));
    }
    out.push_str("\n]}\n");
    out
}

/// What the map shows: markers per place, fills per country, flows from the one hub.
pub fn map_spec(located: &[Located], title: &str, width: u32, height: u32) -> MapSpec {
    map_spec_with(located, title, (width, height), Flows::Hub)
}

/// What the map shows, `width`×`height` pixels, the flows as `flows` says (`--flows`).
pub fn map_spec_with(
    located: &[Located],
    title: &str,
    (width, height): (u32, u32),
    flows: Flows,
) -> MapSpec {
    let mut markers: Vec<Marker> = Vec::new();
    for e in located {
        match markers.iter_mut().find(|m| m.point == e.point) {
            Some(m) => {
                if !m.actions.contains(&e.action) {
                    m.actions.push(e.action);
                    m.actions.sort();
                }
                if e.place_type == "country" && m.label != e.place {
                    m.label = e.place.clone();
                }
            }
            None => markers.push(Marker {
                point: e.point,
                label: e.place.clone(),
                actions: vec![e.action],
            }),
        }
    }
    let countries = country_actions(located)
        .into_iter()
        .map(|(code, _, actions)| CountryFill {
            code,
            role: actions[0],
        })
        .collect();
    let flows = flow_lines(located, flows)
        .into_iter()
        .map(|line| Flow { parts: line.parts })
        .collect();
    MapSpec {
        title: title.to_string(),
        width,
        height,
        markers,
        countries,
        flows,
        attribution: ATTRIBUTION.to_string(),
        choropleth: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_lines_at_the_antimeridian() {
        let line = vec![Coord { x: 170.0, y: 0.0 }, Coord { x: -170.0, y: 10.0 }];
        let parts = cut_at_antimeridian(&line);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].last().unwrap(), &Coord { x: 180.0, y: 5.0 });
        assert_eq!(parts[1][0], Coord { x: -180.0, y: 5.0 });
    }

    #[test]
    fn great_circle_ends_at_its_points() {
        let parts = great_circle(Point::new(4.3, 52.1), Point::new(-75.7, 45.4));
        assert_eq!(parts.len(), 1);
        let line = &parts[0];
        assert_eq!(line.len(), FLOW_STEPS + 1);
        assert_eq!(line[0], Coord { x: 4.3, y: 52.1 });
        // A great circle from Europe to Canada bows north of both ends.
        assert!(line[FLOW_STEPS / 2].y > 52.1);
    }

    fn located(place: &str, sentence: &str, confidence: f64) -> Located {
        Located {
            action: Action::Seizure,
            country: "NL".into(),
            country_name: "Netherlands".into(),
            place: place.into(),
            place_type: "city".into(),
            point: Point::new(4.899_431_1, -52.379_189_9),
            text: place.into(),
            sentence: sentence.into(),
            start: 3,
            end: 3 + place.len(),
            article: "dir/a \"b\".txt".into(),
            confidence,
            reason: "object".into(),
            cue: "seized\u{1}".into(),
            id: None,
            date: None,
        }
    }

    #[test]
    fn written_features_are_the_bytes_serde_json_writes() {
        let events = [
            located("Amsterdam", "Servers were seized in Amsterdam.", 0.9),
            located(
                "Den \"Haag\" \\ \u{7f}",
                "Quotes \" and \\ back\tslash, \u{0} nul, \u{1f} unit, é, \u{2028}, 😀",
                1.0,
            ),
            located("", "", 0.0),
        ];
        let mut events = events;
        events[0].date = Some(crate::dates::ArticleDate {
            date: "2018-04-27".parse().unwrap(),
            source: crate::dates::DateSource::Dateline,
        });
        let ids = event_ids(&events);
        let collection = self::events(&events);
        assert_eq!(
            collection.features[0].property("date").unwrap(),
            "2018-04-27"
        );
        assert_eq!(
            collection.features[1].property("date").unwrap(),
            &serde_json::Value::Null
        );
        for ((e, id), feature) in events.iter().zip(&ids).zip(&collection.features) {
            let mut written = Vec::new();
            EventFeature::new(e, id).write(&mut written);
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(feature).unwrap()
            );
            // Corpus mode: the url closes the properties.
            let mut dated = Vec::new();
            EventFeature::new(e, id)
                .with_url("https://x.test/?a=\"1\"")
                .write(&mut dated);
            let value: serde_json::Value = serde_json::from_slice(&dated).unwrap();
            let keys: Vec<&String> = value["properties"].as_object().unwrap().keys().collect();
            assert_eq!(keys[keys.len() - 1..], ["url"]);
            assert_eq!(value["properties"]["url"], "https://x.test/?a=\"1\"");
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // Every ASCII byte, at every place in and around a 16-byte block.
        for len in [1, 15, 16, 17, 40] {
            for at in 0..len {
                for b in 0u8..0x80 {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    let text = String::from_utf8(text).unwrap();
                    let mut out = Vec::new();
                    json_string(&mut out, &text);
                    assert_eq!(out, serde_json::to_vec(&text).unwrap(), "{text:?}");
                }
            }
        }
        let mut out = Vec::new();
        json_string_content(&mut out, "é \"q\" \u{2028}");
        assert_eq!(out, "é \\\"q\\\" \u{2028}".as_bytes());
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slug("Côte d'Ivoire"), "côte-d-ivoire");
        assert_eq!(slug("The Hague"), "the-hague");
        assert_eq!(slug("  --São Paulo!! "), "são-paulo");
        assert_eq!(slug("İstanbul"), "i̇stanbul");
        assert_eq!(slug("?!"), "");
    }
}

//! Building the GeoJSON layers (RFC 7946) from located events (what the map shows is built from
//! the same events in [`crate::spec`], after this module).
//!
//! In: the gazetteer and [`Located`] events. Out: [`Layers`]: three layers, one geometry type
//! each, so that QGIS opens every file without a sublayer dialog:
//! - `events`: one Point per event, an [`EventRecord`] each ([RFC 7946 § 3.1.2](https://datatracker.ietf.org/doc/html/rfc7946#section-3.1.2));
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
use crate::gazetteer::{Detail, Gazetteer, PlaceId, PlaceKind};
use crate::hub::Flows;
use crate::record::{round6, CountryCode, EventRecord};
use crate::resolve::Located;
use crate::style;
use geo::{Coord, Haversine, InterpolatePoint, Orient, Point};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject, Value};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use serde_json::json;

/// The three layers of a map.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    /// Event points, one record each ([`EventRecord`], written by [`events_geojson`]).
    pub events: Vec<EventRecord>,
    /// Involved countries' outlines.
    pub countries: FeatureCollection,
    /// Flows from the coordinating hub(s).
    pub flows: FeatureCollection,
}

/// The attribution every map and layer set carries: each source and the credit its licence asks.
pub(crate) const ATTRIBUTION: &str =
    "Made with Natural Earth · GeoNames (www.geonames.org), CC BY 4.0 · \
     Contains data from mledoze/countries, ODbL 1.0 · Map: opmap";

/// Points per flow line.
const FLOW_STEPS: usize = 64;

/// A stable id for an event: `action-COUNTRY-place`.
pub(crate) fn event_id(e: &Located) -> String {
    let mut id = String::with_capacity(e.place.len() + 24);
    id.push_str(e.action.as_str());
    id.push('-');
    id.push_str(e.country.as_str());
    id.push('-');
    push_slug(&mut id, &e.place);
    id
}

/// Lower-case letters and digits, other runs of characters as one `-`.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_slug(&mut out, s);
    out
}

/// Appends [`slug`]`(s)` to `out`.
pub(crate) fn push_slug(out: &mut String, s: &str) {
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

/// One event as a GeoJSON Feature, written straight from the event (no record in between),
/// for the hot paths (`extract`, `batch`): the same bytes as its [`EventRecord`] serialised,
/// `date`, `date_source`, `lang` and `url` included (a test proves it on awkward strings).
#[derive(Debug, Clone, Copy)]
pub struct EventFeature<'a> {
    event: &'a Located,
    id: &'a str,
    url: Option<&'a str>,
}

impl<'a> EventFeature<'a> {
    /// The feature of event `e` with id `id`.
    pub(crate) fn new(e: &'a Located, id: &'a str) -> EventFeature<'a> {
        EventFeature {
            event: e,
            id,
            url: None,
        }
    }

    /// The same feature with `url` added after the other properties.
    pub(crate) fn with_url(mut self, url: &'a str) -> EventFeature<'a> {
        self.url = Some(url);
        self
    }

    /// Appends the feature's JSON to `out` (compact, keys in the order of
    /// [`crate::record::EventProperties`]).
    ///
    /// Strings are escaped by `serde_json`, numbers formatted by it; the evidence sentence,
    /// which is also the simplestyle `description`, is escaped once and copied.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        self.write_marked(out);
    }

    /// [`EventFeature::write`], returning where in `out` it wrote the id and the article's name
    /// (each string's escaped content, without its quotes), in order: the `id` property, the
    /// `article` property, the feature's `id`. A batch run renames an article in written
    /// records through them.
    pub(crate) fn write_marked(&self, out: &mut Vec<u8>) -> [std::ops::Range<usize>; 3] {
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
        string_field(out, "country", e.country.as_str());
        string_field(out, "country_name", &e.country_name);
        string_field(out, "place", &e.place);
        string_field(out, "place_type", e.place_kind.as_str());
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
        string_field(out, "reason", e.reason.as_str());
        string_field(out, "cue", &e.cue);
        // simplestyle-spec 1.1.0 (see `EventProperties`).
        out.extend_from_slice(b",\"title\":\"");
        out.extend_from_slice(e.action.title().as_bytes());
        out.extend_from_slice(b" in ");
        json_string_content(out, &e.place);
        out.extend_from_slice(b"\",\"description\":");
        out.extend_from_within(sentence);
        out.extend_from_slice(b",\"marker-color\":\"");
        out.extend_from_slice(&style::color(e.action).hex_bytes(b"0123456789abcdef"));
        out.extend_from_slice(b"\",\"marker-symbol\":\"");
        out.extend_from_slice(style::symbol_name(style::symbol(e.action)).as_bytes());
        out.extend_from_slice(b"\",\"marker-size\":\"medium\"");
        // A date or null (never ""), so that GDAL types the field as a date.
        match e.date {
            Some(d) => {
                push_key(out, "date");
                out.push(b'"');
                out.extend_from_slice(&d.date.iso());
                out.push(b'"');
                string_field(out, "date_source", d.source.as_str());
            }
            None => out.extend_from_slice(b",\"date\":null,\"date_source\":null"),
        }
        match e.lang {
            Some(lang) => string_field(out, "lang", lang.code()),
            None => out.extend_from_slice(b",\"lang\":null"),
        }
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
/// `serde_json` escapes; everything else, UTF-8 included, is written as it is). Checked eight
/// bytes at a time ([`crate::bytes`]: every sentence of every event passes here).
fn needs_escape(bytes: &[u8]) -> bool {
    use crate::bytes::{has_byte_below, splat};
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("chunks of eight"));
        if has_byte_below(x, 0x20)
            || has_byte_below(x ^ splat(b'"'), 1)
            || has_byte_below(x ^ splat(b'\\'), 1)
        {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Writes the events layer as [`events_geojson`] writes the events' records, feature by
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

/// The events layer as text: one feature per line, as [`to_geojson_string`] writes any layer
/// ([`write_events`] writes the same bytes straight from the events).
pub fn events_geojson(records: &[EventRecord]) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[");
    for (i, r) in records.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&r.to_json());
    }
    out.push_str("\n]}\n");
    out
}

/// Which place each event is at: for each event, the index of its place among the distinct
/// places in first-seen order, and the number of places. Events join on the gazetteer's place
/// id, or, read back from a file with a place the gazetteer lacks, on the place's name, kind
/// and country; never on their points.
pub fn place_indices(located: &[Located]) -> (Vec<usize>, usize) {
    indices(located, |e| e.place_id)
}

/// Which site each event is at ([`Located::site`]: an agency's seat, any other place itself),
/// as [`place_indices`]: the places of one site (Europol and Eurojust in The Hague) share a
/// marker and a flow hub. Marker `i` of [`crate::spec::map_spec`] is site `i`.
pub fn site_indices(located: &[Located]) -> (Vec<usize>, usize) {
    indices(located, |e| e.site)
}

fn indices(located: &[Located], id: impl Fn(&Located) -> Option<PlaceId>) -> (Vec<usize>, usize) {
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'a> {
        Id(PlaceId),
        Named(CountryCode, PlaceKind, &'a str),
    }
    let mut seen: HashMap<Key<'_>, usize> = HashMap::default();
    let indices = located
        .iter()
        .map(|e| {
            let key = match id(e) {
                Some(id) => Key::Id(id),
                None => Key::Named(e.country, e.place_kind, &e.place),
            };
            let next = seen.len();
            *seen.entry(key).or_insert(next)
        })
        .collect();
    (indices, seen.len())
}

/// One involved country as the countries layer shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryActions {
    /// Its code.
    pub code: CountryCode,
    /// Its English name.
    pub name: String,
    /// Its actions, in `Action` order (never empty: the first is its `role`).
    pub actions: Vec<Action>,
    /// Counts written after the other properties, in order (a batch run's `articles` and one
    /// per action); none for a single map.
    pub counts: Vec<(&'static str, u64)>,
}

/// The actions of each involved country, in code order, each list in `Action` order.
pub fn country_actions(located: &[Located]) -> Vec<CountryActions> {
    let mut out: Vec<CountryActions> = Vec::new();
    for e in located {
        match out.iter_mut().find(|c| c.code == e.country) {
            Some(c) => {
                if !c.actions.contains(&e.action) {
                    c.actions.push(e.action);
                }
            }
            None => out.push(CountryActions {
                code: e.country,
                name: e.country_name.clone(),
                actions: vec![e.action],
                counts: Vec::new(),
            }),
        }
    }
    for c in &mut out {
        c.actions.sort();
    }
    out.sort_by_key(|c| c.code);
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
    pub from: (String, CountryCode),
    /// The place's name and country.
    pub to: (String, CountryCode),
    /// The actions at the place.
    pub actions: Vec<Action>,
    /// Great-circle parts in lon/lat, cut at ±180°.
    pub parts: Vec<Vec<Coord<f64>>>,
    /// The hub's site and the place's ([`site_indices`]: the indices of their markers in
    /// [`crate::spec::map_spec`]).
    pub sites: (usize, usize),
}

/// The flows: from the one hub ([`crate::hub::find`]) to each site outside the hub's country
/// and site, one per site (one per marker of [`crate::spec::map_spec`]), in event order; none
/// when there is no hub or `flows` is [`Flows::None`]. Sites are told apart by
/// [`site_indices`].
pub fn flow_lines(located: &[Located], flows: Flows) -> Vec<FlowLine> {
    let Some(hub) = crate::hub::find(located, flows) else {
        return Vec::new();
    };
    let h = located
        .iter()
        .position(|e| std::ptr::eq(e, hub))
        .expect("the hub is one of the events");
    let (site_of, _) = site_indices(located);
    // Each target site (its first event's index) with its actions: one arrow per marker.
    let mut targets: Vec<(usize, Vec<Action>)> = Vec::new();
    for (i, e) in located.iter().enumerate() {
        if e.country == hub.country || site_of[i] == site_of[h] {
            continue;
        }
        match targets.iter_mut().find(|(t, _)| site_of[*t] == site_of[i]) {
            Some((_, actions)) => {
                if !actions.contains(&e.action) {
                    actions.push(e.action);
                }
            }
            None => targets.push((i, vec![e.action])),
        }
    }
    targets
        .into_iter()
        .map(|(t, mut actions)| {
            let sites = (site_of[h], site_of[t]);
            let t = &located[t];
            actions.sort();
            FlowLine {
                from: (hub.place.clone(), hub.country),
                to: (t.place.clone(), t.country),
                actions,
                parts: great_circle(hub.point, t.point),
                sites,
            }
        })
        .collect()
}

/// Points along the great circle from `a` to `b`, cut into parts where it crosses ±180°.
pub(crate) fn great_circle(a: Point<f64>, b: Point<f64>) -> Vec<Vec<Coord<f64>>> {
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
pub(crate) fn cut_at_antimeridian(points: &[Coord<f64>]) -> Vec<Vec<Coord<f64>>> {
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
    Ok(Layers {
        events: EventRecord::all(located),
        countries: countries(gazetteer, &country_actions(located))?,
        flows: self::flows(&flow_lines(located, flows)),
    })
}

/// The countries layer: one MultiPolygon per country that has an outline, with its `actions`,
/// its `role` (the first action), simplestyle keys, then its [`CountryActions::counts`]. A
/// single map's rows come from [`country_actions`]; a batch run's from its aggregate counts.
pub(crate) fn countries(
    gazetteer: &Gazetteer,
    rows: &[CountryActions],
) -> Result<FeatureCollection> {
    let mut features = Vec::new();
    for row in rows {
        let Some(outline) = gazetteer.outline(Detail::Regional, row.code.as_str())? else {
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
        let (code, name, actions) = (row.code.as_str(), &row.name, &row.actions);
        let mut props = JsonObject::new();
        props.insert("id".into(), json!(code));
        props.insert("country".into(), json!(code));
        props.insert("name".into(), json!(name));
        props.insert("actions".into(), json!(join_actions(actions)));
        props.insert("role".into(), json!(actions[0].as_str()));
        // simplestyle: the role's colour at 25 % opacity is map.png's tint over white.
        props.insert("title".into(), json!(name));
        let listed = join_actions(actions).replace(',', ", ");
        props.insert("description".into(), json!(format!("Actions: {listed}")));
        props.insert("fill".into(), json!(style::color(actions[0]).hex()));
        props.insert("fill-opacity".into(), json!(0.25));
        props.insert("stroke".into(), json!(style::FRAME.hex()));
        props.insert("stroke-width".into(), json!(1.0));
        for &(key, n) in &row.counts {
            props.insert(key.into(), n.into());
        }
        features.push(Feature {
            bbox: None,
            geometry: Some(Geometry::new(Value::MultiPolygon(polygons))),
            id: Some(geojson::feature::Id::String(code.to_string())),
            properties: Some(props),
            foreign_members: None,
        });
    }
    Ok(FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    })
}

/// The flows layer: one MultiLineString per flow line.
pub(crate) fn flows(lines: &[FlowLine]) -> FeatureCollection {
    let features = lines
        .iter()
        .map(|line| {
            let id = format!("flow-{}-{}", slug(&line.from.0), slug(&line.to.0));
            let actions = join_actions(&line.actions);
            let mut props = JsonObject::new();
            props.insert("id".into(), json!(id));
            props.insert("from".into(), json!(line.from.0));
            props.insert("from_country".into(), json!(line.from.1));
            props.insert("to".into(), json!(line.to.0));
            props.insert("to_country".into(), json!(line.to.1));
            props.insert("actions".into(), json!(actions));
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
                    actions.replace(',', ", ")
                )),
            );
            props.insert("stroke".into(), json!(style::FLOW.hex()));
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
        .collect();
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    }
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

#[cfg(test)]
mod tests {
    /// Every byte value at every position of an eight-byte word and of the tail: only a control
    /// character, a quotation mark or a backslash needs escaping.
    #[test]
    fn needs_escape_finds_exactly_the_bytes_json_escapes() {
        for len in [1usize, 7, 8, 9, 16, 19] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let want = b < 0x20 || b == b'"' || b == b'\\';
                    assert_eq!(needs_escape(&bytes), want, "byte {b:#x} at {at} of {len}");
                }
            }
        }
        // Two bytes side by side, where a borrow from one could reach the other.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let bytes = [b'a', b'a', b'a', a, b, b'a', b'a', b'a'];
                let special = |c: u8| c < 0x20 || c == b'"' || c == b'\\';
                assert_eq!(
                    needs_escape(&bytes),
                    special(a) || special(b),
                    "{a:#x} {b:#x}"
                );
            }
        }
        assert!(!needs_escape(b""));
        assert!(!needs_escape("Zürich – Genève, «ok» 100 %".as_bytes()));
    }

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
            place_id: None,
            site: None,
            country: CountryCode::new("NL").unwrap(),
            country_name: "Netherlands".into(),
            place: place.into(),
            place_kind: PlaceKind::City,
            point: Point::new(4.899_431_1, -52.379_189_9),
            text: place.into(),
            sentence: sentence.into(),
            start: 3,
            end: 3 + place.len(),
            article: "dir/a \"b\".txt".into(),
            confidence,
            reason: crate::record::Reason::Rule(crate::actions::Rule::Object),
            cue: "seized\u{1}".into(),
            id: None,
            date: None,
            lang: None,
        }
    }

    #[test]
    fn written_features_are_the_bytes_of_the_records() {
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
        let records = EventRecord::all(&events);
        assert_eq!(records[0].properties.date.as_deref(), Some("2018-04-27"));
        assert_eq!(
            records[0].properties.date_source.as_deref(),
            Some("dateline")
        );
        // Unknown dates are written as null, never left out.
        assert!(records[1]
            .to_json()
            .contains(r#""date":null,"date_source":null"#));
        for ((e, id), record) in events.iter().zip(&ids).zip(&records) {
            let mut written = Vec::new();
            EventFeature::new(e, id).write(&mut written);
            assert_eq!(String::from_utf8(written).unwrap(), record.to_json());
            // The record is what a geojson Feature of its properties serialises to.
            let feature: geojson::Feature = record.to_json().parse().unwrap();
            assert_eq!(serde_json::to_string(&feature).unwrap(), record.to_json());
            // Corpus mode: the url closes the properties.
            let url = "https://x.test/?a=\"1\"";
            let mut with_url = Vec::new();
            EventFeature::new(e, id).with_url(url).write(&mut with_url);
            let mut expected = record.clone();
            expected.properties = expected.properties.with_url(url);
            assert_eq!(String::from_utf8(with_url).unwrap(), expected.to_json());
        }
        // The whole layer, streamed or from the records.
        let mut streamed = Vec::new();
        write_events(&events, &mut streamed).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            events_geojson(&records)
        );
        let mut seq = Vec::new();
        crate::formats::seq::write_events(&events, &mut seq).unwrap();
        assert_eq!(
            String::from_utf8(seq).unwrap(),
            crate::formats::seq::features(&records)
        );
    }

    #[test]
    fn places_join_by_id_not_by_point() {
        let at = |place: &str, id: PlaceId, site: PlaceId| {
            let mut e = located(place, "x", 1.0);
            (e.place_id, e.site) = (Some(id), Some(site));
            e
        };
        let mut a = at("Amsterdam", 1, 1);
        a.action = Action::Coordination;
        // Another place at the same point, in another country: its own site, and a flow.
        let mut b = at("Elsewhere", 2, 2);
        b.country = CountryCode::new("BE").unwrap();
        // An agency seated in Amsterdam: its own place, Amsterdam's site.
        let mut c = at("Agency", 3, 1);
        c.action = Action::Coordination;
        let all = [a.clone(), b.clone(), c, at("Amsterdam", 1, 1)];
        assert_eq!(place_indices(&all), (vec![0, 1, 2, 0], 3));
        assert_eq!(site_indices(&all), (vec![0, 1, 0, 0], 2));
        // One hub for the site, one flow to the other place.
        let lines = flow_lines(&all, Flows::Hub);
        assert_eq!(lines.len(), 1);
        assert_eq!(
            (lines[0].from.0.as_str(), lines[0].to.0.as_str()),
            ("Amsterdam", "Elsewhere")
        );
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

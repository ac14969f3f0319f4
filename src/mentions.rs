//! Every place mention of an article as a record: what `opmap places` prints.
//!
//! In: the gazetteer, the articles and their [`Extraction`]s. Out: [`PlaceRecord`]s, one per
//! place mention in text order: its words and offsets (UTF-8 bytes, as the events have, and
//! characters, as Python and most corpora count), the kind of name, the place it resolves to
//! (name, country, GeoNames id, point), the readings it was chosen among, and its fate in the
//! extraction: the ids of the events it produced, or the background filter that dropped it
//! (`BySpan::fate`). The writers print them as a GeoJSON FeatureCollection
//! ([RFC 7946](https://datatracker.ietf.org/doc/html/rfc7946)), as GeoJSON Text Sequences
//! ([RFC 8142](https://datatracker.ietf.org/doc/html/rfc8142)) or as CSV
//! ([RFC 4180](https://datatracker.ietf.org/doc/html/rfc4180)).

use crate::action::Action;
use crate::article::Article;
use crate::error::{Error, Result};
use crate::gazetteer::{Form, Gazetteer, PlaceId, PlaceKind};
use crate::places::Mention;
use crate::span::Span;
use crate::Extraction;
use geo::Point;
use rustc_hash::FxHashMap as HashMap;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// What kind of name a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A country's name, short form or code ("France", "the Netherlands", "US").
    Country,
    /// A country's adjective or demonym ("Dutch", "Briton").
    Demonym,
    /// An agency or body that stands for a country or its seat ("Europol", "the FBI").
    Agency,
    /// A city or town.
    City,
    /// A first-order administrative region: a state, province, Land, region.
    Region,
    /// A continent or its demonym ("Europe", "African"): no country, no event.
    Continent,
}

impl MentionKind {
    /// `"country"`, `"demonym"`, `"agency"`, `"city"` or `"region"`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            MentionKind::Country => "country",
            MentionKind::Demonym => "demonym",
            MentionKind::Agency => "agency",
            MentionKind::City => "city",
            MentionKind::Region => "region",
            MentionKind::Continent => "continent",
        }
    }

    /// The kind of a mention: demonyms and agencies by the form of the name, the others by
    /// the place it resolved to.
    pub fn of(form: Form, place: PlaceKind) -> MentionKind {
        match (form, place) {
            (Form::Demonym, _) => MentionKind::Demonym,
            (Form::Agency, _) | (_, PlaceKind::Agency) => MentionKind::Agency,
            (_, PlaceKind::Country) => MentionKind::Country,
            (_, PlaceKind::City) => MentionKind::City,
            (_, PlaceKind::Region) => MentionKind::Region,
        }
    }
}

/// One reading of a name: a place the mention could have stood for.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The place's name.
    pub name: String,
    /// `country`, `city`, `region` or `agency`.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// Its GeoNames id, where the gazetteer has one.
    pub geonameid: Option<u32>,
    /// Its point, lon/lat degrees (WGS 84).
    pub point: Point<f64>,
    /// People living there (0 where unknown).
    pub population: u64,
    /// True for the reading the mention resolved to.
    pub chosen: bool,
}

/// What became of a mention in the extraction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fate {
    /// The ids of the events it produced (as `opmap extract` writes them), in event order.
    pub events: Vec<String>,
    /// Why it produced none: the name of the background filter that dropped it; `None` when
    /// it produced events.
    pub dropped_by: Option<String>,
}

/// A place mention as `opmap places` prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRecord {
    /// `m1`, `m2`, … in text order; with several articles, a repeated id gets the article's
    /// name appended (`m1-b-txt`).
    pub id: String,
    /// The article: its path as given, or `stdin`.
    pub article: String,
    /// The words in the article that name the place.
    pub text: String,
    /// Byte offsets of `text` in the article (UTF-8, after CRLF → LF), as the events have.
    pub span: Span,
    /// Character (Unicode code point) offsets of `text`: `start`.
    pub char_start: usize,
    /// Character offset where `text` ends (exclusive).
    pub char_end: usize,
    /// What kind of name it is.
    pub kind: MentionKind,
    /// The place's resolved name ("Netherlands", "Paris", "Bavaria", "Europol").
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country, upper case; none for a continent.
    pub country: Option<String>,
    /// The GeoNames id of the place, where the gazetteer has one.
    pub geonameid: Option<u32>,
    /// The place's point, lon/lat degrees (WGS 84).
    pub point: Point<f64>,
    /// The readings of the name, the chosen one flagged.
    pub candidates: Vec<Candidate>,
    /// What the extraction made of it.
    pub fate: Fate,
}

/// The reason given for a bare mention whose country has a more specific action elsewhere in
/// the article: its participation folded into that action (see `actions::Linked::folded`).
pub(crate) const FOLDED: &str = "folded";

/// The reason given for a continent: it names no country, so extraction never sees it.
pub(crate) const NO_COUNTRY: &str = "no-country";

/// One article's events and dropped mentions by the byte span of their place mention, so that
/// each mention's fate is found without a pass over the article (linear in its mentions).
struct BySpan<'x> {
    /// The events whose place mention has this span, in text order.
    events: rustc_hash::FxHashMap<Span, Vec<&'x crate::actions::Event>>,
    /// The first background filter that dropped a mention with this span.
    dropped: rustc_hash::FxHashMap<Span, &'static str>,
}

impl<'x> BySpan<'x> {
    fn new(extraction: &'x Extraction) -> Self {
        let mut events: rustc_hash::FxHashMap<Span, Vec<&crate::actions::Event>> =
            rustc_hash::FxHashMap::default();
        for e in &extraction.events {
            events.entry(e.mention).or_default().push(e);
        }
        let mut dropped = rustc_hash::FxHashMap::default();
        for d in &extraction.dropped {
            dropped.entry(d.mention).or_insert(d.filter.as_str());
        }
        BySpan { events, dropped }
    }

    /// The fate of one mention: the events whose place mention is this mention's byte span
    /// (an event of an (action, place) pair that several mentions state belongs to each of
    /// them), by id; or, when there is none, why it was dropped. `ids` maps each located
    /// event's (action, place) to its id.
    fn fate(&self, mention: &Mention, ids: &HashMap<(Action, PlaceId), &str>) -> Fate {
        let mut events: Vec<String> = Vec::new();
        for e in self.events.get(&mention.span).into_iter().flatten() {
            if let Some(id) = ids.get(&(e.action, e.place)) {
                if !events.iter().any(|known| known == id) {
                    events.push((*id).to_string());
                }
            }
        }
        let dropped_by = events.is_empty().then(|| {
            let filter = self.dropped.get(&mention.span).copied();
            filter.unwrap_or(FOLDED).to_string()
        });
        Fate { events, dropped_by }
    }
}

/// The records of every mention of every article, in input order then text order. Event ids
/// are those `opmap extract` gives the same articles in the same order.
pub fn records(gazetteer: &Gazetteer, articles: &[(Article, Extraction)]) -> Vec<PlaceRecord> {
    let located: Vec<crate::resolve::Located> = articles
        .iter()
        .flat_map(|(_, x)| x.located.iter().cloned())
        .collect();
    let event_ids = crate::layers::event_ids(&located);
    let mut next_event = 0;
    let mut used_ids = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for (article, x) in articles {
        // Each located event's (action, place), found through the event it was made from:
        // the one with its action and its mention's byte span.
        let by_span = BySpan::new(x);
        let mut ids: HashMap<(Action, PlaceId), &str> = HashMap::default();
        for (l, id) in x.located.iter().zip(&event_ids[next_event..]) {
            let span = Span::new(l.start, l.end);
            let made_from = by_span.events.get(&span).into_iter().flatten();
            if let Some(e) = made_from.into_iter().find(|e| e.action == l.action) {
                ids.insert((e.action, e.place), id.as_str());
            }
        }
        next_event += x.located.len();
        let text = &article.text;
        // The mentions extraction uses, then the continents, in text order.
        let mut found: Vec<(Span, PlaceRecord)> = Vec::with_capacity(x.mentions.len());
        for m in &x.mentions {
            let place = gazetteer.place(m.place);
            found.push((
                m.span,
                PlaceRecord {
                    id: String::new(),
                    article: article.path.clone(),
                    text: m.span.of(text).to_string(),
                    span: m.span,
                    char_start: 0,
                    char_end: 0,
                    kind: MentionKind::of(m.form, place.kind),
                    name: place.name.clone(),
                    country: Some(place.country.clone()),
                    geonameid: place.geonameid,
                    point: place.point,
                    candidates: candidates(gazetteer, m),
                    fate: by_span.fate(m, &ids),
                },
            ));
        }
        for c in crate::places::continents(gazetteer, text, &x.mentions) {
            let continent = &gazetteer.continents[c.continent];
            found.push((
                c.span,
                PlaceRecord {
                    id: String::new(),
                    article: article.path.clone(),
                    text: c.span.of(text).to_string(),
                    span: c.span,
                    char_start: 0,
                    char_end: 0,
                    kind: MentionKind::Continent,
                    name: continent.name.clone(),
                    country: None,
                    geonameid: Some(continent.geonameid),
                    point: continent.point,
                    candidates: Vec::new(),
                    fate: Fate {
                        events: Vec::new(),
                        dropped_by: Some(NO_COUNTRY.to_string()),
                    },
                },
            ));
        }
        found.sort_by_key(|(span, _)| span.start);
        let (mut byte, mut chars) = (0usize, 0usize);
        for (n, (span, mut record)) in found.into_iter().enumerate() {
            chars += text[byte..span.start].chars().count();
            record.char_start = chars;
            record.char_end = chars + span.of(text).chars().count();
            byte = span.start;
            let mut id = format!("m{}", n + 1);
            if used_ids.contains(&id) {
                id = format!("{id}-{}", crate::layers::slug(&article.path));
            }
            used_ids.insert(id.clone());
            record.id = id;
            out.push(record);
        }
    }
    out
}

/// The readings of a mention's name, in gazetteer order, the chosen one flagged.
fn candidates(gazetteer: &Gazetteer, m: &Mention) -> Vec<Candidate> {
    // Every reading of the name as written, whatever its form ("Georgia": the country and the
    // US state).
    let mut ids: Vec<PlaceId> = Vec::new();
    for name in gazetteer.names.group(m.name.group) {
        ids.extend(
            name.places()
                .filter(|p| !ids.contains(p))
                .collect::<Vec<_>>(),
        );
    }
    ids.into_iter()
        .map(|id| {
            let p = gazetteer.place(id);
            Candidate {
                name: p.name.clone(),
                kind: p.kind,
                country: p.country.clone(),
                geonameid: p.geonameid,
                point: p.point,
                population: p.population,
                chosen: id == m.place,
            }
        })
        .collect()
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn candidates_json(record: &PlaceRecord) -> Value {
    Value::Array(
        record
            .candidates
            .iter()
            .map(|c| {
                json!({
                    "name": c.name,
                    "kind": c.kind.as_str(),
                    "country": c.country,
                    "geonameid": c.geonameid,
                    "lon": round6(c.point.x()),
                    "lat": round6(c.point.y()),
                    "population": c.population,
                    "chosen": c.chosen,
                })
            })
            .collect(),
    )
}

/// One record as a GeoJSON Feature (a Point), properties in the documented order;
/// `candidates` only when asked for.
pub(crate) fn feature(record: &PlaceRecord, with_candidates: bool) -> Value {
    let mut p = Map::new();
    p.insert("id".into(), json!(record.id));
    p.insert("text".into(), json!(record.text));
    p.insert("start".into(), json!(record.span.start));
    p.insert("end".into(), json!(record.span.end));
    p.insert("char_start".into(), json!(record.char_start));
    p.insert("char_end".into(), json!(record.char_end));
    p.insert("kind".into(), json!(record.kind.as_str()));
    p.insert("name".into(), json!(record.name));
    p.insert("country".into(), json!(record.country));
    p.insert("geonameid".into(), json!(record.geonameid));
    p.insert("events".into(), json!(record.fate.events));
    p.insert("dropped_by".into(), json!(record.fate.dropped_by));
    p.insert("article".into(), json!(record.article));
    if with_candidates {
        p.insert("candidates".into(), candidates_json(record));
    }
    json!({
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round6(record.point.x()), round6(record.point.y())],
        },
        "properties": p,
        "id": record.id,
    })
}

/// The records as one GeoJSON FeatureCollection, a feature per line.
pub fn write_geojson(
    records: &[PlaceRecord],
    with_candidates: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    for (i, r) in records.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &feature(r, with_candidates))?;
    }
    out.write_all(if records.is_empty() {
        b"]}\n"
    } else {
        b"\n]}\n"
    })
}

/// The records as GeoJSON Text Sequences: each feature after an RS byte (0x1E) and followed by
/// a newline; nothing for no record.
pub fn write_seq(
    records: &[PlaceRecord],
    with_candidates: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    for r in records {
        buf.clear();
        crate::formats::seq::push(&mut buf, &feature(r, with_candidates));
        out.write_all(&buf)?;
    }
    Ok(())
}

/// The CSV columns, in order (`candidates` last, only when asked for).
pub(crate) const CSV_COLUMNS: [&str; 16] = [
    "id",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "kind",
    "name",
    "country",
    "geonameid",
    "events",
    "dropped_by",
    "article",
    "lon",
    "lat",
    "candidates",
];

/// The records as CSV: a header, then a row per record; `events` joined by `;`, empty cells
/// for a missing GeoNames id or `dropped_by`, `candidates` as a JSON array.
pub fn csv(records: &[PlaceRecord], with_candidates: bool) -> Result<String> {
    let err = |e: ::csv::Error| Error::WriteOutput {
        path: PathBuf::from("stdout"),
        source: std::io::Error::other(e.to_string()),
    };
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let columns = if with_candidates {
        &CSV_COLUMNS[..]
    } else {
        &CSV_COLUMNS[..CSV_COLUMNS.len() - 1]
    };
    writer.write_record(columns).map_err(err)?;
    for r in records {
        let mut row = vec![
            r.id.clone(),
            r.text.clone(),
            r.span.start.to_string(),
            r.span.end.to_string(),
            r.char_start.to_string(),
            r.char_end.to_string(),
            r.kind.as_str().to_string(),
            r.name.clone(),
            r.country.clone().unwrap_or_default(),
            r.geonameid.map(|g| g.to_string()).unwrap_or_default(),
            r.fate.events.join(";"),
            r.fate.dropped_by.clone().unwrap_or_default(),
            r.article.clone(),
            round6(r.point.x()).to_string(),
            round6(r.point.y()).to_string(),
        ];
        if with_candidates {
            row.push(candidates_json(r).to_string());
        }
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
    use crate::gazetteer::tests_support::small;

    fn run(text: &str) -> Vec<PlaceRecord> {
        let g = small();
        let article = Article::from_text("a.txt", text);
        let x = crate::extract(&g, &article);
        records(&g, &[(article, x)])
    }

    #[test]
    fn offsets_in_bytes_and_characters() {
        let r = run("Café “raids” in Türkiye and the Netherlands.");
        let texts: Vec<&str> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Türkiye", "the Netherlands"]);
        let text = "Café “raids” in Türkiye and the Netherlands.";
        for rec in &r {
            assert_eq!(rec.span.of(text), rec.text);
            let by_chars: String = text
                .chars()
                .skip(rec.char_start)
                .take(rec.char_end - rec.char_start)
                .collect();
            assert_eq!(by_chars, rec.text);
        }
        assert!(r[0].char_start < r[0].span.start);
    }

    #[test]
    fn fate_names_the_events_or_the_filter() {
        let r = run("Two Dutch men were seen. Servers were seized in the Netherlands.");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].kind, MentionKind::Demonym);
        assert_eq!(r[0].fate.events, Vec::<String>::new());
        assert_eq!(r[0].fate.dropped_by.as_deref(), Some("nationality"));
        assert_eq!(r[1].kind, MentionKind::Country);
        assert_eq!(r[1].fate.events, ["seizure-NL-netherlands"]);
        assert_eq!(r[1].fate.dropped_by, None);
    }

    #[test]
    fn every_mention_of_a_pair_shares_its_event() {
        let r = run("Police raided homes in France. More homes were raided in France.");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].fate.events, ["raid-FR-france"]);
        assert_eq!(r[1].fate.events, ["raid-FR-france"]);
    }

    #[test]
    fn candidates_flag_the_chosen_reading() {
        let r = run("Arrests in Washington.");
        assert_eq!(r.len(), 1);
        let chosen: Vec<&Candidate> = r[0].candidates.iter().filter(|c| c.chosen).collect();
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].name, r[0].name);
        assert_eq!(r[0].kind, MentionKind::City);
        assert_eq!(r[0].geonameid, Some(4140963));
    }

    #[test]
    fn writers_agree() {
        let r = run("Servers were seized in the Netherlands, Canada and the US.");
        let mut fc = Vec::new();
        write_geojson(&r, true, &mut fc).unwrap();
        let fc: geojson::FeatureCollection = String::from_utf8(fc).unwrap().parse().unwrap();
        assert_eq!(fc.features.len(), 3);
        let props = fc.features[2].properties.as_ref().unwrap();
        assert_eq!(props["text"], "the US");
        assert_eq!(props["country"], "US");
        assert!(props["candidates"].is_array());
        let mut seq = Vec::new();
        write_seq(&r, false, &mut seq).unwrap();
        assert_eq!(seq.iter().filter(|&&b| b == 0x1e).count(), 3);
        let csv = csv(&r, false).unwrap();
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap(), CSV_COLUMNS[..15].join(","));
        assert!(lines.next().unwrap().starts_with("m1,the Netherlands,"));
        let mut empty = Vec::new();
        write_geojson(&[], false, &mut empty).unwrap();
        assert_eq!(
            String::from_utf8(empty).unwrap(),
            "{\"type\":\"FeatureCollection\",\"features\":[]}\n"
        );
    }
}

//! One event's record at the edge: the typed values a located event carries, and the one
//! definition of its output properties.
//!
//! In: [`Located`] events (typed: [`Action`], [`CountryCode`], [`PlaceKind`], [`Reason`]) and
//! their ids. Out: [`EventProperties`], a struct with serde derives from which every writer
//! works: the events layer (`events.geojson`, [RFC 7946 § 3.2](https://datatracker.ietf.org/doc/html/rfc7946#section-3.2)),
//! GeoJSON Text Sequences (`extract --seq`, `events.geojsonl`), `events.csv` and the web map's
//! data; `opmap render` reads the same struct back ([`crate::events_file`]).
//!
//! Strings are made here and only here: an action's name, a country's code, a place's kind and
//! the rule's name stay enums until [`EventProperties::of`] formats them.

use crate::action::Action;
use crate::actions::Rule;
use crate::gazetteer::PlaceKind;
use crate::resolve::Located;
use crate::style;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An ISO 3166-1 alpha-2 code, upper case (`XK` for Kosovo): two ASCII letters.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code of `s` (two ASCII letters, either case, spaces around ignored), upper case;
    /// `None` for anything else.
    pub(crate) fn new(s: &str) -> Option<CountryCode> {
        match s.trim().as_bytes() {
            &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    /// The code as text (`"NL"`).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("two ASCII letters")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CountryCode, D::Error> {
        let s = String::deserialize(d)?;
        CountryCode::new(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not an ISO 3166-1 alpha-2 code (two letters)"
            ))
        })
    }
}

/// Why an event is on the map: the rule that linked its action to its place, or `edited` for
/// an event read back from a file that names no rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A linking rule ([`Rule`]).
    Rule(Rule),
    /// An event a user added or edited (read back by `opmap render` without a `reason`).
    Edited,
}

impl Reason {
    /// The name written in the `reason` property (`"cue-in-place"`, …, `"edited"`).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Reason::Rule(rule) => rule.as_str(),
            Reason::Edited => "edited",
        }
    }
}

impl std::str::FromStr for Reason {
    type Err = String;

    fn from_str(s: &str) -> Result<Reason, String> {
        if s == "edited" {
            return Ok(Reason::Edited);
        }
        Rule::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .map(Reason::Rule)
            .ok_or_else(|| {
                let names: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
                format!(
                    "unknown reason `{s}` (expected edited or a rule: {})",
                    names.join(", ")
                )
            })
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Reason, D::Error> {
        String::deserialize(d)?
            .trim()
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// Names the property in a deserialisation error and reads `null` as the default: what GIS
/// tools write for an empty attribute.
macro_rules! property {
    ($name:ident, $key:literal, $ty:ty, $default:expr) => {
        pub(super) fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
            Option::<$ty>::deserialize(d)
                .map(|v| v.unwrap_or_else($default))
                .map_err(|e| serde::de::Error::custom(format!("property `{}`: {e}", $key)))
        }
    };
}

mod read {
    use super::*;
    property!(action, "action", Action, || unreachable!("required"));
    property!(country, "country", CountryCode, || unreachable!("required"));
    property!(text, "text", String, String::new);
    property!(place_type, "place_type", PlaceKind, || PlaceKind::Country);
    property!(number, "start or end", usize, || 0);
    property!(confidence, "confidence", f64, || 1.0);
    property!(reason, "reason", Reason, || Reason::Edited);
    property!(date, "date", Option<String>, || None);
    property!(date_source, "date_source", Option<String>, || None);
    property!(url, "url", Option<String>, || None);

    pub(super) fn kind() -> PlaceKind {
        PlaceKind::Country
    }
    pub(super) fn one() -> f64 {
        1.0
    }
    pub(super) fn edited() -> Reason {
        Reason::Edited
    }
}

/// An event's properties in the events layer, in the order they are written: the record's own
/// fields, then the [simplestyle-spec 1.1.0](https://github.com/mapbox/simplestyle-spec/tree/master/1.1.0)
/// keys (so geojson.io and code hosts' previews show map.png's colours and shapes), then `date`
/// and `date_source` (on every event, `null` when the article's date is unknown), then `url`
/// for a batch run's articles that give one.
///
/// Read back ([`crate::events_file`]), only `action` and `country` are required; a missing or
/// `null` property takes its default (`place_type` `country`, `confidence` 1, `reason`
/// `edited`, text empty), and the simplestyle keys are ignored (they follow from the rest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventProperties {
    /// The event's id (also the feature's `id`). Read back from the feature, not here (a
    /// feature's `id` may be a number, and wins over this property).
    #[serde(skip_deserializing)]
    pub id: String,
    /// What happened.
    #[serde(deserialize_with = "read::action")]
    pub action: Action,
    /// The place's country.
    #[serde(deserialize_with = "read::country")]
    pub country: CountryCode,
    /// The country's English name.
    #[serde(default, deserialize_with = "read::text")]
    pub country_name: String,
    /// The place's resolved name ("Netherlands", "Paris", "Europol").
    #[serde(default, deserialize_with = "read::text")]
    pub place: String,
    /// `country`, `city`, `agency` or `region`.
    #[serde(default = "read::kind", deserialize_with = "read::place_type")]
    pub place_type: PlaceKind,
    /// The words in the article that name the place.
    #[serde(default, deserialize_with = "read::text")]
    pub text: String,
    /// The evidence sentence.
    #[serde(default, deserialize_with = "read::text")]
    pub sentence: String,
    /// Byte offset where `text` starts in the article.
    #[serde(default, deserialize_with = "read::number")]
    pub start: usize,
    /// Byte offset where `text` ends.
    #[serde(default, deserialize_with = "read::number")]
    pub end: usize,
    /// The article: its path as given, or `stdin`.
    #[serde(default, deserialize_with = "read::text")]
    pub article: String,
    /// 0–1, how strong the evidence is.
    #[serde(default = "read::one", deserialize_with = "read::confidence")]
    pub confidence: f64,
    /// The rule that linked the action to the place.
    #[serde(default = "read::edited", deserialize_with = "read::reason")]
    pub reason: Reason,
    /// The action word(s) in the sentence.
    #[serde(default, deserialize_with = "read::text")]
    pub cue: String,
    /// simplestyle: "Seizure in Paris".
    #[serde(skip_deserializing)]
    pub title: String,
    /// simplestyle: the evidence sentence.
    #[serde(skip_deserializing)]
    pub description: String,
    /// simplestyle: the action's colour, `#rrggbb`.
    #[serde(rename = "marker-color", skip_deserializing)]
    pub marker_color: String,
    /// simplestyle: the action's symbol ([`style::symbol_name`]).
    #[serde(rename = "marker-symbol", skip_deserializing)]
    pub marker_symbol: String,
    /// simplestyle: always `medium`.
    #[serde(rename = "marker-size", skip_deserializing)]
    pub marker_size: String,
    /// The article's date, `YYYY-MM-DD` ([`crate::dates`]); `null` when unknown.
    #[serde(default, deserialize_with = "read::date")]
    pub date: Option<String>,
    /// Where the date came from: `jsonl`, `html-meta`, `dateline` or `text`; `null` without a
    /// date.
    #[serde(default, deserialize_with = "read::date_source")]
    pub date_source: Option<String>,
    /// The article's language (`en`, `de`, `fr`, `nl`, `es`: [`crate::lang`]); `null` when
    /// unknown (an events file read back without it).
    #[serde(default)]
    pub lang: Option<String>,
    /// The article's address (a batch run's JSON Lines `url`).
    #[serde(
        default,
        deserialize_with = "read::url",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
}

impl EventProperties {
    /// The properties of event `e` with id `id`.
    pub fn of(e: &Located, id: &str) -> EventProperties {
        EventProperties {
            id: id.to_string(),
            action: e.action,
            country: e.country,
            country_name: e.country_name.clone(),
            place: e.place.clone(),
            place_type: e.place_kind,
            text: e.text.clone(),
            sentence: e.sentence.clone(),
            start: e.start,
            end: e.end,
            article: e.article.clone(),
            confidence: e.confidence,
            reason: e.reason,
            cue: e.cue.clone(),
            title: format!("{} in {}", e.action.title(), e.place),
            description: e.sentence.clone(),
            marker_color: style::color(e.action).hex(),
            marker_symbol: style::symbol_name(style::symbol(e.action)).to_string(),
            marker_size: "medium".to_string(),
            date: e.date.map(|d| d.date.to_string()),
            date_source: e.date.map(|d| d.source.as_str().to_string()),
            lang: e.lang.map(|l| l.code().to_string()),
            url: None,
        }
    }

    /// The same properties with the article's `url`.
    #[cfg(test)]
    pub(crate) fn with_url(mut self, url: &str) -> EventProperties {
        self.url = Some(url.to_string());
        self
    }
}

/// One event as a GeoJSON Feature: a Point and its [`EventProperties`], the id repeated as the
/// feature's `id` ([RFC 7946 § 3.2](https://datatracker.ietf.org/doc/html/rfc7946#section-3.2)).
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// Longitude, latitude in degrees (WGS 84), rounded to 6 decimals.
    pub point: [f64; 2],
    /// The properties.
    pub properties: EventProperties,
}

impl EventRecord {
    /// The record of event `e` with id `id`.
    pub fn of(e: &Located, id: &str) -> EventRecord {
        EventRecord {
            point: [round6(e.point.x()), round6(e.point.y())],
            properties: EventProperties::of(e, id),
        }
    }

    /// The records of the events, ids made by [`crate::layers::event_ids`].
    pub fn all(located: &[Located]) -> Vec<EventRecord> {
        located
            .iter()
            .zip(crate::layers::event_ids(located))
            .map(|(e, id)| EventRecord::of(e, &id))
            .collect()
    }

    /// The feature as compact JSON (what one line of `events.geojson` or one text of a
    /// sequence holds).
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a record serialises")
    }
}

impl Serialize for EventRecord {
    /// `{"type":"Feature","geometry":{…},"properties":{…},"id":…}`, the key order
    /// `geojson::Feature` writes.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct Point<'a> {
            r#type: &'static str,
            coordinates: &'a [f64; 2],
        }
        let mut f = s.serialize_struct("Feature", 4)?;
        f.serialize_field("type", "Feature")?;
        f.serialize_field(
            "geometry",
            &Point {
                r#type: "Point",
                coordinates: &self.point,
            },
        )?;
        f.serialize_field("properties", &self.properties)?;
        f.serialize_field("id", &self.properties.id)?;
        f.end()
    }
}

/// Rounds to 6 decimals (about 0.1 m on the ground).
pub(crate) fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_two_letters() {
        assert_eq!(CountryCode::new(" nl ").unwrap().as_str(), "NL");
        assert_eq!(CountryCode::new("XK").unwrap(), "XK");
        for bad in ["", "N", "NLD", "N1", "é1"] {
            assert_eq!(CountryCode::new(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reasons_round_trip() {
        for rule in Rule::ALL {
            let reason = Reason::Rule(rule);
            assert_eq!(reason.as_str().parse::<Reason>(), Ok(reason));
        }
        assert_eq!("edited".parse::<Reason>(), Ok(Reason::Edited));
        let err = "hunch".parse::<Reason>().unwrap_err();
        assert!(
            err.contains("`hunch`") && err.contains("cue-in-place"),
            "{err}"
        );
    }

    #[test]
    fn properties_read_back_with_defaults_and_named_errors() {
        let minimal: EventProperties =
            serde_json::from_str(r#"{"action":"raid","country":"fr","text":null,"extra":1}"#)
                .unwrap();
        assert_eq!(minimal.action, Action::Raid);
        assert_eq!(minimal.country, "FR");
        assert_eq!(minimal.place_type, PlaceKind::Country);
        assert_eq!(minimal.confidence, 1.0);
        assert_eq!(minimal.reason, Reason::Edited);
        assert_eq!(minimal.text, "");
        for (json, want) in [
            (
                r#"{"action":"arson","country":"FR"}"#,
                "property `action`: unknown action `arson`",
            ),
            (
                r#"{"action":"raid","country":"FRA"}"#,
                "property `country`: `FRA` is not an ISO 3166-1 alpha-2 code",
            ),
            (
                r#"{"action":"raid","country":"FR","place_type":"moon"}"#,
                "property `place_type`: unknown variant `moon`",
            ),
            (
                r#"{"action":"raid","country":"FR","confidence":"high"}"#,
                "property `confidence`: invalid type: string \"high\"",
            ),
            (r#"{"country":"FR"}"#, "missing field `action`"),
        ] {
            let err = serde_json::from_str::<EventProperties>(json)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(want), "{json}: {err}");
        }
    }
}

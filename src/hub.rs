//! The one hub a map's flows start from.
//!
//! In: located events, in the order the text first states them. Out: the event whose place
//! every arrow leaves from, or none:
//!
//! 1. the first-named international coordinating body: the first `coordination` event whose
//!    place is a body that exists to coordinate national forces (Europol and its centres,
//!    Eurojust, INTERPOL, …: `scope` `international` in `gazetteer/agencies.tsv`). Bodies that
//!    share its seat (Europol's ECTC, Eurojust, all in The Hague) are the same hub;
//! 2. else the single lead country: when every `coordination` event lies in one country, the
//!    first of them (the FBI, or the country itself);
//! 3. else none: several countries lead and no international body coordinates, so no arrows
//!    are drawn rather than a fan from each.
//!
//! Other coordinators keep their coordination marker, but no fan of arrows of their own. With
//! `--flows none` there is never a hub.

use crate::action::Action;
use crate::gazetteer::AGENCIES_TSV;
use crate::resolve::Located;
use std::collections::HashSet;
use std::str::FromStr;
use std::sync::OnceLock;

/// Which flows a map draws (`--flows`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flows {
    /// From the one hub ([`find`]) to each place outside its country.
    #[default]
    Hub,
    /// No flows.
    None,
}

impl FromStr for Flows {
    type Err = String;
    fn from_str(s: &str) -> Result<Flows, String> {
        match s.to_ascii_lowercase().as_str() {
            "hub" => Ok(Flows::Hub),
            "none" | "off" => Ok(Flows::None),
            _ => Err(format!("unknown flows `{s}`: expected hub or none")),
        }
    }
}

/// True when `place` (a resolved place name, as events carry it) is an international
/// coordinating body: `scope` `international` in the embedded `gazetteer/agencies.tsv`.
pub fn is_international(place: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            AGENCIES_TSV
                .lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| {
                    let columns: Vec<&str> = line.split('\t').collect();
                    (columns.get(3).map(|s| s.trim()) == Some("international"))
                        .then_some(columns[0])
                })
                .collect()
        })
        .contains(place)
}

/// The hub of `located` under `flows`: the rule in the module's docs.
pub fn find(located: &[Located], flows: Flows) -> Option<&Located> {
    if flows == Flows::None {
        return None;
    }
    let mut coordinators = located.iter().filter(|e| e.action == Action::Coordination);
    if let Some(body) = coordinators.clone().find(|e| is_international(&e.place)) {
        return Some(body);
    }
    let first = coordinators.next()?;
    coordinators
        .all(|e| e.country == first.country)
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Point;

    fn event(action: Action, place: &str, country: &str) -> Located {
        Located {
            action,
            place_id: None,
            site: None,
            country: crate::record::CountryCode::new(country).unwrap(),
            country_name: country.to_string(),
            place: place.to_string(),
            place_kind: crate::gazetteer::PlaceKind::Agency,
            point: Point::new(place.len() as f64, 0.0),
            text: place.to_string(),
            sentence: String::new(),
            start: 0,
            end: 0,
            article: "a.txt".to_string(),
            confidence: 0.9,
            reason: crate::record::Reason::Edited,
            cue: String::new(),
            id: None,
            date: None,
            lang: None,
        }
    }

    use Action::{Coordination, Raid};

    #[test]
    fn the_first_international_body_is_the_hub() {
        let events = [
            event(Coordination, "FBI", "US"),
            event(Raid, "France", "FR"),
            event(Coordination, "Eurojust", "NL"),
            event(Coordination, "Europol", "NL"),
        ];
        assert_eq!(find(&events, Flows::Hub).unwrap().place, "Eurojust");
        assert!(is_international("European Counter Terrorism Centre"));
        assert!(!is_international("FBI") && !is_international("Netherlands"));
    }

    #[test]
    fn else_the_single_lead_country_else_none() {
        let one = [
            event(Coordination, "FBI", "US"),
            event(Raid, "France", "FR"),
            event(Coordination, "United States", "US"),
        ];
        assert_eq!(find(&one, Flows::Hub).unwrap().place, "FBI");
        assert_eq!(find(&one, Flows::None), None);
        let two = [
            event(Coordination, "FBI", "US"),
            event(Coordination, "Germany", "DE"),
        ];
        assert_eq!(find(&two, Flows::Hub), None);
        assert_eq!(find(&[event(Raid, "France", "FR")], Flows::Hub), None);
        assert_eq!("NONE".parse(), Ok(Flows::None));
        assert!("fan".parse::<Flows>().is_err());
    }
}

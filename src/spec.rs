//! What a map of located events shows: the [`MapSpec`] the scene is laid out from.
//!
//! In: [`Located`] events. Out: one marker per site (joined by [`layers::site_indices`], so
//! marker `i` is site `i`; a country's name labels it when a country is there), a fill per
//! involved country with its role, and the flows of
//! [`layers::flow_lines`] (from the one hub, [`crate::hub`]). Sits between the layers and the painters: it reads both, neither
//! reads it.

use crate::gazetteer::PlaceKind;
use crate::hub::Flows;
use crate::layers::{self, ATTRIBUTION};
use crate::render::{CountryFill, Flow, MapSpec, Marker};
use crate::resolve::Located;

/// What the map shows: markers per place, fills per country, flows from the one hub
/// ([`Flows::Hub`]).
pub fn map_spec(located: &[Located], title: &str, width: u32, height: u32) -> MapSpec {
    map_spec_with(located, title, (width, height), Flows::Hub)
}

/// What the map shows, `width`×`height` pixels, the flows as `flows` says (`--flows`).
pub(crate) fn map_spec_with(
    located: &[Located],
    title: &str,
    (width, height): (u32, u32),
    flows: Flows,
) -> MapSpec {
    let (site_of, sites) = layers::site_indices(located);
    let mut markers: Vec<Option<Marker>> = vec![None; sites];
    for (e, &site) in located.iter().zip(&site_of) {
        let marker = markers[site].get_or_insert_with(|| Marker {
            point: e.point,
            label: e.place.clone(),
            actions: Vec::new(),
        });
        if !marker.actions.contains(&e.action) {
            marker.actions.push(e.action);
            marker.actions.sort();
        }
        if e.place_kind == PlaceKind::Country && marker.label != e.place {
            marker.label = e.place.clone();
        }
    }
    let countries = layers::country_actions(located)
        .into_iter()
        .map(|c| CountryFill {
            code: c.code.to_string(),
            role: c.actions[0],
        })
        .collect();
    let flows = layers::flow_lines(located, flows)
        .into_iter()
        .map(|line| Flow {
            parts: line.parts,
            from: line.sites.0,
            to: line.sites.1,
        })
        .collect();
    MapSpec {
        title: title.to_string(),
        width,
        height,
        markers: markers.into_iter().flatten().collect(),
        countries,
        flows,
        attribution: ATTRIBUTION.to_string(),
        choropleth: None,
        lang: crate::lang::Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests_support::small;

    #[test]
    fn one_marker_per_place_in_first_seen_order() {
        let g = small();
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Point","coordinates":[3.0,47.0]},"properties":{"action":"raid","country":"FR","place":"Paris","place_type":"city"}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[3.0,47.0]},"properties":{"action":"raid","country":"FR"}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[3.0,47.0]},"properties":{"action":"arrest","country":"FR","place":"Paris","place_type":"city"}}]}"#;
        let located = crate::events_file::parse(&g, "e.geojson", text).unwrap();
        let spec = map_spec(&located, "t", 800, 500);
        // Paris (not in this gazetteer) and France share a point: two sites all the same.
        let labels: Vec<&str> = spec.markers.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["Paris", "France"]);
        assert_eq!(spec.markers[0].actions.len(), 2);
        assert_eq!(spec.countries.len(), 1);
    }
}

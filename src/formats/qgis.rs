//! QGIS styles and project: what makes the layers arrive styled in QGIS 3.22 and later.
//!
//! In: the layers written, the map's view (projection and extent) and the gazetteer's outlines.
//! Out: text of
//! - `events.qml`, `countries.qml`, `flows.qml`, `basemap.qml`: a style QGIS loads by itself
//!   for the same-named `.geojson` (dragged in or opened): events and countries categorised by
//!   `action` and `role`, with the colours and marker shapes of map.png
//!   ([`style::color`], [`style::symbol`]); a country is filled with its action's colour at 25 %
//!   opacity, which over white is exactly map.png's [`crate::render::style::tint`] and hides nothing beneath;
//! - `basemap.geojson`: every country outline (MultiPolygon, light grey fill);
//! - `map.qgs`: a project opening the basemap and the three layers (events over flows over
//!   countries over the basemap) with relative paths, each layer in EPSG:4326, the project in
//!   the map's own projection (a custom CRS from its PROJ string) and zoomed to map.png's extent.
//!   When events carry dates, the events layer's temporal properties are on (each event an
//!   instant at its `date`, lasting one day) and the project's time range runs from the first
//!   date to the day after the last, a week a step: QGIS's temporal controller animates the
//!   corpus week by week with no set-up.
//!
//! The QML is the minimal form `../shared/tools/qgis-check.sh` documents: root `<qgis>`,
//! `<renderer-v2>` with `<categories>` and `<symbols>`, colours as `r,g,b,a`, sizes in mm.

use crate::action::Action;
use crate::error::Result;
use crate::formats::{proj_string, xml_escape};
use crate::gazetteer::{Detail, Gazetteer};
use crate::layers;
use crate::render::extent::View;
use crate::style::{self, Rgb, Symbol};
use geo::Orient;
use geojson::{Feature, FeatureCollection, Geometry, JsonObject, Value};
use serde_json::json;
use std::fmt::Write;

/// Opacity of a country fill (0–255): 25 %, the share of the action's colour in map.png's tint.
pub(crate) const COUNTRY_ALPHA: u8 = 64;

/// Marker size in QGIS, millimetres (map.png's markers are 17 px wide at 1600 px).
const MARKER_MM: f64 = 4.0;

/// The layers a project can hold, in drawing order from the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    /// `basemap.geojson`: every country outline.
    Basemap,
    /// `countries.geojson`.
    Countries,
    /// `flows.geojson`.
    Flows,
    /// `events.geojson`.
    Events,
    /// `events.geojsonl`: a batch run's events of every article (GeoJSON Text Sequence,
    /// styled by `events.qml` like `events.geojson`).
    EventStream,
}

impl Layer {
    /// The file's base name (`events` for `events.geojson` and `events.qml`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Layer::Basemap => "basemap",
            Layer::Countries => "countries",
            Layer::Flows => "flows",
            Layer::Events | Layer::EventStream => "events",
        }
    }

    /// The layer's file: `events.geojson`, or `events.geojsonl` for [`Layer::EventStream`].
    pub(crate) fn file(self) -> String {
        match self {
            Layer::EventStream => "events.geojsonl".to_string(),
            l => format!("{}.geojson", l.name()),
        }
    }

    fn geometry(self) -> (&'static str, &'static str) {
        // (the maplayer's geometry attribute, its wkbType)
        match self {
            Layer::Basemap | Layer::Countries => ("Polygon", "MultiPolygon"),
            Layer::Flows => ("Line", "MultiLineString"),
            Layer::Events | Layer::EventStream => ("Point", "Point"),
        }
    }

    /// The `<renderer-v2>` element of this layer's style.
    pub(crate) fn renderer(self) -> String {
        match self {
            Layer::Events | Layer::EventStream => categorized("action", marker_symbol),
            Layer::Countries => {
                categorized("role", |a| fill_symbol(style::color(a), COUNTRY_ALPHA))
            }
            Layer::Flows => single(&line_symbol(style::FLOW)),
            Layer::Basemap => single(&fill_symbol(style::LAND, 255)),
        }
    }

    /// The layer's `.qml` file.
    pub(crate) fn qml(self) -> String {
        format!("<qgis>\n{}</qgis>\n", self.renderer())
    }
}

fn rgba(c: Rgb, alpha: u8) -> String {
    format!("{},{},{},{alpha}", c.0, c.1, c.2)
}

fn categorized(attr: &str, symbol: impl Fn(Action) -> String) -> String {
    let mut out =
        format!("<renderer-v2 type=\"categorizedSymbol\" attr=\"{attr}\">\n<categories>\n");
    for (i, a) in Action::ALL.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "<category value=\"{}\" symbol=\"{i}\" label=\"{}\" render=\"true\"/>",
            a.as_str(),
            a.title()
        );
    }
    out.push_str("</categories>\n<symbols>\n");
    for (i, a) in Action::ALL.into_iter().enumerate() {
        out.push_str(&symbol(a).replacen("<symbol ", &format!("<symbol name=\"{i}\" "), 1));
    }
    out.push_str("</symbols>\n</renderer-v2>\n");
    out
}

fn single(symbol: &str) -> String {
    format!(
        "<renderer-v2 type=\"singleSymbol\">\n<symbols>\n{}</symbols>\n</renderer-v2>\n",
        symbol.replacen("<symbol ", "<symbol name=\"0\" ", 1)
    )
}

/// QGIS's SimpleMarker shape and rotation (degrees) drawing a symbol like map.png does.
fn qgis_shape(symbol: Symbol) -> (&'static str, f64) {
    match symbol {
        Symbol::Square => ("square", 0.0),
        Symbol::Triangle => ("triangle", 0.0),
        Symbol::Diamond => ("diamond", 0.0),
        // map.png's cross is an X: QGIS's filled plus turned by 45°.
        Symbol::Cross => ("cross_fill", 45.0),
        Symbol::Star => ("star", 0.0),
        Symbol::Circle => ("circle", 0.0),
    }
}

fn marker_symbol(action: Action) -> String {
    let (shape, angle) = qgis_shape(style::symbol(action));
    let size = match style::symbol(action) {
        // As in map.png, the star's points and the triangle reach further than the square.
        Symbol::Star => MARKER_MM * 1.4,
        Symbol::Triangle | Symbol::Diamond => MARKER_MM * 1.15,
        _ => MARKER_MM,
    };
    format!(
        "<symbol type=\"marker\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\
         <layer class=\"SimpleMarker\" pass=\"0\" locked=\"0\">\
         <prop k=\"name\" v=\"{shape}\"/><prop k=\"angle\" v=\"{angle}\"/>\
         <prop k=\"color\" v=\"{}\"/><prop k=\"outline_color\" v=\"255,255,255,255\"/>\
         <prop k=\"outline_style\" v=\"solid\"/><prop k=\"outline_width\" v=\"0.4\"/>\
         <prop k=\"outline_width_unit\" v=\"MM\"/><prop k=\"size\" v=\"{size:.2}\"/>\
         <prop k=\"size_unit\" v=\"MM\"/></layer></symbol>\n",
        rgba(style::color(action), 255)
    )
}

fn fill_symbol(color: Rgb, alpha: u8) -> String {
    format!(
        "<symbol type=\"fill\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\
         <layer class=\"SimpleFill\" pass=\"0\" locked=\"0\">\
         <prop k=\"color\" v=\"{}\"/><prop k=\"style\" v=\"solid\"/>\
         <prop k=\"outline_color\" v=\"{}\"/><prop k=\"outline_style\" v=\"solid\"/>\
         <prop k=\"outline_width\" v=\"0.2\"/><prop k=\"outline_width_unit\" v=\"MM\"/>\
         </layer></symbol>\n",
        rgba(color, alpha),
        rgba(style::FRAME, 255)
    )
}

fn line_symbol(color: Rgb) -> String {
    format!(
        "<symbol type=\"line\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\
         <layer class=\"SimpleLine\" pass=\"0\" locked=\"0\">\
         <prop k=\"line_color\" v=\"{}\"/><prop k=\"line_style\" v=\"solid\"/>\
         <prop k=\"line_width\" v=\"0.6\"/><prop k=\"line_width_unit\" v=\"MM\"/>\
         <prop k=\"capstyle\" v=\"round\"/><prop k=\"joinstyle\" v=\"round\"/>\
         </layer></symbol>\n",
        rgba(color, 204)
    )
}

/// The country outlines at the map's level of detail, as a FeatureCollection of
/// MultiPolygons (`id`, `country`, `name`), exterior rings counter-clockwise: every polygon
/// whose box meets one of `bounds` (west, south, east, north, degrees; 10° added around), or
/// all of them when `bounds` is empty (world maps).
pub fn basemap(
    gazetteer: &Gazetteer,
    detail: Detail,
    bounds: &[(f64, f64, f64, f64)],
) -> Result<FeatureCollection> {
    let wanted = |poly: &geo::Polygon<f64>| {
        if bounds.is_empty() {
            return true;
        }
        let Some(r) = geo::BoundingRect::bounding_rect(poly) else {
            return false;
        };
        bounds.iter().any(|&(w, s, e, n)| {
            r.max().x >= w - 10.0
                && r.min().x <= e + 10.0
                && r.max().y >= s - 10.0
                && r.min().y <= n + 10.0
        })
    };
    let mut used = std::collections::HashSet::new();
    let mut features = Vec::new();
    for outline in gazetteer.outlines(detail)? {
        let mut id = if outline.code.is_empty() {
            layers::slug(&outline.name)
        } else {
            outline.code.clone()
        };
        let base = id.clone();
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let shape = outline.shape.orient(geo::orient::Direction::Default);
        let polygons: Vec<Vec<Vec<Vec<f64>>>> = shape
            .0
            .iter()
            .filter(|poly| wanted(poly))
            .map(|poly| {
                std::iter::once(poly.exterior())
                    .chain(poly.interiors())
                    .map(|ring| {
                        ring.0
                            .iter()
                            .map(|c| vec![round(c.x), round(c.y)])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        if polygons.is_empty() {
            continue;
        }
        let mut props = JsonObject::new();
        props.insert("id".into(), json!(id));
        props.insert("country".into(), json!(outline.code));
        props.insert("name".into(), json!(outline.name));
        features.push(Feature {
            bbox: None,
            geometry: Some(Geometry::new(Value::MultiPolygon(polygons))),
            id: Some(geojson::feature::Id::String(id)),
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

fn round(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// The extent map.png shows, in the project CRS's metres: (xmin, ymin, xmax, ymax).
pub(crate) fn extent(view: &View) -> (f64, f64, f64, f64) {
    let (_, metres) = proj_string(&view.projection);
    let x1 = view.x0 + view.plot.width() / view.scale;
    let y0 = view.y1 - view.plot.height() / view.scale;
    (view.x0 * metres, y0 * metres, x1 * metres, view.y1 * metres)
}

const WGS84: &str = "<spatialrefsys><wkt>GEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\",\
ELLIPSOID[\"WGS 84\",6378137,298.257223563,LENGTHUNIT[\"metre\",1]]],PRIMEM[\"Greenwich\",0,\
ANGLEUNIT[\"degree\",0.0174532925199433]],CS[ellipsoidal,2],AXIS[\"geodetic latitude (Lat)\",north,\
ORDER[1],ANGLEUNIT[\"degree\",0.0174532925199433]],AXIS[\"geodetic longitude (Lon)\",east,ORDER[2],\
ANGLEUNIT[\"degree\",0.0174532925199433]],ID[\"EPSG\",4326]]</wkt>\
<proj4>+proj=longlat +datum=WGS84 +no_defs</proj4><srsid>3452</srsid><srid>4326</srid>\
<authid>EPSG:4326</authid><description>WGS 84</description><projectionacronym>longlat</projectionacronym>\
<ellipsoidacronym>EPSG:7030</ellipsoidacronym><geographicflag>true</geographicflag></spatialrefsys>";

fn custom_crs(view: &View) -> String {
    let (proj, _) = proj_string(&view.projection);
    let acronym = proj
        .split_whitespace()
        .next()
        .and_then(|p| p.strip_prefix("+proj="))
        .unwrap_or("");
    format!(
        "<spatialrefsys><wkt></wkt><proj4>{}</proj4><srsid>0</srsid><srid>0</srid><authid></authid>\
         <description>opmap map projection ({})</description><projectionacronym>{acronym}</projectionacronym>\
         <ellipsoidacronym></ellipsoidacronym><geographicflag>false</geographicflag></spatialrefsys>",
        xml_escape(&proj),
        xml_escape(&proj)
    )
}

/// The first and last `YYYY-MM-DD` of `dates` (none when no event has a date).
pub(crate) fn date_range<'a>(
    dates: impl IntoIterator<Item = Option<&'a str>>,
) -> Option<(String, String)> {
    let mut dated = dates.into_iter().flatten();
    let first = dated.next()?;
    let (lo, hi) = dated.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    Some((lo.to_string(), hi.to_string()))
}

/// The day after `YYYY-MM-DD`, as an ISO date-time at midnight UTC.
fn day_after(date: &str) -> String {
    date.parse::<crate::dates::Date>()
        .map(|d| crate::dates::Date::from_days(d.days() + 1).to_string())
        .unwrap_or_else(|_| date.to_string())
}

/// The events layer's temporal properties: each feature an instant at its `date` lasting a
/// day (QGIS's `QgsVectorLayerTemporalProperties`, mode 1: instant from a field).
fn temporal_layer() -> &'static str {
    "<temporal enabled=\"1\" mode=\"1\" startField=\"date\" endField=\"\" durationField=\"\" \
     durationUnit=\"d\" fixedDuration=\"1\" accumulate=\"0\" limitMode=\"0\" startExpression=\"\" \
     endExpression=\"\"><fixedRange><start></start><end></end></fixedRange></temporal>\n"
}

/// The project's time range (`QgsProjectTimeSettings`): from the first date to the day after
/// the last, one week a step.
fn time_settings((first, last): &(String, String)) -> String {
    format!(
        "<ProjectTimeSettings timeStep=\"1\" timeStepUnit=\"wk\" frameRate=\"1\" \
         cumulativeTemporalRange=\"0\" isTemporalRangeLocked=\"0\" totalMovieFrames=\"100\">\n\
         <TemporalRange><start>{first}T00:00:00Z</start><end>{}T00:00:00Z</end></TemporalRange>\n\
         </ProjectTimeSettings>\n",
        day_after(last)
    )
}

/// `map.qgs`: a QGIS project with `layers` (files beside it, [`Layer::file`]),
/// drawn bottom to top in the order given, in the map's projection and extent; `dates`, the
/// events' first and last date, turns the temporal controller's settings on.
pub(crate) fn project(
    title: &str,
    view: &View,
    layers: &[Layer],
    dates: Option<&(String, String)>,
) -> String {
    let crs = custom_crs(view);
    let (xmin, ymin, xmax, ymax) = extent(view);
    let id = |l: Layer| format!("opmap_{}", l.name());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n\
         <qgis projectname=\"{t}\" version=\"3.22.16-Białowieża\">\n\
         <homePath path=\"\"/>\n<title>{t}</title>\n\
         <projectCrs>{crs}</projectCrs>",
        t = xml_escape(title)
    );
    // The layer tree lists the top layer first.
    out.push_str("<layer-tree-group>\n<customproperties/>\n");
    for &l in layers.iter().rev() {
        let _ = writeln!(
            out,
            "<layer-tree-layer id=\"{}\" name=\"{}\" source=\"./{}\" providerKey=\"ogr\" \
             checked=\"Qt::Checked\" expanded=\"1\"><customproperties/></layer-tree-layer>",
            id(l),
            l.name(),
            l.file()
        );
    }
    out.push_str("</layer-tree-group>\n");
    let _ = writeln!(
        out,
        "<mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\">\n<units>meters</units>\n\
         <extent><xmin>{xmin:.1}</xmin><ymin>{ymin:.1}</ymin><xmax>{xmax:.1}</xmax><ymax>{ymax:.1}</ymax></extent>\n\
         <rotation>0</rotation>\n<destinationsrs>{crs}</destinationsrs>\n<rendermaptile>0</rendermaptile>\n\
         </mapcanvas>"
    );
    out.push_str("<projectlayers>\n");
    for &l in layers {
        let (geometry, wkb) = l.geometry();
        let _ = writeln!(
            out,
            "<maplayer type=\"vector\" geometry=\"{geometry}\" wkbType=\"{wkb}\" \
             hasScaleBasedVisibilityFlag=\"0\" autoRefreshEnabled=\"0\" refreshOnNotifyEnabled=\"0\" \
             readOnly=\"0\" labelsEnabled=\"0\" simplifyDrawingHints=\"0\" simplifyLocal=\"1\">\n\
             <id>{}</id>\n<datasource>./{}</datasource>\n<layername>{}</layername>\n\
             <srs>{WGS84}</srs>\n<provider encoding=\"UTF-8\">ogr</provider>\n{}{}\
             <blendMode>0</blendMode>\n<featureBlendMode>0</featureBlendMode>\n<layerOpacity>1</layerOpacity>\n\
             </maplayer>",
            id(l),
            l.file(),
            l.name(),
            l.renderer(),
            if matches!(l, Layer::Events | Layer::EventStream) && dates.is_some() {
                temporal_layer()
            } else {
                ""
            }
        );
    }
    out.push_str("</projectlayers>\n<layerorder>\n");
    for &l in layers.iter().rev() {
        let _ = writeln!(out, "<layer id=\"{}\"/>", id(l));
    }
    out.push_str("</layerorder>\n");
    if let Some(dates) = dates {
        out.push_str(&time_settings(dates));
    }
    out.push_str(
        "<properties>\n<Paths><Absolute type=\"bool\">false</Absolute></Paths>\n\
         <SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys>\n\
         </properties>\n</qgis>\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qml_lists_every_action_with_its_colour() {
        let qml = Layer::Events.qml();
        for a in Action::ALL {
            assert!(qml.contains(&format!("value=\"{}\"", a.as_str())));
            assert!(qml.contains(&rgba(style::color(a), 255)));
        }
        assert!(Layer::Countries
            .qml()
            .contains(&rgba(style::color(Action::Raid), COUNTRY_ALPHA)));
        assert!(Layer::Flows.qml().contains("type=\"line\""));
    }

    #[test]
    fn country_alpha_gives_the_tint_over_white() {
        for a in Action::ALL {
            let c = crate::render::style::color(a);
            let white = plotters::style::RGBColor(255, 255, 255);
            let share = f64::from(COUNTRY_ALPHA) / 255.0;
            let over_white = crate::render::style::mix(c, white, share);
            let tint = crate::render::style::tint(a);
            for (x, y) in [
                (over_white.0, tint.0),
                (over_white.1, tint.1),
                (over_white.2, tint.2),
            ] {
                assert!(x.abs_diff(y) <= 1, "{a:?}");
            }
        }
    }
}

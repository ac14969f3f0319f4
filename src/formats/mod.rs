//! Output formats beyond the GeoJSON layers and the PNG/SVG maps: what opens the result in the
//! tools users already have.
//!
//! In: the layers, the located events and the map's scene. Out: file contents (the caller
//! writes them atomically):
//! - [`csv`]: `events.csv`, one row per event, for spreadsheets and Datawrapper;
//! - [`qgis`]: `events.qml`, `countries.qml`, `flows.qml` (QGIS styles), `map.qgs` (a QGIS project)
//!   and `basemap.geojson` (light country outlines);
//! - [`webmap`]: `map.html`, one self-contained offline web map;
//! - [`seq`]: GeoJSON Text Sequences (RFC 8142) for `opmap extract --seq`.
//!
//! Colours and symbols come from [`crate::style`], the table the PNG is drawn from too.

pub mod csv;
pub mod qgis;
pub mod seq;
pub mod webmap;

use crate::render::projection::Projection;
pub(crate) use crate::style::symbol_name;
use crate::style::Rgb;
use std::fmt;
use std::str::FromStr;

/// Which files `map` and `render` write. Parsed from
/// `--formats geojson,csv,png,svg,html,qgis,chart`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// `events.geojson`, `countries.geojson`, `flows.geojson`. Default: `true`.
    pub geojson: bool,
    /// `events.csv`. Default: `true`.
    pub csv: bool,
    /// `map.png`. Default: `true`.
    pub png: bool,
    /// `map.svg`. Default: `true`.
    pub svg: bool,
    /// `map.html`. Default: `true`.
    pub html: bool,
    /// `events.qml`, `countries.qml`, `flows.qml`, `map.qgs`, `basemap.geojson` (and the GeoJSON
    /// layers the project opens, even without `geojson`). Default: `true`.
    pub qgis: bool,
    /// `chart.png`, `chart.svg`, `chart.txt`: the bar chart of actions per country
    /// ([`crate::charts`]). Default: `true`.
    pub chart: bool,
}

/// The names `--formats` accepts, in the order files are written.
pub const NAMES: [&str; 7] = ["geojson", "csv", "png", "svg", "html", "qgis", "chart"];

impl Default for Formats {
    fn default() -> Formats {
        Formats::all()
    }
}

impl Formats {
    /// Every format.
    pub fn all() -> Formats {
        Formats {
            geojson: true,
            csv: true,
            png: true,
            svg: true,
            html: true,
            qgis: true,
            chart: true,
        }
    }

    /// No format.
    pub(crate) fn none() -> Formats {
        Formats {
            geojson: false,
            csv: false,
            png: false,
            svg: false,
            html: false,
            qgis: false,
            chart: false,
        }
    }

    /// True when the GeoJSON layers are written (asked for, or opened by `map.qgs`).
    pub(crate) fn layers(&self) -> bool {
        self.geojson || self.qgis
    }
}

impl FromStr for Formats {
    type Err = String;

    /// A comma-separated list of [`NAMES`], or `all`; case and spaces ignored.
    fn from_str(s: &str) -> Result<Formats, String> {
        let mut formats = Formats::none();
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name.to_ascii_lowercase().as_str() {
                "all" => formats = Formats::all(),
                "geojson" => formats.geojson = true,
                "csv" => formats.csv = true,
                "png" => formats.png = true,
                "svg" => formats.svg = true,
                "html" => formats.html = true,
                "qgis" => formats.qgis = true,
                "chart" => formats.chart = true,
                _ => {
                    return Err(format!(
                        "unknown format `{name}`: expected a comma-separated list of {} (or all)",
                        NAMES.join(", ")
                    ))
                }
            }
        }
        if formats == Formats::none() {
            return Err(format!(
                "no format given: expected some of {}",
                NAMES.join(", ")
            ));
        }
        Ok(formats)
    }
}

impl fmt::Display for Formats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let on = [
            self.geojson,
            self.csv,
            self.png,
            self.svg,
            self.html,
            self.qgis,
            self.chart,
        ];
        let names: Vec<&str> = NAMES
            .iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|(n, _)| *n)
            .collect();
        f.write_str(&names.join(","))
    }
}

/// Radius of the sphere the map's projections use in [`proj_string`], metres (the mean Earth
/// radius, IUGG). Web Mercator uses its own, 6,378,137 m.
pub(crate) const EARTH_RADIUS: f64 = 6_371_008.8;

/// The PROJ string of a projection and the metres per unit of [`Projection::project`]'s unit
/// sphere: multiply projected coordinates by it to get the CRS's coordinates.
pub(crate) fn proj_string(projection: &Projection) -> (String, f64) {
    match *projection {
        Projection::EqualEarth { lon0 } => (
            format!(
                "+proj=eqearth +lon_0={} +x_0=0 +y_0=0 +R={EARTH_RADIUS} +units=m +no_defs",
                round6(lon0)
            ),
            EARTH_RADIUS,
        ),
        Projection::LambertAzimuthal { lon0, lat0 } => (
            format!(
                "+proj=laea +lat_0={} +lon_0={} +x_0=0 +y_0=0 +R={EARTH_RADIUS} +units=m +no_defs",
                round6(lat0),
                round6(lon0)
            ),
            EARTH_RADIUS,
        ),
        Projection::WebMercator { lon0 } => (
            format!(
                "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0={} +x_0=0 +y_0=0 +k=1 \
                 +units=m +nadgrids=@null +wktext +no_defs",
                round6(lon0)
            ),
            6_378_137.0,
        ),
        Projection::PlateCarree { lon0 } => (
            format!(
                "+proj=eqc +lat_ts=0 +lon_0={} +x_0=0 +y_0=0 +R={EARTH_RADIUS} +units=m +no_defs",
                round6(lon0)
            ),
            EARTH_RADIUS,
        ),
    }
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A colour as `#rrggbb` (simplestyle, HTML, QGIS): [`Rgb::hex`] of a style colour or a
/// scene's palette colour.
pub(crate) fn hex(c: impl Into<Rgb>) -> String {
    c.into().hex()
}

/// Escapes text for XML and HTML (element content and double-quoted attributes): map.svg's
/// escaping, shared by every writer of markup.
pub(crate) use crate::render::svg::escape as xml_escape;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse() {
        assert_eq!("all".parse::<Formats>().unwrap(), Formats::all());
        let f: Formats = "csv, PNG".parse().unwrap();
        assert!(f.csv && f.png && !f.geojson && !f.qgis);
        assert_eq!(f.to_string(), "csv,png");
        assert!("csv,kml".parse::<Formats>().unwrap_err().contains("`kml`"));
        assert!("".parse::<Formats>().is_err());
        assert!("qgis".parse::<Formats>().unwrap().layers());
        let chart: Formats = "chart".parse().unwrap();
        assert!(chart.chart && !chart.png && !chart.svg);
        assert_eq!(chart.to_string(), "chart");
    }

    #[test]
    fn proj_strings() {
        let (s, r) = proj_string(&Projection::LambertAzimuthal {
            lon0: 10.5,
            lat0: 50.0,
        });
        assert_eq!(
            s,
            "+proj=laea +lat_0=50 +lon_0=10.5 +x_0=0 +y_0=0 +R=6371008.8 +units=m +no_defs"
        );
        assert_eq!(r, EARTH_RADIUS);
        assert!(proj_string(&Projection::EqualEarth { lon0: 0.0 })
            .0
            .starts_with("+proj=eqearth +lon_0=0 "));
    }

    #[test]
    fn escapes() {
        assert_eq!(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(hex(Rgb(0, 0x9e, 0x73)), "#009e73");
    }
}

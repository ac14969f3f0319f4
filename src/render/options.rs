//! How a map is drawn, apart from what it shows: projection, extent, inset, theme, scale and
//! subtitle. Each choice parses from the text of its command-line flag.
//!
//! In: strings such as `laea`, `world`, `-10,35,30,60`, `dark`, `1600x1000`. Out: the
//! [`Options`] the renderer reads, or a message naming the bad value and the accepted ones.

use std::fmt;
use std::str::FromStr;

/// The projection asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectionChoice {
    /// Lambert azimuthal equal-area centred on the events for regional extents, Equal Earth
    /// for world ones.
    #[default]
    Auto,
    /// Equal Earth (equal-area, for world maps).
    EqualEarth,
    /// Lambert azimuthal equal-area centred on the extent.
    Laea,
    /// Web Mercator (conformal; areas grow towards the poles).
    Mercator,
    /// Plate carrée (longitude and latitude as x and y).
    PlateCarree,
}

impl FromStr for ProjectionChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "equal-earth" | "equalearth" | "eqearth" => Ok(Self::EqualEarth),
            "laea" | "lambert" => Ok(Self::Laea),
            "mercator" | "web-mercator" => Ok(Self::Mercator),
            "plate-carree" | "platecarree" | "equirectangular" => Ok(Self::PlateCarree),
            _ => Err(format!(
                "unknown projection `{s}`: expected auto, equal-earth, laea, mercator or plate-carree"
            )),
        }
    }
}

/// The part of the world asked for.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum ExtentChoice {
    /// Fitted to the events (with an inset for a distant second cluster).
    #[default]
    Auto,
    /// The whole world.
    World,
    /// Europe, from Iceland to the Urals' western foot: [`EUROPE`].
    Europe,
    /// A box of longitudes and latitudes, degrees; `west > east` crosses ±180°.
    Bounds {
        /// Western edge.
        west: f64,
        /// Southern edge.
        south: f64,
        /// Eastern edge.
        east: f64,
        /// Northern edge.
        north: f64,
    },
}

/// What `--extent europe` shows: west, south, east, north (degrees).
pub const EUROPE: (f64, f64, f64, f64) = (-24.0, 34.0, 42.0, 70.0);

impl FromStr for ExtentChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => return Ok(Self::Auto),
            "world" => return Ok(Self::World),
            "europe" => return Ok(Self::Europe),
            _ => {}
        }
        let bad = |why: &str| {
            format!(
                "bad extent `{s}`: {why} (expected auto, world, europe or W,S,E,N in degrees, \
                 e.g. -10,35,30,60)"
            )
        };
        let numbers: Vec<f64> = s
            .split(',')
            .map(|v| v.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad("not four numbers"))?;
        let [west, south, east, north] = numbers[..] else {
            return Err(bad("not four numbers"));
        };
        if !numbers.iter().all(|v| v.is_finite()) {
            return Err(bad("not four numbers"));
        }
        if !(-180.0..=180.0).contains(&west) || !(-180.0..=180.0).contains(&east) {
            return Err(bad("longitudes must lie in -180..180"));
        }
        if !(-90.0..=90.0).contains(&south) || !(-90.0..=90.0).contains(&north) {
            return Err(bad("latitudes must lie in -90..90"));
        }
        if south >= north {
            return Err(bad("south must be less than north"));
        }
        if west == east {
            return Err(bad("west and east are the same"));
        }
        Ok(Self::Bounds {
            west,
            south,
            east,
            north,
        })
    }
}

/// Whether a distant second cluster of events may go into an inset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InsetMode {
    /// By the rule in `DESIGN.md` ("Extent and insets").
    #[default]
    Auto,
    /// Never: one view holds every event.
    Off,
}

impl FromStr for InsetMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "off" | "none" => Ok(Self::Off),
            _ => Err(format!("unknown inset mode `{s}`: expected auto or off")),
        }
    }
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark ink on white paper.
    #[default]
    Light,
    /// Light ink on a dark slate.
    Dark,
}

impl FromStr for Theme {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "light" => Ok(Self::Light),
            "dark" => Ok(Self::Dark),
            _ => Err(format!("unknown theme `{s}`: expected light or dark")),
        }
    }
}

/// A size in pixels, `WxH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            width: 1600,
            height: 1000,
        }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

impl FromStr for Size {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "bad size `{s}`: expected WIDTHxHEIGHT in pixels, e.g. 1600x1000, each 200 to 4096"
            )
        };
        let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
        let width: u32 = w.trim().parse().map_err(|_| bad())?;
        let height: u32 = h.trim().parse().map_err(|_| bad())?;
        if !(200..=4096).contains(&width) || !(200..=4096).contains(&height) {
            return Err(bad());
        }
        Ok(Size { width, height })
    }
}

/// Parses `--scale`: a whole number from 1 to 4.
pub fn parse_scale(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n @ 1..=4) => Ok(n),
        _ => Err(format!(
            "bad scale `{s}`: expected a whole number from 1 to 4 (3 gives a 4800x3000 PNG of a \
             1600x1000 map)"
        )),
    }
}

/// How to draw a map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// The projection. Default: `auto`.
    pub projection: ProjectionChoice,
    /// The part of the world shown. Default: `auto`.
    pub extent: ExtentChoice,
    /// Whether a distant cluster may go into an inset. Default: `auto`.
    pub inset: InsetMode,
    /// Colours. Default: `light`.
    pub theme: Theme,
    /// The layout is designed at `MapSpec.width / scale` pixels and drawn `scale` times
    /// larger (print resolution). Default: 1 (0 counts as 1).
    pub scale: u32,
    /// A line under the title (source, date). Default: none.
    pub subtitle: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flags() {
        assert_eq!("LAEA".parse(), Ok(ProjectionChoice::Laea));
        assert!("robinson"
            .parse::<ProjectionChoice>()
            .unwrap_err()
            .contains("equal-earth"));
        assert_eq!(
            "-10, 35,30,60".parse(),
            Ok(ExtentChoice::Bounds {
                west: -10.0,
                south: 35.0,
                east: 30.0,
                north: 60.0
            })
        );
        assert!("10,60,30,35"
            .parse::<ExtentChoice>()
            .unwrap_err()
            .contains("south"));
        assert!("1,2,3".parse::<ExtentChoice>().is_err());
        assert!("200,0,10,10".parse::<ExtentChoice>().is_err());
        assert_eq!(
            "800x500".parse(),
            Ok(Size {
                width: 800,
                height: 500
            })
        );
        assert!("800".parse::<Size>().is_err());
        assert!("10x10".parse::<Size>().is_err());
        assert_eq!(parse_scale("3"), Ok(3));
        assert!(parse_scale("0").is_err() && parse_scale("1.5").is_err());
        assert_eq!("off".parse(), Ok(InsetMode::Off));
        assert_eq!("dark".parse(), Ok(Theme::Dark));
        assert!("sepia".parse::<Theme>().is_err());
    }
}

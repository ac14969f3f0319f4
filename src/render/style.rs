//! Colours, symbols, fonts and sizes of the map.
//!
//! In: an action, or the width of the image. Out: the colour and symbol for that action
//! (Okabe–Ito palette, safe for colour-blind readers: each action has its own shape too), and
//! every size in pixels, scaled from a 1600-pixel-wide design.

use crate::action::Action;
use plotters::style::{FontStyle, RGBColor};
use std::sync::OnceLock;

/// The bundled regular font, DejaVu Sans (Bitstream Vera licence, `assets/fonts/LICENSE`).
pub(crate) const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The bundled bold font, DejaVu Sans Bold.
pub(crate) const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name the fonts are registered under. It is also the SVG's `font-family`, so
/// viewers without DejaVu Sans fall back to similar fonts.
pub(crate) const FAMILY: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// Registers the bundled fonts with plotters once; rendering never reads system fonts.
pub(crate) fn register_fonts() -> Result<(), String> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(|| {
        plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_REGULAR)
            .map_err(|_| "the bundled DejaVuSans.ttf is not a valid font".to_string())?;
        plotters::style::register_font(FAMILY, FontStyle::Bold, FONT_BOLD)
            .map_err(|_| "the bundled DejaVuSans-Bold.ttf is not a valid font".to_string())
    })
    .clone()
}

/// The paper around the map and behind the title.
pub(crate) const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// The sea.
pub(crate) const SEA: RGBColor = RGBColor(0xee, 0xf3, 0xf7);
/// Land of countries not involved.
pub(crate) const LAND: RGBColor = RGBColor(0xe6, 0xe3, 0xdc);
/// Borders and coasts.
pub(crate) const BORDER: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// The frame around the map.
pub(crate) const FRAME: RGBColor = RGBColor(0x9a, 0x96, 0x8e);
/// Title and labels.
pub(crate) const INK: RGBColor = RGBColor(0x1f, 0x1f, 0x1f);
/// Attribution and legend counts.
pub(crate) const MUTED: RGBColor = RGBColor(0x6b, 0x6b, 0x6b);
/// Flow lines and their arrowheads.
pub(crate) const FLOW: RGBColor = RGBColor(0x2f, 0x4f, 0x4f);
/// Leader lines from a marker to a label moved away from it.
pub(crate) const LEADER: RGBColor = RGBColor(0x55, 0x55, 0x55);

/// Every colour of a map in one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// The paper around the map and behind the title.
    pub paper: RGBColor,
    /// The sea.
    pub sea: RGBColor,
    /// Land of countries not involved.
    pub land: RGBColor,
    /// Borders and coasts.
    pub border: RGBColor,
    /// Frames (map, inset, legend).
    pub frame: RGBColor,
    /// Title and labels.
    pub ink: RGBColor,
    /// Subtitle, attribution, legend counts, scale bar.
    pub muted: RGBColor,
    /// Flow lines and arrowheads.
    pub flow: RGBColor,
    /// Leader lines.
    pub leader: RGBColor,
    /// The outline around text.
    pub halo: RGBColor,
    /// Share of an action's colour in its country tint.
    pub tint_share: f64,
}

impl Palette {
    /// The palette of a theme.
    pub fn of(theme: super::options::Theme) -> Palette {
        match theme {
            super::options::Theme::Light => Palette {
                paper: PAPER,
                sea: SEA,
                land: LAND,
                border: BORDER,
                frame: FRAME,
                ink: INK,
                muted: MUTED,
                flow: FLOW,
                leader: LEADER,
                halo: RGBColor(0xff, 0xff, 0xff),
                tint_share: 0.25,
            },
            super::options::Theme::Dark => Palette {
                paper: RGBColor(0x1c, 0x1e, 0x22),
                sea: RGBColor(0x18, 0x27, 0x35),
                land: RGBColor(0x3b, 0x3d, 0x40),
                border: RGBColor(0x1c, 0x1e, 0x22),
                frame: RGBColor(0x6e, 0x72, 0x78),
                ink: RGBColor(0xf0, 0xf0, 0xf0),
                muted: RGBColor(0xa8, 0xab, 0xb0),
                flow: RGBColor(0xd8, 0xdc, 0xe0),
                leader: RGBColor(0xb8, 0xbb, 0xc0),
                halo: RGBColor(0x1c, 0x1e, 0x22),
                tint_share: 0.38,
            },
        }
    }

    /// The tint a country with this role is filled with.
    pub(crate) fn tint(&self, action: Action) -> RGBColor {
        mix(color(action), self.paper, self.tint_share)
    }
}

pub(crate) use crate::style::Symbol;

/// The colour of an action ([`crate::style::color`]) as plotters' colour.
pub fn color(action: Action) -> RGBColor {
    crate::style::color(action).into()
}

impl From<crate::style::Rgb> for RGBColor {
    fn from(c: crate::style::Rgb) -> RGBColor {
        RGBColor(c.0, c.1, c.2)
    }
}

impl From<RGBColor> for crate::style::Rgb {
    fn from(c: RGBColor) -> crate::style::Rgb {
        crate::style::Rgb(c.0, c.1, c.2)
    }
}

/// The light tint a country with this role is filled with.
pub fn tint(action: Action) -> RGBColor {
    mix(color(action), PAPER, 0.25)
}

/// `a` weighted by `share`, the rest `b`.
pub(crate) fn mix(a: RGBColor, b: RGBColor, share: f64) -> RGBColor {
    let m = |x: u8, y: u8| (share * f64::from(x) + (1.0 - share) * f64::from(y)).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

pub(crate) use crate::style::symbol;

/// The outline of a symbol of radius `r` centred on (0, 0), pixels, y down; `None` for the
/// circle, which is drawn as a circle.
pub(crate) fn outline(symbol: Symbol, r: f64) -> Option<Vec<(f64, f64)>> {
    let polar = |n: usize, radii: &[f64], start: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| {
                let a = start + i as f64 * std::f64::consts::TAU / n as f64;
                let rr = radii[i % radii.len()];
                (rr * a.cos(), rr * a.sin())
            })
            .collect()
    };
    let up = -std::f64::consts::FRAC_PI_2;
    match symbol {
        Symbol::Square => {
            let s = r * 0.85;
            Some(vec![(-s, -s), (s, -s), (s, s), (-s, s)])
        }
        // Equal areas look equal: the triangle is drawn larger, its centroid on the point.
        Symbol::Triangle => Some(polar(3, &[r * 1.25], up)),
        Symbol::Diamond => Some(polar(4, &[r * 1.15], up)),
        Symbol::Cross => {
            let (a, b) = (r * 1.05, r * 0.36);
            let arm = [(b, 0.0), (a, a - b), (a - b, a), (0.0, b)];
            let mut points = Vec::with_capacity(12);
            for (sx, sy) in [(1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)] {
                let quarter: Vec<(f64, f64)> = arm.iter().map(|&(x, y)| (sx * x, sy * y)).collect();
                // Keep the vertices in turning order.
                if sx * sy > 0.0 {
                    points.extend(quarter);
                } else {
                    points.extend(quarter.into_iter().rev());
                }
            }
            Some(points)
        }
        Symbol::Star => Some(polar(10, &[r * 1.3, r * 0.55], up)),
        Symbol::Circle => None,
    }
}

/// Every size on the map, in canvas pixels, for one image width.
///
/// Sizes follow the width (×0.5 at 800 pixels), except that below 1600 pixels they shrink
/// only with its square root, so text stays readable on small maps (labels are 10.6 pixels
/// at 800 wide rather than 7.5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Pixels per design pixel (image width / 1600).
    pub scale: f64,
    /// Space around the map, left, right and bottom.
    pub margin: f64,
    /// Height of the band with the title above the map.
    pub header: f64,
    /// Height of the band with the attribution below the map.
    pub footer: f64,
    /// Title font size (em, pixels).
    pub title: f64,
    /// Subtitle font size.
    pub subtitle: f64,
    /// Label font size.
    pub label: f64,
    /// Legend font size.
    pub legend: f64,
    /// Attribution font size.
    pub attribution: f64,
    /// Marker radius.
    pub marker: f64,
    /// Width of the white outline around markers.
    pub marker_outline: f64,
    /// Radius of the pips that show a place's further actions.
    pub pip: f64,
    /// Width of a flow line.
    pub flow: f64,
    /// Length of a flow's arrowhead.
    pub arrow: f64,
    /// Width of the white halo around text.
    pub halo: f64,
    /// Width of borders between countries.
    pub border: f64,
    /// Width of the frame.
    pub frame: f64,
}

impl Sizes {
    /// Sizes for an image `width` pixels wide drawn on a canvas with `density` canvas pixels
    /// per image pixel (2 for the PNG, laid out at twice its size).
    pub(crate) fn new(width: f64, density: f64) -> Sizes {
        let ratio = (width / 1600.0).max(0.1);
        let s = density * if ratio < 1.0 { ratio.sqrt() } else { ratio };
        Sizes {
            scale: s,
            margin: 14.0 * s,
            header: 62.0 * s,
            footer: 30.0 * s,
            title: 28.0 * s,
            subtitle: 16.0 * s,
            label: 15.0 * s,
            legend: 14.0 * s,
            attribution: 12.0 * s,
            marker: 8.5 * s,
            marker_outline: 2.0 * s,
            pip: 3.6 * s,
            flow: 1.6 * s,
            arrow: 10.0 * s,
            halo: 2.5 * s,
            border: 0.9 * s,
            frame: 1.0 * s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_its_own_colour_and_symbol() {
        for (i, a) in Action::ALL.into_iter().enumerate() {
            for b in Action::ALL.into_iter().skip(i + 1) {
                assert_ne!(color(a), color(b));
                assert_ne!(symbol(a), symbol(b));
            }
        }
        assert_eq!(tint(Action::Seizure), RGBColor(0xf5, 0xd7, 0xbf));
    }

    #[test]
    fn fonts_register() {
        register_fonts().unwrap();
    }
}

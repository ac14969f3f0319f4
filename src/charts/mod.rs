//! Charts a report embeds beside the map, drawn with plotters' chart API (`ChartBuilder`, one
//! `draw_series` per action with its legend entry, the mesh and its axis labels), in the map's
//! palette, action colours and symbols, bundled font and theme.
//!
//! In: located events (one map) or a batch's per-country counts, turned into a [`BarChart`]
//! (plain data that can be printed and tested). Out: PNG bytes, SVG text and alt text, which
//! the caller writes atomically as `chart.png`, `chart.svg` and `chart.txt`.
//!
//! - [`bars`]: one horizontal bar per country, stacked by action, longest first
//!   (`chart.*`, `opmap map` and `opmap batch`);
//! - [`timeline`]: a corpus' articles per week or month, stacked by action (`timeline.*`,
//!   `opmap batch`, when articles have dates).

pub mod bars;
pub mod timeline;

pub use bars::BarChart;
pub use timeline::Timeline;

use crate::error::{Error, Result};
use crate::render::style::{self, Palette, Sizes};
pub(crate) use crate::render::text::thousands;
use crate::render::Options;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::PathBuf;

/// The file names a chart is written under, beside the map: `<stem>.png`, `.svg`, `.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Names {
    /// The image, `chart.png`.
    pub png: &'static str,
    /// The vector image, `chart.svg`.
    pub svg: &'static str,
    /// The alt text, `chart.txt`.
    pub txt: &'static str,
}

/// The bar chart's files.
pub(crate) const BAR_FILES: Names = Names {
    png: "chart.png",
    svg: "chart.svg",
    txt: "chart.txt",
};

/// An error while drawing `file`, as an output error naming it.
fn draw_error(file: &str, e: impl std::fmt::Display) -> Error {
    Error::Render {
        path: PathBuf::from(file),
        message: e.to_string(),
    }
}

/// Plotters' font size per em pixel (ab_glyph's scale), as the map's text uses it.
const EM: f64 = 1.24;

/// Everything a chart is drawn with: its pixel size, the map's sizes for that width, its
/// palette and font family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Width of the image, pixels (after `--scale`).
    pub width: u32,
    /// The map's sizes at that width (fonts, margins).
    pub sizes: Sizes,
    /// The theme's colours.
    pub palette: Palette,
}

impl Look {
    /// The look of a chart `width` pixels wide (already multiplied by `options.scale`), in
    /// `options`' theme.
    pub fn new(width: u32, options: &Options) -> Look {
        Look {
            width,
            sizes: Sizes::new(f64::from(width), 1.0),
            palette: Palette::of(options.theme),
        }
    }

    /// The same look on a canvas twice as large (the PNG is drawn at twice its size and
    /// reduced, which smooths the symbols and evens out the glyphs' spacing).
    fn doubled(&self) -> Look {
        Look {
            width: 2 * self.width,
            sizes: Sizes::new(f64::from(self.width), 2.0),
            palette: self.palette,
        }
    }

    /// A font of the bundled family at `em` pixels (as the map's text: plotters' size is
    /// 1.24 em), in `color`.
    fn font(&self, em: f64, color: RGBColor) -> TextStyle<'static> {
        (style::FAMILY, em * EM).into_font().color(&color)
    }

    /// The bold title font.
    fn title_font(&self) -> TextStyle<'static> {
        FontDesc::new(
            FontFamily::Name(style::FAMILY),
            self.sizes.title * EM,
            FontStyle::Bold,
        )
        .color(&self.palette.ink)
    }
}

/// Paints the paper, the title and the subtitle along the top of `root`, as the map does
/// (left-aligned, bold title, muted subtitle), and returns the area below them.
fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    look: &Look,
    title: &str,
    subtitle: Option<&str>,
) -> std::result::Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &look.sizes;
    root.fill(&look.palette.paper)?;
    let left = s.margin.round() as i32;
    let top = Pos::new(HPos::Left, VPos::Top);
    root.draw_text(
        title,
        &look.title_font().pos(top),
        (left, (0.35 * s.title).round() as i32),
    )?;
    if let Some(subtitle) = subtitle.filter(|t| !t.is_empty()) {
        root.draw_text(
            subtitle,
            &look.font(s.subtitle, look.palette.muted).pos(top),
            (left, (1.75 * s.title).round() as i32),
        )?;
    }
    let (_, body) = root.split_vertically((s.header + 12.0 * s.scale).round() as u32);
    Ok(body)
}

/// Encodes an RGB buffer as an 8-bit RGB PNG.
fn encode_png(file: &str, rgb: &[u8], (width, height): (u32, u32)) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| draw_error(file, e))?;
    writer
        .write_image_data(rgb)
        .map_err(|e| draw_error(file, e))?;
    writer.finish().map_err(|e| draw_error(file, e))?;
    Ok(out)
}

/// Draws with `paint` on a bitmap of twice `size` (to be painted with [`Look::doubled`]),
/// reduces it to `size` pixels (each pixel the mean of four) and returns it as a PNG.
fn png_of<F>(file: &str, size: (u32, u32), paint: F) -> Result<Vec<u8>>
where
    F: FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> std::result::Result<(), String>,
{
    style::register_fonts().map_err(|e| draw_error(file, e))?;
    let big = (2 * size.0, 2 * size.1);
    let mut rgb = vec![0u8; big.0 as usize * big.1 as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, big).into_drawing_area();
        paint(&root).map_err(|e| draw_error(file, e))?;
        root.present().map_err(|e| draw_error(file, e))?;
    }
    encode_png(file, &halved(&rgb, big), size)
}

/// An RGB image of `size` (even sides) reduced to half: each pixel the mean of a 2×2 block.
fn halved(rgb: &[u8], (width, height): (u32, u32)) -> Vec<u8> {
    let (w, h) = (width as usize, height as usize);
    let row = w / 2 * 3;
    let mut out = vec![0u8; row * (h / 2)];
    if row == 0 {
        return out;
    }
    // Two rows at a time: first the sums of the two rows, byte by byte (a loop the compiler
    // vectorises), then each pixel from the sums of its two columns; an odd last row or column
    // is left out.
    let mut sums = vec![0u16; w * 3];
    let pairs_of_rows = rgb[..w * 3 * h].chunks_exact(w * 3 * 2);
    for (rows, out_row) in pairs_of_rows.zip(out.chunks_exact_mut(row)) {
        let (top, bottom) = rows.split_at(w * 3);
        for ((sum, &a), &b) in sums.iter_mut().zip(top).zip(bottom) {
            *sum = u16::from(a) + u16::from(b);
        }
        for (pair, pixel) in sums.chunks_exact(6).zip(out_row.chunks_exact_mut(3)) {
            for c in 0..3 {
                pixel[c] = ((pair[c] + pair[c + 3] + 2) / 4) as u8;
            }
        }
    }
    out
}

/// Draws with `paint` on an SVG of `size` pixels and returns its text.
fn svg_of<F>(file: &str, size: (u32, u32), paint: F) -> Result<String>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> std::result::Result<(), String>,
{
    style::register_fonts().map_err(|e| draw_error(file, e))?;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        paint(&root).map_err(|e| draw_error(file, e))?;
        root.present().map_err(|e| draw_error(file, e))?;
    }
    Ok(text)
}

/// The outline of an action's symbol of radius `r` around `(x, y)`, backend pixels; `None`
/// for the circle.
fn symbol_points(
    action: crate::action::Action,
    (x, y): (i32, i32),
    r: f64,
) -> Option<Vec<(i32, i32)>> {
    style::outline(style::symbol(action), r).map(|points| {
        points
            .into_iter()
            .map(|(dx, dy)| (x + dx.round() as i32, y + dy.round() as i32))
            .collect()
    })
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The timeline's files.
pub(crate) const TIMELINE_FILES: Names = Names {
    png: "timeline.png",
    svg: "timeline.svg",
    txt: "timeline.txt",
};

/// The timeline's files by name, `timeline.png`, `.svg` and `.txt`, `width` pixels wide in
/// `options`' theme.
pub(crate) fn timeline_files(
    chart: &Timeline,
    width: u32,
    options: &Options,
) -> Result<Vec<(String, Vec<u8>)>> {
    let look = Look::new(width, options);
    let names = TIMELINE_FILES;
    let (png, svg) = rayon::join(
        || timeline::png(chart, &look, names.png),
        || timeline::svg(chart, &look, names.svg),
    );
    Ok(vec![
        (names.png.to_string(), png?),
        (names.svg.to_string(), svg?.into_bytes()),
        (
            names.txt.to_string(),
            timeline::alt_text(chart).into_bytes(),
        ),
    ])
}

/// The bar chart's files by name, `chart.png`, `chart.svg` and `chart.txt`, `width` pixels
/// wide (after `--scale`) in `options`' theme, drawn in parallel.
pub(crate) fn bar_files(
    chart: &BarChart,
    width: u32,
    options: &Options,
) -> Result<Vec<(String, Vec<u8>)>> {
    let look = Look::new(width, options);
    let (png, svg) = rayon::join(
        || bars::png(chart, &look, BAR_FILES.png),
        || bars::svg(chart, &look, BAR_FILES.svg),
    );
    Ok(vec![
        (BAR_FILES.png.to_string(), png?),
        (BAR_FILES.svg.to_string(), svg?.into_bytes()),
        (
            BAR_FILES.txt.to_string(),
            bars::alt_text(chart).into_bytes(),
        ),
    ])
}

/// The chart's subtitle: the map's title, then its subtitle (the source), joined by " · ".
pub fn subtitle(map_title: &str, map_subtitle: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = [Some(map_title), map_subtitle]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The bar chart's heading.
pub const BAR_TITLE: &str = "Actions per country";

#[cfg(test)]
mod tests {
    use super::halved;

    /// Each pixel is the rounded mean of its 2×2 block; an odd last row and column are left out.
    #[test]
    fn halving_averages_blocks_and_drops_odd_edges() {
        let (w, h) = (5usize, 5usize);
        let rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 37 % 251) as u8).collect();
        let got = halved(&rgb, (w as u32, h as u32));
        let mut want = Vec::new();
        for y in (0..4).step_by(2) {
            for x in (0..4).step_by(2) {
                for c in 0..3 {
                    let at = |xx: usize, yy: usize| u32::from(rgb[(yy * w + xx) * 3 + c]);
                    let sum = at(x, y) + at(x + 1, y) + at(x, y + 1) + at(x + 1, y + 1);
                    want.push(((sum + 2) / 4) as u8);
                }
            }
        }
        assert_eq!(got, want);
        assert!(halved(&[], (0, 0)).is_empty());
        assert!(halved(&[7; 12], (1, 4)).is_empty());
        assert!(halved(&[7; 12], (4, 1)).is_empty());
        assert_eq!(halved(&[7; 12], (2, 2)), [7, 7, 7]);
    }
}

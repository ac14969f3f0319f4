//! Text: the bundled font at a size, measuring text with it and shortening text to a width.
//!
//! In: text and a size in pixels (the em). Out: plotters fonts, sizes in pixels, shortened
//! text.

use super::style;
use crate::error::{Error, Result};
use plotters::style::{FontDesc, FontFamily, FontStyle};
use std::path::PathBuf;

/// The font for `em` pixels (plotters' size is 1.24 em).
pub(crate) fn font(em: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(style::FAMILY), plotters_size(em), style)
}

/// Plotters' font size for `em` pixels: 1.24 em, nudged by a few units in the last place so
/// that the SVG's `font-size` (plotters' size / 1.24) prints as `em` and not `15.000000000000002`.
fn plotters_size(em: f64) -> f64 {
    let size = em * 1.24;
    (0..8i64)
        .flat_map(|k| [k, -k])
        .map(|k| f64::from_bits((size.to_bits() as i64 + k) as u64))
        .find(|s| s / 1.24 == em)
        .unwrap_or(size)
}

/// Width and height of `text` in pixels with the bundled font.
pub(crate) fn measure(text: &str, em: f64, bold: bool) -> Result<(f64, f64)> {
    let (w, h) = font(em, bold).box_size(text).map_err(|e| Error::Render {
        path: PathBuf::new(),
        message: format!("measuring text `{text}`: {e}"),
    })?;
    Ok((f64::from(w), f64::from(h)))
}

/// `text` cut at a word boundary with "…" so it is at most `max` pixels wide.
pub(crate) fn shorten(text: &str, em: f64, bold: bool, max: f64) -> Result<String> {
    let text = text.trim();
    if measure(text, em, bold)?.0 <= max {
        return Ok(text.to_string());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let candidate = format!(
            "{}…",
            words[..n]
                .join(" ")
                .trim_end_matches([',', ';', ':', '-', '–'])
        );
        if measure(&candidate, em, bold)?.0 <= max {
            return Ok(candidate);
        }
    }
    // One long word: cut characters.
    let mut candidate: String = text.chars().collect();
    while !candidate.is_empty() {
        candidate.pop();
        let c = format!("{candidate}…");
        if measure(&c, em, bold)?.0 <= max {
            return Ok(c);
        }
    }
    Ok(String::new())
}

/// The SVG `font-size` (the em, pixels) of the glyphs laid out and painted for `em`: plotters
/// and the PNG painter draw the bundled font at ab_glyph's scale of 1.24 `em`, a scale that is
/// the font's height (ascent − descent), not its em; this is the em of that height.
pub(crate) fn font_size(em: f64) -> f64 {
    use ab_glyph::Font;
    static RATIO: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let ratio = *RATIO.get_or_init(|| {
        ab_glyph::FontRef::try_from_slice(style::FONT_REGULAR)
            .ok()
            .and_then(|f| Some(f64::from(f.units_per_em()?) / f64::from(f.height_unscaled())))
            .unwrap_or(1.0 / 1.24)
    });
    em * 1.24 * ratio
}

/// `12345` → `12,345`: counts on maps, charts and batch reports.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

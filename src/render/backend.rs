//! A plotters backend that paints with tiny-skia: anti-aliased shapes, lines and text, on a
//! pixmap that may be smaller than the canvas the scene was laid out on.
//!
//! In: plotters drawing calls in canvas pixels (the scene's). Out: an RGB image of the canvas
//! scaled by `scale` (the PNG lays its scene out at twice its size and paints it at half: the
//! outlines keep half-pixel precision, the edges get tiny-skia's anti-aliasing instead of a
//! supersampled bitmap averaged down).
//!
//! What each call means, in canvas pixels, is what plotters' bitmap backend drew: an integer
//! coordinate is the centre of a pixel, filled rectangles include both corners, text sits
//! where an SVG viewer puts it (its baseline 0.76 em below the anchor), glyphs are drawn at
//! plotters' size (ab_glyph's scale of 1.24 em, as [`measure`](super::text::measure) lays
//! them out). Text in the [`HALO`](super::style::HALO) colour becomes an outline of the text:
//! the glyphs filled and stroked `2 × halo` wide with round joins, in the halo colour.

use super::style::{FONT_BOLD, FONT_REGULAR, HALO};
use ab_glyph::{Font, FontRef, OutlineCurve, ScaleFont};
use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use tiny_skia::{
    FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, Pixmap, Rect, Stroke, Transform,
};

/// How far below the anchor of top-anchored text its baseline sits, in ems (SVG's `0.76em`).
const BASELINE: f32 = 0.76;

/// An error of the skia backend (a pixmap that could not be made).
#[derive(Debug)]
pub struct SkiaError(String);

impl std::fmt::Display for SkiaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SkiaError {}

impl From<String> for SkiaError {
    fn from(message: String) -> SkiaError {
        SkiaError(message)
    }
}

type Drawn = Result<(), DrawingErrorKind<SkiaError>>;

/// Paints on a tiny-skia pixmap; see the module docs.
pub struct Skia<'a> {
    pixmap: &'a mut Pixmap,
    /// Canvas size, pixels (what plotters lays out on).
    canvas: (u32, u32),
    /// Canvas to pixmap, for continuous coordinates (text, filled rectangles).
    scale: Transform,
    /// Canvas to pixmap for integer pixel centres (shapes and lines).
    centres: Transform,
    /// Halo width in canvas pixels.
    halo: f32,
    /// Halo colour.
    halo_rgb: (u8, u8, u8),
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

/// A pixmap of `width`×`height` pixels.
pub fn pixmap(width: u32, height: u32) -> Result<Pixmap, SkiaError> {
    Pixmap::new(width, height)
        .ok_or_else(|| SkiaError(format!("cannot make a {width}×{height} image")))
}

/// Copies a painted pixmap's pixels into `rgb`: RGB, 8 bits a channel, rows top to bottom
/// (`rgb` holds exactly the pixmap's pixels).
pub fn copy_rgb(pixmap: &Pixmap, rgb: &mut [u8]) {
    debug_assert_eq!(rgb.len(), pixmap.data().len() / 4 * 3);
    // Everything is painted over an opaque fill, so premultiplied RGBA is plain RGB.
    for (out, px) in rgb.chunks_exact_mut(3).zip(pixmap.data().chunks_exact(4)) {
        out.copy_from_slice(&px[..3]);
    }
}

impl<'a> Skia<'a> {
    /// A backend for a canvas of `canvas` pixels painted at `scale` on `pixmap`, which holds
    /// the rows from `top` down of the scaled image (a band of it, or all of it from 0);
    /// halos are `halo` canvas pixels wide, in `halo_rgb`.
    pub fn new(
        pixmap: &'a mut Pixmap,
        canvas: (u32, u32),
        scale: f32,
        top: u32,
        halo: f64,
        halo_rgb: (u8, u8, u8),
    ) -> Result<Skia<'a>, SkiaError> {
        let font = |bytes: &'static [u8], name: &str| {
            FontRef::try_from_slice(bytes)
                .map_err(|_| SkiaError(format!("the bundled {name} is not a valid font")))
        };
        let scale_t = Transform::from_scale(scale, scale).post_translate(0.0, -(top as f32));
        Ok(Skia {
            pixmap,
            canvas,
            scale: scale_t,
            centres: scale_t.pre_translate(0.5, 0.5),
            halo: halo as f32,
            halo_rgb,
            regular: font(FONT_REGULAR, "DejaVuSans.ttf")?,
            bold: font(FONT_BOLD, "DejaVuSans-Bold.ttf")?,
        })
    }

    fn paint(color: BackendColor) -> Paint<'static> {
        let (r, g, b) = color.rgb;
        let mut paint = Paint::default();
        let alpha = (color.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
        paint.set_color_rgba8(r, g, b, alpha);
        paint.anti_alias = true;
        paint
    }

    fn stroke(width: u32) -> Stroke {
        Stroke {
            width: width.max(1) as f32,
            line_cap: LineCap::Butt,
            line_join: LineJoin::Miter,
            ..Stroke::default()
        }
    }

    fn polyline(points: impl IntoIterator<Item = BackendCoord>, close: bool) -> Option<Path> {
        let mut pb = PathBuilder::new();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                pb.move_to(x as f32, y as f32);
            } else {
                pb.line_to(x as f32, y as f32);
            }
        }
        if close {
            pb.close();
        }
        pb.finish()
    }

    /// The outline of `text` at plotters' `size` (ab_glyph's scale), its pen starting at
    /// `(x, baseline)`, kerned like plotters lays it out.
    fn text_path(
        font: &FontRef<'static>,
        size: f32,
        text: &str,
        x: f32,
        baseline: f32,
    ) -> Option<Path> {
        let scaled = font.as_scaled(size);
        let (sx, sy) = (scaled.h_scale_factor(), scaled.v_scale_factor());
        let mut pb = PathBuilder::new();
        let mut pen = x;
        let mut prev = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                pen += scaled.kern(p, id);
            }
            prev = Some(id);
            if let Some(outline) = font.outline(id) {
                let at = |p: ab_glyph::Point| (pen + p.x * sx, baseline - p.y * sy);
                let mut last: Option<ab_glyph::Point> = None;
                for curve in &outline.curves {
                    let start = match curve {
                        OutlineCurve::Line(a, _)
                        | OutlineCurve::Quad(a, _, _)
                        | OutlineCurve::Cubic(a, _, _, _) => *a,
                    };
                    if last != Some(start) {
                        if last.is_some() {
                            pb.close();
                        }
                        let (x, y) = at(start);
                        pb.move_to(x, y);
                    }
                    let end = match *curve {
                        OutlineCurve::Line(_, b) => {
                            let (x, y) = at(b);
                            pb.line_to(x, y);
                            b
                        }
                        OutlineCurve::Quad(_, c, b) => {
                            let ((cx, cy), (x, y)) = (at(c), at(b));
                            pb.quad_to(cx, cy, x, y);
                            b
                        }
                        OutlineCurve::Cubic(_, c1, c2, b) => {
                            let ((ax, ay), (bx, by), (x, y)) = (at(c1), at(c2), at(b));
                            pb.cubic_to(ax, ay, bx, by, x, y);
                            b
                        }
                    };
                    last = Some(end);
                }
                if last.is_some() {
                    pb.close();
                }
            }
            pen += scaled.h_advance(id);
        }
        pb.finish()
    }
}

impl DrawingBackend for Skia<'_> {
    type ErrorType = SkiaError;

    fn get_size(&self) -> (u32, u32) {
        self.canvas
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.draw_rect(point, point, &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x0, x1) = (
            upper_left.0.min(bottom_right.0),
            upper_left.0.max(bottom_right.0),
        );
        let (y0, y1) = (
            upper_left.1.min(bottom_right.1),
            upper_left.1.max(bottom_right.1),
        );
        if fill {
            // Both corners' pixels included.
            if let Some(rect) =
                Rect::from_ltrb(x0 as f32, y0 as f32, (x1 + 1) as f32, (y1 + 1) as f32)
            {
                self.pixmap
                    .fill_rect(rect, &Skia::paint(color), self.scale, None);
            }
            return Ok(());
        }
        if let Some(path) = Skia::polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], true) {
            self.pixmap.stroke_path(
                &path,
                &Skia::paint(color),
                &Skia::stroke(style.stroke_width()),
                self.centres,
                None,
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(path) = Skia::polyline(path, false) {
            self.pixmap.stroke_path(
                &path,
                &Skia::paint(color),
                &Skia::stroke(style.stroke_width()),
                self.centres,
                None,
            );
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let Some(path) = PathBuilder::from_circle(center.0 as f32, center.1 as f32, radius as f32)
        else {
            return Ok(());
        };
        let paint = Skia::paint(color);
        if fill {
            self.pixmap
                .fill_path(&path, &paint, FillRule::Winding, self.centres, None);
        } else {
            let stroke = Skia::stroke(style.stroke_width());
            self.pixmap
                .stroke_path(&path, &paint, &stroke, self.centres, None);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(path) = Skia::polyline(vert, true) {
            self.pixmap.fill_path(
                &path,
                &Skia::paint(color),
                FillRule::Winding,
                self.centres,
                None,
            );
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let font = match style.style() {
            FontStyle::Bold => &self.bold,
            _ => &self.regular,
        };
        let size = style.size() as f32;
        let em = size / 1.24;
        // The width plotters measures (and the layout used), for right and centred text.
        let ((min_x, _), (max_x, _)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let width = (max_x - min_x) as f32;
        let x = pos.0 as f32
            + match style.anchor().h_pos {
                HPos::Left => 0.0,
                HPos::Right => -width,
                HPos::Center => -width / 2.0,
            };
        let baseline = pos.1 as f32
            + match style.anchor().v_pos {
                VPos::Top => BASELINE * em,
                VPos::Center => 0.5 * BASELINE * em,
                VPos::Bottom => 0.0,
            };
        let Some(path) = Skia::text_path(font, size, text, x, baseline) else {
            return Ok(());
        };
        let plotters::style::RGBColor(r, g, b) = HALO;
        if color.rgb == (r, g, b) {
            let halo = BackendColor {
                alpha: color.alpha,
                rgb: self.halo_rgb,
            };
            let paint = Skia::paint(halo);
            self.pixmap
                .fill_path(&path, &paint, FillRule::Winding, self.scale, None);
            let stroke = Stroke {
                width: 2.0 * self.halo,
                line_join: LineJoin::Round,
                line_cap: LineCap::Round,
                ..Stroke::default()
            };
            self.pixmap
                .stroke_path(&path, &paint, &stroke, self.scale, None);
        } else {
            self.pixmap.fill_path(
                &path,
                &Skia::paint(color),
                FillRule::Winding,
                self.scale,
                None,
            );
        }
        Ok(())
    }
}

//! The PNG painter: a [`Drawing`] painted with tiny-skia (anti-aliased shapes, lines and
//! text) on a pixmap that may be smaller than the canvas the scene was laid out on.
//!
//! In: a drawing in canvas pixels. Out: its pixels on a pixmap, the canvas scaled by `scale`
//! and shifted up by `top` rows (the PNG lays its scene out at twice its size and paints it at
//! half, in bands). Coordinates are continuous: (0, 0) is the canvas's top-left corner, as in
//! the SVG. Text is the bundled font's glyph outlines at ab_glyph's scale of 1.24 em (what
//! [`measure`](super::text::measure) lays out), its baseline [`BASELINE`] em below the top; a
//! halo is a stroke of the glyphs painted beneath them, as the SVG's `paint-order="stroke"`.

use super::drawing::{Drawing, Group, Ink, Item, Shape, Stroke as Line, Text, BASELINE};
use super::style::{FONT_BOLD, FONT_REGULAR};
use ab_glyph::{Font, FontRef, OutlineCurve, ScaleFont};
use tiny_skia::{FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, Pixmap, Stroke, Transform};

/// A pixmap of `width`×`height` pixels.
pub(crate) fn pixmap(width: u32, height: u32) -> Result<Pixmap, String> {
    Pixmap::new(width, height).ok_or_else(|| format!("cannot make a {width}×{height} image"))
}

/// Copies a painted pixmap's pixels into `rgb`: RGB, 8 bits a channel, rows top to bottom
/// (`rgb` holds exactly the pixmap's pixels).
pub(crate) fn copy_rgb(pixmap: &Pixmap, rgb: &mut [u8]) {
    debug_assert_eq!(rgb.len(), pixmap.data().len() / 4 * 3);
    // Everything is painted over an opaque fill, so premultiplied RGBA is plain RGB.
    for (out, px) in rgb.chunks_exact_mut(3).zip(pixmap.data().chunks_exact(4)) {
        out.copy_from_slice(&px[..3]);
    }
}

/// Paints `drawing` on `pixmap`, the canvas scaled by `scale`, its rows from `top` down.
pub(crate) fn paint(
    drawing: &Drawing,
    pixmap: &mut Pixmap,
    scale: f32,
    top: u32,
) -> Result<(), String> {
    let font = |bytes: &'static [u8], name: &str| {
        FontRef::try_from_slice(bytes)
            .map_err(|_| format!("the bundled {name} is not a valid font"))
    };
    let mut painter = Painter {
        pixmap,
        transform: Transform::from_scale(scale, scale).post_translate(0.0, -(top as f32)),
        regular: font(FONT_REGULAR, "DejaVuSans.ttf")?,
        bold: font(FONT_BOLD, "DejaVuSans-Bold.ttf")?,
    };
    for g in &drawing.groups {
        painter.group(g);
    }
    Ok(())
}

struct Painter<'a> {
    pixmap: &'a mut Pixmap,
    transform: Transform,
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

fn paint_of(ink: Ink) -> Paint<'static> {
    let mut paint = Paint::default();
    let alpha = (ink.opacity.clamp(0.0, 1.0) * 255.0).round() as u8;
    paint.set_color_rgba8(ink.color.0, ink.color.1, ink.color.2, alpha);
    paint.anti_alias = true;
    paint
}

fn stroke_of(line: &Line) -> Stroke {
    let (cap, join) = if line.round {
        (LineCap::Round, LineJoin::Round)
    } else {
        (LineCap::Butt, LineJoin::Miter)
    };
    Stroke {
        width: line.width as f32,
        line_cap: cap,
        line_join: join,
        ..Stroke::default()
    }
}

impl Painter<'_> {
    fn group(&mut self, g: &Group) {
        for item in &g.items {
            match item {
                Item::Shape(s) => self.shape(s),
                Item::Circle(c) => {
                    let (x, y) = (c.at.0 as f32, c.at.1 as f32);
                    if let Some(path) = PathBuilder::from_circle(x, y, c.r as f32) {
                        self.fill_stroke(&path, Some(c.fill), c.stroke.as_ref());
                    }
                }
                Item::Text(t) => self.text(t),
                Item::Group(g) => self.group(g),
            }
        }
    }

    fn fill_stroke(&mut self, path: &Path, fill: Option<Ink>, line: Option<&Line>) {
        if let Some(ink) = fill {
            let paint = paint_of(ink);
            self.pixmap
                .fill_path(path, &paint, FillRule::Winding, self.transform, None);
        }
        if let Some(line) = line {
            let paint = paint_of(line.ink);
            self.pixmap
                .stroke_path(path, &paint, &stroke_of(line), self.transform, None);
        }
    }

    fn shape(&mut self, s: &Shape) {
        let mut pb = PathBuilder::new();
        for part in s.parts.iter().filter(|p| !p.is_empty()) {
            for (i, &(x, y)) in part.iter().enumerate() {
                if i == 0 {
                    pb.move_to(x as f32, y as f32);
                } else {
                    pb.line_to(x as f32, y as f32);
                }
            }
            if s.closed {
                pb.close();
            }
        }
        if let Some(path) = pb.finish() {
            self.fill_stroke(&path, s.fill, s.stroke.as_ref());
        }
    }

    fn text(&mut self, t: &Text) {
        let font = if t.bold { &self.bold } else { &self.regular };
        let size = (t.em * 1.24) as f32;
        let x = if t.end {
            t.x as f32 - advance(font, size, &t.text)
        } else {
            t.x as f32
        };
        let baseline = (t.y + BASELINE * t.em) as f32;
        let Some(path) = Painter::text_path(font, size, &t.text, x, baseline) else {
            return;
        };
        if let Some((color, width)) = t.halo {
            let line = Line {
                ink: color.into(),
                width,
                round: true,
            };
            self.fill_stroke(&path, None, Some(&line));
        }
        self.fill_stroke(&path, Some(t.color.into()), None);
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

/// The width of `text` at ab_glyph's scale `size`: its advances, kerned.
fn advance(font: &FontRef<'static>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(size);
    let mut pen = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            pen += scaled.kern(p, id);
        }
        prev = Some(id);
        pen += scaled.h_advance(id);
    }
    pen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::drawing::{Drawing, Group, Item, Text};
    use plotters::style::RGBColor;

    /// A haloed text on black: white (the halo) around dark glyphs, black further away.
    #[test]
    fn halos_are_a_stroke_beneath_the_glyphs() {
        let (ink, halo) = (RGBColor(0x20, 0x20, 0x20), RGBColor(255, 255, 255));
        let mut g = Group::named("labels");
        let background = vec![vec![(0.0, 0.0), (60.0, 0.0), (60.0, 30.0), (0.0, 30.0)]];
        g.items.push(Item::Shape(Shape {
            parts: background,
            closed: true,
            fill: Some(RGBColor(0, 0, 0).into()),
            stroke: None,
        }));
        g.items.push(Item::Text(Text {
            text: "II".into(),
            x: 10.0,
            y: 5.0,
            em: 16.0,
            bold: false,
            color: ink,
            end: false,
            halo: Some((halo, 4.0)),
        }));
        let drawing = Drawing {
            size: (60, 30),
            groups: vec![g],
        };
        let mut pixmap = pixmap(60, 30).unwrap();
        paint(&drawing, &mut pixmap, 1.0, 0).unwrap();
        let at = |x: u32, y: u32| {
            let p = pixmap.pixel(x, y).unwrap();
            (p.red(), p.green(), p.blue())
        };
        let row = 15;
        let xs: Vec<(u8, u8, u8)> = (0..60).map(|x| at(x, row)).collect();
        assert!(xs.contains(&(0x20, 0x20, 0x20)), "glyph ink: {xs:?}");
        assert!(xs.contains(&(255, 255, 255)), "halo: {xs:?}");
        assert_eq!(at(2, row), (0, 0, 0), "background away from the text");
        // Left to right: background, halo, then ink.
        let first_halo = xs.iter().position(|&p| p == (255, 255, 255)).unwrap();
        let first_ink = xs.iter().position(|&p| p == (0x20, 0x20, 0x20)).unwrap();
        assert!(first_halo < first_ink);
    }
}

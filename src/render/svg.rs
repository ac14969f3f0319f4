//! The SVG writer: a [`Drawing`]'s groups as SVG text, for `map.svg` and `map.html`.
//!
//! In: groups of shapes, circles and texts in canvas pixels. Out: SVG 1.1 text a graphics
//! desk can edit: a `<g id="…">` per group, coordinates to 0.01 pixel with no float noise
//! (`12.5`, never `12.500000000000002`), text as `<text>` in the bundled font's family, halos
//! as a stroke painted beneath the glyphs (`paint-order="stroke"`).

use super::drawing::{Circle, Drawing, Group, Ink, Item, Shape, Stroke, Text, BASELINE};
use super::extent::Rect;
use super::style;
use plotters::style::RGBColor;
use std::fmt::Write;

/// A number rounded to 0.01, written without trailing zeros ("12.5", "-3", "0.07").
pub(crate) fn num(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let (sign, cents) = if cents < 0 {
        ("-", cents.unsigned_abs())
    } else {
        ("", cents.unsigned_abs())
    };
    let (whole, frac) = (cents / 100, cents % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// `#rrggbb`.
fn hex(c: RGBColor) -> String {
    let bytes = crate::style::Rgb(c.0, c.1, c.2).hex_bytes(b"0123456789ABCDEF");
    String::from_utf8(bytes.to_vec()).expect("# and hex digits are ASCII")
}

/// Escapes text for XML (element content and double-quoted attributes).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 forbids most control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The `<svg>` element around the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Root {
    /// `width` and `height`, when set (`map.svg`; a page sizes its map with CSS).
    pub size: Option<(u32, u32)>,
    /// The part of the canvas shown, pixels.
    pub view_box: Rect,
    /// Further attributes (name, value).
    pub attrs: Vec<(&'static str, String)>,
}

/// A whole drawing as an SVG document (`map.svg`).
pub(crate) fn document(drawing: &Drawing) -> String {
    let (w, h) = drawing.size;
    let root = Root {
        size: Some((w, h)),
        view_box: Rect::new(0.0, 0.0, f64::from(w), f64::from(h)),
        attrs: vec![("xmlns", "http://www.w3.org/2000/svg".to_string())],
    };
    write(&root, &drawing.groups)
}

/// An `<svg>` element holding `groups`, ending in a newline (with no `xmlns`: a standalone
/// document adds it to `root.attrs`, HTML needs none).
pub fn write(root: &Root, groups: &[Group]) -> String {
    let mut out = String::with_capacity(256 * 1024);
    out.push_str("<svg");
    if let Some((w, h)) = root.size {
        let _ = write!(out, " width=\"{w}\" height=\"{h}\"");
    }
    let v = &root.view_box;
    let _ = write!(
        out,
        " viewBox=\"{} {} {} {}\" font-family=\"{}\"",
        num(v.x0),
        num(v.y0),
        num(v.width()),
        num(v.height()),
        escape(style::FAMILY)
    );
    attrs(&mut out, &root.attrs);
    out.push_str(">\n");
    for g in groups {
        group(&mut out, g);
    }
    out.push_str("</svg>\n");
    out
}

fn attrs(out: &mut String, attrs: &[(&'static str, String)]) {
    for (name, value) in attrs {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
}

fn group(out: &mut String, g: &Group) {
    out.push_str("<g");
    if let Some(id) = &g.id {
        let _ = write!(out, " id=\"{}\"", escape(id));
    }
    attrs(out, &g.attrs);
    out.push_str(">\n");
    for item in &g.items {
        match item {
            Item::Shape(s) => shape(out, s),
            Item::Circle(c) => circle(out, c),
            Item::Text(t) => text(out, t),
            Item::Group(g) => group(out, g),
        }
    }
    out.push_str("</g>\n");
}

/// ` fill="…"` (and its opacity) or ` fill="none"`.
fn fill(out: &mut String, ink: Option<Ink>) {
    match ink {
        Some(ink) => {
            let _ = write!(out, " fill=\"{}\"", hex(ink.color));
            if ink.opacity < 1.0 {
                let _ = write!(out, " fill-opacity=\"{}\"", num(ink.opacity));
            }
        }
        None => out.push_str(" fill=\"none\""),
    }
}

fn stroke(out: &mut String, stroke: Option<&Stroke>) {
    let Some(s) = stroke else {
        return;
    };
    let _ = write!(
        out,
        " stroke=\"{}\" stroke-width=\"{}\"",
        hex(s.ink.color),
        num(s.width)
    );
    if s.ink.opacity < 1.0 {
        let _ = write!(out, " stroke-opacity=\"{}\"", num(s.ink.opacity));
    }
    if s.round {
        out.push_str(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
    }
}

fn shape(out: &mut String, s: &Shape) {
    out.push_str("<path d=\"");
    for part in &s.parts {
        for (i, &(x, y)) in part.iter().enumerate() {
            out.push(if i == 0 { 'M' } else { 'L' });
            out.push_str(&num(x));
            out.push(' ');
            out.push_str(&num(y));
        }
        if s.closed && !part.is_empty() {
            out.push('Z');
        }
    }
    out.push('"');
    fill(out, s.fill);
    stroke(out, s.stroke.as_ref());
    out.push_str("/>\n");
}

fn circle(out: &mut String, c: &Circle) {
    let _ = write!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"",
        num(c.at.0),
        num(c.at.1),
        num(c.r)
    );
    fill(out, Some(c.fill));
    stroke(out, c.stroke.as_ref());
    out.push_str("/>\n");
}

fn text(out: &mut String, t: &Text) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"",
        num(t.x),
        num(t.y + BASELINE * t.em),
        num(super::text::font_size(t.em))
    );
    if t.bold {
        out.push_str(" font-weight=\"bold\"");
    }
    if t.end {
        out.push_str(" text-anchor=\"end\"");
    }
    let _ = write!(out, " fill=\"{}\"", hex(t.color));
    if let Some((color, width)) = t.halo {
        let _ = write!(
            out,
            " stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
            hex(color),
            num(width)
        );
    }
    let _ = writeln!(out, ">{}</text>", escape(&t.text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_to_a_hundredth_without_noise() {
        assert_eq!(num(15.000000000000002), "15");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(0.07), "0.07");
        assert_eq!(num(-3.004), "-3");
        assert_eq!(num(-0.004), "0");
        assert_eq!(num(-12.346), "-12.35");
        assert_eq!(num(1599.999), "1600");
    }

    #[test]
    fn groups_shapes_circles_and_text_are_written_exactly() {
        use super::super::drawing::{Circle, Group, Ink, Item, Shape, Stroke, Text};
        let mut g = Group::named("labels");
        g.items.push(Item::Shape(Shape {
            parts: vec![vec![(0.004, 1.0 / 3.0), (10.0, 2.5)]],
            closed: false,
            fill: None,
            stroke: Some(Stroke {
                ink: Ink {
                    color: RGBColor(0x2f, 0x4f, 0x4f),
                    opacity: 0.8,
                },
                width: 1.6,
                round: true,
            }),
        }));
        g.items.push(Item::Circle(Circle {
            at: (5.0, 5.0),
            r: 2.25,
            fill: RGBColor(255, 255, 255).into(),
            stroke: None,
        }));
        g.items.push(Item::Text(Text {
            text: "Paris & co".into(),
            x: 12.0,
            y: 20.0,
            em: 15.0,
            bold: false,
            color: RGBColor(0x1f, 0x1f, 0x1f),
            end: false,
            halo: Some((RGBColor(255, 255, 255), 5.0)),
        }));
        let root = Root {
            size: None,
            view_box: Rect::new(0.0, 0.0, 100.0, 50.0),
            attrs: vec![],
        };
        let out = write(&root, &[g]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "<g id=\"labels\">");
        assert_eq!(
            lines[2],
            "<path d=\"M0 0.33L10 2.5\" fill=\"none\" stroke=\"#2F4F4F\" stroke-width=\"1.6\" \
             stroke-opacity=\"0.8\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        );
        assert_eq!(
            lines[3],
            "<circle cx=\"5\" cy=\"5\" r=\"2.25\" fill=\"#FFFFFF\"/>"
        );
        // The baseline 0.76 em below the top; the font size that of the glyphs painted.
        let size = num(super::super::text::font_size(15.0));
        assert_eq!(
            lines[4],
            format!(
                "<text x=\"12\" y=\"31.4\" font-size=\"{size}\" fill=\"#1F1F1F\" stroke=\"#FFFFFF\" \
                 stroke-width=\"5\" stroke-linejoin=\"round\" paint-order=\"stroke\">Paris &amp; co</text>"
            )
        );
        assert_eq!(lines[5], "</g>");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}

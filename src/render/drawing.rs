//! The drawing of a [`Scene`]: what to paint, in order, in named groups, before any painter.
//!
//! In: a scene (pixels of its canvas). Out: a [`Drawing`], a list of groups with an id each
//! (`background`, `basemap`, `countries`, `borders`, `flows`, `inset-1`…, `markers`, `labels`,
//! `legend`, `margins`, `frame`, `title`, `credits`, `scale`), each a list of shapes, circles and
//! texts with their colours and widths in canvas pixels. Both painters walk it: the PNG painter
//! (`render::raster`) with tiny-skia, and the SVG writer ([`svg`](mod@super::svg)), which
//! serves `map.svg` and `map.html`. Everything about how the map looks (colours, widths, the
//! order of painting) is decided here, once.

use super::extent::Rect;
use super::geometry::Px;
use super::scene::{
    Area, Basemap, FlowLine, Legend, Scene, AREA_ANCHOR, LEGEND_GAP, LEGEND_PAD, LEGEND_ROW,
    LEGEND_SYMBOL,
};
use super::style::{self, Palette, Sizes, Symbol};
use plotters::style::RGBColor;

/// Everything to paint, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// Canvas size, pixels.
    pub size: (u32, u32),
    /// The groups, painted in order.
    pub groups: Vec<Group>,
}

/// A named group of items (an SVG `<g>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    /// Its id (unique in the drawing), when it has one.
    pub id: Option<String>,
    /// Further SVG attributes (name, value), for the web map's interactive markers; the PNG
    /// painter ignores them.
    pub attrs: Vec<(&'static str, String)>,
    /// Its items, painted in order.
    pub items: Vec<Item>,
}

impl Group {
    /// An empty group with an id.
    pub(crate) fn named(id: impl Into<String>) -> Group {
        Group {
            id: Some(id.into()),
            ..Group::default()
        }
    }
}

/// One thing painted.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Lines or polygons.
    Shape(Shape),
    /// A circle.
    Circle(Circle),
    /// A line of text.
    Text(Text),
    /// A nested group.
    Group(Group),
}

/// A colour with an opacity (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    /// The colour.
    pub color: RGBColor,
    /// Its opacity. Default: 1.
    pub opacity: f64,
}

impl From<RGBColor> for Ink {
    fn from(color: RGBColor) -> Ink {
        Ink {
            color,
            opacity: 1.0,
        }
    }
}

/// A stroke: its ink and width (pixels); `round`: round joins and caps, else miter and butt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour and opacity.
    pub ink: Ink,
    /// Width, pixels.
    pub width: f64,
    /// Round joins and caps.
    pub round: bool,
}

/// Polylines (`closed`: polygons) filled and/or stroked as one path.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The parts, each a line of points in pixels.
    pub parts: Vec<Vec<Px>>,
    /// True when each part is a closed ring.
    pub closed: bool,
    /// The fill (non-zero winding), if any.
    pub fill: Option<Ink>,
    /// The stroke, if any.
    pub stroke: Option<Stroke>,
}

/// A filled circle, optionally stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    /// Centre, pixels.
    pub at: Px,
    /// Radius, pixels.
    pub r: f64,
    /// Fill.
    pub fill: Ink,
    /// Stroke, if any.
    pub stroke: Option<Stroke>,
}

/// A line of text in the bundled font.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The text.
    pub text: String,
    /// Where it starts (or ends, with `end`), pixels.
    pub x: f64,
    /// The top of its em box, pixels (the baseline is [`BASELINE`] ems below).
    pub y: f64,
    /// The em, pixels (the size the layout measured it at).
    pub em: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Colour.
    pub color: RGBColor,
    /// True when `x` is where the text ends (right-aligned).
    pub end: bool,
    /// A halo: an outline of the glyphs beneath them, in this colour and width (pixels).
    pub halo: Option<(RGBColor, f64)>,
}

/// How far below the top of its em box a line of text's baseline sits, in ems.
pub const BASELINE: f64 = 0.76;

impl Shape {
    fn fill(parts: Vec<Vec<Px>>, ink: impl Into<Ink>) -> Item {
        Item::Shape(Shape {
            parts,
            closed: true,
            fill: Some(ink.into()),
            stroke: None,
        })
    }

    fn line(parts: Vec<Vec<Px>>, ink: impl Into<Ink>, width: f64, closed: bool) -> Item {
        Item::Shape(Shape {
            parts,
            closed,
            fill: None,
            stroke: Some(Stroke {
                ink: ink.into(),
                width,
                round: false,
            }),
        })
    }
}

/// The ring of a rectangle.
fn rect(r: &Rect) -> Vec<Px> {
    vec![(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)]
}

fn circle(at: Px, r: f64, fill: impl Into<Ink>) -> Item {
    Item::Circle(Circle {
        at,
        r,
        fill: fill.into(),
        stroke: None,
    })
}

/// Text with its top-left (or top-right, `end`) corner at `at`.
fn text(s: &str, at: Px, em: f64, bold: bool, color: RGBColor) -> Text {
    Text {
        text: s.to_string(),
        x: at.0,
        y: at.1,
        em,
        bold,
        color,
        end: false,
        halo: None,
    }
}

/// The drawing of a scene: its groups, in painting order.
pub fn drawing(scene: &Scene) -> Drawing {
    let pal = &scene.palette;
    let (w, h) = (f64::from(scene.size.0), f64::from(scene.size.1));
    let background = if scene.sea_everywhere {
        pal.sea
    } else {
        pal.paper
    };
    let mut background_group = Group::named("background");
    let whole = Rect::new(0.0, 0.0, w, h);
    background_group
        .items
        .push(Shape::fill(vec![rect(&whole)], background));
    let main = Base {
        sea: &scene.sea,
        sea_everywhere: scene.sea_everywhere,
        land: &scene.land,
        borders: &scene.borders,
    };
    let mut groups = vec![background_group];
    groups.extend(basemap_groups("", &main, scene));
    groups.push(flows("flows", &scene.flows, scene));
    for (k, inset) in scene.insets.iter().enumerate() {
        groups.push(inset_group(k, inset, scene));
    }
    groups.push(markers(scene));
    groups.push(labels(scene));
    if let Some(legend) = &scene.legend {
        groups.push(legend_group(legend, &scene.sizes, pal));
    }
    groups.extend(surround(scene));
    Drawing {
        size: scene.size,
        groups,
    }
}

/// What one view's basemap paints (the scene's main view or an inset's), borrowed.
struct Base<'a> {
    sea: &'a [Vec<Px>],
    sea_everywhere: bool,
    land: &'a [Area],
    borders: &'a [Vec<Px>],
}

impl<'a> From<&'a Basemap> for Base<'a> {
    fn from(map: &'a Basemap) -> Base<'a> {
        Base {
            sea: &map.sea,
            sea_everywhere: map.sea_everywhere,
            land: &map.land,
            borders: &map.borders,
        }
    }
}

/// The groups of one view's basemap, their ids after `prefix`: `basemap` (the sea and the
/// plain land), `countries` (the involved countries, tinted or shaded, and their enclaves),
/// `borders`.
fn basemap_groups(prefix: &str, map: &Base<'_>, scene: &Scene) -> Vec<Group> {
    let pal = &scene.palette;
    let mut basemap = Group::named(format!("{prefix}basemap"));
    if !map.sea_everywhere && !map.sea.is_empty() {
        basemap.items.push(Shape::fill(map.sea.to_vec(), pal.sea));
    }
    // Plain land comes first in the scene's painting order; the involved countries after.
    let split = map
        .land
        .iter()
        .position(|a| a.color != pal.land)
        .unwrap_or(map.land.len());
    basemap.items.extend(areas(&map.land[..split]));
    let mut countries = Group::named(format!("{prefix}countries"));
    countries.items.extend(areas(&map.land[split..]));
    let mut borders = Group::named(format!("{prefix}borders"));
    if !map.borders.is_empty() {
        borders.items.push(Shape::line(
            map.borders.to_vec(),
            pal.border,
            scene.sizes.border,
            true,
        ));
    }
    vec![basemap, countries, borders]
}

/// Areas as filled shapes in painting order, one per country (its rings, which never overlap
/// one another, in one path); each ring without a code (an enclave) on its own.
fn areas(land: &[Area]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut run: Vec<Vec<Px>> = Vec::new();
    for (i, area) in land.iter().enumerate() {
        run.push(area.ring.clone());
        let same = |n: &Area| !n.code.is_empty() && n.code == area.code && n.color == area.color;
        if !land.get(i + 1).is_some_and(same) {
            out.push(Shape::fill(std::mem::take(&mut run), area.color));
        }
    }
    out
}

/// Flow lines with their arrowheads, at 80 % opacity.
fn flows(id: &str, lines: &[FlowLine], scene: &Scene) -> Group {
    let ink = Ink {
        color: scene.palette.flow,
        opacity: 0.8,
    };
    let mut group = Group::named(id);
    for line in lines {
        for piece in &line.pieces {
            group.items.push(Shape::line(
                vec![piece.clone()],
                ink,
                scene.sizes.flow,
                false,
            ));
        }
        if let Some(arrow) = line.arrow {
            group.items.push(Shape::fill(vec![arrow.to_vec()], ink));
        }
    }
    group
}

/// Inset `k` (`inset-{k+1}`): its frame filled, its basemap and flows, its frame line.
fn inset_group(k: usize, inset: &super::scene::Inset, scene: &Scene) -> Group {
    let pal = &scene.palette;
    let id = format!("inset-{}", k + 1);
    let r = inset.view.plot;
    let mut group = Group::named(&id);
    let fill = if inset.basemap.sea_everywhere {
        pal.sea
    } else {
        pal.paper
    };
    group.items.push(Shape::fill(vec![rect(&r)], fill));
    for g in basemap_groups(&format!("{id}-"), &Base::from(&inset.basemap), scene) {
        group.items.push(Item::Group(g));
    }
    group.items.push(Item::Group(flows(
        &format!("{id}-flows"),
        &inset.flows,
        scene,
    )));
    group.items.push(Shape::line(
        vec![rect(&r)],
        pal.frame,
        scene.sizes.frame * 1.5,
        true,
    ));
    group
}

/// A marker symbol centred at `at`, radius `r`, over a paper outline `outline` wide.
fn symbol(
    at: Px,
    symbol: Symbol,
    color: RGBColor,
    r: f64,
    outline: f64,
    paper: RGBColor,
) -> Vec<Item> {
    let shape = |radius: f64| -> Option<Vec<Px>> {
        style::outline(symbol, radius).map(|points| {
            points
                .into_iter()
                .map(|(x, y)| (at.0 + x, at.1 + y))
                .collect()
        })
    };
    match (shape(r + outline * grow(symbol)), shape(r)) {
        (Some(back), Some(front)) => vec![
            Shape::fill(vec![back], paper),
            Shape::fill(vec![front], color),
        ],
        _ => vec![circle(at, r + outline, paper), circle(at, r, color)],
    }
}

/// How much to grow a symbol's radius for an outline of width 1 (pointed shapes need more).
fn grow(symbol: Symbol) -> f64 {
    match symbol {
        Symbol::Square | Symbol::Circle => 1.0,
        Symbol::Diamond | Symbol::Cross => 1.4,
        Symbol::Triangle => 1.8,
        Symbol::Star => 2.2,
    }
}

/// A symbol as one item centred on (0, 0), filled and outlined with a stroke `outline` wide
/// (the web map's markers, which a page scales and highlights).
pub(crate) fn symbol_at_origin(symbol: Symbol, color: RGBColor, r: f64, outline: Stroke) -> Item {
    match style::outline(symbol, r) {
        Some(points) => Item::Shape(Shape {
            parts: vec![points],
            closed: true,
            fill: Some(color.into()),
            stroke: Some(outline),
        }),
        None => Item::Circle(Circle {
            at: (0.0, 0.0),
            r,
            fill: color.into(),
            stroke: Some(outline),
        }),
    }
}

/// Every marker's symbol and pips.
fn markers(scene: &Scene) -> Group {
    let (sizes, pal) = (&scene.sizes, &scene.palette);
    let mut group = Group::named("markers");
    for m in &scene.markers {
        group.items.extend(symbol(
            m.at,
            style::symbol(m.action),
            style::color(m.action),
            sizes.marker,
            sizes.marker_outline,
            pal.paper,
        ));
        for &(a, at) in &m.pips {
            group.items.push(circle(
                at,
                sizes.pip + sizes.marker_outline * 0.6,
                pal.paper,
            ));
            group.items.push(circle(at, sizes.pip, style::color(a)));
        }
    }
    group
}

/// A label's text with its halo, its box's top-left corner at `rect`'s.
fn halo_text(s: &str, rect: &Rect, scene: &Scene) -> Item {
    let (sizes, pal) = (&scene.sizes, &scene.palette);
    let at = (rect.x0 + sizes.halo, rect.y0 + sizes.halo);
    Item::Text(Text {
        halo: Some((pal.halo, 2.0 * sizes.halo)),
        ..text(s, at, sizes.label, false, pal.ink)
    })
}

/// A choropleth's country labels (with their leaders and dots), then the markers' labels.
fn labels(scene: &Scene) -> Group {
    let (sizes, pal) = (&scene.sizes, &scene.palette);
    let s = sizes.scale;
    let mut group = Group::named("labels");
    let leader = |a: Px, b: Px| Shape::line(vec![vec![a, b]], pal.leader, 0.9 * s, false);
    for label in &scene.area_labels {
        if let Some((a, b)) = label.leader {
            // A label set off its country: a line from a dot on the country's label point.
            group.items.push(leader(a, b));
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let d = dx.hypot(dy).max(1e-9);
            let r = AREA_ANCHOR * s;
            group
                .items
                .push(circle((a.0 - dx / d * r, a.1 - dy / d * r), r, pal.ink));
        }
        group.items.push(halo_text(&label.text, &label.rect, scene));
    }
    for (placed, m) in scene.layout.labels.iter().zip(&scene.markers) {
        if let Some((a, b)) = placed.leader {
            group.items.push(leader(a, b));
        }
        group.items.push(halo_text(&m.label, &placed.rect, scene));
    }
    group
}

/// The legend: an opaque box (nothing of the map, a flow line or a bright country, shows
/// through its text, which keeps its contrast with the paper: tests/render.rs checks WCAG
/// AA), a choropleth's classes, then a row per action and the flows row.
fn legend_group(legend: &Legend, sizes: &Sizes, pal: &Palette) -> Group {
    let s = sizes.scale;
    let r = legend.rect;
    let mut g = Group::named("legend");
    g.items.push(Item::Shape(Shape {
        parts: vec![rect(&r)],
        closed: true,
        fill: Some(pal.paper.into()),
        stroke: Some(Stroke {
            ink: pal.frame.into(),
            width: sizes.frame,
            round: false,
        }),
    }));
    let pad = LEGEND_PAD * s;
    let column = r.x0 + pad + LEGEND_SYMBOL * s;
    let mut y = r.y0 + pad;
    if !legend.classes.is_empty() {
        let heading = legend.heading.as_deref().unwrap_or_default();
        g.items.push(Item::Text(text(
            heading,
            (r.x0 + pad, y),
            sizes.legend * 1.05,
            true,
            pal.ink,
        )));
        y += sizes.legend * 1.5;
        for class in &legend.classes {
            let cy = y + LEGEND_ROW * s / 2.0;
            let (x0, x1) = (r.x0 + pad, r.x0 + pad + LEGEND_SYMBOL * s - 8.0 * s);
            let half = 7.0 * s;
            g.items.push(Item::Shape(Shape {
                parts: vec![rect(&Rect::new(x0, cy - half, x1, cy + half))],
                closed: true,
                fill: Some(class.color.into()),
                stroke: Some(Stroke {
                    ink: pal.frame.into(),
                    width: sizes.frame,
                    round: false,
                }),
            }));
            let at = (column, cy - sizes.legend / 2.0);
            g.items.push(Item::Text(text(
                &class.label,
                at,
                sizes.legend,
                false,
                pal.ink,
            )));
            y += LEGEND_ROW * s;
        }
        if legend.entries.is_empty() {
            return g;
        }
        y += LEGEND_GAP * s;
    }
    let at = (r.x0 + pad, y);
    let title = text(
        super::scene::legend_title(legend.lang),
        at,
        sizes.legend * 1.05,
        true,
        pal.ink,
    );
    g.items.push(Item::Text(title));
    legend_rows(&mut g, legend, y + sizes.legend * 1.5, sizes, pal);
    g
}

/// The legend's rows of actions (symbol, name, count) and the flows row, from `y` down.
fn legend_rows(g: &mut Group, legend: &Legend, mut y: f64, sizes: &Sizes, pal: &Palette) {
    let s = sizes.scale;
    let r = legend.rect;
    let pad = LEGEND_PAD * s;
    let column = r.x0 + pad + LEGEND_SYMBOL * s;
    for &(action, count) in &legend.entries {
        let centre = (
            r.x0 + pad + LEGEND_SYMBOL * s / 2.0 - 4.0 * s,
            y + LEGEND_ROW * s / 2.0,
        );
        g.items.extend(symbol(
            centre,
            style::symbol(action),
            style::color(action),
            sizes.marker * 0.85,
            sizes.marker_outline * 0.5,
            pal.paper,
        ));
        let text_y = centre.1 - sizes.legend / 2.0;
        let name = text(
            action.title_in(legend.lang),
            (column, text_y),
            sizes.legend,
            false,
            pal.ink,
        );
        g.items.push(Item::Text(name));
        let n = count.to_string();
        let count = text(&n, (r.x1 - pad, text_y), sizes.legend, false, pal.muted);
        g.items.push(Item::Text(Text { end: true, ..count }));
        y += LEGEND_ROW * s;
    }
    if legend.flows {
        let cy = y + LEGEND_ROW * s / 2.0;
        let (x0, x1) = (
            r.x0 + pad - 6.0 * s,
            r.x0 + pad + LEGEND_SYMBOL * s - 8.0 * s,
        );
        let ink = Ink {
            color: pal.flow,
            opacity: 0.8,
        };
        let head = sizes.arrow * 0.8;
        g.items.push(Shape::line(
            vec![vec![(x0, cy), (x1 - head, cy)]],
            ink,
            sizes.flow,
            false,
        ));
        let arrow = vec![
            (x1, cy),
            (x1 - head, cy - head * 0.45),
            (x1 - head, cy + head * 0.45),
        ];
        g.items.push(Shape::fill(vec![arrow], ink));
        let at = (column, cy - sizes.legend / 2.0);
        g.items.push(Item::Text(text(
            super::scene::legend_flows(legend.lang),
            at,
            sizes.legend,
            false,
            pal.ink,
        )));
    }
}

/// What surrounds the map: the paper of the margins (hiding whatever was clipped just
/// outside the frame), the frame, the title and subtitle, the credits, the scale bar.
fn surround(scene: &Scene) -> Vec<Group> {
    let (sizes, pal) = (&scene.sizes, &scene.palette);
    let s = sizes.scale;
    let (w, h) = (f64::from(scene.size.0), f64::from(scene.size.1));
    let map = scene.view.plot;
    let mut margins = Group::named("margins");
    let bands = [
        Rect::new(0.0, 0.0, w, map.y0),
        Rect::new(0.0, map.y1, w, h),
        Rect::new(0.0, 0.0, map.x0, h),
        Rect::new(map.x1, 0.0, w, h),
    ];
    margins
        .items
        .push(Shape::fill(bands.iter().map(rect).collect(), pal.paper));
    let mut frame = Group::named("frame");
    frame
        .items
        .push(Shape::line(vec![rect(&map)], pal.frame, sizes.frame, true));
    let mut title = Group::named("title");
    let title_y = (62.0 * s - sizes.title) / 2.0 - 2.0 * s;
    let at = (sizes.margin, title_y);
    let heading = text(&scene.title, at, sizes.title, true, pal.ink);
    title.items.push(Item::Text(heading));
    if let Some(subtitle) = &scene.subtitle {
        let at = (sizes.margin, title_y + sizes.title * 1.45);
        let sub = text(subtitle, at, sizes.subtitle, false, pal.muted);
        title.items.push(Item::Text(sub));
    }
    let mut credits = Group::named("credits");
    let at = (
        w - sizes.margin,
        map.y1 + (sizes.footer - sizes.attribution) / 2.0,
    );
    let line = text(&scene.attribution, at, sizes.attribution, false, pal.muted);
    credits.items.push(Item::Text(Text { end: true, ..line }));
    let mut groups = vec![margins, frame, title, credits];
    if let Some(bar) = &scene.scale_bar {
        let mut scale = Group::named("scale");
        let (bx, by) = bar.at;
        let tick = 4.0 * s;
        let ends = vec![
            (bx, by - tick),
            (bx, by),
            (bx + bar.length, by),
            (bx + bar.length, by - tick),
        ];
        scale
            .items
            .push(Shape::line(vec![ends], pal.muted, 1.2 * s, false));
        let at = (bx + bar.length + 6.0 * s, by - sizes.attribution * 0.55);
        let label = text(&bar.label, at, sizes.attribution, false, pal.muted);
        scale.items.push(Item::Text(label));
        groups.push(scale);
    }
    groups
}

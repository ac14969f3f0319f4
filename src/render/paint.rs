//! Painting a [`Scene`] on any plotters backend.
//!
//! In: a scene (pixels). Out: drawing calls, in order: sea, land, borders, flows, markers,
//! labels with halos (a choropleth's country labels first), legend, the paper around the map,
//! frame, title and attribution.

use super::extent::Rect;
use super::scene::{
    Area, FlowLine, Legend, Scene, AREA_ANCHOR, LEGEND_FLOWS, LEGEND_GAP, LEGEND_PAD, LEGEND_ROW,
    LEGEND_SYMBOL, LEGEND_TITLE,
};
use super::style::{self, Palette, Sizes, Symbol};
use super::text::font;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;

fn grid(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

type Drawn<DB> = std::result::Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub fn paint<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, scene: &Scene) -> Drawn<DB> {
    let sizes = &scene.sizes;
    let pal = &scene.palette;
    let s = sizes.scale;
    let px = |v: f64| (v.round() as u32).max(1);
    if scene.sea_everywhere {
        root.fill(&pal.sea)?;
    } else {
        root.fill(&pal.paper)?;
    }
    let main = Layers {
        sea: &scene.sea,
        sea_everywhere: scene.sea_everywhere,
        land: &scene.land,
        borders: &scene.borders,
    };
    draw_basemap(root, &main, None, scene)?;
    draw_flows(root, &scene.flows, scene)?;

    for inset in &scene.insets {
        let map = &inset.basemap;
        let layers = Layers {
            sea: &map.sea,
            sea_everywhere: map.sea_everywhere,
            land: &map.land,
            borders: &map.borders,
        };
        draw_basemap(root, &layers, Some(&inset.view.plot), scene)?;
        draw_flows(root, &inset.flows, scene)?;
        let r = inset.view.plot;
        root.draw(&Rectangle::new(
            [grid((r.x0, r.y0)), grid((r.x1, r.y1))],
            pal.frame.stroke_width(px(sizes.frame * 1.5)),
        ))?;
    }

    for m in &scene.markers {
        draw_symbol(
            root,
            m.at,
            style::symbol(m.action),
            style::color(m.action),
            sizes.marker,
            sizes.marker_outline,
            pal.paper,
        )?;
        for &(a, at) in &m.pips {
            root.draw(&Circle::new(
                grid(at),
                px(sizes.pip + sizes.marker_outline * 0.6),
                pal.paper.filled(),
            ))?;
            root.draw(&Circle::new(
                grid(at),
                px(sizes.pip),
                style::color(a).filled(),
            ))?;
        }
    }

    let top_left = Pos::new(HPos::Left, VPos::Top);
    let label_font = font(sizes.label, false);
    for label in &scene.area_labels {
        if let Some((a, b)) = label.leader {
            // A label set off its country: a line from a dot on the country's label point.
            root.draw(&PathElement::new(
                vec![grid(a), grid(b)],
                pal.leader.stroke_width(px(0.9 * s)),
            ))?;
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let d = dx.hypot(dy).max(1e-9);
            let r = AREA_ANCHOR * s;
            let dot = (a.0 - dx / d * r, a.1 - dy / d * r);
            root.draw(&Circle::new(grid(dot), px(r), pal.ink.filled()))?;
        }
        let at = grid((label.rect.x0 + sizes.halo, label.rect.y0 + sizes.halo));
        let halo = label_font.clone().color(&style::HALO).pos(top_left);
        root.draw(&Text::new(label.text.clone(), at, halo))?;
        let ink = label_font.clone().color(&pal.ink).pos(top_left);
        root.draw(&Text::new(label.text.clone(), at, ink))?;
    }
    for (placed, m) in scene.layout.labels.iter().zip(&scene.markers) {
        if let Some((a, b)) = placed.leader {
            root.draw(&PathElement::new(
                vec![grid(a), grid(b)],
                pal.leader.stroke_width(px(0.9 * s)),
            ))?;
        }
        let at = grid((placed.rect.x0 + sizes.halo, placed.rect.y0 + sizes.halo));
        let halo = label_font.clone().color(&style::HALO).pos(top_left);
        root.draw(&Text::new(m.label.clone(), at, halo))?;
        let ink = label_font.clone().color(&pal.ink).pos(top_left);
        root.draw(&Text::new(m.label.clone(), at, ink))?;
    }

    if let Some(legend) = &scene.legend {
        draw_legend(root, legend, sizes, pal)?;
    }

    // Paper around the map hides whatever was clipped just outside it, then the frame.
    let (w, h) = (scene.size.0 as i32, scene.size.1 as i32);
    let map = scene.view.plot;
    let (x0, y0, x1, y1) = (
        map.x0.round() as i32,
        map.y0.round() as i32,
        map.x1.round() as i32,
        map.y1.round() as i32,
    );
    let paper = pal.paper.filled();
    for (a, b) in [
        ((0, 0), (w, y0)),
        ((0, y1), (w, h)),
        ((0, 0), (x0, h)),
        ((x1, 0), (w, h)),
    ] {
        root.draw(&Rectangle::new([a, b], paper))?;
    }
    root.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        pal.frame.stroke_width(px(sizes.frame)),
    ))?;

    let title = font(sizes.title, true).color(&pal.ink).pos(top_left);
    let title_y = (62.0 * s - sizes.title) / 2.0 - 2.0 * s;
    root.draw(&Text::new(
        scene.title.clone(),
        grid((sizes.margin, title_y)),
        title,
    ))?;
    if let Some(subtitle) = &scene.subtitle {
        root.draw(&Text::new(
            subtitle.clone(),
            grid((sizes.margin, title_y + sizes.title * 1.45)),
            font(sizes.subtitle, false).color(&pal.muted).pos(top_left),
        ))?;
    }
    let attribution = font(sizes.attribution, false)
        .color(&pal.muted)
        .pos(Pos::new(HPos::Right, VPos::Top));
    let attribution_y = map.y1 + (sizes.footer - sizes.attribution) / 2.0;
    root.draw(&Text::new(
        scene.attribution.clone(),
        grid((f64::from(scene.size.0) - sizes.margin, attribution_y)),
        attribution,
    ))?;
    if let Some(bar) = &scene.scale_bar {
        let (bx, by) = bar.at;
        let tick = 4.0 * s;
        let line = pal.muted.stroke_width(px(1.2 * s));
        root.draw(&PathElement::new(
            vec![
                grid((bx, by - tick)),
                grid((bx, by)),
                grid((bx + bar.length, by)),
                grid((bx + bar.length, by - tick)),
            ],
            line,
        ))?;
        root.draw(&Text::new(
            bar.label.clone(),
            grid((bx + bar.length + 6.0 * s, by - sizes.attribution * 0.55)),
            font(sizes.attribution, false)
                .color(&pal.muted)
                .pos(top_left),
        ))?;
    }
    Ok(())
}

/// What a basemap paints (of the scene's main view or of an inset), borrowed.
struct Layers<'a> {
    sea: &'a [Vec<(i32, i32)>],
    sea_everywhere: bool,
    land: &'a [Area],
    borders: &'a [Vec<(i32, i32)>],
}

/// Sea, land and borders of one view; `frame`: an inset's frame (filled first with paper or
/// sea), `None` for the main map.
fn draw_basemap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &Layers<'_>,
    frame: Option<&Rect>,
    scene: &Scene,
) -> Drawn<DB> {
    let pal = &scene.palette;
    let px = |v: f64| (v.round() as u32).max(1);
    if let Some(r) = frame {
        let fill = if map.sea_everywhere {
            pal.sea
        } else {
            pal.paper
        };
        root.draw(&Rectangle::new(
            [grid((r.x0, r.y0)), grid((r.x1, r.y1))],
            fill.filled(),
        ))?;
    }
    if !map.sea_everywhere {
        for ring in map.sea {
            root.draw(&Polygon::new(ring.clone(), pal.sea.filled()))?;
        }
    }
    for area in map.land {
        root.draw(&Polygon::new(area.ring.clone(), area.color.filled()))?;
    }
    let border = pal.border.stroke_width(px(scene.sizes.border));
    for ring in map.borders {
        root.draw(&PathElement::new(ring.clone(), border))?;
    }
    Ok(())
}

fn draw_flows<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    flows: &[FlowLine],
    scene: &Scene,
) -> Drawn<DB> {
    let px = |v: f64| (v.round() as u32).max(1);
    let flow = scene.palette.flow.mix(0.8);
    for line in flows {
        for piece in &line.pieces {
            root.draw(&PathElement::new(
                piece.clone(),
                flow.stroke_width(px(scene.sizes.flow)),
            ))?;
        }
        if let Some(arrow) = line.arrow {
            root.draw(&Polygon::new(arrow.to_vec(), flow.filled()))?;
        }
    }
    Ok(())
}

fn draw_symbol<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (f64, f64),
    symbol: Symbol,
    color: RGBColor,
    r: f64,
    outline: f64,
    paper: RGBColor,
) -> Drawn<DB> {
    let shape = |radius: f64| -> Option<Vec<(i32, i32)>> {
        style::outline(symbol, radius).map(|points| {
            points
                .into_iter()
                .map(|(x, y)| grid((at.0 + x, at.1 + y)))
                .collect()
        })
    };
    match (shape(r + outline * grow(symbol)), shape(r)) {
        (Some(back), Some(front)) => {
            root.draw(&Polygon::new(back, paper.filled()))?;
            root.draw(&Polygon::new(front, color.filled()))?;
        }
        _ => {
            let c = grid(at);
            root.draw(&Circle::new(
                c,
                (r + outline).round() as u32,
                paper.filled(),
            ))?;
            root.draw(&Circle::new(c, r.round() as u32, color.filled()))?;
        }
    }
    Ok(())
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

fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    legend: &Legend,
    sizes: &Sizes,
    pal: &Palette,
) -> Drawn<DB> {
    let s = sizes.scale;
    let r = legend.rect;
    let (a, b) = (grid((r.x0, r.y0)), grid((r.x1, r.y1)));
    // Opaque: nothing of the map (a flow line, a bright country) shows through the legend's
    // text, which keeps its contrast with the paper (tests/render.rs checks WCAG AA).
    root.draw(&Rectangle::new([a, b], pal.paper.filled()))?;
    root.draw(&Rectangle::new([a, b], pal.frame.stroke_width(1)))?;
    let top_left = Pos::new(HPos::Left, VPos::Top);
    let pad = LEGEND_PAD * s;
    let mut y = r.y0 + pad;
    if !legend.classes.is_empty() {
        root.draw(&Text::new(
            legend.heading.clone().unwrap_or_default(),
            grid((r.x0 + pad, y)),
            font(sizes.legend * 1.05, true)
                .color(&pal.ink)
                .pos(top_left),
        ))?;
        y += sizes.legend * 1.5;
        for class in &legend.classes {
            let cy = y + LEGEND_ROW * s / 2.0;
            let (x0, x1) = (r.x0 + pad, r.x0 + pad + LEGEND_SYMBOL * s - 8.0 * s);
            let half = 7.0 * s;
            let (a, b) = (grid((x0, cy - half)), grid((x1, cy + half)));
            root.draw(&Rectangle::new([a, b], class.color.filled()))?;
            root.draw(&Rectangle::new([a, b], pal.frame.stroke_width(1)))?;
            root.draw(&Text::new(
                class.label.clone(),
                grid((r.x0 + pad + LEGEND_SYMBOL * s, cy - sizes.legend / 2.0)),
                font(sizes.legend, false).color(&pal.ink).pos(top_left),
            ))?;
            y += LEGEND_ROW * s;
        }
        if legend.entries.is_empty() {
            return Ok(());
        }
        y += LEGEND_GAP * s;
    }
    root.draw(&Text::new(
        LEGEND_TITLE,
        grid((r.x0 + pad, y)),
        font(sizes.legend * 1.05, true)
            .color(&pal.ink)
            .pos(top_left),
    ))?;
    let mut y = y + sizes.legend * 1.5;
    for &(action, count) in &legend.entries {
        let centre = (
            r.x0 + pad + LEGEND_SYMBOL * s / 2.0 - 4.0 * s,
            y + LEGEND_ROW * s / 2.0,
        );
        draw_symbol(
            root,
            centre,
            style::symbol(action),
            style::color(action),
            sizes.marker * 0.85,
            sizes.marker_outline * 0.5,
            pal.paper,
        )?;
        let text_y = centre.1 - sizes.legend / 2.0;
        root.draw(&Text::new(
            action.title(),
            grid((r.x0 + pad + LEGEND_SYMBOL * s, text_y)),
            font(sizes.legend, false).color(&pal.ink).pos(top_left),
        ))?;
        root.draw(&Text::new(
            count.to_string(),
            grid((r.x1 - pad, text_y)),
            font(sizes.legend, false)
                .color(&pal.muted)
                .pos(Pos::new(HPos::Right, VPos::Top)),
        ))?;
        y += LEGEND_ROW * s;
    }
    if legend.flows {
        let cy = y + LEGEND_ROW * s / 2.0;
        let (x0, x1) = (
            r.x0 + pad - 6.0 * s,
            r.x0 + pad + LEGEND_SYMBOL * s - 8.0 * s,
        );
        let flow = pal.flow.mix(0.8);
        let head = sizes.arrow * 0.8;
        root.draw(&PathElement::new(
            vec![grid((x0, cy)), grid((x1 - head, cy))],
            flow.stroke_width((sizes.flow.round() as u32).max(1)),
        ))?;
        root.draw(&Polygon::new(
            vec![
                grid((x1, cy)),
                grid((x1 - head, cy - head * 0.45)),
                grid((x1 - head, cy + head * 0.45)),
            ],
            flow.filled(),
        ))?;
        root.draw(&Text::new(
            LEGEND_FLOWS,
            grid((r.x0 + pad + LEGEND_SYMBOL * s, cy - sizes.legend / 2.0)),
            font(sizes.legend, false).color(&pal.ink).pos(top_left),
        ))?;
    }
    Ok(())
}

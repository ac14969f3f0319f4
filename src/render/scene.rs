//! The scene: everything the map shows, in canvas pixels, computed before anything is drawn.
//!
//! In: a [`MapSpec`] and the gazetteer's outlines. Out: a [`Scene`]: the view, the basemap
//! clipped and thinned, flows with arrowheads, markers pushed apart where they would overlap,
//! the legend in the emptiest corner and the label layout.

use super::extent::{self, Rect, View};
use super::style::{self, Sizes};
use super::text::{measure, shorten};
use super::{geometry, labels, Flow, MapSpec};
use crate::action::Action;
use crate::error::{Error, Result};
use crate::gazetteer::{Detail, Gazetteer};
use geo::LineString;
use plotters::style::RGBColor;
use std::path::PathBuf;

/// A filled shape of the basemap, pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Fill colour.
    pub color: RGBColor,
    /// The ring, pixels (not closed).
    pub ring: Vec<(i32, i32)>,
}

/// A flow line in pixels, with its arrowhead.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLine {
    /// Pieces of the line (clipped), pixels.
    pub pieces: Vec<Vec<(i32, i32)>>,
    /// The arrowhead at the destination: tip, then the two barbs.
    pub arrow: Option<[(i32, i32); 3]>,
}

/// A marker in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerMark {
    /// Centre, pixels.
    pub at: (f64, f64),
    /// Its first action.
    pub action: Action,
    /// Its further actions, each a pip at a centre.
    pub pips: Vec<(Action, (f64, f64))>,
    /// The label text.
    pub label: String,
}

/// The legend box.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// The box, pixels.
    pub rect: Rect,
    /// One row per action present, with the number of markers that have it.
    pub entries: Vec<(Action, usize)>,
}

/// Everything to paint, in pixels of the canvas, computed before drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Canvas size, pixels.
    pub size: (u32, u32),
    /// Sizes for this canvas.
    pub sizes: Sizes,
    /// The projection and the part of the world shown.
    pub view: View,
    /// Outline detail used.
    pub detail: Detail,
    /// The sea (the globe's outline, clipped).
    pub sea: Vec<Vec<(i32, i32)>>,
    /// True when the sea covers the whole map (then `sea` need not be drawn).
    pub sea_everywhere: bool,
    /// Land, in painting order.
    pub land: Vec<Area>,
    /// Borders and coasts, closed rings.
    pub borders: Vec<Vec<(i32, i32)>>,
    /// Flow lines.
    pub flows: Vec<FlowLine>,
    /// Markers, in the spec's order.
    pub markers: Vec<MarkerMark>,
    /// Label boxes, one per marker.
    pub layout: labels::Layout,
    /// The legend, when there are markers.
    pub legend: Option<Legend>,
    /// The title, shortened to fit.
    pub title: String,
    /// The attribution, shortened to fit.
    pub attribution: String,
}

fn ring_coords(line: &LineString<f64>) -> Vec<(f64, f64)> {
    line.0.iter().map(|c| (c.x, c.y)).collect()
}

impl Scene {
    /// Lays the map out on a canvas of `size` pixels.
    pub fn build(spec: &MapSpec, gazetteer: &Gazetteer, size: (u32, u32)) -> Result<Scene> {
        style::register_fonts().map_err(|message| Error::Render {
            path: PathBuf::new(),
            message,
        })?;
        let (cw, ch) = (f64::from(size.0), f64::from(size.1));
        // Canvas pixels per output pixel: thinning keeps detail an output pixel can show.
        let density = cw / f64::from(spec.width.max(1));
        let sizes = Sizes::new(f64::from(spec.width), density);
        let map = Rect::new(
            sizes.margin,
            sizes.header,
            cw - sizes.margin,
            ch - sizes.footer,
        );

        let mut points: Vec<(f64, f64)> = spec
            .markers
            .iter()
            .map(|m| (m.point.x(), m.point.y()))
            .collect();
        for flow in &spec.flows {
            for part in &flow.parts {
                points.extend(part.iter().map(|c| (c.x, c.y)));
            }
        }
        let view = extent::fit(&points, map);
        let detail = if view.is_world() {
            Detail::World
        } else {
            Detail::Regional
        };
        // Shapes are clipped a little outside the map so no clipped edge shows inside it.
        let clip = map.inflate(3.0 * density);
        let step = geometry::MIN_STEP * density;
        let to_px = |ring: &[(f64, f64)], projected: bool| -> Option<Vec<(i32, i32)>> {
            let px = if projected {
                ring.iter().map(|&p| view.to_pixel(p)).collect()
            } else {
                geometry::project_ring(ring, &view)?
            };
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &(x, y) in &px {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
            if !Rect::new(x0, y0, x1, y1).intersects(&clip)
                || x1 - x0 < 0.5 * density && y1 - y0 < 0.5 * density
            {
                return None;
            }
            let clipped = geometry::clip_ring(&px, &clip);
            let thinned = geometry::simplify(&geometry::thin(&clipped, step), 0.5 * density);
            let grid = geometry::to_grid(&thinned);
            // Islands smaller than about two square pixels are left out.
            let min_area2 = (4.0 * density * density) as i64;
            (grid.len() >= 3 && geometry::area2(&grid).abs() >= min_area2).then_some(grid)
        };

        let sea: Vec<Vec<(i32, i32)>> = to_px(&view.projection.globe(), true).into_iter().collect();
        let clip_area2 = 2.0 * (clip.width().round() * clip.height().round());
        let sea_everywhere =
            sea.len() == 1 && geometry::area2(&sea[0]).abs() as f64 >= clip_area2 - 1.0;
        let role = |code: &str| -> Option<Action> {
            if code.is_empty() {
                return None;
            }
            spec.countries
                .iter()
                .filter(|c| c.code.eq_ignore_ascii_case(code))
                .map(|c| c.role)
                .min()
        };
        let mut neutral = Vec::new();
        let mut tinted = Vec::new();
        let mut enclaves = Vec::new();
        let mut borders = Vec::new();
        let in_view = view.lon_lat_bounds();
        let outside = |ring: &LineString<f64>| {
            let Some((west, south, east, north)) = in_view else {
                return false;
            };
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for c in &ring.0 {
                (x0, y0, x1, y1) = (x0.min(c.x), y0.min(c.y), x1.max(c.x), y1.max(c.y));
            }
            x1 < west || x0 > east || y1 < south || y0 > north
        };
        for outline in gazetteer.outlines(detail)? {
            let role = role(&outline.code);
            for polygon in &outline.shape {
                if outside(polygon.exterior()) {
                    continue;
                }
                let Some(exterior) = to_px(&ring_coords(polygon.exterior()), false) else {
                    continue;
                };
                let color = role.map_or(style::LAND, style::tint);
                let area = Area {
                    color,
                    ring: exterior.clone(),
                };
                if role.is_some() {
                    tinted.push(area);
                } else {
                    neutral.push(area);
                }
                borders.push(closed(exterior));
                for hole in polygon.interiors() {
                    if let Some(ring) = to_px(&ring_coords(hole), false) {
                        if role.is_some() {
                            enclaves.push(Area {
                                color: style::LAND,
                                ring: ring.clone(),
                            });
                        }
                        borders.push(closed(ring));
                    }
                }
            }
        }
        let land: Vec<Area> = neutral.into_iter().chain(tinted).chain(enclaves).collect();

        // Markers, pushed apart where they would overlap.
        let centre = ((map.x0 + map.x1) / 2.0, (map.y0 + map.y1) / 2.0);
        let places: Vec<(f64, f64)> = spec
            .markers
            .iter()
            .map(|m| view.pixel(m.point.x(), m.point.y()).unwrap_or(centre))
            .collect();
        let pinned: Vec<bool> = spec
            .markers
            .iter()
            .map(|m| m.actions.first() == Some(&Action::Coordination))
            .collect();
        let shown = declutter(
            &places,
            &pinned,
            2.0 * sizes.marker * 1.15 + sizes.marker_outline,
        );
        let markers: Vec<MarkerMark> = spec
            .markers
            .iter()
            .zip(&shown)
            .map(|(m, &at)| {
                let mut actions = m.actions.clone();
                actions.dedup();
                let action = actions.first().copied().unwrap_or(Action::Participation);
                let pips = actions
                    .iter()
                    .skip(1)
                    .enumerate()
                    .map(|(k, &a)| {
                        let x = at.0 + sizes.marker * 0.9 + sizes.pip * (0.4 + 2.3 * k as f64);
                        (a, (x, at.1 - sizes.marker * 0.9))
                    })
                    .collect();
                MarkerMark {
                    at,
                    action,
                    pips,
                    label: m.label.clone(),
                }
            })
            .collect();
        let footprint = |m: &MarkerMark| {
            let r = sizes.marker * 1.3 + sizes.marker_outline;
            m.pips.iter().fold(r, |r, &(_, (x, y))| {
                r.max((x - m.at.0).hypot(y - m.at.1) + sizes.pip + sizes.marker_outline)
            })
        };

        let moved: Vec<(geometry::Px, geometry::Px)> = places
            .iter()
            .zip(&shown)
            .filter(|(a, b)| a != b)
            .map(|(&a, &b)| (a, b))
            .collect();
        let flows: Vec<FlowLine> = spec
            .flows
            .iter()
            .map(|f| flow_line(f, &view, &clip, &sizes, density, &moved))
            .collect();

        let tinted_boxes: Vec<Rect> = land
            .iter()
            .filter(|a| a.color != style::LAND)
            .map(|a| bounds(&a.ring))
            .collect();
        let legend = legend(&markers, &tinted_boxes, &map, &sizes)?;

        // Labels.
        let mut label_sizes = Vec::with_capacity(markers.len());
        for m in &markers {
            let (w, _) = measure(&m.label, sizes.label, false)?;
            label_sizes.push((w + 2.0 * sizes.halo, sizes.label + 2.0 * sizes.halo));
        }
        let lines = flows
            .iter()
            .flat_map(|f| &f.pieces)
            .map(|p| {
                p.iter()
                    .map(|&(x, y)| (f64::from(x), f64::from(y)))
                    .collect()
            })
            .collect();
        let problem = labels::Problem {
            markers: markers
                .iter()
                .map(|m| labels::Disc {
                    x: m.at.0,
                    y: m.at.1,
                    r: footprint(m),
                })
                .collect(),
            sizes: label_sizes,
            frame: map.inflate(-4.0 * sizes.scale),
            obstacles: legend
                .iter()
                .map(|l| l.rect.inflate(3.0 * sizes.scale))
                .collect(),
            lines,
            gap: 3.0 * sizes.scale,
        };
        let layout = labels::place(&problem);

        let title = shorten(&spec.title, sizes.title, true, cw - 2.0 * sizes.margin)?;
        let attribution = shorten(
            &spec.attribution,
            sizes.attribution,
            false,
            cw - 2.0 * sizes.margin,
        )?;
        Ok(Scene {
            size,
            sizes,
            view,
            detail,
            sea,
            sea_everywhere,
            land,
            borders,
            flows,
            markers,
            layout,
            legend,
            title,
            attribution,
        })
    }
}

fn closed(mut ring: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    ring
}

/// A flow in pixels: its parts projected and clipped, the end shortened to leave room for
/// the arrowhead, which stops at the destination marker's edge.
fn flow_line(
    flow: &Flow,
    view: &View,
    clip: &Rect,
    sizes: &Sizes,
    density: f64,
    moved: &[(geometry::Px, geometry::Px)],
) -> FlowLine {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    for part in &flow.parts {
        let mut current: Vec<(f64, f64)> = Vec::new();
        for c in part {
            let Some(p) = view.pixel(c.x, c.y) else {
                continue;
            };
            // A jump across the map (a world view's seam) starts a new piece.
            if let Some(&q) = current.last() {
                if (p.0 - q.0).abs() > view.plot.width() / 2.0 {
                    pieces.push(std::mem::take(&mut current));
                }
            }
            current.push(p);
        }
        pieces.push(current);
    }
    pieces.retain(|p| p.len() > 1);
    // Ends at a marker that was pushed aside follow it.
    let follow = |p: (f64, f64)| {
        moved
            .iter()
            .find(|(from, _)| (from.0 - p.0).hypot(from.1 - p.1) < 0.5)
            .map(|&(_, to)| to)
    };
    if let Some(first) = pieces.first_mut() {
        if let Some(to) = follow(first[0]) {
            first.insert(0, to);
        }
    }
    if let Some(last) = pieces.last_mut() {
        if let Some(to) = follow(last[last.len() - 1]) {
            last.push(to);
        }
    }
    let mut arrow = None;
    if let Some(last) = pieces.last_mut() {
        let destination = last[last.len() - 1];
        let stop = sizes.marker * 1.25 + sizes.marker_outline + 1.0 * sizes.scale;
        let base = stop + sizes.arrow;
        // Drop the points inside the arrowhead, end the line at its base.
        let at = |p: (f64, f64)| (p.0 - destination.0).hypot(p.1 - destination.1);
        while last.len() > 1 && at(last[last.len() - 2]) <= base {
            last.pop();
        }
        if let (Some(&from), true) = (last.get(last.len().wrapping_sub(2)), last.len() >= 2) {
            let d = at(from);
            if d > base {
                let u = ((destination.0 - from.0) / d, (destination.1 - from.1) / d);
                let point = |k: f64| (destination.0 - u.0 * k, destination.1 - u.1 * k);
                let tip = point(stop);
                let b = point(base);
                let half = sizes.arrow * 0.45;
                let n = (-u.1 * half, u.0 * half);
                let grid = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
                arrow = Some([
                    grid(tip),
                    grid((b.0 + n.0, b.1 + n.1)),
                    grid((b.0 - n.0, b.1 - n.1)),
                ]);
                let n = last.len();
                last[n - 1] = point(base - 1.0 * sizes.scale);
            } else {
                last.clear();
            }
        }
    }
    let pieces = pieces
        .iter()
        .flat_map(|p| geometry::clip_line(p, clip))
        .map(|p| geometry::to_grid(&geometry::thin(&p, geometry::MIN_STEP * density)))
        .filter(|p| p.len() > 1)
        .collect();
    FlowLine { pieces, arrow }
}

/// Pushes markers apart until no two centres are closer than `distance` pixels; pinned
/// markers (hubs, where flows start) move only when both of a pair are pinned.
fn declutter(places: &[(f64, f64)], pinned: &[bool], distance: f64) -> Vec<(f64, f64)> {
    let mut at = places.to_vec();
    for _ in 0..30 {
        let mut moved = false;
        for i in 0..at.len() {
            for j in i + 1..at.len() {
                let (dx, dy) = (at[j].0 - at[i].0, at[j].1 - at[i].1);
                let d = dx.hypot(dy);
                if d >= distance - 1e-6 {
                    continue;
                }
                moved = true;
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    let a = j as f64 * 2.399_963; // golden angle: distinct directions
                    (a.cos(), a.sin())
                };
                let push = distance - d;
                let (si, sj) = match (pinned[i], pinned[j]) {
                    (true, false) => (0.0, 1.0),
                    (false, true) => (1.0, 0.0),
                    _ => (0.5, 0.5),
                };
                at[i] = (at[i].0 - ux * push * si, at[i].1 - uy * push * si);
                at[j] = (at[j].0 + ux * push * sj, at[j].1 + uy * push * sj);
            }
        }
        if !moved {
            break;
        }
    }
    at
}

fn bounds(ring: &[(i32, i32)]) -> Rect {
    let xs = ring.iter().map(|p| f64::from(p.0));
    let ys = ring.iter().map(|p| f64::from(p.1));
    Rect::new(
        xs.clone().fold(f64::MAX, f64::min),
        ys.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
        ys.fold(f64::MIN, f64::max),
    )
}

/// The legend: its size from its rows, in the corner of the map that covers fewest markers,
/// then least of the involved countries (`tinted`: their bounding boxes).
fn legend(
    markers: &[MarkerMark],
    tinted: &[Rect],
    map: &Rect,
    sizes: &Sizes,
) -> Result<Option<Legend>> {
    let entries: Vec<(Action, usize)> = Action::ALL
        .into_iter()
        .map(|a| {
            let count = markers
                .iter()
                .filter(|m| m.action == a || m.pips.iter().any(|p| p.0 == a))
                .count();
            (a, count)
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    if entries.is_empty() {
        return Ok(None);
    }
    let s = sizes.scale;
    let mut text_width = measure(LEGEND_TITLE, sizes.legend * 1.05, true)?.0;
    for &(a, n) in &entries {
        let (w, _) = measure(a.title(), sizes.legend, false)?;
        let (c, _) = measure(&n.to_string(), sizes.legend, false)?;
        text_width = text_width.max(LEGEND_SYMBOL * s + w + 18.0 * s + c);
    }
    let width = 2.0 * LEGEND_PAD * s + text_width;
    let height = 2.0 * LEGEND_PAD * s + sizes.legend * 1.5 + entries.len() as f64 * LEGEND_ROW * s;
    let inset = 10.0 * s;
    let corners = [
        (map.x0 + inset, map.y1 - inset - height), // bottom left
        (map.x1 - inset - width, map.y1 - inset - height), // bottom right
        (map.x0 + inset, map.y0 + inset),          // top left
        (map.x1 - inset - width, map.y0 + inset),  // top right
    ];
    let reach = 40.0 * s;
    let rect = corners
        .iter()
        .map(|&(x, y)| Rect::new(x, y, x + width, y + height))
        .min_by_key(|r| {
            let near = r.inflate(reach);
            let crowding: usize = markers
                .iter()
                .map(|m| {
                    if r.contains(m.at.0, m.at.1) {
                        4
                    } else if near.contains(m.at.0, m.at.1) {
                        1
                    } else {
                        0
                    }
                })
                .sum();
            let area = r.width() * r.height();
            let covered: f64 = tinted.iter().map(|t| r.overlap(t)).sum::<f64>() / area;
            (crowding, (covered * 4.0).round() as usize)
        })
        .expect("four corners");
    Ok(Some(Legend { rect, entries }))
}

pub(crate) const LEGEND_TITLE: &str = "Actions";
/// Legend padding, design pixels.
pub(crate) const LEGEND_PAD: f64 = 12.0;
/// Legend row height, design pixels.
pub(crate) const LEGEND_ROW: f64 = 25.0;
/// Width of a legend row's symbol column, design pixels.
pub(crate) const LEGEND_SYMBOL: f64 = 28.0;

//! The scene: everything the map shows, in canvas pixels, computed before anything is drawn.
//!
//! In: a [`MapSpec`] and the gazetteer's outlines. Out: a [`Scene`]: the view, the basemap
//! clipped and thinned, flows with arrowheads, markers pushed apart where they would overlap,
//! the legend in the emptiest corner and the label layout.

use super::extent::{self, Rect, View};
use super::geometry::Px;
use super::options::{ExtentChoice, InsetMode, Options, ProjectionChoice, EUROPE};
use super::projection;
use super::style::{self, Palette, Sizes};
use super::text::{measure, shorten, thousands};
use super::{classes, flows, geometry, labels, Choropleth, ChoroplethValue, Flow, MapSpec};
use crate::action::Action;
use crate::error::{Error, Result};
use crate::gazetteer::{Country, Detail, Gazetteer};
use crate::lang::Lang;
use geo::{Area as _, BoundingRect, LineString};
use plotters::style::RGBColor;
use std::path::PathBuf;

/// A filled shape of the basemap, pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The country it belongs to (ISO 3166-1 alpha-2; empty for an outline without a code
    /// and for an enclave, a hole painted over in the plain land colour).
    pub code: String,
    /// Fill colour.
    pub color: RGBColor,
    /// The ring, pixels (not closed).
    pub ring: Vec<Px>,
}

/// A flow line in pixels, with its arrowhead.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLine {
    /// Pieces of the line (clipped), pixels.
    pub pieces: Vec<Vec<Px>>,
    /// The arrowhead at the destination: tip, then the two barbs.
    pub arrow: Option<[Px; 3]>,
    /// The marker it starts from (the hub), when a marker sits at its start.
    pub from: Option<usize>,
    /// The marker it goes to, when a marker sits at its end.
    pub to: Option<usize>,
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

/// A country labelled on a choropleth, centred on its label point.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaLabel {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// The text, "Name value".
    pub text: String,
    /// The box the text and its halo cover, pixels.
    pub rect: Rect,
    /// When the label could not sit on its country: a line from the country's label point
    /// (drawn as a dot) to the box.
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// Radius of the dot a country label's leader starts from, design pixels.
pub(crate) const AREA_ANCHOR: f64 = 2.0;

/// A row of a choropleth legend: a swatch and the range of its class.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendClass {
    /// The class's range, e.g. "2–4".
    pub label: String,
    /// Its fill.
    pub color: RGBColor,
}

/// The legend box.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// The box, pixels.
    pub rect: Rect,
    /// A choropleth's heading, above its classes.
    pub heading: Option<String>,
    /// A choropleth's classes, fewest first (none on a map without one).
    pub classes: Vec<LegendClass>,
    /// One row per action present, with the number of markers that have it.
    pub entries: Vec<(Action, usize)>,
    /// True when a last row explains the flow arrows.
    pub flows: bool,
    /// The language of its words ([`MapSpec::lang`]).
    pub lang: Lang,
}

/// The basemap of one view: sea, land and borders, clipped to its frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    /// Outline detail used.
    pub detail: Detail,
    /// The sea (the globe's outline, clipped).
    pub sea: Vec<Vec<Px>>,
    /// True when the sea covers the whole frame (then `sea` need not be drawn).
    pub sea_everywhere: bool,
    /// Land, in painting order.
    pub land: Vec<Area>,
    /// Borders and coasts, closed rings.
    pub borders: Vec<Vec<Px>>,
}

/// A smaller map set into a corner of the main one, for a distant cluster of places.
#[derive(Debug, Clone, PartialEq)]
pub struct Inset {
    /// Its projection and part of the world; `view.plot` is its frame on the canvas.
    pub view: View,
    /// Its basemap, clipped to the frame.
    pub basemap: Basemap,
    /// Flows ending at its places, clipped to the frame.
    pub flows: Vec<FlowLine>,
    /// Indices of the markers it holds.
    pub markers: Vec<usize>,
}

/// A scale bar: a line of `length` pixels standing for `label`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBar {
    /// Left end of the bar, pixels.
    pub at: (f64, f64),
    /// Length, pixels.
    pub length: f64,
    /// What it stands for, e.g. `500 km`.
    pub label: String,
}

/// Everything to paint, in pixels of the canvas, computed before drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Canvas size, pixels.
    pub size: (u32, u32),
    /// Sizes for this canvas.
    pub sizes: Sizes,
    /// Colours.
    pub palette: Palette,
    /// The projection and the part of the world shown.
    pub view: View,
    /// Outline detail used.
    pub detail: Detail,
    /// The sea (the globe's outline, clipped).
    pub sea: Vec<Vec<Px>>,
    /// True when the sea covers the whole map (then `sea` need not be drawn).
    pub sea_everywhere: bool,
    /// Land, in painting order.
    pub land: Vec<Area>,
    /// Borders and coasts, closed rings.
    pub borders: Vec<Vec<Px>>,
    /// Flow lines.
    pub flows: Vec<FlowLine>,
    /// Insets (at most one), painted over the main map.
    pub insets: Vec<Inset>,
    /// Markers, in the spec's order.
    pub markers: Vec<MarkerMark>,
    /// Label boxes, one per marker.
    pub layout: labels::Layout,
    /// A choropleth's country labels, highest value first (only those that fit).
    pub area_labels: Vec<AreaLabel>,
    /// The legend, when there are markers.
    pub legend: Option<Legend>,
    /// The scale bar, where the main view has one scale.
    pub scale_bar: Option<ScaleBar>,
    /// The title, shortened to fit.
    pub title: String,
    /// The subtitle, shortened to fit.
    pub subtitle: Option<String>,
    /// The attribution, shortened to fit.
    pub attribution: String,
    /// Labels of the places left out because they lie outside a fixed `--extent`.
    pub outside: Vec<String>,
}

fn ring_coords(line: &LineString<f64>) -> Vec<(f64, f64)> {
    line.0.iter().map(|c| (c.x, c.y)).collect()
}

/// The view of a fixed extent (`europe` or `W,S,E,N`) on `map`; `None` for `auto`/`world`.
fn fixed_view(options: &Options, map: Rect) -> Option<View> {
    let (w, s, e, n) = match options.extent {
        ExtentChoice::Bounds {
            west,
            south,
            east,
            north,
        } => (west, south, east, north),
        ExtentChoice::Europe => EUROPE,
        ExtentChoice::Auto | ExtentChoice::World => return None,
    };
    let points = extent::box_points(w, s, e, n);
    let projection = extent::projection_for(options.projection, &points, false);
    Some(extent::fit_view(
        &points, projection, false, 0.0, 0.0, map, map,
    ))
}

/// The frame of a canvas: its sizes, colours and the map's rectangle (inside the margins, below
/// the header, above the footer). The first step of [`Scene::build_with`].
struct Frame {
    size: (u32, u32),
    palette: Palette,
    sizes: Sizes,
    /// Canvas pixels per output pixel: thinning keeps detail an output pixel can show.
    density: f64,
    /// The map's rectangle on the canvas, pixels.
    map: Rect,
    /// The subtitle asked for, trimmed, when not empty.
    subtitle: Option<String>,
}

impl Frame {
    fn new(spec: &MapSpec, options: &Options, size: (u32, u32)) -> Frame {
        let (cw, ch) = (f64::from(size.0), f64::from(size.1));
        let density = cw / f64::from(spec.width.max(1));
        let scale = f64::from(options.scale.max(1));
        let mut sizes = Sizes::new(f64::from(spec.width) / scale, density * scale);
        let subtitle = options
            .subtitle
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        if subtitle.is_some() {
            sizes.header += sizes.subtitle * 1.5;
        }
        let map = Rect::new(
            sizes.margin,
            sizes.header,
            cw - sizes.margin,
            ch - sizes.footer,
        );
        Frame {
            size,
            palette: Palette::of(options.theme),
            sizes,
            density,
            map,
            subtitle,
        }
    }
}

/// A fixed extent (`europe`, `W,S,E,N`) is the user's choice of frame: places outside it are
/// left out (their labels returned, to be listed in `outside`), never drawn over the frame's
/// edge, and so are the flows to or from them. `None` when every place is inside (or the
/// extent is not fixed).
fn leave_out(spec: &MapSpec, options: &Options, map: Rect) -> Option<(MapSpec, Vec<String>)> {
    let view = fixed_view(options, map)?;
    let inside = |m: &super::Marker| {
        view.pixel(m.point.x(), m.point.y())
            .is_some_and(|(x, y)| map.contains(x, y))
    };
    if spec.markers.iter().all(inside) {
        return None;
    }
    // Each marker's index among those kept, or `None` when it is left out.
    let mut kept_at = Vec::with_capacity(spec.markers.len());
    let (mut kept, mut left) = (Vec::new(), Vec::new());
    for m in &spec.markers {
        if inside(m) {
            kept_at.push(Some(kept.len()));
            kept.push(m.clone());
        } else {
            kept_at.push(None);
            left.push(m.clone());
        }
    }
    // A flow stays when both its ends are places still shown, joined to them again.
    let at = |i: usize| kept_at.get(i).copied().flatten();
    let flows = spec
        .flows
        .iter()
        .filter_map(|f| {
            let (from, to) = (at(f.from)?, at(f.to)?);
            Some(Flow {
                from,
                to,
                ..f.clone()
            })
        })
        .collect();
    let narrowed = MapSpec {
        markers: kept,
        flows,
        ..spec.clone()
    };
    Some((narrowed, left.into_iter().map(|m| m.label).collect()))
}

/// What the extent is fitted to, in lon/lat degrees.
struct Places {
    /// Each marker's point, in the spec's order.
    points: Vec<(f64, f64)>,
    /// True for the coordinating hubs (flows start there; they keep their place).
    pinned: Vec<bool>,
    /// Every point of every flow.
    flow_points: Vec<(f64, f64)>,
    /// A choropleth's shaded countries' points ([`choropleth_points`]).
    shaded_points: Vec<(f64, f64)>,
}

impl Places {
    fn of(spec: &MapSpec, gazetteer: &Gazetteer) -> Result<Places> {
        let flow_points = spec
            .flows
            .iter()
            .flat_map(|f| &f.parts)
            .flat_map(|part| part.iter().map(|c| (c.x, c.y)))
            .collect();
        // A choropleth's shaded countries are what its map shows: they decide the extent.
        let shaded_points = match &spec.choropleth {
            Some(choropleth) => choropleth_points(choropleth, gazetteer)?,
            None => Vec::new(),
        };
        Ok(Places {
            points: spec
                .markers
                .iter()
                .map(|m| (m.point.x(), m.point.y()))
                .collect(),
            pinned: spec
                .markers
                .iter()
                .map(|m| m.actions.first() == Some(&Action::Coordination))
                .collect(),
            flow_points,
            shaded_points,
        })
    }
}

impl Places {
    /// The markers at a flow's start (the hub's) and at its end: those it was made between.
    fn ends_of(&self, flow: &Flow) -> (Option<usize>, Option<usize>) {
        let at = |i: usize| (i < self.points.len()).then_some(i);
        (at(flow.from), at(flow.to))
    }
}

/// The main view and, when the rule asks for one, the inset's view and the markers it holds.
struct Views {
    main: View,
    inset: Option<(View, Vec<usize>)>,
}

impl Views {
    /// True when marker `i` sits in the inset.
    fn in_inset(&self, i: usize) -> bool {
        self.inset.as_ref().is_some_and(|(_, m)| m.contains(&i))
    }

    /// The view marker `i` is drawn in.
    fn of(&self, i: usize) -> &View {
        match &self.inset {
            Some((view, members)) if members.contains(&i) => view,
            _ => &self.main,
        }
    }
}

/// The views: a main view and an inset for a distant cluster when the rule splits the places
/// ([`extent::inset_split`]; only for an `auto` extent and inset, without a choropleth, in
/// the default or LAEA projection), else one view fitted to the extent chosen.
fn views(spec: &MapSpec, options: &Options, frame: &Frame, places: &Places) -> Views {
    let inset_allowed = options.extent == ExtentChoice::Auto
        && options.inset == InsetMode::Auto
        && spec.choropleth.is_none()
        && matches!(
            options.projection,
            ProjectionChoice::Auto | ProjectionChoice::Laea
        );
    let hubs: Vec<usize> = (0..places.points.len())
        .filter(|&i| places.pinned[i])
        .collect();
    match inset_allowed
        .then(|| extent::inset_split(&places.points, &hubs))
        .flatten()
    {
        Some(minor) => split_views(&places.points, minor, frame),
        None => Views {
            main: single_view(spec, options, frame.map, places),
            inset: None,
        },
    }
}

/// The main view over the places not in `minor`, beside an inset over those in `minor`.
fn split_views(places: &[(f64, f64)], minor: Vec<usize>, frame: &Frame) -> Views {
    let (map, sizes) = (frame.map, &frame.sizes);
    let main_points: Vec<(f64, f64)> = (0..places.len())
        .filter(|i| !minor.contains(i))
        .map(|i| places[i])
        .collect();
    let minor_points: Vec<(f64, f64)> = minor.iter().map(|&i| places[i]).collect();
    let projection = extent::projection_for(ProjectionChoice::Laea, &main_points, false);
    let inset_projection = extent::projection_for(ProjectionChoice::Laea, &minor_points, false);
    let rect = inset_rect(&main_points, &minor_points, &map);
    let target = if rect.x0 <= map.x0 + 1.0 {
        Rect::new(rect.x1 + sizes.margin, map.y0, map.x1, map.y1)
    } else {
        Rect::new(map.x0, map.y0, rect.x0 - sizes.margin, map.y1)
    };
    let main = extent::fit_view(
        &main_points,
        projection,
        false,
        MAIN_MARGIN,
        extent::MIN_SPAN_DEGREES,
        target,
        map,
    );
    let inset = extent::fit_view(
        &minor_points,
        inset_projection,
        false,
        INSET_MARGIN,
        INSET_MIN_SPAN,
        rect,
        rect,
    );
    Views {
        main,
        inset: Some((inset, minor)),
    }
}

/// One view holding everything: fitted to the places, flows and shaded countries (`auto`),
/// the whole world, or the fixed extent.
fn single_view(spec: &MapSpec, options: &Options, map: Rect, places: &Places) -> View {
    match options.extent {
        ExtentChoice::Auto => {
            let mut points = places.points.clone();
            points.extend(&places.flow_points);
            points.extend(&places.shaded_points);
            let world = extent::choose_projection(&points).is_world();
            let mut projection = extent::projection_for(options.projection, &points, world);
            if world && spec.choropleth.is_some() {
                projection = projection.with_lon0(extent::shading_centre(&points));
            }
            extent::fit_view(
                &points,
                projection,
                world,
                extent::MARGIN,
                extent::MIN_SPAN_DEGREES,
                map,
                map,
            )
        }
        ExtentChoice::World => {
            let mut points = places.points.clone();
            points.extend(&places.shaded_points);
            let mut projection = extent::projection_for(options.projection, &points, true);
            if spec.choropleth.is_some() {
                projection = projection.with_lon0(extent::shading_centre(&points));
            }
            extent::fit_view(&points, projection, true, 0.0, 0.0, map, map)
        }
        ExtentChoice::Europe | ExtentChoice::Bounds { .. } => {
            fixed_view(options, map).expect("a fixed extent has a view")
        }
    }
}

/// The markers in their views' pixels, pushed apart where they would overlap; with the
/// move made of each marker (from, to), if any, which the ends of its flows follow.
fn place_markers(
    spec: &MapSpec,
    frame: &Frame,
    views: &Views,
    places: &Places,
) -> (Vec<MarkerMark>, Vec<Option<(geometry::Px, geometry::Px)>>) {
    let (map, sizes) = (frame.map, &frame.sizes);
    let centre = ((map.x0 + map.x1) / 2.0, (map.y0 + map.y1) / 2.0);
    let pixels: Vec<(f64, f64)> = places
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| views.of(i).pixel(p.0, p.1).unwrap_or(centre))
        .collect();
    let shown = declutter(
        &pixels,
        &places.pinned,
        2.0 * sizes.marker * 1.15 + sizes.marker_outline,
    );
    let markers = spec
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
    let moved = pixels
        .iter()
        .zip(&shown)
        .map(|(&a, &b)| (a != b).then_some((a, b)))
        .collect();
    (markers, moved)
}

/// The flows of the main view and the inset with its basemap and the flows between its own
/// places. A flow between the views is drawn in the main view only, up to the inset's frame
/// ([`flows`]); none enters the inset's rectangle.
#[allow(clippy::too_many_arguments)] // one call, from `build_with`: the scene so far
fn flows_and_insets(
    spec: &MapSpec,
    gazetteer: &Gazetteer,
    frame: &Frame,
    views: &Views,
    places: &Places,
    markers: &[MarkerMark],
    moved: &[Option<(Px, Px)>],
    main_clip: &Rect,
    class_colors: &[RGBColor],
) -> Result<(Vec<FlowLine>, Vec<Inset>)> {
    let (sizes, density) = (&frame.sizes, frame.density);
    let in_main = |f: &Flow| {
        let mut line = flows::flow_line(f, &views.main, main_clip, sizes, density, moved);
        (line.from, line.to) = places.ends_of(f);
        line
    };
    let Some((inset_view, members)) = &views.inset else {
        return Ok((spec.flows.iter().map(in_main).collect(), Vec::new()));
    };
    let clip = inset_view.plot;
    let mut main_flows = Vec::new();
    let mut inset_flows = Vec::new();
    for f in &spec.flows {
        let (from, to) = places.ends_of(f);
        let at = |m: usize| markers[m].at;
        let mut line = match (from, to) {
            (Some(a), Some(b)) => match (views.in_inset(a), views.in_inset(b)) {
                (true, true) => {
                    let mut line = flows::flow_line(f, inset_view, &clip, sizes, density, moved);
                    (line.from, line.to) = (from, to);
                    inset_flows.push(line);
                    continue;
                }
                (false, true) => flows::toward_inset(at(a), at(b), &clip, sizes),
                (true, false) => flows::out_of_inset(at(a), at(b), &clip, sizes),
                (false, false) => {
                    let line = in_main(f);
                    match flows::crosses(&line, &clip) {
                        true => flows::round_inset(at(a), at(b), &clip, sizes).unwrap_or(line),
                        false => line,
                    }
                }
            },
            _ => in_main(f),
        };
        (line.from, line.to) = (from, to);
        main_flows.push(line);
    }
    let basemap = basemap(
        spec,
        gazetteer,
        inset_view,
        &clip,
        density,
        &frame.palette,
        class_colors,
    )?;
    let inset = Inset {
        view: *inset_view,
        basemap,
        flows: inset_flows,
        markers: members.clone(),
    };
    Ok((main_flows, vec![inset]))
}

/// The legend's rows for this spec, placed by [`legend`] in the emptiest corner.
fn legend_of(
    spec: &MapSpec,
    frame: &Frame,
    markers: &[MarkerMark],
    land: &[Area],
    insets: &[Inset],
    class_colors: &[RGBColor],
) -> Result<Option<Legend>> {
    let tinted_boxes: Vec<Rect> = land
        .iter()
        .filter(|a| a.color != frame.palette.land)
        .map(|a| bounds(&a.ring))
        .collect();
    let inset_frames: Vec<Rect> = insets.iter().map(|i| i.view.plot).collect();
    let legend_classes: Vec<LegendClass> = match &spec.choropleth {
        Some(c) => c
            .class_labels()
            .into_iter()
            .enumerate()
            .map(|(k, label)| LegendClass {
                label,
                color: class_color(class_colors, k),
            })
            .collect(),
        None => Vec::new(),
    };
    legend(
        markers,
        &tinted_boxes,
        &inset_frames,
        (!spec.flows.is_empty(), spec.lang),
        spec.choropleth.as_ref().map(|c| c.title.as_str()),
        legend_classes,
        &frame.map,
        &frame.sizes,
    )
}

/// The label problem of the markers: their footprints, the text boxes, the frame, the legend
/// and the flow lines to keep off, each marker's zone (its inset).
fn label_problem(
    frame: &Frame,
    views: &Views,
    markers: &[MarkerMark],
    flows: &[FlowLine],
    insets: &[Inset],
    legend: Option<&Legend>,
) -> Result<labels::Problem> {
    let sizes = &frame.sizes;
    let footprint = |m: &MarkerMark| {
        let r = sizes.marker * 1.3 + sizes.marker_outline;
        m.pips.iter().fold(r, |r, &(_, (x, y))| {
            r.max((x - m.at.0).hypot(y - m.at.1) + sizes.pip + sizes.marker_outline)
        })
    };
    let mut label_sizes = Vec::with_capacity(markers.len());
    for m in markers {
        let (w, _) = measure(&m.label, sizes.label, false)?;
        label_sizes.push((w + 2.0 * sizes.halo, sizes.label + 2.0 * sizes.halo));
    }
    let lines = flows
        .iter()
        .chain(insets.iter().flat_map(|i| &i.flows))
        .flat_map(|f| &f.pieces)
        .cloned()
        .collect();
    Ok(labels::Problem {
        markers: markers
            .iter()
            .map(|m| labels::Disc {
                x: m.at.0,
                y: m.at.1,
                r: footprint(m),
            })
            .collect(),
        sizes: label_sizes,
        frame: frame.map.inflate(-4.0 * sizes.scale),
        obstacles: legend
            .iter()
            .map(|l| l.rect.inflate(3.0 * sizes.scale))
            .collect(),
        lines,
        gap: 3.0 * sizes.scale,
        zones: insets.iter().map(|i| i.view.plot).collect(),
        zone_of: (0..markers.len())
            .map(|i| views.in_inset(i).then_some(0))
            .collect(),
    })
}

/// The title, the subtitle and the attribution, each shortened to the room it has (the
/// attribution beside the scale bar).
struct Texts {
    title: String,
    subtitle: Option<String>,
    attribution: String,
}

fn texts(spec: &MapSpec, frame: &Frame, scale_bar: Option<&ScaleBar>) -> Result<Texts> {
    let sizes = &frame.sizes;
    let width = f64::from(frame.size.0) - 2.0 * sizes.margin;
    let subtitle = match &frame.subtitle {
        Some(t) => Some(shorten(t, sizes.subtitle, false, width)?),
        None => None,
    };
    let bar_room = scale_bar.map_or(0.0, |b| {
        b.at.0 + b.length + 12.0 * sizes.scale + sizes.attribution * 5.0
    });
    Ok(Texts {
        title: shorten(&spec.title, sizes.title, true, width)?,
        subtitle,
        attribution: shorten(
            &spec.attribution,
            sizes.attribution,
            false,
            width - bar_room,
        )?,
    })
}

impl Scene {
    /// Lays the map out on a canvas of `size` pixels with the default [`Options`].
    #[cfg(test)]
    pub(crate) fn build(spec: &MapSpec, gazetteer: &Gazetteer, size: (u32, u32)) -> Result<Scene> {
        Scene::build_with(spec, &Options::default(), gazetteer, size)
    }

    /// Lays the map out on a canvas of `size` pixels, once, in steps: the frame, the places
    /// a fixed extent leaves out, the views (and inset), the basemap, the markers, the flows,
    /// the legend, the labels, then the texts around the map.
    pub fn build_with(
        spec: &MapSpec,
        options: &Options,
        gazetteer: &Gazetteer,
        size: (u32, u32),
    ) -> Result<Scene> {
        style::register_fonts().map_err(|message| Error::Render {
            path: PathBuf::new(),
            message,
        })?;
        let frame = Frame::new(spec, options, size);
        let (narrowed, outside) = match leave_out(spec, options, frame.map) {
            Some((narrowed, outside)) => (Some(narrowed), outside),
            None => (None, Vec::new()),
        };
        let spec = narrowed.as_ref().unwrap_or(spec);
        let places = Places::of(spec, gazetteer)?;
        let views = views(spec, options, &frame, &places);
        let class_colors: Vec<RGBColor> = spec
            .choropleth
            .as_ref()
            .map(|c| classes::colors(options.theme, c.breaks.len()))
            .unwrap_or_default();
        let main_clip = frame.map.inflate(3.0 * frame.density);
        let main_map = basemap(
            spec,
            gazetteer,
            &views.main,
            &main_clip,
            frame.density,
            &frame.palette,
            &class_colors,
        )?;
        let (markers, moved) = place_markers(spec, &frame, &views, &places);
        let (flows, insets) = flows_and_insets(
            spec,
            gazetteer,
            &frame,
            &views,
            &places,
            &markers,
            &moved,
            &main_clip,
            &class_colors,
        )?;
        let legend = legend_of(
            spec,
            &frame,
            &markers,
            &main_map.land,
            &insets,
            &class_colors,
        )?;
        let problem = label_problem(&frame, &views, &markers, &flows, &insets, legend.as_ref())?;
        let layout = labels::place(&problem);
        let area_labels = match &spec.choropleth {
            Some(c) => area_labels(
                c,
                gazetteer,
                &views.main,
                &main_map.land,
                &problem,
                &layout,
                &frame.sizes,
            )?,
            None => Vec::new(),
        };
        let scale_bar = scale_bar(&views.main, &frame.map, &frame.sizes);
        let texts = texts(spec, &frame, scale_bar.as_ref())?;
        Ok(Scene {
            size,
            sizes: frame.sizes,
            palette: frame.palette,
            view: views.main,
            detail: main_map.detail,
            sea: main_map.sea,
            sea_everywhere: main_map.sea_everywhere,
            land: main_map.land,
            borders: main_map.borders,
            flows,
            insets,
            markers,
            layout,
            area_labels,
            legend,
            scale_bar,
            title: texts.title,
            subtitle: texts.subtitle,
            attribution: texts.attribution,
            outside,
        })
    }

    /// The view that shows a point (longitude, latitude): an inset's when the point lies in
    /// its frame there, else the main one.
    pub fn view_for(&self, lon: f64, lat: f64) -> &View {
        self.insets
            .iter()
            .find(|i| {
                i.view
                    .pixel(lon, lat)
                    .is_some_and(|(x, y)| i.view.plot.contains(x, y))
            })
            .map_or(&self.view, |i| &i.view)
    }

    /// Every marker's view: the inset's for markers in it, else the main one.
    pub fn view_of(&self, marker: usize) -> &View {
        self.insets
            .iter()
            .find(|i| i.markers.contains(&marker))
            .map_or(&self.view, |i| &i.view)
    }
}

/// Where the inset goes: in the corner of the map towards the minor cluster (left or right
/// by longitude, top or bottom by the initial bearing from the main cluster), about a
/// third of the map wide, shaped like the minor cluster's box.
fn inset_rect(main: &[(f64, f64)], minor: &[(f64, f64)], map: &Rect) -> Rect {
    let mean = |p: &[(f64, f64)]| {
        // Mean of unit vectors: a centre that does not care about ±180°.
        let mut v = [0.0; 3];
        for &(lon, lat) in p {
            let (lon, lat) = (lon.to_radians(), lat.to_radians());
            v[0] += lat.cos() * lon.cos();
            v[1] += lat.cos() * lon.sin();
            v[2] += lat.sin();
        }
        (
            v[1].atan2(v[0]).to_degrees(),
            v[2].atan2(v[0].hypot(v[1])).to_degrees(),
        )
    };
    let (a, b) = (mean(main), mean(minor));
    let west = projection::wrap(b.0 - a.0) < 0.0;
    // Initial bearing from a to b: its northward part.
    let (p1, p2, dl) = (a.1.to_radians(), b.1.to_radians(), (b.0 - a.0).to_radians());
    let north = p2.sin() * p1.cos() - p1.sin() * p2.cos() * dl.cos() >= 0.0;
    // The minor cluster's shape in its own projection decides the inset's.
    let projection = extent::projection_for(ProjectionChoice::Laea, minor, false);
    let mut bx = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for p in minor.iter().filter_map(|p| projection.project(p.0, p.1)) {
        bx = (bx.0.min(p.0), bx.1.max(p.0), bx.2.min(p.1), bx.3.max(p.1));
    }
    let min = INSET_MIN_SPAN.to_radians();
    let aspect = ((bx.1 - bx.0).max(min) / (bx.3 - bx.2).max(min)).clamp(0.8, 1.5);
    let area = 0.12 * map.width() * map.height();
    let w = (area * aspect).sqrt().min(0.36 * map.width());
    let h = (w / aspect).min(0.5 * map.height());
    let x0 = if west { map.x0 } else { map.x1 - w };
    let y0 = if north { map.y0 } else { map.y1 - h };
    Rect::new(x0, y0, x0 + w, y0 + h)
}

/// The scale bar of a view with one scale at its centre: about 140 design pixels long, a
/// round number of kilometres (1, 2 or 5 times a power of ten), in the bottom-left corner
/// of the footer.
fn scale_bar(view: &View, map: &Rect, sizes: &Sizes) -> Option<ScaleBar> {
    let km_per_px = view.km_per_pixel()?;
    let want = 140.0 * sizes.scale * km_per_px;
    let power = 10f64.powf(want.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|k| k * power)
        .find(|&k| k <= want)
        .unwrap_or(power);
    let length = km / km_per_px;
    let label = if km >= 1.0 {
        format!("{} km", thousands(km.round() as u64))
    } else {
        format!("{} m", (km * 1000.0).round())
    };
    Some(ScaleBar {
        at: (map.x0, map.y1 + sizes.footer * 0.5),
        length,
        label,
    })
}

/// Turns rings of lon/lat degrees into rings of a view's pixels: cut at the projection's
/// seam, projected, clipped to `clip`, thinned to what an output pixel shows, tiny islands
/// left out.
struct Cutter<'a> {
    view: &'a View,
    clip: &'a Rect,
    density: f64,
}

impl Cutter<'_> {
    /// A ring in pixels clipped and thinned; `None` when it falls outside
    /// the clip or is smaller than about two square pixels.
    fn cut(&self, px: Vec<(f64, f64)>) -> Option<Vec<Px>> {
        let density = self.density;
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in &px {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        if !Rect::new(x0, y0, x1, y1).intersects(self.clip)
            || x1 - x0 < 0.5 * density && y1 - y0 < 0.5 * density
        {
            return None;
        }
        let clipped = geometry::clip_ring(&px, self.clip);
        let step = geometry::MIN_STEP * density;
        let thinned = geometry::simplify(&geometry::thin(&clipped, step), 0.5 * density);
        // Islands smaller than about two square pixels are left out.
        let min_area2 = 4.0 * density * density;
        (thinned.len() >= 3 && geometry::area2(&thinned).abs() >= min_area2).then_some(thinned)
    }

    /// A ring of lon/lat degrees as the pixel rings it makes in the view (several when the
    /// projection's seam cuts it).
    fn rings(&self, ring: &LineString<f64>) -> Vec<Vec<Px>> {
        let ring = ring_coords(ring);
        let view = self.view;
        let pieces = if view.projection.has_seam() {
            geometry::split_at_seam(&ring, view.projection.lon0())
        } else {
            vec![ring]
        };
        pieces
            .iter()
            .filter_map(|p| geometry::project_ring(p, view))
            .filter_map(|px| self.cut(px))
            .collect()
    }
}

/// The basemap of `view`, clipped to `clip`: the sea, every country (the involved ones
/// tinted by role, or on a choropleth shaded by class with `class_colors`), enclaves and
/// borders.
fn basemap(
    spec: &MapSpec,
    gazetteer: &Gazetteer,
    view: &View,
    clip: &Rect,
    density: f64,
    palette: &Palette,
    class_colors: &[RGBColor],
) -> Result<Basemap> {
    let detail = if view.span_degrees() > WORLD_DETAIL_DEGREES {
        Detail::World
    } else {
        Detail::Regional
    };
    let cutter = Cutter {
        view,
        clip,
        density,
    };
    let globe: Vec<(f64, f64)> = view
        .projection
        .globe()
        .iter()
        .map(|&p| view.to_pixel(p))
        .collect();
    let sea: Vec<Vec<Px>> = cutter.cut(globe).into_iter().collect();
    let clip_area2 = 2.0 * clip.width() * clip.height();
    let sea_everywhere =
        sea.len() == 1 && geometry::area2(&sea[0]).abs() >= clip_area2 * (1.0 - 1e-9) - 1.0;
    let fills = Fills {
        spec,
        palette,
        class_colors,
    };
    let (land, borders) = countries(gazetteer, detail, &cutter, &fills)?;
    Ok(Basemap {
        detail,
        sea,
        sea_everywhere,
        land,
        borders,
    })
}

/// Rings of pixels.
type Rings = Vec<Vec<Px>>;

/// How a country is filled: by its class on a choropleth, else by its role.
struct Fills<'a> {
    spec: &'a MapSpec,
    palette: &'a Palette,
    class_colors: &'a [RGBColor],
}

impl Fills<'_> {
    /// The fill of the country `code`; `None` for plain land.
    fn of(&self, code: &str) -> Option<RGBColor> {
        if code.is_empty() {
            return None;
        }
        match &self.spec.choropleth {
            Some(c) => c.class_of(code).map(|k| class_color(self.class_colors, k)),
            None => self
                .spec
                .countries
                .iter()
                .filter(|c| c.code.eq_ignore_ascii_case(code))
                .map(|c| c.role)
                .min()
                .map(|r| self.palette.tint(r)),
        }
    }
}

/// Every country's areas in painting order (plain land, then the tinted countries, then a
/// choropleth's shaded countries largest first each followed by its holes, then the tinted
/// countries' enclaves) and the borders (closed rings).
fn countries(
    gazetteer: &Gazetteer,
    detail: Detail,
    cutter: &Cutter<'_>,
    fills: &Fills<'_>,
) -> Result<(Vec<Area>, Rings)> {
    let land_color = fills.palette.land;
    let mut neutral = Vec::new();
    let mut tinted = Vec::new();
    let mut enclaves = Vec::new();
    // A choropleth's shaded countries, largest first, each followed by its holes: a shaded
    // enclave (smaller) is painted after its host's hole, never under it.
    let mut shaded: Vec<(f64, Vec<Area>)> = Vec::new();
    let mut borders = Vec::new();
    let in_view = cutter.view.lon_lat_bounds();
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
    let choropleth = fills.spec.choropleth.is_some();
    for outline in gazetteer.outlines(detail)? {
        let fill = fills.of(&outline.code);
        let mut own: Vec<Area> = Vec::new();
        for polygon in outline.shape.iter().filter(|p| !outside(p.exterior())) {
            for exterior in cutter.rings(polygon.exterior()) {
                let area = Area {
                    code: outline.code.clone(),
                    color: fill.unwrap_or(land_color),
                    ring: exterior.clone(),
                };
                match fill {
                    Some(_) if choropleth => own.push(area),
                    Some(_) => tinted.push(area),
                    None => neutral.push(area),
                }
                borders.push(closed(exterior));
            }
            for ring in polygon.interiors().iter().flat_map(|h| cutter.rings(h)) {
                if fill.is_some() {
                    let area = Area {
                        code: String::new(),
                        color: land_color,
                        ring: ring.clone(),
                    };
                    if choropleth {
                        own.push(area);
                    } else {
                        enclaves.push(area);
                    }
                }
                borders.push(closed(ring));
            }
        }
        if !own.is_empty() {
            shaded.push((outline.shape.unsigned_area(), own));
        }
    }
    shaded.sort_by(|a, b| b.0.total_cmp(&a.0));
    let land = neutral
        .into_iter()
        .chain(tinted)
        .chain(shaded.into_iter().flat_map(|(_, own)| own))
        .chain(enclaves)
        .collect();
    Ok((land, borders))
}

/// Margin around the main cluster when a second one goes into an inset (share of its box
/// on each side). Default: 20%.
const MAIN_MARGIN: f64 = 0.2;
/// Margin around an inset's places. Default: 30%.
const INSET_MARGIN: f64 = 0.3;
/// An inset shows at least this much (degrees of arc across), so its places sit among
/// their neighbours. Default: 40°.
const INSET_MIN_SPAN: f64 = 40.0;

/// Views wider than this (degrees of arc across) use the world outlines (1:110m).
const WORLD_DETAIL_DEGREES: f64 = 100.0;

fn closed(mut ring: Vec<Px>) -> Vec<Px> {
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    ring
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

fn bounds(ring: &[Px]) -> Rect {
    let xs = ring.iter().map(|p| p.0);
    let ys = ring.iter().map(|p| p.1);
    Rect::new(
        xs.clone().fold(f64::MAX, f64::min),
        ys.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
        ys.fold(f64::MIN, f64::max),
    )
}

/// The legend: its size from its rows (a choropleth's `heading` and `classes` first, then the
/// actions of the markers), in the corner of the map that covers fewest markers, then least
/// of the involved countries (`tinted`: their bounding boxes).
#[allow(clippy::too_many_arguments)] // one call, from `build_with`
fn legend(
    markers: &[MarkerMark],
    tinted: &[Rect],
    insets: &[Rect],
    (flows, lang): (bool, Lang),
    heading: Option<&str>,
    classes: Vec<LegendClass>,
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
    if entries.is_empty() && classes.is_empty() {
        return Ok(None);
    }
    let s = sizes.scale;
    let mut text_width: f64 = 0.0;
    let mut height = 2.0 * LEGEND_PAD * s;
    if !classes.is_empty() {
        let (w, _) = measure(heading.unwrap_or_default(), sizes.legend * 1.05, true)?;
        text_width = text_width.max(w);
        for class in &classes {
            let (w, _) = measure(&class.label, sizes.legend, false)?;
            text_width = text_width.max(LEGEND_SYMBOL * s + w);
        }
        height += sizes.legend * 1.5 + classes.len() as f64 * LEGEND_ROW * s;
        if !entries.is_empty() {
            height += LEGEND_GAP * s;
        }
    }
    if !entries.is_empty() {
        text_width = text_width.max(measure(legend_title(lang), sizes.legend * 1.05, true)?.0);
        for &(a, n) in &entries {
            let (w, _) = measure(a.title_in(lang), sizes.legend, false)?;
            let (c, _) = measure(&n.to_string(), sizes.legend, false)?;
            text_width = text_width.max(LEGEND_SYMBOL * s + w + 18.0 * s + c);
        }
        if flows {
            let (w, _) = measure(legend_flows(lang), sizes.legend, false)?;
            text_width = text_width.max(LEGEND_SYMBOL * s + w);
        }
        let rows = entries.len() + usize::from(flows);
        height += sizes.legend * 1.5;
        height += rows as f64 * LEGEND_ROW * s;
    }
    let width = 2.0 * LEGEND_PAD * s + text_width;
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
            let under_inset = insets.iter().any(|i| i.inflate(inset).intersects(r));
            (under_inset, crowding, (covered * 4.0).round() as usize)
        })
        .expect("four corners");
    Ok(Some(Legend {
        rect,
        heading: (!classes.is_empty()).then(|| heading.unwrap_or_default().to_string()),
        classes,
        entries,
        flows,
        lang,
    }))
}

/// Space between a choropleth's classes and the actions in one legend, design pixels.
pub(crate) const LEGEND_GAP: f64 = 10.0;

/// The colour of class `k`: classes past the palette's end share its last colour.
fn class_color(colors: &[RGBColor], k: usize) -> RGBColor {
    colors
        .get(k)
        .or(colors.last())
        .copied()
        .unwrap_or(RGBColor(0x80, 0x80, 0x80))
}

/// Longitude and latitude a choropleth country's box may reach from its label point, degrees.
/// Default: 30° and 15°.
const SHADED_REACH: (f64, f64) = (30.0, 15.0);

/// The points a choropleth's `auto` extent fits: for each shaded country, its label point and
/// the corners of the box around its largest polygon (its mainland, leaving out overseas
/// parts such as French Guiana), the box cut to [`SHADED_REACH`] around the label point so
/// that a vast country (Russia, Canada) shows its core without widening the map to all of it.
fn choropleth_points(choropleth: &Choropleth, gazetteer: &Gazetteer) -> Result<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    for value in choropleth.ranked() {
        let code = value.code.to_ascii_uppercase();
        let label = gazetteer
            .country(&code)
            .map(|c| gazetteer.place(c.place).point);
        let outline = match gazetteer.outline(Detail::World, &code)? {
            Some(o) => Some(o),
            None => gazetteer.outline(Detail::Regional, &code)?,
        };
        let mainland = outline
            .and_then(|o| {
                o.shape
                    .iter()
                    .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
            })
            .and_then(|p| p.bounding_rect());
        let centre = match (label, mainland) {
            (Some(p), _) => (p.x(), p.y()),
            (None, Some(b)) => (b.center().x, b.center().y),
            (None, None) => continue,
        };
        out.push(centre);
        if let Some(b) = mainland {
            let (dx, dy) = SHADED_REACH;
            let (x0, x1) = (b.min().x.max(centre.0 - dx), b.max().x.min(centre.0 + dx));
            let (y0, y1) = (b.min().y.max(centre.1 - dy), b.max().y.min(centre.1 + dy));
            out.extend([(x0, y0), (x1, y0), (x0, y1), (x1, y1)]);
        }
    }
    Ok(out)
}

/// The share of a choropleth label's box that must lie on its own country for the label to
/// sit there without a leader: with less, a reader takes it for a neighbour's (the United
/// Kingdom's label over Ireland, the Netherlands' over Germany).
const ON_COUNTRY: f64 = 0.5;

/// True when at least [`ON_COUNTRY`] of the box lies on the country's rings, judged on a grid
/// of 9×3 points spread over the box.
fn on_own_country(rect: &Rect, rings: &[&[Px]]) -> bool {
    const COLUMNS: usize = 9;
    const ROWS: usize = 3;
    let on = (0..COLUMNS)
        .flat_map(|i| (0..ROWS).map(move |j| (i, j)))
        .filter(|&(i, j)| {
            let x = rect.x0 + (i as f64 + 0.5) / COLUMNS as f64 * rect.width();
            let y = rect.y0 + (j as f64 + 0.5) / ROWS as f64 * rect.height();
            rings.iter().any(|ring| geometry::inside(ring, (x, y)))
        })
        .count();
    on as f64 >= ON_COUNTRY * (COLUMNS * ROWS) as f64
}

/// Where a choropleth's country label may go: shifts of its centre from the label point, in
/// label widths and heights, nearest first.
const LABEL_SHIFTS: [(f64, f64); 15] = [
    (0.0, 0.0),
    (0.0, -0.5),
    (0.0, 0.5),
    (-0.25, 0.0),
    (0.25, 0.0),
    (-0.25, -0.5),
    (0.25, -0.5),
    (-0.25, 0.5),
    (0.25, 0.5),
    (-0.45, 0.0),
    (0.45, 0.0),
    (-0.45, -0.5),
    (0.45, -0.5),
    (-0.45, 0.5),
    (0.45, 0.5),
];

/// A choropleth's country labels, at most `labels` of them, highest value first, for each
/// country outside the lowest class (when there are several): "Name value" on the country's
/// label point (or shifted by up to half its height and nearly half its width, the point still
/// inside the box or on its edge, nearest first), when at least half the box lies on the
/// country itself ([`ON_COUNTRY`]); else, or where none of those is clear, set off in the
/// rings [`labels::place`] tries for markers, nearest first, with a leader from a dot on the
/// label point. A box is clear inside the map frame, off the legend, the markers, their labels,
/// the labels and leaders placed before it; a leader crosses no placed label. A label that finds
/// no clear box is left out: the country's shade still tells its class.
#[allow(clippy::too_many_arguments)] // one call site; the arguments are the scene so far
fn area_labels(
    choropleth: &Choropleth,
    gazetteer: &Gazetteer,
    view: &View,
    land: &[Area],
    problem: &labels::Problem,
    layout: &labels::Layout,
    sizes: &Sizes,
) -> Result<Vec<AreaLabel>> {
    let mut placed: Vec<AreaLabel> = Vec::new();
    let gap = problem.gap;
    // With several classes the lowest goes unlabelled: the legend tells it, and its many
    // countries would crowd the labels that matter.
    let lowest = (choropleth.breaks.len() > 1).then_some(0);
    // The countries that may get a label, with their label points in pixels: a label keeps
    // off the others' points, so that each can still be labelled or reached by a leader.
    let candidates: Vec<(&Country, &ChoroplethValue, (f64, f64))> = choropleth
        .ranked()
        .into_iter()
        .filter(|v| classes::class_of(&choropleth.breaks, v.value) != lowest)
        .filter_map(|value| {
            let country = gazetteer.country(&value.code.to_ascii_uppercase())?;
            let point = gazetteer.place(country.place).point;
            let at = view.pixel(point.x(), point.y())?;
            Some((country, value, at))
        })
        .take(2 * choropleth.labels)
        .collect();
    let anchor_r = AREA_ANCHOR * sizes.scale;
    for &(country, value, (x, y)) in &candidates {
        if placed.len() >= choropleth.labels {
            break;
        }
        let text = format!("{} {}", value.name, classes::number(value.value));
        let (w, _) = measure(&text, sizes.label, false)?;
        let (w, h) = (w + 2.0 * sizes.halo, sizes.label + 2.0 * sizes.halo);
        let crosses = |a: (f64, f64), b: (f64, f64), rect: &Rect| {
            geometry::clip_segment(a, b, &rect.inflate(gap / 2.0)).is_some()
        };
        let clear = |rect: &Rect| {
            problem.frame.contains_rect(rect)
                && candidates.iter().all(|(other, _, (ox, oy))| {
                    other.code == country.code || rect.distance(*ox, *oy) > anchor_r + gap / 2.0
                })
                && !problem.obstacles.iter().any(|o| o.intersects(rect))
                && !problem.zones.iter().any(|z| z.intersects(rect))
                && problem
                    .markers
                    .iter()
                    .all(|m| rect.distance(m.x, m.y) > m.r + gap)
                && !layout
                    .labels
                    .iter()
                    .any(|l| l.rect.inflate(gap).intersects(rect))
                && !placed.iter().any(|l| {
                    l.rect.inflate(gap).intersects(rect)
                        || l.leader.is_some_and(|(a, b)| crosses(a, b, rect))
                })
        };
        let own: Vec<&[Px]> = land
            .iter()
            .filter(|a| a.code.eq_ignore_ascii_case(&country.code))
            .map(|a| a.ring.as_slice())
            .collect();
        let on_country = LABEL_SHIFTS
            .iter()
            .map(|&(sx, sy)| {
                let (cx, cy) = (x + sx * w, y + sy * h);
                Rect::new(cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0)
            })
            .find(|r| on_own_country(r, &own) && clear(r))
            .map(|rect| (rect, None));
        let anchor = labels::Disc { x, y, r: anchor_r };
        let found = on_country.or_else(|| {
            labels::candidate_boxes(anchor, gap, w, h)
                .filter(|&(ring, _)| ring > 0)
                .map(|(_, rect)| (rect, labels::leader(anchor, &rect)))
                .find(|(rect, (a, b))| {
                    clear(rect)
                        && !placed.iter().any(|l| crosses(*a, *b, &l.rect))
                        && problem.frame.contains(a.0, a.1)
                })
                .map(|(rect, leader)| (rect, Some(leader)))
        });
        if let Some((rect, leader)) = found {
            placed.push(AreaLabel {
                code: country.code.clone(),
                text,
                rect,
                leader,
            });
        }
    }
    Ok(placed)
}

pub(crate) const LEGEND_TITLE: &str = "Actions";

/// [`LEGEND_TITLE`] in `lang`.
pub(crate) fn legend_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::Fr => LEGEND_TITLE,
        Lang::De => "Maßnahmen",
        Lang::Nl => "Acties",
        Lang::Es => "Acciones",
    }
}
/// The legend row explaining flow arrows.
pub(crate) const LEGEND_FLOWS: &str = "From the coordinating hub";

/// [`LEGEND_FLOWS`] in `lang`.
pub(crate) fn legend_flows(lang: Lang) -> &'static str {
    match lang {
        Lang::En => LEGEND_FLOWS,
        Lang::De => "Von der koordinierenden Stelle",
        Lang::Fr => "Depuis le centre de coordination",
        Lang::Nl => "Vanuit de coördinerende dienst",
        Lang::Es => "Desde el centro de coordinación",
    }
}
/// Legend padding, design pixels.
pub(crate) const LEGEND_PAD: f64 = 12.0;
/// Legend row height, design pixels.
pub(crate) const LEGEND_ROW: f64 = 25.0;
/// Width of a legend row's symbol column, design pixels.
pub(crate) const LEGEND_SYMBOL: f64 = 28.0;

//! `map.html`: one self-contained web map that works offline from `file://`.
//!
//! In: the map's [`Scene`] (the same view, basemap, fills and flows as map.png, in pixels),
//! its [`MapSpec`] and the events FeatureCollection. Out: an HTML page with everything inline:
//! the map as SVG, written by map.svg's writer ([`render::svg`](crate::render::svg::write))
//! from map.png's drawing (sea, land, involved countries tinted by role, borders, flows, place
//! labels) plus one marker per event with map.png's shape and colour, a legend, and a little plain
//! JavaScript for pan (drag), zoom (wheel, buttons, keys) and a tooltip on each marker with its
//! action, place and evidence sentence (on hover or keyboard focus). No CDN, no tile server, no
//! font or image file: the page makes no request.

use crate::action::Action;
use crate::formats::{hex, symbol_name, xml_escape};
use crate::render::drawing::{self, Group, Item, Shape, Stroke};
use crate::render::extent::Rect;
use crate::render::style;
use crate::render::{svg, MapSpec, Scene};
use geojson::{FeatureCollection, Value};
use serde_json::json;
use std::fmt::Write;

/// One event as the page shows it.
#[derive(Debug, Clone, PartialEq)]
struct Mark {
    at: (f64, f64),
    /// Radius, pixels.
    r: f64,
    action: Action,
    id: String,
    place: String,
    country: String,
    sentence: String,
}

fn marks(spec: &MapSpec, scene: &Scene, events: &FeatureCollection) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for f in &events.features {
        let text = |k: &str| {
            f.property(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let Some(Value::Point(p)) = f.geometry.as_ref().map(|g| &g.value) else {
            continue;
        };
        let (lon, lat) = (p[0], p[1]);
        let Ok(action) = text("action").parse::<Action>() else {
            continue;
        };
        // Where map.png draws it: the place's marker (pushed apart from its neighbours) for
        // its first action, a pip beside it for each further action; else the projected point.
        let sizes = &scene.sizes;
        let near = |m: &crate::render::Marker| {
            (m.point.x() - lon).abs() < 1e-5 && (m.point.y() - lat).abs() < 1e-5
        };
        let mark = spec
            .markers
            .iter()
            .position(near)
            .and_then(|i| scene.markers.get(i));
        let taken = |at: (f64, f64)| {
            out.iter()
                .any(|m| (m.at.0 - at.0).abs() < 0.01 && (m.at.1 - at.1).abs() < 0.01)
        };
        let place = mark.and_then(|m| {
            if m.action == action {
                Some((m.at, sizes.marker))
            } else {
                m.pips
                    .iter()
                    .find(|(a, _)| *a == action)
                    .map(|&(_, at)| (at, sizes.pip * 1.6))
            }
        });
        let (mut at, r) = match place {
            Some((at, r)) => (at, r),
            None => match mark.map(|m| m.at).or_else(|| scene.view.pixel(lon, lat)) {
                Some(at) => (at, sizes.marker),
                None => continue,
            },
        };
        // The same action at the same place again (from another article): side by side.
        while taken(at) {
            at.0 += 2.3 * r;
        }
        out.push(Mark {
            at,
            r,
            action,
            id: f
                .id
                .as_ref()
                .map(|id| match id {
                    geojson::feature::Id::String(s) => s.clone(),
                    geojson::feature::Id::Number(n) => n.to_string(),
                })
                .unwrap_or_default(),
            place: text("place"),
            country: text("country_name"),
            sentence: text("sentence"),
        });
    }
    out
}

/// The map as SVG, through the writer map.svg uses: the groups of map.png's drawing that
/// make the map (the background extended all around, so that panning shows no edge;
/// `basemap`, `countries`, `borders`, `flows`, each inset, `labels`), then one marker per
/// event (`markers`, each a focusable group with its index into `EVENTS`).
fn map_svg(scene: &Scene, marks: &[Mark]) -> String {
    let (w, h) = (f64::from(scene.size.0), f64::from(scene.size.1));
    let pal = &scene.palette;
    let mut background = Group::named("background");
    let around = vec![vec![
        (-w, -h),
        (2.0 * w, -h),
        (2.0 * w, 2.0 * h),
        (-w, 2.0 * h),
    ]];
    background.items.push(Item::Shape(Shape {
        parts: around,
        closed: true,
        fill: Some(
            if scene.sea_everywhere {
                pal.sea
            } else {
                pal.paper
            }
            .into(),
        ),
        stroke: None,
    }));
    let shown = |id: &str| {
        matches!(id, "basemap" | "countries" | "borders" | "flows" | "labels")
            || id.starts_with("inset-")
    };
    let mut groups = vec![background];
    groups.extend(
        drawing::drawing(scene)
            .groups
            .into_iter()
            .filter(|g| g.id.as_deref().is_some_and(shown)),
    );
    groups.push(markers(scene, marks));
    let plot = scene.view.plot;
    let root = svg::Root {
        size: None,
        view_box: Rect::new(
            plot.x0.round(),
            plot.y0.round(),
            plot.x1.round(),
            plot.y1.round(),
        ),
        attrs: vec![
            ("id", "map".to_string()),
            ("role", "img".to_string()),
            ("aria-label", scene.title.clone()),
            ("preserveAspectRatio", "xMidYMid meet".to_string()),
        ],
    };
    svg::write(&root, &groups)
}

/// One focusable group per event, its symbol centred on the origin and moved to its place
/// (the page's script scales it to keep its size on screen when zooming).
fn markers(scene: &Scene, marks: &[Mark]) -> Group {
    let sizes = &scene.sizes;
    let mut group = Group::named("markers");
    for (i, m) in marks.iter().enumerate() {
        let symbol = style::symbol(m.action);
        let (x, y) = (svg::num(m.at.0), svg::num(m.at.1));
        let outline = Stroke {
            ink: scene.palette.paper.into(),
            width: sizes.marker_outline * (m.r / sizes.marker).min(1.0),
            round: false,
        };
        group.items.push(Item::Group(Group {
            id: None,
            attrs: vec![
                ("class", format!("marker {}", symbol_name(symbol))),
                ("data-i", i.to_string()),
                ("data-x", x.clone()),
                ("data-y", y.clone()),
                ("transform", format!("translate({x} {y})")),
                ("tabindex", "0".to_string()),
                ("role", "button".to_string()),
                ("aria-label", format!("{} in {}", m.action.title(), m.place)),
            ],
            items: vec![drawing::symbol_at_origin(
                symbol,
                style::color(m.action),
                m.r,
                outline,
            )],
        }));
    }
    group
}

/// One legend row per action present: its symbol (a small SVG through the same writer), its
/// name and the number of events.
fn legend_rows(scene: &Scene, marks: &[Mark]) -> String {
    let mut legend = String::new();
    for a in Action::ALL {
        let n = marks.iter().filter(|m| m.action == a).count();
        if n == 0 {
            continue;
        }
        let outline = Stroke {
            ink: scene.palette.paper.into(),
            width: 1.5,
            round: false,
        };
        let mut icon = Group::default();
        icon.items.push(drawing::symbol_at_origin(
            style::symbol(a),
            style::color(a),
            8.0,
            outline,
        ));
        let root = svg::Root {
            size: Some((20, 20)),
            view_box: Rect::new(-12.0, -12.0, 12.0, 12.0),
            attrs: vec![("aria-hidden", "true".to_string())],
        };
        let icon = svg::write(&root, &[icon]);
        let _ = writeln!(
            legend,
            "<li>{}{} <span class=\"n\">{n}</span></li>",
            icon.trim_end(),
            a.title(),
        );
    }
    legend
}

/// The events as the page's script reads them (`EVENTS`), safe inside `<script>`.
fn events_json(marks: &[Mark]) -> String {
    let data: Vec<serde_json::Value> = marks
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "action": m.action.title(),
                "place": m.place,
                "country": m.country,
                "sentence": m.sentence,
            })
        })
        .collect();
    // Inside <script>, "</" could end the element early.
    serde_json::to_string(&data)
        .expect("events serialise")
        .replace("</", "<\\/")
}

/// Where the HTML legend and the zoom buttons go (CSS): the legend in map.png's corner (the
/// emptiest one); the buttons in a top corner free of the legend and of an inset.
fn corners(scene: &Scene) -> (String, &'static str) {
    let plot = scene.view.plot;
    let (cx, cy) = ((plot.x0 + plot.x1) / 2.0, (plot.y0 + plot.y1) / 2.0);
    let corner = |r: &Rect| ((r.x0 + r.x1) / 2.0 < cx, (r.y0 + r.y1) / 2.0 < cy);
    let (legend_left, legend_top) = scene
        .legend
        .as_ref()
        .map_or((false, false), |l| corner(&l.rect));
    let legend_at = format!(
        "{}: 8px; {}: 8px",
        if legend_left { "left" } else { "right" },
        if legend_top { "top" } else { "bottom" }
    );
    let left_taken = (legend_left && legend_top)
        || scene
            .insets
            .iter()
            .any(|i| corner(&i.view.plot) == (true, true));
    let zoom_at = if left_taken {
        "right: 8px; top: 8px"
    } else {
        "left: 8px; top: 8px"
    };
    (legend_at, zoom_at)
}

/// The page. `spec` and `scene` are those map.png is drawn from; `events` the events layer.
pub fn html(spec: &MapSpec, scene: &Scene, events: &FeatureCollection) -> String {
    let marks = marks(spec, scene, events);
    let svg = map_svg(scene, &marks);
    let legend = legend_rows(scene, &marks);
    let data = events_json(&marks);
    let (legend_at, zoom_at) = corners(scene);
    let mut page = String::new();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<div id=\"wrap\">\n{svg}\
         <div id=\"zoom\" style=\"{zoom_at}\"><button type=\"button\" id=\"zin\" title=\"Zoom in (+)\">+</button>\
         <button type=\"button\" id=\"zout\" title=\"Zoom out (−)\">−</button>\
         <button type=\"button\" id=\"zreset\" title=\"Whole map (0)\">⟲</button></div>\n\
         <div id=\"legend\" style=\"{legend_at}\"><strong>Actions</strong><ul>\n{legend}</ul></div>\n\
         <div id=\"tip\" role=\"tooltip\" hidden></div>\n</div>\n\
         <p id=\"credit\">{attribution}. Drag to pan, scroll or +/− to zoom; hover or focus a \
         marker for its evidence.</p>\n\
         <script>\nconst EVENTS = {data};\n{JS}</script>\n</body>\n</html>\n",
        title = xml_escape(&spec.title),
        attribution = xml_escape(&spec.attribution),
        css = css(&scene.palette),
    );
    page
}

/// The page's style sheet in the map's theme: the page, the legend (opaque, so nothing of the
/// map shows through its text), the buttons and the tooltip in the palette's paper, ink and
/// muted colours, each text colour at least 4.5:1 against what is behind it (WCAG AA).
fn css(pal: &style::Palette) -> String {
    CSS.replace("{paper}", &hex(pal.paper))
        .replace("{ink}", &hex(pal.ink))
        .replace("{muted}", &hex(pal.muted))
        .replace("{frame}", &hex(pal.frame))
        .replace("{leader}", &hex(pal.leader))
}

/// The style sheet, its colours as `{paper}`, `{ink}`, `{muted}`, `{frame}`, `{leader}`.
const CSS: &str = r#"body { margin: 0; font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: {ink}; background: {paper}; }
h1 { font-size: 1.3em; margin: 0.5em 0.7em; }
#wrap { position: relative; margin: 0 0.7em; border: 1px solid {frame}; overflow: hidden; }
#map { display: block; width: 100%; height: auto; max-height: 85vh; cursor: grab; touch-action: none; user-select: none; }
#map.dragging { cursor: grabbing; }
#labels text { pointer-events: none; }
.marker { cursor: pointer; outline: none; }
.marker:hover path, .marker:focus path, .marker:hover circle, .marker:focus circle { stroke: {ink}; }
#zoom { position: absolute; display: flex; flex-direction: column; gap: 2px; }
#zoom button { width: 28px; height: 28px; font-size: 16px; color: {ink}; background: {paper}; border: 1px solid {frame}; border-radius: 3px; cursor: pointer; }
#legend { position: absolute; color: {ink}; background: {paper}; border: 1px solid {frame}; padding: 6px 10px; font-size: 13px; }
#legend ul { list-style: none; margin: 4px 0 0; padding: 0; }
#legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
#legend .n { color: {muted}; }
#tip { position: absolute; max-width: 340px; color: {ink}; background: {paper}; border: 1px solid {leader}; box-shadow: 0 1px 4px rgba(0,0,0,0.3); padding: 6px 8px; font-size: 13px; pointer-events: none; z-index: 2; }
#tip .s { margin-top: 4px; color: {muted}; }
#credit { font-size: 11px; color: {muted}; margin: 0.4em 0.7em; }
"#;

const JS: &str = r##"(function () {
  "use strict";
  const svg = document.getElementById("map");
  const wrap = document.getElementById("wrap");
  const tip = document.getElementById("tip");
  const home = svg.viewBox.baseVal;
  const start = { x: home.x, y: home.y, w: home.width, h: home.height };
  let vb = Object.assign({}, start);
  const markers = Array.from(document.querySelectorAll("#markers .marker"));
  function apply() {
    svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h);
    // Markers and labels keep their size on screen.
    const k = vb.w / start.w;
    for (const m of markers) {
      m.setAttribute("transform", "translate(" + m.dataset.x + " " + m.dataset.y + ") scale(" + k + ")");
    }
  }
  function zoom(factor, cx, cy) {
    const w = Math.min(start.w, Math.max(start.w / 16, vb.w / factor));
    const f = vb.w / w;
    if (cx === undefined) { cx = vb.x + vb.w / 2; cy = vb.y + vb.h / 2; }
    vb = { x: cx - (cx - vb.x) / f, y: cy - (cy - vb.y) / f, w: w, h: w * start.h / start.w };
    clamp(); apply();
  }
  function clamp() {
    vb.x = Math.min(start.x + start.w - vb.w, Math.max(start.x, vb.x));
    vb.y = Math.min(start.y + start.h - vb.h, Math.max(start.y, vb.y));
  }
  function toMap(evt) {
    const r = svg.getBoundingClientRect();
    const s = Math.max(vb.w / r.width, vb.h / r.height);
    const ox = (r.width - vb.w / s) / 2, oy = (r.height - vb.h / s) / 2;
    return { x: vb.x + (evt.clientX - r.left - ox) * s, y: vb.y + (evt.clientY - r.top - oy) * s, s: s };
  }
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    const p = toMap(e);
    zoom(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", function (e) {
    if (e.target.closest(".marker")) return;
    drag = { x: e.clientX, y: e.clientY, vx: vb.x, vy: vb.y, s: toMap(e).s };
    svg.classList.add("dragging");
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    vb.x = drag.vx - (e.clientX - drag.x) * drag.s;
    vb.y = drag.vy - (e.clientY - drag.y) * drag.s;
    clamp(); apply();
  });
  function endDrag() { drag = null; svg.classList.remove("dragging"); }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  document.getElementById("zin").addEventListener("click", function () { zoom(1.5); });
  document.getElementById("zout").addEventListener("click", function () { zoom(1 / 1.5); });
  document.getElementById("zreset").addEventListener("click", function () { vb = Object.assign({}, start); apply(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "+" || e.key === "=") zoom(1.5);
    else if (e.key === "-") zoom(1 / 1.5);
    else if (e.key === "0") { vb = Object.assign({}, start); apply(); }
    else if (e.key === "Escape") hide();
  });
  function show(m) {
    const ev = EVENTS[Number(m.dataset.i)];
    tip.textContent = "";
    const head = document.createElement("strong");
    head.textContent = ev.action + " in " + ev.place + (ev.country && ev.country !== ev.place ? " (" + ev.country + ")" : "");
    const s = document.createElement("div");
    s.className = "s";
    s.textContent = ev.sentence;
    tip.appendChild(head); tip.appendChild(s);
    tip.hidden = false;
    const r = m.getBoundingClientRect(), w = wrap.getBoundingClientRect();
    let left = r.right - w.left + 8, top = r.top - w.top;
    if (left + tip.offsetWidth > w.width) left = Math.max(0, r.left - w.left - tip.offsetWidth - 8);
    if (top + tip.offsetHeight > w.height) top = Math.max(0, w.height - tip.offsetHeight);
    tip.style.left = left + "px"; tip.style.top = top + "px";
  }
  function hide() { tip.hidden = true; }
  for (const m of markers) {
    m.addEventListener("mouseenter", function () { show(m); });
    m.addEventListener("mouseleave", hide);
    m.addEventListener("focus", function () { show(m); });
    m.addEventListener("blur", hide);
  }
  apply();
})();
"##;

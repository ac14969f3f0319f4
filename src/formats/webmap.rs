//! `map.html`: one self-contained web map that works offline from `file://`.
//!
//! In: the map's [`Scene`] (the same view, basemap, fills and flows as map.png, in pixels),
//! its [`MapSpec`], the event records and, for a choropleth, a note per country. Out: an HTML page with everything inline:
//! the map as SVG, written by map.svg's writer ([`render::svg`](crate::render::svg::write))
//! from map.png's drawing (sea, land, involved countries tinted by role, borders, flows, place
//! labels) plus one marker per event with map.png's shape and colour, a legend, and a little plain
//! JavaScript for pan (drag), zoom (wheel, buttons, keys) and a tooltip on each marker with its
//! action, place and evidence sentence (on hover or keyboard focus). No CDN, no tile server, no
//! font or image file: the page makes no request.

use crate::action::Action;
use crate::formats::{hex, symbol_name, xml_escape};
use crate::record::EventRecord;
use crate::render::drawing::{self, Circle, Group, Ink, Item, Shape, Stroke};
use crate::render::extent::Rect;
use crate::render::style;
use crate::render::{svg, MapSpec, Scene};
use serde_json::json;
use std::fmt::Write;

/// A country's tooltip on a choropleth (a batch run's map): its name and lines of text (its
/// counts, its top articles).
#[derive(Debug, Clone, PartialEq)]
pub struct CountryNote {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// English name, the tooltip's heading.
    pub name: String,
    /// The tooltip's lines.
    pub lines: Vec<String>,
    /// The country's point (lon, lat degrees): where a dot stands in for a country too small
    /// to be drawn at the map's detail (Monaco, Singapore), so that every country has its
    /// tooltip.
    pub point: Option<(f64, f64)>,
}

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

/// Where each event is drawn. `marker_of[i]` is the index of event `i`'s marker in the scene
/// ([`crate::spec::map_spec`] makes one marker per site, in the order of
/// [`crate::layers::site_indices`]).
fn marks(scene: &Scene, events: &[EventRecord], marker_of: &[usize]) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for (record, &marker) in events.iter().zip(marker_of) {
        let p = &record.properties;
        let (lon, lat) = (record.point[0], record.point[1]);
        let action = p.action;
        // Where map.png draws it: the place's marker (pushed apart from its neighbours) for
        // its first action, a pip beside it for each further action; else the projected point.
        let sizes = &scene.sizes;
        let mark = scene.markers.get(marker);
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
            id: p.id.clone(),
            place: p.place.clone(),
            country: p.country_name.clone(),
            sentence: p.sentence.clone(),
        });
    }
    out
}

/// The map as SVG, through the writer map.svg uses: the groups of map.png's drawing that
/// make the map (the background extended all around, so that panning shows no edge;
/// `basemap`, `countries`, `borders`, `flows`, each inset, `labels`), then one marker per
/// event (`markers`, each a focusable group with its index into `EVENTS`); on a choropleth,
/// one focusable element per noted country over its areas (`country-notes`).
fn map_svg(scene: &Scene, marks: &[Mark], notes: &[CountryNote]) -> String {
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
    if !notes.is_empty() {
        groups.push(country_notes(scene, notes));
    }
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

/// One focusable element per noted country (class `country`, its code in `data-c`) that shows
/// its note on hover or focus: the country's areas of the main view, unpainted over the
/// drawing's fills, or a dot where the view draws no area of it (too small at its detail).
fn country_notes(scene: &Scene, notes: &[CountryNote]) -> Group {
    let mut group = Group::named("country-notes");
    for note in notes {
        let parts: Vec<Vec<(f64, f64)>> = scene
            .land
            .iter()
            .filter(|a| !a.code.is_empty() && a.code == note.code)
            .map(|a| a.ring.clone())
            .collect();
        let item = if parts.is_empty() {
            let Some(at) = note.point.and_then(|(lon, lat)| scene.view.pixel(lon, lat)) else {
                continue;
            };
            Item::Circle(Circle {
                at,
                r: scene.sizes.marker * 0.6,
                fill: scene.palette.frame.into(),
                stroke: Some(Stroke {
                    ink: scene.palette.paper.into(),
                    width: 1.0,
                    round: false,
                }),
            })
        } else {
            Item::Shape(Shape {
                parts,
                closed: true,
                fill: Some(Ink {
                    color: scene.palette.paper,
                    opacity: 0.0,
                }),
                stroke: None,
            })
        };
        group.items.push(Item::Group(Group {
            id: None,
            attrs: vec![
                ("class", "country".to_string()),
                ("data-c", note.code.clone()),
                ("tabindex", "0".to_string()),
                ("role", "button".to_string()),
                ("aria-label", note.name.clone()),
            ],
            items: vec![item],
        }));
    }
    group
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

/// The page. `spec` and `scene` are those map.png is drawn from; `events` the event records,
/// `marker_of[i]` the index of event `i`'s marker in the scene; `notes` a choropleth's
/// tooltip per country (none on a map of events).
pub fn html(
    spec: &MapSpec,
    scene: &Scene,
    events: &[EventRecord],
    marker_of: &[usize],
    notes: &[CountryNote],
) -> String {
    let marks = marks(scene, events, marker_of);
    let svg = map_svg(scene, &marks, notes);
    let (heading, choropleth_rows) = choropleth_legend(scene);
    let legend = if choropleth_rows.is_empty() {
        legend_rows(scene, &marks)
    } else {
        choropleth_rows
    };
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
         <div id=\"legend\" style=\"{legend_at}\"><strong>{heading}</strong><ul>\n{legend}</ul></div>\n\
         <div id=\"tip\" role=\"tooltip\" hidden></div>\n</div>\n\
         <p id=\"credit\">{attribution}. Drag to pan, scroll or +/− to zoom; {hover}.</p>\n\
         <script>\nconst EVENTS = {data};\nconst COUNTRIES = {countries};\n{JS}</script>\n</body>\n</html>\n",
        heading = xml_escape(&heading),
        hover = if notes.is_empty() {
            "hover or focus a marker for its evidence"
        } else {
            "hover or focus a country for its counts and top articles"
        },
        countries = countries_data(notes),
        title = xml_escape(&spec.title),
        attribution = xml_escape(&spec.attribution),
        css = css(&scene.palette),
    );
    page
}

/// A choropleth's legend heading and one row per class (a swatch and its range); "Actions"
/// and no row on a map of events.
fn choropleth_legend(scene: &Scene) -> (String, String) {
    let Some(legend) = scene.legend.as_ref().filter(|l| !l.classes.is_empty()) else {
        return ("Actions".to_string(), String::new());
    };
    let mut rows = String::new();
    for class in &legend.classes {
        let _ = writeln!(
            rows,
            "<li><svg viewBox=\"0 0 20 14\" width=\"20\" height=\"14\" aria-hidden=\"true\">\
             <rect width=\"20\" height=\"14\" fill=\"{}\" stroke=\"{}\"/></svg>{}</li>",
            hex(class.color),
            hex(scene.palette.frame),
            xml_escape(&class.label)
        );
    }
    (legend.heading.clone().unwrap_or_default(), rows)
}

/// The countries' notes as a JSON object by code, safe inside `<script>`.
fn countries_data(notes: &[CountryNote]) -> String {
    let by_code: serde_json::Map<String, serde_json::Value> = notes
        .iter()
        .map(|n| {
            let note = json!({"name": n.name, "lines": n.lines});
            (n.code.clone(), note)
        })
        .collect();
    serde_json::to_string(&by_code)
        .expect("notes serialise")
        .replace("</", "<\\/")
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
.country { cursor: pointer; outline: none; }
.country:hover path, .country:focus path, .country:hover circle, .country:focus circle { stroke: {ink}; stroke-width: 1.5px; }
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
  const countries = Array.from(document.querySelectorAll(".country"));
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
    tip.textContent = "";
    const head = document.createElement("strong");
    tip.appendChild(head);
    if (m.dataset.c) {
      const c = COUNTRIES[m.dataset.c];
      head.textContent = c.name;
      for (const line of c.lines) {
        const s = document.createElement("div");
        s.className = "s";
        s.textContent = line;
        tip.appendChild(s);
      }
    } else {
      const ev = EVENTS[Number(m.dataset.i)];
      head.textContent = ev.action + " in " + ev.place + (ev.country && ev.country !== ev.place ? " (" + ev.country + ")" : "");
      const s = document.createElement("div");
      s.className = "s";
      s.textContent = ev.sentence;
      tip.appendChild(s);
    }
    tip.hidden = false;
    const r = m.getBoundingClientRect(), w = wrap.getBoundingClientRect();
    let left = r.right - w.left + 8, top = r.top - w.top;
    if (left + tip.offsetWidth > w.width) left = Math.max(0, r.left - w.left - tip.offsetWidth - 8);
    if (top + tip.offsetHeight > w.height) top = Math.max(0, w.height - tip.offsetHeight);
    tip.style.left = left + "px"; tip.style.top = top + "px";
  }
  function hide() { tip.hidden = true; }
  for (const m of markers.concat(countries)) {
    m.addEventListener("mouseenter", function () { show(m); });
    m.addEventListener("mouseleave", hide);
    m.addEventListener("focus", function () { show(m); });
    m.addEventListener("blur", hide);
  }
  apply();
})();
"##;

//! `map.html`: one self-contained web map that works offline from `file://`.
//!
//! In: the map's [`Scene`] (the same view, basemap, fills and flows as map.png, in pixels),
//! its [`MapSpec`] and the events FeatureCollection. Out: an HTML page with everything inline:
//! the map as SVG (sea, land, involved countries tinted by role, borders, flows, place labels,
//! one marker per event with map.png's shape and colour), a legend, and a little plain
//! JavaScript for pan (drag), zoom (wheel, buttons, keys) and a tooltip on each marker with its
//! action, place and evidence sentence (on hover or keyboard focus). No CDN, no tile server, no
//! font or image file: the page makes no request.

use crate::action::Action;
use crate::formats::{hex, symbol_name, xml_escape};
use crate::record::EventRecord;
use crate::render::style;
use crate::render::{Area, FlowLine, MapSpec, Scene};
use crate::style::Symbol;
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

fn path(points: &[(i32, i32)], close: bool) -> String {
    let mut d = String::with_capacity(points.len() * 9);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x} {y}", if i == 0 { "M" } else { "L" });
    }
    if close {
        d.push('Z');
    }
    d
}

fn symbol_path(symbol: Symbol, r: f64) -> String {
    match style::outline(symbol, r) {
        Some(points) => {
            let mut d = String::new();
            for (i, (x, y)) in points.iter().enumerate() {
                let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
            d
        }
        None => format!("M{r:.1} 0A{r:.1} {r:.1} 0 1 1 -{r:.1} 0A{r:.1} {r:.1} 0 1 1 {r:.1} 0Z"),
    }
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

/// Sea, land and borders of one view. The rings of a country with a note are one element, a
/// `country` with its code in `data-c`, that shows the note on hover or focus.
fn basemap(
    svg: &mut String,
    (scene, notes): (&Scene, &[CountryNote]),
    sea: &[Vec<(i32, i32)>],
    sea_everywhere: bool,
    land: &[Area],
    borders: &[Vec<(i32, i32)>],
) {
    let pal = &scene.palette;
    if !sea_everywhere {
        for ring in sea {
            let _ = writeln!(
                svg,
                "<path d=\"{}\" fill=\"{}\"/>",
                path(ring, true),
                hex(pal.sea)
            );
        }
    }
    let mut noted: Vec<&str> = Vec::new();
    for area in land {
        let note = notes
            .iter()
            .find(|n| !area.code.is_empty() && n.code == area.code);
        let Some(note) = note else {
            let _ = writeln!(
                svg,
                "<path d=\"{}\" fill=\"{}\"/>",
                path(&area.ring, true),
                hex(area.color)
            );
            continue;
        };
        if noted.contains(&note.code.as_str()) {
            continue;
        }
        noted.push(&note.code);
        let d: String = land
            .iter()
            .filter(|a| a.code == note.code)
            .map(|a| path(&a.ring, true))
            .collect();
        let _ = writeln!(
            svg,
            "<path class=\"country\" data-c=\"{code}\" tabindex=\"0\" role=\"button\" \
             aria-label=\"{name}\" d=\"{d}\" fill=\"{fill}\"/>",
            code = xml_escape(&note.code),
            name = xml_escape(&note.name),
            fill = hex(area.color),
        );
    }
    let d: String = borders.iter().map(|r| path(r, true)).collect();
    let _ = writeln!(
        svg,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"0.8\" \
         vector-effect=\"non-scaling-stroke\" stroke-linejoin=\"round\"/>",
        hex(pal.border),
    );
}

/// A dot for each noted country the main view draws no area of (too small at its detail).
fn dots(svg: &mut String, scene: &Scene, notes: &[CountryNote]) {
    for note in notes {
        if scene.land.iter().any(|a| a.code == note.code) {
            continue;
        }
        let Some(at) = note.point.and_then(|(lon, lat)| scene.view.pixel(lon, lat)) else {
            continue;
        };
        let _ = writeln!(
            svg,
            "<circle class=\"country\" data-c=\"{code}\" tabindex=\"0\" role=\"button\" \
             aria-label=\"{name}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\" \
             stroke=\"{paper}\"/>",
            code = xml_escape(&note.code),
            name = xml_escape(&note.name),
            x = at.0,
            y = at.1,
            r = scene.sizes.marker * 0.6,
            fill = hex(scene.palette.frame),
            paper = hex(scene.palette.paper),
        );
    }
}

/// Flow lines with their arrowheads.
fn flows(svg: &mut String, scene: &Scene, lines: &[FlowLine]) {
    let color = hex(scene.palette.flow);
    let _ = writeln!(
        svg,
        "<g class=\"flows\" fill=\"none\" stroke=\"{color}\" stroke-opacity=\"0.8\" \
         stroke-width=\"{:.1}\" stroke-linecap=\"round\" stroke-linejoin=\"round\">",
        scene.sizes.flow
    );
    for line in lines {
        for piece in &line.pieces {
            let _ = writeln!(svg, "<path class=\"flow\" d=\"{}\"/>", path(piece, false));
        }
        if let Some(arrow) = line.arrow {
            let _ = writeln!(
                svg,
                "<path d=\"{}\" fill=\"{color}\" fill-opacity=\"0.8\" stroke=\"none\"/>",
                path(&arrow, true),
            );
        }
    }
    svg.push_str("</g>\n");
}

/// The page. `spec` and `scene` are those map.png is drawn from; `events` the events layer.
pub fn html(
    spec: &MapSpec,
    scene: &Scene,
    events: &[EventRecord],
    marker_of: &[usize],
    notes: &[CountryNote],
) -> String {
    let (w, h) = scene.size;
    let plot = scene.view.plot;
    let sizes = &scene.sizes;
    let marks = marks(scene, events, marker_of);

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg id=\"map\" viewBox=\"{x} {y} {pw} {ph}\" role=\"img\" aria-label=\"{title}\" \
         preserveAspectRatio=\"xMidYMid meet\">",
        x = plot.x0.round(),
        y = plot.y0.round(),
        pw = plot.width().round(),
        ph = plot.height().round(),
        title = xml_escape(&scene.title),
    );
    let pal = &scene.palette;
    let _ = writeln!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        -(w as i64),
        -(h as i64),
        3 * w,
        3 * h,
        hex(if scene.sea_everywhere {
            pal.sea
        } else {
            pal.paper
        })
    );
    svg.push_str("<g id=\"basemap\">\n");
    basemap(
        &mut svg,
        (scene, notes),
        &scene.sea,
        scene.sea_everywhere,
        &scene.land,
        &scene.borders,
    );
    dots(&mut svg, scene, notes);
    svg.push_str("</g>\n");
    flows(&mut svg, scene, &scene.flows);
    // Insets (a distant cluster of places), each clipped to its frame, as in map.png.
    for (k, inset) in scene.insets.iter().enumerate() {
        let r = inset.view.plot;
        let rect = format!(
            "x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\"",
            r.x0,
            r.y0,
            r.width(),
            r.height()
        );
        let b = &inset.basemap;
        let _ = writeln!(
            svg,
            "<clipPath id=\"inset{k}\"><rect {rect}/></clipPath>\n\
             <g class=\"inset\" clip-path=\"url(#inset{k})\"><rect {rect} fill=\"{}\"/>",
            hex(if b.sea_everywhere { pal.sea } else { pal.paper })
        );
        basemap(
            &mut svg,
            (scene, notes),
            &b.sea,
            b.sea_everywhere,
            &b.land,
            &b.borders,
        );
        flows(&mut svg, scene, &inset.flows);
        let _ = writeln!(
            svg,
            "</g>\n<rect {rect} fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\"/>",
            hex(pal.frame),
            sizes.frame * 1.5
        );
    }
    let _ = writeln!(
        svg,
        "<g id=\"labels\" font-size=\"{:.1}\" fill=\"{}\" stroke=\"{}\">",
        sizes.label,
        hex(scene.palette.ink),
        hex(scene.palette.halo)
    );
    for placed in &scene.layout.labels {
        let Some(m) = scene.markers.get(placed.marker) else {
            continue;
        };
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" dominant-baseline=\"hanging\">{}</text>",
            placed.rect.x0 + sizes.halo,
            placed.rect.y0 + sizes.halo,
            xml_escape(&m.label)
        );
    }
    svg.push_str("</g>\n<g id=\"markers\">\n");
    for (i, m) in marks.iter().enumerate() {
        let symbol = style::symbol(m.action);
        let _ = writeln!(
            svg,
            "<g class=\"marker {sym}\" data-i=\"{i}\" data-x=\"{x:.1}\" data-y=\"{y:.1}\" \
             transform=\"translate({x:.1} {y:.1})\" tabindex=\"0\" role=\"button\" \
             aria-label=\"{label}\"><path d=\"{d}\" fill=\"{fill}\" stroke=\"{paper}\" \
             stroke-width=\"{sw:.1}\"/></g>",
            sym = symbol_name(symbol),
            x = m.at.0,
            y = m.at.1,
            label = xml_escape(&format!("{} in {}", m.action.title(), m.place)),
            d = symbol_path(symbol, m.r),
            fill = hex(style::color(m.action)),
            sw = sizes.marker_outline * (m.r / sizes.marker).min(1.0),
            paper = hex(scene.palette.paper),
        );
    }
    svg.push_str("</g>\n</svg>\n");

    // The legend: a choropleth's classes, or the actions present with the number of events of
    // each.
    let (heading, mut legend) = choropleth_legend(scene);
    for a in Action::ALL {
        let n = marks.iter().filter(|m| m.action == a).count();
        if n == 0 {
            continue;
        }
        let _ = writeln!(
            legend,
            "<li><svg viewBox=\"-12 -12 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\">\
             <path d=\"{}\" fill=\"{}\" stroke=\"{paper}\" stroke-width=\"1.5\"/></svg>\
             {} <span class=\"n\">{n}</span></li>",
            symbol_path(style::symbol(a), 8.0),
            hex(style::color(a)),
            a.title(),
            paper = hex(scene.palette.paper),
        );
    }

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
    let data = serde_json::to_string(&data)
        .expect("events serialise")
        .replace("</", "<\\/");

    // The legend in map.png's corner (the emptiest one); the zoom buttons in a top corner
    // free of the legend and of an inset.
    let (cx, cy) = ((plot.x0 + plot.x1) / 2.0, (plot.y0 + plot.y1) / 2.0);
    let corner =
        |r: &crate::render::extent::Rect| ((r.x0 + r.x1) / 2.0 < cx, (r.y0 + r.y1) / 2.0 < cy);
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
        title = xml_escape(&spec.title),
        heading = xml_escape(&heading),
        hover = if notes.is_empty() {
            "hover or focus a marker for its evidence"
        } else {
            "hover or focus a country for its counts and top articles"
        },
        countries = countries_data(notes),
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
#labels text { paint-order: stroke; stroke-width: 4px; stroke-linejoin: round; pointer-events: none; }
.marker { cursor: pointer; outline: none; }
.marker:hover path, .marker:focus path { stroke: {ink}; }
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

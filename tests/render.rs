//! The maps as a reader sees them: the PNG has the asked size and each highlighted country its
//! fill colour at a point inside it away from markers and labels; the SVG holds the title, the
//! legend entries and the labels as text.

mod common;

use common::*;
use opmap::action::Action;
use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use opmap::render::{style, Scene};

fn seed_spec(gazetteer: &Gazetteer) -> opmap::render::MapSpec {
    let text = std::fs::read_to_string(seed()).unwrap();
    let x = opmap::extract(gazetteer, &Article::from_text("seed", &text));
    opmap::spec::map_spec(&x.located, "Seed map", 1600, 1000)
}

#[test]
fn png_has_the_size_and_country_fills() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["map", seed().to_str().unwrap(), "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = image::open(dir.path().join("o/map.png")).unwrap().to_rgb8();
    assert_eq!(png.dimensions(), (1600, 1000));

    let gazetteer = Gazetteer::load().unwrap();
    let spec = seed_spec(&gazetteer);
    // Laid out as the command lays it out: with a subtitle (the source) below the title.
    let options = opmap::render::Options {
        subtitle: Some("Source".to_string()),
        ..Default::default()
    };
    let scene = Scene::build_with(&spec, &options, &gazetteer, (1600, 1000)).unwrap();
    // Points well inside each highlighted country (lon, lat), with the role it is filled by.
    let probes = [
        ("CA", -112.0, 62.0, Action::Seizure),
        ("US", -100.0, 36.0, Action::Seizure),
        ("FR", 0.5, 44.5, Action::Raid),
        ("RO", 22.4, 45.4, Action::Raid),
        ("BG", 23.3, 42.0, Action::Raid),
        ("GB", -1.3, 52.6, Action::Takedown),
    ];
    for (code, lon, lat, role) in probes {
        let (x, y) = scene.view_for(lon, lat).pixel(lon, lat).unwrap();
        // Away from markers and labels.
        for m in &scene.markers {
            assert!(
                (m.at.0 - x).hypot(m.at.1 - y) > 16.0,
                "{code}: probe too close to a marker"
            );
        }
        for l in &scene.layout.labels {
            assert!(
                !l.rect.inflate(4.0).contains(x, y),
                "{code}: probe under a label"
            );
        }
        // And off the flows and their arrowheads.
        for f in &scene.flows {
            let heads = f.arrow.iter().map(|a| [a[0], a[1], a[2], a[0]].to_vec());
            for line in f.pieces.iter().cloned().chain(heads) {
                for w in line.windows(2) {
                    let d = segment_distance((x, y), w[0], w[1]);
                    assert!(d > 6.0, "{code}: probe {d:.1} px from a flow");
                }
            }
        }
        let px = png.get_pixel(x.round() as u32, y.round() as u32);
        let want = style::tint(role);
        let close = (px[0] as i32 - want.0 as i32).abs() <= 3
            && (px[1] as i32 - want.1 as i32).abs() <= 3
            && (px[2] as i32 - want.2 as i32).abs() <= 3;
        assert!(
            close,
            "{code} at ({x:.0},{y:.0}): pixel {px:?}, expected {want:?}"
        );
    }
}

/// The distance from `p` to the segment `a`–`b`, pixels.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

#[test]
fn svg_keeps_title_legend_and_labels_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "map",
            seed().to_str().unwrap(),
            "--out",
            "o",
            "--title",
            "Amaq takedown & raids",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("o/map.svg")).unwrap();
    let texts: Vec<String> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].to_string())
        })
        .collect();
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    assert!(has("Amaq takedown &amp; raids"), "title missing: {texts:?}");
    for entry in [
        "Seizure",
        "Raid",
        "Takedown",
        "Coordination",
        "Participation",
    ] {
        assert!(has(entry), "legend entry {entry} missing");
    }
    assert!(
        !has("Arrest"),
        "legend lists an action that is not on the map"
    );
    for label in [
        "Netherlands",
        "Canada",
        "United States",
        "Bulgaria",
        "France",
        "Romania",
        "United Kingdom",
    ] {
        assert!(has(label), "label {label} missing");
    }
    assert!(
        has("Natural Earth") && has("GeoNames"),
        "attribution missing"
    );
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio, 1 to 21.
fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `#rrggbb`, `rgb(r,g,b)` or `rgba(r,g,b,a)` as a colour and its opacity.
fn parse_colour(text: &str) -> ((f64, f64, f64), f64) {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let c = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
        return ((c(0), c(2), c(4)), 1.0);
    }
    let inner = text
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')');
    let v: Vec<f64> = inner
        .split(',')
        .map(|p| p.trim().parse().unwrap())
        .collect();
    ((v[0], v[1], v[2]), v.get(3).copied().unwrap_or(1.0))
}

/// The worst contrast of text in `ink` on a fill of `fill` at `opacity`, whatever lies beneath
/// a translucent fill (anything from black to white).
fn worst_contrast(ink: (f64, f64, f64), fill: (f64, f64, f64), opacity: f64) -> f64 {
    [(0.0, 0.0, 0.0), (255.0, 255.0, 255.0)]
        .into_iter()
        .map(|under| {
            let mix = |f: f64, u: f64| f * opacity + u * (1.0 - opacity);
            let bg = (
                mix(fill.0, under.0),
                mix(fill.1, under.1),
                mix(fill.2, under.2),
            );
            contrast(ink, bg)
        })
        .fold(f64::INFINITY, f64::min)
}

/// An attribute's value in an SVG or HTML element's text.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&element[start..start + element[start..].find('"')?])
}

/// Issue 15: on the dark theme the legend's counts were hard to read: the legend box was 92 %
/// opaque, so the map showed through it (in map.html a white box over the dark map, counts
/// 4.47:1). Every legend text must reach WCAG AA (4.5:1) against the legend box, whatever
/// lies beneath it, in map.svg (and so map.png, drawn from the same scene) and in map.html.
#[test]
fn legend_text_contrast_meets_wcag_aa() {
    use opmap::render::options::Theme;
    let gazetteer = Gazetteer::load().unwrap();
    let spec = seed_spec(&gazetteer);
    let dir = tempfile::tempdir().unwrap();
    for (theme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
        let options = opmap::render::Options {
            theme,
            ..Default::default()
        };
        let svg = opmap::render::svg_with(&spec, &options, &gazetteer).unwrap();
        // The legend group: its box (the first path, filled, opaque), then its texts.
        let start = svg
            .find("<g id=\"legend\">")
            .unwrap_or_else(|| panic!("{name}: no legend group in {svg}"));
        let legend = &svg[start..start + svg[start..].find("</g>").unwrap()];
        let elements: Vec<&str> = legend.split('<').collect();
        let fill = elements
            .iter()
            .find(|e| e.starts_with("path"))
            .expect("the legend box");
        let (box_colour, _) = parse_colour(attribute(fill, "fill").unwrap());
        let opacity: f64 = attribute(fill, "fill-opacity").map_or(1.0, |o| o.parse().unwrap());
        assert!(legend.contains(">Actions</text>"), "{name}: legend title");
        let mut texts = 0;
        for e in elements.iter().filter(|e| e.starts_with("text")) {
            let (ink, _) = parse_colour(attribute(e, "fill").unwrap());
            let ratio = worst_contrast(ink, box_colour, opacity);
            let text = e.split('>').nth(1).unwrap_or("").trim();
            assert!(
                ratio >= 4.5,
                "{name} map.svg: legend text {text:?} at {ratio:.2}:1"
            );
            texts += 1;
        }
        assert!(texts >= 11, "{name}: {texts} legend texts");

        let out = run(
            dir.path(),
            &[
                "map",
                seed().to_str().unwrap(),
                "--theme",
                name,
                "--formats",
                "html",
                "--out",
                name,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let html = std::fs::read_to_string(dir.path().join(name).join("map.html")).unwrap();
        let rule = |selector: &str| -> &str {
            let at = html
                .find(&format!("\n{selector} {{"))
                .unwrap_or_else(|| panic!("no CSS rule {selector}"));
            let body = &html[at + selector.len() + 3..];
            &body[..body.find('}').unwrap()]
        };
        let property = |selector: &str, name: &str| -> Option<String> {
            rule(selector).split(';').find_map(|d| {
                let (k, v) = d.split_once(':')?;
                (k.trim() == name).then(|| v.trim().to_string())
            })
        };
        let (background, opacity) = parse_colour(&property("#legend", "background").unwrap());
        let legend_ink = property("#legend", "color")
            .or_else(|| property("body", "color"))
            .unwrap();
        for (what, ink) in [
            ("legend text", legend_ink),
            ("legend counts", property("#legend .n", "color").unwrap()),
        ] {
            let ratio = worst_contrast(parse_colour(&ink).0, background, opacity);
            assert!(ratio >= 4.5, "{name} map.html: {what} at {ratio:.2}:1");
        }
    }
}

/// Issue 12: map.svg is what a graphics desk can edit: a group per layer with an id, in
/// painting order; coordinates to 0.01 pixel (sub-pixel, not whole pixels) with no float
/// noise; each label written once, its halo a stroke beneath it, no sentinel colour.
#[test]
fn svg_has_a_named_group_per_layer_and_hundredth_pixel_numbers() {
    let gazetteer = Gazetteer::load().unwrap();
    let spec = seed_spec(&gazetteer);
    let svg = opmap::render::svg(&spec, &gazetteer).unwrap();
    let ids: Vec<&str> = svg
        .split("<g id=\"")
        .skip(1)
        .map(|g| &g[..g.find('"').unwrap()])
        .collect();
    let mut want = vec!["background", "basemap", "countries", "borders", "flows"];
    want.extend(["inset-1", "inset-1-basemap", "inset-1-countries"]);
    want.extend(["inset-1-borders", "inset-1-flows", "markers", "labels"]);
    want.extend(["legend", "margins", "frame", "title", "credits", "scale"]);
    assert_eq!(ids, want, "the groups of map.svg, in painting order");

    // Every number: digits, at most two decimals, no trailing zero, no exponent.
    let mut numbers = 0;
    let mut fractions = 0;
    for attr in svg.split('"').skip(1).step_by(2) {
        if attr.starts_with('#')
            || attr
                .chars()
                .any(|c| c.is_ascii_alphabetic() && !"MLZ".contains(c))
        {
            continue;
        }
        for n in attr.split(['M', 'L', 'Z', ' ']).filter(|n| !n.is_empty()) {
            let digits = n.strip_prefix('-').unwrap_or(n);
            let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
            assert!(
                !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()),
                "number {n:?} in {attr:.80}"
            );
            assert!(
                frac.len() <= 2 && frac.chars().all(|c| c.is_ascii_digit()) && !frac.ends_with('0'),
                "number {n:?} has float noise"
            );
            numbers += 1;
            fractions += usize::from(!frac.is_empty());
        }
    }
    assert!(numbers > 10_000, "{numbers} numbers");
    assert!(
        fractions * 2 > numbers,
        "coordinates are sub-pixel: {fractions} of {numbers} have a fraction"
    );
    assert!(
        !svg.contains("font-size=\"15.0000"),
        "no float noise in font sizes"
    );

    // Labels: once each, haloed by a stroke painted beneath the glyphs.
    let labels = &svg[svg.find("<g id=\"labels\">").unwrap()..];
    let labels = &labels[..labels.find("</g>").unwrap()];
    for m in &spec.markers {
        let text = format!(">{}</text>", m.label.replace('&', "&amp;"));
        assert_eq!(svg.matches(&text).count(), 1, "{} written once", m.label);
        assert!(labels.contains(&text), "{} in the labels group", m.label);
    }
    assert_eq!(
        labels.matches("<text").count(),
        labels.matches("paint-order=\"stroke\"").count(),
        "every label has its halo as a stroke"
    );
    assert!(
        !svg.to_ascii_uppercase().contains("#FFFFFE"),
        "no sentinel colour"
    );
}

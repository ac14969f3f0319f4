//! Map snapshots and layout invariants on three stories: the seed (Europe and North America,
//! drawn with an inset), a single-country story (Spain) and one spanning the antimeridian
//! (the US, Japan, Australia, New Zealand, Fiji); and a snapshot of the batch choropleth of the
//! repository's articles; and of the bar charts (issue 13) of the seed and of that batch, and
//! the timeline of the real evaluation articles.
//!
//! Each case's SVG, with every number rounded to a whole pixel, must equal
//! `tests/snapshots/<case>.svg`. A missing snapshot fails. `OPMAP_BLESS=1 cargo test --test
//! snapshots` (re)writes the snapshots, and the PNGs shown in the README
//! (`tests/snapshots/<case>.png`).

use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use opmap::render::{self, MapSpec, Options, Scene};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

/// (case name, article path relative to the repository).
const CASES: [(&str, &str); 3] = [
    ("seed", "seeds/europol-amaq-takedown.txt"),
    ("single_country", "tests/articles/single_country.txt"),
    ("antimeridian", "tests/articles/antimeridian.txt"),
];

fn case(path: &str) -> (MapSpec, Options) {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let article = Article::from_text(path, &text);
    let x = opmap::extract(gazetteer(), &article);
    // The title and subtitle `opmap map` gives without --title and --subtitle.
    let title = opmap::title::title(&text, None, &x.located, x.date);
    let spec = opmap::spec::map_spec(&x.located, &title, 1600, 1000);
    let options = Options {
        subtitle: Some(opmap::title::subtitle(x.date.map(|d| d.date), &[path])),
        ..Options::default()
    };
    (spec, options)
}

/// Every number with a fraction rounded to a whole one ("12.75" → "13"), so that the
/// snapshots do not change with the last bits of floating point.
fn round_numbers(svg: &str) -> String {
    let bytes = svg.as_bytes();
    let mut out = String::with_capacity(svg.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let starts_number =
            c.is_ascii_digit() || (c == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        let after_word = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'#');
        if starts_number && !after_word {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
            let text = &svg[i..j];
            match text.parse::<f64>() {
                Ok(v) if text.contains('.') => {
                    let r = v.round();
                    out.push_str(&format!("{}", if r == 0.0 { 0.0 } else { r }));
                }
                _ => out.push_str(text),
            }
            i = j;
        } else {
            let ch = svg[i..].chars().next().expect("in bounds");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn bless() -> bool {
    std::env::var_os("OPMAP_BLESS").is_some_and(|v| v == "1")
}

fn check_snapshot(name: &str, got: &str) {
    let path = root().join("tests/snapshots").join(format!("{name}.svg"));
    if bless() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}: run `OPMAP_BLESS=1 cargo test --test snapshots` and review it",
            path.display()
        )
    });
    if want != got {
        let diff = first_difference(&want, got);
        let dump = std::env::temp_dir().join(format!("opmap-snapshot-{name}.svg"));
        std::fs::write(&dump, got).unwrap();
        panic!(
            "{name}: the SVG differs from {} (got written to {}).\n{diff}\n\
             If the change is intended: OPMAP_BLESS=1 cargo test --test snapshots",
            path.display(),
            dump.display()
        );
    }
}

/// The first differing line, expected against got.
fn first_difference(want: &str, got: &str) -> String {
    for (n, (a, b)) in want.lines().zip(got.lines()).enumerate() {
        if a != b {
            let cut = |s: &str| s.chars().take(300).collect::<String>();
            return format!(
                "line {}:\n  expected: {}\n       got: {}",
                n + 1,
                cut(a),
                cut(b)
            );
        }
    }
    format!(
        "lengths differ: expected {} lines, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

fn write_png(name: &str, spec: &MapSpec, options: &Options) {
    if bless() {
        let png = render::png_with(spec, options, gazetteer()).unwrap();
        let path = root().join("tests/snapshots").join(format!("{name}.png"));
        std::fs::write(path, png).unwrap();
    }
}

#[test]
fn svg_snapshots() {
    for (name, path) in CASES {
        let (spec, options) = case(path);
        let svg = render::svg_with(&spec, &options, gazetteer()).unwrap();
        check_snapshot(name, &round_numbers(&svg));
        write_png(name, &spec, &options);
    }
}

/// The aggregate map of `opmap batch` over the repository's articles (`tests/articles` and the
/// held-out set), as the README shows it.
fn batch_case() -> (MapSpec, Options, opmap::charts::BarChart) {
    // The articles alone (the held-out folder also holds its README and gold files).
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for folder in ["tests/articles", "tests/eval/synthetic"] {
        for entry in std::fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                std::fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let inputs = [articles.display().to_string()];
    let options = opmap::batch::Options {
        out_dir: dir.path().join("out"),
        quiet: true,
        ..Default::default()
    };
    let summary = opmap::batch::run(gazetteer(), &inputs, &options).unwrap();
    let title = format!("{} articles: countries with an action", summary.articles);
    let spec = opmap::batch::map_spec(&summary.countries, &title);
    let options = Options {
        subtitle: Some("Source: tests/articles, tests/eval/synthetic".to_string()),
        ..Options::default()
    };
    let chart = opmap::batch::corpus_chart(&summary.countries, &title, &options);
    (spec, options, chart)
}

/// The batch choropleth: a world map with crowded European labels. Snapshot `batch.svg`; the
/// PNG is the one the README shows.
#[test]
fn batch_map_snapshot() {
    let (spec, options, chart) = batch_case();
    let svg = render::svg_with(&spec, &options, gazetteer()).unwrap();
    check_snapshot("batch", &round_numbers(&svg));
    write_png("batch", &spec, &options);
    check_chart("chart_batch", &chart, &options);
}

/// Snapshots a bar chart's SVG (`tests/snapshots/<name>.svg`) and, when blessing, writes its
/// PNG (`<name>.png`, the image the README shows).
fn check_chart(name: &str, chart: &opmap::charts::BarChart, options: &Options) {
    use opmap::charts::{bars, Look};
    let look = Look::new(1600, options);
    let svg = bars::svg(chart, &look, "chart.svg").unwrap();
    check_snapshot(name, &round_numbers(&svg));
    if bless() {
        let png = bars::png(chart, &look, "chart.png").unwrap();
        std::fs::write(root().join(format!("tests/snapshots/{name}.png")), png).unwrap();
    }
}

/// The bar chart of the seed map (issue 13): a bar per country, stacked by action, longest
/// first; the Netherlands' coordination a green segment of its own.
#[test]
fn seed_chart_snapshot() {
    let (path, text) = ("seeds/europol-amaq-takedown.txt", seed_text());
    let x = opmap::extract(gazetteer(), &Article::from_text(path, &text));
    let title = opmap::title::title(&text, None, &x.located, x.date);
    let options = Options {
        subtitle: Some(opmap::title::subtitle(x.date.map(|d| d.date), &[path])),
        ..Options::default()
    };
    let subtitle = opmap::charts::subtitle(&title, options.subtitle.as_deref());
    let chart = opmap::charts::BarChart::of_events(&x.located, opmap::charts::BAR_TITLE, subtitle);
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels[..2], ["Canada", "Netherlands"]);
    assert_eq!(chart.bars[1].counts, [1, 0, 0, 0, 1, 0]);
    check_chart("chart_seed", &chart, &options);
}

/// The timeline of `opmap batch` over the real evaluation articles (dev and held-out), as the
/// README shows it: articles per month, stacked by action, where the articles have dates.
#[test]
fn timeline_snapshot() {
    use opmap::charts::{timeline, Look};
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("real");
    std::fs::create_dir(&articles).unwrap();
    for folder in ["tests/eval/real/dev", "tests/eval/real/heldout"] {
        for entry in std::fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                std::fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let options = opmap::batch::Options {
        out_dir: dir.path().join("out"),
        quiet: true,
        ..Default::default()
    };
    let summary =
        opmap::batch::run(gazetteer(), &[articles.display().to_string()], &options).unwrap();
    let subtitle = Some("Source: tests/eval/real (dev and held-out), dated articles".to_string());
    let t = opmap::charts::Timeline::of_days(&summary.days, subtitle).unwrap();
    assert_eq!(t.period, timeline::Period::Month);
    let look = Look::new(1600, &Options::default());
    let svg = timeline::svg(&t, &look, "timeline.svg").unwrap();
    check_snapshot("timeline", &round_numbers(&svg));
    if bless() {
        let png = timeline::png(&t, &look, "timeline.png").unwrap();
        std::fs::write(root().join("tests/snapshots/timeline.png"), png).unwrap();
    }
}

fn seed_text() -> String {
    std::fs::read_to_string(root().join("seeds/europol-amaq-takedown.txt")).unwrap()
}

/// True when (`x`, `y`) lies inside the ring (even-odd rule).
fn inside(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut ins = false;
    for (k, a) in ring.iter().enumerate() {
        let b = ring[(k + 1) % ring.len()];
        let (ax, ay, bx, by) = (a.0, a.1, b.0, b.1);
        if (ay > y) != (by > y) && x < ax + (y - ay) / (by - ay) * (bx - ax) {
            ins = !ins;
        }
    }
    ins
}

/// Issue 15: on the batch map at 1600×1000, the United Kingdom, Netherlands, Germany and
/// France labels stacked over each other's countries with no leader, so a reader could not
/// tell which label was whose. Every country label now sits at least half on its own country,
/// or is set off with a leader long enough to see from a dot on its country.
#[test]
fn batch_map_labels_sit_on_their_country_or_take_a_leader() {
    let (spec, options, _) = batch_case();
    let scene = Scene::build_with(&spec, &options, gazetteer(), (1600, 1000)).unwrap();
    let labelled: BTreeSet<&str> = scene.area_labels.iter().map(|l| l.code.as_str()).collect();
    for code in ["GB", "NL", "DE", "FR", "US"] {
        assert!(labelled.contains(code), "{code} has no label: {labelled:?}");
    }
    for label in &scene.area_labels {
        let own: Vec<&[(f64, f64)]> = scene
            .land
            .iter()
            .filter(|a| a.code == label.code)
            .map(|a| a.ring.as_slice())
            .collect();
        let r = &label.rect;
        let samples: Vec<(f64, f64)> = (0..9)
            .flat_map(|i| {
                (0..3).map(move |j| {
                    (
                        r.x0 + (i as f64 + 0.5) / 9.0 * (r.x1 - r.x0),
                        r.y0 + (j as f64 + 0.5) / 3.0 * (r.y1 - r.y0),
                    )
                })
            })
            .collect();
        let on = samples
            .iter()
            .filter(|&&(x, y)| own.iter().any(|ring| inside(ring, x, y)))
            .count();
        match label.leader {
            None => assert!(
                2 * on >= samples.len(),
                "{} sits only {on}/{} on its country, with no leader",
                label.text,
                samples.len()
            ),
            Some((a, b)) => {
                let length = (b.0 - a.0).hypot(b.1 - a.1);
                assert!(length >= 8.0, "{}: a leader of {length:.1} px", label.text);
            }
        }
    }
}

#[test]
fn rounding_keeps_names_and_colours() {
    assert_eq!(
        round_numbers(r##"<path d="M 1.6 -2.5 L 10.49,3" fill="#1F1F1F" id="a1.5"/>"##),
        r##"<path d="M 2 -3 L 10,3" fill="#1F1F1F" id="a1.5"/>"##
    );
}

/// The layout invariants on each case: labels inside their frame, off each other, off
/// markers, off the legend and off insets they do not belong to; every event inside its
/// view's frame; legend entries equal to the actions present.
#[test]
fn layouts_hold_their_invariants() {
    for (name, path) in CASES {
        let (spec, options) = case(path);
        for (w, h) in [(1600, 1000), (800, 500)] {
            let mut spec = spec.clone();
            (spec.width, spec.height) = (w, h);
            let scene = Scene::build_with(&spec, &options, gazetteer(), (w, h)).unwrap();
            check_scene(&format!("{name} {w}x{h}"), &spec, &scene);
        }
    }
}

fn check_scene(name: &str, spec: &MapSpec, scene: &Scene) {
    let map = scene.view.plot;
    let frames: Vec<_> = scene.insets.iter().map(|i| i.view.plot).collect();
    // Every event inside its view's frame, and off insets it does not belong to.
    for (i, m) in spec.markers.iter().enumerate() {
        let view = scene.view_of(i);
        let (x, y) = view.pixel(m.point.x(), m.point.y()).unwrap();
        assert!(
            view.plot.contains(x, y),
            "{name}: {} at ({x:.0}, {y:.0}) outside its frame",
            m.label
        );
        let own = scene.insets.iter().position(|s| s.markers.contains(&i));
        for (k, f) in frames.iter().enumerate() {
            if own != Some(k) {
                assert!(!f.contains(x, y), "{name}: {} under inset {k}", m.label);
            }
        }
        let at = scene.markers[i].at;
        assert!(map.contains(at.0, at.1), "{name}: marker {i} off the map");
    }
    // Legend entries: exactly the actions present.
    let present: BTreeSet<_> = spec
        .markers
        .iter()
        .flat_map(|m| m.actions.clone())
        .collect();
    let legend = scene.legend.as_ref().expect("a legend");
    let listed: BTreeSet<_> = legend.entries.iter().map(|e| e.0).collect();
    assert_eq!(listed, present, "{name}: legend entries");
    assert_eq!(legend.flows, !spec.flows.is_empty(), "{name}: flows row");
    for f in &frames {
        assert!(!legend.rect.intersects(f), "{name}: legend over the inset");
    }
    // Labels.
    let labels = &scene.layout.labels;
    assert_eq!(labels.len(), spec.markers.len(), "{name}: one label each");
    for (i, a) in labels.iter().enumerate() {
        assert!(!a.forced, "{name}: label {i} was forced");
        let own = scene.insets.iter().position(|s| s.markers.contains(&i));
        let frame = own.map_or(map, |k| frames[k]);
        assert!(
            frame.contains_rect(&a.rect),
            "{name}: label {i} leaves its frame"
        );
        for (k, f) in frames.iter().enumerate() {
            if own != Some(k) {
                assert!(!a.rect.intersects(f), "{name}: label {i} over inset {k}");
            }
        }
        assert!(
            !a.rect.intersects(&legend.rect),
            "{name}: label {i} on the legend"
        );
        for (j, b) in labels.iter().enumerate().skip(i + 1) {
            assert!(
                !a.rect.intersects(&b.rect),
                "{name}: labels {i} and {j} overlap"
            );
        }
        for (j, m) in scene.markers.iter().enumerate() {
            assert!(
                a.rect.distance(m.at.0, m.at.1) >= scene.sizes.marker,
                "{name}: label {i} covers marker {j}"
            );
        }
    }
}

#[test]
fn the_seed_gets_an_inset_for_north_america() {
    let (spec, options) = case(CASES[0].1);
    let scene = Scene::build_with(&spec, &options, gazetteer(), (1600, 1000)).unwrap();
    assert_eq!(scene.insets.len(), 1);
    let inset: BTreeSet<&str> = scene.insets[0]
        .markers
        .iter()
        .map(|&i| spec.markers[i].label.as_str())
        .collect();
    assert_eq!(inset, BTreeSet::from(["Canada", "United States"]));
    assert!(scene.scale_bar.is_some(), "a regional view has a scale bar");
    // `--inset off`: one view holds everything.
    let off = Options {
        inset: render::options::InsetMode::Off,
        ..options.clone()
    };
    let scene = Scene::build_with(&spec, &off, gazetteer(), (1600, 1000)).unwrap();
    assert!(scene.insets.is_empty());
    check_scene("seed inset off", &spec, &scene);
}

#[test]
fn the_antimeridian_story_is_centred_on_the_pacific() {
    let (spec, options) = case(CASES[2].1);
    let scene = Scene::build_with(&spec, &options, gazetteer(), (1600, 1000)).unwrap();
    assert!(scene.insets.is_empty());
    let lon0 = scene.view.projection.lon0();
    assert!(lon0.abs() > 120.0, "central meridian {lon0}");
    assert!(scene.scale_bar.is_none(), "no scale bar on a world map");
    // No flow piece jumps across the map.
    for f in &scene.flows {
        for piece in &f.pieces {
            for w in piece.windows(2) {
                let dx = (w[1].0 - w[0].0).abs();
                assert!(dx < scene.view.plot.width() / 4.0, "a flow jumps {dx} px");
            }
        }
    }
}

#[test]
fn options_change_the_view() {
    use render::options::{ExtentChoice, ProjectionChoice, Theme};
    let (spec, options) = case(CASES[1].1);
    let cases = [
        (ProjectionChoice::EqualEarth, ExtentChoice::World),
        (ProjectionChoice::Laea, ExtentChoice::Europe),
        (ProjectionChoice::Mercator, ExtentChoice::Auto),
        (
            ProjectionChoice::PlateCarree,
            "-20,30,10,50".parse().unwrap(),
        ),
        (ProjectionChoice::Auto, "170,-50,-170,-10".parse().unwrap()),
    ];
    // The Pacific box holds none of Spain's places: all are listed as outside.
    let o = Options {
        extent: "170,-50,-170,-10".parse().unwrap(),
        ..options.clone()
    };
    let scene = Scene::build_with(&spec, &o, gazetteer(), (800, 500)).unwrap();
    let labels: Vec<_> = spec.markers.iter().map(|m| m.label.clone()).collect();
    assert_eq!(scene.outside, labels);
    // Europe holds them all.
    let o = Options {
        extent: ExtentChoice::Europe,
        ..options.clone()
    };
    let scene = Scene::build_with(&spec, &o, gazetteer(), (800, 500)).unwrap();
    assert!(scene.outside.is_empty());
    assert_eq!(scene.markers.len(), spec.markers.len());
    {
        for (projection, extent) in cases {
            let o = Options {
                projection,
                extent,
                theme: Theme::Dark,
                ..options.clone()
            };
            let scene = Scene::build_with(&spec, &o, gazetteer(), (800, 500)).unwrap();
            // Places outside a fixed extent are left out and listed, never drawn off-frame.
            let shown = MapSpec {
                markers: (spec.markers.iter())
                    .filter(|m| !scene.outside.contains(&m.label))
                    .cloned()
                    .collect(),
                ..spec.clone()
            };
            if shown.markers.is_empty() {
                assert!(scene.markers.is_empty() && scene.layout.labels.is_empty());
                continue;
            }
            check_scene(&format!("{projection:?} {extent:?}"), &shown, &scene);
        }
    }
}

#[test]
fn scale_draws_the_same_layout_larger() {
    let (mut spec, mut options) = case(CASES[0].1);
    let one = Scene::build_with(&spec, &options, gazetteer(), (1600, 1000)).unwrap();
    (spec.width, spec.height, options.scale) = (4800, 3000, 3);
    let three = Scene::build_with(&spec, &options, gazetteer(), (4800, 3000)).unwrap();
    for (a, b) in one.layout.labels.iter().zip(&three.layout.labels) {
        assert!((a.rect.x0 * 3.0 - b.rect.x0).abs() < 6.0, "{a:?} vs {b:?}");
        assert!((a.rect.y0 * 3.0 - b.rect.y0).abs() < 6.0, "{a:?} vs {b:?}");
    }
}

#[test]
fn alt_text_has_a_sentence_per_action() {
    let (spec, _) = case(CASES[0].1);
    let text = render::alt_text(&spec);
    for s in [
        "Seizures (squares): ",
        "Raids (triangles): Bulgaria, France and Romania.",
        "Takedowns (crosses): United Kingdom.",
        "Coordination (a star): ",
        "Arrows run from ",
    ] {
        assert!(text.contains(s), "{s:?} in {text}");
    }
    assert!(!text.contains("Arrests"));
    let _ = Path::new("");
}

/// The binary outlines the renderer reads hold exactly the GeoJSON outlines they were made
/// from (`gazetteer/outlines_bin.py`).
#[test]
fn binary_outlines_equal_the_geojson() {
    use opmap::gazetteer::{self as g};
    for (bin, json) in [
        (g::OUTLINES_50M_BIN, g::OUTLINES_50M),
        (g::OUTLINES_110M_BIN, g::OUTLINES_110M),
    ] {
        let a = g::decode_outlines(bin).unwrap();
        let b = g::parse_outlines(json).unwrap();
        assert_eq!(a.len(), b.len());
        assert!(
            a == b,
            "gazetteer/countries-*.bin is stale: run python3 gazetteer/outlines_bin.py"
        );
    }
    assert!(g::decode_outlines(b"OPMAPOL1\x05").is_err());
    assert!(g::decode_outlines(b"nope").is_err());
}

//! Issue 13, "Insets without crossings": on every map with an inset, no segment of a flow
//! drawn in the main view (its line or its arrowhead) enters an inset's rectangle; a flow to a
//! place drawn in an inset ends at the main view's edge, by the inset, with an arrowhead
//! pointing at that place, and is not drawn again inside the inset.
//!
//! Checked on the layout value ([`Scene`]) of the seed, the test articles and every evaluation
//! article (dev, held-out and synthetic), each run through the library as `tests/snapshots.rs`
//! does. Failures name the article's file only, never its text.

use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use opmap::render::extent::Rect;
use opmap::render::geometry::{clip_segment, Px};
use opmap::render::{FlowLine, MapSpec, Options, Scene};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

/// The seed, then every `.txt` of the test and evaluation folders, sorted.
fn articles() -> Vec<PathBuf> {
    let mut all = vec![root().join("seeds/europol-amaq-takedown.txt")];
    for folder in [
        "tests/articles",
        "tests/eval/real/dev",
        "tests/eval/real/heldout",
        "tests/eval/synthetic",
    ] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        assert!(!found.is_empty(), "no article in {folder}");
        found.sort();
        all.extend(found);
    }
    all
}

/// The map of an article, as `tests/snapshots.rs` makes it.
fn spec_of(path: &Path, width: u32, height: u32) -> MapSpec {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.display().to_string();
    let article = Article::from_text(&name, &text);
    let x = opmap::extract(gazetteer(), &article);
    let title = opmap::title_from_text(&text, 90);
    opmap::spec::map_spec(&x.located, &title, width, height)
}

/// True when segment `a`–`b` runs inside `r` over more than a hair (touching its edge is
/// allowed: the frame line is drawn over it).
fn enters(a: Px, b: Px, r: &Rect) -> bool {
    clip_segment(a, b, &r.inflate(-0.5)).is_some_and(|(p, q)| (q.0 - p.0).hypot(q.1 - p.1) > 1e-6)
}

/// The segments of a flow as drawn: its pieces and its arrowhead's outline.
fn segments(line: &FlowLine) -> Vec<(Px, Px)> {
    let mut out: Vec<(Px, Px)> = line
        .pieces
        .iter()
        .flat_map(|p| p.windows(2).map(|w| (w[0], w[1])))
        .collect();
    if let Some([a, b, c]) = line.arrow {
        out.extend([(a, b), (b, c), (c, a)]);
    }
    out
}

/// What one scene breaks, as messages naming `name` and the flow's index, never a place.
fn crossings(name: &str, scene: &Scene) -> Vec<String> {
    let mut found = Vec::new();
    let frames: Vec<Rect> = scene.insets.iter().map(|i| i.view.plot).collect();
    for (f, line) in scene.flows.iter().enumerate() {
        for (k, r) in frames.iter().enumerate() {
            if segments(line).iter().any(|&(a, b)| enters(a, b, r)) {
                found.push(format!(
                    "{name}: flow {f} of the main view enters inset {k}"
                ));
            }
        }
        let to_inset = line
            .to
            .and_then(|m| scene.insets.iter().position(|i| i.markers.contains(&m)));
        let from_same = |k: usize| {
            line.from
                .is_some_and(|m| scene.insets[k].markers.contains(&m))
        };
        let Some(k) = to_inset.filter(|&k| !from_same(k)) else {
            continue;
        };
        found.extend(ends_by_the_inset(name, f, line, scene, k));
        if scene.insets[k]
            .flows
            .iter()
            .any(|l| l.to == line.to && l.from == line.from)
        {
            found.push(format!("{name}: flow {f} drawn again inside inset {k}"));
        }
    }
    found
}

/// A flow of the main view to a place in inset `k`: its arrowhead's tip lies by the inset's
/// frame and the arrowhead points at the place's marker.
fn ends_by_the_inset(
    name: &str,
    f: usize,
    line: &FlowLine,
    scene: &Scene,
    k: usize,
) -> Vec<String> {
    let Some([tip, b1, b2]) = line.arrow else {
        return vec![format!("{name}: flow {f} to inset {k} has no arrowhead")];
    };
    let mut found = Vec::new();
    let frame = scene.insets[k].view.plot;
    let gap = frame.distance(tip.0, tip.1);
    if gap > 4.0 * scene.sizes.scale + 1.0 {
        found.push(format!("{name}: flow {f} ends {gap:.1} px from inset {k}"));
    }
    let base = ((b1.0 + b2.0) / 2.0, (b1.1 + b2.1) / 2.0);
    let target = scene.markers[line.to.expect("a flow to the inset")].at;
    let (u, v) = (
        (tip.0 - base.0, tip.1 - base.1),
        (target.0 - tip.0, target.1 - tip.1),
    );
    let cos = (u.0 * v.0 + u.1 * v.1) / (u.0.hypot(u.1) * v.0.hypot(v.1));
    if cos < 0.99 {
        found.push(format!(
            "{name}: flow {f}'s arrowhead points away from its place ({cos:.2})"
        ));
    }
    found
}

#[test]
fn no_flow_of_the_main_view_crosses_an_inset() {
    let (mut maps, mut with_inset, mut to_insets) = (0, 0, 0);
    let mut broken = Vec::new();
    for path in articles() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for (w, h) in [(1600, 1000), (800, 500)] {
            let spec = spec_of(&path, w, h);
            if spec.markers.is_empty() {
                continue;
            }
            let scene = Scene::build_with(&spec, &Options::default(), gazetteer(), (w, h)).unwrap();
            maps += 1;
            with_inset += usize::from(!scene.insets.is_empty());
            to_insets += scene
                .flows
                .iter()
                .filter(|l| {
                    l.to.is_some_and(|m| scene.insets.iter().any(|i| i.markers.contains(&m)))
                })
                .count();
            broken.extend(crossings(&format!("{name} {w}x{h}"), &scene));
        }
    }
    eprintln!("{maps} maps, {with_inset} with an inset, {to_insets} flows to an inset place");
    // The seed alone has an inset and two flows to it: the check is not empty.
    assert!(
        with_inset >= 2 && to_insets >= 4,
        "{with_inset} insets, {to_insets} flows"
    );
    assert!(
        broken.is_empty(),
        "{} problems:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

//! Label placement: where each marker's label goes, computed before anything is drawn.
//!
//! In: the markers (pixel discs), the size of each label's text, the frame labels must stay in
//! and the boxes they must keep off (legend). Out: a [`Layout`], one box per marker, none
//! dropped.
//!
//! Greedy, most crowded marker first: the eight classic positions around the marker (right,
//! upper right, lower right, left, …), then rings of sixteen positions farther out, with a
//! leader line back to the marker. The first box that stays in the frame and clear of every
//! other label, marker and obstacle wins; when none does, the box overlapping least is kept,
//! so no label is ever dropped.

use super::extent::Rect;

/// A marker as the layout sees it: a disc in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Disc {
    /// Centre x, pixels.
    pub x: f64,
    /// Centre y, pixels (down).
    pub y: f64,
    /// Radius, pixels (including the outline and any pips).
    pub r: f64,
}

/// One placed label.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index of its marker.
    pub marker: usize,
    /// The box the label (with its halo) covers, pixels.
    pub rect: Rect,
    /// A line from the marker's edge to the box, when the label was moved away.
    pub leader: Option<((f64, f64), (f64, f64))>,
    /// True when every candidate collided and this is the least bad one.
    pub forced: bool,
}

/// Where every label goes: `labels[i]` belongs to marker `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// One per marker, in marker order.
    pub labels: Vec<Placed>,
}

/// What to lay out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// The markers.
    pub markers: Vec<Disc>,
    /// The size (width, height) of each marker's label box, pixels, halo included.
    pub sizes: Vec<(f64, f64)>,
    /// Labels stay inside this.
    pub frame: Rect,
    /// Labels stay off these (the legend).
    pub obstacles: Vec<Rect>,
    /// Lines labels should rather not cross (flows), pixels; crossing one is allowed.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Space between a marker and its label, pixels.
    pub gap: f64,
    /// Inset frames: a marker with a zone keeps its label inside that frame; every other
    /// label keeps off it.
    pub zones: Vec<Rect>,
    /// The zone of each marker (`None`: the main map), by marker index; may be empty.
    pub zone_of: Vec<Option<usize>>,
}

impl Problem {
    fn zone(&self, i: usize) -> Option<usize> {
        self.zone_of.get(i).copied().flatten()
    }

    /// The frame marker `i`'s label stays in.
    pub(crate) fn frame_of(&self, i: usize) -> Rect {
        match self.zone(i) {
            Some(k) => self.zones[k].inflate(-self.gap),
            None => self.frame,
        }
    }
}

/// Rings of candidates tried after the first (each a label height farther out).
const RINGS: usize = 14;

/// Lays the labels out. Deterministic: the same problem gives the same layout.
pub(crate) fn place(problem: &Problem) -> Layout {
    let n = problem.markers.len();
    let mut order: Vec<usize> = (0..n).collect();
    // Most crowded first: the number of other markers within a few label heights.
    let crowd = |i: usize| {
        let m = problem.markers[i];
        let reach = problem.sizes[i].0.max(4.0 * problem.sizes[i].1);
        problem
            .markers
            .iter()
            .filter(|o| (o.x - m.x).hypot(o.y - m.y) < reach)
            .count()
    };
    order.sort_by_key(|&i| (std::cmp::Reverse(crowd(i)), i));

    let mut placed: Vec<Option<Placed>> = vec![None; n];
    let mut boxes: Vec<Rect> = Vec::with_capacity(n);
    for &i in &order {
        let label = place_one(problem, i, &boxes);
        boxes.push(label.rect);
        placed[i] = Some(label);
    }
    Layout {
        labels: placed.into_iter().flatten().collect(),
    }
}

fn place_one(problem: &Problem, i: usize, boxes: &[Rect]) -> Placed {
    let m = problem.markers[i];
    let (w, h) = problem.sizes[i];
    let mut best: Option<(f64, Rect, usize)> = None;
    // In the nearest ring with clear candidates, the one crossing fewest lines and nearer
    // its own marker than any other.
    let mut clear: Option<(usize, Rect, usize)> = None;
    for (ring, rect) in candidate_boxes(m, problem.gap, w, h) {
        if clear.as_ref().is_some_and(|c| c.2 < ring) {
            break;
        }
        let cost = collisions(problem, i, &rect, boxes);
        if cost == 0.0 {
            let penalty = crossings(problem, &rect) + 2 * closer_markers(problem, i, &rect);
            if !matches!(&clear, Some(c) if penalty >= c.0) {
                clear = Some((penalty, rect, ring));
            }
        } else if !matches!(&best, Some(b) if cost >= b.0) {
            best = Some((cost, rect, ring));
        }
    }
    if let Some((_, rect, ring)) = clear {
        return finish(i, m, rect, ring);
    }
    let (_, rect, ring) = best.expect("there are candidates");
    let mut label = finish(i, m, rect, ring);
    label.forced = true;
    label
}

/// The boxes a label of `w`×`h` pixels may take around disc `m`, ring by ring (`gap` pixels off
/// the disc in ring 0, the eight classic positions; then rings of sixteen, each about a label
/// height farther out, which need a leader line back to the disc).
pub(crate) fn candidate_boxes(
    m: Disc,
    gap: f64,
    w: f64,
    h: f64,
) -> impl Iterator<Item = (usize, Rect)> {
    candidates().map(move |(ring, (dx, dy))| {
        let d = m.r + gap + ring as f64 * h * 0.9;
        (ring, anchored(m.x + dx * d, m.y + dy * d, dx, dy, w, h))
    })
}

/// The candidate directions (unit vectors, y down), ring by ring.
fn candidates() -> impl Iterator<Item = (usize, (f64, f64))> {
    const D: f64 = std::f64::consts::FRAC_1_SQRT_2;
    // Right, upper right, lower right, left, upper left, lower left, above, below.
    let first: [(f64, f64); 8] = [
        (1.0, 0.0),
        (D, -D),
        (D, D),
        (-1.0, 0.0),
        (-D, -D),
        (-D, D),
        (0.0, -1.0),
        (0.0, 1.0),
    ];
    let around = (0..16).map(|k| {
        let a = k as f64 * std::f64::consts::TAU / 16.0;
        (a.cos(), -a.sin())
    });
    let around: Vec<(f64, f64)> = around.collect();
    first
        .into_iter()
        .map(|d| (0, d))
        .chain((1..=RINGS).flat_map(move |ring| around.clone().into_iter().map(move |d| (ring, d))))
}

/// The box of size `w`×`h` whose side facing the marker touches (`x`, `y`), set off in
/// direction (`dx`, `dy`).
fn anchored(x: f64, y: f64, dx: f64, dy: f64, w: f64, h: f64) -> Rect {
    let x0 = if dx > 0.3 {
        x
    } else if dx < -0.3 {
        x - w
    } else {
        x - w / 2.0
    };
    let y0 = if dy > 0.3 {
        y
    } else if dy < -0.3 {
        y - h
    } else {
        y - h / 2.0
    };
    Rect::new(x0, y0, x0 + w, y0 + h)
}

/// How badly a box collides (0: not at all): area over other labels and obstacles, outside
/// the frame, and over markers.
fn collisions(problem: &Problem, own: usize, rect: &Rect, boxes: &[Rect]) -> f64 {
    let area = rect.width() * rect.height();
    let inside = rect.overlap(&problem.frame_of(own));
    let mut cost = (area - inside) * 4.0;
    for b in boxes.iter().chain(&problem.obstacles) {
        cost += rect.overlap(b);
    }
    let zone = problem.zone(own);
    for (k, z) in problem.zones.iter().enumerate() {
        if Some(k) != zone {
            cost += 4.0 * rect.overlap(&z.inflate(problem.gap));
        }
    }
    for (j, m) in problem.markers.iter().enumerate() {
        let clearance = if j == own { problem.gap * 0.5 } else { 1.0 };
        let d = rect.distance(m.x, m.y);
        if d < m.r + clearance {
            cost += (m.r + clearance - d) * m.r * 2.0 + 1.0;
        }
    }
    cost
}

/// How many line segments cross the box.
fn crossings(problem: &Problem, rect: &Rect) -> usize {
    problem
        .lines
        .iter()
        .flat_map(|line| line.windows(2))
        .filter(|s| super::geometry::clip_segment(s[0], s[1], rect).is_some())
        .count()
}

/// How many other markers lie nearer the box than its own marker (a reader could take the
/// label for theirs).
fn closer_markers(problem: &Problem, own: usize, rect: &Rect) -> usize {
    let m = problem.markers[own];
    let mine = rect.distance(m.x, m.y) - m.r;
    problem
        .markers
        .iter()
        .enumerate()
        .filter(|&(j, o)| j != own && rect.distance(o.x, o.y) - o.r < mine)
        .count()
}

/// A leader line from the edge of disc `m` to the nearest point of `rect`.
pub(crate) fn leader(m: Disc, rect: &Rect) -> ((f64, f64), (f64, f64)) {
    let (nx, ny) = (m.x.clamp(rect.x0, rect.x1), m.y.clamp(rect.y0, rect.y1));
    let d = (nx - m.x).hypot(ny - m.y).max(1e-9);
    let start = (m.x + (nx - m.x) / d * m.r, m.y + (ny - m.y) / d * m.r);
    (start, (nx, ny))
}

fn finish(marker: usize, m: Disc, rect: Rect, ring: usize) -> Placed {
    let leader = (ring > 0).then(|| leader(m, &rect));
    Placed {
        marker,
        rect,
        leader,
        forced: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(problem: &Problem, layout: &Layout) {
        assert_eq!(layout.labels.len(), problem.markers.len());
        for (i, a) in layout.labels.iter().enumerate() {
            assert_eq!(a.marker, i);
            assert!(!a.forced, "label {i} was forced");
            assert!(
                problem.frame_of(i).contains_rect(&a.rect),
                "label {i} leaves the frame"
            );
            for (k, z) in problem.zones.iter().enumerate() {
                if problem.zone_of.get(i).copied().flatten() != Some(k) {
                    assert!(!a.rect.intersects(z), "label {i} covers inset {k}");
                }
            }
            for o in &problem.obstacles {
                assert!(!a.rect.intersects(o), "label {i} covers an obstacle");
            }
            for (j, b) in layout.labels.iter().enumerate().skip(i + 1) {
                assert!(!a.rect.intersects(&b.rect), "labels {i} and {j} overlap");
            }
            for (j, m) in problem.markers.iter().enumerate() {
                assert!(
                    a.rect.distance(m.x, m.y) >= m.r,
                    "label {i} covers marker {j}"
                );
            }
        }
    }

    #[test]
    fn a_lone_marker_is_labelled_on_its_right() {
        let problem = Problem {
            markers: vec![Disc {
                x: 100.0,
                y: 100.0,
                r: 8.0,
            }],
            sizes: vec![(60.0, 18.0)],
            frame: Rect::new(0.0, 0.0, 400.0, 300.0),
            obstacles: vec![],
            lines: vec![vec![(100.0, 50.0), (200.0, 100.0)]],
            gap: 4.0,
            zones: vec![],
            zone_of: vec![],
        };
        let layout = place(&problem);
        check(&problem, &layout);
        let r = layout.labels[0].rect;
        assert_eq!((r.x0, r.y0), (112.0, 91.0));
        assert_eq!(layout.labels[0].leader, None);
    }

    #[test]
    fn crowded_markers_near_edges_and_obstacles_keep_every_label() {
        // A cluster (like The Hague beside the Netherlands), a marker at the right edge, one
        // under the legend's corner, and a row of close neighbours.
        let mut markers = vec![
            Disc {
                x: 300.0,
                y: 200.0,
                r: 9.0,
            },
            Disc {
                x: 312.0,
                y: 206.0,
                r: 9.0,
            },
            Disc {
                x: 305.0,
                y: 190.0,
                r: 9.0,
            },
            Disc {
                x: 790.0,
                y: 300.0,
                r: 9.0,
            },
            Disc {
                x: 40.0,
                y: 560.0,
                r: 9.0,
            },
        ];
        for k in 0..6 {
            markers.push(Disc {
                x: 400.0 + 22.0 * k as f64,
                y: 400.0,
                r: 8.0,
            });
        }
        let sizes = (0..markers.len())
            .map(|i| (50.0 + 9.0 * (i % 4) as f64, 20.0))
            .collect();
        let problem = Problem {
            markers,
            sizes,
            frame: Rect::new(10.0, 10.0, 800.0, 590.0),
            obstacles: vec![Rect::new(10.0, 480.0, 160.0, 590.0)],
            lines: vec![],
            gap: 4.0,
            zones: vec![],
            zone_of: vec![],
        };
        let layout = place(&problem);
        check(&problem, &layout);
        assert!(layout.labels.iter().any(|l| l.leader.is_some()));
        assert_eq!(layout, place(&problem), "deterministic");
    }

    #[test]
    fn inset_labels_stay_in_their_inset_and_others_keep_off_it() {
        // Two markers in an inset at the top left, one main marker just right of it whose
        // natural place (its left) would cover the inset.
        let inset = Rect::new(10.0, 10.0, 200.0, 150.0);
        let problem = Problem {
            markers: vec![
                Disc {
                    x: 150.0,
                    y: 60.0,
                    r: 8.0,
                },
                Disc {
                    x: 160.0,
                    y: 120.0,
                    r: 8.0,
                },
                Disc {
                    x: 215.0,
                    y: 80.0,
                    r: 8.0,
                },
            ],
            sizes: vec![(90.0, 18.0), (110.0, 18.0), (120.0, 18.0)],
            frame: Rect::new(10.0, 10.0, 600.0, 400.0),
            obstacles: vec![],
            lines: vec![],
            gap: 4.0,
            zones: vec![inset],
            zone_of: vec![Some(0), Some(0), None],
        };
        let layout = place(&problem);
        check(&problem, &layout);
        for l in &layout.labels[..2] {
            assert!(inset.contains_rect(&l.rect));
        }
    }
}

//! Flow lines in pixels: a flow projected in one view, and the arrows between the main view
//! and an inset, which never enter the inset's rectangle.
//!
//! In: [`Flow`]s in lon/lat, the views, the markers' final pixels. Out: [`FlowLine`]s, each
//! its pieces and its arrowhead (DESIGN.md, "Map extent, insets and projection"):
//! - a flow between two places of one view is projected in that view and clipped to it;
//! - a flow from the main view to a place in an inset is a straight line from the hub's
//!   marker towards the place's marker that stops by the inset's frame, with its arrowhead
//!   there pointing at the place; it is not drawn again inside the inset;
//! - a flow from a hub in an inset to a place of the main view starts by the inset's frame,
//!   on the line from the hub's marker to the place's;
//! - a flow of the main view that would run over an inset bends round its inner corner.

use super::extent::{Rect, View};
use super::geometry::{self, clip_segment, Px};
use super::scene::FlowLine;
use super::style::Sizes;
use super::Flow;

/// Room between an arrow and an inset's frame, design pixels. Default: 3 px (the frame
/// line is 1.5 px wide, centred on the frame).
const INSET_GAP: f64 = 3.0;

/// The arrowhead whose tip is `tip`, pointing along the unit vector `u`: tip, then the two
/// barbs.
fn arrowhead(tip: Px, u: Px, sizes: &Sizes) -> [Px; 3] {
    let b = (tip.0 - u.0 * sizes.arrow, tip.1 - u.1 * sizes.arrow);
    let half = sizes.arrow * 0.45;
    let n = (-u.1 * half, u.0 * half);
    [tip, (b.0 + n.0, b.1 + n.1), (b.0 - n.0, b.1 - n.1)]
}

fn distance(a: Px, b: Px) -> f64 {
    (b.0 - a.0).hypot(b.1 - a.1)
}

/// The unit vector from `a` to `b` (zero when they coincide).
fn unit(a: Px, b: Px) -> Px {
    let d = distance(a, b);
    if d > 0.0 {
        ((b.0 - a.0) / d, (b.1 - a.1) / d)
    } else {
        (0.0, 0.0)
    }
}

/// True when segment `a`–`b` runs inside `r` over more than a point.
fn enters(a: Px, b: Px, r: &Rect) -> bool {
    clip_segment(a, b, r).is_some_and(|(p, q)| distance(p, q) > 1e-6)
}

/// Ends `line` at a marker (its last point) with an arrowhead stopping at the marker's edge:
/// the points inside the arrowhead are dropped and the line ends at its base. A line too short
/// for an arrowhead is emptied.
fn end_at_marker(line: &mut Vec<Px>, sizes: &Sizes) -> Option<[Px; 3]> {
    let destination = *line.last()?;
    let stop = sizes.marker * 1.25 + sizes.marker_outline + 1.0 * sizes.scale;
    let base = stop + sizes.arrow;
    while line.len() > 1 && distance(line[line.len() - 2], destination) <= base {
        line.pop();
    }
    let from = *line.get(line.len().checked_sub(2)?)?;
    if distance(from, destination) <= base {
        line.clear();
        return None;
    }
    let u = unit(from, destination);
    let point = |k: f64| (destination.0 - u.0 * k, destination.1 - u.1 * k);
    let n = line.len();
    line[n - 1] = point(base - 1.0 * sizes.scale);
    Some(arrowhead(point(stop), u, sizes))
}

/// Where the line from `inside` (a marker in an inset) to `outside` leaves the inset's frame
/// with room for the frame line: on `frame` inflated by [`INSET_GAP`].
fn leaving(inside: Px, outside: Px, frame: &Rect, sizes: &Sizes) -> Option<Px> {
    let zone = frame.inflate(INSET_GAP * sizes.scale);
    clip_segment(inside, outside, &zone).map(|(_, q)| q)
}

/// A flow from `hub` (a marker of the main view) to `place` (a marker in the inset whose frame
/// is `frame`): a straight line towards the place that stops by the frame, the arrowhead's
/// tip there, pointing at the place, and every point of the arrowhead off the frame.
pub(crate) fn toward_inset(hub: Px, place: Px, frame: &Rect, sizes: &Sizes) -> FlowLine {
    let mut line = FlowLine {
        pieces: Vec::new(),
        arrow: None,
        from: None,
        to: None,
    };
    let Some(edge) = leaving(place, hub, frame, sizes) else {
        return line;
    };
    let u = unit(hub, place);
    let clear = frame.inflate(INSET_GAP * sizes.scale / 2.0);
    let off_frame = |head: &[Px; 3]| (0..3).all(|k| !enters(head[k], head[(k + 1) % 3], &clear));
    // Where the line meets the frame at a slant, a barb can reach the frame: step back.
    let room = distance(hub, edge);
    let mut back = 0.0;
    let mut head = arrowhead(edge, u, sizes);
    while !off_frame(&head) && back < room {
        back += 0.5 * sizes.scale;
        head = arrowhead((edge.0 - u.0 * back, edge.1 - u.1 * back), u, sizes);
    }
    let tip = head[0];
    let end = (
        tip.0 - u.0 * (sizes.arrow - 1.0 * sizes.scale),
        tip.1 - u.1 * (sizes.arrow - 1.0 * sizes.scale),
    );
    if distance(hub, tip) > sizes.arrow {
        line.pieces.push(vec![hub, end]);
    }
    line.arrow = Some(head);
    line
}

/// A flow from `hub` (a marker in the inset whose frame is `frame`) to `place` (a marker of
/// the main view): from where the line between them leaves the frame, to the place.
pub(crate) fn out_of_inset(hub: Px, place: Px, frame: &Rect, sizes: &Sizes) -> FlowLine {
    let mut line = FlowLine {
        pieces: Vec::new(),
        arrow: None,
        from: None,
        to: None,
    };
    if let Some(start) = leaving(hub, place, frame, sizes) {
        let mut piece = vec![start, place];
        line.arrow = end_at_marker(&mut piece, sizes);
        if piece.len() > 1 {
            line.pieces.push(piece);
        }
    }
    line
}

/// True when any segment of `line` (its pieces and its arrowhead) enters `frame`.
pub(crate) fn crosses(line: &FlowLine, frame: &Rect) -> bool {
    let on_pieces = line
        .pieces
        .iter()
        .any(|p| p.windows(2).any(|w| enters(w[0], w[1], frame)));
    on_pieces
        || line
            .arrow
            .is_some_and(|h| (0..3).any(|k| enters(h[k], h[(k + 1) % 3], frame)))
}

/// A flow of the main view from `hub` to `place` that would run over the inset whose frame is
/// `frame`, bent round one of the frame's corners (set off by twice [`INSET_GAP`]): the
/// shortest such path that keeps off the frame, or `None` when none does.
pub(crate) fn round_inset(hub: Px, place: Px, frame: &Rect, sizes: &Sizes) -> Option<FlowLine> {
    let zone = frame.inflate(2.0 * INSET_GAP * sizes.scale);
    let corners = [
        (zone.x0, zone.y0),
        (zone.x1, zone.y0),
        (zone.x1, zone.y1),
        (zone.x0, zone.y1),
    ];
    corners
        .iter()
        .map(|&c| {
            let mut piece = vec![hub, c, place];
            let arrow = end_at_marker(&mut piece, sizes);
            FlowLine {
                pieces: vec![piece],
                arrow,
                from: None,
                to: None,
            }
        })
        .filter(|l| l.arrow.is_some() && !crosses(l, frame))
        .min_by(|a, b| {
            let length = |l: &FlowLine| {
                let p = &l.pieces[0];
                p.windows(2).map(|w| distance(w[0], w[1])).sum::<f64>()
            };
            length(a).total_cmp(&length(b))
        })
}

/// A flow in pixels: its parts projected and clipped, the end shortened to leave room for
/// the arrowhead, which stops at the destination marker's edge.
pub(crate) fn flow_line(
    flow: &Flow,
    view: &View,
    clip: &Rect,
    sizes: &Sizes,
    density: f64,
    moved: &[Option<(Px, Px)>],
) -> FlowLine {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    for part in &flow.parts {
        // A part that starts where the last one ended (a cut at ±180° that this view shows
        // whole) continues it.
        let mut current: Vec<(f64, f64)> = match (pieces.last(), part.first()) {
            (Some(last), Some(c)) => match (last.last(), view.pixel(c.x, c.y)) {
                (Some(&q), Some(p)) if (p.0 - q.0).hypot(p.1 - q.1) < 1.0 => {
                    pieces.pop().unwrap_or_default()
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
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
    // An end at its marker (not clipped away) follows the marker when it was pushed aside.
    let follow = |marker: usize, p: (f64, f64)| {
        let (from, to) = moved.get(marker).copied().flatten()?;
        ((from.0 - p.0).hypot(from.1 - p.1) < 0.5).then_some(to)
    };
    if let Some(first) = pieces.first_mut() {
        if let Some(to) = follow(flow.from, first[0]) {
            first.insert(0, to);
        }
    }
    if let Some(last) = pieces.last_mut() {
        if let Some(to) = follow(flow.to, last[last.len() - 1]) {
            last.push(to);
        }
    }
    let arrow = pieces
        .last_mut()
        .and_then(|last| end_at_marker(last, sizes));
    let pieces = pieces
        .iter()
        .flat_map(|p| geometry::clip_line(p, clip))
        .map(|p| geometry::thin(&p, geometry::MIN_STEP * density))
        .filter(|p| p.len() > 1)
        .collect();
    FlowLine {
        pieces,
        arrow,
        from: None,
        to: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes() -> Sizes {
        Sizes::new(1600.0, 1.0)
    }

    /// An inset in the top-left corner of a 1600×1000 map.
    fn frame() -> Rect {
        Rect::new(20.0, 80.0, 420.0, 480.0)
    }

    #[test]
    fn an_arrow_to_the_inset_stops_by_its_frame_pointing_at_the_place() {
        let (hub, place) = ((800.0, 400.0), (200.0, 300.0));
        let line = toward_inset(hub, place, &frame(), &sizes());
        assert!(!crosses(&line, &frame()));
        let [tip, b1, b2] = line.arrow.expect("an arrowhead");
        let gap = frame().distance(tip.0, tip.1);
        assert!((2.9..=3.1).contains(&gap), "{gap}");
        let base = ((b1.0 + b2.0) / 2.0, (b1.1 + b2.1) / 2.0);
        let (u, v) = (unit(base, tip), unit(tip, place));
        assert!(u.0 * v.0 + u.1 * v.1 > 0.999);
        assert_eq!(line.pieces, vec![vec![hub, line.pieces[0][1]]]);
    }

    #[test]
    fn a_slanting_arrow_steps_back_until_its_barbs_clear_the_frame() {
        // Nearly along the frame's bottom edge, which the line meets at x = 362: a barb there
        // would reach inside.
        let (hub, place) = ((1000.0, 500.0), (100.0, 476.0));
        let line = toward_inset(hub, place, &frame(), &sizes());
        assert!(!crosses(&line, &frame().inflate(1.0)));
        let tip = line.arrow.expect("an arrowhead")[0];
        assert!(tip.0 > 400.0, "{tip:?}");
        assert!(frame().distance(tip.0, tip.1) < 6.0, "{tip:?}");
    }

    #[test]
    fn an_arrow_out_of_the_inset_starts_by_its_frame_and_ends_at_the_place() {
        let (hub, place) = ((200.0, 300.0), (900.0, 700.0));
        let line = out_of_inset(hub, place, &frame(), &sizes());
        assert!(!crosses(&line, &frame()));
        let start = line.pieces[0][0];
        assert!((frame().distance(start.0, start.1) - 3.0).abs() < 1e-9);
        let tip = line.arrow.expect("an arrowhead")[0];
        let stop = distance(tip, place);
        assert!(
            stop > sizes().marker && stop < 2.0 * sizes().marker,
            "{stop}"
        );
    }

    #[test]
    fn a_line_over_the_inset_bends_round_its_inner_corner() {
        let (hub, place) = ((250.0, 560.0), (600.0, 300.0));
        let straight = FlowLine {
            pieces: vec![vec![hub, place]],
            arrow: None,
            from: None,
            to: None,
        };
        assert!(crosses(&straight, &frame()));
        let line = round_inset(hub, place, &frame(), &sizes()).expect("a way round");
        assert!(!crosses(&line, &frame()));
        let corner = line.pieces[0][1];
        assert!(corner.0 > frame().x1 && corner.1 > frame().y1, "{corner:?}");
    }
}

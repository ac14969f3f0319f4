//! Geometry in pixels: densifying rings in longitude/latitude, projecting them, clipping them
//! to the plot rectangle and thinning them to what a pixel grid can show.
//!
//! In: rings and lines of (longitude, latitude) degrees and a [`View`]. Out: rings and lines
//! of pixel coordinates (y down), clipped to a rectangle, with no two points closer than
//! [`MIN_STEP`] pixels; rings entirely outside the rectangle are dropped.

use super::extent::{Rect, View};
use super::projection::{Centre, Projection};

/// Longest edge (degrees of longitude or latitude) left as it is before projecting.
/// Default: 0.5°.
pub(crate) const MAX_EDGE_DEGREES: f64 = 0.5;
/// Points closer than this (pixels) to the last one kept are skipped. Default: 0.8 px.
pub const MIN_STEP: f64 = 0.8;
/// On an azimuthal projection, rings reaching this close (degrees of arc) to the centre's
/// antipode are dropped: near it the projection tears shapes apart. Default: 30°.
const ANTIPODE_GUARD: f64 = 30.0;

/// A point in pixels.
pub type Px = (f64, f64);

/// Inserts points so that no edge spans more than `max` degrees of longitude or latitude.
pub(crate) fn densify(ring: &[(f64, f64)], max: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(ring.len());
    for pair in ring.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        out.push(a);
        let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / max).ceil() as usize;
        for k in 1..steps {
            let t = k as f64 / steps as f64;
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    if let Some(&last) = ring.last() {
        out.push(last);
    }
    out
}

/// Projects a ring of (longitude, latitude) into pixels, densified; `None` when the
/// projection cannot show it in one piece (near an azimuthal projection's antipode).
pub(crate) fn project_ring(ring: &[(f64, f64)], view: &View) -> Option<Vec<Px>> {
    // Lambert azimuthal maps a point `c` degrees of arc from the centre to radius
    // 2 sin(c / 2) on the unit sphere.
    let guard = if let Projection::LambertAzimuthal { .. } = view.projection {
        let r = 2.0 * ((180.0 - ANTIPODE_GUARD) / 2.0).to_radians().sin();
        r * r
    } else {
        f64::INFINITY
    };
    let centre = match view.projection {
        Projection::LambertAzimuthal { lon0, lat0 } => Some(Centre::new(lon0, lat0)),
        _ => None,
    };
    let mut out = Vec::with_capacity(ring.len());
    for (lon, lat) in densify(ring, MAX_EDGE_DEGREES) {
        let p = match &centre {
            Some(c) => c.lambert_azimuthal(lon, lat)?,
            None => view.projection.project(lon, lat)?,
        };
        if p.0 * p.0 + p.1 * p.1 > guard {
            return None;
        }
        out.push(view.to_pixel(p));
    }
    Some(out)
}

/// Cuts a ring of (longitude, latitude) degrees where it crosses the meridian opposite
/// `lon0` (the seam of a cylindrical map centred on `lon0`), so that no piece jumps across
/// the map. Rings are returned whole when they do not cross it. The rings in the data never
/// cross ±180°, so with `lon0 == 0` nothing is cut.
pub(crate) fn split_at_seam(ring: &[(f64, f64)], lon0: f64) -> Vec<Vec<(f64, f64)>> {
    if lon0 == 0.0 || ring.len() < 3 {
        return vec![ring.to_vec()];
    }
    // Longitudes relative to lon0, unwrapped so that consecutive points are near.
    let mut rel: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
    let mut prev: Option<f64> = None;
    for &(lon, lat) in ring {
        let mut r = super::projection::wrap(lon - lon0);
        if let Some(p) = prev {
            while r - p > 180.0 {
                r -= 360.0;
            }
            while r - p < -180.0 {
                r += 360.0;
            }
        }
        prev = Some(r);
        rel.push((r, lat));
    }
    let min = rel.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max = rel.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    if min >= -180.0 && max <= 180.0 {
        return vec![ring.to_vec()];
    }
    // Points on the seam stay a hair inside, so that wrapping never sends them across.
    const EPS: f64 = 1e-7;
    let first = ((min + 180.0) / 360.0).floor() as i64;
    let last = ((max + 180.0) / 360.0).floor() as i64;
    let mut out = Vec::new();
    for k in first..=last {
        let shift = 360.0 * k as f64;
        let window = Rect::new(-180.0 + shift + EPS, -1e3, 180.0 + shift - EPS, 1e3);
        let piece = clip_ring(&rel, &window);
        if piece.len() >= 3 {
            let mut piece: Vec<(f64, f64)> = piece
                .into_iter()
                .map(|(r, lat)| (lon0 + r - shift, lat))
                .collect();
            piece.push(piece[0]);
            out.push(piece);
        }
    }
    out
}

/// Clips a closed ring (Sutherland–Hodgman) to `rect`. The result may run along the
/// rectangle's edges; it is empty when the ring lies outside.
pub(crate) fn clip_ring(ring: &[Px], rect: &Rect) -> Vec<Px> {
    let mut points: Vec<Px> = ring.to_vec();
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    if points.iter().all(|&(x, y)| rect.contains(x, y)) {
        return points;
    }
    // Each edge of the rectangle: is a point inside, and where does a segment cross it.
    type Inside = fn(Px, &Rect) -> bool;
    type Cross = fn(Px, Px, &Rect) -> Px;
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.0 >= r.x0, |a, b, r| at_x(a, b, r.x0)),
        (|p, r| p.0 <= r.x1, |a, b, r| at_x(a, b, r.x1)),
        (|p, r| p.1 >= r.y0, |a, b, r| at_y(a, b, r.y0)),
        (|p, r| p.1 <= r.y1, |a, b, r| at_y(a, b, r.y1)),
    ];
    for (inside, cross) in edges {
        if points.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(points.len() + 4);
        let mut prev = points[points.len() - 1];
        for &p in &points {
            match (inside(prev, rect), inside(p, rect)) {
                (true, true) => out.push(p),
                (true, false) => out.push(cross(prev, p, rect)),
                (false, true) => {
                    out.push(cross(prev, p, rect));
                    out.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
        points = out;
    }
    points
}

fn at_x(a: Px, b: Px, x: f64) -> Px {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + (b.1 - a.1) * t)
}

fn at_y(a: Px, b: Px, y: f64) -> Px {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + (b.0 - a.0) * t, y)
}

/// Clips a line to `rect` (Liang–Barsky per segment); it may come out in several pieces.
pub(crate) fn clip_line(line: &[Px], rect: &Rect) -> Vec<Vec<Px>> {
    let mut pieces: Vec<Vec<Px>> = Vec::new();
    let mut current: Vec<Px> = Vec::new();
    for pair in line.windows(2) {
        match clip_segment(pair[0], pair[1], rect) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() > 1 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
            }
            None => {
                if current.len() > 1 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

/// The part of segment `a`–`b` inside `r`, if any (Liang–Barsky).
pub fn clip_segment(a: Px, b: Px, r: &Rect) -> Option<(Px, Px)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + dx * t, a.1 + dy * t);
    Some((
        if t0 > 0.0 { at(t0) } else { a },
        if t1 < 1.0 { at(t1) } else { b },
    ))
}

/// Drops points closer than `step` pixels to the last point kept (the last point is kept).
pub(crate) fn thin(points: &[Px], step: f64) -> Vec<Px> {
    let mut out: Vec<Px> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        let last = i + 1 == points.len();
        match out.last() {
            Some(&q) if !last && (p.0 - q.0).hypot(p.1 - q.1) < step => {}
            _ => out.push(p),
        }
    }
    out
}

/// Douglas–Peucker: drops points closer than `epsilon` pixels to the line through their
/// neighbours kept (the ends are kept).
pub(crate) fn simplify(points: &[Px], epsilon: f64) -> Vec<Px> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0, n - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (points[first], points[last]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = dx.hypot(dy);
        let mut worst = (0.0, first);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let d = if length > 0.0 {
                ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / length
            } else {
                (p.0 - a.0).hypot(p.1 - a.1)
            };
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > epsilon {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// Twice the signed area of a pixel ring (shoelace; the ring need not be closed).
pub(crate) fn area2(ring: &[Px]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// True when the point lies inside the pixel ring (even-odd rule; the ring need not be closed).
pub(crate) fn inside(ring: &[Px], (x, y): Px) -> bool {
    let mut inside = false;
    for (k, &(ax, ay)) in ring.iter().enumerate() {
        let (bx, by) = ring[(k + 1) % ring.len()];
        if (ay > y) != (by > y) && x < ax + (y - ay) / (by - ay) * (bx - ax) {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_inside_a_ring() {
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        assert!(inside(&square, (5.0, 5.0)));
        assert!(!inside(&square, (15.0, 5.0)));
        assert!(!inside(&square, (5.0, -0.5)));
        let notch = [
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (5.0, 2.0),
            (0.0, 10.0),
        ];
        assert!(!inside(&notch, (5.0, 8.0)));
        assert!(inside(&notch, (2.0, 5.0)));
    }

    #[test]
    fn densify_splits_long_edges() {
        let d = densify(&[(0.0, 0.0), (2.0, 0.0)], 0.5);
        assert_eq!(d.len(), 5);
        assert_eq!(d[2], (1.0, 0.0));
    }

    #[test]
    fn clip_ring_cuts_to_the_rectangle() {
        let rect = Rect::new(0.0, 0.0, 10.0, 10.0);
        let ring = [
            (-5.0, -5.0),
            (5.0, -5.0),
            (5.0, 5.0),
            (-5.0, 5.0),
            (-5.0, -5.0),
        ];
        let clipped = clip_ring(&ring, &rect);
        assert!((area2(&clipped).abs() - 50.0).abs() < 1e-9);
        assert!(clipped.iter().all(|&(x, y)| rect.contains(x, y)));
        let outside = [(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)];
        assert!(clip_ring(&outside, &rect).is_empty());
    }

    #[test]
    fn clip_line_splits_where_it_leaves() {
        let rect = Rect::new(0.0, 0.0, 10.0, 10.0);
        let line = [
            (-5.0, 5.0),
            (5.0, 5.0),
            (5.0, 20.0),
            (8.0, 20.0),
            (8.0, 5.0),
        ];
        let pieces = clip_line(&line, &rect);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0], vec![(0.0, 5.0), (5.0, 5.0), (5.0, 10.0)]);
        assert_eq!(pieces[1], vec![(8.0, 10.0), (8.0, 5.0)]);
    }

    #[test]
    fn simplify_drops_nearly_straight_points() {
        let line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)];
        assert_eq!(
            simplify(&line, 0.5),
            vec![(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
        );
    }

    #[test]
    fn thin_keeps_ends() {
        let t = thin(
            &[(0.0, 0.0), (0.1, 0.0), (0.2, 0.0), (3.0, 0.0), (3.1, 0.0)],
            0.6,
        );
        assert_eq!(t, vec![(0.0, 0.0), (3.0, 0.0), (3.1, 0.0)]);
    }
}

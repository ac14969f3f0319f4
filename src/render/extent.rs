//! The part of the world a map shows: a projection and a rectangle in projected units, fitted
//! to the events and to the plot area's shape.
//!
//! In: the points to show (longitude, latitude in degrees) and the plot area in pixels.
//! Out: a [`View`], which turns longitude/latitude into pixels.
//!
//! The projection is chosen from the points: Lambert azimuthal equal-area centred on them when
//! they fit in a cap of [`REGIONAL_MAX_RADIUS`] degrees of arc (120° across) and span less than
//! [`REGIONAL_MAX_LAT_SPAN`] degrees of latitude, otherwise Equal Earth showing the world.
//! The seed (Canada to Romania) spans 126° of longitude but only about 90° of arc at 48° N,
//! so it gets a Lambert view of the North Atlantic.

use super::projection::{self, Projection};

/// Largest distance (degrees of arc) from the events' centre for a regional map. Default: 60°.
pub const REGIONAL_MAX_RADIUS: f64 = 60.0;
/// Largest span of latitude (degrees) for a regional map. Default: 70°.
pub const REGIONAL_MAX_LAT_SPAN: f64 = 70.0;
/// Margin added on each side of the events' bounding box, as a share of its size. Default: 12%.
pub const MARGIN: f64 = 0.12;
/// Smallest view, degrees of arc across (either side). Default: 15°.
pub const MIN_SPAN_DEGREES: f64 = 15.0;
/// Latitudes a world view shows at least (degrees). Default: 58° S to 84° N.
pub const WORLD_LATS: (f64, f64) = (-58.0, 84.0);

/// A rectangle in pixels, `x0 <= x1`, `y0 <= y1`, y down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// A rectangle from its corners.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    /// Width in pixels.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in pixels.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// The rectangle grown by `d` on every side (shrunk when negative).
    pub fn inflate(&self, d: f64) -> Rect {
        Rect::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }

    /// True when the two rectangles share some area (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Area they share, in square pixels.
    pub fn overlap(&self, other: &Rect) -> f64 {
        let w = self.x1.min(other.x1) - self.x0.max(other.x0);
        let h = self.y1.min(other.y1) - self.y0.max(other.y0);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }

    /// True when `other` lies inside this rectangle (edges included).
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }

    /// True when the point lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    /// Distance from a point to the rectangle (0 inside).
    pub fn distance(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 - x).max(0.0).max(x - self.x1);
        let dy = (self.y0 - y).max(0.0).max(y - self.y1);
        dx.hypot(dy)
    }
}

/// A projection, the part of it shown (projected units, y up) and where it goes (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// The projection.
    pub projection: Projection,
    /// Left edge, projected units.
    pub x0: f64,
    /// Top edge (largest y), projected units.
    pub y1: f64,
    /// Pixels per projected unit (the same both ways).
    pub scale: f64,
    /// The plot area in pixels.
    pub plot: Rect,
}

impl View {
    /// Pixel position of a projected point.
    pub fn to_pixel(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            self.plot.x0 + (x - self.x0) * self.scale,
            self.plot.y0 + (self.y1 - y) * self.scale,
        )
    }

    /// Pixel position of a longitude, latitude (degrees); `None` where the projection is
    /// undefined.
    pub fn pixel(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        self.projection.project(lon, lat).map(|p| self.to_pixel(p))
    }

    /// True for world views (Equal Earth).
    pub fn is_world(&self) -> bool {
        self.projection.is_world()
    }

    /// A box of longitudes and latitudes (west, south, east, north; degrees, west <= east)
    /// holding everything the view shows, a little generous; `None` for world views. Shapes
    /// outside it can be skipped without projecting them.
    pub fn lon_lat_bounds(&self) -> Option<(f64, f64, f64, f64)> {
        let Projection::LambertAzimuthal { lon0, lat0 } = self.projection else {
            return None;
        };
        let plot = self.plot;
        let unproject = |px: f64, py: f64| {
            let x = self.x0 + (px - plot.x0) / self.scale;
            let y = self.y1 - (py - plot.y0) / self.scale;
            projection::lambert_azimuthal_inverse(lon0, lat0, x, y)
        };
        // The region is bounded by the image of the plot's edges.
        const STEPS: usize = 64;
        let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..=STEPS {
            let t = i as f64 / STEPS as f64;
            let (x, y) = (plot.x0 + t * plot.width(), plot.y0 + t * plot.height());
            for (px, py) in [(x, plot.y0), (x, plot.y1), (plot.x0, y), (plot.x1, y)] {
                let (lon, lat) = unproject(px, py)?;
                b = (b.0.min(lon), b.1.min(lat), b.2.max(lon), b.3.max(lat));
            }
        }
        let margin = 2.0;
        let (mut west, mut south, mut east, mut north) =
            (b.0 - margin, b.1 - margin, b.2 + margin, b.3 + margin);
        // Unless it holds a pole, then every longitude from there; a jump across ±180° shows
        // as nearly all the way round.
        let inside = |lat: f64| {
            self.pixel(0.0, lat)
                .is_some_and(|(x, y)| plot.inflate(2.0).contains(x, y))
        };
        if inside(90.0) {
            north = 90.0;
            (west, east) = (-180.0, 180.0);
        }
        if inside(-90.0) {
            south = -90.0;
            (west, east) = (-180.0, 180.0);
        }
        if east - west > 300.0 {
            (west, east) = (-180.0, 180.0);
        }
        Some((west, south, east, north))
    }
}

/// Chooses the projection for these points (longitude, latitude in degrees).
pub fn choose_projection(points: &[(f64, f64)]) -> Projection {
    if points.is_empty() {
        return Projection::EqualEarth { lon0: 0.0 };
    }
    let (lon0, lon_span) = longitude_range(points);
    let lat_min = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let lat_max = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let lat0 = (lat_min + lat_max) / 2.0;
    let radius = points
        .iter()
        .map(|&p| projection::arc_degrees((lon0, lat0), p))
        .fold(0.0, f64::max);
    if radius < REGIONAL_MAX_RADIUS && lat_max - lat_min < REGIONAL_MAX_LAT_SPAN && lon_span < 180.0
    {
        Projection::LambertAzimuthal { lon0, lat0 }
    } else {
        Projection::EqualEarth { lon0: 0.0 }
    }
}

/// The middle and width (degrees) of the shortest range of longitudes holding every point,
/// which may cross ±180°.
fn longitude_range(points: &[(f64, f64)]) -> (f64, f64) {
    let mut lons: Vec<f64> = points.iter().map(|p| projection::wrap(p.0)).collect();
    lons.sort_by(f64::total_cmp);
    // The widest gap between neighbours (around the circle) is what the range leaves out.
    let mut gap = lons[0] + 360.0 - lons[lons.len() - 1];
    let mut start = lons[0];
    for pair in lons.windows(2) {
        if pair[1] - pair[0] > gap {
            gap = pair[1] - pair[0];
            start = pair[1];
        }
    }
    let span = 360.0 - gap;
    (projection::wrap(start + span / 2.0), span)
}

/// Fits a view of `points` (longitude, latitude in degrees) into the plot area `plot`
/// (pixels): projection chosen by [`choose_projection`], a margin of [`MARGIN`], at least
/// [`MIN_SPAN_DEGREES`] across, then the short side grown to the plot area's shape.
pub fn fit(points: &[(f64, f64)], plot: Rect) -> View {
    let projection = choose_projection(points);
    let (mut x0, mut x1, y0, mut y1) = if projection.is_world() {
        let (south, north) = WORLD_LATS;
        let (_, y_south) = projection::equal_earth(0.0, south);
        let (_, y_north) = projection::equal_earth(0.0, north);
        let (x_east, _) = projection::equal_earth(180.0, 0.0);
        let mut b = (-x_east, x_east, y_south, y_north);
        for p in points.iter().filter_map(|p| projection.project(p.0, p.1)) {
            b.2 = b.2.min(p.1);
            b.3 = b.3.max(p.1);
        }
        b
    } else {
        let mut b = (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        );
        for p in points.iter().filter_map(|p| projection.project(p.0, p.1)) {
            b = (b.0.min(p.0), b.1.max(p.0), b.2.min(p.1), b.3.max(p.1));
        }
        if !b.0.is_finite() {
            b = (0.0, 0.0, 0.0, 0.0);
        }
        let (mx, my) = (MARGIN * (b.1 - b.0), MARGIN * (b.3 - b.2));
        let min = MIN_SPAN_DEGREES.to_radians();
        let (mx, my) = (
            mx.max((min - (b.1 - b.0)) / 2.0),
            my.max((min - (b.3 - b.2)) / 2.0),
        );
        (b.0 - mx, b.1 + mx, b.2 - my, b.3 + my)
    };
    // Grow the short side to the plot area's aspect ratio.
    let aspect = plot.width() / plot.height();
    let (w, h) = (x1 - x0, y1 - y0);
    if w / h < aspect {
        let grow = (h * aspect - w) / 2.0;
        x0 -= grow;
        x1 += grow;
    } else {
        // Only the top edge is kept: the bottom follows from the scale.
        y1 += (w / aspect - h) / 2.0;
    }
    View {
        projection,
        x0,
        y1,
        scale: plot.width() / (x1 - x0),
        plot,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: [(f64, f64); 8] = [
        (5.6, 52.4),
        (-101.0, 57.0),
        (-98.0, 39.0),
        (25.2, 42.7),
        (2.5, 46.5),
        (24.9, 45.8),
        (-2.1, 54.4),
        (4.3, 52.08),
    ];

    fn plot() -> Rect {
        Rect::new(20.0, 70.0, 1580.0, 970.0)
    }

    #[test]
    fn seed_gets_a_regional_view_containing_every_marker() {
        let view = fit(&SEED, plot());
        assert!(matches!(
            view.projection,
            Projection::LambertAzimuthal { .. }
        ));
        let inner = plot().inflate(-0.05 * plot().height());
        for &(lon, lat) in &SEED {
            let (x, y) = view.pixel(lon, lat).unwrap();
            assert!(inner.contains(x, y), "({lon}, {lat}) at ({x}, {y})");
        }
    }

    #[test]
    fn lon_lat_bounds_hold_the_view() {
        let view = fit(&[(2.5, 46.5), (25.0, 45.0)], plot());
        let (w, s, e, n) = view.lon_lat_bounds().unwrap();
        assert!(w < -5.0 && e > 30.0 && s < 40.0 && n > 52.0 && n < 80.0);
        // The seed's view is bounded in the south only.
        let (w, s, e, n) = fit(&SEED, plot()).lon_lat_bounds().unwrap();
        assert!(
            s > 0.0 && s < 30.0 && (w, e) == (-180.0, 180.0) && n > 80.0,
            "{s} {n}"
        );
    }

    #[test]
    fn single_place_still_shows_neighbours() {
        let view = fit(&[(2.5, 46.5)], plot());
        let across = plot().height() / view.scale; // radians, the short side
        assert!(across.to_degrees() >= MIN_SPAN_DEGREES - 1e-9);
        let (x, y) = view.pixel(2.5, 46.5).unwrap();
        assert!((x - 800.0).abs() < 1e-6 && (y - 520.0).abs() < 1e-6);
    }

    #[test]
    fn far_apart_places_get_the_world() {
        let points = [(151.2, -33.9), (-74.0, 40.7), (2.3, 48.9)];
        let view = fit(&points, plot());
        assert!(view.is_world());
        for &(lon, lat) in &points {
            let (x, y) = view.pixel(lon, lat).unwrap();
            assert!(plot().contains(x, y));
        }
        // The whole width of the world fits.
        let (xe, _) = view.pixel(180.0, 0.0).unwrap();
        assert!(xe <= plot().x1 + 1e-6);
    }

    #[test]
    fn longitude_range_crosses_the_antimeridian() {
        let (mid, span) = longitude_range(&[(170.0, 0.0), (-170.0, 0.0)]);
        assert!((span - 20.0).abs() < 1e-9);
        assert!((mid.abs() - 180.0).abs() < 1e-9);
        assert!(matches!(
            choose_projection(&[(170.0, -40.0), (-175.0, -20.0)]),
            Projection::LambertAzimuthal { .. }
        ));
    }

    #[test]
    fn aspect_ratio_matches_the_plot_area() {
        let view = fit(&[(0.0, 40.0), (1.0, 60.0)], plot());
        // The tall story was widened: both plot edges map to the view.
        let (x, _) = view.pixel(0.5, 50.0).unwrap();
        assert!((x - plot().x0 - plot().width() / 2.0).abs() < 5.0);
    }
}

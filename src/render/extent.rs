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

use super::options::ProjectionChoice;
use super::projection::{self, Projection};

/// Largest distance (degrees of arc) from the events' centre for a regional map. Default: 60°.
pub const REGIONAL_MAX_RADIUS: f64 = 60.0;
/// Largest span of latitude (degrees) for a regional map. Default: 70°.
pub const REGIONAL_MAX_LAT_SPAN: f64 = 70.0;
/// Margin added on each side of the events' bounding box, as a share of its size. Default: 12%.
pub(crate) const MARGIN: f64 = 0.12;
/// Smallest view, degrees of arc across (either side). Default: 15°.
pub(crate) const MIN_SPAN_DEGREES: f64 = 15.0;
/// Latitudes a world view shows at least (degrees). Default: 58° S to 84° N.
pub(crate) const WORLD_LATS: (f64, f64) = (-58.0, 84.0);

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
    pub(crate) fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    /// Width in pixels.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in pixels.
    pub(crate) fn height(&self) -> f64 {
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
    pub(crate) fn overlap(&self, other: &Rect) -> f64 {
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
    pub(crate) fn to_pixel(self, (x, y): (f64, f64)) -> (f64, f64) {
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

    /// How much the plot shows across, roughly, in degrees of arc (its width in projected
    /// units: radians on the unit sphere near the centre).
    pub(crate) fn span_degrees(&self) -> f64 {
        (self.plot.width() / self.scale).to_degrees()
    }

    /// Kilometres per pixel at the centre of the plot along its horizontal, where the
    /// projection has one scale there (Lambert azimuthal, Mercator); `None` otherwise.
    pub(crate) fn km_per_pixel(&self) -> Option<f64> {
        const EARTH_KM: f64 = 6371.0088;
        match self.projection {
            Projection::LambertAzimuthal { .. } => Some(EARTH_KM / self.scale),
            Projection::WebMercator { .. } => {
                let y = self.y1 - self.plot.height() / 2.0 / self.scale;
                let lat = (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).cos();
                Some(EARTH_KM * lat / self.scale)
            }
            _ => None,
        }
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
pub(crate) fn choose_projection(points: &[(f64, f64)]) -> Projection {
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
        Projection::EqualEarth {
            lon0: world_centre(points),
        }
    }
}

/// The central meridian of a world map of these points: Greenwich, unless the shortest range
/// of longitudes holding them crosses ±180° (a Pacific story), then its middle rounded to 10°.
pub(crate) fn world_centre(points: &[(f64, f64)]) -> f64 {
    if points.is_empty() {
        return 0.0;
    }
    let (mid, span) = longitude_range(points);
    let west = projection::wrap(mid - span / 2.0);
    if span < 359.0 && west + span > 180.0 {
        (mid / 10.0).round() * 10.0
    } else {
        0.0
    }
}

/// The central meridian of a world choropleth of these points (the shaded countries):
/// Greenwich, the map readers expect, unless the widest gap between the countries'
/// longitudes holds it (no shaded country near Europe or Africa: a Pacific corpus), then
/// [`world_centre`]'s Pacific centre. Unlike a story's few places, a corpus usually has
/// countries all round the world; centring it on the Pacific would push a dense Europe to the
/// map's edge, where Equal Earth shears shapes most.
pub(crate) fn shading_centre(points: &[(f64, f64)]) -> f64 {
    if points.is_empty() {
        return 0.0;
    }
    let (mid, span) = longitude_range(points);
    // Greenwich lies in the left-out gap when it is farther from the range's middle than
    // half the range.
    if projection::wrap(0.0 - mid).abs() > span / 2.0 {
        world_centre(points)
    } else {
        0.0
    }
}

/// The middle and width (degrees) of the shortest range of longitudes holding every point,
/// which may cross ±180°. The middle is in [-180, 180]; `mid - span / 2` is the western end.
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
#[cfg(test)]
pub(crate) fn fit(points: &[(f64, f64)], plot: Rect) -> View {
    let projection = choose_projection(points);
    fit_view(
        points,
        projection,
        projection.is_world(),
        MARGIN,
        MIN_SPAN_DEGREES,
        plot,
        plot,
    )
}

/// Fits `points` with `projection` into `target` (pixels, a part of `plot`), and returns
/// the view of the whole `plot` at that scale. `world`: the view holds the whole world
/// between [`WORLD_LATS`] (and the points). `margin`: share of the points' box added on
/// each side; the view is at least `min_span` degrees of arc across either way.
pub(crate) fn fit_view(
    points: &[(f64, f64)],
    projection: Projection,
    world: bool,
    margin: f64,
    min_span: f64,
    target: Rect,
    plot: Rect,
) -> View {
    let mut b = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    let mut add = |p: (f64, f64)| {
        b = (b.0.min(p.0), b.1.max(p.0), b.2.min(p.1), b.3.max(p.1));
    };
    if world {
        let (south, north) = WORLD_LATS;
        let lon0 = projection.lon0();
        for i in 0..=36 {
            let lon = lon0 - 180.0 + 10.0 * i as f64;
            for lat in [south, north] {
                if let Some(p) = projection.project(lon, lat) {
                    add(p);
                }
            }
        }
        for lat in [south, 0.0, north] {
            for lon in [lon0 - 179.999, lon0 + 179.999] {
                if let Some(p) = projection.project(lon, lat) {
                    add(p);
                }
            }
        }
    }
    for p in points.iter().filter_map(|p| projection.project(p.0, p.1)) {
        add(p);
    }
    if !b.0.is_finite() {
        b = (0.0, 0.0, 0.0, 0.0);
    }
    let (x0, x1, y0, y1) = if world {
        b
    } else {
        let (mx, my) = (margin * (b.1 - b.0), margin * (b.3 - b.2));
        let min = min_span.to_radians();
        let (mx, my) = (
            mx.max((min - (b.1 - b.0)) / 2.0),
            my.max((min - (b.3 - b.2)) / 2.0),
        );
        (b.0 - mx, b.1 + mx, b.2 - my, b.3 + my)
    };
    let (mut x0, mut x1, y0, mut y1) = (x0, x1, y0, y1);
    // Grow the short side to the target area's aspect ratio.
    let aspect = target.width() / target.height();
    let (w, h) = (x1 - x0, y1 - y0);
    if w / h < aspect {
        let grow = (h * aspect - w) / 2.0;
        x0 -= grow;
        x1 += grow;
    } else {
        // Only the top edge is kept: the bottom follows from the scale.
        y1 += (w / aspect - h) / 2.0;
    }
    let _ = y0;
    let scale = target.width() / (x1 - x0);
    View {
        projection,
        x0: x0 - (target.x0 - plot.x0) / scale,
        y1: y1 + (target.y0 - plot.y0) / scale,
        scale,
        plot,
    }
}

/// Points along the edges of a box of longitudes and latitudes (degrees; `west > east`
/// crosses ±180°), every 2° or so, for fitting a view to the box.
pub(crate) fn box_points(west: f64, south: f64, east: f64, north: f64) -> Vec<(f64, f64)> {
    let east = if east < west { east + 360.0 } else { east };
    let n = 24;
    let mut out = Vec::with_capacity(4 * n + 4);
    for i in 0..=n {
        let t = i as f64 / n as f64;
        let lon = projection::wrap(west + (east - west) * t);
        let lat = south + (north - south) * t;
        out.extend([
            (lon, south),
            (lon, north),
            (west, lat),
            (projection::wrap(east), lat),
        ]);
    }
    // The middle too, so a large box's centre (which bulges in azimuthal views) is held.
    out.push((projection::wrap((west + east) / 2.0), (south + north) / 2.0));
    out
}

/// The projection `choice` makes for a view of `points` (degrees); `world`: the view shows
/// the whole world.
pub(crate) fn projection_for(
    choice: ProjectionChoice,
    points: &[(f64, f64)],
    world: bool,
) -> Projection {
    let auto = choose_projection(points);
    let lon0 = if world || auto.is_world() {
        world_centre(points)
    } else {
        auto.lon0()
    };
    let centre = || match auto {
        Projection::LambertAzimuthal { lon0, lat0 } => (lon0, lat0),
        _ => {
            let (mid, _) = if points.is_empty() {
                (0.0, 0.0)
            } else {
                longitude_range(points)
            };
            let lat = points.iter().map(|p| p.1).sum::<f64>() / points.len().max(1) as f64;
            (mid, lat)
        }
    };
    match choice {
        ProjectionChoice::Auto if world => Projection::EqualEarth { lon0 },
        ProjectionChoice::Auto => auto,
        ProjectionChoice::EqualEarth => Projection::EqualEarth { lon0 },
        ProjectionChoice::Laea => {
            let (lon0, lat0) = centre();
            Projection::LambertAzimuthal { lon0, lat0 }
        }
        ProjectionChoice::Mercator => Projection::WebMercator { lon0 },
        ProjectionChoice::PlateCarree => Projection::PlateCarree { lon0 },
    }
}

/// Single-linkage clusters of points at [`CLUSTER_LINK`] degrees of arc: indices, each
/// cluster in ascending order, clusters by their first index.
pub(crate) fn clusters(points: &[(f64, f64)]) -> Vec<Vec<usize>> {
    let n = points.len();
    let mut label: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            if projection::arc_degrees(points[i], points[j]) <= CLUSTER_LINK {
                let (a, b) = (label[i], label[j]);
                if a != b {
                    let (keep, drop) = (a.min(b), a.max(b));
                    for l in label.iter_mut() {
                        if *l == drop {
                            *l = keep;
                        }
                    }
                }
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        match out.iter_mut().find(|c| label[c[0]] == label[i]) {
            Some(c) => c.push(i),
            None => out.push(vec![i]),
        }
    }
    out
}

/// Largest distance (degrees of arc) between neighbouring places of one cluster. Default:
/// 30° (about 3,300 km: Lisbon to Warsaw is 25°, Texas to northern Canada 21°; the
/// Atlantic, 45° or more between the nearest places, separates Europe from North America).
pub(crate) const CLUSTER_LINK: f64 = 30.0;
/// An inset is drawn when it makes the main cluster at least this many times larger than a
/// single view holding every place would. Default: 2.
pub(crate) const INSET_GAIN: f64 = 2.0;

/// Widest distance (degrees of arc) between two of the points, at least [`MIN_SPAN_DEGREES`].
fn diameter(points: &[(f64, f64)]) -> f64 {
    let mut d: f64 = MIN_SPAN_DEGREES;
    for (i, &a) in points.iter().enumerate() {
        for &b in &points[i + 1..] {
            d = d.max(projection::arc_degrees(a, b));
        }
    }
    d
}

/// The places a map splits off into an inset: indices into `places`, or `None` for one view.
///
/// The rule (DESIGN.md, "Extent and insets"): the places form exactly two clusters
/// ([`clusters`]); the main one holds more places than the other, or as many and the hub
/// (`hub`: indices of coordination places); and drawing it alone makes it at least
/// [`INSET_GAIN`] times larger than a view of every place would (diameters compared).
pub(crate) fn inset_split(places: &[(f64, f64)], hub: &[usize]) -> Option<Vec<usize>> {
    let groups = clusters(places);
    let [a, b] = &groups[..] else {
        return None;
    };
    let has_hub = |c: &[usize]| c.iter().any(|i| hub.contains(i));
    let (main, minor) = match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Greater => (a, b),
        std::cmp::Ordering::Less => (b, a),
        std::cmp::Ordering::Equal if has_hub(a) && !has_hub(b) => (a, b),
        std::cmp::Ordering::Equal if has_hub(b) && !has_hub(a) => (b, a),
        std::cmp::Ordering::Equal => return None,
    };
    let pick = |c: &[usize]| c.iter().map(|&i| places[i]).collect::<Vec<_>>();
    let gain = diameter(places) / diameter(&pick(main));
    (gain >= INSET_GAIN).then(|| minor.clone())
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

    #[test]
    fn the_seed_splits_north_america_into_an_inset() {
        // SEED: NL, CA, US, BG, FR, RO, GB, The Hague (the hub, index 7).
        assert_eq!(inset_split(&SEED, &[7]), Some(vec![1, 2]));
        // One continent: no inset. Three clusters: none either.
        assert_eq!(inset_split(&SEED[3..], &[4]), None);
        let three = [(2.3, 48.9), (-77.0, 38.9), (151.2, -33.9), (139.7, 35.7)];
        assert_eq!(inset_split(&three, &[]), None);
        // Two places a continent apart, neither the hub: no main cluster, no inset.
        assert_eq!(inset_split(&[(2.3, 48.9), (-77.0, 38.9)], &[]), None);
    }

    #[test]
    fn world_maps_centre_on_the_pacific_for_pacific_stories() {
        assert_eq!(world_centre(&SEED), 0.0);
        let pacific = [(-98.0, 39.0), (138.0, 36.0), (134.0, -25.0), (178.0, -18.0)];
        let lon0 = world_centre(&pacific);
        assert!((-180.0..=-120.0).contains(&lon0) || lon0 >= 150.0, "{lon0}");
    }

    #[test]
    fn world_choropleths_centre_on_greenwich_unless_europe_and_africa_are_empty() {
        // Japan, Australia, New Zealand, the Americas and Europe to Ukraine: the widest gap
        // (Ukraine to Australia) leaves Greenwich in the range, so Greenwich, where the
        // single-map rule would centre on the Americas.
        let corpus = [
            (138.0, 36.0),
            (134.0, -25.0),
            (172.0, -41.0),
            (-98.0, 39.0),
            (-52.0, -10.0),
            (5.3, 52.1),
            (-3.7, 40.4),
            (31.0, 49.0),
        ];
        assert!(world_centre(&corpus) < -60.0);
        assert_eq!(shading_centre(&corpus), 0.0);
        // A Pacific corpus keeps the Pacific centre.
        let pacific = [(-98.0, 39.0), (138.0, 36.0), (134.0, -25.0), (178.0, -18.0)];
        assert_eq!(shading_centre(&pacific), world_centre(&pacific));
        assert_ne!(shading_centre(&pacific), 0.0);
        assert_eq!(shading_centre(&[]), 0.0);
    }
}

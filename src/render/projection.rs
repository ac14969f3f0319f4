//! Map projections: small pure functions from longitude/latitude to plane coordinates.
//!
//! In: longitude and latitude in degrees (WGS 84 treated as a sphere). Out: `(x, y)` on a
//! sphere of radius 1 (multiply by a radius for metres), x east, y **north** (up), so a
//! caller that draws on a screen flips y.
//!
//! - [`equal_earth`]: Equal Earth (Šavrič, Patterson and Jenny 2018), for world maps.
//! - [`lambert_azimuthal`]: Lambert azimuthal equal-area, spherical (Snyder 1987, pp. 182–190),
//!   centred on the events, for continental and regional maps.
//! - [`web_mercator`] and [`plate_carree`], for a later `--projection` flag.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

/// Web Mercator stops at this latitude (degrees), where the map becomes square.
pub const MERCATOR_MAX_LAT: f64 = 85.051_128_779_806_59;

/// A projection with its parameters (degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    /// Equal Earth with central meridian `lon0`.
    EqualEarth {
        /// Central meridian, degrees.
        lon0: f64,
    },
    /// Lambert azimuthal equal-area centred on (`lon0`, `lat0`).
    LambertAzimuthal {
        /// Centre longitude, degrees.
        lon0: f64,
        /// Centre latitude, degrees.
        lat0: f64,
    },
    /// Spherical (Web) Mercator, EPSG:3857 on the unit sphere, central meridian `lon0`.
    WebMercator {
        /// Central meridian, degrees.
        lon0: f64,
    },
    /// Plate carrée (equirectangular with standard parallel 0): x = λ, y = φ in radians,
    /// central meridian `lon0`.
    PlateCarree {
        /// Central meridian, degrees.
        lon0: f64,
    },
}

impl Projection {
    /// The same projection with central meridian `lon0`; an azimuthal projection keeps its
    /// centre.
    pub(crate) fn with_lon0(self, lon0: f64) -> Projection {
        match self {
            Projection::EqualEarth { .. } => Projection::EqualEarth { lon0 },
            Projection::WebMercator { .. } => Projection::WebMercator { lon0 },
            Projection::PlateCarree { .. } => Projection::PlateCarree { lon0 },
            azimuthal @ Projection::LambertAzimuthal { .. } => azimuthal,
        }
    }

    /// Projects a point given as longitude, latitude in degrees. `None` where the projection
    /// is undefined (the antipode of an azimuthal projection's centre).
    pub(crate) fn project(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        match *self {
            Projection::EqualEarth { lon0 } => Some(equal_earth(wrap(lon - lon0), lat)),
            Projection::LambertAzimuthal { lon0, lat0 } => lambert_azimuthal(lon0, lat0, lon, lat),
            Projection::WebMercator { lon0 } => Some(web_mercator(wrap(lon - lon0), lat)),
            Projection::PlateCarree { lon0 } => Some(plate_carree(wrap(lon - lon0), lat)),
        }
    }

    /// The edge of the whole globe in projected coordinates, as a closed ring (first point
    /// repeated), for painting the sea. Longitude, latitude steps of 1°.
    pub(crate) fn globe(&self) -> Vec<(f64, f64)> {
        match *self {
            Projection::EqualEarth { .. } => {
                let mut ring = Vec::with_capacity(364);
                for i in 0..=180 {
                    ring.push(equal_earth(-180.0, -90.0 + i as f64));
                }
                for i in 0..=180 {
                    ring.push(equal_earth(180.0, 90.0 - i as f64));
                }
                ring.push(ring[0]);
                ring
            }
            Projection::LambertAzimuthal { .. } => {
                // The antipode maps to a circle of radius 2.
                let mut ring: Vec<(f64, f64)> = (0..360)
                    .map(|i| {
                        let a = (i as f64).to_radians();
                        (2.0 * a.cos(), 2.0 * a.sin())
                    })
                    .collect();
                ring.push(ring[0]);
                ring
            }
            Projection::WebMercator { .. } => rectangle(PI, PI),
            Projection::PlateCarree { .. } => rectangle(PI, FRAC_PI_2),
        }
    }

    /// The central meridian, degrees.
    pub fn lon0(&self) -> f64 {
        match *self {
            Projection::EqualEarth { lon0 }
            | Projection::LambertAzimuthal { lon0, .. }
            | Projection::WebMercator { lon0 }
            | Projection::PlateCarree { lon0 } => lon0,
        }
    }

    /// True for cylindrical and pseudo-cylindrical projections, whose edge is the meridian
    /// opposite `lon0` (shapes crossing it must be cut there).
    pub(crate) fn has_seam(&self) -> bool {
        !matches!(self, Projection::LambertAzimuthal { .. })
    }

    /// True for projections that show the whole world (their detail is [`World`]).
    ///
    /// [`World`]: crate::gazetteer::Detail::World
    pub(crate) fn is_world(&self) -> bool {
        !matches!(self, Projection::LambertAzimuthal { .. })
    }
}

fn rectangle(half_width: f64, half_height: f64) -> Vec<(f64, f64)> {
    vec![
        (-half_width, -half_height),
        (half_width, -half_height),
        (half_width, half_height),
        (-half_width, half_height),
        (-half_width, -half_height),
    ]
}

/// Wraps a longitude difference into [-180, 180] degrees.
pub(crate) fn wrap(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

const EE_A1: f64 = 1.340_264;
const EE_A2: f64 = -0.081_106;
const EE_A3: f64 = 0.000_893;
const EE_A4: f64 = 0.003_796;

/// Equal Earth (Šavrič, Patterson and Jenny 2018, eq. 1–2), central meridian 0, unit sphere.
/// Longitude, latitude in degrees.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos()
        / (m * (EE_A1 + 3.0 * EE_A2 * t2 + t6 * (7.0 * EE_A3 + 9.0 * EE_A4 * t2)));
    let y = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
    (x, y)
}

/// Lambert azimuthal equal-area, spherical (Snyder 1987, eq. 24-2 to 24-4), centred on
/// (`lon0`, `lat0`), unit sphere. All in degrees. `None` at the antipode of the centre.
pub fn lambert_azimuthal(lon0: f64, lat0: f64, lon: f64, lat: f64) -> Option<(f64, f64)> {
    Centre::new(lon0, lat0).lambert_azimuthal(lon, lat)
}

/// The centre of an azimuthal projection with its sine and cosine worked out once, for
/// projecting many points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Centre {
    lon0: f64,
    sin_p1: f64,
    cos_p1: f64,
}

impl Centre {
    /// The centre (`lon0`, `lat0`), degrees.
    pub(crate) fn new(lon0: f64, lat0: f64) -> Centre {
        let (sin_p1, cos_p1) = lat0.to_radians().sin_cos();
        Centre {
            lon0,
            sin_p1,
            cos_p1,
        }
    }

    /// [`lambert_azimuthal`] from this centre.
    pub fn lambert_azimuthal(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let (lon0, sin_p1, cos_p1) = (self.lon0, self.sin_p1, self.cos_p1);
        lambert_azimuthal_from(lon0, sin_p1, cos_p1, lon, lat)
    }
}

fn lambert_azimuthal_from(
    lon0: f64,
    sin_p1: f64,
    cos_p1: f64,
    lon: f64,
    lat: f64,
) -> Option<(f64, f64)> {
    let (sin_p, cos_p) = lat.to_radians().sin_cos();
    let (sin_dl, cos_dl) = (lon - lon0).to_radians().sin_cos();
    let denominator = 1.0 + sin_p1 * sin_p + cos_p1 * cos_p * cos_dl;
    if denominator <= 1e-12 {
        return None;
    }
    let k = (2.0 / denominator).sqrt();
    Some((
        k * cos_p * sin_dl,
        k * (cos_p1 * sin_p - sin_p1 * cos_p * cos_dl),
    ))
}

/// The inverse of [`lambert_azimuthal`] (Snyder 1987, eq. 24-16, 24-17, 24-18 and 20-14):
/// the longitude, latitude (degrees) of a point of the unit-sphere plane; `None` beyond the
/// circle of radius 2 that bounds the projection.
pub(crate) fn lambert_azimuthal_inverse(
    lon0: f64,
    lat0: f64,
    x: f64,
    y: f64,
) -> Option<(f64, f64)> {
    let rho = x.hypot(y);
    if rho > 2.0 {
        return None;
    }
    if rho < 1e-15 {
        return Some((lon0, lat0));
    }
    let c = 2.0 * (rho / 2.0).asin();
    let (sin_c, cos_c) = c.sin_cos();
    let (sin_p1, cos_p1) = lat0.to_radians().sin_cos();
    let lat = (cos_c * sin_p1 + y * sin_c * cos_p1 / rho)
        .clamp(-1.0, 1.0)
        .asin();
    let lon = (x * sin_c).atan2(rho * cos_p1 * cos_c - y * sin_p1 * sin_c);
    Some((wrap(lon0 + lon.to_degrees()), lat.to_degrees()))
}

/// Spherical (Web) Mercator on the unit sphere (EPSG:3857 divided by its radius). Latitudes
/// beyond ±[`MERCATOR_MAX_LAT`] are clamped to it. Degrees in.
pub fn web_mercator(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-MERCATOR_MAX_LAT, MERCATOR_MAX_LAT);
    (
        lon.to_radians(),
        (FRAC_PI_4 + lat.to_radians() / 2.0).tan().ln(),
    )
}

/// Plate carrée on the unit sphere: x = λ, y = φ in radians. Degrees in.
pub fn plate_carree(lon: f64, lat: f64) -> (f64, f64) {
    (lon.to_radians(), lat.to_radians())
}

/// Great-circle distance between two points, in degrees of arc. Degrees in.
pub(crate) fn arc_degrees(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    (2.0 * h.sqrt().min(1.0).asin()).to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: (f64, f64), want: (f64, f64), epsilon: f64) {
        assert!(
            (got.0 - want.0).abs() <= epsilon && (got.1 - want.1).abs() <= epsilon,
            "got {got:?}, want {want:?} (±{epsilon})"
        );
    }

    #[test]
    fn equal_earth_matches_proj() {
        // PROJ `+proj=eqearth +R=1` (the reference implementation by the authors).
        close(equal_earth(0.0, 0.0), (0.0, 0.0), 1e-12);
        close(
            equal_earth(180.0, 0.0),
            (2.706_629_983_696_074_8, 0.0),
            1e-6,
        );
        close(equal_earth(0.0, 90.0), (0.0, 1.317_362_759_157_413_3), 1e-6);
        close(
            equal_earth(-52.0, -12.0),
            (-0.773_739_857_132_646_6, -0.242_165_741_207_224_3),
            1e-6,
        );
        close(
            equal_earth(120.0, 60.0),
            (1.359_373_391_714_372_9, 1.088_300_835_505_319_4),
            1e-6,
        );
        // PROJ's gie test: +proj=eqearth +R=6378137 maps (180, 0) to 17263256.84 m.
        let (x, _) = equal_earth(180.0, 0.0);
        assert!((x * 6_378_137.0 - 17_263_256.84).abs() < 0.01);
    }

    #[test]
    fn lambert_azimuthal_matches_snyder() {
        // Snyder (1987), Map Projections — A Working Manual, pp. 332–333: R = 3,
        // centre 40° N, 100° W; the point 20° S, 100° E gives x = -4.2339303, y = 4.0257775.
        let (x, y) = lambert_azimuthal(-100.0, 40.0, 100.0, -20.0).unwrap();
        close((3.0 * x, 3.0 * y), (-4.233_930_3, 4.025_777_5), 1e-6);
        close(
            lambert_azimuthal(10.0, 50.0, 10.0, 50.0).unwrap(),
            (0.0, 0.0),
            1e-12,
        );
        assert_eq!(lambert_azimuthal(0.0, 0.0, 180.0, 0.0), None);
        // Snyder's inverse example, same numbers.
        close(
            lambert_azimuthal_inverse(-100.0, 40.0, -4.233_930_3 / 3.0, 4.025_777_5 / 3.0).unwrap(),
            (100.0, -20.0),
            1e-6,
        );
        let p = Projection::LambertAzimuthal {
            lon0: -100.0,
            lat0: 40.0,
        };
        close(p.project(100.0, -20.0).unwrap(), (x, y), 1e-12);
    }

    #[test]
    fn web_mercator_matches_epsg() {
        // EPSG Guidance Note 7-2, Popular Visualisation Pseudo-Mercator example:
        // 24°22'54.433" N, 100°20'00" W gives E = -11169055.58 m, N = 2800000.00 m.
        let lat = 24.0 + 22.0 / 60.0 + 54.433 / 3600.0;
        let lon = -(100.0 + 20.0 / 60.0);
        let (x, y) = web_mercator(lon, lat);
        let r = 6_378_137.0;
        close((x * r, y * r), (-11_169_055.58, 2_800_000.00), 0.01);
        close(web_mercator(0.0, 90.0), (0.0, PI), 1e-9);
    }

    #[test]
    fn plate_carree_is_radians() {
        close(plate_carree(180.0, -90.0), (PI, -FRAC_PI_2), 1e-15);
        close(plate_carree(45.0, 30.0), (PI / 4.0, PI / 6.0), 1e-15);
    }

    #[test]
    fn wraps_longitudes() {
        assert_eq!(wrap(190.0), -170.0);
        assert_eq!(wrap(-190.0), 170.0);
        assert_eq!(wrap(180.0), 180.0);
        let p = Projection::EqualEarth { lon0: 10.0 };
        close(p.project(10.0, 0.0).unwrap(), (0.0, 0.0), 1e-12);
    }

    #[test]
    fn arc_between_poles_is_180() {
        assert!((arc_degrees((0.0, 90.0), (0.0, -90.0)) - 180.0).abs() < 1e-9);
        assert!((arc_degrees((0.0, 0.0), (90.0, 0.0)) - 90.0).abs() < 1e-9);
    }
}

//! Choropleth classes: where the class breaks fall, how a class is labelled and coloured.
//!
//! In: the largest value (a count), or a value and the breaks. Out: the breaks (each class's
//! lower bound), the class of a value, a label per class ("1", "2–4", "25+") and a colour per
//! class for a theme.
//!
//! The rule for counts ([`count_breaks`]): lower bounds from the ladder 1, 2, 5, 10, 25, 50,
//! 100, 250, 500, 1000, … (1, 2.5 and 5 times a power of ten; 2 rather than 2.5 below ten,
//! since counts are whole), those at or below the maximum. Up to [`MAX_CLASSES`] of them are
//! all used; beyond that every second (third, …) step is kept, counted down from the highest,
//! always keeping 1 as the first lower bound. Each class is thus about 2 to 2.5 times (or a
//! multiple of that) the one below: a geometric scale, suited to counts, whose spread over
//! countries is skewed (a few countries in most articles, many in one or two). A value below
//! the first bound (0) has no class: its country keeps the plain land colour.

use super::options::Theme;
use plotters::style::RGBColor;

/// Most classes a choropleth has. Default: 6.
pub const MAX_CLASSES: usize = 6;

/// The steps a count's classes start at: 1, 2, 5, 10, 25, 50, 100, 250, … up to `max`
/// (always at least `[1]`).
fn ladder(max: f64) -> Vec<f64> {
    let mut out = vec![1.0];
    for step in [2.0, 5.0] {
        if step <= max {
            out.push(step);
        }
    }
    let mut power = 10.0;
    'outer: while power <= max && power < 1e15 {
        for k in [1.0, 2.5, 5.0] {
            let step = k * power;
            if step > max {
                break 'outer;
            }
            out.push(step);
        }
        power *= 10.0;
    }
    out
}

/// The class breaks (each class's lower bound, ascending, the first 1) for counts up to
/// `max`, by the rule in the module docs. A `max` below 1 (or NaN) gives `[1]`.
pub fn count_breaks(max: f64) -> Vec<f64> {
    let steps = ladder(if max.is_nan() { 0.0 } else { max });
    if steps.len() <= MAX_CLASSES {
        return steps;
    }
    let top = steps.len() - 1;
    (2..=top)
        .find_map(|stride| {
            let mut picked: Vec<f64> = (0..=top / stride)
                .map(|j| top - j * stride)
                .filter(|&i| i >= 1)
                .map(|i| steps[i])
                .collect();
            picked.push(1.0);
            picked.reverse();
            (picked.len() <= MAX_CLASSES).then_some(picked)
        })
        .unwrap_or_else(|| vec![1.0])
}

/// The class of `value`: the last break at or below it; `None` below the first break (or for
/// NaN).
pub(crate) fn class_of(breaks: &[f64], value: f64) -> Option<usize> {
    breaks.iter().rposition(|&b| b <= value)
}

/// A label per class: "1", "2–4", "5–9", "25+" (whole numbers, thousands separated). A class
/// `[a, b)` of whole numbers reads "a–(b−1)", or "a" when it holds one number; the last one
/// reads "a+", or "a" when `max` is `a`. Breaks that are not whole read "a–b" and "a+".
pub(crate) fn labels(breaks: &[f64], max: f64) -> Vec<String> {
    let whole = breaks.iter().all(|b| b.fract() == 0.0);
    breaks
        .iter()
        .enumerate()
        .map(|(i, &lo)| match breaks.get(i + 1) {
            Some(&next) if whole => {
                let hi = next - 1.0;
                if hi <= lo {
                    number(lo)
                } else {
                    format!("{}–{}", number(lo), number(hi))
                }
            }
            Some(&next) => format!("{}–{}", number(lo), number(next)),
            None if whole && max <= lo => number(lo),
            None => format!("{}+", number(lo)),
        })
        .collect()
}

/// A number as a legend shows it: whole numbers with thousands separators, others with up to
/// two decimals.
pub(crate) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = (v.abs() as u64).to_string();
        let mut out = String::new();
        if v < 0.0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        let text = format!("{v:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// ColorBrewer's YlOrRd (Cynthia Brewer, Mark Harrower and The Pennsylvania State University,
/// colorbrewer2.org, Apache 2.0 licence; sequential, marked colour-blind safe): its schemes
/// of 3 to 7 classes, lightest first.
const YL_OR_RD: [&[u32]; 5] = [
    &[0xffeda0, 0xfeb24c, 0xf03b20],
    &[0xffffb2, 0xfecc5c, 0xfd8d3c, 0xe31a1c],
    &[0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026],
    &[0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026],
    &[
        0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026,
    ],
];

fn rgb(hex: u32) -> RGBColor {
    RGBColor((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// The colours of `n` classes (1 to [`MAX_CLASSES`]; more are clamped), fewest first, from
/// ColorBrewer's YlOrRd scheme of `n + 1` classes with one end dropped so that every class
/// stands clear of the plain land colour:
/// - light theme: the lightest dropped; few is yellow, many is dark red (darker is more, on
///   light paper);
/// - dark theme: the darkest dropped and the order reversed; few is red, many is pale yellow
///   (brighter is more, on dark paper).
///
/// One class takes the scheme's middle orange.
pub fn colors(theme: Theme, n: usize) -> Vec<RGBColor> {
    let n = n.clamp(1, MAX_CLASSES);
    if n == 1 {
        return vec![rgb(0xfd8d3c)];
    }
    let scheme = YL_OR_RD[n - 2];
    match theme {
        Theme::Light => scheme[1..].iter().map(|&h| rgb(h)).collect(),
        Theme::Dark => scheme[..n].iter().rev().map(|&h| rgb(h)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(max: f64) -> Vec<String> {
        labels(&count_breaks(max), max)
    }

    #[test]
    fn breaks_follow_the_ladder_up_to_six_classes() {
        assert_eq!(count_breaks(1.0), [1.0]);
        assert_eq!(count_breaks(4.0), [1.0, 2.0]);
        assert_eq!(count_breaks(12.0), [1.0, 2.0, 5.0, 10.0]);
        assert_eq!(count_breaks(99.0), [1.0, 2.0, 5.0, 10.0, 25.0, 50.0]);
        assert_eq!(labelled(12.0), ["1", "2–4", "5–9", "10+"]);
        assert_eq!(labelled(30.0), ["1", "2–4", "5–9", "10–24", "25+"]);
    }

    #[test]
    fn all_ones_make_one_class_labelled_1() {
        assert_eq!(count_breaks(1.0), [1.0]);
        assert_eq!(labelled(1.0), ["1"]);
        assert_eq!(class_of(&[1.0], 1.0), Some(0));
        assert_eq!(colors(Theme::Light, 1).len(), 1);
    }

    #[test]
    fn a_single_country_falls_in_the_top_class() {
        // One country with 7 articles: classes up to it, the country in the last one.
        let breaks = count_breaks(7.0);
        assert_eq!(breaks, [1.0, 2.0, 5.0]);
        assert_eq!(class_of(&breaks, 7.0), Some(2));
        assert_eq!(labels(&breaks, 7.0), ["1", "2–4", "5+"]);
        // Its maximum exactly on a break: the last class reads as that number.
        assert_eq!(labels(&count_breaks(5.0), 5.0), ["1", "2–4", "5"]);
    }

    #[test]
    fn large_maxima_thin_the_ladder_from_the_top() {
        assert_eq!(count_breaks(1000.0), [1.0, 2.0, 10.0, 50.0, 250.0, 1000.0]);
        assert_eq!(
            labelled(1000.0),
            ["1", "2–9", "10–49", "50–249", "250–999", "1,000"]
        );
        assert_eq!(count_breaks(150.0), [1.0, 5.0, 25.0, 100.0]);
        assert_eq!(count_breaks(700.0), [1.0, 5.0, 25.0, 100.0, 500.0]);
        for max in [
            0.0, 1.0, 3.0, 9.0, 10.0, 99.0, 100.0, 999.0, 1e4, 3e5, 1e9, 1e14,
        ] {
            let b = count_breaks(max);
            assert!((1..=MAX_CLASSES).contains(&b.len()), "{max}: {b:?}");
            assert_eq!(b[0], 1.0, "{max}");
            assert!(b.windows(2).all(|w| w[0] < w[1]), "{max}: {b:?}");
            assert!(
                *b.last().unwrap() <= max.max(1.0),
                "{max}: top class not empty"
            );
            if max >= 1.0 {
                assert_eq!(class_of(&b, max), Some(b.len() - 1), "{max}");
            }
        }
    }

    #[test]
    fn zero_and_nan_have_no_class() {
        let b = count_breaks(40.0);
        assert_eq!(class_of(&b, 0.0), None);
        assert_eq!(class_of(&b, f64::NAN), None);
        assert_eq!(class_of(&b, 1.0), Some(0));
        assert_eq!(class_of(&b, 24.0), Some(3));
        assert_eq!(class_of(&b, 25.0), Some(4));
        assert_eq!(count_breaks(0.0), [1.0]);
        assert_eq!(count_breaks(f64::NAN), [1.0]);
    }

    #[test]
    fn colours_are_sequential_and_clear_of_the_land() {
        // Relative luminance falls (light) or rises (dark) from class to class.
        let lum = |c: RGBColor| {
            0.2126 * f64::from(c.0) + 0.7152 * f64::from(c.1) + 0.0722 * f64::from(c.2)
        };
        for n in 1..=MAX_CLASSES {
            let light = colors(Theme::Light, n);
            let dark = colors(Theme::Dark, n);
            assert_eq!((light.len(), dark.len()), (n, n));
            assert!(light.windows(2).all(|w| lum(w[0]) > lum(w[1])), "{n}");
            assert!(dark.windows(2).all(|w| lum(w[0]) < lum(w[1])), "{n}");
            for (theme, cs) in [(Theme::Light, &light), (Theme::Dark, &dark)] {
                let land = super::super::style::Palette::of(theme).land;
                assert!(cs.iter().all(|&c| c != land));
            }
        }
        assert_eq!(colors(Theme::Light, 5)[4], RGBColor(0xbd, 0x00, 0x26));
        assert_eq!(colors(Theme::Dark, 5)[4], RGBColor(0xff, 0xff, 0xb2));
        assert_eq!(labels(&[0.5, 1.5], 2.0), ["0.5–1.5", "1.5+"]);
    }
}

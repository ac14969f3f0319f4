//! The bar chart: one horizontal bar per country, stacked by action, longest first.
//!
//! In: located events (`opmap map`: a segment counts the country's places with that action)
//! or per-country article counts (`opmap batch`: a segment counts the articles stating that
//! action there; the top [`TOP`] countries, the rest summed into one "others" bar). Out: a
//! [`BarChart`], drawn by [`png()`] and [`svg()`] with plotters' `ChartBuilder` and one series per
//! action, and described by [`alt_text`]. Segments follow the legend's order (seizure, raid,
//! arrest, takedown, coordination, participation), each in its action's colour; the legend
//! shows each action's symbol, as on the map.

use super::{and_list, header, symbol_points, thousands, Look};
use crate::action::Action;
use crate::error::Result;
use crate::gazetteer::PlaceId;
use crate::record::CountryCode;
use crate::render::style;
use crate::resolve::Located;
use plotters::coord::ranged1d::{SegmentValue, SegmentedCoord};
use plotters::coord::types::{RangedCoordi32, RangedCoordu64};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rustc_hash::FxHashSet;

/// The batch chart shows this many countries; the others are summed into one bar.
pub const TOP: usize = 20;

/// What a bar segment counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Events: one per (action, marker) of the map (places sharing a marker count once).
    Events,
    /// Articles stating an action in a country (an article counts once per action).
    Articles,
}

impl Unit {
    /// The x axis' description.
    pub(crate) fn axis(self) -> &'static str {
        match self {
            Unit::Events => "Places with each action (one per action and map marker)",
            Unit::Articles => "Articles stating each action (an article counts once per action)",
        }
    }
}

/// One bar: a country (or the others summed) and its count per action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The country's English name, or "Others (N countries)".
    pub label: String,
    /// The count of each action, in [`Action::ALL`] order.
    pub counts: [u64; 6],
}

impl Bar {
    /// The bar's length: the sum of its segments.
    pub(crate) fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// A bar chart, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    /// The heading, e.g. "Actions per country".
    pub title: String,
    /// The line under it (the map's title or source). Default: none.
    pub subtitle: Option<String>,
    /// What a segment counts.
    pub unit: Unit,
    /// The bars, longest first (ties by label); an "others" bar last.
    pub bars: Vec<Bar>,
}

impl BarChart {
    /// The chart of one map's events: a bar per country, each segment the number of the map's
    /// markers with that action (places that share a marker, such as agencies at one seat,
    /// count once).
    pub fn of_events(located: &[Located], title: &str, subtitle: Option<String>) -> BarChart {
        let mut bars: Vec<(CountryCode, Bar)> = Vec::new();
        // Places that share a marker (agencies at one seat: Europol, its ECTC and its EU IRU
        // in The Hague) count once, as the map shows them once.
        let mut counted: FxHashSet<(Action, Option<PlaceId>, &str)> = FxHashSet::default();
        for e in located {
            let marker = match e.site {
                Some(site) => (e.action, Some(site), ""),
                None => (e.action, None, e.place.as_str()),
            };
            if !counted.insert(marker) {
                continue;
            }
            let i = action_index(e.action);
            match bars.iter_mut().find(|(code, _)| *code == e.country) {
                Some((_, bar)) => bar.counts[i] += 1,
                None => {
                    let mut counts = [0; 6];
                    counts[i] = 1;
                    let label = e.country_name.clone();
                    bars.push((e.country, Bar { label, counts }));
                }
            }
        }
        BarChart {
            title: title.to_string(),
            subtitle,
            unit: Unit::Events,
            bars: ranked(bars.into_iter().map(|(_, bar)| bar).collect(), usize::MAX),
        }
    }

    /// The chart of a corpus: `rows` are (country name, articles per action); the `top`
    /// longest bars are kept and the rest summed into "Others (N countries)".
    pub(crate) fn of_counts(
        rows: impl IntoIterator<Item = (String, [u64; 6])>,
        top: usize,
        title: &str,
        subtitle: Option<String>,
    ) -> BarChart {
        let bars = rows
            .into_iter()
            .map(|(label, counts)| Bar { label, counts })
            .filter(|bar| bar.total() > 0)
            .collect();
        BarChart {
            title: title.to_string(),
            subtitle,
            unit: Unit::Articles,
            bars: ranked(bars, top),
        }
    }

    /// The sum of each action over every bar.
    pub(crate) fn totals(&self) -> [u64; 6] {
        let mut sums = [0; 6];
        for bar in &self.bars {
            for (sum, n) in sums.iter_mut().zip(bar.counts) {
                *sum += n;
            }
        }
        sums
    }
}

fn action_index(action: Action) -> usize {
    Action::ALL
        .iter()
        .position(|&a| a == action)
        .expect("every action is in ALL")
}

/// The bars longest first (ties by label), the ones after the first `top` summed into one.
fn ranked(mut bars: Vec<Bar>, top: usize) -> Vec<Bar> {
    bars.sort_by(|a, b| b.total().cmp(&a.total()).then(a.label.cmp(&b.label)));
    if bars.len() > top {
        let rest = bars.split_off(top);
        let mut counts = [0; 6];
        for bar in &rest {
            for (sum, n) in counts.iter_mut().zip(bar.counts) {
                *sum += n;
            }
        }
        bars.push(Bar {
            label: format!("Others ({} countries)", rest.len()),
            counts,
        });
    }
    bars
}

/// Height of a bar's row, design pixels (at 1600 pixels wide).
const ROW: f64 = 34.0;
/// Height of the x axis with its labels and description, design pixels.
const AXIS: f64 = 52.0;

/// The image size of `chart` at `look`'s width: the header, a row per bar (at least enough
/// for the legend), the axis.
pub(crate) fn size(chart: &BarChart, look: &Look) -> (u32, u32) {
    let s = look.sizes.scale;
    let rows = chart.bars.len().max(1) as f64;
    let legend = legend_rows(chart).max(1) as f64 * 1.7 * look.sizes.legend + 24.0 * s;
    let plot = (rows * ROW * s).max(legend);
    let height = look.sizes.header + 12.0 * s + plot + AXIS * s + look.sizes.margin;
    (look.width, height.ceil() as u32)
}

fn legend_rows(chart: &BarChart) -> usize {
    chart.totals().iter().filter(|&&n| n > 0).count()
}

/// The chart as a PNG.
pub fn png(chart: &BarChart, look: &Look, file: &str) -> Result<Vec<u8>> {
    let doubled = look.doubled();
    super::png_of(file, size(chart, look), |root| paint(root, chart, &doubled))
}

/// The chart as SVG text (text kept as text, in the bundled font's family).
pub fn svg(chart: &BarChart, look: &Look, file: &str) -> Result<String> {
    super::svg_of(file, size(chart, look), |root| paint(root, chart, look))
}

/// Where the chart's parts go, measured in the backend's font: the width of the country
/// names, the legend's entries, the x range that leaves the legend and the bars' numbers
/// room on the right.
struct Layout {
    /// Width of the y axis' label area, pixels.
    label_area: f64,
    /// The legend's entries: each action present with "Title total".
    entries: Vec<(Action, String)>,
    /// The x axis' end (counts): at least the longest bar plus one.
    x_max: u64,
    /// A small gap, pixels.
    gap: f64,
}

impl Layout {
    fn of<DB: DrawingBackend>(
        root: &DrawingArea<DB, Shift>,
        chart: &BarChart,
        look: &Look,
    ) -> Layout {
        let (s, palette) = (&look.sizes, &look.palette);
        let text_width = |text: &str, font: &TextStyle| {
            root.estimate_text_size(text, font)
                .map(|(w, _)| f64::from(w))
                .unwrap_or(0.0)
        };
        let label_font = look.font(s.label, palette.ink);
        let legend_font = look.font(s.legend, palette.ink);
        let gap = 8.0 * s.scale;
        let widest = |texts: &mut dyn Iterator<Item = (&str, &TextStyle)>| {
            texts.map(|(t, f)| text_width(t, f)).fold(0.0, f64::max)
        };
        let label_area =
            widest(&mut chart.bars.iter().map(|b| (b.label.as_str(), &label_font))) + 2.0 * gap;
        let entries: Vec<(Action, String)> = Action::ALL
            .into_iter()
            .zip(chart.totals())
            .filter(|&(_, n)| n > 0)
            .map(|(a, n)| (a, format!("{} {}", a.title(), thousands(n))))
            .collect();
        let legend_width = widest(&mut entries.iter().map(|(_, t)| (t.as_str(), &legend_font)))
            + 3.0 * s.marker
            + 4.0 * gap;
        let max_total = chart.bars.iter().map(Bar::total).max().unwrap_or(1).max(1);
        let number_width = text_width(&thousands(max_total), &label_font) + 2.0 * gap;
        let plot_width = f64::from(look.width) - 2.0 * s.margin - label_area;
        let room = (plot_width - legend_width - number_width).max(plot_width * 0.3);
        let x_max = ((max_total as f64) * plot_width / room).ceil() as u64;
        Layout {
            label_area,
            entries,
            x_max: x_max.max(max_total + 1),
            gap,
        }
    }
}

/// The chart's coordinates: counts along x, one segment (row) per bar along y.
type Coords = Cartesian2d<RangedCoordu64, SegmentedCoord<RangedCoordi32>>;

/// Draws the chart on any plotters backend: the header, then a `ChartBuilder` chart with the
/// country names on the y axis, one `draw_series` of bar segments per action (labelled for the
/// legend with its symbol), each bar's total at its end, and the series legend in the upper
/// right, where the x range leaves room for it.
fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    look: &Look,
) -> std::result::Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let body = header(root, look, &chart.title, chart.subtitle.as_deref()).map_err(err)?;
    let (s, palette) = (&look.sizes, &look.palette);
    if chart.bars.is_empty() {
        let font = look.font(s.label, palette.muted);
        let at = (s.margin.round() as i32, (s.margin * 2.0).round() as i32);
        return body
            .draw_text("No actions to chart.", &font, at)
            .map_err(err);
    }
    let layout = Layout::of(root, chart, look);
    let n = chart.bars.len() as i32;
    let mut builder = ChartBuilder::on(&body);
    builder
        .margin_left(s.margin)
        .margin_right(s.margin)
        .margin_bottom(s.margin)
        .set_label_area_size(LabelAreaPosition::Left, layout.label_area)
        .set_label_area_size(LabelAreaPosition::Bottom, AXIS * s.scale);
    let mut cc = builder
        .build_cartesian_2d(0u64..layout.x_max, (0..n - 1).into_segmented())
        .map_err(err)?;
    mesh(&mut cc, chart, look, &layout).map_err(err)?;
    segments(&mut cc, chart, look, &layout).map_err(err)?;
    let number_font = look
        .font(s.label, palette.muted)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let offset = layout.gap.round() as i32;
    cc.draw_series(chart.bars.iter().enumerate().map(|(i, bar)| {
        EmptyElement::at((bar.total(), SegmentValue::CenterOf(row_of(n, i))))
            + Text::new(thousands(bar.total()), (offset, 0), number_font.clone())
    }))
    .map_err(err)?;
    cc.configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .margin(layout.gap)
        .legend_area_size(3.0 * s.marker)
        .label_font(look.font(s.legend, palette.ink))
        .border_style(palette.frame)
        .background_style(palette.paper.filled())
        .draw()
        .map_err(err)
}

/// The row of the `i`-th bar of `n`: row 0 is drawn at the bottom, so the longest bar, first,
/// takes the top row.
fn row_of(n: i32, i: usize) -> i32 {
    n - 1 - i as i32
}

/// The axes: country names on the y axis, counts on the x axis with light vertical lines.
fn mesh<DB: DrawingBackend>(
    cc: &mut ChartContext<'_, DB, Coords>,
    chart: &BarChart,
    look: &Look,
    layout: &Layout,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (s, palette) = (&look.sizes, &look.palette);
    let n = chart.bars.len() as i32;
    let label_of = |v: &SegmentValue<i32>| match v {
        SegmentValue::Exact(r) | SegmentValue::CenterOf(r) => chart
            .bars
            .get((n - 1 - r) as usize)
            .map(|b| b.label.clone())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    let grid = style::mix(palette.frame, palette.paper, 0.35);
    let line = s.frame.max(1.0) as u32;
    cc.configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(grid.stroke_width(line))
        .axis_style(palette.frame.stroke_width(line))
        .y_labels(chart.bars.len())
        .y_label_formatter(&label_of)
        .y_label_style(look.font(s.label, palette.ink))
        .x_labels(6)
        .x_label_formatter(&|v: &u64| thousands(*v))
        .x_label_style(look.font(s.legend, palette.muted))
        .x_desc(chart.unit.axis())
        .axis_desc_style(look.font(s.legend, palette.muted))
        .set_tick_mark_size(LabelAreaPosition::Left, (layout.gap / 2.0) as i32)
        .draw()
}

/// One series per action present: its segment of each bar, after the segments of the actions
/// before it, labelled for the legend with the action's symbol in its colour.
fn segments<DB: DrawingBackend>(
    cc: &mut ChartContext<'_, DB, Coords>,
    chart: &BarChart,
    look: &Look,
    layout: &Layout,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &look.sizes;
    let n = chart.bars.len() as i32;
    let margin = (ROW * s.scale * 0.18).round() as u32;
    let mut start = vec![0u64; chart.bars.len()];
    for (action, label) in &layout.entries {
        let (action, k) = (*action, action_index(*action));
        let color = style::color(action);
        let mut rects = Vec::new();
        for (i, bar) in chart.bars.iter().enumerate() {
            if bar.counts[k] == 0 {
                continue;
            }
            let (x0, x1) = (start[i], start[i] + bar.counts[k]);
            start[i] = x1;
            let r = row_of(n, i);
            let next = if r + 1 < n {
                SegmentValue::Exact(r + 1)
            } else {
                SegmentValue::Last
            };
            let mut rect =
                Rectangle::new([(x0, SegmentValue::Exact(r)), (x1, next)], color.filled());
            rect.set_margin(margin, margin, 0, 0);
            rects.push(rect);
        }
        let series = cc.draw_series(rects)?;
        series.label(label.clone());
        let radius = s.marker;
        if symbol_points(action, (0, 0), radius).is_some() {
            series.legend(move |(x, y)| {
                let points = symbol_points(action, (x + radius as i32, y), radius)
                    .expect("a polygon symbol");
                Polygon::new(points, color.filled())
            });
        } else {
            series.legend(move |(x, y)| {
                Circle::new((x + radius as i32, y), radius as i32, color.filled())
            });
        }
    }
    Ok(())
}

/// Alt text: the title, then what the bars show, the longest bars with their counts per
/// action, and the totals per action. Plain text ending in a newline (`chart.txt`).
pub fn alt_text(chart: &BarChart) -> String {
    let mut out = chart.title.trim().to_string();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out.push('\n');
    if chart.bars.is_empty() {
        out.push_str("A bar chart with no bars: no actions were found.\n");
        return out;
    }
    let n = chart.bars.len();
    out.push_str(&format!(
        "A horizontal bar chart, one bar per country ({n} bar{}), longest first, each bar \
         stacked by action; the length counts {}.",
        if n == 1 { "" } else { "s" },
        match chart.unit {
            Unit::Events => "the places with each action (one per action and map marker)",
            Unit::Articles =>
                "the articles stating each action there (an article counts once under each \
                 of its actions)",
        }
    ));
    for bar in &chart.bars {
        let parts: Vec<String> = Action::ALL
            .into_iter()
            .zip(bar.counts)
            .filter(|&(_, c)| c > 0)
            .map(|(a, c)| format!("{} {}", a.as_str(), thousands(c)))
            .collect();
        out.push_str(&format!(
            " {} {}: {}.",
            bar.label,
            thousands(bar.total()),
            and_list(&parts)
        ));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, counts: [u64; 6]) -> Bar {
        Bar {
            label: label.to_string(),
            counts,
        }
    }

    #[test]
    fn bars_are_ranked_and_the_rest_summed() {
        let chart = BarChart::of_counts(
            [
                ("A".to_string(), [1, 0, 0, 0, 0, 0]),
                ("B".to_string(), [2, 1, 0, 0, 1, 0]),
                ("C".to_string(), [0, 0, 0, 0, 0, 0]),
                ("D".to_string(), [0, 0, 1, 0, 0, 0]),
                ("E".to_string(), [0, 0, 0, 0, 0, 2]),
            ],
            2,
            "Actions per country",
            None,
        );
        assert_eq!(
            chart.bars,
            [
                bar("B", [2, 1, 0, 0, 1, 0]),
                bar("E", [0, 0, 0, 0, 0, 2]),
                bar("Others (2 countries)", [1, 0, 1, 0, 0, 0]),
            ]
        );
        assert_eq!(chart.totals(), [3, 1, 1, 0, 1, 2]);
        let alt = alt_text(&chart);
        assert!(alt.contains(" B 4: seizure 2, raid 1 and coordination 1. E 2: participation 2."));
    }
}

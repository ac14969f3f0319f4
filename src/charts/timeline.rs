//! The timeline of a corpus: articles per week (or month), stacked by action.
//!
//! In: per day, the dated articles reporting each action (a batch's [`Summary::days`]; an
//! article counts once under each of its actions). Out: a [`Timeline`], drawn by [`png()`] and
//! [`svg()`] with plotters' `ChartBuilder` and one series per action, and described by
//! [`alt_text`]. Periods are ISO weeks (from Monday), or calendar months when the dated
//! articles span more than [`WEEKS_MAX`] weeks; every period from the first to the last is on
//! the axis, empty ones too.
//!
//! [`Summary::days`]: crate::batch::Summary::days

use super::{and_list, header, symbol_points, thousands, Look};
use crate::action::Action;
use crate::dates::Date;
use crate::error::Result;
use crate::render::style;
use plotters::coord::ranged1d::{SegmentValue, SegmentedCoord};
use plotters::coord::types::{RangedCoordi32, RangedCoordu64};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::BTreeMap;

/// Above this many weeks between the first and the last dated article, periods are months.
pub const WEEKS_MAX: i64 = 26;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

/// One period on the axis and its articles per action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin {
    /// Its first day (a Monday, or the 1st of a month).
    pub start: Date,
    /// Articles reporting each action, in [`Action::ALL`] order.
    pub counts: [u64; 6],
}

/// A timeline, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The heading, e.g. "Articles per week, by action".
    pub title: String,
    /// The line under it. Default: none.
    pub subtitle: Option<String>,
    /// Weeks or months.
    pub period: Period,
    /// Every period from the first dated article's to the last's, in order.
    pub bins: Vec<Bin>,
}

impl Timeline {
    /// The timeline of `days` (per day, the articles reporting each action); `None` when no
    /// article is dated. The title says the period: "Articles per week, by action".
    pub fn of_days(days: &BTreeMap<Date, [u64; 6]>, subtitle: Option<String>) -> Option<Timeline> {
        let (first, last) = (*days.keys().next()?, *days.keys().next_back()?);
        let period = if last.days() - first.days() > WEEKS_MAX * 7 {
            Period::Month
        } else {
            Period::Week
        };
        let start_of = |d: Date| match period {
            Period::Week => d.monday(),
            Period::Month => Date { day: 1, ..d },
        };
        let mut bins: Vec<Bin> = Vec::new();
        let mut start = start_of(first);
        while start <= last {
            bins.push(Bin {
                start,
                counts: [0; 6],
            });
            start = next(start, period);
        }
        for (day, counts) in days {
            let bin = bins
                .iter_mut()
                .rev()
                .find(|b| b.start <= *day)
                .expect("every day falls in a period");
            for (sum, n) in bin.counts.iter_mut().zip(counts) {
                *sum += n;
            }
        }
        let title = match period {
            Period::Week => "Articles per week, by action",
            Period::Month => "Articles per month, by action",
        };
        Some(Timeline {
            title: title.to_string(),
            subtitle,
            period,
            bins,
        })
    }

    /// The sum of each action over every period.
    pub(crate) fn totals(&self) -> [u64; 6] {
        let mut sums = [0; 6];
        for bin in &self.bins {
            for (sum, n) in sums.iter_mut().zip(bin.counts) {
                *sum += n;
            }
        }
        sums
    }

    /// A period's label: "27 May 2024" (the week's Monday) or "May 2024".
    pub(crate) fn label(&self, start: Date) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let month = MONTHS[usize::from(start.month) - 1];
        match self.period {
            Period::Week => format!("{} {month} {}", start.day, start.year),
            Period::Month => format!("{month} {}", start.year),
        }
    }
}

/// The first day of the period after the one starting on `start`.
fn next(start: Date, period: Period) -> Date {
    match period {
        Period::Week => Date::from_days(start.days() + 7),
        Period::Month if start.month == 12 => Date {
            year: start.year + 1,
            month: 1,
            day: 1,
        },
        Period::Month => Date {
            month: start.month + 1,
            ..start
        },
    }
}

/// Height of the plot, design pixels (at 1600 pixels wide).
const PLOT: f64 = 520.0;
/// Height of the x axis with its labels and description, design pixels.
const AXIS: f64 = 60.0;

/// The image size of `timeline` at `look`'s width.
pub(crate) fn size(look: &Look) -> (u32, u32) {
    let s = look.sizes.scale;
    let height = look.sizes.header + 12.0 * s + PLOT * s + AXIS * s + look.sizes.margin;
    (look.width, height.ceil() as u32)
}

/// The timeline as a PNG.
pub fn png(timeline: &Timeline, look: &Look, file: &str) -> Result<Vec<u8>> {
    let doubled = look.doubled();
    super::png_of(file, size(look), |root| paint(root, timeline, &doubled))
}

/// The timeline as SVG text.
pub fn svg(timeline: &Timeline, look: &Look, file: &str) -> Result<String> {
    super::svg_of(file, size(look), |root| paint(root, timeline, look))
}

type Coords = Cartesian2d<SegmentedCoord<RangedCoordi32>, RangedCoordu64>;

/// Draws the timeline on any plotters backend: the header, then a `ChartBuilder` chart with
/// the periods along x and the articles up y, one `draw_series` of stacked columns per action
/// (labelled for the legend with its symbol), and the series legend in the upper left, where
/// the y range leaves room for it.
fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    look: &Look,
) -> std::result::Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let body = header(root, look, &timeline.title, timeline.subtitle.as_deref()).map_err(err)?;
    let (s, palette) = (&look.sizes, &look.palette);
    let entries: Vec<(Action, String)> = Action::ALL
        .into_iter()
        .zip(timeline.totals())
        .filter(|&(_, n)| n > 0)
        .map(|(a, n)| (a, format!("{} {}", a.title(), thousands(n))))
        .collect();
    let tallest = timeline
        .bins
        .iter()
        .map(|b| b.counts.iter().sum::<u64>())
        .max()
        .unwrap_or(1)
        .max(1);
    // The legend's rows take the top of the plot: the columns stay below them.
    let legend_height =
        (entries.len() as f64 * 1.7 * s.legend + 30.0 * s.scale).min(PLOT * s.scale * 0.6);
    let y_max =
        ((tallest as f64) * PLOT * s.scale / (PLOT * s.scale - legend_height)).ceil() as u64;
    let n = timeline.bins.len() as i32;
    let mut builder = ChartBuilder::on(&body);
    builder
        .margin_left(s.margin)
        .margin_right(2.0 * s.margin)
        .margin_bottom(s.margin)
        .set_label_area_size(LabelAreaPosition::Left, 56.0 * s.scale)
        .set_label_area_size(LabelAreaPosition::Bottom, AXIS * s.scale);
    let mut cc = builder
        .build_cartesian_2d((0..n - 1).into_segmented(), 0u64..y_max.max(tallest + 1))
        .map_err(err)?;
    mesh(&mut cc, timeline, look).map_err(err)?;
    columns(&mut cc, timeline, &entries, look).map_err(err)?;
    cc.configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .margin(8.0 * s.scale)
        .legend_area_size(3.0 * s.marker)
        .label_font(look.font(s.legend, palette.ink))
        .border_style(palette.frame)
        .background_style(palette.paper.filled())
        .draw()
        .map_err(err)
}

/// The axes: period labels along x, article counts up y with light horizontal lines.
fn mesh<DB: DrawingBackend>(
    cc: &mut ChartContext<'_, DB, Coords>,
    timeline: &Timeline,
    look: &Look,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (s, palette) = (&look.sizes, &look.palette);
    let label_of = |v: &SegmentValue<i32>| match v {
        SegmentValue::Exact(i) | SegmentValue::CenterOf(i) => timeline
            .bins
            .get(*i as usize)
            .map(|b| timeline.label(b.start))
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    let grid = style::mix(palette.frame, palette.paper, 0.35);
    let line = s.frame.max(1.0) as u32;
    let desc = match timeline.period {
        Period::Week => "Week (from Monday)",
        Period::Month => "Month",
    };
    cc.configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(grid.stroke_width(line))
        .axis_style(palette.frame.stroke_width(line))
        .x_labels(10)
        .x_label_formatter(&label_of)
        .x_label_style(look.font(s.legend, palette.muted))
        .x_desc(desc)
        .y_labels(6)
        .y_label_formatter(&|v: &u64| thousands(*v))
        .y_label_style(look.font(s.legend, palette.muted))
        .y_desc("Articles (once under each of their actions)")
        .axis_desc_style(look.font(s.legend, palette.muted))
        .draw()
}

/// One series per action present: its part of each period's column, above the actions before
/// it, labelled for the legend with the action's symbol in its colour.
fn columns<DB: DrawingBackend>(
    cc: &mut ChartContext<'_, DB, Coords>,
    timeline: &Timeline,
    entries: &[(Action, String)],
    look: &Look,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &look.sizes;
    let n = timeline.bins.len() as i32;
    let width = (f64::from(look.width) - 4.0 * s.margin) / f64::from(n.max(1));
    let margin = (width * 0.12).round().clamp(0.0, 8.0 * s.scale) as u32;
    let mut start = vec![0u64; timeline.bins.len()];
    for (action, label) in entries {
        let action = *action;
        let k = Action::ALL
            .iter()
            .position(|&a| a == action)
            .expect("in ALL");
        let color = style::color(action);
        let mut rects = Vec::new();
        for (i, bin) in timeline.bins.iter().enumerate() {
            if bin.counts[k] == 0 {
                continue;
            }
            let (y0, y1) = (start[i], start[i] + bin.counts[k]);
            start[i] = y1;
            let x = i as i32;
            let next = if x + 1 < n {
                SegmentValue::Exact(x + 1)
            } else {
                SegmentValue::Last
            };
            let mut rect =
                Rectangle::new([(SegmentValue::Exact(x), y0), (next, y1)], color.filled());
            rect.set_margin(0, 0, margin, margin);
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

/// Alt text: the title, the span and the periods, the busiest period, then each period with
/// articles and its counts per action. Plain text ending in a newline (`timeline.txt`).
pub fn alt_text(timeline: &Timeline) -> String {
    let mut out = format!("{}.\n", timeline.title.trim_end_matches('.'));
    let (Some(first), Some(last)) = (timeline.bins.first(), timeline.bins.last()) else {
        out.push_str("A timeline with no dated articles.\n");
        return out;
    };
    let unit = match timeline.period {
        Period::Week => "week",
        Period::Month => "month",
    };
    let total = |b: &Bin| b.counts.iter().sum::<u64>();
    let busiest = timeline
        .bins
        .iter()
        .max_by(|a, b| total(a).cmp(&total(b)).then(b.start.cmp(&a.start)))
        .expect("bins are not empty");
    out.push_str(&format!(
        "A column chart of {} {unit}{}, from the {unit} of {} to the {unit} of {}, each column \
         stacked by action (an article counts once under each of its actions); the tallest is \
         the {unit} of {} ({}).",
        timeline.bins.len(),
        if timeline.bins.len() == 1 { "" } else { "s" },
        timeline.label(first.start),
        timeline.label(last.start),
        timeline.label(busiest.start),
        thousands(total(busiest)),
    ));
    for bin in timeline.bins.iter().filter(|b| total(b) > 0) {
        let parts: Vec<String> = Action::ALL
            .into_iter()
            .zip(bin.counts)
            .filter(|&(_, c)| c > 0)
            .map(|(a, c)| format!("{} {}", a.as_str(), thousands(c)))
            .collect();
        out.push_str(&format!(
            " {}: {}.",
            timeline.label(bin.start),
            and_list(&parts)
        ));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_then_months() {
        let mut days = BTreeMap::new();
        days.insert(d("2024-05-29"), [1, 0, 1, 0, 0, 0]);
        days.insert(d("2024-05-27"), [0, 0, 1, 0, 0, 0]);
        days.insert(d("2024-06-12"), [0, 1, 0, 0, 0, 0]);
        let t = Timeline::of_days(&days, None).unwrap();
        assert_eq!(t.period, Period::Week);
        let starts: Vec<String> = t.bins.iter().map(|b| b.start.to_string()).collect();
        assert_eq!(starts, ["2024-05-27", "2024-06-03", "2024-06-10"]);
        assert_eq!(t.bins[0].counts, [1, 0, 2, 0, 0, 0]);
        assert!(alt_text(&t).contains(" 27 May 2024: seizure 1 and arrest 2."));
        days.insert(d("2025-01-02"), [0, 0, 0, 1, 0, 0]);
        let t = Timeline::of_days(&days, None).unwrap();
        assert_eq!(t.period, Period::Month);
        assert_eq!(t.bins.len(), 9);
        assert_eq!(t.label(t.bins[8].start), "Jan 2025");
        assert!(Timeline::of_days(&BTreeMap::new(), None).is_none());
    }
}

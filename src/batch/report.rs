//! What a run leaves: the aggregate files (countries.geojson, summary.csv, the map and its
//! alt text map.txt, charts, skipped.csv) through the one output path, the closing report and
//! the progress bar.

use super::aggregate::{actions_of, ranked};
use super::{CountryCount, Options, Skipped, Summary};
use crate::action::Action;
use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::layers;
use crate::render::text::thousands;
use crate::render::{self, Choropleth, ChoroplethValue, MapSpec};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

/// Writes the aggregate through the one output path ([`crate::write_outputs`]), each format
/// only when `options.formats` asks for it: `countries.geojson` (`geojson`), `summary.csv`
/// (`csv`), `map.png`, `map.svg`, `map.txt`, `map.html` (a tooltip per country with its counts
/// and top articles), the QGIS styles, basemap and project (`qgis`; the project opens
/// `events.geojsonl` too, temporal over the articles' dates), `chart.*` and, when
/// articles have dates, `timeline.*` (`chart`), and, when any article was skipped,
/// `skipped.csv`; then removes stale files but `events.geojsonl`.
pub(super) fn write_aggregate(
    gazetteer: &Gazetteer,
    options: &Options,
    summary: &mut Summary,
) -> Result<()> {
    let title = options.title.clone().unwrap_or_else(|| {
        format!(
            "{} articles: countries with an action",
            thousands(summary.with_events)
        )
    });
    let mut spec = map_spec(&summary.countries, &title);
    (spec.width, spec.height) = (options.width, options.height);
    let mut extra = Vec::new();
    if options.formats.csv {
        extra.push(("summary.csv".to_string(), summary_csv(&summary.countries)));
    }
    if options.formats.chart {
        extra.extend(chart_files(summary, &title, options)?);
    }
    if !summary.skipped.is_empty() {
        extra.push(("skipped.csv".to_string(), skipped_csv(&summary.skipped)));
    }
    let content = crate::MapContent {
        spec,
        layers: crate::LayersFrom::Built(Box::new(layers::Layers {
            events: Vec::new(),
            countries: countries_layer(gazetteer, &summary.countries)?,
            flows: geojson::FeatureCollection::default(),
        })),
        marker_of: Vec::new(),
        notes: notes(gazetteer, &summary.countries),
        extra,
        kept: summary.files.clone(),
        event_stream: Some(
            summary
                .days
                .keys()
                .next()
                .zip(summary.days.keys().next_back())
                .map(|(first, last)| (first.to_string(), last.to_string())),
        ),
    };
    let map_options = crate::MapOptions {
        out_dir: options.out_dir.clone(),
        title,
        width: options.width,
        height: options.height,
        formats: options.formats,
        left_out: None,
        flows: crate::hub::Flows::None,
        render: options.render.clone(),
        labels: crate::lang::Lang::En,
    };
    let written = crate::write_outputs(gazetteer, content, &map_options)?;
    summary.files.extend(written.files);
    summary.removed = written.removed;
    Ok(())
}

/// The corpus' bar chart: the [`crate::charts::bars::TOP`] countries with most articles per
/// action, the others summed; its subtitle is the map's title and source.
pub fn corpus_chart(
    countries: &BTreeMap<String, CountryCount>,
    map_title: &str,
    render: &render::Options,
) -> crate::charts::BarChart {
    use crate::charts;
    let rows = countries.values().map(|c| (c.name.clone(), c.actions));
    let subtitle = charts::subtitle(map_title, render.subtitle.as_deref());
    charts::BarChart::of_counts(rows, charts::bars::TOP, charts::BAR_TITLE, subtitle)
}

/// `chart.*`, the corpus' bar chart ([`corpus_chart`]), and `timeline.*` when articles have
/// dates: a batch run's charts (`--formats chart`).
fn chart_files(
    summary: &Summary,
    title: &str,
    options: &Options,
) -> Result<Vec<(String, Vec<u8>)>> {
    let chart = corpus_chart(&summary.countries, title, &options.render);
    let mut files = crate::charts::bar_files(&chart, options.width, &options.render)?;
    let subtitle = crate::charts::subtitle(title, options.render.subtitle.as_deref());
    if let Some(timeline) = crate::charts::Timeline::of_days(&summary.days, subtitle) {
        files.extend(crate::charts::timeline_files(
            &timeline,
            options.width,
            &options.render,
        )?);
    }
    Ok(files)
}

/// The countries' tooltips on map.html: articles, each action's count, the top articles.
fn notes(
    gazetteer: &Gazetteer,
    countries: &BTreeMap<String, CountryCount>,
) -> Vec<crate::formats::webmap::CountryNote> {
    countries
        .iter()
        .filter(|(_, c)| c.articles > 0)
        .map(|(code, c)| {
            let plural = if c.articles == 1 { "" } else { "s" };
            let mut lines = vec![format!(
                "{} article{plural} with an action",
                thousands(c.articles)
            )];
            lines.extend(
                Action::ALL
                    .iter()
                    .zip(c.actions)
                    .filter(|&(_, n)| n > 0)
                    .map(|(a, n)| format!("{}: {}", a.title(), thousands(n))),
            );
            if !c.top.is_empty() {
                let names: Vec<&str> = c.top.iter().map(|(name, _)| name.as_str()).collect();
                lines.push(format!("Top articles: {}", names.join(", ")));
            }
            let point = gazetteer.country(code).map(|country| {
                let p = gazetteer.place(country.place).point;
                (p.x(), p.y())
            });
            crate::formats::webmap::CountryNote {
                code: code.clone(),
                name: c.name.clone(),
                lines,
                point,
            }
        })
        .collect()
}

/// `countries.geojson`: the single-map countries layer ([`layers::countries`], fed the
/// aggregate's actions) with `articles` and one count per action after the other properties.
fn countries_layer(
    gazetteer: &Gazetteer,
    countries: &BTreeMap<String, CountryCount>,
) -> Result<geojson::FeatureCollection> {
    let rows: Vec<layers::CountryActions> = countries
        .iter()
        .filter_map(|(code, count)| {
            let actions = actions_of(count);
            let code = crate::record::CountryCode::new(code)?;
            (!actions.is_empty()).then(|| {
                let mut counts = vec![("articles", count.articles)];
                counts.extend(Action::ALL.iter().map(|a| a.as_str()).zip(count.actions));
                layers::CountryActions {
                    code,
                    name: count.name.clone(),
                    actions,
                    counts,
                }
            })
        })
        .collect();
    layers::countries(gazetteer, &rows)
}

/// `summary.csv`: `country,country_name,articles,seizure,…,participation`, most articles first.
fn summary_csv(countries: &BTreeMap<String, CountryCount>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["country", "country_name", "articles"];
    header.extend(Action::ALL.iter().map(|a| a.as_str()));
    w.write_record(&header).expect("writing to memory");
    for (code, count) in ranked(countries) {
        let mut row = vec![code.clone(), count.name.clone(), count.articles.to_string()];
        row.extend(count.actions.iter().map(u64::to_string));
        w.write_record(&row).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

fn skipped_csv(skipped: &[Skipped]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["source", "article", "reason"])
        .expect("writing to memory");
    for s in skipped {
        w.write_record([&s.source, &s.article, &s.reason])
            .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// The heading of the aggregate map's legend.
pub(crate) const CHOROPLETH_TITLE: &str = "Articles with an action";
/// The aggregate map labels at most this many countries (the highest, where they fit).
pub(crate) const CHOROPLETH_LABELS: usize = 8;

/// The aggregate map, 1600×1000: a choropleth of the number of articles with an action in
/// each country, classes by [`render::classes::count_breaks`], no markers (the countries are
/// the data); the highest countries are labelled "Name count" where their labels fit.
pub fn map_spec(countries: &BTreeMap<String, CountryCount>, title: &str) -> MapSpec {
    let values: Vec<ChoroplethValue> = ranked(countries)
        .into_iter()
        .filter(|(_, count)| count.articles > 0)
        .map(|(code, count)| ChoroplethValue {
            code: code.clone(),
            name: count.name.clone(),
            value: count.articles as f64,
        })
        .collect();
    let max = values.iter().map(|v| v.value).fold(0.0, f64::max);
    MapSpec {
        title: title.to_string(),
        width: 1600,
        height: 1000,
        markers: Vec::new(),
        countries: Vec::new(),
        flows: Vec::new(),
        attribution: layers::ATTRIBUTION.to_string(),
        choropleth: Some(Choropleth {
            title: CHOROPLETH_TITLE.to_string(),
            values,
            breaks: render::classes::count_breaks(max),
            labels: CHOROPLETH_LABELS,
        }),
        lang: crate::lang::Lang::En,
    }
}

/// The closing summary printed to stderr.
pub(crate) fn report(summary: &Summary, out_dir: &Path) -> String {
    let secs = summary.elapsed.as_secs_f64().max(1e-9);
    let mut out = format!(
        "opmap: {} articles ({:.1} MB) in {:.2} s with {} thread{}: {} articles/s, {:.1} MB/s\n",
        thousands(summary.articles),
        summary.bytes as f64 / 1e6,
        secs,
        summary.threads,
        if summary.threads == 1 { "" } else { "s" },
        thousands((summary.articles as f64 / secs) as u64),
        summary.bytes as f64 / 1e6 / secs,
    );
    out += &format!(
        "  {} with events, {} events, {} countries",
        thousands(summary.with_events),
        thousands(summary.events),
        summary.countries.len()
    );
    if summary.warnings > 0 {
        out += &format!("; {} warnings", thousands(summary.warnings));
    }
    if summary.out_of_range > 0 {
        out += &format!(
            "; {} outside --since/--until or undated, left out",
            thousands(summary.out_of_range)
        );
    }
    if summary.skipped.is_empty() {
        out.push('\n');
    } else {
        out += &format!(
            "; {} skipped (listed in {})\n",
            thousands(summary.skipped.len() as u64),
            out_dir.join("skipped.csv").display()
        );
    }
    let top: Vec<String> = ranked(&summary.countries)
        .into_iter()
        .take(10)
        .map(|(code, c)| format!("{code} {}", thousands(c.articles)))
        .collect();
    if !top.is_empty() {
        out += &format!("  most articles: {}\n", top.join(", "));
    }
    for file in &summary.files {
        out += &format!("wrote {}\n", file.display());
    }
    for file in &summary.removed {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        out += &format!("removed stale {name} (an earlier run's)\n");
    }
    out
}

/// The progress bar: input bytes done (when the total is known), articles and articles/s;
/// drawn only when stderr is a terminal and the run is not quiet.
pub(super) struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
}

impl Progress {
    pub(super) fn new(total_bytes: Option<u64>, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total_bytes {
                Some(total) => (
                    indicatif::ProgressBar::new(total),
                    "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {msg} ETA {eta}",
                ),
                None => (
                    indicatif::ProgressBar::new_spinner(),
                    "{elapsed_precise} {spinner} {bytes} {msg}",
                ),
            };
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    pub(super) fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    pub(super) fn set_articles(&self, articles: u64) {
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} articles, {} articles/s",
                thousands(articles),
                thousands((articles as f64 / secs) as u64)
            ));
        }
    }

    /// Prints a line above the bar (or plainly, without one).
    pub(super) fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}

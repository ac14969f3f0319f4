//! The parallel run: chunks handed to the rayon pool, each article extracted and serialised
//! on a worker, the results written in input order by the writer thread.

use super::aggregate::countries_of;
use super::input::Item;
use super::read::{parse_record, read_file};
use super::report::Progress;
use super::{Options, Skipped, Summary};
use crate::article::Article;
use crate::dates::Date;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::layers;
use rayon::prelude::*;
use std::fs::File;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

/// Skipped articles and warnings printed one by one before the rest are only counted.
const REPORT_LIMIT: usize = 20;

/// What a worker made of an item.
#[derive(Debug)]
pub(super) struct Done {
    bytes: u64,
    warnings: Vec<String>,
    outcome: std::result::Result<Extracted, Skipped>,
}

/// One article's contribution: its records for the stream and its countries.
#[derive(Debug)]
struct Extracted {
    /// The article's name, as the records give it (made unique by the writer: [`Names`]).
    name: String,
    /// RFC 8142 records, ready to write.
    records: Vec<u8>,
    /// Where each record holds the article's name: its `id` property, `article` property and
    /// feature `id` ([`layers::EventFeature::write_marked`]), to rename it ([`renamed`]).
    marks: Vec<[Range<usize>; 3]>,
    events: u64,
    /// (code, name, bit set of actions, bit i = `Action::ALL[i]`).
    countries: Vec<(String, String, u8)>,
    /// The article's date.
    date: Option<Date>,
    /// False when `--since`/`--until` leave the article out (it then has no records).
    kept: bool,
}

/// Hands each chunk to the pool as it arrives and queues the receiver of its results, in input
/// order; stops when the input ends or the writer is gone.
pub(super) fn dispatch(
    rx: Receiver<Vec<Item>>,
    order_tx: SyncSender<Receiver<Vec<Done>>>,
    pool: &rayon::ThreadPool,
    gazetteer: &Gazetteer,
    options: &Options,
) {
    pool.in_place_scope(|scope| {
        for chunk in rx {
            let (done_tx, done_rx) = sync_channel(1);
            if order_tx.send(done_rx).is_err() {
                return;
            }
            scope.spawn(move |_| {
                let done: Vec<Done> = chunk
                    .into_par_iter()
                    .map(|item| process(gazetteer, item, options))
                    .collect();
                // The writer may be gone after an output error: nothing left to do then.
                let _ = done_tx.send(done);
            });
        }
    });
}

/// Takes the chunks' results in input order and writes them.
pub(super) fn write_results(
    order_rx: Receiver<Receiver<Vec<Done>>>,
    options: &Options,
    stream: &mut File,
    partial_path: &Path,
    summary: &mut Summary,
    progress: &Progress,
) -> Result<()> {
    let mut reported = 0usize;
    let mut warned = 0usize;
    let mut names = Names::default();
    for done_rx in order_rx {
        let done = done_rx
            .recv()
            .expect("every dispatched chunk sends its results");
        for d in done {
            progress.advance(d.bytes);
            for w in d.warnings {
                if !options.quiet && warned < REPORT_LIMIT {
                    progress.println(&format!("opmap: warning: {w}"));
                }
                warned += 1;
                summary.warnings += 1;
            }
            match d.outcome {
                Ok(x) if !x.kept => summary.out_of_range += 1,
                Ok(mut x) => {
                    if let Some(name) = names.claim(&x.name) {
                        // A name given before (two folders' `a.txt`, two records with one id):
                        // the records take the name made unique.
                        x.records = renamed(&x.records, &x.marks, &x.name, &name);
                        x.name = name;
                    }
                    summary.articles += 1;
                    summary.bytes += d.bytes;
                    summary.events += x.events;
                    if x.events > 0 {
                        summary.with_events += 1;
                        // One write per article: the partial file only ever ends between
                        // articles (short of a crash inside the write itself).
                        stream
                            .write_all(&x.records)
                            .map_err(|source| Error::WriteOutput {
                                path: partial_path.to_path_buf(),
                                source,
                            })?;
                    }
                    summary.count(&x.name, x.date, x.countries);
                }
                Err(skipped) => {
                    if reported < REPORT_LIMIT {
                        progress.println(&format!("opmap: skipped {skipped}"));
                    }
                    reported += 1;
                    summary.skipped.push(skipped);
                }
            }
        }
        progress.set_articles(summary.articles);
    }
    if !options.quiet && warned > REPORT_LIMIT {
        progress.println(&format!(
            "opmap: {} more warnings not reported",
            warned - REPORT_LIMIT
        ));
    }
    if reported > REPORT_LIMIT {
        progress.println(&format!(
            "opmap: {} more skipped articles not reported here (all are in skipped.csv)",
            reported - REPORT_LIMIT
        ));
    }
    Ok(())
}

/// Reads, extracts and serialises one item (runs on a pool thread).
fn process(gazetteer: &Gazetteer, item: Item, options: &Options) -> Done {
    let bytes = item.bytes();
    let mut warnings = Vec::new();
    let outcome = match item {
        Item::Bad(skipped, _) => Err(skipped),
        Item::File { path, name, .. } => read_file(&path, &name, options.max_bytes)
            .map_err(|reason| Skipped {
                source: path.display().to_string(),
                article: name.clone(),
                reason,
            })
            .and_then(|article| finish(gazetteer, article, &name, options, &mut warnings)),
        Item::Record { source, line } => parse_record(&source, line, options, &mut warnings)
            .and_then(|article| finish(gazetteer, article, &source, options, &mut warnings)),
    };
    Done {
        bytes,
        warnings,
        outcome,
    }
}

/// Extracts an article's events (those at least as confident as `options.min_confidence`)
/// and serialises them as RFC 8142 records with the article's date ([`crate::reader_date`],
/// else its text's) and `url` (empty when its source gives none). `source` says where the article came from.
fn finish(
    gazetteer: &Gazetteer,
    article: Article,
    source: &str,
    options: &Options,
    warnings: &mut Vec<String>,
) -> std::result::Result<Extracted, Skipped> {
    warnings.extend(article.warnings.iter().cloned());
    if article.text.trim().is_empty() {
        return Err(Skipped {
            source: source.to_string(),
            article: article.path.clone(),
            reason: "empty article".to_string(),
        });
    }
    let reader = crate::reader_date(&article.about).unwrap_or_else(|text| {
        warnings.push(format!(
            "{source}: `date` {text:?} is not a date (YYYY-MM-DD); the article's own date is used"
        ));
        None
    });
    let mut article = article;
    if let Some(lang) = options.lang {
        article.about.lang = Some(lang.code().to_string());
    }
    let mut extraction = crate::extract_dated(gazetteer, &article, reader);
    warnings.extend(crate::language_warning(source, &extraction.language));
    let date = extraction.date.map(|d| d.date);
    if !options.keeps(date) {
        extraction.located.clear();
    }
    crate::resolve::retain_confident(&mut extraction.located, options.min_confidence);
    let located = &extraction.located;
    let mut records = Vec::with_capacity(located.len() * 1200);
    let mut marks = Vec::with_capacity(located.len());
    // Ids are unique within an article; the article's name makes them unique in the corpus
    // (the writer makes the names unique: [`Names`]), without a corpus-wide set of ids.
    let suffix = format!("-{}", layers::slug(&article.path));
    let url = article.about.url.as_deref().unwrap_or_default();
    for (e, mut id) in located.iter().zip(layers::event_ids(located)) {
        id.push_str(&suffix);
        let feature = layers::EventFeature::new(e, &id).with_url(url);
        let mark = crate::formats::seq::frame(&mut records, |out| feature.write_marked(out));
        marks.push(mark);
    }
    Ok(Extracted {
        name: article.path,
        records,
        marks,
        events: located.len() as u64,
        countries: countries_of(located),
        date,
        kept: options.keeps(date),
    })
}

/// Records written for an article named `old`, renamed `new`: each id's last part, the slug of
/// `old`, becomes the slug of `new`, and each `article` property `new`. The bytes between the
/// marks are copied as they are.
fn renamed(records: &[u8], marks: &[[Range<usize>; 3]], old: &str, new: &str) -> Vec<u8> {
    let (old_slug, new_slug) = (layers::slug(old), layers::slug(new));
    let quoted = serde_json::to_string(new).expect("a string serialises");
    let article = &quoted.as_bytes()[1..quoted.len() - 1];
    let mut out = Vec::with_capacity(records.len() + marks.len() * 3 * (new.len() + 4));
    let mut from = 0;
    for [id, name, feature_id] in marks {
        for (range, is_id) in [(id, true), (name, false), (feature_id, true)] {
            out.extend_from_slice(&records[from..range.start]);
            let content = &records[range.clone()];
            if is_id {
                debug_assert!(content.ends_with(old_slug.as_bytes()));
                out.extend_from_slice(&content[..content.len() - old_slug.len()]);
                out.extend_from_slice(new_slug.as_bytes());
            } else {
                out.extend_from_slice(article);
            }
            from = range.end;
        }
    }
    out.extend_from_slice(&records[from..]);
    out
}

/// The article names given so far in a run, so that each is unique over the corpus: the
/// hash of each name's slug (what event ids end with), 8 bytes an article.
#[derive(Debug, Default)]
struct Names {
    seen: rustc_hash::FxHashSet<u64>,
}

impl Names {
    /// Takes `name` for an article: `None` when no article had it (nor a name with the same
    /// slug), else the first free name `name~2`, `name~3`, ….
    fn claim(&mut self, name: &str) -> Option<String> {
        if self.seen.insert(slug_hash(name)) {
            return None;
        }
        (2u64..)
            .map(|n| format!("{name}~{n}"))
            .find(|candidate| self.seen.insert(slug_hash(candidate)))
    }
}

/// A hash of a name's slug (SipHash with fixed keys: the same in every run).
fn slug_hash(name: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    layers::slug(name).hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_unique_by_their_slugs() {
        let mut names = Names::default();
        assert_eq!(names.claim("f1/a.txt"), None);
        assert_eq!(names.claim("f2/a.txt"), None);
        assert_eq!(names.claim("f1/a.txt").as_deref(), Some("f1/a.txt~2"));
        // `f1-a.txt` leaves the same id suffix as `f1/a.txt`, and `f1-a.txt~2` as
        // `f1/a.txt~2`: both are taken.
        assert_eq!(names.claim("f1-a.txt").as_deref(), Some("f1-a.txt~3"));
        assert_eq!(names.claim("f1/a.txt").as_deref(), Some("f1/a.txt~4"));
    }

    #[test]
    fn renamed_records_are_the_records_written_under_the_new_name() {
        let g = crate::gazetteer::tests_support::small();
        let text = "Raids were conducted in France. Police arrested two \"suspects\" in France.";
        let write = |name: &str| {
            let mut article = Article::from_text(name, text);
            article.about.date = Some("2024-05-30".to_string());
            finish(&g, article, name, &Options::default(), &mut Vec::new()).unwrap()
        };
        let old = write("f1/a \"b\".txt");
        assert!(old.events >= 2, "{}", String::from_utf8_lossy(&old.records));
        let new = write("f1/a \"b\".txt~2");
        assert_eq!(
            String::from_utf8(renamed(&old.records, &old.marks, &old.name, &new.name)).unwrap(),
            String::from_utf8(new.records).unwrap()
        );
    }
}

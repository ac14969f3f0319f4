//! `opmap extract --explain`: a readable report of why each event was found, and why each
//! place mention that produced no event was left out.
//!
//! In: an [`Extraction`]. Out: text: a header with the counts; one block per event (the action,
//! the place, the rule and confidence, and the evidence sentence with the place mention marked
//! `«…»` and the action word marked `[…]`); then one block per mention left out, with the
//! background filter that dropped it or the more specific action its country has.

use crate::actions::{Dropped, Event};
use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::span::Span;
use crate::Extraction;
use std::fmt::Write;

/// The sentence of `sentence` with `mention` marked `«…»` and `cue` marked `[…]`.
fn marked(article: &Article, x: &Extraction, sentence: usize, mention: Span, cue: Span) -> String {
    let sentence = x.sentences[sentence].span;
    let text = &article.text;
    let mut marks = vec![(mention.start, "«"), (mention.end, "»")];
    if !cue.is_empty() {
        marks.extend([(cue.start, "["), (cue.end, "]")]);
    }
    marks.sort_by_key(|&(at, mark)| (at, mark == "«" || mark == "["));
    let mut out = String::new();
    let mut at = sentence.start;
    for (pos, mark) in marks {
        if pos < at || pos > sentence.end {
            continue;
        }
        out.push_str(&text[at..pos]);
        out.push_str(mark);
        at = pos;
    }
    out.push_str(&text[at..sentence.end]);
    crate::resolve::collapse(&out)
}

/// The report for one article.
pub fn report(gazetteer: &Gazetteer, article: &Article, x: &Extraction) -> String {
    let mut out = String::new();
    let left_out = x.dropped.len() + x.folded.len();
    let _ = writeln!(
        out,
        "{}: {} sentences, {} place mentions, {} events, {} mentions left out",
        article.path,
        x.sentences.len(),
        x.mentions.len(),
        x.located.len(),
        left_out
    );
    let language = &x.language;
    let how = language.how();
    let reads = if language.lang.is_some() {
        ""
    } else {
        ": not a language opmap reads, nothing extracted"
    };
    let _ = writeln!(
        out,
        "language: {} ({}, {how}){reads}",
        language.name, language.code
    );
    for (n, located) in x.located.iter().enumerate() {
        let Some(event) = x.events.iter().find(|e| {
            e.action == located.action
                && e.mention.start == located.start
                && e.mention.end == located.end
        }) else {
            continue;
        };
        let _ = writeln!(
            out,
            "\n{}. {} in {} ({}, {}) — rule {} ({:.2})\n   {}",
            n + 1,
            located.action,
            located.place,
            located.place_kind.as_str(),
            located.country,
            located.reason.as_str(),
            located.confidence,
            marked(article, x, event.sentence, event.mention, event.cue)
        );
    }
    if left_out > 0 {
        let _ = writeln!(out, "\nLeft out:");
    }
    let describe = |place| {
        let p = gazetteer.place(place);
        format!("{} ({}, {})", p.name, p.kind.as_str(), p.country)
    };
    for d in &x.dropped {
        let Dropped {
            mention,
            place,
            sentence,
            filter,
        } = *d;
        let _ = writeln!(
            out,
            "\n- {} — background: {}\n   {}",
            describe(place),
            filter,
            marked(article, x, sentence, mention, Span::new(0, 0))
        );
    }
    for e in &x.folded {
        let Event {
            place,
            sentence,
            mention,
            ..
        } = *e;
        let _ = writeln!(
            out,
            "\n- {} — participation folded into the more specific action of {}\n   {}",
            describe(place),
            gazetteer.place(place).country,
            marked(article, x, sentence, mention, Span::new(0, 0))
        );
    }
    out
}

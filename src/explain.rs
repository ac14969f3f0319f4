//! `opmap extract --explain`: a readable report of why each event was found.
//!
//! In: an [`Extraction`]. Out: text, one block per event: the action, the place, the rule and
//! confidence, and the evidence sentence with the place mention marked `«…»` and the action
//! word marked `[…]`.

use crate::article::Article;
use crate::Extraction;
use std::fmt::Write;

/// The report for one article.
pub fn report(article: &Article, x: &Extraction) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} sentences, {} place mentions, {} events",
        article.path,
        x.sentences.len(),
        x.mentions.len(),
        x.located.len()
    );
    for (n, located) in x.located.iter().enumerate() {
        let Some(event) = x.events.iter().find(|e| {
            e.action == located.action
                && e.mention.start == located.start
                && e.mention.end == located.end
        }) else {
            continue;
        };
        let sentence = x.sentences[event.sentence].span;
        let text = &article.text;
        let mut marks = [
            (event.mention.start, "«"),
            (event.mention.end, "»"),
            (event.cue.start, "["),
            (event.cue.end, "]"),
        ];
        marks.sort_by_key(|&(at, mark)| (at, mark == "«" || mark == "["));
        let mut marked = String::new();
        let mut at = sentence.start;
        for (pos, mark) in marks {
            if pos < at || pos > sentence.end {
                continue;
            }
            marked.push_str(&text[at..pos]);
            marked.push_str(mark);
            at = pos;
        }
        marked.push_str(&text[at..sentence.end]);
        let _ = writeln!(
            out,
            "\n{}. {} in {} ({}, {}) — rule {} ({:.2})\n   {}",
            n + 1,
            located.action,
            located.place,
            located.place_type,
            located.country,
            located.reason,
            located.confidence,
            crate::resolve::collapse(&marked)
        );
    }
    out
}

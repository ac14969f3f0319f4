//! Splitting an article into sentences.
//!
//! In: the article's text. Out: [`Sentence`]s, each a span into the text (never a copy),
//! trimmed of surrounding whitespace and bullet marks, in text order.
//!
//! Rules: a sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
//! whitespace and a word that can start a sentence, except after an abbreviation ("Dr.",
//! "Jan.", "No.", "St.") or an initial ("J. Smith"); country initials ("U.S.", "U.K.") end a
//! sentence only when a typical sentence opener follows. A blank line always ends one; a single
//! line break ends one after terminal punctuation or a colon, before a bullet, after a line
//! in capitals or a headline in sentence case (a line with no stop that opens a sentence, before
//! a much longer line), and between short "label: value" rows ("Litauen: 7 Festnahmen"). Other
//! line breaks are wraps inside a sentence ("the United\nStates").

use crate::span::Span;

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based position in the article.
    pub index: usize,
    /// Where it is in the text.
    pub span: Span,
}

/// Words that end with a period without ending a sentence (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "art", "aug", "capt", "cf", "co", "col", "corp", "cpl", "dec", "dept", "det",
    "dr", "e.g", "eg", "etc", "feb", "fig", "fr", "ft", "gen", "gov", "hon", "i.e", "ie", "inc",
    "insp", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms",
    "mt", "no", "nos", "nov", "oct", "op", "p", "para", "pp", "prof", "pte", "rep", "rev", "sec",
    "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vol", "vs",
];

/// The same in German, French, Dutch and Spanish ("Nr.", "bzw.", "z. B.", "Mme.", "Sr.",
/// "Dña.", "núm.", "blz."): read in every language, as none of them ends an English sentence.
const ABBREVIATIONS_OTHER: &[&str] = &[
    "abs", "bzw", "ca", "dh", "dña", "dra", "dres", "evtl", "ggf", "hr", "inkl", "jh", "mio",
    "mlle", "mme", "mrd", "mwst", "nr", "núm", "resp", "sra", "srta", "str", "ua", "usw", "vgl",
    "z", "zb", "zit", "blz", "bijv", "bv", "dhr", "mevr", "ong", "o.a", "z.b", "d.h", "u.a", "av",
    "bd", "cf", "dir", "ej", "pág", "núms", "uds", "vd", "ud",
];

/// Month names of German, French, Dutch and Spanish (lower case): after a day and its ordinal
/// dot ("am 20. Februar") no sentence ends.
const MONTHS_OTHER: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "december",
];

/// Country and organisation initials: they end a sentence only before a typical opener.
const INITIALS: &[&str] = &["u.s", "u.k", "u.n", "e.u", "u.s.a", "u.a.e"];

/// Words that typically open a sentence (checked after country initials such as "U.S.").
const OPENERS: &[&str] = &[
    "a",
    "an",
    "according",
    "after",
    "at",
    "but",
    "during",
    "he",
    "her",
    "his",
    "however",
    "in",
    "it",
    "its",
    "on",
    "police",
    "she",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "we",
];

const BULLETS: &[char] = &['•', '·', '*', '-', '–', '—', '▪', '◦', '‣', '●'];

/// Splits a text into sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // The next stop mark and the next line break at or after `i` (found with memchr, kept
    // until passed).
    let find_stop = |from: usize| {
        memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(bytes.len(), |k| from + k)
    };
    let find_break =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |k| from + k);
    let mut stop = find_stop(0);
    let mut line_break = find_break(0);
    loop {
        let i = stop.min(line_break);
        if i >= bytes.len() {
            break;
        }
        let boundary = if i == stop {
            ends_at_punctuation(text, i)
        } else {
            ends_at_newline(text, i)
        };
        let next = match boundary {
            Some(end) => {
                push(text, &mut sentences, start, end);
                start = end;
                end.max(i + 1)
            }
            None => i + 1,
        };
        if stop < next {
            stop = find_stop(next);
        }
        if line_break < next {
            line_break = find_break(next);
        }
    }
    push(text, &mut sentences, start, text.len());
    sentences
}

fn push(text: &str, sentences: &mut Vec<Sentence>, start: usize, end: usize) {
    let piece = &text[start..end];
    if piece.trim().is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let mut s = start + lead;
    let e = start + piece.trim_end().len();
    // Drop a bullet mark at the start.
    if let Some(c) = text[s..e].chars().next() {
        if BULLETS.contains(&c) && text[s + c.len_utf8()..e].starts_with(char::is_whitespace) {
            s += c.len_utf8();
            s += text[s..e].len() - text[s..e].trim_start().len();
        }
    }
    if s >= e {
        return;
    }
    // A sentence with no letter or digit (a rule line, stray quotes) is not one.
    if !text[s..e].chars().any(char::is_alphanumeric) {
        return;
    }
    sentences.push(Sentence {
        index: sentences.len(),
        span: Span::new(s, e),
    });
}

/// The word (letters, digits, inner periods) ending just before byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

/// If the sentence ends at the punctuation at byte `i`, the byte where the next one may start.
fn ends_at_punctuation(text: &str, i: usize) -> Option<usize> {
    let mut end = i + 1;
    // Runs of punctuation ("?!", "...") and closing quotes or brackets belong to this sentence.
    let rest = &text[end..];
    for c in rest.chars() {
        if matches!(
            c,
            '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
        ) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    // Citation marks after the stop belong to this sentence: "suspects.[5][6] In …".
    while let Some(rest) = text[end..].strip_prefix('[') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(']') {
            break;
        }
        end += digits + 2;
    }
    let after = &text[end..];
    if after.is_empty() {
        return Some(end);
    }
    if !after.starts_with(char::is_whitespace) {
        // Paragraphs run together in a copied page: "festgenommen wurde.Auch in Österreich".
        return run_together(text, i, end).then_some(end); // not "3.5", "e.g.x", "U.S.-led"
    }
    let next_word_start = end + (after.len() - after.trim_start().len());
    let next = &text[next_word_start..];
    let Some(first) = next.chars().next() else {
        return Some(end);
    };
    // A paragraph break ends a sentence whatever precedes it.
    let paragraph = after[..next_word_start - end].matches('\n').count() >= 2;
    if text.as_bytes()[i] == b'.' && !paragraph {
        // Lower-cased only when it is not ASCII: the word lists are ASCII and lower case, so
        // an ASCII word compares without case.
        let word = word_before(text, i);
        let lowered;
        let word = if word.is_ascii() {
            word
        } else {
            lowered = word.to_lowercase();
            lowered.as_str()
        };
        let bare = word.trim_end_matches('.');
        let listed = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(bare));
        if listed(INITIALS) {
            let opener: String = next
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if !OPENERS.contains(&opener.as_str()) {
                return None;
            }
        } else if listed(ABBREVIATIONS) || listed(ABBREVIATIONS_OTHER) {
            return None;
        } else if (1..=2).contains(&bare.len()) && bare.bytes().all(|b| b.is_ascii_digit()) {
            // "am 20. Februar 2024", "den 3. Mai": a German or Dutch day's ordinal dot.
            let month: String = next
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if MONTHS_OTHER.contains(&month.as_str()) {
                return None;
            }
        } else if bare.chars().count() == 1
            && bare.chars().all(|c| c.is_alphabetic())
            && text[..i].ends_with(|c: char| c.is_uppercase())
        {
            return None; // an initial: "J. Smith"
        }
    }
    if first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[')
        || BULLETS.contains(&first)
        || paragraph
    {
        Some(end)
    } else {
        None
    }
}

/// True when the period at byte `i` ends a sentence whose next one follows with no space (`end`
/// is the byte after the stop): a word of three letters or more, lower case after its first,
/// that is no abbreviation before it, and after it a capitalised word followed by a space or punctuation
/// that does not continue a name ("wurde.Auch in", not "www.Spiegel.de", "e.g.X", "Co.Kg").
fn run_together(text: &str, i: usize, end: usize) -> bool {
    if text.as_bytes()[i] != b'.' || end != i + 1 {
        return false;
    }
    let word = word_before(text, i);
    // (German nouns are capitalised: "… Iraker.Neben Österreich".)
    let lower_word = word.chars().count() >= 3 && word.chars().skip(1).all(char::is_lowercase);
    if !lower_word
        || ABBREVIATIONS
            .iter()
            .chain(ABBREVIATIONS_OTHER)
            .any(|a| a.eq_ignore_ascii_case(word))
    {
        return false;
    }
    let next = &text[end..];
    let mut chars = next.chars();
    let opens = chars.next().is_some_and(char::is_uppercase);
    let letters = next
        .char_indices()
        .skip(1)
        .find(|&(_, c)| !c.is_lowercase())
        .map_or(next.len(), |(j, _)| j);
    let after_word = next[letters..].chars().next();
    opens
        && letters >= 2
        && after_word.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?'))
}

/// What ends a line that ends a sentence: a stop, a colon, a closing quote or bracket.
const LINE_END_MARKS: [char; 8] = ['.', '!', '?', ':', '"', '”', '’', ')'];

/// If a line break at byte `i` ends a sentence, the byte after it.
fn ends_at_newline(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |j| j + 1);
    let line = text[line_start..i].trim();
    let rest = &text[i + 1..];
    let next_end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
    let next_line = rest[..next_end].trim();
    if line.is_empty() || next_line.is_empty() {
        return Some(i + 1); // blank line: paragraph break
    }
    // Not after ";": a wrapped list goes on ("…; the Swedish Police;\nand the UK's …").
    if line.ends_with(LINE_END_MARKS) {
        return Some(i + 1);
    }
    if next_line.starts_with(BULLETS) || line.starts_with(BULLETS) {
        return Some(i + 1);
    }
    if headline_in_sentence_case(text, line_start, line, next_line)
        || (label_and_value(line) && label_and_value(next_line))
    {
        return Some(i + 1);
    }
    // A headline in capitals: at least four letters, all upper case.
    let mut letters = 0;
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return None;
        }
        letters += 1;
    }
    (letters >= 4).then_some(i + 1)
}

/// True when `line` (starting at byte `line_start`) is a headline written like a sentence,
/// with no stop at its end: it opens a sentence (it is the text's first line, or the line
/// before it is blank or ends a sentence), starts with a capital or a digit, and the next line
/// starts with one too and is much longer ("Sechs Verdächtige in der Schweiz festgenommen\n
/// Schweizer Behörden haben …"). A wrapped line is about as long as the next one.
fn headline_in_sentence_case(text: &str, line_start: usize, line: &str, next_line: &str) -> bool {
    let starts_high = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let (short, long) = (line.chars().count(), next_line.chars().count());
    // The line before is read last, and only for a line that could be a headline.
    let opens_sentence = || {
        let previous = text[..line_start.saturating_sub(1)]
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .trim();
        line_start == 0 || previous.is_empty() || previous.ends_with(LINE_END_MARKS)
    };
    starts_high(line)
        && starts_high(next_line)
        && !line.ends_with([',', ';', '-', '–'])
        && short <= 100
        && 2 * long >= 3 * short
        && long >= 60
        && opens_sentence()
}

/// True when `line` is a short "label: value" row ("Litauen: 7 Festnahmen", "Spain: 12
/// arrests"): a few words, a colon, then a value.
fn label_and_value(line: &str) -> bool {
    line.chars().count() <= 60
        && line
            .split_once(": ")
            .is_some_and(|(label, value)| !label.is_empty() && !value.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.span.of(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            texts("Servers were seized. Raids followed! Was it over? No."),
            vec![
                "Servers were seized.",
                "Raids followed!",
                "Was it over?",
                "No."
            ]
        );
    }

    #[test]
    fn survives_abbreviations_and_initials() {
        let text = "Dr. Smith met U.S. officials on Jan. 5 at No. 10 Downing St. in London. \
                    J. R. Doe said the U.K. agency agreed. The U.S. The end.";
        assert_eq!(
            texts(text),
            vec![
                "Dr. Smith met U.S. officials on Jan. 5 at No. 10 Downing St. in London.",
                "J. R. Doe said the U.K. agency agreed.",
                "The U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn keeps_wrapped_lines_together() {
        assert_eq!(
            texts("Servers were seized in the United\nStates and Canada.\n\nNext paragraph."),
            vec![
                "Servers were seized in the United\nStates and Canada.",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn splits_headlines_in_sentence_case_and_rows() {
        let text = "Sechs Verdächtige in der Schweiz festgenommen\nSchweizer Behörden haben \
                    sechs mutmassliche Mitglieder einer Bande festgenommen.\n\nÜbersicht:\n\n\
                    Litauen: 7 Festnahmen\nLettland: 5 Festnahmen\n";
        assert_eq!(
            texts(text),
            vec![
                "Sechs Verdächtige in der Schweiz festgenommen",
                "Schweizer Behörden haben sechs mutmassliche Mitglieder einer Bande festgenommen.",
                "Übersicht:",
                "Litauen: 7 Festnahmen",
                "Lettland: 5 Festnahmen"
            ]
        );
        // Near miss: a wrapped line is about as long as the next one, even when the next
        // starts with a capital.
        let wrapped = "Police searched premises in Rotterdam and seized servers in the\n\
                       Netherlands and Germany on Tuesday, said Europol in a statement.\n";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn splits_bullets_and_headlines() {
        let text = "POLICE SHUT DOWN SITES\nThe ECTC focuses on:\n  • tackling fighters;\n  • sharing intelligence\n";
        assert_eq!(
            texts(text),
            vec![
                "POLICE SHUT DOWN SITES",
                "The ECTC focuses on:",
                "tackling fighters;",
                "sharing intelligence"
            ]
        );
    }

    #[test]
    fn splits_paragraphs_run_together() {
        assert_eq!(
            texts("eine Person festgenommen wurde.Auch in Österreich wurde durchsucht."),
            [
                "eine Person festgenommen wurde.",
                "Auch in Österreich wurde durchsucht."
            ]
        );
        // Near misses: a web address, an abbreviation, an initial, a number.
        for text in [
            "Siehe www.Spiegel.de für mehr.",
            "Es kam u.a.Bargeld dazu.",
            "Die Firma A.Müller zahlte 3.5 Mio.",
            "Prof.Schmidt und Dr.Meier kamen.",
        ] {
            assert_eq!(texts(text), [text]);
        }
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            texts("He said “it is done.” Police left."),
            vec!["He said “it is done.”", "Police left."]
        );
    }

    #[test]
    fn indices_count_up() {
        let s = split("A b. C d.");
        assert_eq!(s[0].index, 0);
        assert_eq!(s[1].index, 1);
    }
}

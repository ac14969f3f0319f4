//! Words and clauses of a sentence.
//!
//! In: the article's text and a sentence's span. Out: [`Token`]s (words and punctuation marks,
//! each with its lower-case form and its lexicon classes) and the token index where each clause
//! starts.

use super::lexicon::{self, class, Classes};
use crate::lang::Lang;
use crate::span::Span;

/// A word or punctuation mark of a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    /// Where it is in the article.
    pub span: Span,
    /// The word in lower case, curly apostrophes straight (see [`push_lower`]).
    pub lower: &'a str,
    /// The word lists `lower` is in (bits of [`class`]), looked up once.
    pub class: Classes,
}

impl Token<'_> {
    /// True when the word is in the word list(s) of `class` (a [`class`] bit or several).
    pub(crate) fn is(&self, class: Classes) -> bool {
        self.class & class != 0
    }

    /// True when the word starts with a capital letter in the text.
    pub(crate) fn capitalised(&self, text: &str) -> bool {
        self.span.of(text).starts_with(char::is_uppercase)
    }
}

/// Appends a word in lower case with curly apostrophes straight (`ascii`: the word is all
/// ASCII, the fast path; no allocation but for a word with a capital sigma).
fn push_lower(word: &str, ascii: bool, out: &mut String) {
    if ascii {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else if word.contains('Σ') {
        // `str::to_lowercase`, not per char: it knows the final sigma.
        let lower = word.to_lowercase();
        out.push_str(&lower.replace('’', "'"));
    } else {
        for c in word.chars() {
            if c == '’' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// True for the ASCII bytes of a word: letters, digits, `-` and `'` (one table lookup: every
/// byte of every sentence that holds a place is read here).
#[inline(always)]
fn is_word_byte(b: u8) -> bool {
    const WORD: [bool; 256] = {
        let mut word = [false; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            word[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'\'';
            b += 1;
        }
        word
    };
    WORD[usize::from(b)]
}

/// The character at byte `i` of `s` (not ASCII): whether it belongs to a word, whether it is
/// whitespace, and its length in bytes.
#[inline]
fn classify_char(s: &str, i: usize) -> (bool, bool, usize) {
    let c = s[i..].chars().next().unwrap_or(' ');
    (
        c.is_alphanumeric() || c == '’',
        c.is_whitespace(),
        c.len_utf8(),
    )
}

/// The spans of a sentence's words and punctuation marks, each with where its lower-case form
/// ends in `buf` (`ends[k]`; [`AS_WRITTEN`] for a form that is the word as written: ASCII
/// with no capital, most words, is not copied). In English a
/// trailing possessive or contraction is a token of its own: "Britain's" → "Britain", "'s" (a
/// Dutch "collega's" is one plural word); in French an elided article or pronoun is:
/// "l'arrestation" → "l'", "arrestation".
fn scan(text: &str, span: Span, buf: &mut String) -> (Vec<Span>, Vec<usize>) {
    let s = span.of(text);
    let mut spans: Vec<Span> = Vec::with_capacity(s.len() / 4 + 1);
    let mut ends: Vec<usize> = Vec::with_capacity(s.len() / 4 + 1);
    let lang = lexicon::current_lang();
    let french = lang == Lang::Fr;
    let english = lang == Lang::En;
    let mut piece = |a: usize, b: usize, (ascii, capitals): (bool, bool), buf: &mut String| {
        spans.push(Span::new(span.start + a, span.start + b));
        if ascii && !capitals {
            ends.push(AS_WRITTEN);
        } else {
            push_lower(&s[a..b], ascii, buf);
            ends.push(buf.len());
        }
    };
    // `ascii`: the word's bytes are all ASCII; `capitals`: some are capitals.
    let mut word = |a: usize, b: usize, ascii: (bool, bool), buf: &mut String| {
        let w = &s[a..b];
        let cut = if french {
            elision_end(w)
        } else if english && matches!(w.as_bytes().last(), Some(b's' | b't')) {
            // (Only a word ending in "s" or "t" can end in one.)
            ["'s", "’s", "n't", "n’t"]
                .iter()
                .find(|suffix| w.len() > suffix.len() && w.ends_with(*suffix))
                .map(|suffix| w.len() - suffix.len())
        } else {
            None
        };
        match cut {
            Some(k) => {
                piece(a, a + k, ascii, buf);
                piece(a + k, b, ascii, buf);
            }
            None => piece(a, b, ascii, buf),
        }
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (wordish, space, len) = if b < 0x80 {
            (is_word_byte(b), b.is_ascii_whitespace() || b == 0x0B, 1)
        } else {
            classify_char(s, i)
        };
        if wordish {
            // A word: letters, digits, hyphens and apostrophes, taken as one run.
            let a = i;
            let mut ascii = b < 0x80;
            let mut capitals = b.is_ascii_uppercase();
            i += len;
            loop {
                match bytes.get(i) {
                    Some(&b) if b < 0x80 => {
                        if !is_word_byte(b) {
                            break;
                        }
                        capitals |= b.is_ascii_uppercase();
                        i += 1;
                    }
                    Some(_) => {
                        let (wordish, _, len) = classify_char(s, i);
                        if !wordish {
                            break;
                        }
                        ascii = false;
                        i += len;
                    }
                    None => break,
                }
            }
            word(a, i, (ascii, capitals), buf);
            continue;
        }
        if !space {
            // Punctuation is a token of its own.
            word(i, i + len, (b < 0x80, false), buf);
        }
        i += len;
    }
    (spans, ends)
}

/// The end in [`scan`]'s buffer of a lower-case form that is the word as written.
const AS_WRITTEN: usize = usize::MAX;

/// The French elided words that stand before a vowel with an apostrophe.
const ELIDED: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

/// Where a French word's elided article or pronoun ends ("l'", "d'", "qu'"), apostrophe
/// included, when a word follows it.
pub(crate) fn elision_end(word: &str) -> Option<usize> {
    let (at, apostrophe) = word.char_indices().find(|&(_, c)| c == '\'' || c == '’')?;
    let end = at + apostrophe.len_utf8();
    let prefix = word[..at].to_lowercase();
    (end < word.len() && ELIDED.contains(&prefix.as_str())).then_some(end)
}

/// Cuts a sentence into words and punctuation marks, with their lower-case forms (the text's
/// own words where they are already lower case, else written once into `buf`, cleared first
/// and reused from sentence to sentence), so that tokens own no string.
pub(crate) fn tokenize<'a>(text: &'a str, span: Span, buf: &'a mut String) -> Vec<Token<'a>> {
    buf.clear();
    let (spans, ends) = scan(text, span, buf);
    let buf: &'a String = buf;
    let lexicon = lexicon::current();
    let compounds = lexicon::current_lang().writes_compounds();
    let mut tokens: Vec<Token<'a>> = Vec::with_capacity(spans.len());
    let mut from = 0;
    for (i, (&span, to)) in spans.iter().zip(ends).enumerate() {
        let raw = if to == AS_WRITTEN {
            span.of(text)
        } else {
            let lower = &buf[from..to];
            from = to;
            lower
        };
        // One lookup tells all the lexicon knows of the word.
        let word = lexicon.word(raw).copied().unwrap_or_default();
        let mut class = word.own;
        // A German or Dutch compound noun is of its head's kind ("Zollbehörden").
        if class == 0 && compounds && !word.cue {
            class = lexicon.compound_head_class(raw);
        }
        // A function word of another language is read as the English word it stands for
        // ("und" as "and", "par" as "by"), with that word's classes too. (English reads its own
        // words: it has no glosses.)
        let lower = word.gloss.unwrap_or(raw);
        class |= word.gloss_class;
        // "Between March and May 2012": a capitalised "May" inside a sentence is the month.
        if lower == "may" && i > 0 && span.of(text).starts_with('M') {
            class &= !class::MODAL;
        }
        tokens.push(Token { span, lower, class });
        if word.ends_class_phrase {
            mark_class_phrases(&mut tokens, lexicon);
        }
    }
    tokens
}

/// A word list's multi-word forms ("a través de", "cuartel general") give their class to
/// their last word, the one the rules read ("de" governing the place after it): the last of
/// `tokens` gets the bits of the forms that end there.
fn mark_class_phrases(tokens: &mut [Token<'_>], lexicon: &lexicon::Lexicon) {
    let i = tokens.len() - 1;
    let bits = lexicon
        .class_phrases_ending(tokens[i].lower)
        .iter()
        .filter(|(words, _)| {
            i + 1 >= words.len()
                && tokens[i + 1 - words.len()..=i]
                    .iter()
                    .zip(words)
                    .all(|(t, w)| t.lower == *w)
        })
        .fold(0, |bits, (_, bit)| bits | bit);
    tokens[i].class |= bits;
}

/// True when a clause-break word at `i` is the conjunction "as" that starts a clause, not part
/// of "as well as", "such as", "as part of", "as a result", a parallel "as in", nor a comparison read as "as"
/// ("mehr als 150 Objekte", read as "more as": more than), nor examples after a noun of places
/// ("en países como Honduras", "dans des pays comme le Honduras", "in landen als").
fn as_starts_clause(tokens: &[Token], i: usize) -> bool {
    let prev = tokens[i - 1].lower;
    if matches!(prev, "more" | "less" | "fewer" | "rather")
        || tokens[i - 1].is(class::ANAPHOR_NOUN | class::PLACE_NOUN)
    {
        return false;
    }
    let next = tokens.get(i + 1).map(|t| t.lower).unwrap_or("");
    let next2 = tokens.get(i + 2).map(|t| t.lower).unwrap_or("");
    // A parallel ("in Belgium as in the Netherlands", "sowohl in Belgien als auch in …") joins
    // two places, it opens no clause.
    let parallel = next == "in" || (matches!(next, "auch" | "ook" | "also") && next2 == "in");
    !(prev == "well"
        || prev == "such"
        || prev == "same"
        || next == "well"
        || next == "part"
        || next == "a"
        || (next == "of" || next == "to")
        || next2 == "as"
        || parallel)
}

/// Token index where each clause starts (the first is 0).
pub(crate) fn clause_starts(tokens: &[Token]) -> Vec<usize> {
    let mut starts = vec![0];
    // Whether an introducer ("include", ":") stands before the token (one pass, not a scan
    // back from every semicolon).
    let mut introduced = false;
    for (i, t) in tokens.iter().enumerate() {
        if i == 0 {
            introduced = t.is(class::INTRODUCER);
            continue;
        }
        let is_break = if t.lower == ";" {
            // After "include:" semicolons separate the members of a list, not clauses.
            !introduced
        } else if t.is(class::CLAUSE_BREAK) {
            t.lower != "as" || as_starts_clause(tokens, i)
        } else {
            false
        };
        if is_break {
            starts.push(i);
        }
        introduced = introduced || t.is(class::INTRODUCER);
    }
    starts
}

/// The token that covers byte `offset` (tokens are in text order and do not overlap).
pub(crate) fn token_at(tokens: &[Token], offset: usize) -> Option<usize> {
    let i = tokens
        .partition_point(|t| t.span.start <= offset)
        .checked_sub(1)?;
    let t = &tokens[i];
    (offset < t.span.end.max(t.span.start + 1)).then_some(i)
}

/// True when token `i` is a "," or "." between digits with no space around it: a thousands
/// separator ("1,200 kilos", "80.000 Euro"), no punctuation.
pub(crate) fn digit_separator(tokens: &[Token], i: usize) -> bool {
    let digits = |t: &Token| !t.lower.is_empty() && t.lower.bytes().all(|b| b.is_ascii_digit());
    matches!(tokens[i].lower, "," | ".")
        && i > 0
        && tokens.get(i + 1).is_some_and(|next| {
            digits(&tokens[i - 1])
                && digits(next)
                && tokens[i - 1].span.end == tokens[i].span.start
                && next.span.start == tokens[i].span.end
        })
}

/// Tokens between `a` (exclusive) and `b` (exclusive), without short parentheticals such as
/// "(NCA)" or "(Guardia Civil)" and citation marks such as "[4]".
pub(crate) fn plain_between<'t>(tokens: &[Token<'t>], a: usize, b: usize) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for (i, t) in tokens.iter().enumerate().take(b).skip(a + 1) {
        if digit_separator(tokens, i) {
            continue;
        }
        match t.lower {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            w if depth == 0 => out.push(w),
            _ => {}
        }
    }
    out
}

/// True for a count: digits ("12"; "1,200" is several tokens and not one), a number word or a
/// distributive pronoun ("one in A and another in B").
pub(crate) fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit()))
        || (lexicon::class_of(word) & (class::NUMBER | class::DISTRIBUTIVE) != 0
            && !matches!(word, "several" | "some"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut buf = String::new();
        tokenize(text, Span::new(0, text.len()), &mut buf)
            .iter()
            .map(|t| t.lower.to_string())
            .collect()
    }

    #[test]
    fn possessives_and_punctuation_are_tokens() {
        assert_eq!(
            words("Britain’s NCA didn't act; Europol (EC3) did."),
            [
                "britain", "'s", "nca", "did", "n't", "act", ";", "europol", "(", "ec3", ")",
                "did", "."
            ]
        );
    }

    #[test]
    fn clauses_break_at_conjunctions_but_not_at_as_well_as() {
        let text = "Servers were seized in A, while raids hit B as well as C as D acted.";
        let mut buf = String::new();
        let tokens = tokenize(text, Span::new(0, text.len()), &mut buf);
        let starts: Vec<&str> = clause_starts(&tokens)
            .into_iter()
            .map(|i| tokens[i].lower)
            .collect();
        assert_eq!(starts, ["servers", "while", "as"]);
    }
}

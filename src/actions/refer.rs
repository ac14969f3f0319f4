//! Pointing back: phrases that stand for the countries an article has already named as taking
//! part ("all the countries involved", "these countries", "both countries", "in each
//! country").
//!
//! In: a sentence's tokens. Out: the token ranges of such phrases. Linking treats each as a
//! place mention; its events are then given to every country that has an event earlier in the
//! article (see `actions::link`).

use super::lexicon::{self, class, CueKind};
use super::tokens::Token;
use crate::action::Action;
use crate::lang::Lang;
use crate::sentences::Sentence;
use memchr::memmem::Finder;
use std::sync::OnceLock;

/// For each sentence, true when it may hold a pointing-back phrase (a cheap test before
/// tokenizing): one of the language's country nouns ("countries", "nations"; "Ländern",
/// "landen", "pays", "países") at a word start ("nations", not "international"). The text is
/// searched once for each noun, not sentence by sentence.
pub(crate) fn may_refer(text: &str, sentences: &[Sentence]) -> Vec<bool> {
    static FINDERS: [OnceLock<Vec<Finder<'static>>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let lang = lexicon::current_lang();
    let finders = FINDERS[lang as usize].get_or_init(|| country_noun_finders(lexicon::of(lang)));
    let bytes = text.as_bytes();
    // Where each noun stands, as (start, end), in text order.
    let mut found: Vec<(usize, usize)> = finders
        .iter()
        .flat_map(|finder| {
            let n = finder.needle().len();
            finder.find_iter(bytes).map(move |at| (at, at + n))
        })
        .collect();
    found.sort_unstable();
    sentences
        .iter()
        .map(|s| {
            let (start, end) = (s.span.start, s.span.end);
            let from = found.partition_point(|&(at, _)| at < start);
            found[from..]
                .iter()
                .take_while(|&&(at, _)| at < end)
                .any(|&(at, to)| to <= end && (at == start || !bytes[at - 1].is_ascii_alphabetic()))
        })
        .collect()
}

/// Finders for the country nouns of a lexicon, in lower case and capitalised; a noun that
/// starts with another ("nations", "nation") is found by the shorter one.
fn country_noun_finders(lexicon: &lexicon::Lexicon) -> Vec<Finder<'static>> {
    let mut nouns: Vec<&str> = lexicon.words_in(class::ANAPHOR_NOUN).collect();
    nouns.sort_unstable_by_key(|w| w.len());
    let mut kept: Vec<&str> = Vec::new();
    for noun in nouns {
        if !kept.iter().any(|k| noun.starts_with(k)) {
            kept.push(noun);
        }
    }
    kept.iter()
        .flat_map(|noun| {
            let mut chars = noun.chars();
            let capitalised: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            [noun.to_string(), capitalised]
        })
        .map(|word| Finder::new(word.as_bytes()).into_owned())
        .collect()
}

/// The token ranges (first, last) of the pointing-back phrases of a sentence: a country noun
/// ("countries", "nations", "jurisdictions") after a determiner that points back ("these",
/// "those", "both", "each", "every", "respective", "aforementioned", "each of these"), or with
/// a modifier that does ("the countries involved", "the participating countries", "all
/// countries concerned"). A bare "all countries" or "16 countries" does not point back.
pub(crate) fn phrases(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is(class::ANAPHOR_NOUN) {
            continue;
        }
        // Back over modifiers, "the", "all", "of", numbers ("the two countries").
        let mut first = i;
        let mut determiner = false;
        let mut modifier = false;
        while first > 0 {
            let w = &tokens[first - 1];
            if w.is(class::ANAPHOR_DETERMINER) {
                determiner = true;
            } else if w.is(class::ANAPHOR_MODIFIER) {
                modifier = true;
            } else if matches!(w.lower, "the" | "all" | "of" | "two" | "three") {
            } else {
                break;
            }
            first -= 1;
        }
        // A modifier after the noun: "the countries involved", "all countries concerned".
        let mut last = i;
        if tokens
            .get(i + 1)
            .is_some_and(|w| w.is(class::ANAPHOR_MODIFIER))
        {
            modifier = true;
            last = i + 1;
        }
        // "the two countries": a count after "the" points back too.
        let counted = tokens[first..i]
            .windows(2)
            .any(|w| w[0].lower == "the" && matches!(w[1].lower, "two" | "three"));
        // Skip a leading "of" ("each of these countries" keeps "each").
        while first < i && tokens[first].lower == "of" {
            first += 1;
        }
        // "12 countries involved" counts countries; it does not point back.
        let bare_count = first > 0 && {
            let w = tokens[first - 1].lower;
            w.chars().all(|c| c.is_ascii_digit()) || tokens[first - 1].is(class::NUMBER)
        };
        if (determiner || modifier || counted) && !bare_count {
            out.push((first, last));
        }
    }
    out
}

/// True when a sentence may open with a demonstrative, a locative or action pro-form or
/// "during" (a cheap test before tokenizing).
pub(crate) fn may_carry_over(sentence: &str) -> bool {
    let first = sentence
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    if first.is_empty() {
        return false;
    }
    let lower = first.to_lowercase();
    let lexicon = lexicon::current();
    lexicon.class_of(&lower)
        & (class::DEMONSTRATIVE | class::LOCATIVE_PRO_FORM | class::ACTION_PRO_FORM | class::DURING)
        != 0
        || lexicon.gloss(&lower).unwrap_or(&lower) == "the"
}

/// True when a sentence opens with a word that stands for a place named before ("There,
/// police arrested …", "Daar kon de bestuurder worden aangehouden", "Allí fue detenido"); not
/// English's existential "there" ("there were arrests": a form of "be" after it; the other
/// languages say it without the pro-form: "es gab", "er waren", "il y a", "hubo").
pub(crate) fn opens_with_locative(tokens: &[Token]) -> bool {
    let existential =
        |first: &Token| first.lower == "there" && tokens.get(1).is_some_and(|t| t.is(class::BE));
    tokens
        .first()
        .is_some_and(|t| t.is(class::LOCATIVE_PRO_FORM) && !existential(t))
}

/// True when a sentence opens with a demonstrative that points back to the action of the
/// sentence before: "This seizure and further investigations led to the arrest of two people",
/// "These raids …", "The coordinated operation activities led to three arrests" (a
/// determiner, at most two modifiers, then an action noun or a noun of operations).
pub(crate) fn opens_with_demonstrative(tokens: &[Token]) -> bool {
    let Some(first) = tokens.first() else {
        return false;
    };
    let demonstrative = first.is(class::DEMONSTRATIVE);
    if !demonstrative && first.lower != "the" {
        return false;
    }
    tokens[1..]
        .iter()
        .take(3)
        .any(|t| t.is(class::OPERATION_NOUN) || (t.is(class::CUE_START) && demonstrative))
}

/// What a sentence's opening word stands for ([`opens_with_action_pro_form`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Told {
    /// The actions of the sentence before: "Dabei wurden … sichergestellt", "Hierbij zijn …
    /// in beslag genomen".
    Before,
    /// The last action of this kind the article told: "During the searches, …", "Bei den
    /// Durchsuchungen …", "Tijdens de zoekingen …", "Lors des perquisitions …", "Durante los
    /// registros …".
    Last(Action),
}

/// When a sentence opens with a word that stands for an action told before, or with "during"
/// and that action's noun, which action: what the sentence states happened in the course of
/// it, at its places.
pub(crate) fn opens_with_action_pro_form(tokens: &[Token]) -> Option<Told> {
    let first = tokens.first()?;
    if first.is(class::ACTION_PRO_FORM) {
        return Some(Told::Before);
    }
    if !first.is(class::DURING) {
        return None;
    }
    tokens[1..].iter().take(3).find_map(|t| {
        lexicon::current()
            .word_cue(t.lower)
            .filter(|e| e.kind == CueKind::Noun && e.action.is_specific())
            .map(|e| Told::Last(e.action))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::tokens::tokenize;
    use crate::span::Span;

    fn found(text: &str) -> Vec<String> {
        let mut buf = String::new();
        let tokens = tokenize(text, Span::new(0, text.len()), &mut buf);
        phrases(&tokens)
            .into_iter()
            .map(|(a, b)| text[tokens[a].span.start..tokens[b].span.end].to_string())
            .collect()
    }

    #[test]
    fn phrases_that_point_back() {
        assert_eq!(
            found("Premises were searched in all the countries involved."),
            ["all the countries involved"]
        );
        assert_eq!(
            found("Arrests were made in each of these countries."),
            ["each of these countries"]
        );
        assert_eq!(found("Police in both countries acted."), ["both countries"]);
        assert_eq!(
            found("the participating countries seized cash"),
            ["the participating countries"]
        );
        assert_eq!(found("in each country"), ["each country"]);
        assert_eq!(found("the two countries"), ["the two countries"]);
    }

    #[test]
    fn demonstratives_that_point_back_to_an_action() {
        let opens = |text: &str| {
            let mut buf = String::new();
            opens_with_demonstrative(&tokenize(text, Span::new(0, text.len()), &mut buf))
        };
        assert!(opens("This seizure led to the arrest of two people."));
        assert!(opens(
            "The coordinated operation activities led to three arrests."
        ));
        assert!(!opens("The suspects were arrested."));
        assert!(!opens("Officers arrested three suspects."));
    }

    #[test]
    fn counts_and_bare_plurals_do_not() {
        assert!(found("Arrests were made in 16 countries.").is_empty());
        assert!(found("All countries must act.").is_empty());
        assert!(found("victims in several countries").is_empty());
        assert!(found("12 countries involved in the arrest").is_empty());
        let refers = |text: &str| {
            let sentence = Sentence {
                index: 0,
                span: crate::span::Span::new(0, text.len()),
            };
            may_refer(text, &[sentence])[0]
        };
        assert!(refers("in these countries") && !refers("in Spain"));
        assert!(!refers("an international investigation"));
    }
}

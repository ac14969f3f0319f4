//! A map's default title and subtitle, when `--title` and `--subtitle` give none.
//!
//! In: the article's text, the title its reader found (HTML `<title>`/`<h1>`, a JSON record's
//! `title`), its located events and its date. Out: a title a desk would keep, never a body
//! sentence cut with "…"; in order:
//!
//! 1. the reader's title;
//! 2. a headline: the first line, when it has at most [`HEADLINE_MAX`] characters, no final
//!    full stop, at least three words, and is not a dateline or a place alone ("The Hague,
//!    09 July 2012");
//! 3. the operation's name and date, where the text names an operation: "Operation Endgame,
//!    27–29 May 2024" (a range as the text gives it), or the name alone;
//! 4. a summary of what the map shows: "Seizures and raids in 6 countries", "Arrests in Spain".
//!
//! The subtitle is the article's date and the source's file name, without its folder:
//! "27 May 2024 · Source: endgame.txt".

use crate::action::Action;
use crate::dates::{self, ArticleDate, Date};
use crate::lang::Lang;
use crate::resolve::Located;
use std::path::Path;

/// A headline has at most this many characters.
pub const HEADLINE_MAX: usize = 120;

/// The default title of a map of `located`, from an article's `text`, the `reader`'s title
/// and the article's `date` (the rules in the module's docs).
pub fn title(
    text: &str,
    reader: Option<&str>,
    located: &[Located],
    date: Option<ArticleDate>,
) -> String {
    title_in(text, reader, located, date, Lang::En)
}

/// [`title`], its summary (rule 4) in `lang` ([`summary_in`]).
pub fn title_in(
    text: &str,
    reader: Option<&str>,
    located: &[Located],
    date: Option<ArticleDate>,
    lang: Lang,
) -> String {
    reader
        .map(crate::resolve::collapse)
        .filter(|t| !t.is_empty())
        .or_else(|| headline(text))
        .or_else(|| operation(text, date.map(|d| d.date)))
        .unwrap_or_else(|| summary_in(located, lang))
}

/// The first line when it reads as a headline (rule 2).
pub(crate) fn headline(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = crate::resolve::collapse(first);
    let words = line
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphanumeric));
    let ok = line.chars().count() <= HEADLINE_MAX
        && !line.ends_with(['.', ',', ';', ':', '…'])
        && words.count() >= 3
        && !dates::is_place_line(&line);
    ok.then_some(line)
}

/// "Operation Endgame, 27–29 May 2024" (rule 3): the first "Operation" followed by capitalised
/// words, or a name after "code-named"/"codenamed"/"dubbed" in quotes, with `date` as the
/// text writes it.
pub(crate) fn operation(text: &str, date: Option<Date>) -> Option<String> {
    let name = operation_name(text)?;
    Some(match date {
        Some(date) => format!("Operation {name}, {}", dates::written(text, date)),
        None => format!("Operation {name}"),
    })
}

/// Capitalised words that may follow "Operation" without naming it ("Operation KOLUMBI Led
/// by …").
const NOT_A_NAME: [&str; 18] = [
    "A", "An", "And", "As", "At", "By", "For", "Had", "Has", "In", "Is", "Led", "Of", "On",
    "Resulted", "Saw", "The", "Was",
];

/// True when `word` is an agency's name in the embedded `gazetteer/agencies.tsv` ("AFP").
fn is_agency(word: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            crate::gazetteer::AGENCIES_TSV
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next())
                .collect()
        })
        .contains(word)
}

/// Opening and closing quotes around a code name.
const QUOTES: [char; 6] = ['"', '\'', '“', '”', '‘', '’'];

/// The operation's name: "Endgame", "Trojan Shield", "ERMIS", "Moby Dick".
fn operation_name(text: &str) -> Option<String> {
    let mut end = text.len().min(dates::SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let words: Vec<&str> = text[..end].split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if w.trim_start_matches(QUOTES) == "Operation" {
            if let Some(name) = name_after(&words[i + 1..]) {
                return Some(name);
            }
        }
        let lower = w.to_lowercase();
        let quoted = words.get(i + 1).is_some_and(|n| n.starts_with(QUOTES));
        if matches!(lower.as_str(), "code-named" | "codenamed" | "dubbed") && quoted {
            let first = words[i + 1].trim_start_matches(QUOTES);
            if first == "Operation" {
                continue;
            }
            let mut name = Vec::new();
            for word in std::iter::once(first)
                .chain(words[i + 2..].iter().copied())
                .take(4)
            {
                let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                name.push(bare);
                if bare.len() != word.len() {
                    break;
                }
            }
            let name = name.join(" ");
            if name.starts_with(char::is_uppercase) {
                return Some(name);
            }
        }
    }
    None
}

/// Up to three capitalised words after "Operation", ending at punctuation, a lower-case or
/// hyphenated word ("Europol-coordinated"), a word of [`NOT_A_NAME`], an agency's name
/// (`gazetteer/agencies.tsv`: "Trojan Shield Europol") or an acronym after a word ("Ironside
/// AFP").
fn name_after(words: &[&str]) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    for word in words.iter().take(3) {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’']);
        let capitalised = bare.starts_with(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !bare
                .split('-')
                .skip(1)
                .any(|p| p.starts_with(char::is_lowercase));
        // An acronym after a word ("Ironside AFP") is an agency more often than a part of
        // the name ("Power OFF" is cut to "Power": a known limit).
        let acronym = bare.len() > 1 && bare.chars().all(char::is_uppercase);
        let after_word = name
            .last()
            .is_some_and(|w| w.chars().any(char::is_lowercase));
        if !capitalised || NOT_A_NAME.contains(&bare) || is_agency(bare) || (acronym && after_word)
        {
            break;
        }
        name.push(bare);
        if bare.len() != word.len() {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// "Seizures and raids in 6 countries" (rule 4): the specific actions of the map, then its
/// countries (a single one by name); "Coordinated action in 3 countries" when it shows none.
pub fn summary(located: &[Located]) -> String {
    let mut countries: Vec<&str> = Vec::new();
    for e in located {
        if !countries.contains(&e.country_name.as_str()) {
            countries.push(&e.country_name);
        }
    }
    let actions: Vec<&str> = Action::ALL
        .into_iter()
        .filter(|a| a.is_specific() && located.iter().any(|e| e.action == *a))
        .map(|a| match a {
            Action::Seizure => "seizures",
            Action::Raid => "raids",
            Action::Arrest => "arrests",
            _ => "takedowns",
        })
        .collect();
    let what = match actions.as_slice() {
        [] if countries.is_empty() => return "No actions found".to_string(),
        [] => "coordinated action".to_string(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let mut what = what;
    if let Some(first) = what.get(..1) {
        what = first.to_uppercase() + &what[1..];
    }
    match countries.as_slice() {
        [one] => format!("{what} in {one}"),
        many => format!("{what} in {} countries", many.len()),
    }
}

/// [`summary`] in `lang` (`--label-lang auto`): "Festnahmen und Durchsuchungen: Spanien",
/// "Saisies et perquisitions dans 3 pays", "Aanhoudingen in 2 landen", "Detenciones en
/// España". German and French name a single country after a colon, as their prepositions
/// agree with it ("in der Schweiz", "aux Pays-Bas").
pub fn summary_in(located: &[Located], lang: Lang) -> String {
    let words: [&str; 4] = match lang {
        Lang::En => return summary(located),
        Lang::De => [
            "Beschlagnahmen",
            "Durchsuchungen",
            "Festnahmen",
            "Abschaltungen",
        ],
        Lang::Fr => [
            "saisies",
            "perquisitions",
            "interpellations",
            "démantèlements",
        ],
        Lang::Nl => [
            "inbeslagnames",
            "doorzoekingen",
            "aanhoudingen",
            "offline gehaalde diensten",
        ],
        Lang::Es => [
            "incautaciones",
            "registros",
            "detenciones",
            "desmantelamientos",
        ],
    };
    let (and, coordinated, none) = match lang {
        Lang::De => ("und", "Koordinierte Maßnahmen", "Keine Maßnahmen gefunden"),
        Lang::Fr => ("et", "Action coordonnée", "Aucune action trouvée"),
        Lang::Nl => ("en", "Gecoördineerde actie", "Geen acties gevonden"),
        _ => ("y", "Acción coordinada", "No se encontraron acciones"),
    };
    let mut codes: Vec<&str> = Vec::new();
    for e in located {
        if !codes.contains(&e.country.as_str()) {
            codes.push(e.country.as_str());
        }
    }
    let actions: Vec<&str> = Action::ALL
        .into_iter()
        .filter(|a| a.is_specific() && located.iter().any(|e| e.action == *a))
        .map(|a| words[(a as usize).min(3)])
        .collect();
    let what = match actions.as_slice() {
        [] if codes.is_empty() => return none.to_string(),
        [] => coordinated.to_string(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    };
    let mut chars = what.chars();
    let what: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    match codes.as_slice() {
        [one] => {
            let english = located.iter().find(|e| e.country.as_str() == *one);
            let name = crate::gazetteer::country_name_in(one, lang)
                .map(str::to_string)
                .or_else(|| english.map(|e| e.country_name.clone()))
                .unwrap_or_default();
            match lang {
                Lang::De => format!("{what}: {name}"),
                Lang::Fr => format!("{what} : {name}"),
                Lang::Nl => format!("{what} in {name}"),
                _ => format!("{what} en {name}"),
            }
        }
        many => match lang {
            Lang::De => format!("{what} in {} Ländern", many.len()),
            Lang::Fr => format!("{what} dans {} pays", many.len()),
            Lang::Nl => format!("{what} in {} landen", many.len()),
            _ => format!("{what} en {} países", many.len()),
        },
    }
}

/// [`subtitle`] in `lang`: the date written in the language ("20. Februar 2024", "20 février
/// 2024", "20 februari 2024", "20 de febrero de 2024") and "Quelle", "Source", "Bron",
/// "Fuente".
pub fn subtitle_in(date: Option<Date>, sources: &[&str], lang: Lang) -> String {
    let english = subtitle(None, sources);
    let files = english.trim_start_matches("Source: ");
    let source = match lang {
        Lang::En => return subtitle(date, sources),
        Lang::De => "Quelle",
        Lang::Fr => "Source",
        Lang::Nl => "Bron",
        Lang::Es => "Fuente",
    };
    // French sets a space before the colon.
    let colon = if lang == Lang::Fr { " : " } else { ": " };
    let source = format!("{source}{colon}{files}");
    match date {
        Some(d) => {
            let month = dates::month_name(lang, d.month).unwrap_or_default();
            let written = match lang {
                Lang::De => format!("{}. {month} {}", d.day, d.year),
                Lang::Es => format!("{} de {month} de {}", d.day, d.year),
                _ => format!("{} {month} {}", d.day, d.year),
            };
            format!("{written} · {source}")
        }
        None => source,
    }
}

/// The default subtitle: the article's date, then "Source:" and each source's file name
/// (`-` is stdin): "27 May 2024 · Source: endgame.txt".
pub fn subtitle(date: Option<Date>, sources: &[&str]) -> String {
    let names: Vec<String> = sources
        .iter()
        .map(|s| match *s {
            "-" => "stdin".to_string(),
            path => Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.to_string()),
        })
        .collect();
    let source = format!("Source: {}", names.join(", "));
    match date {
        Some(date) => format!("{} · {source}", dates::written("", date)),
        None => source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Point;

    fn event(action: Action, country: &str) -> Located {
        Located {
            action,
            place_id: None,
            site: None,
            country: crate::record::CountryCode::new(&country[..2]).unwrap(),
            country_name: country.to_string(),
            place: country.to_string(),
            place_kind: crate::gazetteer::PlaceKind::Country,
            point: Point::new(0.0, 0.0),
            text: String::new(),
            sentence: String::new(),
            start: 0,
            end: 0,
            article: String::new(),
            confidence: 0.9,
            reason: crate::record::Reason::Edited,
            cue: String::new(),
            id: None,
            date: None,
            lang: None,
        }
    }

    fn dated(text: &str) -> Option<ArticleDate> {
        dates::of_article(text, None)
    }

    #[test]
    fn a_headline_becomes_the_title() {
        let text = "Spanish police dismantle phone-scam network\n\nSpanish National Police have \
                    dismantled a network. Officers arrested 14 suspects in Madrid.";
        assert_eq!(
            title(text, None, &[], dated(text)),
            "Spanish police dismantle phone-scam network"
        );
        // The reader's title wins.
        assert_eq!(title(text, Some(" Scam  ring "), &[], None), "Scam ring");
        // A dateline is no headline; nor is a sentence with its full stop.
        assert_eq!(headline("The Hague, 09 July 2012\n\nPolice acted."), None);
        assert_eq!(headline("Police seized servers in France."), None);
    }

    #[test]
    fn an_operation_and_its_date_become_the_title() {
        let text = "Between 27 and 29 May 2024 Operation Endgame, coordinated from Europol’s \
                    headquarters, targeted droppers including IcedID. More than 100 servers \
                    were taken down.";
        assert_eq!(
            title(text, None, &[], dated(text)),
            "Operation Endgame, 27–29 May 2024"
        );
        let coded = "Over 70 000 counterfeit goods were seized during an operation code-named \
                     “ERMIS”. It focussed on parcels.";
        assert_eq!(title(coded, None, &[], None), "Operation ERMIS");
        assert_eq!(operation_name("The operation was led by Spain."), None);
        for (text, name) in [
            ("Operation KOLUMBI Led by Spain", "KOLUMBI"),
            (
                "under Operation Ironside AFP Assistant Commissioner",
                "Ironside",
            ),
            ("Operation PowerOFF Europol-coordinated", "PowerOFF"),
            ("Operation Lake, Europol said", "Lake"),
            ("code-named ‘Moby Dick’, 9 people", "Moby Dick"),
            ("dubbed “Operation Citadel”, the action", "Citadel"),
        ] {
            assert_eq!(operation_name(text).as_deref(), Some(name), "{text}");
        }
    }

    #[test]
    fn summaries_and_subtitles_in_other_languages() {
        let two = [event(Action::Arrest, "ES"), event(Action::Raid, "ES")];
        assert_eq!(
            summary_in(&two, Lang::De),
            "Durchsuchungen und Festnahmen: Spanien"
        );
        assert_eq!(
            summary_in(&two, Lang::Es),
            "Registros y detenciones en España"
        );
        let three = [event(Action::Seizure, "NL"), event(Action::Seizure, "BE")];
        assert_eq!(summary_in(&three, Lang::Fr), "Saisies dans 2 pays");
        assert_eq!(summary_in(&three, Lang::Nl), "Inbeslagnames in 2 landen");
        let date = Date::new(2024, 2, 20);
        assert_eq!(
            subtitle_in(date, &["dir/bericht.txt"], Lang::De),
            "20. Februar 2024 · Quelle: bericht.txt"
        );
        assert_eq!(
            subtitle_in(date, &["a.txt"], Lang::Es),
            "20 de febrero de 2024 · Fuente: a.txt"
        );
        assert_eq!(subtitle_in(None, &["a.txt"], Lang::Fr), "Source : a.txt");
    }

    #[test]
    fn a_text_with_neither_gets_the_summary() {
        let text = "Police seized servers in the Netherlands and raided homes in France, while \
                    Europol coordinated the work of 6 countries.";
        let events = [
            event(Action::Seizure, "Netherlands"),
            event(Action::Raid, "France"),
            event(Action::Coordination, "Netherlands"),
            event(Action::Participation, "Germany"),
        ];
        let got = title(text, None, &events, dated(text));
        assert_eq!(got, "Seizures and raids in 3 countries");
        assert!(!got.contains('…'));
        assert_eq!(
            summary(&[event(Action::Arrest, "Spain")]),
            "Arrests in Spain"
        );
        assert_eq!(
            summary(&[event(Action::Coordination, "Netherlands")]),
            "Coordinated action in Netherlands"
        );
        assert_eq!(summary(&[]), "No actions found");
    }

    #[test]
    fn the_subtitle_is_the_date_and_the_file_name() {
        let date = Date::new(2024, 5, 27);
        assert_eq!(
            subtitle(date, &["press/2024/endgame.txt"]),
            "27 May 2024 · Source: endgame.txt"
        );
        assert_eq!(subtitle(None, &["a/b.txt", "-"]), "Source: b.txt, stdin");
    }
}

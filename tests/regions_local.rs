//! Regions under their own names: GeoNames names first-order regions mostly in English
//! ("North Rhine-Westphalia", "Bavaria"), and `gazetteer/regions.py` adds the names ISO 3166-2
//! gives them in their own language ("Nordrhein-Westfalen", "Bayern", "Noord-Brabant",
//! "Andalucía") as alternate names, so that a release naming only the Land keeps its country.

mod common;

use common::*;
use opmap::article::Article;

/// The (action, place name, place kind, country) of each event of `text`, sorted.
fn events_of(text: &str) -> Vec<(String, String, String, String)> {
    let g = gazetteer();
    let extraction = opmap::extract(g, &Article::from_text("article.txt", text));
    let mut out: Vec<(String, String, String, String)> = extraction
        .events
        .iter()
        .map(|e| {
            let p = g.place(e.place);
            (
                e.action.to_string(),
                p.name.clone(),
                p.kind.as_str().to_string(),
                p.country.clone(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn event(action: &str, name: &str, kind: &str, country: &str) -> (String, String, String, String) {
    (action.into(), name.into(), kind.into(), country.into())
}

#[test]
fn german_laender_by_their_own_names() {
    let text = "In Nordrhein-Westfalen und Bayern wurden 12 Objekte durchsucht.";
    assert_eq!(extracted_pairs(text), expect(&[("raid", "DE")]));
    assert_eq!(
        events_of(text),
        vec![
            event("raid", "Bavaria", "region", "DE"),
            event("raid", "North Rhine-Westphalia", "region", "DE"),
        ]
    );
    assert_eq!(
        extracted_pairs("In Niederösterreich wurden zwei Männer festgenommen."),
        expect(&[("arrest", "AT")])
    );
}

#[test]
fn dutch_spanish_and_french_regions_by_their_own_names() {
    assert_eq!(
        events_of("De politie heeft in Noord-Brabant en Zuid-Holland drie verdachten aangehouden."),
        vec![
            event("arrest", "North Brabant", "region", "NL"),
            event("arrest", "South Holland", "region", "NL"),
        ]
    );
    assert_eq!(
        events_of("La policía detuvo a cinco personas en Andalucía y Cataluña."),
        vec![
            event("arrest", "Andalusia", "region", "ES"),
            event("arrest", "Catalonia", "region", "ES"),
        ]
    );
    assert_eq!(
        extracted_pairs("La police a interpellé trois personnes en Normandie et en Bretagne."),
        expect(&[("arrest", "FR")])
    );
}

#[test]
fn swiss_cantons_in_the_countrys_other_languages() {
    // iso-codes' German names of the French- and Italian-speaking cantons.
    assert_eq!(
        events_of("Im Wallis und im Tessin wurden Wohnungen durchsucht."),
        vec![
            event("raid", "Ticino", "region", "CH"),
            event("raid", "Valais", "region", "CH"),
        ]
    );
}

#[test]
fn a_region_named_like_its_city_or_its_country_stays_the_city_or_country() {
    // "Wien" is the Land and the city: the city, as "Salzburg".
    assert_eq!(
        events_of("Die Polizei hat in Wien zwei Männer festgenommen."),
        vec![event("arrest", "Vienna", "city", "AT")]
    );
    // "Luxemburg" (the German name of the country and the city, and ISO's of the canton) is
    // left out of the canton's names: never the region.
    let events = events_of("In Luxemburg wurden zwei Männer festgenommen.");
    assert!(!events.is_empty(), "{events:?}");
    assert!(
        events.iter().all(|e| e.2 != "region" && e.3 == "LU"),
        "{events:?}"
    );
}

#[test]
fn a_region_name_that_is_a_common_word_is_not_a_place() {
    // "Marche" (ISO's name of Italy's Marches) is a French word: left out of the names.
    assert_eq!(
        extracted_pairs("Marche contre la drogue : la police a arrêté trois personnes à Lyon."),
        expect(&[("arrest", "FR")])
    );
    // Paraguay's "Central" department is a word in every language.
    assert_eq!(
        extracted_pairs("La Policía Central detuvo a dos hombres en Sevilla, España."),
        expect(&[("arrest", "ES")])
    );
}

#[test]
fn a_region_before_a_city_is_a_clubs_name() {
    // "Bayern Munich" is a club: neither the region nor the city is a place of action.
    let pairs = extracted_pairs("Bayern Munich fans were arrested in Madrid after the match.");
    assert_eq!(pairs, expect(&[("arrest", "ES")]));
}

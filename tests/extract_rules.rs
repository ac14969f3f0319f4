//! Linguistic rules found on a held-out set (issue 3): each test is a short article written for
//! it, in other words and with other countries than the articles that showed the need, run
//! through the library as `opmap extract` runs it. Each asserts the exact (action, country)
//! pairs, so what must produce nothing is checked too.

use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

/// The sorted, de-duplicated (action, country) pairs opmap extracts from `text`.
fn pairs(text: &str) -> Vec<(String, String)> {
    let g = gazetteer();
    let extraction = opmap::extract(g, &Article::from_text("rule.txt", text));
    let mut out: Vec<(String, String)> = extraction
        .events
        .iter()
        .map(|e| (e.action.to_string(), g.place(e.place).country.clone()))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn expect(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
    out.sort();
    out
}

// Class 1: a fronted place phrase covers every cue of its clause.

#[test]
fn fronted_place_covers_all_verbs_of_its_clause() {
    assert_eq!(
        pairs("In Greece, officers froze three bank accounts and detained a courier."),
        expect(&[("arrest", "GR"), ("seizure", "GR")])
    );
}

#[test]
fn fronted_place_stops_at_a_semicolon() {
    assert_eq!(
        pairs("In Chile, detectives searched nine warehouses; in Peru, four men were apprehended."),
        expect(&[("arrest", "PE"), ("raid", "CL")])
    );
}

#[test]
fn fronted_place_needs_its_comma_and_the_clause_start() {
    // Not fronted: the place phrase does not open the clause.
    assert_eq!(
        pairs("Two men were seen in Kenya, police said, and later arrested in Uganda."),
        expect(&[("arrest", "UG")])
    );
}

#[test]
fn executed_search_warrants_are_raids() {
    assert_eq!(
        pairs("In Mexico, agents executed 40 search warrants."),
        expect(&[("raid", "MX")])
    );
    assert_eq!(
        pairs("A judge in Mexico issued a search warrant for the farm."),
        expect(&[])
    );
}

#[test]
fn citation_marks_end_a_sentence() {
    assert_eq!(
        pairs("Raids followed in Austria.[4][5] In Hungary, agents seized two boats."),
        expect(&[("raid", "AT"), ("seizure", "HU")])
    );
}

//! Background filters (issue 11): each named filter with one sentence it drops and a near miss
//! it keeps, run through the library as `opmap extract` runs it. Sentences written for these
//! tests.

mod common;

use common::{expect, extracted_pairs as pairs, filter_of};

/// Asserts that `filter` drops `words` in `drops` and that no filter drops them in `keeps`.
fn check(filter: &str, drops: (&str, &str), keeps: (&str, &str)) {
    assert_eq!(
        filter_of(drops.0, drops.1).as_deref(),
        Some(filter),
        "`{}` should be dropped as {filter} in: {}",
        drops.1,
        drops.0
    );
    assert_eq!(
        filter_of(keeps.0, keeps.1),
        None,
        "`{}` should be kept in: {}",
        keeps.1,
        keeps.0
    );
}

#[test]
fn nationality_demonym_without_an_actor() {
    check(
        "nationality",
        ("Two Dutch men were arrested in Spain.", "Dutch"),
        (
            "Dutch, German and French investigators searched homes.",
            "Dutch",
        ),
    );
}

#[test]
fn demonyms_before_an_authority_noun_then_an_agency() {
    assert_eq!(
        pairs("With the Czech, Slovak and Polish authorities, Europol supported an action."),
        expect(&[
            ("coordination", "NL"),
            ("participation", "CZ"),
            ("participation", "PL"),
            ("participation", "SK")
        ])
    );
}

#[test]
fn nationality_noun_after_the_country() {
    check(
        "nationality",
        ("A Romanian national was detained in Italy.", "Romanian"),
        ("The Romanian National Police detained him.", "Romanian"),
    );
}

#[test]
fn nationality_origin_or_residence() {
    check(
        "nationality",
        ("A man born in Syria was arrested in Germany.", "Syria"),
        ("A man was arrested in Germany.", "Germany"),
    );
}

#[test]
fn affiliation_inside_an_institution_name() {
    check(
        "affiliation",
        (
            "A spokesman for the University of Lyon said servers were seized.",
            "Lyon",
        ),
        (
            "A spokesman for the police in Lyon said servers were seized.",
            "Lyon",
        ),
    );
}

#[test]
fn affiliation_of_a_researcher() {
    check(
        "affiliation",
        (
            "Researchers at a laboratory in Canada had documented the botnet.",
            "Canada",
        ),
        (
            "Police researchers at a laboratory in Canada had documented the botnet.",
            "Canada",
        ),
    );
}

#[test]
fn route_origin_or_destination() {
    check(
        "route",
        (
            "Cocaine shipped from Colombia was seized in Spain.",
            "Colombia",
        ),
        (
            "Investigators from Colombia seized cocaine in Spain.",
            "Colombia",
        ),
    );
    check(
        "route",
        ("The container was bound for Rotterdam.", "Rotterdam"),
        ("Apart from Canada, Australia took part.", "Canada"),
    );
}

#[test]
fn route_not_of_means_or_forces_deployed() {
    // "from" after a plural noun of means, or in a clause that deploys, names who gave them.
    check(
        "route",
        ("A vessel from Ecuador was boarded off Spain.", "Ecuador"),
        (
            "Vessels from Portugal patrolled the coast off Spain.",
            "Portugal",
        ),
    );
    check(
        "route",
        ("Het schip vertrok uit Brazilië.", "Brazilië"),
        (
            "Er werden agenten ingezet uit België en Frankrijk.",
            "België",
        ),
    );
}

#[test]
fn route_not_of_compound_means_or_a_deploying_verb_at_the_clause_end() {
    // German and Dutch compounds are of their head's kind ("Polizeiboote" are "Boote"), and
    // their verbs come last: a deploying verb after "uit" still names who deployed.
    check(
        "route",
        ("Das Schiff kam aus Brasilien.", "Brasilien"),
        (
            "Polizeiboote aus Österreich waren im Einsatz.",
            "Österreich",
        ),
    );
    check(
        "route",
        ("Het schip vertrok uit Brazilië.", "Brazilië"),
        ("Er werden duikers uit Noorwegen ingezet.", "Noorwegen"),
    );
    check(
        "route",
        ("Het schip vertrok uit Brazilië.", "Brazilië"),
        (
            "Er patrouilleerden kustwachtvliegtuigen uit Zweden en Noorwegen boven de Noordzee.",
            "Zweden",
        ),
    );
}

#[test]
fn affiliation_an_international_body_named_for_its_members() {
    check(
        "affiliation",
        (
            "The INTERPOL member countries participating include Peru.",
            "The INTERPOL",
        ),
        ("INTERPOL supported the member countries.", "INTERPOL"),
    );
    check(
        "affiliation",
        (
            "Polizisten aus den Mitgliedstaaten von Europol nahmen teil.",
            "Europol",
        ),
        ("Europol unterstützte die Mitgliedstaaten.", "Europol"),
    );
}

#[test]
fn route_list_after_a_route_noun() {
    check(
        "route",
        (
            "Migrants travelled along the Balkan route (Serbia, Hungary and Austria).",
            "Hungary",
        ),
        (
            "Officers in Serbia, Hungary and Austria took part.",
            "Hungary",
        ),
    );
}

#[test]
fn wanted_by() {
    check(
        "wanted-by",
        (
            "The suspect, wanted by Romania, was arrested in Spain.",
            "Romania",
        ),
        (
            "The suspect was arrested by Romania's police in Spain.",
            "Romania",
        ),
    );
}

#[test]
fn hosting_where_a_service_is_hosted_or_based() {
    check(
        "hosting",
        (
            "The company behind the app was registered in the Seychelles.",
            "the Seychelles",
        ),
        ("Servers registered in Germany were seized.", "Germany"),
    );
}

#[test]
fn target_where_the_victims_are() {
    check(
        "target",
        ("The gang defrauded victims in Austria.", "Austria"),
        ("Police in Austria arrested the gang.", "Austria"),
    );
}

#[test]
fn crime_scene_where_a_crime_was_committed() {
    check(
        "crime-scene",
        ("He is suspected of murders committed in Italy.", "Italy"),
        ("He was arrested in Italy.", "Italy"),
    );
}

#[test]
fn gathering_that_is_not_an_action() {
    check(
        "gathering",
        (
            "The director spoke at a press conference in Lisbon.",
            "Lisbon",
        ),
        ("Officers raided an office in Lisbon.", "Lisbon"),
    );
}

#[test]
fn dateline_of_a_release() {
    check(
        "dateline",
        (
            "WASHINGTON – Agents seized servers in Canada.",
            "WASHINGTON",
        ),
        ("Washington police seized servers in Canada.", "Washington"),
    );
}

#[test]
fn dateline_in_parentheses() {
    check(
        "dateline",
        (
            "(Brussels, 4 May 2023) – Nine suspects were arrested in Portugal.",
            "Brussels",
        ),
        (
            "(Police in Brussels arrested 4 suspects) and Portugal helped.",
            "Brussels",
        ),
    );
}

#[test]
fn reference_point_of_a_location() {
    check(
        "reference-point",
        (
            "The yacht was intercepted 1,200 miles east of Martinique.",
            "Martinique",
        ),
        ("The yacht was intercepted off Martinique.", "Martinique"),
    );
}

#[test]
fn earlier_operation() {
    check(
        "earlier-operation",
        (
            "A similar service was dismantled by Canadian authorities in 2018.",
            "Canadian",
        ),
        (
            "The service was dismantled by Canadian authorities this week.",
            "Canadian",
        ),
    );
}

#[test]
fn negation() {
    check(
        "negation",
        ("Italy was not involved in the operation.", "Italy"),
        ("Italy was involved in the operation.", "Italy"),
    );
}

#[test]
fn hypothetical() {
    check(
        "hypothetical",
        (
            "Servers in Canada could be seized if the court agrees.",
            "Canada",
        ),
        (
            "Servers in Canada were seized after the court agreed.",
            "Canada",
        ),
    );
}

#[test]
fn restatement_of_a_city_country_or_acronym() {
    check(
        "restatement",
        ("He was arrested in Paris, France.", "France"),
        ("Raids took place in Paris, Spain and Italy.", "Spain"),
    );
    check(
        "restatement",
        (
            "GPS data showed it had travelled to Lille in France.",
            "France",
        ),
        ("Police in Lille and in France acted.", "France"),
    );
}

/// What is left after the filters: a place only named takes part, below every cue-linked
/// event; a country with a specific action gets no separate participation from a bare mention.
#[test]
fn a_place_only_named_takes_part() {
    assert_eq!(
        pairs("Belgium was mentioned in the report."),
        expect(&[("participation", "BE")])
    );
    assert_eq!(
        pairs("Servers were seized in Belgium. Belgium was mentioned in the report."),
        expect(&[("seizure", "BE")])
    );
}

//! Trap sentences for extraction (issue 3): one short article per rule or trap, written for
//! these tests, run through the library as `opmap extract` runs it. Each asserts the exact
//! (action, country) pairs, so a place that must produce nothing is checked too.

mod common;

use common::{expect, extracted_pairs as pairs};

#[test]
fn oman_inside_romania_is_not_matched() {
    assert_eq!(
        pairs("Police searched 12 houses in Romania."),
        expect(&[("raid", "RO")])
    );
}

#[test]
fn niger_inside_nigeria_is_not_matched() {
    assert_eq!(
        pairs("Two suspects were arrested in Nigeria last week."),
        expect(&[("arrest", "NG")])
    );
}

#[test]
fn pronoun_us_is_not_the_united_states() {
    assert_eq!(
        pairs("Officers told us that servers were seized in Canada."),
        expect(&[("seizure", "CA")])
    );
    assert_eq!(
        pairs("Servers were seized in the US."),
        expect(&[("seizure", "US")])
    );
}

#[test]
fn georgia_the_state_is_not_the_country() {
    assert_eq!(
        pairs("Agents arrested him in Atlanta, Georgia, on Monday."),
        expect(&[("arrest", "US")])
    );
}

#[test]
fn jordan_the_person_is_not_the_country() {
    assert_eq!(
        pairs("Detective Michael Jordan said servers were seized in France."),
        expect(&[("seizure", "FR")])
    );
}

#[test]
fn turkey_and_chad_as_words_are_not_countries() {
    assert!(pairs("Officers seized a frozen turkey and arrested a man named chad.").is_empty());
    assert_eq!(
        pairs("Raids were carried out in Turkey and Chad."),
        expect(&[("raid", "TD"), ("raid", "TR")])
    );
}

#[test]
fn a_researchers_university_is_background() {
    assert_eq!(
        pairs("A fellow at King's College London said servers were seized in Germany."),
        expect(&[("seizure", "DE")])
    );
}

#[test]
fn a_suspects_nationality_is_background() {
    assert_eq!(
        pairs("A 32-year-old Syrian man was arrested in Spain."),
        expect(&[("arrest", "ES")])
    );
    assert!(pairs("Two Dutch nationals were arrested.").is_empty());
}

#[test]
fn a_shipments_route_is_background() {
    assert_eq!(
        pairs("Cocaine shipped from Colombia to Belgium and France was seized in Spain."),
        expect(&[("seizure", "ES")])
    );
}

#[test]
fn negation_produces_nothing() {
    assert!(pairs("Italy was not involved in the operation.").is_empty());
}

#[test]
fn hypotheticals_produce_nothing() {
    assert!(pairs("Servers in Canada could be seized if the court agrees.").is_empty());
}

#[test]
fn lists_fan_out_to_every_member() {
    assert_eq!(
        pairs("Servers were seized in the Netherlands, Canada, and the United States."),
        expect(&[("seizure", "CA"), ("seizure", "NL"), ("seizure", "US")])
    );
}

#[test]
fn possessives_name_their_country() {
    assert_eq!(
        pairs("Britain's National Crime Agency arrested three men."),
        expect(&[("arrest", "GB")])
    );
}

#[test]
fn a_wrapped_country_name_is_one_mention() {
    assert_eq!(
        pairs("Servers were seized in the United\nStates and Canada."),
        expect(&[("seizure", "CA"), ("seizure", "US")])
    );
}

#[test]
fn purpose_clause_carries_the_action_to_its_list() {
    assert_eq!(
        pairs("The operation involved actions in Spain and Portugal to take down the botnet."),
        expect(&[
            ("participation", "ES"),
            ("participation", "PT"),
            ("takedown", "ES"),
            ("takedown", "PT")
        ])
    );
}

#[test]
fn enumerations_after_a_participation_word() {
    assert_eq!(
        pairs("The countries participating in the operation include: Peru, Chile and Mexico."),
        expect(&[
            ("participation", "CL"),
            ("participation", "MX"),
            ("participation", "PE")
        ])
    );
    assert_eq!(
        pairs(
            "Agencies involved include Germany's Bundeskriminalamt; France's Police Nationale; \
             and the Royal Canadian Mounted Police."
        ),
        expect(&[
            ("participation", "CA"),
            ("participation", "DE"),
            ("participation", "FR")
        ])
    );
}

#[test]
fn actors_from_a_list_of_countries() {
    assert_eq!(
        pairs("Investigators from Norway and Denmark were deployed to Kyiv."),
        expect(&[("participation", "DK"), ("participation", "NO")])
    );
}

#[test]
fn demonym_authorities_as_passive_agents_and_subjects() {
    assert_eq!(
        pairs("Six men were arrested by the Polish authorities."),
        expect(&[("arrest", "PL")])
    );
    assert_eq!(
        pairs("Servers were taken down in Iceland, with the Spanish police arresting two men."),
        expect(&[("arrest", "ES"), ("takedown", "IS")])
    );
}

#[test]
fn demonym_with_a_place_noun_names_the_country() {
    assert_eq!(
        pairs("Officers raided homes in the Portuguese cities of Lisbon and Porto."),
        expect(&[("raid", "PT")])
    );
}

#[test]
fn distributive_lists_share_the_action() {
    assert_eq!(
        pairs("They arrested eight suspects (five in Spain and three the Netherlands)."),
        expect(&[("arrest", "ES"), ("arrest", "NL")])
    );
}

#[test]
fn a_result_happens_where_its_cause_did() {
    assert_eq!(
        pairs("Homes were searched in Poland, resulting in the arrest of two men."),
        expect(&[("arrest", "PL"), ("raid", "PL")])
    );
}

#[test]
fn targeted_people_are_not_a_takedown() {
    assert!(pairs("The suspects targeted during the action in Kyiv were questioned.").is_empty());
    assert_eq!(
        pairs("The UK targeted the group's websites."),
        expect(&[("takedown", "GB")])
    );
}

#[test]
fn hosting_a_gathering_is_not_coordination() {
    assert!(
        pairs("At its General Assembly, hosted by France, the agency announced results.")
            .is_empty()
    );
}

#[test]
fn led_by_one_agency_does_not_make_its_partners_leaders() {
    assert_eq!(
        pairs(
            "An investigation led by the Spanish Civil Guard, involving the Dutch Police, ended."
        ),
        expect(&[("coordination", "ES"), ("participation", "NL")])
    );
}

#[test]
fn a_name_modifying_member_countries_is_not_their_subject() {
    assert_eq!(
        pairs("The INTERPOL member countries participating include Peru."),
        expect(&[("participation", "PE")])
    );
}

#[test]
fn a_crime_elsewhere_is_not_the_action_place() {
    assert_eq!(
        pairs("The seven are wanted for smuggling offences in France and Germany."),
        expect(&[])
    );
}

#[test]
fn arrest_and_search_go_to_their_own_places() {
    assert_eq!(
        pairs("He was arrested in Paris, France, on 16 October, and his home in Czechia was searched."),
        expect(&[("arrest", "FR"), ("raid", "CZ")])
    );
}

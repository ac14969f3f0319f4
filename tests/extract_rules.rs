//! Linguistic rules found on a held-out set (issue 3): each test is a short article written for
//! it, in other words and with other countries than the articles that showed the need, run
//! through the library as `opmap extract` runs it. Each asserts the exact (action, country)
//! pairs, so what must produce nothing is checked too.

mod common;

use common::{expect, extracted_pairs as pairs, gazetteer};
use opmap::article::Article;

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
    // Not fronted: the place phrase does not open the clause (Kenya, which no cue links, is
    // only named: recall first makes it a participant, not a place of arrest).
    assert_eq!(
        pairs("Two men were seen in Kenya, police said, and later arrested in Uganda."),
        expect(&[("arrest", "UG"), ("participation", "KE")])
    );
}

#[test]
fn executed_search_warrants_are_raids() {
    assert_eq!(
        pairs("In Mexico, agents executed 40 search warrants."),
        expect(&[("raid", "MX")])
    );
    // An issued warrant is no raid (Mexico is only named).
    assert_eq!(
        pairs("A judge in Mexico issued a search warrant for the farm."),
        expect(&[("participation", "MX")])
    );
}

#[test]
fn citation_marks_end_a_sentence() {
    assert_eq!(
        pairs("Raids followed in Austria.[4][5] In Hungary, agents seized two boats."),
        expect(&[("raid", "AT"), ("seizure", "HU")])
    );
}

// Class 7: lists under a heading, one item per line.

#[test]
fn bullet_items_under_a_heading_take_its_cue() {
    assert_eq!(
        pairs("Agencies that took part in the case:\n\n* Greece\n* the Czech Republic\n* Ireland\n\nThe suspects remain in prison."),
        expect(&[
            ("participation", "CZ"),
            ("participation", "GR"),
            ("participation", "IE")
        ])
    );
}

#[test]
fn a_plain_line_after_a_heading_is_its_list() {
    assert_eq!(
        pairs("The following services assisted in the inquiry:\nthe Hellenic Police, Austria's Federal Criminal Police Office and the authorities of Slovenia.\nA trial is set for May."),
        expect(&[
            ("participation", "AT"),
            ("participation", "GR"),
            ("participation", "SI")
        ])
    );
}

#[test]
fn a_heading_without_a_cue_lends_nothing() {
    // No action: the items are only named (recall first: participation).
    assert_eq!(
        pairs("Where the gang had members:\n- Latvia\n- Estonia\n"),
        expect(&[("participation", "EE"), ("participation", "LV")])
    );
}

// Class 8: PDF line wraps.

#[test]
fn a_semicolon_at_a_line_end_does_not_end_the_list() {
    assert_eq!(
        pairs("Prosecutors thanked these partners for their help: the Hellenic Police;\nthe Danish National Police; and the Czech\nPolice."),
        expect(&[
            ("participation", "CZ"),
            ("participation", "DK"),
            ("participation", "GR")
        ])
    );
}

#[test]
fn a_name_hyphenated_over_a_line_break_is_found() {
    let text = "The Esto-\nnian police and the Latvian police searched 12 flats.";
    assert_eq!(pairs(text), expect(&[("raid", "EE"), ("raid", "LV")]));
    let g = gazetteer();
    let extraction = opmap::extract(g, &Article::from_text("rule.txt", text));
    let estonia = extraction
        .events
        .iter()
        .find(|e| g.place(e.place).country == "EE")
        .expect("an Estonian event");
    assert_eq!(estonia.mention.of(text), "Esto-\nnian");
}

// Class 9: demonym + "National Police" is the country's agency, not a person's nationality.

#[test]
fn demonym_national_police_is_an_agency() {
    assert_eq!(
        pairs("The Bulgarian National Police arrested two men."),
        expect(&[("arrest", "BG")])
    );
    assert_eq!(
        pairs("A Bulgarian national was arrested in Vienna."),
        expect(&[("arrest", "AT")])
    );
}

// Class 6: distributive counts after a cue.

#[test]
fn distributive_counts_after_a_colon() {
    assert_eq!(
        pairs("Totals for the week:\n- 9 house searches: 4 in Slovakia, 2 in Hungary and 3 in Serbia\n"),
        expect(&[("raid", "HU"), ("raid", "RS"), ("raid", "SK")])
    );
}

#[test]
fn distributive_counts_after_a_comma() {
    assert_eq!(
        pairs("Three couriers were detained, two in Morocco and one in Tunisia."),
        expect(&[("arrest", "MA"), ("arrest", "TN")])
    );
    // A comma without a count keeps the clauses apart: the police who report the arrests
    // are named, not placed at them.
    assert_eq!(
        pairs("Three couriers were detained, police in Morocco said."),
        expect(&[("participation", "MA")])
    );
}

// Class 10: help given and work alongside are participation.

#[test]
fn assistance_from_a_list_of_agencies() {
    assert_eq!(
        pairs("Detectives solved the case with generous assistance from Austria's Federal Criminal Police Office, the Hellenic Police and Slovenian authorities."),
        expect(&[
            ("participation", "AT"),
            ("participation", "GR"),
            ("participation", "SI")
        ])
    );
}

#[test]
fn working_with_partners_is_participation() {
    assert_eq!(
        pairs("The probe was run by prosecutors, working with police in Chile, Peru and Colombia."),
        expect(&[
            ("participation", "CL"),
            ("participation", "CO"),
            ("participation", "PE")
        ])
    );
}

#[test]
fn demonym_before_an_agency_name_is_an_actor() {
    assert_eq!(
        pairs(
            "Working alongside the Greek National Cyber Crime Unit, the police seized 40 laptops."
        ),
        expect(&[("participation", "GR")])
    );
}

#[test]
fn with_a_name_and_a_participle_is_an_absolute_construction() {
    assert_eq!(
        pairs("The sting was run by several agencies, with Interpol coordinating the work of Asian partners."),
        expect(&[("coordination", "FR")])
    );
}

// Class 2: verbs that share a subject.

#[test]
fn coordinated_verbs_share_their_subject() {
    assert_eq!(
        pairs("Greek police detained six people and confiscated 300 kilos of heroin."),
        expect(&[("arrest", "GR"), ("seizure", "GR")])
    );
    assert_eq!(
        pairs("Danish officers raided four farms, searched a lorry and arrested the driver."),
        expect(&[("arrest", "DK"), ("raid", "DK")])
    );
}

#[test]
fn a_second_actor_takes_its_own_verb() {
    assert_eq!(
        pairs("Greek police detained six people and the Turkish authorities seized a yacht."),
        expect(&[("arrest", "GR"), ("seizure", "TR")])
    );
}

// False positive: a month next to a day is a date, not a town.

#[test]
fn months_next_to_a_day_are_dates() {
    assert_eq!(
        pairs("LISBON, March 14 - Portuguese police arrested nine people."),
        expect(&[("arrest", "PT")])
    );
    assert_eq!(
        pairs("On 3 March officers in Malta searched a ship."),
        expect(&[("raid", "MT")])
    );
}

// Class 12: "led by" agents coordinate; they are not the agents of the earlier verb.

#[test]
fn led_by_agents_coordinate_only() {
    assert_eq!(
        pairs("The forum was taken down in a joint operation led by the Hellenic Police and the Danish National Police."),
        expect(&[("coordination", "DK"), ("coordination", "GR")])
    );
}

// False positive: a city name read against the country context closest before it.

#[test]
fn a_small_foreign_city_after_a_country_context_is_not_taken() {
    // Kent (Washington or Ohio) is not meant after "In Britain".
    assert_eq!(
        pairs(
            "In Britain, officers detained 12 people. The detentions took place in Kent and Essex."
        ),
        expect(&[("arrest", "GB")])
    );
    // A reading in one of the countries named just before keeps the city.
    assert_eq!(
        pairs("Officers detained 12 people in Britain and Canada and the United States. More were detained in Kent."),
        expect(&[("arrest", "CA"), ("arrest", "GB"), ("arrest", "US")])
    );
    // A large city still counts.
    assert_eq!(
        pairs("In Britain, officers detained 12 people. Two more were detained in Chicago."),
        expect(&[("arrest", "GB"), ("arrest", "US")])
    );
}

// Class 3: a noun cue after a light verb ("made arrests", "conducted raids") acts as a verb.

#[test]
fn light_verb_nouns_take_a_demonym_subject() {
    assert_eq!(
        pairs("Finnish and Estonian police also made arrests after the raids."),
        expect(&[("arrest", "EE"), ("arrest", "FI")])
    );
    assert_eq!(
        pairs("Czech authorities conducted searches at two addresses."),
        expect(&[("raid", "CZ")])
    );
}

// A relative "where" after a place: its clause happened there too.

#[test]
fn a_where_clause_happened_at_the_place() {
    assert_eq!(
        pairs("The courier was detained in Portugal, where officers also seized two cars."),
        expect(&[("arrest", "PT"), ("seizure", "PT")])
    );
    // A where-clause without a cue adds nothing.
    assert_eq!(
        pairs("The courier was detained in Portugal, where he had lived for years."),
        expect(&[("arrest", "PT")])
    );
}

// A second subject joined by "and" ("X and international partners"): the verb is X's.

#[test]
fn a_place_and_its_partners_take_the_verb() {
    assert_eq!(
        pairs("The Irish police and their partners have dismantled the botnet."),
        expect(&[("takedown", "IE")])
    );
    // But "X's partners" are not X: Austria is only named.
    assert_eq!(
        pairs("Austria's partners in the region dismantled the botnet."),
        expect(&[("participation", "AT")])
    );
}

// International bodies exist to coordinate: their support is coordination.

#[test]
fn support_from_an_international_body_is_coordination() {
    assert_eq!(
        pairs("Eurojust supported the case. Italian police arrested five suspects."),
        expect(&[("arrest", "IT"), ("coordination", "NL")])
    );
    assert_eq!(
        pairs("INTERPOL supported the investigation."),
        expect(&[("coordination", "FR")])
    );
    // A national agency's support stays participation.
    assert_eq!(
        pairs("The Belgian Federal Police supported the investigation."),
        expect(&[("participation", "BE")])
    );
}

// A result with a place of its own does not happen at the list's places.

#[test]
fn a_result_with_its_own_place_is_not_the_lists() {
    assert_eq!(
        pairs("The raid by detectives in Norway has since led to arrests in several countries."),
        expect(&[("raid", "NO")])
    );
    // Without a place of its own, the result happened there.
    assert_eq!(
        pairs("Officers searched homes in Norway, resulting in the arrest of three men."),
        expect(&[("arrest", "NO"), ("raid", "NO")])
    );
}

// The cue's objects listed between it and the place.

#[test]
fn objects_listed_before_the_place() {
    assert_eq!(
        pairs("Officers seized cash, two rifles and 30 phones in Lisbon."),
        expect(&[("seizure", "PT")])
    );
    // A place phrase, a date or another clause in between is not an object list.
    // (Finland is only named.)
    let found = pairs("He was arrested in Oslo, Norway, on 2 May, and his dog in Finland barked.");
    assert_eq!(found, expect(&[("arrest", "NO"), ("participation", "FI")]));
}

// Issue 11: recall-first rules. Each with other sentences than the evaluation articles'.

#[test]
fn nominal_participants_and_coordinators() {
    assert_eq!(
        pairs("It was a joint operation by the Polish police and Lithuania."),
        expect(&[("participation", "LT"), ("participation", "PL")])
    );
    assert_eq!(
        pairs("Arrests followed with the coordination of Eurojust."),
        expect(&[("coordination", "NL")])
    );
    // A coordinating noun before "between" is cooperation, not coordination.
    assert_eq!(
        pairs("Close coordination between Chile and Peru helped."),
        expect(&[("participation", "CL"), ("participation", "PE")])
    );
}

#[test]
fn pointing_back_to_the_countries_named_before() {
    assert_eq!(
        pairs("Police in Chile and Peru took part. Homes were searched in all the countries involved."),
        expect(&[
            ("participation", "CL"),
            ("participation", "PE"),
            ("raid", "CL"),
            ("raid", "PE")
        ])
    );
    // A count of countries does not point back.
    assert_eq!(
        pairs("Police in Chile took part. Arrests were made in 12 countries involved in the case."),
        expect(&[("participation", "CL")])
    );
}

#[test]
fn carry_over_from_a_demonstrative() {
    assert_eq!(
        pairs("Customs officers seized 90 kg of cocaine in Ecuador. This seizure led to the arrest of two men."),
        expect(&[("arrest", "EC"), ("seizure", "EC")])
    );
    // Without the demonstrative, an action with no place stays unplaced.
    assert_eq!(
        pairs("Customs officers seized 90 kg of cocaine in Ecuador. Two men were arrested."),
        expect(&[("seizure", "EC")])
    );
}

#[test]
fn the_one_specific_action_of_a_clause() {
    assert_eq!(
        pairs("Police in Norway, working late into the night, later arrested three men."),
        expect(&[("arrest", "NO")])
    );
    // A partner named after "with" takes no part in the clause's action.
    assert_eq!(
        pairs("Officers arrested three men, in an operation carried out with Sweden."),
        expect(&[("participation", "SE")])
    );
    // A purpose is not a stated action.
    assert_eq!(
        pairs("An operation by Norway and Sweden aimed to dismantle the botnet."),
        expect(&[("participation", "NO"), ("participation", "SE")])
    );
}

#[test]
fn fronted_place_after_an_opening_adverbial() {
    assert_eq!(
        pairs("Today, in a joint action day in Chile and Peru, 30 people were arrested."),
        expect(&[("arrest", "CL"), ("arrest", "PE")])
    );
}

#[test]
fn joined_cues_share_their_place_and_counts_after_including() {
    assert_eq!(
        pairs("Cash was seized and four men arrested in Malta."),
        expect(&[("arrest", "MT"), ("seizure", "MT")])
    );
    assert_eq!(
        pairs(
            "Nine suspects were arrested in the operation, including 2 in Malta and 7 in Cyprus."
        ),
        expect(&[("arrest", "CY"), ("arrest", "MT")])
    );
}

#[test]
fn a_takedown_is_of_infrastructure_not_of_a_gang() {
    assert_eq!(
        pairs("Police in Malta dismantled a criminal network."),
        expect(&[("participation", "MT")])
    );
    assert_eq!(
        pairs("Police in Malta dismantled the gang's servers."),
        expect(&[("takedown", "MT")])
    );
    // A network of traffickers is a group too, however far its passive's verb comes; where
    // it operated is background.
    assert_eq!(
        pairs(
            "A network of human traffickers operating in El Salvador, Guatemala, Mexico and \
             the United States was dismantled by the police of Guatemala."
        ),
        expect(&[("participation", "GT")])
    );
}

#[test]
fn intercepting_goods_is_a_seizure_intercepting_messages_is_not() {
    assert_eq!(
        pairs("A Portuguese navy patrol boat intercepted a sailing yacht carrying cocaine."),
        expect(&[("seizure", "PT")])
    );
    assert_eq!(
        pairs("Italian investigators intercepted thousands of messages between the suspects."),
        expect(&[("participation", "IT")])
    );
    assert_eq!(
        pairs("Greek officers were able to intercept, read and decrypt thousands of messages."),
        expect(&[("participation", "GR")])
    );
    assert_eq!(
        pairs("Eleven migrants, including four children, were intercepted in Libya."),
        expect(&[("participation", "LY")])
    );
}

#[test]
fn a_relative_clause_after_the_last_member_has_it_for_subject() {
    assert_eq!(
        pairs(
            "The operation involved officers from Austria, Chile and Norway – who led the \
             operation – along with private partners."
        ),
        expect(&[
            ("coordination", "NO"),
            ("participation", "AT"),
            ("participation", "CL"),
            ("participation", "NO")
        ])
    );
    assert_eq!(
        pairs("Agents from Peru, which seized the servers, worked with Mexico."),
        expect(&[("participation", "MX"), ("seizure", "PE")])
    );
}

#[test]
fn closing_and_blocking_are_takedowns_only_of_sites() {
    assert_eq!(
        pairs("In Portugal, police closed 40 websites and arrested two men."),
        expect(&[("arrest", "PT"), ("takedown", "PT")])
    );
    // Closing a border or a case is no takedown.
    assert_eq!(
        pairs("Police in Portugal closed the border and arrested two men."),
        expect(&[("arrest", "PT")])
    );
}

#[test]
fn the_members_of_a_cooperation_run_to_the_end_of_its_clause() {
    // Authorities and places named after "cooperation between" all take part, however long
    // the list; the arrest before the noun is not theirs.
    assert_eq!(
        pairs(
            "The arrest was preceded by close cooperation between the cantonal police, the \
             Border Guard Corps and the police services in Poland and Germany."
        ),
        expect(&[("participation", "DE"), ("participation", "PL")])
    );
    // A cue between the noun and the place takes the place instead.
    assert_eq!(
        pairs("Cooperation between the two forces led to arrests in Poland."),
        expect(&[("arrest", "PL")])
    );
}

#[test]
fn an_international_bodys_action_folds_nothing_of_its_host_country() {
    // OLAF's coordination is placed in Belgium, but it is not a Belgian action: Belgium,
    // named among the investigating countries, stays on the map as a participant.
    let found = pairs(
        "Operation Boomerang was an investigation by the authorities of Greece, Belgium and \
         Germany against cigarette smuggling. The international coordination was led by OLAF. \
         German customs officers arrested 28 people.",
    );
    for want in [
        ("coordination", "BE"),
        ("participation", "BE"),
        ("participation", "GR"),
        ("arrest", "DE"),
    ] {
        assert!(
            found.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?}: {found:?}"
        );
    }
}

#[test]
fn a_list_reaches_over_as_well_as_and_a_unit_named_after_its_country() {
    // "as well as" joins a list, with or without a comma before it; "Unit of <country>" and
    // "Ministry of the Interior" stay inside it.
    assert_eq!(
        pairs(
            "The raids were carried out with the participation of the Hellenic Police, the Fraud \
             Investigation Unit of Portugal, the Estonian Ministry of the Interior and the Maltese \
             police."
        ),
        expect(&[
            ("participation", "EE"),
            ("participation", "GR"),
            ("participation", "MT"),
            ("participation", "PT"),
        ])
    );
    assert_eq!(
        pairs("Several FBI offices, as well as Peruvian and Chilean officers searched 12 houses."),
        expect(&[("raid", "CL"), ("raid", "PE"), ("raid", "US")])
    );
}

#[test]
fn a_light_verb_governs_both_nouns_joined_by_and() {
    assert_eq!(
        pairs(
            "Latvian and Lithuanian officers conducted 14 search warrants and arrests last week."
        ),
        expect(&[
            ("arrest", "LT"),
            ("arrest", "LV"),
            ("raid", "LT"),
            ("raid", "LV")
        ])
    );
    // A noun after "and" that is not the light verb's object stays a noun.
    assert_eq!(
        pairs("Latvian officers made two arrests and the seizures in Estonia came later."),
        expect(&[("arrest", "LV"), ("seizure", "EE")])
    );
}

#[test]
fn a_demonym_before_a_generic_agency_name_gives_its_country() {
    // "National Police Agency" alone is Japan's; after "Korean" it is Korea's.
    assert_eq!(
        pairs("Police acted at dawn. The Korean National Police Agency arrested 12 suspects."),
        expect(&[("arrest", "KR")])
    );
    assert_eq!(
        pairs("Police acted at dawn. The National Police Agency arrested 12 suspects."),
        expect(&[("arrest", "JP")])
    );
}

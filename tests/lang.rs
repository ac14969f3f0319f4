//! Articles in German, French, Dutch and Spanish (issue 14): the language is detected (or
//! declared with `--lang` or a record's `lang`), the article's own names, demonyms, agencies,
//! action words, sentences and dates are read, and an article in a language opmap does not
//! read gets a warning, no events and exit 0. The sentences are written for these tests; the
//! real-text measurements are `tests/eval/lang/` (scripts/check-scores.sh).

mod common;

use common::*;

/// The pairs of `text`, extracted as `opmap extract` does.
fn pairs_of(text: &str) -> Vec<(String, String)> {
    extracted_pairs(text)
}

#[test]
fn french_names_demonyms_and_actions() {
    assert_eq!(
        pairs_of(
            "Mardi, la police française a interpellé quatre suspects à Lyon, tandis que des \
             perquisitions ont été menées en Belgique et aux Pays-Bas. L'opération a été \
             coordonnée par Europol."
        ),
        expect(&[
            ("arrest", "FR"),
            ("coordination", "NL"),
            ("raid", "BE"),
            ("raid", "NL"),
        ])
    );
    // A nationality is not an actor: "un ressortissant allemand".
    let pairs = pairs_of("Un ressortissant allemand a été interpellé en Espagne.");
    assert!(pairs.contains(&("arrest".into(), "ES".into())), "{pairs:?}");
    assert!(!pairs.iter().any(|(_, c)| c == "DE"), "{pairs:?}");
}

#[test]
fn a_second_verb_shares_the_place_of_the_first() {
    // English and German alike: the second verb has no place of its own.
    for text in [
        "Police officers arrested 33 people in Germany and Italy and seized 1,000 kg of drugs.",
        "Am 5. Juli 2017 verhafteten Polizeibeamte in Deutschland und Italien 33 Personen und \
         stellten 1 000 kg Drogen sicher.",
    ] {
        assert_eq!(
            pairs_of(text),
            expect(&[
                ("arrest", "DE"),
                ("arrest", "IT"),
                ("seizure", "DE"),
                ("seizure", "IT"),
            ]),
            "{text}"
        );
    }
    // With a place of its own, it keeps that one.
    assert_eq!(
        pairs_of("Police arrested two men in Spain and seized cash in Portugal."),
        expect(&[("arrest", "ES"), ("seizure", "PT")])
    );
}

#[test]
fn spanish_names_and_actions() {
    let pairs = pairs_of(
        "La Guardia Civil ha detenido a cinco personas en Madrid y ha incautado 300 kilos de \
         cocaína. La operación se desarrolló en colaboración con la policía de Portugal.",
    );
    for want in [("arrest", "ES"), ("participation", "PT")] {
        assert!(
            pairs.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {pairs:?}"
        );
    }
}

#[test]
fn french_name_is_not_read_in_english() {
    // "Chine" is China only in French: an English text with a word "Chine" has no place.
    let pairs = pairs_of("Servers were seized in Canada. The Chine family was not involved.");
    assert_eq!(pairs, expect(&[("seizure", "CA")]));
    let french = pairs_of("Des serveurs ont été saisis en Chine et au Canada.");
    assert!(
        french.contains(&("seizure".into(), "CN".into())),
        "{french:?}"
    );
}

#[test]
fn the_language_is_detected_declared_and_printed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fr.txt"),
        "La police a perquisitionné plusieurs domiciles en France et aux Pays-Bas et interpellé \
         deux suspects mardi matin, avec le soutien d'Europol.",
    )
    .unwrap();
    let out = run(dir.path(), &["extract", "--explain", "fr.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("language: French (fr, detected, confidence"),
        "{report}"
    );
    let out = run(dir.path(), &["extract", "fr.txt"]);
    let events = collection(&out.stdout);
    assert!(!events.features.is_empty());
    for f in &events.features {
        assert_eq!(f.property("lang").and_then(|v| v.as_str()), Some("fr"));
    }
    // --lang declares it: read as English, the French words are no action.
    let out = run(
        dir.path(),
        &["extract", "--explain", "--lang", "en", "fr.txt"],
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("language: English (en, declared)"),
        "{report}"
    );
    let out = run(dir.path(), &["extract", "--lang", "xx", "fr.txt"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown --lang is a usage error"
    );
}

#[test]
fn another_language_gets_a_warning_and_no_events() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("it.txt"),
        "La polizia ha arrestato due sospettati e ha perquisito diverse abitazioni in Italia e \
         in Svizzera martedì mattina, nell'ambito di un'operazione coordinata da Europol.",
    )
    .unwrap();
    let out = run(dir.path(), &["extract", "it.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(collection(&out.stdout).features.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("it.txt: written in Italian (ita, detected"),
        "{err}"
    );
    // In a batch, the article is read and counted, with the warning, and the run exits 0.
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::rename(dir.path().join("it.txt"), dir.path().join("corpus/it.txt")).unwrap();
    let out = run(dir.path(), &["batch", "corpus", "--out", "o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("written in Italian"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_records_lang_is_declared() {
    let dir = tempfile::tempdir().unwrap();
    let record = serde_json::json!({
        "id": "r1",
        "lang": "es",
        "text": "Agentes detenidos. La Guardia Civil ha detenido a dos personas en Sevilla."
    });
    std::fs::write(dir.path().join("c.jsonl"), format!("{record}\n")).unwrap();
    let out = run(dir.path(), &["batch", "c.jsonl", "--out", "o", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stream = std::fs::read_to_string(dir.path().join("o/events.geojsonl")).unwrap();
    assert!(stream.contains("\"lang\":\"es\""), "{stream}");
    assert!(stream.contains("\"action\":\"arrest\""), "{stream}");
}

#[test]
fn dates_in_the_articles_language() {
    let g = gazetteer();
    for (text, want) in [
        (
            "Le 20 février 2024, la police a interpellé deux suspects en France.",
            "2024-02-20",
        ),
        (
            "El 3 de marzo de 2023 la Policía Nacional detuvo a dos personas en España.",
            "2023-03-03",
        ),
        (
            "Am 20. Februar 2024 nahm die Polizei in Deutschland zwei Verdächtige fest.",
            "2024-02-20",
        ),
        (
            "Op 20 februari 2024 heeft de politie in Nederland twee verdachten aangehouden.",
            "2024-02-20",
        ),
    ] {
        let x = opmap::extract(g, &opmap::article::Article::from_text("a.txt", text));
        assert_eq!(
            x.date.map(|d| d.date.to_string()).as_deref(),
            Some(want),
            "{text}"
        );
    }
}

#[test]
fn labels_in_the_articles_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fr.txt"),
        "Mardi, la police française a interpellé quatre suspects, tandis que des perquisitions \
         ont été menées en Belgique et aux Pays-Bas.",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "map",
            "fr.txt",
            "--out",
            "o",
            "--formats",
            "svg",
            "--label-lang",
            "auto",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("o/map.svg")).unwrap();
    assert!(
        svg.contains(">Belgique<") && svg.contains(">Pays-Bas<"),
        "country labels"
    );
    assert!(svg.contains(">Perquisition<"), "legend");
    assert!(
        svg.contains(">Perquisitions et interpellations dans 3 pays<"),
        "the summary title in French"
    );
    assert!(svg.contains("Source : fr.txt"), "the subtitle in French");
    let out = run(
        dir.path(),
        &["map", "fr.txt", "--out", "p", "--formats", "svg"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("p/map.svg")).unwrap();
    assert!(
        svg.contains(">Belgium<") && svg.contains(">Raid<"),
        "English by default"
    );
}

#[test]
fn an_international_body_named_without_a_cue_still_coordinates() {
    // Europol's bare mention is read as coordination (an international body coordinates); it is
    // itself a specific action, so it is not folded away as a participation its country already
    // has a specific action for.
    assert_eq!(
        pairs_of(
            "In Deutschland wurden fünf Personen festgenommen. Auch Europol war dabei, \
             ebenso Beamte des OLAF."
        ),
        expect(&[
            ("arrest", "DE"),
            ("coordination", "BE"),
            ("coordination", "NL")
        ])
    );
}

#[test]
fn closed_sites_in_each_language() {
    for text in [
        "In Oostenrijk werden door de politie 12 websites gesloten.",
        "In Österreich wurden 12 Webseiten gesperrt.",
        "En Autriche, 12 sites ont été fermés.",
        "En Austria, los agentes cerraron 12 sitios web del grupo.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("takedown", "AT")]), "{text}");
    }
}

#[test]
fn a_criminal_network_dismantled_is_no_takedown_in_each_language() {
    for text in [
        "Una red de traficantes que operaba en México y Guatemala fue desarticulada por la \
         Policía Nacional de Colombia.",
        "Un réseau de passeurs actif en Italie a été démantelé par la police française.",
        "Ein Netzwerk von Schleusern wurde von der Polizei in Österreich zerschlagen.",
        "Een netwerk van smokkelaars werd door de Belgische politie in Antwerpen opgerold.",
    ] {
        let found = pairs_of(text);
        assert!(
            found.iter().all(|(action, _)| action != "takedown"),
            "{text}: {found:?}"
        );
    }
    // Sites closed by the same verbs are still taken down.
    let sites = pairs_of("La Policía Nacional desarticuló una red de servidores en España.");
    assert!(
        sites.contains(&("takedown".to_string(), "ES".to_string())),
        "{sites:?}"
    );
}

#[test]
fn the_members_of_a_cooperation_in_each_language() {
    let german = pairs_of(
        "Der Festnahme ging eine enge Zusammenarbeit zwischen der Kantonspolizei und der \
         Bundespolizei sowie den Polizeistellen in Polen und Deutschland voraus.",
    );
    for country in ["PL", "DE"] {
        assert!(
            german.contains(&("participation".to_string(), country.to_string())),
            "{german:?}"
        );
    }
    assert!(
        german.iter().all(|(a, c)| a != "arrest" || c == "CH"),
        "{german:?}"
    );
}

#[test]
fn a_result_phrase_ending_in_an_article_links_the_result_in_each_language() {
    // "que permitieron la incautación": the phrase's own article stands before the noun.
    let spanish = pairs_of(
        "La Policía Nacional realizó siete registros en Sevilla, que permitieron la incautación \
         de documentos y dinero en efectivo.",
    );
    assert!(
        spanish.contains(&("seizure".to_string(), "ES".to_string())),
        "{spanish:?}"
    );
    let english = pairs_of(
        "Police searched seven homes in Seville, resulting in the seizure of documents and cash.",
    );
    assert!(
        english.contains(&("seizure".to_string(), "ES".to_string())),
        "{english:?}"
    );
}

#[test]
fn a_place_closing_verbs_joined_by_and_is_where_each_happened_in_each_language() {
    for text in [
        "Police seized 14 businesses and 11 luxury vehicles and arrested 12 gang members \
         engaged in money laundering in Honduras.",
        "Los agentes incautaron 14 establecimientos y 11 vehículos de lujo y arrestaron a 12 \
         miembros de pandillas dedicados al lavado de dinero en Honduras.",
    ] {
        let found = pairs_of(text);
        for action in ["seizure", "arrest"] {
            assert!(
                found.contains(&(action.to_string(), "HN".to_string())),
                "{text}: {found:?}"
            );
        }
    }
    // Verbs in two clauses do not share it: the seizure has its own place.
    let apart = pairs_of(
        "Police seized 14 vehicles in Guatemala; they arrested 12 gang members in Honduras.",
    );
    assert!(
        !apart.contains(&("seizure".to_string(), "HN".to_string())),
        "{apart:?}"
    );
}

#[test]
fn a_where_clause_states_what_happened_at_a_place_nothing_else_links_in_each_language() {
    for text in [
        "Investigators traced the suspect to a town near Buenos Aires, where he was arrested \
         and his home searched.",
        "Las pesquisas concluyeron que el sospechoso estaba ubicado en la localidad de \
         Claypole, provincia de Buenos Aires, donde fue detenido y su domicilio registrado.",
    ] {
        let found = pairs_of(text);
        for action in ["arrest", "raid"] {
            assert!(
                found.contains(&(action.to_string(), "AR".to_string())),
                "{text}: {found:?}"
            );
        }
    }
    // Only the clause's own predicate: a seizure further on, placed elsewhere, is not.
    let far = pairs_of(
        "The work was mirrored from Europol's headquarters in the Netherlands where a virtual \
         command post was activated to analyse the data seized during the house searches in \
         Ukraine.",
    );
    assert!(
        far.iter()
            .all(|(a, c)| c != "NL" || (a != "seizure" && a != "raid")),
        "{far:?}"
    );
}

#[test]
fn a_word_lists_phrase_governs_like_its_single_words_in_each_language() {
    // "a través de" is a route like "desde"; "en provenance de" an origin like "depuis".
    let spanish = pairs_of(
        "Los acusados facilitaron el viaje de migrantes desde Guatemala a través de México. \
         La policía detuvo a cinco personas en Guatemala.",
    );
    assert!(spanish.iter().all(|(_, c)| c != "MX"), "{spanish:?}");
    let french = pairs_of(
        "Les douaniers ont saisi au Havre deux tonnes de cocaïne en provenance de Colombie.",
    );
    assert!(french.iter().all(|(_, c)| c != "CO"), "{french:?}");
    assert!(
        french.contains(&("seizure".to_string(), "FR".to_string())),
        "{french:?}"
    );
}

#[test]
fn a_place_after_and_belongs_to_the_verb_closing_its_conjunct_in_german_and_dutch() {
    for (text, country) in [
        (
            "Über 640 Millionen Zigaretten wurden europaweit sichergestellt und allein in \
             Deutschland 28 Personen festgenommen.",
            "DE",
        ),
        (
            "Er werden miljoenen sigaretten onderschept en alleen al in België 28 personen \
             aangehouden.",
            "BE",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("arrest".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
        assert!(
            !found.contains(&("seizure".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn who_asked_for_an_action_did_not_act_in_each_language() {
    // The cue has no place of its own, so the clause-cue fallback reaches every list of the
    // clause: the requester is not among them.
    for text in [
        "De politie heeft op verzoek van de Belgische politie en parket Oost-Vlaanderen 24 \
         doorzoekingen verricht in de politie-eenheden Amsterdam en Rotterdam.",
        "Police carried out, at the request of the Belgian police and East Flanders \
         prosecutors, 24 searches in the police regions of Amsterdam and Rotterdam.",
    ] {
        let found = pairs_of(text);
        assert!(
            !found.contains(&("raid".to_string(), "BE".to_string())),
            "{text}: {found:?}"
        );
        assert!(found.iter().any(|(a, _)| a == "raid"), "{text}: {found:?}");
    }
}

#[test]
fn a_locative_pro_form_carries_the_last_place_named_before_in_each_language() {
    for (text, country) in [
        (
            "De bestuurder sloeg op de vlucht. De achtervolging eindigde met een crash in \
             België. Daar kon de bestuurder worden aangehouden.",
            "BE",
        ),
        (
            "Der Fahrer flüchtete über die Grenze nach Frankreich und verunglückte in Belgien. \
             Dort wurde er festgenommen.",
            "BE",
        ),
        (
            "The driver fled across the border and crashed in Belgium. There, police arrested \
             him.",
            "BE",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("arrest".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
    // The "there" of "there were" points nowhere.
    let existential =
        pairs_of("The driver crashed in Belgium. There were no arrests in the operation.");
    assert!(
        !existential.contains(&("arrest".to_string(), "BE".to_string())),
        "{existential:?}"
    );
}

#[test]
fn a_dutch_plural_in_s_is_one_word_and_colleagues_are_an_authority() {
    for text in [
        "De actie werd gezamenlijk georganiseerd door collega’s van de Eenheid Rotterdam.",
        "The action was coordinated by colleagues from the Dutch police.",
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("coordination".to_string(), "NL".to_string())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_demonstrative_carries_the_places_of_the_sentence_before_in_each_language() {
    for (text, country) in [
        (
            "Des perquisitions ont été menées en Belgique. Ces perquisitions ont permis \
             l'interpellation de trois suspects.",
            "BE",
        ),
        (
            "In Österreich wurden zwölf Wohnungen durchsucht. Diese Durchsuchungen führten zur \
             Festnahme von drei Verdächtigen.",
            "AT",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("arrest".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
    // An international body named before coordinates: the arrests are not carried to it.
    let europol = pairs_of(
        "Europol supported the Spanish National Police in an operation in Spain. The \
         investigation led to 17 arrests.",
    );
    assert!(
        europol.contains(&("arrest".to_string(), "ES".to_string())),
        "{europol:?}"
    );
    assert!(
        !europol.contains(&("arrest".to_string(), "NL".to_string())),
        "{europol:?}"
    );
}

#[test]
fn an_action_told_before_is_not_stated_of_the_places_after_it_in_each_language() {
    for (text, country) in [
        (
            "À la suite des arrestations, les autorités italiennes ont déposé des demandes \
             d'entraide judiciaire auprès de la Suisse.",
            "CH",
        ),
        (
            "Following the arrests, Italian prosecutors sent requests for legal assistance to \
             Switzerland.",
            "CH",
        ),
        (
            "Tras las detenciones, la fiscalía italiana envió solicitudes de asistencia \
             judicial a Suiza.",
            "CH",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            !found.contains(&("arrest".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_premises_of_an_action_stand_between_it_and_its_place_in_each_language() {
    for (text, country) in [
        (
            "Police carried out searches at the homes of four suspects and at the offices of \
             two companies in Bern.",
            "CH",
        ),
        (
            "La police a procédé à des perquisitions au domicile de quatre suspects et au siège \
             de deux sociétés à Genève.",
            "CH",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("raid".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
    // A place phrase that is not premises still stops the cue: "searches at the request of".
    let request = pairs_of("Police carried out searches at the request of the Belgian police.");
    assert!(
        !request.contains(&("raid".to_string(), "BE".to_string())),
        "{request:?}"
    );
}

#[test]
fn finding_goods_is_a_seizure_finding_facts_or_people_is_not_in_each_language() {
    for (text, country) in [
        (
            "Er werden in Nederland onder meer een vuurwapen, 110 kilo cocaïne en ruim 23.000 \
             euro gevonden.",
            "NL",
        ),
        (
            "In Luxemburg werd een grote hoeveelheid cocaïne aangetroffen in een verborgen ruimte.",
            "LU",
        ),
        (
            "Die Beamten der Polizei haben in Spanien bei der Kontrolle eines Lastwagens 300 \
             Kilogramm Kokain gefunden.",
            "ES",
        ),
        ("Police found 40 kilos of cocaine in Spain.", "ES"),
        (
            "Les agents de la police ont trouvé 20 kilos de cocaïne dans une voiture en \
             Belgique.",
            "BE",
        ),
        (
            "Los agentes de la policía encontraron 20 kilos de cocaína en un coche en Francia.",
            "FR",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("seizure".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
    for text in [
        "The court in Spain found him guilty of smuggling drugs.",
        "The missing suspect was found in Spain.",
        "A network operating in Spain was found to use cash couriers.",
    ] {
        let found = pairs_of(text);
        assert!(
            !found.contains(&("seizure".to_string(), "ES".to_string())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_word_for_the_action_before_carries_its_places_in_each_language() {
    for (text, country) in [
        (
            "In Österreich wurden zwölf Wohnungen durchsucht. Dabei wurden 28 Kilogramm Kokain \
             sichergestellt.",
            "AT",
        ),
        (
            "De politie heeft 24 doorzoekingen verricht in Amsterdam en Rotterdam. Hierbij zijn \
             een vuurwapen en cash geld in beslag genomen.",
            "NL",
        ),
        (
            "Officers searched twelve homes in Portugal. The suspects were questioned. During the \
             searches, police seized 28 kilos of cocaine.",
            "PT",
        ),
        (
            "In totaal hebben er zes zoekingen in woningen plaatsgevonden in Roemenië. Eén \
             arrestatie is verricht in België. Tijdens de zoekingen zijn ook documenten in \
             beslag genomen.",
            "RO",
        ),
    ] {
        let found = pairs_of(text);
        assert!(
            found.contains(&("seizure".to_string(), country.to_string())),
            "{text}: {found:?}"
        );
    }
    // "During the searches" points to the searches' places, not to the arrest's named last;
    // "Hierbij" to the places of the action before, not to who asked for it.
    let during = pairs_of(
        "In totaal hebben er zes zoekingen in woningen plaatsgevonden in Roemenië. Eén \
         arrestatie is verricht in België. Tijdens de zoekingen zijn ook documenten in beslag \
         genomen.",
    );
    assert!(
        !during.contains(&("seizure".to_string(), "BE".to_string())),
        "{during:?}"
    );
    let asked = pairs_of(
        "De politie heeft op verzoek van de Belgische politie 24 doorzoekingen verricht in \
         Amsterdam. Hierbij zijn een vuurwapen en cash geld in beslag genomen.",
    );
    assert!(
        !asked.contains(&("seizure".to_string(), "BE".to_string())),
        "{asked:?}"
    );
}

#[test]
fn a_place_before_the_finite_verb_opens_the_clause_in_german_and_dutch() {
    for (text, country) in [
        (
            "In Deutschland wurden mehr als 150 Objekte durchsucht und über 70 Personen \
             festgenommen.",
            "DE",
        ),
        (
            "In België werden meer dan 20 woningen doorzocht en tien verdachten aangehouden.",
            "BE",
        ),
        (
            "In der Schweiz hat die Bundesanwaltschaft in Zusammenarbeit mit fedpol mehrere \
             Hausdurchsuchungen durchgeführt und eine Person festgenommen.",
            "CH",
        ),
        (
            "In Nederland heeft de politie vorige week tien woningen doorzocht en drie \
             verdachten aangehouden.",
            "NL",
        ),
    ] {
        let found = pairs_of(text);
        for action in ["raid", "arrest"] {
            assert!(
                found.contains(&(action.to_string(), country.to_string())),
                "{text}: {found:?}"
            );
        }
    }
}

#[test]
fn a_phrase_pointing_back_to_the_countries_named_in_each_language() {
    for (text, countries) in [
        (
            "Die Polizei in Italien und in der Schweiz ermittelte gemeinsam gegen die Gruppe. Am \
             Morgen des 21. Juli wurden in beiden Ländern mehrere Personen verhaftet.",
            ["IT", "CH"],
        ),
        (
            "De politie in België en Frankrijk werkte samen in het onderzoek naar de bende. Op \
             dinsdag zijn in beide landen tien verdachten aangehouden.",
            ["BE", "FR"],
        ),
        (
            "Les polices de Belgique et d'Espagne ont enquêté ensemble sur le réseau. Mardi, dix \
             suspects ont été interpellés dans les deux pays.",
            ["BE", "ES"],
        ),
    ] {
        let found = pairs_of(text);
        for country in countries {
            assert!(
                found.contains(&("arrest".to_string(), country.to_string())),
                "{text}: {found:?}"
            );
        }
    }
}

#[test]
fn a_warrant_states_its_action_once_executed_in_every_language() {
    // Executed: an arrest or a search, however the language names the warrant (a compound, a
    // noun before "de", a noun after "search").
    for (text, want) in [
        (
            "In Österreich wurden am Dienstag zwei Haftbefehle vollstreckt.",
            ("arrest", "AT"),
        ),
        (
            "In Italien wurden zwölf Durchsuchungsbeschlüsse vollstreckt.",
            ("raid", "IT"),
        ),
        (
            "En Colombia se ejecutaron tres órdenes de detención.",
            ("arrest", "CO"),
        ),
        (
            "In België werden vier huiszoekingsbevelen uitgevoerd.",
            ("raid", "BE"),
        ),
        (
            "Officers executed six search warrants in Ireland.",
            ("raid", "IE"),
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&(want.0.into(), want.1.into())),
            "{text}: {pairs:?}"
        );
    }
    // Issued, not executed: no arrest and no search there.
    for text in [
        "Gegen den Mann hatte Polen einen Europäischen Haftbefehl erlassen.",
        "Un juez de Francia emitió una orden de detención contra el sospechoso.",
        "A search warrant was issued in Ireland.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(a, _)| a == "arrest" || a == "raid"),
            "{text}: {pairs:?}"
        );
    }
}

#[test]
fn an_extradition_names_a_destination_not_a_place_of_action() {
    // "overlevering aan België", "Auslieferung an Deutschland": where the suspect is sent.
    for text in [
        "De verdachte is in Spanje aangehouden; zijn overlevering aan België wordt in gang gezet.",
        "Der Mann wurde in Spanien festgenommen; seine Auslieferung an Deutschland wird vorbereitet.",
    ] {
        let pairs = pairs_of(text);
        assert!(pairs.contains(&("arrest".into(), "ES".into())), "{text}: {pairs:?}");
        assert!(
            !pairs.iter().any(|(_, c)| c == "BE" || c == "DE"),
            "{text}: {pairs:?}"
        );
    }
    // "aan" alone is no route: Belgian officers took part.
    let pairs = pairs_of(
        "Agenten uit België hebben meegewerkt aan het onderzoek naar de verdachten in Spanje, \
         die door de politie zijn aangehouden.",
    );
    assert!(pairs.iter().any(|(_, c)| c == "BE"), "{pairs:?}");
}

#[test]
fn a_name_of_every_language_that_is_a_word_of_the_article_is_a_word() {
    // "Mann" is the Isle of Man's Manx name, and a German word: "Der Mann" is a man.
    let pairs = pairs_of("Der Mann wurde am Dienstag in Spanien festgenommen.");
    assert_eq!(pairs, expect(&[("arrest", "ES")]));
    // The island named in full is a place.
    let pairs = pairs_of("Die Polizei der Isle of Man hat zwei Männer festgenommen.");
    assert!(pairs.iter().any(|(_, c)| c == "IM"), "{pairs:?}");
}

#[test]
fn a_verb_closing_a_clause_opened_by_and_shares_the_subject() {
    // German puts the verb last: the clause after "und" shares the subject's place.
    assert_eq!(
        pairs_of("Die Bundespolizei hat neun Objekte durchsucht und hierbei einen Haftbefehl vollstreckt."),
        expect(&[("arrest", "DE"), ("raid", "DE")])
    );
    // A clause with a place of its own keeps it.
    assert_eq!(
        pairs_of(
            "Die Bundespolizei hat neun Objekte durchsucht und in Spanien wurden zwei Haftbefehle \
             vollstreckt."
        ),
        expect(&[("arrest", "ES"), ("raid", "DE")])
    );
}

#[test]
fn an_opening_phrase_of_time_gives_its_action_and_its_place_to_the_clause() {
    // "During searches in Spain and Italy, five people were arrested": the arrests were made
    // in the searches, at their places, in every language.
    for text in [
        "During searches in Spain and Italy, five people were arrested on Tuesday.",
        "Bei Durchsuchungen in Spanien und Italien wurden am Dienstag fünf Personen festgenommen.",
        "Lors de perquisitions en Espagne et en Italie, cinq personnes ont été interpellées mardi.",
        "Bij doorzoekingen in Spanje en Italië zijn dinsdag vijf personen aangehouden.",
    ] {
        assert_eq!(
            pairs_of(text),
            expect(&[
                ("arrest", "ES"),
                ("arrest", "IT"),
                ("raid", "ES"),
                ("raid", "IT")
            ]),
            "{text}"
        );
    }
    // Spanish goes on without a comma.
    assert_eq!(
        pairs_of("Durante los registros en Rotterdam se hallaron 300 kilos de cocaína y armas."),
        expect(&[("raid", "NL"), ("seizure", "NL")])
    );
    // An opening phrase that is no action's time phrase gives no action to the clause.
    let pairs = pairs_of("In Spain, a conference on cybercrime was held on Tuesday.");
    assert!(
        !pairs.iter().any(|(a, _)| a == "arrest" || a == "raid"),
        "{pairs:?}"
    );
}

#[test]
fn a_french_phrase_with_an_elision_is_read_as_written() {
    // "mandats d'arrêt" is "mandats" "d'" "arrêt" to the tokenizer and to the lexicon alike.
    let pairs = pairs_of("La police roumaine a exécuté trois mandats d'arrêt à Bucarest.");
    assert_eq!(pairs, expect(&[("arrest", "RO")]));
    // Issued, not executed: nothing happened yet.
    let pairs =
        pairs_of("Un mandat d'arrêt européen a été émis par la Roumanie contre le suspect.");
    assert!(!pairs.iter().any(|(a, _)| a == "arrest"), "{pairs:?}");
    // "équipe commune d'enquête" is a participation phrase.
    let pairs = pairs_of("Une équipe commune d'enquête a été créée avec la Roumanie en 2023.");
    assert_eq!(pairs, expect(&[("participation", "RO")]));
}

#[test]
fn dutch_split_verbs_and_one_word_forms() {
    // The particle may stand before a place phrase moved after it ("hielden … aan in Milaan");
    // "nam … in hechtenis"; "inbeslaggenomen" in one word; a warrant carried out ("voerde …
    // uit") is an arrest.
    assert_eq!(
        pairs_of(
            "De Italiaanse autoriteiten hielden de twee verdachten van de bende aan in Milaan. \
             De Franse Gendarmerie nam in Lyon nog twee verdachten in hechtenis. In België werd \
             door de douane 400 kilo cocaïne inbeslaggenomen. De Roemeense politie voerde \
             daarnaast drie arrestatiebevelen uit in Boekarest."
        ),
        expect(&[
            ("arrest", "FR"),
            ("arrest", "IT"),
            ("arrest", "RO"),
            ("seizure", "BE")
        ])
    );
}

#[test]
fn who_asked_for_an_action_took_part_in_it() {
    // "op verzoek van de Belgische autoriteiten": Belgium asked; the arrest was in Breda, a
    // Dutch town a Dutch text names without its country.
    for text in [
        "De verdachte werd op verzoek van de Belgische autoriteiten aangehouden in Breda.",
        "Auf Ersuchen der belgischen Behörden wurde der Mann in Aachen festgenommen.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("participation".into(), "BE".into())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs.contains(&("arrest".into(), "BE".into())),
            "{text}: {pairs:?}"
        );
    }
    assert!(pairs_of(
        "De verdachte werd op verzoek van de Belgische autoriteiten aangehouden in Breda."
    )
    .contains(&("arrest".into(), "NL".into())));
}

#[test]
fn a_large_city_is_meant_over_a_small_town_of_its_name() {
    // The article names Colombia as the drugs' origin only; Sevilla is Seville, Spain.
    let pairs = pairs_of(
        "La cocaína procedía de Colombia. Las autoridades francesas arrestaron a dos \
         sospechosos en París. El principal sospechoso, un ciudadano turco, fue detenido en \
         Sevilla.",
    );
    assert!(pairs.contains(&("arrest".into(), "ES".into())), "{pairs:?}");
    assert!(!pairs.iter().any(|(_, c)| c == "CO"), "{pairs:?}");
}

#[test]
fn spanish_searches_and_closures() {
    assert_eq!(
        pairs_of("Agentes de la Policía Nacional registraron seis viviendas en Málaga."),
        expect(&[("raid", "ES")])
    );
    // Without premises, "registrar" records.
    let pairs = pairs_of("En Portugal se registraron 300 casos de fraude el año pasado.");
    assert!(!pairs.iter().any(|(a, _)| a == "raid"), "{pairs:?}");
    assert_eq!(
        pairs_of("La página web fue clausurada por las autoridades estadounidenses."),
        expect(&[("takedown", "US")])
    );
}

#[test]
fn where_goods_came_from_and_passed_through_is_a_route() {
    for text in [
        "La drogue venait du Maroc et transitait par l'Espagne avant d'être saisie en France.",
        "La droga venía de Marruecos y pasaba por Portugal antes de ser incautada en Francia.",
        "La cocaïne provenait de Colombie; elle a été saisie par les douaniers en France.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("seizure".into(), "FR".into())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs
                .iter()
                .any(|(_, c)| matches!(c.as_str(), "MA" | "ES" | "PT" | "CO")),
            "{text}: {pairs:?}"
        );
    }
}

#[test]
fn who_wanted_a_suspect_is_not_where_the_main_clause_arrested_him() {
    // The relative clause closes at the comma before the main clause's verb; German puts the
    // participle after the wanting country.
    for (text, country) in [
        (
            "Der Beschuldigte, der von Frankreich gesucht wurde, wurde am Montag in München \
             festgenommen.",
            "DE",
        ),
        (
            "De verdachte, die gezocht werd door Duitsland, werd maandag in Utrecht aangehouden.",
            "NL",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), country.into())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs
                .iter()
                .any(|(_, c)| c == "FR" || (country == "NL" && c == "DE")),
            "{text}: {pairs:?}"
        );
    }
}

#[test]
fn english_traps_of_help_hosting_and_agency_names() {
    // Information from the FBI is help, not a search by the FBI.
    let pairs = pairs_of(
        "Police in Ireland, acting on information from the FBI, searched a house in Dublin.",
    );
    assert!(pairs.contains(&("raid".into(), "IE".into())), "{pairs:?}");
    assert!(
        pairs.contains(&("participation".into(), "US".into())),
        "{pairs:?}"
    );
    assert!(!pairs.contains(&("raid".into(), "US".into())), "{pairs:?}");
    // Hosting servers is not hosting the operation: they were seized where they were.
    assert_eq!(
        pairs_of("The servers, which were hosted in Germany, were seized on Tuesday."),
        expect(&[("seizure", "DE")])
    );
    // A demonym before an agency's name is the agency's country, not a nationality.
    assert_eq!(
        pairs_of("The operation was led by the Italian Carabinieri."),
        expect(&[("coordination", "IT")])
    );
}

#[test]
fn a_city_of_the_articles_press_and_an_agencys_demonym_in_each_order() {
    // Belgium is named, but "Lille" in a French text is Lille, France (ten times the size of
    // Lille in Antwerp province).
    let pairs = pairs_of(
        "Avec l'aide de la police belge, les gendarmes ont interpellé deux hommes à Lille.",
    );
    assert!(pairs.contains(&("arrest".into(), "FR".into())), "{pairs:?}");
    assert!(
        !pairs.contains(&("arrest".into(), "BE".into())),
        "{pairs:?}"
    );
    // The demonym after the agency's name, where adjectives follow their noun.
    let pairs = pairs_of("Los Carabinieri italianos detuvieron a tres sospechosos en Nápoles.");
    assert_eq!(pairs, expect(&[("arrest", "IT")]));
}

#[test]
fn coordination_between_parties_is_their_taking_part() {
    for text in [
        "The network was dismantled thanks to the coordination between the national authorities \
         in Spain, the Netherlands and Honduras.",
        "Dankzij de coördinatie tussen de nationale autoriteiten in Spanje, Nederland en Honduras \
         werd het netwerk ontmanteld.",
    ] {
        assert_eq!(
            pairs_of(text),
            expect(&[
                ("participation", "ES"),
                ("participation", "HN"),
                ("participation", "NL")
            ]),
            "{text}"
        );
    }
    // Coordination by one body stays coordination.
    assert_eq!(
        pairs_of("The operation was coordinated by Europol and involved police in Spain."),
        expect(&[("coordination", "NL"), ("participation", "ES")])
    );
}

#[test]
fn a_demonym_qualifying_an_action_noun_is_where_it_happened() {
    // "the Spanish arrests" are arrests in Spain; a tip from another country is help.
    for text in [
        "The Spanish arrests followed a tip from the Italian authorities.",
        "Die spanischen Festnahmen erfolgten nach einem Hinweis der italienischen Behörden.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), "ES".into())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs.contains(&("arrest".into(), "IT".into())),
            "{text}: {pairs:?}"
        );
    }
    // Where adjectives follow their noun.
    assert_eq!(
        pairs_of("Les perquisitions françaises ont visé des membres présumés du réseau criminel."),
        expect(&[("raid", "FR")])
    );
}

#[test]
fn german_warrants_after_the_places_and_a_lead_told_first() {
    // The verb stands second, its object after the places: still an executed warrant.
    assert_eq!(
        pairs_of(
            "Einsatzkräfte der Bundespolizei vollstreckten in Berlin, Hamburg und Bremen \
             insgesamt zwölf Durchsuchungsbeschlüsse."
        ),
        expect(&[("raid", "DE")])
    );
    // "Federführend war X": X led.
    assert_eq!(
        pairs_of("Federführend war das Landeskriminalamt Niedersachsen in Hannover."),
        expect(&[("coordination", "DE")])
    );
}

#[test]
fn the_accused_are_people_not_a_suspicion() {
    // After an article, "acusados"/"accused" names the defendants: the arrest place stays.
    for (text, country) in [
        (
            "Las autoridades de Guatemala arrestaron a los acusados en la Ciudad de Guatemala.",
            "GT",
        ),
        (
            "Police arrested the accused in Manchester on Tuesday.",
            "GB",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), country.into())),
            "{text}: {pairs:?}"
        );
    }
    // "accused of fraud in Spain" is where the crime was.
    let pairs = pairs_of("A man accused of fraud in Spain was arrested in Manchester.");
    assert!(!pairs.iter().any(|(_, c)| c == "ES"), "{pairs:?}");
}

#[test]
fn a_town_near_the_countries_named_stands_for_itself_and_a_registration_is_background() {
    // Lille is within a day's drive of Poland: a place of its own, not a gap of the gazetteer
    // (Norfolk, Virginia, an ocean away from the UK, still is). Where the truck was registered
    // is background once the clause names where it was seized.
    for text in [
        "A truck registered in Poland was seized by customs officers in Lille.",
        "Lors du contrôle d'un camion immatriculé en Pologne, les douaniers ont saisi deux \
         millions de cigarettes à Lille.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("seizure", "FR")]), "{text}");
    }
    // With no other place, the servers were seized where they were hosted.
    assert_eq!(
        pairs_of("Servers hosted in Germany were seized on Tuesday."),
        expect(&[("seizure", "DE")])
    );
}

#[test]
fn a_german_or_dutch_subject_before_its_auxiliary_acts_at_the_clauses_end() {
    // The finite auxiliary right after the subject, the participle at the end of the clause.
    let pairs =
        pairs_of("De FIOD heeft dinsdag bij een grote actie in Nederland vijf woningen doorzocht.");
    assert!(pairs.contains(&("raid".into(), "NL".into())), "{pairs:?}");
    let pairs = pairs_of(
        "Die Schweizer Polizei hat am Dienstag nach langen Ermittlungen zwei Männer festgenommen.",
    );
    assert!(pairs.contains(&("arrest".into(), "CH".into())), "{pairs:?}");
    // A passive subject was acted on: "Die zwei Polen" were arrested, not arresting.
    let pairs = pairs_of(
        "Die zwei Polen konnten im Rahmen einer Zielfahndung kurz nach ihrer Einreise in die \
         Schweiz verhaftet werden.",
    );
    assert!(
        !pairs.contains(&("arrest".into(), "PL".into())),
        "{pairs:?}"
    );
}

#[test]
fn a_german_journey_from_a_country_is_a_route_and_a_joined_split_verb_a_cue() {
    // "auf dem Weg von Spanien nach Polen": a route; "sicherstellten" is the joined form of
    // "stellten … sicher" in a subordinate clause.
    assert_eq!(
        pairs_of(
            "Der Lkw war auf dem Weg von Spanien nach Polen, als ihn Zöllner in Frankfurt \
             kontrollierten und 200 Kilogramm Kokain sicherstellten."
        ),
        expect(&[("seizure", "DE")])
    );
}

/// A planned or expected action, told after its noun, is not done yet (the hypothetical
/// filter): "Further searches are planned in Belgium" in every language. "As planned" and a
/// plan carried out are actions.
#[test]
fn a_planned_action_is_not_done_yet() {
    for text in [
        "Police arrested two suspects in Spain. Further searches are planned in Belgium next week.",
        "La police a interpellé deux suspects en Espagne. Des perquisitions sont prévues en \
         Belgique la semaine prochaine.",
        "Die Polizei hat zwei Verdächtige in Spanien festgenommen. Weitere Durchsuchungen in \
         Belgien sind geplant.",
        "De politie heeft twee verdachten in Spanje aangehouden. Verdere doorzoekingen in België \
         zijn gepland.",
        "La policía detuvo a dos sospechosos en España. Otros registros en Bélgica están previstos.",
        "La policía detuvo a dos sospechosos en España. Se han previsto registros en Bélgica la \
         próxima semana.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("arrest", "ES")]), "{text}");
    }
    // Near misses: the plan was carried out.
    for text in [
        "As planned, police searched homes in Belgium.",
        "Comme prévu, la police a perquisitionné des domiciles en Belgique.",
        "Searches had been planned in Belgium and were carried out on Tuesday.",
        "Wie geplant durchsuchte die Polizei Wohnungen in Belgien.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("raid", "BE")]), "{text}");
    }
}

/// A gathering told with a longer verb ("s'est tenue à", "a eu lieu à") is still a gathering;
/// where a gang sold its drugs is where a crime was committed; money sent to accounts in a
/// country is held there, not acted on (the hosting filter). Near misses: accounts frozen
/// there, and a place after "by" (the agent, who may be the police).
#[test]
fn gatherings_sales_and_accounts_are_background() {
    for text in [
        "Une conférence de presse s'est tenue à Bruxelles. La police a saisi de la drogue en \
         Espagne.",
        "Une conférence de presse a eu lieu à Bruxelles. La police a saisi de la drogue en \
         Espagne.",
        "The gang sold the drugs in Germany. Police seized the drugs in Spain.",
        "Le réseau écoulait la drogue en Allemagne. La police a saisi la drogue en Espagne.",
        "Die Bande verkaufte die Drogen in Deutschland. Die Polizei stellte die Drogen in \
         Spanien sicher.",
        "De bende verkocht de drugs in Duitsland. De politie nam de drugs in Spanje in beslag.",
        "La banda vendía la droga en Alemania. La policía incautó la droga en España.",
        "The money was sent to accounts in Switzerland. Police seized the drugs in Spain.",
        "Les fonds étaient transférés vers des comptes en Suisse. La police a saisi la drogue en \
         Espagne.",
        "Das Geld wurde auf Konten in der Schweiz überwiesen. Die Polizei stellte die Drogen in \
         Spanien sicher.",
        "Het geld werd overgemaakt naar rekeningen in Zwitserland. De politie nam de drugs in \
         Spanje in beslag.",
        "El dinero se transfería a cuentas en Suiza. La policía incautó la droga en España.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("seizure", "ES")]), "{text}");
    }
    assert_eq!(
        pairs_of("Police froze bank accounts in Switzerland."),
        expect(&[("seizure", "CH")])
    );
    let pairs = pairs_of("Le logiciel a été distribué par la police néerlandaise à des criminels.");
    assert!(pairs.iter().any(|(_, c)| c == "NL"), "{pairs:?}");
}

/// An earlier operation named with the adjective after its noun ("une opération similaire",
/// "una operación similar"), targets of a gang ("visait des entreprises", "atacaron a
/// empresas") and a destination written without a preposition ("met bestemming Italië") are
/// background.
#[test]
fn earlier_operations_targets_and_destinations_after_the_noun() {
    for (text, want) in [
        (
            "Une opération similaire avait été menée en Italie en 2019. Cette fois, dix \
             personnes ont été interpellées en France.",
            ("arrest", "FR"),
        ),
        (
            "Una operación similar se llevó a cabo en Italia en 2019. Esta vez fueron detenidas \
             diez personas en España.",
            ("arrest", "ES"),
        ),
        (
            "Le réseau visait des entreprises en Allemagne. Les suspects ont été interpellés en \
             Ukraine.",
            ("arrest", "UA"),
        ),
        (
            "Los piratas atacaron a empresas en Alemania. Los sospechosos fueron detenidos en \
             Ucrania.",
            ("arrest", "UA"),
        ),
        (
            "De lading met bestemming Italië werd in de haven van Antwerpen in beslag genomen.",
            ("seizure", "BE"),
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&[want]), "{text}");
    }
    // Near miss: an operation carried out now, with no earlier adjective.
    assert_eq!(
        pairs_of("Une opération a été menée en Italie."),
        expect(&[("participation", "IT")])
    );
}

/// A parallel joins two places into one list ("in Belgium as in the Netherlands", "en
/// Belgique comme aux Pays-Bas", "sowohl in Belgien als auch in den Niederlanden", "zowel in
/// België als in Duitsland", "tanto en Francia como en Bélgica"), and a team set up with
/// countries has them as partners, not as where it is registered.
#[test]
fn parallels_join_places_and_a_team_set_up_with_countries_has_partners() {
    for (text, want) in [
        (
            "En Belgique comme aux Pays-Bas, des perquisitions ont eu lieu mardi.",
            [("raid", "BE"), ("raid", "NL")],
        ),
        (
            "Sowohl in Belgien als auch in den Niederlanden kam es zu Durchsuchungen.",
            [("raid", "BE"), ("raid", "NL")],
        ),
        (
            "Zowel in België als in Duitsland vonden huiszoekingen plaats.",
            [("raid", "BE"), ("raid", "DE")],
        ),
        (
            "Tanto en Francia como en Bélgica se realizaron registros el martes por la mañana.",
            [("raid", "BE"), ("raid", "FR")],
        ),
        (
            "Er werd een gemeenschappelijk onderzoeksteam opgericht met Frankrijk en België. In \
             beide landen werden huiszoekingen verricht.",
            [("raid", "BE"), ("raid", "FR")],
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&want), "{text}");
    }
    // Near miss: "as" that opens a clause still does.
    let pairs = pairs_of("Police searched homes in Spain as officers in Italy watched.");
    assert!(pairs.contains(&("raid".into(), "ES".into())), "{pairs:?}");
}

/// "Led the investigation" in every language is coordination ("leitete die Ermittlungen",
/// "leidde het onderzoek", "dirigeait l'enquête", "dirigió la operación"), and an authority
/// named by its city without a preposition is that city's ("Die Staatsanwaltschaft Wien").
#[test]
fn leading_an_investigation_is_coordination_in_every_language() {
    for (text, want) in [
        (
            "Die Staatsanwaltschaft Wien leitete die Ermittlungen, an denen auch Beamte aus \
             Ungarn beteiligt waren.",
            vec![("coordination", "AT"), ("participation", "HU")],
        ),
        (
            "La police belge dirigeait l'enquête, à laquelle ont participé des enquêteurs \
             luxembourgeois.",
            vec![("coordination", "BE"), ("participation", "LU")],
        ),
        (
            "La Guardia Civil dirigió la operación, en la que participaron agentes de Portugal.",
            vec![("coordination", "ES"), ("participation", "PT")],
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&want), "{text}");
    }
    let pairs = pairs_of(
        "Het Openbaar Ministerie in Rotterdam leidde het onderzoek, waaraan ook Duitse \
         rechercheurs deelnamen.",
    );
    assert!(
        pairs.contains(&("coordination".into(), "NL".into())),
        "{pairs:?}"
    );
    // Near miss: "leitete … weiter" (passed on) leads nothing.
    let pairs = pairs_of("Die Polizei leitete die Verdächtigen nach Frankreich weiter.");
    assert!(!pairs.iter().any(|(a, _)| a == "coordination"), "{pairs:?}");
}

/// German: the participle that closes the clause right after the place is its action, not a
/// help noun before it ("hat in Zusammenarbeit mit den tschechischen Behörden drei Schleuser in
/// Dresden festgenommen"); an attributive "gesuchte" qualifies its noun, and the place of the
/// predicate after it is where the action happened ("Der von Italien per Haftbefehl gesuchte
/// Mann wurde in Zürich festgenommen").
#[test]
fn a_closing_participle_and_an_attributive_wanted() {
    assert_eq!(
        pairs_of(
            "Die Bundespolizei hat in Zusammenarbeit mit den tschechischen Behörden drei \
             Schleuser in Dresden festgenommen."
        ),
        expect(&[("arrest", "DE"), ("participation", "CZ")])
    );
    assert_eq!(
        pairs_of("Der von Italien per Haftbefehl gesuchte Mann wurde in Zürich festgenommen."),
        expect(&[("arrest", "CH")])
    );
    // Near miss: the predicative participle still makes Italy the one who wants him.
    assert_eq!(
        pairs_of("Der Mann, der von Italien gesucht wurde, wurde in Zürich festgenommen."),
        expect(&[("arrest", "CH")])
    );
}

/// Where a gang's companies are is background unless they are acted on (the hosting filter:
/// "companies in Cyprus and Malta", "des sociétés à Chypre"); "laundered" is a crime word.
#[test]
fn companies_are_where_they_are_based_unless_acted_on() {
    for text in [
        "The gang laundered the proceeds through companies in Cyprus and Malta. Police arrested \
         two men in Spain.",
        "Le réseau blanchissait l'argent via des sociétés à Chypre. La police a interpellé deux \
         hommes en Espagne.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("arrest", "ES")]), "{text}");
    }
    assert_eq!(
        pairs_of("Police searched companies in Cyprus and Malta."),
        expect(&[("raid", "CY"), ("raid", "MT")])
    );
}

/// An action done during another at the place has both ("arrested during raids in", "bij
/// invallen in"); a coordinating participle after its noun qualifies it ("redadas coordinadas
/// en": raids); the agents of an action the clause places in another country took part in it
/// ("las autoridades de Colombia … incautaron … en el puerto de Valencia").
#[test]
fn actions_during_others_qualifying_participles_and_agents_from_elsewhere() {
    for text in [
        "Police arrested 21 people during raids in the Netherlands and Belgium.",
        "De politie heeft woensdag 21 mensen aangehouden bij invallen in Nederland en België.",
    ] {
        assert_eq!(
            pairs_of(text),
            expect(&[
                ("arrest", "BE"),
                ("arrest", "NL"),
                ("raid", "BE"),
                ("raid", "NL")
            ]),
            "{text}"
        );
    }
    // Near miss: an action before a comma does not share the later place.
    assert_eq!(
        pairs_of("Police arrested 21 people on Monday, after raids in Belgium."),
        expect(&[("raid", "BE")])
    );
    for text in [
        "La operación implicó redadas coordinadas en Alemania, Francia y Dinamarca.",
        "L'opération a donné lieu à des perquisitions coordonnées en Allemagne et au Danemark.",
    ] {
        let pairs = pairs_of(text);
        assert!(pairs.iter().all(|(a, _)| a == "raid"), "{text}: {pairs:?}");
    }
    // Near miss: with its agent the participle coordinates.
    let pairs = pairs_of("Las redadas, coordinadas por Europol, tuvieron lugar en Alemania.");
    assert!(
        pairs.contains(&("coordination".into(), "NL".into())),
        "{pairs:?}"
    );
    assert_eq!(
        pairs_of(
            "Las autoridades de Colombia, Ecuador y España incautaron 1.200 kilos de cocaína en \
             los puertos de Valencia y Barcelona."
        ),
        expect(&[
            ("participation", "CO"),
            ("participation", "EC"),
            ("seizure", "ES")
        ])
    );
    // Near miss: with no place of its own, the action is the agents'.
    assert_eq!(
        pairs_of("Las autoridades de Colombia y Ecuador incautaron 1.200 kilos de cocaína."),
        expect(&[("seizure", "CO"), ("seizure", "EC")])
    );
}

/// Where adjectives follow their noun, a place noun right before a demonym makes it a place of
/// that country ("dans des villes belges", "en varias ciudades belgas"); a demonym after a
/// person's noun stays a nationality.
#[test]
fn a_place_noun_before_a_demonym_places_the_action() {
    for text in [
        "La police a perquisitionné trois maisons dans des villes belges.",
        "Los agentes de la policía registraron el martes tres viviendas en varias ciudades belgas.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("raid", "BE")]), "{text}");
    }
    // Near miss: a nationality.
    assert!(pairs_of("La police a interpellé trois hommes belges à la gare.").is_empty());
}

/// German and Dutch verbs around their places: a split verb brackets its place however far its
/// first part ("nahm im Zuge der Operation „Trojan Shield“ 81 Personen in Österreich fest"),
/// "viel … binnen" raids and "ging … ins Netz" arrests; the finite verb comes second after a
/// fronted place, whatever it is ("In Rumänien gab es 13 Festnahmen bei 18
/// Hausdurchsuchungen"); a place inside an attributive phrase that "gesuchten" closes is who
/// wants the man ("die Festnahme eines in Serbien wegen Mordes gesuchten Mannes").
#[test]
fn verbs_around_places_in_german_and_dutch() {
    for (text, want) in [
        (
            "Die Polizei nahm im Zuge der Operation „Trojan Shield“ 81 Personen in Österreich \
             fest.",
            vec![("arrest", "AT")],
        ),
        (
            "In België viel de politie woensdag binnen in veertien panden in Maaseik en Genk, meldt \
             het parket.",
            vec![("raid", "BE")],
        ),
        (
            "Der Kopf der Schlepperbande ging den Ermittlern in Budapest ins Netz.",
            vec![("arrest", "HU")],
        ),
        (
            "In Rumänien gab es 13 Festnahmen bei insgesamt 18 Hausdurchsuchungen.",
            vec![("arrest", "RO"), ("raid", "RO")],
        ),
        (
            "Der Minister verwies auf die Festnahme eines in Serbien wegen dreifachen Mordes \
             gesuchten Mannes.",
            vec![],
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&want), "{text}");
    }
    // Near misses: "valt binnen" before its object is no raid; a place before the article
    // is where the wanted man was arrested.
    let pairs = pairs_of(
        "Volgens het parket valt de zaak binnen de bevoegdheid van de rechtbank in België, zegt \
         de woordvoerder.",
    );
    assert!(!pairs.iter().any(|(a, _)| a == "raid"), "{pairs:?}");
    assert_eq!(
        pairs_of(
            "Die Polizei nahm in Berlin einen mit internationalem Haftbefehl gesuchten Mann fest."
        ),
        expect(&[("arrest", "DE")])
    );
}

/// A place named after "with", or after the authority noun "with" governs, is a partner, not
/// the subject of the verb after it ("uitgevoerd met opsporingsdiensten uit Oostenrijk … en werd
/// geleid door Europol", "en colaboración con la Gendarmería francesa, la Guardia Civil …
/// ha arrestado"); the country in parentheses after a dateline's town is the dateline's
/// ("LYON (Francia) –").
#[test]
fn partners_after_with_and_a_datelines_country() {
    assert_eq!(
        pairs_of(
            "Het onderzoek is in samenwerking uitgevoerd met opsporingsdiensten uit Oostenrijk, \
             Duitsland en Hongarije en werd geleid door Europol."
        ),
        expect(&[
            ("coordination", "NL"),
            ("participation", "AT"),
            ("participation", "DE"),
            ("participation", "HU")
        ])
    );
    let pairs = pairs_of(
        "En el marco de la operación y en colaboración con la Gendarmería francesa, la Guardia \
         Civil de Alicante ha arrestado a cuatro individuos.",
    );
    assert!(
        pairs.contains(&("participation".into(), "FR".into()))
            && !pairs.contains(&("arrest".into(), "FR".into())),
        "{pairs:?}"
    );
    // Near miss: a subject before the verb acts.
    assert_eq!(
        pairs_of(
            "Opsporingsdiensten uit Oostenrijk en Duitsland hebben vijf verdachten aangehouden, \
             meldt de politie."
        ),
        expect(&[("arrest", "AT"), ("arrest", "DE")])
    );
    assert_eq!(
        pairs_of(
            "LYON (Francia) – Una operación internacional coordinada por INTERPOL ha dado lugar a \
             la detención de 85 personas. Una de ellas fue detenida en España."
        ),
        expect(&[("arrest", "ES"), ("coordination", "FR")])
    );
}

/// German and Dutch put a light verb after its action noun, which it makes a verb ("in
/// Duitsland twintig arrestaties zijn verricht en panden zijn doorzocht"); "ook", "auch",
/// "aussi", "también" may open a fronted place phrase ("Ook in het noorden van Frankrijk zijn
/// er huiszoekingen geweest").
#[test]
fn light_verbs_after_their_noun_and_also_before_a_fronted_place() {
    assert_eq!(
        pairs_of(
            "Het Duitse blad Der Spiegel meldt dat in hetzelfde onderzoek in Duitsland twintig \
             arrestaties zijn verricht en panden zijn doorzocht."
        ),
        expect(&[("arrest", "DE"), ("raid", "DE")])
    );
    assert_eq!(
        pairs_of(
            "Ook in het noorden van Frankrijk zijn er huiszoekingen geweest in het kader van een \
             antiterreuroperatie."
        ),
        expect(&[("raid", "FR")])
    );
}

/// A further action in a modal or forthcoming clause is not done yet: "More arrests may follow
/// in the Netherlands", "Mogelijk volgen er meer aanhoudingen in Nederland", "Weitere
/// Festnahmen in Deutschland sind nicht ausgeschlossen" (the classes `further` and
/// `forthcoming`).
#[test]
fn further_actions_still_to_come() {
    for text in [
        "More arrests may follow in the Netherlands, investigators said on Tuesday.",
        "Mogelijk volgen er de komende weken nog meer aanhoudingen in Nederland, meldt de politie.",
        "Weitere Festnahmen in Deutschland sind nicht ausgeschlossen, teilte die Polizei mit.",
        "Se esperan más detenciones en Portugal en los próximos días, informó la policía.",
        "Er worden de komende weken meer aanhoudingen in Nederland verwacht, meldt de politie.",
        "Weitere Festnahmen werden in Deutschland erwartet, teilte die Polizei am Montag mit.",
    ] {
        assert_eq!(pairs_of(text), expect(&[]), "{text}");
    }
    // Near misses: more actions that were made, and a further action with no modal.
    assert_eq!(
        pairs_of("Police made more arrests in the Netherlands than in Belgium."),
        expect(&[("arrest", "BE"), ("arrest", "NL")])
    );
    assert_eq!(
        pairs_of(
            "Weitere Festnahmen erfolgten am Mittwoch in Deutschland, teilte die Polizei mit."
        ),
        expect(&[("arrest", "DE")])
    );
}

/// "Organized by" is coordination in every language ("fue organizada por Estados Unidos, el
/// Reino Unido y Brasil"); a nationality names a person's origin, for every member of its
/// list ("que tienen nacionalidad de España y Venezuela").
#[test]
fn organized_by_and_nationalities() {
    for text in [
        "The operation was organized by the United States, the United Kingdom and Brazil.",
        "La operación conjunta llamada SpecTor fue organizada por Estados Unidos, el Reino Unido \
         y Brasil con las autoridades europeas.",
    ] {
        assert_eq!(
            pairs_of(text),
            expect(&[
                ("coordination", "BR"),
                ("coordination", "GB"),
                ("coordination", "US")
            ]),
            "{text}"
        );
    }
    for text in [
        "Police in Portugal arrested five people who have the nationality of Spain and Venezuela.",
        "La policía portuguesa detuvo a cinco personas, que tienen nacionalidad de España y \
         Venezuela.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("arrest", "PT")]), "{text}");
    }
    // Near miss: "organized crime" organizes nothing.
    let pairs = pairs_of("Police in Spain arrested members of organized crime groups from Italy.");
    assert!(!pairs.iter().any(|(a, _)| a == "coordination"), "{pairs:?}");
}

/// Robberies, burglaries and blown-up cash machines are crimes, so the places where they were
/// committed are not where the police acted ("nach Überfällen in Deutschland, Frankreich und
/// der Schweiz"); "hier" points back to the place just named, like "dort".
#[test]
fn crime_scenes_and_here() {
    for text in [
        "Jetzt wurde die Bande in Straßburg festgenommen - nach Überfällen in Deutschland, \
         Frankreich und der Schweiz.",
        "The gang has now been arrested in Strasbourg after robberies in Germany, France and \
         Switzerland.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("arrest", "FR")]), "{text}");
    }
    assert_eq!(
        pairs_of(
            "In Kooperation mit den Behörden wurden parallel in Spanien sechs Objekte \
             durchsucht. Hier konnten drei Personen festgenommen werden."
        ),
        expect(&[("arrest", "ES"), ("raid", "ES")])
    );
}

/// A count split over places after the action: "two people were arrested in the Netherlands,
/// one in Luxembourg and one in Serbia", in every language, with the pronouns that are
/// articles elsewhere ("eine in Luxemburg", "une au Luxembourg", "una en … y otra en …").
#[test]
fn one_in_each_place() {
    let all = expect(&[("arrest", "LU"), ("arrest", "NL"), ("arrest", "RS")]);
    for text in [
        "Two people were arrested in the Netherlands, one in Luxembourg and another in Serbia.",
        "In Nederland zijn twee mensen gearresteerd, één in Luxemburg en één in Servië.",
        "In den Niederlanden wurden zwei Personen festgenommen, eine in Luxemburg und eine in \
         Serbien.",
        "Deux personnes ont été arrêtées aux Pays-Bas, une au Luxembourg et une en Serbie.",
        "Dos personas fueron detenidas en los Países Bajos, una en Luxemburgo y otra en Serbia.",
    ] {
        assert_eq!(pairs_of(text), all, "{text}");
    }
    // Near miss: an article before a noun counts nothing ("une enquête en Serbie").
    let pairs = pairs_of(
        "Deux personnes ont été arrêtées aux Pays-Bas, une enquête est ouverte en Serbie.",
    );
    assert!(
        !pairs.contains(&("arrest".to_string(), "RS".to_string())),
        "{pairs:?}"
    );
}

/// "Beslag leggen op": the "op" governs what was seized, not a place, so the seizure reaches
/// the place after its objects ("beslag gelegd op geld, computers en bankrekeningen in
/// Nederland en Spanje").
#[test]
fn dutch_seizure_on_objects() {
    assert_eq!(
        pairs_of(
            "Bij de actie werd beslag gelegd op geld, computers en bankrekeningen in Nederland \
             en Spanje, meldt de FIOD."
        ),
        expect(&[("seizure", "ES"), ("seizure", "NL")])
    );
}

/// "The Grand Duchy" alone is Luxembourg in Belgian and Luxembourg usage: "het Groothertogdom",
/// "das Großherzogtum", "el Gran Ducado" (French "le Grand-Duché" was already a name).
#[test]
fn the_grand_duchy_is_luxembourg() {
    for text in [
        "In Nederland zijn twee mensen gearresteerd en één in het Groothertogdom, meldt het parket.",
        "In den Niederlanden wurden zwei Personen festgenommen, eine weitere im Großherzogtum.",
        "Dos personas fueron detenidas en los Países Bajos y otra en el Gran Ducado, informó la \
         policía.",
    ] {
        assert_eq!(
            pairs_of(text),
            expect(&[("arrest", "LU"), ("arrest", "NL")]),
            "{text}"
        );
    }
}

/// The first word of a quoted sentence is no given name before a place: '"Ook Nederland is
/// betrokken bij het onderzoek"' keeps the Netherlands ('"Also Germany took part"').
#[test]
fn first_word_of_a_quote_is_no_name() {
    assert_eq!(
        pairs_of(
            "\"Ook Nederland is betrokken bij het onderzoek naar de bende\", zegt de \
             justitieredacteur van de krant."
        ),
        expect(&[("participation", "NL")])
    );
    assert_eq!(
        pairs_of(
            "\"Also Germany took part in the operation against the gang,\" a prosecutor said."
        ),
        expect(&[("participation", "DE")])
    );
    // Near miss: inside the sentence a title-case word before a place is a name's first part.
    let pairs =
        pairs_of("Officers led by Detective Chad Smith arrested two men in Lyon on Monday.");
    assert!(!pairs.iter().any(|(_, c)| c == "TD"), "{pairs:?}");
}

/// In German and Dutch the verbs closing the clause after the place are its actions even when
/// a "during" phrase with an action noun opens the clause ("Bij invallen zijn zes servers in
/// Nederland en Luxemburg ontmanteld en in beslag genomen"): both are placed there.
#[test]
fn verbs_closing_after_a_during_phrase() {
    let all = expect(&[
        ("raid", "LU"),
        ("raid", "NL"),
        ("seizure", "LU"),
        ("seizure", "NL"),
        ("takedown", "LU"),
        ("takedown", "NL"),
    ]);
    assert_eq!(
        pairs_of(
            "Bij invallen zijn zes servers in Nederland en Luxemburg ontmanteld en in beslag \
             genomen, meldt de dienst."
        ),
        all
    );
    assert_eq!(
        pairs_of(
            "Bei den Durchsuchungen wurden in Deutschland und Luxemburg sechs Server \
             beschlagnahmt, teilte die Polizei mit."
        ),
        expect(&[
            ("raid", "DE"),
            ("raid", "LU"),
            ("seizure", "DE"),
            ("seizure", "LU")
        ])
    );
    // Near miss: a verb far after the place, in another phrase, is not its action.
    let pairs = pairs_of(
        "Bei den Durchsuchungen in Deutschland und Luxemburg, die am Montag begannen, wurden \
         später sechs Server beschlagnahmt.",
    );
    assert!(
        pairs.contains(&("raid".to_string(), "DE".to_string())),
        "{pairs:?}"
    );
}

/// Quantities joined by "and" are the action's objects, and a thousands separator is no
/// punctuation: "incautaron 1.200 kilos de cocaína y 80 mil euros en los puertos de Valencia y
/// Barcelona", "stellte 1.200 Kilo Kokain in Valencia sicher".
#[test]
fn quantities_before_the_place() {
    for text in [
        "Police seized 1,200 kilos of cocaine and 80,000 euros in the ports of Valencia and \
         Barcelona.",
        "Las autoridades de Colombia y Ecuador incautaron 1.200 kilos de cocaína y 80 mil \
         euros en los puertos de Valencia y Barcelona.",
        "Die Polizei stellte am Montag 1.200 Kilo Kokain in den Häfen von Valencia und \
         Barcelona sicher.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("seizure".to_string(), "ES".to_string())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs.iter().any(|(a, c)| a == "seizure" && c != "ES"),
            "{text}: {pairs:?}"
        );
    }
}

/// A fronted place phrase in Spanish and French may take its verb with no comma ("En Madrid
/// fueron detenidas cinco personas y se incautaron …", "En la provincia ecuatoriana de Guayas
/// se decomisaron …"); "in a raid in X," frames the clause as "during" does; a place noun's
/// adjective may follow it before "de".
#[test]
fn fronted_places_in_spanish_and_french() {
    for (text, want) in [
        (
            "En Madrid fueron detenidas cinco personas y se incautaron tres kilos de cocaína, \
             informó la policía.",
            vec![("arrest", "ES"), ("seizure", "ES")],
        ),
        (
            "En la provincia ecuatoriana de Guayas se decomisaron 228 kilos de cocaína y se \
             capturaron a tres colombianos.",
            vec![("arrest", "EC"), ("seizure", "EC")],
        ),
        (
            "À Marseille ont été interpellées cinq personnes et saisis trois kilos de cocaïne, \
             selon le parquet.",
            vec![("arrest", "FR"), ("seizure", "FR")],
        ),
        (
            "En un allanamiento en Guayaquil, se decomisaron 228 kilos de cocaína y se \
             capturaron a tres colombianos.",
            vec![("arrest", "EC"), ("raid", "EC"), ("seizure", "EC")],
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&want), "{text}");
    }
    // Near miss: a place phrase that is not the clause's opening leaves the verb to its own.
    let pairs = pairs_of(
        "La policía informó de que en Madrid, según la prensa, se esperan más detenciones en \
         Portugal.",
    );
    assert!(!pairs.iter().any(|(a, _)| a == "arrest"), "{pairs:?}");
}

/// In German and Dutch the participle closing a place's clause says what the place is: where
/// goods were bought or sold ("das Kokain wurde in den Niederlanden und Belgien bezogen und an
/// Abnehmer in Deutschland verkauft") is background as "bought in", "sold in" are before it;
/// an adjective inside a list member keeps the list ("in Vorarlberg, der benachbarten Schweiz
/// und in der Steiermark").
#[test]
fn closing_participles_and_adjectives_in_lists() {
    assert_eq!(
        pairs_of(
            "Die Polizei in Österreich nahm zwölf Personen fest. Das Kokain wurde in den \
             Niederlanden und Belgien bezogen und an Abnehmer in Deutschland und der Schweiz \
             verkauft."
        ),
        expect(&[("arrest", "AT")])
    );
    assert_eq!(
        pairs_of(
            "De politie heeft in België drie verdachten aangehouden. De drugs werden volgens \
             de politie in Nederland gekocht."
        ),
        expect(&[("arrest", "BE")])
    );
    assert_eq!(
        pairs_of(
            "Am Dienstag wurden insgesamt 13 Hausdurchsuchungen in Vorarlberg, der benachbarten \
             Schweiz und in der Steiermark vollzogen."
        ),
        expect(&[("raid", "AT"), ("raid", "CH")])
    );
    // Near miss: the closing participle is the action itself.
    assert_eq!(
        pairs_of("Die Polizei hat in den Niederlanden und Belgien zwölf Personen festgenommen."),
        expect(&[("arrest", "BE"), ("arrest", "NL")])
    );
}

/// In a German or Dutch subordinate clause the verbs joined by "und"/"en" close it after the
/// place, and each happened there: "dass in vier deutschen Bundesländern … neun Häuser
/// durchsucht und eine Person festgenommen wurde".
#[test]
fn joined_verbs_closing_a_subordinate_clause() {
    assert_eq!(
        pairs_of(
            "Die Behörden teilten mit, dass in vier deutschen Bundesländern mithilfe von 122 \
             Beamten insgesamt neun Häuser durchsucht und eine Person festgenommen wurde."
        ),
        expect(&[("arrest", "DE"), ("raid", "DE")])
    );
    assert_eq!(
        pairs_of(
            "De politie meldt dat in drie Belgische gemeenten met hulp van honderd agenten \
             twaalf woningen doorzocht en vijf verdachten aangehouden zijn."
        ),
        expect(&[("arrest", "BE"), ("raid", "BE")])
    );
}

/// A generic agency name right before another country's agency is an apposition naming that
/// one ("die Bundespolizei Fedpol" is Switzerland's, not Germany's); a tip is help given ("dank
/// eines Hinweises der italienischen Behörden"); German and Dutch verbs of transport that close
/// the clause make the place a destination ("an Italien ausgeliefert").
#[test]
fn appositions_tips_and_extraditions() {
    let pairs = pairs_of(
        "Die Bundespolizei Fedpol hat am Donnerstag die Festnahme eines gesuchten Mannes in \
         der Schweiz bestätigt.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "DE"), "{pairs:?}");
    assert_eq!(
        pairs_of(
            "Die Schweizer Behörden haben einen 45-jährigen Straftäter festgenommen und an \
             Italien ausgeliefert."
        ),
        expect(&[("arrest", "CH")])
    );
    assert_eq!(
        pairs_of(
            "De politie meldt dat de verdachte man vorige week in Zwitserland is aangehouden en \
             inmiddels aan Italië is uitgeleverd."
        ),
        expect(&[("arrest", "CH")])
    );
    let pairs = pairs_of(
        "Der Mann wäre dank eines Hinweises der italienischen Behörden in der Schweiz gefasst \
         worden, teilte die Polizei mit.",
    );
    assert!(
        !pairs.contains(&("arrest".to_string(), "IT".to_string())),
        "{pairs:?}"
    );
    // Near miss: a place "in" before the closing verb is where it happened.
    assert_eq!(
        pairs_of("Die Drogen wurden in Deutschland sichergestellt und verschifft."),
        expect(&[("seizure", "DE")])
    );
}

/// A German unit ("Einheit") is an authority, in compounds too: "der serbischen
/// Bekämpfungseinheit gegen organisierte Kriminalität" took part; it is no nationality.
#[test]
fn german_units_are_authorities() {
    let pairs = pairs_of(
        "In enger Zusammenarbeit mit der serbischen Bekämpfungseinheit gegen organisierte \
         Kriminalität wurde ein Mann in Málaga festgenommen.",
    );
    assert!(
        pairs.contains(&("participation".to_string(), "RS".to_string())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("arrest".to_string(), "ES".to_string())),
        "{pairs:?}"
    );
    // Near miss: a Serbian suspect is a nationality.
    let pairs = pairs_of(
        "Die Polizei hat einen serbischen Verdächtigen in Fuengirola festgenommen, teilte \
         das Bundeskriminalamt mit.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "RS"), "{pairs:?}");
}

/// A country restating the city before it belongs to the city's phrase, and in German and
/// Dutch so does the comma that closes it: the verb after it is the city's ("in Málaga,
/// Spanien, festgenommen").
#[test]
fn a_restated_country_closes_the_city_phrase() {
    for text in [
        "In enger Zusammenarbeit mit den Behörden wurde ein Mann in Málaga, Spanien, \
         festgenommen.",
        "De politie heeft in samenwerking met de autoriteiten twee mannen in Málaga, Spanje, \
         aangehouden.",
        "In Málaga, Spain, police arrested two men on Monday, the ministry said.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("arrest", "ES")]), "{text}");
    }
}

/// An action carried over from the sentence before to countries named only as taking part is
/// the group's result: their taking part stays on the map beside it. A country with its own
/// action gets no participation event.
#[test]
fn a_result_carried_to_participants_keeps_their_participation() {
    let text = "La operación conjunta contó con la participación de agentes de veinte países, \
                incluyendo naciones como Albania, Moldavia y Serbia. Los resultados operativos \
                incluyen la incautación de 310 armas de fuego y una tonelada de drogas.";
    let pairs = pairs_of(text);
    for country in ["AL", "MD", "RS"] {
        assert!(
            pairs.contains(&("participation".to_string(), country.to_string())),
            "{country}: {pairs:?}"
        );
    }
    // Near miss: countries with an action of their own get none.
    let text = "Police searched homes in Albania and Serbia on Tuesday. These searches led to \
                the seizure of 310 firearms and a tonne of drugs.";
    let pairs = pairs_of(text);
    assert!(
        !pairs.iter().any(|(a, _)| a == "participation"),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("seizure".to_string(), "RS".to_string())),
        "{pairs:?}"
    );
}

/// A list after "between" names partners, as one after "with" does, not where something was
/// set up: "een taskforce opgericht tussen Nederland, Slowakije en België".
#[test]
fn a_list_after_between_names_partners() {
    let pairs = pairs_of(
        "Daarna is bij Europol een taskforce opgericht tussen Nederland, Slowakije, België en \
         Spanje om de handel in vuurwapens te bestrijden.",
    );
    for country in ["NL", "SK", "BE", "ES"] {
        assert!(
            pairs.contains(&("participation".to_string(), country.to_string())),
            "{country}: {pairs:?}"
        );
    }
    // Near misses: where a company was set up, and where a gang worked, are background.
    let pairs = pairs_of(
        "Het bedrijf dat de wapens verkocht, werd in 2015 opgericht in Cyprus, meldt de politie \
         in een verklaring.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "CY"), "{pairs:?}");
    let pairs = pairs_of(
        "Agents targeted a smuggling organization operating between Mexico, Colombia and Europe \
         that laundered millions of dollars, officials said.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "MX"), "{pairs:?}");
}

/// An authority's adjective may stand between it and the "of" naming its place: "coordinada
/// por la Justicia Federal de Buenos Aires" is coordination in Argentina.
#[test]
fn an_authoritys_adjective_may_follow_it() {
    let pairs = pairs_of(
        "La investigación fue coordinada por la Justicia Federal de Buenos Aires, informó el \
         ministerio el martes pasado en un comunicado.",
    );
    assert_eq!(pairs, expect(&[("coordination", "AR")]));
    // Near miss: a place the agent is not of stays a mention.
    let pairs = pairs_of(
        "La investigación fue coordinada por la Justicia Federal, que viajó a Buenos Aires, \
         informó el ministerio el martes pasado en un comunicado.",
    );
    assert!(
        !pairs.contains(&("coordination".into(), "AR".into())),
        "{pairs:?}"
    );
}

/// A hearsay modal with a perfect infinitive reports a past action, not a hypothetical one:
/// "In Duitsland zouden honderd huizen zijn doorzocht", "In Spanien sollen drei Männer
/// festgenommen worden sein".
#[test]
fn a_reported_past_action_is_no_hypothetical() {
    for (text, want) in [
        (
            "In onder meer Zweden en Nederland zouden huiszoekingen zijn gedaan in het kader van \
             een internationale actie, meldt de krant.",
            vec![("raid", "NL"), ("raid", "SE")],
        ),
        (
            "In Spanien sollen drei Männer festgenommen worden sein, berichtet die Zeitung am \
             Dienstag unter Berufung auf die Polizei.",
            vec![("arrest", "ES")],
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&want), "{text}");
    }
    // Near misses: what would happen, or is to happen, is still hypothetical.
    for text in [
        "De verdachte zou in Duitsland worden aangehouden als hij de grens oversteekt, zegt de \
         politie in een verklaring.",
        "In Spanien sollen nächste Woche Wohnungen durchsucht werden, berichtet die Zeitung am \
         Dienstag unter Berufung auf die Polizei.",
    ] {
        assert!(pairs_of(text).is_empty(), "{text}");
    }
}

/// A sentence that opens with its place frames the sentence after it in the same paragraph:
/// that sentence's actions, with no place of their own, happened there.
#[test]
fn a_fronted_place_frames_the_next_sentence() {
    for text in [
        "In Nederland zijn dertien verdachten geïdentificeerd, maar er is nog niemand \
         aangehouden. Bij vijf van hen is huiszoeking gedaan, waarbij gegevensdragers in beslag \
         zijn genomen.",
        "In the Netherlands, police identified thirteen suspects on Tuesday. Five homes were \
         searched and computers were seized.",
    ] {
        let pairs = pairs_of(text);
        for action in ["raid", "seizure"] {
            assert!(
                pairs.contains(&(action.to_string(), "NL".to_string())),
                "{action}: {text}: {pairs:?}"
            );
        }
    }
    // Near misses: a place inside the sentence frames nothing after it, and a new paragraph
    // leaves the frame.
    for text in [
        "Police identified thirteen suspects in the Netherlands on Tuesday. Five homes were \
         searched and computers were seized.",
        "In the Netherlands, police identified thirteen suspects on Tuesday.\n\nFive homes were \
         searched and computers were seized.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(a, _)| a == "raid" || a == "seizure"),
            "{text}: {pairs:?}"
        );
    }
}

/// Belgian Dutch arrest verbs: "gevat", "geklist", "ingerekend".
#[test]
fn belgian_dutch_arrest_verbs() {
    let pairs = pairs_of(
        "Van de twintig arrestaties werden er dertien gevat in België, zeven in Nederland, meldt \
         het parket in een persbericht.",
    );
    assert_eq!(pairs, expect(&[("arrest", "BE"), ("arrest", "NL")]));
    let pairs = pairs_of(
        "De politie heeft dinsdag in Antwerpen drie verdachten geklist en in Gent werden twee \
         mannen ingerekend.",
    );
    assert_eq!(pairs, expect(&[("arrest", "BE")]));
    // "Oppakken" in its infinitive and split forms.
    let pairs = pairs_of(
        "Bij die huiszoekingen kon de politie 12 personen oppakken in België en twee in \
         Nederland, meldt het parket.",
    );
    assert!(pairs.contains(&("arrest".into(), "NL".into())), "{pairs:?}");
    let pairs = pairs_of(
        "De politie pakte dinsdag in Antwerpen drie verdachten op, meldt het parket in een \
         persbericht.",
    );
    assert_eq!(pairs, expect(&[("arrest", "BE")]));
}

/// A place noun of the language before "of" makes the next name a place: "la isla de Ibiza",
/// "the island of Ibiza"; so a distributive count reaches through it ("uno en la isla de
/// Ibiza y otro en la ciudad de Barcelona").
#[test]
fn a_place_noun_before_of_makes_a_place_in_each_language() {
    for (text, want) in [
        (
            "La policía realizó dos registros domiciliarios, uno en la isla de Ibiza y otro en \
             la ciudad de Oporto, según informó el ministerio.",
            vec![("raid", "ES"), ("raid", "PT")],
        ),
        (
            "Police searched two homes on the island of Ibiza on Tuesday, the ministry said.",
            vec![("raid", "ES")],
        ),
    ] {
        assert_eq!(pairs_of(text), expect(&want), "{text}");
    }
    // Near miss: a region's noun gives a short alternate name no place ("Sol" is Seoul's).
    let pairs = pairs_of(
        "El equipo asumió la investigación en España y centró sus esfuerzos en localizar la \
         infraestructura que la organización pudiese tener en la Costa del Sol.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "KR"), "{pairs:?}");
}

/// An agency named as part of another ("el Servicio de Vigilancia Aduanera de la Agencia
/// Tributaria") is one member of the list it stands in: the cue governing the list reaches the
/// members after it.
#[test]
fn an_agency_part_of_another_is_one_list_member() {
    let pairs = pairs_of(
        "En una operación internacional coordinada por la Policía Nacional, el Servicio de \
         Vigilancia Aduanera de la Agencia Tributaria, la DEA y la Policía Federal de Brasil, se \
         ha logrado interceptar un pesquero.",
    );
    for country in ["ES", "US", "BR"] {
        assert!(
            pairs.contains(&("coordination".to_string(), country.to_string())),
            "{country}: {pairs:?}"
        );
    }
}

/// A participle after "the" names people or things and states no action of its clause, and
/// goods "of" a place come from it where "of" is also "from": "Los arrestados traían la droga
/// de Marruecos" names no arrest, and no place of action, in Morocco.
#[test]
fn those_arrested_and_goods_of_a_place_are_no_action_there() {
    let pairs = pairs_of(
        "Los arrestados traían la droga de Marruecos, la almacenaban en un garaje y la \
         vendían en Francia, según la Guardia Civil.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "MA"), "{pairs:?}");
    // Near misses: the people arrested at a place were arrested there, and English "of"
    // after goods is no origin.
    let pairs = pairs_of(
        "Los detenidos en Madrid serán puestos a disposición judicial, según informó la \
         Guardia Civil el martes.",
    );
    assert!(pairs.contains(&("arrest".into(), "ES".into())), "{pairs:?}");
    let pairs = pairs_of("Police seized two tonnes of drugs of Peru, officials said on Tuesday.");
    assert!(pairs.iter().any(|(_, c)| c == "PE"), "{pairs:?}");
}

/// Towns of 1,000 people or more are read in Dutch, French and Spanish articles, after a place
/// preposition, in a country of the language's press or one the article names.
#[test]
fn towns_are_read_in_dutch_french_and_spanish() {
    for (text, want) in [
        (
            "De twee Nederlanders werden dinsdag opgepakt in Limbricht en Echt, meldt het parket \
             in Tongeren.",
            vec![("arrest", "NL")],
        ),
        (
            "La policía realizó registros en La Quiaca y detuvo a tres personas, informó el \
             ministerio el martes.",
            vec![("raid", "AR")],
        ),
    ] {
        let pairs = pairs_of(text);
        for (action, country) in want {
            assert!(
                pairs.contains(&(action.to_string(), country.to_string())),
                "{action} {country}: {text}: {pairs:?}"
            );
        }
    }
    // Near misses: not in English, not in German (every noun is capitalised), not without a
    // preposition, and a continent's name in another language is no town ("América Latina").
    for (text, country) in [
        (
            "Police arrested two Dutch men in Limbricht on Tuesday, prosecutors said.",
            "NL",
        ),
        (
            "Die Polizei fand die Männer am Dienstag im Wald bei einem Treffen, teilte die \
             Staatsanwaltschaft mit.",
            "AT",
        ),
        (
            "Una operación coordinada por INTERPOL en América Latina, el Caribe y Europa dio \
             lugar a 85 detenciones.",
            "AR",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(_, c)| c == country),
            "{text}: {pairs:?}"
        );
    }
}

/// Judges are authorities, and a count may stand before the authority an agent's "from" or "of"
/// follows: "geleid door twee onderzoeksrechters uit Doornik" is coordination in Belgium.
#[test]
fn judges_from_a_place_lead_there() {
    for text in [
        "Het onderzoek wordt geleid door twee onderzoeksrechters uit Doornik, meldt het federaal \
         parket in een persbericht.",
        "The investigation was led by two prosecutors from Tournai, the federal prosecutor said in \
         a statement on Tuesday.",
    ] {
        assert_eq!(pairs_of(text), expect(&[("coordination", "BE")]), "{text}");
    }
    // Near miss: a count of suspects from a place is their origin.
    let pairs = pairs_of(
        "The investigation was led by Europol and targeted two suspects from Tournai, the federal \
         prosecutor said.",
    );
    assert!(
        !pairs.contains(&("coordination".into(), "BE".into())),
        "{pairs:?}"
    );
}

/// An action told before and explained by what led to it is not at the places of that
/// explanation: "De aanhoudingen zijn het gevolg van een gezamenlijke aanpak van de Nederlandse
/// en Duitse autoriteiten" (they took part).
#[test]
fn an_explained_action_is_not_at_its_explanations_places() {
    let pairs = pairs_of(
        "De aanhoudingen zijn het gevolg van een gezamenlijke aanpak van de Nederlandse en \
         Duitse autoriteiten, meldt de politie.",
    );
    assert_eq!(
        pairs,
        expect(&[("participation", "DE"), ("participation", "NL")])
    );
    // Near miss: arrests stated at their place stay arrests.
    let pairs = pairs_of(
        "De aanhoudingen in Duitsland zijn het gevolg van een gezamenlijke aanpak, meldt de \
         politie.",
    );
    assert!(pairs.contains(&("arrest".into(), "DE".into())), "{pairs:?}");
}

/// "Of them" may follow a distributive count, and the count opens the places' phrase: the
/// suspicion words before it qualify the action's object, not the places ("detuvo a 13
/// presuntos integrantes de la organización, cuatro de ellos en Bulgaria y nueve en España").
#[test]
fn a_count_of_them_distributes_over_places() {
    for text in [
        "La policía detuvo a 13 presuntos integrantes de la organización, cuatro de ellos en \
         Bulgaria y nueve en España, según la Guardia Civil.",
        "Er werden dertien verdachten aangehouden, vier van hen in Bulgarije en negen in Spanje, \
         meldt de politie.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), "BG".into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: where the suspects allegedly committed their crimes is a crime scene.
    let pairs = pairs_of(
        "La policía detuvo en Madrid a 13 presuntos integrantes de la organización que \
         presuntamente robaron en Bulgaria, según la Guardia Civil.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "BG"), "{pairs:?}");
}

/// The state that asks for a suspect's extradition is where he is wanted, in every language
/// ("Belgium had requested his extradition"); where he was caught stays, however near the
/// request ("fue detenida en México en virtud de una solicitud de extradición de …").
#[test]
fn an_extradition_request_is_wanted_by() {
    for text in [
        "Belgium had requested his extradition; he was arrested in France last week by the \
         national police.",
        "The man, whose extradition Italy is seeking, was detained in Spain on Monday by \
         officers of the Guardia Civil.",
        "Italia había solicitado su extradición; el hombre fue detenido el lunes en España por \
         la Policía Nacional.",
        "Italien hatte seine Auslieferung beantragt; der Mann wurde am Montag in Spanien von \
         der Polizei festgenommen.",
        "L'Italie avait demandé son extradition ; l'homme a été arrêté lundi en Espagne par la \
         police nationale.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(_, c)| c == "IT" || c == "BE"),
            "{text}: {pairs:?}"
        );
        assert!(
            pairs.iter().any(|(a, _)| a == "arrest"),
            "{text}: {pairs:?}"
        );
    }
    let pairs = pairs_of(
        "En marzo, la mujer fue detenida en México en virtud de una solicitud de extradición de \
         Estados Unidos, informó la Fiscalía.",
    );
    assert!(pairs.contains(&("arrest".into(), "MX".into())), "{pairs:?}");
    // Near miss: a request that asks for no extradition leaves its requester a participant.
    let pairs = pairs_of(
        "The suspect was arrested in Spain at the request of Italy on Tuesday, the police said \
         in a statement.",
    );
    assert!(pairs.iter().any(|(_, c)| c == "IT"), "{pairs:?}");
}

/// German and Dutch put the verb of residence after the place: "die in Österreich lebenden
/// Verdächtigen", "een Marokkaan die in België woont" say where the suspects live.
#[test]
fn residence_after_its_place() {
    for text in [
        "Die in Österreich lebenden Verdächtigen wurden am Dienstag in Bayern von der Polizei \
         festgenommen.",
        "De verdachte, een man die in Oostenrijk woont, werd dinsdag door de politie in \
         Amsterdam aangehouden.",
    ] {
        let pairs = pairs_of(text);
        assert!(!pairs.iter().any(|(_, c)| c == "AT"), "{text}: {pairs:?}");
        assert!(
            pairs.iter().any(|(a, _)| a == "arrest"),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: a relative clause of residence after the action's own place.
    let pairs = pairs_of(
        "De politie heeft in België en Nederland negen verdachten aangehouden die in Antwerpen \
         woonden.",
    );
    assert!(pairs.contains(&("arrest".into(), "NL".into())), "{pairs:?}");
}

/// A reflexive clitic may stand between "y" and a verb that shares the subject ("registraron
/// tres naves en Algeciras y se incautaron de 2.000 kilos"); "none of" negates in English.
#[test]
fn clitic_before_a_shared_verb_and_none_negates() {
    let pairs = pairs_of(
        "Agentes de la Guardia Civil registraron tres naves en Algeciras y se incautaron de \
         2.000 kilos de hachís procedentes de Marruecos.",
    );
    assert_eq!(pairs, expect(&[("raid", "ES"), ("seizure", "ES")]));
    let pairs = pairs_of(
        "None of the servers in Iceland were seized during the operation, the police said on \
         Tuesday.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
    // Near miss: "no" before the noun of another clause leaves the seizure.
    let pairs = pairs_of(
        "Servers in Iceland were seized during the operation, and no arrests were made, the \
         police said on Tuesday.",
    );
    assert!(
        pairs.contains(&("seizure".into(), "IS".into())),
        "{pairs:?}"
    );
}

/// What a reporting verb says starts after it: a verb cue before it ("which led the
/// investigation") does not make the further arrests it reports done.
#[test]
fn further_actions_reported_after_a_verb_cue() {
    for text in [
        "The FBI, which led the investigation, said further arrests were expected in Brazil.",
        "Die Polizei, die die Ermittlungen geführt hat, teilte mit, dass weitere Festnahmen in \
         Polen erwartet werden.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(_, c)| c == "BR" || c == "PL"),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: arrests reported as made.
    let pairs = pairs_of(
        "The FBI, which led the investigation, said five arrests were made in Brazil on Tuesday.",
    );
    assert!(pairs.contains(&("arrest".into(), "BR".into())), "{pairs:?}");
}

/// The source of a statement that tells of no action is background (affiliation): "Según la
/// Policía Nacional, la droga procedía de Colombia"; a source in a sentence that tells of an
/// action stays ("Volgens de Spaanse politie werden in Marbella vier woningen doorzocht").
#[test]
fn the_source_of_a_statement_without_action() {
    for text in [
        "Según la Policía Nacional, la droga procedía de Colombia y tenía como destino Italia.",
        "According to Europol, the network had laundered millions of euros through shell \
         companies over several years.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(_, c)| c == "ES" || c == "NL"),
            "{text}: {pairs:?}"
        );
    }
    let pairs = pairs_of("Volgens de Spaanse politie werden in Marbella vier woningen doorzocht.");
    assert_eq!(pairs, expect(&[("raid", "ES")]));
}

/// Where a vehicle is registered is not where it was searched or seized, whatever was done to
/// it ("dans un camion immatriculé en Pologne", "en un camión con matrícula de Polonia", "in
/// einem in Polen zugelassenen Lastwagen"); a place after a comma starts another phrase.
#[test]
fn a_vehicles_registration_is_background() {
    for text in [
        "Les douaniers ont saisi 2 tonnes de tabac dans un camion immatriculé en Pologne.",
        "Los agentes intervinieron 2 toneladas de tabaco en un camión con matrícula de Polonia.",
        "Der Zoll stellte 2 Tonnen Tabak in einem in Polen zugelassenen Lastwagen sicher, \
         teilte das Hauptzollamt mit.",
    ] {
        let pairs = pairs_of(text);
        assert!(!pairs.iter().any(|(_, c)| c == "PL"), "{text}: {pairs:?}");
    }
    let pairs = pairs_of(
        "Les douaniers ont saisi 2 tonnes de tabac dans un camion immatriculé en Pologne, à Lille.",
    );
    assert_eq!(pairs, expect(&[("seizure", "FR")]));
}

/// A demonym right after an authority noun names that authority's country, even where a
/// list joins it to a place before ("arrestaron a tres sospechosos en Nápoles y la
/// Gendarmería francesa a dos más en Niza").
#[test]
fn a_demonym_after_its_authority_inside_a_list() {
    let pairs = pairs_of(
        "Los Carabinieri arrestaron a tres sospechosos en Nápoles y la Gendarmería francesa a \
         dos más en Niza.",
    );
    assert_eq!(pairs, expect(&[("arrest", "FR"), ("arrest", "IT")]));
    // Near miss: a demonym after a person noun is a nationality.
    let pairs = pairs_of(
        "Los Carabinieri arrestaron a tres sospechosos en Nápoles y a un ciudadano francés \
         buscado por estafa.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "FR"), "{pairs:?}");
}

/// A destination followed by a "where" clause that tells of an action is where it happened,
/// in every language ("fled to Spain, where they were arrested").
#[test]
fn a_destination_where_an_action_happened() {
    for (text, country) in [
        (
            "The two men travelled to Ghana, where they were arrested by local police on Friday.",
            "GH",
        ),
        (
            "Los sospechosos huyeron a Portugal, donde fueron detenidos el martes por la policía.",
            "PT",
        ),
        (
            "Die Verdächtigen flohen nach Spanien, wo sie am Dienstag festgenommen wurden.",
            "ES",
        ),
        (
            "De verdachten vluchtten naar Spanje, waar ze dinsdag werden aangehouden.",
            "ES",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), country.into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: a destination whose "where" clause tells of no action stays a route.
    let pairs = pairs_of(
        "The cocaine was shipped to Italy, where the gang sold it to dealers, and seized in \
         Rotterdam by Dutch customs.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "IT"), "{pairs:?}");
}

/// An action done "there" happened at the last place the sentence named before it, even a
/// destination or a place after a crime word ("fled to Spain after the robbery and were
/// arrested there", "… und wurden dort am Dienstag festgenommen"); not a negated one.
#[test]
fn an_action_done_there() {
    for (text, country) in [
        (
            "The suspects fled to Spain after the robbery and were arrested there on Tuesday.",
            "ES",
        ),
        (
            "Die Verdächtigen flohen nach der Tat nach Spanien und wurden dort am Dienstag \
             festgenommen.",
            "ES",
        ),
        (
            "Los sospechosos huyeron a Portugal tras el robo y fueron detenidos allí el martes.",
            "PT",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), country.into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: no arrests were made there.
    let pairs =
        pairs_of("The cocaine was shipped from Colombia to Spain, but no arrests were made there.");
    assert!(pairs.is_empty(), "{pairs:?}");
}

/// Examples after a noun of places stand where the noun stands: "en países como A y B" is
/// governed by "en", so the action of the clause reaches them ("countries such as", "pays
/// comme", "landen als").
#[test]
fn places_given_as_examples_of_a_noun() {
    for text in [
        "Tras la alerta, se procedió a la detención de otras 13 personas en países como \
         Honduras, Costa Rica y Bulgaria.",
        "Après l'alerte, 13 autres personnes ont été interpellées dans des pays comme le \
         Honduras, le Costa Rica et la Bulgarie.",
        "Daarna werden nog dertien verdachten aangehouden in landen als Honduras, Costa Rica en \
         Bulgarije.",
    ] {
        let pairs = pairs_of(text);
        for country in ["HN", "CR", "BG"] {
            assert!(
                pairs.contains(&("arrest".into(), country.into())),
                "{text}: {pairs:?}"
            );
        }
    }
    // Near miss: countries where the drug was sold stay where crimes were done.
    let pairs = pairs_of(
        "La droga se vendía en países como Italia y Francia. La Policía Nacional detuvo a diez \
         personas en Madrid.",
    );
    assert!(
        !pairs.iter().any(|(_, c)| c == "IT" || c == "FR"),
        "{pairs:?}"
    );
}

/// Short "label: value" rows are sentences of their own, and a place with a counted action
/// after its colon is where that action happened, not a dateline.
#[test]
fn rows_that_count_actions_per_country() {
    let pairs = pairs_of(
        "Übersicht der Verhaftungen:\n\nLitauen: 7 Festnahmen\nLettland: 5 Festnahmen\n\
         Vereinigte Staaten: 1 Festnahme\n",
    );
    for country in ["LT", "LV", "US"] {
        assert!(
            pairs.contains(&("arrest".into(), country.into())),
            "{pairs:?}"
        );
    }
    // Near miss: a dateline with a date stays a dateline.
    let pairs = pairs_of("MADRID: 7 March 2024\n\nPolice arrested ten people in France.");
    assert_eq!(pairs, [("arrest".to_string(), "FR".to_string())]);
}

/// German tells a direction by its case: a country after "in die" or "ins" (accusative) is
/// where something went ("eine Schleusung von Ungarn über Österreich in die Schweiz"), after
/// "in der" (dative) where it happened.
#[test]
fn german_accusative_in_is_a_direction() {
    let pairs = pairs_of(
        "Die Schlepper organisierten eine Schleusung von Ungarn über Österreich in die Schweiz \
         und wurden von der Polizei in Wien festgenommen.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "CH"), "{pairs:?}");
    // Near misses: the dative, and an arrest whose verb closes the phrase ("arrested on
    // entering Switzerland").
    for text in [
        "In der Schweiz wurden sechs mutmassliche Mitglieder der Bande festgenommen.",
        "Die zwei Männer konnten schliesslich kurz nach ihrer Einreise in die Schweiz verhaftet \
         werden.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), "CH".into())),
            "{text}: {pairs:?}"
        );
    }
}

/// Dutch "doen" is a light verb: "deed invallen" is a raid by its subject, as "voerde
/// invallen uit" is.
#[test]
fn dutch_doen_is_a_light_verb() {
    let pairs =
        pairs_of("De Poolse politie deed invallen op een dozijn adressen in het hele land.");
    assert!(pairs.contains(&("raid".into(), "PL".into())), "{pairs:?}");
    // Near miss: "doet onderzoek" is no action of the lexicon's.
    let pairs = pairs_of("De Spaanse politie doet onderzoek naar de bende uit Marokko.");
    assert!(!pairs.iter().any(|(a, _)| a == "raid"), "{pairs:?}");
}

/// A French or Spanish relative pronoun after a preposition opens a clause of its own: "à
/// laquelle ont collaboré …", "en la que participaron …" take part in the operation, they
/// did not make the arrest told before them.
#[test]
fn a_relative_clause_after_a_preposition_has_its_own_cues() {
    for text in [
        "Leur arrestation a été réalisée dans le cadre d'une opération coordonnée par Europol, \
         à laquelle ont collaboré la police allemande et les Carabiniers italiens.",
        "La detención se enmarca en una operación coordinada por Europol, en la que \
         participaron la policía alemana y los Carabinieri italianos.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(a, _)| a == "arrest"),
            "{text}: {pairs:?}"
        );
        assert!(
            pairs.contains(&("participation".into(), "DE".into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: an arrest told inside the relative clause stays an arrest.
    let pairs = pairs_of(
        "La operación, en la cual fueron detenidas diez personas en Francia, duró dos años.",
    );
    assert!(pairs.contains(&("arrest".into(), "FR".into())), "{pairs:?}");
}

/// "Dat gebeurde in …", "This happened in …": a sentence that opens with a pronoun for an
/// event and a verb of happening tells where the specific actions of the sentence before
/// happened.
#[test]
fn an_event_pronoun_and_a_verb_of_happening() {
    for (text, action) in [
        (
            "Elf verdachten zijn opgepakt. Dat gebeurde vorige week woensdag in Spanje en \
             Denemarken.",
            "arrest",
        ),
        (
            "Eleven people were arrested and twenty homes searched. This happened on Tuesday \
             in Spain and Denmark.",
            "raid",
        ),
        (
            "Elf Verdächtige wurden festgenommen. Dies geschah am Dienstag in Spanien und \
             Dänemark.",
            "arrest",
        ),
        (
            "Onze suspects ont été interpellés. Cela s'est passé mardi en Espagne et au Danemark.",
            "arrest",
        ),
        (
            "Once sospechosos fueron detenidos. Esto ocurrió el martes en España y Dinamarca.",
            "arrest",
        ),
    ] {
        let pairs = pairs_of(text);
        for country in ["ES", "DK"] {
            assert!(
                pairs.contains(&(action.into(), country.into())),
                "{text}: {pairs:?}"
            );
        }
    }
    // Near misses: a determiner, not a pronoun ("This action took place in …" names where the
    // operation was, not each action), and a negated action.
    let pairs = pairs_of(
        "Police carried out more than 200 searches. This action took place in Spain and Denmark.",
    );
    assert!(!pairs.iter().any(|(a, _)| a == "raid"), "{pairs:?}");
    let pairs = pairs_of("No arrests were made. This happened in Spain and Denmark.");
    assert!(!pairs.iter().any(|(a, _)| a == "arrest"), "{pairs:?}");
}

/// A second fronted place after a comma opens a clause of its own: the first place does not
/// take the second one's action ("In Nederland zijn drie servers overgenomen, in België zijn
/// twee mensen gearresteerd").
#[test]
fn a_second_fronted_place_opens_its_own_clause() {
    for (text, first, second) in [
        (
            "En Francia se incautaron tres coches, en España fueron detenidas dos personas.",
            "FR",
            "ES",
        ),
        (
            "In Nederland werden drie woningen doorzocht, in België zijn twee mensen \
             gearresteerd.",
            "NL",
            "BE",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), second.into())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs.contains(&("arrest".into(), first.into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: without a second place the fronted place takes every action after it.
    let pairs = pairs_of("En Francia se incautaron tres coches y fueron detenidas dos personas.");
    assert!(pairs.contains(&("arrest".into(), "FR".into())), "{pairs:?}");
}

/// An agency qualified by another country's demonym after it (in a language that puts
/// adjectives after their noun) is that country's, and so is its shorter name later: "la
/// Gendarmería Nacional francesa" is France's, not Argentina's.
#[test]
fn an_agency_qualified_by_a_demonym_after_it() {
    let pairs = pairs_of(
        "La Gendarmería Nacional francesa detuvo a tres personas en Niza. La Gendarmería \
         Nacional inició la investigación en enero.",
    );
    assert!(pairs.contains(&("arrest".into(), "FR".into())), "{pairs:?}");
    assert!(!pairs.iter().any(|(_, c)| c == "AR"), "{pairs:?}");
    // Near miss: unqualified, it is Argentina's.
    let pairs = pairs_of(
        "La Gendarmería Nacional detuvo a tres personas en la provincia de Salta, según \
         informaron las autoridades.",
    );
    assert!(pairs.contains(&("arrest".into(), "AR".into())), "{pairs:?}");
}

/// The agent of "organised by" may be a unit of an agency, after an article: "georganiseerd
/// door een dienst van de Landelijke Eenheid" is coordinated by the Dutch police.
#[test]
fn an_agent_named_as_a_unit_of_an_agency() {
    let pairs = pairs_of(
        "Er deden dertien landen mee aan de acties tegen mobiel banditisme, die was \
         georganiseerd door een dienst van de Landelijke Eenheid.",
    );
    assert!(
        pairs.contains(&("coordination".into(), "NL".into())),
        "{pairs:?}"
    );
    // Near miss: a unit named without "door" organised nothing.
    let pairs = pairs_of(
        "Een dienst van de Landelijke Eenheid deelde informatie met de politie in België en \
         Duitsland over de verdachten.",
    );
    assert!(!pairs.iter().any(|(a, _)| a == "coordination"), "{pairs:?}");
}

/// A country in parentheses right after its city only qualifies it and shares its fate: "El
/// cargamento procedía de Santa Marta (Colombia)" is an origin, Colombia with it.
#[test]
fn a_country_in_parentheses_after_its_city() {
    let pairs = pairs_of(
        "El cargamento de cocaína procedía de Santa Marta (Colombia) y fue intervenido por la \
         Guardia Civil en el puerto de Algeciras.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "CO"), "{pairs:?}");
    // Near miss: the city acted in keeps its action, the country adds nothing of its own.
    let pairs = pairs_of("Police arrested two men in Santa Marta (Colombia) on Tuesday morning.");
    assert_eq!(pairs, [("arrest".to_string(), "CO".to_string())]);
}

/// The country on the other side of a border only says where the border runs: a reference
/// point ("near the border with Brazil", "cerca de la frontera de Paraguay con Brasil y
/// Argentina", "an der Grenze zu Polen").
#[test]
fn the_other_side_of_a_border() {
    for (text, other) in [
        (
            "La organización tenía su centro en Ciudad del Este, cerca de la frontera de \
             Paraguay con Brasil y Argentina, según la policía.",
            "BR",
        ),
        (
            "Die Bundespolizei nahm den gesuchten Mann am Dienstag an der Grenze zu Polen fest.",
            "PL",
        ),
        (
            "Officers arrested the suspect on Tuesday near the border with Brazil.",
            "BR",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(!pairs.iter().any(|(_, c)| c == other), "{text}: {pairs:?}");
    }
    // Near miss: a country after "with" and no border is a partner.
    let pairs = pairs_of("The Spanish police worked with Brazil and Argentina to arrest the gang.");
    assert!(pairs.iter().any(|(_, c)| c == "BR"), "{pairs:?}");
}

/// Who issued a warrant wants the suspect: background `wanted-by`, not where he was caught.
#[test]
fn the_issuer_of_a_warrant() {
    for text in [
        "Gegen den Mann lag ein internationaler Haftbefehl der türkischen Justiz vor, er wurde \
         in Bremen festgenommen.",
        "L'homme faisait l'objet d'un mandat d'arrêt des autorités turques et a été interpellé \
         à Brême.",
        "El hombre tenía una orden de detención de las autoridades turcas y fue detenido en \
         Bremen.",
    ] {
        let pairs = pairs_of(text);
        assert!(!pairs.iter().any(|(_, c)| c == "TR"), "{text}: {pairs:?}");
        assert!(
            pairs.contains(&("arrest".into(), "DE".into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: warrants executed by an authority are its raid.
    let pairs =
        pairs_of("Search warrants were executed by the Dutch police in Rotterdam on Monday.");
    assert!(pairs.contains(&("raid".into(), "NL".into())), "{pairs:?}");
}

/// A demonym before a noun of a landscape names a place in that country, not a nationality:
/// "an der französischen Riviera", "in the Italian Alps" (as "in the French capital").
#[test]
fn a_demonym_before_a_landscape() {
    for (text, country) in [
        ("An der französischen Riviera wurden Luxusgüter im Wert von fünf Millionen Euro sichergestellt.", "FR"),
        ("Police seized a chalet in the Italian Alps and froze bank accounts on Tuesday.", "IT"),
    ] {
        let pairs = pairs_of(text);
        assert!(pairs.contains(&("seizure".into(), country.into())), "{text}: {pairs:?}");
    }
    // Near miss: a demonym before a person is a nationality.
    let pairs =
        pairs_of("Police seized a chalet in Zermatt owned by an Italian businessman on Tuesday.");
    assert!(!pairs.iter().any(|(_, c)| c == "IT"), "{pairs:?}");
}

/// A town's country may follow it after "in" or in parentheses as well as after a comma: the
/// town is read in that country ("à Saintes, en Belgique" is the Belgian Saintes, not the
/// larger French one).
#[test]
fn a_towns_country_after_in_or_in_parentheses() {
    for text in [
        "La douane a démantelé une fabrique illégale de cigarettes à Saintes, en Belgique, \
         selon le parquet.",
        "La douane a démantelé une fabrique illégale de cigarettes à Saintes (Belgique) mardi \
         dernier.",
    ] {
        let pairs = pairs_of(text);
        assert!(!pairs.iter().any(|(_, c)| c == "FR"), "{text}: {pairs:?}");
        assert!(
            pairs.contains(&("takedown".into(), "BE".into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: with no country after it, the larger Saintes (France) is read.
    let pairs = pairs_of(
        "La douane a démantelé une fabrique illégale de cigarettes à Saintes mardi dernier, \
         selon le parquet.",
    );
    assert!(
        pairs.contains(&("takedown".into(), "FR".into())),
        "{pairs:?}"
    );
}

/// Gapping: a seizure or search said once for several conjuncts, each a counted object and
/// its place ("la saisie d'1,6 tonne de cocaïne au Cap Vert, de 10 tonnes d'amphétamines au
/// Burkina Faso").
#[test]
fn a_cue_said_once_for_counted_objects_and_their_places() {
    for text in [
        "L'opération a permis la saisie d'1,6 tonne de cocaïne au Cap Vert, de 10 tonnes \
         d'amphétamines au Burkina Faso et de nombreux médicaments.",
        "La operación permitió la incautación de 1,6 toneladas de cocaína en Cabo Verde, de 10 \
         toneladas de anfetaminas en Burkina Faso y de armas.",
        "The operation led to the seizure of 1.6 tonnes of cocaine in Cape Verde, 10 tonnes of \
         amphetamines in Burkina Faso and many counterfeit medicines.",
    ] {
        let pairs = pairs_of(text);
        for country in ["CV", "BF"] {
            assert!(
                pairs.contains(&("seizure".into(), country.into())),
                "{text}: {pairs:?}"
            );
        }
    }
    // Near miss: counted people who do something else are no object of the seizure.
    let pairs = pairs_of(
        "Police seized 2 tonnes of cocaine in Spain, 300 members of the gang live in France.",
    );
    assert!(
        !pairs.contains(&("seizure".into(), "FR".into())),
        "{pairs:?}"
    );
}

/// German and Dutch put a takedown's participle last, further from its object: "Die Server
/// … wurden von deutschen Behörden geschlossen" is a takedown (the object stands up to ten
/// words before the verb).
#[test]
fn a_closing_participle_far_from_its_object() {
    let pairs = pairs_of(
        "Die Server der Plattform waren Anfang März von deutschen und niederländischen Behörden \
         geschlossen worden.",
    );
    for country in ["DE", "NL"] {
        assert!(
            pairs.contains(&("takedown".into(), country.into())),
            "{pairs:?}"
        );
    }
    // Near miss: a border closed is no takedown.
    let pairs =
        pairs_of("Die Grenze zu Polen wurde von den deutschen Behörden am Dienstag geschlossen.");
    assert!(!pairs.iter().any(|(a, _)| a == "takedown"), "{pairs:?}");
}

/// Dutch "gezocht" is a search of premises ("wordt op negentien locaties in … gezocht"), and
/// "wanted" otherwise ("De man, die in Duitsland gezocht werd, …").
#[test]
fn dutch_gezocht_searches_premises() {
    let pairs = pairs_of(
        "Sinds dinsdagochtend zes uur wordt op negentien locaties in Nederland, België, \
         Duitsland en Frankrijk gezocht.",
    );
    for country in ["NL", "BE", "DE", "FR"] {
        assert!(
            pairs.contains(&("raid".into(), country.into())),
            "{pairs:?}"
        );
    }
    // Near miss: a man wanted in Germany.
    let pairs =
        pairs_of("De man, die in Duitsland gezocht werd, is dinsdag in Utrecht aangehouden.");
    assert!(!pairs.iter().any(|(_, c)| c == "DE"), "{pairs:?}");
}

/// Examples after a noun of places and its adjective ("vers d'autres pays européens tels que
/// A, B, ou encore C", "to other European countries such as A, B, and C") are governed by the
/// preposition before the noun's phrase: a route here. An adverb after a list's joiner ("ou
/// encore", "or even") and a serial comma leave the list whole.
#[test]
fn examples_after_a_noun_and_its_adjective_keep_its_preposition() {
    let pairs = pairs_of(
        "Une enquête a mis en lumière une organisation soupçonnée de faire transiter la drogue \
         par la Belgique vers d’autres pays européens tels que le Royaume-Uni, l’Allemagne, la \
         France, ou encore les Pays-Bas.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
    let pairs = pairs_of(
        "The drugs were smuggled to other European countries such as Germany, Italy, and France, \
         the investigators said on Tuesday.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
    // Near miss: the same examples after "in" are where the raids happened.
    let pairs = pairs_of(
        "Raids were carried out in several other European countries such as Germany, Italy, and \
         France on Tuesday morning.",
    );
    for country in ["DE", "IT", "FR"] {
        assert!(
            pairs.contains(&("raid".into(), country.into())),
            "{pairs:?}"
        );
    }
}

/// The coordinator named after a coordinating noun ("unter Leitung der spanischen Behörden",
/// "bajo la dirección de la policía española", "onder leiding van de Spaanse politie") led
/// the operation; it is not the subject of the clause's verb.
#[test]
fn the_coordinator_after_a_leading_noun_in_each_language() {
    for text in [
        "60 Verdächtige wurden unter Leitung der spanischen Behörden in ganz Europa festgenommen.",
        "Bajo la dirección de la policía española fueron detenidos 60 sospechosos en toda Europa.",
        "Onder leiding van de Spaanse politie werden in heel Europa 60 verdachten aangehouden.",
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("coordination".into(), "ES".into())),
            "{text}: {pairs:?}"
        );
        assert!(
            !pairs.contains(&("arrest".into(), "ES".into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: the agency is the subject and the lead is another's.
    let pairs = pairs_of(
        "Die spanische Polizei hat unter Leitung von Europol in Madrid 60 Verdächtige \
         festgenommen.",
    );
    assert!(pairs.contains(&("arrest".into(), "ES".into())), "{pairs:?}");
}

/// A month of the article's language is a date, not a town ("im Mai" is not Mai in Kenya).
#[test]
fn a_month_is_not_a_town() {
    let pairs = pairs_of(
        "Innerhalb weniger Tage im Mai wurden in zehn Ländern Asiens Waren beschlagnahmt, teilte \
         die Polizei mit.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "KE"), "{pairs:?}");
}

/// A town's adjective before an authority noun names the town's agency, in German ("-er":
/// "die Luzerner Kantonspolizei", "der St. Galler Staatsanwaltschaft", "die Münchner Polizei")
/// and in Dutch ("-se": "de Rotterdamse politie").
#[test]
fn a_towns_adjective_before_an_authority_noun() {
    for (text, country) in [
        (
            "Die Luzerner Kantonspolizei hat am Dienstagmorgen zwei Männer festgenommen und \
             mehrere Wohnungen durchsucht.",
            "CH",
        ),
        (
            "Die Münchner Polizei hat am Dienstagmorgen zwei Männer festgenommen und mehrere \
             Wohnungen durchsucht.",
            "DE",
        ),
        (
            "De Rotterdamse politie heeft dinsdagochtend twee verdachten aangehouden en \
             meerdere woningen doorzocht.",
            "NL",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            pairs.contains(&("arrest".into(), country.into())),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: without an authority noun the word is no place ("Berliner Zeitung").
    let pairs = pairs_of(
        "Die Berliner Zeitung berichtete am Dienstag über die Festnahmen, ohne Details zu nennen.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "DE"), "{pairs:?}");
}

/// A count and a partitive pronoun ("Elf daarvan waren in …", "Eleven of them were in …"), or
/// "the other" and a noun of the sentence before ("De andere servers waren in …"), tell where
/// some of the actions of the sentence before happened.
#[test]
fn a_part_of_the_actions_before_in_each_language() {
    for text in [
        "Wereldwijd zijn zestien huiszoekingen gedaan. Elf daarvan waren in Oekraïne en drie in \
         Portugal.",
        "Weltweit wurden sechzehn Wohnungen durchsucht. Elf davon waren in der Ukraine und drei \
         in Portugal.",
        "Sixteen homes were searched worldwide. Eleven of them were in Ukraine and three in \
         Portugal.",
    ] {
        let pairs = pairs_of(text);
        for country in ["UA", "PT"] {
            assert!(
                pairs.contains(&("raid".into(), country.into())),
                "{text}: {pairs:?}"
            );
        }
    }
    let pairs = pairs_of(
        "Wereldwijd zijn meer dan honderd servers offline gehaald, waaronder 33 in Nederland. De \
         andere servers waren in Duitsland en Canada.",
    );
    for country in ["NL", "DE", "CA"] {
        assert!(
            pairs.contains(&("takedown".into(), country.into())),
            "{pairs:?}"
        );
    }
    // Near misses: where they came from is no place of action; "the other suspects" names
    // no object of the sentence before.
    let pairs = pairs_of(
        "Sixteen suspects were arrested on Tuesday. Eleven of them were from Ukraine and three \
         from Portugal.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
    let pairs =
        pairs_of("Sixteen homes were searched worldwide. The other suspects were in Ukraine.");
    assert!(!pairs.iter().any(|(a, _)| a == "raid"), "{pairs:?}");
}

/// A relative clause on an apposition of places tells what happened at the list's places:
/// "Alemania, Bélgica, Chipre y Rumanía, países en los que se han realizado numerosos
/// registros", "…, countries where raids were carried out", "…, Länder, in denen …
/// Durchsuchungen stattfanden".
#[test]
fn a_relative_clause_on_an_apposition_of_places_in_each_language() {
    for text in [
        "La Fiscalía Europea ha coordinado la operación en colaboración simultánea con Alemania, \
         Bélgica y Rumanía, países en los que se han realizado numerosos registros en empresas \
         y domicilios.",
        "Europol coordinated the operation with Germany, Belgium and Romania, countries where \
         raids were carried out on Tuesday.",
        "Europol koordinierte die Operation mit Deutschland, Belgien und Rumänien, Länder, in \
         denen am Dienstag Durchsuchungen stattfanden.",
        "Europol a coordonné l'opération avec l'Allemagne, la Belgique et la Roumanie, pays dans \
         lesquels des perquisitions ont été menées mardi.",
    ] {
        let pairs = pairs_of(text);
        for country in ["DE", "BE", "RO"] {
            assert!(
                pairs.contains(&("raid".into(), country.into())),
                "{text}: {pairs:?}"
            );
        }
    }
    // Near miss: where the goods were sold is no action.
    let pairs = pairs_of(
        "The gang moved cocaine to Germany, France and Spain, countries where it was sold on the \
         street.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
}

/// Companies created in a place are background, also with words between the noun and its
/// preposition and with the places in parentheses after a region ("des sociétés fictives
/// créées en Europe (Hongrie, Italie …)"); a dateline may be a town, a comma, a date and a dash
/// ("Abidjan, 13 fév 2025 (AIP) –").
#[test]
fn companies_created_somewhere_and_a_dated_dateline() {
    let pairs = pairs_of(
        "Le réseau criminel opérait via des sociétés fictives créées en Europe (Hongrie, Italie, \
         Portugal et Gibraltar) pour piéger des investisseurs.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
    let pairs = pairs_of(
        "Abidjan, 13 fév 2025 (AIP) – Un vaste réseau criminel international a été démantelé \
         lors d’une opération coordonnée entre la France, Israël et l’Espagne.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "CI"), "{pairs:?}");
    // Near misses: companies searched there; a counted action after the town.
    let pairs = pairs_of(
        "La police a perquisitionné des sociétés fictives en Hongrie et en Italie mardi matin.",
    );
    assert!(pairs.contains(&("raid".into(), "HU".into())), "{pairs:?}");
    let pairs =
        pairs_of("Madrid, 12 arrests – the police said on Tuesday that the gang was dismantled.");
    assert!(pairs.iter().any(|(_, c)| c == "ES"), "{pairs:?}");
}

/// A negation does not reach past a colon: what the colon opens is said for itself ("Die
/// Staatsanwälte lassen nicht locker: Am 27.07.2021 erfolgten … Durchsuchungen und
/// Festnahmen in Bulgarien").
#[test]
fn a_negation_stops_at_a_colon() {
    let pairs = pairs_of(
        "Die Spezialstaatsanwälte lassen nicht locker: Am 27.07.2021 erfolgten in einem weiteren \
         großen Ermittlungskomplex Durchsuchungen und Festnahmen in Bulgarien.",
    );
    for action in ["raid", "arrest"] {
        assert!(pairs.contains(&(action.into(), "BG".into())), "{pairs:?}");
    }
    // Near miss: the negated action before the colon, with its place.
    let pairs = pairs_of("There were no arrests in Spain: the police only searched a few homes.");
    assert!(
        !pairs.contains(&("arrest".into(), "ES".into())),
        "{pairs:?}"
    );
}

/// A border named by its two countries' adjectives only says where ("nahe der
/// deutsch-französischen Grenze", "near the Franco-German border", "près de la frontière
/// franco-belge"): background `reference-point`.
#[test]
fn a_border_named_by_two_adjectives_is_a_reference_point() {
    for text in [
        "Bei einer grossangelegten Razzia nahe der deutsch-französischen Grenze hat die Polizei \
         am Dienstagmorgen 39 mutmassliche Drogendealer festgenommen.",
        "Les perquisitions ont eu lieu près de la frontière franco-belge mardi matin, selon la \
         police.",
    ] {
        let pairs = pairs_of(text);
        assert!(pairs.is_empty(), "{text}: {pairs:?}");
    }
    // Near miss: a joint unit named by the two adjectives acted.
    let pairs = pairs_of(
        "Die deutsch-französische Polizeieinheit hat am Dienstagmorgen 39 mutmassliche \
         Drogendealer festgenommen.",
    );
    assert!(pairs.contains(&("arrest".into(), "FR".into())), "{pairs:?}");
}

/// A country's name that is also a large city's in a country whose press writes the article's
/// language, named by the article, is that city: "Granada" is Grenada in Spanish, but not in
/// an article that names Spain. Near miss: "Armenia" (also a Colombian city) stays the country
/// where Colombia goes unnamed.
#[test]
fn a_home_city_that_shares_a_country_name() {
    let pairs = pairs_of(
        "En España, agentes de la Guardia Civil han registrado el domicilio del traficante en \
         Granada, donde han incautado dos kilos de hachís.",
    );
    assert!(!pairs.iter().any(|(_, c)| c == "GD"), "{pairs:?}");
    assert!(pairs.contains(&("raid".into(), "ES".into())), "{pairs:?}");
    let pairs = pairs_of(
        "La policía hizo tres detenciones en Ucrania y otra en Armenia, informó la agencia \
         europea.",
    );
    assert!(pairs.contains(&("arrest".into(), "AM".into())), "{pairs:?}");
}

/// A list followed by a passive participle with its agent, set off by commas, is the subject
/// of the verb after it, not what was coordinated ("La Policía Nacional, la Guardia Civil y
/// la Agencia Tributaria, coordinados por Interpol, intervinieron …"); "the countries of A, B
/// and C" is governed like "A, B and C" ("procedentes de los países de Holanda, Portugal y
/// Reino Unido": origin).
#[test]
fn a_passive_apposition_and_the_countries_of() {
    let pairs = pairs_of(
        "La Policía Nacional, la Guardia Civil y la Agencia Tributaria, coordinados por \
         Interpol, intervinieron en Madrid casi medio millón de anabolizantes.",
    );
    assert!(
        pairs.contains(&("seizure".into(), "ES".into())),
        "{pairs:?}"
    );
    assert!(
        !pairs.contains(&("coordination".into(), "ES".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("coordination".into(), "FR".into())),
        "{pairs:?}"
    );
    let pairs = pairs_of(
        "Los agentes intervinieron durante la operación más de 420.000 productos procedentes de \
         los países de Holanda, Portugal y Reino Unido.",
    );
    assert!(pairs.is_empty(), "{pairs:?}");
    // Near miss: the countries of a list after "in" are where the raids were.
    let pairs = pairs_of("Raids were carried out in the countries of Spain, Portugal and Italy.");
    assert!(pairs.contains(&("raid".into(), "PT".into())), "{pairs:?}");
}

/// A phrase of what a sentence is about and a count ("Het gaat om zeven mensen in Frankrijk,
/// twee in Nederland …", "Es handelt sich um …", "Se trata de …") breaks down the actions of
/// the sentence before by place.
#[test]
fn a_breakdown_after_it_concerns_in_each_language() {
    for text in [
        "Sinds 28 september werden in totaal twaalf verdachten opgepakt. Het gaat om zeven \
         mensen in Frankrijk, twee in Nederland en drie in het Verenigd Koninkrijk.",
        "Seit Montag wurden zwölf Verdächtige festgenommen. Es handelt sich um sieben Männer in \
         Frankreich und zwei in den Niederlanden.",
        "Desde el lunes fueron detenidos doce sospechosos. Se trata de siete personas en Francia \
         y dos en los Países Bajos.",
    ] {
        let pairs = pairs_of(text);
        for country in ["FR", "NL"] {
            assert!(
                pairs.contains(&("arrest".into(), country.into())),
                "{text}: {pairs:?}"
            );
        }
    }
    // Near miss: what the network is, not a count, names no place of the arrests.
    let pairs = pairs_of(
        "Sinds 28 september werden in totaal twaalf verdachten opgepakt. Het gaat om een netwerk \
         dat actief is in Frankrijk en Spanje.",
    );
    assert!(!pairs.iter().any(|(a, _)| a == "arrest"), "{pairs:?}");
}

/// In an inverted German or Dutch main clause the auxiliary stands before the subject, and the
/// participle at the end is its verb however long the middle field, past a coordinating
/// noun's phrase; a unit's name the gazetteer lacks may stand between that noun and its
/// place ("onder leiding van de Landeszentralstelle Cybercrime van Koblenz").
#[test]
fn an_inverted_clause_with_a_long_middle_field() {
    let pairs = pairs_of(
        "Afgelopen weekend heeft de recherche van Oldenburg onder leiding van de \
         Landeszentralstelle Cybercrime van Koblenz de Australische verdachte bij de \
         Duits-Deense grens gearresteerd.",
    );
    for action in ["arrest", "coordination"] {
        assert!(pairs.contains(&(action.into(), "DE".into())), "{pairs:?}");
    }
    // Near miss: the leading unit is not the subject of an arrest in Amsterdam.
    let pairs = pairs_of(
        "Afgelopen weekend werd de Australische verdachte in Amsterdam onder leiding van de \
         Landeszentralstelle Cybercrime van Koblenz in Duitsland gearresteerd.",
    );
    assert!(
        pairs.contains(&("coordination".into(), "DE".into())),
        "{pairs:?}"
    );
    assert!(
        !pairs.contains(&("arrest".into(), "DE".into())),
        "{pairs:?}"
    );
}

/// A place after a body of water's noun and "of" names the water ("De Straat van Gibraltar",
/// "the Strait of Gibraltar", "el Golfo de México"): background `reference-point`.
#[test]
fn the_name_of_a_water_in_each_language() {
    for (text, country) in [
        (
            "Cocaine was seized in the Strait of Gibraltar by the Spanish customs on Tuesday.",
            "GI",
        ),
        (
            "La Armada incautó tres toneladas de cocaína en el Golfo de México el martes pasado.",
            "MX",
        ),
    ] {
        let pairs = pairs_of(text);
        assert!(
            !pairs.iter().any(|(_, c)| c == country),
            "{text}: {pairs:?}"
        );
    }
    // Near miss: police in Gibraltar act there.
    let pairs = pairs_of("Police in Gibraltar seized two tonnes of cocaine on Tuesday morning.");
    assert!(
        pairs.contains(&("seizure".into(), "GI".into())),
        "{pairs:?}"
    );
}

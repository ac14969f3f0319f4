//! Property tests: arbitrary Unicode text (long inputs, lists of place names, odd whitespace and
//! punctuation) and arbitrary GeoJSON never make opmap panic, and whatever it writes is valid
//! RFC 7946 with offsets that point at the words they claim.

use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use opmap::layers;
use proptest::prelude::*;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().unwrap())
}

const WORDS: &[&str] = &[
    "France",
    "the Netherlands",
    "U.S.",
    "US",
    "us",
    "UK",
    "Britain's",
    "Dutch",
    "police",
    "Europol",
    "the FBI",
    "raids",
    "were",
    "seized",
    "in",
    "arrested",
    "and",
    ",",
    ".",
    "\n",
    "\n\n",
    "took down",
    "coordinated by",
    "not",
    "Romania",
    "Oman",
    "Niger",
    "Nigeria",
    "King's College London",
    "Paris, France",
    "(ECTC)",
    "“",
    "”",
    "’",
    "•",
    "Dr.",
    "No.",
    "Côte d’Ivoire",
    "Türkiye",
    "the United\nStates",
    "while",
    "as",
    "Georgia",
    "Jordan",
    "\u{a0}",
    "\t",
    "é",
    "東京",
    "🙂",
    "\u{200b}",
    "-",
    ";",
    ":",
    "?",
    "!",
];

fn check_extraction(text: &str) {
    let article = Article::from_text("prop.txt", text);
    let x = opmap::extract(gazetteer(), &article);
    for e in &x.located {
        assert!(e.start <= e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert_eq!(&text[e.start..e.end], e.text);
        assert!((0.0..=1.0).contains(&e.confidence));
        assert!((-180.0..=180.0).contains(&e.point.x()) && (-90.0..=90.0).contains(&e.point.y()));
    }
    for s in &x.sentences {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    let built = layers::build(gazetteer(), &x.located).unwrap();
    let events: geojson::FeatureCollection = layers::events_geojson(&built.events).parse().unwrap();
    assert_eq!(events.features.len(), built.events.len());
    for layer in [&built.countries, &built.flows] {
        let s = layers::to_geojson_string(layer);
        let back: geojson::FeatureCollection = s.parse().unwrap();
        assert_eq!(back.features.len(), layer.features.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        check_extraction(&text);
    }

    #[test]
    fn sentences_of_place_words_never_panic(words in prop::collection::vec(prop::sample::select(WORDS), 0..120)) {
        let text = words.join(" ");
        check_extraction(&text);
        let glued = words.concat();
        check_extraction(&glued);
    }

    #[test]
    fn arbitrary_json_given_to_render_never_panics(text in "\\PC{0,200}") {
        let _ = opmap::events_file::parse(gazetteer(), "p.geojson", &text);
    }

    #[test]
    fn arbitrary_events_are_checked_or_rendered(
        lon in -400.0f64..400.0,
        lat in -200.0f64..200.0,
        action in prop::sample::select(&["raid", "seizure", "arson", "", "coordination"][..]),
        country in prop::sample::select(&["FR", "nl", "QQ", "", "XK", "FJ"][..]),
    ) {
        let json = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"a","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},"properties":{{"action":"{action}","country":"{country}"}}}}]}}"#
        );
        if let Ok(events) = opmap::events_file::parse(gazetteer(), "p.geojson", &json) {
            let built = layers::build(gazetteer(), &events).unwrap();
            prop_assert_eq!(built.events.len(), 1);
        }
    }
}

#[test]
fn a_long_article_of_place_names() {
    let mut text = String::new();
    for i in 0..5000 {
        text.push_str(WORDS[i * 7 % WORDS.len()]);
        text.push(' ');
    }
    check_extraction(&text);
}

//! Default titles (issue 13): on the seed, the test articles and every real evaluation
//! article, the title `opmap map` gives without `--title` is the headline, the operation and
//! date, or a summary, never a sentence cut with "…", and at most 120 characters.

mod common;

use common::*;
use opmap::article::Article;

#[test]
fn no_default_title_is_a_cut_sentence() {
    let mut paths = vec![root().join("seeds/europol-amaq-takedown.txt")];
    for dir in [
        "tests/articles",
        "tests/eval/real/dev",
        "tests/eval/real/heldout",
    ] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    assert!(paths.len() > 90);
    let (mut operations, mut summaries) = (0, 0);
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let x = opmap::extract(gazetteer(), &Article::from_text("a.txt", &text));
        let title = opmap::title::title(&text, None, &x.located, x.date);
        let name = path.display();
        assert!(!title.contains('…'), "{name}: {title}");
        assert!(
            title.chars().count() <= opmap::title::HEADLINE_MAX,
            "{name}: {title}"
        );
        assert!(!title.ends_with('.'), "{name}: {title}");
        operations += usize::from(title.starts_with("Operation "));
        summaries += usize::from(title == opmap::title::summary(&x.located));
    }
    eprintln!(
        "{} articles: {operations} operation titles, {summaries} summaries",
        paths.len()
    );
}

#[test]
fn the_cli_subtitle_names_the_file_not_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("press")).unwrap();
    std::fs::write(
        dir.path().join("press/endgame.txt"),
        "Between 27 and 29 May 2024 Operation Endgame, coordinated from Europol's headquarters, \
         took down servers in Germany and the Netherlands.",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "map",
            "press/endgame.txt",
            "--out",
            "o",
            "--formats",
            "svg,geojson",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("o/map.svg")).unwrap();
    assert!(svg.contains("Operation Endgame, 27–29 May 2024"), "title");
    assert!(
        svg.contains("27 May 2024 · Source: endgame.txt"),
        "subtitle"
    );
    assert!(!svg.contains("press/endgame.txt"));
    // `render` dates its subtitle from the events and names the events file.
    let out = run(
        dir.path(),
        &[
            "render",
            "o/events.geojson",
            "--out",
            "r",
            "--formats",
            "svg",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("r/map.svg")).unwrap();
    assert!(
        svg.contains("27 May 2024 · Source: events.geojson"),
        "render subtitle"
    );
}

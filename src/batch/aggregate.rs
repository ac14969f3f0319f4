//! Counts per country and action: what each article adds to the corpus' [`Summary`].

use super::Summary;
use crate::action::Action;
use crate::dates::Date;
use crate::resolve::Located;
use std::collections::BTreeMap;

/// One country's counts over the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountryCount {
    /// English name.
    pub name: String,
    /// Articles with at least one action in the country.
    pub articles: u64,
    /// Articles with each action in the country, in `Action::ALL` order.
    pub actions: [u64; 6],
    /// The articles with the most actions in the country (then the first read), at most
    /// [`TOP_ARTICLES`], each with its number of actions there.
    pub top: Vec<(String, u32)>,
}

/// How many top articles map.html names per country.
pub const TOP_ARTICLES: usize = 3;

impl CountryCount {
    /// Counts an article with these actions (bit i = `Action::ALL[i]`) in the country.
    fn add(&mut self, article: &str, mask: u8) {
        self.articles += 1;
        for (i, n) in self.actions.iter_mut().enumerate() {
            *n += u64::from(mask >> i & 1);
        }
        let actions = mask.count_ones();
        if self.top.len() < TOP_ARTICLES || self.top.iter().any(|&(_, n)| n < actions) {
            let at = self.top.partition_point(|&(_, n)| n >= actions);
            self.top.insert(at, (article.to_string(), actions));
            self.top.truncate(TOP_ARTICLES);
        }
    }
}

impl Summary {
    /// Adds an article's counts: each of its `countries` (code, name, bit set of actions) and,
    /// when it is dated and has any, its day's actions.
    pub(super) fn count(
        &mut self,
        article: &str,
        date: Option<Date>,
        countries: Vec<(String, String, u8)>,
    ) {
        if let (Some(date), false) = (date, countries.is_empty()) {
            let day = self.days.entry(date).or_default();
            let mask = countries.iter().fold(0u8, |m, c| m | c.2);
            for (i, n) in day.iter_mut().enumerate() {
                *n += u64::from(mask >> i & 1);
            }
        }
        for (code, name, mask) in countries {
            let count = self.countries.entry(code).or_default();
            if count.name.is_empty() {
                count.name = name;
            }
            count.add(article, mask);
        }
    }
}

/// The countries of an article's events, each with the set of its actions.
pub(super) fn countries_of(located: &[Located]) -> Vec<(String, String, u8)> {
    let mut out: Vec<(String, String, u8)> = Vec::new();
    for e in located {
        let bit = 1u8 << action_index(e.action);
        match out.iter_mut().find(|c| c.0 == e.country.as_str()) {
            Some(c) => c.2 |= bit,
            None => out.push((e.country.to_string(), e.country_name.clone(), bit)),
        }
    }
    out
}

fn action_index(action: Action) -> usize {
    Action::ALL
        .iter()
        .position(|&a| a == action)
        .expect("every action is in ALL")
}

/// The actions of a bit set, in order.
pub(super) fn actions_of(count: &CountryCount) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .zip(count.actions)
        .filter(|&(_, n)| n > 0)
        .map(|(a, _)| a)
        .collect()
}

/// Countries by number of articles, most first (then by code).
pub(super) fn ranked(countries: &BTreeMap<String, CountryCount>) -> Vec<(&String, &CountryCount)> {
    let mut rows: Vec<_> = countries.iter().collect();
    rows.sort_by(|a, b| b.1.articles.cmp(&a.1.articles).then(a.0.cmp(b.0)));
    rows
}

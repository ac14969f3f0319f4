//! The six kinds of action opmap maps, in their fixed order.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What happened at a place. The order of the variants is the order used everywhere
/// (legends, a country's `actions` list, its `role`): the more specific actions first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Servers, domains, money, drugs, weapons or data seized, confiscated or frozen.
    Seizure,
    /// Raids, searches of premises.
    Raid,
    /// Arrests, detentions, suspects taken into custody.
    Arrest,
    /// Websites, domains, servers or infrastructure taken down, disrupted, dismantled.
    Takedown,
    /// The agency or country coordinating, leading or hosting the operation.
    Coordination,
    /// Took part, supported, was involved, allied, without a more specific action.
    Participation,
}

impl Action {
    /// Every action, in order.
    pub const ALL: [Action; 6] = [
        Action::Seizure,
        Action::Raid,
        Action::Arrest,
        Action::Takedown,
        Action::Coordination,
        Action::Participation,
    ];

    /// The lower-case name used in GeoJSON (`"seizure"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Seizure => "seizure",
            Action::Raid => "raid",
            Action::Arrest => "arrest",
            Action::Takedown => "takedown",
            Action::Coordination => "coordination",
            Action::Participation => "participation",
        }
    }

    /// True for the actions that say what was done at a place (seizure, raid, arrest,
    /// takedown), as against coordinating or taking part.
    pub(crate) fn is_specific(self) -> bool {
        !matches!(self, Action::Coordination | Action::Participation)
    }

    /// The capitalised name in `lang`, for legends in the article's language
    /// (`--label-lang auto`): "Festnahme", "Interpellation", "Aanhouding", "Detención".
    pub(crate) fn title_in(self, lang: crate::lang::Lang) -> &'static str {
        use crate::lang::Lang;
        let names: [&str; 6] = match lang {
            Lang::En => return self.title(),
            Lang::De => [
                "Beschlagnahme",
                "Durchsuchung",
                "Festnahme",
                "Abschaltung",
                "Koordination",
                "Beteiligung",
            ],
            Lang::Fr => [
                "Saisie",
                "Perquisition",
                "Interpellation",
                "Démantèlement",
                "Coordination",
                "Participation",
            ],
            Lang::Nl => [
                "Inbeslagname",
                "Doorzoeking",
                "Aanhouding",
                "Uit de lucht gehaald",
                "Coördinatie",
                "Deelname",
            ],
            Lang::Es => [
                "Incautación",
                "Registro",
                "Detención",
                "Desmantelamiento",
                "Coordinación",
                "Participación",
            ],
        };
        names[self as usize]
    }

    /// A capitalised name for legends (`"Seizure"`, …).
    pub(crate) fn title(self) -> &'static str {
        match self {
            Action::Seizure => "Seizure",
            Action::Raid => "Raid",
            Action::Arrest => "Arrest",
            Action::Takedown => "Takedown",
            Action::Coordination => "Coordination",
            Action::Participation => "Participation",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a string that names no action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAction(pub String);

impl fmt::Display for UnknownAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown action `{}` (expected one of seizure, raid, arrest, takedown, coordination, participation)",
            self.0
        )
    }
}

impl std::error::Error for UnknownAction {}

impl FromStr for Action {
    type Err = UnknownAction;

    fn from_str(s: &str) -> Result<Action, UnknownAction> {
        Action::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| UnknownAction(s.to_string()))
    }
}

impl<'de> Deserialize<'de> for Action {
    /// The lower-case name; anything else is an [`UnknownAction`] error.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        String::deserialize(d)?
            .trim()
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for action in Action::ALL {
            assert_eq!(action.as_str().parse::<Action>(), Ok(action));
        }
        assert!("arson".parse::<Action>().is_err());
        assert!(Action::Seizure < Action::Participation);
    }
}

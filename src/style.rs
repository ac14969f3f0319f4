//! The style table every output shares: each action's colour, symbol and label, and the few
//! fixed colours the layers' simplestyle keys and the QGIS styles name.
//!
//! In: an [`Action`]. Out: its [`Rgb`] colour (Okabe–Ito, safe for colour-blind readers: each
//! action has its own shape too), its [`Symbol`] and the symbol's name. Below both the layers
//! and the painters: `layers`, `formats` and `render` read it; it reads nothing of theirs.

use crate::action::Action;

/// A colour, 8 bits per channel (sRGB).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as `#rrggbb` (simplestyle, HTML, SVG, QGIS).
    pub(crate) fn hex(self) -> String {
        String::from_utf8(self.hex_bytes(b"0123456789abcdef").to_vec())
            .expect("# and hex digits are ASCII")
    }

    /// `#rrggbb` with the given sixteen digits (lower or upper case), written without a
    /// formatter: every event written carries its colour.
    pub(crate) fn hex_bytes(self, digits: &[u8; 16]) -> [u8; 7] {
        let hi = |v: u8| digits[usize::from(v >> 4)];
        let lo = |v: u8| digits[usize::from(v & 15)];
        [
            b'#',
            hi(self.0),
            lo(self.0),
            hi(self.1),
            lo(self.1),
            hi(self.2),
            lo(self.2),
        ]
    }
}

/// The frame around the map; the outline of an involved country in the layers.
pub(crate) const FRAME: Rgb = Rgb(0x9a, 0x96, 0x8e);
/// Land of countries not involved (the QGIS basemap).
pub(crate) const LAND: Rgb = Rgb(0xe6, 0xe3, 0xdc);
/// Flow lines and their arrowheads.
pub(crate) const FLOW: Rgb = Rgb(0x2f, 0x4f, 0x4f);

/// The shape of a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    /// Seizure.
    Square,
    /// Raid.
    Triangle,
    /// Arrest.
    Diamond,
    /// Takedown.
    Cross,
    /// Coordination.
    Star,
    /// Participation.
    Circle,
}

/// The colour of an action (Okabe–Ito).
pub fn color(action: Action) -> Rgb {
    match action {
        Action::Seizure => Rgb(0xd5, 0x5e, 0x00),
        Action::Raid => Rgb(0x00, 0x72, 0xb2),
        Action::Arrest => Rgb(0xcc, 0x79, 0xa7),
        Action::Takedown => Rgb(0xe6, 0x9f, 0x00),
        Action::Coordination => Rgb(0x00, 0x9e, 0x73),
        Action::Participation => Rgb(0x56, 0xb4, 0xe9),
    }
}

/// The symbol of an action.
pub fn symbol(action: Action) -> Symbol {
    match action {
        Action::Seizure => Symbol::Square,
        Action::Raid => Symbol::Triangle,
        Action::Arrest => Symbol::Diamond,
        Action::Takedown => Symbol::Cross,
        Action::Coordination => Symbol::Star,
        Action::Participation => Symbol::Circle,
    }
}

/// The name of a marker symbol, used everywhere outside the PNG: simplestyle's
/// `marker-symbol` (Maki icon names), the map.html legend and CSS classes.
pub fn symbol_name(symbol: Symbol) -> &'static str {
    match symbol {
        Symbol::Square => "square",
        Symbol::Triangle => "triangle",
        Symbol::Diamond => "diamond",
        Symbol::Cross => "cross",
        Symbol::Star => "star",
        Symbol::Circle => "circle",
    }
}

/// The label of an action in legends and titles (`"Seizure"`, …).
#[cfg(test)]
pub(crate) fn label(action: Action) -> &'static str {
    action.title()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_in_hex_as_format_writes_them() {
        for c in [
            Rgb(0, 0, 0),
            Rgb(0x9a, 0x0f, 0xe0),
            Rgb(255, 255, 255),
            Rgb(1, 16, 171),
        ] {
            assert_eq!(c.hex(), format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2));
            let upper = c.hex_bytes(b"0123456789ABCDEF");
            assert_eq!(
                &upper[..],
                format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2).as_bytes()
            );
        }
    }

    #[test]
    fn every_action_has_its_own_colour_and_symbol() {
        for a in Action::ALL {
            for b in Action::ALL.into_iter().filter(|&b| b != a) {
                assert_ne!(color(a), color(b));
                assert_ne!(symbol(a), symbol(b));
            }
        }
        assert_eq!(color(Action::Coordination).hex(), "#009e73");
        assert_eq!(symbol_name(symbol(Action::Seizure)), "square");
        assert_eq!(label(Action::Raid), "Raid");
    }
}

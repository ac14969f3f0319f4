//! The name index: every gazetteer name, built once when the gazetteer is generated and loaded
//! at start-up without building anything.
//!
//! In: the names ([`Name`]) of the gazetteer. Out: two byte blobs, committed as
//! `gazetteer/names.fst` and `gazetteer/names.bin`, and a [`NameIndex`] over them.
//!
//! - `names.fst` is an [`fst::Map`] from a name's folded form (see [`super::fold`]: lower case,
//!   curly apostrophes straight, single spaces) to the byte offset of its group in `names.bin`.
//!   A name whose first letter is lower case ("al-Qahira", "the Abode of Peace", French
//!   "autrichien") is stored a second time under a prefix byte of its language (`0x01` for
//!   English … `0x05` for Spanish, see `lower_prefix`; a name of every language under each),
//!   so a word starting in lower case is walked only through the few names of the article's
//!   language: "authorities" in an English article never walks into "autrichien".
//! - `names.bin` holds the groups: `OPMN`, a `u32` format version, then for each folded form a
//!   count byte and its names: flags (`u8`: form in bits 0–2, case-sensitive bit 3, common-word
//!   bit 4, language in bits 5–7: 0 for a name of every language, else [`Lang::index_bits`]), text length (`u16` LE) and text, place count (`u16` LE) and place ids (`u32` LE).
//!
//! Matching walks the automaton from each word start of the text, folding the text as it goes
//! (no copy of the text is made), and reports every name that ends on a word boundary.

use super::{fold, Form, Name, PlaceId};
use crate::error::{Error, Result};
use crate::lang::Lang;
use fst::raw::{Fst, Node};
use std::borrow::Cow;
use std::collections::BTreeMap;

const MAGIC: &[u8; 4] = b"OPMN";
const VERSION: u32 = 3;

/// Prefix of the keys of the names of `lang` whose first letter is lower case (0x01–0x05).
fn lower_prefix(lang: Lang) -> u8 {
    lang.index_bits()
}

/// The loaded (or freshly built) name index.
pub struct NameIndex {
    fst: Fst<Cow<'static, [u8]>>,
    groups: Cow<'static, [u8]>,
    /// Where walks start for words in upper case or starting with a non-letter.
    upper: Prefixes,
    /// Where walks start for words in lower case, by language ([`Lang::ALL`] order): the keys
    /// under that language's [`lower_prefix`].
    lower: Vec<Prefixes>,
    starts: Vec<Start>,
}

/// The first bytes that keys below one node start with, and where a walk stands after three.
struct Prefixes {
    /// The node itself (`None`: no key below it) and the output on the way there.
    root: Option<Start>,
    /// Bit `b0 * 256 + b1` is set when some key starts with bytes `b0 b1` (ASCII).
    pairs: Vec<u64>,
    /// Bit [`trigram`]`(b0, b1, b2)` is set when some key starts with the ASCII letters or
    /// digits `b0 b1 b2`.
    trigrams: Vec<u64>,
    /// The walk's state after the first three letters or digits, by [`trigram`] (an index into
    /// `starts`, `u32::MAX` where no key starts so): the walk from a word start skips the three
    /// levels every name shares with its neighbours.
    start_of: Vec<u32>,
}

/// ASCII letters (either case) and digits numbered 0–35; `None` for any other byte (one table
/// lookup: every word start of every article asks).
#[inline(always)]
fn symbol(b: u8) -> Option<usize> {
    const NONE: u8 = u8::MAX;
    const SYMBOLS: [u8; 256] = {
        let mut symbols = [NONE; 256];
        let mut b = 0;
        while b < 256 {
            let c = (b as u8).to_ascii_lowercase();
            symbols[b] = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'z' => c - b'a' + 10,
                _ => NONE,
            };
            b += 1;
        }
        symbols
    };
    match SYMBOLS[usize::from(b)] {
        NONE => None,
        s => Some(usize::from(s)),
    }
}

/// The bit of three ASCII letters or digits in `upper3`/`lower3`; `None` if one is not.
fn trigram(b0: u8, b1: u8, b2: u8) -> Option<usize> {
    Some((symbol(b0)? * 36 + symbol(b1)?) * 36 + symbol(b2)?)
}

/// Where the walk stands after three letters or digits: the automaton's node and the output
/// summed on the way there.
#[derive(Debug, Clone, Copy)]
struct Start {
    addr: fst::raw::CompiledAddr,
    output: u64,
}

/// Sets the bit of the first three bytes of every key below `node` that starts with three
/// letters or digits (three levels of the automaton, not its keys), and records in `starts`
/// (by [`trigram`], `u32::MAX` where none) the node each three reach.
fn set_trigrams(
    bits: &mut [u64],
    starts: &mut Vec<Start>,
    start_of: &mut [u32],
    node: Node<'_>,
    output: u64,
    fst: &Fst<Cow<'static, [u8]>>,
) {
    for t0 in node.transitions().filter(|t| symbol(t.inp).is_some()) {
        let n1 = fst.node(t0.addr);
        for t1 in n1.transitions().filter(|t| symbol(t.inp).is_some()) {
            for t2 in fst.node(t1.addr).transitions() {
                if let Some(k) = trigram(t0.inp, t1.inp, t2.inp) {
                    bits[k / 64] |= 1 << (k % 64);
                    start_of[k] = starts.len() as u32;
                    starts.push(Start {
                        addr: t2.addr,
                        output: output + t0.out.value() + t1.out.value() + t2.out.value(),
                    });
                }
            }
        }
    }
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameIndex")
            .field("keys", &self.fst.len())
            .field("bytes", &(self.fst.as_bytes().len() + self.groups.len()))
            .finish()
    }
}

/// One name of a group, read from the index without copying.
#[derive(Debug, Clone, Copy)]
pub struct NameRef<'a> {
    /// The name as written in the data.
    pub text: &'a str,
    /// How it refers to its places.
    pub form: Form,
    /// True when the text must match exactly (acronyms).
    pub case_sensitive: bool,
    /// True when every word of the name is a common English word ("Nice", "Split").
    pub common_word: bool,
    /// The one language whose articles use the name ("Allemagne": French); `None` for a name
    /// of every language.
    pub lang: Option<Lang>,
    places: &'a [u8],
}

impl<'a> NameRef<'a> {
    /// How many places the name may stand for.
    pub(crate) fn place_count(&self) -> usize {
        self.places.len() / 4
    }

    /// The places it may stand for, in gazetteer order.
    pub(crate) fn places(&self) -> impl Iterator<Item = PlaceId> + 'a {
        self.places
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as PlaceId)
    }
}

/// One name of the index: its group (see [`NameIndex::group`]) and its position there; what
/// a mention was matched by, so its readings can be listed later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryId {
    /// The group's offset.
    pub group: u64,
    /// The name's position in its group.
    pub entry: u8,
}

/// A match of a name group in a text: byte offsets into the text and the group's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMatch {
    /// Where the match starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The group of names with this folded form (see [`NameIndex::group`]).
    pub group: u64,
}

fn form_bits(form: Form) -> u8 {
    match form {
        Form::Name => 0,
        Form::Code => 1,
        Form::Demonym => 2,
        Form::Agency => 3,
        Form::City => 4,
    }
}

fn form_of(bits: u8) -> Form {
    match bits & 7 {
        0 => Form::Name,
        1 => Form::Code,
        2 => Form::Demonym,
        3 => Form::Agency,
        _ => Form::City,
    }
}

fn index_error(message: String) -> Error {
    Error::Gazetteer {
        file: "names.fst",
        line: 0,
        message,
    }
}

/// True when a word starts with a lower-case letter (the text must then match a name that does).
fn lower_initial(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

impl NameIndex {
    /// Builds the index over `names` (flagging city names made only of `common_words`).
    pub(crate) fn build(
        names: &[Name],
        common_words: &std::collections::HashSet<String>,
    ) -> NameIndex {
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, n) in names.iter().enumerate() {
            by_key.entry(fold(&n.text)).or_default().push(i);
        }
        let mut groups: Vec<u8> = Vec::with_capacity(names.len() * 24);
        groups.extend_from_slice(MAGIC);
        groups.extend_from_slice(&VERSION.to_le_bytes());
        let mut keys: Vec<(Vec<u8>, u64)> = Vec::with_capacity(by_key.len() + 512);
        for (key, members) in &by_key {
            if key.is_empty() {
                continue;
            }
            let offset = groups.len() as u64;
            let members = &members[..members.len().min(255)];
            groups.push(members.len() as u8);
            for &i in members {
                let n = &names[i];
                let common = n.form == Form::City
                    && fold(&n.text)
                        .split([' ', '-'])
                        .filter(|w| !w.is_empty())
                        .all(|w| common_words.contains(w));
                let lang = n.lang.map_or(0, Lang::index_bits);
                let flags = form_bits(n.form)
                    | (u8::from(n.case_sensitive) << 3)
                    | (u8::from(common) << 4)
                    | (lang << 5);
                groups.push(flags);
                let text = &n.text.as_bytes()[..n.text.len().min(u16::MAX as usize)];
                groups.extend_from_slice(&(text.len() as u16).to_le_bytes());
                groups.extend_from_slice(text);
                let places = &n.places[..n.places.len().min(u16::MAX as usize)];
                groups.extend_from_slice(&(places.len() as u16).to_le_bytes());
                for &p in places {
                    groups.extend_from_slice(&(p as u32).to_le_bytes());
                }
            }
            keys.push((key.as_bytes().to_vec(), offset));
            for lang in Lang::ALL {
                let lower_here = members.iter().any(|&i| {
                    lower_initial(&names[i].text) && names[i].lang.is_none_or(|l| l == lang)
                });
                if lower_here {
                    let mut lower = vec![lower_prefix(lang)];
                    lower.extend_from_slice(key.as_bytes());
                    keys.push((lower, offset));
                }
            }
        }
        keys.sort();
        let mut builder = fst::MapBuilder::memory();
        for (k, v) in &keys {
            builder
                .insert(k, *v)
                .expect("keys are sorted and unique by construction");
        }
        let bytes = builder
            .into_inner()
            .expect("an in-memory fst always builds");
        let fst = Fst::new(Cow::Owned(bytes)).expect("a freshly built fst is valid");
        NameIndex::with_prefixes(fst, Cow::Owned(groups))
    }

    fn with_prefixes(fst: Fst<Cow<'static, [u8]>>, groups: Cow<'static, [u8]>) -> NameIndex {
        let mut starts = Vec::new();
        let root = fst.root();
        let upper = Prefixes::below(Some((root, 0)), &mut starts, &fst);
        let lower = Lang::ALL
            .iter()
            .map(|&lang| {
                let node = root.find_input(lower_prefix(lang)).map(|i| {
                    let t = root.transition(i);
                    (fst.node(t.addr), t.out.value())
                });
                Prefixes::below(node, &mut starts, &fst)
            })
            .collect();
        NameIndex {
            fst,
            groups,
            upper,
            lower,
            starts,
        }
    }

    /// A quick test before [`NameIndex::matches_at`]: false when no name can start at `at`
    /// (checked on the first two bytes when both are ASCII, and on the first three when they are
    /// ASCII letters or digits).
    #[inline]
    pub(crate) fn may_start(&self, text: &[u8], at: usize, lang: Lang) -> bool {
        let b0 = text[at];
        let Some(&b1) = text.get(at + 1) else {
            return true;
        };
        let prefixes = self.prefixes(b0.is_ascii_lowercase(), lang);
        // Three ASCII letters or digits fold to themselves in lower case: a key starts with
        // them (and then with the first two: their bit below is set too).
        if let Some(k) = text.get(at + 2).and_then(|&b2| trigram(b0, b1, b2)) {
            return prefixes.trigrams[k / 64] & (1 << (k % 64)) != 0;
        }
        if b0 >= 0x80 || b1 >= 0x80 {
            return true;
        }
        let bits = &prefixes.pairs;
        let b1 = if b1.is_ascii_whitespace() {
            b' '
        } else {
            b1.to_ascii_lowercase()
        };
        let k = usize::from(b0.to_ascii_lowercase()) * 256 + usize::from(b1);
        bits[k / 64] & (1 << (k % 64)) != 0
    }

    /// Loads an index from its two blobs (the embedded `names.fst` and `names.bin`).
    pub fn from_bytes(fst: &'static [u8], groups: &'static [u8]) -> Result<NameIndex> {
        let fst = Fst::new(Cow::Borrowed(fst)).map_err(|e| index_error(format!("{e}")))?;
        if groups.len() < 8 || &groups[..4] != MAGIC {
            return Err(index_error(
                "names.bin does not start with OPMN".to_string(),
            ));
        }
        let version = u32::from_le_bytes([groups[4], groups[5], groups[6], groups[7]]);
        if version != VERSION {
            return Err(index_error(format!(
                "names.bin has format version {version}, expected {VERSION}"
            )));
        }
        Ok(NameIndex::with_prefixes(fst, Cow::Borrowed(groups)))
    }

    /// The bytes of `names.fst`.
    pub fn fst_bytes(&self) -> &[u8] {
        self.fst.as_bytes()
    }

    /// The bytes of `names.bin`.
    pub fn group_bytes(&self) -> &[u8] {
        &self.groups
    }

    /// How many keys the automaton holds.
    pub fn len(&self) -> usize {
        self.fst.len()
    }

    /// True when it holds no name.
    pub fn is_empty(&self) -> bool {
        self.fst.is_empty()
    }

    /// The group of a folded name, if any.
    pub fn get(&self, folded: &str) -> Option<u64> {
        self.fst.get(folded.as_bytes()).map(|o| o.value())
    }

    /// The names of a group (an offset from [`NameIndex::get`] or a [`RawMatch`]).
    pub fn group(&self, offset: u64) -> GroupIter<'_> {
        let at = offset as usize;
        let count = self.groups.get(at).copied().unwrap_or(0);
        GroupIter {
            bytes: &self.groups,
            at: at + 1,
            left: count,
        }
    }

    /// Every name that starts at `start` in `text` and ends on a word boundary, shortest first.
    /// `start` must be a char boundary. Whitespace runs in the text match one space, curly
    /// apostrophes a straight one; letters are compared in lower case.
    pub(crate) fn matches_at(&self, text: &str, start: usize, lang: Lang, out: &mut Vec<RawMatch>) {
        let fst = &self.fst;
        let rest = &text[start..];
        let bytes = rest.as_bytes();
        let mut pos = 0;
        let first = match rest.chars().next() {
            Some(c) => c,
            None => return,
        };
        // A word in lower case walks only the lower-case names of the article's language.
        let prefixes = self.prefixes(first.is_lowercase(), lang);
        let Some(root) = prefixes.root else {
            return;
        };
        let mut node: Node<'_> = fst.node(root.addr);
        let mut output: u64 = root.output;
        // The name the walk has read up to `pos`, if `node` ends one and a word ends there.
        let report = |node: &Node<'_>, output: u64, pos: usize, out: &mut Vec<RawMatch>| {
            let boundary = || {
                rest[pos..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            };
            if node.is_final() && boundary() {
                out.push(RawMatch {
                    start,
                    end: start + pos,
                    group: output + node.final_output().value(),
                });
            }
        };
        if let Some(k) = bytes.get(..3).and_then(|b| trigram(b[0], b[1], b[2])) {
            // Three letters or digits: no name ends inside them on a word boundary, and the
            // walk through them was done once at load.
            let Some(s) = self.starts.get(prefixes.start_of[k] as usize) else {
                return;
            };
            node = fst.node(s.addr);
            output = s.output;
            pos = 3;
            report(&node, output, pos, out);
        }
        let mut in_space = false;
        let mut buf = [0u8; 16];
        while pos < bytes.len() {
            let (n, len) = fold_char(rest, pos, &mut in_space, &mut buf);
            if n == 0 {
                pos += len;
                continue;
            }
            let fed = &buf[..n];
            for &byte in fed {
                match node.find_input(byte) {
                    Some(i) => {
                        let t = node.transition(i);
                        output += t.out.value();
                        node = fst.node(t.addr);
                    }
                    None => return,
                }
            }
            pos += len;
            report(&node, output, pos, out);
        }
    }
}

impl NameIndex {
    /// Where the walks of a word start: the lower-case names of `lang` for a word in lower
    /// case, else every name.
    #[inline]
    fn prefixes(&self, lower_case: bool, lang: Lang) -> &Prefixes {
        if lower_case {
            &self.lower[lang as usize]
        } else {
            &self.upper
        }
    }
}

impl Prefixes {
    /// The prefixes of the keys below `node` (with the output on the way to it); empty when
    /// there is no such node.
    fn below(
        node: Option<(Node<'_>, u64)>,
        starts: &mut Vec<Start>,
        fst: &Fst<Cow<'static, [u8]>>,
    ) -> Prefixes {
        const TRIGRAMS: usize = 36 * 36 * 36;
        let mut prefixes = Prefixes {
            root: None,
            pairs: vec![0u64; 1024],
            trigrams: vec![0u64; TRIGRAMS.div_ceil(64)],
            start_of: vec![u32::MAX; TRIGRAMS],
        };
        let Some((node, output)) = node else {
            return prefixes;
        };
        prefixes.root = Some(Start {
            addr: node.addr(),
            output,
        });
        let bits = &mut prefixes.pairs;
        for t0 in node.transitions() {
            let n1 = fst.node(t0.addr);
            for t1 in n1.transitions() {
                let k = usize::from(t0.inp) * 256 + usize::from(t1.inp);
                bits[k / 64] |= 1 << (k % 64);
            }
            // A one-byte key: any second byte may follow (the walk checks the boundary).
            if n1.is_final() {
                for b1 in 0..=255usize {
                    let k = usize::from(t0.inp) * 256 + b1;
                    bits[k / 64] |= 1 << (k % 64);
                }
            }
        }
        set_trigrams(
            &mut prefixes.trigrams,
            starts,
            &mut prefixes.start_of,
            node,
            output,
            fst,
        );
        prefixes
    }
}

/// The names of one group.
pub struct GroupIter<'a> {
    bytes: &'a [u8],
    at: usize,
    left: u8,
}

impl<'a> Iterator for GroupIter<'a> {
    type Item = NameRef<'a>;

    fn next(&mut self) -> Option<NameRef<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let b = self.bytes;
        let flags = *b.get(self.at)?;
        let len = u16::from_le_bytes([*b.get(self.at + 1)?, *b.get(self.at + 2)?]) as usize;
        let text_start = self.at + 3;
        let text = std::str::from_utf8(b.get(text_start..text_start + len)?).ok()?;
        let at = text_start + len;
        let n = u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]) as usize;
        let places = b.get(at + 2..at + 2 + 4 * n)?;
        self.at = at + 2 + 4 * n;
        Some(NameRef {
            text,
            form: form_of(flags),
            case_sensitive: flags & 8 != 0,
            common_word: flags & 16 != 0,
            lang: Lang::from_index_bits(flags >> 5),
            places,
        })
    }
}

/// The bytes the name walk feeds for the character at `pos` of `rest`, written into `buf`:
/// `(bytes written, bytes read)`. Letters in lower case, curly apostrophes as a straight one, a
/// whitespace run as one space (0 bytes written for whitespace after whitespace: skipped).
fn fold_char(rest: &str, pos: usize, in_space: &mut bool, buf: &mut [u8; 16]) -> (usize, usize) {
    let b = rest.as_bytes()[pos];
    if b < 0x80 {
        if b.is_ascii_whitespace() {
            let skip = *in_space;
            *in_space = true;
            buf[0] = b' ';
            return (usize::from(!skip), 1);
        }
        *in_space = false;
        buf[0] = b.to_ascii_lowercase();
        return (1, 1);
    }
    let c = rest[pos..].chars().next().unwrap_or(' ');
    let len = c.len_utf8();
    if c.is_whitespace() {
        let skip = *in_space;
        *in_space = true;
        buf[0] = b' ';
        return (usize::from(!skip), len);
    }
    *in_space = false;
    let c = match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        c => c,
    };
    let mut n = 0;
    for l in c.to_lowercase() {
        n += l.encode_utf8(&mut buf[n..]).len();
    }
    (n, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str, places: &[PlaceId], form: Form) -> Name {
        Name {
            text: text.to_string(),
            places: places.to_vec(),
            form,
            case_sensitive: false,
            lang: None,
        }
    }

    #[test]
    fn builds_walks_and_reads_groups() {
        let names = vec![
            name("New South Wales", &[1], Form::Name),
            name("Wales", &[2], Form::Name),
            name("Nice", &[3, 4], Form::City),
            name("al-Qahira", &[5], Form::City),
        ];
        let common = ["nice".to_string()].into_iter().collect();
        let index = NameIndex::build(&names, &common);
        let text = "in New  South\nWales and Nice, al-Qahira";
        let mut out = Vec::new();
        for word in ["New", "Wales", "Nice", "al-Qahira"] {
            let start = text.find(word).unwrap();
            index.matches_at(text, start, Lang::En, &mut out);
        }
        let got: Vec<(&str, Vec<PlaceId>, bool)> = out
            .iter()
            .map(|m| {
                let n = index.group(m.group).next().unwrap();
                (&text[m.start..m.end], n.places().collect(), n.common_word)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("New  South\nWales", vec![1], false),
                ("Wales", vec![2], false),
                ("Nice", vec![3, 4], true),
                ("al-Qahira", vec![5], false),
            ]
        );
        // No match inside a word, and a round trip through bytes gives the same index.
        out.clear();
        index.matches_at("Walesby", 0, Lang::En, &mut out);
        assert!(out.is_empty());
        let fst: &'static [u8] = Box::leak(index.fst_bytes().to_vec().into_boxed_slice());
        let bin: &'static [u8] = Box::leak(index.group_bytes().to_vec().into_boxed_slice());
        let loaded = NameIndex::from_bytes(fst, bin).unwrap();
        assert_eq!(loaded.get("wales"), index.get("wales"));
    }

    /// Every prefix length around the three letters the walk starts after: names of one, two,
    /// three and more letters, in upper and lower case, followed by a boundary or not.
    #[test]
    fn names_of_any_length_match_on_word_boundaries() {
        let names = vec![
            name("X", &[1], Form::Code),
            name("UK", &[2], Form::Code),
            name("NCA", &[3], Form::Agency),
            name("NCA Centre", &[4], Form::Agency),
            name("Oman", &[5], Form::Name),
            name("al-Bab", &[6], Form::City),
            name("Ürümqi", &[7], Form::City),
        ];
        let index = NameIndex::build(&names, &Default::default());
        let places = |text: &str| -> Vec<Vec<PlaceId>> {
            let mut out = Vec::new();
            index.matches_at(text, 0, Lang::En, &mut out);
            out.iter()
                .map(|m| index.group(m.group).next().unwrap().places().collect())
                .collect()
        };
        assert_eq!(places("X marks"), [[1]]);
        assert_eq!(places("UK."), [[2]]);
        assert_eq!(places("NCA's officers"), [[3]]);
        assert_eq!(places("NCA"), [[3]]);
        assert_eq!(places("NCA\u{a0}x"), [[3]]);
        assert_eq!(places("NCAé"), Vec::<Vec<PlaceId>>::new());
        assert_eq!(places("NCA  Centre,"), [[3], [4]]);
        assert_eq!(places("NCAS"), Vec::<Vec<PlaceId>>::new());
        assert_eq!(places("Oman"), [[5]]);
        assert_eq!(places("Omani"), Vec::<Vec<PlaceId>>::new());
        assert_eq!(places("al-Bab"), [[6]]);
        assert_eq!(places("Ürümqi"), [[7]]);
        assert_eq!(places("UKx"), Vec::<Vec<PlaceId>>::new());
    }
}

//! Eight bytes tested at a time as one number, for the scans that read every byte of an
//! article (the JSON escapes of every event, the digits of dates).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in each of the eight bytes.
pub(crate) const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// True when some byte of `word` is below `n` (the classic `(x - n·0x01…) & !x & 0x80…`, exact
/// as a yes or no for `n` ≤ 0x80). A byte equal to `b` is one that `word ^ splat(b)` turns
/// into zero, below 1.
pub(crate) fn has_byte_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(splat(n)) & !word & HIGH != 0
}

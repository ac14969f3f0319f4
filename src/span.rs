//! Byte spans into an article's text.
//!
//! Every stage refers to text by `Span` (byte offsets into `Article::text`), never by copies,
//! so that any output can point back at the words it came from.

/// A half-open byte range `start..end` into an article's text (UTF-8 byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub(crate) fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub(crate) fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies within this span.
    #[cfg(test)]
    pub(crate) fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_slices_text() {
        let text = "raids in Bulgaria";
        let span = Span::new(9, 17);
        assert_eq!(span.of(text), "Bulgaria");
        assert_eq!(span.len(), 8);
        assert!(Span::new(0, 17).contains(span));
        assert!(!span.contains(Span::new(0, 5)));
    }
}

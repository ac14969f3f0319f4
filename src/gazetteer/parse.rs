//! Readers for the gazetteer's tab-separated files, with `file:line` errors.
//!
//! Each file starts with `#` comment lines, then a header row naming the columns, then one
//! record a line. Lists inside a field are separated by `|`. In: a table's text and its
//! columns. Out: its rows, each deserialised into the table's `#[derive(Deserialize)]` row
//! struct ([`Rows`], through the `csv` crate), or, for the big cities table, found with memchr
//! and deserialised from its fields by position ([`from_fields`]).

use crate::error::{Error, Result};
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

/// The rows of a gazetteer TSV file, read one at a time (each borrows the reader until the
/// next), after its header was checked.
pub struct Rows<'t> {
    file: &'static str,
    text: &'t str,
    reader: csv::Reader<&'t [u8]>,
    header: csv::StringRecord,
    record: csv::StringRecord,
}

impl<'t> Rows<'t> {
    /// Opens a table whose header must be `header`: no header, or another one, is an error.
    pub(crate) fn new(file: &'static str, text: &'t str, header: &[&str]) -> Result<Rows<'t>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .has_headers(true)
            .quoting(false)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let found = reader.headers().cloned();
        let line = line_before(text, &reader);
        let found = found.map_err(|e| csv_error((file, line), &e, None))?;
        if found.is_empty() {
            return Err(table_error(file, 0, "no header row".to_string()));
        }
        if found.iter().ne(header.iter().copied()) {
            let found: Vec<&str> = found.iter().collect();
            let message = format!(
                "expected header `{}`, found `{}`",
                header.join("\\t"),
                found.join("\\t")
            );
            return Err(table_error(file, line, message));
        }
        Ok(Rows {
            file,
            text,
            reader,
            header: found,
            record: csv::StringRecord::new(),
        })
    }

    /// The next row with its 1-based line, its columns deserialised by name into `T`; `None`
    /// after the last. A row with another number of columns than the header, or a column `T`
    /// cannot take (a number that is not one), is an error naming the line and the column.
    pub fn next<'r, T: Deserialize<'r>>(&'r mut self) -> Result<Option<(usize, T)>> {
        let read = self.reader.read_record(&mut self.record);
        let at = (self.file, line_before(self.text, &self.reader));
        match read {
            Ok(false) => return Ok(None),
            Ok(true) => {}
            Err(e) => return Err(csv_error(at, &e, None)),
        }
        let this: &'r Rows<'t> = self;
        let row = this
            .record
            .deserialize(Some(&this.header))
            .map_err(|e| csv_error(at, &e, Some((&this.header, &this.record))))?;
        Ok(Some((at.1, row)))
    }
}

/// A `Gazetteer` error in `file` at `line`.
fn table_error(file: &'static str, line: usize, message: String) -> Error {
    Error::Gazetteer {
        file,
        line,
        message,
    }
}

/// The 1-based line of the record `reader` has just read (a record is one line: quoting is
/// off). The reader stands after it: after its `\n`, or on the `\n` of its `\r\n`, or at the
/// end. (A record's own position is where reading it began, before the blank and comment
/// lines the reader skipped.)
fn line_before(text: &str, reader: &csv::Reader<&[u8]>) -> usize {
    let at = reader.position();
    let after_newline = usize::try_from(at.byte())
        .ok()
        .and_then(|b| b.checked_sub(1))
        .is_some_and(|b| text.as_bytes().get(b) == Some(&b'\n'));
    usize::try_from(at.line()).unwrap_or(0) - usize::from(after_newline)
}

/// A csv error on the row at `line` as a gazetteer error: a wrong column count, or a column
/// that does not deserialise (named, with its value).
fn csv_error(
    (file, line): (&'static str, usize),
    err: &csv::Error,
    row: Option<(&csv::StringRecord, &csv::StringRecord)>,
) -> Error {
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} columns, found {len}"),
        csv::ErrorKind::Deserialize { err, .. } => {
            let field = err.field().and_then(|i| usize::try_from(i).ok());
            let (header, record) = row.unzip();
            let value = field.and_then(|i| record?.get(i)).unwrap_or_default();
            let name = column(field, |i| header?.get(i));
            match err.kind() {
                csv::DeserializeErrorKind::ParseInt(_)
                | csv::DeserializeErrorKind::ParseFloat(_) => {
                    format!("column {name}: `{value}` is not a number")
                }
                other => format!("column {name}: {other}"),
            }
        }
        _ => err.to_string(),
    };
    table_error(file, line, message)
}

/// A column in messages: its name from the header (`` `lon` ``), else its 1-based number.
fn column<'h>(index: Option<usize>, name: impl Fn(usize) -> Option<&'h str>) -> String {
    match index.and_then(name) {
        Some(name) => format!("`{name}`"),
        None => format!("{}", index.map_or(0, |i| i + 1)),
    }
}

/// Deserialises a row already split into its fields (in column order) into `T`, whose fields
/// are read by position: a `&str` borrows its field, a number is parsed, an `Option` is
/// `None` for an empty field, [`serde::de::IgnoredAny`] skips a column. Columns after `T`'s
/// last field are not read. For the cities table's fast path (the `cities` module); an error
/// names the column, as [`Rows::next`] does.
#[inline]
pub fn from_fields<'a, T: Deserialize<'a>>(
    (file, line): (&'static str, usize),
    header: &[&str],
    fields: &[&'a str],
) -> Result<T> {
    let mut row = Fields { fields, at: 0 };
    T::deserialize(&mut row).map_err(|e| field_error((file, line), header, row.at, &e))
}

/// The error of [`from_fields`] after `at` fields were read (off the fast path).
#[cold]
fn field_error(
    (file, line): (&'static str, usize),
    header: &[&str],
    at: usize,
    e: &FieldError,
) -> Error {
    let name = column(at.checked_sub(1), |i| header.get(i).copied());
    table_error(file, line, format!("column {name}: {}", e.0))
}

/// A split row, read field after field.
struct Fields<'a, 'f> {
    fields: &'f [&'a str],
    /// Fields read so far.
    at: usize,
}

/// Why a field did not deserialise.
#[derive(Debug)]
struct FieldError(String);

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FieldError {}

impl de::Error for FieldError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        FieldError(msg.to_string())
    }
}

impl<'de> Deserializer<'de> for &mut Fields<'de, '_> {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        visitor.visit_seq(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de> SeqAccess<'de> for Fields<'de, '_> {
    type Error = FieldError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> std::result::Result<Option<S::Value>, FieldError> {
        let Some(&field) = self.fields.get(self.at) else {
            return Err(FieldError(format!("missing (only {} columns)", self.at)));
        };
        self.at += 1;
        seed.deserialize(Field(field)).map(Some)
    }
}

/// One field of a split row.
struct Field<'a>(&'a str);

impl Field<'_> {
    fn number<N: std::str::FromStr>(&self) -> std::result::Result<N, FieldError> {
        self.0
            .parse()
            .map_err(|_| FieldError(format!("`{}` is not a number", self.0)))
    }
}

impl<'de> Deserializer<'de> for Field<'de> {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_u32<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        visitor.visit_u32(self.number()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        visitor.visit_u64(self.number()?)
    }

    fn deserialize_f64<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        visitor.visit_f64(self.number()?)
    }

    fn deserialize_option<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        if self.0.is_empty() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, FieldError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u128 f32 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// Splits a `|`-separated list field; empty gives an empty list.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Ab<'a> {
        a: &'a str,
        b: Option<f64>,
    }

    fn all(text: &str, header: &[&str]) -> Result<Vec<(usize, String, Option<f64>)>> {
        let mut rows = Rows::new("t.tsv", text, header)?;
        let mut out = Vec::new();
        while let Some((line, row)) = rows.next::<Ab>()? {
            out.push((line, row.a.to_string(), row.b));
        }
        Ok(out)
    }

    #[test]
    fn reads_rows_after_comments_and_header() {
        let text = "# comment\na\tb\n1\t2\n\n# more\n3\t\n4\t5";
        let rows = all(text, &["a", "b"]).unwrap();
        assert_eq!(
            rows,
            [
                (3, "1".to_string(), Some(2.0)),
                (6, "3".to_string(), None),
                (7, "4".to_string(), Some(5.0))
            ]
        );
        let crlf = all("# c\r\na\tb\r\n\r\n1\t2\r\n", &["a", "b"]).unwrap();
        assert_eq!(crlf, [(4, "1".to_string(), Some(2.0))]);
    }

    #[test]
    fn names_file_and_line_on_bad_column_count() {
        let err = all("a\tb\n1\n", &["a", "b"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/t.tsv:2: expected 2 columns, found 1"
        );
        let err = all("# only\n", &["a", "b"]).unwrap_err();
        assert_eq!(err.to_string(), "gazetteer/t.tsv:0: no header row");
        let err = all("# c\n\na\tc\n", &["a", "b"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/t.tsv:3: expected header `a\\tb`, found `a\\tc`"
        );
        let err = all("a\tb\n1\t2\n\n# c\n1\t2\t3\n", &["a", "b"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/t.tsv:5: expected 2 columns, found 3"
        );
    }

    #[test]
    fn names_bad_numbers() {
        let err = all("a\tb\n1\t1.5\n2\tx\n", &["a", "b"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/t.tsv:3: column `b`: `x` is not a number"
        );
        let err = from_fields::<(u32, f64)>(("c.tsv", 7), &["id", "lon"], &["1", "y"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer/c.tsv:7: column `lon`: `y` is not a number"
        );
        let row: Ab = from_fields(("t.tsv", 1), &["a", "b"], &["x", ""]).unwrap();
        assert_eq!(row, Ab { a: "x", b: None });
    }
}

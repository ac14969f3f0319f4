//! Readers for the gazetteer's tab-separated files, with `file:line` errors.
//!
//! Each file starts with `#` comment lines, then a header row naming the columns, then one
//! record a line. Lists inside a field are separated by `|`.

use crate::error::{Error, Result};

/// One parsed row of a TSV file: its 1-based line number and its fields.
pub struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// The fields, in header order.
    pub fields: Vec<&'a str>,
}

/// Splits a gazetteer TSV file into rows, checking the header and the column count.
pub fn rows<'a>(file: &'static str, text: &'a str, header: &[&str]) -> Result<Vec<Row<'a>>> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        if !seen_header {
            if fields != header {
                return Err(Error::Gazetteer {
                    file,
                    line,
                    message: format!(
                        "expected header `{}`, found `{}`",
                        header.join("\\t"),
                        raw.replace('\t', "\\t")
                    ),
                });
            }
            seen_header = true;
            continue;
        }
        if fields.len() != header.len() {
            return Err(Error::Gazetteer {
                file,
                line,
                message: format!("expected {} columns, found {}", header.len(), fields.len()),
            });
        }
        rows.push(Row { line, fields });
    }
    if !seen_header {
        return Err(Error::Gazetteer {
            file,
            line: 0,
            message: "no header row".to_string(),
        });
    }
    Ok(rows)
}

/// Parses a number field, naming the column on failure.
pub fn number<T: std::str::FromStr>(
    file: &'static str,
    row: &Row<'_>,
    column: usize,
    name: &str,
) -> Result<T> {
    row.fields[column].parse().map_err(|_| Error::Gazetteer {
        file,
        line: row.line,
        message: format!("column `{name}`: `{}` is not a number", row.fields[column]),
    })
}

/// Parses an optional number field (empty means none).
pub fn optional_number<T: std::str::FromStr>(
    file: &'static str,
    row: &Row<'_>,
    column: usize,
    name: &str,
) -> Result<Option<T>> {
    if row.fields[column].is_empty() {
        Ok(None)
    } else {
        number(file, row, column, name).map(Some)
    }
}

/// Splits a `|`-separated list field; empty gives an empty list.
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_after_comments_and_header() {
        let text = "# comment\na\tb\n1\t2\n\n3\t4\n";
        let rows = rows("t.tsv", text, &["a", "b"]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 5);
        assert_eq!(rows[1].fields, vec!["3", "4"]);
    }

    #[test]
    fn names_file_and_line_on_bad_column_count() {
        let err = rows("t.tsv", "a\tb\n1\n", &["a", "b"]).err().unwrap();
        assert_eq!(
            err.to_string(),
            "gazetteer/t.tsv:2: expected 2 columns, found 1"
        );
    }

    #[test]
    fn names_bad_numbers() {
        let rows = rows("t.tsv", "a\n1.5\nx\n", &["a"]).unwrap();
        assert_eq!(number::<f64>("t.tsv", &rows[0], 0, "a").unwrap(), 1.5);
        let err = number::<f64>("t.tsv", &rows[1], 0, "a").err().unwrap();
        assert!(err
            .to_string()
            .contains("t.tsv:3: column `a`: `x` is not a number"));
    }
}

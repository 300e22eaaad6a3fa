//! Rewriting a file without losing what this rolefit does not know: the file is edited as a
//! `toml_edit` document, so keys and tables a newer rolefit (or a person) added stay, with
//! their comments and layout.

use std::path::Path;

use toml_edit::{DocumentMut, Item, Table};

use super::StoreError;

/// The text as an editable document.
pub fn document(text: &str, path: &Path) -> Result<DocumentMut, StoreError> {
    text.parse().map_err(|e: toml_edit::TomlError| {
        super::unreadable(path, crate::explain::spanned(text, e.message(), e.span()))
    })
}

/// `value` encoded as a document of its own.
pub fn encode<T: serde::Serialize>(value: &T, path: &Path) -> Result<DocumentMut, StoreError> {
    document(&super::to_toml(value, path)?, path)
}

/// Writes every key of `known` into `old` as `fresh` has it (removing those `fresh` lacks: an
/// option that was cleared), and leaves every other key of `old` as it was.
pub fn overlay(old: &mut Table, fresh: &Table, known: &[&str]) {
    for key in known {
        match (fresh.get(key), old.get_mut(key)) {
            // In place: the key keeps its comments, the value its trailing comment.
            (Some(item), Some(slot)) => {
                let decor = slot.as_value().map(|v| v.decor().clone());
                *slot = item.clone();
                if let (Some(decor), Some(v)) = (decor, slot.as_value_mut()) {
                    *v.decor_mut() = decor;
                }
            }
            (Some(item), None) => {
                old.insert(key, item.clone());
            }
            (None, _) => {
                old.remove(key);
            }
        }
    }
}

/// The tables of an array of tables, written either as `[[name]]` sections or inline.
pub fn tables(item: Option<&Item>) -> Vec<Table> {
    match item {
        Some(Item::ArrayOfTables(a)) => a.iter().cloned().collect(),
        Some(Item::Value(toml_edit::Value::Array(a))) => a
            .iter()
            .filter_map(|v| v.as_inline_table().cloned())
            .map(toml_edit::InlineTable::into_table)
            .collect(),
        _ => Vec::new(),
    }
}

//! Every public function, type and trait of the library crates has a doc example that runs
//! (CONTRIBUTING.md, "Public items"). This check reads the sources as text: for each
//! `pub fn`, `pub struct`, `pub enum`, `pub trait` or `pub type` line it looks at the `///`
//! comment above it (attributes may sit in between) and wants a fenced code block there that
//! rustdoc runs: not `ignore`, not `no_run`, not `text`. Unit-test modules are skipped.
//!
//! It runs as a unit test of this crate and as a step of `cargo course verify`.

#![cfg_attr(not(test), allow(dead_code))]

use std::path::{Path, PathBuf};

/// Crates whose public items are an API for other crates; the course tool itself is a binary.
const EXCLUDED_CRATES: &[&str] = &["course"];

const ITEM_KEYWORDS: &[&str] =
    &["pub fn ", "pub const fn ", "pub struct ", "pub enum ", "pub trait ", "pub type "];

/// `path:line: item` for every public item under `crates_dir/*/src` without a running example.
pub fn missing_examples(crates_dir: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    for source in library_sources(crates_dir) {
        let Ok(text) = std::fs::read_to_string(&source) else {
            continue;
        };
        let shown = source.strip_prefix(crates_dir.parent().unwrap_or(crates_dir)).unwrap_or(&source);
        for (line, item) in items_without_examples(&text) {
            missing.push(format!("{}:{line}: {item}", shown.display()));
        }
    }
    missing
}

/// `(line number, item line)` of each public item in `source` without a running doc example.
pub fn items_without_examples(source: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut missing = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break; // the unit tests come last in every file of this workspace
        }
        if !ITEM_KEYWORDS.iter().any(|keyword| trimmed.starts_with(keyword)) {
            continue;
        }
        if !has_running_example(&lines[..index]) {
            missing.push((index + 1, trimmed.trim_end_matches('{').trim().to_owned()));
        }
    }
    missing
}

/// Does the doc comment ending just above these lines contain a code block rustdoc runs?
fn has_running_example(above: &[&str]) -> bool {
    let doc: Vec<&str> = above
        .iter()
        .rev()
        .map(|line| line.trim_start())
        .skip_while(|line| line.starts_with("#[") || line.starts_with("// ANCHOR"))
        .take_while(|line| line.starts_with("///"))
        .collect();
    let fences: Vec<&str> =
        doc.iter().filter_map(|line| line.trim_start_matches('/').trim().strip_prefix("```")).collect();
    let runs =
        |info: &&str| !["ignore", "no_run", "text", "compile_fail"].iter().any(|word| info.contains(word));
    !fences.is_empty() && fences.iter().all(runs)
}

/// The `.rs` files under `crates_dir/<crate>/src`, sorted, excluding [`EXCLUDED_CRATES`].
fn library_sources(crates_dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending: Vec<PathBuf> = std::fs::read_dir(crates_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| !EXCLUDED_CRATES.iter().any(|name| entry.file_name() == *name))
        .map(|entry| entry.path().join("src"))
        .collect();
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chapters::repo_root;

    #[test]
    fn every_public_item_has_a_running_example() {
        let missing = missing_examples(&repo_root().join("crates"));
        assert!(
            missing.is_empty(),
            "{} public items without a doc example that runs:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }

    #[test]
    fn items_without_running_examples_are_found() {
        let source = "\
/// Documented, with an example.
///
/// ```
/// assert!(true);
/// ```
#[inline]
pub fn good() {}

/// No example.
pub fn bad() {}

/// An example that never runs.
/// ```no_run
/// loop {}
/// ```
pub struct NotRun;

fn private() {}

#[cfg(test)]
mod tests {
    pub fn helper() {}
}
";
        let missing: Vec<String> = items_without_examples(source).into_iter().map(|(_, item)| item).collect();
        assert_eq!(missing, ["pub fn bad() {}", "pub struct NotRun;"]);
    }
}

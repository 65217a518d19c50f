//! Checks on the book's Markdown sources that keep its code honest:
//!
//! * a page with a ```` ```rust ```` block is hosted as doctests by a chapter crate
//!   (`#[doc = include_str!("../../../book/<page>")]`), so `cargo test` compiles and runs it;
//! * a ```` ```rs ```` block only shows crate code through mdBook's `{{#include file:anchor}}`,
//!   and the file is a Rust source the tests compile (under crates/ or exercises/).
//!
//! The checks run as this crate's unit tests, so `cargo test` fails when a page escapes them.

#![cfg_attr(not(test), allow(dead_code))]

use std::path::{Path, PathBuf};

/// A fenced code block: the page it is on, its first line number, its language and its lines.
#[derive(Debug)]
pub struct CodeBlock {
    pub page: PathBuf,
    pub line: usize,
    pub language: String,
    pub body: Vec<String>,
}

/// The fenced code blocks of one Markdown text.
pub fn code_blocks(page: &Path, markdown: &str) -> Vec<CodeBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<CodeBlock> = None;
    for (index, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            match open.take() {
                Some(block) => blocks.push(block),
                None => {
                    let language = info.split([',', ' ']).next().unwrap_or("").trim().to_owned();
                    open = Some(CodeBlock {
                        page: page.to_owned(),
                        line: index + 1,
                        language,
                        body: Vec::new(),
                    });
                }
            }
        } else if let Some(block) = open.as_mut() {
            block.body.push(line.to_owned());
        }
    }
    blocks
}

/// Every problem with the book's code blocks under `book_dir`, given the Rust sources that
/// could host pages (`rust_sources`: path and text).
pub fn problems(book_dir: &Path, rust_sources: &[(PathBuf, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for page in markdown_pages(book_dir) {
        let relative = page.strip_prefix(book_dir).unwrap_or(&page).to_string_lossy().replace('\\', "/");
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let blocks = code_blocks(&page, &text);
        let hosting_marker = format!("book/{relative}\")");
        let hosted = rust_sources
            .iter()
            .any(|(_, source)| source.contains("include_str!") && source.contains(&hosting_marker));
        for block in &blocks {
            match block.language.as_str() {
                "rust" if !hosted => problems.push(format!(
                    "book/{relative}:{}: a ```rust block on a page no crate hosts as doctests \
                     (add #[doc = include_str!(\"../../../book/{relative}\")] to a chapter crate)",
                    block.line
                )),
                "rs" => problems.extend(include_problems(&relative, block)),
                _ => {}
            }
        }
    }
    problems
}

/// A ```rs block may hold only `{{#include <file>[:anchor]}}` lines naming compiled Rust sources.
fn include_problems(relative: &str, block: &CodeBlock) -> Vec<String> {
    let mut problems = Vec::new();
    let page_dir = block.page.parent().unwrap_or(Path::new("."));
    for line in block.body.iter().filter(|line| !line.trim().is_empty()) {
        let target = line.trim().strip_prefix("{{#include ").and_then(|rest| rest.strip_suffix("}}"));
        let Some(target) = target else {
            problems.push(format!(
                "book/{relative}:{}: a ```rs block may only {{{{#include}}}} crate code; write ```rust for code to run",
                block.line
            ));
            continue;
        };
        let (file, anchor) =
            target.split_once(':').map_or((target, None), |(file, anchor)| (file, Some(anchor)));
        let path = page_dir.join(file.trim());
        let compiled = file.ends_with(".rs") && (file.contains("crates/") || file.contains("exercises/"));
        match std::fs::read_to_string(&path) {
            Err(_) => {
                problems.push(format!("book/{relative}:{}: included file {file} does not exist", block.line))
            }
            Ok(_) if !compiled => problems.push(format!(
                "book/{relative}:{}: included file {file} is not Rust source under crates/ or exercises/",
                block.line
            )),
            Ok(source) => {
                let named_anchor = anchor.filter(|a| !a.chars().all(|c| c.is_ascii_digit()));
                if let Some(anchor) = named_anchor
                    && !source.contains(&format!("ANCHOR: {anchor}"))
                {
                    problems
                        .push(format!("book/{relative}:{}: {file} has no `// ANCHOR: {anchor}`", block.line));
                }
            }
        }
    }
    problems
}

/// The Markdown pages under `book_dir` (vendored folders excluded), sorted.
fn markdown_pages(book_dir: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let mut pending = vec![book_dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                if !path.ends_with("katex") {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

/// Every `.rs` file under `dir` with its text.
pub fn rust_sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut sources = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                sources.push((path, text));
            }
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chapters::repo_root;

    #[test]
    fn every_book_code_block_is_compiled_by_the_tests() {
        let root = repo_root();
        let found = problems(&root.join("book"), &rust_sources(&root.join("crates")));
        assert!(found.is_empty(), "book code blocks that no test compiles:\n{}", found.join("\n"));
    }

    #[test]
    fn an_unhosted_page_and_a_bad_include_are_reported() {
        let dir = std::env::temp_dir().join(format!("course-book-sources-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("book")).unwrap();
        std::fs::write(
            dir.join("book/page.md"),
            "# Page\n```rust\nassert!(true);\n```\n```rs\n{{#include ../missing.rs}}\n```\n```rs\nlet x = 1;\n```\n",
        )
        .unwrap();
        let found = problems(&dir.join("book"), &[]);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[0].contains("no crate hosts"));
        assert!(found[1].contains("does not exist"));
        assert!(found[2].contains("may only"));

        let host = (PathBuf::from("lib.rs"), "#[doc = include_str!(\"../../../book/page.md\")]".to_owned());
        let found = problems(&dir.join("book"), &[host]);
        assert_eq!(found.len(), 2, "{found:#?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! `unsafe` stays in one place: the workspace denies `unsafe_code`, and only the kernels'
//! dispatch module may allow it (it calls `#[target_feature]` functions after checking the CPU).
//! This check reads every Rust source under `crates/` as text and reports any other file that
//! allows the lint.
//!
//! It runs as a unit test of this crate, so in every full test run and in `cargo course verify`.

#![cfg_attr(not(test), allow(dead_code))]

use std::path::{Path, PathBuf};

/// The one file allowed to allow the `unsafe_code` lint, relative to the repository root.
pub const UNSAFE_ALLOWED_IN: &str = "crates/chapter4/src/kernels/dispatch.rs";

/// Every `.rs` file under `root/crates` (outside `target/`) other than [`UNSAFE_ALLOWED_IN`]
/// that allows `unsafe_code`, as paths relative to `root`.
pub fn files_allowing_unsafe(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![root.join("crates")];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() && path.file_name().is_some_and(|name| name != "target") {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && allows_unsafe(&path) {
                let shown = relative(root, &path);
                if shown != UNSAFE_ALLOWED_IN {
                    found.push(shown);
                }
            }
        }
    }
    found.sort();
    found
}

/// Does the file hold an attribute that allows the lint (`#[allow(..` or `#![allow(..` with it first)?
fn allows_unsafe(path: &Path) -> bool {
    // Spelled in pieces so that this file does not match itself.
    let lint = format!("allow({}_code", "unsafe");
    let markers = [format!("#[{lint}"), format!("#![{lint}")];
    std::fs::read_to_string(path).is_ok_and(|text| markers.iter().any(|marker| text.contains(marker)))
}

fn relative(root: &Path, path: &Path) -> String {
    let shown: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    shown.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chapters::repo_root;

    #[test]
    fn only_the_dispatch_module_allows_unsafe() {
        assert!(repo_root().join(UNSAFE_ALLOWED_IN).is_file());
        assert_eq!(files_allowing_unsafe(&repo_root()), Vec::<String>::new());
    }

    #[test]
    fn another_file_that_allows_unsafe_is_reported() {
        let dir = std::env::temp_dir().join(format!("course-unsafe-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("crates/chapter9/src")).unwrap();
        std::fs::create_dir_all(dir.join("crates/chapter4/src/kernels")).unwrap();
        let allow = format!("#![allow({}_code)]\n", "unsafe");
        std::fs::write(dir.join("crates/chapter9/src/lib.rs"), &allow).unwrap();
        std::fs::write(dir.join(UNSAFE_ALLOWED_IN), &allow).unwrap();
        std::fs::write(dir.join("crates/chapter9/src/safe.rs"), "fn f() {}\n").unwrap();
        assert_eq!(files_allowing_unsafe(&dir), ["crates/chapter9/src/lib.rs"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

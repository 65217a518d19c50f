//! Proves that each chapter's exercise tests reject known wrong answers, not just the stubs.
//!
//! `crates/chapterN/tests/wrong_answers/<exercise file stem>/<mistake>.rs` holds complete exercise
//! files with one plausible mistake each (the first line says which). For every one, this step
//! builds a scratch copy of the workspace with the chapter's solutions in place, swaps in the wrong
//! file, and runs that exercise's test: it must fail (a compile error does not count). Every
//! exercise needs at least one wrong answer.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::chapters::{Chapter, repo_root};

/// Files and folders a scratch workspace needs to build a chapter's exercise tests.
const WORKSPACE_ITEMS: &[&str] = &["Cargo.toml", "Cargo.lock", "crates", "exercises", "book"];

/// Checks every wrong answer of `chapter`; Err lists the ones the tests let through.
pub fn check(chapter: &Chapter) -> Result<(), String> {
    let root = repo_root();
    let scratch = root.join("target/wrong-answers").join(&chapter.package);
    let workspace = scratch.join("workspace");
    let _ = std::fs::remove_dir_all(&workspace);
    for item in WORKSPACE_ITEMS {
        copy_recursively(&root.join(item), &workspace.join(item))
            .map_err(|error| format!("copying {item}: {error}"))?;
    }
    let exercises_dir = workspace.join("exercises").join(&chapter.package);
    let solutions_dir = exercises_dir.join("solutions");
    for solution in rust_files(&solutions_dir) {
        let name = solution.file_name().unwrap_or_default();
        std::fs::copy(&solution, exercises_dir.join(name)).map_err(|error| error.to_string())?;
    }

    let wrong_dir = root.join("crates").join(&chapter.package).join("tests/wrong_answers");
    let mut problems = Vec::new();
    let mut caught = 0;
    for stub in rust_files(&exercises_dir).iter().filter(|path| is_exercise_file(path)) {
        let stem = stub.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let test_name = exercise_test_name(&stem);
        let wrong_answers = rust_files(&wrong_dir.join(&stem));
        if wrong_answers.is_empty() {
            problems.push(format!("{stem}: no wrong answers in {}", wrong_dir.join(&stem).display()));
        }
        let solution =
            std::fs::read(solutions_dir.join(format!("{stem}.rs"))).map_err(|error| error.to_string())?;
        for wrong in wrong_answers {
            std::fs::copy(&wrong, stub).map_err(|error| error.to_string())?;
            let label = format!("{stem}/{}", wrong.file_name().unwrap_or_default().to_string_lossy());
            let mistake = first_line(&wrong);
            match run_exercise_test(&chapter.package, &test_name, &workspace, &scratch.join("target")) {
                Outcome::Failed(reason) => {
                    caught += 1;
                    println!("  rejected  {label}: {mistake}\n            by: {reason}");
                }
                Outcome::Passed => problems.push(format!("{label} passes {test_name}: {mistake}")),
                Outcome::DidNotCompile => {
                    problems.push(format!("{label} does not compile, so it proves nothing"))
                }
            }
        }
        std::fs::write(stub, &solution).map_err(|error| error.to_string())?;
    }
    println!("  {caught} wrong answers rejected");
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n  ")) }
}

enum Outcome {
    Passed,
    Failed(String),
    DidNotCompile,
}

fn run_exercise_test(package: &str, test_name: &str, workspace: &Path, target_dir: &Path) -> Outcome {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "--locked", "-p", package, "--test", "exercises", "--", "--exact", test_name])
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove(exercise_check::EXPECT_STUBS_VAR)
        .current_dir(workspace)
        .output();
    let Ok(output) = output else {
        return Outcome::DidNotCompile;
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.success() && stdout.contains("1 passed") {
        Outcome::Passed
    } else if stdout.contains("test result: FAILED") {
        Outcome::Failed(panic_message(&stdout))
    } else {
        Outcome::DidNotCompile
    }
}

/// The line after "panicked at ...": the failing assertion's message.
fn panic_message(stdout: &str) -> String {
    let mut lines = stdout.lines();
    while let Some(line) = lines.next() {
        if line.contains("panicked at") {
            return lines.next().unwrap_or("").trim().chars().take(160).collect();
        }
    }
    String::from("(no panic message found)")
}

/// `ex1_2_inverted_dropout` -> `exercise_1_2_inverted_dropout`.
fn exercise_test_name(stem: &str) -> String {
    format!("exercise_{}", stem.trim_start_matches("ex"))
}

fn is_exercise_file(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("ex"))
}

fn first_line(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let line = text.lines().next().unwrap_or("");
    line.split_once(": ").map_or(line, |(_, why)| why).to_owned()
}

/// The `.rs` files directly in `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

fn copy_recursively(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            copy_recursively(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from, to).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_names_follow_the_exercise_file_names() {
        assert_eq!(exercise_test_name("ex1_2_inverted_dropout"), "exercise_1_2_inverted_dropout");
        assert!(is_exercise_file(Path::new("exercises/chapter1/ex1_1_keep_mask.rs")));
        assert!(!is_exercise_file(Path::new("exercises/chapter1/mod.rs")));
    }

    #[test]
    fn the_failure_reason_is_the_line_after_the_panic_location() {
        let stdout = "---- t stdout ----\nthread 't' panicked at a.rs:1:1:\nexpected 4, got 1\nnote: ...";
        assert_eq!(panic_message(stdout), "expected 4, got 1");
    }
}

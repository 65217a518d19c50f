//! `cargo course verify`: every check, in the order a contributor would fix them. All steps run
//! even after a failure, so one run reports everything; the exit code is non-zero if any failed.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use crate::chapters::{self, repo_root};
use crate::{book_check, browser_check, chromium, process, progress};

/// Runs every step and prints a summary line `verify: N passed, M failed`.
pub fn run() -> Result<(), String> {
    let chapters = chapters::all();
    // Chapter 6's `cli` feature builds its study binary, so that it is linted and tested too.
    let solutions = chapters
        .iter()
        .map(|c| format!("{}/solutions", c.package))
        .chain(cli_features())
        .collect::<Vec<_>>()
        .join(",");
    // The full test run also turns on every chapter's tests kept out of the learner's loop.
    let solutions_and_slow_tests = chapters
        .iter()
        .map(|c| format!("{0}/solutions,{0}/slow-tests", c.package))
        .chain(cli_features())
        .collect::<Vec<_>>()
        .join(",");
    let mut outcomes: Vec<(String, Result<(), String>, f64)> = Vec::new();
    let mut step = |name: &str, action: &mut dyn FnMut() -> Result<(), String>| {
        let started = Instant::now();
        let result = action();
        outcomes.push((name.to_owned(), result, started.elapsed().as_secs_f64()));
    };

    step("format", &mut || {
        cargo("format", &["fmt", "--all", "--check"])?;
        cargo("format of the book tool", &["fmt", "--manifest-path", "tools/book-tool/Cargo.toml", "--check"])
    });
    step("chapter crates follow the convention", &mut || {
        let root = repo_root();
        let problems: Vec<String> =
            chapters.iter().flat_map(|chapter| chapters::convention_problems(&root, chapter)).collect();
        if problems.is_empty() { Ok(()) } else { Err(problems.join("\n  ")) }
    });
    step("lints with the stubs", &mut || {
        cargo(
            "lints with the stubs",
            &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"],
        )
    });
    step("lints with the solutions", &mut || {
        cargo(
            "lints with the solutions",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--locked",
                "--features",
                &solutions,
                "--",
                "-D",
                "warnings",
            ],
        )
    });
    step("all tests, exercises solved, slow tests on", &mut || {
        cargo(
            "all tests with the solutions in place of the stubs (library, book pages, figures, exercises, slow tests)",
            &["test", "--workspace", "--locked", "--no-fail-fast", "--features", &solutions_and_slow_tests],
        )
    });
    step("API documentation builds without warnings", &mut || {
        let mut command = cargo_command(&["doc", "--workspace", "--no-deps", "--locked"]);
        command.env("RUSTDOCFLAGS", "-D warnings");
        process::run("API documentation builds without warnings", &mut command, &repo_root())
    });
    step("benchmarks compile and run once", &mut || {
        // Criterion runs each benchmark a single time under `cargo test`: a check, not a measurement.
        cargo("benchmarks compile and run once", &["test", "--locked", "-p", "gelu-bench", "--benches"])
    });
    for chapter in &chapters {
        let name = format!("{}: every shipped stub fails with its todo! message", chapter.package);
        step(&name, &mut || {
            let mut command =
                cargo_command(&["test", "--locked", "-p", &chapter.package, "--test", "exercises"]);
            command.env(exercise_check::EXPECT_STUBS_VAR, "1");
            process::run(&name, &mut command, &repo_root())
        });
    }
    step(
        "cargo course progress: every shipped stub reported as a stub, every solution as solved",
        &mut || {
            let root = repo_root();
            let mut problems = Vec::new();
            for chapter in &chapters {
                for solutions in [false, true] {
                    let report = progress::test_chapter(&root, chapter, solutions)?;
                    for (exercise, status) in &report.results {
                        let expected = if solutions { "solved" } else { "stub" };
                        if status.label() != expected {
                            let files = if solutions { "the solutions" } else { "the shipped stubs" };
                            problems.push(format!(
                                "Exercise {} with {files}: {} (expected {expected})",
                                exercise.id,
                                status.label()
                            ));
                        }
                    }
                    if report.results.is_empty() {
                        problems.push(format!("{}: no exercises found", chapter.package));
                    }
                }
            }
            if problems.is_empty() { Ok(()) } else { Err(problems.join("\n  ")) }
        },
    );
    for chapter in &chapters {
        // A chapter whose results are too costly for its debug tests commits them as a table and
        // checks it with `examples/chapterN_results.rs --check`, built in release.
        let example = format!("{}_results", chapter.package);
        let path = repo_root().join("crates").join(&chapter.package).join(format!("examples/{example}.rs"));
        if !path.is_file() {
            continue;
        }
        let name = format!("{}: the committed results are what the code gives", chapter.package);
        step(&name, &mut || {
            cargo(
                &name,
                &[
                    "run",
                    "--release",
                    "--quiet",
                    "--locked",
                    "-p",
                    &chapter.package,
                    "--example",
                    &example,
                    "--",
                    "--check",
                ],
            )
        });
    }
    let book_built = std::cell::Cell::new(false);
    step(BOOK_STEP, &mut || {
        let result = book_check::build_and_check();
        book_built.set(result.is_ok());
        result
    });
    let browser_step = "the book in a real browser (headless Chromium, light and navy themes)";
    let in_ci = std::env::var_os("CI").is_some();
    let mut skipped = None;
    match browser_plan(chromium::find(), in_ci, book_built.get()) {
        BrowserPlan::Run(browser) => step(browser_step, &mut || {
            println!("\n==> {browser_step}");
            let summary = browser_check::check(&repo_root().join("target/book"), &browser)?;
            println!("browser check: {summary}");
            Ok(())
        }),
        BrowserPlan::Fail(reason) => step(browser_step, &mut || Err(reason.clone())),
        BrowserPlan::Skip(reason) => skipped = Some(format!("SKIPPED {browser_step}: {reason}")),
    }

    println!("\n==> summary");
    let failed = outcomes.iter().filter(|(_, result, _)| result.is_err()).count();
    for (name, result, seconds) in &outcomes {
        match result {
            Ok(()) => println!("  ok      {name} ({seconds:.0} s)"),
            Err(message) => println!("  FAILED  {name} ({seconds:.0} s): {message}"),
        }
    }
    if let Some(skipped) = &skipped {
        println!("  {skipped}");
    }
    let skipped_note = if skipped.is_some() { ", 1 skipped" } else { "" };
    println!("verify: {} passed, {failed} failed{skipped_note}", outcomes.len() - failed);
    if failed == 0 { Ok(()) } else { Err(format!("{failed} verify step(s) failed")) }
}

const BOOK_STEP: &str = "book builds and works offline";

/// What verify does about the browser check.
#[derive(Debug, PartialEq)]
enum BrowserPlan {
    Run(PathBuf),
    Fail(String),
    Skip(String),
}

/// Run it when Chromium is there and the book was just built; without Chromium, fail in CI (which
/// installs it) and skip elsewhere, saying so; never check a book left over from an earlier build.
fn browser_plan(browser: Option<PathBuf>, in_ci: bool, book_built: bool) -> BrowserPlan {
    match browser {
        _ if !book_built => BrowserPlan::Fail("not run: the book did not build".to_owned()),
        Some(browser) => BrowserPlan::Run(browser),
        None if in_ci => BrowserPlan::Fail(format!(
            "Chromium is required in CI and was not found: {}",
            chromium::INSTALL_HINT
        )),
        None => BrowserPlan::Skip(format!("Chromium was not found; {}", chromium::INSTALL_HINT)),
    }
}

/// Features that build a chapter's command-line binary (chapter 6's study), if the chapter exists.
fn cli_features() -> Vec<String> {
    let manifest = repo_root().join("crates/chapter6/Cargo.toml");
    let has_cli = std::fs::read_to_string(manifest).is_ok_and(|text| text.contains("\ncli = "));
    if has_cli { vec!["chapter6/cli".to_owned()] } else { Vec::new() }
}

fn cargo_command(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.args(args);
    command
}

fn cargo(step: &str, args: &[&str]) -> Result<(), String> {
    process::run(step, &mut cargo_command(args), &repo_root())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_check_runs_fails_or_is_skipped_and_says_so() {
        let chromium = Some(PathBuf::from("/usr/bin/chromium"));
        assert_eq!(
            browser_plan(chromium.clone(), false, true),
            BrowserPlan::Run(PathBuf::from("/usr/bin/chromium"))
        );
        assert!(
            matches!(browser_plan(None, false, true), BrowserPlan::Skip(reason) if reason.contains("apt install chromium"))
        );
        assert!(
            matches!(browser_plan(None, true, true), BrowserPlan::Fail(reason) if reason.contains("required in CI"))
        );
        assert!(
            matches!(browser_plan(chromium, true, false), BrowserPlan::Fail(reason) if reason.contains("did not build"))
        );
    }
}

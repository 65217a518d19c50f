//! `cargo course progress`: which exercises are solved. It runs each chapter's exercise tests
//! (`cargo test -p chapterN --test exercises --no-fail-fast`, output captured), reads libtest's
//! plain output and sorts every exercise into solved, stub (still the shipped `todo!`), failing (a
//! check's assertion) or does not compile; then it names the next exercise with its first hint.
//!
//! The hidden flag `--solutions` runs the same tests against `exercises/chapterN/solutions/`
//! (`--features chapterN/solutions`), where every exercise must come out solved.
//! `cargo course watch` (watch.rs) reuses [`test_chapter`] and the parsers.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::Instant;

use crate::chapters::{self, Chapter, repo_root};
use crate::hints;

/// One exercise: its file, its test and what its page says about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Exercise {
    /// `N.M`.
    pub id: String,
    /// The learner's file, from the repository root: `exercises/chapterN/exN_M_name.rs`.
    pub file: String,
    /// The test in `tests/exercises.rs`: `exercise_N_M_name`.
    pub test: String,
    /// The title of its heading on the exercise page (the file's stem if the page lacks it).
    pub title: String,
    /// Its hints from the exercise page, first hint first.
    pub hints: Vec<String>,
}

/// Where an exercise stands after a test run.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Its test passed.
    Solved,
    /// Its test failed with the shipped stub's panic, "not yet implemented: Exercise N.M ...".
    Stub(String),
    /// Its test failed some other way; the panic message (or what went wrong), all lines.
    Failing(String),
    /// The chapter's tests did not build, so the test could not run.
    DoesNotCompile,
}

impl Status {
    /// The status as one word or phrase for a report.
    pub fn label(&self) -> &'static str {
        match self {
            Status::Solved => "solved",
            Status::Stub(_) => "stub",
            Status::Failing(_) => "failing",
            Status::DoesNotCompile => "does not compile",
        }
    }

    /// The failure message, if the test ran and failed.
    pub fn message(&self) -> Option<&str> {
        match self {
            Status::Stub(message) | Status::Failing(message) => Some(message),
            Status::Solved | Status::DoesNotCompile => None,
        }
    }
}

/// The first error of a build that failed.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildError {
    /// The error's first line, such as `error[E0308]: mismatched types`.
    pub line: String,
    /// `file:line:column` of its ` --> ` line, the file relative to the repository root.
    pub location: Option<String>,
    /// The whole diagnostic as cargo printed it (source excerpt and help included).
    pub block: Vec<String>,
}

/// The outcome of one libtest test.
#[derive(Clone, Debug, PartialEq)]
pub enum TestOutcome {
    /// `test name ... ok`.
    Passed,
    /// `test name ... FAILED`, with the panic message from its `---- name stdout ----` section.
    Failed(String),
    /// `test name ... ignored`.
    Ignored,
}

/// One chapter's exercises after a test run.
#[derive(Clone, Debug)]
pub struct ChapterReport {
    /// The chapter that ran.
    pub chapter: Chapter,
    /// Every exercise of the chapter, in order, with its status.
    pub results: Vec<(Exercise, Status)>,
    /// Why the chapter's tests did not build, if they did not.
    pub build_error: Option<BuildError>,
    /// Wall time of the `cargo test` run.
    pub seconds: f64,
}

impl ChapterReport {
    /// How many of the chapter's exercises are solved.
    pub fn solved(&self) -> usize {
        self.results.iter().filter(|(_, status)| *status == Status::Solved).count()
    }

    /// The exercise to work on next: the one whose file the build error is in, else the first
    /// exercise not solved.
    pub fn next(&self) -> Option<&(Exercise, Status)> {
        let in_error = self.build_error.as_ref().and_then(|error| error.location.as_deref());
        let with_error = in_error.and_then(|location| {
            self.results.iter().find(|(exercise, _)| location.starts_with(&format!("{}:", exercise.file)))
        });
        with_error.or_else(|| self.results.iter().find(|(_, status)| *status != Status::Solved))
    }
}

/// `cargo course progress [--solutions]`: prints every exercise's status, the next exercise with
/// its first hint, and `S/T exercises solved`. It is a report: Ok even when nothing is solved.
pub fn run(args: &[String]) -> Result<(), String> {
    let solutions = match args {
        [] => false,
        [flag] if flag == "--solutions" => true,
        _ => return Err(format!("cargo course progress takes no arguments, not {args:?}")),
    };
    let root = repo_root();
    if solutions {
        println!("(testing the reference solutions in exercises/chapterN/solutions/)");
    }
    let mut reports = Vec::new();
    for chapter in chapters::all() {
        let report = test_chapter_with_progress_line(&root, &chapter, solutions)?;
        print_chapter(&report);
        reports.push(report);
    }
    println!();
    let next = reports.iter().find_map(ChapterReport::next);
    match next {
        Some((exercise, _)) => print_next(exercise),
        None => println!("Every exercise is solved."),
    }
    let solved: usize = reports.iter().map(ChapterReport::solved).sum();
    let total: usize = reports.iter().map(|report| report.results.len()).sum();
    println!("\n{solved}/{total} exercises solved");
    Ok(())
}

/// [`test_chapter`], announced by a line `chapterN: building and testing its exercises ... 1.2 s` that is
/// printed before the run (the first build can take minutes) and finished after it.
pub fn test_chapter_with_progress_line(
    root: &Path,
    chapter: &Chapter,
    solutions: bool,
) -> Result<ChapterReport, String> {
    print!("{}: building and testing its exercises ... ", chapter.package);
    let _ = std::io::stdout().flush();
    let report = test_chapter(root, chapter, solutions)?;
    let verdict = if report.build_error.is_some() { ": does not compile" } else { "" };
    println!("{:.1} s{verdict}", report.seconds);
    Ok(report)
}

fn print_chapter(report: &ChapterReport) {
    if let Some(error) = &report.build_error {
        println!("  {}", error.line);
        if let Some(location) = &error.location {
            println!("    --> {location}");
        }
    }
    for (exercise, status) in &report.results {
        println!("  {:<5} {:<17} {}", exercise.id, status.label(), exercise.title);
        if let Status::Failing(message) = status {
            println!("  {:<5} {:<17} {}", "", "", message.lines().next().unwrap_or(""));
        }
    }
}

/// `Next: Exercise N.M title — edit file`, then its first hint.
pub fn print_next(exercise: &Exercise) {
    println!("Next: Exercise {} {} — edit {}", exercise.id, exercise.title, exercise.file);
    if let Some(hint) = exercise.hints.first() {
        println!("Hint 1: {}", hint.replace('\n', "\n        "));
    }
}

/// Runs chapter `chapter`'s exercise tests (against the solutions if `solutions`) and sorts its
/// exercises. If the run was stopped by SIGINT or SIGTERM (Ctrl-C), this process exits quietly.
pub fn test_chapter(root: &Path, chapter: &Chapter, solutions: bool) -> Result<ChapterReport, String> {
    let exercises = chapter_exercises(root, chapter);
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.args(["test", "--locked", "-p", &chapter.package, "--test", "exercises", "--no-fail-fast"]);
    command.args(["--color", "never"]);
    if solutions {
        command.args(["--features", &format!("{}/solutions", chapter.package)]);
    }
    command.args(["--", "--color", "never"]);
    // Plain, short failure sections: no backtraces, output captured per test.
    command.env("RUST_BACKTRACE", "0").env_remove("RUST_TEST_NOCAPTURE");
    command.current_dir(root).stdin(Stdio::null());

    let started = Instant::now();
    let output = command
        .output()
        .map_err(|error| format!("could not start {}: {error}", crate::process::describe(&command)))?;
    let seconds = started.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    exit_quietly_if_interrupted(&output.status, &stderr);

    let tests_ran = stdout.lines().any(|line| line.starts_with("running ") && line.contains(" test"));
    let build_error = if tests_ran || output.status.success() {
        None
    } else {
        Some(first_build_error(&stderr).unwrap_or_else(|| BuildError {
            line: format!("cargo test failed ({}) before running the tests", output.status),
            location: None,
            block: stderr.lines().map(str::to_owned).collect(),
        }))
    };
    let outcomes = parse_test_output(&stdout);
    let results = exercises
        .into_iter()
        .map(|exercise| {
            let status = if build_error.is_some() {
                Status::DoesNotCompile
            } else {
                classify(&exercise, outcomes.get(&exercise.test), &stderr)
            };
            (exercise, status)
        })
        .collect();
    Ok(ChapterReport { chapter: chapter.clone(), results, build_error, seconds })
}

/// The status of `exercise` given its test's outcome (`None`: libtest printed no result for it,
/// because the test process crashed; `stderr` says how).
pub fn classify(exercise: &Exercise, outcome: Option<&TestOutcome>, stderr: &str) -> Status {
    match outcome {
        Some(TestOutcome::Passed) => Status::Solved,
        Some(TestOutcome::Failed(message)) if is_stub_message(message, &exercise.id) => {
            Status::Stub(message.clone())
        }
        // libtest prints the failure sections last: a crash of the process loses them.
        Some(TestOutcome::Failed(message)) if message.is_empty() => Status::Failing(format!(
            "failed, but the test process crashed before printing why: {}",
            crash_reason(stderr)
        )),
        Some(TestOutcome::Failed(message)) => Status::Failing(message.clone()),
        Some(TestOutcome::Ignored) => Status::Failing(format!("{} is marked #[ignore]", exercise.test)),
        None => Status::Failing(format!(
            "the test process crashed before this test ended: {}",
            crash_reason(stderr)
        )),
    }
}

/// Is `message` the shipped stub's panic for exercise `id`: `not yet implemented: Exercise N.M ...`?
fn is_stub_message(message: &str, id: &str) -> bool {
    message
        .strip_prefix("not yet implemented: Exercise ")
        .and_then(|rest| rest.strip_prefix(id))
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
}

/// Every test result in libtest's plain output, by test name. A failed test carries the panic
/// message of its `---- name stdout ----` section (all its lines, without the `note:` lines and
/// backtrace after it), or the whole section if it holds no panic.
pub fn parse_test_output(stdout: &str) -> HashMap<String, TestOutcome> {
    let mut outcomes = HashMap::new();
    for line in stdout.lines() {
        let Some((name, result)) = line.strip_prefix("test ").and_then(|rest| rest.split_once(" ... "))
        else {
            continue;
        };
        let outcome = match result.trim() {
            "ok" => TestOutcome::Passed,
            "FAILED" => TestOutcome::Failed(String::new()),
            ignored if ignored.starts_with("ignored") => TestOutcome::Ignored,
            _ => continue,
        };
        outcomes.insert(name.trim().to_owned(), outcome);
    }
    for (name, section) in failure_sections(stdout) {
        if let Some(TestOutcome::Failed(message)) = outcomes.get_mut(&name) {
            *message = panic_message(&section);
        }
    }
    outcomes
}

/// The `---- name stdout ----` sections: (test name, the lines up to the next section or the
/// closing `failures:` list).
fn failure_sections(stdout: &str) -> Vec<(String, Vec<&str>)> {
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    let mut open = false;
    for line in stdout.lines() {
        let header = line.strip_prefix("---- ").and_then(|rest| rest.strip_suffix(" stdout ----"));
        if let Some(name) = header {
            sections.push((name.to_owned(), Vec::new()));
            open = true;
        } else if line == "failures:" || line.starts_with("test result: ") {
            open = false;
        } else if open && let Some((_, lines)) = sections.last_mut() {
            lines.push(line);
        }
    }
    sections
}

/// The panic message in a failure section: the lines after `thread '...' panicked at file:line:`
/// up to the `note:` or `stack backtrace:` line; the whole section if nothing panicked.
fn panic_message(section: &[&str]) -> String {
    let start =
        section.iter().position(|line| line.starts_with("thread '") && line.contains(" panicked at "));
    let lines = match start {
        Some(start) => section[start + 1..]
            .iter()
            .take_while(|line| !line.starts_with("note: ") && !line.starts_with("stack backtrace:"))
            .copied()
            .collect(),
        None => section.to_vec(),
    };
    lines.join("\n").trim().to_owned()
}

/// The first compiler error in cargo's stderr: its first line, its location and the whole block
/// (up to the blank line that ends a diagnostic). Cargo's own closing lines (`could not compile`,
/// `test failed`) are not errors of the code.
pub fn first_build_error(stderr: &str) -> Option<BuildError> {
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines.iter().position(|line| {
        (line.starts_with("error[") || line.starts_with("error:"))
            && !line.starts_with("error: could not compile")
            && !line.starts_with("error: test failed")
            && !line.contains(" target failed")
    })?;
    // The diagnostic, with its `--> file` lines relative to the repository root.
    let block: Vec<String> = lines[start..]
        .iter()
        .take_while(|line| !line.trim().is_empty())
        .map(|line| match line.split_once("--> ") {
            Some((indent, location)) if indent.trim().is_empty() => {
                format!("{indent}--> {}", normalize_location(location))
            }
            _ => line.to_string(),
        })
        .collect();
    let location = block.iter().find_map(|line| line.trim_start().strip_prefix("--> ")).map(str::to_owned);
    Some(BuildError { line: lines[start].to_owned(), location, block })
}

/// `crates/chapter1/tests/../../../exercises/chapter1/ex1_1.rs:9:5` -> `exercises/chapter1/ex1_1.rs:9:5`.
fn normalize_location(location: &str) -> String {
    let mut parts: Vec<Component> = Vec::new();
    for component in Path::new(location.trim()).components() {
        match component {
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            Component::CurDir => {}
            other => parts.push(other),
        }
    }
    let path: PathBuf = parts.iter().collect();
    path.to_string_lossy().replace('\\', "/")
}

/// Why a test process ended early, from cargo's stderr: the runtime's own line (a stack
/// overflow, say), else the signal or exit status cargo reports.
fn crash_reason(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().map(str::trim).collect();
    let runtime = lines.iter().find(|line| {
        line.starts_with("fatal runtime error")
            || (line.starts_with("thread '") && line.contains("overflowed"))
    });
    let cargo = lines.iter().find_map(|line| {
        let (_, rest) = line.split_once("process didn't exit successfully: ")?;
        Some(rest.rsplit_once("` ").map_or(rest, |(_, status)| status))
    });
    runtime.copied().or(cargo).unwrap_or("no result was printed").to_owned()
}

/// Ends this process, printing nothing, if the child (or the process cargo ran) was stopped by
/// SIGINT or SIGTERM: the user pressed Ctrl-C, and the shell already knows.
fn exit_quietly_if_interrupted(status: &ExitStatus, stderr: &str) {
    if let Some(signal) = interrupting_signal(signal_of(status), stderr) {
        std::process::exit(128 + signal);
    }
}

/// SIGINT (2) or SIGTERM (15), if it ended cargo (`cargo_signal`) or the process cargo ran, which
/// cargo reports as "(signal: 2, SIGINT: interrupt)".
fn interrupting_signal(cargo_signal: Option<i32>, stderr: &str) -> Option<i32> {
    let reported = || [2, 15].into_iter().find(|signal| stderr.contains(&format!("(signal: {signal}, SIG")));
    cargo_signal.or_else(reported).filter(|signal| matches!(signal, 2 | 15))
}

#[cfg(unix)]
fn signal_of(status: &ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_status: &ExitStatus) -> Option<i32> {
    None
}

/// The exercises of `chapter` in order, with their titles and hints from the exercise page.
pub fn chapter_exercises(root: &Path, chapter: &Chapter) -> Vec<Exercise> {
    let page = hints::read_page(root, chapter.number).unwrap_or_default();
    let mut exercises = listed_exercises(root, chapter);
    for exercise in &mut exercises {
        if let Some(on_page) = page.iter().find(|on_page| on_page.id == exercise.id) {
            exercise.title.clone_from(&on_page.title);
            exercise.hints.clone_from(&on_page.hints);
        }
    }
    exercises
}

/// The exercises `exercises/chapterN/mod.rs` lists (`pub mod exN_M_name;`), titled by file stem.
pub fn listed_exercises(root: &Path, chapter: &Chapter) -> Vec<Exercise> {
    let mod_rs = root.join("exercises").join(&chapter.package).join("mod.rs");
    let text = std::fs::read_to_string(mod_rs).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod ")?.strip_suffix(';'))
        .filter_map(|stem| {
            let (number, name) = stem.strip_prefix(&format!("ex{}_", chapter.number))?.split_once('_')?;
            number.parse::<u32>().ok()?;
            Some(Exercise {
                id: format!("{}.{number}", chapter.number),
                file: format!("exercises/{}/{stem}.rs", chapter.package),
                test: format!("exercise_{}_{number}_{name}", chapter.number),
                title: name.replace('_', " "),
                hints: Vec::new(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// libtest's output for a chapter with one solved exercise, one stub, one failing check
    /// (a multi-line assertion) and one test that failed without a panic line.
    const OUTPUT: &str = "
running 4 tests
test exercise_1_2_inverted_dropout ... FAILED
test exercise_1_1_keep_mask ... ok
test exercise_1_4_dropout_variance ... FAILED
test exercise_1_3_kept_count_histogram ... FAILED

failures:

---- exercise_1_2_inverted_dropout stdout ----

thread 'exercise_1_2_inverted_dropout' (419) panicked at crates/chapter1/tests/../../../exercises/chapter1/ex1_2_inverted_dropout.rs:10:5:
not yet implemented: Exercise 1.2 (exercises/chapter1/ex1_2_inverted_dropout.rs): for each x_i, return 0 with probability p
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

---- exercise_1_4_dropout_variance stdout ----
printed by the test

thread 'exercise_1_4_dropout_variance' (426) panicked at crates/chapter1/tests/checks/mod.rs:160:5:
assertion `left == right` failed: Exercise 1.4: Var[y] at x = 2, p = 0.5
  left: 4.0
 right: 2.0

---- exercise_1_3_kept_count_histogram stdout ----
Error: \"returned an error\"


failures:
    exercise_1_2_inverted_dropout
    exercise_1_3_kept_count_histogram
    exercise_1_4_dropout_variance

test result: FAILED. 1 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.14s
";

    fn exercise(id: &str, test: &str) -> Exercise {
        Exercise {
            id: id.to_owned(),
            file: String::new(),
            test: test.to_owned(),
            title: String::new(),
            hints: Vec::new(),
        }
    }

    #[test]
    fn parses_results_and_panic_messages() {
        let outcomes = parse_test_output(OUTPUT);
        assert_eq!(outcomes.len(), 4);
        assert_eq!(outcomes["exercise_1_1_keep_mask"], TestOutcome::Passed);
        assert_eq!(
            outcomes["exercise_1_2_inverted_dropout"],
            TestOutcome::Failed(
                "not yet implemented: Exercise 1.2 (exercises/chapter1/ex1_2_inverted_dropout.rs): \
                 for each x_i, return 0 with probability p"
                    .to_owned()
            )
        );
        assert_eq!(
            outcomes["exercise_1_4_dropout_variance"],
            TestOutcome::Failed(
                "assertion `left == right` failed: Exercise 1.4: Var[y] at x = 2, p = 0.5\n  \
                 left: 4.0\n right: 2.0"
                    .to_owned()
            )
        );
        assert_eq!(
            outcomes["exercise_1_3_kept_count_histogram"],
            TestOutcome::Failed("Error: \"returned an error\"".to_owned())
        );
    }

    #[test]
    fn sorts_exercises_by_outcome() {
        let outcomes = parse_test_output(OUTPUT);
        let status = |id: &str, test: &str| classify(&exercise(id, test), outcomes.get(test), "");
        assert_eq!(status("1.1", "exercise_1_1_keep_mask"), Status::Solved);
        assert_eq!(status("1.2", "exercise_1_2_inverted_dropout").label(), "stub");
        let failing = status("1.4", "exercise_1_4_dropout_variance");
        assert_eq!(failing.label(), "failing");
        assert!(failing.message().unwrap().starts_with("assertion `left == right` failed: Exercise 1.4"));
        // A todo! naming another exercise (a stub copied into the wrong file) is not this stub.
        let wrong_stub = TestOutcome::Failed("not yet implemented: Exercise 1.3 (...)".to_owned());
        assert_eq!(classify(&exercise("1.2", "t"), Some(&wrong_stub), "").label(), "failing");
        assert!(is_stub_message("not yet implemented: Exercise 1.1 (exercises/...)", "1.1"));
        assert!(!is_stub_message("not yet implemented: Exercise 1.10 (exercises/...)", "1.1"));
    }

    #[test]
    fn a_crashed_test_process_fails_the_tests_without_a_result() {
        let stderr = "\nthread 'exercise_1_2_inverted_dropout' has overflowed its stack\n\
                      fatal runtime error: stack overflow, aborting\n\
                      error: test failed, to rerun pass `-p chapter1 --test exercises`\n\n\
                      Caused by:\n  process didn't exit successfully: `/t/exercises-0a74` \
                      (signal: 6, SIGABRT: process abort signal)\n";
        let status = classify(&exercise("1.2", "exercise_1_2_inverted_dropout"), None, stderr);
        assert_eq!(
            status.message(),
            Some(
                "the test process crashed before this test ended: \
                 thread 'exercise_1_2_inverted_dropout' has overflowed its stack"
            )
        );
        let lost = classify(&exercise("1.1", "t"), Some(&TestOutcome::Failed(String::new())), stderr);
        assert!(lost.message().unwrap().ends_with(
            "crashed before printing why: thread 'exercise_1_2_inverted_dropout' has overflowed its stack"
        ));
        assert_eq!(
            crash_reason("  process didn't exit successfully: `/t/x` (signal: 6, SIGABRT)"),
            "(signal: 6, SIGABRT)"
        );
    }

    #[test]
    fn ctrl_c_and_sigterm_are_interruptions_other_signals_are_not() {
        assert_eq!(interrupting_signal(Some(2), ""), Some(2));
        assert_eq!(interrupting_signal(Some(9), ""), None);
        let killed_test = "error: test failed\n  process didn't exit successfully: `/t/x` \
                           (signal: 15, SIGTERM: termination signal)";
        assert_eq!(interrupting_signal(None, killed_test), Some(15));
        assert_eq!(interrupting_signal(None, "(signal: 6, SIGABRT: process abort signal)"), None);
    }

    #[test]
    fn finds_the_first_compiler_error_and_its_file() {
        let stderr = "   Compiling chapter1 v0.1.0 (/work/main/crates/chapter1)
warning: unused variable: `x`
 --> crates/chapter1/tests/../../../exercises/chapter1/ex1_2_inverted_dropout.rs:3:5
  |
3 |     x: f64,
  |     ^

error[E0308]: mismatched types
 --> crates/chapter1/tests/../../../exercises/chapter1/ex1_1_keep_mask.rs:9:5
  |
8 | pub fn keep_mask() -> Vec<bool> {
  |                       --------- expected `Vec<bool>` because of return type
9 |     3
  |     ^ expected `Vec<bool>`, found integer

error[E0425]: cannot find value `y` in this scope

error: could not compile `chapter1` (test \"exercises\") due to 2 previous errors
";
        let error = first_build_error(stderr).unwrap();
        assert_eq!(error.line, "error[E0308]: mismatched types");
        assert_eq!(error.location.as_deref(), Some("exercises/chapter1/ex1_1_keep_mask.rs:9:5"));
        assert_eq!(error.block.len(), 7);
        assert_eq!(error.block[1], " --> exercises/chapter1/ex1_1_keep_mask.rs:9:5");
        assert_eq!(
            first_build_error("error: the lock file needs to be updated\n").unwrap().line,
            "error: the lock file needs to be updated"
        );
        assert_eq!(first_build_error("error: could not compile `x`\nerror: 1 target failed:\n"), None);
    }

    #[test]
    fn the_next_exercise_is_the_one_the_build_error_is_in() {
        let mut first = exercise("1.1", "exercise_1_1_a");
        first.file = "exercises/chapter1/ex1_1_a.rs".to_owned();
        let mut second = exercise("1.2", "exercise_1_2_b");
        second.file = "exercises/chapter1/ex1_2_b.rs".to_owned();
        let mut report = ChapterReport {
            chapter: Chapter { number: 1, package: "chapter1".to_owned() },
            results: vec![(first, Status::DoesNotCompile), (second, Status::DoesNotCompile)],
            build_error: Some(BuildError {
                line: "error[E0308]: mismatched types".to_owned(),
                location: Some("exercises/chapter1/ex1_2_b.rs:9:5".to_owned()),
                block: Vec::new(),
            }),
            seconds: 0.0,
        };
        assert_eq!(report.next().unwrap().0.id, "1.2");
        report.build_error = None;
        report.results[0].1 = Status::Solved;
        report.results[1].1 = Status::Stub(String::new());
        assert_eq!((report.solved(), report.next().unwrap().0.id.as_str()), (1, "1.2"));
    }

    #[test]
    fn lists_the_exercises_of_every_chapter_with_their_tests() {
        let root = repo_root();
        let chapter1 = Chapter { number: 1, package: "chapter1".to_owned() };
        let exercises = chapter_exercises(&root, &chapter1);
        assert_eq!(exercises[0].id, "1.1");
        assert_eq!(exercises[0].file, "exercises/chapter1/ex1_1_keep_mask.rs");
        assert_eq!(exercises[0].test, "exercise_1_1_keep_mask");
        assert!(exercises[0].hints[0].starts_with("One coin per entry"), "{:?}", exercises[0].hints);
        for chapter in chapters::all() {
            let tests = std::fs::read_to_string(
                root.join("crates").join(&chapter.package).join("tests/exercises.rs"),
            )
            .unwrap();
            for exercise in listed_exercises(&root, &chapter) {
                assert!(
                    tests.contains(&format!("fn {}()", exercise.test)),
                    "{}: {}",
                    chapter.package,
                    exercise.test
                );
                assert!(root.join(&exercise.file).is_file(), "{}", exercise.file);
            }
        }
    }
}

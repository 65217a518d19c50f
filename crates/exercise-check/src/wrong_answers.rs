//! Known wrong answers as ordinary tests.
//!
//! Each exercise's test body is one check function, `check_N_M_name(...)`, in the chapter's
//! `tests/checks/mod.rs`. `tests/exercises.rs` calls it on the learner's file; the chapter's
//! `tests/wrong_answers.rs` calls it on every file in `tests/wrong_answers/<exercise stem>/` (a
//! complete exercise file with one plausible mistake, first line
//! `// WRONG ANSWER (...): <mistake>`) and asserts that the check fails. The [`wrong_answers!`]
//! macro writes those tests, and one more that compares the list with the files on disk, so no
//! wrong answer and no exercise can be skipped silently.
//!
//! [`wrong_answers!`]: crate::wrong_answers!

use std::cell::Cell;
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;

use crate::panic_message;

/// The marker every wrong-answer file starts with.
pub const FIRST_LINE_PREFIX: &str = "// WRONG ANSWER (";

/// Lists a chapter's wrong answers and writes one `#[test]` per file, plus a test that the list
/// matches `tests/wrong_answers/` and covers every exercise in `exercises/<package>/`.
///
/// Each group names the exercise file stem, the check (a function of `crate::checks`) and the
/// exercise functions it takes, then the wrong-answer files (without `.rs`) of that exercise:
///
/// ```text
/// exercise_check::wrong_answers! {
///     ex2_1_relu: check_2_1_relu(relu, relu_derivative) {
///         max_loses_nan,
///         multiplies_by_the_mask,
///     }
/// }
/// ```
///
/// The files are included as modules `wrong_answers::ex2_1_relu::max_loses_nan` from
/// `tests/wrong_answers/ex2_1_relu/max_loses_nan.rs`, so the invocation belongs at the root of a
/// test target in `tests/`. The test of a case passes when the check panics with an assertion
/// (not with a `todo!`), and fails with `ex2_1/max_loses_nan passes check_2_1: <mistake>` when the
/// check accepts it.
#[macro_export]
macro_rules! wrong_answers {
    ($($stem:ident: $check:ident $functions:tt { $($case:ident),+ $(,)? })+) => {
        mod wrong_answers {
            $(
                pub mod $stem {
                    $(
                        $crate::__wrong_answer_case!($stem, $case, $check, $functions);
                    )+
                }
            )+

            /// Every listed case as (exercise file stem, wrong-answer file stem).
            const REGISTERED: &[(&str, &str)] = &[$($((stringify!($stem), stringify!($case)),)+)+];

            #[test]
            fn every_file_is_listed_and_every_exercise_has_a_wrong_answer() {
                $crate::wrong_answers::assert_registry_complete(
                    ::std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
                    env!("CARGO_PKG_NAME"),
                    REGISTERED,
                );
            }
        }
    };
}

/// One case of [`wrong_answers!`]: the module and its test. Not public API.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // `crate::checks` is the calling test target's module, on purpose
macro_rules! __wrong_answer_case {
    ($stem:ident, $case:ident, $check:ident, ($($function:ident),+ $(,)?)) => {
        // A wrong answer may leave parameters or imports unused, like a stub.
        #[allow(unused_variables, unused_imports, dead_code)]
        mod $case;

        #[test]
        fn $case() {
            $crate::wrong_answers::expect_rejected(
                stringify!($stem),
                stringify!($case),
                stringify!($check),
                include_str!(concat!("wrong_answers/", stringify!($stem), "/", stringify!($case), ".rs")),
                || crate::checks::$check($($case::$function),+),
            );
        }
    };
}

/// Runs `check` on one wrong answer and panics unless it fails with an assertion.
///
/// `stem` is the exercise file stem (`ex1_2_inverted_dropout`), `case` the wrong-answer file stem,
/// `check_name` the check's name and `file_text` the wrong answer's source (for its first line).
/// A check that passes, or that panics with a `todo!` (the check reached unimplemented code and
/// proves nothing), is reported as `ex1_2/keeps_with_p passes check_1_2: <mistake>`. A
/// `file_text` whose first line is not a wrong-answer marker (see [`mistake`]) panics with that
/// problem before `check` runs.
///
/// ```
/// use exercise_check::wrong_answers::expect_rejected;
/// use std::panic::catch_unwind;
/// let file = "// WRONG ANSWER (kept to prove the check rejects it): Forgets the rescale.\n";
/// // The check fails on the wrong answer, as it should: no panic.
/// expect_rejected("ex1_2_inverted_dropout", "no_rescale", "check_1_2_inverted_dropout", file, || {
///     panic!("expected 2, got 1")
/// });
/// // A check that accepts the wrong answer is reported with the mistake.
/// let accepted = catch_unwind(|| expect_rejected("ex1_2_x", "no_rescale", "check_1_2_x", file, || {}));
/// let message = accepted.unwrap_err().downcast::<String>().unwrap();
/// assert_eq!(*message, "ex1_2/no_rescale passes check_1_2: Forgets the rescale.");
/// ```
#[track_caller]
pub fn expect_rejected(stem: &str, case: &str, check_name: &str, file_text: &str, check: impl FnOnce()) {
    let label = format!("{}/{case}", short_name(stem, 2));
    let check_label = short_name(check_name, 3);
    let mistake = match mistake(file_text) {
        Ok(mistake) => mistake,
        Err(problem) => panic!("{label}: {problem}"),
    };
    let outcome = expecting_a_panic(|| catch_unwind(AssertUnwindSafe(check)));
    match outcome {
        Ok(()) => panic!("{label} passes {check_label}: {mistake}"),
        Err(payload) => {
            let message = panic_message(payload.as_ref());
            if message.starts_with("not yet implemented") {
                panic!(
                    "{label} reached a todo! in {check_label}, which proves nothing: {mistake}; \
                     the panic was: {message}"
                );
            }
            println!("{label}: {mistake}\n  rejected by {check_label}: {message}");
        }
    }
}

thread_local! {
    static EXPECTING_A_PANIC: Cell<bool> = const { Cell::new(false) };
}

/// Runs `body` with the panic hook silenced on this thread: the expected panic of a check is
/// reported by [`expect_rejected`], without the default hook's message and (under
/// `RUST_BACKTRACE=1`) a backtrace that is slow to print in debug builds. Other threads, and this
/// one outside `body`, keep the previous hook.
fn expecting_a_panic<T>(body: impl FnOnce() -> T) -> T {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !EXPECTING_A_PANIC.with(Cell::get) {
                previous(info);
            }
        }));
    });
    EXPECTING_A_PANIC.with(|flag| flag.set(true));
    let result = body();
    EXPECTING_A_PANIC.with(|flag| flag.set(false));
    result
}

/// The mistake named by a wrong answer's first line, `// WRONG ANSWER (...): <mistake>`, trimmed.
///
/// Errors: `Err` quoting the first line when it lacks the marker or names no mistake (empty text
/// included).
///
/// ```
/// use exercise_check::wrong_answers::mistake;
/// let file = "// WRONG ANSWER (kept on purpose): Keeps with p instead of 1 - p.\npub fn f() {}\n";
/// assert_eq!(mistake(file), Ok("Keeps with p instead of 1 - p."));
/// assert!(mistake("//! Exercise 1.2\n").unwrap_err().contains("first line must be"));
/// assert!(mistake("").is_err());
/// ```
pub fn mistake(file_text: &str) -> Result<&str, String> {
    let line = file_text.lines().next().unwrap_or("");
    let described = line.strip_prefix(FIRST_LINE_PREFIX).and_then(|rest| rest.split_once("): "));
    match described {
        Some((_, mistake)) if !mistake.trim().is_empty() => Ok(mistake.trim()),
        _ => Err(format!(
            "the first line must be `{FIRST_LINE_PREFIX}...): <the mistake>`, but it is {line:?}"
        )),
    }
}

/// The first `parts` underscore-separated parts: `ex1_2_inverted_dropout` -> `ex1_2` (2 parts),
/// `check_1_2_inverted_dropout` -> `check_1_2` (3 parts).
fn short_name(name: &str, parts: usize) -> String {
    name.split('_').take(parts).collect::<Vec<_>>().join("_")
}

/// Panics unless `registered` (exercise stem, wrong-answer stem) lists exactly the `.rs` files in
/// `<manifest_dir>/tests/wrong_answers/<stem>/`, nothing else lies in that folder, and every
/// exercise file `ex*.rs` in `<manifest_dir>/../../exercises/<package>/` has at least one.
///
/// The panic lists every problem, one a line. A folder that cannot be read counts as empty, so a
/// wrong `manifest_dir` or `package` fails with "no exercise files".
///
/// ```
/// use exercise_check::wrong_answers::assert_registry_complete;
/// let root = std::env::temp_dir().join(format!("exercise-check-doc-{}", std::process::id()));
/// let manifest_dir = root.join("crates/chapter0");
/// std::fs::create_dir_all(manifest_dir.join("tests/wrong_answers/ex0_1_demo")).unwrap();
/// std::fs::create_dir_all(root.join("exercises/chapter0")).unwrap();
/// std::fs::write(root.join("exercises/chapter0/ex0_1_demo.rs"), "").unwrap();
/// std::fs::write(manifest_dir.join("tests/wrong_answers/ex0_1_demo/off_by_one.rs"), "").unwrap();
///
/// assert_registry_complete(&manifest_dir, "chapter0", &[("ex0_1_demo", "off_by_one")]);
/// // A file on disk that the list forgets is reported.
/// let incomplete = std::panic::catch_unwind(|| assert_registry_complete(&manifest_dir, "chapter0", &[]));
/// let message = incomplete.unwrap_err().downcast::<String>().unwrap();
/// assert!(message.contains("ex0_1_demo/off_by_one.rs is not listed"), "{message}");
/// std::fs::remove_dir_all(&root).unwrap();
/// ```
pub fn assert_registry_complete(manifest_dir: &Path, package: &str, registered: &[(&str, &str)]) {
    let listed: BTreeSet<String> =
        registered.iter().map(|(stem, case)| format!("{stem}/{case}.rs")).collect();
    let wrong_dir = manifest_dir.join("tests/wrong_answers");
    let mut on_disk = BTreeSet::new();
    let mut problems = Vec::new();
    for (stem, is_dir) in entries(&wrong_dir) {
        if !is_dir {
            problems.push(format!("tests/wrong_answers/{stem} is not a folder of wrong answers"));
            continue;
        }
        for (file, is_dir) in entries(&wrong_dir.join(&stem)) {
            if is_dir || !file.ends_with(".rs") {
                problems.push(format!("tests/wrong_answers/{stem}/{file} is not a wrong-answer .rs file"));
            } else {
                on_disk.insert(format!("{stem}/{file}"));
            }
        }
    }
    for file in on_disk.difference(&listed) {
        problems.push(format!(
            "tests/wrong_answers/{file} is not listed in tests/wrong_answers.rs, so it is never checked"
        ));
    }
    for file in listed.difference(&on_disk) {
        problems.push(format!("tests/wrong_answers.rs lists {file}, which is not on disk"));
    }

    let exercises_dir = manifest_dir.join("../../exercises").join(package);
    let exercises: BTreeSet<String> = entries(&exercises_dir)
        .into_iter()
        .filter(|(file, is_dir)| !is_dir && file.starts_with("ex") && file.ends_with(".rs"))
        .map(|(file, _)| file.trim_end_matches(".rs").to_owned())
        .collect();
    if exercises.is_empty() {
        problems.push(format!("no exercise files ex*.rs in {}", exercises_dir.display()));
    }
    let covered: BTreeSet<String> = registered.iter().map(|(stem, _)| (*stem).to_owned()).collect();
    for stem in exercises.difference(&covered) {
        problems.push(format!(
            "exercises/{package}/{stem}.rs has no wrong answer in tests/wrong_answers/{stem}/"
        ));
    }
    for stem in covered.difference(&exercises) {
        problems
            .push(format!("tests/wrong_answers/{stem}/ belongs to no exercise file in exercises/{package}/"));
    }
    assert!(problems.is_empty(), "wrong answers out of step with the files:\n  {}", problems.join("\n  "));
}

/// The names in `dir` with whether each is a folder, sorted; empty if `dir` cannot be read.
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let mut entries: Vec<(String, bool)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| (entry.file_name().to_string_lossy().into_owned(), entry.path().is_dir()))
        .collect();
    entries.sort();
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str =
        "// WRONG ANSWER (kept to prove the exercise test rejects it): Forgets the rescale.\n//! ...";

    #[test]
    fn reads_the_mistake_from_the_first_line() {
        assert_eq!(mistake(FILE), Ok("Forgets the rescale."));
        assert!(mistake("//! Exercise 1.2\n").is_err());
        assert!(mistake("// WRONG ANSWER (why):   \n").is_err());
    }

    #[test]
    fn short_names_keep_the_exercise_number() {
        assert_eq!(short_name("ex1_2_inverted_dropout", 2), "ex1_2");
        assert_eq!(short_name("check_1_2_inverted_dropout", 3), "check_1_2");
    }

    #[test]
    fn a_check_that_fails_with_an_assertion_rejects_the_case() {
        expect_rejected("ex1_2_x", "case", "check_1_2_x", FILE, || panic!("expected 2, got 1"));
    }

    #[test]
    fn a_check_that_passes_is_reported_with_the_mistake() {
        let outcome = catch_unwind(|| expect_rejected("ex1_2_x", "case", "check_1_2_x", FILE, || {}));
        let message = panic_message(outcome.unwrap_err().as_ref());
        assert_eq!(message, "ex1_2/case passes check_1_2: Forgets the rescale.");
    }

    #[test]
    fn a_todo_in_the_check_does_not_count_as_a_rejection() {
        let outcome = catch_unwind(|| {
            expect_rejected("ex1_2_x", "case", "check_1_2_x", FILE, || todo!("Exercise 1.2"))
        });
        let message = panic_message(outcome.unwrap_err().as_ref());
        assert!(message.contains("reached a todo!"), "{message}");
    }
}

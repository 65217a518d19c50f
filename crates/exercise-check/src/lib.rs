//! The harness behind every exercise test in the book.
//!
//! A learner's exercise test is an ordinary `#[test]` whose body is passed to [`exercise`]:
//!
//! ```
//! exercise_check::exercise("0.1", "exercises/chapter0/ex0_1_demo.rs", || {
//!     assert_eq!(2 + 2, 4);
//! });
//! ```
//!
//! Run normally, the body just runs: an unsolved exercise panics with its stub's
//! `todo!("Exercise N.M ...")` message, which names the file to edit and what to compute.
//!
//! The project's own test command (`cargo course verify`) runs the same tests a second time with
//! the environment variable [`EXPECT_STUBS_VAR`] set. Then [`exercise`] inverts the test: it passes
//! only if the body panicked with the stub's `todo!` message naming this exercise and its file.
//! That proves every shipped stub fails for the right reason, and not with a compile error or a
//! wrong assertion.
//!
//! The body of each exercise test is a check function shared with the chapter's wrong-answers test,
//! which runs it on known wrong exercise files and asserts that it fails: see [`wrong_answers!`](macro@wrong_answers).

mod float;
pub mod wrong_answers;

pub use float::{assert_close, assert_relative_close};

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Environment variable that switches [`exercise`] into "the stubs must fail" mode.
pub const EXPECT_STUBS_VAR: &str = "COURSE_EXPECT_STUBS";

/// Runs the body of the test for exercise `id` (for example `"1.2"`), whose learner file is `file`
/// (a path from the repository root).
///
/// Normal mode: runs `body`; its panics are the test's failures.
///
/// With `COURSE_EXPECT_STUBS=1`: runs `body` and panics unless it panicked with a `todo!` message
/// that contains `Exercise {id}` and `file`. A stub that runs to completion, or fails some other way,
/// is reported with what happened instead.
///
/// ```
/// use exercise_check::{EXPECT_STUBS_VAR, exercise};
/// use std::panic::{AssertUnwindSafe, catch_unwind};
/// let file = "exercises/chapter0/ex0_1_demo.rs";
/// let stubs_mode = std::env::var_os(EXPECT_STUBS_VAR).is_some_and(|value| value == "1");
///
/// // A body that passes: the test passes normally, and is reported in stub mode.
/// let passing = catch_unwind(|| exercise("0.1", file, || assert_eq!(2 + 2, 4)));
/// assert_eq!(passing.is_ok(), !stubs_mode);
///
/// // The shipped stub's todo!: the test fails normally, and passes in stub mode.
/// let stub = || todo!("Exercise 0.1 (exercises/chapter0/ex0_1_demo.rs): return 4");
/// let unsolved = catch_unwind(AssertUnwindSafe(|| exercise("0.1", file, stub)));
/// assert_eq!(unsolved.is_ok(), stubs_mode);
/// ```
pub fn exercise(id: &str, file: &str, body: impl FnOnce()) {
    if !expecting_stubs() {
        body();
        return;
    }
    let outcome = catch_unwind(AssertUnwindSafe(body));
    match outcome {
        Ok(()) => panic!(
            "Exercise {id}: expected the shipped stub in {file} to fail with its todo! message, \
             but the test passed. Restore the stub (or run without {EXPECT_STUBS_VAR})."
        ),
        Err(payload) => {
            let message = panic_message(payload.as_ref());
            if let Err(problem) = check_stub_message(id, file, &message) {
                panic!("Exercise {id}: {problem}; the stub panicked with: {message:?}");
            }
        }
    }
}

fn expecting_stubs() -> bool {
    std::env::var_os(EXPECT_STUBS_VAR).is_some_and(|value| value == "1")
}

/// The text of a panic payload (`&str` or `String`; anything else is described as such).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "<a panic payload that is not a string>".to_owned()
    }
}

/// Checks that a stub's panic message is the learner-facing `todo!` message for this exercise.
fn check_stub_message(id: &str, file: &str, message: &str) -> Result<(), String> {
    if !message.starts_with("not yet implemented") {
        return Err("expected a todo! panic (\"not yet implemented: ...\")".to_owned());
    }
    if !message.contains(&format!("Exercise {id}")) {
        return Err(format!("the todo! message must name \"Exercise {id}\""));
    }
    if !message.contains(file) {
        return Err(format!("the todo! message must name the file to edit, {file}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "exercises/chapter1/ex1_1_keep_mask.rs";

    #[test]
    fn accepts_the_learner_facing_todo_message() {
        let message = format!("not yet implemented: Exercise 1.1 ({FILE}): return a mask");
        assert_eq!(check_stub_message("1.1", FILE, &message), Ok(()));
    }

    #[test]
    fn rejects_messages_that_would_not_guide_the_learner() {
        let wrong_id = format!("not yet implemented: Exercise 1.2 ({FILE})");
        let no_file = "not yet implemented: Exercise 1.1: return a mask".to_owned();
        let not_todo = format!("assertion failed: Exercise 1.1 ({FILE})");
        for message in [wrong_id, no_file, not_todo] {
            assert!(check_stub_message("1.1", FILE, &message).is_err(), "{message}");
        }
    }

    #[test]
    fn reads_both_kinds_of_string_payload() {
        let static_str: Box<dyn Any + Send> = Box::new("static");
        let owned: Box<dyn Any + Send> = Box::new(String::from("owned"));
        let number: Box<dyn Any + Send> = Box::new(7_u8);
        assert_eq!(panic_message(static_str.as_ref()), "static");
        assert_eq!(panic_message(owned.as_ref()), "owned");
        assert!(panic_message(number.as_ref()).contains("not a string"));
    }
}

//! The exercise pages as data: `book/chapter-N-exercises.md` is the one home of every exercise's
//! title and hints, read both by the book and by `cargo course progress` and `watch`.
//!
//! A page has one section per exercise, from a heading `## Exercise N.M: title` (a tag may sit
//! before the colon: `## Exercise 5.3 (derivation): the second moment`) to the next `## ` heading.
//! Its hints are the collapsed blocks in that section:
//!
//! ```text
//! <details>
//! <summary>Hint 1</summary>
//!
//! Markdown of the hint.
//!
//! </details>
//! ```

use std::path::{Path, PathBuf};

/// One exercise as its page presents it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageExercise {
    /// `N.M`, as in the heading `## Exercise N.M: ...`.
    pub id: String,
    /// The heading's text after the id, with a tag such as `(derivation)` moved to the end.
    pub title: String,
    /// The text of each `<details><summary>Hint k</summary>` block in order, Markdown kept
    /// as written, trimmed.
    pub hints: Vec<String>,
}

/// The exercise page of chapter `number`: `book/chapter-N-exercises.md` under `root`.
pub fn page_path(root: &Path, number: u32) -> PathBuf {
    root.join("book").join(format!("chapter-{number}-exercises.md"))
}

/// The exercises of chapter `number`'s page under `root`, in page order.
pub fn read_page(root: &Path, number: u32) -> Result<Vec<PageExercise>, String> {
    let path = page_path(root, number);
    let text = std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(page_exercises(&text))
}

/// The exercises of one exercise page's Markdown, in page order.
pub fn page_exercises(markdown: &str) -> Vec<PageExercise> {
    let mut exercises: Vec<PageExercise> = Vec::new();
    let mut in_section = false; // inside an exercise's section (not the intro or "Going further")
    let mut hint: Option<Vec<&str>> = None; // the lines of the hint block being read
    for line in markdown.lines() {
        let trimmed = line.trim();
        if let Some(heading) = line.strip_prefix("## ") {
            hint = None;
            in_section = false;
            if let Some(exercise) = parse_heading(heading) {
                exercises.push(exercise);
                in_section = true;
            }
            continue;
        }
        if !in_section {
            continue;
        }
        match hint.as_mut() {
            Some(lines) if trimmed == "</details>" => {
                let text = lines.join("\n").trim().to_owned();
                if let Some(exercise) = exercises.last_mut() {
                    exercise.hints.push(text);
                }
                hint = None;
            }
            Some(lines) => lines.push(line),
            None if is_hint_summary(trimmed) => hint = Some(Vec::new()),
            None => {}
        }
    }
    exercises
}

/// `<summary>Hint 2</summary>` (the block's opening line).
fn is_hint_summary(line: &str) -> bool {
    line.strip_prefix("<summary>")
        .and_then(|rest| rest.strip_suffix("</summary>"))
        .is_some_and(|label| label.trim().starts_with("Hint"))
}

/// `Exercise 5.3 (derivation): the second moment` -> id `5.3`, title `the second moment (derivation)`.
fn parse_heading(heading: &str) -> Option<PageExercise> {
    let rest = heading.trim().strip_prefix("Exercise ")?;
    let id_end = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
    let (id, rest) = rest.split_at(id_end);
    let (chapter, number) = id.split_once('.')?;
    chapter.parse::<u32>().ok()?;
    number.parse::<u32>().ok()?;
    let title = match rest.strip_prefix(':') {
        Some(title) => title.trim().to_owned(),
        None => match rest.split_once(':') {
            Some((tag, title)) => format!("{} {}", title.trim(), tag.trim()),
            None => rest.trim().to_owned(),
        },
    };
    Some(PageExercise { id: id.to_owned(), title, hints: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chapters::{all, repo_root};

    const PAGE: &str = "# Chapter 9 exercises

Intro, with a stray hint-like block that belongs to no exercise:

<details>
<summary>Hint 1</summary>
not an exercise's hint
</details>

## Exercise 9.1: draw a mask (warm-up)

Text.

<details>
<summary>Hint 1</summary>

One coin per entry: `(0..len).map(|_| ...)`.

</details>

<details>
<summary>Hint 2</summary>

Two lines,
$x^2$ kept as written.

</details>

## Exercise 9.2 (derivation): the second moment

<details>
<summary>Solution</summary>
not a hint
</details>

## Going further (no tests)

<details>
<summary>Hint 1</summary>
not a hint of 9.2
</details>
";

    #[test]
    fn reads_ids_titles_and_hints_in_order() {
        let exercises = page_exercises(PAGE);
        assert_eq!(
            exercises,
            [
                PageExercise {
                    id: "9.1".to_owned(),
                    title: "draw a mask (warm-up)".to_owned(),
                    hints: vec![
                        "One coin per entry: `(0..len).map(|_| ...)`.".to_owned(),
                        "Two lines,\n$x^2$ kept as written.".to_owned(),
                    ],
                },
                PageExercise {
                    id: "9.2".to_owned(),
                    title: "the second moment (derivation)".to_owned(),
                    hints: Vec::new(),
                },
            ]
        );
    }

    #[test]
    fn headings_that_are_not_exercises_are_skipped() {
        assert_eq!(parse_heading("Going further (no tests)"), None);
        assert_eq!(parse_heading("Exercise one: words"), None);
        assert_eq!(parse_heading("Exercise 4.5: a slice kernel").unwrap().title, "a slice kernel");
    }

    /// The real pages: every exercise file listed in `exercises/chapterN/mod.rs` has its heading
    /// on the chapter's exercise page, with at least one hint, and the page has no other exercises.
    #[test]
    fn every_exercise_has_a_heading_and_a_hint_on_its_page() {
        let root = repo_root();
        let mut problems = Vec::new();
        for chapter in all() {
            let listed = crate::progress::listed_exercises(&root, &chapter);
            assert!(!listed.is_empty(), "{}: no exercises listed", chapter.package);
            let page = read_page(&root, chapter.number).unwrap();
            for exercise in &listed {
                match page.iter().find(|on_page| on_page.id == exercise.id) {
                    None => problems.push(format!("Exercise {}: no heading on its page", exercise.id)),
                    Some(on_page) if on_page.hints.is_empty() => {
                        problems.push(format!("Exercise {}: no hint on its page", exercise.id))
                    }
                    Some(on_page) if on_page.hints.iter().any(String::is_empty) => {
                        problems.push(format!("Exercise {}: an empty hint", exercise.id))
                    }
                    Some(_) => {}
                }
            }
            for on_page in &page {
                if !listed.iter().any(|exercise| exercise.id == on_page.id) {
                    problems.push(format!("Exercise {}: on the page but not in mod.rs", on_page.id));
                }
            }
        }
        assert!(problems.is_empty(), "exercise pages out of step:\n{}", problems.join("\n"));
    }
}

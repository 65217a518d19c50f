//! `cargo course watch [chapterN]`: rustlings' watch mode for one chapter. It runs the chapter's
//! exercise tests, shows the first exercise still to do (its failure and first hint), then reruns
//! whenever a file in `exercises/chapterN/` (not `solutions/`) is saved.
//!
//! Changes are found by polling modification times every 300 ms (std only). Ctrl-C ends it:
//! the signal stops this process and its cargo child alike, with nothing printed, and if only the
//! child was stopped, this process exits quietly too (see `progress::test_chapter`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::chapters::{self, Chapter, repo_root};
use crate::progress::{self, ChapterReport, Status};

/// How often the exercise files are checked for changes.
const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// How many lines of a failure message or compiler error are shown.
const MESSAGE_LINES: usize = 6;
const ERROR_LINES: usize = 20;

/// Runs until interrupted. `args`: an optional chapter, `chapter3` or `3`; without it, the first
/// chapter with an unsolved exercise.
pub fn run(args: &[String]) -> Result<(), String> {
    let root = repo_root();
    let all = chapters::all();
    let chapter = match args {
        [] => match first_unsolved_chapter(&root, &all)? {
            Some(chapter) => chapter,
            None => {
                println!(
                    "Every exercise of every chapter is solved. To watch one anyway: \
                     cargo course watch chapterN"
                );
                return Ok(());
            }
        },
        [name] => find_chapter(&all, name)?,
        _ => return Err(format!("cargo course watch takes at most one chapter, not {args:?}")),
    };
    let folder = root.join("exercises").join(&chapter.package);
    let clear = std::io::stdout().is_terminal();
    loop {
        let before = snapshot(&folder);
        if clear {
            print!("\x1b[H\x1b[2J"); // cursor home, clear the screen
        }
        let report = progress::test_chapter_with_progress_line(&root, &chapter, false)?;
        print_compact(&report, &all);
        println!("\nWatching exercises/{}/: save a file to test again, Ctrl-C to quit.", chapter.package);
        let _ = std::io::stdout().flush();
        while snapshot(&folder) == before {
            std::thread::sleep(POLL_INTERVAL);
        }
    }
}

/// The chapter named `name` (`chapter3` or `3`), or an error listing the chapters.
fn find_chapter(all: &[Chapter], name: &str) -> Result<Chapter, String> {
    let number = name.strip_prefix("chapter").unwrap_or(name);
    all.iter().find(|chapter| chapter.number.to_string() == number).cloned().ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|chapter| chapter.package.as_str()).collect();
        format!("no chapter {name:?}; the chapters are {} (or their numbers)", names.join(", "))
    })
}

/// The first chapter, in book order, with an exercise not solved (testing chapters one by one).
fn first_unsolved_chapter(root: &Path, all: &[Chapter]) -> Result<Option<Chapter>, String> {
    for chapter in all {
        let report = progress::test_chapter_with_progress_line(root, chapter, false)?;
        if report.solved() < report.results.len() {
            return Ok(Some(chapter.clone()));
        }
    }
    Ok(None)
}

/// The chapter's tally, then the first exercise to do with its failure and first hint; or the
/// chapter's compiler error; or, when all are solved, the next chapter to watch.
fn print_compact(report: &ChapterReport, all: &[Chapter]) {
    let chapter = &report.chapter;
    let total = report.results.len();
    if let Some(error) = &report.build_error {
        println!("\nChapter {} does not compile:\n", chapter.number);
        print_lines(&error.block, ERROR_LINES, "");
    } else {
        println!("\nChapter {}: {}/{total} exercises solved", chapter.number, report.solved());
    }
    let Some((exercise, status)) = report.next() else {
        println!("\nAll {total} exercises of chapter {} solved.", chapter.number);
        match all.iter().find(|other| other.number > chapter.number) {
            Some(next) => println!("Next: cargo course watch {}", next.package),
            None => println!("That was the last chapter."),
        }
        return;
    };
    let state = match status {
        Status::Stub(_) => "not started",
        Status::DoesNotCompile => "does not compile",
        _ => "failing",
    };
    println!("\nExercise {} {}: {state} — edit {}", exercise.id, exercise.title, exercise.file);
    if let Some(message) = status.message() {
        let lines: Vec<String> = message.lines().map(str::to_owned).collect();
        print_lines(&lines, MESSAGE_LINES, "  ");
    }
    if let Some(hint) = exercise.hints.first() {
        println!("Hint 1: {}", hint.replace('\n', "\n        "));
    }
}

/// The first `limit` of `lines` with `indent`, and a note of how many were left out.
fn print_lines(lines: &[String], limit: usize, indent: &str) {
    for line in lines.iter().take(limit) {
        println!("{indent}{line}");
    }
    if lines.len() > limit {
        println!("{indent}... ({} more lines)", lines.len() - limit);
    }
}

/// The files directly in `folder` (so not `solutions/`) with their modification times and sizes.
fn snapshot(folder: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let metadata = entry.metadata().ok()?;
            metadata.is_file().then(|| (entry.path(), metadata.modified().ok(), metadata.len()))
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_named_by_package_or_number() {
        let all = chapters::all();
        assert_eq!(find_chapter(&all, "chapter3").unwrap().number, 3);
        assert_eq!(find_chapter(&all, "3").unwrap().package, "chapter3");
        let error = find_chapter(&all, "chapter99").unwrap_err();
        assert!(
            error.contains("no chapter \"chapter99\"") && error.contains("chapter1, chapter2"),
            "{error}"
        );
    }

    #[test]
    fn a_saved_file_changes_the_snapshot_but_solutions_do_not() {
        let dir = std::env::temp_dir().join(format!("course-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("solutions")).unwrap();
        std::fs::write(dir.join("ex9_1_a.rs"), "fn a() {}").unwrap();
        let before = snapshot(&dir);
        assert_eq!(before.len(), 1);
        std::fs::write(dir.join("solutions/ex9_1_a.rs"), "fn a() { 1 }").unwrap();
        assert_eq!(snapshot(&dir), before);
        std::fs::write(dir.join("ex9_1_a.rs"), "fn a() { 2; }").unwrap(); // a new size, at least
        assert_ne!(snapshot(&dir), before);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

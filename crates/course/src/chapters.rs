//! The chapters, found by convention rather than listed: every folder `crates/chapterN/` is a
//! chapter crate (package `chapterN`), and the workspace takes it in through
//! `members = ["crates/*"]`. Adding a chapter is one new folder plus its SUMMARY.md lines;
//! [`convention_problems`] says what a new chapter crate is missing (CONTRIBUTING.md explains it).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process;

/// One chapter crate, found under `crates/`.
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    /// The chapter's number, `N` in `crates/chapterN`.
    pub number: u32,
    /// Cargo package name, also the learner's `cargo test -p <package>`.
    pub package: String,
}

/// The repository root (this crate lives in crates/course).
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

/// Every chapter crate of the repository at `root`, in book order (by number).
pub fn discover(root: &Path) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = std::fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let number = name.strip_prefix("chapter")?.parse().ok()?;
            Some(Chapter { number, package: name })
        })
        .collect();
    chapters.sort_by_key(|chapter| chapter.number);
    chapters
}

/// The chapters of this repository.
pub fn all() -> Vec<Chapter> {
    discover(&repo_root())
}

/// `cargo course figures`: runs every chapter's `examples/chapterN_figures.rs`, which draws its
/// figures into book/figures/.
pub fn write_figures() -> Result<(), String> {
    for chapter in all() {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        let example = format!("{}_figures", chapter.package);
        command.args(["run", "--quiet", "--locked", "-p", &chapter.package, "--example", &example]);
        process::run(&format!("{}: figures", chapter.package), &mut command, &repo_root())?;
    }
    Ok(())
}

/// What a chapter crate must have for the course tools, the tests and the book to pick it up,
/// as a list of problems (empty when the chapter follows the convention).
///
/// * `Cargo.toml`: package name = folder name, the features `solutions` and `slow-tests`;
/// * `src/lib.rs` hosts its page `book/chapter-N-*.md` as doctests, that page is in
///   `book/SUMMARY.md` and its code has no `include_str!` (it would unmerge the doctests);
/// * `src/figures.rs` (with its freshness test) and `examples/chapterN_figures.rs` (the
///   figures entry point);
/// * `tests/checks/mod.rs` and `tests/wrong_answers.rs` (the known wrong answers);
/// * `exercises/chapterN/mod.rs` and `solutions/mod.rs` list the same files `exN_M_name.rs`, and
///   `tests/exercises.rs` has a test `exercise_N_M_name` for each, naming `Exercise N.M`.
pub fn convention_problems(root: &Path, chapter: &Chapter) -> Vec<String> {
    let n = chapter.number;
    let dir = root.join("crates").join(&chapter.package);
    let read = |path: &Path| std::fs::read_to_string(path).unwrap_or_default();
    let mut problems = Vec::new();
    let mut require = |ok: bool, what: String| {
        if !ok {
            problems.push(format!("{}: {what}", chapter.package));
        }
    };

    let manifest = read(&dir.join("Cargo.toml"));
    require(
        manifest.contains(&format!("name = \"{}\"", chapter.package)),
        format!("Cargo.toml must name the package \"{}\" after its folder", chapter.package),
    );
    require(
        manifest.lines().any(|line| line.trim() == "solutions = []"),
        "Cargo.toml needs the feature `solutions = []` (the tests' switch to the reference solutions)"
            .to_owned(),
    );
    require(
        manifest.lines().any(|line| line.trim() == "slow-tests = []"),
        "Cargo.toml needs the feature `slow-tests = []` (turns on the tests kept out of the learner's loop)"
            .to_owned(),
    );

    let lib = read(&dir.join("src/lib.rs"));
    let page_marker = format!("include_str!(\"../../../book/chapter-{n}-");
    require(
        lib.contains(&page_marker),
        format!("src/lib.rs must host its page as doctests: #[doc = {page_marker}<name>.md\")]"),
    );
    let summary = read(&root.join("book/SUMMARY.md"));
    for hosted in hosted_pages(&lib) {
        require(summary.contains(&format!("({hosted})")), format!("book/SUMMARY.md does not list {hosted}"));
        // A relative path inside a page resolves against rustdoc's merged file, which then fails
        // to build, and rustdoc silently compiles every doctest on its own (25 s for chapter 5).
        require(
            !read(&root.join("book").join(&hosted)).contains("include_str!("),
            format!(
                "book/{hosted}: read committed files through a crate constant, not include_str! in the page"
            ),
        );
    }
    require(
        read(&dir.join("src/figures.rs")).contains("assert_committed_figures_fresh(all())"),
        "src/figures.rs needs pub fn all() and a test calling house_style::assert_committed_figures_fresh(all())"
            .to_owned(),
    );
    require(
        dir.join("tests/checks/mod.rs").is_file(),
        "tests/checks/mod.rs (one check per exercise) is missing".to_owned(),
    );
    require(
        read(&dir.join("tests/wrong_answers.rs")).contains("exercise_check::wrong_answers!"),
        "tests/wrong_answers.rs must list the known wrong answers with exercise_check::wrong_answers!"
            .to_owned(),
    );
    let figures_example = format!("examples/{}_figures.rs", chapter.package);
    require(
        read(&dir.join(&figures_example)).contains("write_book_figures"),
        format!("{figures_example} must call house_style::write_book_figures (cargo course figures runs it)"),
    );

    let exercises = root.join("exercises").join(&chapter.package);
    let tests = read(&dir.join("tests/exercises.rs"));
    let listed = exercise_modules(&read(&exercises.join("mod.rs")));
    let solved = exercise_modules(&read(&exercises.join("solutions/mod.rs")));
    require(!listed.is_empty(), format!("exercises/{}/mod.rs lists no exercise files", chapter.package));
    require(
        listed == solved,
        format!("exercises/{0}/mod.rs and solutions/mod.rs list different files", chapter.package),
    );
    for stem in &listed {
        let Some((id, test_name)) = exercise_id_and_test(stem, n) else {
            require(false, format!("exercise file {stem}.rs is not named ex{n}_M_name.rs"));
            continue;
        };
        require(
            exercises.join(format!("{stem}.rs")).is_file(),
            format!("exercises/{}/{stem}.rs is missing", chapter.package),
        );
        require(
            exercises.join(format!("solutions/{stem}.rs")).is_file(),
            format!("exercises/{}/solutions/{stem}.rs is missing", chapter.package),
        );
        require(
            tests.contains(&format!("fn {test_name}()")) && tests.contains(&format!("\"{id}\"")),
            format!("tests/exercises.rs needs `fn {test_name}()` calling exercise(\"{id}\", ...)"),
        );
    }
    problems
}

/// The book pages a crate's lib.rs hosts (`include_str!("../../../book/<page>")`).
fn hosted_pages(lib: &str) -> Vec<String> {
    lib.split("include_str!(\"../../../book/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// The `pub mod exN_M_name;` lines of an exercises mod.rs.
fn exercise_modules(mod_rs: &str) -> Vec<String> {
    mod_rs
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod ")?.strip_suffix(';'))
        .map(str::to_owned)
        .collect()
}

/// `ex3_2_mc_estimate` in chapter 3 -> (`3.2`, `exercise_3_2_mc_estimate`).
fn exercise_id_and_test(stem: &str, chapter: u32) -> Option<(String, String)> {
    let rest = stem.strip_prefix(&format!("ex{chapter}_"))?;
    let (number, name) = rest.split_once('_')?;
    number.parse::<u32>().ok()?;
    Some((format!("{chapter}.{number}"), format!("exercise_{chapter}_{number}_{name}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chapters_are_found_in_book_order() {
        let packages: Vec<String> = all().into_iter().map(|chapter| chapter.package).collect();
        assert!(packages.len() >= 4, "{packages:?}");
        assert_eq!(packages[..4], ["chapter1", "chapter2", "chapter3", "chapter4"]);
    }

    #[test]
    fn every_chapter_crate_follows_the_convention() {
        let root = repo_root();
        let problems: Vec<String> =
            all().iter().flat_map(|chapter| convention_problems(&root, chapter)).collect();
        assert!(problems.is_empty(), "chapter crates that break the convention:\n{}", problems.join("\n"));
    }

    #[test]
    fn a_chapter_that_breaks_the_convention_is_reported() {
        let dir = std::env::temp_dir().join(format!("course-chapters-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("crates/chapter9/src")).unwrap();
        std::fs::create_dir_all(dir.join("crates/chapter9x")).unwrap(); // not a chapter
        std::fs::create_dir_all(dir.join("exercises/chapter9/solutions")).unwrap();
        std::fs::write(dir.join("crates/chapter9/Cargo.toml"), "[package]\nname = \"chapter9\"\n").unwrap();
        std::fs::write(dir.join("exercises/chapter9/mod.rs"), "pub mod ex9_1_first;\npub mod nine;\n")
            .unwrap();
        std::fs::write(dir.join("exercises/chapter9/solutions/mod.rs"), "pub mod ex9_1_first;\n").unwrap();

        let chapters = discover(&dir);
        assert_eq!(chapters, [Chapter { number: 9, package: "chapter9".to_owned() }]);
        let problems = convention_problems(&dir, &chapters[0]).join("\n");
        for expected in [
            "feature `solutions = []`",
            "feature `slow-tests = []`",
            "host its page",
            "src/figures.rs needs",
            "tests/checks/mod.rs",
            "tests/wrong_answers.rs",
            "examples/chapter9_figures.rs",
            "list different files",
            "nine.rs is not named",
            "exercises/chapter9/ex9_1_first.rs is missing",
            "fn exercise_9_1_first()",
        ] {
            assert!(problems.contains(expected), "missing {expected:?} in:\n{problems}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn exercise_names_map_to_ids_and_tests() {
        assert_eq!(
            exercise_id_and_test("ex3_2_mc_estimate", 3),
            Some(("3.2".to_owned(), "exercise_3_2_mc_estimate".to_owned()))
        );
        assert_eq!(exercise_id_and_test("ex3_2_mc_estimate", 4), None);
        assert_eq!(
            hosted_pages("#[doc = include_str!(\"../../../book/chapter-1-dropout.md\")]"),
            ["chapter-1-dropout.md"]
        );
    }
}

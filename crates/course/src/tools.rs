//! The book tool: tools/book-tool, mdBook's library and mdbook-katex's preprocessor in one binary,
//! built once from crates.io (its Cargo.lock is committed) into .tools/book-tool/, with one
//! progress line, and rebuilt when its sources change.
//!
//! Why one binary and not the `mdbook` and `mdbook-katex` commands: one build compiles what the
//! two share once, in a profile chosen for a short build, and the two libraries come from one lock
//! file, so they cannot disagree on the mdBook version (mdbook-katex 0.10.0's own lock pins the
//! preprocessor library of mdBook 0.5.3, which made every build with mdBook 0.5.4 warn).

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::chapters::repo_root;

/// How long the first build of the book tool takes, as measured on a quiet two-core machine
/// (AMD EPYC Zen 3, AVX2): README.md and the book quote the same words, and a test checks it.
pub const FIRST_BUILD_TIME: &str = "about two minutes";

/// What `book-tool --version` prints for the sources in tools/book-tool.
const VERSION_LINE: &str = "book-tool 0.1.0 (mdbook 0.5.4, mdbook-katex 0.10.0)";

/// How long its build took, measured on a quiet two-core machine (100-111 s), for the progress line.
const MEASURED_BUILD_SECONDS: f64 = 105.0;

/// How many "Compiling" lines its build prints (measured), for the progress line.
const COMPILE_STEPS: usize = 147;

/// The built book tool.
pub struct BookTools {
    pub binary: PathBuf,
}

impl BookTools {
    /// `book-tool build`, run from the repository root: builds the book into target/book.
    pub fn build_command(&self) -> Command {
        let mut command = Command::new(&self.binary);
        command.arg("build").current_dir(repo_root());
        command
    }
}

fn source_dir() -> PathBuf {
    repo_root().join("tools/book-tool")
}

fn target_dir() -> PathBuf {
    repo_root().join(".tools/book-tool")
}

/// The book tool, built first if it is missing or older than its sources.
pub fn ensure() -> Result<BookTools, String> {
    let binary = target_dir().join("release").join(format!("book-tool{}", std::env::consts::EXE_SUFFIX));
    if !is_current(&binary) {
        build()?;
        // A touched but unchanged source leaves cargo nothing to relink: mark the binary current.
        let _ = std::fs::File::options()
            .write(true)
            .open(&binary)
            .and_then(|file| file.set_modified(SystemTime::now()));
        if !prints_version_line(&binary) {
            return Err(format!(
                "{} was built but `--version` does not print {VERSION_LINE:?}",
                binary.display()
            ));
        }
    }
    Ok(BookTools { binary })
}

/// The binary exists, prints the expected version and is newer than every source file.
fn is_current(binary: &PathBuf) -> bool {
    let built = std::fs::metadata(binary).and_then(|metadata| metadata.modified()).ok();
    let newest_source = ["Cargo.toml", "Cargo.lock", "src/main.rs"]
        .iter()
        .filter_map(|file| std::fs::metadata(source_dir().join(file)).and_then(|m| m.modified()).ok())
        .max()
        .unwrap_or(SystemTime::UNIX_EPOCH);
    built.is_some_and(|built| built >= newest_source) && prints_version_line(binary)
}

fn prints_version_line(binary: &PathBuf) -> bool {
    Command::new(binary)
        .arg("--version")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == VERSION_LINE)
}

/// `cargo build --release` of tools/book-tool, its output kept in target/course/book-tool-build.log
/// and summarised on one progress line (crates compiled, time left).
fn build() -> Result<(), String> {
    println!(
        "Building the book tool (mdBook 0.5.4 with mdbook-katex 0.10.0) from crates.io into .tools/: \
         {FIRST_BUILD_TIME} on two cores, once."
    );
    let started = Instant::now();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut child = Command::new(cargo)
        .args(["build", "--release", "--locked", "--manifest-path"])
        .arg(source_dir().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir())
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never")
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start cargo to build the book tool: {error}"))?;
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    if let Some(stderr) = child.stderr.take() {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Ok(mut lines) = lines.lock() {
                    lines.push(line);
                }
            }
        });
    }
    let terminal = std::io::stdout().is_terminal();
    let mut last_line = Instant::now();
    let status = loop {
        std::thread::sleep(Duration::from_millis(250));
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        let compiled = lines.lock().map(|lines| compiled_count(&lines)).unwrap_or(0);
        let status = format!(
            "  {compiled}/{COMPILE_STEPS} crates compiled · {}",
            time_left(compiled, COMPILE_STEPS, started.elapsed())
        );
        if terminal {
            print!("\r\x1b[2K{status}");
            let _ = std::io::stdout().flush();
        } else if last_line.elapsed() >= Duration::from_secs(15) {
            println!("{status}");
            last_line = Instant::now();
        }
    };
    if terminal {
        println!();
    }
    let lines = lines.lock().map(|lines| lines.clone()).unwrap_or_default();
    let log = repo_root().join("target/course/book-tool-build.log");
    let _ = std::fs::create_dir_all(log.parent().unwrap_or(&repo_root()));
    let _ = std::fs::write(&log, lines.join("\n"));
    if !status.success() {
        let tail = lines[lines.len().saturating_sub(25)..].join("\n");
        return Err(format!(
            "building the book tool failed ({status}); its last lines:\n{tail}\n(full output: {})",
            log.display()
        ));
    }
    println!("Built the book tool in {:.0} s.", started.elapsed().as_secs_f64());
    Ok(())
}

fn compiled_count(lines: &[String]) -> usize {
    lines.iter().filter(|line| line.trim_start().starts_with("Compiling")).count().min(COMPILE_STEPS)
}

/// "48 s, about 70 s left": the larger of what the measured build time leaves and what the
/// fraction of steps done predicts (the last steps, QuickJS above all, are the longest).
fn time_left(done: usize, total: usize, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let fraction = done as f64 / total.max(1) as f64;
    let by_steps = if fraction >= 0.1 { seconds * (1.0 - fraction) / fraction } else { 0.0 };
    let by_measurement = MEASURED_BUILD_SECONDS - seconds;
    let left = by_steps.max(by_measurement);
    if left < 5.0 {
        return format!("{seconds:.0} s, almost done");
    }
    format!("{seconds:.0} s, about {:.0} s left", (left / 5.0).ceil() * 5.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_that_times_the_first_build_quotes_the_tools_estimate() {
        for page in ["README.md", "book/introduction.md", "book/instructor-guide.md"] {
            let text = std::fs::read_to_string(repo_root().join(page)).unwrap();
            assert!(
                text.contains(FIRST_BUILD_TIME),
                "{page} must say \"{FIRST_BUILD_TIME}\" for the first build"
            );
            assert!(!text.contains("about four minutes"), "{page} still quotes the old estimate");
        }
    }

    #[test]
    fn the_version_line_names_the_pinned_libraries() {
        let manifest = std::fs::read_to_string(source_dir().join("Cargo.toml")).unwrap();
        let main = std::fs::read_to_string(source_dir().join("src/main.rs")).unwrap();
        for (library, version) in [("mdbook-driver", "0.5.4"), ("mdbook-katex", "0.10.0")] {
            assert!(
                manifest.contains(&format!("{library} = {{ version = \"={version}\""))
                    || manifest.contains(&format!("{library} = \"={version}\"")),
                "{library} {version}"
            );
            assert!(VERSION_LINE.contains(version), "{VERSION_LINE}");
        }
        assert!(
            main.contains("(mdbook 0.5.4, mdbook-katex 0.10.0)"),
            "tools/book-tool/src/main.rs prints another version line"
        );
    }

    #[test]
    fn time_left_follows_the_measurement_then_the_steps() {
        assert_eq!(time_left(5, 100, Duration::from_secs(10)), "10 s, about 95 s left");
        assert_eq!(time_left(50, 100, Duration::from_secs(60)), "60 s, about 60 s left");
        assert_eq!(time_left(90, 100, Duration::from_secs(90)), "90 s, about 15 s left");
        assert_eq!(time_left(99, 100, Duration::from_secs(120)), "120 s, almost done");
    }
}

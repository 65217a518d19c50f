//! The pinned book tools: found on PATH or in the repository's .tools/, built there from crates.io
//! with `cargo install --locked` when missing. Both build at once, with one progress line.
//!
//! The pair is chosen so that the versions match: mdbook-katex 0.10.0's lock file pins the
//! preprocessor library of mdBook 0.5.3, so the book uses mdBook 0.5.3 (any other version makes
//! every build warn about the mismatch). mdBook is built without its `serve` and `watch` features,
//! which `cargo course serve` replaces (server.rs, serve.rs): that halves its build.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::chapters::repo_root;

/// How long building both tools takes the first time, as measured on a quiet two-core machine
/// (AMD EPYC Zen 3): README.md quotes the same words, and a test checks that it does.
pub const FIRST_BUILD_TIME: &str = "about two minutes";

/// A tool pinned to one version: the crate that provides it and what `--version` prints.
struct PinnedTool {
    crate_name: &'static str,
    version: &'static str,
    /// The first line `<binary> --version` prints for the pinned version.
    version_line: &'static str,
    /// Extra `cargo install` arguments (features).
    install_args: &'static [&'static str],
    /// How many "Compiling" lines its build prints (measured), for the progress line.
    compile_steps: usize,
}

const MDBOOK: PinnedTool = PinnedTool {
    crate_name: "mdbook",
    version: "0.5.3",
    version_line: "mdbook v0.5.3",
    install_args: &["--no-default-features", "--features", "search"],
    compile_steps: 123,
};

const MDBOOK_KATEX: PinnedTool = PinnedTool {
    crate_name: "mdbook-katex",
    version: "0.10.0",
    version_line: "mdbook-katex 0.10.0",
    install_args: &[],
    compile_steps: 79,
};

const TOOLS: [PinnedTool; 2] = [MDBOOK, MDBOOK_KATEX];

/// Where the tools were found: the `mdbook` to run and the PATH under which it finds
/// `mdbook-katex`.
pub struct BookTools {
    pub mdbook: PathBuf,
    pub path_env: OsString,
}

impl BookTools {
    /// `mdbook <args>` with the tools' PATH, run from the repository root.
    pub fn mdbook(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.mdbook);
        command.args(args).env("PATH", &self.path_env).current_dir(repo_root());
        command
    }
}

/// Each tool's own install root under .tools/, so that both can be built at once.
fn install_root(tool: &PinnedTool) -> PathBuf {
    repo_root().join(".tools").join(tool.crate_name)
}

/// Finds both pinned tools, building any that is missing (or at another version) into
/// `<repo>/.tools/<crate>/bin`.
pub fn ensure() -> Result<BookTools, String> {
    let mut directories: Vec<PathBuf> = TOOLS.iter().map(|tool| install_root(tool).join("bin")).collect();
    directories.extend(std::env::var_os("PATH").iter().flat_map(std::env::split_paths));
    let path_env = std::env::join_paths(&directories).map_err(|error| error.to_string())?;

    let missing: Vec<&PinnedTool> = TOOLS.iter().filter(|tool| find(tool, &directories).is_none()).collect();
    if !missing.is_empty() {
        install_all(&missing)?;
    }
    let mdbook =
        find(&MDBOOK, &directories).ok_or("mdbook was built but its --version is not the pinned one")?;
    if find(&MDBOOK_KATEX, &directories).is_none() {
        return Err("mdbook-katex was built but its --version is not the pinned one".to_owned());
    }
    Ok(BookTools { mdbook, path_env })
}

/// The first `<dir>/<crate_name>` whose `--version` prints the pinned version line.
fn find(tool: &PinnedTool, directories: &[PathBuf]) -> Option<PathBuf> {
    directories.iter().map(|dir| dir.join(tool.crate_name)).find(|candidate| {
        Command::new(candidate)
            .arg("--version")
            .output()
            .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == tool.version_line)
    })
}

/// One `cargo install` running in the background, its output collected line by line.
struct Build<'a> {
    tool: &'a PinnedTool,
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    finished: Option<Result<(), String>>,
}

impl Build<'_> {
    fn compiled(&self) -> usize {
        let lines = self.lines.lock().map(|lines| lines.clone()).unwrap_or_default();
        lines.iter().filter(|line| line.trim_start().starts_with("Compiling")).count()
    }
}

/// Builds `tools` at once, showing one progress line (crates compiled, time left), and writes
/// each build's full output to target/course/<crate>-build.log.
fn install_all(tools: &[&PinnedTool]) -> Result<(), String> {
    let names: Vec<String> =
        tools.iter().map(|tool| format!("{} {}", tool.crate_name, tool.version)).collect();
    println!(
        "Building the book tools {} from crates.io into .tools/: {FIRST_BUILD_TIME} on two cores, once.",
        names.join(" and ")
    );
    let started = Instant::now();
    let mut builds = Vec::new();
    for tool in tools {
        builds.push(start_build(tool)?);
    }
    let terminal = std::io::stdout().is_terminal();
    let mut last_line = Instant::now();
    while builds.iter().any(|build| build.finished.is_none()) {
        std::thread::sleep(Duration::from_millis(250));
        for build in builds.iter_mut().filter(|build| build.finished.is_none()) {
            if let Ok(Some(status)) = build.child.try_wait() {
                build.finished = Some(if status.success() { Ok(()) } else { Err(status.to_string()) });
            }
        }
        let status = progress_line(&builds, started.elapsed());
        if terminal {
            print!("\r\x1b[2K{status}");
            let _ = std::io::stdout().flush();
        } else if last_line.elapsed() >= Duration::from_secs(15) {
            println!("{status}");
            last_line = Instant::now();
        }
    }
    if terminal {
        println!();
    }
    let log_dir = repo_root().join("target/course");
    let _ = std::fs::create_dir_all(&log_dir);
    let mut failures = Vec::new();
    for build in &builds {
        let lines = build.lines.lock().map(|lines| lines.clone()).unwrap_or_default();
        let log = log_dir.join(format!("{}-build.log", build.tool.crate_name));
        let _ = std::fs::write(&log, lines.join("\n"));
        if let Some(Err(status)) = &build.finished {
            let tail = lines[lines.len().saturating_sub(25)..].join("\n");
            failures.push(format!(
                "building {} {} failed ({status}); its last lines:\n{tail}\n(full output: {})",
                build.tool.crate_name,
                build.tool.version,
                log.display()
            ));
        }
    }
    if !failures.is_empty() {
        return Err(failures.join("\n\n"));
    }
    println!("Built the book tools in {:.0} s.", started.elapsed().as_secs_f64());
    Ok(())
}

fn start_build(tool: &PinnedTool) -> Result<Build<'_>, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["install", "--locked", "--root"])
        .arg(install_root(tool))
        .args(tool.install_args)
        .arg(format!("{}@{}", tool.crate_name, tool.version))
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never")
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|error| format!("could not start cargo install: {error}"))?;
    let lines = Arc::new(Mutex::new(Vec::new()));
    let stdout = child.stdout.take().map(|out| Box::new(out) as Box<dyn std::io::Read + Send>);
    let stderr = child.stderr.take().map(|err| Box::new(err) as Box<dyn std::io::Read + Send>);
    for stream in [stdout, stderr].into_iter().flatten() {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if let Ok(mut lines) = lines.lock() {
                    lines.push(line);
                }
            }
        });
    }
    Ok(Build { tool, child, lines, finished: None })
}

/// "mdbook 45/120, mdbook-katex 30/79 crates compiled · 48 s, about 70 s left".
fn progress_line(builds: &[Build], elapsed: Duration) -> String {
    let (mut done, mut total) = (0, 0);
    let mut parts = Vec::new();
    for build in builds {
        let compiled = build.compiled().min(build.tool.compile_steps);
        let compiled = if build.finished.is_some() { build.tool.compile_steps } else { compiled };
        done += compiled;
        total += build.tool.compile_steps;
        parts.push(format!("{} {compiled}/{}", build.tool.crate_name, build.tool.compile_steps));
    }
    format!("  {} crates compiled · {}", parts.join(", "), time_left(done, total, elapsed))
}

/// "48 s, about 70 s left", from the fraction of steps done.
fn time_left(done: usize, total: usize, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let fraction = done as f64 / total.max(1) as f64;
    if fraction < 0.1 {
        return format!("{seconds:.0} s");
    }
    let left = seconds * (1.0 - fraction) / fraction;
    format!("{seconds:.0} s, about {:.0} s left", (left / 5.0).ceil() * 5.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_quotes_the_tools_time_estimate() {
        let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
        assert!(
            readme.contains(FIRST_BUILD_TIME),
            "README.md must say \"{FIRST_BUILD_TIME}\" for the first build"
        );
    }

    #[test]
    fn time_left_is_shown_once_a_tenth_is_done() {
        assert_eq!(time_left(5, 100, Duration::from_secs(10)), "10 s");
        assert_eq!(time_left(50, 100, Duration::from_secs(60)), "60 s, about 60 s left");
        assert_eq!(time_left(75, 100, Duration::from_secs(60)), "60 s, about 20 s left");
    }
}

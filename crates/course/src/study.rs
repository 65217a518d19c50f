//! `cargo course study`: chapter 6's experiment, built in release and run with a progress bar
//! (the `chapter6-study` binary, `crates/chapter6/src/bin/study.rs`). Options go to it unchanged:
//! `--quick`, `--out DIR`, `--threads N`.

use std::process::Command;

use crate::chapters::repo_root;
use crate::process;

/// Builds and runs the study binary with `args`. A study stopped by a signal keeps every finished
/// run (they are appended run by run), and the same command resumes it, saying so; if only the
/// study itself was stopped (a SIGTERM to it, say), this ends with that note, not a cargo error.
pub fn run(args: &[String]) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args([
        "run",
        "--release",
        "--quiet",
        "--locked",
        "-p",
        "chapter6",
        "--features",
        "cli",
        "--bin",
        "chapter6-study",
        "--",
    ]);
    command.args(args);
    eprintln!("building the study in release (the first time takes about a minute) ...");
    let status = command
        .current_dir(repo_root())
        .status()
        .map_err(|error| format!("could not start {}: {error}", process::describe(&command)))?;
    if status.success() {
        return Ok(());
    }
    if interrupted(&status) {
        eprintln!("interrupted: every finished run is kept; run the same command again to resume");
        return Ok(());
    }
    // The binary has printed its own message (usage, or what failed).
    Err(String::new())
}

/// Did the child end because of Ctrl-C or a termination signal?
#[cfg(unix)]
fn interrupted(status: &std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    matches!(status.signal(), Some(2 | 15)) || matches!(status.code(), Some(130 | 143))
}

#[cfg(not(unix))]
fn interrupted(status: &std::process::ExitStatus) -> bool {
    matches!(status.code(), Some(130 | 143 | -1073741510))
}

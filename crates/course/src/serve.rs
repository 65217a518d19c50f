//! `cargo course serve`: build the book, serve it on localhost, rebuild it whenever a page or the
//! code it includes is saved, and reload the open page after each rebuild.
//!
//! The server is [`crate::server`], not `mdbook serve`: the book tool is built without mdBook's
//! server and watcher (a shorter first build), and Ctrl-C or SIGTERM simply ends this process,
//! with nothing to report.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crate::book_check::files_under;
use crate::chapters::repo_root;
use crate::server::{self, Site};
use crate::tools::{self, BookTools};

const USAGE: &str = "usage: cargo course serve [--open] [--port N]";

/// Polls `/__course/build` once a second and reloads the page when the number changes.
const LIVE_RELOAD: &str = "<script>(function () { let seen = null; setInterval(function () { \
fetch('/__course/build').then(function (r) { return r.text(); }).then(function (id) { \
if (seen !== null && id !== seen) { location.reload(); } seen = id; }).catch(function () {}); }, 1000); })();</script>";

/// `cargo course serve [--open] [--port N]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let (open, port) = parse_args(args)?;
    let started = Instant::now();
    let tools = tools::ensure()?;
    println!("Building the book...");
    build_book(&tools)?;

    let build_number = Arc::new(AtomicU64::new(1));
    let mut site = Site::new(repo_root().join("target/book"));
    site.head_snippet = Some(LIVE_RELOAD.to_owned());
    let shown = Arc::clone(&build_number);
    site.handler = Some(Box::new(move |request| {
        (request.path == "/__course/build")
            .then(|| server::text(200, &shown.load(Ordering::SeqCst).to_string()))
    }));
    let listener = server::bind(port..=port.saturating_add(10))?;
    let url = format!("http://localhost:{}/", listener.local_addr().map_err(|e| e.to_string())?.port());
    server::spawn(listener, Arc::new(site));
    println!(
        "The book is at {url} (ready {:.0} s after the command started). Saved changes rebuild it \
         and reload the page; Ctrl-C stops.",
        started.elapsed().as_secs_f64()
    );
    if open {
        open_in_browser(&url);
    }

    let mut sources = snapshot();
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = snapshot();
        if now == sources {
            continue;
        }
        let changed = changed_file(&sources, &now);
        sources = now;
        let rebuild_started = Instant::now();
        match build_book(&tools) {
            Ok(()) => {
                build_number.fetch_add(1, Ordering::SeqCst);
                println!(
                    "rebuilt after a change to {changed} ({:.1} s)",
                    rebuild_started.elapsed().as_secs_f64()
                );
            }
            Err(message) => println!("the book did not build after a change to {changed}:\n{message}"),
        }
    }
}

fn parse_args(args: &[String]) -> Result<(bool, u16), String> {
    let (mut open, mut port) = (false, 3000);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--open" | "-o" => open = true,
            "--port" | "-p" => {
                port = args
                    .next()
                    .and_then(|value| value.parse().ok())
                    .ok_or_else(|| format!("--port needs a port number\n{USAGE}"))?;
            }
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    Ok((open, port))
}

/// `book-tool build` (mdBook with KaTeX) into target/book. Its warnings (a formula KaTeX could
/// not parse, a missing include) are printed; its whole output is the error if it fails.
pub fn build_book(tools: &BookTools) -> Result<(), String> {
    let output = tools
        .build_command()
        .output()
        .map_err(|error| format!("could not start {}: {error}", tools.binary.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() {
        if !stderr.trim().is_empty() {
            eprint!("{stderr}");
        }
        Ok(())
    } else {
        Err(format!(
            "the book did not build ({}):\n{}{stderr}",
            output.status,
            String::from_utf8_lossy(&output.stdout)
        ))
    }
}

/// Modification time and size of every file the book is built from: its pages and theme, and
/// the crate and exercise sources the pages include.
fn snapshot() -> BTreeMap<PathBuf, (SystemTime, u64)> {
    let root = repo_root();
    let mut files: Vec<PathBuf> =
        ["book", "exercises", "crates"].iter().flat_map(|dir| files_under(&root.join(dir))).collect();
    files.push(root.join("book.toml"));
    files
        .into_iter()
        .filter_map(|path| {
            let metadata = std::fs::metadata(&path).ok()?;
            Some((path, (metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH), metadata.len())))
        })
        .collect()
}

/// A file that differs between two snapshots, relative to the repository, for the log line.
fn changed_file(
    before: &BTreeMap<PathBuf, (SystemTime, u64)>,
    after: &BTreeMap<PathBuf, (SystemTime, u64)>,
) -> String {
    let differs = after
        .iter()
        .find(|(path, stamp)| before.get(*path) != Some(*stamp))
        .map(|(path, _)| path.clone())
        .or_else(|| before.keys().find(|path| !after.contains_key(*path)).cloned());
    let root = repo_root();
    differs.map_or_else(
        || "a file".to_owned(),
        |path| path.strip_prefix(&root).unwrap_or(&path).display().to_string(),
    )
}

/// Asks the desktop to open `url`; says so when it cannot.
fn open_in_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut start = Command::new("cmd");
        start.args(["/C", "start", ""]);
        start
    } else {
        Command::new("xdg-open")
    };
    let opened = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !opened {
        println!("(could not open a browser here: open {url} yourself)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| (*arg).to_owned()).collect()
    }

    #[test]
    fn options_are_parsed_and_unknown_ones_refused() {
        assert_eq!(parse_args(&[]), Ok((false, 3000)));
        assert_eq!(parse_args(&strings(&["--open", "--port", "4000"])), Ok((true, 4000)));
        assert!(parse_args(&strings(&["--port"])).unwrap_err().contains("needs a port"));
        assert!(parse_args(&strings(&["--port", "x"])).unwrap_err().contains("needs a port"));
        assert!(parse_args(&strings(&["--hostname"])).unwrap_err().contains("unknown option"));
    }

    #[test]
    fn the_changed_file_is_named() {
        let root = repo_root();
        let stamp = (SystemTime::UNIX_EPOCH, 1);
        let before = BTreeMap::from([(root.join("book/a.md"), stamp), (root.join("book/b.md"), stamp)]);
        let mut after = before.clone();
        after.insert(root.join("book/b.md"), (SystemTime::UNIX_EPOCH, 2));
        assert_eq!(changed_file(&before, &after), Path::new("book/b.md").display().to_string());
        let mut removed = before.clone();
        removed.remove(&root.join("book/a.md"));
        assert_eq!(changed_file(&before, &removed), Path::new("book/a.md").display().to_string());
    }
}

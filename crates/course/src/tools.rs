//! The pinned book tools: found on PATH or in the repository's .tools/, installed there with
//! `cargo install --locked` when missing. Nothing outside crates.io is downloaded.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::chapters::repo_root;
use crate::process;

/// A tool pinned to one version: the crate that provides it and what `--version` prints.
struct PinnedTool {
    crate_name: &'static str,
    version: &'static str,
    /// The first line `<binary> --version` prints for the pinned version.
    version_line: &'static str,
    minutes_to_build: &'static str,
}

const MDBOOK: PinnedTool = PinnedTool {
    crate_name: "mdbook",
    version: "0.5.4",
    version_line: "mdbook v0.5.4",
    minutes_to_build: "about 2",
};

const MDBOOK_KATEX: PinnedTool = PinnedTool {
    crate_name: "mdbook-katex",
    version: "0.10.0",
    version_line: "mdbook-katex 0.10.0",
    minutes_to_build: "about 1.5",
};

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

/// Finds both pinned tools, installing any that is missing or at another version into
/// `<repo>/.tools/bin`.
pub fn ensure() -> Result<BookTools, String> {
    let local_bin = repo_root().join(".tools/bin");
    let mut directories = vec![local_bin.clone()];
    directories.extend(std::env::var_os("PATH").iter().flat_map(std::env::split_paths));
    let path_env = std::env::join_paths(&directories).map_err(|error| error.to_string())?;

    let mut mdbook = None;
    for tool in [MDBOOK, MDBOOK_KATEX] {
        let found = match find(&tool, &directories) {
            Some(path) => path,
            None => install(&tool)?,
        };
        if tool.crate_name == "mdbook" {
            mdbook = Some(found);
        }
    }
    let mdbook = mdbook.ok_or("mdbook was neither found nor installed")?;
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

fn install(tool: &PinnedTool) -> Result<PathBuf, String> {
    let root = repo_root().join(".tools");
    println!(
        "{} {} is not installed; building it from crates.io into .tools/ ({} minutes, once).",
        tool.crate_name, tool.version, tool.minutes_to_build
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["install", "--locked", "--root"])
        .arg(&root)
        .arg(format!("{}@{}", tool.crate_name, tool.version));
    process::run(&format!("install {} {}", tool.crate_name, tool.version), &mut command, &repo_root())?;
    let installed = root.join("bin").join(tool.crate_name);
    find(tool, &[root.join("bin")]).ok_or_else(|| {
        format!(
            "{} was installed but `{} --version` does not print {:?}",
            tool.crate_name,
            installed.display(),
            tool.version_line
        )
    })
}

/// `cargo course serve [mdbook serve args]`: serve the book, rebuilding on every edit.
pub fn serve(extra_args: &[String]) -> Result<(), String> {
    let tools = ensure()?;
    let mut command = tools.mdbook(&["serve"]);
    command.args(extra_args);
    println!("Serving the book at http://localhost:3000 (Ctrl-C stops).");
    process::run("serve the book", &mut command, &repo_root())
}

//! `book-tool build [DIR]`: builds the mdBook at DIR (default: the current directory) with
//! mdBook's library and mdbook-katex's preprocessor in one process, so their versions cannot
//! disagree, and one build compiles what they share once.
//!
//! `book-tool --version` prints the line `cargo course` checks before it uses this binary.

use std::io::IsTerminal;
use std::process::ExitCode;

use mdbook_driver::MDBook;
use mdbook_katex::preprocess::KatexProcessor;
use tracing_subscriber::EnvFilter;

/// What `--version` prints: this tool's version and the two libraries it is built from.
const VERSION_LINE: &str =
    concat!("book-tool ", env!("CARGO_PKG_VERSION"), " (mdbook 0.5.4, mdbook-katex 0.10.0)");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["--version"] => {
            println!("{VERSION_LINE}");
            Ok(())
        }
        ["build"] => build("."),
        ["build", dir] => build(dir),
        _ => Err("usage: book-tool build [DIR] | book-tool --version".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the book at `dir` (its book.toml), puts the KaTeX preprocessor in place of the
/// `mdbook-katex` command that `[preprocessor.katex]` names, and builds every output.
fn build(dir: &str) -> Result<(), String> {
    // Warnings and errors only, unless RUST_LOG asks for more.
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(filter)
        .without_time()
        .try_init();
    let mut book = MDBook::load(dir).map_err(|error| format!("loading the book in {dir}: {error:#}"))?;
    book.with_preprocessor(KatexProcessor);
    book.build().map_err(|error| format!("building the book: {error:#}"))
}

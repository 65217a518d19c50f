//! `cargo course <command>`: the one entry point for learners, instructors and contributors.
//!
//! * `serve`   install the pinned book tools if missing, then serve the book on localhost:3000
//! * `build`   build the book into target/book and check it works offline
//! * `figures` regenerate every figure into book/figures/
//! * `study`   chapter 6's experiment (options: --quick, --out DIR, --threads N)
//! * `verify`  everything CI checks: format, lints, all tests with the solutions, the stubs'
//!   failures, figure freshness, the book's code blocks and the built book
//! * `tools`   only install the pinned book tools

mod book_check;
mod book_sources;
mod chapters;
mod doc_examples;
mod process;
mod study;
mod tools;
mod unsafe_check;
mod verify;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo course <serve|build|figures|study|verify|tools>

  serve    install mdbook 0.5.4 and mdbook-katex 0.10.0 if missing, then serve the book
           at http://localhost:3000 (extra arguments go to `mdbook serve`, e.g. --open)
  build    build the book into target/book and check it needs nothing from the internet
  figures  regenerate every figure into book/figures/
  study    run chapter 6's experiment with a progress bar (--quick: a small one; --out DIR;
           --threads N); an interrupted study resumes when rerun
  verify   run every check CI runs (format, lints, tests with solutions, stub failures,
           figure freshness, book code blocks, the built book)
  tools    install the pinned book tools only";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => tools::serve(&args[1..]),
        Some("build") => book_check::build_and_check(),
        Some("figures") => chapters::write_figures(),
        Some("study") => study::run(&args[1..]),
        Some("verify") => verify::run(),
        Some("tools") => tools::ensure().map(|_| ()),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}"); // (empty: the command printed its own message)
            }
            ExitCode::FAILURE
        }
    }
}

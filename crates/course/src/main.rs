//! `cargo course <command>`: the one entry point for learners, instructors and contributors.
//!
//! * `serve`   build the book tool if missing, then serve the book on localhost:3000
//! * `build`   build the book into target/book and check it works offline
//! * `figures` regenerate every figure into book/figures/
//! * `pdf`     the whole book as one PDF, printed by headless Chromium
//! * `browser-check` load every page of the built book in headless Chromium (a step of verify)
//! * `study`   chapter 6's experiment (options: --quick, --out DIR, --threads N)
//! * `verify`  everything CI checks: format, lints, all tests with the solutions, the stubs'
//!   failures, figure freshness, the book's code blocks, the built book and the browser check
//! * `tools`   only build the book tool (tools/book-tool: mdBook with KaTeX) into .tools/
//! * `progress` run every chapter's exercise tests: each exercise solved, stub, failing or not
//!   compiling, then the next one to do with its first hint
//! * `watch`   rerun one chapter's exercise tests on every save (rustlings' watch mode)

mod book_check;
mod book_sources;
mod browser_check;
mod chapters;
mod chromium;
mod doc_examples;
mod hints;
mod pdf;
mod process;
mod progress;
mod serve;
mod server;
mod study;
mod tools;
mod unsafe_check;
mod verify;
mod watch;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo course <serve|build|pdf|figures|study|verify|tools|progress|watch|browser-check>

  serve    build the book tool if missing (about two minutes, once), then serve the
           book at http://localhost:3000, rebuilt on every save (--open, --port N)
  build    build the book into target/book and check it needs nothing from the internet
  figures  regenerate every figure into book/figures/
  pdf      the whole book as one PDF, target/gelu-book.pdf (needs Chromium)
  browser-check  load every page of target/book in headless Chromium, both themes (part of verify)
  study    run chapter 6's experiment with a progress bar (--quick: a small one; --out DIR;
           --threads N); an interrupted study resumes when rerun
  verify   run every check CI runs (format, lints, tests with solutions, stub failures,
           figure freshness, book code blocks, the built book, the browser check)
  tools    only build the book tool (mdBook 0.5.4 with mdbook-katex 0.10.0) into .tools/
  progress run every chapter's exercise tests and list each exercise as solved, stub,
           failing or does not compile; then the next exercise, its file and first hint
  watch    [chapterN | N] test one chapter's exercises (default: the first with one unsolved),
           show the first to do with its hint, and test again on every save; Ctrl-C quits";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("build") => book_check::build_and_check(),
        Some("pdf") => pdf::run(&args[1..]),
        Some("browser-check") => browser_check::run(&args[1..]),
        Some("figures") => chapters::write_figures(),
        Some("study") => study::run(&args[1..]),
        Some("verify") => verify::run(),
        Some("tools") => tools::ensure().map(|_| ()),
        Some("progress") => progress::run(&args[1..]),
        Some("watch") => watch::run(&args[1..]),
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

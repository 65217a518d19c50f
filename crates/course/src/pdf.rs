//! `cargo course pdf`: the whole book as one PDF, printed from mdBook's print.html by headless
//! Chromium, with the math rendered and the fonts vendored, so it works offline.

use std::process::Stdio;
use std::sync::Arc;
use std::time::Instant;

use crate::chapters::repo_root;
use crate::server::{self, Site};
use crate::{chromium, serve, tools};

/// Where the PDF is written, relative to the repository.
pub const PDF_PATH: &str = "target/gelu-book.pdf";

/// Builds the book, serves it on a free localhost port and prints print.html to [`PDF_PATH`].
pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("unknown option {arg:?}\nusage: cargo course pdf"));
    }
    let Some(browser) = chromium::find() else {
        return Err(format!(
            "`cargo course pdf` prints the book with headless Chromium, which was not found: {}",
            chromium::INSTALL_HINT
        ));
    };
    let started = Instant::now();
    let tools = tools::ensure()?;
    println!("Building the book...");
    serve::build_book(&tools)?;
    let book = repo_root().join("target/book");
    let listener = server::bind(0..=0)?;
    let port = listener.local_addr().map_err(|error| error.to_string())?.port();
    server::spawn(listener, Arc::new(Site::new(book)));

    let pdf = repo_root().join(PDF_PATH);
    let _ = std::fs::remove_file(&pdf);
    let profile = std::env::temp_dir().join(format!("course-pdf-{}", std::process::id()));
    println!("Printing print.html with {}...", browser.display());
    let output = chromium::headless(&browser, &profile)
        .arg("--no-pdf-header-footer")
        .arg("--virtual-time-budget=20000")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("http://127.0.0.1:{port}/print.html"))
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("could not start {}: {error}", browser.display()))?;
    let _ = std::fs::remove_dir_all(&profile);
    let written = std::fs::read(&pdf).unwrap_or_default();
    if !output.status.success() || !written.starts_with(b"%PDF") {
        return Err(format!(
            "Chromium did not write the PDF ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    println!(
        "Wrote {PDF_PATH} ({:.1} MB) in {:.0} s.",
        written.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

//! The real-browser check: every page of the built book, served on localhost, loaded in headless
//! Chromium in the light and the navy theme. It fails on a console error, a failed request, a
//! request off the machine, a formula KaTeX did not render, an image that did not load, or figure
//! text with less than 4.5:1 contrast against the page (WCAG AA for normal text).
//!
//! How: [`crate::server`] serves target/book with browser/probe.js inserted first into every
//! page, and a driver page, browser/check.js, that loads each page in an iframe and inspects it.
//! Chromium's proxy is this same server, so a request for another machine arrives here and is
//! refused and reported, whatever made it.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::book_check::files_under;
use crate::chromium;
use crate::server::{self, Site};

const THEMES: [&str; 2] = ["light", "navy"];
const PROBE: &str = include_str!("browser/probe.js");
const DRIVER: &str = include_str!("browser/check.js");
/// Longest the whole check may take before it is reported as hung.
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// `cargo course browser-check`: the check on the book already built in target/book.
pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("unknown option {arg:?}\nusage: cargo course browser-check"));
    }
    let browser =
        chromium::find().ok_or_else(|| format!("Chromium was not found: {}", chromium::INSTALL_HINT))?;
    let summary = check(&crate::chapters::repo_root().join("target/book"), &browser)?;
    println!("browser check: {summary}");
    Ok(())
}

/// The outcome when Chromium is present: Ok with a summary, or Err listing every problem.
pub fn check(book: &Path, chromium_binary: &PathBuf) -> Result<String, String> {
    let pages = html_pages(book);
    if pages.is_empty() {
        return Err(format!("no pages under {}: build the book first", book.display()));
    }
    let (report_sender, report) = mpsc::channel::<String>();
    let report_sender = Mutex::new(report_sender);
    let driver_page = driver_html(&pages);
    let mut site = Site::new(book.to_owned());
    site.head_snippet = Some(format!("<script>{PROBE}</script>"));
    site.handler = Some(Box::new(move |request| match request.path {
        "/__course/check.html" => Some(server::Response {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: driver_page.clone().into_bytes(),
        }),
        "/__course/report" if request.method == "POST" => {
            if let Ok(sender) = report_sender.lock() {
                let _ = sender.send(String::from_utf8_lossy(request.body).into_owned());
            }
            Some(server::text(200, "thanks"))
        }
        _ => None,
    }));
    let site = Arc::new(site);
    let listener = server::bind(0..=0)?;
    let port = listener.local_addr().map_err(|error| error.to_string())?.port();
    server::spawn(listener, Arc::clone(&site));

    let profile = std::env::temp_dir().join(format!("course-chromium-{}", std::process::id()));
    let mut command = chromium::headless(chromium_binary, &profile);
    command
        .arg(format!("--proxy-server=http://127.0.0.1:{port}"))
        .arg("--window-size=1280,1000")
        .arg(format!("http://127.0.0.1:{port}/__course/check.html"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let started = Instant::now();
    let mut browser =
        command.spawn().map_err(|error| format!("could not start {}: {error}", chromium_binary.display()))?;
    let received = report.recv_timeout(TIME_LIMIT);
    let _ = browser.kill();
    let _ = browser.wait();
    let _ = std::fs::remove_dir_all(&profile);
    let report =
        received.map_err(|_| format!("Chromium did not finish the check in {} s", TIME_LIMIT.as_secs()))?;
    let seconds = started.elapsed().as_secs_f64();
    evaluate(&report, &site.requests(), pages.len(), seconds)
}

/// The hosts Chromium calls for its own services even on about:blank (sign-in, push messaging,
/// search-engine setup, the network clock, autofill, optimisation hints), as seen through this
/// proxy with Chromium 148 and the flags of [`chromium::headless`]. Requests for them are refused
/// like any other; only the verdict leaves them out, since no page asked for them. A page that
/// did ask would still be caught by the probe (its failed element, its resource timing).
const CHROMIUM_OWN_HOSTS: [&str; 6] = [
    "accounts.google.com",
    "android.clients.google.com",
    "www.google.com",
    "clients2.google.com",
    "content-autofill.googleapis.com",
    "optimizationguide-pa.googleapis.com",
];

/// The host a proxied request names: `host:443` for CONNECT, `http://host/...` otherwise.
fn host_of(target: &str) -> &str {
    let rest = target.strip_prefix("http://").or_else(|| target.strip_prefix("https://")).unwrap_or(target);
    let authority = rest.split('/').next().unwrap_or(rest);
    authority.rsplit_once(':').map_or(authority, |(host, _)| host)
}

/// The verdict from the driver's report and the server's request log.
fn evaluate(
    report: &str,
    requests: &[server::LoggedRequest],
    pages: usize,
    seconds: f64,
) -> Result<String, String> {
    let mut problems = Vec::new();
    let mut checked = 0;
    let (mut formulas, mut figures) = (0_usize, 0_usize);
    for line in report.lines() {
        let fields: Vec<&str> = line.splitn(4, '\t').collect();
        match fields.as_slice() {
            ["problem", page, theme, problem] => problems.push(format!("{page} ({theme}): {problem}")),
            ["page", _, _, summary] => {
                checked += 1;
                let count = |unit: &str| {
                    summary
                        .split(", ")
                        .find_map(|part| part.strip_suffix(unit).and_then(|n| n.trim().parse::<usize>().ok()))
                        .unwrap_or(0)
                };
                formulas += count(" formulas");
                figures += count(" figures");
            }
            _ => {}
        }
    }
    let mut chromium_own = 0;
    for request in requests {
        if request.off_machine && CHROMIUM_OWN_HOSTS.contains(&host_of(&request.target)) {
            chromium_own += 1;
        } else if request.off_machine {
            problems.push(format!("a request off the machine: {} {}", request.method, request.target));
        } else if request.status >= 400 {
            problems.push(format!("a failed request ({}): {}", request.status, request.target));
        }
    }
    let expected = pages * THEMES.len();
    if checked != expected {
        problems.push(format!("{checked} page loads were checked, {expected} expected"));
    }
    if problems.is_empty() {
        Ok(format!(
            "{pages} pages in {} themes ({}), {formulas} formulas and {figures} figures rendered, \
             no console error, no failed or remote request, in {seconds:.0} s \
             ({chromium_own} requests Chromium made for itself were refused)",
            THEMES.len(),
            THEMES.join(" and ")
        ))
    } else {
        problems.sort();
        problems.dedup();
        Err(format!("the browser check found {} problem(s):\n  {}", problems.len(), problems.join("\n  ")))
    }
}

/// Every .html file of the built book, as URL paths relative to its root, sorted.
fn html_pages(book: &Path) -> Vec<String> {
    files_under(book)
        .iter()
        .filter(|path| path.extension().is_some_and(|extension| extension == "html"))
        .map(|path| path.strip_prefix(book).unwrap_or(path).to_string_lossy().replace('\\', "/"))
        .collect()
}

fn driver_html(pages: &[String]) -> String {
    let quoted =
        |items: &[String]| items.iter().map(|item| format!("{item:?}")).collect::<Vec<_>>().join(", ");
    let themes: Vec<String> = THEMES.iter().map(|theme| (*theme).to_owned()).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>browser check</title></head><body>\
         <script>var PAGES = [{}]; var THEMES = [{}];</script><script>{DRIVER}</script></body></html>",
        quoted(pages),
        quoted(&themes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(target: &str, status: u16, off_machine: bool) -> server::LoggedRequest {
        server::LoggedRequest { method: "GET".into(), target: target.into(), status, off_machine }
    }

    #[test]
    fn a_clean_report_passes_and_counts() {
        let report = "page\ta.html\tlight\t3 formulas, 1 figures, 0 images\n\
                      page\ta.html\tnavy\t3 formulas, 1 figures, 0 images";
        let summary = evaluate(report, &[request("/a.html", 200, false)], 1, 2.0).unwrap();
        assert!(summary.contains("6 formulas and 2 figures"), "{summary}");
    }

    #[test]
    fn problems_failed_and_remote_requests_and_missing_pages_fail() {
        let report = "problem\ta.html\tnavy\tunrendered math: \"$x$\"\npage\ta.html\tnavy\t0 formulas, 0 figures, 0 images";
        let log = [
            request("/figures/x.svg", 404, false),
            request("cdn.example.com:443", 403, true),
            request("accounts.google.com:443", 403, true),
            request("http://clients2.google.com/time/1/current?x=1", 403, true),
        ];
        let error = evaluate(report, &log, 1, 2.0).unwrap_err();
        assert!(error.contains("a.html (navy): unrendered math"), "{error}");
        assert!(error.contains("a failed request (404): /figures/x.svg"), "{error}");
        assert!(error.contains("off the machine: GET cdn.example.com:443"), "{error}");
        assert!(error.contains("1 page loads were checked, 2 expected"), "{error}");
        assert!(!error.contains("google"), "Chromium's own requests are not the page's: {error}");
    }
}

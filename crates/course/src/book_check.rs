//! Builds the book and checks the result works offline: nothing is loaded from another machine,
//! chapter pages carry pre-rendered KaTeX, every image and page link resolves, and every figure
//! (an SVG that mdBook's `{{#include}}` pastes into a `<figure class="figure">`) was found and
//! inlined.

use std::path::{Path, PathBuf};

use crate::chapters::repo_root;
use crate::{process, tools};

/// `cargo course build`: build into target/book, then [`check_built_book`].
pub fn build_and_check() -> Result<(), String> {
    let tools = tools::ensure()?;
    process::run("build the book", &mut tools.build_command(), &repo_root())?;
    let out = repo_root().join("target/book");
    let report = check_built_book(&out)?;
    println!("book check: {report}");
    Ok(())
}

/// Checks every HTML and CSS file under `out`. Ok carries a one-line summary; Err lists every
/// problem found.
pub fn check_built_book(out: &Path) -> Result<String, String> {
    let files = files_under(out);
    let mut problems = Vec::new();
    let (mut pages, mut math_pages, mut images, mut figures) = (0, 0, 0, 0);
    for file in &files {
        let relative = file.strip_prefix(out).unwrap_or(file).display().to_string();
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if extension != "html" && extension != "css" {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(file) else {
            problems.push(format!("{relative}: not readable as UTF-8"));
            continue;
        };
        if extension == "css" {
            for url in css_urls(&text) {
                if is_remote(&url) {
                    problems.push(format!("{relative}: CSS url({url}) points off the machine"));
                } else if !resolves(file, &url) {
                    problems.push(format!("{relative}: CSS url({url}) does not exist"));
                }
            }
            continue;
        }
        pages += 1;
        for src in attribute_values(&text, "script", "src") {
            if is_remote(&src) {
                problems.push(format!("{relative}: <script src=\"{src}\"> points off the machine"));
            }
        }
        for href in attribute_values(&text, "link", "href") {
            if is_remote(&href) {
                problems.push(format!("{relative}: <link href=\"{href}\"> points off the machine"));
            } else if !resolves(file, &href) {
                problems.push(format!("{relative}: <link href=\"{href}\"> does not exist"));
            }
        }
        for src in attribute_values(&text, "img", "src") {
            images += 1;
            if is_remote(&src) || !resolves(file, &src) {
                problems.push(format!("{relative}: image {src} is missing (or not on this machine)"));
            }
        }
        let (inlined, figure_problems) = inlined_figures(&text);
        figures += inlined;
        problems.extend(figure_problems.into_iter().map(|problem| format!("{relative}: {problem}")));
        if text.contains("{{#include") {
            problems.push(format!("{relative}: an {{{{#include}}}} mdBook did not expand (a missing file?)"));
        }
        for tag in ["image", "use", "feImage"] {
            for attribute in ["href", "xlink:href"] {
                for url in attribute_values(&text, tag, attribute) {
                    if is_remote(&url) {
                        problems.push(format!(
                            "{relative}: <{tag} {attribute}=\"{url}\"> points off the machine"
                        ));
                    }
                }
            }
        }
        for href in attribute_values(&text, "a", "href") {
            let local_page = !is_remote(&href) && !href.starts_with('#') && !href.starts_with("mailto:");
            if local_page
                && href.split('#').next().is_some_and(|page| page.ends_with(".html"))
                && !resolves(file, &href)
            {
                problems.push(format!("{relative}: link to {href} does not resolve"));
            }
        }
        let is_chapter_page = relative.starts_with("chapter-")
            && !relative.contains("exercises")
            && !relative.contains("solutions");
        if is_chapter_page {
            if text.contains("class=\"katex\"") {
                math_pages += 1;
            } else {
                problems.push(format!("{relative}: a chapter page without KaTeX-rendered math"));
            }
        }
    }
    if pages == 0 {
        problems.push(format!("no HTML pages under {}", out.display()));
    }
    if problems.is_empty() {
        Ok(format!(
            "{pages} pages, {math_pages} chapter pages with KaTeX math, {figures} inlined figures, \
             {images} images, nothing remote"
        ))
    } else {
        Err(format!("the built book has {} problem(s):\n  {}", problems.len(), problems.join("\n  ")))
    }
}

/// The figures of one page: each `<figure class="figure">` must hold an inline `<svg>` (the file
/// its `{{#include figures/name.svg}}` named) or an `<img>` (checked with the other images).
/// Returns how many held an SVG, and a problem for each that held neither.
fn inlined_figures(html: &str) -> (usize, Vec<String>) {
    let (mut inlined, mut problems) = (0, Vec::new());
    let mut rest = html;
    while let Some(start) = rest.find("<figure") {
        let after = &rest[start + "<figure".len()..];
        rest = after;
        if !after.starts_with(|c: char| c.is_whitespace() || c == '>') {
            continue; // <figcaption>, ...
        }
        let tag_end = after.find('>').unwrap_or(after.len());
        let classes = attribute_in(&after[..tag_end], "class").unwrap_or_default();
        if !classes.split_whitespace().any(|class| class == "figure") {
            continue;
        }
        let body = &after[tag_end..after.find("</figure>").unwrap_or(after.len())];
        if body.contains("<svg") && body.contains("</svg>") {
            inlined += 1;
        } else if !body.contains("<img") {
            let label = attribute_in(&after[..tag_end], "aria-label").unwrap_or_default();
            let label: String = label.chars().take(60).collect();
            problems.push(format!("a figure with no SVG in it (was its file included?): \"{label}...\""));
        }
    }
    (inlined, problems)
}

/// Every file below `dir`, recursively, in a stable order.
/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() { pending.push(path) } else { found.push(path) }
        }
    }
    found.sort();
    found
}

/// Absolute URLs and protocol-relative ones leave the machine; `data:` URIs do not.
fn is_remote(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

/// Does the relative `url` (query and fragment ignored) name an existing file next to `from`?
fn resolves(from: &Path, url: &str) -> bool {
    if url.starts_with("data:") {
        return true;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return true;
    }
    from.parent().is_some_and(|dir| dir.join(path).exists())
}

/// The values of `attribute` on every `<tag ...>` in `html` (double- or single-quoted).
fn attribute_values(html: &str, tag: &str, attribute: &str) -> Vec<String> {
    let opening = format!("<{tag}");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&opening) {
        let after = &rest[start + opening.len()..];
        rest = after;
        if !after.starts_with(|c: char| c.is_whitespace()) {
            continue; // <scripts>, <linkage>, ...
        }
        let tag_text = &after[..after.find('>').unwrap_or(after.len())];
        if let Some(value) = attribute_in(tag_text, attribute) {
            values.push(value);
        }
    }
    values
}

fn attribute_in(tag_text: &str, attribute: &str) -> Option<String> {
    let mut search = tag_text;
    loop {
        let index = search.find(attribute)?;
        let preceded_by_space = search[..index].ends_with(|c: char| c.is_whitespace());
        let after = search[index + attribute.len()..].trim_start();
        search = &search[index + attribute.len()..];
        if !preceded_by_space {
            continue;
        }
        let Some(value_part) = after.strip_prefix('=') else {
            continue;
        };
        let value_part = value_part.trim_start();
        let quote = value_part.chars().next()?;
        if quote == '"' || quote == '\'' {
            let inner = &value_part[1..];
            return inner.find(quote).map(|end| inner[..end].to_owned());
        }
        let end = value_part.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(value_part.len());
        return Some(value_part[..end].to_owned());
    }
}

/// The targets of every `url(...)` in a stylesheet, quotes removed.
fn css_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = css;
    while let Some(start) = rest.find("url(") {
        let after = &rest[start + 4..];
        let end = after.find(')').unwrap_or(after.len());
        urls.push(after[..end].trim().trim_matches(['"', '\'']).to_owned());
        rest = &after[end..];
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_attributes_in_tags_only() {
        let html = r#"<script src="a.js"></script><scripts src="no"><link rel="x" href='b.css'><img alt="" src=c.svg>"#;
        assert_eq!(attribute_values(html, "script", "src"), ["a.js"]);
        assert_eq!(attribute_values(html, "link", "href"), ["b.css"]);
        assert_eq!(attribute_values(html, "img", "src"), ["c.svg"]);
        assert_eq!(attribute_values(r#"<img data-src="x" src="y">"#, "img", "src"), ["y"]);
    }

    #[test]
    fn remote_means_another_machine() {
        for url in ["https://cdn.example/k.css", "http://x", "//cdn/x.js", " HTTPS://X"] {
            assert!(is_remote(url), "{url}");
        }
        for url in ["fonts/a.woff2", "../katex/katex.min.css", "data:image/png;base64,AA"] {
            assert!(!is_remote(url), "{url}");
        }
    }

    #[test]
    fn css_urls_are_extracted_without_quotes() {
        let css = r#"@font-face{src:url(fonts/A.woff2) format("woff2"),url("fonts/B.woff")}"#;
        assert_eq!(css_urls(css), ["fonts/A.woff2", "fonts/B.woff"]);
    }

    #[test]
    fn a_book_with_a_cdn_link_and_a_missing_image_fails() {
        let dir = std::env::temp_dir().join(format!("course-book-check-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("chapter-1.html"),
            r#"<link href="https://cdn.example/katex.css"><img src="figures/none.svg">"#,
        )
        .unwrap();
        let error = check_built_book(&dir).unwrap_err();
        assert!(error.contains("points off the machine"), "{error}");
        assert!(error.contains("figures/none.svg is missing"), "{error}");
        assert!(error.contains("without KaTeX"), "{error}");

        std::fs::create_dir_all(dir.join("figures")).unwrap();
        std::fs::write(dir.join("figures/a.svg"), "<svg/>").unwrap();
        std::fs::write(dir.join("chapter-1.html"), r#"<span class="katex"></span><img src="figures/a.svg">"#)
            .unwrap();
        assert!(check_built_book(&dir).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inlined_figures_must_hold_their_svg() {
        let page = r#"<figure class="figure" role="img" aria-label="A"><svg viewBox="0 0 1 1">
<text fill="currentColor">x</text>
</svg>
</figure><figure class="other"></figure><figcaption></figcaption>"#;
        assert_eq!(inlined_figures(page), (1, vec![]));
        let (count, problems) =
            inlined_figures(r#"<figure class="figure" aria-label="Lost">{{#include x}}</figure>"#);
        assert_eq!(count, 0);
        assert!(problems[0].contains("no SVG") && problems[0].contains("Lost"), "{problems:?}");
    }

    #[test]
    fn a_book_with_an_unexpanded_include_or_a_remote_svg_image_fails() {
        let dir = std::env::temp_dir().join(format!("course-book-check-figures-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("chapter-1.html"),
            r#"<span class="katex"></span><figure class="figure" aria-label="Gone">{{#include figures/gone.svg}}</figure>
<figure class="figure"><svg><image href="https://example.com/x.png"/></svg></figure>"#,
        )
        .unwrap();
        let error = check_built_book(&dir).unwrap_err();
        assert!(error.contains("did not expand"), "{error}");
        assert!(error.contains("no SVG in it") && error.contains("Gone"), "{error}");
        assert!(
            error.contains("<image href=\"https://example.com/x.png\"> points off the machine"),
            "{error}"
        );

        std::fs::write(
            dir.join("chapter-1.html"),
            r#"<span class="katex"></span><figure class="figure" aria-label="A"><svg>
</svg>
</figure>"#,
        )
        .unwrap();
        let report = check_built_book(&dir).unwrap();
        assert!(report.contains("1 inlined figures"), "{report}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

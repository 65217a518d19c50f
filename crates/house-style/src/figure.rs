//! A figure as data (a file name and its SVG text), how it is drawn, written and checked.

use std::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

/// One figure of the book: `book/figures/{name}.svg` holds `svg`.
///
/// Usually made by [`render_svg`]; a `Figure` built by hand is not checked (its `svg` need not
/// be an SVG at all).
///
/// ```
/// use house_style::{Figure, render_svg};
/// let figure = render_svg("ch0-blank", |_| Ok(()))?;
/// assert_eq!(figure.name, "ch0-blank");
/// assert!(figure.svg.starts_with("<svg") && figure.svg.contains(r#"width="720" height="420""#));
/// assert_ne!(figure, Figure { name: "ch0-blank".into(), svg: String::new() });
/// # Ok::<(), house_style::FigureError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// File stem, for example `"ch1-kept-count"`; chapter-prefixed so names never collide.
    pub name: String,
    /// The complete SVG document.
    pub svg: String,
}

impl Figure {
    /// The figure's path inside `figures_dir`: `{figures_dir}/{name}.svg`.
    ///
    /// The name is used as given (nothing is checked or touched on disk): a name containing `/`
    /// points into a subfolder.
    ///
    /// ```
    /// use std::path::Path;
    /// let figure = house_style::Figure { name: "ch1-kept-count".into(), svg: String::new() };
    /// assert_eq!(figure.path_in(Path::new("book/figures")), Path::new("book/figures/ch1-kept-count.svg"));
    /// ```
    pub fn path_in(&self, figures_dir: &Path) -> PathBuf {
        figures_dir.join(format!("{}.svg", self.name))
    }
}

/// Why a figure could not be drawn, written or confirmed fresh.
///
/// Its message names the figure or the files, so a failing test says what to fix.
///
/// ```
/// use house_style::{Figure, FigureError, check_fresh, render_svg};
/// let draw = render_svg("ch0-broken", |_| Err("no data".into())).unwrap_err();
/// assert_eq!(draw.to_string(), "drawing figure ch0-broken failed: no data");
///
/// let missing = std::env::temp_dir().join("house-style-doc-figure-error-missing");
/// let figure = Figure { name: "ch0-absent".into(), svg: "<svg/>".into() };
/// let stale = check_fresh(&[figure], &missing).unwrap_err();
/// assert!(matches!(&stale, FigureError::Stale { paths } if paths.len() == 1));
/// assert!(stale.to_string().contains("cargo course figures"));
/// ```
#[derive(Debug)]
pub enum FigureError {
    /// plotters reported an error while drawing the named figure.
    Draw {
        /// The figure being drawn.
        name: String,
        /// plotters' message.
        message: String,
    },
    /// Reading or writing a figure file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Committed figures differ from what the code draws now (or are missing).
    Stale {
        /// The stale or missing files.
        paths: Vec<PathBuf>,
    },
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Draw { name, message } => write!(f, "drawing figure {name} failed: {message}"),
            Self::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Self::Stale { paths } => {
                write!(
                    f,
                    "these figures are stale or missing; regenerate them with `cargo course figures` and commit the result:"
                )?;
                for path in paths {
                    write!(f, "\n  {}", path.display())?;
                }
                Ok(())
            }
        }
    }
}

impl Error for FigureError {}

impl FigureError {
    /// A [`FigureError::Draw`] for the figure `name`, from any error a figure's computation returns.
    ///
    /// ```
    /// use house_style::FigureError;
    /// let error = FigureError::draw("ch1-kept-count", "rate out of range: p = 1.5");
    /// assert!(matches!(&error, FigureError::Draw { name, .. } if name == "ch1-kept-count"));
    /// assert_eq!(error.to_string(), "drawing figure ch1-kept-count failed: rate out of range: p = 1.5");
    /// ```
    pub fn draw(name: &str, error: impl fmt::Display) -> Self {
        Self::Draw { name: name.to_owned(), message: error.to_string() }
    }
}

/// The folder the book's figures are committed in: `book/figures/` at the repository root.
///
/// The path is fixed when house-style is compiled (from its manifest folder) and is not
/// canonicalised; it exists only in a checkout of the repository.
///
/// ```
/// let dir = house_style::book_figures_dir();
/// assert!(dir.ends_with("book/figures"));
/// assert!(dir.join("ch1-kept-count.svg").is_file());
/// ```
pub fn book_figures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/figures")
}

/// For each chapter's freshness test: panics, naming every stale file and the command that
/// regenerates it, unless `figures` drew without error and match the committed files exactly.
///
/// An `Err` (a figure that failed to draw) panics with its message; an empty list passes.
///
/// ```
/// use house_style::{Figure, FigureError, assert_committed_figures_fresh};
/// use std::panic::catch_unwind;
/// assert_committed_figures_fresh(Ok(Vec::new()));
///
/// // Not what is committed as book/figures/ch1-kept-count.svg:
/// let edited = Figure { name: "ch1-kept-count".into(), svg: "<svg></svg>".into() };
/// let panic = catch_unwind(|| assert_committed_figures_fresh(Ok(vec![edited]))).unwrap_err();
/// let message = panic.downcast_ref::<String>().unwrap();
/// assert!(message.contains("ch1-kept-count.svg") && message.contains("cargo course figures"));
///
/// let failed = catch_unwind(|| assert_committed_figures_fresh(Err(FigureError::draw("ch0-x", "boom"))));
/// assert_eq!(failed.unwrap_err().downcast_ref::<String>().unwrap(), "drawing figure ch0-x failed: boom");
/// ```
#[track_caller]
pub fn assert_committed_figures_fresh(figures: Result<Vec<Figure>, FigureError>) {
    let checked = figures.and_then(|figures| check_fresh(&figures, &book_figures_dir()));
    if let Err(error) = checked {
        panic!("{error}");
    }
}

/// The body of every chapter's `examples/figures.rs` (run by `cargo course figures`): writes
/// `figures` into `book/figures/`, printing each path, or prints the error and fails.
///
/// An `Err` (a figure that failed to draw) or a file that cannot be written prints
/// `error: ...` to stderr and gives [`ExitCode::FAILURE`](std::process::ExitCode::FAILURE). An
/// `Err` writes nothing; a write error leaves the figures before the failing one written.
/// A chapter's example is `fn main() -> ExitCode { write_book_figures(chapterN::figures::all()) }`.
///
/// ```
/// use std::process::ExitCode;
/// use house_style::{FigureError, write_book_figures};
/// // An empty list writes nothing and succeeds.
/// assert_eq!(write_book_figures(Ok(Vec::new())), ExitCode::SUCCESS);
/// assert_eq!(write_book_figures(Err(FigureError::draw("ch0-x", "boom"))), ExitCode::FAILURE);
/// ```
pub fn write_book_figures(figures: Result<Vec<Figure>, FigureError>) -> std::process::ExitCode {
    match figures.and_then(|figures| write_all(&figures, &book_figures_dir())) {
        Ok(paths) => {
            for path in paths {
                let shown =
                    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
                println!("wrote book/figures/{shown}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Draws a figure of the house size into an SVG string.
///
/// `draw` receives the whole canvas (transparent background) and returns any plotters error,
/// which becomes [`FigureError::Draw`] naming the figure. Every `fill` and `stroke` in
/// [`INK`](crate::INK) is then written as `currentColor` (see [`theme_ink`]), and the result must be
/// safe to inline into a Markdown page ([`inline_problem`]), or drawing fails.
///
/// So an error from `draw`, an empty text label (a blank line in the SVG) or a `$` in any text
/// gives [`FigureError::Draw`]; it never panics.
///
/// ```
/// use house_style::{FigureError, INK, render_svg};
/// use plotters::element::Text;
/// use plotters::prelude::PathElement;
/// let figure = render_svg("ch0-demo", |root| {
///     root.draw(&PathElement::new([(10, 10), (100, 50)], INK))?;
///     root.draw(&Text::new("demo", (10, 60), ("sans-serif", 14)))?;
///     Ok(())
/// })?;
/// assert!(figure.svg.contains("<polyline") && figure.svg.contains("demo"));
/// assert!(figure.svg.contains(r#"stroke="currentColor""#) && !figure.svg.contains("#000000"));
///
/// let priced = render_svg("ch0-price", |root| Ok(root.draw(&Text::new("$5", (0, 0), ("sans-serif", 14)))?));
/// assert!(matches!(priced, Err(FigureError::Draw { name, .. }) if name == "ch0-price"));
/// # Ok::<(), FigureError>(())
/// ```
pub fn render_svg<F>(name: &str, draw: F) -> Result<Figure, FigureError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), Box<dyn Error>>,
{
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (crate::WIDTH, crate::HEIGHT)).into_drawing_area();
        let drawn = draw(&root).and_then(|()| root.present().map_err(Box::from));
        drawn.map_err(|error| FigureError::Draw { name: name.to_owned(), message: error.to_string() })?;
    }
    let svg = theme_ink(&svg);
    if let Some(problem) = inline_problem(&svg) {
        return Err(FigureError::draw(name, problem));
    }
    Ok(Figure { name: name.to_owned(), svg })
}

/// Rewrites `fill` and `stroke` attributes in [`INK`](crate::INK) (as plotters writes it,
/// `#000000`) to `currentColor`: inlined into a page, the figure's text, axes and grid take the
/// page's text colour; opened on its own, `currentColor` is black.
///
/// ```
/// let svg = r##"<text fill="#000000">x</text><line stroke="#000000"/><line stroke="#2F8FD8"/>"##;
/// assert_eq!(
///     house_style::theme_ink(svg),
///     r##"<text fill="currentColor">x</text><line stroke="currentColor"/><line stroke="#2F8FD8"/>"##
/// );
/// ```
pub fn theme_ink(svg: &str) -> String {
    let plotters_hex = format!("#{:02X}{:02X}{:02X}", crate::INK.0, crate::INK.1, crate::INK.2);
    svg.replace(&format!("fill=\"{plotters_hex}\""), "fill=\"currentColor\"")
        .replace(&format!("stroke=\"{plotters_hex}\""), "stroke=\"currentColor\"")
}

/// Why `svg` could not be pasted into a book page by `{{#include}}`, if it could not: the page
/// embeds it inside an HTML block, which a blank line would end; an XML prolog is not HTML; and
/// the KaTeX preprocessor would read a `$` as the start of math.
///
/// ```
/// assert_eq!(house_style::inline_problem("<svg>\n<text>\nx\n</text>\n</svg>\n"), None);
/// assert!(house_style::inline_problem("<svg>\n<text>\n\n</text>\n</svg>\n").is_some());
/// assert!(house_style::inline_problem("<svg>\n<text>\n$5\n</text>\n</svg>\n").is_some());
/// ```
pub fn inline_problem(svg: &str) -> Option<&'static str> {
    if !svg.starts_with("<svg") {
        Some("the SVG must start with <svg (no XML prolog, no leading blank line) to be inlined")
    } else if svg.contains("\n\n") || svg.contains("\n \n") {
        Some("the SVG has a blank line (an empty text label?), which would end the page's HTML block")
    } else if svg.contains('$') {
        Some("the SVG has a `$`, which the KaTeX preprocessor would read as math")
    } else {
        None
    }
}

/// Writes every figure into `figures_dir` (created if missing); returns the paths written.
///
/// A folder that cannot be created or a file that cannot be written gives [`FigureError::Io`]
/// naming the path; figures before it stay written.
///
/// ```
/// use house_style::{FigureError, render_svg, write_all};
/// let dir = std::env::temp_dir().join(format!("house-style-doc-write-all-{}", std::process::id()));
/// let figure = render_svg("ch0-blank", |_| Ok(()))?;
/// let written = write_all(std::slice::from_ref(&figure), &dir)?;
/// assert_eq!(written, [dir.join("ch0-blank.svg")]);
/// assert_eq!(std::fs::read_to_string(&written[0]).unwrap(), figure.svg);
///
/// // A file where the folder should be:
/// let blocked = write_all(&[figure], &written[0]);
/// assert!(matches!(blocked, Err(FigureError::Io { path, .. }) if path == written[0]));
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), FigureError>(())
/// ```
pub fn write_all(figures: &[Figure], figures_dir: &Path) -> Result<Vec<PathBuf>, FigureError> {
    std::fs::create_dir_all(figures_dir)
        .map_err(|source| FigureError::Io { path: figures_dir.to_owned(), source })?;
    figures
        .iter()
        .map(|figure| {
            let path = figure.path_in(figures_dir);
            std::fs::write(&path, &figure.svg)
                .map_err(|source| FigureError::Io { path: path.clone(), source })?;
            Ok(path)
        })
        .collect()
}

/// Checks that each figure's committed file in `figures_dir` is byte-identical to `figures`.
///
/// Returns [`FigureError::Stale`] listing every file that differs or is missing (a missing or
/// unreadable folder makes every figure stale); an empty list is fresh.
///
/// ```
/// use house_style::{FigureError, check_fresh, render_svg, write_all};
/// let dir = std::env::temp_dir().join(format!("house-style-doc-check-fresh-{}", std::process::id()));
/// let figure = render_svg("ch0-blank", |_| Ok(()))?;
/// write_all(std::slice::from_ref(&figure), &dir)?;
/// assert!(check_fresh(std::slice::from_ref(&figure), &dir).is_ok());
///
/// let mut edited = figure.clone();
/// edited.svg.push_str("<!-- edited -->");
/// let stale = check_fresh(&[figure, edited], &dir);
/// assert!(matches!(stale, Err(FigureError::Stale { paths }) if paths == [dir.join("ch0-blank.svg")]));
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), FigureError>(())
/// ```
pub fn check_fresh(figures: &[Figure], figures_dir: &Path) -> Result<(), FigureError> {
    let paths: Vec<PathBuf> = figures
        .iter()
        .filter(|figure| {
            std::fs::read_to_string(figure.path_in(figures_dir)).ok().as_deref() != Some(figure.svg.as_str())
        })
        .map(|figure| figure.path_in(figures_dir))
        .collect();
    if paths.is_empty() { Ok(()) } else { Err(FigureError::Stale { paths }) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::WHITE;

    fn scratch_dir(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("house-style-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn written_figures_are_fresh_and_an_edit_makes_them_stale() {
        let figure = render_svg("demo", |_| Ok(())).unwrap();
        let dir = scratch_dir("fresh");
        write_all(std::slice::from_ref(&figure), &dir).unwrap();
        assert!(check_fresh(std::slice::from_ref(&figure), &dir).is_ok());

        let changed = render_svg("demo", |root| Ok(root.fill(&WHITE)?)).unwrap();
        let error = check_fresh(&[changed], &dir).unwrap_err();
        assert!(error.to_string().contains("demo.svg"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_stale() {
        let figure = render_svg("absent", |_| Ok(())).unwrap();
        let dir = scratch_dir("missing");
        assert!(matches!(check_fresh(&[figure], &dir), Err(FigureError::Stale { .. })));
    }

    #[test]
    fn background_is_transparent_by_default() {
        let figure = render_svg("blank", |_| Ok(())).unwrap();
        assert!(figure.svg.starts_with("<svg"), "{}", figure.svg);
        assert!(!figure.svg.contains("<rect"), "a blank figure must not paint a background");
    }
}

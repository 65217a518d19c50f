//! A figure as data (a file name and its SVG text), how it is drawn, written and checked.

use std::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

/// One figure of the book: `book/figures/{name}.svg` holds `svg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// File stem, for example `"ch1-kept-count"`; chapter-prefixed so names never collide.
    pub name: String,
    /// The complete SVG document.
    pub svg: String,
}

impl Figure {
    /// The figure's path inside `figures_dir`.
    pub fn path_in(&self, figures_dir: &Path) -> PathBuf {
        figures_dir.join(format!("{}.svg", self.name))
    }
}

/// Why a figure could not be drawn, written or confirmed fresh.
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
    pub fn draw(name: &str, error: impl fmt::Display) -> Self {
        Self::Draw { name: name.to_owned(), message: error.to_string() }
    }
}

/// The folder the book's figures are committed in: `book/figures/` at the repository root.
pub fn book_figures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/figures")
}

/// For each chapter's freshness test: panics, naming every stale file and the command that
/// regenerates it, unless `figures` drew without error and match the committed files exactly.
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
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     house_style::write_book_figures(Ok(Vec::new()))
/// }
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
/// which becomes [`FigureError::Draw`] naming the figure.
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
    Ok(Figure { name: name.to_owned(), svg })
}

/// Writes every figure into `figures_dir` (created if missing); returns the paths written.
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
/// Returns [`FigureError::Stale`] listing every file that differs or is missing.
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

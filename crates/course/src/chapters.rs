//! The chapters the course knows about: their packages and figures. Add a chapter here when its
//! crate joins the workspace.

use std::path::PathBuf;

use house_style::{Figure, FigureError};

/// One chapter crate.
pub struct Chapter {
    /// Cargo package name, also the learner's `cargo test -p <package>`.
    pub package: &'static str,
    /// Draws the chapter's figures.
    pub figures: fn() -> Result<Vec<Figure>, FigureError>,
}

/// Every chapter, in book order.
pub const CHAPTERS: &[Chapter] = &[
    Chapter { package: "chapter1", figures: chapter1::figures::all },
    Chapter { package: "chapter2", figures: chapter2::figures::all },
    Chapter { package: "chapter3", figures: chapter3::figures::all },
    Chapter { package: "chapter4", figures: chapter4::figures::all },
];

/// The repository root (this crate lives in crates/course).
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

/// `cargo course figures`: draws every chapter's figures and writes them to book/figures/.
pub fn write_figures() -> Result<(), String> {
    let dir = repo_root().join("book/figures");
    for chapter in CHAPTERS {
        let figures = (chapter.figures)().map_err(|error| error.to_string())?;
        let written = house_style::write_all(&figures, &dir).map_err(|error| error.to_string())?;
        for path in written {
            println!("wrote {}", path.strip_prefix(repo_root()).unwrap_or(&path).display());
        }
    }
    Ok(())
}

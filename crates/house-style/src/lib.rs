//! The book's house style for figures, in one place.
//!
//! Every figure is an SVG drawn by plotters into a string ([`render_svg`]), named by a
//! [`Figure`], written to `book/figures/` by `cargo course figures`, and checked for staleness
//! by each chapter's tests ([`check_fresh`]).
//!
//! Legibility in mdBook's light and dark themes: the background is transparent, and text, axes
//! and grid use [`INK`], a mid grey readable on white and on the dark themes' near-black.
//! Curves use saturated mid-tone colours, one per activation, so a reader who meets GELU's
//! colour in chapter 3 meets it again in chapter 6.

mod chart;
mod figure;

pub use chart::{
    chart_builder, draw_legend, draw_mesh, grid, legend_line, one_decimal, power_of_ten, whole_number,
};
pub use figure::{
    Figure, FigureError, assert_committed_figures_fresh, book_figures_dir, check_fresh, render_svg,
    write_all, write_book_figures,
};

use plotters::style::{RGBColor, TextStyle};

/// Width of every figure, in SVG pixels.
pub const WIDTH: u32 = 720;
/// Height of every figure, in SVG pixels.
pub const HEIGHT: u32 = 420;

/// Text, axes and tick labels: a grey with contrast on both white and near-black pages.
pub const INK: RGBColor = RGBColor(0x8c, 0x8c, 0x8c);

/// Colours by meaning, so the same idea has the same colour in every chapter.
pub mod palette {
    use plotters::style::RGBColor;

    /// Dropout (chapter 1): the gate that ignores its input.
    pub const DROPOUT: RGBColor = RGBColor(0x2f, 0x8f, 0xd8);
    /// ReLU (chapter 2): the deterministic gate.
    pub const RELU: RGBColor = RGBColor(0xe0, 0x7b, 0x24);
    /// GELU (chapter 3 onwards).
    pub const GELU: RGBColor = RGBColor(0x2c, 0xa0, 0x5a);
    /// ELU, the paper's smooth comparator.
    pub const ELU: RGBColor = RGBColor(0xa0, 0x6c, 0xd5);
    /// SiLU, the logistic member of the CDF family.
    pub const SILU: RGBColor = RGBColor(0xd6, 0x4f, 0x8c);
    /// An exact or theoretical reference curve (expected value, a pmf, a limit).
    pub const REFERENCE: RGBColor = RGBColor(0xd9, 0x48, 0x3b);
    /// Measured or simulated values (histograms, Monte Carlo).
    pub const MEASURED: RGBColor = RGBColor(0x2f, 0x8f, 0xd8);
}

/// Font family for all figure text. SVG text needs no font files at build time; the browser
/// substitutes its own sans-serif.
pub const FONT_FAMILY: &str = "sans-serif";

/// The style for axis descriptions and legends.
pub fn label_font() -> TextStyle<'static> {
    TextStyle::from((FONT_FAMILY, 17)).color(&INK)
}

/// The style for tick labels.
pub fn tick_font() -> TextStyle<'static> {
    TextStyle::from((FONT_FAMILY, 14)).color(&INK)
}

/// The style for a figure's caption (its title line).
pub fn caption_font() -> TextStyle<'static> {
    TextStyle::from((FONT_FAMILY, 19)).color(&INK)
}

//! The book's house style for figures, in one place.
//!
//! Every figure is an SVG drawn by plotters into a string ([`render_svg`]), named by a
//! [`Figure`], written to `book/figures/` by `cargo course figures`, and checked for staleness
//! by each chapter's tests ([`check_fresh`]).
//!
//! Legibility in mdBook's light and dark themes: the background is transparent, and text, axes
//! and grid are drawn in [`INK`], which [`render_svg`] writes as `currentColor`. The book inlines
//! each SVG into its page (`{{#include figures/name.svg}}` inside a `<figure>`), so the figure's
//! text takes the theme's own text colour `--fg`; opened on its own, the SVG's text is black on
//! white. No single grey could do this: 4.5:1 on white needs a relative luminance of at most
//! 0.18, 4.5:1 on the navy theme's background at least 0.22 (see [`contrast`]).
//! Curves use saturated mid-tone colours, one per activation, at least 3:1 against the light and
//! the navy backgrounds, so a reader who meets GELU's colour in chapter 3 meets it again in
//! chapter 6.

mod chart;
pub mod contrast;
mod figure;

pub use chart::{
    DEFAULT_X_LABELS, DEFAULT_Y_LABELS, DrawResult, SvgChart, TickFormat, chart_builder, draw_legend,
    draw_mesh, draw_mesh_with_label_counts, draw_mesh_with_x_labels, grid, legend_at, legend_dashes,
    legend_line, legend_stroke, one_decimal, power_of_ten, whole_number,
};
pub use figure::{
    Figure, FigureError, assert_committed_figures_fresh, book_figures_dir, check_fresh, inline_problem,
    render_svg, theme_ink, write_all, write_book_figures,
};

use plotters::style::{RGBColor, TextStyle};

/// Width of every figure, in SVG pixels.
pub const WIDTH: u32 = 720;
/// Height of every figure, in SVG pixels.
pub const HEIGHT: u32 = 420;

/// Text, axes, tick labels and grid: the page's text colour.
///
/// Drawing code uses it like any colour; [`render_svg`] rewrites every `fill` and `stroke` of
/// this value to `currentColor`, which an inlined figure inherits from the page (mdBook's
/// `--fg`) and which is black in an SVG opened on its own. So no palette colour may equal it
/// (a test checks).
pub const INK: RGBColor = RGBColor(0x00, 0x00, 0x00);

/// Colours by meaning, so the same idea has the same colour in every chapter.
pub mod palette {
    use plotters::style::RGBColor;

    /// Dropout (chapter 1): the gate that ignores its input.
    pub const DROPOUT: RGBColor = RGBColor(0x2f, 0x8f, 0xd8);
    /// ReLU (chapter 2): the deterministic gate.
    pub const RELU: RGBColor = RGBColor(0xd4, 0x70, 0x1c);
    /// GELU (chapter 3 onwards).
    pub const GELU: RGBColor = RGBColor(0x2c, 0xa0, 0x5a);
    /// ELU, the paper's smooth comparator.
    pub const ELU: RGBColor = RGBColor(0xa0, 0x6c, 0xd5);
    /// A second ELU with a smaller `alpha`, drawn next to [`ELU`] (chapter 2).
    pub const ELU_SMALL_ALPHA: RGBColor = RGBColor(0x16, 0x8c, 0x8c);
    /// SiLU, the logistic member of the CDF family.
    pub const SILU: RGBColor = RGBColor(0xd6, 0x4f, 0x8c);
    /// An exact or theoretical reference curve (expected value, a pmf, a limit).
    pub const REFERENCE: RGBColor = RGBColor(0xd9, 0x48, 0x3b);
    /// Measured or simulated values (histograms, Monte Carlo).
    pub const MEASURED: RGBColor = RGBColor(0x2f, 0x8f, 0xd8);

    /// Every palette colour with its name, for the contrast tests and reports.
    pub const ALL: [(&str, RGBColor); 8] = [
        ("DROPOUT", DROPOUT),
        ("RELU", RELU),
        ("GELU", GELU),
        ("ELU", ELU),
        ("ELU_SMALL_ALPHA", ELU_SMALL_ALPHA),
        ("SILU", SILU),
        ("REFERENCE", REFERENCE),
        ("MEASURED", MEASURED),
    ];
}

/// Font family for all figure text. SVG text needs no font files at build time; the browser
/// substitutes its own sans-serif.
pub const FONT_FAMILY: &str = "sans-serif";

/// The style for axis descriptions and legends: [`FONT_FAMILY`] at 17 px in [`INK`].
///
/// ```
/// let font = house_style::label_font();
/// assert_eq!(font.font.get_name(), house_style::FONT_FAMILY);
/// assert_eq!(font.font.get_size(), 17.0);
/// assert_eq!(font.color.rgb, (0, 0, 0)); // INK, written as currentColor
/// ```
pub fn label_font() -> TextStyle<'static> {
    TextStyle::from((FONT_FAMILY, 17)).color(&INK)
}

/// The style for tick labels: [`FONT_FAMILY`] at 14 px in [`INK`], smaller than
/// [`label_font`].
///
/// ```
/// use house_style::{label_font, tick_font};
/// assert_eq!(tick_font().font.get_size(), 14.0);
/// assert!(tick_font().font.get_size() < label_font().font.get_size());
/// assert_eq!(tick_font().color.rgb, (0, 0, 0));
/// ```
pub fn tick_font() -> TextStyle<'static> {
    TextStyle::from((FONT_FAMILY, 14)).color(&INK)
}

/// The style for a figure's caption (its title line): [`FONT_FAMILY`] at 19 px in [`INK`], the
/// largest of the three.
///
/// ```
/// use house_style::{caption_font, label_font};
/// assert_eq!(caption_font().font.get_size(), 19.0);
/// assert!(caption_font().font.get_size() > label_font().font.get_size());
/// assert_eq!(caption_font().font.get_name(), "sans-serif");
/// ```
pub fn caption_font() -> TextStyle<'static> {
    TextStyle::from((FONT_FAMILY, 19)).color(&INK)
}

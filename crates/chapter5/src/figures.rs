//! The chapter's figures, drawn from the chapter's own functions (no randomness).

use plotters::chart::SeriesLabelPosition;
use plotters::prelude::{DashedLineSeries, LineSeries};
use plotters::style::{Color, RGBColor};

use house_style::{
    Figure, FigureError, chart_builder, draw_legend, draw_mesh, grid, legend_at, legend_dashes, legend_line,
    one_decimal, palette, render_svg,
};

use crate::{
    Cauchy, GateCdf, GatedActivation, Laplace, Logistic, Normal, hard_gate_limit, slope_matched_scale,
    wide_gate_limit,
};

/// The scales drawn in `ch5-sigma-family`, from nearly ReLU to nearly `x / 2`.
pub const SIGMA_FAMILY: [f64; 5] = [0.1, 0.5, 1.0, 2.0, 10.0];
/// The locations drawn in the right panel of `ch5-sigma-family`.
pub const MU_FAMILY: [f64; 3] = [-1.0, 0.0, 1.0];
/// The scale of the right panel of `ch5-sigma-family`.
pub const MU_PANEL_SIGMA: f64 = 0.5;

/// All figures of chapter 5's CDF-family sections, in page order.
///
/// Deterministic (no randomness), so every call gives the same SVGs. A failed drawing gives
/// [`FigureError::Draw`] naming the figure (it does not happen with these constants).
///
/// ```
/// let figures = chapter5::figures::all()?;
/// let names: Vec<&str> = figures.iter().map(|figure| figure.name.as_str()).collect();
/// assert_eq!(names, ["ch5-sigma-family", "ch5-cdf-family"]);
/// assert!(figures.iter().all(|figure| figure.svg.contains("<polyline")));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    Ok(vec![sigma_family_figure()?, cdf_family_figure()?])
}

/// A gate drawn in `ch5-cdf-family`: its distribution, its colour.
type FamilyMember<'a> = (&'a dyn GateCdf, RGBColor);

/// The four gates of `ch5-cdf-family`, each in its colour.
const FAMILY: [FamilyMember<'static>; 4] = [
    (&Normal, palette::GELU),
    (&Logistic, palette::SILU),
    (&Laplace, palette::ELU),
    (&Cauchy, palette::ELU_SMALL_ALPHA),
];

/// Samples `x F((x - mu) / s)` on `xs`, or the figure's error.
fn gated_curve<F: GateCdf>(
    name: &str,
    cdf: F,
    mu: f64,
    s: f64,
    xs: &[f64],
) -> Result<Vec<(f64, f64)>, FigureError> {
    let gate = GatedActivation::new(cdf, mu, s).map_err(|error| FigureError::draw(name, error))?;
    Ok(xs.iter().map(|&x| (x, gate.value(x))).collect())
}

/// `ch5-sigma-family`: `x Phi(x / sigma)` between ReLU (`sigma -> 0`) and `x / 2`
/// (`sigma -> inf`), left; moving `mu` at a fixed `sigma`, with each hard-gate limit, right.
fn sigma_family_figure() -> Result<Figure, FigureError> {
    let name = "ch5-sigma-family";
    let xs = grid(-3.0, 3.0, 600);
    let colors = [palette::ELU_SMALL_ALPHA, palette::ELU, palette::GELU, palette::SILU, palette::REFERENCE];
    let sigma_curves = SIGMA_FAMILY
        .iter()
        .map(|&sigma| gated_curve(name, Normal, 0.0, sigma, &xs))
        .collect::<Result<Vec<_>, _>>()?;
    let mu_curves = MU_FAMILY
        .iter()
        .map(|&mu| gated_curve(name, Normal, mu, MU_PANEL_SIGMA, &xs))
        .collect::<Result<Vec<_>, _>>()?;
    render_svg(name, |root| {
        // The left panel is wider: its seven-entry legend needs the empty upper left to itself.
        let (left_area, right_area) = root.split_horizontally(410);
        let mut left = chart_builder(&left_area, "x Phi(x / sigma), mu = 0", -3.0..3.0, -1.6..3.4)?;
        draw_mesh(&mut left, ("x", &one_decimal), ("output", &one_decimal))?;
        let relu_style = palette::RELU.stroke_width(3);
        left.draw_series(DashedLineSeries::new(
            xs.iter().map(|&x| (x, hard_gate_limit(x, 0.0))),
            10,
            5,
            relu_style,
        ))?
        .label("ReLU (limit)")
        .legend(legend_dashes(relu_style, 6, 3));
        let half_style = palette::DROPOUT.stroke_width(3);
        left.draw_series(DashedLineSeries::new(
            xs.iter().map(|&x| (x, wide_gate_limit(x))),
            10,
            5,
            half_style,
        ))?
        .label("x / 2 (limit)")
        .legend(legend_dashes(half_style, 6, 3));
        for ((sigma, curve), color) in SIGMA_FAMILY.iter().zip(&sigma_curves).zip(colors) {
            left.draw_series(LineSeries::new(curve.iter().copied(), color.stroke_width(2)))?
                .label(format!("sigma = {sigma}"))
                .legend(legend_line(color));
        }
        draw_legend(&mut left, SeriesLabelPosition::UpperLeft)?;

        let caption = format!("x Phi((x - mu) / {MU_PANEL_SIGMA})");
        let mut right = chart_builder(&right_area, &caption, -3.0..3.0, -1.6..3.4)?;
        draw_mesh(&mut right, ("x", &one_decimal), ("output", &one_decimal))?;
        let mu_colors = [palette::ELU_SMALL_ALPHA, palette::GELU, palette::ELU];
        for ((&mu, curve), color) in MU_FAMILY.iter().zip(&mu_curves).zip(mu_colors) {
            right
                .draw_series(LineSeries::new(curve.iter().copied(), color.stroke_width(2)))?
                .label(format!("mu = {mu}"))
                .legend(legend_line(color));
            // The sigma -> 0 limit x 1[x > mu], thin and dashed, drawn in two pieces so that the
            // jump at x = mu stays a gap.
            let limit_style = color.stroke_width(1);
            let below = xs.iter().filter(|&&x| x < mu).map(|&x| (x, hard_gate_limit(x, mu)));
            right.draw_series(DashedLineSeries::new(below, 6, 4, limit_style))?;
            let above = xs.iter().filter(|&&x| x > mu).map(|&x| (x, hard_gate_limit(x, mu)));
            right.draw_series(DashedLineSeries::new(above, 6, 4, limit_style))?;
        }
        right
            .draw_series(LineSeries::new(std::iter::empty::<(f64, f64)>(), palette::GELU.stroke_width(1)))?
            .label("dashed: s -> 0")
            .legend(legend_dashes(house_style::INK.stroke_width(1), 4, 3));
        draw_legend(&mut right, SeriesLabelPosition::UpperLeft)
    })
}

/// `ch5-cdf-family`: the four gates' CDFs (left) and gated activations (right), each scaled to
/// the normal gate's slope at 0 ([`slope_matched_scale`]).
fn cdf_family_figure() -> Result<Figure, FigureError> {
    let name = "ch5-cdf-family";
    let cdf_xs = grid(-6.0, 6.0, 600);
    let xs = grid(-6.0, 3.0, 600);
    let mut cdfs = Vec::new();
    let mut activations = Vec::new();
    for (cdf, _) in FAMILY {
        let s = slope_matched_scale(cdf);
        let gate = GatedActivation::new(cdf, 0.0, s).map_err(|error| FigureError::draw(name, error))?;
        cdfs.push(cdf_xs.iter().map(|&x| (x, cdf.cdf(gate.z(x)))).collect::<Vec<_>>());
        activations.push(gated_curve(name, cdf, 0.0, s, &xs)?);
    }
    let cauchy_floor = -slope_matched_scale(&Cauchy) * Cauchy.tail_constant();
    render_svg(name, |root| {
        let panels = root.split_evenly((1, 2));
        let mut left = chart_builder(&panels[0], "Gates F(x / s), equal slope at 0", -6.0..6.0, -0.05..1.05)?;
        draw_mesh(&mut left, ("x", &one_decimal), ("keep probability", &one_decimal))?;
        for ((cdf, color), curve) in FAMILY.iter().zip(&cdfs) {
            let s = slope_matched_scale(*cdf);
            left.draw_series(LineSeries::new(curve.iter().copied(), color.stroke_width(2)))?
                .label(format!("{}, s = {s:.3}", cdf.name()))
                .legend(legend_line(*color));
        }
        // The lower right is empty (every gate is above 1/2 there).
        let position = legend_at(&left, &(0.4, 0.44));
        draw_legend(&mut left, position)?;

        let mut right = chart_builder(&panels[1], "Gated activations x F(x / s)", -6.0..3.0, -0.6..3.1)?;
        draw_mesh(&mut right, ("x", &one_decimal), ("output", &one_decimal))?;
        for ((cdf, color), curve) in FAMILY.iter().zip(&activations) {
            right
                .draw_series(LineSeries::new(curve.iter().copied(), color.stroke_width(2)))?
                .label(cdf.name())
                .legend(legend_line(*color));
        }
        let floor_style = palette::ELU_SMALL_ALPHA.stroke_width(1);
        right
            .draw_series(DashedLineSeries::new(
                [(-6.0, cauchy_floor), (3.0, cauchy_floor)],
                6,
                4,
                floor_style,
            ))?
            .label(format!("Cauchy limit {cauchy_floor:.3}"))
            .legend(legend_dashes(floor_style, 4, 3));
        draw_legend(&mut right, SeriesLabelPosition::UpperLeft)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_figures_are_fresh() {
        house_style::assert_committed_figures_fresh(all());
    }
}

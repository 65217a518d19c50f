//! The chapter's figures, drawn from the chapter's own functions with fixed seeds.

use plotters::chart::SeriesLabelPosition;
use plotters::element::Circle;
use plotters::prelude::{DashedLineSeries, IntoLogRange, LineSeries};
use plotters::style::{Color, RGBColor};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use house_style::{
    Figure, FigureError, INK, chart_builder, draw_legend, draw_mesh, grid, legend_at, legend_dashes,
    legend_line, legend_stroke, one_decimal, palette, power_of_ten, render_svg, whole_number,
};

use crate::convergence::{errors_by_n, log_log_slope};
use crate::{GELU_MINIMUM_AT, gate_variance, gelu, gelu_derivative, mc_gelu_fast, std_normal_cdf};

/// The dropout rate drawn next to GELU's gate in the gate and noise figures.
pub const COMPARISON_DROPOUT_RATE: f64 = 0.5;
/// Sample sizes of the Monte Carlo curves figure.
pub const CURVE_SAMPLE_SIZES: [u64; 3] = [100, 10_000, 1_000_000];
/// Seed of the Monte Carlo curves figure.
pub const CURVE_SEED: u64 = 3;
/// The input of the convergence figure.
pub const CONVERGENCE_X: f64 = 1.0;
/// Sample sizes of the convergence figure: 10 to 10^5, four per decade.
pub const CONVERGENCE_SAMPLE_SIZES: [u64; 17] =
    [10, 18, 32, 56, 100, 178, 316, 562, 1_000, 1_778, 3_162, 5_623, 10_000, 17_783, 31_623, 56_234, 100_000];
/// Estimates per sample size in the convergence figure.
pub const CONVERGENCE_REPLICATES: usize = 200;
/// Seed of the convergence figure.
pub const CONVERGENCE_SEED: u64 = 4;

/// All figures of chapter 3, in page order.
///
/// Drawn from fixed seeds, so every call gives the same SVGs. A failed computation (for
/// example a Monte Carlo [`McError`](crate::McError)) or drawing gives [`FigureError::Draw`]
/// naming the figure (it does not happen with these constants).
///
/// ```
/// let figures = chapter3::figures::all()?;
/// let names: Vec<&str> = figures.iter().map(|figure| figure.name.as_str()).collect();
/// assert_eq!(names, ["ch3-gate", "ch3-slope", "ch3-noise", "ch3-mc-curves", "ch3-convergence"]);
/// assert!(figures.iter().all(|figure| figure.svg.contains("<polyline")));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    Ok(vec![
        gate_figure()?,
        slope_figure()?,
        noise_figure()?,
        monte_carlo_curves_figure()?,
        convergence_figure()?,
    ])
}

/// A curve to draw: its legend label, its colour and the function.
type LabelledCurve<'a> = (&'a str, RGBColor, &'a dyn Fn(f64) -> f64);

/// `ch3-gate`: keep probabilities (left) and expected outputs (right) of the three gates.
fn gate_figure() -> Result<Figure, FigureError> {
    let xs = grid(-3.0, 3.0, 240);
    let q = 1.0 - COMPARISON_DROPOUT_RATE;
    let relu_gate = |x: f64| if x > 0.0 { 1.0 } else { 0.0 };
    render_svg("ch3-gate", |root| {
        let panels = root.split_evenly((1, 2));
        let mut left = chart_builder(&panels[0], "Keep probability g(x)", -3.0..3.0, -0.05..1.05)?;
        draw_mesh(&mut left, ("x", &one_decimal), ("g(x)", &one_decimal))?;
        let gates: [LabelledCurve; 3] = [
            ("dropout (1 - p)", palette::DROPOUT, &|_| q),
            ("ReLU", palette::RELU, &relu_gate),
            ("GELU (Phi)", palette::GELU, &std_normal_cdf),
        ];
        // The panel is too narrow for a legend that clears every curve; the right panel's serves both.
        for (_, color, g) in gates {
            left.draw_series(LineSeries::new(xs.iter().map(|&x| (x, g(x))), color.stroke_width(2)))?;
        }

        let mut right = chart_builder(&panels[1], "Expected output x g(x)", -3.0..3.0, -1.6..3.1)?;
        draw_mesh(&mut right, ("x", &one_decimal), ("E[x m]", &one_decimal))?;
        for (label, color, g) in gates {
            right
                .draw_series(LineSeries::new(xs.iter().map(|&x| (x, x * g(x))), color.stroke_width(2)))?
                .label(label)
                .legend(legend_line(color));
        }
        draw_legend(&mut right, SeriesLabelPosition::UpperLeft)
    })
}

/// `ch3-slope`: GELU's derivative `Phi(x) + x phi(x)` beside ReLU's step, with GELU' 's extremes
/// at `x = -sqrt 2` and `sqrt 2` and its root (GELU's minimum) marked.
fn slope_figure() -> Result<Figure, FigureError> {
    let xs = grid(-5.0, 5.0, 400);
    let root_two = std::f64::consts::SQRT_2;
    render_svg("ch3-slope", |root| {
        let caption = "The slope: GELU'(x) = Phi(x) + x phi(x) against ReLU's step";
        let mut chart = chart_builder(root, caption, -5.0..5.0, -0.3..2.0)?;
        draw_mesh(&mut chart, ("x", &one_decimal), ("slope", &one_decimal))?;
        // ReLU' is 0 left of 0 and 1 right of it (its value at 0 is a convention: 0 here).
        chart.draw_series(LineSeries::new([(-5.0, 0.0), (0.0, 0.0)], palette::RELU.stroke_width(2)))?;
        chart
            .draw_series(LineSeries::new([(0.0, 1.0), (5.0, 1.0)], palette::RELU.stroke_width(2)))?
            .label("ReLU'(x): 0, then 1")
            .legend(legend_line(palette::RELU));
        chart.draw_series([
            Circle::new((0.0, 0.0), 4, palette::RELU.filled()),
            Circle::new((0.0, 1.0), 4, plotters::style::ShapeStyle::from(palette::RELU).stroke_width(2)),
        ])?;
        chart
            .draw_series(LineSeries::new(
                xs.iter().map(|&x| (x, gelu_derivative(x))),
                palette::GELU.stroke_width(2),
            ))?
            .label("GELU'(x) = Phi(x) + x phi(x)")
            .legend(legend_line(palette::GELU));
        let extremes = [(root_two, gelu_derivative(root_two)), (-root_two, gelu_derivative(-root_two))];
        chart
            .draw_series(extremes.map(|point| Circle::new(point, 5, palette::GELU.filled())))?
            .label("extremes -0.129 and 1.129 at x = -sqrt 2, sqrt 2")
            .legend(|(x, y)| Circle::new((x + 8, y), 5, palette::GELU.filled()));
        chart
            .draw_series([Circle::new(
                (GELU_MINIMUM_AT, 0.0),
                5,
                plotters::style::ShapeStyle::from(palette::REFERENCE).stroke_width(2),
            )])?
            .label("root at x = -0.752: GELU's minimum")
            .legend(|(x, y)| {
                Circle::new(
                    (x + 8, y),
                    5,
                    plotters::style::ShapeStyle::from(palette::REFERENCE).stroke_width(2),
                )
            });
        // Above 1.2 the plot is empty: the legend goes there.
        let position = legend_at(&chart, &(-4.8, 1.97));
        draw_legend(&mut chart, position)
    })
}

/// `ch3-mc-curves`: Monte Carlo estimates across x at three sample sizes, against the exact GELU
/// (left), and their absolute errors against the predicted standard error (right, log scale).
fn monte_carlo_curves_figure() -> Result<Figure, FigureError> {
    let name = "ch3-mc-curves";
    let xs = grid(-4.0, 3.0, 70);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(CURVE_SEED);
    let mut estimates: Vec<Vec<(f64, f64)>> = Vec::new();
    for n in CURVE_SAMPLE_SIZES {
        let row = xs
            .iter()
            .map(|&x| mc_gelu_fast(x, n, &mut rng).map(|estimate| (x, estimate.mean)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| FigureError::draw(name, error))?;
        estimates.push(row);
    }
    let colors = [palette::RELU, palette::DROPOUT, palette::GELU];
    let fine = grid(-4.0, 3.0, 280);
    render_svg(name, |root| {
        let panels = root.split_evenly((1, 2));
        let mut left = chart_builder(&panels[0], "Monte Carlo estimates of GELU(x)", -4.0..3.0, -0.6..3.2)?;
        draw_mesh(&mut left, ("x", &one_decimal), ("mean of n gate draws", &one_decimal))?;
        left.draw_series(LineSeries::new(
            fine.iter().map(|&x| (x, gelu(x))),
            palette::REFERENCE.stroke_width(1),
        ))?
        .label("exact x Phi(x)")
        .legend(legend_line(palette::REFERENCE));
        for ((n, row), color) in CURVE_SAMPLE_SIZES.iter().zip(&estimates).zip(colors) {
            left.draw_series(row.iter().map(|&point| Circle::new(point, 3, color.filled())))?
                .label(format!("n = {n}"))
                .legend(move |(x, y)| Circle::new((x + 8, y), 3, color.filled()));
        }
        draw_legend(&mut left, SeriesLabelPosition::UpperLeft)?;

        // Same colours as on the left; each line is that n's predicted standard error.
        let mut right =
            chart_builder(&panels[1], "|estimate - exact| and its SE", -4.0..3.0, (1e-6..1.0).log_scale())?;
        draw_mesh(&mut right, ("x", &one_decimal), ("absolute error (log scale)", &power_of_ten))?;
        for ((n, row), color) in CURVE_SAMPLE_SIZES.iter().zip(&estimates).zip(colors) {
            let errors = row.iter().map(|&(x, mean)| (x, (mean - gelu(x)).abs())).filter(|&(_, e)| e > 1e-6);
            right.draw_series(errors.map(|point| Circle::new(point, 3, color.filled())))?;
            let predicted =
                fine.iter().map(|&x| (x, (gate_variance(x) / *n as f64).sqrt())).filter(|&(_, s)| s > 1e-6);
            right.draw_series(LineSeries::new(predicted, color.stroke_width(1)))?;
        }
        Ok(())
    })
}

/// `ch3-convergence`: RMSE of the estimate against n on log-log axes, with the fitted line.
fn convergence_figure() -> Result<Figure, FigureError> {
    let name = "ch3-convergence";
    let points =
        errors_by_n(CONVERGENCE_X, &CONVERGENCE_SAMPLE_SIZES, CONVERGENCE_REPLICATES, CONVERGENCE_SEED)
            .map_err(|error| FigureError::draw(name, error))?;
    let fit =
        log_log_slope(&points).ok().ok_or_else(|| FigureError::draw(name, "no line fits the errors"))?;
    let sigma = gate_variance(CONVERGENCE_X).sqrt();
    render_svg(name, |root| {
        let caption = format!("Error of the estimate of GELU({CONVERGENCE_X}) against n");
        // Two empty decades above the data hold the legend, so it covers no point.
        let mut chart = chart_builder(root, &caption, (8.0..1.3e5).log_scale(), (1e-5..1e2).log_scale())?;
        draw_mesh(
            &mut chart,
            ("samples n (log scale)", &whole_number),
            ("error (log scale)", &power_of_ten),
        )?;
        // A quarter of the replicates as dots keeps the file small; the RMSE uses all of them.
        let shown = CONVERGENCE_REPLICATES / 4;
        let scatter =
            points.iter().flat_map(|p| p.errors.iter().take(shown).map(move |e| (p.n as f64, e.abs())));
        chart
            .draw_series(
                scatter
                    .filter(|&(_, e)| e > 1e-5)
                    .map(|point| Circle::new(point, 1, palette::MEASURED.filled())),
            )?
            .label(format!("|error| of single estimates ({shown} of {CONVERGENCE_REPLICATES} per n)"))
            .legend(|(x, y)| Circle::new((x + 8, y), 2, palette::MEASURED.filled()));
        // The two lines nearly coincide: the theory is a wide dashed line in the reference colour,
        // the fit a thin solid line in the text colour on top of it, so both stay visible (and
        // tell apart by colour, width and dashing) where they overlap.
        let theory = [8.0, 1.3e5].map(|n: f64| (n, sigma / n.sqrt()));
        let theory_style = palette::REFERENCE.stroke_width(7);
        chart
            .draw_series(DashedLineSeries::new(theory, 12, 6, theory_style))?
            .label("theory sigma / sqrt(n): slope -1/2 (wide, dashed)")
            .legend(legend_dashes(theory_style, 6, 3));
        let fitted = [8.0, 1.3e5].map(|n: f64| (n, (fit.intercept + fit.slope * n.ln()).exp()));
        let fitted_style = INK.stroke_width(2);
        chart
            .draw_series(LineSeries::new(fitted, fitted_style))?
            .label(format!("least-squares fit to the RMSE dots: slope {:.3} (thin)", fit.slope))
            .legend(legend_stroke(fitted_style));
        // The RMSE dots last, on top of both lines.
        chart
            .draw_series(points.iter().map(|p| Circle::new((p.n as f64, p.rmse), 4, palette::GELU.filled())))?
            .label("root-mean-square error")
            .legend(|(x, y)| Circle::new((x + 8, y), 4, palette::GELU.filled()));
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)
    })
}

/// `ch3-noise`: the standard deviation of one gate output, GELU against dropout.
fn noise_figure() -> Result<Figure, FigureError> {
    let xs = grid(-4.0, 4.0, 320);
    let p = COMPARISON_DROPOUT_RATE;
    render_svg("ch3-noise", |root| {
        let caption = format!("Noise of one gate output: standard deviation of x m (dropout p = {p})");
        let mut chart = chart_builder(root, &caption, -4.0..4.0, 0.0..4.2)?;
        draw_mesh(&mut chart, ("x", &one_decimal), ("standard deviation", &one_decimal))?;
        let curves: [LabelledCurve; 3] = [
            ("inverted dropout: |x| sqrt(p / (1 - p))", palette::DROPOUT, &|x: f64| {
                x.abs() * (p / (1.0 - p)).sqrt()
            }),
            ("plain dropout: |x| sqrt(p (1 - p))", palette::ELU, &|x: f64| x.abs() * (p * (1.0 - p)).sqrt()),
            ("GELU gate: |x| sqrt(Phi(x) (1 - Phi(x)))", palette::GELU, &|x: f64| gate_variance(x).sqrt()),
        ];
        for (label, color, f) in curves {
            chart
                .draw_series(LineSeries::new(xs.iter().map(|&x| (x, f(x))), color.stroke_width(2)))?
                .label(label)
                .legend(legend_line(color));
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperMiddle)
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

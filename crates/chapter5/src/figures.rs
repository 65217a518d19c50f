//! The chapter's figures, drawn from the chapter's own functions (the experiment's are seeded).

use plotters::chart::SeriesLabelPosition;
use plotters::element::{Circle, PathElement, Rectangle, Text};
use plotters::prelude::{DashedLineSeries, LineSeries};
use plotters::style::{Color, RGBColor};

use house_style::{
    Figure, FigureError, chart_builder, draw_legend, draw_mesh, grid, legend_at, legend_dashes, legend_line,
    one_decimal, palette, render_svg,
};

use crate::learning::{
    EXTENT, ExperimentConfig, GRID_CELLS, Run, SEEDS, Variant, decision_grid, run_experiment, run_one,
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

/// All figures of chapter 5, in page order: the CDF-family sections', then the experiment's
/// (which trains the networks of [`crate::learning`] once, seeded).
///
/// Deterministic, so every call gives the same SVGs. A failed drawing or run gives
/// [`FigureError::Draw`] naming the figure (it does not happen with these constants).
///
/// ```
/// # // Trains networks for 1.1 s: run by `cargo course verify` (slow-tests), not the learner's loop.
/// # if !cfg!(feature = "slow-tests") { return Ok::<(), house_style::FigureError>(()); }
/// let figures = chapter5::figures::all()?;
/// let names: Vec<&str> = figures.iter().map(|figure| figure.name.as_str()).collect();
/// assert_eq!(names, ["ch5-sigma-family", "ch5-cdf-family", "ch5-trajectories", "ch5-decision-regions"]);
/// assert!(figures.iter().all(|figure| figure.svg.contains("<polyline") || figure.svg.contains("<rect")));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    let (trajectories, regions) = learning_figures()?;
    Ok(vec![sigma_family_figure()?, cdf_family_figure()?, trajectories, regions])
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

/// The seeds `ch5-trajectories` draws: the first four of [`SEEDS`] (every run costs about
/// 0.3 s in a debug build, and the figure is built by the tests).
const TRAJECTORY_SEEDS: usize = 4;
/// The two variants whose `mu` and `sigma` `ch5-trajectories` draws, one column each.
const TRAJECTORY_VARIANTS: [Variant; 2] = [Variant::PerLayerExp, Variant::PerLayerSoftplus];
/// The learnable variant of `ch5-decision-regions`, beside fixed GELU.
const REGION_VARIANT: Variant = Variant::PerLayerExp;
/// The colours of the first and second learnable layer in `ch5-trajectories`.
const LAYER_COLOURS: [RGBColor; 2] = [palette::GELU, palette::ELU];
/// The colours of class 0 and class 1 in `ch5-decision-regions`.
const CLASS_COLOURS: [RGBColor; 2] = [palette::DROPOUT, palette::RELU];

/// `ch5-trajectories` and `ch5-decision-regions`, from the runs of the book's experiment they
/// draw ([`TRAJECTORY_VARIANTS`] at the first [`TRAJECTORY_SEEDS`] seeds, and fixed GELU at the
/// first seed).
fn learning_figures() -> Result<(Figure, Figure), FigureError> {
    let name = "ch5-trajectories";
    let book = ExperimentConfig::book();
    let config = ExperimentConfig {
        variants: TRAJECTORY_VARIANTS.to_vec(),
        seeds: SEEDS[..TRAJECTORY_SEEDS].to_vec(),
        ..book.clone()
    };
    let experiment = run_experiment(&config).map_err(|error| FigureError::draw(name, error))?;
    let trajectories = trajectories_figure(&experiment.runs)?;
    let name = "ch5-decision-regions";
    let fixed = run_one(&book, Variant::Fixed, SEEDS[0]).map_err(|error| FigureError::draw(name, error))?;
    let learnable = experiment
        .run(REGION_VARIANT, SEEDS[0])
        .ok_or_else(|| FigureError::draw(name, "the learnable run is missing"))?
        .clone();
    let (_, test) = book.data().map_err(|error| FigureError::draw(name, error))?;
    let regions = decision_regions_figure(fixed, learnable, &test)?;
    Ok((trajectories, regions))
}

/// `ch5-trajectories`: each learnable layer's `mu` (top) and `sigma` (bottom) epoch by epoch,
/// `sigma = exp(rho)` (left) and `softplus(rho)` (right); every seed faint, the first bold.
fn trajectories_figure(runs: &[Run]) -> Result<Figure, FigureError> {
    let name = "ch5-trajectories";
    // Each quantity's range over every run, with a margin, shared by both columns.
    let range = |pick: &dyn Fn(&crate::learning::Trajectory) -> &Vec<Vec<f64>>| {
        let values = runs.iter().flat_map(|run| &run.trajectories).flat_map(|t| pick(t).iter().flatten());
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| (l.min(v), h.max(v)));
        let margin = 0.08 * (high - low);
        (low - margin)..(high + margin)
    };
    let mu_range = range(&|t| &t.mu);
    let sigma_range = range(&|t| &t.sigma);
    let sigma_range = sigma_range.start.min(0.0)..sigma_range.end;
    let epochs = runs.first().map_or(0, |run| run.epoch_losses.len()) as f64;
    render_svg(name, |root| {
        // A legend strip above the four panels: every panel is full of lines.
        let (strip, body) = root.split_vertically(30);
        let seeds =
            format!("bold: seed {}, faint: seeds {}-{}", SEEDS[0], SEEDS[1], SEEDS[TRAJECTORY_SEEDS - 1]);
        let entries = [
            (LAYER_COLOURS[0].stroke_width(2), "layer 1"),
            (LAYER_COLOURS[1].stroke_width(2), "layer 2"),
            (INK_FAINT.stroke_width(1), seeds.as_str()),
        ];
        for (k, (style, text)) in entries.into_iter().enumerate() {
            let x = [90, 210, 330][k];
            strip.draw(&PathElement::new([(x, 16), (x + 24, 16)], style))?;
            strip.draw(&Text::new(text, (x + 30, 6), house_style::label_font()))?;
        }
        let panels = body.split_evenly((2, 2));
        for (column, &variant) in TRAJECTORY_VARIANTS.iter().enumerate() {
            let parametrisation = if variant == Variant::PerLayerExp { "exp" } else { "softplus" };
            for (row, quantity) in ["mu", "sigma"].into_iter().enumerate() {
                let y_range = if row == 0 { mu_range.clone() } else { sigma_range.clone() };
                let caption = format!("{quantity} per layer, sigma = {parametrisation}(rho)");
                let mut chart = chart_builder(&panels[2 * row + column], &caption, 0.0..epochs, y_range)?;
                draw_mesh(&mut chart, ("epoch", &house_style::whole_number), (quantity, &one_decimal))?;
                // Faint seeds first, so that the bold first seed is drawn on top.
                let variant_runs: Vec<&Run> = runs.iter().filter(|run| run.variant == variant).collect();
                for (k, run) in variant_runs.iter().enumerate().rev() {
                    for (trajectory, colour) in run.trajectories.iter().zip(LAYER_COLOURS) {
                        let values = if row == 0 { &trajectory.mu } else { &trajectory.sigma };
                        let points = values.iter().enumerate().map(|(epoch, v)| (epoch as f64, v[0]));
                        let style =
                            if k == 0 { colour.stroke_width(2) } else { colour.mix(0.35).stroke_width(1) };
                        chart.draw_series(LineSeries::new(points, style))?;
                    }
                }
            }
        }
        Ok(())
    })
}

/// Faint ink for the "other seeds" legend entry.
const INK_FAINT: RGBColor = RGBColor(0x88, 0x88, 0x88);

/// `ch5-decision-regions`: the class each trained network predicts over the plane (a coarse
/// grid of [`GRID_CELLS`] cells a side, equal cells of a row merged), with the test points on
/// top; fixed GELU left, learnable right.
fn decision_regions_figure(
    fixed: Run,
    learnable: Run,
    test: &crate::network::Dataset,
) -> Result<Figure, FigureError> {
    let name = "ch5-decision-regions";
    let mut panels_data = Vec::new();
    for mut run in [fixed, learnable] {
        let classes = decision_grid(&mut run.network, EXTENT, GRID_CELLS)
            .map_err(|error| FigureError::draw(name, error))?;
        panels_data.push((run.variant, run.seed, run.test_accuracy, classes));
    }
    let h = 2.0 * EXTENT / GRID_CELLS as f64;
    render_svg(name, |root| {
        let panels = root.split_evenly((1, 2));
        for (area, (variant, seed, accuracy, classes)) in panels.iter().zip(&panels_data) {
            let caption = format!("{}, seed {seed}: test {:.1}%", short_name(*variant), 100.0 * accuracy);
            let mut chart = chart_builder(area, &caption, -EXTENT..EXTENT, -EXTENT..EXTENT)?;
            draw_mesh(&mut chart, ("x1", &one_decimal), ("x2", &one_decimal))?;
            // One rectangle per run of equal cells in a row: a few hundred instead of 3600.
            let mut cells = Vec::new();
            for (row, row_classes) in classes.chunks_exact(GRID_CELLS).enumerate() {
                let mut start = 0;
                for column in 1..=GRID_CELLS {
                    if column == GRID_CELLS || row_classes[column] != row_classes[start] {
                        let (x0, y0) = (-EXTENT + start as f64 * h, -EXTENT + row as f64 * h);
                        let (x1, y1) = (-EXTENT + column as f64 * h, y0 + h);
                        let colour = CLASS_COLOURS[row_classes[start].min(1)];
                        cells.push(Rectangle::new([(x0, y0), (x1, y1)], colour.mix(0.25).filled()));
                        start = column;
                    }
                }
            }
            chart.draw_series(cells)?;
            for (class, colour) in CLASS_COLOURS.iter().enumerate() {
                let points = (0..test.len()).filter(|&i| test.labels()[i] == class).map(|i| {
                    let row = test.row(i);
                    Circle::new((row[0], row[1]), 2, colour.filled())
                });
                chart.draw_series(points)?;
            }
        }
        Ok(())
    })
}

/// The variant's name in a caption.
fn short_name(variant: Variant) -> &'static str {
    match variant {
        Variant::Fixed => "fixed GELU",
        Variant::PerLayerExp => "learnable (mu, sigma), exp",
        Variant::PerLayerSoftplus => "learnable (mu, sigma), softplus",
        Variant::PerUnitExp => "learnable per unit, exp",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg_attr(
        not(feature = "slow-tests"),
        ignore = "trains the experiment's networks for two figures (1 s): `cargo course verify` runs it"
    )]
    fn committed_figures_are_fresh() {
        house_style::assert_committed_figures_fresh(all());
    }
}

//! The chapter's figures, drawn from the committed study (`book/data/chapter6/`, read through
//! [`crate::report`]): the loss curves with and without dropout (the paper's Figure 2), the
//! test error under input noise (its Figure 3), and the paired differences with ReLU.

use plotters::coord::combinators::IntoLogRange;
use plotters::element::{Circle, PathElement, Polygon, Text};
use plotters::prelude::{DashedLineSeries, LineSeries};
use plotters::style::{Color, RGBColor, ShapeStyle};

use house_style::{
    Figure, FigureError, chart_builder, draw_mesh, draw_mesh_with_label_counts, one_decimal, palette,
    power_of_ten, render_svg, whole_number,
};

use crate::report::{Quartiles, Results, committed_records};
use crate::study::{StudyActivation, StudyPlan};

/// All figures of chapter 6, in page order, from the committed results.
///
/// Errors: [`FigureError::Draw`] naming the figure if the committed results cannot be read or a
/// drawing fails.
///
/// ```
/// let figures = chapter6::figures::all()?;
/// let names: Vec<&str> = figures.iter().map(|figure| figure.name.as_str()).collect();
/// assert_eq!(names, ["ch6-loss-no-dropout", "ch6-loss-dropout", "ch6-paired", "ch6-noise"]);
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    let records = committed_records().map_err(|e| FigureError::draw("ch6 (committed results)", e))?;
    figures_for(&Results::new(StudyPlan::full(), records))
}

/// The chapter's figures for any study's results (the `--quick` study draws its own).
///
/// Errors: [`FigureError::Draw`] naming the figure whose drawing failed.
///
/// ```
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// let figures = chapter6::figures::figures_for(&results).expect("the committed results draw");
/// assert_eq!(figures.len(), 4);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn figures_for(results: &Results) -> Result<Vec<Figure>, FigureError> {
    let mut figures = Vec::new();
    for &dropout in &results.plan.dropout_rates {
        let name =
            if dropout == 0.0 { "ch6-loss-no-dropout".to_owned() } else { "ch6-loss-dropout".to_owned() };
        figures.push(loss_figure(results, dropout, &name)?);
    }
    figures.push(paired_figure(results)?);
    figures.push(noise_figure(results)?);
    Ok(figures)
}

/// How each activation is drawn: its colour and dash pattern (`None`: solid). The GELU family
/// shares green; its approximations are dashed so the three can be told apart where they overlap.
fn line_style(activation: StudyActivation) -> (RGBColor, Option<(u32, u32)>) {
    match activation {
        StudyActivation::Relu => (palette::RELU, None),
        StudyActivation::Elu => (palette::ELU, None),
        StudyActivation::Gelu => (palette::GELU, None),
        StudyActivation::GeluTanh => (palette::GELU, Some((8, 5))),
        StudyActivation::GeluSigmoid => (palette::GELU, Some((2, 4))),
        StudyActivation::Silu => (palette::SILU, None),
        StudyActivation::GeluMuSigma => (palette::ELU_SMALL_ALPHA, None),
        StudyActivation::Soi => (palette::REFERENCE, None),
    }
}

/// Height in pixels of the legend strip under a figure's panels.
const LEGEND_STRIP: u32 = 64;

/// Draws a legend of `activations` in a strip (`area`), four entries to a row: a short line in
/// each activation's style, then its name.
fn legend_strip(
    area: &plotters::drawing::DrawingArea<plotters::backend::SVGBackend<'_>, plotters::coord::Shift>,
    activations: &[StudyActivation],
) -> Result<(), Box<dyn std::error::Error>> {
    let (width, _) = area.dim_in_pixel();
    let per_row = 4;
    let column = width as i32 / per_row;
    for (i, &activation) in activations.iter().enumerate() {
        let (x, y) = (20 + column * (i as i32 % per_row), 14 + 26 * (i as i32 / per_row));
        let (color, dashes) = line_style(activation);
        let style: ShapeStyle = color.stroke_width(2);
        match dashes {
            None => area.draw(&PathElement::new([(x, y), (x + 24, y)], style))?,
            Some((dash, gap)) => area.draw(&plotters::element::DashedPathElement::new(
                [(x, y), (x + 24, y)],
                dash,
                gap,
                style,
            ))?,
        }
        area.draw(&Text::new(activation.label(), (x + 32, y - 9), house_style::label_font()))?;
    }
    Ok(())
}

/// The interquartile band of `points` (x, quartiles) as a polygon: upper edge out, lower edge
/// back. Points with a NaN quartile are left out.
fn band(points: &[(f64, Quartiles)], floor: f64) -> Vec<(f64, f64)> {
    let finite: Vec<&(f64, Quartiles)> =
        points.iter().filter(|(_, (a, _, b))| a.is_finite() && b.is_finite()).collect();
    let upper = finite.iter().map(|(x, (_, _, q75))| (*x, q75.max(floor)));
    let lower = finite.iter().rev().map(|(x, (q25, _, _))| (*x, q25.max(floor)));
    upper.chain(lower).collect()
}

/// Draws one median line with its band on `chart` (any coordinate system whose values are
/// `(f64, f64)`), in the activation's style; values below `floor` are drawn at `floor`.
macro_rules! draw_median_with_band {
    ($chart:expr, $points:expr, $activation:expr, $floor:expr) => {{
        let (color, dashes) = line_style($activation);
        let points: &[(f64, Quartiles)] = $points;
        $chart.draw_series(std::iter::once(Polygon::new(band(points, $floor), color.mix(0.12).filled())))?;
        let medians: Vec<(f64, f64)> = points
            .iter()
            .filter(|(_, (_, m, _))| m.is_finite())
            .map(|(x, (_, m, _))| (*x, m.max($floor)))
            .collect();
        let style: ShapeStyle = color.stroke_width(2);
        match dashes {
            None => $chart.draw_series(LineSeries::new(medians, style))?,
            Some((dash, gap)) => $chart.draw_series(DashedLineSeries::new(medians, dash, gap, style))?,
        };
    }};
}

/// `ch6-loss-(no-)dropout`: median and interquartile band over the seeds of the training loss
/// (left) and validation loss (right), epoch by epoch, for every activation.
fn loss_figure(results: &Results, dropout: f64, name: &str) -> Result<Figure, FigureError> {
    let epochs = results.plan.epochs as f64;
    let floor = 1e-4;
    let setting = if dropout == 0.0 { "no dropout".to_owned() } else { format!("dropout {dropout}") };
    render_svg(name, |root| {
        let (plots, strip) = root.split_vertically(house_style::HEIGHT - LEGEND_STRIP);
        let panels = plots.split_evenly((1, 2));
        let titles = [format!("Training log-loss, {setting}"), format!("Validation log-loss, {setting}")];
        for (panel, title) in panels.iter().zip(&titles) {
            let training = title.starts_with("Training");
            let mut chart = chart_builder(panel, title, 1.0..epochs, (floor..10.0).log_scale())?;
            draw_mesh(&mut chart, ("epoch", &whole_number), ("log-loss (log scale)", &power_of_ten))?;
            for &activation in &results.plan.activations {
                let curve = results
                    .curve(activation, dropout, |e| if training { e.train_loss } else { e.validation_loss });
                let points: Vec<(f64, Quartiles)> =
                    curve.into_iter().enumerate().map(|(i, q)| ((i + 1) as f64, q)).collect();
                draw_median_with_band!(chart, &points, activation, floor);
            }
        }
        legend_strip(&strip, &results.plan.activations)
    })
}

/// `ch6-paired`: for every activation, each seed's final test error minus ReLU's with the same
/// seed (points), their mean (a bar) and its 95% interval, with and without dropout.
fn paired_figure(results: &Results) -> Result<Figure, FigureError> {
    let others: Vec<StudyActivation> =
        results.plan.activations.iter().copied().filter(|&a| a != StudyActivation::Relu).collect();
    let mut rows = Vec::new();
    for &dropout in &results.plan.dropout_rates {
        let relu = results.final_test_errors(StudyActivation::Relu, dropout);
        for &activation in &others {
            let ours = results.final_test_errors(activation, dropout);
            let points: Vec<f64> = ours.iter().zip(&relu).map(|(a, b)| 100.0 * (a - b)).collect();
            let comparison = results.against_relu(activation, dropout).ok();
            rows.push((dropout, activation, points, comparison));
        }
    }
    render_svg("ch6-paired", |root| {
        let panels = root.split_evenly((1, results.plan.dropout_rates.len()));
        for (panel, &dropout) in panels.iter().zip(&results.plan.dropout_rates) {
            let setting = if dropout == 0.0 { "no dropout".to_owned() } else { format!("dropout {dropout}") };
            let title = format!("Test error minus ReLU's, {setting}");
            let rows_here: Vec<_> = rows.iter().filter(|r| r.0 == dropout).collect();
            // Each panel its own symmetric range around 0, a little wider than its largest point.
            let largest = rows_here
                .iter()
                .flat_map(|r| r.2.iter().copied())
                .filter(|p| p.is_finite())
                .fold(0.5f64, |m, p| m.max(p.abs()));
            let limit = if largest < 5.0 {
                (largest * 1.2 * 2.0).ceil() / 2.0
            } else {
                (largest * 1.1 / 10.0).ceil() * 10.0
            };
            let count = rows_here.len() as f64;
            let mut chart = chart_builder(panel, &title, -limit..limit, -0.5..count - 0.5)?;
            // No y tick labels: each row is named beside the axis instead.
            draw_mesh_with_label_counts(
                &mut chart,
                (7, 0),
                ("percentage points (dots: seeds)", &one_decimal),
                ("activation", &one_decimal),
            )?;
            let (left, top) = panel.get_base_pixel();
            for (i, row) in rows_here.iter().enumerate() {
                let (x, y) = chart.backend_coord(&(-limit, i as f64));
                let at = (x - left - 46, y - top - 7);
                panel.draw(&Text::new(short_label(row.1), at, house_style::tick_font()))?;
            }
            chart.draw_series(LineSeries::new(
                [(0.0, -0.5), (0.0, count - 0.5)],
                palette::RELU.stroke_width(1),
            ))?;
            for (i, (_, activation, points, comparison)) in rows_here.iter().enumerate() {
                let (color, _) = line_style(*activation);
                let y = i as f64;
                chart.draw_series(points.iter().enumerate().filter(|(_, p)| p.is_finite()).map(
                    |(k, &p)| {
                        Circle::new((p, y - 0.25 + 0.3 * k as f64 / points.len() as f64), 3, color.filled())
                    },
                ))?;
                if let Some(c) = comparison {
                    let (low, high) = (100.0 * c.interval.0, 100.0 * c.interval.1);
                    chart.draw_series(std::iter::once(PathElement::new(
                        [(low, y + 0.22), (high, y + 0.22)],
                        color.stroke_width(3),
                    )))?;
                    chart.draw_series(std::iter::once(PathElement::new(
                        [(100.0 * c.mean, y + 0.08), (100.0 * c.mean, y + 0.36)],
                        color.stroke_width(3),
                    )))?;
                }
            }
        }
        Ok(())
    })
}

/// A short name for the paired figure's axis.
fn short_label(activation: StudyActivation) -> &'static str {
    match activation {
        StudyActivation::Relu => "ReLU",
        StudyActivation::Elu => "ELU",
        StudyActivation::Gelu => "GELU",
        StudyActivation::GeluTanh => "tanh",
        StudyActivation::GeluSigmoid => "sigm.",
        StudyActivation::Silu => "SiLU",
        StudyActivation::GeluMuSigma => "mu,sig",
        StudyActivation::Soi => "SOI",
    }
}

/// `ch6-noise`: median test error (%) and interquartile band over the seeds when uniform noise
/// `U[-a, a]` is added to the test inputs, against `a`, with and without dropout.
fn noise_figure(results: &Results) -> Result<Figure, FigureError> {
    let a_max = results.plan.noise_levels.iter().copied().fold(0.0, f64::max).max(1e-9);
    render_svg("ch6-noise", |root| {
        let (plots, strip) = root.split_vertically(house_style::HEIGHT - LEGEND_STRIP);
        let panels = plots.split_evenly((1, results.plan.dropout_rates.len()));
        for (panel, &dropout) in panels.iter().zip(&results.plan.dropout_rates) {
            let setting = if dropout == 0.0 { "no dropout".to_owned() } else { format!("dropout {dropout}") };
            let title = format!("Test error with noise U[-a, a], {setting}");
            let mut chart = chart_builder(panel, &title, 0.0..a_max, 0.0..100.0)?;
            draw_mesh(&mut chart, ("noise half-width a", &one_decimal), ("test error (%)", &whole_number))?;
            for &activation in &results.plan.activations {
                let points: Vec<(f64, Quartiles)> = results
                    .noise_curve(activation, dropout)
                    .into_iter()
                    .map(|(a, (q25, m, q75))| (a, (100.0 * q25, 100.0 * m, 100.0 * q75)))
                    .collect();
                draw_median_with_band!(chart, &points, activation, 0.0);
            }
        }
        legend_strip(&strip, &results.plan.activations)
    })
}

#[cfg(test)]
mod tests {
    use super::all;

    #[test]
    #[cfg_attr(
        not(feature = "slow-tests"),
        ignore = "reads and draws the whole study: slow-tests (cargo course verify)"
    )]
    fn committed_figures_are_fresh() {
        house_style::assert_committed_figures_fresh(all());
    }
}

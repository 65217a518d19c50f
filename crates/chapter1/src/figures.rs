//! The chapter's figures, drawn from the chapter's own functions with fixed seeds.
//!
//! `cargo course figures` writes them to `book/figures/`; the test at the bottom fails when a
//! committed file differs from what this code draws now.

use plotters::chart::SeriesLabelPosition;
use plotters::element::{Circle, EmptyElement, PathElement, Polygon, Rectangle};
use plotters::prelude::{IntoLogRange, LineSeries};
use plotters::style::Color;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use house_style::{
    Figure, FigureError, chart_builder, draw_legend, draw_mesh, one_decimal, palette, render_svg,
    whole_number,
};

use crate::{
    DropoutRate, RunningPoint, binomial_pmf, inverted_dropout, plain_dropout, running_mean,
    simulate_kept_counts,
};

/// Units per mask in the kept-count figure.
pub const KEPT_COUNT_UNITS: usize = 20;
/// Masks drawn for the kept-count figure.
pub const KEPT_COUNT_MASKS: usize = 10_000;
/// Dropout rate of the kept-count figure.
pub const KEPT_COUNT_RATE: f64 = 0.3;
/// Seed of the kept-count figure.
pub const KEPT_COUNT_SEED: u64 = 1;

/// Samples in the running-mean figure.
pub const RUNNING_MEAN_SAMPLES: usize = 10_000;
/// Dropout rate of the running-mean figure.
pub const RUNNING_MEAN_RATE: f64 = 0.5;
/// Seed of the running-mean figure.
pub const RUNNING_MEAN_SEED: u64 = 2;

/// All figures of chapter 1, in the order the page shows them.
///
/// Drawn from fixed seeds, so every call gives the same SVGs. A failed computation or drawing
/// gives [`FigureError::Draw`] naming the figure (it does not happen with these constants).
///
/// ```
/// let figures = chapter1::figures::all()?;
/// let names: Vec<&str> = figures.iter().map(|figure| figure.name.as_str()).collect();
/// assert_eq!(names, ["ch1-kept-count", "ch1-running-mean"]);
/// assert!(figures.iter().all(|figure| figure.svg.starts_with("<svg") && figure.svg.contains("<polyline")));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    Ok(vec![kept_count_figure()?, running_mean_figure()?])
}

/// `ch1-kept-count`: the histogram of kept counts against `masks * Binomial(units, q)` pmf.
fn kept_count_figure() -> Result<Figure, FigureError> {
    let rate =
        DropoutRate::new(KEPT_COUNT_RATE).map_err(|error| FigureError::draw("ch1-kept-count", error))?;
    let counts = simulate_kept_counts(KEPT_COUNT_UNITS, KEPT_COUNT_MASKS, rate, KEPT_COUNT_SEED);
    let expected: Vec<(f64, f64)> = (0..=KEPT_COUNT_UNITS as u64)
        .map(|k| {
            let pmf = binomial_pmf(KEPT_COUNT_UNITS as u64, k, rate.keep_probability()).unwrap_or(f64::NAN);
            (k as f64, pmf * KEPT_COUNT_MASKS as f64)
        })
        .collect();
    let top = counts.iter().copied().max().unwrap_or(1) as f64 * 1.15;

    render_svg("ch1-kept-count", |root| {
        let caption = format!(
            "Kept units in {KEPT_COUNT_MASKS} masks of {KEPT_COUNT_UNITS} units, p = {KEPT_COUNT_RATE}"
        );
        let mut chart = chart_builder(root, &caption, -0.5..KEPT_COUNT_UNITS as f64 + 0.5, 0.0..top)?;
        draw_mesh(&mut chart, ("kept units k", &whole_number), ("masks", &whole_number))?;
        chart
            .draw_series(counts.iter().enumerate().map(|(k, &count)| {
                let k = k as f64;
                Rectangle::new(
                    [(k - 0.4, 0.0), (k + 0.4, count as f64)],
                    palette::MEASURED.mix(0.55).filled(),
                )
            }))?
            .label("measured count")
            .legend(|(x, y)| {
                EmptyElement::at((x, y))
                    + Rectangle::new([(0, -6), (16, 6)], palette::MEASURED.mix(0.55).filled())
                    + Rectangle::new([(0, -6), (16, 6)], palette::MEASURED.stroke_width(1))
            });
        // Opaque outlines: the translucent fill alone is under 3:1 against the page.
        chart.draw_series(counts.iter().enumerate().map(|(k, &count)| {
            let k = k as f64;
            Rectangle::new([(k - 0.4, 0.0), (k + 0.4, count as f64)], palette::MEASURED.stroke_width(1))
        }))?;
        chart
            .draw_series(expected.iter().map(|&point| Circle::new(point, 4, palette::REFERENCE.filled())))?
            .label(format!("{KEPT_COUNT_MASKS} x Binomial({KEPT_COUNT_UNITS}, 1 - p) pmf"))
            .legend(|(x, y)| Circle::new((x + 8, y), 4, palette::REFERENCE.filled()));
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)
    })
}

/// `ch1-running-mean`: running means of inverted and plain dropout of `x = 1` with a 95% band.
fn running_mean_figure() -> Result<Figure, FigureError> {
    let name = "ch1-running-mean";
    let rate = DropoutRate::new(RUNNING_MEAN_RATE).map_err(|error| FigureError::draw(name, error))?;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(RUNNING_MEAN_SEED);
    let ones = vec![1.0; RUNNING_MEAN_SAMPLES];
    let inverted = log_spaced(&running_mean(&inverted_dropout(&ones, rate, &mut rng)));
    let plain = log_spaced(&running_mean(&plain_dropout(&ones, rate, &mut rng)));
    let n_max = RUNNING_MEAN_SAMPLES as f64;
    // The 95% band of the inverted-dropout mean, from its own running standard error.
    let band_from = inverted.iter().position(|p| p.n >= 10).unwrap_or(0);
    let upper = inverted[band_from..].iter().map(|p| (p.n as f64, p.mean + 1.96 * p.standard_error));
    let lower = inverted[band_from..].iter().rev().map(|p| (p.n as f64, p.mean - 1.96 * p.standard_error));
    let band: Vec<(f64, f64)> = upper.chain(lower).collect();

    render_svg(name, |root| {
        let caption = format!("Running mean of dropout outputs for x = 1, p = {RUNNING_MEAN_RATE}");
        let mut chart = chart_builder(root, &caption, (1.0..n_max).log_scale(), 0.0..2.2)?;
        draw_mesh(
            &mut chart,
            ("samples n (log scale)", &whole_number),
            ("mean of the first n outputs", &one_decimal),
        )?;
        chart
            .draw_series(std::iter::once(Polygon::new(band, palette::DROPOUT.mix(0.2).filled())))?
            .label("95% interval, inverted")
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 6), (x + 16, y + 6)], palette::DROPOUT.mix(0.2).filled())
            });
        chart
            .draw_series(LineSeries::new(
                inverted.iter().map(|p| (p.n as f64, p.mean)),
                palette::DROPOUT.stroke_width(2),
            ))?
            .label("inverted dropout: y = x m / (1 - p)")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], palette::DROPOUT.stroke_width(2)));
        chart
            .draw_series(LineSeries::new(
                plain.iter().map(|p| (p.n as f64, p.mean)),
                palette::RELU.stroke_width(2),
            ))?
            .label("plain dropout: y = x m")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], palette::RELU.stroke_width(2)));
        let expected_levels = [1.0, 1.0 - RUNNING_MEAN_RATE];
        chart
            .draw_series(expected_levels.map(|level| {
                PathElement::new([(1.0, level), (n_max, level)], palette::REFERENCE.stroke_width(1))
            }))?
            .label("expected values x and (1 - p) x")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], palette::REFERENCE.stroke_width(1)));
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)
    })
}

/// About 60 points per decade of n, so a log-scale curve stays smooth and the SVG small.
fn log_spaced(points: &[RunningPoint]) -> Vec<RunningPoint> {
    let mut kept: Vec<RunningPoint> = Vec::new();
    for point in points {
        let far_enough =
            kept.last().is_none_or(|last| (point.n as f64 / last.n as f64).log10() >= 1.0 / 60.0);
        if far_enough || point.n == points.len() {
            kept.push(*point);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_figures_are_fresh() {
        house_style::assert_committed_figures_fresh(all());
    }

    #[test]
    fn histogram_counts_every_mask_once_in_the_right_bin() {
        let rate = DropoutRate::new(KEPT_COUNT_RATE).unwrap();
        let counts = simulate_kept_counts(KEPT_COUNT_UNITS, KEPT_COUNT_MASKS, rate, KEPT_COUNT_SEED);
        assert_eq!(counts.len(), KEPT_COUNT_UNITS + 1);
        assert_eq!(counts.iter().sum::<u64>(), KEPT_COUNT_MASKS as u64);
        // The mean kept count is n q = 14; over 10^4 masks its SE is sqrt(n q (1-q) / 10^4) = 0.02.
        let mean: f64 = counts.iter().enumerate().map(|(k, &c)| k as f64 * c as f64).sum::<f64>()
            / KEPT_COUNT_MASKS as f64;
        assert!((mean - 14.0).abs() < 5.0 * 0.0205, "mean kept count {mean}");
    }
}

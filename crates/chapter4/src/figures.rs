//! The chapter's figures, drawn from the chapter's own functions (no randomness).

use plotters::chart::SeriesLabelPosition;
use plotters::element::{Circle, PathElement, Text};
use plotters::prelude::{IntoLogRange, LineSeries};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor};

use house_style::{
    Figure, FigureError, INK, chart_builder, draw_legend, draw_mesh, draw_mesh_with_x_labels, grid,
    legend_at, legend_line, one_decimal, palette, power_of_ten, render_svg, whole_number,
};

use numerics::naive::{gelu_erfc, gelu_erfc_f32, gelu_textbook_erf, gelu_textbook_erf_f32};
use numerics::{gelu, max_abs_error_vs_gelu_f32 as max_abs_error_f32, ulps_f32, ulps_f64};

use crate::benchmark_table::f32_timings_at_4096;
use crate::{gelu_exact_f32, gelu_sigmoid, gelu_sigmoid_f32, gelu_tanh, gelu_tanh_f32};

/// All figures of chapter 4, in page order.
///
/// Deterministic: no randomness, and the Pareto figure's timings come from
/// [`F32_TABLE`](crate::benchmark_table::F32_TABLE), compiled in from `book/benchmarks/f32.md`.
/// A timing row missing from that table, or a failed drawing, gives [`FigureError::Draw`]
/// naming the figure.
///
/// ```
/// let figures = chapter4::figures::all()?;
/// let names: Vec<&str> = figures.iter().map(|figure| figure.name.as_str()).collect();
/// assert_eq!(names, ["ch4-errors", "ch4-ulp", "ch4-pareto"]);
/// assert!(figures.iter().all(|figure| figure.svg.contains("</svg>")));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    Ok(vec![error_figure()?, ulp_figure()?, pareto_figure()?])
}

/// Applies an in-place `f32` kernel to one value.
fn one(kernel: fn(&mut [f32]), x: f32) -> f32 {
    let mut v = [x];
    kernel(&mut v);
    v[0]
}

/// `ch4-errors`: absolute (left) and relative (right) error of the two approximations against
/// GELU, log scale.
fn error_figure() -> Result<Figure, FigureError> {
    let xs = grid(-8.0, 6.0, 1400);
    type Curve<'a> = (&'a str, RGBColor, &'a dyn Fn(f64) -> f64);
    let curves: [Curve; 2] =
        [("tanh form", palette::GELU, &gelu_tanh), ("x sigmoid(1.702 x)", palette::SILU, &gelu_sigmoid)];
    render_svg("ch4-errors", |root| {
        let panels = root.split_evenly((1, 2));
        let mut left =
            chart_builder(&panels[0], "|approximation - GELU|", -8.0..6.0, (1e-12..1e2).log_scale())?;
        draw_mesh(&mut left, ("x", &one_decimal), ("absolute error (log scale)", &power_of_ten))?;
        for (label, color, f) in curves {
            let points = xs.iter().map(|&x| (x, (f(x) - gelu(x)).abs())).filter(|p| p.1 > 1e-12);
            left.draw_series(LineSeries::new(points, color.stroke_width(2)))?
                .label(label)
                .legend(legend_line(color));
        }
        draw_legend(&mut left, SeriesLabelPosition::UpperRight)?;
        let mut right =
            chart_builder(&panels[1], "|approximation / GELU - 1|", -8.0..6.0, (1e-8..1e3).log_scale())?;
        draw_mesh(&mut right, ("x", &one_decimal), ("relative error (log scale)", &power_of_ten))?;
        for (_, color, f) in curves {
            let points = xs
                .iter()
                .filter(|&&x| x != 0.0)
                .map(|&x| (x, (f(x) / gelu(x) - 1.0).abs()))
                .filter(|p| p.1 > 1e-8);
            right.draw_series(LineSeries::new(points, color.stroke_width(2)))?;
        }
        Ok(())
    })
}

/// `ch4-ulp`: error in ULP of the "exact" formulas against the correctly rounded GELU
/// (`numerics::gelu`, re-exported as `chapter3::gelu`), in `f64` (left) and `f32` (right). Zero error is drawn at the bottom edge.
fn ulp_figure() -> Result<Figure, FigureError> {
    let floor = 0.1;
    let clamp = |u: f64| u.max(floor);
    render_svg("ch4-ulp", |root| {
        let panels = root.split_evenly((1, 2));
        let xs = grid(-40.0, 2.0, 840);
        let mut left = chart_builder(&panels[0], "f64: ULP error", -40.0..2.0, (floor..1e19).log_scale())?;
        // Whole numbers, every 10: labels every 5 with a decimal ran into each other.
        draw_mesh_with_x_labels(
            &mut left,
            5,
            ("x", &whole_number),
            ("ULP error (log scale)", &power_of_ten),
        )?;
        type Curve<'a> = (&'a str, RGBColor, &'a dyn Fn(f64) -> f64);
        let forms: [Curve; 2] = [
            ("1 + erf form", palette::RELU, &gelu_textbook_erf),
            ("erfc form", palette::DROPOUT, &gelu_erfc),
        ];
        for (label, color, f) in forms {
            let points = xs.iter().map(|&x| (x, clamp(ulps_f64(f(x), gelu(x)) as f64)));
            left.draw_series(LineSeries::new(points, color.stroke_width(2)))?
                .label(label)
                .legend(legend_line(color));
        }
        // In the empty band between the erfc scatter (below 1e4) and the textbook plateau (1e18),
        // left of the textbook curve's drop at x = -8.4.
        let position = legend_at(&left, &(-36.5, 1e14));
        draw_legend(&mut left, position)?;

        let xs = grid(-14.0, 2.0, 800);
        let mut right = chart_builder(&panels[1], "f32: ULP error", -14.0..2.0, (floor..1e12).log_scale())?;
        draw_mesh(&mut right, ("x", &whole_number), ("ULP error (log scale)", &power_of_ten))?;
        type Curve32<'a> = (&'a str, RGBColor, &'a dyn Fn(f32) -> f32);
        let forms: [Curve32; 3] = [
            ("textbook (erff)", palette::RELU, &gelu_textbook_erf_f32),
            ("erfc form (erfcf)", palette::DROPOUT, &gelu_erfc_f32),
            ("gelu_exact_f32", palette::GELU, &|x| one(gelu_exact_f32, x)),
        ];
        for (label, color, f) in forms {
            let points = xs.iter().map(|&x| (x, clamp(ulps_f32(f(x as f32), gelu(x as f32 as f64)))));
            right
                .draw_series(LineSeries::new(points, color.stroke_width(2)))?
                .label(label)
                .legend(legend_line(color));
        }
        draw_legend(&mut right, SeriesLabelPosition::UpperRight)
    })
}

/// `ch4-pareto`: worst absolute error against GELU over `[-10, 10]` against the measured time per
/// element, for the `f32` kernels and the scalar libm loops.
fn pareto_figure() -> Result<Figure, FigureError> {
    let error_of = |name: &str| -> f64 {
        match name {
            "gelu_exact_f32" => max_abs_error_f32(&|x| one(gelu_exact_f32, x)),
            "gelu_tanh_f32" => max_abs_error_f32(&|x| one(gelu_tanh_f32, x)),
            "gelu_sigmoid_f32" => max_abs_error_f32(&|x| one(gelu_sigmoid_f32, x)),
            "libm_erfcf_loop" => max_abs_error_f32(&gelu_erfc_f32),
            _ => max_abs_error_f32(&gelu_textbook_erf_f32),
        }
    };
    let timings = f32_timings_at_4096().map_err(|error| FigureError::draw("ch4-pareto", error))?;
    let points: Vec<(String, f64, f64)> =
        timings.iter().map(|&(name, ns)| (name.to_owned(), ns, error_of(name))).collect();
    render_svg("ch4-pareto", |root| {
        let mut chart = chart_builder(
            root,
            "Worst |error| on [-10, 10] against time per element (f32)",
            (1.0..30.0).log_scale(),
            (1e-8..1e-1).log_scale(),
        )?;
        draw_mesh(
            &mut chart,
            ("ns per element (log scale; criterion, 4096 elements, AMD EPYC)", &|v: &f64| format!("{v:.0}")),
            ("max absolute error (log scale)", &power_of_ten),
        )?;
        for (name, ns, error) in &points {
            let color = if name.starts_with("libm") { palette::RELU } else { palette::GELU };
            chart.draw_series([Circle::new((*ns, *error), 5, color.filled())])?;
            // The two libm loops nearly coincide, near the right edge: their labels end just
            // right of the points, one above (for the upper point) and one below (the lower one),
            // each joined to its point by a thin line; the kernels' labels follow their points.
            let (label, at, anchor) = match name.as_str() {
                "libm_erff_loop" => {
                    ("libm erff loop (textbook 1 + erf form)", (16.0, error * 5.0), HPos::Right)
                }
                "libm_erfcf_loop" => ("libm erfcf loop (erfc form)", (16.0, error * 0.2), HPos::Right),
                _ => (name.as_str(), (ns * 1.06, error * 1.6), HPos::Left),
            };
            let style = house_style::label_font().pos(Pos::new(anchor, VPos::Center));
            chart.draw_series([Text::new(label.to_owned(), at, style)])?;
            if matches!(anchor, HPos::Right) {
                let toward_label = if at.1 > *error { 1.5 } else { 1.0 / 1.5 };
                let leader = [(*ns, error * toward_label), (*ns, at.1 / toward_label.sqrt())];
                chart.draw_series([PathElement::new(leader, INK.mix(0.7).stroke_width(1))])?;
            }
        }
        Ok(())
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

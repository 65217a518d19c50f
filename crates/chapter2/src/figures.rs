//! The chapter's figures, drawn from the chapter's own functions with fixed seeds.
//!
//! `cargo course figures` writes them to `book/figures/`; the test at the bottom fails when a
//! committed file differs from what this code draws now.

use house_style::{
    Figure, FigureError, INK, chart_builder, draw_legend, draw_mesh, grid, legend_dashes, legend_stroke,
    one_decimal, palette, render_svg, whole_number,
};
use plotters::chart::SeriesLabelPosition;
use plotters::element::{Circle, PathElement};
use plotters::prelude::{DashedLineSeries, LineSeries};
use plotters::style::{Color, ShapeStyle};

use crate::experiments::{
    DYING_BATCH, DYING_FAN_IN, DYING_UNITS, GATES_RATE, dying_layer_and_batch, dying_shifts, gate_outputs,
    measured_dead_fractions,
};
use crate::{Elu, dead_probability, relu, relu_derivative};

/// The second, smaller ELU `alpha` of the ReLU/ELU figure, whose derivative jumps at 0.
pub const RELU_ELU_SECOND_ALPHA: f64 = 0.5;

/// All figures of chapter 2, in the order the page shows them: `ch2-gates`, `ch2-relu-elu`,
/// `ch2-dying-relu`. An error names the figure that could not be drawn.
///
/// ```
/// let names: Vec<String> = chapter2::figures::all()?.into_iter().map(|f| f.name).collect();
/// assert_eq!(names, ["ch2-gates", "ch2-relu-elu", "ch2-dying-relu"]);
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn all() -> Result<Vec<Figure>, FigureError> {
    Ok(vec![gates_figure()?, relu_elu_figure()?, dying_relu_figure()?])
}

/// `ch2-gates`: the same inputs through dropout's gate and ReLU's gate, side by side.
fn gates_figure() -> Result<Figure, FigureError> {
    let outputs = gate_outputs();
    render_svg("ch2-gates", |root| {
        let panels = root.split_evenly((1, 2));
        let sides = [
            ("Dropout: keep with probability 1 - p", palette::DROPOUT, 1),
            ("ReLU: keep exactly when x > 0", palette::RELU, 2),
        ];
        for (panel, (caption, colour, column)) in panels.iter().zip(sides) {
            let mut chart = chart_builder(panel, caption, -3.2..3.2, -3.2..3.2)?;
            draw_mesh(&mut chart, ("input x", &whole_number), ("output y = x m", &one_decimal))?;
            let points = outputs
                .iter()
                .map(|&(x, dropped, rectified)| (x, if column == 1 { dropped } else { rectified }));
            chart
                .draw_series(points.map(|point| Circle::new(point, 3, colour.filled())))?
                .label("one pass: x m")
                .legend(move |(x, y)| Circle::new((x + 8, y), 3, colour.filled()));
            // The average on top of the dots: for ReLU it hides nothing, because it is every pass.
            let mean: Vec<(f64, f64)> = grid(-3.0, 3.0, 60)
                .into_iter()
                .map(|x| (x, if column == 1 { (1.0 - GATES_RATE) * x } else { relu(x) }))
                .collect();
            chart
                .draw_series(DashedLineSeries::new(mean, 6, 4, palette::REFERENCE.stroke_width(2)))?
                .label("average: x g(x)")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], palette::REFERENCE.stroke_width(2)));
            // Both panels leave the lower right quadrant (x > 0, y < 0) empty.
            draw_legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        }
        Ok(())
    })
}

/// `ch2-relu-elu`: ReLU and the ELUs with alpha = 1 and alpha = 0.5 on the left, their
/// derivatives on the right.
///
/// Each curve has its own colour and stroke (ReLU solid, ELU alpha = 1 dashed, ELU alpha = 0.5
/// dotted), since on `x > 0` all three lie on one line. A derivative that jumps at 0 is drawn
/// as two pieces, with a filled dot at the value it takes at 0 and an open dot at the other end.
fn relu_elu_figure() -> Result<Figure, FigureError> {
    let elu = Elu::ALPHA_ONE;
    let shallow =
        Elu::new(RELU_ELU_SECOND_ALPHA).map_err(|error| FigureError::draw("ch2-relu-elu", error))?;
    let relu_style = palette::RELU.stroke_width(3);
    let (elu_style, elu_dash, elu_gap) = (palette::ELU.stroke_width(3), 8, 4);
    let (shallow_style, shallow_dash, shallow_gap) = (palette::ELU_SMALL_ALPHA.stroke_width(2), 3, 3);
    let xs: Vec<f64> = grid(-4.0, 3.0, 280);
    render_svg("ch2-relu-elu", |root| {
        let panels = root.split_evenly((1, 2));

        let mut chart = chart_builder(&panels[0], "Functions", -4.0..3.0, -1.5..3.0)?;
        draw_mesh(&mut chart, ("x", &whole_number), ("f(x)", &one_decimal))?;
        chart
            .draw_series(LineSeries::new(xs.iter().map(|&x| (x, relu(x))), relu_style))?
            .label("ReLU(x) = max(x, 0)")
            .legend(legend_stroke(relu_style));
        chart
            .draw_series(DashedLineSeries::new(
                xs.iter().map(|&x| (x, elu.value(x))),
                elu_dash,
                elu_gap,
                elu_style,
            ))?
            .label("ELU(x), alpha = 1")
            .legend(legend_dashes(elu_style, elu_dash, elu_gap));
        chart
            .draw_series(DashedLineSeries::new(
                xs.iter().map(|&x| (x, shallow.value(x))),
                shallow_dash,
                shallow_gap,
                shallow_style,
            ))?
            .label("ELU(x), alpha = 0.5")
            .legend(legend_dashes(shallow_style, shallow_dash, shallow_gap));
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;

        // Up to 1.6, so the legend clears the three derivatives' common value 1 on x > 0.
        let mut chart = chart_builder(&panels[1], "Derivatives", -4.0..3.0, -0.2..1.6)?;
        draw_mesh(&mut chart, ("x", &whole_number), ("f'(x)", &one_decimal))?;
        // ReLU' jumps at 0 from 0 to 1: its two flat pieces separately, a filled dot for the
        // value the convention picks (0) and an open one for the value it does not take (1).
        let left = xs.iter().filter(|&&x| x <= 0.0).map(|&x| (x, relu_derivative(x)));
        let right = std::iter::once((0.0, 1.0))
            .chain(xs.iter().filter(|&&x| x > 0.0).map(|&x| (x, relu_derivative(x))));
        chart
            .draw_series(LineSeries::new(left, relu_style))?
            .label("ReLU'(x), with ReLU'(0) = 0")
            .legend(legend_stroke(relu_style));
        chart.draw_series(LineSeries::new(right, relu_style))?;
        chart
            .draw_series(DashedLineSeries::new(
                xs.iter().map(|&x| (x, elu.derivative(x))),
                elu_dash,
                elu_gap,
                elu_style,
            ))?
            .label("ELU'(x), alpha = 1")
            .legend(legend_dashes(elu_style, elu_dash, elu_gap));
        // alpha = 0.5: the slope jumps from 0.5 (its value at 0) to 1, like ReLU's from 0 to 1.
        let shallow_left = xs.iter().filter(|&&x| x <= 0.0).map(|&x| (x, shallow.derivative(x)));
        let shallow_right = std::iter::once((0.0, 1.0))
            .chain(xs.iter().filter(|&&x| x > 0.0).map(|&x| (x, shallow.derivative(x))));
        chart
            .draw_series(DashedLineSeries::new(shallow_left, shallow_dash, shallow_gap, shallow_style))?
            .label("ELU'(x), alpha = 0.5")
            .legend(legend_dashes(shallow_style, shallow_dash, shallow_gap));
        chart.draw_series(DashedLineSeries::new(shallow_right, shallow_dash, shallow_gap, shallow_style))?;
        // The dots on top of the lines. Both open dots are at (0, 1): ReLU's small and orange,
        // alpha = 0.5's a larger ring around it.
        let shallow_at_zero = shallow.derivative(0.0);
        chart.draw_series([
            Circle::new((0.0, relu_derivative(0.0)), 5, palette::RELU.filled()),
            Circle::new((0.0, 1.0), 5, ShapeStyle::from(palette::RELU).stroke_width(2)),
            Circle::new((0.0, shallow_at_zero), 5, palette::ELU_SMALL_ALPHA.filled()),
            Circle::new((0.0, 1.0), 9, ShapeStyle::from(palette::ELU_SMALL_ALPHA).stroke_width(2)),
        ])?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)
    })
}

/// `ch2-dying-relu`: measured dead fraction against the bias shift, with the theory.
fn dying_relu_figure() -> Result<Figure, FigureError> {
    let name = "ch2-dying-relu";
    let shifts = dying_shifts();
    let measured = measured_dead_fractions(&shifts).map_err(|error| FigureError::draw(name, error))?;
    let norms = dying_layer_and_batch().map_err(|error| FigureError::draw(name, error))?.0.weight_norms();
    let fine: Vec<f64> = grid(-6.0, 1.0, 140);
    let given_weights: Vec<(f64, f64)> = fine
        .iter()
        .map(|&b| (b, crate::expected_dead_fraction(&norms, b, DYING_BATCH).unwrap_or(f64::NAN)))
        .collect();
    let typical_norm: Vec<(f64, f64)> =
        fine.iter().map(|&b| (b, dead_probability(b, std::f64::consts::SQRT_2, DYING_BATCH))).collect();

    render_svg(name, |root| {
        let caption = format!(
            "Dead units: {DYING_UNITS} He-initialised units, fan-in {DYING_FAN_IN}, batch of {DYING_BATCH}"
        );
        let mut chart = chart_builder(root, &caption, -6.0..1.0, 0.0..1.05)?;
        draw_mesh(
            &mut chart,
            ("bias shift b", &one_decimal),
            ("fraction dead on the whole batch", &one_decimal),
        )?;
        chart
            .draw_series(LineSeries::new(given_weights, palette::REFERENCE.stroke_width(2)))?
            .label("theory: mean over units of Φ(-b/|w|)^N")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], palette::REFERENCE.stroke_width(2)));
        chart
            .draw_series(DashedLineSeries::new(typical_norm, 6, 4, INK.stroke_width(2)))?
            .label("theory with every |w| = √2: Φ(-b/√2)^N")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], INK.stroke_width(2)));
        chart
            .draw_series(
                shifts
                    .iter()
                    .zip(&measured)
                    .map(|(&b, &f)| Circle::new((b, f), 4, palette::MEASURED.filled())),
            )?
            .label("measured")
            .legend(|(x, y)| Circle::new((x + 8, y), 4, palette::MEASURED.filled()));
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)
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

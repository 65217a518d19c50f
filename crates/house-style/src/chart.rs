//! The house mesh and legend, applied the same way to every chart.

use std::error::Error;

use plotters::chart::{ChartContext, SeriesLabelPosition};
use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::element::{DashedPathElement, PathElement};
use plotters::prelude::{ChartBuilder, DrawingArea, SVGBackend};
use plotters::style::{Color, RGBColor, ShapeStyle, TRANSPARENT};

use crate::{INK, caption_font, label_font, tick_font};

/// A 2-D chart drawn into an SVG string.
pub type SvgChart<'a, 'b, X, Y> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>;

/// Writes one tick label.
pub type TickFormat<'f, T> = &'f dyn Fn(&T) -> String;

/// What drawing returns: plotters' errors, boxed.
pub type DrawResult<T> = Result<T, Box<dyn Error>>;

/// A chart with the house caption, margins and label areas on `root`, over the given ranges.
pub fn chart_builder<'a, 'b, X, Y>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    caption: &str,
    x_range: X,
    y_range: Y,
) -> DrawResult<SvgChart<'a, 'b, X::CoordDescType, Y::CoordDescType>>
where
    X: AsRangedCoord,
    Y: AsRangedCoord,
{
    Ok(ChartBuilder::on(root)
        .caption(caption, caption_font())
        .margin(14)
        .margin_right(34)
        .x_label_area_size(52)
        .y_label_area_size(64)
        .build_cartesian_2d(x_range, y_range)?)
}

/// Draws the house mesh (INK axes and labels, faint grid) with axis descriptions; tick labels
/// are written by `x_format` and `y_format` (for example [`whole_number`]).
pub fn draw_mesh<X, Y>(
    chart: &mut SvgChart<'_, '_, X, Y>,
    x_axis: (&str, TickFormat<'_, X::ValueType>),
    y_axis: (&str, TickFormat<'_, Y::ValueType>),
) -> DrawResult<()>
where
    X: Ranged + ValueFormatter<X::ValueType>,
    Y: Ranged + ValueFormatter<Y::ValueType>,
{
    draw_mesh_with_x_labels(chart, DEFAULT_X_LABELS, x_axis, y_axis)
}

/// How many x tick labels [`draw_mesh`] asks plotters for (plotters' own default).
pub const DEFAULT_X_LABELS: usize = 11;

/// [`draw_mesh`] with at most about `x_labels` tick labels on the x axis, for axes whose labels
/// would otherwise run into each other.
pub fn draw_mesh_with_x_labels<X, Y>(
    chart: &mut SvgChart<'_, '_, X, Y>,
    x_labels: usize,
    (x_desc, x_format): (&str, TickFormat<'_, X::ValueType>),
    (y_desc, y_format): (&str, TickFormat<'_, Y::ValueType>),
) -> DrawResult<()>
where
    X: Ranged + ValueFormatter<X::ValueType>,
    Y: Ranged + ValueFormatter<Y::ValueType>,
{
    chart
        .configure_mesh()
        .x_labels(x_labels)
        .axis_style(INK)
        .bold_line_style(INK.mix(0.25))
        .light_line_style(INK.mix(0.08))
        .label_style(tick_font())
        .axis_desc_style(label_font())
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_label_formatter(x_format)
        .y_label_formatter(y_format)
        .draw()?;
    Ok(())
}

/// Draws the legend of the labelled series at `position`, with a transparent background.
pub fn draw_legend<'a, 'b: 'a, X: Ranged, Y: Ranged>(
    chart: &mut SvgChart<'a, 'b, X, Y>,
    position: SeriesLabelPosition,
) -> DrawResult<()> {
    chart
        .configure_series_labels()
        .position(position)
        .label_font(label_font())
        .background_style(TRANSPARENT)
        .border_style(INK.mix(0.5))
        .draw()?;
    Ok(())
}

/// A legend position whose upper left corner is at the data point `at`, for a legend that must
/// sit in one particular empty region of the plot.
pub fn legend_at<X: Ranged, Y: Ranged>(
    chart: &SvgChart<'_, '_, X, Y>,
    at: &(X::ValueType, Y::ValueType),
) -> SeriesLabelPosition {
    let (x, y) = chart.backend_coord(at);
    let (left, top) = chart.plotting_area().get_base_pixel();
    SeriesLabelPosition::Coordinate(x - left, y - top)
}

/// A tick label with no decimals: `2000`, not `2000.0`.
pub fn whole_number(value: &f64) -> String {
    format!("{value:.0}")
}

/// A tick label with one decimal: `0.5`.
pub fn one_decimal(value: &f64) -> String {
    format!("{value:.1}")
}

/// A tick label as a power of ten: `1e-5`.
pub fn power_of_ten(value: &f64) -> String {
    format!("{value:.0e}")
}

/// The legend marker of a line series: a short stroke in `color`, as wide as the house lines.
pub fn legend_line(color: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new([(x, y), (x + 16, y)], color.stroke_width(2))
}

/// The legend marker of a line drawn in `style`: a short stroke, as long as [`legend_line`]'s.
pub fn legend_stroke(style: ShapeStyle) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new([(x, y), (x + 16, y)], style)
}

/// The legend marker of a dashed series (`DashedLineSeries::new(points, dash, gap, style)`): a
/// short dashed stroke with the series' dash and gap lengths, so a reader can tell which entry
/// is the dashed line.
pub fn legend_dashes(
    style: ShapeStyle,
    dash: u32,
    gap: u32,
) -> impl Fn((i32, i32)) -> DashedPathElement<std::array::IntoIter<(i32, i32), 2>, u32> {
    move |(x, y)| DashedPathElement::new([(x, y), (x + 16, y)], dash, gap, style)
}

/// `steps + 1` inputs from `start` to `end` in equal steps, both ends included.
pub fn grid(start: f64, end: f64, steps: usize) -> Vec<f64> {
    (0..=steps).map(|i| start + (end - start) * i as f64 / steps as f64).collect()
}

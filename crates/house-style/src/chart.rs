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

/// A 2-D chart drawn into an SVG string: what [`chart_builder`] returns.
///
/// ```
/// use house_style::{DrawResult, SvgChart, chart_builder, render_svg};
/// use plotters::coord::types::RangedCoordf64;
///
/// fn top_right(chart: &SvgChart<'_, '_, RangedCoordf64, RangedCoordf64>) -> (i32, i32) {
///     chart.backend_coord(&(1.0, 1.0))
/// }
/// let mut corner = (0, 0);
/// render_svg("x", |root| {
///     let chart = chart_builder(root, "A chart", 0.0..1.0, 0.0..1.0)?;
///     corner = top_right(&chart);
///     DrawResult::Ok(())
/// })?;
/// // The plot's top right corner lies strictly inside the 720 x 420 canvas: margins surround it.
/// assert!(0 < corner.0 && corner.0 < 720 && 0 < corner.1 && corner.1 < 420, "{corner:?}");
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub type SvgChart<'a, 'b, X, Y> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>;

/// Writes one tick label, as [`draw_mesh`] takes it: [`whole_number`], [`one_decimal`],
/// [`power_of_ten`] or any closure.
///
/// ```
/// use house_style::{TickFormat, one_decimal};
/// let percent = |value: &f64| format!("{:.0}%", value * 100.0);
/// let formats: [TickFormat<'_, f64>; 2] = [&one_decimal, &percent];
/// let labels: Vec<String> = formats.iter().map(|format| format(&0.25)).collect();
/// assert_eq!(labels, ["0.2", "25%"]);
/// ```
pub type TickFormat<'f, T> = &'f dyn Fn(&T) -> String;

/// What drawing returns: plotters' errors, boxed. [`render_svg`](crate::render_svg) turns such an
/// error into [`FigureError::Draw`](crate::FigureError::Draw) naming the figure.
///
/// ```
/// use house_style::{DrawResult, FigureError, render_svg};
/// let failed: DrawResult<()> = Err("no data".into());
/// let error = render_svg("ch0-empty", |_| failed).unwrap_err();
/// assert!(matches!(&error, FigureError::Draw { name, message } if name == "ch0-empty" && message == "no data"));
/// ```
pub type DrawResult<T> = Result<T, Box<dyn Error>>;

/// A chart with the house caption, margins and label areas on `root`, over the given ranges.
///
/// The ranges are taken as given: an empty or reversed range is not an error. Errors are
/// plotters' (boxed), which the SVG backend does not raise in practice. The caption must not be
/// empty or contain a `$`: plotters would draw it, but [`render_svg`](crate::render_svg) then
/// fails with [`FigureError::Draw`](crate::FigureError::Draw) (see
/// [`inline_problem`](crate::inline_problem)).
///
/// ```
/// use house_style::{FigureError, chart_builder, render_svg};
/// let figure = render_svg("x", |root| {
///     chart_builder(root, "Keep probability", -3.0..3.0, 0.0..1.0)?;
///     Ok(())
/// })?;
/// assert!(figure.svg.contains(">\nKeep probability\n</text>"), "{}", figure.svg);
///
/// let with_dollar = render_svg("x", |root| {
///     chart_builder(root, "$5", -3.0..3.0, 0.0..1.0)?;
///     Ok(())
/// });
/// assert!(matches!(with_dollar, Err(FigureError::Draw { .. })));
/// # Ok::<(), FigureError>(())
/// ```
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
///
/// Errors are plotters' (boxed). An empty axis description is drawn as an empty text label,
/// which makes [`render_svg`](crate::render_svg) fail with
/// [`FigureError::Draw`](crate::FigureError::Draw).
///
/// ```
/// use house_style::{chart_builder, draw_mesh, one_decimal, render_svg, whole_number};
/// let figure = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Counts", 0.0..2000.0, 0.0..1.0)?;
///     draw_mesh(&mut chart, ("masks", &whole_number), ("share", &one_decimal))?;
///     Ok(())
/// })?;
/// assert!(figure.svg.contains(">\nmasks\n</text>"));
/// assert!(figure.svg.contains(">\n2000\n</text>") && !figure.svg.contains("2000.0"));
/// assert!(figure.svg.contains(">\n0.5\n</text>"));
///
/// let undescribed = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Counts", 0.0..2000.0, 0.0..1.0)?;
///     draw_mesh(&mut chart, ("", &whole_number), ("share", &one_decimal))?;
///     Ok(())
/// });
/// assert!(matches!(undescribed, Err(house_style::FigureError::Draw { .. })));
/// # Ok::<(), house_style::FigureError>(())
/// ```
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
///
/// `x_labels = 0` draws no x tick labels; errors are as for [`draw_mesh`].
///
/// ```
/// use house_style::{chart_builder, draw_mesh_with_x_labels, render_svg, whole_number};
/// let x_ticks = |x_labels: usize| -> Result<usize, house_style::FigureError> {
///     let figure = render_svg("x", |root| {
///         let mut chart = chart_builder(root, "Ticks", 0.0..100.0, 0.0..1.0)?;
///         draw_mesh_with_x_labels(&mut chart, x_labels, ("n", &whole_number), ("y", &|_| "y".into()))?;
///         Ok(())
///     })?;
///     // Every text but the caption, the axis descriptions and the y labels is an x label.
///     Ok(figure.svg.matches("<text").count() - figure.svg.matches(">\ny\n</text>").count() - 2)
/// };
/// assert!(x_ticks(3)? < x_ticks(11)?);
/// assert_eq!(x_ticks(0)?, 0);
/// # Ok::<(), house_style::FigureError>(())
/// ```
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
    draw_mesh_with_label_counts(chart, (x_labels, DEFAULT_Y_LABELS), (x_desc, x_format), (y_desc, y_format))
}

/// How many y tick labels [`draw_mesh`] asks plotters for (plotters' own default).
pub const DEFAULT_Y_LABELS: usize = 11;

/// [`draw_mesh`] with at most about `x_labels` and `y_labels` tick labels: 0 draws none on that
/// axis, for a chart that writes its own (the rows of a dot plot, say). Errors are as for
/// [`draw_mesh`].
///
/// ```
/// use house_style::{chart_builder, draw_mesh_with_label_counts, render_svg, whole_number};
/// let figure = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Rows", 0.0..10.0, 0.0..3.0)?;
///     draw_mesh_with_label_counts(&mut chart, (5, 0), ("n", &whole_number), ("row", &|_| "never".into()))?;
///     Ok(())
/// })?;
/// assert!(!figure.svg.contains("never") && figure.svg.contains(">\nrow\n</text>"));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn draw_mesh_with_label_counts<X, Y>(
    chart: &mut SvgChart<'_, '_, X, Y>,
    (x_labels, y_labels): (usize, usize),
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
        .y_labels(y_labels)
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
///
/// A chart without labelled series gets an empty legend (a bare border); errors are plotters'
/// (boxed).
///
/// ```
/// use house_style::{chart_builder, draw_legend, legend_line, palette, render_svg};
/// use plotters::chart::SeriesLabelPosition;
/// use plotters::prelude::LineSeries;
/// let figure = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Gates", -3.0..3.0, 0.0..1.0)?;
///     chart
///         .draw_series(LineSeries::new([(-3.0, 0.0), (3.0, 1.0)], palette::GELU))?
///         .label("GELU")
///         .legend(legend_line(palette::GELU));
///     draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
///     Ok(())
/// })?;
/// assert!(figure.svg.contains(">\nGELU\n</text>"));
/// // The legend box is a border only: no background fill hides the curves behind it.
/// assert_eq!(figure.svg.matches("<rect").count(), 1);
/// assert!(figure.svg.contains(r#"fill="none" stroke="currentColor"/>"#), "{}", figure.svg);
/// # Ok::<(), house_style::FigureError>(())
/// ```
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
///
/// The position is not clamped: a point outside the chart's ranges gives a legend outside the
/// plotting area (possibly off the canvas).
///
/// ```
/// use house_style::{chart_builder, legend_at, render_svg};
/// use plotters::chart::SeriesLabelPosition;
/// let mut positions = Vec::new();
/// render_svg("x", |root| {
///     let chart = chart_builder(root, "Legend", 0.0..1.0, 0.0..1.0)?;
///     positions.push(legend_at(&chart, &(0.0, 1.0)));
///     positions.push(legend_at(&chart, &(0.5, 0.5)));
///     Ok(())
/// })?;
/// // (0, 1) is the plotting area's upper left corner; (0.5, 0.5) is right of and below it.
/// assert!(matches!(positions[0], SeriesLabelPosition::Coordinate(0, 0)));
/// assert!(matches!(positions[1], SeriesLabelPosition::Coordinate(x, y) if x > 0 && y > 0));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn legend_at<X: Ranged, Y: Ranged>(
    chart: &SvgChart<'_, '_, X, Y>,
    at: &(X::ValueType, Y::ValueType),
) -> SeriesLabelPosition {
    let (x, y) = chart.backend_coord(at);
    let (left, top) = chart.plotting_area().get_base_pixel();
    SeriesLabelPosition::Coordinate(x - left, y - top)
}

/// A tick label with no decimals: `2000`, not `2000.0`.
///
/// Rounds to the nearest whole number; NaN and infinities print as `NaN`, `inf`, `-inf`.
///
/// ```
/// use house_style::whole_number;
/// assert_eq!(whole_number(&2000.0), "2000");
/// assert_eq!(whole_number(&0.6), "1");
/// assert_eq!(whole_number(&f64::NAN), "NaN");
/// ```
pub fn whole_number(value: &f64) -> String {
    format!("{value:.0}")
}

/// A tick label with one decimal: `0.5`.
///
/// Rounds to one decimal; NaN and infinities print as `NaN`, `inf`, `-inf`.
///
/// ```
/// use house_style::one_decimal;
/// assert_eq!(one_decimal(&0.5), "0.5");
/// assert_eq!(one_decimal(&-3.0), "-3.0");
/// assert_eq!(one_decimal(&f64::INFINITY), "inf");
/// ```
pub fn one_decimal(value: &f64) -> String {
    format!("{value:.1}")
}

/// A tick label as a power of ten: `1e-5`.
///
/// Meant for the ticks of a log axis, which are powers of ten; any other value keeps its
/// leading digit, rounded (`3e-5`). Zero prints as `0e0`; NaN and infinities as `NaN`, `inf`,
/// `-inf`.
///
/// ```
/// use house_style::power_of_ten;
/// assert_eq!(power_of_ten(&1e-5), "1e-5");
/// assert_eq!(power_of_ten(&1000.0), "1e3");
/// assert_eq!(power_of_ten(&3.2e-5), "3e-5");
/// assert_eq!(power_of_ten(&0.0), "0e0");
/// ```
pub fn power_of_ten(value: &f64) -> String {
    format!("{value:.0e}")
}

/// The legend marker of a line series: a short stroke in `color`, as wide as the house lines.
///
/// ```
/// use house_style::{chart_builder, draw_legend, legend_line, palette, render_svg};
/// use plotters::chart::SeriesLabelPosition;
/// use plotters::prelude::LineSeries;
/// let figure = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Marker", 0.0..1.0, 0.0..1.0)?;
///     chart.draw_series(LineSeries::new([(0.0, 0.0)], palette::RELU))?.label("ReLU").legend(legend_line(palette::RELU));
///     draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
///     Ok(())
/// })?;
/// // The marker: a 16 px polyline in ReLU's colour, 2 px wide.
/// assert!(figure.svg.contains(r##"stroke="#D4701C" stroke-width="2""##), "{}", figure.svg);
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn legend_line(color: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new([(x, y), (x + 16, y)], color.stroke_width(2))
}

/// The legend marker of a line drawn in `style`: a short stroke, as long as [`legend_line`]'s.
///
/// ```
/// use house_style::{chart_builder, draw_legend, legend_stroke, palette, render_svg};
/// use plotters::chart::SeriesLabelPosition;
/// use plotters::prelude::LineSeries;
/// use plotters::style::Color;
/// let thick = palette::GELU.stroke_width(4);
/// let figure = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Marker", 0.0..1.0, 0.0..1.0)?;
///     chart.draw_series(LineSeries::new([(0.0, 0.0)], thick))?.label("GELU").legend(legend_stroke(thick));
///     draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
///     Ok(())
/// })?;
/// assert!(figure.svg.contains(r##"<polyline fill="none" opacity="1" stroke="#2CA05A" stroke-width="4""##));
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn legend_stroke(style: ShapeStyle) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new([(x, y), (x + 16, y)], style)
}

/// The legend marker of a dashed series (`DashedLineSeries::new(points, dash, gap, style)`): a
/// short dashed stroke with the series' dash and gap lengths, so a reader can tell which entry
/// is the dashed line.
///
/// plotters draws the 16 px marker as separate dash segments; `dash = 0` draws no segments
/// (an invisible marker), and a `dash` of 16 or more draws one unbroken stroke.
///
/// ```
/// use house_style::{chart_builder, draw_legend, legend_dashes, palette, render_svg};
/// use plotters::chart::SeriesLabelPosition;
/// use plotters::prelude::DashedLineSeries;
/// use plotters::style::Color;
/// let style = palette::REFERENCE.stroke_width(2);
/// let figure = render_svg("x", |root| {
///     let mut chart = chart_builder(root, "Marker", 0.0..1.0, 0.0..1.0)?;
///     chart
///         // One point draws no line, so the SVG's only strokes in this colour are the marker's.
///         .draw_series(DashedLineSeries::new([(0.5, 0.5)], 4, 3, style))?
///         .label("limit")
///         .legend(legend_dashes(style, 4, 3));
///     draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
///     Ok(())
/// })?;
/// // 4 px dashes with 3 px gaps: the 16 px marker is three separate segments.
/// assert_eq!(figure.svg.matches(r##"stroke="#D9483B""##).count(), 3, "{}", figure.svg);
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn legend_dashes(
    style: ShapeStyle,
    dash: u32,
    gap: u32,
) -> impl Fn((i32, i32)) -> DashedPathElement<std::array::IntoIter<(i32, i32), 2>, u32> {
    move |(x, y)| DashedPathElement::new([(x, y), (x + 16, y)], dash, gap, style)
}

/// `steps + 1` inputs from `start` to `end` in equal steps, both ends included.
///
/// `end < start` gives a decreasing grid. `steps = 0` has no step size and gives `[NaN]`; a NaN
/// or infinite end makes the points NaN or infinite (IEEE 754 arithmetic, no error).
///
/// ```
/// use house_style::grid;
/// assert_eq!(grid(-1.0, 1.0, 4), [-1.0, -0.5, 0.0, 0.5, 1.0]);
/// assert_eq!(grid(1.0, 0.0, 2), [1.0, 0.5, 0.0]);
/// assert!(grid(0.0, 1.0, 0)[0].is_nan());
/// ```
pub fn grid(start: f64, end: f64, steps: usize) -> Vec<f64> {
    (0..=steps).map(|i| start + (end - start) * i as f64 / steps as f64).collect()
}

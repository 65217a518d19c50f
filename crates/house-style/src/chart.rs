//! The house mesh and legend, applied the same way to every chart.

use std::error::Error;

use plotters::chart::{ChartContext, SeriesLabelPosition};
use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::prelude::{ChartBuilder, DrawingArea, SVGBackend};
use plotters::style::{Color, TRANSPARENT};

use crate::{INK, caption_font, label_font, tick_font};

/// A chart with the house caption, margins and label areas on `root`, over the given ranges.
pub fn chart_builder<'a, 'b, X, Y>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    caption: &str,
    x_range: X,
    y_range: Y,
) -> Result<
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<X::CoordDescType, Y::CoordDescType>>,
    Box<dyn Error>,
>
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
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<X, Y>>,
    (x_desc, x_format): (&str, &dyn Fn(&X::ValueType) -> String),
    (y_desc, y_format): (&str, &dyn Fn(&Y::ValueType) -> String),
) -> Result<(), Box<dyn Error>>
where
    X: Ranged + ValueFormatter<X::ValueType>,
    Y: Ranged + ValueFormatter<Y::ValueType>,
{
    chart
        .configure_mesh()
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
    chart: &mut ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>,
    position: SeriesLabelPosition,
) -> Result<(), Box<dyn Error>> {
    chart
        .configure_series_labels()
        .position(position)
        .label_font(label_font())
        .background_style(TRANSPARENT)
        .border_style(INK.mix(0.5))
        .draw()?;
    Ok(())
}

/// A tick label with no decimals: `2000`, not `2000.0`.
pub fn whole_number(value: &f64) -> String {
    format!("{value:.0}")
}

/// A tick label with one decimal: `0.5`.
pub fn one_decimal(value: &f64) -> String {
    format!("{value:.1}")
}

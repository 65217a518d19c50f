//! WCAG 2 contrast between the figures' colours and the book's page colours.
//!
//! The relative luminance of an sRGB colour is `L = 0.2126 R + 0.7152 G + 0.0722 B` over the
//! linearised channels (`c / 12.92` for `c <= 0.04045`, else `((c + 0.055) / 1.055)^2.4`, with
//! `c` in `[0, 1]`); the contrast ratio of two colours is `(L_lighter + 0.05) / (L_darker + 0.05)`,
//! from 1 (same luminance) to 21 (black on white). WCAG 2 asks [`TEXT_MINIMUM`] for text (1.4.3)
//! and [`GRAPHICS_MINIMUM`] for the lines and marks a reader needs to understand a chart (1.4.11).
//!
//! ```
//! use house_style::contrast::{LIGHT, NAVY, contrast_ratio};
//! // mdBook's own text colours are readable on their backgrounds:
//! assert!(contrast_ratio(LIGHT.fg, LIGHT.bg) >= 21.0 - 1e-9);
//! assert!(contrast_ratio(NAVY.fg, NAVY.bg) > 9.0);
//! ```

use plotters::style::RGBColor;

/// Text needs at least this contrast with its background (WCAG 2, 1.4.3, level AA).
pub const TEXT_MINIMUM: f64 = 4.5;
/// Lines and marks of a chart need at least this (WCAG 2, 1.4.11, non-text contrast).
pub const GRAPHICS_MINIMUM: f64 = 3.0;

/// One mdBook theme's page background (`--bg`) and text colour (`--fg`).
///
/// ```
/// use house_style::contrast::{CHECKED_THEMES, TEXT_MINIMUM, Theme, contrast_ratio};
/// let names: Vec<&str> = CHECKED_THEMES.iter().map(|theme: &Theme| theme.name).collect();
/// assert_eq!(names, ["light", "navy"]);
/// // Each theme's own text reads on its own background.
/// assert!(CHECKED_THEMES.iter().all(|theme| contrast_ratio(theme.fg, theme.bg) >= TEXT_MINIMUM));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The theme's class name in mdBook (`light`, `navy`, ...).
    pub name: &'static str,
    /// `--bg`, the page background a figure is drawn on (figures are transparent).
    pub bg: RGBColor,
    /// `--fg`, the page text colour, which an inlined figure's `currentColor` text receives.
    pub fg: RGBColor,
}

// The values below are mdBook 0.5.4's, from crates/mdbook-html/front-end/css/variables.css
// (in a built book: target/book/css/variables-<hash>.css). Colours given there as
// `hsl(...)` are converted to the nearest 8-bit sRGB value; `hsl_values_round_to_these` checks it.

/// `.light { --bg: hsl(0, 0%, 100%); --fg: hsl(0, 0%, 0%); }`, the book's default theme.
pub const LIGHT: Theme =
    Theme { name: "light", bg: RGBColor(0xff, 0xff, 0xff), fg: RGBColor(0x00, 0x00, 0x00) };
/// `.rust { --bg: hsl(60, 9%, 87%); --fg: #262625; }`.
pub const RUST: Theme =
    Theme { name: "rust", bg: RGBColor(0xe1, 0xe1, 0xdb), fg: RGBColor(0x26, 0x26, 0x25) };
/// `.coal { --bg: hsl(200, 7%, 8%); --fg: #98a3ad; }`.
pub const COAL: Theme =
    Theme { name: "coal", bg: RGBColor(0x13, 0x15, 0x16), fg: RGBColor(0x98, 0xa3, 0xad) };
/// `.navy { --bg: hsl(226, 23%, 11%); --fg: #bcbdd0; }`, the book's preferred dark theme.
pub const NAVY: Theme =
    Theme { name: "navy", bg: RGBColor(0x16, 0x19, 0x23), fg: RGBColor(0xbc, 0xbd, 0xd0) };
/// `.ayu { --bg: hsl(210, 25%, 8%); --fg: #c5c5c5; }`.
pub const AYU: Theme = Theme { name: "ayu", bg: RGBColor(0x0f, 0x14, 0x1a), fg: RGBColor(0xc5, 0xc5, 0xc5) };

/// The two themes the book is checked against: its default (`light`) and its preferred dark
/// theme (`navy`, book.toml's `preferred-dark-theme`).
pub const CHECKED_THEMES: [Theme; 2] = [LIGHT, NAVY];
/// All five themes of mdBook's theme menu, for reports.
pub const ALL_THEMES: [Theme; 5] = [LIGHT, RUST, COAL, NAVY, AYU];

/// WCAG 2 relative luminance of an sRGB colour, from 0 (black) to 1 (white).
///
/// ```
/// use plotters::style::RGBColor;
/// use house_style::contrast::relative_luminance;
/// assert_eq!(relative_luminance(RGBColor(0, 0, 0)), 0.0);
/// assert!((relative_luminance(RGBColor(255, 255, 255)) - 1.0).abs() < 1e-12);
/// ```
pub fn relative_luminance(colour: RGBColor) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(colour.0) + 0.7152 * linear(colour.1) + 0.0722 * linear(colour.2)
}

/// WCAG 2 contrast ratio of two colours, in either order: from 1 to 21.
///
/// ```
/// use plotters::style::RGBColor;
/// use house_style::contrast::contrast_ratio;
/// let grey = RGBColor(0x8c, 0x8c, 0x8c);
/// let white = RGBColor(0xff, 0xff, 0xff);
/// assert!((contrast_ratio(grey, white) - 3.36).abs() < 0.01);
/// ```
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Parses `#rrggbb` (either case), as plotters writes colours into an SVG.
///
/// ```
/// use plotters::style::RGBColor;
/// assert_eq!(house_style::contrast::parse_hex("#2F8fd8"), Some(RGBColor(0x2f, 0x8f, 0xd8)));
/// assert_eq!(house_style::contrast::parse_hex("currentColor"), None);
/// ```
pub fn parse_hex(text: &str) -> Option<RGBColor> {
    let digits = text.strip_prefix('#').filter(|d| d.len() == 6 && d.is_ascii())?;
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some(RGBColor(channel(0)?, channel(2)?, channel(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{INK, book_figures_dir, palette};

    /// sRGB from HSL (hue in degrees, saturation and lightness in percent), as CSS converts it.
    fn from_hsl(hue: f64, saturation: f64, lightness: f64) -> RGBColor {
        let (s, l) = (saturation / 100.0, lightness / 100.0);
        let a = s * l.min(1.0 - l);
        let f = |n: f64| {
            let k = (n + hue / 30.0) % 12.0;
            let value = l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0);
            (value * 255.0).round() as u8
        };
        RGBColor(f(0.0), f(8.0), f(4.0))
    }

    #[test]
    fn hsl_values_round_to_these() {
        assert_eq!(from_hsl(0.0, 0.0, 100.0), LIGHT.bg);
        assert_eq!(from_hsl(0.0, 0.0, 0.0), LIGHT.fg);
        assert_eq!(from_hsl(60.0, 9.0, 87.0), RUST.bg);
        assert_eq!(from_hsl(200.0, 7.0, 8.0), COAL.bg);
        assert_eq!(from_hsl(226.0, 23.0, 11.0), NAVY.bg);
        assert_eq!(from_hsl(210.0, 25.0, 8.0), AYU.bg);
    }

    #[test]
    fn the_ratio_matches_published_examples() {
        let white = RGBColor(0xff, 0xff, 0xff);
        assert!((contrast_ratio(RGBColor(0, 0, 0), white) - 21.0).abs() < 1e-9);
        // WebAIM's contrast checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
        assert!((contrast_ratio(RGBColor(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.005);
        assert!(contrast_ratio(RGBColor(0x77, 0x77, 0x77), white) < TEXT_MINIMUM);
    }

    #[test]
    fn no_single_grey_reads_on_both_white_and_navy() {
        // Why figure text is drawn in currentColor rather than one fixed grey.
        let best = (0..=255u8)
            .map(|v| RGBColor(v, v, v))
            .map(|grey| contrast_ratio(grey, LIGHT.bg).min(contrast_ratio(grey, NAVY.bg)))
            .fold(0.0, f64::max);
        assert!(best < TEXT_MINIMUM, "a grey reaches {best:.2}:1 on both");
    }

    #[test]
    fn figure_text_gets_the_theme_text_colour_with_enough_contrast() {
        for theme in ALL_THEMES {
            let ratio = contrast_ratio(theme.fg, theme.bg);
            assert!(ratio >= TEXT_MINIMUM, "{}: --fg on --bg is {ratio:.2}:1", theme.name);
        }
        // Opened on its own, an SVG's currentColor is black, and INK is what it stands for.
        assert_eq!(INK, RGBColor(0, 0, 0));
        assert!(contrast_ratio(INK, LIGHT.bg) >= TEXT_MINIMUM);
    }

    #[test]
    fn every_palette_colour_reads_on_the_light_and_navy_backgrounds() {
        let mut failures = Vec::new();
        for (name, colour) in palette::ALL {
            assert_ne!(colour, INK, "{name} would be rewritten to currentColor");
            for theme in CHECKED_THEMES {
                let ratio = contrast_ratio(colour, theme.bg);
                if ratio < GRAPHICS_MINIMUM {
                    failures.push(format!("{name} on {}: {ratio:.2}:1", theme.name));
                }
            }
        }
        assert!(failures.is_empty(), "below {GRAPHICS_MINIMUM}:1: {failures:?}");
    }

    /// The `fill` and `stroke` values of every tag in `svg`: (tag name, attribute, value).
    fn colour_attributes(svg: &str) -> Vec<(String, String, String)> {
        let mut found = Vec::new();
        for tag in svg.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            let name = tag.split_whitespace().next().unwrap_or("").to_owned();
            for attribute in ["fill", "stroke"] {
                let key = format!(" {attribute}=\"");
                if let Some(start) = tag.find(&key) {
                    let value = &tag[start + key.len()..];
                    let value = &value[..value.find('"').unwrap_or(value.len())];
                    found.push((name.clone(), attribute.to_owned(), value.to_owned()));
                }
            }
        }
        found
    }

    #[test]
    fn committed_figures_use_currentcolor_for_text_and_readable_colours_elsewhere() {
        let mut entries: Vec<_> = std::fs::read_dir(book_figures_dir()).unwrap().flatten().collect();
        entries.sort_by_key(|entry| entry.path());
        let mut problems = std::collections::BTreeSet::new();
        let mut figures = 0;
        for entry in entries.iter().filter(|e| e.path().extension().is_some_and(|x| x == "svg")) {
            figures += 1;
            let file = entry.file_name().to_string_lossy().into_owned();
            let svg = std::fs::read_to_string(entry.path()).unwrap();
            // Text drawn translucent would have less contrast than its colour promises.
            for text in svg.split("<text ").skip(1) {
                if !text[..text.find('>').unwrap_or(text.len())].contains(" opacity=\"1\"") {
                    problems.insert(format!("{file}: a <text> that is not fully opaque"));
                }
            }
            for (tag, attribute, value) in colour_attributes(&svg) {
                if value == "none" || value == "currentColor" {
                    continue;
                }
                let Some(colour) = parse_hex(&value) else {
                    problems.insert(format!("{file}: <{tag} {attribute}=\"{value}\"> is not a colour"));
                    continue;
                };
                let minimum = if tag == "text" { TEXT_MINIMUM } else { GRAPHICS_MINIMUM };
                for theme in CHECKED_THEMES {
                    let ratio = contrast_ratio(colour, theme.bg);
                    if ratio < minimum {
                        problems.insert(format!(
                            "{file}: <{tag} {attribute}=\"{value}\"> is {ratio:.2}:1 on {} (needs {minimum})",
                            theme.name
                        ));
                    }
                }
            }
        }
        assert!(figures > 0, "no figures in {}", book_figures_dir().display());
        let problems: Vec<String> = problems.into_iter().collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

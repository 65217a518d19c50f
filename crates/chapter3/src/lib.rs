//! Chapter 3 of the GELU book: GELU is the expectation of a stochastic gate, and Monte Carlo
//! makes that visible.
//!
//! * [`std_normal_cdf`] (`Phi`) and [`gelu`] (`x Phi(x)`): the exact functions the estimates
//!   converge to; [`std_normal_pdf`] (`phi`), [`gelu_derivative`] (`Phi + x phi`) and
//!   [`GELU_MINIMUM_AT`], GELU's slope and where it vanishes.
//! * [`gelu_gate`] (its coin: [`gelu_gate_keeps`]), [`mc_gelu`], [`gate_variance`]: the gate `x * Bernoulli(Phi(x))`, the plain
//!   estimator of its mean and the variance of one draw.
//! * [`Estimate`]: a mean, its standard error, `n`, and its confidence interval.
//! * [`WordBernoulli`], [`mc_gelu_fast`], [`mc_gelu_binomial`]: the same estimate from fewer random
//!   bits, and from one Binomial draw.
//! * [`convergence`]: error against `n`, with the fitted log-log slope, and interval coverage.
//! * [`figures`]: the chapter's figures.
//! * [`naive`]: the textbook formulas for `Phi` and GELU, kept to measure how wrong they are.
//!
//! These and `naive` are re-exported from the book's numerics crate
//! (`crates/numerics`), where the appendix "How the exact GELU is computed" explains them: the
//! exact functions live in one place, and this chapter teaches what they mean.

pub mod convergence;
mod error;
mod estimate;
mod fast_bernoulli;
mod fast_estimates;
pub mod figures;
mod monte_carlo;

pub use error::McError;
pub use estimate::{Estimate, normal_quantile_two_sided};
pub use fast_bernoulli::WordBernoulli;
pub use fast_estimates::{mc_gelu_binomial, mc_gelu_fast};
pub use monte_carlo::{gate_variance, gelu_gate, gelu_gate_keeps, mc_gelu};
pub use numerics::{GELU_MINIMUM_AT, gelu, gelu_derivative, naive, std_normal_cdf, std_normal_pdf};

// The chapter page runs as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-3-gelu.md")]
mod chapter_page {}

#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-3-solutions.md")]
mod solutions_page {}

//! Chapter 5 of the GELU book: GELU with a learnable mean and scale, `x Phi((x - mu) / sigma)`,
//! the family of CDF gates (the logistic one gives SiLU), and a small network that learns them.
//!
//! * [`GeluMuSigma`]: `x Phi((x - mu) / sigma)` and its [`Partials`], to 1-2 ULP (the argument
//!   `z` carried as a double-double); [`Chapter5Error`], the chapter's error type.
//! * [`std_normal_cdf`], [`std_normal_pdf`]: `Phi` and `phi`, re-exported from the book's numerics
//!   crate (correctly rounded on its reference tables).
//! * [`silu`], [`swish`]: the logistic gate, `x sigmoid(beta x)`, within 2 ULP everywhere
//!   (built on `numerics::x_sigmoid`).
//! * [`GateCdf`] with [`Normal`], [`Logistic`], [`Laplace`], [`Cauchy`], and
//!   [`GatedActivation`]: `x F((x - mu) / s)` and its derivatives for any CDF.
//! * [`hard_gate_limit`], [`wide_gate_limit`], [`relu_gap_constant`], [`sup_distance_to_relu`],
//!   [`sup_distance_to_half`], [`half_line_gap`]: the limits `s -> 0` (ReLU) and `s -> inf`
//!   (`x / 2`), and how fast they are approached.
//! * [`gate_moments`], [`monte_carlo_moments`], [`Moments::gain`]: `E[g(Z)]`, `E[g(Z)^2]` and the
//!   He-style initialisation gain of a gate.
//! * [`network`]: a small multilayer perceptron (dense layers, every activation of chapters 2-5,
//!   learnable `(mu, sigma)` GELU layers, dropout, softmax cross-entropy, SGD and Adam), generic
//!   over `f32` and `f64`, that chapters 5 and 6 train.
//! * [`learning`]: the chapter's experiment, fixed GELU against learnable `(mu, sigma)` on the
//!   two spirals over several seeds: accuracies, paired differences, `mu` and `sigma` epoch by
//!   epoch.
//! * [`figures`]: the chapter's figures; [`tables`]: its committed benchmark and results tables;
//!   [`explorer`]: the curves of the book's explorer page, `book/data/explorer/curves.js`.

// GELU with a learnable mean and scale, and the chapter's error type.
mod error;
mod gelu_mu_sigma;
pub use error::Chapter5Error;
pub use gelu_mu_sigma::{GeluMuSigma, Partials};

// The CDF family of gates, SiLU and the limits (branch ch5-family).
mod cdf_family;
pub mod explorer;
pub mod figures;
mod limits;
pub mod network;
mod silu;

// The experiment: learning mu and sigma on the two spirals (branch ch5-learning).
pub mod learning;
pub mod tables;

pub use cdf_family::{
    Cauchy, GateCdf, GatedActivation, GatedDerivatives, Laplace, Logistic, Normal, slope_matched_scale,
};
pub use limits::{
    half_line_gap, hard_gate_limit, relu_gap_constant, sup_distance_to_half, sup_distance_to_relu,
    wide_gate_limit,
};
pub use silu::{silu, swish};

// Initialisation: the moments of a gate at a standard normal input.
mod initialisation;
pub use initialisation::{Moments, gate_moments, monte_carlo_moments};

pub use numerics::{std_normal_cdf, std_normal_pdf};

// The chapter page and its solutions page run as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-5-learnable.md")]
mod chapter_page {}

#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-5-solutions.md")]
mod solutions_page {}

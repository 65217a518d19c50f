//! Chapter 5 of the GELU book: GELU with a learnable mean and scale, `x Phi((x - mu) / sigma)`,
//! the family of CDF gates (the logistic one gives SiLU), and a small network that learns them.
//!
//! * [`silu`], [`swish`]: the logistic gate, `x sigmoid(beta x)`, within 2 ULP everywhere
//!   (built on `numerics::x_sigmoid`).
//! * [`GateCdf`] with [`Normal`], [`Logistic`], [`Laplace`], [`Cauchy`], and
//!   [`GatedActivation`]: `x F((x - mu) / s)` and its derivatives for any CDF.
//! * [`hard_gate_limit`], [`wide_gate_limit`], [`relu_gap_constant`], [`sup_distance_to_relu`],
//!   [`sup_distance_to_half`], [`half_line_gap`]: the limits `s -> 0` (ReLU) and `s -> inf`
//!   (`x / 2`), and how fast they are approached.
//! * [`figures`]: the chapter's figures.

// The CDF family of gates, SiLU and the limits (branch ch5-family).
mod cdf_family;
mod family_error;
pub mod figures;
mod limits;
mod silu;

pub use cdf_family::{
    Cauchy, GateCdf, GatedActivation, GatedDerivatives, Laplace, Logistic, Normal, slope_matched_scale,
};
pub use family_error::FamilyError;
pub use limits::{
    half_line_gap, hard_gate_limit, relu_gap_constant, sup_distance_to_half, sup_distance_to_relu,
    wide_gate_limit,
};
pub use silu::{silu, swish};

//! Chapter 2 of the GELU book: ReLU multiplies its input by a 0/1 mask that is computed from the
//! input, with no randomness.
//!
//! * [`relu`], [`relu_mask`], [`relu_derivative`]: `max(x, 0)`, the mask `1[x > 0]` and the
//!   derivative, which is the same mask (with the convention `ReLU'(0) = 0`);
//!   [`relu_in_place`], [`relu_derivative_in_place`]: the slice versions later chapters use.
//! * [`Elu`]: the exponential linear unit, validated `alpha` ([`ActivationError`] otherwise),
//!   its value and derivative, scalar and in place.
//! * [`DenseLayer`], [`standard_normal_batch`], [`dead_units`], [`dead_fraction`],
//!   [`death_thresholds`], [`dead_probability`], [`expected_dead_fraction`]: dying ReLU,
//!   measured on a He-initialised layer and predicted by `Phi(-b/|w|)^N`.
//! * [`sweep`]: the seeded inputs of the property tests (`src/properties.rs`, run by
//!   `cargo test` with the library's unit tests).
//! * [`figures`]: the chapter's figures.
//!
//! Bad input: NaN gives NaN from every activation and derivative; infinities give the limits
//! (`ReLU(-inf) = 0`, `ReLU(+inf) = +inf`, `ELU(-inf) = -alpha`).

mod dying;
mod elu;
mod error;
pub mod experiments;
pub mod figures;
#[cfg(test)]
mod properties;
mod relu;
mod sweep;

pub use dying::{
    DenseLayer, dead_fraction, dead_probability, dead_units, death_thresholds, expected_dead_fraction,
    standard_normal_batch,
};
pub use elu::Elu;
pub use error::ActivationError;
pub use relu::{relu, relu_derivative, relu_derivative_in_place, relu_in_place, relu_mask};
pub use sweep::{AWKWARD, sweep};

// The chapter page runs as doctests of this crate, so every ```rust block in it is compiled and
// run against the code above by `cargo test`.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-2-relu.md")]
mod chapter_page {}

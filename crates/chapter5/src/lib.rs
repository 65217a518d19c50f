//! Chapter 5 of the GELU book: GELU with a learnable mean and scale, `x Phi((x - mu) / sigma)`,
//! the family of CDF gates (the logistic one gives SiLU), and a small network that learns them.
//!
//! * [`GeluMuSigma`]: `x Phi((x - mu) / sigma)` and its [`Partials`], to 1-2 ULP (the argument
//!   `z` carried as a double-double); [`Chapter5Error`], the chapter's error type.
//! * [`std_normal_cdf`], [`std_normal_pdf`]: `Phi` and `phi`, re-exported from the book's numerics
//!   crate (correctly rounded on its reference tables).

// GELU with a learnable mean and scale, and the chapter's error type.
mod error;
mod gelu_mu_sigma;
pub use error::Chapter5Error;
pub use gelu_mu_sigma::{GeluMuSigma, Partials};

pub use numerics::{std_normal_cdf, std_normal_pdf};

// The chapter page and its solutions page run as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-5-learnable.md")]
mod chapter_page {}

#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-5-solutions.md")]
mod solutions_page {}

//! Chapter 5 of the GELU book: GELU with a learnable mean and scale, `x Phi((x - mu) / sigma)`,
//! the family of CDF gates (the logistic one gives SiLU), and a small network that learns them.

// GELU with a learnable mean and scale, and the chapter's error type.
mod error;
mod gelu_mu_sigma;
pub use error::Chapter5Error;
pub use gelu_mu_sigma::{GeluMuSigma, Partials};

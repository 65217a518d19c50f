//! Chapter 5 of the GELU book: GELU with a learnable mean and scale, `x Phi((x - mu) / sigma)`,
//! the family of CDF gates (the logistic one gives SiLU), and a small network that learns them.

pub mod network;

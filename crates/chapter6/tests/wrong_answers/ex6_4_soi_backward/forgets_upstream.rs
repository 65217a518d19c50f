// WRONG ANSWER (kept to prove the exercise test rejects it): Returns dy/dx = m, the mask itself, and forgets to multiply by the upstream gradient dL/dy.
//! Exercise 6.4 (stretch): the backward pass of the SOI map in training.

/// `m` as 0 or 1.
pub fn soi_backward(upstream: &[f64], kept: &[bool]) -> Vec<f64> {
    kept.iter().map(|&keep| if keep { 1.0 } else { 0.0 }).collect()
}

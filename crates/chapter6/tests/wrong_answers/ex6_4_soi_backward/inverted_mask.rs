// WRONG ANSWER (kept to prove the exercise test rejects it): Inverts the mask: passes the gradient through the dropped units and stops it at the kept ones.
//! Exercise 6.4 (stretch): the backward pass of the SOI map in training.

/// `dL/dx = dL/dy (1 - m)`.
pub fn soi_backward(upstream: &[f64], kept: &[bool]) -> Vec<f64> {
    upstream.iter().zip(kept).map(|(&g, &keep)| if keep { 0.0 } else { g }).collect()
}

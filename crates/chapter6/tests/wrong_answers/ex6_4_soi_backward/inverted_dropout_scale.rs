// WRONG ANSWER (kept to prove the exercise test rejects it): Rescales the kept units by 1 / (1 - 0.5) as inverted dropout does: the SOI map outputs x, not 2x, so its gradient is not doubled.
//! Exercise 6.4 (stretch): the backward pass of the SOI map in training.

/// `dL/dx = dL/dy m / (1 - p)` with `p = 0.5`, inverted dropout's backward.
pub fn soi_backward(upstream: &[f64], kept: &[bool]) -> Vec<f64> {
    let scale = 1.0 / (1.0 - 0.5);
    upstream.iter().zip(kept).map(|(&g, &keep)| if keep { g * scale } else { 0.0 }).collect()
}

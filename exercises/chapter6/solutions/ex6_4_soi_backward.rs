//! Exercise 6.4 (stretch): the backward pass of the SOI map in training.
//! The page: book/chapter-6-exercises.md. Run: cargo test -p chapter6 --test exercises

/// The gradient `dL/dx` of the SOI map in training, `y_i = x_i m_i` with the drawn mask
/// `m_i = 1` where `kept[i]` and 0 elsewhere, given `upstream[i] = dL/dy_i`. The mask is a draw,
/// treated as a constant. Slices of one length; returns one value per element.
pub fn soi_backward(upstream: &[f64], kept: &[bool]) -> Vec<f64> {
    // dy_i/dx_i = m_i: a kept unit passes its gradient unchanged (no 1 / (1 - p) rescale: the SOI
    // map keeps x, not x / (1 - p)), a dropped unit passes nothing.
    upstream.iter().zip(kept).map(|(&g, &keep)| if keep { g } else { 0.0 }).collect()
}

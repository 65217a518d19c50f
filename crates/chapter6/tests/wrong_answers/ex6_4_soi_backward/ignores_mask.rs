// WRONG ANSWER (kept to prove the exercise test rejects it): Passes the upstream gradient to every unit, ignoring the mask: the dropped units, whose output is the constant 0, get a gradient too.
//! Exercise 6.4 (stretch): the backward pass of the SOI map in training.

/// `dL/dx = dL/dy` everywhere.
pub fn soi_backward(upstream: &[f64], kept: &[bool]) -> Vec<f64> {
    upstream.to_vec()
}

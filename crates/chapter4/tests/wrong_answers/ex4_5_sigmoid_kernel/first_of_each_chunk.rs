// WRONG ANSWER (kept to prove the exercise test rejects it): Steps LANES elements at a time and handles one element per step.
//! Exercise 4.5: an in-place f32 kernel for the sigmoid form, over a slice of any length.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

const LANES: usize = 16;

/// Replaces every element `x` of `values` by `x sigmoid(1.702 x) = x / (1 + e^(-1.702 x))`.
/// Every element, whatever the slice's length: process whole chunks of `LANES` elements (the loop
/// the compiler can vectorise), then the remainder.
pub fn gelu_sigmoid_slice(values: &mut [f32]) {
    // Steps over the slice LANES at a time but only handles the first element of each chunk.
    let mut i = 0;
    while i < values.len() {
        values[i] = values[i] / (1.0 + (-1.702 * values[i]).exp());
        i += LANES;
    }
}

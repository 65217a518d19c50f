//! Exercise 4.5: an in-place f32 kernel for the sigmoid form, over a slice of any length.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

const LANES: usize = 16;

/// Replaces every element `x` of `values` by `x sigmoid(1.702 x) = x / (1 + e^(-1.702 x))`.
/// Every element, whatever the slice's length: process whole chunks of `LANES` elements (the loop
/// the compiler can vectorise), then the remainder.
pub fn gelu_sigmoid_slice(values: &mut [f32]) {
    let one = |x: f32| x / (1.0 + (-1.702 * x).exp());
    let (chunks, remainder) = values.as_chunks_mut::<LANES>();
    for chunk in chunks {
        for v in chunk.iter_mut() {
            *v = one(*v);
        }
    }
    // The remainder gets the same function, so an element's result does not depend on where it sits.
    for v in remainder {
        *v = one(*v);
    }
}

//! Exercise 4.5: an in-place f32 kernel for the sigmoid form, over a slice of any length.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

const LANES: usize = 16;

/// Replaces every element `x` of `values` by `x sigmoid(1.702 x) = x / (1 + e^(-1.702 x))`.
/// Every element, whatever the slice's length: process whole chunks of `LANES` elements (the loop
/// the compiler can vectorise), then the remainder.
pub fn gelu_sigmoid_slice(values: &mut [f32]) {
    todo!(
        "Exercise 4.5 (exercises/chapter4/ex4_5_sigmoid_kernel.rs): replace every element x by \
         x / (1 + e^(-1.702 x)), chunks of LANES and the remainder"
    )
}

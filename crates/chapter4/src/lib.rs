//! Chapter 4 of the GELU book: the tanh and sigmoid approximations of GELU, and fast `f32`
//! kernels.
//!
//! * [`gelu_tanh`], [`gelu_sigmoid`]: the paper's two approximations in `f64`, each within 2 ULP
//!   of its own formula for every `f64` (no cancellation in the left tail, no lost bits in the
//!   exponential's argument, correct subnormal results).
//!   The double-double arithmetic that makes that possible lives in the book's numerics crate
//!   (`numerics::DoubleDouble`, `numerics::exp_neg`).
//! * [`gelu_exact_f32`], [`gelu_tanh_f32`], [`gelu_sigmoid_f32`]: in-place slice kernels that the
//!   compiler vectorises on stable Rust; the first is within 4 ULP of GELU for every `f32`.
//!   [`gelu_exact_grad_f32`], [`gelu_tanh_grad_f32`], [`gelu_sigmoid_grad_f32`], [`silu_f32`],
//!   [`silu_grad_f32`]: the backward kernels (`gradient *= f'(x)`) and SiLU; [`elu_f32`],
//!   [`elu_grad_f32`]: ELU; [`std_normal_cdf_f32`], [`std_normal_pdf_f32`]: `Phi` and `phi`.
//!   [`KernelPath`]: the instruction set they run on (SSE2, AVX2, AVX-512), chosen at run time,
//!   the same bits on each; `gelu_exact_f32_on` and its siblings force a path.
//! * [`minimax_tanh_cubic`], [`minimax_sigmoid_slope`]: where 0.044715 and 1.702 come from.
//! * [`std_normal_cdf`], [`gelu`]: the exact functions in `f64` (correctly rounded on the
//!   reference table; re-exported from `numerics`), the yardstick everything here is measured
//!   against.
//! * [`benchmark_table`]: the committed criterion timings, read as data.
//! * [`figures`]: the chapter's figures.

mod approximations;
pub mod benchmark_table;
pub mod figures;
mod kernels;
mod minimax;

pub use approximations::{gelu_sigmoid, gelu_tanh};
pub use kernels::{
    KernelError, KernelPath, elu_f32, elu_f32_on, elu_grad_f32, elu_grad_f32_on, gelu_exact_f32,
    gelu_exact_f32_on, gelu_exact_grad_f32, gelu_exact_grad_f32_on, gelu_sigmoid_f32, gelu_sigmoid_f32_on,
    gelu_sigmoid_grad_f32, gelu_sigmoid_grad_f32_on, gelu_tanh_f32, gelu_tanh_f32_on, gelu_tanh_grad_f32,
    gelu_tanh_grad_f32_on, silu_f32, silu_f32_on, silu_grad_f32, silu_grad_f32_on, std_normal_cdf_f32,
    std_normal_cdf_f32_on, std_normal_pdf_f32, std_normal_pdf_f32_on,
};
pub use minimax::{
    golden_section_min, max_abs_error, minimax_sigmoid_slope, minimax_tanh_cubic, sigmoid_phi,
    sigmoid_slope_max_error, tanh_cubic_max_error, tanh_phi,
};
pub use numerics::{gelu, std_normal_cdf};

// The chapter page and its solutions page run as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-4-approximations.md")]
mod chapter_page {}

#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-4-solutions.md")]
mod solutions_page {}

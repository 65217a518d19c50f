//! In-place `f32` kernels: GELU, its two approximations, SiLU and ELU over a whole slice, and
//! their derivatives as backward kernels (`gradient *= f'(x)`); the normal CDF and density.
//!
//! Each kernel applies one branch-free scalar function to every element. "Branch-free" means no
//! `if` that depends on the data decides *which code runs*: every element takes the same path,
//! and a choice between two computed values is a select (`if c { a } else { b }` on plain values,
//! which compiles to a compare, a mask and a blend). The loop body is then the same for all
//! lanes, and LLVM's loop vectoriser turns it into packed SSE2 instructions (`mulps`, `addps`,
//! `divps`, `andps`, `paddd` ...) on the default x86-64 target, without `unsafe` or intrinsics.
//!
//! Three rules make that happen:
//! * no calls into scalar `libm` (a call cannot be vectorised): `exp` is our own polynomial
//!   (on a path without FMA, `f32::mul_add` is such a call, which is why the exact kernels use
//!   `mul_add.rs` there);
//! * bit tricks through `to_bits`/`from_bits` (a no-op in a vector register) instead of
//!   functions such as `f32::round` that have no SSE2 instruction;
//! * a fixed chunk length, so the compiler sees a loop of known trip count.
//!
//! To check that it happened, ask for the assembly and look at the kernel's body:
//!
//! ```text
//! cargo rustc --release -p chapter4 --lib -- --emit asm
//! # then, in target/release/deps/chapter4-*.s, between the label of
//! # gelu_exact_f32 (a mangled name containing it) and the next .Lfunc_end:
//! #   mulps, addps, divps, cmpltps, andps, pslld, psubd : packed, 4 lanes per instruction
//! #   mulss, addss, divss                               : scalar, 1 lane (the remainder loop)
//! #   call                                              : must not appear
//! ```
//!
//! The same source is also compiled for AVX2 (8 lanes, `vmulps` on `ymm` registers) and
//! AVX-512 (16 lanes, `zmm`), and the widest path the CPU has is chosen at run time
//! ([`KernelPath`], `dispatch.rs`), so a default build runs as fast as one made with
//! `-C target-cpu=native`. The results are bit-for-bit the same on every path: Rust never fuses
//! `a * b + c` into an FMA unless asked to, `f32::mul_add` (which the exact kernels ask for)
//! rounds once on every target, and no approximate instruction (`rcpps`, `rsqrtps`) is used.
//! On the portable x86-64 path (no FMA instruction) the exact kernels do their fused operations
//! in packed `f64` with rounding to odd instead (`mul_add.rs`): the same bits, vectorised, and
//! still much slower than one `vfmadd`.

mod dispatch;
mod elu_f32;
mod exact_f32;
mod exact_grad_f32;
mod exp_f32;
mod gaussian_f32;
mod mul_add;
mod normal_f32;
mod sigmoid_f32;
mod silu_f32;
mod tanh_f32;
mod x_sigmoid_f32;
mod x_sigmoid_grad_f32;

pub use dispatch::{KernelError, KernelPath};
pub use elu_f32::{elu_f32, elu_f32_on, elu_grad_f32, elu_grad_f32_on};
pub use exact_f32::{gelu_exact_f32, gelu_exact_f32_on};
pub use exact_grad_f32::{gelu_exact_grad_f32, gelu_exact_grad_f32_on};
pub use normal_f32::{std_normal_cdf_f32, std_normal_cdf_f32_on, std_normal_pdf_f32, std_normal_pdf_f32_on};
pub use sigmoid_f32::{
    gelu_sigmoid_f32, gelu_sigmoid_f32_on, gelu_sigmoid_grad_f32, gelu_sigmoid_grad_f32_on,
};
pub use silu_f32::{silu_f32, silu_f32_on, silu_grad_f32, silu_grad_f32_on};
pub use tanh_f32::{gelu_tanh_f32, gelu_tanh_f32_on, gelu_tanh_grad_f32, gelu_tanh_grad_f32_on};

/// Elements per chunk: 16 `f32` are four SSE2 registers, two AVX2 registers or one AVX-512
/// register, enough independent work to hide the latency of each instruction.
const LANES: usize = 16;

/// Applies `f` to every element of `values`: whole chunks of [`LANES`] elements (the vectorised
/// loop), then the remainder one by one. Both paths call the same `f`, and IEEE 754 arithmetic is
/// deterministic (Rust never fuses `a * b + c` into an FMA on its own), so an element gets the same
/// bits whichever path it takes.
// ANCHOR: map_in_place
#[inline(always)]
fn map_in_place(values: &mut [f32], f: impl Fn(f32) -> f32) {
    let (chunks, remainder) = values.as_chunks_mut::<LANES>();
    for chunk in chunks {
        for v in chunk.iter_mut() {
            *v = f(*v);
        }
    }
    for v in remainder {
        *v = f(*v);
    }
}
// ANCHOR_END: map_in_place

/// Sets `gradient[i] = f(x[i], gradient[i])` for every `i` (slices of equal length, which the
/// caller checks): whole chunks of [`LANES`], then the remainder, as in [`map_in_place`].
#[inline(always)]
fn map_pairs_in_place(x: &[f32], gradient: &mut [f32], f: impl Fn(f32, f32) -> f32) {
    let (x_chunks, x_rest) = x.as_chunks::<LANES>();
    let (g_chunks, g_rest) = gradient.as_chunks_mut::<LANES>();
    for (xs, gs) in x_chunks.iter().zip(g_chunks) {
        for (x, g) in xs.iter().zip(gs.iter_mut()) {
            *g = f(*x, *g);
        }
    }
    for (x, g) in x_rest.iter().zip(g_rest) {
        *g = f(*x, *g);
    }
}

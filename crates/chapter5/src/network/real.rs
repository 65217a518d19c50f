//! The float type a network computes in: `f32` for speed, `f64` for the gradient check.
//!
//! One trait, [`Real`], holds what the network needs from a float: the arithmetic operators, a
//! few functions (`exp`, `ln`, `sqrt`), conversions from and to `f64`, and the matrix product
//! [`Real::gemm`]. The layers, the loss and the optimisers are written once, generic over
//! `T: Real`; only the activation kernels differ between the two types (see
//! [`Activation`](super::Activation)).

use std::fmt::Debug;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ArrayViewMut2, LinalgScalar};

use super::activation::{self, Activation};

/// A float type the network can compute in: implemented for `f32` and `f64` only.
///
/// Every method is the IEEE 754 operation of the type (NaN in, NaN out), except
/// [`Real::gemm`], a matrix product whose shapes the caller guarantees.
///
/// ```
/// use chapter5::network::Real;
/// fn half<T: Real>(x: T) -> T { x * T::from_f64(0.5) }
/// assert_eq!(half(3.0f32), 1.5);
/// assert_eq!(half(3.0f64).to_f64(), 1.5);
/// assert!(f32::from_f64(f64::NAN).is_nan());
/// ```
pub trait Real:
    Copy
    + Debug
    + Default
    + PartialOrd
    + Send
    + Sync
    + Sum
    + LinalgScalar
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + 'static
{
    /// Whether [`Real::gemm`] uses `matrixmultiply` (`f32`: fast) or the plain loops
    /// [`gemm_plain`] (`f64`: the same bits on every CPU; `matrixmultiply` picks an FMA or a
    /// non-FMA kernel at run time, and the `f64` path trains the networks behind chapter 5's
    /// figures, which must come out byte-identical on every machine).
    const FAST_GEMM: bool;

    /// `x` rounded to this type (to nearest; `f64 -> f64` is the identity).
    fn from_f64(x: f64) -> Self;
    /// The value as an `f64` (exact).
    fn to_f64(self) -> f64;
    /// `e^x`.
    fn exp(self) -> Self;
    /// The natural logarithm.
    fn ln(self) -> Self;
    /// The square root.
    fn sqrt(self) -> Self;
    /// `true` unless NaN or infinite.
    fn is_finite(self) -> bool;
    /// `true` for NaN.
    fn is_nan(self) -> bool;

    /// `out = f(z)` element by element, for every activation without learnable parameters
    /// (the learnable GELU is applied by its layer). `out.len() == z.len()`.
    fn activate(activation: Activation, z: &[Self], out: &mut [Self]);

    /// `slope = f'(z)` element by element, given `z` and `a = f(z)` from the forward pass
    /// (some slopes are cheapest from `a`). All three slices have one length.
    fn activation_slope(activation: Activation, z: &[Self], a: &[Self], slope: &mut [Self]);

    /// `true` if the layers should use the vectorised kernels ([`Real::normal_cdf`],
    /// [`Real::normal_pdf`] on whole slices) rather than the exact scalar functions of
    /// `chapter5` (`f32`: speed; `f64`: the accuracy the gradient check and the figures need).
    const VECTOR_KERNELS: bool;

    /// `out = Phi(z)` element by element: `chapter4::std_normal_cdf_f32` for `f32` (within 4
    /// ULP), `numerics::std_normal_cdf` for `f64`. `out.len() == z.len()`.
    fn normal_cdf(z: &[Self], out: &mut [Self]);

    /// `out = phi(z)` element by element: `chapter4::std_normal_pdf_f32` for `f32`,
    /// `numerics::std_normal_pdf` for `f64`. `out.len() == z.len()`.
    fn normal_pdf(z: &[Self], out: &mut [Self]);

    /// `C = op(A) op(B) + beta C`, with `C` an `m x n` row-major matrix, `op(A)` `m x k` and
    /// `op(B)` `k x n`. `op(A) = A` reads `a` as `m x k` row-major; with `a_transposed` it reads
    /// `a` as `k x m` row-major and uses its transpose (likewise `b`). With [`Real::FAST_GEMM`],
    /// computed by ndarray's `general_mat_mul`, which calls `matrixmultiply` (AVX2/FMA kernels
    /// chosen at run time); otherwise by [`gemm_plain`].
    ///
    /// The caller guarantees the slice lengths (`m k`, `k n`, `m n`); a wrong one panics (an
    /// internal invariant of the network, never reachable from user input).
    ///
    /// ```
    /// use chapter5::network::Real;
    /// // [1 2; 3 4] [1; 1] = [3; 7], and with the first matrix transposed: [4; 6].
    /// let mut c = [0.0f32; 2];
    /// f32::gemm(2, 2, 1, &[1.0, 2.0, 3.0, 4.0], false, &[1.0, 1.0], false, 0.0, &mut c);
    /// assert_eq!(c, [3.0, 7.0]);
    /// f32::gemm(2, 2, 1, &[1.0, 2.0, 3.0, 4.0], true, &[1.0, 1.0], false, 0.0, &mut c);
    /// assert_eq!(c, [4.0, 6.0]);
    /// ```
    #[allow(clippy::too_many_arguments)]
    fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: &[Self],
        a_transposed: bool,
        b: &[Self],
        b_transposed: bool,
        beta: Self,
        c: &mut [Self],
    ) {
        if !Self::FAST_GEMM {
            return gemm_plain(m, k, n, a, a_transposed, b, b_transposed, beta, c);
        }
        let a = view(a, m, k, a_transposed);
        let b = view(b, k, n, b_transposed);
        let mut c = ArrayViewMut2::from_shape((m, n), c).expect("C is m x n");
        general_mat_mul(Self::one(), &a, &b, beta, &mut c);
    }
}

/// The `rows x cols` matrix stored in `data`: row-major, or (with `transposed`) the transpose of
/// a row-major `cols x rows` matrix.
fn view<T>(data: &[T], rows: usize, cols: usize, transposed: bool) -> ArrayView2<'_, T> {
    if transposed {
        ArrayView2::from_shape((cols, rows), data).expect("a stored matrix has its shape").reversed_axes()
    } else {
        ArrayView2::from_shape((rows, cols), data).expect("a stored matrix has its shape")
    }
}

/// The same product as [`Real::gemm`] as three plain loops (`i`, `p`, `j`, the innermost over a
/// contiguous row of `C` so that it vectorises), the yardstick `gemm` is tested and measured
/// against. Same argument conventions and the same panics.
///
/// ```
/// use chapter5::network::{Real, gemm_plain};
/// let (a, b) = ([1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 0.0, 0.0, 1.0, 1.0, 1.0]);
/// let (mut fast, mut plain) = ([0.0f32; 4], [0.0f32; 4]);
/// f32::gemm(2, 3, 2, &a, false, &b, false, 0.0, &mut fast); // matrixmultiply's kernels
/// gemm_plain(2, 3, 2, &a, false, &b, false, 0.0, &mut plain);
/// assert_eq!(fast, plain);
/// assert_eq!(plain, [4.0, 5.0, 10.0, 11.0]);
/// ```
#[allow(clippy::too_many_arguments)]
pub fn gemm_plain<T: Real>(
    m: usize,
    k: usize,
    n: usize,
    a: &[T],
    a_transposed: bool,
    b: &[T],
    b_transposed: bool,
    beta: T,
    c: &mut [T],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n, "gemm shapes");
    let a_at = |i: usize, p: usize| if a_transposed { a[p * m + i] } else { a[i * k + p] };
    // B^T is not contiguous along j: transpose it once so that the inner loop is.
    let b_rows: Vec<T> = if b_transposed {
        (0..k * n).map(|index| b[(index % n) * k + index / n]).collect()
    } else {
        b.to_vec()
    };
    for (i, c_row) in c.chunks_exact_mut(n.max(1)).enumerate().take(m) {
        for value in c_row.iter_mut() {
            *value *= beta;
        }
        for p in 0..k {
            let a_ip = a_at(i, p);
            for (value, &b_pj) in c_row.iter_mut().zip(&b_rows[p * n..(p + 1) * n]) {
                *value += a_ip * b_pj;
            }
        }
    }
}

/// The methods both float types take straight from their own inherent methods.
macro_rules! float_basics {
    ($float:ident, $path:ident) => {
        fn exp(self) -> Self {
            $float::exp(self)
        }
        fn ln(self) -> Self {
            $float::ln(self)
        }
        fn sqrt(self) -> Self {
            $float::sqrt(self)
        }
        fn is_finite(self) -> bool {
            $float::is_finite(self)
        }
        fn is_nan(self) -> bool {
            $float::is_nan(self)
        }
        fn activate(activation: Activation, z: &[Self], out: &mut [Self]) {
            activation::$path::activate(activation, z, out);
        }
        fn activation_slope(activation: Activation, z: &[Self], a: &[Self], slope: &mut [Self]) {
            activation::$path::slope(activation, z, a, slope);
        }
    };
}

impl Real for f32 {
    const FAST_GEMM: bool = true;
    const VECTOR_KERNELS: bool = true;
    fn normal_cdf(z: &[Self], out: &mut [Self]) {
        out.copy_from_slice(z);
        chapter4::std_normal_cdf_f32(out);
    }
    fn normal_pdf(z: &[Self], out: &mut [Self]) {
        out.copy_from_slice(z);
        chapter4::std_normal_pdf_f32(out);
    }
    fn from_f64(x: f64) -> Self {
        x as f32
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    float_basics!(f32, f32_path);
}

impl Real for f64 {
    const FAST_GEMM: bool = false;
    const VECTOR_KERNELS: bool = false;
    fn normal_cdf(z: &[Self], out: &mut [Self]) {
        for (o, &x) in out.iter_mut().zip(z) {
            *o = numerics::std_normal_cdf(x);
        }
    }
    fn normal_pdf(z: &[Self], out: &mut [Self]) {
        for (o, &x) in out.iter_mut().zip(z) {
            *o = numerics::std_normal_pdf(x);
        }
    }
    fn from_f64(x: f64) -> Self {
        x
    }
    fn to_f64(self) -> f64 {
        self
    }
    float_basics!(f64, f64_path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gemm_matches_the_plain_loops_in_every_transposition() {
        // f32's gemm is matrixmultiply's (f64 uses the plain loops themselves); sizes above its
        // small-matrix threshold so that its kernels, not a fallback, are compared.
        let (m, k, n) = (37, 41, 29);
        let a: Vec<f32> = (0..m * k).map(|i| (i as f32 * 0.37).sin()).collect();
        let b: Vec<f32> = (0..k * n).map(|i| (i as f32 * 0.91).cos()).collect();
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let mut fast = vec![0.5f32; m * n];
            let mut plain = fast.clone();
            f32::gemm(m, k, n, &a, ta, &b, tb, 1.0, &mut fast);
            gemm_plain(m, k, n, &a, ta, &b, tb, 1.0, &mut plain);
            for (x, y) in fast.iter().zip(&plain) {
                assert!((x - y).abs() < 1e-4, "{ta} {tb}: {x} vs {y}");
            }
        }
    }
}

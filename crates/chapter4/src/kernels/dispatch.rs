//! Runtime CPU dispatch: one kernel source, compiled for several instruction sets, and the best
//! one the CPU offers chosen once, at the first call.
//!
//! `#[target_feature(enable = "avx2")]` compiles one function as if the whole build had
//! `-C target-cpu=<something with AVX2>`: everything inlined into it (our `#[inline(always)]`
//! element functions and [`map_in_place`]) is vectorised with 8-lane `ymm` instructions instead of
//! SSE2's 4 lanes. Calling such a function on a CPU without AVX2 would be undefined behaviour
//! (an illegal instruction at best), which is why the call is `unsafe`: [`KernelPath::is_available`]
//! asks the CPU (`is_x86_feature_detected!`, which also checks that the operating system saves
//! the wider registers), and the paths below are only taken after that check. This is the one
//! place in the workspace where `unsafe` is allowed (CONTRIBUTING.md).
//!
//! **Same bits on every path.** The element functions use `+ - * /`, comparisons, selects, bit
//! operations and `f32::mul_add` only. IEEE 754 defines each of those to the last bit, whatever
//! the register width; a fused multiply-add rounds once on every path (a `vfmadd` instruction
//! where FMA is enabled, an exact emulation in packed `f64` on the portable x86-64 path:
//! `mul_add.rs`), and Rust never contracts `a * b + c`
//! on its own nor uses an approximate instruction (`rcpps`, `rsqrtps`). So a path changes how many
//! elements one instruction handles, never what any element becomes. `tests/kernel_paths.rs`
//! checks it bit for bit on every path the machine has, and `examples/exhaustive_f32.rs` on
//! every available path over all 2^32 inputs.

#![allow(unsafe_code)]

use std::sync::OnceLock;

use super::{map_in_place, map_pairs_in_place};

/// An instruction set the `f32` kernels are compiled for.
///
/// ```
/// use chapter4::KernelPath;
/// for path in KernelPath::available() {
///     let mut values = [1.0f32];
///     chapter4::gelu_exact_f32_on(path, &mut values)?;
///     println!("{}: {}", path.name(), values[0]);
/// }
/// # Ok::<(), chapter4::KernelError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KernelPath {
    /// The build target's baseline, with no runtime detection: SSE2 (4 lanes) on x86-64, NEON on
    /// aarch64, scalar code elsewhere. Always available.
    Portable,
    /// x86-64 with AVX2 and FMA (8 lanes); Intel since 2013 (Haswell), AMD since 2015.
    Avx2Fma,
    /// x86-64 with AVX-512F (16 lanes); Intel server chips since 2017, AMD since Zen 4.
    Avx512,
}

impl KernelPath {
    /// Every path, from the baseline to the widest.
    ///
    /// ```
    /// use chapter4::KernelPath;
    /// assert_eq!(KernelPath::ALL[0], KernelPath::Portable);
    /// assert_eq!(KernelPath::ALL.len(), 3);
    /// ```
    pub const ALL: [KernelPath; 3] = [KernelPath::Portable, KernelPath::Avx2Fma, KernelPath::Avx512];

    /// A short name for tables and messages: `portable`, `avx2+fma`, `avx512`.
    ///
    /// ```
    /// use chapter4::KernelPath;
    /// assert_eq!(KernelPath::Avx2Fma.name(), "avx2+fma");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            KernelPath::Portable => "portable",
            KernelPath::Avx2Fma => "avx2+fma",
            KernelPath::Avx512 => "avx512",
        }
    }

    /// The path named `name` (as [`KernelPath::name`] writes it), or `None`.
    ///
    /// ```
    /// use chapter4::KernelPath;
    /// assert_eq!(KernelPath::from_name("avx512"), Some(KernelPath::Avx512));
    /// assert_eq!(KernelPath::from_name("sse4"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<KernelPath> {
        KernelPath::ALL.into_iter().find(|path| path.name() == name)
    }

    /// Does this CPU (and its operating system) support the path? `Portable` always does; the
    /// x86-64 paths are detected at run time, and are never available on other architectures.
    ///
    /// ```
    /// use chapter4::KernelPath;
    /// assert!(KernelPath::Portable.is_available());
    /// ```
    pub fn is_available(self) -> bool {
        match self {
            KernelPath::Portable => true,
            #[cfg(target_arch = "x86_64")]
            KernelPath::Avx2Fma => is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma"),
            #[cfg(target_arch = "x86_64")]
            KernelPath::Avx512 => is_x86_feature_detected!("avx512f"),
            #[cfg(not(target_arch = "x86_64"))]
            KernelPath::Avx2Fma | KernelPath::Avx512 => false,
        }
    }

    /// The paths this machine supports, baseline first.
    ///
    /// ```
    /// let paths = chapter4::KernelPath::available();
    /// assert_eq!(paths[0], chapter4::KernelPath::Portable);
    /// ```
    pub fn available() -> Vec<KernelPath> {
        KernelPath::ALL.into_iter().filter(|path| path.is_available()).collect()
    }

    /// The path the kernels use: the widest available one, detected once and then remembered.
    ///
    /// ```
    /// let path = chapter4::KernelPath::selected();
    /// assert!(path.is_available());
    /// assert_eq!(path, *chapter4::KernelPath::available().last().unwrap());
    /// ```
    pub fn selected() -> KernelPath {
        static SELECTED: OnceLock<KernelPath> = OnceLock::new();
        *SELECTED.get_or_init(|| {
            KernelPath::ALL.into_iter().rev().find(|path| path.is_available()).unwrap_or(KernelPath::Portable)
        })
    }
}

/// Applies `f` to every element of `values` on [`KernelPath::selected`] (always available).
#[inline(always)]
pub(super) fn map_selected(values: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    map_selected_each(values, f, f);
}

/// [`map_on_each`] on [`KernelPath::selected`] (always available).
#[inline(always)]
pub(super) fn map_selected_each(
    values: &mut [f32],
    portable: impl Fn(f32) -> f32 + Copy,
    wide: impl Fn(f32) -> f32,
) {
    if map_on_each(KernelPath::selected(), values, portable, wide).is_err() {
        map_in_place(values, portable); // not reached: the selected path is available by construction
    }
}

/// Why a kernel call with a chosen path, or a backward kernel, did nothing.
///
/// ```
/// use chapter4::{KernelError, KernelPath};
/// let error = KernelError::PathUnavailable(KernelPath::Avx512);
/// assert_eq!(error.to_string(), "this CPU does not support the avx512 kernel path");
/// let error = KernelError::InputLength { expected: 3, found: 2 };
/// assert_eq!(error.to_string(), "the gradient slice has 2 elements, the input slice 3");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelError {
    /// This CPU does not support the path.
    PathUnavailable(KernelPath),
    /// A backward kernel got slices of different lengths: `expected` is the length of `x`,
    /// `found` that of the gradient.
    InputLength {
        /// The length of the input slice `x`.
        expected: usize,
        /// The length of the gradient slice.
        found: usize,
    },
}

impl std::fmt::Display for KernelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KernelError::PathUnavailable(path) => {
                write!(f, "this CPU does not support the {} kernel path", path.name())
            }
            KernelError::InputLength { expected, found } => {
                write!(f, "the gradient slice has {found} elements, the input slice {expected}")
            }
        }
    }
}

impl std::error::Error for KernelError {}

/// Applies `f` to every element of `values` with the loop compiled for `path`, or
/// [`KernelError::PathUnavailable`] if the CPU does not support it (then `values` is untouched).
#[inline(always)]
pub(super) fn map_on(
    path: KernelPath,
    values: &mut [f32],
    f: impl Fn(f32) -> f32 + Copy,
) -> Result<(), KernelError> {
    map_on_each(path, values, f, f)
}

/// [`map_on`] with one function for the portable path and another for the wider ones: the same
/// formula, with its fused multiply-adds done the way each path does fastest (`mul_add.rs`); the
/// two must give the same bits.
#[inline(always)]
pub(super) fn map_on_each(
    path: KernelPath,
    values: &mut [f32],
    portable: impl Fn(f32) -> f32,
    f: impl Fn(f32) -> f32,
) -> Result<(), KernelError> {
    if !path.is_available() {
        return Err(KernelError::PathUnavailable(path));
    }
    match path {
        KernelPath::Portable => map_in_place(values, portable),
        // SAFETY: `is_available` has just confirmed that the CPU and the OS support AVX2 and
        // FMA, the features `map_avx2_fma` is compiled for.
        #[cfg(target_arch = "x86_64")]
        KernelPath::Avx2Fma => unsafe { map_avx2_fma(values, f) },
        // SAFETY: as above, for AVX-512F.
        #[cfg(target_arch = "x86_64")]
        KernelPath::Avx512 => unsafe { map_avx512(values, f) },
        #[cfg(not(target_arch = "x86_64"))]
        KernelPath::Avx2Fma | KernelPath::Avx512 => return Err(KernelError::PathUnavailable(path)),
    }
    Ok(())
}

/// Sets `gradient[i] = f(x[i], gradient[i])` for every `i`, with the loop compiled for `path`; or
/// an error (slices of different lengths, or a path the CPU lacks), and `gradient` is untouched.
#[inline(always)]
pub(super) fn map_pairs_on(
    path: KernelPath,
    x: &[f32],
    gradient: &mut [f32],
    f: impl Fn(f32, f32) -> f32 + Copy,
) -> Result<(), KernelError> {
    map_pairs_on_each(path, x, gradient, f, f)
}

/// [`map_pairs_on`] with one function for the portable path and another for the wider ones, as
/// in [`map_on_each`].
#[inline(always)]
pub(super) fn map_pairs_on_each(
    path: KernelPath,
    x: &[f32],
    gradient: &mut [f32],
    portable: impl Fn(f32, f32) -> f32,
    f: impl Fn(f32, f32) -> f32,
) -> Result<(), KernelError> {
    if x.len() != gradient.len() {
        return Err(KernelError::InputLength { expected: x.len(), found: gradient.len() });
    }
    if !path.is_available() {
        return Err(KernelError::PathUnavailable(path));
    }
    match path {
        KernelPath::Portable => map_pairs_in_place(x, gradient, portable),
        // SAFETY: `is_available` has just confirmed AVX2 and FMA (see `map_on`).
        #[cfg(target_arch = "x86_64")]
        KernelPath::Avx2Fma => unsafe { map_pairs_avx2_fma(x, gradient, f) },
        // SAFETY: as above, for AVX-512F.
        #[cfg(target_arch = "x86_64")]
        KernelPath::Avx512 => unsafe { map_pairs_avx512(x, gradient, f) },
        #[cfg(not(target_arch = "x86_64"))]
        KernelPath::Avx2Fma | KernelPath::Avx512 => return Err(KernelError::PathUnavailable(path)),
    }
    Ok(())
}

/// [`map_pairs_on`] on [`KernelPath::selected`].
#[inline(always)]
pub(super) fn map_pairs_selected(
    x: &[f32],
    gradient: &mut [f32],
    f: impl Fn(f32, f32) -> f32 + Copy,
) -> Result<(), KernelError> {
    map_pairs_on(KernelPath::selected(), x, gradient, f)
}

/// [`map_pairs_on_each`] on [`KernelPath::selected`].
#[inline(always)]
pub(super) fn map_pairs_selected_each(
    x: &[f32],
    gradient: &mut [f32],
    portable: impl Fn(f32, f32) -> f32,
    f: impl Fn(f32, f32) -> f32,
) -> Result<(), KernelError> {
    map_pairs_on_each(KernelPath::selected(), x, gradient, portable, f)
}

/// [`map_pairs_in_place`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn map_pairs_avx2_fma(x: &[f32], gradient: &mut [f32], f: impl Fn(f32, f32) -> f32) {
    map_pairs_in_place(x, gradient, f);
}

/// [`map_pairs_in_place`] compiled for AVX-512F.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn map_pairs_avx512(x: &[f32], gradient: &mut [f32], f: impl Fn(f32, f32) -> f32) {
    map_pairs_in_place(x, gradient, f);
}

/// [`map_in_place`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn map_avx2_fma(values: &mut [f32], f: impl Fn(f32) -> f32) {
    map_in_place(values, f);
}

/// [`map_in_place`] compiled for AVX-512F.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn map_avx512(values: &mut [f32], f: impl Fn(f32) -> f32) {
    map_in_place(values, f);
}

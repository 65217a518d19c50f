//! The activations a layer can apply, one enum for all chapters: ReLU and ELU (chapter 2), exact
//! GELU (chapters 3 and 4), its tanh and sigmoid forms (chapter 4), SiLU and the learnable
//! `x Phi((x - mu) / sigma)` (chapter 5).
//!
//! The interface is two functions on slices, implemented once per float type by
//! [`Real::activate`](super::Real::activate) and
//! [`Real::activation_slope`](super::Real::activation_slope): forward `a = f(z)` and the slope
//! `f'(z)` that backpropagation multiplies by. The learnable GELU also has parameters and their
//! gradients; its layer ([`LearnableGelu`](super::LearnableGelu)) owns them.
//!
//! Where each formula comes from (none is copied here):
//!
//! | activation | `f64` forward, slope | `f32` forward, slope |
//! | --- | --- | --- |
//! | ReLU | `chapter2::relu`, `relu_derivative` | the same, per element (exact in `f32`) |
//! | ELU | `chapter2::Elu::value`, `derivative` | `chapter4::elu_f32`, `elu_grad_f32` |
//! | GELU | `numerics::gelu`, `gelu_derivative` | `chapter4::gelu_exact_f32`, `gelu_exact_grad_f32` |
//! | GELU, tanh form | `chapter4::gelu_tanh` (slope: [`slopes`]) | `chapter4::gelu_tanh_f32`, `gelu_tanh_grad_f32` |
//! | GELU, sigmoid form | `chapter4::gelu_sigmoid` (slope: [`slopes`]) | `chapter4::gelu_sigmoid_f32`, `gelu_sigmoid_grad_f32` |
//! | SiLU | `chapter5::silu`, slope: [`slopes`] | `chapter4::silu_f32`, `silu_grad_f32` |
//! | SOI map | exact GELU outside training (its layer draws the masks) | the same |
//!
//! The `f64` slopes of the tanh and sigmoid forms and of SiLU need no new exponential: each of
//! these activations is `x s(x)` with a gate `s` in `(0, 1)`, so the forward output gives the
//! gate back, `s = a / x`, and the slope is a polynomial in `x` and `s` (see [`slopes`]). The
//! `f32` path uses chapter 4's vectorised backward kernels, which give the same bits on every CPU.

pub(crate) mod f32_path;
pub(crate) mod f64_path;
pub mod slopes;

use chapter2::Elu;

/// How the learnable GELU keeps `sigma > 0`: the layer learns an unconstrained `rho` and uses
/// `sigma = exp(rho)` or `sigma = softplus(rho) = ln(1 + e^rho)`. Both are positive for every
/// finite `rho`; `exp` makes steps multiplicative (`d sigma / d rho = sigma`), softplus makes them
/// additive for large `sigma` (`d sigma / d rho = sigmoid(rho)`, at most 1). Every value is
/// valid: there is no bad input.
///
/// ```
/// use chapter5::network::SigmaParametrisation;
/// assert_eq!(SigmaParametrisation::Exp.sigma(0.0), 1.0);
/// assert!((SigmaParametrisation::Softplus.sigma(0.0) - 2f64.ln()).abs() < 1e-16);
/// // rho is chosen so that a fresh layer starts at sigma = 1 in both parametrisations:
/// for p in [SigmaParametrisation::Exp, SigmaParametrisation::Softplus] {
///     assert!((p.sigma(p.rho_for(1.0)) - 1.0).abs() < 1e-15);
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigmaParametrisation {
    /// `sigma = e^rho`.
    Exp,
    /// `sigma = ln(1 + e^rho)`, computed as `max(rho, 0) + ln(1 + e^-|rho|)` (no overflow).
    Softplus,
}

impl SigmaParametrisation {
    /// `sigma(rho)`, positive for every finite `rho` (it underflows to 0 only below
    /// `rho = -745`); NaN gives NaN.
    ///
    /// ```
    /// use chapter5::network::SigmaParametrisation::{Exp, Softplus};
    /// assert_eq!(Exp.sigma(1.0), 1f64.exp());
    /// assert_eq!(Softplus.sigma(800.0), 800.0); // no overflow
    /// assert!(Softplus.sigma(f64::NAN).is_nan());
    /// ```
    pub fn sigma(self, rho: f64) -> f64 {
        match self {
            Self::Exp => rho.exp(),
            Self::Softplus => rho.max(0.0) + (-rho.abs()).exp().ln_1p(),
        }
    }

    /// `d sigma / d rho`: `sigma` itself for [`Exp`](Self::Exp), `sigmoid(rho)` for
    /// [`Softplus`](Self::Softplus). NaN gives NaN.
    ///
    /// ```
    /// use chapter5::network::SigmaParametrisation::{Exp, Softplus};
    /// assert_eq!(Exp.sigma_slope(0.0), 1.0);
    /// assert_eq!(Softplus.sigma_slope(0.0), 0.5);
    /// ```
    pub fn sigma_slope(self, rho: f64) -> f64 {
        match self {
            Self::Exp => rho.exp(),
            Self::Softplus => {
                let e = (-rho.abs()).exp();
                if rho >= 0.0 { 1.0 / (1.0 + e) } else { e / (1.0 + e) }
            }
        }
    }

    /// The `rho` that gives `sigma`: `ln(sigma)`, or `ln(e^sigma - 1)` for softplus. Domain:
    /// `sigma > 0`; `sigma <= 0` gives NaN or `-inf`, as the logarithm does.
    ///
    /// ```
    /// use chapter5::network::SigmaParametrisation::{Exp, Softplus};
    /// assert_eq!(Exp.rho_for(1.0), 0.0);
    /// assert!((Softplus.rho_for(1.0) - 0.5413248546129181).abs() < 1e-15);
    /// assert!(Exp.rho_for(-1.0).is_nan());
    /// ```
    pub fn rho_for(self, sigma: f64) -> f64 {
        match self {
            Self::Exp => sigma.ln(),
            Self::Softplus => sigma.exp_m1().ln(),
        }
    }
}

/// Options of the learnable GELU `x Phi((x - mu) / sigma)`: one `(mu, sigma)` pair per layer, or
/// one per unit, and the parametrisation of `sigma`. A fresh layer starts at `mu = 0`,
/// `sigma = 1`, i.e. at GELU itself. Every value is valid.
///
/// ```
/// use chapter5::network::{Learnable, SigmaParametrisation};
/// let per_unit = Learnable { per_unit: true, sigma: SigmaParametrisation::Softplus };
/// assert_ne!(per_unit, Learnable::default());
/// assert_eq!(Learnable::default().sigma, SigmaParametrisation::Exp);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Learnable {
    /// One `(mu, sigma)` per unit (`true`) or one for the whole layer (`false`).
    pub per_unit: bool,
    /// How `sigma` is kept positive.
    pub sigma: SigmaParametrisation,
}

impl Default for Learnable {
    /// Per layer, `sigma = exp(rho)`.
    fn default() -> Self {
        Self { per_unit: false, sigma: SigmaParametrisation::Exp }
    }
}

/// An activation of the reader's own: `f` and `f'` as plain functions of an `f64` (the `f32`
/// network evaluates them through `f64`, element by element). Two are equal when their names
/// are (functions cannot be compared reliably).
///
/// ```
/// use chapter5::network::{Activation, CustomActivation, Real};
/// let square = CustomActivation { name: "x^2", value: |x| x * x, slope: |x| 2.0 * x };
/// let mut out = [0.0f32; 2];
/// f32::activate(Activation::Custom(square), &[3.0, -1.0], &mut out);
/// assert_eq!(out, [9.0, 1.0]);
/// assert_eq!(Activation::Custom(square).name(), "x^2");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CustomActivation {
    /// A short name for tables.
    pub name: &'static str,
    /// `f(x)`.
    pub value: fn(f64) -> f64,
    /// `f'(x)`.
    pub slope: fn(f64) -> f64,
}

impl PartialEq for CustomActivation {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

/// An activation function, applied element by element.
///
/// Every variant is defined for every input (NaN in gives NaN out) and holds only validated
/// parameters (an [`Elu`] was checked by `Elu::new`), so there is no bad input.
/// [`Activation::LearnableGelu`] starts at `mu = 0`, `sigma = 1`; applied outside its layer
/// (through [`Real::activate`](super::Real::activate)) it is exact GELU.
///
/// ```
/// use chapter5::network::{Activation, Real};
/// let z = [-1.0f64, 0.0, 2.0];
/// let mut a = [0.0; 3];
/// f64::activate(Activation::Relu, &z, &mut a);
/// assert_eq!(a, [0.0, 0.0, 2.0]);
/// f64::activate(Activation::Gelu, &z, &mut a);
/// assert!((a[0] + 0.15865525393145707).abs() < 1e-16);
/// let mut slope = [0.0; 3];
/// f64::activation_slope(Activation::Gelu, &z, &a, &mut slope);
/// assert_eq!(slope[1], 0.5);
/// assert_eq!(Activation::Silu.name(), "SiLU");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Activation {
    /// `max(x, 0)`, slope 0 at `x = 0` (chapter 2's convention).
    Relu,
    /// `x` for `x > 0`, `alpha (e^x - 1)` otherwise.
    Elu(Elu),
    /// Exact GELU, `x Phi(x)`.
    Gelu,
    /// `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`.
    GeluTanh,
    /// `x sigmoid(1.702 x)`.
    GeluSigmoid,
    /// `x sigmoid(x) = x / (1 + e^-x)`.
    Silu,
    /// `x Phi((x - mu) / sigma)` with learnable `mu` and `sigma`.
    LearnableGelu(Learnable),
    /// The SOI map: `x m`, `m ~ Bernoulli(Phi(x))`, in training (its layer,
    /// [`SoiLayer`](super::SoiLayer), draws the masks); applied outside its layer, and in
    /// evaluation, exact GELU, its expectation.
    Soi,
    /// The reader's own `f` and `f'`.
    Custom(CustomActivation),
}

impl Activation {
    /// A short display name, as the book's tables use it.
    ///
    /// ```
    /// use chapter5::network::Activation;
    /// assert_eq!(Activation::GeluTanh.name(), "GELU (tanh)");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Relu => "ReLU",
            Self::Elu(_) => "ELU",
            Self::Gelu => "GELU",
            Self::GeluTanh => "GELU (tanh)",
            Self::GeluSigmoid => "GELU (sigmoid)",
            Self::Silu => "SiLU",
            Self::LearnableGelu(_) => "GELU (learnable mu, sigma)",
            Self::Soi => "SOI map",
            Self::Custom(custom) => custom.name,
        }
    }

    /// Every activation, once (ELU with `alpha = 1`, the learnable GELU in all four
    /// combinations of per-layer/per-unit and exp/softplus): what the gradient check walks.
    ///
    /// ```
    /// assert_eq!(chapter5::network::Activation::all().len(), 10);
    /// ```
    pub fn all() -> Vec<Activation> {
        let mut all = vec![
            Self::Relu,
            Self::Elu(Elu::ALPHA_ONE),
            Self::Gelu,
            Self::GeluTanh,
            Self::GeluSigmoid,
            Self::Silu,
        ];
        for per_unit in [false, true] {
            for sigma in [SigmaParametrisation::Exp, SigmaParametrisation::Softplus] {
                all.push(Self::LearnableGelu(Learnable { per_unit, sigma }));
            }
        }
        all
    }
}

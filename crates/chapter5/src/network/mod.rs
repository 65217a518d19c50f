//! A small multilayer perceptron, written out in full: the network chapters 5 and 6 train.
//!
//! Everything a reader needs is in a dozen short files, one idea each, in the order the data
//! flows:
//!
//! | file | what it holds |
//! | --- | --- |
//! | `data.rs` | [`Dataset`] (validated rows and labels), [`two_spirals`], [`gaussian_clusters`] |
//! | `dense.rs` | [`Dense`]: `Z = X W + b` on a batch, and its backward pass; [`Init`] |
//! | `activation/` | [`Activation`]: every activation of chapters 2-5, forward and slope |
//! | `learnable.rs` | [`LearnableGelu`]: `x Phi((x - mu) / sigma)` with learnable `mu`, `sigma` |
//! | `dropout.rs` | [`DropoutLayer`]: chapter 1's inverted dropout as a layer |
//! | `soi.rs` | [`SoiLayer`]: the SOI map, chapter 3's stochastic gate as a layer |
//! | `layer.rs`, `mlp.rs` | [`Layer`] and [`Network`]: the stack, forward and backward |
//! | `loss.rs` | [`softmax_cross_entropy`] with the log-sum-exp trick |
//! | `optimizer.rs` | [`Optimizer`] (SGD, Adam) and its running [`OptimizerState`] |
//! | `train.rs` | [`train`]: seeded shuffles, mini-batches, steps; stops on a NaN loss; [`train_observed`] |
//! | `real.rs` | [`Real`]: `f32` or `f64`, and the matrix product |
//! | `error.rs` | [`NetworkError`] |
//!
//! **Batches are matrices.** A batch of `B` samples is a `B x n` row-major matrix, one sample
//! per row, so a dense layer is one matrix product for the whole batch, and so are the two
//! products of its backward pass. They are computed by ndarray's `general_mat_mul`, which calls
//! the pure-Rust `matrixmultiply` kernels (chosen at run time: AVX2 and FMA where the CPU has
//! them). On a 128 x 128 x 128 product it is about five times faster than the plain triple loop
//! [`gemm_plain`], kept as the tests' yardstick (`crates/bench`, benchmark `network_epoch`).
//!
//! **Backpropagation, written out.** No autograd graph: the forward pass keeps every layer's
//! input and output, and each layer's backward pass turns `dL/d(output)` into its parameter
//! gradients and `dL/d(input)`. The formulas sit in each layer's module docs.
//! `tests/network_gradient_check.rs` compares every gradient, `mu` and `sigma` included, with
//! central finite differences, for every activation.
//!
//! **One structure, two float types.** The network is generic over `T: Real`, implemented for
//! `f32` (fast: chapter 4's vectorised GELU kernels) and `f64` (accurate: the gradient check,
//! with the library's exact scalar functions). Only the activations differ between the two;
//! layers, loss, optimisers and training are written once.
//!
//! **Seeded.** Weights, shuffles and dropout masks come from `rand::rngs::Xoshiro256PlusPlus`
//! seeded by the caller: the same seed gives the same initial network on every machine, and the
//! same trained network, bit for bit, on every run (`tests/network_training.rs`). Across CPUs an
//! `f32` network can differ in the last bits: `matrixmultiply` picks its kernel at run time, and
//! an FMA kernel rounds `a * b + c` once where an SSE2 kernel rounds twice. The `f64` path uses
//! the plain loops instead, so an `f64` network (the one behind the chapter's figures) is the
//! same on every machine.
//!
//! ```
//! use chapter5::network::{Activation, Network, Optimizer, TrainConfig, train, two_spirals};
//! let data = two_spirals(200, 1)?;
//! let mut net = Network::<f32>::mlp(2, &[16, 16], 2, Activation::Gelu, 7)?;
//! let config = TrainConfig { epochs: 20, batch_size: 32, optimizer: Optimizer::adam(0.01)?, seed: 3 };
//! let report = train(&mut net, &data, &config)?;
//! assert!(report.epoch_losses[19] < report.epoch_losses[0]);
//! # Ok::<(), chapter5::network::NetworkError>(())
//! ```

mod activation;
mod data;
mod dense;
mod dropout;
mod error;
mod layer;
mod learnable;
mod loss;
mod mlp;
mod optimizer;
mod real;
mod scalar_forms;
mod soi;
mod train;

pub use activation::slopes;
pub use activation::{Activation, CustomActivation, Learnable, SigmaParametrisation};
pub use data::{Dataset, gaussian_clusters, two_spirals};
pub use dense::{Dense, Init};
pub use dropout::DropoutLayer;
pub use error::NetworkError;
pub use layer::Layer;
pub use learnable::LearnableGelu;
pub use loss::softmax_cross_entropy;
pub use mlp::{Network, argmax};
pub use optimizer::{Optimizer, OptimizerState};
pub use real::{Real, gemm_plain};
pub use soi::SoiLayer;
pub use train::{TrainConfig, TrainReport, train, train_observed};

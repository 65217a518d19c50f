//! Exercise 5.5: one training step of a one-unit model with a learnable mean and scale, by hand.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

use chapter5::{std_normal_cdf, std_normal_pdf};

/// The model `y = w x Phi((x - mu) / sigma)` with `sigma = e^rho` (so any real `rho` gives a
/// valid scale), and the loss `L = (y - target)^2 / 2` on one example. Returns the parameters
/// `(w, mu, rho)` after one step of plain gradient descent with learning rate `rate`:
/// `theta <- theta - rate * dL/dtheta`.
pub fn sgd_step(x: f64, target: f64, (w, mu, rho): (f64, f64, f64), rate: f64) -> (f64, f64, f64) {
    todo!(
        "Exercise 5.5 (exercises/chapter5/ex5_5_training_step.rs): compute dL/dw, dL/dmu and \
         dL/drho by the chain rule (sigma = e^rho, so dsigma/drho = sigma) and take one step"
    )
}

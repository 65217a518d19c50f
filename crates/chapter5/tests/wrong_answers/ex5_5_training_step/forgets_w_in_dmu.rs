// WRONG ANSWER (kept to prove the exercise test rejects it): Leaves the weight w out of dL/dmu (y = w g, so dL/dmu = (y - t) w dg/dmu).
//! Exercise 5.5: one training step of a one-unit model with a learnable mean and scale, by hand.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

use chapter5::{std_normal_cdf, std_normal_pdf};

/// The model `y = w x Phi((x - mu) / sigma)` with `sigma = e^rho` (so any real `rho` gives a
/// valid scale), and the loss `L = (y - target)^2 / 2` on one example. Returns the parameters
/// `(w, mu, rho)` after one step of plain gradient descent with learning rate `rate`:
/// `theta <- theta - rate * dL/dtheta`.
pub fn sgd_step(x: f64, target: f64, (w, mu, rho): (f64, f64, f64), rate: f64) -> (f64, f64, f64) {
    let sigma = rho.exp();
    let z = (x - mu) / sigma;
    let gate = x * std_normal_cdf(z); // g = x Phi(z)
    let error = w * gate - target; // dL/dy
    // dg/dmu = -(x / sigma) phi(z), dg/dsigma = -(x z / sigma) phi(z), dsigma/drho = sigma.
    let slope = x * std_normal_pdf(z) / sigma;
    let d_w = error * gate;
    let d_mu = error * -slope;
    let d_rho = error * w * (-slope * z) * sigma;
    (w - rate * d_w, mu - rate * d_mu, rho - rate * d_rho)
}

// WRONG ANSWER (kept to prove the exercise test rejects it): Returns E[GELU(Z)]^2 = 1/(4 pi), the square of the mean, not the mean of the square.
//! Exercise 5.3 (derivation): the second moment of GELU at a standard normal input, and the
//! He-style initialisation gain it gives.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

/// `E[GELU(Z)^2]` for `Z ~ N(0, 1)`, as a closed form you derive (no numerical integration).
pub fn gelu_second_moment() -> f64 {
    // E[Z^2 Phi(Z)^2] = 1/3 + sqrt(3) / (6 pi): see the solutions page for the derivation.
    1.0 / (4.0 * std::f64::consts::PI)
}

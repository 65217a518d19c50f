// WRONG ANSWER (kept to prove the exercise test rejects it): Forgets the denominator: x^2 p.
//! Exercise 1.4 (derivation): the variance of inverted dropout's output.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

/// For one input `x` and rate `p` (0 <= p < 1), inverted dropout outputs `y = x * m / (1 - p)`
/// with `m ~ Bernoulli(1 - p)`. Returns `Var[y]`, derived by hand as a closed form in `x` and `p`.
pub fn inverted_dropout_variance(x: f64, p: f64) -> f64 {
    // m^2 = m, so E[y^2] = x^2 (1 - p) / (1 - p)^2 = x^2 / (1 - p), and E[y] = x:
    // Var[y] = x^2 / (1 - p) - x^2 = x^2 p / (1 - p).
    x * x * p
}

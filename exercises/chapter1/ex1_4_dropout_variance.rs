//! Exercise 1.4 (derivation): the variance of inverted dropout's output.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

/// For one input `x` and rate `p` (0 <= p < 1), inverted dropout outputs `y = x * m / (1 - p)`
/// with `m ~ Bernoulli(1 - p)`. Returns `Var[y]`, derived by hand as a closed form in `x` and `p`.
pub fn inverted_dropout_variance(x: f64, p: f64) -> f64 {
    todo!(
        "Exercise 1.4 (exercises/chapter1/ex1_4_dropout_variance.rs): return Var[y] for \
         y = x m / (1 - p), m ~ Bernoulli(1 - p); derive it from E[y^2] - E[y]^2"
    )
}

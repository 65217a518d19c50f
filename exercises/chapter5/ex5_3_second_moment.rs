//! Exercise 5.3 (derivation): the second moment of GELU at a standard normal input, and the
//! He-style initialisation gain it gives.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

/// `E[GELU(Z)^2]` for `Z ~ N(0, 1)`, as a closed form you derive (no numerical integration).
pub fn gelu_second_moment() -> f64 {
    todo!(
        "Exercise 5.3 (exercises/chapter5/ex5_3_second_moment.rs): return E[GELU(Z)^2] in closed \
         form; write Z^2 Phi(Z)^2 as Z^2 P(Z1 <= Z, Z2 <= Z) with independent Z1, Z2"
    )
}

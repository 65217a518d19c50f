//! The numbers the chapter quotes: the approximations' errors against GELU, and the minimax
//! searches for the cubic coefficient and the sigmoid slope.
//! `cargo run --release --example measurements`

use chapter4::{
    gelu, gelu_sigmoid, gelu_tanh, max_abs_error, minimax_sigmoid_slope, minimax_tanh_cubic,
    sigmoid_slope_max_error, tanh_cubic_max_error,
};

fn main() {
    for (name, f) in [("gelu_tanh", gelu_tanh as fn(f64) -> f64), ("gelu_sigmoid", gelu_sigmoid)] {
        // The error x (approx(x) - Phi(x)) is even in x: report both sides.
        let (xn, en) = max_abs_error(|x| f(x) - gelu(x), -10.0, 0.0, 20_000);
        let (xp, ep) = max_abs_error(|x| f(x) - gelu(x), 0.0, 10.0, 20_000);
        println!("max |{name} - GELU|: {en:.6e} at x = {xn:.6} and {ep:.6e} at x = {xp:.6}");
    }
    println!("tanh Phi with c = 0.044715: max error {:.6e}", tanh_cubic_max_error(0.044715));
    println!("sigmoid Phi with k = 1.702: max error {:.6e}", sigmoid_slope_max_error(1.702));
    let (c, err) = minimax_tanh_cubic();
    println!("minimax cubic coefficient: c = {c:.8}, max error {err:.6e}");
    let (k, err) = minimax_sigmoid_slope();
    println!("minimax sigmoid slope: k = {k:.8}, max error {err:.6e}");
}

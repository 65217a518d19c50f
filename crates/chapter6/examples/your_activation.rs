//! Exercise 6.3's experiment: your activation, from exercises/chapter6/ex6_3_your_activation.rs,
//! trained beside ReLU with the chapter's protocol, seed by seed, and compared the way the
//! chapter compares the others. Once your exercise passes its test:
//!
//! ```text
//! cargo run --release -p chapter6 --example your_activation
//! ```
//!
//! The network and batches are the study's (8 hidden layers of 128 units, batches of 128, seeds
//! 0 to 9, so seed s starts both activations from the same weights), without dropout and with
//! Adam at learning rate 1e-3; but 20 epochs instead of 50, to keep the 20 runs under a minute in
//! release. The verdict is read off the 95% interval of the mean paired difference.

#[allow(unused_variables, unused_imports)] // the shipped stub uses neither its parameters nor imports
#[path = "../../../exercises/chapter6/ex6_3_your_activation.rs"]
mod your_activation;

use std::time::Instant;

use chapter5::network::CustomActivation;
use chapter6::custom::{CustomComparison, compare_with_relu};
use chapter6::{BOOK_SPLIT, Chapter6Error, StudyPlan, digits, stratified_split};

/// Adam's learning rate for both activations.
const LEARNING_RATE: f64 = 1e-3;

fn main() -> Result<(), Chapter6Error> {
    let name = your_activation::NAME;
    let custom =
        CustomActivation { name, value: your_activation::swish, slope: your_activation::swish_slope };
    let plan = StudyPlan { seeds: 10, selection_seeds: 1, epochs: 20, ..StudyPlan::full() };
    let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
    println!(
        "{name} against ReLU: {} seeds, {} epochs, hidden layers {:?}, no dropout, learning rate {LEARNING_RATE}",
        plan.seeds, plan.epochs, plan.hidden
    );

    let start = Instant::now();
    let CustomComparison { custom: ours, relu, comparison } =
        compare_with_relu(custom, &plan, 0.0, LEARNING_RATE, &splits)?;
    let seconds = start.elapsed().as_secs_f64();

    println!("\nfinal test error, seed by seed (difference = {name} - ReLU, in percentage points)");
    println!("{:>4}  {:>12}  {:>8}  {:>10}", "seed", name, "ReLU", "difference");
    for (seed, (a, b)) in ours.iter().zip(&relu).enumerate() {
        println!("{seed:>4}  {:>11.2}%  {:>7.2}%  {:>+10.2}", 100.0 * a, 100.0 * b, 100.0 * (a - b));
    }
    let (low, high) = comparison.interval;
    println!(
        "\nmean difference {:+.2} points, 95% interval [{:+.2}, {:+.2}]",
        100.0 * comparison.mean,
        100.0 * low,
        100.0 * high
    );
    println!(
        "paired t-test p = {:.3}, exact sign-flip p = {:.3}; {name} better on {} seeds, worse on {}, tied on {}",
        comparison.t_test_p, comparison.sign_flip_p, comparison.wins, comparison.losses, comparison.ties
    );
    let verdict = if low <= 0.0 && 0.0 <= high {
        "no detectable difference at the 5% level (the interval contains 0)".to_owned()
    } else if high < 0.0 {
        format!("{name} errs less than ReLU at the 5% level (the whole interval is below 0)")
    } else {
        format!("{name} errs more than ReLU at the 5% level (the whole interval is above 0)")
    };
    println!("verdict: {verdict}");
    println!("({} runs in {seconds:.0} s)", 2 * plan.seeds);
    Ok(())
}

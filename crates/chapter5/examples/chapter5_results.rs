//! `cargo run --release -p chapter5 --example chapter5_results` runs chapter 5's experiment
//! (fixed GELU against learnable `mu`, `sigma`, [`chapter5::learning`]) and prints its summary
//! and how long it took, then every run (test accuracy, final loss, each learnable layer's final
//! `mu` and `sigma`). `--quick` runs [`ExperimentConfig::quick`] instead of the book's
//! configuration; `--epochs=N`, `--samples=N`, `--train=N` and `--batch=N` change one size (to
//! see how the comparison depends on the training budget). `--write` writes the committed
//! results table `book/benchmarks/ch5-learning.md` (the book's configuration at the budgets
//! [`chapter5::learning::TABLE_EPOCHS`]); `--check` recomputes it and fails if the committed file
//! differs (a step of `cargo course verify`).

use std::time::Instant;

use chapter5::learning::{ExperimentConfig, run_experiment};

/// The committed table, relative to this crate.
const TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../book/benchmarks/ch5-learning.md");

/// The table at every budget of `TABLE_EPOCHS`, with the book's configuration otherwise.
fn results() -> Result<String, chapter5::network::NetworkError> {
    let mut budgets = Vec::new();
    for epochs in chapter5::learning::TABLE_EPOCHS {
        let config = ExperimentConfig { epochs, ..ExperimentConfig::book() };
        budgets.push((epochs, run_experiment(&config)?.summary()?));
    }
    let table = chapter5::learning::results_table(&budgets);
    Ok(format!(
        "{table}\n*Two spirals, {} training and {} test points, a 2-16-16-2 network, Adam, {} seeds per \
         variant (mean ± standard error; the difference is paired seed by seed). Written by \
         `cargo run --release -p chapter5 --example chapter5_results -- --write`; `cargo course \
         verify` checks it.*\n",
        chapter5::learning::TRAIN_SAMPLES,
        chapter5::learning::SAMPLES - chapter5::learning::TRAIN_SAMPLES,
        chapter5::learning::SEEDS.len()
    ))
}

fn main() -> Result<std::process::ExitCode, chapter5::network::NetworkError> {
    if std::env::args().any(|arg| arg == "--write") {
        let table = results()?;
        std::fs::write(TABLE, &table).expect("book/benchmarks/ is writable");
        print!("{table}");
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if std::env::args().any(|arg| arg == "--check") {
        let committed = std::fs::read_to_string(TABLE).unwrap_or_default();
        if committed == results()? {
            println!("book/benchmarks/ch5-learning.md is what the experiment gives");
            return Ok(std::process::ExitCode::SUCCESS);
        }
        eprintln!(
            "book/benchmarks/ch5-learning.md is stale: run \
             `cargo run --release -p chapter5 --example chapter5_results -- --write`"
        );
        return Ok(std::process::ExitCode::FAILURE);
    }
    let quick = std::env::args().any(|arg| arg == "--quick");
    let mut config = if quick { ExperimentConfig::quick() } else { ExperimentConfig::book() };
    for arg in std::env::args() {
        if let Some((key, value)) = arg.split_once('=') {
            let value: usize = value.parse().unwrap_or(0);
            match key {
                "--epochs" => config.epochs = value,
                "--samples" => config.samples = value,
                "--train" => config.train_samples = value,
                "--batch" => config.batch_size = value,
                _ => {}
            }
        }
    }
    let start = Instant::now();
    let experiment = run_experiment(&config)?;
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{} runs ({} variants x {} seeds), {} epochs: {elapsed:.2} s, {:.3} s per run",
        experiment.runs.len(),
        config.variants.len(),
        config.seeds.len(),
        config.epochs,
        elapsed / experiment.runs.len() as f64
    );
    for summary in experiment.summary()? {
        let difference = summary
            .difference_from_fixed
            .map(|(mean, se)| format!("{:+.4} +- {:.4}", mean, se))
            .unwrap_or_else(|| "-".into());
        println!(
            "{:34} accuracy {:.4} +- {:.4}  loss {:.4}  minus fixed {difference}",
            summary.variant.name(),
            summary.mean_test_accuracy,
            summary.standard_error,
            summary.mean_final_loss
        );
    }
    for run in &experiment.runs {
        let last = |t: &chapter5::learning::Trajectory| {
            let k = t.mu.len() - 1;
            format!("(mu {:+.3}, sigma {:.3})", t.mu[k][0], t.sigma[k][0])
        };
        let layers: Vec<String> = run.trajectories.iter().map(last).collect();
        println!(
            "{:34} seed {} test {:.3} loss {:.4} {}",
            run.variant.name(),
            run.seed,
            run.test_accuracy,
            run.final_loss,
            layers.join(" ")
        );
    }
    Ok(std::process::ExitCode::SUCCESS)
}

//! The experiment of chapter 5 (`chapter5::learning`): reproducible bits, learnable layers that
//! move away from GELU, and a summary that is what the runs give. On a reduced configuration
//! (the book's data and network, fewer epochs and seeds) so that it stays fast in debug builds;
//! the book's full configuration runs once, in the figures.

use chapter5::learning::{ExperimentConfig, SEEDS, Variant, decision_grid, run_experiment, run_one};
use chapter5::network::{Layer, NetworkError};

/// The reduced configuration: 2 epochs, 3 seeds, every variant.
fn reduced() -> ExperimentConfig {
    ExperimentConfig { epochs: 2, seeds: SEEDS[..3].to_vec(), ..ExperimentConfig::book() }
}

#[test]
fn the_experiment_gives_the_same_bits_twice() {
    let config = ExperimentConfig { seeds: SEEDS[..2].to_vec(), ..reduced() };
    let (first, second) = (run_experiment(&config).unwrap(), run_experiment(&config).unwrap());
    assert_eq!(first, second);
    let bits = |experiment: &chapter5::learning::Experiment| -> Vec<u64> {
        experiment
            .runs
            .iter()
            .flat_map(|run| {
                let path = run.trajectories.iter().flat_map(|t| t.mu.iter().chain(&t.sigma).flatten());
                [run.test_accuracy, run.final_loss]
                    .into_iter()
                    .chain(run.epoch_losses.clone())
                    .chain(path.copied())
            })
            .map(f64::to_bits)
            .collect()
    };
    assert_eq!(bits(&first), bits(&second));
    // A different seed is a different run.
    let (a, b) = (&first.runs[0], &first.runs[1]);
    assert_eq!((a.variant, b.variant), (Variant::Fixed, Variant::Fixed));
    assert_ne!(a.epoch_losses, b.epoch_losses);
}

#[test]
fn learnable_layers_start_at_gelu_and_move_away() {
    let config = reduced();
    for variant in [Variant::PerLayerExp, Variant::PerLayerSoftplus, Variant::PerUnitExp] {
        let run = run_one(&config, variant, SEEDS[0]).unwrap();
        assert_eq!(run.trajectories.len(), config.hidden.len(), "{variant:?}");
        for (trajectory, &width) in run.trajectories.iter().zip(&config.hidden) {
            let pairs = if variant == Variant::PerUnitExp { width } else { 1 };
            assert_eq!(trajectory.mu.len(), config.epochs + 1);
            assert!(trajectory.mu.iter().chain(&trajectory.sigma).all(|row| row.len() == pairs));
            // Exactly GELU at the start (softplus: sigma(ln(e - 1)) is 1 to the last bit or two).
            assert!(trajectory.mu[0].iter().all(|&mu| mu == 0.0));
            assert!(trajectory.sigma[0].iter().all(|&sigma| (sigma - 1.0).abs() < 1e-15));
            // And clearly elsewhere at the end: 0.01 is far beyond rounding.
            let last = config.epochs;
            let moved = (0..pairs)
                .map(|p| trajectory.mu[last][p].abs().max((trajectory.sigma[last][p] - 1.0).abs()))
                .fold(0.0, f64::max);
            assert!(moved > 0.01, "{variant:?}, layer {}: moved {moved}", trajectory.layer);
            assert!(trajectory.sigma.iter().flatten().all(|&sigma| sigma > 0.0));
        }
        // The recorded end is the trained network's.
        for trajectory in &run.trajectories {
            let Layer::Learnable(layer) = &run.network.layers()[trajectory.layer] else {
                panic!("layer {} is not learnable", trajectory.layer)
            };
            assert_eq!(layer.mu(), trajectory.mu[config.epochs]);
            assert_eq!(layer.sigma(), trajectory.sigma[config.epochs]);
        }
    }
    // Fixed GELU has nothing to learn.
    assert!(run_one(&config, Variant::Fixed, SEEDS[0]).unwrap().trajectories.is_empty());
}

#[test]
fn the_summary_is_what_the_runs_give() {
    let experiment = run_experiment(&reduced()).unwrap();
    let summary = experiment.summary().unwrap();
    let variants: Vec<Variant> = summary.iter().map(|s| s.variant).collect();
    assert_eq!(variants, Variant::ALL);
    let fixed: Vec<f64> = experiment.runs_of(Variant::Fixed).map(|run| run.test_accuracy).collect();
    assert_eq!(fixed.len(), 3);
    for s in &summary {
        let runs: Vec<_> = experiment.runs_of(s.variant).collect();
        let accuracies: Vec<f64> = runs.iter().map(|run| run.test_accuracy).collect();
        let n = accuracies.len() as f64;
        let mean = accuracies.iter().sum::<f64>() / n;
        let variance = accuracies.iter().map(|a| (a - mean).powi(2)).sum::<f64>() / (n - 1.0);
        assert_eq!(s.n, 3);
        assert!((s.mean_test_accuracy - mean).abs() < 1e-15, "{s:?}");
        assert!((s.standard_error - (variance / n).sqrt()).abs() < 1e-15, "{s:?}");
        let loss = runs.iter().map(|run| run.final_loss).sum::<f64>() / n;
        assert!((s.mean_final_loss - loss).abs() < 1e-15);
        // Every accuracy is a count out of the 200 test points.
        assert!(accuracies.iter().all(|a| (a * 200.0 - (a * 200.0).round()).abs() < 1e-9));
        match s.difference_from_fixed {
            None => assert_eq!(s.variant, Variant::Fixed),
            Some((difference, standard_error)) => {
                let paired: Vec<f64> = accuracies.iter().zip(&fixed).map(|(a, f)| a - f).collect();
                let (expected, expected_se) = chapter1::mean_and_standard_error(&paired).unwrap();
                assert_eq!((difference, standard_error), (expected, expected_se));
                // The mean of the differences is the difference of the means.
                assert!((difference - (s.mean_test_accuracy - summary[0].mean_test_accuracy)).abs() < 1e-12);
            }
        }
    }
}

#[test]
fn bad_configurations_give_typed_errors() {
    let one_seed = ExperimentConfig { seeds: vec![0], epochs: 1, ..reduced() };
    let experiment = run_experiment(&one_seed).unwrap();
    assert_eq!(experiment.summary().unwrap_err(), NetworkError::TooFewSamples { found: 1, needed: 2 });
    let no_split = ExperimentConfig { train_samples: 600, ..reduced() };
    assert_eq!(
        run_one(&no_split, Variant::Fixed, 0).unwrap_err(),
        NetworkError::TooFewSamples { found: 0, needed: 1 }
    );
    let no_batch = ExperimentConfig { batch_size: 0, ..reduced() };
    assert_eq!(
        run_one(&no_batch, Variant::Fixed, 0).unwrap_err(),
        NetworkError::BatchSizeOutOfRange { batch_size: 0 }
    );
    let mut net = run_one(&ExperimentConfig { epochs: 1, ..reduced() }, Variant::Fixed, 0).unwrap().network;
    assert_eq!(
        decision_grid(&mut net, 1.0, 0).unwrap_err(),
        NetworkError::TooFewSamples { found: 0, needed: 1 }
    );
    let grid = decision_grid(&mut net, 1.0, 4).unwrap();
    assert_eq!(grid.len(), 16);
}

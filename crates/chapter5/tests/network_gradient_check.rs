//! The whole network's gradient against central finite differences, in `f64`, for every
//! activation: every weight, bias, `mu` and `rho` of a tiny network.

use chapter1::Mode;
use chapter5::network::{Activation, Init, Layer, Network};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

/// Step of the central difference. Its truncation error is `h^2 f''' / 6`, about `1e-12`
/// here, and its rounding error about `eps |L| / h`, about `1e-10`.
const H: f64 = 1e-6;

#[test]
fn every_gradient_matches_central_differences_for_every_activation() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    let (inputs, classes, batch) = (3, 3, 5);
    let x: Vec<f64> = (0..batch * inputs).map(|_| rng.random_range(-1.5..1.5)).collect();
    let labels: Vec<usize> = (0..batch).map(|i| i % classes).collect();
    for activation in Activation::all() {
        let mut net = Network::<f64>::mlp(inputs, &[4, 4], classes, activation, 5).unwrap();
        // Move mu and sigma off their starting values, so their gradients are generic.
        for (k, (values, _)) in net.parameters().into_iter().enumerate() {
            for (i, v) in values.iter_mut().enumerate() {
                *v += 0.1 * ((k * 7 + i) as f64).sin();
            }
        }
        let mut unused = Xoshiro256PlusPlus::seed_from_u64(0);
        net.loss_and_gradients(&x, &labels, Mode::Eval, &mut unused).unwrap();
        let analytic: Vec<Vec<f64>> = net.parameters().iter().map(|(_, g)| g.to_vec()).collect();
        let mut worst = 0.0f64;
        for (k, tensor) in analytic.iter().enumerate() {
            for (i, &expected) in tensor.iter().enumerate() {
                let mut loss_at = |delta: f64| {
                    net.parameters()[k].0[i] += delta;
                    let loss = net.loss_and_gradients(&x, &labels, Mode::Eval, &mut unused).unwrap();
                    net.parameters()[k].0[i] -= delta;
                    loss
                };
                let numeric = (loss_at(H) - loss_at(-H)) / (2.0 * H);
                // Relative error, with gradients below 1e-3 judged on an absolute scale (the difference's
                // rounding noise, ~1e-10, would dominate a relative measure of a 1e-8 gradient).
                let error = (numeric - expected).abs() / numeric.abs().max(expected.abs()).max(1e-3);
                worst = worst.max(error);
                assert!(
                    error < 1e-6,
                    "{}: tensor {k} entry {i}: analytic {expected:e}, numeric {numeric:e}",
                    activation.name()
                );
            }
        }
        eprintln!("{}: worst relative error {worst:.1e}", activation.name());
    }
}

#[test]
fn dropout_gradients_match_central_differences_with_the_mask_held_fixed() {
    // Reseeding the generator before every evaluation draws the same dropout mask each time,
    // so the loss is a smooth function of the parameters and the check applies in training mode.
    let x = [0.3, -1.2, 0.8, 1.1, -0.4, 0.05, 0.7, 0.2];
    let labels = [1, 0];
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(4);
    let layers = vec![
        Layer::dense(4, 6, Init::He, &mut rng).unwrap(),
        Layer::activation(Activation::Gelu, 6),
        Layer::dropout(chapter1::DropoutRate::new(0.5).unwrap()),
        Layer::dense(6, 2, Init::Glorot, &mut rng).unwrap(),
    ];
    let mut net = Network::<f64>::new(4, layers).unwrap();
    let loss = |net: &mut Network<f64>| {
        let mut mask_rng = Xoshiro256PlusPlus::seed_from_u64(99);
        net.loss_and_gradients(&x, &labels, Mode::Train, &mut mask_rng).unwrap()
    };
    loss(&mut net);
    let analytic: Vec<Vec<f64>> = net.parameters().iter().map(|(_, g)| g.to_vec()).collect();
    let first_layer_gradient_is_masked = analytic[0].contains(&0.0) || analytic[2].contains(&0.0);
    assert!(first_layer_gradient_is_masked, "p = 0.5 over 6 units should drop one: {analytic:?}");
    for (k, tensor) in analytic.iter().enumerate() {
        for (i, &expected) in tensor.iter().enumerate() {
            net.parameters()[k].0[i] += H;
            let up = loss(&mut net);
            net.parameters()[k].0[i] -= 2.0 * H;
            let down = loss(&mut net);
            net.parameters()[k].0[i] += H;
            let numeric = (up - down) / (2.0 * H);
            let error = (numeric - expected).abs() / numeric.abs().max(expected.abs()).max(1e-3);
            assert!(error < 1e-6, "tensor {k} entry {i}: analytic {expected:e}, numeric {numeric:e}");
        }
    }
}

#[test]
fn f32_and_f64_networks_agree_on_the_gradient() {
    // The same weights in both types: the f32 path (chapter 4's kernels, the f32 slopes) must
    // give the f64 gradient to f32 accuracy.
    let x = [0.3, -1.2, 0.8, 1.1, -0.4, 0.05];
    let labels = [1, 0];
    for activation in [Activation::Gelu, Activation::GeluTanh, Activation::GeluSigmoid, Activation::Silu] {
        let mut wide = Network::<f64>::mlp(3, &[6], 2, activation, 9).unwrap();
        let mut narrow = Network::<f32>::mlp(3, &[6], 2, activation, 9).unwrap();
        let mut unused = Xoshiro256PlusPlus::seed_from_u64(0);
        let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        wide.loss_and_gradients(&x, &labels, Mode::Eval, &mut unused).unwrap();
        narrow.loss_and_gradients(&x32, &labels, Mode::Eval, &mut unused).unwrap();
        for ((_, g64), (_, g32)) in wide.parameters().iter().zip(narrow.parameters().iter()) {
            for (&a, &b) in g64.iter().zip(g32.iter()) {
                assert!((a - b as f64).abs() < 1e-5, "{}: {a} vs {b}", activation.name());
            }
        }
    }
}

//! The seeded experiments behind chapter 2's figures, as data: the page, the exercise checks and
//! `figures.rs` (which only draws) all read them from here.

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use crate::{ActivationError, DenseLayer, dead_fraction, relu_mask};

/// Inputs per panel of the gates figure, evenly spaced on `[-3, 3]`.
pub const GATES_POINTS: usize = 97;
/// Dropout rate of the gates figure's left panel.
pub const GATES_RATE: f64 = 0.5;
/// Seed of the gates figure's dropout coins.
pub const GATES_SEED: u64 = 1;

/// Inputs of each unit in the dying-ReLU layer.
pub const DYING_FAN_IN: usize = 64;
/// Units in the dying-ReLU layer.
pub const DYING_UNITS: usize = 2000;

/// Inputs in the data batch of the dying-ReLU figure.
pub const DYING_BATCH: usize = 64;
/// Seed of the dying-ReLU layer and batch.
pub const DYING_SEED: u64 = 2;

/// The gates figure's data: `(x, dropout output, ReLU output)` for each grid input, both outputs
/// computed by chapter 1's `gate`, dropout with the constant keep-probability `1 - p` and ReLU
/// with [`relu_mask`]. Seeded by [`GATES_SEED`], so the dropout column is the same on every run.
///
/// ```
/// let outputs = chapter2::experiments::gate_outputs();
/// assert_eq!(outputs.len(), chapter2::experiments::GATES_POINTS);
/// assert!(outputs.iter().all(|&(x, dropped, _)| dropped == 0.0 || dropped == x));
/// assert!(outputs.iter().all(|&(x, _, rectified)| rectified == chapter2::relu(x)));
/// ```
pub fn gate_outputs() -> Vec<(f64, f64, f64)> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(GATES_SEED);
    house_style::grid(-3.0, 3.0, GATES_POINTS - 1)
        .into_iter()
        .map(|x| {
            let dropped = chapter1::gate(x, |_| 1.0 - GATES_RATE, &mut rng).unwrap_or(f64::NAN);
            let rectified = chapter1::gate(x, relu_mask, &mut rng).unwrap_or(f64::NAN);
            (x, dropped, rectified)
        })
        .collect()
}

/// The dying-ReLU layer (He-normal, biases 0) and its standard normal data batch, from
/// [`DYING_SEED`]. Set the bias shift with [`DenseLayer::set_bias`]. (It cannot fail, since
/// `DYING_FAN_IN > 0`; the `Result` is [`DenseLayer::he_normal`]'s.)
///
/// ```
/// use chapter2::experiments::{DYING_BATCH, DYING_FAN_IN, DYING_UNITS, dying_layer_and_batch};
/// let (layer, batch) = dying_layer_and_batch()?;
/// assert_eq!((layer.units(), layer.fan_in(), batch.len()), (DYING_UNITS, DYING_FAN_IN, DYING_BATCH));
/// assert_eq!(layer.biases()[0], 0.0);
/// # Ok::<(), chapter2::ActivationError>(())
/// ```
pub fn dying_layer_and_batch() -> Result<(DenseLayer, Vec<Vec<f64>>), ActivationError> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(DYING_SEED);
    let layer = DenseLayer::he_normal(DYING_FAN_IN, DYING_UNITS, 0.0, &mut rng)?;
    let batch = crate::standard_normal_batch(DYING_BATCH, DYING_FAN_IN, &mut rng);
    Ok((layer, batch))
}

/// The bias shifts of the dying-ReLU figure: -6 to 1 in steps of 0.25 (29 values, all exact
/// in binary).
///
/// ```
/// let shifts = chapter2::experiments::dying_shifts();
/// assert_eq!((shifts.len(), shifts[0], shifts[28]), (29, -6.0, 1.0));
/// ```
pub fn dying_shifts() -> Vec<f64> {
    (0..=28).map(|i| -6.0 + 0.25 * f64::from(i)).collect()
}

/// The measured dead fraction of the figure's layer and batch at each bias shift.
///
/// Same result as setting the bias and calling [`DenseLayer::pre_activations`] for every shift
/// (the pre-activation is `w . x + b` either way), but the products `w . x` are computed once.
/// A NaN shift gives a NaN pre-activation everywhere, hence a dead fraction of 0.
///
/// ```
/// let fractions = chapter2::experiments::measured_dead_fractions(&[0.0, -3.0])?;
/// assert_eq!(fractions, [0.0, 0.3575]);
/// # Ok::<(), chapter2::ActivationError>(())
/// ```
pub fn measured_dead_fractions(shifts: &[f64]) -> Result<Vec<f64>, ActivationError> {
    let (layer, batch) = dying_layer_and_batch()?;
    let unbiased = layer.pre_activations(&batch)?;
    Ok(shifts
        .iter()
        .map(|&b| {
            let shifted: Vec<Vec<f64>> =
                unbiased.iter().map(|row| row.iter().map(|z| z + b).collect()).collect();
            dead_fraction(&shifted).unwrap_or(f64::NAN)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relu;

    #[test]
    fn shifting_the_unbiased_pre_activations_equals_setting_the_bias() {
        let shifts = [-3.25, -1.0];
        let fast = measured_dead_fractions(&shifts).unwrap();
        let (mut layer, batch) = dying_layer_and_batch().unwrap();
        for (&b, &f) in shifts.iter().zip(&fast) {
            layer.set_bias(b);
            assert_eq!(dead_fraction(&layer.pre_activations(&batch).unwrap()), Ok(f), "b = {b}");
        }
    }

    #[test]
    fn gate_outputs_are_dropout_and_relu() {
        for (x, dropped, rectified) in gate_outputs() {
            assert!(dropped == 0.0 || dropped == x, "dropout keeps or zeroes: {x} -> {dropped}");
            assert_eq!(rectified, relu(x), "ReLU's gate is ReLU at x = {x}");
        }
    }
}

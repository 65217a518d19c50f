//! The ELU kernels and the normal CDF and density kernels against `f64` references, on a sweep of
//! `f32` bit patterns (every 4099th in the learner's loop, every 257th with `slow-tests`) and the
//! special values. Errors in ULP of the result (of the larger term for ELU's slope, which is a
//! single term: `alpha e^x`).

use chapter2::Elu;
use chapter4::{elu_f32, elu_grad_f32, std_normal_cdf_f32, std_normal_pdf_f32};
use numerics::{WorstCase, std_normal_cdf, std_normal_pdf, ulps_f32};

fn sweep() -> Vec<f32> {
    let stride = if cfg!(feature = "slow-tests") { 257 } else { 4099 };
    (0..=u32::MAX).step_by(stride).map(f32::from_bits).filter(|x| x.is_finite()).collect()
}

/// The worst error of `kernel` against `reference` on the sweep.
fn worst(kernel: impl Fn(&mut [f32]), reference: impl Fn(f64) -> f64) -> WorstCase<f32> {
    let inputs = sweep();
    let mut out = inputs.clone();
    kernel(&mut out);
    let mut worst = WorstCase::default();
    for (&x, &y) in inputs.iter().zip(&out) {
        worst.record(ulps_f32(y, reference(x as f64)), x);
    }
    worst
}

#[test]
fn elu_is_within_2_ulp_of_chapter_2s_f64_elu() {
    for alpha in [1.0f32, 0.5] {
        let elu = Elu::new(alpha as f64).unwrap();
        let w = worst(|v| elu_f32(alpha, v), |x| elu.value(x));
        assert!(w.error <= 2.0, "alpha {alpha}: {:.3} ULP at x = {:e}", w.error, w.at);
        let mut gradient = vec![1.0f32; 1];
        let inputs = sweep();
        let mut slope = vec![1.0f32; inputs.len()];
        elu_grad_f32(alpha, &inputs, &mut slope).unwrap();
        let mut worst_slope = WorstCase::default();
        for (&x, &s) in inputs.iter().zip(&slope) {
            worst_slope.record(ulps_f32(s, elu.derivative(x as f64)), x);
        }
        assert!(worst_slope.error <= 2.0, "slope: {:.3} ULP at x = {:e}", worst_slope.error, worst_slope.at);
        gradient[0] = 3.0;
        elu_grad_f32(alpha, &[-0.0], &mut gradient).unwrap();
        assert_eq!(gradient[0], 3.0 * alpha); // the left slope at 0
    }
    let mut special = [f32::NAN, f32::NEG_INFINITY, -0.0, f32::INFINITY, -200.0];
    elu_f32(1.0, &mut special);
    assert!(special[0].is_nan());
    assert_eq!(
        special[1..].iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        [(-1.0f32).to_bits(), (-0.0f32).to_bits(), f32::INFINITY.to_bits(), (-1.0f32).to_bits()]
    );
}

#[test]
fn the_normal_cdf_and_density_are_within_4_ulp() {
    let cdf = worst(std_normal_cdf_f32, std_normal_cdf);
    assert!(cdf.error <= 4.0, "Phi: {:.3} ULP at x = {:e}", cdf.error, cdf.at);
    let pdf = worst(std_normal_pdf_f32, std_normal_pdf);
    assert!(pdf.error <= 4.0, "phi: {:.3} ULP at x = {:e}", pdf.error, pdf.at);
    let mut special = [f32::NAN, f32::NEG_INFINITY, f32::INFINITY, -15.0, 15.0];
    std_normal_cdf_f32(&mut special);
    assert!(special[0].is_nan());
    assert_eq!(special[1..], [0.0, 1.0, 0.0, 1.0]);
}

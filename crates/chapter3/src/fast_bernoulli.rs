//! Exact Bernoulli(q) draws, 64 at a time, from about seven random words instead of 64.
//!
//! Comparing a uniform `U` with `q` bit by bit, most significant bit first, decides `U < q` at the
//! first bit where they differ; a random bit equals `q`'s bit with probability 1/2, so one coin
//! needs 2 random bits on average. Doing that for one coin at a time branches unpredictably on
//! every bit. Instead, treat the 64 bit positions of a random word as 64 independent coins (lanes)
//! and compare all of them at once with word operations: word `i` supplies bit `i` of every
//! lane's `U`. A lane is decided at its first differing bit; the loop ends when every lane is.
//! The expected number of words is that of the maximum of 64 geometric(1/2) variables, about 7.3,
//! so a draw costs about 7.3 random bits, and the result is exactly Bernoulli(`q`) for the exact
//! binary value of the `f64` `q`: no rounding of `q` to 53 or 64 bits.

use rand::Rng;

use crate::McError;

/// A sampler of 64 independent Bernoulli(`q`) bits per call, exact for every `f64` `q` in `[0, 1]`.
/// Built by [`WordBernoulli::new`], which rejects a NaN or out-of-range `q`.
///
/// ```
/// use chapter3::WordBernoulli;
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(6);
/// let sampler = WordBernoulli::new(0.75)?;
/// let kept = sampler.kept_count(64_000, &mut rng) as f64;
/// // Binomial(64000, 0.75): mean 48000, standard deviation 110.
/// assert!((kept - 48_000.0).abs() < 5.0 * 110.0, "{kept}");
/// # Ok::<(), chapter3::McError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordBernoulli {
    /// `q = significand * 2^-scale`, with `significand < 2^53`; both 0 for `q = 0`.
    significand: u64,
    scale: u32,
    /// The position `i` of `q`'s last 1 bit (weight `2^-i`): no lane is undecided after it.
    last_one: u32,
    /// `q == 1`: every lane is kept without looking at random bits.
    certain: bool,
}

impl WordBernoulli {
    /// Prepares to draw with keep probability `q`. NaN or `q` outside `[0, 1]` gives
    /// [`McError::ProbabilityOutOfRange`] naming `q`. Subnormal `q` are exact too.
    ///
    /// ```
    /// use chapter3::{McError, WordBernoulli};
    /// assert!(WordBernoulli::new(5e-324).is_ok()); // the smallest subnormal
    /// assert_eq!(WordBernoulli::new(1.5), Err(McError::ProbabilityOutOfRange { q: 1.5 }));
    /// assert!(matches!(WordBernoulli::new(f64::NAN), Err(McError::ProbabilityOutOfRange { .. })));
    /// ```
    pub fn new(q: f64) -> Result<Self, McError> {
        if !(0.0..=1.0).contains(&q) {
            return Err(McError::ProbabilityOutOfRange { q });
        }
        if q == 1.0 {
            return Ok(Self { significand: 0, scale: 0, last_one: 0, certain: true });
        }
        // IEEE 754: a normal q is (2^52 + fraction) * 2^(exponent - 1075); a subnormal one is
        // fraction * 2^-1074. For q < 1 the scale is at least 53, so every bit has weight < 1.
        let bits = q.to_bits();
        let exponent = (bits >> 52) as u32;
        let fraction = bits & ((1 << 52) - 1);
        let (significand, scale) =
            if exponent == 0 { (fraction, 1074) } else { (fraction | (1 << 52), 1075 - exponent) };
        let last_one = scale.saturating_sub(significand.trailing_zeros());
        Ok(Self { significand, scale, last_one, certain: false })
    }

    /// Bit `i` (weight `2^-i`, `i >= 1`) of `q`'s binary expansion.
    fn bit(&self, i: u32) -> bool {
        let position = self.scale - i;
        position < 64 && (self.significand >> position) & 1 == 1
    }

    /// 64 independent Bernoulli(`q`) draws, one per bit of the result (1 = kept).
    ///
    /// Lane `j`'s uniform is `U_j = 0.b_1 b_2 b_3 ...` with `b_i` bit `j` of the `i`-th random word.
    /// At a bit where `q` has a 1, lanes whose bit is 0 have `U_j < q`: kept. Where `q` has a 0,
    /// lanes whose bit is 1 have `U_j > q`: dropped. In both cases the lanes whose bit equals `q`'s
    /// stay undecided. After `q`'s last 1 bit, a lane still equal to `q` has `U_j >= q`: dropped
    /// (it would tie only with probability zero). `q = 0` gives 0 and `q = 1` gives `u64::MAX`
    /// without drawing; there is no bad input (the sampler was validated when built).
    ///
    /// ```
    /// use chapter3::WordBernoulli;
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    /// assert_eq!(WordBernoulli::new(1.0)?.sample_word(&mut rng), u64::MAX);
    /// assert_eq!(WordBernoulli::new(0.0)?.sample_word(&mut rng), 0);
    /// // q = 1/2 is one bit: lane j is kept when bit j of one random word is 0.
    /// let half = WordBernoulli::new(0.5)?;
    /// let ones: u32 = (0..100).map(|_| half.sample_word(&mut rng).count_ones()).sum();
    /// assert!((f64::from(ones) - 3200.0).abs() < 5.0 * 40.0, "{ones}"); // Binomial(6400, 1/2)
    /// # Ok::<(), chapter3::McError>(())
    /// ```
    // ANCHOR: sample_word
    pub fn sample_word<R: Rng + ?Sized>(&self, rng: &mut R) -> u64 {
        if self.certain {
            return u64::MAX;
        }
        let mut kept = 0_u64;
        let mut undecided = u64::MAX;
        let mut i = 1;
        while undecided != 0 && i <= self.last_one {
            let random = rng.next_u64();
            if self.bit(i) {
                kept |= undecided & !random; // U has 0 where q has 1: U < q
                undecided &= random;
            } else {
                undecided &= !random; // U has 1 where q has 0: U > q
            }
            i += 1;
        }
        kept
    }
    // ANCHOR_END: sample_word

    /// How many of `n` independent draws are kept: a Binomial(`n`, `q`) count, from `ceil(n / 64)`
    /// calls of [`sample_word`](Self::sample_word). `n = 0` gives 0 and draws nothing.
    ///
    /// ```
    /// use chapter3::WordBernoulli;
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    /// assert_eq!(WordBernoulli::new(1.0)?.kept_count(100, &mut rng), 100); // not a multiple of 64
    /// assert_eq!(WordBernoulli::new(0.3)?.kept_count(0, &mut rng), 0);
    /// let kept = WordBernoulli::new(0.3)?.kept_count(10_000, &mut rng) as f64;
    /// assert!((kept - 3000.0).abs() < 5.0 * 45.8, "{kept}"); // sd sqrt(10000 * 0.3 * 0.7)
    /// # Ok::<(), chapter3::McError>(())
    /// ```
    pub fn kept_count<R: Rng + ?Sized>(&self, n: u64, rng: &mut R) -> u64 {
        let mut kept = 0_u64;
        for _ in 0..n / 64 {
            kept += u64::from(self.sample_word(rng).count_ones());
        }
        let rest = n % 64;
        if rest > 0 {
            let lanes = (1_u64 << rest) - 1;
            kept += u64::from((self.sample_word(rng) & lanes).count_ones());
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    /// Records every word it hands out, so a test can redo the comparison lane by lane.
    struct Recording<R> {
        inner: R,
        words: Vec<u64>,
    }

    impl<R: Rng> rand::TryRng for Recording<R> {
        type Error = core::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            Ok(self.inner.next_u32())
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            let word = self.inner.next_u64();
            self.words.push(word);
            Ok(word)
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            self.inner.fill_bytes(dst);
            Ok(())
        }
    }

    /// The slow, obvious comparison of lane `lane`'s bits with `q`, using exact rational
    /// arithmetic on the prefix: U_prefix = sum b_i 2^-i over the words used, and the undecided
    /// remainder is dropped (U >= q with probability one when q's bits are exhausted).
    fn lane_kept(words: &[u64], lane: u32, sampler: &WordBernoulli) -> bool {
        for (index, word) in words.iter().enumerate() {
            let i = index as u32 + 1;
            let u_bit = (word >> lane) & 1 == 1;
            let p_bit = sampler.bit(i);
            if u_bit != p_bit {
                return p_bit; // q has 1 and U has 0: U < q
            }
        }
        false
    }

    #[test]
    fn every_lane_agrees_with_a_bit_by_bit_comparison() {
        let probabilities =
            [0.5, 0.75, 0.1, 0.841_344_746_068_543, 1e-3, 0.999_999, 5e-324, 2.5e-310, 1e-300];
        for (seed, q) in probabilities.into_iter().enumerate() {
            let sampler = WordBernoulli::new(q).unwrap();
            let mut rng = Recording { inner: Xoshiro256PlusPlus::seed_from_u64(seed as u64), words: vec![] };
            for _ in 0..200 {
                rng.words.clear();
                let kept = sampler.sample_word(&mut rng);
                for lane in 0..64 {
                    let expected = lane_kept(&rng.words, lane, &sampler);
                    assert_eq!((kept >> lane) & 1 == 1, expected, "q = {q}, lane {lane}");
                }
            }
        }
    }

    #[test]
    fn kept_fraction_is_p_within_five_standard_errors() {
        // Kept ~ Binomial(n, q). 5 SE two-sided: false-failure rate 5.7e-7 per case.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(64);
        for q in [0.5, 0.3, 0.9772, 0.0228, 1e-3] {
            let n = 1_000_003; // not a multiple of 64: exercises the partial last word
            let kept = WordBernoulli::new(q).unwrap().kept_count(n, &mut rng) as f64;
            let standard_error = (n as f64 * q * (1.0 - q)).sqrt();
            assert!((kept - n as f64 * q).abs() <= 5.0 * standard_error, "q = {q}: kept {kept}");
        }
    }

    #[test]
    fn uses_about_seven_words_per_64_draws() {
        // Words used W: P(W > j) = 1 - (1 - 2^-j)^64 (some lane still undecided after j words),
        // so E[W] = 1 + sum_{j>=1} (1 - (1 - 2^-j)^64) = 7.34 words per call of 64 draws.
        let sampler = WordBernoulli::new(0.841_344_746_068_543).unwrap();
        let mut rng = Recording { inner: Xoshiro256PlusPlus::seed_from_u64(5), words: vec![] };
        for _ in 0..10_000 {
            sampler.sample_word(&mut rng);
        }
        let words_per_call = rng.words.len() as f64 / 10_000.0;
        assert!((words_per_call - 7.34).abs() < 0.1, "{words_per_call}");
    }

    #[test]
    fn certain_impossible_and_invalid() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        assert_eq!(WordBernoulli::new(1.0).unwrap().sample_word(&mut rng), u64::MAX);
        assert_eq!(WordBernoulli::new(0.0).unwrap().sample_word(&mut rng), 0);
        assert_eq!(WordBernoulli::new(0.0).unwrap().kept_count(100, &mut rng), 0);
        assert_eq!(WordBernoulli::new(1.0).unwrap().kept_count(100, &mut rng), 100);
        for q in [-0.1, 1.1, f64::NAN] {
            assert!(WordBernoulli::new(q).is_err());
        }
    }
}

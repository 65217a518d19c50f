//! Exact Bernoulli(p) draws, 64 at a time, from about seven random words instead of 64.
//!
//! Comparing a uniform `U` with `p` bit by bit, most significant bit first, decides `U < p` at the
//! first bit where they differ; a random bit equals `p`'s bit with probability 1/2, so one coin
//! needs 2 random bits on average. Doing that for one coin at a time branches unpredictably on
//! every bit. Instead, treat the 64 bit positions of a random word as 64 independent coins (lanes)
//! and compare all of them at once with word operations: word `i` supplies bit `i` of every
//! lane's `U`. A lane is decided at its first differing bit; the loop ends when every lane is.
//! The expected number of words is that of the maximum of 64 geometric(1/2) variables, about 7.3,
//! so a draw costs about 7.3 random bits, and the result is exactly Bernoulli(`p`) for the exact
//! binary value of the `f64` `p`: no rounding of `p` to 53 or 64 bits.

use rand::Rng;

use crate::McError;

/// A sampler of 64 independent Bernoulli(`p`) bits per call, exact for every `f64` `p` in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordBernoulli {
    /// `p = significand * 2^-scale`, with `significand < 2^53`; both 0 for `p = 0`.
    significand: u64,
    scale: u32,
    /// The position `i` of `p`'s last 1 bit (weight `2^-i`): no lane is undecided after it.
    last_one: u32,
    /// `p == 1`: every lane is kept without looking at random bits.
    certain: bool,
}

impl WordBernoulli {
    /// Prepares to draw with keep probability `p`. NaN or `p` outside `[0, 1]` gives
    /// [`McError::InvalidProbability`].
    pub fn new(p: f64) -> Result<Self, McError> {
        if !(0.0..=1.0).contains(&p) {
            return Err(McError::InvalidProbability { p });
        }
        if p == 1.0 {
            return Ok(Self { significand: 0, scale: 0, last_one: 0, certain: true });
        }
        // IEEE 754: a normal p is (2^52 + fraction) * 2^(exponent - 1075); a subnormal one is
        // fraction * 2^-1074. For p < 1 the scale is at least 53, so every bit has weight < 1.
        let bits = p.to_bits();
        let exponent = (bits >> 52) as u32;
        let fraction = bits & ((1 << 52) - 1);
        let (significand, scale) =
            if exponent == 0 { (fraction, 1074) } else { (fraction | (1 << 52), 1075 - exponent) };
        let last_one = scale.saturating_sub(significand.trailing_zeros());
        Ok(Self { significand, scale, last_one, certain: false })
    }

    /// Bit `i` (weight `2^-i`, `i >= 1`) of `p`'s binary expansion.
    fn bit(&self, i: u32) -> bool {
        let position = self.scale - i;
        position < 64 && (self.significand >> position) & 1 == 1
    }

    /// 64 independent Bernoulli(`p`) draws, one per bit of the result (1 = kept).
    ///
    /// Lane `j`'s uniform is `U_j = 0.b_1 b_2 b_3 ...` with `b_i` bit `j` of the `i`-th random word.
    /// At a bit where `p` has a 1, lanes whose bit is 0 have `U_j < p`: kept. Where `p` has a 0,
    /// lanes whose bit is 1 have `U_j > p`: dropped. In both cases the lanes whose bit equals `p`'s
    /// stay undecided. After `p`'s last 1 bit, a lane still equal to `p` has `U_j >= p`: dropped
    /// (it would tie only with probability zero).
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
                kept |= undecided & !random; // U has 0 where p has 1: U < p
                undecided &= random;
            } else {
                undecided &= !random; // U has 1 where p has 0: U > p
            }
            i += 1;
        }
        kept
    }
    // ANCHOR_END: sample_word

    /// How many of `n` independent draws are kept: a Binomial(`n`, `p`) count.
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

    /// The slow, obvious comparison of lane `lane`'s bits with `p`, using exact rational
    /// arithmetic on the prefix: U_prefix = sum b_i 2^-i over the words used, and the undecided
    /// remainder is dropped (U >= p with probability one when p's bits are exhausted).
    fn lane_kept(words: &[u64], lane: u32, sampler: &WordBernoulli) -> bool {
        for (index, word) in words.iter().enumerate() {
            let i = index as u32 + 1;
            let u_bit = (word >> lane) & 1 == 1;
            let p_bit = sampler.bit(i);
            if u_bit != p_bit {
                return p_bit; // p has 1 and U has 0: U < p
            }
        }
        false
    }

    #[test]
    fn every_lane_agrees_with_a_bit_by_bit_comparison() {
        let probabilities =
            [0.5, 0.75, 0.1, 0.841_344_746_068_543, 1e-3, 0.999_999, 5e-324, 2.5e-310, 1e-300];
        for (seed, p) in probabilities.into_iter().enumerate() {
            let sampler = WordBernoulli::new(p).unwrap();
            let mut rng = Recording { inner: Xoshiro256PlusPlus::seed_from_u64(seed as u64), words: vec![] };
            for _ in 0..200 {
                rng.words.clear();
                let kept = sampler.sample_word(&mut rng);
                for lane in 0..64 {
                    let expected = lane_kept(&rng.words, lane, &sampler);
                    assert_eq!((kept >> lane) & 1 == 1, expected, "p = {p}, lane {lane}");
                }
            }
        }
    }

    #[test]
    fn kept_fraction_is_p_within_five_standard_errors() {
        // Kept ~ Binomial(n, p). 5 SE two-sided: false-failure rate 5.7e-7 per case.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(64);
        for p in [0.5, 0.3, 0.9772, 0.0228, 1e-3] {
            let n = 1_000_003; // not a multiple of 64: exercises the partial last word
            let kept = WordBernoulli::new(p).unwrap().kept_count(n, &mut rng) as f64;
            let standard_error = (n as f64 * p * (1.0 - p)).sqrt();
            assert!((kept - n as f64 * p).abs() <= 5.0 * standard_error, "p = {p}: kept {kept}");
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
        for p in [-0.1, 1.1, f64::NAN] {
            assert!(WordBernoulli::new(p).is_err());
        }
    }
}

#!/usr/bin/env python3
"""Write the reference table reference/gelu_reference.csv for Phi(x) and GELU(x) = x Phi(x).

Every row holds an f64 input x, the exact values Phi(x) and GELU(x) to 30 significant
digits, and their correctly rounded f64 values (round to nearest, ties to even, including
subnormal results, as IEEE 754 bit patterns in hex). The Rust test
tests/reference_accuracy.rs measures the error of an implementation in ulps as the
distance between its result and the correctly rounded value in the ordered list of f64.

How the values are computed (mpmath, 256-bit arithmetic):

* |x| < 50:  Phi(x) = erfc(-x / sqrt 2) / 2.  Each value is recomputed at 320 bits and the
  two must agree to 2^-200 relative, as a guard against a library weakness.
* |x| >= 50: the upper tail Q(t) = Phi(-t) from its asymptotic series,
  Q(t) = phi(t)/t * sum_k (-1)^k (2k-1)!!/t^(2k), whose error is below the first omitted
  term (we stop below 2^-300 relative); Phi(x) = Q(-x) for x < 0 and 1 - Q(x) for x > 0.
  For astronomically small Phi (x < -1e4) the decimal string is formed from log10 Phi,
  computed with enough bits for its ~600-digit integer part.

Correct rounding to f64 is done by hand (scale to an integer multiple of the spacing, round
half to even), because converting an mpf with float() would round twice for subnormal
results. The script checks that no value lies within 2^-200 (relative) of a halfway point,
where 256 bits might not decide the rounding.

Deterministic: fixed seed, no dependence on the platform's libm; re-running it reproduces
the file byte for byte.  Requires Python 3 and mpmath (tested with Python 3.11, mpmath 1.3.0).

    python3 reference/make_reference.py                       # writes reference/gelu_reference.csv
    python3 reference/make_reference.py --random 200000 --out /tmp/dense.csv   # extra dense table
"""

import argparse
import math
import os
import random
import struct
import sys

import mpmath
from mpmath import mp, mpf

PREC = 256
CHECK_PREC = 320
DIGITS = 30
SEED = 20260601
F64_MAX = sys.float_info.max
MIN_NORMAL = sys.float_info.min  # 2^-1022
MIN_SUBNORMAL = 5e-324  # 2^-1074


# ---------------------------------------------------------------- f64 helpers

def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def ordered(x):
    """Map f64 to integers monotonically (+0 and -0 both to 0)."""
    b = bits(x)
    return -(b & 0x7FFFFFFFFFFFFFFF) if b >> 63 else b


def from_ordered(n):
    return from_bits(n) if n >= 0 else from_bits((-n) | (1 << 63))


def next_up(x):
    return math.nextafter(x, math.inf)


def next_down(x):
    return math.nextafter(x, -math.inf)


# ---------------------------------------------------------------- exact values

def asymptotic_series_sum(t):
    """1 - 1/t^2 + 3/t^4 - 15/t^6 + ..., summed until a term drops below 2^-300 (the remainder of
    this alternating asymptotic series is smaller than the first omitted term)."""
    u = 1 / (t * t)
    total, term, k = mpf(1), mpf(1), 0
    while abs(term) > mpf(2) ** -300:
        k += 1
        term *= -(2 * k - 1) * u
        total += term
    return total


def upper_tail_asymptotic(t):
    """Q(t) for t >= 50 by the asymptotic series; error below 2^-300 relative."""
    t = mpf(t)
    return mp.exp(-t * t / 2) / (t * mp.sqrt(2 * mp.pi)) * asymptotic_series_sum(t)


def log10_upper_tail_asymptotic(t):
    """log10 Q(t) for huge t, with enough bits for an integer part of up to ~620 digits."""
    t = mpf(t)
    total = asymptotic_series_sum(t)
    ln_q = -t * t / 2 - mp.log(t * mp.sqrt(2 * mp.pi)) + mp.log(total)
    return ln_q / mp.log(10)


def phi_exact(x):
    """Phi(x) as an mpf at the current precision (x a Python float)."""
    if abs(x) < 50:
        return mp.erfc(-mpf(x) / mp.sqrt(2)) / 2
    if x < 0:
        return upper_tail_asymptotic(-x)
    return 1 - upper_tail_asymptotic(x)


def working_bits(x):
    """PREC bits, plus one per binade below 1 for tiny x: GELU(x) = x/2 + x^2/sqrt(2 pi) + ...,
    and for subnormal x the second term (relative size |x|) must still be resolved, since it
    decides the rounding when x/2 falls halfway between two subnormals."""
    return PREC + max(0, -math.frexp(x)[1])


def phi_checked(x):
    with mp.workprec(working_bits(x)):
        value = phi_exact(x)
    if abs(x) < 50:
        with mp.workprec(working_bits(x) + CHECK_PREC - PREC):
            check = phi_exact(x)
            if value != 0 and abs(check / value - 1) > mpf(2) ** -200:
                raise RuntimeError("mpmath disagrees with itself at x = %r" % x)
    return value


# ---------------------------------------------------------------- rounding and printing

def round_to_f64(v, sign_of_zero=1.0, bits_of_v=PREC):
    """The f64 nearest to v (ties to even), subnormals included. v is accurate to about
    2^-(bits_of_v - 6) relative; we check that it is not within 2^-(bits_of_v - 56) of a tie,
    where that error might decide the rounding."""
    if v == 0:
        return math.copysign(0.0, sign_of_zero)
    sign = -1.0 if v < 0 else 1.0
    with mp.workprec(bits_of_v + 64):  # enough for scaled - n to be exact
        a = abs(v)
        _, e = mp.frexp(a)  # a = m 2^e with m in [1/2, 1): a in [2^(e-1), 2^e)
        quantum = max(int(e) - 53, -1074)  # spacing of f64 near a
        scaled = mp.ldexp(a, -quantum)
        n = int(mp.floor(scaled))
        frac = scaled - n
        if abs(frac - mpf(1) / 2) < mpf(2) ** -(bits_of_v - 56) * scaled:
            raise RuntimeError("value too close to a rounding tie: %s" % v)
    if frac > mpf(1) / 2:
        n += 1
    if n >= 2**53 and quantum + 53 > 1024:
        return sign * math.inf
    result = sign * math.ldexp(n, quantum)
    if result == 0:
        return math.copysign(0.0, sign)
    return result


def decimal_from_log10(sign, log10_abs):
    """'±d.ddd...e±N' with DIGITS significant digits from log10 of the magnitude."""
    exponent = int(mp.floor(log10_abs))
    mantissa = mp.power(10, log10_abs - exponent)  # in [1, 10)
    n = int(mp.nint(mantissa * mpf(10) ** (DIGITS - 1)))
    if n >= 10**DIGITS:  # rounded up to 10.000...
        n //= 10
        exponent += 1
    digits = str(n)
    return "%s%s.%se%d" % ("-" if sign < 0 else "", digits[0], digits[1:], exponent)


def decimal(v):
    if v == 0:
        return "0"
    with mp.workprec(PREC + 64):
        return decimal_from_log10(-1 if v < 0 else 1, mp.log10(abs(v)))


def reference_row(x):
    """(x, phi decimal, gelu decimal, phi rounded, gelu rounded) for an f64 x."""
    if x < -1e4:
        # Phi(x) = 10^(-hundreds of millions...): exact decimal via log10 at high precision.
        t = -x
        needed_bits = PREC + 2 * max(0, math.frexp(t)[1]) + 64
        with mp.workprec(needed_bits):
            log_phi = log10_upper_tail_asymptotic(t)
            phi_text = decimal_from_log10(1, log_phi)
            gelu_text = decimal_from_log10(-1, log_phi + mp.log10(t))
        # Both round to zero in f64 (and certainly so for t > 40).
        return phi_text, gelu_text, 0.0, -0.0
    phi = phi_checked(x)
    with mp.workprec(working_bits(x)):
        gelu = mpf(x) * phi
    phi_rounded = round_to_f64(phi, bits_of_v=working_bits(x))
    gelu_rounded = round_to_f64(gelu, sign_of_zero=math.copysign(1.0, x), bits_of_v=working_bits(x))
    return decimal(phi), decimal(gelu), phi_rounded, gelu_rounded


# ---------------------------------------------------------------- thresholds

def first_nonzero(f_rounded):
    """Smallest f64 x in [-40, -30] with f_rounded(x) != 0 (f_rounded increasing in |f|)."""
    lo, hi = ordered(-40.0), ordered(-30.0)  # f is 0 at lo, nonzero at hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if f_rounded(from_ordered(mid)) != 0:
            hi = mid
        else:
            lo = mid
    return from_ordered(hi)


def first_normal(f_rounded):
    """Smallest f64 x in [-40, -30] with |f_rounded(x)| >= 2^-1022."""
    lo, hi = ordered(-40.0), ordered(-30.0)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if abs(f_rounded(from_ordered(mid))) >= MIN_NORMAL:
            hi = mid
        else:
            lo = mid
    return from_ordered(hi)


def phi_rounded(x):
    return round_to_f64(phi_checked(x))


def gelu_rounded(x):
    with mp.workprec(working_bits(x)):
        return round_to_f64(mpf(x) * phi_checked(x), sign_of_zero=x)


# ---------------------------------------------------------------- the sample points

def sample_points(extra_random, phi_normal_from, gelu_normal_from):
    rng = random.Random(SEED)
    xs = set()

    def add(x):
        if math.isfinite(x):
            xs.add(x)
            xs.add(-x)

    def add_one(x):
        if math.isfinite(x):
            xs.add(x)

    def power_of_ten(exponent):
        # Not 10.0 ** exponent: that calls the platform's pow(), which may differ by an ulp
        # between systems. mpmath rounds correctly, so the points are the same everywhere.
        return float(mp.power(10, mpf(exponent)))

    # Zeros, subnormals, tiny, huge, and every magnitude in between (both signs).
    for x in [0.0, MIN_SUBNORMAL, 2 * MIN_SUBNORMAL, 3 * MIN_SUBNORMAL, 1e-320, MIN_NORMAL,
              next_down(MIN_NORMAL), next_up(MIN_NORMAL), 1e-300, 1e-200, 1e-100, 1e-30, 1e-20,
              2.0**-60, next_down(2.0**-60), next_up(2.0**-60), 2.0**-59, 1e-17, 1e-10, 1e-5,
              1e-3, 0.1, 0.5, 1.0, 2.0, 3.0, 4.0, 8.0, 16.0, 32.0, 40.0, 50.0, 100.0, 1e4,
              1e5, 1e10, 1e20, 1e100, 1e300, F64_MAX, next_down(F64_MAX)]:
        add(x)
    # Subnormal inputs with odd and even last bits.
    for _ in range(40):
        add_one(from_bits(rng.getrandbits(52)) * (1 if rng.random() < 0.5 else -1))
    # Edges of the implementation's pieces and thresholds, and their neighbours.
    for edge in [0.5, 1.0, 2.0, 4.0, 8.0, 8.5, 16.0, 38.5, 40.0]:
        for x in [edge, next_up(edge), next_down(edge)]:
            add(x)
    # Dense uniform grid over [-40, 10].
    for i in range(1601):
        add_one(-40.0 + 50.0 * i / 1600)
    # Random points near the underflow end and in the subnormal-result range.
    for _ in range(500):
        add_one(rng.uniform(-38.6, -37.0))
    # Results in the top subnormal binades (48 to 52 significant bits). There, rounding the
    # 53-bit high part alone onto the subnormal grid lands exactly on a halfway point for a
    # good fraction of inputs, and only the low part can break the tie correctly.
    for start in (phi_normal_from, gelu_normal_from):
        for _ in range(150):
            add_one(rng.uniform(start - 0.1, start))
    # Moderate arguments.
    for _ in range(400):
        add_one(rng.uniform(-10.0, 10.0))
    # Near zero, log-uniform magnitudes 1e-20 .. 1.
    for _ in range(150):
        add(power_of_ten(rng.uniform(-20.0, 0.0)))
    # Large magnitudes, log-uniform 10 .. 1e308.
    for _ in range(40):
        add(power_of_ten(rng.uniform(1.0, 308.0)))
    # Random bit patterns (any finite f64: mostly huge or tiny).
    count = 0
    while count < 80:
        x = from_bits(rng.getrandbits(64))
        if math.isfinite(x):
            add_one(x)
            count += 1
    # Optional extra random points for a denser (not committed) table.
    for _ in range(extra_random):
        add_one(rng.uniform(-39.0, 9.0))
    return xs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "gelu_reference.csv"))
    parser.add_argument("--random", type=int, default=0, help="extra random points in [-39, 9]")
    args = parser.parse_args()
    mp.prec = PREC

    phi_zero_from = first_nonzero(phi_rounded)
    gelu_zero_from = first_nonzero(gelu_rounded)
    phi_normal_from = first_normal(phi_rounded)
    gelu_normal_from = first_normal(gelu_rounded)

    xs = sample_points(args.random, phi_normal_from, gelu_normal_from)
    for x in [phi_zero_from, gelu_zero_from, phi_normal_from, gelu_normal_from]:
        xs.update([x, next_down(x), next_up(x)])
    # Order: by value, -0.0 before +0.0.
    rows = sorted(xs, key=lambda v: (v, math.copysign(1.0, v)))
    if 0.0 in xs:
        rows = [v for v in rows if v != 0.0]
        position = sum(1 for v in rows if v < 0)
        rows[position:position] = [-0.0, 0.0]

    lines = [
        "# Reference values of Phi(x) (standard normal CDF) and GELU(x) = x * Phi(x).",
        "# Generated by reference/make_reference.py (mpmath %s, %d-bit arithmetic, seed %d); "
        "do not edit by hand." % (mpmath.__version__, PREC, SEED),
        "# x: the f64 input as its shortest round-trip decimal (Python repr; Rust's str::parse",
        "#    gives back the same f64).",
        "# phi, gelu: the exact values to %d significant digits." % DIGITS,
        "# phi_rn, gelu_rn: their correctly rounded f64 (nearest, ties to even, subnormals",
        "#    included) as IEEE 754 bit patterns in hex.",
        "# Thresholds (smallest f64 x with the property): Phi(x) != 0 from x = %r;"
        % phi_zero_from,
        "#    GELU(x) != 0 from x = %r; Phi(x) normal from x = %r; GELU(x) normal from x = %r."
        % (gelu_zero_from, phi_normal_from, gelu_normal_from),
        "x,phi,gelu,phi_rn,gelu_rn",
    ]
    for x in rows:
        phi_text, gelu_text, phi_rn, gelu_rn = reference_row(x)
        lines.append("%r,%s,%s,%016x,%016x" % (x, phi_text, gelu_text, bits(phi_rn), bits(gelu_rn)))
    with open(args.out, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d rows to %s" % (len(rows), args.out), file=sys.stderr)
    print("thresholds: phi nonzero from %r, gelu nonzero from %r, phi normal from %r, gelu normal from %r"
          % (phi_zero_from, gelu_zero_from, phi_normal_from, gelu_normal_from), file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for the f64 approximations gelu_tanh and gelu_sigmoid (src/approximations.rs).

For each x, the exact value of each formula, with its decimal constants taken as exact reals:

    tanh form     T(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
    sigmoid form  S(x) = x / (1 + exp(-1.702 x))

computed with mpmath at 200 bits, and that value correctly rounded to f64 (round to nearest,
ties to even, subnormals included). T is evaluated as x / (1 + exp(-2u)), which is the same real
number without the cancellation of 1 + tanh(u) for u << 0 (checked below at 4000 bits).

Output: approximations_reference.csv beside this script, one row per x:

    x                          shortest decimal that round-trips to the f64 x
    x_bits                     the f64 bits of x, 16 hex digits
    tanh_exact                 T(x), 25 significant digits
    tanh_rounded_bits          T(x) correctly rounded to f64, 16 hex digits
    tanh_ulp_log2              log2 of the f64 ULP at T(x): 2^(e - 52) with 2^e <= |T(x)| < 2^(e+1),
                               and 2^-1074 for |T(x)| < 2^-1022 (the subnormal spacing)
    tanh_rounded_minus_exact   (rounded - T(x)) / ULP, 6 significant digits (within +-0.5)
    sigmoid_...                the same four columns for S(x)

A test then computes each function's error as |(f(x) - rounded) / ULP + rounded_minus_exact|.

Deterministic: fixed seed, Python's Mersenne Twister, exact rational rounding; re-running
reproduces the file byte for byte. Usage: python3 make_reference.py   (about 10 s)
"""

import math
import os
import random
import struct
from fractions import Fraction

import mpmath as mp

mp.mp.prec = 200

SQRT_2_OVER_PI = mp.sqrt(2 / mp.pi)
CUBIC = mp.mpf("0.044715")  # the decimal, to 200 bits
SLOPE = mp.mpf("1.702")


def tanh_form(x):
    x = mp.mpf(x)
    u = SQRT_2_OVER_PI * (x + CUBIC * x**3)
    return x / (1 + mp.exp(-2 * u))


def sigmoid_form(x):
    x = mp.mpf(x)
    return x / (1 + mp.exp(-SLOPE * x))


def ulp_log2(v):
    """log2 of the f64 spacing at |v| (subnormal spacing below 2^-1022)."""
    if v == 0:
        return -1074
    _, e = mp.frexp(v)  # |v| = m 2^e, m in [1/2, 1)
    return max(int(e) - 1, -1022) - 52


def round_to_f64(v):
    """v rounded to the nearest f64, ties to even, subnormals included; no double rounding."""
    if abs(v) < mp.ldexp(1, -1076):  # below a quarter of the smallest subnormal: zero
        return -0.0 if v < 0 else 0.0
    q = ulp_log2(v)
    man, exp = abs(mp.mpf(v)).man_exp  # |v| = man 2^exp exactly
    n = round(Fraction(man) * Fraction(2) ** (exp - q))  # Fraction rounding: nearest, ties to even
    magnitude = math.ldexp(n, q)  # exact: n <= 2^53
    return -magnitude if v < 0 else magnitude


def bits(f):
    return struct.unpack("<Q", struct.pack("<d", f))[0]


def sample_points():
    rng = random.Random(20240606)
    xs = []
    # Dense over [-40, 10]: every 0.02 (2501 points), offset by a fixed irrational-ish shift so
    # that the points are not all short decimals.
    xs += [-40 + 0.02 * i + 0.0061803398875 for i in range(2501)]
    # Around the tanh form's underflow: subnormal below -21.18, zero below -21.547.
    xs += [-21.0 - 0.001 * i for i in range(700)]
    # Around the sigmoid form's underflow: subnormal below -429.75, zero below -441.38.
    xs += [-428.0 - 0.02 * i for i in range(750)]
    # Tiny, subnormal and signed zeros.
    xs += [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308]
    xs += [s * 10.0**e for e in range(-320, -5, 7) for s in (1, -1)]
    # Huge, and near the early returns of the Rust code.
    xs += [s * 10.0**e for e in range(1, 309, 6) for s in (1, -1)]
    xs += [1.7976931348623157e308, -1.7976931348623157e308]
    for edge in (30.0, -30.0, 40.0, -500.0):
        xs += [math.nextafter(edge, -math.inf), edge, math.nextafter(edge, math.inf)]
    # Random: uniform on [-50, 50], log-uniform magnitudes, and random bit patterns.
    xs += [rng.uniform(-50, 50) for _ in range(1500)]
    xs += [rng.choice((1, -1)) * 10 ** rng.uniform(-10, 3) for _ in range(500)]
    while len(xs) < 6500:
        f = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(f):
            xs.append(f)
    return xs


def check_identity():
    """0.5 x (1 + tanh u) = x / (1 + e^(-2u)): confirm at points where the left side cancels."""
    with mp.workprec(4000):
        for x in (-3.0, -10.0, -21.5, 2.5):
            xm = mp.mpf(x)
            u = SQRT_2_OVER_PI * (xm + CUBIC * xm**3)
            as_written = xm / 2 * (1 + mp.tanh(u))
            identity = xm / (1 + mp.exp(-2 * u))
            assert abs(as_written / identity - 1) < mp.mpf(2) ** -250, x


def main():
    check_identity()
    rows = ["x,x_bits," + ",".join(
        f"{name}_{col}" for name in ("tanh", "sigmoid")
        for col in ("exact", "rounded_bits", "ulp_log2", "rounded_minus_exact")
    )]
    for x in sample_points():
        cells = [repr(x), f"{bits(x):016x}"]
        for form in (tanh_form, sigmoid_form):
            v = form(x)
            rounded = round_to_f64(v)
            q = ulp_log2(v)
            frac = (mp.mpf(rounded) - v) / mp.ldexp(1, q)
            cells += [mp.nstr(v, 25, min_fixed=1, max_fixed=0), f"{bits(rounded):016x}", str(q), mp.nstr(frac, 6)]
        rows.append(",".join(cells))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "approximations_reference.csv")
    with open(path, "w", newline="\n") as out:
        out.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows) - 1} rows to {path}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write reference/gate_reference.csv: GELU with a mean and a scale, f(x) = x Phi(z) with
z = (x - mu) / sigma, and its partial derivatives, for about 4,900 f64 triples (mu, sigma, x).

    value  = x Phi(z)
    dx     = Phi(z) + (x / sigma) phi(z)
    dmu    = -(x / sigma) phi(z)
    dsigma = -(x z / sigma) phi(z)

Columns: mu, sigma, x (shortest round-trip decimals; Rust's str::parse gives back the same f64),
z (the exact z to 20 digits, for reading the table), value_rn, dx_rn, dmu_rn, dsigma_rn (the
correctly rounded f64 of each exact value, as IEEE 754 bits in hex), dx_scale_rn (the larger of
|Phi(z)| and |(x / sigma) phi(z)|, rounded: dx's accuracy is measured against it, because dx has a
zero where its two terms cancel) and dx (the exact dx, 30 significant digits).

The exact values are computed from the f64 inputs with mpmath at 320 bits (z exactly, with no
rounding: that is the point of the table). It reuses the exact rounding of
crates/numerics/reference/make_reference.py (ties to even, subnormals included, and a stop if a
value lies too close to a tie).

Which triples: mu uniform in [-3, 3] and sigma log-uniform in [0.05, 5] (plus the corners and
(0, 1)), with x = mu + z sigma rounded to f64 for z on a grid from -38 to 10, random z in
[-38, 10], z in the far left tail [-38.6, -36.5] where the results become subnormal, and x at the
zero of dx (found by bisection in mpmath) with its neighbours a few ULP apart; 472 rows at
extreme scales (sigma from 1e-302 to 1e306, |mu| up to 7e307, x = mu + z sigma); and a far-tail
block (its own seed, FAR_TAIL_SEED, so the rows above and the --random rows are unchanged by it):
z from -40 down to -70 with a huge |x| (2^85 to f64::MAX) and sigma = (x - mu) / z, where x Phi(z)
is still a normal or subnormal f64 down to z = -53.86, and zero beyond (the code's cutoff is -64).

Deterministic (seeds 20261205 and 20261206, only +, *, / and mpmath): re-running reproduces the
file byte for byte.
Usage (mpmath needed):
    python3 crates/chapter5/reference/make_gate_reference.py        # the committed table, ~5 s
    python3 crates/chapter5/reference/make_gate_reference.py --random 100000 --out /tmp/dense.csv
    GATE_REFERENCE_CSV=/tmp/dense.csv cargo test -p chapter5 --test gate_accuracy -- --nocapture
"""

import argparse
import math
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "numerics", "reference"))
from make_reference import (  # noqa: E402
    PREC, bits, decimal, next_down, next_up, round_to_f64, upper_tail_asymptotic)

SEED = 20261205
FAR_TAIL_SEED = 20261206
WORK = PREC + 64


def exact(mu, sigma, x):
    """(z, value, dx, dmu, dsigma, dx_scale) as mpf, from the f64 inputs, at WORK bits."""
    mu, sigma, x = mpf(mu), mpf(sigma), mpf(x)
    z = (x - mu) / sigma
    cdf = mp.erfc(-z / mp.sqrt(2)) / 2
    if z < -40 and abs(upper_tail_asymptotic(-z) / cdf - 1) > mpf(2) ** -200:
        raise RuntimeError("erfc and the asymptotic series disagree at z = %s" % z)
    pdf = mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)
    slope = x / sigma * pdf
    return z, x * cdf, cdf + slope, -slope, -slope * z, max(abs(cdf), abs(slope))


def dx_root(mu, sigma):
    """The z < -mu/sigma where dx = Phi(z) + (mu/sigma + z) phi(z) vanishes, or None if it is below
    -38 (then every result there underflows)."""
    c = mpf(mu) / mpf(sigma)

    def f(z):
        return mp.erfc(-z / mp.sqrt(2)) / 2 + (c + z) * mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)

    hi = -c  # f(-c) = Phi(-c) > 0
    lo = mpf(-45)  # f < 0 there for every c in the table's range (c <= 60)
    if f(lo) >= 0 or hi <= -38:
        return None
    for _ in range(120):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    root = (lo + hi) / 2
    return root if root >= -38 else None


def parameters(rng):
    pairs = [(0.0, 1.0), (-3.0, 0.05), (3.0, 0.05), (-3.0, 5.0), (3.0, 5.0), (0.0, 0.05), (0.0, 5.0)]
    for _ in range(33):
        mu = rng.uniform(-3.0, 3.0)
        sigma = float(mp.exp(mpf(rng.uniform(float(mp.log(0.05)), float(mp.log(5.0))))))
        pairs.append((mu, sigma))
    return pairs


def log2_cdf(z):
    """log2 Phi(z) for a float z < 0, at WORK bits."""
    with mp.workprec(WORK):
        return mp.log(mp.erfc(-mpf(z) / mp.sqrt(2)) / 2, 2)


def far_tail_triples():
    """z in [-70, -40] with |x| from 2^85 to f64::MAX (x < 0, sigma = (x - mu) / z, huge too),
    where Phi(z) is below 2^-1160 and yet x Phi(z) may be a normal or subnormal f64. For each
    drawn z the exponent of x is chosen from log2 Phi(z) so that the result lands where wanted."""
    rng = random.Random(FAR_TAIL_SEED)
    triples = set()

    def add(mu, z, mantissa, exponent):
        x = -math.ldexp(mantissa, exponent)
        triples.add((mu, (x - mu) / z, x))

    # Normal results: |x| Phi(z) >= 2^-1021 needs an exponent of x of at least -1021 - log2 Phi(z)
    # (possible for z > -53.17 only).
    for _ in range(200):
        mu, z = rng.uniform(-3.0, 3.0), rng.uniform(-53.1, -40.0)
        lowest = max(85, int(mp.ceil(-1021 - log2_cdf(z))) + 1)
        add(mu, z, rng.uniform(1.0, 2.0), rng.randint(lowest, 1023))
    # Subnormal results: |x| Phi(z) in [2^-1074, 2^-1022), up to the largest x at z = -53.8.
    for _ in range(60):
        mu, z = rng.uniform(-3.0, 3.0), rng.uniform(-53.8, -40.0)
        exponent = int(mp.ceil(-1074 - log2_cdf(z))) + rng.randint(0, 50)
        if exponent <= 1023:
            add(mu, z, rng.uniform(1.0, 2.0), exponent)
    # Just below half the smallest subnormal: |x| Phi(z) in [2^-1077, 2^-1075), a zero.
    for _ in range(20):
        mu, z = rng.uniform(-3.0, 3.0), rng.uniform(-53.8, -40.0)
        add(mu, z, rng.uniform(1.0, 2.0), int(mp.floor(-1076 - log2_cdf(z))))
    # Zero for every finite x from z = -53.86 down: the largest x, between -53.86 and the code's
    # cutoff -64 (computed) and below it (returned as a zero).
    for z in [-54.0, -56.5, -60.0, -63.99, -64.01, -64.5, -70.0]:
        add(rng.uniform(-3.0, 3.0), z, 2.0 - 2.0**-52, 1023)
    # z = -64 and z = -40 exactly (mu = 0, sigma = |x| / 64 and |x| / 40 exact powers of two);
    # at z = -40, |x| = 40 2^81 ~ 2^86.3 gives the smallest subnormal, 40 2^80 a zero.
    triples.add((0.0, 2.0**1017, -2.0**1023))
    for exponent in [80, 81, 990]:
        triples.add((0.0, 2.0**exponent, -40 * 2.0**exponent))
    return triples


def sample_triples(extra_random):
    rng = random.Random(SEED)
    triples = set()
    for mu, sigma in parameters(rng):
        zs = [-38.0 + 48.0 * i / 48 for i in range(49)]  # grid: every integer z in [-38, 10]
        zs += [rng.uniform(-38.0, 10.0) for _ in range(25)]
        zs += [rng.uniform(-38.6, -36.5) for _ in range(12)]  # subnormal boundary
        zs += [rng.uniform(-1.0, 1.0) for _ in range(6)]
        for z in zs:
            triples.add((mu, sigma, mu + z * sigma))
        with mp.workprec(WORK):
            root = dx_root(mu, sigma)
        if root is not None:
            x = float(mpf(mu) + root * mpf(sigma))
            near = [x]
            for _ in range(3):
                near += [next_up(near[-1])]
            down = x
            for _ in range(3):
                down = next_down(down)
                near.append(down)
            for k in [2**10, 2**20, 2**30]:  # a little farther out
                near += [x + k * (next_up(x) - x), x - k * (next_up(x) - x)]
            triples.update((mu, sigma, v) for v in near)
    # Extreme scales, outside the table's main range: tiny and huge sigma, huge mu, x near mu.
    for mu, sigma in [(0.0, 1e-300), (1e300, 1e290), (-1e-200, 3e-210), (1.0, 2.0**-60),
                      (1e10, 1.0), (0.0, 1e300), (-7e307, 1e306), (1e-300, 1e-302)]:
        for i in range(49):
            triples.add((mu, sigma, mu + (-38.0 + i) * sigma))
        for _ in range(10):
            triples.add((mu, sigma, mu + rng.uniform(-38.0, 10.0) * sigma))
    triples.update(far_tail_triples())
    # Optional extra random triples, for a denser (not committed) table.
    for _ in range(extra_random):
        mu = rng.uniform(-3.0, 3.0)
        sigma = float(mp.exp(mpf(rng.uniform(float(mp.log(0.05)), float(mp.log(5.0))))))
        triples.add((mu, sigma, mu + rng.uniform(-38.6, 10.0) * sigma))
    return sorted(triples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(HERE, "gate_reference.csv"))
    parser.add_argument("--random", type=int, default=0, help="extra random (mu, sigma, x) triples")
    args = parser.parse_args()
    out = args.out
    lines = [
        "# GELU with mean mu and scale sigma: value = x Phi(z), z = (x - mu) / sigma, and its partials",
        "# dx = Phi(z) + (x/sigma) phi(z), dmu = -(x/sigma) phi(z), dsigma = -(x z/sigma) phi(z).",
        "# Generated by reference/make_gate_reference.py (mpmath %s, %d-bit arithmetic, seeds %d and %d); "
        "do not edit by hand." % (mpmath.__version__, WORK, SEED, FAR_TAIL_SEED),
        "# *_rn: the correctly rounded f64 as IEEE 754 bit patterns in hex; dx_scale_rn: the larger",
        "# of |Phi(z)| and |(x/sigma) phi(z)|, rounded; z and dx: exact, 20 and 30 significant digits.",
        "mu,sigma,x,z,value_rn,dx_rn,dmu_rn,dsigma_rn,dx_scale_rn,dx",
    ]
    mp.prec = WORK
    for mu, sigma, x in sample_triples(args.random):
        with mp.workprec(WORK):
            z, value, dx, dmu, dsigma, scale = exact(mu, sigma, x)
            z_text = mp.nstr(z, 20, min_fixed=-5, max_fixed=5)
        rounded = [round_to_f64(v, sign_of_zero=s) for v, s in
                   [(value, x), (dx, 1.0), (dmu, -x), (dsigma, -x * float(z)), (scale, 1.0)]]
        lines.append("%r,%r,%r,%s,%s,%s" % (mu, sigma, x, z_text,
                                             ",".join("%016x" % bits(v) for v in rounded), decimal(dx)))
    with open(out, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d rows to %s" % (len(lines) - 6, out), file=sys.stderr)


if __name__ == "__main__":
    main()

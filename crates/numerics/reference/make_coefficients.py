#!/usr/bin/env python3
"""Generate src/mills_ratio_coefficients.rs: piecewise polynomials for Mills' ratio.

Mills' ratio is R(t) = Q(t) / phi(t), where Q(t) = P(Z > t) = 1 - Phi(t) and
phi(t) = exp(-t^2/2) / sqrt(2 pi).  It is smooth and slowly varying (R(0) = sqrt(pi/2),
R(t) ~ 1/t), which makes it easy to approximate by polynomials, whereas Q itself spans
300 orders of magnitude on [0, 38.5].

For each interval [lower, upper) of t we fit R by a polynomial in powers of s = t - center
(relative least squares at Chebyshev nodes, which is close to minimax), and print:

* the first LEAD coefficients as double-doubles (hi, lo): the Rust code evaluates these
  last Horner steps in double-double arithmetic, because they carry the bulk of the value;
* the remaining coefficients as plain f64: their contribution is at most 2^-5.5 of R on
  each interval, so their rounding errors are damped accordingly.

The degree of each piece is the smallest one whose total error (fit error plus the rounding
of the printed coefficients, measured in exact arithmetic on a dense grid)
stays below 2^-TARGET_BITS relative.

Requirements: Python 3, mpmath (tested with 1.3.0).  Deterministic: re-running the script
reproduces the file byte for byte.

    python3 reference/make_coefficients.py > src/mills_ratio_coefficients.rs
"""

import sys

from mpmath import mp, mpf

mp.prec = 256

LEAD = 4  # coefficients carried as double-doubles
TARGET_BITS = 62  # relative error target for the polynomial with rounded coefficients
CHECK_POINTS = 2000  # dense grid per interval for measuring the error

# (lower, upper, center).  The center makes s = t - center exact in f64 for every t in
# [lower, upper) (Sterbenz: center/2 <= t <= 2*center, or center = 0).  The first piece is
# fitted on the symmetric interval [-0.5, 0.5] so that its polynomial is centered at 0.
PIECES = [
    (mpf("0"), mpf("0.5"), mpf("0")),
    (mpf("0.5"), mpf("1"), mpf("0.75")),
    (mpf("1"), mpf("2"), mpf("1.5")),
    (mpf("2"), mpf("4"), mpf("3")),
    (mpf("4"), mpf("8"), mpf("6")),
    (mpf("8"), mpf("16"), mpf("12")),
]


def mills_ratio(t):
    """R(t) = Q(t)/phi(t) = sqrt(pi/2) * exp(t^2/2) * erfc(t/sqrt(2))."""
    t = mpf(t)
    return mp.sqrt(mp.pi / 2) * mp.exp(t * t / 2) * mp.erfc(t / mp.sqrt(2))


def split_dd(v):
    """The double-double (hi, lo) nearest to v: hi = fl(v), lo = fl(v - hi)."""
    hi = float(v)  # mpf -> float rounds to nearest (all coefficients here are normal numbers)
    lo = float(v - mpf(hi))
    return hi, lo


def rounding_aware_fit(f, fit_lower, upper, center, degree):
    """Relative least-squares fit of f by sum_k c_k (t - center)^k on [fit_lower, upper].

    Rounding the fitted coefficients to f64 one by one would add up to 2^-53 * |c_k s^k| of
    error each, which is larger than the fit error itself.  So we round greedily: round
    c_LEAD to f64, refit all coefficients that are still free to absorb that rounding,
    round c_{LEAD+1}, refit, ... The first LEAD coefficients stay free until the end and are
    then stored as double-doubles, whose rounding (2^-106) is negligible.

    The fit uses 3(degree+1) Chebyshev nodes and weights 1/f(t), i.e. it minimises the
    relative error in the least-squares sense, which is close to the minimax error.
    """
    half = (upper - fit_lower) / 2
    mid = (upper + fit_lower) / 2
    m = 3 * (degree + 1)
    nodes = [mid + half * mp.cos(mp.pi * (k + mpf(1) / 2) / m) for k in range(m)]
    values = [f(t) for t in nodes]
    fixed = {}  # k -> coefficient already rounded to f64

    def solve():
        free = [k for k in range(degree + 1) if k not in fixed]
        a = mp.matrix(m, len(free))
        b = mp.matrix(m, 1)
        for i, t in enumerate(nodes):
            s = t - center
            weight = 1 / values[i]
            b[i] = (values[i] - mp.fsum(c * s**k for k, c in fixed.items())) * weight
            for j, k in enumerate(free):
                a[i, j] = (s / half) ** k * weight  # scaled powers keep the system well conditioned
        x, _residual = mp.qr_solve(a, b)
        return {k: x[j] / half**k for j, k in enumerate(free)}

    for k in range(LEAD, degree + 1):
        fixed[k] = mpf(float(solve()[k]))
    free = solve()
    lead = [split_dd(free[k]) for k in range(LEAD)]
    tail = [float(fixed[k]) for k in range(LEAD, degree + 1)]
    exact = [mpf(hi) + mpf(lo) for hi, lo in lead] + [mpf(c) for c in tail]
    return lead, tail, exact


def max_relative_error(exact, f, lower, upper, center):
    worst = mpf(0)
    for i in range(CHECK_POINTS + 1):
        t = lower + (upper - lower) * i / CHECK_POINTS
        s = t - center
        p = mpf(0)
        for c in reversed(exact):
            p = p * s + c
        worst = max(worst, abs(p / f(t) - 1))
    return worst


def tail_weight(exact, f, lower, upper, center):
    """max over the interval of sum_{k>=LEAD} |c_k s^k| / R(t): how much of R the f64 part carries."""
    worst = mpf(0)
    for i in range(201):
        t = lower + (upper - lower) * i / 200
        s = abs(t - center)
        worst = max(worst, mp.fsum(abs(c) * s**k for k, c in enumerate(exact) if k >= LEAD) / f(t))
    return worst


def fit_piece(lower, upper, center):
    fit_lower = 2 * center - upper  # symmetric around the center (only differs for piece 0)
    for degree in range(LEAD, 40):
        lead, tail, exact = rounding_aware_fit(mills_ratio, fit_lower, upper, center, degree)
        err = max_relative_error(exact, mills_ratio, lower, upper, center)
        if err < mpf(2) ** -TARGET_BITS:
            return degree, lead, tail, err, tail_weight(exact, mills_ratio, lower, upper, center)
    raise RuntimeError("no degree below 40 reaches the target")


def fmt(v):
    return repr(float(v))  # shortest decimal that round-trips; Rust parses it exactly back


def main():
    out = []
    out.append("//! Piecewise polynomial coefficients for Mills' ratio R(t) = Q(t) / phi(t) on [0, 16).")
    out.append("//!")
    out.append("//! GENERATED by `reference/make_coefficients.py` (mpmath, 256-bit arithmetic); do not edit by hand.")
    out.append("//! Each piece is a polynomial fit of R in powers of s = t - center (see the script). The")
    out.append("//! first coefficients are double-doubles (hi, lo), the rest plain f64.")
    out.append("//!")
    out.append("//! Measured on 2001 points per piece, in exact arithmetic with the rounded coefficients:")
    out.append("//!")
    out.append("//! | interval | degree | max relative error | f64 part / R |")
    out.append("//! |---|---|---|---|")
    pieces = []
    for lower, upper, center in PIECES:
        degree, lead, tail, err, weight = fit_piece(lower, upper, center)
        pieces.append((lower, upper, center, lead, tail))
        out.append(
            "//! | [%s, %s) | %d | 2^%.1f | 2^%.1f |"
            % (fmt(lower), fmt(upper), degree, float(mp.log(err, 2)), float(mp.log(weight, 2)))
        )
        print("piece [%s, %s): degree %d, error 2^%.1f, f64 part 2^%.1f"
              % (lower, upper, degree, float(mp.log(err, 2)), float(mp.log(weight, 2))), file=sys.stderr)
    out.append("")
    out.append("use crate::double_double::DoubleDouble;")
    out.append("use crate::mills_ratio::Piece;")
    out.append("")
    out.append("/// The pieces, in increasing order of `upper`.")
    out.append("pub(crate) const PIECES: [Piece; %d] = [" % len(pieces))
    for lower, upper, center, lead, tail in pieces:
        out.append("    Piece {")
        out.append("        upper: %s," % fmt(upper))
        out.append("        center: %s," % fmt(center))
        out.append("        lead: [")
        for hi, lo in lead:
            out.append("            DoubleDouble::new(%s, %s)," % (fmt(hi), fmt(lo)))
        out.append("        ],")
        out.append("        tail: &[")
        for c in tail:
            out.append("            %s," % fmt(c))
        out.append("        ],")
        out.append("    },")
    out.append("];")
    print("\n".join(out))


if __name__ == "__main__":
    main()

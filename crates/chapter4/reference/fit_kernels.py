#!/usr/bin/env python3
"""Fit the minimax approximations used by the f32 kernels in src/kernels/.

Every fit minimises a maximum relative error with the Remez exchange algorithm, in mpmath
(no other dependency), and then chooses f32 coefficients so that rounding them costs little:

1. exp(-r) = 1 - r + r^2 p(r), deg p = 4, on [-0.35, 0.42] (the reduced argument of
   exp_f32.rs, used by the tanh, sigmoid and SiLU kernels: |a - k ln 2| <= ln 2 / 2 plus a small
   b <= 0.07). The coefficients are rounded to f32 either all at once or one at a time (lowest
   degree first, refitting the remaining ones after each rounding), whichever is better.
2. exp(-r/2) = 1 + r q(r), deg q = 5, on [-0.6935, 0.6935] (gaussian_f32.rs: the exact kernel's
   reduced argument r = w - 2k ln 2, |r| <= ln 2 plus roundings).
3. c z / (z + phi(z)) = zB / (sqrt(2 pi) zB + A), deg A = 4, deg B = 5, on [0, 15], where
   z Q(z) = c e^(-z^2/2) z / (z + phi(z)), c = 1/sqrt(2 pi), Q(z) = Phi(-z) = erfc(z/sqrt 2)/2.
   The error that matters is the relative error of z / (z + phi), which is
   |phi_error| / (z + phi): the Remez weight. The ratio is unchanged by scaling A and B together,
   so 512 common scale factors are tried and the one whose rounded coefficients do best is kept.
   The kernel multiplies zB by sqrt(2 pi) rounded to f32, i.e. it computes kappa' times the
   intended ratio with kappa' = f32(sqrt(2 pi)) c: the fit absorbs kappa' (it fits
   (z + phi) / kappa' - z, then scales A by f32(sqrt(2 pi))).
The output is deterministic; it prints Rust constants (shortest decimal that round-trips to the
f32) and the errors, as recorded in fit_kernels.txt. Usage: python3 fit_kernels.py  (a few
minutes)
"""

import struct

import mpmath as mp

mp.mp.dps = 40

Z_MAX = mp.mpf(15)


def f32(x):
    """Nearest f32 (round to nearest even). Via the nearest f64: the double rounding cannot
    matter at the 1e-9 level of these fits."""
    return struct.unpack("<f", struct.pack("<f", float(x)))[0]


def f32_literal(x):
    """Shortest decimal string that parses back to the same f32."""
    v = f32(x)
    for digits in range(1, 12):
        s = f"{v:.{digits}e}"
        if f32(float(s)) == v:
            return repr(float(s)) if 1e-5 <= abs(float(s)) < 1e8 else s
    raise AssertionError


def horner(coeffs, x):
    acc = mp.mpf(0)
    for c in reversed(coeffs):
        acc = acc * x + c
    return acc


def exchange(grid, err, npts):
    """New reference: the largest |error| in each run of equal sign, trimmed to npts alternating
    points (dropping the smaller end run). None if the error has fewer than npts runs."""
    runs = []
    for x, e in zip(grid, err):
        if e == 0:
            continue
        s = e > 0
        if runs and runs[-1][0] == s:
            if abs(e) > abs(runs[-1][2]):
                runs[-1] = (s, x, e)
        else:
            runs.append((s, x, e))
    while len(runs) > npts:
        if abs(runs[0][2]) < abs(runs[-1][2]):
            runs.pop(0)
        else:
            runs.pop()
    return [r[1] for r in runs] if len(runs) == npts else None


def chebyshev_reference(grid, npts):
    """npts grid points near the Chebyshev extrema (grid points: never where a weight is 0)."""
    last = len(grid) - 1
    return [grid[int(mp.nint(last * (1 - mp.cos(mp.pi * i / (npts - 1))) / 2))] for i in range(npts)]


def remez_poly(target, weight, deg, grid, iterations=30):
    """p minimising max |weight(x) (target(x) - p(x))| over the grid, deg p = deg."""
    npts = deg + 2
    ref = chebyshev_reference(grid, npts)
    best = None
    for _ in range(iterations):
        rows = [[x**j for j in range(deg + 1)] + [(-1) ** i / weight(x)] for i, x in enumerate(ref)]
        sol = mp.lu_solve(mp.matrix(rows), mp.matrix([target(x) for x in ref]))
        p = [sol[j] for j in range(deg + 1)]
        err = [weight(x) * (target(x) - horner(p, x)) for x in grid]
        emax = max(abs(e) for e in err)
        if best is None or emax < best[1]:
            best = (p, emax)
        ref = exchange(grid, err, npts)
        if ref is None:
            break
    return best


def remez_rational(f, scale, m, n, grid, iterations=40):
    """P/D minimising max |(f(x) - P(x)/D(x)) / scale(x)|, deg P = m, deg D = n, D(0) = 1.

    On m + n + 2 reference points solve P(x_i) - f_i D(x_i) = (-1)^i E scale_i D(x_i), linearised
    by using the previous D on the right (iterated), then exchange the reference."""
    npts = m + n + 2
    ref = chebyshev_reference(grid, npts)
    fgrid = [f(x) for x in grid]
    sgrid = [scale(x) for x in grid]
    d_prev = [mp.mpf(1)]
    best = None
    for _ in range(iterations):
        for _inner in range(8):
            rows = []
            for i, x in enumerate(ref):
                row = [x**j for j in range(m + 1)] + [-f(x) * x**j for j in range(1, n + 1)]
                rows.append(row + [-((-1) ** i) * scale(x) * horner(d_prev, x)])
            sol = mp.lu_solve(mp.matrix(rows), mp.matrix([f(x) for x in ref]))
            p = [sol[j] for j in range(m + 1)]
            d_prev = [mp.mpf(1)] + [sol[m + 1 + j] for j in range(n)]
        err = [(fx - horner(p, x) / horner(d_prev, x)) / sx for x, fx, sx in zip(grid, fgrid, sgrid)]
        emax = max(abs(e) for e in err)
        if best is None or emax < best[2]:
            best = (p, d_prev, emax)
        ref = exchange(grid, err, npts)
        if ref is None:
            break
    return best


def round_coefficients(target, weight, p, grid):
    """f32 coefficients for the polynomial p ~ target: either p rounded, or rounded one at a time
    from the lowest degree up, refitting the higher ones after each rounding (the error of the
    rounded low coefficients is then partly absorbed). Returns (error, coefficients), the better."""
    deg = len(p) - 1
    fixed = []
    for j in range(deg + 1):
        # With coefficients 0..j-1 fixed: target - sum_{i<j} fixed_i x^i = x^j q(x).
        sub = [x for x in grid if x != 0] if j > 0 else grid

        def rest(x, j=j):
            return (target(x) - horner(fixed + [0] * (deg + 1 - j), x)) / x**j

        q, _ = remez_poly(rest, lambda x, j=j: weight(x) * abs(x) ** j, deg - j, sub)
        fixed.append(mp.mpf(f32(q[0])))
    naive = [mp.mpf(f32(x)) for x in p]
    return min((max(abs(weight(x) * (target(x) - horner(c, x))) for x in grid), c) for c in (fixed, naive))


def fit_exp(lo, hi):
    """exp(-r) = 1 - r + r^2 p(r) with minimal relative error."""
    grid = [x for x in (lo + (hi - lo) * mp.mpf(i) / 2000 for i in range(2001)) if x != 0]
    weight = lambda r: r * r * mp.exp(r)  # noqa: E731  relative error of exp(-r)
    target = lambda r: (mp.exp(-r) - 1 + r) / (r * r)  # noqa: E731
    p, emax = remez_poly(target, weight, 4, grid)
    err32, rounded = round_coefficients(target, weight, p, grid)
    return emax, err32, rounded


def fit_exp_half(lo, hi):
    """exp(-r/2) = 1 + r q(r), deg q = 5, with minimal relative error."""
    grid = [x for x in (lo + (hi - lo) * mp.mpf(i) / 2000 for i in range(2001)) if x != 0]
    target = lambda r: (mp.exp(-r / 2) - 1) / r  # noqa: E731
    weight = lambda r: abs(r) / mp.exp(-r / 2)  # noqa: E731  relative error of exp(-r/2)
    q, emax = remez_poly(target, weight, 5, grid)
    err32, rounded = round_coefficients(target, weight, q, grid)
    return emax, err32, rounded


def upper_tail_scaled(z):
    """S(z) = Q(z) exp(z^2/2), Q the standard normal upper tail."""
    return mp.erfc(z / mp.sqrt(2)) / 2 * mp.exp(z * z / 2)


def fit_phi():
    c = 1 / mp.sqrt(2 * mp.pi)
    sqrt_2pi_f32 = mp.mpf(f32(mp.sqrt(2 * mp.pi)))  # what the kernel multiplies zB by
    kappa = sqrt_2pi_f32 * c
    phi = lambda z: c / upper_tail_scaled(z) - z  # noqa: E731
    target = lambda z: (z + phi(z)) / kappa - z  # noqa: E731  absorbs kappa
    grid = [Z_MAX * (mp.mpf(i) / 3000) ** 2 for i in range(3001)]
    a, b, emax = remez_rational(target, lambda z: z + target(z), 4, 5, grid)

    # Rounding: try common scale factors, measure in f64 (plenty at this level) on a grid.
    zs = [float(z) for z in grid[1::2]]
    exact = [float(c * z / (z + phi(z))) for z in grid[1::2]]
    k = float(sqrt_2pi_f32)

    def rounded_error(af, bf):
        worst = 0.0
        for z, r in zip(zs, exact):
            pa = 0.0
            for co in reversed(af):
                pa = pa * z + co
            pb = 0.0
            for co in reversed(bf):
                pb = pb * z + co
            worst = max(worst, abs(z * pb / (k * z * pb + pa) / r - 1))
        return worst

    best = None
    for j in range(512):
        lam = 1 + mp.mpf(j) / 512
        af = [f32(lam * sqrt_2pi_f32 * x) for x in a]
        bf = [f32(lam * x) for x in b]
        e = rounded_error(af, bf)
        if best is None or e < best[0]:
            best = (e, af, bf)
    return emax, best, f32_literal(sqrt_2pi_f32)


def main():
    emax, err32, p = fit_exp(mp.mpf("-0.35"), mp.mpf("0.42"))
    print(f"// exp(-r) = 1 - r + r^2 p(r) on [-0.35, 0.42]: relative error {mp.nstr(emax, 3)},")
    print(f"// {mp.nstr(err32, 3)} with f32 coefficients.")
    print("const EXP_P: [f32; 5] = [" + ", ".join(f32_literal(x) for x in p) + "];")
    emax, err32, q = fit_exp_half(mp.mpf("-0.6935"), mp.mpf("0.6935"))
    print(f"// exp(-r/2) = 1 + r q(r) on [-0.6935, 0.6935]: relative error {mp.nstr(emax, 3)},")
    print(f"// {mp.nstr(err32, 3)} with f32 coefficients.")
    print("const EXP_HALF_Q: [f32; 6] = [" + ", ".join(f32_literal(x) for x in q) + "];")
    emax, (err32, af, bf), sqrt_2pi_literal = fit_phi()
    print(f"// c z / (z + phi) = zB / (sqrt(2 pi) zB + A) on [0, 15]: relative error {mp.nstr(emax, 3)},")
    print(f"// {err32:.3g} with f32 coefficients.")
    print(f"const SQRT_2PI: f32 = {sqrt_2pi_literal};")
    print("const PHI_A: [f32; 5] = [" + ", ".join(f32_literal(x) for x in af) + "];")
    print("const PHI_B: [f32; 6] = [" + ", ".join(f32_literal(x) for x in bf) + "];")

if __name__ == "__main__":
    main()

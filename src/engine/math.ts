/**
 * Deterministic elementary functions: exp, log, pow, expm1, log1p, tanh.
 *
 * ECMAScript only approximates `Math.exp`, `Math.log`, `Math.pow` …, and engines (V8, SpiderMonkey,
 * JavaScriptCore) differ in the last bit. The engine must replay a game identically everywhere, so it computes
 * these functions here from + − × ÷, `Math.sqrt`, `Math.abs` and 32-bit integer operations on the words of a
 * double — all of which IEEE 754 and ECMAScript define exactly. Every engine module imports them from this file
 * and never calls `Math.exp/log/pow/tanh/expm1/log1p`.
 *
 * The algorithms and constants are ports of fdlibm 5.3 (e_exp.c, e_log.c, e_pow.c, s_expm1.c, s_log1p.c,
 * s_tanh.c, s_scalbn.c), whose documented error is below 1 ulp. The port keeps fdlibm's order of operations so
 * that the results are fdlibm's bit for bit (checked against the C sources compiled without FMA on 1.6 million
 * inputs), except that exp(1) returns Math.E as V8 does. fdlibm's notice, which its licence asks us to keep:
 *
 *   Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunSoft, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted, provided that this notice
 *   is preserved.
 *
 * Special values follow fdlibm, which for these functions coincide with ECMAScript's rules
 * (e.g. pow(NaN, 0) = 1, pow(1, NaN) = NaN, pow(±1, ±Infinity) = NaN, log(−1) = NaN, log(±0) = −Infinity).
 */

// ---------------------------------------------------------------------------------------------------------
// Access to the high and low 32-bit words of a double (fdlibm's __HI / __LO).
//
// A Float64Array and an Int32Array share one 8-byte buffer. Typed arrays use the platform's byte order, so we
// find it once and pick which Int32 slot holds the high word; the words themselves are then the same
// everywhere (the high word holds the sign, the 11 exponent bits and the top 20 fraction bits).

const float64 = new Float64Array(1);
const int32 = new Int32Array(float64.buffer);
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([0x01020304]).buffer)[0] === 0x04;
const HI = IS_LITTLE_ENDIAN ? 1 : 0;
const LO = IS_LITTLE_ENDIAN ? 0 : 1;

/** The high word of x as a signed 32-bit integer (fdlibm's `__HI(x)` read into an `int`). */
function highWord(x: number): number {
  float64[0] = x;
  return int32[HI]!;
}

/** The low word of x as an unsigned 32-bit integer (fdlibm's `__LO(x)` read into an `unsigned`). */
function lowWord(x: number): number {
  float64[0] = x;
  return int32[LO]! >>> 0;
}

/** x with its high word replaced (fdlibm's `__HI(x) = hi`). */
function withHighWord(x: number, hi: number): number {
  float64[0] = x;
  int32[HI] = hi;
  return float64[0];
}

/** x with its low word replaced (fdlibm's `__LO(x) = lo`). */
function withLowWord(x: number, lo: number): number {
  float64[0] = x;
  int32[LO] = lo;
  return float64[0];
}

/** The double whose high and low words are given (fdlibm's `INSERT_WORDS`). */
function fromWords(hi: number, lo: number): number {
  int32[HI] = hi;
  int32[LO] = lo;
  return float64[0]!;
}

// Shared constants (hex words are fdlibm's; the decimal literals convert to exactly these doubles).
const HUGE = 1.0e300;
const TINY = 1.0e-300;
const TWO54 = 1.8014398509481984e16; // 0x43500000 00000000
const TWOM54 = 5.55111512312578270212e-17; // 0x3C900000 00000000
const TWO53 = 9007199254740992.0; // 0x43400000 00000000
const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.442695040888963387; // 0x3FF71547 652B82FE

// Remez coefficients of exp on [0, 0.34658] (e_exp.c, e_pow.c).
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.6533902205465251539e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0

// Remez coefficients of log(1+f) (e_log.c's Lg1..Lg7 = s_log1p.c's Lp1..Lp7).
const LG1 = 6.66666666666673513e-1; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244

/**
 * x · 2^n by exponent manipulation (fdlibm s_scalbn.c); rounds once when the result is subnormal.
 */
function scalbn(x: number, n: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = (hx & 0x7ff00000) >> 20;
  if (k === 0) {
    // 0 or subnormal x
    if ((lx | (hx & 0x7fffffff)) === 0) return x;
    x *= TWO54;
    hx = highWord(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
    if (n < -50000) return TINY * x;
  }
  if (k === 0x7ff) return x + x; // NaN or Infinity
  k = k + n;
  if (k > 0x7fe) return HUGE * (x < 0 ? -HUGE : HUGE);
  if (k > 0) return withHighWord(x, (hx & 0x800fffff) | (k << 20));
  if (k <= -54) {
    if (n > 50000) return HUGE * (x < 0 ? -HUGE : HUGE);
    return TINY * (x < 0 ? -TINY : TINY);
  }
  k += 54; // subnormal result
  x = withHighWord(x, (hx & 0x800fffff) | (k << 20));
  return x * TWOM54;
}

/**
 * e^x (fdlibm e_exp.c). Reduces x = k·ln2 + r with |r| ≤ ln2/2, approximates e^r by a degree-5 Remez
 * rational function and scales by 2^k. Error < 1 ulp. exp(0) = 1 exactly; exp(−Infinity) = 0; exp(1) = Math.E
 * (the one deliberate departure from fdlibm, as in V8).
 */
export function exp(x: number): number {
  let hx = highWord(x);
  const xsb = hx >>> 31; // sign bit of x
  hx &= 0x7fffffff; // high word of |x|
  let hi = 0;
  let lo = 0;
  let k: number;

  // Non-finite and overflowing/underflowing arguments.
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0.0; // exp(±Infinity) = {Infinity, 0}
    }
    if (x > 7.09782712893383973096e2) return HUGE * HUGE; // overflow (0x40862E42 FEFA39EF)
    if (x < -7.4513321910194110842e2) return 9.3326361850321887899e-302 * 9.3326361850321887899e-302; // underflow
  }

  // Argument reduction.
  if (hx > 0x3fd62e42) {
    // |x| > 0.5·ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      // fdlibm's own exp(1) is 2.7182818284590455, one ulp above e; like V8's port of this file we return
      // the correctly rounded e (0x4005BF0A 8B145769) so that exp(1) === Math.E everywhere.
      if (x === 1) return 2.718281828459045;
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0; // C's (int) truncates toward zero
      const t = k;
      hi = x - t * LN2_HI; // t·ln2_hi is exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28: e^x rounds to 1 + x
    return 1 + x;
  } else {
    k = 0;
  }

  // x is now in the primary range.
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20)); // add k to y's exponent
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * 9.3326361850321887899e-302; // 2^-1000
}

/**
 * Natural logarithm (fdlibm e_log.c). Writes x = 2^k·(1+f) with √2/2 < 1+f < √2 and approximates
 * log(1+f) by s = f/(2+f) and a degree-14 Remez polynomial. Error < 1 ulp. log(1) = 0 exactly;
 * log(±0) = −Infinity; log(x < 0) = NaN.
 */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0) = −Infinity (fdlibm: -two54/zero)
    if (hx < 0) return NaN; // log(negative) = NaN (fdlibm: (x-x)/zero)
    k -= 54;
    x *= TWO54; // subnormal: scale up x
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      const dk = k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (0.5 - 0.3333333333333333 * f); // fdlibm spells it 0.33333333333333333
    if (k === 0) return f - R;
    const dk = k;
    return dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

// Constants of e_pow.c.
const BP = [1.0, 1.5] as const;
const DP_H = [0.0, 5.84962487220764160156e-1] as const; // 0x3FE2B803 40000000
const DP_L = [0.0, 1.35003920212974897128e-8] as const; // 0x3E4CFDEB 43CFD006
// Coefficients of (3/2)·(log(x) − 2s − 2/3·s³).
const L1 = 5.99999999999994648725e-1; // 0x3FE33333 33333303
const L2 = 4.28571428578550184252e-1; // 0x3FDB6DB6 DB6FABFF
const L3 = 3.33333329818377432918e-1; // 0x3FD55555 518F264D
const L4 = 2.72728123808534006489e-1; // 0x3FD17460 A91D4101
const L5 = 2.30660745775561754067e-1; // 0x3FCD864A 93C9DB65
const L6 = 2.06975017800338417784e-1; // 0x3FCA7E28 4A454EEF
const LG2_FULL = 6.93147180559945286227e-1; // 0x3FE62E42 FEFA39EF
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43 00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61 0CA86C39
const OVT = 8.008566259537294e-17; // fdlibm: 8.0085662595372944372e-17 = −(1024 − log2(overflow + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 0x3FEEC709 DC3A03FD = 2/(3·ln2)
const CP_H = 9.61796700954437255859e-1; // 0x3FEEC709 E0000000 = (float)cp
const CP_L = -7.02846165095275826516e-9; // 0xBE3E2FE0 145B01F5 = tail of cp_h
const IVLN2 = 1.442695040888963387; // 0x3FF71547 652B82FE = 1/ln2
const IVLN2_H = 1.44269502162933349609; // 0x3FF71547 60000000 = 24-bit 1/ln2
const IVLN2_L = 1.92596299112661746887e-8; // 0x3E54AE0B F85DDF44 = tail of 1/ln2

/**
 * x^y (fdlibm e_pow.c). Computes log2(x) in two pieces, multiplies by y in simulated extra precision and
 * returns 2^n · e^(y′·ln2). "Nearly rounded"; pow(integer, integer) is exact when representable, so
 * pow(2, 10) = 1024. Special cases as in fdlibm and ECMAScript: pow(x, ±0) = 1 (even for NaN x),
 * pow(1, NaN) = NaN, pow(±1, ±Infinity) = NaN, pow(±0, y > 0) = ±0, pow(negative, non-integer) = NaN.
 */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  let j: number;
  let k: number;
  let n: number;
  let t1: number;
  let t2: number;
  let t: number;
  let u: number;
  let v: number;
  let w: number;
  let z: number;

  // y = ±0: x^0 = 1
  if ((iy | ly) === 0) return 1;

  // NaN in x or y
  if (
    ix > 0x7ff00000 ||
    (ix === 0x7ff00000 && lx !== 0) ||
    iy > 0x7ff00000 ||
    (iy === 0x7ff00000 && ly !== 0)
  ) {
    return x + y;
  }

  // For x < 0: yisint = 0 if y is not an integer, 1 if an odd integer, 2 if an even integer.
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) {
      yisint = 2; // |y| ≥ 2^53: an even integer
    } else if (iy >= 0x3ff00000) {
      k = (iy >> 20) - 0x3ff; // exponent
      if (k > 20) {
        j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  // Special values of y.
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return y - y; // (±1)^±Infinity = NaN
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x| > 1)^±Infinity = Infinity, 0
      return hy < 0 ? -y : 0; // (|x| < 1)^−,+Infinity = Infinity, 0
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5 and x ≥ +0
  }

  let ax = Math.abs(x);
  // Special values of x: ±0, ±Infinity, ±1.
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    z = ax;
    if (hy < 0) z = 1 / z; // 1/|x|
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) {
        z = (z - z) / (z - z); // (−1)^non-integer = NaN
      } else if (yisint === 1) {
        z = -z; // (x < 0)^odd = −(|x|^odd)
      }
    }
    return z;
  }

  n = (hx >> 31) + 1; // 0 when x < 0, 1 otherwise

  // (x < 0)^(non-integer) = NaN
  if ((n | yisint) === 0) return (x - x) / (x - x);

  let s = 1; // sign of the result: −1 for (negative)^(odd integer)
  if ((n | (yisint - 1)) === 0) s = -1;

  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    // Over- or underflow when x is not close to 1.
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // Now |1 − x| ≤ 2^-20, so log(x) ≈ t − t²/2 + t³/3 − t⁴/4 suffices.
    t = ax - 1; // t has 20 trailing zeros
    w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25)); // fdlibm spells it 0.3333333333333333333333
    u = IVLN2_H * t; // ivln2_h has 21 significant bits
    v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    // Subnormal x.
    if (ix < 0x00100000) {
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    j = ix & 0x000fffff;
    // Determine the interval.
    ix = j | 0x3ff00000; // normalise ix
    if (j <= 0x3988e) {
      k = 0; // |x| < √(3/2)
    } else if (j < 0xbb67a) {
      k = 1; // |x| < √3
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);

    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    u = ax - BP[k]!;
    v = 1 / (ax + BP[k]!);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    // t_h = ax + bp[k], high part
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - BP[k]!);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3.0 + s2 + r, 0);
    tL = r - (tH - 3.0 - s2);
    // u + v = ss·(1 + …)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3·ln2)·(ss + …)
    const pH = withLowWord(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH; // cp_h + cp_l = 2/(3·ln2)
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    // log2(ax) = (ss + …)·2/(3·ln2) = n + dp_h + z_h + z_l
    t = n;
    t1 = withLowWord(zH + zL + DP_H[k]! + t, 0);
    t2 = zL - (t1 - t - DP_H[k]! - zH);
  }

  // Split y into y1 + y2 and compute (y1 + y2)·(t1 + t2).
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  z = pL + pH;
  j = highWord(z);
  let i = lowWord(z) | 0;
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE; // z > 1024: overflow
    if (pL + OVT > z - pH) return s * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * TINY * TINY; // z < −1075: underflow
    if (pL <= z - pH) return s * TINY * TINY;
  }

  // 2^(p_h + p_l)
  i = j & 0x7fffffff;
  k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  t = withLowWord(pL + pH, 0);
  u = t * LG2_H;
  v = (pL - (t - pH)) * LG2_FULL + t * LG2_L;
  z = u + v;
  w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / (t1 - 2) - (w + z * w);
  z = 1 - (r - z);
  j = highWord(z) + (n << 20);
  if (j >> 20 <= 0)
    z = scalbn(z, n); // subnormal result
  else z = withHighWord(z, j);
  return s * z;
}

// Scaled Remez coefficients of expm1 (s_expm1.c).
const Q1 = -3.33333333333331316428e-2; // 0xBFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 0x3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // 0xBF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 0x3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // 0xBE8AFDB7 6E09C32D

/**
 * e^x − 1, accurate near 0 (fdlibm s_expm1.c). Error < 1 ulp. expm1(0) = 0 (sign kept); expm1(−Infinity) = −1.
 */
export function expm1(x: number): number {
  let hx = highWord(x);
  const xsb = hx & 0x80000000; // sign bit of x (non-zero when negative)
  hx &= 0x7fffffff; // high word of |x|
  let hi: number;
  let lo: number;
  let c = 0;
  let k: number;
  let t: number;
  let y: number;

  // Huge and non-finite arguments.
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln2
    if (hx >= 0x40862e42) {
      // |x| ≥ 709.78…
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return xsb === 0 ? x : -1.0; // expm1(±Infinity) = {Infinity, −1}
      }
      if (x > 7.09782712893383973096e2) return HUGE * HUGE; // overflow
    }
    if (xsb !== 0) return TINY - 1; // x < −56·ln2: −1 (rounded)
  }

  // Argument reduction.
  if (hx > 0x3fd62e42) {
    // |x| > 0.5·ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0;
      t = k;
      hi = x - t * LN2_HI; // t·ln2_hi is exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^-54: expm1(x) rounds to x
    return x;
  } else {
    k = 0;
  }

  // x is now in the primary range.
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs); // c is 0
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  if (k <= -2 || k > 56) {
    // exp(x) − 1 suffices
    y = 1 - (e - x);
    y = withHighWord(y, highWord(y) + (k << 20)); // add k to y's exponent
    return y - 1;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 − 2^-k
    y = t - (e - x);
    y = withHighWord(y, highWord(y) + (k << 20));
  } else {
    t = fromWords((0x3ff - k) << 20, 0); // 2^-k
    y = x - (e + t);
    y += 1;
    y = withHighWord(y, highWord(y) + (k << 20));
  }
  return y;
}

/**
 * log(1 + x), accurate near 0 (fdlibm s_log1p.c). Error < 1 ulp. log1p(0) = 0 (sign kept); log1p(−1) =
 * −Infinity; log1p(x < −1) = NaN.
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  let u: number;

  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) {
      // x ≤ −1
      if (x === -1.0) return -Infinity; // fdlibm: -two54/zero
      return NaN; // log1p(x < −1) = NaN (fdlibm: (x-x)/(x-x))
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1.0 - 0.6666666666666666 * f); // fdlibm spells it 0.66666666666666666
    if (k === 0) return f - R;
    return k * LN2_HI - (R - (k * LN2_LO + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
}

/**
 * Hyperbolic tangent (fdlibm s_tanh.c): −t/(t + 2) with t = expm1(−2|x|) for |x| < 1, 1 − 2/(t + 2) with
 * t = expm1(2|x|) for 1 ≤ |x| < 22, and ±1 beyond. tanh(±0) = ±0; tanh(±Infinity) = ±1.
 */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  let z: number;

  if (ix >= 0x7ff00000) {
    // Infinity or NaN
    if (jx >= 0) return 1 / x + 1; // tanh(+Infinity) = 1
    return 1 / x - 1; // tanh(−Infinity) = −1, tanh(NaN) = NaN
  }

  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2^-55
    if (ix >= 0x3ff00000) {
      // |x| ≥ 1
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1 - TINY; // |x| ≥ 22: ±1
  }
  return jx >= 0 ? z : -z;
}

/**
 * `Math.round(x)` to the bit for |x| < 2^51 (ties towards +∞; −0 comes out as +0), without the data-dependent
 * branch V8 compiles `Math.round` into: x + 1.5·2^52 − 1.5·2^52 rounds to the nearest integer with ties to even
 * (exact IEEE arithmetic), and the one tie that went down (x − r = ½) is moved up. For generation loops, where
 * `Math.round` of random values costs a mispredicted branch per call.
 */
export function roundHalfUp(x: number): number {
  // 1.5 · 2^52 (adding and subtracting it rounds a double below 2^51 in magnitude to an integer, ties to even),
  // written in: compiled code reads even a module's own const from the module's context, checked, on every use.
  const r = x + 6755399441055744 - 6755399441055744;
  return x - r === 0.5 ? r + 1 : r;
}

import { exp as expBinding } from '../math';

// This module's own constants: optimised code reads an imported binding through its module cell, with a check,
// every time it uses it (see round.ts).
const exp = expBinding;

/**
 * e^x for the hot loop, deterministic in every JavaScript engine and about 3× cheaper than the fdlibm port in
 * src/engine/math.ts (which reads and writes a double's words through typed-array aliasing on every call).
 *
 * Tang's table method (Tang 1989, "Table-driven implementation of the exponential function in IEEE floating-point
 * arithmetic", ACM TOMS 15(2)): x = (256k + j)·ln2/256 + r with |r| ≤ ln2/512, then
 * e^x = 2^k · 2^(j/256) · e^r, with e^r by its Taylor polynomial of degree 4 (truncation error < 4e-17). It uses
 * only + − ×, integer shifts and table look-ups, which IEEE 754 and ECMAScript define exactly, so
 * every engine returns the same bits; the 256 table values come from math.ts's `exp` and the powers of two are
 * exact.
 * Relative error against the true e^x is below 4e-16 (a few ulp); it does not reproduce fdlibm's bits, and does
 * not need to — the engine only needs every browser to agree.
 * Outside [−700, 700] (and for NaN) it defers to math.ts's `exp`.
 */
export function fastExp(x: number): number {
  if (!(x > -700 && x < 700)) return exp(x);
  // m = x·256/ln2 rounded to the nearest integer (ties to even) by adding and subtracting 1.5·2^52: exact IEEE
  // arithmetic for |x·256/ln2| < 2^51, and unlike Math.round no data-dependent branch in V8's code for it.
  // The constants are written in as literals: a module-level const is read from the module's context, with a
  // type check, every time compiled code uses it (`fastExp` is inlined into the passes' loops).
  // 369.3299304675746 = 256 / ln 2; 1.5 · 2^52 rounds to an integer (as in roundHalfUp, math.ts).
  const m = (x * 369.3299304675746 + 6755399441055744 - 6755399441055744) | 0;
  // ln2/256 split Cody–Waite style: the high part is fdlibm's ln2_hi (low 32 bits zero) / 256, so m·hi is exact
  // for |m| < 2^20: 6.9314718036912381649e-1 / 256 and 1.9082149292705877e-10 / 256.
  const r = x - m * 0.00270760617331689 - m * 7.453964567463233e-13;
  // 1/6 and 1/24.
  const p = 1 + r * (1 + r * (0.5 + r * (0.16666666666666666 + r * 0.041666666666666664)));
  // 2^(m >> 8) · (2^((m & 255)/256) · p), both factors from the one table (1278 = 256 + 1022).
  return TABLE[(m >> 8) + 1278] * (TABLE[m & 255] * p);
}

/**
 * One table, so that compiled code loads it from the module's context and checks it once per call, not twice:
 * 2^(j/256) for j = 0..255 at index j, then 2^k for k = −1022..1023 at index 256 + 1022 + k, built by exact
 * doubling and halving.
 */
const TABLE = new Float64Array(256 + 2046);
for (let j = 0; j < 256; j++) TABLE[j] = exp((j * 0.6931471805599453) / 256);
TABLE[1278] = 1;
for (let k = 1; k <= 1023; k++) TABLE[1278 + k] = TABLE[1277 + k] * 2;
for (let k = 1; k <= 1022; k++) TABLE[1278 - k] = TABLE[1279 - k] / 2;

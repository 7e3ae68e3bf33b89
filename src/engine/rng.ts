import { log } from './math';

/**
 * Seeded randomness in integer arithmetic only, so every JavaScript engine produces the same bits.
 *
 * Two kinds:
 * - `createRng(seed)`: a sequential generator (sfc32, Doty-Humphrey's Small Fast Counting generator, as in
 *   PractRand) for set-up work such as k-means++ seeding.
 * - `hashUniform(seed, round, index, purpose)`: a counter-based draw keyed by (seed, round, consumer, purpose),
 *   so the draw for consumer i never depends on how the population is split into chunks or workers.
 */

/** A 32-bit avalanche mix (MurmurHash3's fmix32). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// What this module's own hashes call: optimised code reads an exported binding through its module cell, with a
// check, on every use; a module's own constant is compiled in (see market/round.ts).
const fmix32 = mix32;
const murmurHash4 = hash4;
const murmurHash4Prefix = hash4Prefix;
const murmurHash4Rest = hash4Rest;

/** Combine a running hash with one more 32-bit word (MurmurHash3's block step). */
function combine(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Hash four 32-bit integers to one unsigned 32-bit integer (MurmurHash3_x86_32 of the four words, seed
 * 0x9747b28c). Inputs are taken modulo 2^32.
 */
export function hash4(seed: number, round: number, index: number, purpose: number): number {
  return murmurHash4Rest(murmurHash4Prefix(seed, round), index, purpose);
}

/**
 * The first half of `hash4` — the running hash after (seed, round) — for a loop over consumers whose draws share
 * them: hash4(seed, round, index, purpose) = hash4Rest(hash4Prefix(seed, round), index, purpose).
 */
export function hash4Prefix(seed: number, round: number): number {
  // The hash seed as a signed 32-bit integer (the same bits): above 2^31 it would be a heap number, and
  // `combine`, compiled for the small integers `hash4Rest` gives it, would be thrown away on the next round key.
  return combine(combine(0x9747b28c | 0, seed | 0), round | 0);
}

/** The rest of `hash4` from `hash4Prefix`'s running hash (see there). */
export function hash4Rest(prefix: number, index: number, purpose: number): number {
  return fmix32(combine(combine(prefix, index | 0), purpose | 0) ^ 16);
}

const TWO_POW_32 = 4294967296;

/** A uniform draw in [0, 1) with 32 bits of resolution, keyed by (seed, round, index, purpose). */
export function hashUniform(seed: number, round: number, index: number, purpose: number): number {
  return murmurHash4(seed, round, index, purpose) / TWO_POW_32;
}

/** A uniform draw in (0, 1): never exactly 0, so it is safe to take its logarithm or inverse CDF. */
export function hashUniformOpen(seed: number, round: number, index: number, purpose: number): number {
  return (murmurHash4(seed, round, index, purpose) + 0.5) / TWO_POW_32;
}

/**
 * The standard normal quantile, by Acklam's rational approximation (relative error < 1.15e-9), using only
 * + − × ÷, `Math.sqrt` and the engine's deterministic `log`. −∞ at p = 0, +∞ at p = 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  const a1 = -3.969683028665376e1,
    a2 = 2.209460984245205e2,
    a3 = -2.759285104469687e2,
    a4 = 1.38357751867269e2,
    a5 = -3.066479806614716e1,
    a6 = 2.506628277459239;
  const b1 = -5.447609879822406e1,
    b2 = 1.615858368580409e2,
    b3 = -1.556989798598866e2,
    b4 = 6.680131188771972e1,
    b5 = -1.328068155288572e1;
  const c1 = -7.784894002430293e-3,
    c2 = -3.223964580411365e-1,
    c3 = -2.400758277161838,
    c4 = -2.549732539343734,
    c5 = 4.374664141464968,
    c6 = 2.938163982698783;
  const d1 = 7.784695709041462e-3,
    d2 = 3.224671290700398e-1,
    d3 = 2.445134137142996,
    d4 = 3.754408661907416;
  // The rational forms give NaN (∞/∞) at the ends; the quantile's limits there are ∓∞.
  if (p <= 0) return p === 0 ? -Infinity : NaN;
  if (p >= 1) return p === 1 ? Infinity : NaN;
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * log(p));
    return (
      (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
      ((((d1 * q + d2) * q + d3) * q + d4) * q + 1)
    );
  }
  if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
      (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1)
    );
  }
  const q = Math.sqrt(-2 * log(1 - p));
  return (
    -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1)
  );
}

/** A standard normal draw keyed by (seed, round, index, purpose). */
export function hashNormal(seed: number, round: number, index: number, purpose: number): number {
  return normalQuantile(hashUniformOpen(seed, round, index, purpose));
}

export interface Rng {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 bits of resolution. */
  uniform(): number;
  /** Standard normal (Marsaglia's polar method; uses `log` and `Math.sqrt` only). */
  normal(): number;
  /** An index drawn in proportion to `weights` (non-negative, not all zero). */
  pick(weights: ArrayLike<number>): number;
  /**
   * `pick(weights)` without its checking and summing pass, for a caller that already has `total`: the weights'
   * sum added in index order from 0 (the sum `pick` computes), all finite and ≥ 0, total > 0. Same draw, same
   * index.
   */
  pickWithTotal(weights: ArrayLike<number>, total: number): number;
}

/**
 * A seeded sequential generator: sfc32 seeded from the 32-bit `seed` through splitmix-style mixing, with
 * 12 discarded outputs as its author recommends.
 */
export function createRng(seed: number): Rng {
  let a = fmix32((seed | 0) ^ 0x9e3779b9);
  let b = fmix32(a ^ 0x243f6a88);
  let c = fmix32(b ^ 0xb7e15162);
  let counter = 1;
  let spare: number | null = null;

  function nextUint32(): number {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  for (let i = 0; i < 12; i++) nextUint32();

  function uniform(): number {
    // 27 + 26 bits, as in the classic 53-bit construction.
    const hi = nextUint32() >>> 5;
    const lo = nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  function normal(): number {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * log(s)) / s);
        spare = v * factor;
        return u * factor;
      }
    }
  }

  function pick(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w))
        throw new RangeError(`pick: weight ${i} is ${w}; weights must be finite and ≥ 0`);
      total += w;
    }
    if (total <= 0) throw new RangeError('pick: the weights sum to 0');
    return pickWithTotal(weights, total);
  }

  function pickWithTotal(weights: ArrayLike<number>, total: number): number {
    const target = uniform() * total;
    let running = 0;
    for (let i = 0; i < weights.length; i++) {
      running += weights[i];
      if (target < running) return i;
    }
    // Rounding can leave target ≥ running; return the last index with positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  return { nextUint32, uniform, normal, pick, pickWithTotal };
}

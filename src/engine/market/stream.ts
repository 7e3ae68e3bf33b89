import { hash4, normalQuantile as normalQuantileBinding } from '../rng';

// This module's own constants: optimised code reads an imported binding through its module cell, with a check,
// every time it uses it (see round.ts).
const normalQuantile = normalQuantileBinding;

/**
 * Per-consumer streams of draws. Every draw the model makes for consumer i in round r (r = 0: the population)
 * comes from the consumer's key, key_i = mix32(hash4(seed, r, 0, purpose) + i·0x85EBCA6B), and a SplitMix-style
 * stream over it: draw k = mix32(key_i + (k + 1)·0x9E3779B9) / 2^32 — Weyl steps, then MurmurHash3's finaliser,
 * as in Steele, Lea & Flood's SplitMix (2014). Both use 32-bit integer arithmetic only, so every engine gets the
 * same bits, and a consumer's draws never depend on how the population is chunked. One hash per round and one
 * finaliser per draw instead of a four-word hash per draw is what makes a million consumers cheap.
 *
 * mix32 (rng.ts) is written out in each function below rather than called: a first game runs its first few
 * thousand consumers in V8's unoptimised code, where every call costs, and one call per draw instead of three
 * cut a cold 50,000-consumer game by ~25 million instructions (valgrind, synchronous compiling). The tests check
 * each against mix32.
 */

/**
 * The key shared by all consumers' streams for (`seed`, `round`, `purpose`): hash4(seed, round, 0, purpose).
 * Computed once per round; `streamKey` derives each consumer's key from it.
 */
export function roundKey(seed: number, round: number, purpose: number): number {
  return hash4(seed, round, 0, purpose);
}

/**
 * Consumer `index`'s stream key: mix32(roundKey + index·0x85EBCA6B). The multiplier is odd and mix32 is a
 * bijection, so distinct consumers (below 2^32) always get distinct keys.
 */
export function consumerKey(roundKeyValue: number, index: number): number {
  let h = (roundKeyValue + Math.imul(index, 0x85ebca6b)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key of consumer `index`'s stream for `round` and `purpose` (`consumerKey` of the `roundKey`). */
export function streamKey(seed: number, round: number, index: number, purpose: number): number {
  return consumerKey(roundKey(seed, round, purpose), index);
}

/**
 * Draw k of a stream as the unsigned 32-bit integer h behind `streamUniform` (u = h · 2^−32). Since that scaling
 * is exact, u < p exactly when h < ⌈p · 2^32⌉: a loop that mostly only tests draws against fixed bounds can
 * compare integers and skip the scaling.
 */
export function streamHash(key: number, k: number): number {
  let h = (key + Math.imul(k + 1, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Draw k of a stream, uniform in [0, 1). */
export function streamUniform(key: number, k: number): number {
  let h = (key + Math.imul(k + 1, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) * 2.3283064365386963e-10; // 2^−32, as a literal (see `streamUniformOpen`)
}

/** Draw k of a stream, uniform in (0, 1) (never 0, so safe for a logarithm or a quantile). */
export function streamUniformOpen(key: number, k: number): number {
  let h = (key + Math.imul(k + 1, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // × 2^−32 written as a literal: a module-level const is read from the module's context, with a type check, every
  // time compiled code uses it, and these draws are inlined into the hottest loops.
  return ((h >>> 0) + 0.5) * 2.3283064365386963e-10;
}

/**
 * Draw k of a stream as a standard normal: the inverse normal CDF by Acklam's approximation, exactly as
 * rng.ts's `normalQuantile` computes it. Its central branch (95 % of draws) is repeated here, with the same
 * coefficients and order of operations, so that it can be inlined into generation loops; the tails go to
 * `normalQuantile`.
 */
export function streamNormal(key: number, k: number): number {
  const p = streamUniformOpen(key, k);
  // `+` (the same number): V8 cannot tell that a call returns a number, so without it the two returns meet as an
  // untyped value, and code with this function inlined boxed every central draw in a fresh heap number before
  // storing it (--print-opt-code). Three generations of 200,000: ~117 million instructions fewer (valgrind).
  if (p < 0.02425 || p > 1 - 0.02425) return +normalQuantile(p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r +
      1.38357751867269e2) *
      r -
      3.066479806614716e1) *
      r +
      2.506628277459239) *
      q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r +
      6.680131188771972e1) *
      r -
      1.328068155288572e1) *
      r +
      1)
  );
}

import { hash4, mix32 as mix32Binding, normalQuantile as normalQuantileBinding } from '../rng';

// This module's own constants: optimised code reads an imported binding through its module cell, with a check,
// every time it uses it (see round.ts).
const mix32 = mix32Binding;
const normalQuantile = normalQuantileBinding;

/**
 * Per-consumer streams of draws. Every draw the model makes for consumer i in round r (r = 0: the population)
 * comes from the consumer's key, key_i = mix32(hash4(seed, r, 0, purpose) + i·0x85EBCA6B), and a SplitMix-style
 * stream over it: draw k = mix32(key_i + (k + 1)·0x9E3779B9) / 2^32 — Weyl steps, then MurmurHash3's finaliser,
 * as in Steele, Lea & Flood's SplitMix (2014). Both functions come from src/engine/rng.ts and use 32-bit integer
 * arithmetic only, so every engine gets the same bits, and a consumer's draws never depend on how the population
 * is chunked. One hash per round and two finaliser steps per draw instead of a four-word hash per draw is what
 * makes a million consumers cheap.
 */

const TWO_POW_MINUS_32 = 1 / 4294967296;

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
  return mix32((roundKeyValue + Math.imul(index, 0x85ebca6b)) | 0);
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
  return mix32((key + Math.imul(k + 1, 0x9e3779b9)) | 0);
}

/** Draw k of a stream, uniform in [0, 1). */
export function streamUniform(key: number, k: number): number {
  return streamHash(key, k) * TWO_POW_MINUS_32;
}

/** Draw k of a stream, uniform in (0, 1) (never 0, so safe for a logarithm or a quantile). */
export function streamUniformOpen(key: number, k: number): number {
  return (mix32((key + Math.imul(k + 1, 0x9e3779b9)) | 0) + 0.5) * TWO_POW_MINUS_32;
}

/**
 * Draw k of a stream as a standard normal: the inverse normal CDF by Acklam's approximation, exactly as
 * rng.ts's `normalQuantile` computes it. Its central branch (95 % of draws) is repeated here, with the same
 * coefficients and order of operations, so that it can be inlined into generation loops; the tails go to
 * `normalQuantile`.
 */
export function streamNormal(key: number, k: number): number {
  const p = streamUniformOpen(key, k);
  if (p < 0.02425 || p > 1 - 0.02425) return normalQuantile(p);
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

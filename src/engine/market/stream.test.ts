import { describe, expect, it } from 'vitest';
import { hash4, mix32, normalQuantile } from '../rng';
import {
  consumerKey,
  roundKey,
  streamHash,
  streamKey,
  streamNormal,
  streamUniform,
  streamUniformOpen,
} from './stream';

describe('consumer streams', () => {
  it('are SplitMix steps over a per-round hash4 key', () => {
    const key = streamKey(42, 3, 12345, 20);
    // key_i = mix32(hash4(seed, round, 0, purpose) + i·0x85EBCA6B)
    expect(key).toBe(mix32((hash4(42, 3, 0, 20) + Math.imul(12345, 0x85ebca6b)) | 0));
    expect(consumerKey(roundKey(42, 3, 20), 12345)).toBe(key);
    // draw k = mix32(key + (k + 1)·0x9E3779B9) / 2^32
    expect(streamUniform(key, 0)).toBe(mix32((key + 0x9e3779b9) | 0) / 4294967296);
    expect(streamUniform(key, 5)).toBe(mix32((key + Math.imul(6, 0x9e3779b9)) | 0) / 4294967296);
    expect(streamUniformOpen(key, 5)).toBe((mix32((key + Math.imul(6, 0x9e3779b9)) | 0) + 0.5) / 4294967296);
  });

  it('write out mix32 exactly in each draw (the finaliser is inlined by hand there)', () => {
    const keys = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x9747b28c];
    for (let i = 0; i < 5_000; i++) keys.push(streamKey(3, 1, i, 40));
    for (const key of keys)
      for (const k of [0, 1, 7, 31, 255]) {
        const h = mix32((key + Math.imul(k + 1, 0x9e3779b9)) | 0);
        expect(streamHash(key, k)).toBe(h);
        expect(streamUniform(key, k)).toBe(h / 4294967296);
        expect(streamUniformOpen(key, k)).toBe((h + 0.5) / 4294967296);
        expect(consumerKey(key, k * 4099)).toBe(mix32((key + Math.imul(k * 4099, 0x85ebca6b)) | 0));
      }
  });

  it('test u < p on the integer hash exactly as on the uniform (exposurePass skips on it)', () => {
    // u = h · 2^−32 is exact, so u < p ⇔ h < ⌈p · 2^32⌉. Bounds next to the draws themselves are where an
    // off-by-one (floor for ceil, ≤ for <) would show.
    let compared = 0;
    for (let i = 0; i < 2_000; i++) {
      const key = streamKey(11, 2, i, 30);
      for (let c = 0; c < 6; c++) {
        const h = streamHash(key, c);
        const u = streamUniform(key, c);
        expect(u).toBe(h / 4294967296);
        for (const p of [u, u + 2 ** -33, u - 2 ** -33, u + 2 ** -32, (h + 1) / 4294967296, 0.3, 1e-12]) {
          expect(h < Math.ceil(p * 4294967296)).toBe(u < p);
          compared++;
        }
      }
    }
    expect(compared).toBe(2_000 * 6 * 7);
  });

  it('give normals bit-identical to rng.ts’s normalQuantile, tails included', () => {
    let tails = 0;
    for (let i = 0; i < 200_000; i++) {
      const key = streamKey(7, 0, i, 18);
      const p = streamUniformOpen(key, 2);
      if (p < 0.02425 || p > 1 - 0.02425) tails++;
      expect(streamNormal(key, 2)).toBe(normalQuantile(p));
    }
    expect(tails).toBeGreaterThan(8000); // both branches were exercised (expected 4.85 %)
  });

  it('never give two consumers the same key', () => {
    const seen = new Set<number>();
    const base = roundKey(9, 1, 20);
    for (let i = 0; i < 200_000; i++) seen.add(consumerKey(base, i));
    expect(seen.size).toBe(200_000);
  });

  it('are uniform: moments and independence of neighbouring draws', () => {
    // 100,000 draws: mean 1/2 ± 4·0.289/√N, correlation between draws k and k + 1 within ±4/√N.
    const N = 100_000;
    let sum = 0;
    let sumXY = 0;
    let sumX2 = 0;
    for (let i = 0; i < N; i++) {
      const key = streamKey(1, 1, i, 20);
      const x = streamUniform(key, 3);
      const y = streamUniform(key, 4);
      sum += x;
      sumX2 += x * x;
      sumXY += (x - 0.5) * (y - 0.5);
    }
    expect(Math.abs(sum / N - 0.5)).toBeLessThan((4 * 0.2887) / Math.sqrt(N));
    expect(Math.abs(sumX2 / N - 1 / 3)).toBeLessThan(0.004);
    expect(Math.abs(sumXY / N / (1 / 12))).toBeLessThan(4 / Math.sqrt(N));
  });
});

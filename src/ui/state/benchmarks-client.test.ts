import { beforeEach, describe, expect, it } from 'vitest';
import localforage from 'localforage';
import { benchmarkCacheKey, type Benchmarks } from '../../engine/score/benchmarks';
import { db } from '../../storage/db';
import { loadStoredBenchmarks, storeBenchmarks } from '../../storage/benchmarks';
import { fakeBenchmarks } from '../../../tests/fixtures/fake-benchmarks';
import { miniScenario } from '../../../tests/fixtures/mini-scenario';
import { createBenchmarksSource } from './benchmarks-client';

beforeEach(async () => {
  db.use(localforage);
  await localforage.clear();
});

/** A source over the real storage whose computation counts its calls. */
function source(compute: () => Promise<Benchmarks>) {
  const calls = { compute: 0 };
  const get = createBenchmarksSource({
    compute: () => {
      calls.compute++;
      return compute();
    },
    load: (key) => loadStoredBenchmarks(key),
    save: (b) => storeBenchmarks(b),
  });
  return { get, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('benchmarks for the debrief', () => {
  it('computes once, stores, and a later page (a new source) reads them back without computing', async () => {
    const key = benchmarkCacheKey(miniScenario);
    const first = source(async () => fakeBenchmarks(key, 0.6));
    const a = await first.get(miniScenario);
    expect(a.searched.composite).toBe(0.6);
    await first.get(miniScenario);
    expect(first.calls.compute).toBe(1); // asked twice on one page: computed once
    await settle();
    expect(await loadStoredBenchmarks(key)).toEqual(a);

    const later = source(async () => fakeBenchmarks(key, 0.1));
    expect((await later.get(miniScenario)).searched.composite).toBe(0.6);
    expect(later.calls.compute).toBe(0);
  });

  it('computes for a changed scenario (another key) and again after a failure', async () => {
    const changed = { ...miniScenario, rounds: miniScenario.rounds + 1 };
    let fail = true;
    const s = source(async () => {
      if (fail) throw new Error('worker crashed');
      return fakeBenchmarks(benchmarkCacheKey(changed));
    });
    await expect(s.get(changed)).rejects.toThrow('worker crashed');
    fail = false;
    expect((await s.get(changed)).key).toBe(benchmarkCacheKey(changed));
    expect(s.calls.compute).toBe(2);
  });

  it('still gives the computed benchmarks when storage refuses to read or write', async () => {
    const key = benchmarkCacheKey(miniScenario);
    const get = createBenchmarksSource({
      compute: async () => fakeBenchmarks(key, 0.3),
      load: () => Promise.reject(new Error('blocked')),
      save: () => Promise.reject(new Error('quota')),
    });
    expect((await get(miniScenario)).searched.composite).toBe(0.3);
  });
});

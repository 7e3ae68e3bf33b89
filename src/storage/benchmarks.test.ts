import { beforeEach, describe, expect, it } from 'vitest';
import localforage from 'localforage';
import { BENCHMARK_VERSION } from '../engine/score/benchmarks';
import { fakeBenchmarks } from '../../tests/fixtures/fake-benchmarks';
import { BENCHMARKS_KEPT, BENCHMARKS_PREFIX, loadStoredBenchmarks, storeBenchmarks } from './benchmarks';
import { db } from './db';
import { exportBackup } from './backup';

beforeEach(async () => {
  db.use(localforage);
  await localforage.clear();
});

describe('stored benchmarks', () => {
  it('keeps benchmarks in IndexedDB under their key and gives them back', async () => {
    const b = fakeBenchmarks('benchmarks/v2/mini@1.0.0/seed-1/abc');
    expect(await loadStoredBenchmarks(b.key)).toBeNull();
    await storeBenchmarks(b);
    expect(await localforage.keys()).toEqual([BENCHMARKS_PREFIX + b.key]);
    expect(await loadStoredBenchmarks(b.key)).toEqual(b);
  });

  it('ignores a record that does not check out: another key, an old benchmark version, a broken result', async () => {
    const key = 'benchmarks/v2/mini@1.0.0/seed-1/abc';
    const good = fakeBenchmarks(key);
    const store = (benchmarks: unknown, version = 1) =>
      localforage.setItem(BENCHMARKS_PREFIX + key, { version, savedAt: '2026-01-01T00:00:00Z', benchmarks });
    await store({ ...good, key: 'something else' });
    expect(await loadStoredBenchmarks(key)).toBeNull();
    await store({ ...good, benchmarkVersion: BENCHMARK_VERSION - 1 });
    expect(await loadStoredBenchmarks(key)).toBeNull();
    await store({ ...good, searched: { ...good.searched, composite: 'high' } });
    expect(await loadStoredBenchmarks(key)).toBeNull();
    await store(good, 99);
    expect(await loadStoredBenchmarks(key)).toBeNull();
    await localforage.setItem(BENCHMARKS_PREFIX + key, 'not a record');
    expect(await loadStoredBenchmarks(key)).toBeNull();
    await store(good);
    expect(await loadStoredBenchmarks(key)).toEqual(good);
  });

  it(`keeps only the ${BENCHMARKS_KEPT} most recently saved`, async () => {
    for (let k = 0; k < BENCHMARKS_KEPT + 3; k++) {
      const savedAt = new Date(Date.UTC(2026, 0, 1, 0, k));
      await storeBenchmarks(fakeBenchmarks(`key-${String(k).padStart(2, '0')}`), db, savedAt);
    }
    const keys = await db.keys(BENCHMARKS_PREFIX);
    expect(keys).toHaveLength(BENCHMARKS_KEPT);
    // The three oldest (minutes 0, 1, 2) went.
    expect(keys[0]).toBe(`${BENCHMARKS_PREFIX}key-03`);
    expect(await loadStoredBenchmarks('key-00')).toBeNull();
    expect(await loadStoredBenchmarks(`key-${BENCHMARKS_KEPT + 2}`)).not.toBeNull();
  });

  it('are left out of backups (they are recomputed from the scenario)', async () => {
    await storeBenchmarks(fakeBenchmarks('k'));
    const backup = JSON.stringify(await exportBackup());
    expect(backup).not.toContain(BENCHMARKS_PREFIX);
  });
});

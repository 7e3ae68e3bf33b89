import { BENCHMARK_VERSION, type Benchmarks } from '../engine/score/benchmarks';
import { db, type Db } from './db';

/**
 * The debrief's benchmark strategies, kept between visits: playing them takes seconds (src/engine/score/
 * benchmarks.ts), and they depend only on the scenario's content, seed and the benchmark version — which their
 * key (`benchmarkCacheKey`) names. One record per key under `benchmarks:<key>`, in the app's storage (./db.ts).
 *
 * They are derived data: backups leave them out, a record that does not check out is ignored (and replaced by
 * the next computation), and only the most recently saved few are kept.
 */
export const BENCHMARKS_PREFIX = 'benchmarks:';
export const BENCHMARKS_RECORD_VERSION = 1;
/** Scenarios whose benchmarks are kept (an author editing a scenario makes a new key at every change). */
export const BENCHMARKS_KEPT = 20;

interface BenchmarksRecord {
  version: typeof BENCHMARKS_RECORD_VERSION;
  /** ISO 8601 time of saving: the oldest go first when there are too many. */
  savedAt: string;
  benchmarks: Benchmarks;
}

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

function isResult(value: unknown): boolean {
  const r = value as Record<string, unknown> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    finite(r.composite) &&
    finite(r.points) &&
    Array.isArray(r.log) &&
    typeof r.scorecard === 'object' &&
    r.scorecard !== null
  );
}

/** The stored benchmarks for `key`, or null when there are none or the record does not check out. */
export async function loadStoredBenchmarks(key: string, storage: Db = db): Promise<Benchmarks | null> {
  const record = await storage.get<BenchmarksRecord>(BENCHMARKS_PREFIX + key).catch(() => null);
  if (typeof record !== 'object' || record === null || record.version !== BENCHMARKS_RECORD_VERSION)
    return null;
  const b = record.benchmarks as Benchmarks | undefined;
  if (
    typeof b !== 'object' ||
    b === null ||
    b.key !== key ||
    b.benchmarkVersion !== BENCHMARK_VERSION ||
    !isResult(b.evenSpread) ||
    !isResult(b.searched)
  )
    return null;
  return b;
}

/** Saves `benchmarks` under their key and forgets the oldest records beyond BENCHMARKS_KEPT. */
export async function storeBenchmarks(
  benchmarks: Benchmarks,
  storage: Db = db,
  now: Date = new Date(),
): Promise<void> {
  const record: BenchmarksRecord = {
    version: BENCHMARKS_RECORD_VERSION,
    savedAt: now.toISOString(),
    benchmarks,
  };
  await storage.set(BENCHMARKS_PREFIX + benchmarks.key, record);
  const keys = await storage.keys(BENCHMARKS_PREFIX);
  if (keys.length <= BENCHMARKS_KEPT) return;
  const dated: { key: string; savedAt: string }[] = [];
  for (const key of keys) {
    const saved = await storage.get<Partial<BenchmarksRecord>>(key).catch(() => null);
    dated.push({ key, savedAt: typeof saved?.savedAt === 'string' ? saved.savedAt : '' });
  }
  // Oldest first; equal times by key, so the order never depends on the store's.
  dated.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.key < b.key ? -1 : 1));
  for (const { key } of dated.slice(0, dated.length - BENCHMARKS_KEPT)) await storage.remove(key);
}

import { benchmarkCacheKey, benchmarks, type Benchmarks } from '../../engine/score/benchmarks';
import type { Scenario } from '../../engine/types';
import { loadStoredBenchmarks, storeBenchmarks } from '../../storage/benchmarks';

export interface BenchmarksRequest {
  scenario: Scenario;
}
export type BenchmarksResponse = { ok: true; benchmarks: Benchmarks } | { ok: false; message: string };

/** Where benchmarks come from: computed (off the page's thread) and kept in storage. */
export interface BenchmarksSources {
  compute(scenario: Scenario): Promise<Benchmarks>;
  load(key: string): Promise<Benchmarks | null>;
  save(benchmarks: Benchmarks): Promise<void>;
}

/**
 * A function giving a scenario's benchmark strategies: from storage when they were computed before (so a
 * learner returning to a debrief sees the score at once, even after closing the browser), else computed and then
 * stored. Each scenario content is asked for once per page; a failed computation is forgotten so it can be tried
 * again. A failure to read or write storage only costs the time of computing again.
 */
export function createBenchmarksSource(
  sources: BenchmarksSources,
): (scenario: Scenario) => Promise<Benchmarks> {
  const pending = new Map<string, Promise<Benchmarks>>();
  return (scenario) => {
    const key = benchmarkCacheKey(scenario);
    let promise = pending.get(key);
    if (!promise) {
      promise = sources
        .load(key)
        .catch(() => null)
        .then(
          (stored) =>
            stored ??
            sources.compute(scenario).then((computed) => {
              void sources.save(computed).catch(() => undefined);
              return computed;
            }),
        );
      promise.catch(() => pending.delete(key));
      pending.set(key, promise);
    }
    return promise;
  };
}

/**
 * The scenario's benchmark strategies for the debrief: stored ones when there are, else played in a Web Worker
 * so the debrief never freezes. Where workers are unavailable, or the worker fails, they are computed on this
 * thread after the page has painted.
 */
export const benchmarksOffThread = createBenchmarksSource({
  compute: (scenario) => {
    const inThread = () =>
      new Promise<void>((resolve) => setTimeout(resolve, 60)).then(() => benchmarks(scenario));
    return inWorker(scenario).catch(inThread);
  },
  load: (key) => loadStoredBenchmarks(key),
  save: (computed) => storeBenchmarks(computed),
});

function inWorker(scenario: Scenario): Promise<Benchmarks> {
  if (typeof Worker === 'undefined') return Promise.reject(new Error('no Web Workers here'));
  return new Promise<Benchmarks>((resolve, reject) => {
    const worker = new Worker(new URL('./benchmarks.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<BenchmarksResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.benchmarks);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the benchmarks worker failed'));
    };
    worker.postMessage({ scenario } satisfies BenchmarksRequest);
  });
}

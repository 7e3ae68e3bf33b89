import type { DecisionIssue, ObservableVariable, Segmentation } from '../types';
import { isObservableVariable, observableSource, type Population } from './population';

/** Most segments a segmentation may have (assignments are stored one byte per consumer). */
export const MAX_SEGMENTS = 64;

/** Number of segments: the product of (thresholds + 1) over the splits for rules; the number of centres for k-means. */
export function segmentCount(segmentation: Segmentation): number {
  if (segmentation.method === 'rules') {
    let count = 1;
    for (const split of segmentation.splits) count *= split.thresholds.length + 1;
    return count;
  }
  return segmentation.centers.length;
}

/** The observable variables a segmentation uses, in its own order. */
export function segmentationVariables(segmentation: Segmentation): ObservableVariable[] {
  return segmentation.method === 'rules'
    ? segmentation.splits.map((s) => s.variable)
    : segmentation.variables.slice();
}

/**
 * A canonical text key of a segmentation: two segmentations with the same key put every consumer in the same
 * segment (names are ignored). Numbers are written with full precision.
 */
export function segmentationKey(segmentation: Segmentation): string {
  if (segmentation.method === 'rules')
    return (
      'rules|' +
      segmentation.splits.map((s) => `${s.variable}:${s.thresholds.map(String).join(',')}`).join('|')
    );
  const parts = [
    'kmeans',
    segmentation.variables.join(','),
    segmentation.means.map(String).join(','),
    segmentation.sds.map(String).join(','),
    segmentation.centers.map((c) => c.map(String).join(',')).join(';'),
  ];
  return parts.join('|');
}

/**
 * Assigns every consumer of the slice to a learner segment (a fresh Uint8Array, one byte per consumer).
 * - rules: for each split the bin is the number of thresholds ≤ the value (v < t₀ → 0, t₀ ≤ v < t₁ → 1, …);
 *   the segment is the row-major index of the bins (first split varies slowest).
 * - kmeans: z_j = (v_j − mean_j) / sd_j, then the nearest centre by squared Euclidean distance, ties to the
 *   lowest index (the rule of scikit-learn's `predict` and of src/engine/segment/kmeans.ts).
 * The segmentation must be valid (see `segmentationIssues`).
 */
export function assignSegments(
  pop: Population,
  segmentation: Segmentation,
  channelIds: readonly string[],
): Uint8Array {
  const n = pop.count;
  const out = new Uint8Array(n);
  if (segmentation.method === 'rules') {
    let stride = 1;
    for (let k = segmentation.splits.length - 1; k >= 0; k--) {
      const split = segmentation.splits[k];
      const src = observableSource(pop, split.variable, channelIds);
      const thresholds = split.thresholds;
      const arr = src.array;
      const off = src.offset;
      const scale = src.scale;
      if (arr instanceof Uint8Array || arr instanceof Uint16Array) {
        // Integer columns (age, tier, habits, recency, frequency): each stored value's bin is looked up in a
        // table made with the same comparisons, so the result is the same and each consumer costs one read.
        const table = binTable(arr instanceof Uint8Array ? 256 : 65536, scale, thresholds, stride);
        for (let from = 0; from < n; from += SHORT_CALL) {
          const to = Math.min(n, from + SHORT_CALL);
          if (arr instanceof Uint8Array) addBinsOfBytes(out, table, arr, off, from, to);
          else addBinsOfWords(out, table, arr, off, from, to);
        }
      } else for (let i = 0; i < n; i++) out[i] += binOf(arr[off + i] * scale, thresholds) * stride;
      stride *= thresholds.length + 1;
    }
    return out;
  }
  const D = segmentation.variables.length;
  const K = segmentation.centers.length;
  const sources = segmentation.variables.map((v) => observableSource(pop, v, channelIds));
  const centers = new Float64Array(K * D);
  for (let k = 0; k < K; k++) for (let d = 0; d < D; d++) centers[k * D + d] = segmentation.centers[k][d];
  const means = Float64Array.from(segmentation.means);
  const inverseSd = Float64Array.from(segmentation.sds, (sd) => (sd > 0 ? 1 / sd : 0));
  const z = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < D; d++) {
      const src = sources[d];
      z[d] = (src.array[src.offset + i] * src.scale - means[d]) * inverseSd[d];
    }
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < K; k++) {
      let dist = 0;
      for (let d = 0; d < D; d++) {
        const diff = z[d] - centers[k * D + d];
        dist += diff * diff;
      }
      if (dist < bestDistance) {
        bestDistance = dist;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}

/*
 * out[i] += table[column[offset + i]] for i = from … to − 1, one function per column type: each stays monomorphic, and
 * a second split runs code already compiled for the first instead of a loop the compiler has not seen yet.
 */
export function addBinsOfBytes(
  out: Uint8Array,
  table: Uint8Array,
  column: Uint8Array,
  offset: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) out[i] += table[column[offset + i]];
}
function addBinsOfWords(
  out: Uint8Array,
  table: Uint8Array,
  column: Uint16Array,
  offset: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) out[i] += table[column[offset + i]];
}

/**
 * Consumers per call of the per-consumer loops here. V8 compiles a hot function as a whole when it is next
 * called; a loop still running in its first, long call is compiled again on stack replacement, and that code
 * serves that call only — the next round would start in slow code again. Calls this short end soon enough.
 */
export const SHORT_CALL = 256;

/** Bin × stride of every stored value 0 … size − 1 of an integer column (value × scale against the thresholds). */
function binTable(size: number, scale: number, thresholds: readonly number[], stride: number): Uint8Array {
  const table = new Uint8Array(size);
  for (let x = 0; x < size; x++) table[x] = binOf(x * scale, thresholds) * stride;
  return table;
}

/** How many of the increasing `thresholds` are ≤ v: the bin of v (a value on a threshold goes above it). */
function binOf(v: number, thresholds: readonly number[]): number {
  let bin = 0;
  while (bin < thresholds.length && v >= thresholds[bin]) bin++;
  return bin;
}

/**
 * Per (segment, archetype) cell: the number of consumers, then per channel the sum of their habit bytes
 * (habit × 255). Layout: counts at [s * A + a]; habit sums at [S·A + (s * A + a) * C + c]. All integers, so
 * sums over chunks are exact in any order. The round uses the habit sums to account waste without a
 * per-consumer pass (see `prepareRound`).
 */
export function countSegmentCells(
  pop: Population,
  assignments: Uint8Array,
  segments: number,
  archetypeCount: number,
): Float64Array {
  const cells = segments * archetypeCount;
  const C = pop.channelCount;
  // Integer accumulators: small integers never allocate, even before the code is optimised.
  const counts = new Int32Array(cells);
  const habitSums = new Int32Array(cells * C);
  // In short calls, so that the loop is compiled as a function the first time (later rounds call it again),
  // rather than only on stack replacement in one long call.
  for (let from = 0; from < pop.count; from += SHORT_CALL)
    addCellCounts(
      pop,
      assignments,
      from,
      Math.min(pop.count, from + SHORT_CALL),
      0,
      archetypeCount,
      counts,
      habitSums,
    );
  const out = new Float64Array(cells * (1 + C));
  out.set(counts);
  out.set(habitSums, cells);
  return out;
}

/**
 * Adds consumers `from` … `to − 1` of the slice to counts[base + key·A + archetype] and their habit bytes to
 * habitSums[(base + key·A + archetype)·C + c], where key is the consumer's entry in `keys` (a segment, or a
 * combination of segments in the round's direct mode). One pass with the channels inside: twice as fast at a
 * million consumers as a pass per channel.
 */
export function addCellCounts(
  pop: Population,
  keys: ArrayLike<number>,
  from: number,
  to: number,
  base: number,
  archetypeCount: number,
  counts: Int32Array,
  habitSums: Int32Array,
): void {
  const n = pop.count;
  const C = pop.channelCount;
  const archetype = pop.archetype;
  const habits = pop.habits;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = from; i < to; i++) {
      // 32-bit integer arithmetic (Math.imul, `| 0`): compiled without overflow checks; every index is below 2^31.
      const k = (base + Math.imul(keys[i], archetypeCount) + archetype[i]) | 0;
      counts[k]++;
      const h = Math.imul(k, C);
      for (let c = 0, at = i; c < C; c++, at = (at + n) | 0) habitSums[(h + c) | 0] += habits[at];
    }
    break;
  }
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** What is wrong with a segmentation (empty when it is valid); paths start with `segmentation`. */
export function segmentationIssues(segmentation: unknown, channelIds: readonly string[]): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const at = 'segmentation';
  if (typeof segmentation !== 'object' || segmentation === null) {
    issues.push({ path: at, code: 'not-an-object', message: `${at} must be an object` });
    return issues;
  }
  const seg = segmentation as Record<string, unknown>;
  if (seg.method === 'rules') {
    if (!Array.isArray(seg.splits)) {
      issues.push({ path: `${at}.splits`, code: 'shape', message: `${at}.splits must be an array` });
      return issues;
    }
    let count = 1;
    seg.splits.forEach((split: unknown, k: number) => {
      const p = `${at}.splits[${k}]`;
      if (typeof split !== 'object' || split === null) {
        issues.push({ path: p, code: 'not-an-object', message: `${p} must be an object` });
        return;
      }
      const sp = split as Record<string, unknown>;
      if (!isObservableVariable(sp.variable, channelIds))
        issues.push({
          path: `${p}.variable`,
          code: 'unknown-variable',
          params: { variable: String(sp.variable) },
          message: `${p}.variable "${String(sp.variable)}" is not an observable variable of this scenario`,
        });
      if (!Array.isArray(sp.thresholds)) {
        issues.push({
          path: `${p}.thresholds`,
          code: 'shape',
          message: `${p}.thresholds must be an array of numbers`,
        });
        return;
      }
      const t = sp.thresholds as unknown[];
      t.forEach((v, j) => {
        if (!isFiniteNumber(v))
          issues.push({
            path: `${p}.thresholds[${j}]`,
            code: 'not-finite',
            message: `${p}.thresholds[${j}] is ${String(v)}; it must be a finite number`,
          });
        else if (j > 0 && isFiniteNumber(t[j - 1]) && !(v > (t[j - 1] as number)))
          issues.push({
            path: `${p}.thresholds[${j}]`,
            code: 'out-of-range',
            message: `${p}.thresholds must increase: ${v} follows ${String(t[j - 1])}`,
          });
      });
      count *= t.length + 1;
    });
    if (count > MAX_SEGMENTS)
      issues.push({
        path: `${at}.splits`,
        code: 'too-many-segments',
        params: { count, max: MAX_SEGMENTS },
        message: `the splits make ${count} segments; at most ${MAX_SEGMENTS} are allowed`,
      });
    return issues;
  }
  if (seg.method === 'kmeans') {
    const vars = seg.variables;
    if (!Array.isArray(vars) || vars.length === 0) {
      issues.push({
        path: `${at}.variables`,
        code: 'shape',
        message: `${at}.variables must be a non-empty array`,
      });
      return issues;
    }
    vars.forEach((v: unknown, j: number) => {
      if (!isObservableVariable(v, channelIds))
        issues.push({
          path: `${at}.variables[${j}]`,
          code: 'unknown-variable',
          params: { variable: String(v) },
          message: `${at}.variables[${j}] "${String(v)}" is not an observable variable of this scenario`,
        });
    });
    const D = vars.length;
    for (const name of ['means', 'sds'] as const) {
      const arr = seg[name];
      if (!Array.isArray(arr) || arr.length !== D) {
        issues.push({
          path: `${at}.${name}`,
          code: 'shape',
          message: `${at}.${name} must have one number per variable (${D})`,
        });
        continue;
      }
      arr.forEach((v: unknown, j: number) => {
        if (!isFiniteNumber(v) || (name === 'sds' && v < 0))
          issues.push({
            path: `${at}.${name}[${j}]`,
            code: isFiniteNumber(v) ? 'negative' : 'not-finite',
            message: `${at}.${name}[${j}] is ${String(v)}; it must be a finite number${name === 'sds' ? ' ≥ 0' : ''}`,
          });
      });
    }
    const centers = seg.centers;
    if (!Array.isArray(centers) || centers.length === 0) {
      issues.push({
        path: `${at}.centers`,
        code: 'shape',
        message: `${at}.centers must be a non-empty array`,
      });
      return issues;
    }
    if (centers.length > MAX_SEGMENTS)
      issues.push({
        path: `${at}.centers`,
        code: 'too-many-segments',
        params: { count: centers.length, max: MAX_SEGMENTS },
        message: `${centers.length} centres; at most ${MAX_SEGMENTS} segments are allowed`,
      });
    centers.forEach((c: unknown, k: number) => {
      if (!Array.isArray(c) || c.length !== D) {
        issues.push({
          path: `${at}.centers[${k}]`,
          code: 'shape',
          message: `${at}.centers[${k}] must have ${D} coordinates`,
        });
        return;
      }
      c.forEach((v: unknown, j: number) => {
        if (!isFiniteNumber(v))
          issues.push({
            path: `${at}.centers[${k}][${j}]`,
            code: 'not-finite',
            message: `${at}.centers[${k}][${j}] is ${String(v)}; it must be a finite number`,
          });
      });
    });
    return issues;
  }
  issues.push({
    path: `${at}.method`,
    code: 'unknown-value',
    params: { value: String(seg.method) },
    message: `${at}.method "${String(seg.method)}" is neither "rules" nor "kmeans"`,
  });
  return issues;
}

import { log } from '../math';
import { createRng } from '../rng';

/** Initial centres: explicit coordinates (k rows), or greedy k-means++ seeding from a seeded generator. */
export type KmeansInit = ArrayLike<ArrayLike<number>> | { method: 'k-means++'; seed: number };

/** What `onIteration` sees after each assignment step (the arrays are copies). */
export interface KmeansIteration {
  /** 1-based iteration number. */
  iteration: number;
  /** The centres the points were just assigned to. */
  centers: number[][];
  /** Each point's nearest of those centres. */
  labels: number[];
  /** Σ squared distance of each point to its assigned centre; never rises from one iteration to the next. */
  inertia: number;
}

export interface KmeansOptions {
  /** Number of clusters, an integer from 1 to the number of points. */
  k: number;
  init: KmeansInit;
  /** Maximum number of Lloyd iterations (default 300, as scikit-learn). */
  maxIterations?: number;
  /** Called after every assignment step, e.g. to draw the algorithm's progress or to check its descent. */
  onIteration?: (step: KmeansIteration) => void;
}

/** Points stored row after row: point i's coordinate d is `values[i * dims + d]`. */
export interface FlatPoints {
  values: Float64Array;
  dims: number;
}

function isFlat(points: ArrayLike<ArrayLike<number>> | FlatPoints): points is FlatPoints {
  return (
    (points as FlatPoints).values instanceof Float64Array && typeof (points as FlatPoints).dims === 'number'
  );
}

export interface KmeansResult {
  /** Cluster of each point, 0..k−1. */
  labels: number[];
  /** k centres, each a coordinate vector. */
  centers: number[][];
  /** Σ squared Euclidean distance of each point to its centre (scikit-learn's `inertia_`). */
  inertia: number;
  /** Number of Lloyd iterations run (scikit-learn's `n_iter_`). */
  iterations: number;
}

/**
 * k-means clustering by Lloyd's algorithm (Lloyd 1982) with squared Euclidean distance, following
 * scikit-learn's `KMeans(algorithm='lloyd', tol=0, n_init=1)` step for step (sklearn/cluster/_kmeans.py
 * `_kmeans_single_lloyd`, _k_means_lloyd.pyx, _k_means_common.pyx):
 * - the data are centred on their column means before the iterations and the means are added back to the
 *   centres at the end (as `KMeans.fit`), and a centre is its points' sum times `1/count`, so the centres
 *   come out to the same bits as scikit-learn's for data of a few hundred points or single-threaded runs;
 * - each iteration assigns every point to its nearest centre (a tie goes to the lowest-numbered centre), then
 *   moves each centre to the mean of its points;
 * - it stops when the labels no longer change, or when no centre moved (then the labels are recomputed), or
 *   after `maxIterations`; no centre-shift tolerance is used;
 * - a cluster left empty is re-seeded with the point farthest from its assigned centre (the farthest for the
 *   lowest-numbered empty cluster, the next farthest for the next; ties to the lowest point index), that point's
 *   weight moving from its old cluster; when every point sits on its centre, an empty cluster takes the centre
 *   of the largest cluster instead, as scikit-learn does.
 *
 * Known limits of "the same as scikit-learn": scikit-learn computes distances as `‖c‖² − 2x·c` through BLAS,
 * whose rounding can break an exact tie either way; we compare exact squared distances, so ties go to the
 * lowest index. With several empty clusters in one step, numpy's `argpartition` may hand out the far points
 * in another order.
 *
 * With `init: { method: 'k-means++', seed }` the centres are chosen by greedy k-means++ (Arthur &
 * Vassilvitskii 2007; 2 + ⌊ln k⌋ candidates per centre, as scikit-learn) using `createRng(seed)`.
 *
 * @param points the observations, one row of coordinates each (all rows the same length), or all of them in one
 *   Float64Array row after row (`FlatPoints`: no array per point, as for a million consumers)
 */
export function kmeans(
  points: ArrayLike<ArrayLike<number>> | FlatPoints,
  { k, init, maxIterations = 300, onIteration }: KmeansOptions,
): KmeansResult {
  const flat = isFlat(points);
  if (
    flat &&
    !(Number.isInteger(points.dims) && points.dims >= 1 && points.values.length % points.dims === 0)
  )
    throw new RangeError(
      `kmeans: ${points.values.length} values do not make rows of ${points.dims} coordinates`,
    );
  const n = flat ? points.values.length / points.dims : points.length;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`kmeans: k is ${k}; it must be an integer ≥ 1`);
  if (n < k) throw new RangeError(`kmeans: ${n} points cannot form ${k} clusters`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new RangeError(`kmeans: maxIterations is ${maxIterations}; it must be an integer ≥ 1`);
  const dims = flat ? points.dims : points[0].length;

  // The points row after row in one array (read only from here on: a flat input is used as it is).
  let x: Float64Array;
  if (flat) {
    x = points.values;
    for (let j = 0; j < x.length; j++) {
      if (!Number.isFinite(x[j]))
        throw new RangeError(`kmeans: point ${Math.floor(j / dims)}, coordinate ${j % dims} is ${x[j]}`);
    }
  } else {
    x = new Float64Array(n * dims);
    for (let i = 0; i < n; i++) {
      const row = points[i];
      if (row.length !== dims)
        throw new RangeError(`kmeans: point ${i} has ${row.length} coordinates, point 0 has ${dims}`);
      for (let d = 0; d < dims; d++) {
        const v = row[d];
        if (!Number.isFinite(v)) throw new RangeError(`kmeans: point ${i}, coordinate ${d} is ${v}`);
        x[i * dims + d] = v;
      }
    }
  }

  const mean = columnMeans(x, n, dims);
  const xc = new Float64Array(n * dims);
  for (let i = 0; i < n * dims; i++) xc[i] = x[i] - mean[i % dims];

  // Centres are kept in raw coordinates (`centers`, for the assignments) and centred (`centersC`, for updates).
  const centers = initialCenters(x, n, dims, k, init);
  const centersC = new Float64Array(k * dims);
  for (let i = 0; i < k * dims; i++) centersC[i] = centers[i] - mean[i % dims];

  let labels = new Int32Array(n);
  let labelsOld = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * dims);
  const counts = new Float64Array(k);
  let strict = false;
  let iteration = 0;

  // Bounds prune the distance computations (not their result) when nobody watches the iterations' inertia.
  const bounds: Bounds | undefined =
    onIteration || dims > UNROLLED_DIMS || k === 1
      ? undefined
      : {
          upper: new Float64Array(n),
          lower: new Float64Array(n),
          previous: null,
          shift: new Float64Array(k),
          maxShift: 0,
          farthestMover: 0,
          secondShift: 0,
        };

  for (; iteration < maxIterations; iteration++) {
    const inertia = assign(x, n, dims, centers, k, labels, bounds);
    if (onIteration)
      onIteration({
        iteration: iteration + 1,
        centers: rows(centers, k, dims),
        labels: Array.from(labels),
        inertia,
      });

    // Update: sums of the centred points per cluster, then re-seed empty clusters, then average.
    clusterSums(xc, n, dims, labels, sums, counts);
    relocateEmptyClusters(xc, n, dims, centersC, k, labels, sums, counts);
    let moved = false;
    const newC = averageCenters(sums, counts, k, dims);
    if (bounds) bounds.shift.fill(0);
    for (let i = 0; i < k * dims; i++) {
      if (newC[i] !== centersC[i]) moved = true;
      centersC[i] = newC[i];
      const raw = newC[i] + mean[i % dims];
      if (bounds) {
        const e = raw - centers[i];
        bounds.shift[(i / dims) | 0] += e * e;
      }
      centers[i] = raw;
    }
    if (bounds) recordShifts(bounds, k);

    if (sameLabels(labels, labelsOld)) {
      strict = true;
      break;
    }
    if (!moved) break;
    const swap = labelsOld;
    labelsOld = labels;
    labels = swap;
    if (bounds) bounds.previous = labelsOld;
  }
  // Count the iteration that broke out of the loop, as scikit-learn's `i + 1`.
  const iterations = Math.min(iteration + 1, maxIterations);
  // Unless the labels settled, recompute them so that they match the final centres (scikit-learn does the same).
  if (!strict) assign(x, n, dims, centers, k, labels);
  const inertia = centredInertia(xc, n, dims, centersC, labels);
  return { labels: Array.from(labels), centers: rows(centers, k, dims), inertia, iterations };
}

/**
 * Column means as numpy's `X.mean(axis=0)` computes them, to the bit: for a C-ordered array with several columns
 * numpy adds the rows one after another; with a single column the values are contiguous and numpy uses its
 * pairwise summation (numpy/_core/src/umath/loops_utils.h.src, `pairwise_sum`).
 */
function columnMeans(x: Float64Array, n: number, dims: number): Float64Array {
  const mean = new Float64Array(dims);
  if (dims === 1) {
    mean[0] = pairwiseSum(x, 0, n) / n;
    return mean;
  }
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) mean[d] += x[i * dims + d];
  for (let d = 0; d < dims; d++) mean[d] /= n;
  return mean;
}

/** numpy's pairwise summation: blocks of up to 128 with eight accumulators, halves (multiples of 8) above. */
function pairwiseSum(a: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += a[start + i];
    return sum;
  }
  if (n <= 128) {
    const r = [
      a[start],
      a[start + 1],
      a[start + 2],
      a[start + 3],
      a[start + 4],
      a[start + 5],
      a[start + 6],
      a[start + 7],
    ];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) sum += a[start + i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half);
}

/** Hamerly's bounds for `assign` (see there). */
interface Bounds {
  /** Per point: ≥ its distance to its centre. */
  upper: Float64Array;
  /** Per point: ≤ its distance to any other centre. */
  lower: Float64Array;
  /** Last iteration's labels, or null before the first (then every point is compared). */
  previous: Int32Array | null;
  /** Per centre: ≥ how far it moved in the last update. */
  shift: Float64Array;
  /** The largest shift, the centre that made it, and the largest among the other centres. */
  maxShift: number;
  farthestMover: number;
  secondShift: number;
}

/** The bounds' safety margins: relative 1e-9, against distances rounded to about 1e-15. */
const ROUND_UP = 1 + 1e-9;
const ROUND_DOWN = 1 - 1e-9;
const EMPTY = new Float64Array(0);

/** Widest point the unrolled distance kernels take; wider data use the plain loop. */
const UNROLLED_DIMS = 8;

/**
 * Σ (p_d − a[o + d])² for d < dims ≤ 8, the point p given in locals (zeros past `dims`), the squares added in
 * coordinate order — the same additions as the plain loop, so the same bits. Small enough for V8 to inline.
 */
function distanceFrom(
  a: Float64Array,
  o: number,
  dims: number,
  p0: number,
  p1: number,
  p2: number,
  p3: number,
  p4: number,
  p5: number,
  p6: number,
  p7: number,
): number {
  let e = p0 - a[o];
  let distance = e * e;
  if (dims > 1) {
    e = p1 - a[o + 1];
    distance += e * e;
    if (dims > 2) {
      e = p2 - a[o + 2];
      distance += e * e;
      if (dims > 3) {
        e = p3 - a[o + 3];
        distance += e * e;
        if (dims > 4) {
          e = p4 - a[o + 4];
          distance += e * e;
          if (dims > 5) {
            e = p5 - a[o + 5];
            distance += e * e;
            if (dims > 6) {
              e = p6 - a[o + 6];
              distance += e * e;
              if (dims > 7) {
                e = p7 - a[o + 7];
                distance += e * e;
              }
            }
          }
        }
      }
    }
  }
  return distance;
}

/**
 * Assigns each point to its nearest centre (ties to the lowest index); returns the total squared distance.
 *
 * Up to eight coordinates the point is held in locals and the squared differences are added one after another
 * in coordinate order — the same additions, in the same order, as the plain loop, so the same bits — which runs
 * about three times faster than the loop over `d` in V8 (the benchmark's 1,000,000 × 5 points).
 *
 * With `bounds` it also keeps Hamerly's bounds (G. Hamerly, "Making k-means even faster", SDM 2010): an upper
 * bound on each point's distance to its centre and a lower bound on its distance to every other centre. Once
 * `bounds.previous` holds the last labels, a point whose upper bound — grown by its centre's move — stays below
 * its lower bound — shrunk by the largest move of another centre — keeps its label without a distance being
 * computed. The bounds are widened by a relative 1e-9, far beyond the rounding of the distances (about 1e-15),
 * so a skipped point is one whose label the full comparison would have kept too: the labels, and hence the
 * centres, are the same bits as without bounds. The returned total then counts only the points compared, so it
 * is meaningful only without pruning (`onIteration` needs it; pruning is off there).
 */
function assign(
  x: Float64Array,
  n: number,
  dims: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  bounds?: Bounds,
): number {
  if (dims > UNROLLED_DIMS) return assignAnyDims(x, n, dims, centers, k, labels);
  const c = centers;
  let total = 0;
  const keep = bounds !== undefined;
  const uppers = keep ? bounds.upper : EMPTY;
  const lowers = keep ? bounds.lower : EMPTY;
  const previous = keep && bounds.previous ? bounds.previous : null;
  const shift = keep ? bounds.shift : EMPTY;
  const maxShift = keep ? bounds.maxShift : 0;
  const secondShift = keep ? bounds.secondShift : 0;
  const mover = keep ? bounds.farthestMover : -1;
  for (let i = 0, b = 0; i < n; i++, b += dims) {
    if (previous !== null) {
      // Hamerly's test: the assigned centre is still nearer than any other, whatever the centres' moves.
      const a = previous[i];
      const upper = uppers[i] + shift[a];
      const lower = lowers[i] - (a === mover ? secondShift : maxShift);
      if (upper < lower) {
        labels[i] = a;
        uppers[i] = upper;
        lowers[i] = lower;
        continue;
      }
    }
    const x0 = x[b];
    const x1 = dims > 1 ? x[b + 1] : 0;
    const x2 = dims > 2 ? x[b + 2] : 0;
    const x3 = dims > 3 ? x[b + 3] : 0;
    const x4 = dims > 4 ? x[b + 4] : 0;
    const x5 = dims > 5 ? x[b + 5] : 0;
    const x6 = dims > 6 ? x[b + 6] : 0;
    const x7 = dims > 7 ? x[b + 7] : 0;
    let best = 0;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let q = 0, cb = 0; q < k; q++, cb += dims) {
      const distance = distanceFrom(c, cb, dims, x0, x1, x2, x3, x4, x5, x6, x7);
      if (distance < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = distance;
        best = q;
      } else if (distance < secondDistance) secondDistance = distance;
    }
    labels[i] = best;
    total += bestDistance;
    if (keep) {
      uppers[i] = Math.sqrt(bestDistance) * ROUND_UP;
      lowers[i] = Math.sqrt(secondDistance) * ROUND_DOWN;
    }
  }
  return total;
}

function assignAnyDims(
  x: Float64Array,
  n: number,
  dims: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
): number {
  let total = 0;
  for (let i = 0, b = 0; i < n; i++, b += dims) {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0, cb = 0; c < k; c++, cb += dims) {
      let distance = 0;
      for (let d = 0; d < dims; d++) {
        const diff = x[b + d] - centers[cb + d];
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    labels[i] = best;
    total += bestDistance;
  }
  return total;
}

/** Turns the summed squared moves in `bounds.shift` into widened distances, and finds the two largest. */
function recordShifts(bounds: Bounds, k: number): void {
  let max = 0;
  let second = 0;
  let mover = 0;
  for (let c = 0; c < k; c++) {
    const shift = Math.sqrt(bounds.shift[c]) * ROUND_UP;
    bounds.shift[c] = shift;
    if (shift > max) {
      second = max;
      max = shift;
      mover = c;
    } else if (shift > second) second = shift;
  }
  bounds.maxShift = max;
  bounds.secondShift = second;
  bounds.farthestMover = mover;
}

/**
 * For every point i: `out[i] = min(closest[i], ‖x_i − x_j‖²)`; returns Σ out. The squared differences are added
 * in coordinate order (as `assign`), with point j's coordinates held in locals up to eight dimensions.
 */
function closestWith(
  x: Float64Array,
  n: number,
  dims: number,
  j: number,
  closest: Float64Array,
  out: Float64Array,
): number {
  const a = j * dims;
  let sum = 0;
  if (dims > UNROLLED_DIMS) {
    for (let i = 0, b = 0; i < n; i++, b += dims) {
      let distance = 0;
      for (let d = 0; d < dims; d++) {
        const diff = x[b + d] - x[a + d];
        distance += diff * diff;
      }
      const v = Math.min(closest[i], distance);
      out[i] = v;
      sum += v;
    }
    return sum;
  }
  const c0 = x[a];
  const c1 = dims > 1 ? x[a + 1] : 0;
  const c2 = dims > 2 ? x[a + 2] : 0;
  const c3 = dims > 3 ? x[a + 3] : 0;
  const c4 = dims > 4 ? x[a + 4] : 0;
  const c5 = dims > 5 ? x[a + 5] : 0;
  const c6 = dims > 6 ? x[a + 6] : 0;
  const c7 = dims > 7 ? x[a + 7] : 0;
  for (let i = 0, b = 0; i < n; i++, b += dims) {
    // (c − x)² is (x − c)² to the bit: negation is exact.
    const distance = distanceFrom(x, b, dims, c0, c1, c2, c3, c4, c5, c6, c7);
    const v = closest[i] < distance ? closest[i] : distance;
    out[i] = v;
    sum += v;
  }
  return sum;
}

/**
 * Per cluster: the number of its points and the sum of their coordinates, added in point order (as scikit-learn's
 * single-threaded update), with the row's coordinates unrolled up to eight dimensions.
 */
function clusterSums(
  xc: Float64Array,
  n: number,
  dims: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0, b = 0; i < n; i++, b += dims) {
    const c = labels[i];
    counts[c] += 1;
    const s = c * dims;
    if (dims > UNROLLED_DIMS) {
      for (let d = 0; d < dims; d++) sums[s + d] += xc[b + d];
      continue;
    }
    sums[s] += xc[b];
    if (dims > 1) {
      sums[s + 1] += xc[b + 1];
      if (dims > 2) {
        sums[s + 2] += xc[b + 2];
        if (dims > 3) {
          sums[s + 3] += xc[b + 3];
          if (dims > 4) {
            sums[s + 4] += xc[b + 4];
            if (dims > 5) {
              sums[s + 5] += xc[b + 5];
              if (dims > 6) {
                sums[s + 6] += xc[b + 6];
                if (dims > 7) sums[s + 7] += xc[b + 7];
              }
            }
          }
        }
      }
    }
  }
}

/**
 * Σ squared distance of each centred point to its centred centre, summed as scikit-learn's `_inertia_dense`
 * does (coordinates in groups of four, then the rest), so a single-threaded run gives the same bits.
 */
function centredInertia(
  xc: Float64Array,
  n: number,
  dims: number,
  centersC: Float64Array,
  labels: Int32Array,
): number {
  const groups = dims >> 2;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = i * dims;
    const b = labels[i] * dims;
    let distance = 0;
    let d = 0;
    for (let g = 0; g < groups; g++, d += 4) {
      const d0 = xc[a + d] - centersC[b + d];
      const d1 = xc[a + d + 1] - centersC[b + d + 1];
      const d2 = xc[a + d + 2] - centersC[b + d + 2];
      const d3 = xc[a + d + 3] - centersC[b + d + 3];
      distance += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
    }
    for (; d < dims; d++) {
      const diff = xc[a + d] - centersC[b + d];
      distance += diff * diff;
    }
    total += distance;
  }
  return total;
}

/** scikit-learn's `_relocate_empty_clusters_dense` on the centred data. */
function relocateEmptyClusters(
  xc: Float64Array,
  n: number,
  dims: number,
  centersC: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = new Float64Array(n);
  let maxDistance = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    let distance = 0;
    for (let d = 0; d < dims; d++) {
      const diff = xc[i * dims + d] - centersC[c * dims + d];
      distance += diff * diff;
    }
    distances[i] = distance;
    if (distance > maxDistance) maxDistance = distance;
  }
  // Every point sits on its centre (more clusters than distinct points): moving centres would not help.
  if (maxDistance === 0) return;
  const taken = new Uint8Array(n);
  for (const target of empty) {
    // The farthest point not yet taken; `>` keeps the lowest index among equals.
    let far = -1;
    for (let i = 0; i < n; i++) if (!taken[i] && (far < 0 || distances[i] > distances[far])) far = i;
    taken[far] = 1;
    const old = labels[far];
    for (let d = 0; d < dims; d++) {
      sums[old * dims + d] -= xc[far * dims + d];
      sums[target * dims + d] = xc[far * dims + d];
    }
    counts[target] = 1;
    counts[old] -= 1;
  }
}

/**
 * Each centre is its sum times `1/count` (scikit-learn's `_average_centers` multiplies by the reciprocal);
 * a cluster still empty takes the centre of the largest cluster (the lowest-numbered of equals).
 */
function averageCenters(sums: Float64Array, counts: Float64Array, k: number, dims: number): Float64Array {
  const out = new Float64Array(k * dims);
  let largest = 0;
  for (let c = 0; c < k; c++) {
    if (counts[c] > counts[largest]) largest = c;
    if (counts[c] > 0) {
      const alpha = 1 / counts[c];
      for (let d = 0; d < dims; d++) out[c * dims + d] = sums[c * dims + d] * alpha;
    }
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    for (let d = 0; d < dims; d++) out[c * dims + d] = out[largest * dims + d];
  }
  return out;
}

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function rows(flat: Float64Array, k: number, dims: number): number[][] {
  const out: number[][] = [];
  for (let c = 0; c < k; c++) out.push(Array.from(flat.subarray(c * dims, (c + 1) * dims)));
  return out;
}

function isExplicit(init: KmeansInit): init is ArrayLike<ArrayLike<number>> {
  return typeof (init as ArrayLike<unknown>).length === 'number';
}

function initialCenters(x: Float64Array, n: number, dims: number, k: number, init: KmeansInit): Float64Array {
  const centers = new Float64Array(k * dims);
  if (isExplicit(init)) {
    if (init.length !== k) throw new RangeError(`kmeans: ${init.length} initial centres for k = ${k}`);
    for (let c = 0; c < k; c++) {
      const row = init[c];
      if (row.length !== dims)
        throw new RangeError(`kmeans: initial centre ${c} has ${row.length} coordinates, the points ${dims}`);
      for (let d = 0; d < dims; d++) {
        if (!Number.isFinite(row[d]))
          throw new RangeError(`kmeans: initial centre ${c}, coordinate ${d} is ${row[d]}`);
        centers[c * dims + d] = row[d];
      }
    }
    return centers;
  }
  if (init.method !== 'k-means++') throw new RangeError(`kmeans: unknown init method ${String(init.method)}`);
  return kmeansPlusPlus(x, n, dims, k, init.seed);
}

/**
 * Greedy k-means++ (scikit-learn's `_kmeans_plusplus`): the first centre is a uniformly drawn point; each next
 * one is the best, by resulting potential Σ min squared distance, of 2 + ⌊ln k⌋ points drawn with probability
 * proportional to their squared distance to the nearest centre so far.
 */
function kmeansPlusPlus(x: Float64Array, n: number, dims: number, k: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const trials = 2 + Math.floor(log(k));
  const centers = new Float64Array(k * dims);
  const copyPoint = (c: number, i: number) => {
    for (let d = 0; d < dims; d++) centers[c * dims + d] = x[i * dims + d];
  };

  const first = Math.floor(rng.uniform() * n);
  copyPoint(0, first);
  let closest = new Float64Array(n).fill(Infinity);
  let potential = closestWith(x, n, dims, first, closest, closest);
  let candidateClosest = new Float64Array(n);
  let bestClosest = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity;
    let bestPoint = -1;
    for (let t = 0; t < trials; t++) {
      // All points already coincide with a centre: any point will do (the clusters will be duplicates).
      const candidate =
        potential > 0 && Number.isFinite(potential)
          ? rng.pickWithTotal(closest, potential)
          : potential > 0
            ? rng.pick(closest) // overflowed distances: let pick report them
            : Math.floor(rng.uniform() * n);
      const candidatePotential = closestWith(x, n, dims, candidate, closest, candidateClosest);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestPoint = candidate;
        const swap = bestClosest;
        bestClosest = candidateClosest;
        candidateClosest = swap;
      }
    }
    copyPoint(c, bestPoint);
    const swap = closest;
    closest = bestClosest;
    bestClosest = swap;
    potential = bestPotential;
  }
  return centers;
}

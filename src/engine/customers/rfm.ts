/** One customer's purchase history, as held in a CRM. */
export interface RfmCustomer {
  /** Days since the last purchase (fewer is better). */
  recencyDays: number;
  /** Number of purchases in the window (more is better). */
  frequency: number;
  /** Money spent in the window (more is better). */
  monetary: number;
}

export interface RfmScore {
  /** Recency score, 1..bins (bins = most recent). */
  r: number;
  /** Frequency score, 1..bins (bins = most purchases). */
  f: number;
  /** Monetary score, 1..bins (bins = most money). */
  m: number;
  /** The RFM cell: the three scores as digits, e.g. "535" (joined with "-" when bins ≥ 10, e.g. "10-3-7"). */
  cell: string;
}

/**
 * RFM scores with Hughes-style equal-count bins (A. M. Hughes, *Strategic Database Marketing*, 1994): each
 * dimension is sorted best first — fewest days since purchase, most purchases, most money — and the customer at
 * 0-based position i of N gets `score = bins − floor(i·bins/N)`, so the best N/bins customers score `bins`.
 *
 * The sort is stable (of two equal customers the earlier one in the input scores at least as high) and uses no
 * comparator: a counting sort when a dimension holds integers in a modest range (days, purchase counts), and an
 * LSD radix sort on the IEEE-754 bits otherwise (money), so a million customers take a few passes over memory.
 *
 * @param customers the customers, in a fixed order (the tie-break)
 * @param options.bins number of bins per dimension, an integer ≥ 1 (default 5, giving cells "111" … "555")
 */
export function rfmScores(
  customers: ArrayLike<RfmCustomer>,
  { bins = 5 }: { bins?: number } = {},
): RfmScore[] {
  const n = customers.length;
  const recencyDays = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    recencyDays[i] = checked(c.recencyDays, i, 'recencyDays');
    frequency[i] = checked(c.frequency, i, 'frequency');
    monetary[i] = checked(c.monetary, i, 'monetary');
  }
  const { r, f, m } = rfmScoreColumns({ recencyDays, frequency, monetary }, { bins });

  const cellOf = cellNamer(bins);
  const scores = new Array<RfmScore>(n);
  for (let i = 0; i < n; i++) {
    scores[i] = { r: r[i], f: f[i], m: m[i], cell: cellOf(r[i], f[i], m[i]) };
  }
  return scores;
}

/** The three histories as columns, one entry per customer (as the market's population stores them). */
export interface RfmColumns {
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

/**
 * `rfmScores` for data held column-wise, without an object per customer: the same scores, as three typed arrays
 * (customer i's recency score is `r[i]`). Typed-array columns are read directly; a column of integers — as the
 * market's days and purchase counts — is counting-sorted, and money held in single precision (a Float32Array, or
 * any values that single precision represents exactly) is radix-sorted on its 32 bits in two passes.
 */
export function rfmScoreColumns(
  { recencyDays, frequency, monetary }: RfmColumns,
  { bins = 5 }: { bins?: number } = {},
): { r: Int32Array; f: Int32Array; m: Int32Array } {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`rfmScores: bins is ${bins}; it must be an integer ≥ 1`);
  const n = recencyDays.length;
  if (frequency.length !== n || monetary.length !== n)
    throw new RangeError(
      `rfmScores: the columns have ${n}, ${frequency.length} and ${monetary.length} customers; they must match`,
    );
  return {
    r: binScores(stableOrder(checkedColumn(recencyDays, 'recencyDays'), false), bins),
    f: binScores(stableOrder(checkedColumn(frequency, 'frequency'), true), bins),
    m: binScores(stableOrder(checkedColumn(monetary, 'monetary'), true), bins),
  };
}

/**
 * The column as a Float64Array (a native conversion for typed arrays), so the sorts below see one array type
 * and stay monomorphic; a value that is not a number is reported with its customer.
 */
function checkedColumn(values: ArrayLike<number>, field: string): Float64Array {
  const out =
    values instanceof Float64Array
      ? values
      : ArrayBuffer.isView(values)
        ? new Float64Array(values as Float32Array)
        : Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== out[i]) checked(values[i], i, field);
  }
  return out;
}

function checked(value: number, index: number, field: string): number {
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new RangeError(`rfmScores: customer ${index} has ${field} ${String(value)}; it must be a number`);
  return value;
}

/** Score per customer from a best-first order: position i of N scores `bins − floor(i·bins/N)`. */
function binScores(order: Int32Array, bins: number): Int32Array {
  const n = order.length;
  const scores = new Int32Array(n);
  for (let position = 0; position < n; position++) {
    // position·bins < 2^53 for any array JavaScript can hold, so the quotient's floor is exact.
    scores[order[position]] = bins - Math.floor((position * bins) / n);
  }
  return scores;
}

function cellNamer(bins: number): (r: number, f: number, m: number) => string {
  const separator = bins >= 10 ? '-' : '';
  if (bins > 40) return (r, f, m) => `${r}${separator}${f}${separator}${m}`;
  // Precompute every cell name once, so a million customers share a few hundred strings.
  const table = new Array<string>(bins * bins * bins);
  for (let r = 1; r <= bins; r++)
    for (let f = 1; f <= bins; f++)
      for (let m = 1; m <= bins; m++)
        table[((r - 1) * bins + (f - 1)) * bins + (m - 1)] = `${r}${separator}${f}${separator}${m}`;
  return (r, f, m) => table[((r - 1) * bins + (f - 1)) * bins + (m - 1)];
}

/** Largest integer range sorted by counting; beyond it the radix sort is cheaper in memory. */
const COUNTING_RANGE_LIMIT = 1 << 20;

/**
 * Indices of `values` (no NaN) in stable ascending (or descending) order, without a comparator.
 * Exported for tests and for other engine modules that need a stable order of many numbers.
 */
export function stableOrder(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  let single = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isSafeInteger(v)) integers = false;
    if (single && Math.fround(v) !== v) single = false;
  }
  if (n > 0 && integers && max - min <= Math.max(COUNTING_RANGE_LIMIT, 2 * n)) {
    return countingOrder(values, min, max, descending);
  }
  return single ? radixOrder32(values, descending) : radixOrder(values, descending);
}

function countingOrder(values: Float64Array, min: number, max: number, descending: boolean): Int32Array {
  const n = values.length;
  const range = max - min + 1;
  const starts = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) {
    const key = descending ? max - values[i] : values[i] - min;
    starts[key + 1]++;
  }
  for (let key = 0; key < range; key++) starts[key + 1] += starts[key];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = descending ? max - values[i] : values[i] - min;
    order[starts[key]++] = i;
  }
  return order;
}

/** 16-bit digits: four passes cover the 64 bits of a double. */
const RADIX = 65536;
const RADIX_MASK = RADIX - 1;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Stable LSD radix sort on the IEEE-754 bit patterns, made order-preserving by the usual transform
 * (negative numbers: flip every bit; non-negative: flip the sign bit), four 16-bit digits, each pass a
 * stable counting sort. Passes in which every key has the same digit are skipped.
 */
function radixOrder(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  const copy = values.slice();
  // −0 and +0 are equal numbers but different bit patterns: make them one key.
  for (let i = 0; i < n; i++) if (copy[i] === 0) copy[i] = 0;
  const words = new Uint32Array(copy.buffer);
  const hiOffset = LITTLE_ENDIAN ? 1 : 0;
  const loOffset = 1 - hiOffset;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + hiOffset];
    let l = words[2 * i + loOffset];
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else {
      h ^= 0x80000000;
    }
    if (descending) {
      h = ~h;
      l = ~l;
    }
    hi[i] = h >>> 0;
    lo[i] = l >>> 0;
  }
  // The keys travel with the indices, so each pass reads its digits in sequence rather than at random.
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let keysHi = hi;
  let keysLo = lo;
  let order2 = new Int32Array(n);
  let keysHi2 = new Uint32Array(n);
  let keysLo2 = new Uint32Array(n);
  const counts = new Int32Array(RADIX + 1);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const keys = pass < 2 ? keysLo : keysHi;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & RADIX_MASK) + 1]++;
    if (counts[((keys[0] >>> shift) & RADIX_MASK) + 1] === n) continue; // all alike: this digit orders nothing
    for (let d = 0; d < RADIX; d++) counts[d + 1] += counts[d];
    for (let position = 0; position < n; position++) {
      const target = counts[(keys[position] >>> shift) & RADIX_MASK]++;
      order2[target] = order[position];
      keysHi2[target] = keysHi[position];
      keysLo2[target] = keysLo[position];
    }
    [order, order2] = [order2, order];
    [keysHi, keysHi2] = [keysHi2, keysHi];
    [keysLo, keysLo2] = [keysLo2, keysLo];
  }
  return order;
}

/**
 * The same stable order for values that single precision holds exactly: their float32 bit patterns, made
 * order-preserving by the same transform, sorted in two 16-bit passes instead of four.
 */
function radixOrder32(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  const copy = new Float32Array(n);
  // −0 and +0 are equal numbers but different bit patterns: make them one key.
  for (let i = 0; i < n; i++) copy[i] = values[i] === 0 ? 0 : values[i];
  const bits = new Uint32Array(copy.buffer);
  let keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = bits[i];
    h = h & 0x80000000 ? ~h : h ^ 0x80000000;
    keys[i] = (descending ? ~h : h) >>> 0;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let order2 = new Int32Array(n);
  let keys2 = new Uint32Array(n);
  const counts = new Int32Array(RADIX + 1);
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & RADIX_MASK) + 1]++;
    if (counts[((keys[0] >>> shift) & RADIX_MASK) + 1] === n) continue; // all alike: this digit orders nothing
    for (let d = 0; d < RADIX; d++) counts[d + 1] += counts[d];
    for (let position = 0; position < n; position++) {
      const key = keys[position];
      const target = counts[(key >>> shift) & RADIX_MASK]++;
      order2[target] = order[position];
      keys2[target] = key;
    }
    [order, order2] = [order2, order];
    [keys, keys2] = [keys2, keys];
  }
  return order;
}

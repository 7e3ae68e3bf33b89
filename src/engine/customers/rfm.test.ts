import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rfmScoreColumns, rfmScores, stableOrder, type RfmCustomer } from './rfm';

/** Reference: a comparator sort (stable since ES2019) and the same score rule. */
function referenceScores(values: number[], descending: boolean, bins: number): number[] {
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (descending ? values[b] - values[a] : values[a] - values[b]) || 0);
  const scores = new Array<number>(values.length);
  order.forEach((customer, position) => {
    scores[customer] = bins - Math.floor((position * bins) / values.length);
  });
  return scores;
}

describe('rfmScores', () => {
  it('scores a hand table (N = 10, 5 bins: positions 0–1 → 5, 2–3 → 4, … 8–9 → 1)', () => {
    const customers: RfmCustomer[] = [
      { recencyDays: 5, frequency: 3, monetary: 900 }, // 0
      { recencyDays: 40, frequency: 1, monetary: 20 }, // 1
      { recencyDays: 5, frequency: 8, monetary: 560 }, // 2: same recency as 0, comes later → lower bin
      { recencyDays: 200, frequency: 1, monetary: 15.25 }, // 3
      { recencyDays: 12, frequency: 5, monetary: 300 }, // 4
      { recencyDays: 90, frequency: 2, monetary: 75 }, // 5
      { recencyDays: 12, frequency: 5, monetary: 300 }, // 6: a duplicate of 4
      { recencyDays: 1, frequency: 12, monetary: 1200 }, // 7
      { recencyDays: 365, frequency: 1, monetary: 0 }, // 8
      { recencyDays: 30, frequency: 4, monetary: 180 }, // 9
    ];
    // By hand: recency ascending 7,0,2,4,6,9,1,5,3,8; frequency descending 7,2,4,6,9,0,5,1,3,8;
    // monetary descending 7,0,2,4,6,9,5,1,3,8 (ties keep input order).
    const scores = rfmScores(customers);
    expect(scores.map((s) => s.cell)).toEqual([
      '535',
      '222',
      '454',
      '111',
      '444',
      '222',
      '343',
      '555',
      '111',
      '333',
    ]);
    expect(scores[0]).toEqual({ r: 5, f: 3, m: 5, cell: '535' });
    expect(scores[6]).toEqual({ r: 3, f: 4, m: 3, cell: '343' });
  });

  it('spreads uneven counts by floor(i·bins/N): N = 7, 3 bins → 3,3,3,2,2,1,1', () => {
    const customers = [7, 6, 5, 4, 3, 2, 1].map((frequency) => ({ recencyDays: 0, frequency, monetary: 0 }));
    expect(rfmScores(customers, { bins: 3 }).map((s) => s.f)).toEqual([3, 3, 3, 2, 2, 1, 1]);
    // All equal: the stable order is the input order.
    expect(rfmScores(customers, { bins: 3 }).map((s) => s.r)).toEqual([3, 3, 3, 2, 2, 1, 1]);
  });

  it('names cells with a separator when scores can reach two digits', () => {
    const customers = Array.from({ length: 10 }, (_, i) => ({ recencyDays: i, frequency: i, monetary: i }));
    const scores = rfmScores(customers, { bins: 10 });
    expect(scores[0].cell).toBe('10-1-1');
    expect(scores[9].cell).toBe('1-10-10');
  });

  it('handles no customers, one customer and rejects bad input', () => {
    expect(rfmScores([])).toEqual([]);
    expect(rfmScores([{ recencyDays: 3, frequency: 1, monetary: 9.5 }])).toEqual([
      { r: 5, f: 5, m: 5, cell: '555' },
    ]);
    expect(() => rfmScores([{ recencyDays: NaN, frequency: 1, monetary: 1 }])).toThrow(/recencyDays NaN/);
    expect(() => rfmScores([], { bins: 0 })).toThrow(/bins/);
    expect(() => rfmScores([], { bins: 2.5 })).toThrow(/bins/);
  });

  it('treats −0 and 0 as equal and sorts negatives, fractions and infinities by value', () => {
    const values = new Float64Array([0.5, -0, -2.25, Infinity, 0, -Infinity, 1e-300, -1e-300, 3]);
    expect(Array.from(stableOrder(values, false))).toEqual([5, 2, 7, 1, 4, 6, 0, 8, 3]);
    expect(Array.from(stableOrder(values, true))).toEqual([3, 8, 0, 6, 1, 4, 7, 2, 5]);
    // The same in single precision (the two-pass radix sort on 32-bit patterns): 2^-149 is float32's least
    // positive value, a subnormal.
    const tiny = 2 ** -149;
    const singles = new Float64Array([0.5, -0, -2.25, Infinity, 0, -Infinity, tiny, -tiny, 3]);
    expect(Array.from(stableOrder(singles, false))).toEqual([5, 2, 7, 1, 4, 6, 0, 8, 3]);
    expect(Array.from(stableOrder(singles, true))).toEqual([3, 8, 0, 6, 1, 4, 7, 2, 5]);
  });

  const sizes = { minLength: 1, maxLength: 300 };
  const customerLists = fc.oneof(
    // Small integer ranges: the counting sort.
    fc.array(
      fc.record({
        recencyDays: fc.integer({ min: 0, max: 30 }),
        frequency: fc.integer({ min: 0, max: 5 }),
        monetary: fc.integer({ min: -3, max: 3 }),
      }),
      sizes,
    ),
    // Wide integer ranges and fractions: the radix sort.
    fc.array(
      fc.record({
        recencyDays: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        frequency: fc.constantFrom(0, 1, 2, 1e15, -1e15),
        monetary: fc.double({ noNaN: true }),
      }),
      sizes,
    ),
    // Money in single precision (as the market's Float32Array holds it): the 32-bit radix sort.
    fc.array(
      fc.record({
        recencyDays: fc.integer({ min: 0, max: 3000 }),
        frequency: fc.integer({ min: 0, max: 60 }),
        monetary: fc.float({ noNaN: true }),
      }),
      sizes,
    ),
  );

  it('property: equals a stable comparator sort with the same score rule', () => {
    fc.assert(
      fc.property(customerLists, fc.integer({ min: 1, max: 12 }), (customers, bins) => {
        const scores = rfmScores(customers, { bins });
        const r = referenceScores(
          customers.map((c) => c.recencyDays),
          false,
          bins,
        );
        const f = referenceScores(
          customers.map((c) => c.frequency),
          true,
          bins,
        );
        const m = referenceScores(
          customers.map((c) => c.monetary),
          true,
          bins,
        );
        expect(scores.map((s) => s.r)).toEqual(r);
        expect(scores.map((s) => s.f)).toEqual(f);
        expect(scores.map((s) => s.m)).toEqual(m);
      }),
    );
  });

  it('property: the column API gives the scores of the object API, from typed or plain columns', () => {
    fc.assert(
      fc.property(customerLists, fc.integer({ min: 1, max: 12 }), (customers, bins) => {
        const objects = rfmScores(customers, { bins });
        const plain = rfmScoreColumns(
          {
            recencyDays: customers.map((c) => c.recencyDays),
            frequency: customers.map((c) => c.frequency),
            monetary: customers.map((c) => c.monetary),
          },
          { bins },
        );
        expect(Array.from(plain.r)).toEqual(objects.map((o) => o.r));
        expect(Array.from(plain.f)).toEqual(objects.map((o) => o.f));
        expect(Array.from(plain.m)).toEqual(objects.map((o) => o.m));
      }),
    );
    // Typed columns as the population stores them: days and counts in Uint16Array, money in Float32Array.
    const recencyDays = Uint16Array.from([40, 5, 5, 300, 12]);
    const frequency = Uint16Array.from([1, 3, 8, 1, 5]);
    const monetary = Float32Array.from([20, 900, 560, 15.25, 300]);
    const typed = rfmScoreColumns({ recencyDays, frequency, monetary });
    const expected = rfmScores(
      Array.from(recencyDays, (_, i) => ({
        recencyDays: recencyDays[i],
        frequency: frequency[i],
        monetary: monetary[i],
      })),
    );
    expect(Array.from(typed.r)).toEqual(expected.map((o) => o.r));
    expect(Array.from(typed.m)).toEqual(expected.map((o) => o.m));
    // By hand (N = 5, one per bin): money descending 900, 560, 300, 20, 15.25.
    expect(Array.from(typed.m)).toEqual([2, 5, 4, 1, 3]);
  });

  it('column API: rejects columns of different lengths and a NaN, naming the customer', () => {
    expect(() => rfmScoreColumns({ recencyDays: [1, 2], frequency: [1], monetary: [1, 2] })).toThrow(
      /2, 1 and 2 customers/,
    );
    expect(() =>
      rfmScoreColumns({ recencyDays: [1, 2], frequency: [1, 2], monetary: Float32Array.from([1, NaN]) }),
    ).toThrow(/customer 1 has monetary NaN/);
  });

  it('scores a million customers into five equal bins per dimension', () => {
    const n = 1_000_000;
    const customers: RfmCustomer[] = new Array(n);
    for (let i = 0; i < n; i++) {
      // Deterministic spreads with many ties: days 0..729, 1..40 purchases, money with cents.
      customers[i] = {
        recencyDays: (i * 7919) % 730,
        frequency: 1 + ((i * 104729) % 40),
        monetary: ((i * 15485863) % 1_000_003) / 100,
      };
    }
    const scores = rfmScores(customers);
    const counts = { r: [0, 0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0, 0] };
    for (const s of scores) {
      counts.r[s.r]++;
      counts.f[s.f]++;
      counts.m[s.m]++;
    }
    // N is a multiple of 5, so each score holds exactly N/5 customers.
    for (const key of ['r', 'f', 'm'] as const)
      expect(counts[key].slice(1)).toEqual([2e5, 2e5, 2e5, 2e5, 2e5]);
    // Spot-check against the reference on a slice: better values never score lower.
    for (let i = 1; i < 2000; i++) {
      const a = customers[i - 1];
      const b = customers[i];
      if (a.recencyDays < b.recencyDays) expect(scores[i - 1].r).toBeGreaterThanOrEqual(scores[i].r);
      if (a.monetary > b.monetary) expect(scores[i - 1].m).toBeGreaterThanOrEqual(scores[i].m);
    }
  });
});

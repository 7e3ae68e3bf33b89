import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kmeans, type KmeansIteration } from './kmeans';
import { nearestCenter } from './standardize';
import { createRng } from '../rng';
import { log } from '../math';

// The scikit-learn docs' example (sklearn.cluster.KMeans docstring).
const DOCS_X = [
  [1, 2],
  [1, 4],
  [1, 0],
  [10, 2],
  [10, 4],
  [10, 0],
];

describe('kmeans: hand-verified Lloyd steps', () => {
  it('runs the docs example from centres (1,1), (2,2), with a tie in the first step', () => {
    // Step 1: (1,2) is at squared distance 1 from both centres → the tie goes to centre 0; (1,4): 9 vs 5 → 1;
    // (1,0): 1 vs 5 → 0; the (10,·) points → 1. Labels 0,1,0,1,1,1; centres (1,1) and the mean of
    // (1,4),(10,2),(10,4),(10,0) = (7.75, 2.5). Inertia of step 1 = 1+5+1+64+68+68 = 207.
    // Step 2: labels 0,0,0,1,1,1 → centres (1,2), (10,2). Step 3: labels unchanged → stop (3 iterations).
    // scikit-learn 1.2.1 KMeans(init=[[1,1],[2,2]], n_init=1, algorithm='lloyd', tol=0) gives the same
    // labels, centres, inertia_ 16.0 and n_iter_ 3.
    const steps: KmeansIteration[] = [];
    const result = kmeans(DOCS_X, {
      k: 2,
      init: [
        [1, 1],
        [2, 2],
      ],
      onIteration: (step) => steps.push(step),
    });
    expect(steps[0]).toEqual({
      iteration: 1,
      centers: [
        [1, 1],
        [2, 2],
      ],
      labels: [0, 1, 0, 1, 1, 1],
      inertia: 207,
    });
    expect(steps[1].centers).toEqual([
      [1, 1],
      [7.75, 2.5],
    ]);
    expect(steps[1].labels).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result).toEqual({
      labels: [0, 0, 0, 1, 1, 1],
      centers: [
        [1, 2],
        [10, 2],
      ],
      inertia: 16,
      iterations: 3,
    });
  });

  it("keeps the docs' fitted centres [[10,2],[1,2]] as a fixed point", () => {
    // The docstring's KMeans(n_clusters=2, random_state=0) result: labels [1,1,1,0,0,0], centres
    // [[10,2],[1,2]]. Started there, one iteration moves no centre, so the run stops (n_iter_ 1 in 1.2.1).
    const result = kmeans(DOCS_X, {
      k: 2,
      init: [
        [10, 2],
        [1, 2],
      ],
    });
    expect(result).toEqual({
      labels: [1, 1, 1, 0, 0, 0],
      centers: [
        [10, 2],
        [1, 2],
      ],
      inertia: 16,
      iterations: 1,
    });
  });
});

describe('kmeans: the same bits as scikit-learn', () => {
  // Golden values from scikit-learn 1.2.1 (Debian python3-sklearn, OMP_NUM_THREADS=1):
  //   KMeans(n_clusters=len(init), init=np.array(init), n_init=1, algorithm='lloyd', tol=0,
  //          max_iter=max_iter).fit(np.array(X, dtype=float))
  // with X built by the same formulas in Python (IEEE division and subtraction round the same way there).
  // Centres and inertia_ are repr() of the float64 results, so toEqual checks them to the last bit.
  const corners = [
    [0, 0, 0],
    [5, 5, 0],
    [0, 5, 5],
    [5, 0, 5],
  ];
  const blobs = Array.from({ length: 200 }, (_, i) =>
    [0, 1, 2].map((d) => corners[i % 4][d] + (((i * 37 + d * 101) % 97) / 97) * 3 - 1.5),
  );
  const line = Array.from({ length: 300 }, (_, i) => [((i * 53) % 101) / 7 + (i % 3) * 20]);
  const wide = Array.from({ length: 150 }, (_, i) => [
    ((i * 31) % 17) / 3 - 2,
    ((i * 7) % 13) / 5,
    (i % 5) * 0.7,
    ((i * 11) % 19) / 9,
    (i % 7) / 7,
  ]);

  const cases = [
    {
      name: '200 points in 3-D, all four centres started in one blob',
      points: blobs,
      init: [blobs[0], blobs[4], blobs[8], blobs[12]],
      maxIterations: 300,
      labels:
        '03132313031323130313231303132313031323130313231303132313031323130313231323130313231303132313031323130313' +
        '231303132313031323130313231303132313031323132313031323130313231303132313031323130313231303132313',
      centers: [
        [-0.7164948453608244, -0.8427835051546393, -0.7190721649484533],
        [0.01298969072164935, 5.016701030927835, 5.02041237113402],
        [0.5543219666931005, 0.6780333068992865, 0.5709754163362408],
        [4.9829896907216495, 2.486701030927835, 2.4904123711340205],
      ],
      inertia: 1633.0437469035376,
      iterations: 12,
    },
    {
      name: 'the same, stopped after 2 iterations (labels recomputed for the last centres)',
      points: blobs,
      init: [blobs[0], blobs[4], blobs[8], blobs[12]],
      maxIterations: 2,
      labels:
        '03331333033313332333133323331333233313332333133323331333233313331333133313332333133303331333033313332333' +
        '133323331333233313332333133323331333133313331333233313330333133303331333233313332333133323331333',
      centers: [
        [-1.4072164948453612, -1.2835051546391751, -1.15979381443299],
        [0.4329896907216493, 0.3802304426925409, 0.32747119466343255],
        [-0.9896907216494846, -0.8659793814432986, -0.7422680412371134],
        [3.326323024054983, 3.3300343642611683, 3.333745704467354],
      ],
      inertia: 2885.700519034819,
      iterations: 2,
    },
    {
      name: '300 points on a line (numpy sums a single column pairwise)',
      points: line,
      init: [line[0], line[1], line[2]],
      maxIterations: 300,
      labels: '012'.repeat(100),
      centers: [[7.152857142857137], [27.077142857142857], [47.14571428571428]],
      inertia: 5211.414489795918,
      iterations: 3,
    },
    {
      name: '150 points in 5-D',
      points: wide,
      init: wide.slice(0, 5),
      maxIterations: 300,
      labels:
        '01234011230012300422304221044213444113441134401234002220012300422104421334213344113340133301123001220002' +
        '2004221344213444113441133401234001230012200422',
      centers: [
        [-0.8854166666666667, 1.20625, 0.3500000000000003, 0.9270833333333333, 0.40625],
        [2.488888888888889, 1.18, 0.5833333333333336, 1.0333333333333332, 0.4095238095238095],
        [2.1935483870967745, 0.9612903225806452, 2.3032258064516125, 1.0, 0.45161290322580644],
        [0.717948717948718, 1.7307692307692308, 1.696153846153846, 0.8589743589743589, 0.45054945054945056],
        [-1.0, 0.9290322580645162, 2.12258064516129, 1.139784946236559, 0.4009216589861751],
      ],
      inertia: 256.72674519773904,
      iterations: 13,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = kmeans(c.points, { k: c.init.length, init: c.init, maxIterations: c.maxIterations });
      expect(result.labels.join('')).toBe(c.labels);
      expect(result.centers).toEqual(c.centers);
      expect(result.inertia).toBe(c.inertia);
      expect(result.iterations).toBe(c.iterations);
    });
  }

  it('re-seeds an empty cluster with the point farthest from its centre', () => {
    // [0,1,2,10] from centres 0, 1, 50: step 1 leaves centre 2 empty; the farthest point from its centre is
    // 10 (81 from centre 1), so centre 2 becomes 10 and centre 1 the mean of 1 and 2. scikit-learn 1.2.1:
    // labels [0,1,1,2], centres [0,1.5,10], inertia 0.5, n_iter 2.
    expect(kmeans([[0], [1], [2], [10]], { k: 3, init: [[0], [1], [50]] })).toEqual({
      labels: [0, 1, 1, 2],
      centers: [[0], [1.5], [10]],
      inertia: 0.5,
      iterations: 2,
    });
    // Two empty clusters: the farthest point (11) goes to the lower-numbered one. scikit-learn 1.2.1 agrees.
    expect(kmeans([[0], [1], [2], [10], [11]], { k: 4, init: [[0], [1], [50], [60]] })).toEqual({
      labels: [0, 1, 1, 3, 2],
      centers: [[0], [1.5], [11], [10]],
      inertia: 0.5,
      iterations: 2,
    });
  });

  it('gives an empty cluster the largest cluster’s centre when every point sits on its centre', () => {
    // More centres than distinct points: nothing to re-seed with. scikit-learn 1.2.1: labels [1,1,0,0,0],
    // centres [5,0,5], inertia 0, n_iter 2 (the tie between centres 0 and 2 at 5 goes to centre 0).
    expect(kmeans([[0], [0], [5], [5], [5]], { k: 3, init: [[9], [0], [5]] })).toEqual({
      labels: [1, 1, 0, 0, 0],
      centers: [[5], [0], [5]],
      inertia: 0,
      iterations: 2,
    });
  });
});

describe('kmeans: k-means++ seeding', () => {
  const corners = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
  ];
  const points = Array.from({ length: 80 }, (_, i) => [
    corners[i % 4][0] + ((i * 13) % 7) / 7,
    corners[i % 4][1] + ((i * 5) % 11) / 11,
  ]);

  it('is reproducible from its seed and starts from data points', () => {
    const starts: number[][][] = [];
    const a = kmeans(points, {
      k: 4,
      init: { method: 'k-means++', seed: 7 },
      onIteration: (s) => {
        if (s.iteration === 1) starts.push(s.centers);
      },
    });
    const b = kmeans(points, { k: 4, init: { method: 'k-means++', seed: 7 } });
    expect(b).toEqual(a);
    for (const center of starts[0]) expect(points).toContainEqual(center);
  });

  it('finds four well-separated groups (each group one label) for several seeds', () => {
    for (const seed of [1, 2, 3, 42, 2024]) {
      const { labels } = kmeans(points, { k: 4, init: { method: 'k-means++', seed } });
      // Points i and i+4 belong to the same corner, so they must share a label; the four corners differ.
      for (let i = 4; i < points.length; i++) expect(labels[i]).toBe(labels[i - 4]);
      expect(new Set(labels.slice(0, 4)).size).toBe(4);
    }
  });

  it('copes with fewer distinct points than clusters', () => {
    const result = kmeans([[1], [1], [1], [2]], { k: 3, init: { method: 'k-means++', seed: 5 } });
    expect(result.inertia).toBe(0);
  });
});

describe('kmeans: invariants', () => {
  const pointArb = (dims: number) =>
    fc
      .array(fc.integer({ min: -20, max: 20 }), { minLength: dims, maxLength: dims })
      .map((a) => a.map((v) => v / 2));
  const problem = fc
    .record({ dims: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 60 }) })
    .chain(({ dims, n }) =>
      fc.record({
        points: fc.array(pointArb(dims), { minLength: n, maxLength: n }),
        k: fc.integer({ min: 1, max: Math.min(n, 6) }),
        initKind: fc.constantFrom('points', 'random', 'k-means++'),
        randomCenters: fc.array(pointArb(dims), { minLength: 6, maxLength: 6 }),
        seed: fc.integer(),
      }),
    );

  it('property: inertia never rises from one iteration to the next, and the final labels are nearest centres', () => {
    fc.assert(
      fc.property(problem, ({ points, k, initKind, randomCenters, seed }) => {
        const init =
          initKind === 'points'
            ? points.slice(0, k)
            : initKind === 'random'
              ? randomCenters.slice(0, k)
              : { method: 'k-means++' as const, seed };
        const history: number[] = [];
        const result = kmeans(points, { k, init, onIteration: (s) => history.push(s.inertia) });
        for (let i = 1; i < history.length; i++)
          expect(history[i]).toBeLessThanOrEqual(history[i - 1] * (1 + 1e-12) + 1e-12);
        expect(result.inertia).toBeLessThanOrEqual(history[history.length - 1] * (1 + 1e-12) + 1e-12);
        expect(result.iterations).toBe(history.length);
        points.forEach((p, i) => {
          const nearest = nearestCenter(p, result.centers);
          // The assigned centre is at the nearest distance (a tie may have gone to either at the last step).
          const d = (c: number[]) => c.reduce((s, v, j) => s + (v - p[j]) ** 2, 0);
          expect(d(result.centers[result.labels[i]])).toBeLessThanOrEqual(d(result.centers[nearest]) + 1e-9);
        });
      }),
    );
  });

  // Without `onIteration` the distances are pruned by Hamerly's bounds; with it every distance is computed. The
  // bounds only skip work, so both runs must agree to the bit — on grids full of exact ties as well.
  it('property: pruning by bounds changes nothing (labels, centres, inertia, iterations)', () => {
    const wide = fc
      .record({ dims: fc.integer({ min: 1, max: 9 }), n: fc.integer({ min: 2, max: 150 }) })
      .chain(({ dims, n }) =>
        fc.record({
          points: fc.array(pointArb(dims), { minLength: n, maxLength: n }),
          k: fc.integer({ min: 1, max: Math.min(n, 8) }),
          seed: fc.integer(),
        }),
      );
    fc.assert(
      fc.property(wide, ({ points, k, seed }) => {
        const options = { k, init: { method: 'k-means++' as const, seed } };
        const pruned = kmeans(points, options);
        const full = kmeans(points, { ...options, onIteration: () => {} });
        expect(pruned).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });

  it('pruning changes nothing on 20,000 points in 5 overlapping clusters (k = 8, 60 iterations)', () => {
    // Overlapping groups keep many points near a boundary for many iterations, where a loose bound would err.
    const points: number[][] = [];
    let s = 12345;
    const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    for (let i = 0; i < 20_000; i++) {
      const g = i % 5;
      points.push([g + next(), (g % 2) * 1.5 + next(), next() * 2, g * 0.3 + next(), next()]);
    }
    const options = { k: 8, init: { method: 'k-means++' as const, seed: 3 }, maxIterations: 60 };
    const pruned = kmeans(points, options);
    let steps = 0;
    const full = kmeans(points, { ...options, onIteration: () => void steps++ });
    expect(steps).toBeGreaterThan(10); // the run really iterates, so the bounds are used many times
    expect(pruned.labels).toEqual(full.labels);
    expect(pruned.centers).toEqual(full.centers);
    expect(pruned.inertia).toBe(full.inertia);
    expect(pruned.iterations).toBe(full.iterations);
  });

  it('takes the same points row after row in one Float64Array, with the same result', () => {
    const rows: number[][] = [];
    for (let i = 0; i < 500; i++) rows.push([(i * 37) % 101, (i * 53) % 89, i % 7]);
    const flat = { values: Float64Array.from(rows.flat()), dims: 3 };
    const options = { k: 4, init: { method: 'k-means++' as const, seed: 11 } };
    expect(kmeans(flat, options)).toEqual(kmeans(rows, options));
    expect(() => kmeans({ values: new Float64Array(5), dims: 2 }, options)).toThrow(/5 values .* rows of 2/);
    expect(() =>
      kmeans({ values: Float64Array.from([1, 2, 3, NaN]), dims: 2 }, { k: 1, init: [[0, 0]] }),
    ).toThrow(/point 1, coordinate 1 is NaN/);
  });

  it('property: k-means++ picks the centres of the plain greedy algorithm, to the bit', () => {
    // The reference: scikit-learn's greedy k-means++ written plainly — each trial's candidate drawn by rng.pick
    // over the squared distances, its potential summed point by point — against the fused, unrolled passes.
    function reference(points: number[][], k: number, seed: number): number[][] {
      const rng = createRng(seed);
      const n = points.length;
      const trials = 2 + Math.floor(log(k));
      const d2 = (p: number[], q: number[]) => {
        let s = 0;
        for (let d = 0; d < p.length; d++) s += (p[d] - q[d]) * (p[d] - q[d]);
        return s;
      };
      const first = Math.floor(rng.uniform() * n);
      const centres = [points[first]];
      let closest = points.map((p) => d2(p, points[first]));
      let potential = closest.reduce((a, b) => a + b, 0);
      for (let c = 1; c < k; c++) {
        let best = -1;
        let bestPotential = Infinity;
        let bestClosest = closest;
        for (let t = 0; t < trials; t++) {
          const candidate = potential > 0 ? rng.pick(closest) : Math.floor(rng.uniform() * n);
          const next = closest.map((v, i) => Math.min(v, d2(points[i], points[candidate])));
          const p = next.reduce((a, b) => a + b, 0);
          if (p < bestPotential) {
            bestPotential = p;
            best = candidate;
            bestClosest = next;
          }
        }
        centres.push(points[best]);
        closest = bestClosest;
        potential = bestPotential;
      }
      return centres;
    }
    const problem = fc
      .record({ dims: fc.integer({ min: 1, max: 10 }), n: fc.integer({ min: 8, max: 120 }) })
      .chain(({ dims, n }) =>
        fc.record({
          points: fc.array(
            fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: dims, maxLength: dims }),
            { minLength: n, maxLength: n },
          ),
          k: fc.integer({ min: 1, max: 8 }),
          seed: fc.integer(),
        }),
      );
    fc.assert(
      fc.property(problem, ({ points, k, seed }) => {
        const steps: number[][][] = [];
        kmeans(points, {
          k,
          init: { method: 'k-means++', seed },
          maxIterations: 1,
          onIteration: (s) => steps.push(s.centers),
        });
        expect(steps[0]).toEqual(reference(points, k, seed));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    expect(() => kmeans([[1], [2]], { k: 3, init: [[1], [2], [3]] })).toThrow(/2 points cannot form 3/);
    expect(() => kmeans([[1], [2]], { k: 0, init: [] })).toThrow(/k is 0/);
    expect(() => kmeans([[1], [2]], { k: 2, init: [[1]] })).toThrow(/1 initial centres for k = 2/);
    expect(() => kmeans([[1, 2], [2]], { k: 1, init: [[1, 2]] })).toThrow(/point 1 has 1 coordinates/);
    expect(() => kmeans([[1], [NaN]], { k: 1, init: [[1]] })).toThrow(/point 1, coordinate 0/);
    expect(() => kmeans([[1], [2]], { k: 1, init: [[1]], maxIterations: 0 })).toThrow(/maxIterations/);
  });
});

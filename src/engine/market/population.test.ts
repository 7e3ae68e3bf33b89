import { describe, expect, it } from 'vitest';
import { miniDecision, miniScenario } from '../../../tests/fixtures/mini-scenario';
import { exp } from '../math';
import { DEFAULT_MODEL_COEFFICIENTS, resolveCoefficients } from './coefficients';
import { fastExp } from './fast-exp';
import { createMarket, simulateRound } from './market';
import {
  generatePopulation,
  hasConsented,
  observableColumn,
  populationBytesPerConsumer,
  type Population,
} from './population';

const coefficients = resolveCoefficients(miniScenario);
const N = miniScenario.population.size;
const whole = generatePopulation(miniScenario, coefficients, 7, 0, N);

type Column = Exclude<keyof Population, 'start' | 'count' | 'channelCount' | 'byteLength'>;
const COLUMNS: Column[] = [
  'archetype',
  'age',
  'female',
  'cityTier',
  'income',
  'recencyDays',
  'frequency',
  'monetary',
  'priceSensitivity',
  'idealX',
  'idealY',
  'loyalty',
  'propensity',
  'consent',
];

function meanWhere(values: ArrayLike<number>, pop: Population, archetype: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < pop.count; i++)
    if (pop.archetype[i] === archetype) {
      sum += values[i];
      count++;
    }
  return sum / count;
}

describe('generatePopulation', () => {
  it('draws each consumer independently of the slice that generates it', () => {
    // Consumers 5000…12999 drawn alone are the same, bit for bit, as in the whole population.
    const slice = generatePopulation(miniScenario, coefficients, 7, 5000, 13000);
    for (const column of COLUMNS)
      expect(Array.from(slice[column]), column).toEqual(Array.from(whole[column].subarray(5000, 13000)));
    const C = whole.channelCount;
    for (let c = 0; c < C; c++) {
      expect(Array.from(slice.habits.subarray(c * 8000, (c + 1) * 8000))).toEqual(
        Array.from(whole.habits.subarray(c * N + 5000, c * N + 13000)),
      );
      expect(Array.from(slice.responsiveness.subarray(c * 8000, (c + 1) * 8000))).toEqual(
        Array.from(whole.responsiveness.subarray(c * N + 5000, c * N + 13000)),
      );
    }
  });

  it('draws gender, city tier, income and spend on first use, the same bits as when they were drawn up front', () => {
    // FNV-1a (32-bit) of each column's bytes, recorded from commit 2698fc5, which drew these four columns with
    // the rest: drawing them later, from the same keyed stream, must not change a bit.
    const fnv1a = (column: ArrayBufferView): string => {
      const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
      let h = 0x811c9dc5;
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
      return h.toString(16);
    };
    const fresh = generatePopulation(miniScenario, coefficients, 7, 0, N);
    expect(fnv1a(fresh.income)).toBe('315764e8'); // read first: draws all four
    expect([fnv1a(fresh.female), fnv1a(fresh.cityTier), fnv1a(fresh.monetary)]).toEqual([
      '943afd52',
      'b3e70ff1',
      '48a8d6f3',
    ]);
    expect([fresh.income[0], fresh.monetary[12345]]).toEqual([3271.61669921875, 135.7902069091797]);
    const slice = generatePopulation(miniScenario, coefficients, 7, 5000, 13000);
    expect(fnv1a(slice.monetary)).toBe('20ddab61');
    expect(fnv1a(slice.female)).toBe('ccff303');
  });

  it('leaves the four columns undrawn through generation and rounds that do not read them', () => {
    const pendingOf = (pop: Population) => (pop as unknown as { pending: unknown }).pending;
    let market = createMarket({ ...miniScenario, population: { ...miniScenario.population, size: 2000 } });
    const pop = market.chunks[0].population;
    expect(pendingOf(pop)).not.toBeNull();
    for (let r = 0; r < 2; r++) market = simulateRound(market, miniDecision()).market; // segments by age
    expect(pop.byteLength()).toBe(2000 * populationBytesPerConsumer(4));
    expect(pendingOf(pop)).not.toBeNull();
    void observableColumn(pop, 'cityTier', []);
    expect(pendingOf(pop)).toBeNull();
  });

  it('changes with the seed', () => {
    const other = generatePopulation(miniScenario, coefficients, 8, 0, 1000);
    let same = 0;
    for (let i = 0; i < 1000; i++) if (other.idealX[i] === whole.idealX[i]) same++;
    expect(same).toBeLessThan(50); // only clamped values (0 or 10) can coincide
  });

  it('follows the archetype shares within sampling error', () => {
    // Binomial sd of a share of 0.35 in 20,000 draws is √(0.35·0.65/20000) ≈ 0.0034; allow 4 sd.
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[whole.archetype[i]]++;
    miniScenario.population.archetypes.forEach((a, k) =>
      expect(Math.abs(counts[k] / N - a.share)).toBeLessThan(0.014),
    );
  });

  it('draws attributes around the archetype means', () => {
    const archetypes = miniScenario.population.archetypes;
    // trend-followers: age N(24, 3) → mean within 4·3/√6000 ≈ 0.16 of 24.
    expect(meanWhere(whole.age, whole, 1)).toBeCloseTo(24, 0);
    expect(Math.abs(meanWhere(whole.age, whole, 1) - 24)).toBeLessThan(0.3); // rounding to whole years adds < 0.5 bias at most
    // value-seekers: price sensitivity N(3.2, 0.4) → mean within 0.03.
    expect(Math.abs(meanWhere(whole.priceSensitivity, whole, 0) - 3.2)).toBeLessThan(0.03);
    // value-seekers: Poisson frequency mean 14 → sd of the mean √14/√7000 ≈ 0.045.
    expect(Math.abs(meanWhere(whole.frequency, whole, 0) - 14)).toBeLessThan(0.2);
    // quality-first: recency exponential mean 25 → sd of the mean 25/√4000 ≈ 0.4 (before rounding to days).
    expect(Math.abs(meanWhere(whole.recencyDays, whole, 2) - 25)).toBeLessThan(1.6);
    // value-seekers: monetary log-normal with mean 60.
    expect(Math.abs(meanWhere(whole.monetary, whole, 0) - 60)).toBeLessThan(1);
    // Income median: half of value-seekers earn less than 5000.
    let below = 0;
    let count = 0;
    for (let i = 0; i < N; i++)
      if (whole.archetype[i] === 0) {
        count++;
        if (whole.income[i] < archetypes[0].income.median) below++;
      }
    expect(Math.abs(below / count - 0.5)).toBeLessThan(0.03);
    // Ideal points of trend-followers centre on (7, 7).
    expect(Math.abs(meanWhere(whole.idealX, whole, 1) - 7)).toBeLessThan(0.05);
    expect(Math.abs(meanWhere(whole.idealY, whole, 1) - 7)).toBeLessThan(0.05);
  });

  it('keeps every value in its range and each value orientation summing to 1', () => {
    for (let i = 0; i < N; i++) {
      const f = whole.valueOrientation[i];
      const e = whole.valueOrientation[N + i];
      const s = whole.valueOrientation[2 * N + i];
      expect(Math.abs(f + e + s - 1)).toBeLessThan(1e-6);
      expect(f >= 0 && e >= 0 && s >= 0).toBe(true);
      expect(whole.idealX[i] >= 0 && whole.idealX[i] <= 10).toBe(true);
      expect(whole.loyalty[i] >= 0 && whole.loyalty[i] <= 1).toBe(true);
      expect(whole.cityTier[i] >= 1 && whole.cityTier[i] <= 4).toBe(true);
    }
  });

  it('gives no habit for a channel an archetype does not use', () => {
    // occasional buyers (index 3) have no search or social habit.
    const search = observableColumn(whole, 'habit:search', ['search', 'social', 'video', 'store']);
    for (let i = 0; i < N; i++) if (whole.archetype[i] === 3) expect(search[i]).toBe(0);
    // trend-followers' social habit centres on 0.9 (clamped at 1).
    const social = observableColumn(whole, 'habit:social', ['search', 'social', 'video', 'store']);
    expect(meanWhere(social, whole, 1)).toBeGreaterThan(0.8);
  });

  it('keeps each consumer’s consent draw: consented at rate r exactly when hasConsented says so', () => {
    // The round reads the column instead of hashing (seed, 0, i, consent) again; both must agree at any rate.
    for (const rate of [0, 0.25, 0.5, 0.9, 1])
      for (let i = 0; i < 2000; i++)
        expect(whole.consent[i] / 2 ** 32 < rate, `consumer ${i} at ${rate}`).toBe(hasConsented(7, i, rate));
    // And the draws are spread: about half consent at 0.5.
    let half = 0;
    for (let i = 0; i < N; i++) if (whole.consent[i] / 2 ** 32 < 0.5) half++;
    expect(half / N).toBeGreaterThan(0.47);
    expect(half / N).toBeLessThan(0.53);
  });

  it('fits the memory budget of 160 bytes per consumer', () => {
    // 4 channels: 52 + 5·4 = 72 bytes of population columns (counted column by column below).
    expect(populationBytesPerConsumer(4)).toBe(72);
    let bytes = 0;
    for (const column of [...COLUMNS, 'habits', 'valueOrientation', 'responsiveness'] as const)
      bytes += whole[column].byteLength;
    expect(bytes / N).toBe(72);
    expect(populationBytesPerConsumer(8)).toBeLessThanOrEqual(160 - 11 - 8);
  });
});

describe('coefficients', () => {
  it('takes the scenario overrides over the defaults and rejects non-numbers', () => {
    const c = resolveCoefficients({ ...miniScenario, model: { distanceWeight: 0.2 } });
    expect(c.distanceWeight).toBe(0.2);
    expect(c.loyaltyWeight).toBe(DEFAULT_MODEL_COEFFICIENTS.loyaltyWeight);
    expect(() => resolveCoefficients({ ...miniScenario, model: { distanceWeight: NaN } })).toThrow(
      /distanceWeight/,
    );
  });
});

describe('fastExp', () => {
  it('agrees with the fdlibm exp to a few ulp over the model’s range', () => {
    let worst = 0;
    for (let k = 0; k <= 20000; k++) {
      const x = -40 + (k * 80) / 20000 + 1e-7 * (k % 7);
      const rel = Math.abs(fastExp(x) - exp(x)) / exp(x);
      if (rel > worst) worst = rel;
    }
    expect(worst).toBeLessThan(4e-16);
  });

  it('gives the bits of the two-table form it was written in before (2^k and 2^(j/256) in separate tables)', () => {
    // The earlier form, rebuilt here: POW2[k + 1022] = 2^k by exact doubling and halving, FRACTION[j] = 2^(j/256).
    const fraction = Float64Array.from({ length: 256 }, (_, j) => exp((j * 0.6931471805599453) / 256));
    const pow2 = new Float64Array(2046);
    pow2[1022] = 1;
    for (let k = 1; k <= 1023; k++) pow2[1022 + k] = pow2[1021 + k] * 2;
    for (let k = 1; k <= 1022; k++) pow2[1022 - k] = pow2[1023 - k] / 2;
    const before = (x: number): number => {
      const m = (x * 369.3299304675746 + 6755399441055744 - 6755399441055744) | 0;
      const r = x - m * 0.00270760617331689 - m * 7.453964567463233e-13;
      const p = 1 + r * (1 + r * (0.5 + r * (0.16666666666666666 + r * 0.041666666666666664)));
      return pow2[(m >> 8) + 1022] * (fraction[m & 255] * p);
    };
    // Across the whole range it handles itself, its extremes (2^−1010, 2^1009) included.
    for (let k = 0; k <= 50000; k++) {
      const x = -699.9 + (k * 1399.8) / 50000 + 1e-9 * (k % 11);
      expect(Object.is(fastExp(x), before(x))).toBe(true);
    }
  });

  it('is exact at 0 and follows exp beyond ±700', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-800)).toBe(exp(-800));
    expect(fastExp(710)).toBe(Infinity);
    expect(Number.isNaN(fastExp(NaN))).toBe(true);
  });
});

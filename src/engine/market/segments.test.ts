import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../tests/fixtures/mini-scenario';
import type { ObservableVariable, Segmentation } from '../types';
import { resolveCoefficients } from './coefficients';
import { generatePopulation, observableColumn } from './population';
import { assignSegments, countSegmentCells } from './segments';

const channelIds = miniScenario.channels.map((c) => c.id);
const pop = generatePopulation(miniScenario, resolveCoefficients(miniScenario), 11, 0, 3000);
const A = miniScenario.population.archetypes.length;

/** The rules' definition, consumer by consumer: the first split is the most significant digit. */
function referenceRules(segmentation: Extract<Segmentation, { method: 'rules' }>): number[] {
  const columns = segmentation.splits.map((s) => observableColumn(pop, s.variable, channelIds));
  const out: number[] = [];
  for (let i = 0; i < pop.count; i++) {
    let segment = 0;
    segmentation.splits.forEach((split, k) => {
      const bin = split.thresholds.filter((t) => columns[k][i] >= t).length;
      segment = segment * (split.thresholds.length + 1) + bin;
    });
    out.push(segment);
  }
  return out;
}

describe('assignSegments (rules)', () => {
  // Integer columns (age, tier, habits, recency, frequency) go through a look-up table; income a comparison
  // per consumer. Both must give the definition's segment for any increasing thresholds.
  const variables: { variable: ObservableVariable; max: number }[] = [
    { variable: 'age', max: 95 },
    { variable: 'cityTier', max: 5 },
    { variable: `habit:${channelIds[1]}`, max: 1.1 },
    { variable: 'recencyDays', max: 400 },
    { variable: 'frequency', max: 30 },
    { variable: 'income', max: 40000 },
  ];
  const split = fc
    .record({
      v: fc.constantFrom(...variables),
      fractions: fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: 1,
        maxLength: 3,
      }),
    })
    .map(({ v, fractions }) => ({
      variable: v.variable,
      thresholds: fractions.map((f) => f * v.max).sort((x, y) => x - y),
    }))
    .filter((s) => s.thresholds.every((t, j) => j === 0 || t > s.thresholds[j - 1]));

  it('matches the definition for one or two splits on any variable', () => {
    fc.assert(
      fc.property(fc.array(split, { minLength: 1, maxLength: 2 }), (splits) => {
        const segmentation: Segmentation = { method: 'rules', splits };
        expect(Array.from(assignSegments(pop, segmentation, channelIds))).toEqual(
          referenceRules(segmentation),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('puts a value equal to a threshold in the upper bin (integer columns included)', () => {
    const age = pop.age[0];
    const segmentation: Segmentation = {
      method: 'rules',
      splits: [{ variable: 'age', thresholds: [age] }],
    };
    expect(assignSegments(pop, segmentation, channelIds)[0]).toBe(1);
  });
});

describe('countSegmentCells', () => {
  it('counts consumers and sums habit bytes per (segment, archetype) cell', () => {
    const segmentation: Segmentation = {
      method: 'rules',
      splits: [{ variable: 'age', thresholds: [30, 50] }],
    };
    const assigned = assignSegments(pop, segmentation, channelIds);
    const S = 3;
    const C = channelIds.length;
    const counts = countSegmentCells(pop, assigned, S, A);
    const cells = S * A;
    const expected = new Array<number>(cells * (1 + C)).fill(0);
    for (let i = 0; i < pop.count; i++) {
      const k = assigned[i] * A + pop.archetype[i];
      expected[k] += 1;
      for (let c = 0; c < C; c++) expected[cells + k * C + c] += pop.habits[c * pop.count + i];
    }
    expect(Array.from(counts)).toEqual(expected);
    // Every consumer is counted once.
    expect(expected.slice(0, cells).reduce((x, y) => x + y, 0)).toBe(pop.count);
  });
});

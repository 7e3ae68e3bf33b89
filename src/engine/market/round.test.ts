import { describe, expect, it } from 'vitest';
import { ageSegmentation, miniDecision, miniScenario } from '../../../tests/fixtures/mini-scenario';
import type { KpiBlock, RoundDecision, RoundReport, Segmentation } from '../types';
import { prepareRound, withSegmentationGroup } from './core';
import { createMarket, runStudy, simulateRound, type Market } from './market';
import {
  accumulateWaste,
  blockLayout,
  cellResponse,
  makeDirectKeys,
  responseKeys,
  ResponseRows,
  V_COUNT,
} from './round';

/**
 * Behaviour of one round a marketer would recognise, each with a direction and a size, and the accounting
 * identities that must hold every round. Sizes come from the mini scenario (tests/fixtures/mini-scenario.ts);
 * each threshold leaves room for sampling noise but fails if the effect disappears or reverses.
 */

const market0 = createMarket(miniScenario);

function play(decision: Partial<RoundDecision>, market: Market = market0) {
  return simulateRound(market, miniDecision(decision));
}

const incomeSegmentation: Segmentation = {
  method: 'rules',
  splits: [{ variable: 'income', thresholds: [8000] }],
};
const tierSegmentation: Segmentation = {
  method: 'rules',
  splits: [{ variable: 'cityTier', thresholds: [2] }],
};

describe('a round', () => {
  it('gives less for the second half of the money in a saturated channel', () => {
    // In-store displays saturate (Michaelis–Menten, km = 2 impressions per person): 500k then another 500k.
    const none = play({ allocations: [] }).report.total.conversions;
    const half = play({ allocations: [{ channelId: 'store', segment: 0, spend: 500_000 }] }).report.total
      .conversions;
    const full = play({ allocations: [{ channelId: 'store', segment: 0, spend: 1_000_000 }] }).report.total
      .conversions;
    const first = half - none;
    const second = full - half;
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThan(0.5 * first); // observed ≈ 0.28
  });

  it('converts better when the money targets the segment whose ideal point is nearest our position', () => {
    // Segment 0 (under 30) is mostly trend followers, ideal point (7, 7); we sit at (6.5, 6.5).
    const focused = play({
      targets: [0],
      allocations: [{ channelId: 'social', segment: 0, spend: 600_000 }],
    }).report;
    const spread = play({
      targets: [0, 1, 2],
      allocations: [0, 1, 2].map((segment) => ({ channelId: 'social', segment, spend: 200_000 })),
    }).report;
    expect(focused.total.spend).toBe(spread.total.spend);
    expect(focused.total.incrementalConversions).toBeGreaterThan(1.3 * spread.total.incrementalConversions); // observed ≈ 1.6×
    expect(focused.total.romi).toBeGreaterThan(spread.total.romi + 1);
  });

  it('loses share to a competitor’s price cut most among price-sensitive consumers', () => {
    // Budget Co cuts its price by 20 % in round 1 instead of round 3; everything else (and every draw) is the same.
    const cut = createMarket({ ...miniScenario, events: [{ ...miniScenario.events[1], round: 1 }] });
    const before = play({}).report;
    const after = play({}, cut).report;
    const drop = (a: number) =>
      (before.archetypes[a].share - after.archetypes[a].share) / before.archetypes[a].share;
    // Archetypes by price sensitivity: value seekers 3.2, occasional 2, trend followers 0.9, quality first 0.5.
    expect(drop(0)).toBeGreaterThan(0.15); // observed ≈ 0.29
    expect(drop(0)).toBeGreaterThan(5 * drop(1));
    expect(drop(1)).toBeGreaterThan(drop(2));
    expect(after.total.share).toBeLessThan(before.total.share);
  });

  it('raises complaints with over-frequency', () => {
    // Social's cap is 8 impressions per person per round.
    const moderate = play({ allocations: [{ channelId: 'social', segment: 0, spend: 250_000 }] }).report
      .channels[1];
    const heavy = play({ allocations: [{ channelId: 'social', segment: 0, spend: 1_000_000 }] }).report
      .channels[1];
    expect(moderate.frequency).toBeLessThan(8);
    expect(moderate.complaintRate).toBe(0);
    expect(heavy.frequency).toBeGreaterThan(8);
    expect(heavy.complaintRate).toBeGreaterThan(0.02); // observed ≈ 0.04
  });

  it('raises compliance risk for unconsented sensitive data after the privacy rule', () => {
    // Income is sensitive from the start (weight 0.5); the rule in round 3 doubles the weight and adds city tier.
    let byIncome = market0;
    let byTier = market0;
    const risks: number[] = [];
    const tierRisks: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const a = play(
        {
          segmentation: incomeSegmentation,
          targets: [1],
          allocations: [{ channelId: 'social', segment: 1, spend: 300_000 }],
        },
        byIncome,
      );
      const b = play(
        {
          segmentation: tierSegmentation,
          targets: [0],
          allocations: [{ channelId: 'social', segment: 0, spend: 300_000 }],
        },
        byTier,
      );
      byIncome = a.market;
      byTier = b.market;
      risks.push(a.report.total.complianceRisk);
      tierRisks.push(b.report.total.complianceRisk);
    }
    // risk = (1 − consent 0.4) × weight, all spend being targeted on a personal-data channel.
    expect(risks[0]).toBeCloseTo(0.3, 12);
    expect(risks[1]).toBeCloseTo(0.3, 12);
    expect(risks[2]).toBeCloseTo(0.6, 12);
    expect(tierRisks).toEqual([0, 0, 0.6]);
    // A channel without personal data carries no risk even on sensitive variables.
    const video = play({
      segmentation: incomeSegmentation,
      targets: [1],
      allocations: [{ channelId: 'video', segment: 1, spend: 300_000 }],
    });
    expect(video.report.total.complianceRisk).toBe(0);
  });

  it('lowers compliance risk with a consent campaign and raises targeting with data governance', () => {
    const plain = play({
      segmentation: incomeSegmentation,
      targets: [1],
      allocations: [{ channelId: 'social', segment: 1, spend: 300_000 }],
    });
    const consent = play({
      segmentation: incomeSegmentation,
      targets: [1],
      allocations: [{ channelId: 'social', segment: 1, spend: 300_000 }],
      actions: { dataGovernance: true, consentCampaign: true },
    });
    // consent 0.4 + 0.2·0.6 = 0.52 → risk (1 − 0.52)·0.5 = 0.24; data quality 0.7 + 0.15·0.3 = 0.745.
    expect(consent.report.conditions.consentRate).toBeCloseTo(0.52, 12);
    expect(consent.report.total.complianceRisk).toBeCloseTo(0.24, 12);
    expect(consent.report.conditions.dataQuality).toBeCloseTo(0.745, 12);
    expect(consent.report.budget.actions).toBe(90_000);
    expect(consent.report.segments[1].reach).toBeGreaterThan(plain.report.segments[1].reach);
  });

  it('keeps a pulse of spend working in the next round (carry-over)', () => {
    // Video's geometric adstock (α = 0.6) carries 60 % of round 1's impressions into round 2; in-store has none.
    const pulse = play({ allocations: [{ channelId: 'video', segment: 0, spend: 800_000 }] });
    const after = play({ allocations: [] }, pulse.market).report;
    const never = play({ allocations: [] }, play({ allocations: [] }).market).report;
    expect(after.total.spend).toBe(0);
    expect(after.channels[2].reach).toBeGreaterThan(0.5 * pulse.report.channels[2].reach); // observed ≈ 0.7
    expect(after.total.conversions).toBeGreaterThan(1.04 * never.total.conversions); // observed ≈ 1.08
    const store = play({ allocations: [{ channelId: 'store', segment: 0, spend: 800_000 }] });
    expect(play({ allocations: [] }, store.market).report.channels[3].reach).toBe(0);
  });

  it('does not change the market it was given', () => {
    const before = play({}).report.hash;
    play({ allocations: [{ channelId: 'video', segment: 0, spend: 900_000 }] });
    expect(play({}).report.hash).toBe(before);
    expect(market0.core.round).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------

const EPS = 1e-9;
function near(a: number, b: number, what: string) {
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(
    EPS * Math.max(1, Math.abs(a), Math.abs(b)),
  );
}

function checkBlock(block: KpiBlock, price: number, unitCost: number, what: string) {
  expect(block.customers, `${what} customers`).toBe(block.newCustomers + block.retainedCustomers);
  expect(block.customers, `${what} conversions`).toBe(block.conversions);
  near(block.revenue, block.units * price, `${what} revenue = units × price`);
  near(block.grossMargin, block.units * (price - unitCost), `${what} margin`);
  expect(block.reach).toBeLessThanOrEqual(block.size);
  expect(block.retainedCustomers).toBeLessThanOrEqual(block.priorCustomers);
  expect(block.share >= 0 && block.share <= 1).toBe(true);
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function checkIdentities(report: RoundReport, decision: RoundDecision) {
  const scale = miniScenario.population.scale;
  const price = decision.positioning.price;
  const cost = miniScenario.product.unitCost;
  const t = report.total;
  // Spend adds up over channels, over learner segments, and matches the decision and the budget.
  const allocated = sum(decision.allocations.map((a) => a.spend));
  near(t.spend, allocated, 'total spend');
  near(sum(report.channels.map((c) => c.spend)), t.spend, 'Σ channel spend');
  near(sum(report.segments.map((s) => s.spend)), t.spend, 'Σ segment spend');
  near(sum(report.archetypes.map((a) => a.spend)), t.spend, 'Σ archetype spend (apportioned)');
  near(report.budget.media, t.spend, 'budget media');
  near(
    report.budget.remaining,
    report.budget.available - report.budget.media - report.budget.studies - report.budget.actions,
    'budget remaining',
  );
  near(sum(report.channels.map((c) => c.wastedSpend)), t.wastedSpend, 'Σ channel waste');
  expect(t.wastedSpend).toBeLessThanOrEqual(t.spend + EPS);
  // People add up.
  expect(t.size).toBe(miniScenario.population.size * scale);
  expect(sum(report.archetypes.map((a) => a.size))).toBe(t.size);
  expect(sum(report.segments.map((s) => s.size))).toBe(t.size);
  for (const field of [
    'conversions',
    'newCustomers',
    'retainedCustomers',
    'reach',
    'units',
    'categoryPurchases',
  ] as const) {
    expect(sum(report.archetypes.map((a) => a[field])), `Σ archetype ${field}`).toBe(t[field]);
    expect(sum(report.segments.map((s) => s[field])), `Σ segment ${field}`).toBe(t[field]);
  }
  // Customers = retained + new; revenue = units × price — in every block.
  checkBlock(t, price, cost, 'total');
  report.archetypes.forEach((a) => checkBlock(a, price, cost, a.archetypeId));
  report.segments.forEach((s) => checkBlock(s, price, cost, `segment ${s.segment}`));
  report.channels.forEach((c) => checkBlock(c, price, cost, c.channelId));
  // Shares sum to 1; ours is the total's share; no-purchase rate closes the population.
  near(sum(report.brandShares.map((b) => b.share)), 1, 'Σ brand shares');
  near(report.brandShares[0].share, t.share, 'our brand share');
  near(report.noPurchaseRate, 1 - t.categoryPurchases / t.size, 'no-purchase rate');
  // Attribution never credits more than the conversions.
  expect(sum(report.channels.map((c) => c.lastTouchConversions))).toBeLessThanOrEqual(t.conversions);
  // Ratios.
  if (t.spend > 0) {
    near(t.roi, (t.revenue - t.spend) / t.spend, 'roi');
    near(t.romi, (t.incrementalMargin - t.spend) / t.spend, 'romi');
  } else expect(Number.isNaN(t.romi)).toBe(true);
  expect(report.hash).toMatch(/^[0-9a-f]{16}$/);
}

describe('accounting identities', () => {
  it('hold in every round of a varied game', () => {
    const kmeans: Segmentation = {
      method: 'kmeans',
      variables: ['age', 'income', 'habit:social'],
      means: [38, 8000, 0.5],
      sds: [14, 5000, 0.3],
      centers: [
        [-1, 0, 1],
        [0.5, 1.5, -0.5],
        [1, -0.5, -0.5],
      ],
    };
    const decisions: RoundDecision[] = [
      miniDecision({
        targets: [0, 1],
        allocations: [
          { channelId: 'social', segment: 0, spend: 300_000 },
          { channelId: 'search', segment: 1, spend: 150_000 },
          { channelId: 'video', segment: 0, spend: 200_000 },
        ],
        actions: { dataGovernance: true, consentCampaign: false },
      }),
      // A new segmentation while round 1's carry-over is still working (the per-consumer path).
      miniDecision({
        segmentation: kmeans,
        targets: [0, 2],
        positioning: { position: { x: 6, y: 6 }, price: 45, emphasis: 'emotional' },
        allocations: [
          { channelId: 'social', segment: 0, spend: 250_000 },
          { channelId: 'store', segment: 2, spend: 200_000 },
          { channelId: 'search', segment: 0, spend: 0 },
        ],
      }),
      miniDecision({
        segmentation: incomeSegmentation,
        targets: [0, 1],
        allocations: [
          { channelId: 'social', segment: 1, spend: 400_000 },
          { channelId: 'store', segment: 0, spend: 300_000 },
        ],
        actions: { dataGovernance: false, consentCampaign: true },
      }),
      miniDecision({
        segmentation: ageSegmentation,
        targets: [0, 1, 2],
        positioning: { position: { x: 7, y: 7 }, price: 60, emphasis: 'social' },
        allocations: [
          { channelId: 'search', segment: 0, spend: 100_000 },
          { channelId: 'social', segment: 1, spend: 100_000 },
          { channelId: 'video', segment: 2, spend: 100_000 },
          { channelId: 'store', segment: 0, spend: 100_000 },
        ],
      }),
    ];
    let market = market0;
    const seenEvents: string[] = [];
    decisions.forEach((decision, r) => {
      if (r === 1) market = runStudy(market, { studyId: 'survey' }).market;
      const out = simulateRound(market, decision);
      market = out.market;
      expect(out.report.round).toBe(r + 1);
      if (r === 1) expect(out.report.budget.studies).toBe(30_000);
      checkIdentities(out.report, decision);
      seenEvents.push(...out.report.events);
    });
    expect(seenEvents).toEqual(['festival', 'budget-cut', 'privacy-law', 'video-cost']);
  });
});

/**
 * Carry-over from several segmentations at once (direct mode) with more than 256 combinations of segments: the
 * keys then number the combinations in order of first appearance instead of being their mixed-radix code.
 */
describe('many segmentations with carry-over', () => {
  const steps = [20, 25, 30, 35, 40, 50, 60];
  const fine: Segmentation = {
    method: 'rules',
    splits: [
      { variable: 'age', thresholds: steps },
      { variable: 'income', thresholds: [3000, 4500, 6000, 7500, 9000, 11000, 14000] },
    ],
  };
  const byHabit: Segmentation = {
    method: 'rules',
    splits: [{ variable: 'habit:social', thresholds: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] }],
  };
  const byHistory: Segmentation = {
    method: 'rules',
    splits: [
      { variable: 'frequency', thresholds: [2, 4, 6, 8, 10, 12, 15] },
      { variable: 'recencyDays', thresholds: [10, 20, 30, 45, 60, 90, 120] },
    ],
  };
  const spread = (segments: number[], channels: string[]) =>
    segments.flatMap((segment, k) => [{ channelId: channels[k % channels.length], segment, spend: 40_000 }]);
  const decisions: RoundDecision[] = [
    miniDecision({
      segmentation: fine,
      targets: [3, 12, 20, 33, 41, 50],
      allocations: spread([3, 12, 20, 33, 41, 50], ['social', 'search', 'video']),
    }),
    // 8 segments now, 64 and 8 with carry-over: 8 × 64 × 8 = 4,096 codes (a look-up table numbers them).
    miniDecision({
      segmentation: byHabit,
      targets: [1, 4, 6],
      allocations: spread([1, 4, 6], ['social', 'video']),
    }),
    // Both still carried over under a third segmentation: 64 × 64 × 8 × 64 codes (a map numbers them).
    miniDecision({
      segmentation: byHistory,
      targets: [5, 17, 44],
      allocations: spread([5, 17, 44], ['search', 'social']),
    }),
  ];

  function game(chunkSize?: number): { reports: RoundReport[]; markets: Market[] } {
    let market = createMarket(miniScenario, 42, chunkSize ? { chunkSize } : {});
    const reports: RoundReport[] = [];
    const markets: Market[] = [market];
    for (const decision of decisions) {
      const out = simulateRound(market, decision);
      reports.push(out.report);
      market = out.market;
      markets.push(market);
    }
    return { reports, markets };
  }
  const whole = game();

  /** The plan of round r + 1 (from the market before it) and the first chunk after it (its segments assigned). */
  function directRound(r: number) {
    const { core, groupIndex } = withSegmentationGroup(whole.markets[r].core, decisions[r].segmentation);
    const plan = prepareRound(core, groupIndex, decisions[r]).plan;
    const chunks = whole.markets[r + 1].chunks;
    const from = (chunk: (typeof chunks)[number]) => [
      chunk.assignments[plan.groupIndex]!,
      ...plan.activeGroups.map((g) => chunk.assignments[g]!),
    ];
    return { plan, chunks, from };
  }
  function directCounts(r: number) {
    const { plan, chunks, from } = directRound(r);
    return makeDirectKeys(chunks[0].population, from(chunks[0]), plan).counts;
  }

  it('keeps the accounting identities and gives the same hashes in chunks of 8,192', () => {
    whole.reports.forEach((report, r) => checkIdentities(report, decisions[r]));
    expect(game(8192).reports.map((r) => r.hash)).toEqual(whole.reports.map((r) => r.hash));
    // Made by the code before the keys were kept between rounds (one numbering per round, in order of first
    // appearance, for any number of combinations): the same reports, bit for bit.
    expect(whole.reports.map((r) => r.hash)).toEqual(PINNED_MANY);
  });

  it('accounts waste the same whether the block counts are kept between rounds or counted each round', () => {
    // By default round 3's counts (thousands of combinations) are too many to keep, round 2's are not.
    expect(directCounts(1)).not.toBeNull();
    expect(directCounts(2)).toBeNull();
    for (const r of [1, 2]) {
      const { plan, chunks, from } = directRound(r);
      expect(plan.direct).toBe(true);
      const layout = blockLayout(plan);
      for (const chunk of chunks) {
        const kept = makeDirectKeys(chunk.population, from(chunk), plan, Infinity);
        const counted = makeDirectKeys(chunk.population, from(chunk), plan, 0);
        expect(kept.counts).not.toBeNull();
        expect(counted.counts).toBeNull();
        expect(kept.combos.length).toBeGreaterThan(256);
        const blocks = Math.ceil(chunk.population.count / 8192);
        const a = new Float64Array(blocks * layout.size);
        const b = new Float64Array(blocks * layout.size);
        // Any table with aimed impressions and delivery for every combination will do.
        const table = new Float64Array(kept.combos.length * plan.channelCount * 9);
        for (let k = 0; k < table.length; k += 9) {
          table[k] = 1 + (k % 7);
          table[k + 6] = 0.5 + (k % 5) / 10;
        }
        accumulateWaste(chunk.population, kept, table, plan, layout, a);
        accumulateWaste(chunk.population, counted, table, plan, layout, b);
        expect(Array.from(b)).toEqual(Array.from(a));
        expect(a.some((v) => v !== 0)).toBe(true);
      }
    }
  });
});
const PINNED_MANY = ['1c1a4b50b68d8b21', '0f87cbd2feb9a914', 'be5c168f1afa07ec'];

describe('response tables', () => {
  // Round 1 by income (2 segments), round 2 by age (3), round 3 by income again: round 3 has carry-over from
  // both segmentations, so its table is made per combination of segments (direct mode), numbered by the
  // mixed-radix code of (income now, income, age) — 12 codes, of which only 6 can occur, because the first two
  // digits are the same segmentation.
  const byIncome = miniDecision({
    segmentation: incomeSegmentation,
    targets: [1],
    allocations: [{ channelId: 'social', segment: 1, spend: 300_000 }],
  });
  const byAge = miniDecision({ segmentation: ageSegmentation, targets: [0] });
  const after2 = simulateRound(simulateRound(market0, byIncome).market, byAge).market;
  const { core, groupIndex } = withSegmentationGroup(after2.core, incomeSegmentation);
  const plan = prepareRound(core, groupIndex, byIncome).plan;
  const chunk = simulateRound(after2, byIncome).market.chunks[0];

  it('copies a row whose inputs it has seen: the same bits as computing every row', () => {
    const channel = plan.channels[0];
    // Inputs with repeats, and 0 next to −0 (the same under ===, different bits in the aimed field).
    const inputs: [number, number, number][] = [
      [1.5, 0.5, 0.25],
      [0, 0, 0],
      [1.5, 0.5, 0.25],
      [-0, 0, 0],
      [1.5, 0.5, 0.5],
      [0, 0, 0],
      [2.25, 0, 1],
    ];
    const copied = new Float64Array(inputs.length * V_COUNT);
    const computed = new Float64Array(inputs.length * V_COUNT);
    const rows = new ResponseRows(1);
    inputs.forEach(([m, mb, share], r) => {
      rows.fill(0, m, mb, share, channel, 0.05, copied, r * V_COUNT);
      cellResponse(m, mb, share, channel, 0.05, computed, r * V_COUNT);
    });
    const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer));
    expect(bits(copied)).toEqual(bits(computed));
    expect(Object.is(copied[3 * V_COUNT], -0)).toBe(true);
    expect(copied[0]).toBe(1.5);
  });

  it('leaves the rows of combinations no consumer has at zero, and fills the others as cellResponse does', () => {
    expect(plan.direct).toBe(true);
    const { keys, table, direct } = responseKeys(chunk, plan);
    expect(direct).not.toBeNull();
    const C = plan.channelCount;
    expect(direct!.combos.length).toBe(12);
    const present = new Set(Array.from(keys as Uint8Array));
    expect(present.size).toBe(6);
    const same = plan.activeGroups.indexOf(plan.groupIndex) + 1; // the current segmentation's digit, again
    for (let k = 0; k < direct!.combos.length; k++) {
      const combo = direct!.combos[k];
      for (let c = 0; c < C; c++) {
        const row = Array.from(table.subarray((k * C + c) * V_COUNT, (k * C + c + 1) * V_COUNT));
        if (!present.has(k)) {
          expect(combo[0]).not.toBe(combo[same]);
          expect(row.every((v) => v === 0)).toBe(true);
          continue;
        }
        expect(combo[0]).toBe(combo[same]);
        // The row worked out from scratch: leaked impressions plus each active segmentation's targeted ones.
        let m = plan.leak[c];
        let mb = plan.leakBaseline[c];
        let now = 0;
        plan.activeGroups.forEach((g, j) => {
          const at = c * plan.activeSegmentCounts[j] + combo[j + 1];
          m += plan.activeTargeted[j][at];
          mb += plan.activeTargetedBaseline[j][at];
          if (g === plan.groupIndex) now = plan.activeTargeted[j][at];
        });
        const expected = new Float64Array(V_COUNT);
        cellResponse(
          m,
          mb,
          m > 0 ? now / m : 0,
          plan.channels[c],
          plan.complaintPerExcessImpression,
          expected,
          0,
        );
        expect(row).toEqual(Array.from(expected));
      }
    }
    // Social is aimed at the second income segment now and at the young before: some rows have more than the leak.
    expect(table.some((v, j) => j % V_COUNT === 0 && v > plan.leak[0])).toBe(true);
  });
});

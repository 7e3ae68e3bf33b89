import { log1p } from '../math';
import { fastExp as fastExpBinding } from './fast-exp';
import { hash4Prefix, hash4Rest as hash4RestBinding } from '../rng';
import { applyAdstock } from '../response/registry';
import type {
  ModelCoefficients,
  ObservableVariable,
  Positioning,
  RoundDecision,
  Scenario,
  Segmentation,
  ValueEmphasis,
} from '../types';
import { resolveCoefficients } from './coefficients';
import { initialCompetitors, stepCompetitors, type CompetitorState, type ShareRecord } from './competitors';
import { applyEvents } from './events';
import type { Population } from './population';
import { Purpose as PurposeBinding } from './purposes';
import {
  BLOCK_SIZE,
  blockLayout,
  ResponseRows,
  packBrands,
  V,
  V_COUNT,
  type BlockLayout,
  type ChoiceSetup,
  type ChunkResult,
  type ConsumerState,
  type PlanChannel,
  type RoundPlan,
} from './round';
import { segmentCount, segmentationKey, segmentationVariables } from './segments';

/**
 * The market's global state between rounds: everything except the per-consumer columns, which live in chunks
 * (in this thread or in workers). Plain data (arrays of numbers, no typed arrays), never mutated: each step
 * returns a new core.
 */
export interface MarketCore {
  scenario: Scenario;
  seed: number;
  coefficients: ModelCoefficients;
  /** Simulated consumers. */
  size: number;
  /** Simulated consumers per archetype. */
  archetypeSizes: number[];
  /** Mean of the starting prices of our offer and the competitors: the price utility's unit. */
  referencePrice: number;
  /** Rounds simulated so far (0 before the first). */
  round: number;
  competitors: CompetitorState[];
  /** Cost per thousand impressions by channel, after the events so far. */
  costPerThousand: number[];
  dataQuality: number;
  consentRate: number;
  sensitiveVariables: ObservableVariable[];
  privacyRuleInForce: boolean;
  /** Our positioning in the last round (the product's start before the first). */
  positioning: Positioning;
  /** Every segmentation used so far, in order of first use. */
  groups: SegmentGroup[];
  /** One record per round simulated. */
  records: RoundRecord[];
  /** Brand shares before the game (index 0) and after each round. */
  shares: ShareRecord[];
  /** Studies bought in the coming round so far, and their cost. */
  studiesThisRound: number;
  studySpend: number;
  /** Studies bought in the whole game so far (keys the studies' draws). */
  studyPurchases: number;
}

/** A segmentation in use and its segment sizes. */
export interface SegmentGroup {
  key: string;
  segmentation: Segmentation;
  segmentCount: number;
  /** Simulated consumers per (segment, archetype): [s * A + a]. */
  cellCounts: number[];
  /** Simulated consumers per segment. */
  sizes: number[];
  /** Sum of habit bytes (habit × 255) per (segment, archetype, channel): [(s * A + a) * C + c]. */
  cellHabitBytes: number[];
}

/** What a round spent and aimed, for carry-over in later rounds. */
export interface RoundRecord {
  round: number;
  group: number;
  segmentCount: number;
  /** Allocation spend by (channel, segment): [c * S + s]. */
  spend: number[];
  /** Simulated impressions aimed at the segment's members by targeting: [c * S + s]. */
  targeted: number[];
  /** Simulated impressions spread over the whole population (leakage), by channel. */
  leak: number[];
  /** Spend whose targeted impressions had no one to land on (an empty segment), by channel. */
  emptyWaste: number[];
}

// What initialChunkState's loop calls, as this module's own constants: optimised code reads an imported binding
// through its module cell, with a check, every time it uses it (see round.ts).
const fastExp = fastExpBinding;
const hash4Rest = hash4RestBinding;
const PURPOSE_INITIAL_BRAND = PurposeBinding.initialBrand;

const EMPHASIS_INDEX: Record<ValueEmphasis, number> = { functional: 0, emotional: 1, social: 2 };

export function emphasisIndex(emphasis: ValueEmphasis): number {
  return EMPHASIS_INDEX[emphasis];
}

/** The core before any consumer exists: sizes and shares are filled by `completeCore` after the first pass. */
export function createCore(scenario: Scenario, seed: number): MarketCore {
  const coefficients = resolveCoefficients(scenario);
  const size = scenario.population.size;
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`population.size is ${size}; it must be a positive integer`);
  let priceSum = scenario.product.price;
  for (const c of scenario.competitors) priceSum += c.price;
  return {
    scenario,
    seed: seed >>> 0,
    coefficients,
    size,
    archetypeSizes: [],
    referencePrice: priceSum / (1 + scenario.competitors.length),
    round: 0,
    competitors: initialCompetitors(scenario),
    costPerThousand: scenario.channels.map((c) => c.costPerThousand),
    dataQuality: clamp01(scenario.dataQuality),
    consentRate: clamp01(scenario.consentRate),
    sensitiveVariables: scenario.sensitiveVariables.slice(),
    privacyRuleInForce: false,
    positioning: {
      position: { ...scenario.product.position },
      price: scenario.product.price,
      emphasis: scenario.product.valueEmphasis,
    },
    groups: [],
    records: [],
    shares: [],
    studiesThisRound: 0,
    studySpend: 0,
    studyPurchases: 0,
  };
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * The brands' side of the choice for a round: positions, relative prices, emphases, constants, competitors'
 * awareness by archetype, and per archetype the outside utility
 * `outsideUtility + event shift − log1p(growthPerRound)·(round − 1)` (category demand grows by growthPerRound a
 * round) and the price-sensitivity factor.
 */
export function choiceSetup(
  core: MarketCore,
  positioning: Positioning,
  competitors: readonly CompetitorState[],
  outsideShift: readonly number[],
  priceSensitivityFactor: readonly number[],
  round: number,
): ChoiceSetup {
  const scenario = core.scenario;
  const archetypes = scenario.population.archetypes;
  const A = archetypes.length;
  const K = competitors.length;
  const B = K + 1;
  const setup: ChoiceSetup = {
    brandCount: B,
    x: new Float64Array(B),
    y: new Float64Array(B),
    relativePrice: new Float64Array(B),
    emphasis: new Uint8Array(B),
    brandUtility: new Float64Array(B),
    awareness: new Float64Array(B * A),
    outsideUtility: new Float64Array(A),
    priceSensitivityFactor: new Float64Array(A),
    units: new Float64Array(A),
    distanceWeight: core.coefficients.distanceWeight,
    valueFitWeight: core.coefficients.valueFitWeight,
    loyaltyWeight: core.coefficients.loyaltyWeight,
    adUtilityWeight: core.coefficients.adUtilityWeight,
  };
  setup.x[0] = positioning.position.x;
  setup.y[0] = positioning.position.y;
  setup.relativePrice[0] = positioning.price / core.referencePrice;
  setup.emphasis[0] = emphasisIndex(positioning.emphasis);
  setup.brandUtility[0] = scenario.product.brandUtility ?? 0;
  for (let k = 0; k < K; k++) {
    const spec = scenario.competitors[k];
    const state = competitors[k];
    setup.x[k + 1] = state.x;
    setup.y[k + 1] = state.y;
    setup.relativePrice[k + 1] = state.price / core.referencePrice;
    setup.emphasis[k + 1] = emphasisIndex(spec.valueEmphasis);
    setup.brandUtility[k + 1] = spec.brandUtility;
    for (let a = 0; a < A; a++) setup.awareness[(k + 1) * A + a] = state.awareness[a];
  }
  const rounds = round > 1 ? round - 1 : 0;
  for (let a = 0; a < A; a++) {
    const spec = archetypes[a];
    setup.outsideUtility[a] = spec.outsideUtility + outsideShift[a] - log1p(spec.growthPerRound) * rounds;
    setup.priceSensitivityFactor[a] = priceSensitivityFactor[a];
    setup.units[a] = spec.unitsPerPurchase;
  }
  return setup;
}

/** The choice set before the game (starting positions and prices, no events). */
export function initialChoiceSetup(core: MarketCore): ChoiceSetup {
  const A = core.scenario.population.archetypes.length;
  const zeros = new Array<number>(A).fill(0);
  const ones = new Array<number>(A).fill(1);
  return choiceSetup(core, core.positioning, core.competitors, zeros, ones, 0);
}

/** Our starting awareness by archetype. */
export function initialAwareness(scenario: Scenario): Float64Array {
  const p = scenario.product;
  return Float64Array.from(scenario.population.archetypes, (a) =>
    clamp01(Object.hasOwn(p.awareness, a.id) ? p.awareness[a.id] : p.defaultAwareness),
  );
}

/**
 * The consumers' state before the game: our awareness is the archetype's starting awareness; a consumer with
 * category purchases before the game (frequency > 0) last bought brand b with probability ∝ awareness_b ·
 * exp(V_b) (the round's utility without advertising or loyalty, no outside option), by the draw
 * hashUniform(seed, 0, i, initialBrand); those who last bought ours are our customers on record.
 * Also returns counts per archetype, stride B + 1: [size, buyers of brand 0 (ours), …, buyers of brand K].
 */
export function initialChunkState(
  pop: Population,
  setup: ChoiceSetup,
  ourAwareness: Float64Array,
  seed: number,
): { state: ConsumerState; counts: Float64Array } {
  const n = pop.count;
  const A = ourAwareness.length;
  const B = setup.brandCount;
  const state: ConsumerState = {
    awareness: new Float32Array(n),
    lastBrand: new Uint8Array(n),
    purchasesWithUs: new Uint8Array(n),
    lastRoundWithUs: new Uint8Array(n),
    revenueWithUs: new Float32Array(n),
  };
  const counts = new Float64Array(A * (B + 1));
  const weights = new Float64Array(B);
  const emphasisOffset = Int32Array.from(setup.emphasis, (e) => e * n);
  const brandPack = packBrands(setup);
  // hash4(seed, 0, i, initialBrand) with its (seed, round) half worked out once, here. When each block worked it
  // out, the compiled block reached hash4Prefix before that function had run often enough to collect type
  // feedback, and V8 threw the compiled block away ("insufficient type feedback", --trace-deopt).
  const prefix = hash4Prefix(seed, 0);
  // In blocks, so that the loop is compiled as a whole function rather than on stack replacement mid-loop.
  for (let from = 0; from < n; from += INITIAL_BLOCK) {
    const to = from + INITIAL_BLOCK < n ? from + INITIAL_BLOCK : n;
    initialStateBlock(
      pop,
      setup,
      ourAwareness,
      prefix,
      state,
      counts,
      weights,
      brandPack,
      emphasisOffset,
      from,
      to,
    );
  }
  return { state, counts };
}

/**
 * Consumers per call of `initialStateBlock`: calls short enough that V8 compiles the function whole before its
 * next call; with 1,024 a call still running when the code was ready had it compiled a second time on stack
 * replacement (code that serves that one call), on the core the other worker needs.
 */
const INITIAL_BLOCK = 128;

/** `initialChunkState` for consumers `from` … `to − 1`. */
function initialStateBlock(
  pop: Population,
  setup: ChoiceSetup,
  ourAwareness: Float64Array,
  prefix: number,
  state: ConsumerState,
  counts: Float64Array,
  weights: Float64Array,
  brandPack: Float64Array,
  emphasisOffset: Int32Array,
  from: number,
  to: number,
): void {
  const A = ourAwareness.length;
  const B = setup.brandCount;
  const cAwareness = setup.awareness;
  const cDistanceWeight = setup.distanceWeight;
  const cValueFitWeight = setup.valueFitWeight;
  const pArchetype = pop.archetype;
  const pFrequency = pop.frequency;
  const pIdealX = pop.idealX;
  const pIdealY = pop.idealY;
  const pPriceSensitivity = pop.priceSensitivity;
  const pValueOrientation = pop.valueOrientation;
  const sAwareness = state.awareness;
  const sLastBrand = state.lastBrand;
  const sPurchasesWithUs = state.purchasesWithUs;
  const start = pop.start;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = from; i < to; i++) {
      const a = pArchetype[i];
      const aware = ourAwareness[a];
      sAwareness[i] = aware;
      counts[a * (B + 1)] += 1;
      if (pFrequency[i] === 0) continue;
      const ps = pPriceSensitivity[i];
      const ix = pIdealX[i];
      const iy = pIdealY[i];
      let total = 0;
      for (let b = 0; b < B; b++) {
        const aw = b === 0 ? aware : cAwareness[b * A + a];
        let w = 0;
        if (aw > 0) {
          const pb = b << 2;
          const dx = brandPack[pb] - ix;
          const dy = brandPack[pb + 1] - iy;
          const v =
            brandPack[pb + 2] -
            cDistanceWeight * (dx * dx + dy * dy) -
            ps * brandPack[pb + 3] +
            cValueFitWeight * pValueOrientation[emphasisOffset[b] + i];
          w = aw * fastExp(v);
        }
        weights[b] = w;
        total += w;
      }
      if (!(total > 0)) continue;
      // = hashUniform(seed, 0, start + i, Purpose.initialBrand) · total
      const target = (hash4Rest(prefix, start + i, PURPOSE_INITIAL_BRAND) / 4294967296) * total;
      let running = 0;
      let chosen = B - 1;
      for (let b = 0; b < B; b++) {
        running += weights[b];
        if (target < running) {
          chosen = b;
          break;
        }
      }
      sLastBrand[i] = chosen + 1;
      if (chosen === 0) sPurchasesWithUs[i] = 1;
      counts[a * (B + 1) + 1 + chosen] += 1;
    }
    break;
  }
}

/** Fills in archetype sizes and the pre-game shares from the summed `initialChunkState` counts. */
export function completeCore(core: MarketCore, counts: Float64Array): MarketCore {
  const A = core.scenario.population.archetypes.length;
  const B = core.competitors.length + 1;
  const archetypeSizes: number[] = [];
  const byArchetype = new Array<number>(A * B).fill(0);
  const totalCounts = new Array<number>(B).fill(0);
  for (let a = 0; a < A; a++) {
    archetypeSizes.push(counts[a * (B + 1)]);
    let buyers = 0;
    for (let b = 0; b < B; b++) buyers += counts[a * (B + 1) + 1 + b];
    for (let b = 0; b < B; b++) {
      const c = counts[a * (B + 1) + 1 + b];
      byArchetype[a * B + b] = buyers > 0 ? c / buyers : 0;
      totalCounts[b] += c;
    }
  }
  let all = 0;
  for (let b = 0; b < B; b++) all += totalCounts[b];
  const total = totalCounts.map((c) => (all > 0 ? c / all : 0));
  return { ...core, archetypeSizes, shares: [{ total, byArchetype }] };
}

/**
 * The index of `segmentation` among the core's groups, adding it (with no counts yet) when it is new.
 * A new group needs `assignSegments` on every chunk and then `setGroupCounts`.
 */
export function withSegmentationGroup(
  core: MarketCore,
  segmentation: Segmentation,
): { core: MarketCore; groupIndex: number; isNew: boolean } {
  const key = segmentationKey(segmentation);
  for (let g = 0; g < core.groups.length; g++)
    if (core.groups[g].key === key) return { core, groupIndex: g, isNew: false };
  const group: SegmentGroup = {
    key,
    segmentation: structuredCloneSegmentation(segmentation),
    segmentCount: segmentCount(segmentation),
    cellCounts: [],
    sizes: [],
    cellHabitBytes: [],
  };
  return { core: { ...core, groups: [...core.groups, group] }, groupIndex: core.groups.length, isNew: true };
}

function structuredCloneSegmentation(s: Segmentation): Segmentation {
  if (s.method === 'rules')
    return {
      method: 'rules',
      splits: s.splits.map((x) => ({ variable: x.variable, thresholds: x.thresholds.slice() })),
    };
  return {
    method: 'kmeans',
    variables: s.variables.slice(),
    means: s.means.slice(),
    sds: s.sds.slice(),
    centers: s.centers.map((c) => c.slice()),
  };
}

/** Records a new group's summed `countSegmentCells` (consumers and habit sums per cell). */
export function setGroupCounts(core: MarketCore, groupIndex: number, cellStats: Float64Array): MarketCore {
  const A = core.scenario.population.archetypes.length;
  const old = core.groups[groupIndex];
  const cells = old.segmentCount * A;
  const sizes = new Array<number>(old.segmentCount).fill(0);
  for (let s = 0; s < old.segmentCount; s++) for (let a = 0; a < A; a++) sizes[s] += cellStats[s * A + a];
  const groups = core.groups.slice();
  groups[groupIndex] = {
    ...old,
    cellCounts: Array.from(cellStats.subarray(0, cells)),
    sizes,
    cellHabitBytes: Array.from(cellStats.subarray(cells)),
  };
  return { ...core, groups };
}

/** A round made ready to simulate: the plan for the chunks and the bookkeeping the report needs. */
export interface PreparedRound {
  plan: RoundPlan;
  layout: BlockLayout;
  /** The core after this round's competitor moves, events, actions and spend (round incremented; shares not yet). */
  core: MarketCore;
  decision: RoundDecision;
  spendByCell: number[];
  spendByChannel: number[];
  spendBySegment: number[];
  emptyWaste: number[];
  actionsCost: number;
  eventIds: string[];
  /**
   * Table mode: waste, aimed and risky spend per (segment, archetype) cell ([cell * 3 + 0..2]) followed by wasted
   * and aimed impressions per channel ([3·cells + c * 2 + 0..1]), exact from the cells' habit sums. Null in direct
   * mode, where the chunks accumulate them consumer by consumer.
   */
  analytic: Float64Array | null;
}

/**
 * Turns a (valid) decision into the round's plan.
 *
 * Spend → impressions: impressions_cs = spend_cs · 1000 / CPM_c / scale (simulated impressions). A share
 * q_c = targetingPrecision_c · dataQuality lands on the members of the targeted segment s (spread evenly over
 * them); the rest, 1 − q_c, leaks evenly over the whole population. Carry-over: the per-person series of each
 * (channel, segmentation, segment) cell and of each channel's leakage over the rounds so far goes through the
 * channel's adstock (src/engine/response/registry.ts `applyAdstock`); its value in this round is the aimed
 * impressions per person m. The no-spend baseline uses the same series with this round's value set to 0.
 * Data governance and the consent campaign take effect in the round they are bought.
 */
export function prepareRound(
  core: MarketCore,
  groupIndex: number,
  decision: RoundDecision,
  options: { baseline?: boolean } = {},
): PreparedRound {
  const scenario = core.scenario;
  const co = core.coefficients;
  const round = core.round + 1;
  const A = scenario.population.archetypes.length;
  const C = scenario.channels.length;
  const N = core.size;
  const scale = scenario.population.scale;

  const moved = stepCompetitors(scenario, core.competitors, core.shares, core.positioning.position);
  const ev = applyEvents(
    scenario,
    round,
    moved,
    core.costPerThousand,
    core.sensitiveVariables,
    core.privacyRuleInForce,
  );
  let dataQuality = core.dataQuality;
  let consentRate = core.consentRate;
  let actionsCost = 0;
  if (decision.actions.dataGovernance) {
    dataQuality += co.dataGovernanceGain * (1 - dataQuality);
    actionsCost += scenario.budget.dataGovernanceCost;
  }
  if (decision.actions.consentCampaign) {
    consentRate += co.consentCampaignGain * (1 - consentRate);
    actionsCost += scenario.budget.consentCampaignCost;
  }
  dataQuality = clamp01(dataQuality);
  consentRate = clamp01(consentRate);

  const group = core.groups[groupIndex];
  const S = group.segmentCount;
  const spendByCell = new Array<number>(C * S).fill(0);
  const spendByChannel = new Array<number>(C).fill(0);
  const spendBySegment = new Array<number>(S).fill(0);
  const targeted = new Array<number>(C * S).fill(0);
  const leak = new Array<number>(C).fill(0);
  const emptyWaste = new Array<number>(C).fill(0);
  for (const allocation of decision.allocations) {
    const c = scenario.channels.findIndex((x) => x.id === allocation.channelId);
    spendByCell[c * S + allocation.segment] += allocation.spend;
  }
  for (let c = 0; c < C; c++) {
    const ch = scenario.channels[c];
    const q = clamp01(ch.targetingPrecision * dataQuality);
    for (let s = 0; s < S; s++) {
      const spend = spendByCell[c * S + s];
      spendByChannel[c] += spend;
      spendBySegment[s] += spend;
      if (spend === 0) continue;
      const impressions = (spend * 1000) / ev.costPerThousand[c] / scale;
      if (group.sizes[s] > 0) targeted[c * S + s] = q * impressions;
      else emptyWaste[c] += q * spend;
      leak[c] += (1 - q) * impressions;
    }
  }
  const record: RoundRecord = {
    round,
    group: groupIndex,
    segmentCount: S,
    spend: spendByCell,
    targeted,
    leak,
    emptyWaste,
  };
  const records = [...core.records, record];

  // Carry-over.
  const leakNow = new Float64Array(C);
  const leakBase = new Float64Array(C);
  const series = new Float64Array(round);
  for (let c = 0; c < C; c++) {
    for (let t = 0; t < round; t++) series[t] = records[t].leak[c] / N;
    leakNow[c] = adstockAtEnd(scenario.channels[c].adstock, series);
    series[round - 1] = 0;
    leakBase[c] = adstockAtEnd(scenario.channels[c].adstock, series);
  }
  const activeGroups: number[] = [];
  const activeSegmentCounts: number[] = [];
  const activeTargeted: Float64Array[] = [];
  const activeTargetedBaseline: Float64Array[] = [];
  let currentTargeted = new Float64Array(C * S);
  let currentTargetedBase = new Float64Array(C * S);
  for (let g = 0; g < core.groups.length; g++) {
    const sg = core.groups[g].segmentCount;
    const sizes = core.groups[g].sizes;
    let used = false;
    for (let t = 0; t < round; t++) if (records[t].group === g) used = true;
    if (!used) continue;
    const now = new Float64Array(C * sg);
    const base = new Float64Array(C * sg);
    let any = false;
    for (let c = 0; c < C; c++)
      for (let s = 0; s < sg; s++) {
        let nonzero = false;
        for (let t = 0; t < round; t++) {
          const rec = records[t];
          const v = rec.group === g && sizes[s] > 0 ? rec.targeted[c * sg + s] / sizes[s] : 0;
          series[t] = v;
          if (v !== 0) nonzero = true;
        }
        if (!nonzero) continue;
        now[c * sg + s] = adstockAtEnd(scenario.channels[c].adstock, series);
        series[round - 1] = 0;
        base[c * sg + s] = adstockAtEnd(scenario.channels[c].adstock, series);
        if (now[c * sg + s] !== 0 || base[c * sg + s] !== 0) any = true;
      }
    if (g === groupIndex) {
      currentTargeted = now;
      currentTargetedBase = base;
    }
    if (!any) continue;
    activeGroups.push(g);
    activeSegmentCounts.push(sg);
    activeTargeted.push(now);
    activeTargetedBaseline.push(base);
  }
  let direct = false;
  for (const g of activeGroups) if (g !== groupIndex) direct = true;

  // Channel constants.
  const segmentationSensitive = segmentationVariables(decision.segmentation).some((v) =>
    ev.sensitiveVariables.includes(v),
  );
  const weight = ev.privacyRuleInForce ? 1 : co.complianceWeightBeforeRule;
  const channels: PlanChannel[] = [];
  let privacyActive = false;
  for (let c = 0; c < C; c++) {
    const ch = scenario.channels[c];
    let aimed = leakNow[c] * N;
    for (let j = 0; j < activeGroups.length; j++) {
      const g = core.groups[activeGroups[j]];
      for (let s = 0; s < g.segmentCount; s++)
        aimed += activeTargeted[j][c * g.segmentCount + s] * g.sizes[s];
    }
    const risky = ch.usesPersonalData && segmentationSensitive;
    const privacyComplaintRate = risky ? co.privacyComplaintRate * weight : 0;
    if (privacyComplaintRate > 0 && consentRate < 1) privacyActive = true;
    channels.push({
      maxReach: ch.maxReach,
      persuasion: ch.persuasion,
      frequencyCap: ch.frequencyCap,
      saturation: ch.saturation,
      costPerAimedImpression: aimed > 0 ? (spendByChannel[c] - emptyWaste[c]) / aimed : 0,
      riskFactor: risky ? (1 - consentRate) * weight : 0,
      privacyComplaintRate,
    });
  }

  const table = new Float64Array(direct ? 0 : C * S * V_COUNT);
  if (!direct) {
    const rows = new ResponseRows(C);
    for (let c = 0; c < C; c++)
      for (let s = 0; s < S; s++) {
        const t = currentTargeted[c * S + s];
        const m = leakNow[c] + t;
        const mb = leakBase[c] + currentTargetedBase[c * S + s];
        rows.fill(
          c,
          m,
          mb,
          m > 0 ? t / m : 0,
          channels[c],
          co.complaintPerExcessImpression,
          table,
          (s * C + c) * V_COUNT,
        );
      }
  }

  // Waste in table mode: Σ_i (m − habit_i·delivered) = n·m − delivered·Σ habit over a cell, all per channel.
  let analytic: Float64Array | null = null;
  if (!direct) {
    const cells = S * A;
    analytic = new Float64Array(cells * 3 + C * 2);
    for (let s = 0; s < S; s++)
      for (let a = 0; a < A; a++) {
        const cell = s * A + a;
        const count = group.cellCounts[cell];
        for (let c = 0; c < C; c++) {
          const t = (s * C + c) * V_COUNT;
          const m = table[t + V.aimed];
          if (m <= 0) continue;
          const aimed = count * m;
          const waste = aimed - (table[t + V.deliveredNotOver] * group.cellHabitBytes[cell * C + c]) / 255;
          const cpa = channels[c].costPerAimedImpression;
          analytic[cell * 3] += cpa * waste;
          analytic[cell * 3 + 1] += cpa * aimed;
          analytic[cell * 3 + 2] += cpa * aimed * channels[c].riskFactor;
          analytic[cells * 3 + c * 2] += waste;
          analytic[cells * 3 + c * 2 + 1] += aimed;
        }
      }
  }

  const choice = choiceSetup(
    core,
    decision.positioning,
    ev.competitors,
    ev.outsideShift,
    ev.priceSensitivityFactor,
    round,
  );
  const plan: RoundPlan = {
    seed: core.seed,
    round,
    archetypeCount: A,
    channelCount: C,
    competitorCount: ev.competitors.length,
    segmentCount: S,
    groupIndex,
    direct,
    table,
    activeGroups,
    activeSegmentCounts,
    activeTargeted,
    activeTargetedBaseline,
    leak: leakNow,
    leakBaseline: leakBase,
    channels,
    choice,
    ourPrice: decision.positioning.price,
    awarenessGain: co.awarenessGain,
    awarenessForgetting: co.awarenessForgetting,
    complaintPerExcessImpression: co.complaintPerExcessImpression,
    consentRate,
    privacyActive,
    baseline: options.baseline ?? true,
  };
  const nextCore: MarketCore = {
    ...core,
    round,
    competitors: ev.competitors,
    costPerThousand: ev.costPerThousand,
    dataQuality,
    consentRate,
    sensitiveVariables: ev.sensitiveVariables,
    privacyRuleInForce: ev.privacyRuleInForce,
    positioning: {
      position: { ...decision.positioning.position },
      price: decision.positioning.price,
      emphasis: decision.positioning.emphasis,
    },
    records,
  };
  return {
    plan,
    layout: blockLayout(plan),
    core: nextCore,
    decision,
    spendByCell,
    spendByChannel,
    spendBySegment,
    emptyWaste,
    actionsCost,
    eventIds: ev.eventIds,
    analytic,
  };
}

function adstockAtEnd(spec: Parameters<typeof applyAdstock>[0], series: Float64Array): number {
  const out = applyAdstock(spec, series);
  return out[series.length - 1];
}

/** Adds the chunks' block sums in block order (so the totals do not depend on how the population was chunked). */
export function mergeChunkSums(
  results: readonly Pick<ChunkResult, 'firstBlock' | 'sums'>[],
  layout: BlockLayout,
  size: number,
): Float64Array {
  const sorted = results.slice().sort((p, q) => p.firstBlock - q.firstBlock);
  const totals = new Float64Array(layout.size);
  let expected = 0;
  for (const r of sorted) {
    if (r.firstBlock !== expected)
      throw new RangeError(`mergeChunkSums: chunks do not tile the population (block ${expected} missing)`);
    const blocks = r.sums.length / layout.size;
    addBlockSums(totals, r.sums, blocks, layout.size);
    expected += blocks;
  }
  if (expected !== Math.ceil(size / BLOCK_SIZE))
    throw new RangeError('mergeChunkSums: chunks do not cover the population');
  return totals;
}

/**
 * totals[f] += sums[b·fields + f] for blocks b = 0, 1, … in order. A function of its own: a million consumers have
 * this loop compiled on stack replacement, and code after it would then be reached with no type feedback, which
 * throws the compiled code away (--trace-deopt: insufficient type feedback).
 */
function addBlockSums(totals: Float64Array, sums: Float64Array, blocks: number, fields: number): void {
  for (let b = 0; b < blocks; b++) {
    const o = b * fields;
    for (let f = 0; f < fields; f++) totals[f] += sums[o + f];
  }
}

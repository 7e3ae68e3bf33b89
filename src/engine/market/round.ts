import { log1p } from '../math';
import { applySaturation } from '../response/registry';
import type { SaturationSpec } from '../types';
import type { Population } from './population';
import { fastExp as fastExpBinding } from './fast-exp';
import { Purpose } from './purposes';
import { addBinsOfBytes, addCellCounts, SHORT_CALL } from './segments';
import {
  consumerKey as consumerKeyBinding,
  roundKey,
  streamHash as streamHashBinding,
  streamUniform as streamUniformBinding,
} from './stream';

/**
 * One round of the market for a slice (chunk) of the population: the hot loop.
 *
 * The main thread turns the learner's decision into a `RoundPlan` (per-cell tables of reach, frequency and
 * advertising dose; the choice set's utilities), every chunk runs `simulateChunk` on its consumers, and the
 * main thread adds the chunks' per-block sums in block order (`report.ts`). A plan holds only numbers and typed
 * arrays so it can be posted to a worker as is.
 *
 * Per consumer i and channel c, with m the adstocked impressions per person aimed at i (see `cellResponse`):
 * - every draw of consumer i in a round comes from its stream for (seed, round, Purpose.round) (stream.ts) —
 *   draw c for channel c's exposure, draw 32 for the choice, draw 33 for the last touch;
 * - reached with probability p = habit_ic · r(m), r(m) = maxReach_c · saturation_c(m), when draw c < p;
 * - a reached consumer gets frequency f(m) and advertising dose d_ic = responsiveness_ic · persuasion_c ·
 *   log1p(f)/ln 2 (one impression gives the channel's persuasion; more impressions add less);
 * - awareness a' = 1 − (1 − a·(1 − forgetting))·exp(−gain·Σ_c d_ic);
 * - choice (multinomial logit with consideration): brand b's weight is awareness_b · exp(V_b − V_out) and the
 *   outside option's weight is 1, where
 *   V_b = −distanceWeight·‖position_b − ideal_i‖² − priceSensitivity_i·(price_b / referencePrice)
 *         + valueFitWeight·orientation_i[emphasis_b] + brandUtility_b + loyaltyWeight·loyalty_i·[b last bought]
 *         (+ adUtilityWeight·Σ_c d_ic for our offer),
 *   V_out = outsideUtility_archetype(round) − propensity_i;
 *   the choice draw u picks the brand whose cumulative weight first exceeds
 *   u·Σ weights (ours first, then competitors in scenario order, then no purchase).
 * - The no-spend baseline (for ROMI) repeats exposure and choice with this round's spend at 0 using the same
 *   draws (common random numbers), so the difference is the spend's effect and not noise.
 */

/** Consumers per accumulation block. Chunks start at multiples of it, so sums never depend on the chunking. */
export const BLOCK_SIZE = 8192;

/**
 * Numbers the hot loops use, as const enums like CELL, CHANNEL and V: the build writes a member in as a literal,
 * where a module-level const is read from the module's context, with a type check, on every use in compiled code.
 */
const enum Stride {
  /** Values per (channel, segment) in a response table (V). */
  values = 9,
  /** Fields per channel in a block's sums (CHANNEL). */
  channel = 15,
}

/** Stream draws (stream.ts): channel c's exposure is draw c; the choice and the last touch come after the channels. */
const enum Draw {
  choice = 32,
  lastTouch = 33,
}

// Fields accumulated per (segment × archetype) cell.
export const enum CELL {
  awareness = 0,
  reached = 1,
  impressions = 2,
  complaints = 3,
  prior = 4,
  category = 5,
  conversions = 6,
  newCustomers = 7,
  retained = 8,
  baselineConversions = 9,
  wastedSpend = 10,
  aimedSpend = 11,
  riskySpend = 12,
  size = 13,
  /** + competitor index: purchases of that competitor. */
  competitorPurchases = 14,
}

// Fields accumulated per channel (over the consumers the channel reached, except the waste fields).
export const enum CHANNEL {
  reached = 0,
  impressions = 1,
  awareness = 2,
  complaints = 3,
  prior = 4,
  category = 5,
  conversions = 6,
  newCustomers = 7,
  retained = 8,
  units = 9,
  lastTouch = 10,
  incrementalUnits = 11,
  incrementalConversions = 12,
  wastedImpressions = 13,
  aimedImpressions = 14,
}
export const CHANNEL_FIELDS: number = Stride.channel;

// Values per (channel, segment) in a plan's response table.
export const enum V {
  aimed = 0,
  reach = 1,
  frequency = 2,
  dose = 3,
  overFrequencyComplaints = 4,
  privacyComplaints = 5,
  deliveredNotOver = 6,
  baselineReach = 7,
  baselineDose = 8,
}
export const V_COUNT: number = Stride.values;

/** The brands' side of the choice, for one round. Index 0 is our offer, 1 + k competitor k. */
export interface ChoiceSetup {
  brandCount: number;
  x: Float64Array;
  y: Float64Array;
  /** price / reference price. */
  relativePrice: Float64Array;
  /** 0 functional, 1 emotional, 2 social. */
  emphasis: Uint8Array;
  brandUtility: Float64Array;
  /** Competitors' awareness by archetype, [b * A + a] (b ≥ 1; row 0 unused: ours is per consumer). */
  awareness: Float64Array;
  /** Outside option's utility by archetype this round (events and growth included). */
  outsideUtility: Float64Array;
  /** Price-sensitivity multiplier by archetype this round (demand-shift events). */
  priceSensitivityFactor: Float64Array;
  /** Units per purchase by archetype. */
  units: Float64Array;
  distanceWeight: number;
  valueFitWeight: number;
  loyaltyWeight: number;
  adUtilityWeight: number;
}

/**
 * The brands' x, y, brand utility and relative price, brand b's at 4b: one array for a per-consumer loop over the
 * brands to read rather than four (V8 checks each typed array it reads on every iteration).
 */
export function packBrands(choice: ChoiceSetup): Float64Array {
  const pack = new Float64Array(4 * choice.brandCount);
  for (let b = 0; b < choice.brandCount; b++) {
    pack[4 * b] = choice.x[b];
    pack[4 * b + 1] = choice.y[b];
    pack[4 * b + 2] = choice.brandUtility[b];
    pack[4 * b + 3] = choice.relativePrice[b];
  }
  return pack;
}

/** Per-channel constants a plan carries. */
export interface PlanChannel {
  maxReach: number;
  persuasion: number;
  frequencyCap: number;
  saturation: SaturationSpec;
  /** Spend this round per aimed impression (currency per simulated impression). */
  costPerAimedImpression: number;
  /** Compliance-risk weight of this channel's targeted spend, 0..1 (0 unless it uses personal data on sensitive variables). */
  riskFactor: number;
  /** Complaint probability of an unconsented consumer reached by this channel's targeted impressions. */
  privacyComplaintRate: number;
}

export interface RoundPlan {
  seed: number;
  /** 1-based. */
  round: number;
  archetypeCount: number;
  channelCount: number;
  competitorCount: number;
  /** Segments of the current segmentation. */
  segmentCount: number;
  /** Index of the current segmentation among the market's segmentation groups. */
  groupIndex: number;
  /**
   * Table mode (false): every consumer's aimed impressions depend on its current segment only, so responses
   * are read from `table`. Direct mode (true): carry-over from earlier segmentations is still active, so each
   * consumer's aimed impressions are summed over `activeGroups` and the response is computed per consumer.
   */
  direct: boolean;
  /** [(s * channelCount + c) * V_COUNT + v] in table mode (segment-major: one consumer's channels are adjacent). */
  table: Float64Array;
  /** Direct mode: the groups with carry-over, their segment counts and adstocked targeted impressions per person [c * S_g + s]. */
  activeGroups: number[];
  activeSegmentCounts: number[];
  activeTargeted: Float64Array[];
  activeTargetedBaseline: Float64Array[];
  /** Adstocked untargeted (leaked) impressions per person by channel. */
  leak: Float64Array;
  leakBaseline: Float64Array;
  channels: PlanChannel[];
  choice: ChoiceSetup;
  ourPrice: number;
  awarenessGain: number;
  awarenessForgetting: number;
  complaintPerExcessImpression: number;
  consentRate: number;
  /** Whether any channel can cause privacy complaints (then consent is checked per consumer). */
  privacyActive: boolean;
  /** Whether to run the no-spend baseline alongside (false for the incremental-effect re-runs). */
  baseline: boolean;
}

/** Per-consumer state that changes from round to round. A round writes fresh arrays; it never mutates these. */
export interface ConsumerState {
  /** Awareness of our brand, 0..1. */
  awareness: Float32Array;
  /** 0 = nothing yet, 1 = ours, 2 + k = competitor k. */
  lastBrand: Uint8Array;
  /** Purchases from us on record (a pre-game customer starts at 1), saturating at 255. */
  purchasesWithUs: Uint8Array;
  /** Round of the last purchase from us (0 = before the game). */
  lastRoundWithUs: Uint8Array;
  /** Revenue from purchases from us during the game (currency, per simulated consumer). */
  revenueWithUs: Float32Array;
}

/** A population slice with its state and its segment assignments (by segmentation group index). */
export interface Chunk {
  population: Population;
  state: ConsumerState;
  assignments: (Uint8Array | undefined)[];
}

/** Layout of one block's accumulators. */
export interface BlockLayout {
  cellFields: number;
  cells: number;
  channelOffset: number;
  size: number;
}

export function blockLayout(plan: {
  archetypeCount: number;
  segmentCount: number;
  competitorCount: number;
  channelCount: number;
}): BlockLayout {
  const cellFields = CELL.competitorPurchases + plan.competitorCount;
  const cells = plan.segmentCount * plan.archetypeCount;
  const channelOffset = cells * cellFields;
  return { cellFields, cells, channelOffset, size: channelOffset + plan.channelCount * CHANNEL_FIELDS };
}

export interface ChunkResult {
  state: ConsumerState;
  /** Index of the chunk's first block in the whole population. */
  firstBlock: number;
  /** Block sums, block-major: [block * layout.size + field]. */
  sums: Float64Array;
}

const LN2 = 0.6931471805599453;
const TWO_POW_MINUS_32 = 1 / 4294967296;

/**
 * Reach, frequency and dose of one channel for aimed impressions per person m (and mBase without this round's
 * spend), written to out[o … o + V_COUNT).
 * - reach r = maxReach · saturation(m) (for habit 1; 0 when m = 0);
 * - frequency among the reached f = max(1, m / max(r, maxReach/2)) — reach is floored at half its maximum here
 *   so that the thin early reach of an S-shaped (slope > 1) curve does not read as an extreme frequency;
 * - dose per unit responsiveness = persuasion · log1p(f) / ln 2;
 * - expected over-frequency complaints per reached person = min(1, complaintPerExcess · max(0, f − cap));
 * - privacy complaints for an unconsented reached person = privacyComplaintRate · (targeted share of m);
 * - r · (f − excess over the cap): impressions per person usefully delivered per unit habit, so the waste of a
 *   consumer is m − habit · that.
 */
export function cellResponse(
  m: number,
  mBase: number,
  targetedShare: number,
  channel: PlanChannel,
  complaintPerExcess: number,
  out: Float64Array,
  o: number,
): void {
  const halfReach = channel.maxReach / 2;
  let r = 0;
  let f = 0;
  if (m > 0) {
    r = channel.maxReach * applySaturation(channel.saturation, m);
    f = m / (r > halfReach ? r : halfReach);
    if (f < 1) f = 1;
  }
  const over = f > channel.frequencyCap ? f - channel.frequencyCap : 0;
  let rb = 0;
  let fb = 0;
  if (mBase > 0) {
    rb = channel.maxReach * applySaturation(channel.saturation, mBase);
    fb = mBase / (rb > halfReach ? rb : halfReach);
    if (fb < 1) fb = 1;
  }
  const complaints = complaintPerExcess * over;
  out[o + V.aimed] = m;
  out[o + V.reach] = r;
  out[o + V.frequency] = f;
  out[o + V.dose] = f > 0 ? (channel.persuasion * log1p(f)) / LN2 : 0;
  out[o + V.overFrequencyComplaints] = complaints < 1 ? complaints : 1;
  out[o + V.privacyComplaints] = channel.privacyComplaintRate * targetedShare;
  out[o + V.deliveredNotOver] = r * (f - over);
  out[o + V.baselineReach] = rb;
  out[o + V.baselineDose] = fb > 0 ? (channel.persuasion * log1p(fb)) / LN2 : 0;
}

/**
 * A response table's rows, filled through `cellResponse` once per distinct input: rows of a channel with the same
 * aimed impressions now and at the baseline and the same targeted share (most rows of a table: every segment a
 * channel does not target has only the leaked impressions) get a copy of the first such row's numbers — the same
 * numbers `cellResponse` would write again. Saves most of the saturation curves' `pow` calls of a round.
 */
export class ResponseRows {
  /** Per channel: [m, mBase, targetedShare, offset of the row] of each distinct row so far. */
  readonly #rows: number[][];

  constructor(channelCount: number) {
    this.#rows = Array.from({ length: channelCount }, () => []);
  }

  fill(
    c: number,
    m: number,
    mBase: number,
    targetedShare: number,
    channel: PlanChannel,
    complaintPerExcess: number,
    out: Float64Array,
    o: number,
  ): void {
    const rows = this.#rows[c];
    for (let j = 0; j < rows.length; j += 4)
      if (Object.is(rows[j], m) && Object.is(rows[j + 1], mBase) && Object.is(rows[j + 2], targetedShare)) {
        out.copyWithin(o, rows[j + 3], rows[j + 3] + V_COUNT);
        return;
      }
    cellResponse(m, mBase, targetedShare, channel, complaintPerExcess, out, o);
    rows.push(m, mBase, targetedShare, o);
  }
}

/**
 * Static utility of brand b for consumer i (everything but awareness, advertising and the outside option).
 * `priceFactor` is the archetype's price-sensitivity multiplier this round.
 */
export function brandUtility(
  choice: ChoiceSetup,
  pop: Population,
  i: number,
  b: number,
  lastBrand: number,
  priceFactor: number,
): number {
  const dx = choice.x[b] - pop.idealX[i];
  const dy = choice.y[b] - pop.idealY[i];
  let v =
    -choice.distanceWeight * (dx * dx + dy * dy) -
    pop.priceSensitivity[i] * priceFactor * choice.relativePrice[b] +
    choice.valueFitWeight * pop.valueOrientation[choice.emphasis[b] * pop.count + i] +
    choice.brandUtility[b];
  if (lastBrand === b + 1) v += choice.loyaltyWeight * pop.loyalty[i];
  return v;
}

/**
 * Direct mode's numbering of a chunk's consumers: each distinct combination of segments across the current
 * segmentation and the active ones gets a key, and per block of BLOCK_SIZE consumers the count and habit-byte
 * sums of each (key, archetype). All of it depends only on the segment assignments, which never change once
 * made, so a chunk keeps it from one round to the next while the same segmentations have carry-over (see
 * `directKeysOf`).
 * - When at most 256 combinations are possible (nearly always), the key is the mixed-radix code itself, current
 *   segment first, so keys are in lexicographic order of the segments and every code has a row (some unused).
 * - Otherwise keys number the combinations in order of first appearance in the chunk, and `order` lists them in
 *   lexicographic order of their segments.
 * Kept per chunk, this costs 1 byte a consumer for the keys and at most 4 for the counts.
 */
export interface DirectKeys {
  /** The assignments the keys were made from: the current segmentation's, then each active group's. */
  readonly from: readonly Uint8Array[];
  readonly keys: Uint8Array | Uint32Array;
  /** combos[k] = [current segment, segment in each active group]. */
  readonly combos: number[][];
  /** The keys in lexicographic order of their combinations: a numbering every chunking agrees on. */
  readonly order: Int32Array;
  /**
   * [(block * K + k) * A + a]: consumers of key k and archetype a in the block, and at [… * C + c] their habit
   * bytes on channel c, summed. Null when there are so many combinations that these would take more memory
   * than the consumers themselves (`accumulateWaste` then counts block by block in every round).
   */
  readonly counts: Int32Array | null;
  readonly habitSums: Int32Array | null;
  /**
   * present[k] = 1 when some consumer of the chunk has key k (null: not known, when the counts are not kept).
   * A table row of an absent key is never read, so `responseKeys` leaves it at zero: in a game that comes back
   * to an earlier segmentation most codes of the mixed radix never occur.
   */
  readonly present: Uint8Array | null;
}

/**
 * The last `DirectKeys` made for a chunk, by the current segmentation's assignment array. A cache of a pure
 * function of arrays that are never written after they are made: looked up, never iterated.
 */
const directKeysMemo = new WeakMap<Uint8Array, DirectKeys>();

function directKeysOf(pop: Population, seg: Uint8Array, assigned: Uint8Array[], plan: RoundPlan): DirectKeys {
  const from = [seg, ...assigned];
  const known = directKeysMemo.get(seg);
  if (known && known.from.length === from.length && known.from.every((a, g) => a === from[g])) return known;
  const made = makeDirectKeys(pop, from, plan);
  directKeysMemo.set(seg, made);
  return made;
}

/**
 * Makes the `DirectKeys` of a chunk from its assignments (`from`: the current segmentation's, then each active
 * group's). The block counts are kept when they have at most `maxKept` entries (by default as many as the chunk
 * has consumers, and at least 65,536: about 4 bytes a consumer at most).
 */
export function makeDirectKeys(
  pop: Population,
  from: Uint8Array[],
  plan: RoundPlan,
  maxKept = Math.max(65536, pop.count),
): DirectKeys {
  const n = pop.count;
  const G = plan.activeGroups.length;
  const radix = [plan.segmentCount, ...plan.activeSegmentCounts];
  let space = 1;
  for (const r of radix) space *= r;
  let keys: Uint8Array | Uint32Array;
  let combos: number[][];
  if (space <= 256) {
    // The code is the key: keys = keys · S_g + segment_g, one segmentation at a time.
    let dense: Uint8Array = from[0].slice();
    let codes = radix[0];
    for (let g = 1; g <= G; g++) {
      dense = appendDigit(dense, codes, from[g], radix[g]);
      codes *= radix[g];
    }
    keys = dense;
    combos = [];
    for (let code = 0; code < space; code++) {
      const combo = new Array<number>(G + 1);
      let rest = code;
      for (let g = G; g >= 0; g--) {
        combo[g] = rest % radix[g];
        rest = (rest - combo[g]) / radix[g];
      }
      combos.push(combo);
    }
  } else ({ keys, combos } = numberCombinations(from, radix, space, n));
  const K = combos.length;
  const order = Int32Array.from({ length: K }, (_, k) => k).sort((p, q) => {
    const x = combos[p];
    const y = combos[q];
    for (let d = 0; d < x.length; d++) if (x[d] !== y[d]) return x[d] - y[d];
    return 0;
  });
  const A = plan.archetypeCount;
  const C = plan.channelCount;
  const blocks = Math.ceil(n / BLOCK_SIZE);
  if (blocks * K * A * (1 + C) > maxKept)
    return { from, keys, combos, order, counts: null, habitSums: null, present: null };
  const counts = new Int32Array(blocks * K * A);
  const habitSums = new Int32Array(blocks * K * A * C);
  for (let block = 0; block < blocks; block++) {
    const start = block * BLOCK_SIZE;
    addCellCounts(pop, keys, start, Math.min(n, start + BLOCK_SIZE), K * A * block, A, counts, habitSums);
  }
  const present = new Uint8Array(K);
  for (let j = 0; j < counts.length; j++) if (counts[j] > 0) present[((j / A) | 0) % K] = 1;
  return { from, keys, combos, order, counts, habitSums, present };
}

/**
 * code · radix + digit for every consumer, as a fresh array (codes below `codes`, all results below 256). It is
 * done with `addBinsOfBytes` — twice a table look-up, × radix and then + digit — because that loop has already
 * been compiled for the segment assignments: a loop of its own would run its first tens of thousands of
 * consumers in the interpreter in the first round that needs it.
 */
function appendDigit(code: Uint8Array, codes: number, digit: Uint8Array, radix: number): Uint8Array {
  const times = new Uint8Array(256);
  for (let x = 0; x < codes; x++) times[x] = x * radix;
  const plus = new Uint8Array(256);
  for (let x = 0; x < radix; x++) plus[x] = x;
  const out = new Uint8Array(code.length);
  const n = code.length;
  for (let from = 0; from < n; from += SHORT_CALL) {
    const to = from + SHORT_CALL < n ? from + SHORT_CALL : n;
    addBinsOfBytes(out, times, code, 0, from, to);
    addBinsOfBytes(out, plus, digit, 0, from, to);
  }
  return out;
}

/**
 * Keys numbering the combinations of segments in order of first appearance (more than 256 possible
 * combinations): a typed look-up table over the mixed-radix code when the code space is small, a map beyond.
 */
function numberCombinations(
  from: Uint8Array[],
  radix: number[],
  space: number,
  n: number,
): { keys: Uint8Array | Uint32Array; combos: number[][] } {
  const G = from.length;
  const codes = new Uint32Array(n);
  const combos: number[][] = [];
  const lookup = space <= 65536 ? new Int32Array(space).fill(-1) : null;
  const index = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    // Mixed radix: exact below 2^53 (up to 8 segmentations of ≤ 64 segments); beyond that a text key.
    let code: number | string = from[0][i];
    if (G <= 8) for (let g = 1; g < G; g++) code = code * radix[g] + from[g][i];
    else for (let g = 1; g < G; g++) code = `${code},${from[g][i]}`;
    let k = lookup ? lookup[code as number] : index.get(code);
    if (k === undefined || k < 0) {
      k = combos.length;
      if (lookup) lookup[code as number] = k;
      else index.set(code, k);
      const combo: number[] = [];
      for (let g = 0; g < G; g++) combo.push(from[g][i]);
      combos.push(combo);
    }
    codes[i] = k;
  }
  // One byte per key when there are few combinations, so the passes see the same array type as in table mode.
  return { keys: combos.length <= 256 ? Uint8Array.from(codes) : codes, combos };
}

/**
 * The response-table key of every consumer of the chunk and the table to read. In table mode the key is the
 * consumer's segment and the table is the plan's. In direct mode (carry-over from several segmentations) the
 * key numbers each combination of segments across the active segmentations (`DirectKeys`), and the table is
 * computed here per combination with the same `cellResponse`, so a consumer's values depend only on its
 * combination, never on the chunking.
 */
export function responseKeys(
  chunk: Chunk,
  plan: RoundPlan,
): { keys: ArrayLike<number>; table: Float64Array; direct: DirectKeys | null } {
  const seg = chunk.assignments[plan.groupIndex];
  if (!seg)
    throw new RangeError(
      `simulateChunk: segmentation group ${plan.groupIndex} is not assigned in this chunk`,
    );
  if (!plan.direct) return { keys: seg, table: plan.table, direct: null };
  const C = plan.channelCount;
  const G = plan.activeGroups.length;
  const assigned: Uint8Array[] = [];
  for (let g = 0; g < G; g++) {
    const a = chunk.assignments[plan.activeGroups[g]];
    if (!a)
      throw new RangeError(
        `simulateChunk: segmentation group ${plan.activeGroups[g]} is not assigned in this chunk`,
      );
    assigned.push(a);
  }
  let currentActive = -1;
  for (let g = 0; g < G; g++) if (plan.activeGroups[g] === plan.groupIndex) currentActive = g;
  const direct = directKeysOf(chunk.population, seg, assigned, plan);
  const combos = direct.combos;
  const table = new Float64Array(combos.length * C * V_COUNT);
  const seen = new ResponseRows(C);
  const present = direct.present;
  for (let k = 0; k < combos.length; k++) {
    if (present !== null && present[k] === 0) continue;
    const combo = combos[k];
    for (let c = 0; c < C; c++) {
      let m = plan.leak[c];
      let mb = plan.leakBaseline[c];
      let targetedNow = 0;
      for (let g = 0; g < G; g++) {
        const j = c * plan.activeSegmentCounts[g] + combo[g + 1];
        m += plan.activeTargeted[g][j];
        mb += plan.activeTargetedBaseline[g][j];
        if (g === currentActive) targetedNow = plan.activeTargeted[g][j];
      }
      seen.fill(
        c,
        m,
        mb,
        m > 0 ? targetedNow / m : 0,
        plan.channels[c],
        plan.complaintPerExcessImpression,
        table,
        (k * C + c) * V_COUNT,
      );
    }
  }
  return { keys: direct.keys, table, direct };
}

/*
 * The functions the hot loops call, as this module's own constants: a binding another module exports lives in a
 * module cell, which optimised code loads and checks on every use. (A production bundle has no cells between
 * modules; the tests and the benchmark load the modules one by one.)
 * Field offsets, strides and draw numbers are const enums (CELL, CHANNEL, V, Stride, Draw), which the build writes
 * in as literals. A property of an object, `CELL.retained`, would need type feedback, and in a branch the JIT has
 * not yet seen taken (the first returning customer, the first privacy complaint) it would deoptimise the pass; a
 * module-level `const` is read from the module's context and checked on every use, on every iteration. Writing
 * them in took ~1.5 % of the instructions of a cold 50,000-consumer game (valgrind).
 */
const consumerKey = consumerKeyBinding;
const fastExp = fastExpBinding;
const streamHash = streamHashBinding;
const streamUniform = streamUniformBinding;
const PURPOSE_ROUND = Purpose.round;

/**
 * Direct mode only (in table mode, `direct` null, it does nothing): waste, aimed spend and risky spend per cell
 * and channel, from each block's counts and habit sums per (combination, archetype) — Σ_i (m − habit_i·delivered)
 * = n·m − delivered·Σ habit — visiting the combinations in the order of their segments (not their numbering in
 * the chunk), so the sums never depend on the chunking. Table mode gets the same from the segmentation's cell
 * totals in `prepareRound`.
 */
export function accumulateWaste(
  pop: Population,
  direct: DirectKeys | null,
  table: Float64Array,
  plan: RoundPlan,
  layout: BlockLayout,
  sums: Float64Array,
): void {
  if (direct === null) return;
  const C = plan.channelCount;
  const A = plan.archetypeCount;
  const { combos, order } = direct;
  const K = combos.length;
  // Kept from an earlier round, or counted here block by block (offset 0 in one block's worth of scratch).
  const kept = direct.counts !== null;
  const counts = direct.counts ?? new Int32Array(K * A);
  const habitSums = direct.habitSums ?? new Int32Array(K * A * C);
  const cellFields = layout.cellFields;
  const cpaOf = Float64Array.from(plan.channels, (ch) => ch.costPerAimedImpression);
  const riskOf = Float64Array.from(plan.channels, (ch) => ch.riskFactor);
  const segmentOf = Int32Array.from(order, (k) => combos[k][0]);
  const blocks = sums.length / layout.size;
  for (let block = 0; block < blocks; block++) {
    if (!kept) {
      counts.fill(0);
      habitSums.fill(0);
      const from = block * BLOCK_SIZE;
      addCellCounts(pop, direct.keys, from, Math.min(pop.count, from + BLOCK_SIZE), 0, A, counts, habitSums);
    }
    blockWaste(
      order,
      segmentOf,
      counts,
      habitSums,
      kept ? block * K * A : 0,
      table,
      cpaOf,
      riskOf,
      sums,
      block * layout.size,
      layout.channelOffset,
      cellFields,
      A,
      C,
    );
  }
}

/**
 * One block's part of `accumulateWaste` (`segmentOf[o]`: the current segment of the o-th combination in order).
 * A function of its own, called block by block, so that V8 compiles it whole in the first round that needs it
 * rather than the loop over blocks on stack replacement.
 */
function blockWaste(
  order: Int32Array,
  segmentOf: Int32Array,
  counts: Int32Array,
  habitSums: Int32Array,
  base: number,
  table: Float64Array,
  cpaOf: Float64Array,
  riskOf: Float64Array,
  sums: Float64Array,
  blockBase: number,
  channelOffset: number,
  cellFields: number,
  A: number,
  C: number,
): void {
  const channelBase = blockBase + channelOffset;
  const K = order.length;
  for (let o = 0; o < K; o++) {
    const k = order[o];
    const s = segmentOf[o];
    for (let a = 0; a < A; a++) {
      const ka = base + k * A + a;
      const count = counts[ka];
      if (count === 0) continue;
      const cb = blockBase + (s * A + a) * cellFields;
      for (let c = 0; c < C; c++) {
        const t = (k * C + c) * Stride.values;
        const m = table[t + V.aimed];
        if (m <= 0) continue;
        const aimed = count * m;
        const waste = aimed - (table[t + V.deliveredNotOver] * habitSums[ka * C + c]) / 255;
        const hb = channelBase + c * Stride.channel;
        sums[hb + CHANNEL.wastedImpressions] += waste;
        sums[hb + CHANNEL.aimedImpressions] += aimed;
        const cpa = cpaOf[c];
        sums[cb + CELL.wastedSpend] += cpa * waste;
        sums[cb + CELL.aimedSpend] += cpa * aimed;
        sums[cb + CELL.riskySpend] += cpa * aimed * riskOf[c];
      }
    }
  }
}

/**
 * Runs the round on one chunk. Returns the chunk's next state (fresh arrays) and its block sums.
 * The chunk's population and state are read only. `onProgress` is called after each block of BLOCK_SIZE
 * consumers.
 *
 * Each block runs in four passes over block-sized scratch arrays (reused, so nothing is allocated per consumer
 * and the scratch stays in cache): A exposure, B the exponents of every exp the consumer needs, C all those
 * exps in one tight loop, D choice, accounting and the next state. Splitting the work this way keeps each loop
 * small enough for JavaScript engines to inline the helpers in it, so no number is ever boxed.
 */
export function simulateChunk(
  chunk: Chunk,
  plan: RoundPlan,
  onProgress?: (consumersDone: number, consumers: number) => void,
): ChunkResult {
  const pop = chunk.population;
  const st = chunk.state;
  const n = pop.count;
  if (pop.start % BLOCK_SIZE !== 0)
    throw new RangeError(
      `simulateChunk: a chunk must start at a multiple of ${BLOCK_SIZE} (starts at ${pop.start})`,
    );
  if (plan.channelCount > 31) throw new RangeError('simulateChunk: at most 31 channels');
  const seg = chunk.assignments[plan.groupIndex]!;
  const { keys, table, direct } = responseKeys(chunk, plan);
  const layout = blockLayout(plan);
  const sums = new Float64Array(Math.ceil(n / BLOCK_SIZE) * layout.size);
  // Called in table mode too (it returns at once): a call first reached in compiled code, in the first round
  // with carry-over from another segmentation, would throw the compiled function away.
  accumulateWaste(pop, direct, table, plan, layout, sums);
  const next: ConsumerState = {
    awareness: new Float32Array(n),
    lastBrand: new Uint8Array(n),
    purchasesWithUs: st.purchasesWithUs.slice(),
    lastRoundWithUs: st.lastRoundWithUs.slice(),
    revenueWithUs: st.revenueWithUs.slice(),
  };
  const k = new PassInputs(pop, st, next, seg, keys, table, sums, plan, layout);
  for (
    let blockStart = 0, blockBase = 0;
    blockStart < n;
    blockStart += BLOCK_SIZE, blockBase += layout.size
  ) {
    const blockEnd = blockStart + BLOCK_SIZE < n ? blockStart + BLOCK_SIZE : n;
    runBlock(k, blockBase, blockStart, blockEnd);
    if (onProgress) onProgress(blockEnd, n);
  }
  return { state: next, firstBlock: pop.start / BLOCK_SIZE, sums };
}

/**
 * One block's consumers through the passes, in slices. A slice adds to the block's sums in consumer order exactly
 * as the whole block would (each sum field belongs to one pass), so the bits are the same; short calls let the JIT
 * compile each pass whole, after it has run every line, instead of mid-loop. A function of its own, so that
 * `simulateChunk`, which loops only over blocks, never runs hot enough to be compiled (~6 ms of compiling for code
 * that runs once a round).
 */
function runBlock(k: PassInputs, blockBase: number, blockStart: number, blockEnd: number): void {
  const exponents = k.exponents;
  for (let from = blockStart; from < blockEnd; from += SLICE) {
    const to = from + SLICE < blockEnd ? from + SLICE : blockEnd;
    exposurePass(k, blockBase, from, to);
    const exponentCount = exponentPass(k, from, to);
    expPass(exponents, exponentCount);
    choicePass(k, blockBase, from, to);
  }
}

/**
 * Consumers per call of the passes (a block is run in BLOCK_SIZE / SLICE slices). Short calls matter in a first
 * game: with 1,024 a call ran long enough in the interpreter for V8 to compile exposurePass and choicePass a second
 * time by on-stack replacement, which delayed the whole-function code and took the second core (--trace-opt);
 * with 256 the first 8-round game at 50,000 is about 8 ms faster, and a warm round is unchanged.
 */
const SLICE = 256;

/*
 * Loops that run once. The per-consumer loops of the passes (and of generation, the first state and the segment
 * counts) sit inside `for (;;) { … break; }`. When a function's optimised code arrives while a call of it is
 * still running in slower code, V8 asks, at that call's next tier-up tick, for an on-stack-replacement compile of
 * its outermost loop (--trace-osr: "setting osr urgency … 1"), which then serves only the rest of that one call:
 * 15–20 ms of compiling for choicePass, on a core that a second worker needs. A loop one level down is replaced
 * only at urgency 2, a second tick in the same call, which these short calls rarely reach. The loop around it
 * never jumps back, so it costs nothing once compiled. In a cold game on 2 workers at 1,000,000 consumers this
 * saved ~30 ms (paired A/B, 9 pairs); the results are the same bits.
 */

/** Slots of `PassInputs.num`: the round's real-valued parameters. */
const NUM_ROUND_STREAM = 0;
const NUM_CONSENT_RATE = 1;
const NUM_GAIN = 2;
const NUM_AD_WEIGHT = 3;
const NUM_KEEP = 4;
const NUM_OUR_PRICE = 5;
const NUM_DISTANCE_WEIGHT = 6;
const NUM_VALUE_FIT_WEIGHT = 7;
const NUM_LOYALTY_WEIGHT = 8;
const NUM_PRIVACY_ACTIVE = 9;
const NUM_BASELINE = 10;
const NUM_MONOTONE = 11;
const NUM_COUNT = 12;

/**
 * Everything the passes read, gathered once per chunk and round: the population's, state's and plan's arrays,
 * the slice's working arrays (indexed by the consumer's position j in the slice) and the round's numbers.
 *
 * The passes read nothing else, because what reaches optimised code must keep its shape from round to round
 * and game to game. An object literal does not: V8 gives a literal's fields precise types the first time it
 * runs and widens them the second time (when it makes the literal's template), so code compiled in round 1
 * was thrown away at the start of round 2 — and a plan that arrives through `postMessage` gets a field's
 * representation from its value (a whole number is stored differently from a fraction). Here the fields are
 * set in a constructor (their types never widen: always the same kinds of typed array, or small integers) and
 * every real number travels in `num`, a Float64Array, whatever its value.
 */
class PassInputs {
  declare readonly n: number;
  declare readonly start: number;
  declare readonly channels: number;
  declare readonly archetypes: number;
  declare readonly brands: number;
  declare readonly round: number;
  declare readonly cellFields: number;
  declare readonly channelOffset: number;
  // Population.
  declare readonly archetype: Uint8Array;
  declare readonly habits: Uint8Array;
  declare readonly responsiveness: Float32Array;
  declare readonly idealX: Float32Array;
  declare readonly idealY: Float32Array;
  declare readonly priceSensitivity: Float32Array;
  declare readonly loyalty: Float32Array;
  declare readonly propensity: Float32Array;
  declare readonly valueOrientation: Float32Array;
  declare readonly consent: Uint32Array;
  // State before the round and after it.
  declare readonly awareness: Float32Array;
  declare readonly lastBrand: Uint8Array;
  declare readonly purchasesWithUs: Uint8Array;
  declare readonly revenueWithUs: Float32Array;
  declare readonly nextAwareness: Float32Array;
  declare readonly nextLastBrand: Uint8Array;
  declare readonly nextPurchasesWithUs: Uint8Array;
  declare readonly nextLastRoundWithUs: Uint8Array;
  declare readonly nextRevenueWithUs: Float32Array;
  // Segments, response table, sums.
  declare readonly seg: Uint8Array;
  declare readonly keys: ArrayLike<number>;
  declare readonly table: Float64Array;
  declare readonly sums: Float64Array;
  // The brands (see ChoiceSetup).
  declare readonly competitorAwareness: Float64Array;
  declare readonly outsideUtility: Float64Array;
  declare readonly priceSensitivityFactor: Float64Array;
  declare readonly units: Float64Array;
  /** Per brand b at 4b: x, y, brand utility, relative price (one array, so one check per read in exponentPass). */
  declare readonly brandPack: Float64Array;
  /** Per brand: the offset of its emphasis's row in the value-orientation column (emphasis · n). */
  declare readonly emphasisOffset: Int32Array;
  // Working arrays of a slice.
  declare readonly dose: Float64Array;
  declare readonly doseBase: Float64Array;
  /** Bit c: channel c reached the consumer. */
  declare readonly exposed: Int32Array;
  /** The key of the consumer's stream of round draws. */
  declare readonly stream: Float64Array;
  /** Our static utility V_0 (without advertising), for the baseline. */
  declare readonly staticOurs: Float64Array;
  declare readonly impressions: Float64Array;
  declare readonly complaints: Float64Array;
  /** The slice's exponents, packed (see exponentPass), then their exps. */
  declare readonly exponents: Float64Array;
  declare readonly weights: Float64Array;
  /**
   * Per table row and channel ([key · C + c]), the stream hash from which a consumer's draw misses the channel
   * whatever their habit: ⌈max(reach, baseline reach) · 2^32⌉ (see streamHash); 0 where the reach is 0.
   */
  declare readonly missFrom: Float64Array;
  /** The round's real numbers, at the NUM_* slots. */
  declare readonly num: Float64Array;

  constructor(
    pop: Population,
    st: ConsumerState,
    next: ConsumerState,
    seg: Uint8Array,
    keys: ArrayLike<number>,
    table: Float64Array,
    sums: Float64Array,
    plan: RoundPlan,
    layout: BlockLayout,
  ) {
    const choice = plan.choice;
    const B = choice.brandCount;
    this.n = pop.count;
    this.start = pop.start;
    this.channels = plan.channelCount;
    this.archetypes = plan.archetypeCount;
    this.brands = B;
    this.round = plan.round;
    this.cellFields = layout.cellFields;
    this.channelOffset = layout.channelOffset;
    this.archetype = pop.archetype;
    this.habits = pop.habits;
    this.responsiveness = pop.responsiveness;
    this.idealX = pop.idealX;
    this.idealY = pop.idealY;
    this.priceSensitivity = pop.priceSensitivity;
    this.loyalty = pop.loyalty;
    this.propensity = pop.propensity;
    this.valueOrientation = pop.valueOrientation;
    this.consent = pop.consent;
    this.awareness = st.awareness;
    this.lastBrand = st.lastBrand;
    this.purchasesWithUs = st.purchasesWithUs;
    this.revenueWithUs = st.revenueWithUs;
    this.nextAwareness = next.awareness;
    this.nextLastBrand = next.lastBrand;
    this.nextPurchasesWithUs = next.purchasesWithUs;
    this.nextLastRoundWithUs = next.lastRoundWithUs;
    this.nextRevenueWithUs = next.revenueWithUs;
    this.seg = seg;
    this.keys = keys;
    this.table = table;
    this.sums = sums;
    this.competitorAwareness = choice.awareness;
    this.outsideUtility = choice.outsideUtility;
    this.priceSensitivityFactor = choice.priceSensitivityFactor;
    this.units = choice.units;
    this.brandPack = packBrands(choice);
    this.emphasisOffset = Int32Array.from(choice.emphasis, (e) => e * pop.count);
    this.dose = new Float64Array(SLICE);
    this.doseBase = new Float64Array(SLICE);
    this.exposed = new Int32Array(SLICE);
    this.stream = new Float64Array(SLICE);
    this.staticOurs = new Float64Array(SLICE);
    this.impressions = new Float64Array(SLICE);
    this.complaints = new Float64Array(SLICE);
    this.exponents = new Float64Array(SLICE * (B + 1));
    this.weights = new Float64Array(B);
    const rowChannels = table.length / Stride.values;
    const missFrom = new Float64Array(rowChannels);
    for (let r = 0; r < rowChannels; r++) {
      const reach = table[r * Stride.values + V.reach];
      if (!(reach > 0)) continue;
      const baselineReach = plan.baseline ? table[r * Stride.values + V.baselineReach] : 0;
      missFrom[r] = Math.ceil((reach > baselineReach ? reach : baselineReach) * 4294967296);
    }
    this.missFrom = missFrom;
    const num = new Float64Array(NUM_COUNT);
    num[NUM_ROUND_STREAM] = roundKey(plan.seed, plan.round, PURPOSE_ROUND);
    num[NUM_CONSENT_RATE] = plan.consentRate;
    num[NUM_GAIN] = plan.awarenessGain;
    num[NUM_AD_WEIGHT] = choice.adUtilityWeight;
    num[NUM_KEEP] = 1 - plan.awarenessForgetting;
    num[NUM_OUR_PRICE] = plan.ourPrice;
    num[NUM_DISTANCE_WEIGHT] = choice.distanceWeight;
    num[NUM_VALUE_FIT_WEIGHT] = choice.valueFitWeight;
    num[NUM_LOYALTY_WEIGHT] = choice.loyaltyWeight;
    num[NUM_PRIVACY_ACTIVE] = plan.privacyActive ? 1 : 0;
    num[NUM_BASELINE] = plan.baseline ? 1 : 0;
    num[NUM_MONOTONE] = plan.awarenessGain >= 0 && choice.adUtilityWeight >= 0 ? 1 : 0;
    this.num = num;
  }
}

/**
 * A: which channels reach each consumer (u < habit · reach), the advertising dose, impressions, complaints.
 * Here and in choicePass, array indices are worked out with Math.imul and `| 0`: 32-bit integer arithmetic, which
 * the JIT compiles without the overflow checks of `*` and `+` (every index is far below 2^31). About 2 % a round.
 */
function exposurePass(k: PassInputs, blockBase: number, sliceStart: number, sliceEnd: number): void {
  const n = k.n;
  const start = k.start;
  const C = k.channels;
  const keyStride = C * Stride.values;
  const num = k.num;
  const roundStream = num[NUM_ROUND_STREAM];
  const consentRate = num[NUM_CONSENT_RATE];
  const privacyActive = num[NUM_PRIVACY_ACTIVE] !== 0;
  const withBaseline = num[NUM_BASELINE] !== 0;
  const habits = k.habits;
  const responsiveness = k.responsiveness;
  const consent = k.consent;
  const keys = k.keys;
  const table = k.table;
  const sums = k.sums;
  const channelBase = blockBase + k.channelOffset;
  const doseOut = k.dose;
  const doseBaseOut = k.doseBase;
  const exposedOut = k.exposed;
  const impressionsOut = k.impressions;
  const complaintsOut = k.complaints;
  const streamOut = k.stream;
  const missFrom = k.missFrom;
  const twoPowMinus32 = TWO_POW_MINUS_32; // a local: a module's const is read and checked on every use
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, above).
  for (;;) {
    for (let i = sliceStart; i < sliceEnd; i++) {
      const gi = start + i;
      const tb = Math.imul(keys[i], keyStride);
      let dose = 0;
      let doseBase = 0;
      let exposed = 0;
      let impressions = 0;
      let complaints = 0;
      // The consent draw, hashUniform(seed, 0, gi, Purpose.consent), from the population's column (× 2^−32 is
      // exact, so the number is the same).
      const unconsented = privacyActive && consent[i] * twoPowMinus32 >= consentRate ? 1 : 0;
      const stream = consumerKey(roundStream, gi);
      streamOut[i - sliceStart] = stream;
      const mb = Math.imul(keys[i], C);
      for (let c = 0; c < C; c++) {
        // Most draws exceed the cell's reach (now and at the baseline) and so the habit-weighted reach of anyone
        // in it (habit ≤ 1): skip the consumer's habit and responsiveness then, on the draw's integer hash.
        const bound = missFrom[(mb + c) | 0];
        if (bound === 0) continue;
        const hash = streamHash(stream, c);
        if (hash >= bound) continue;
        const u = hash * twoPowMinus32; // = streamUniform(stream, c)
        const t = (tb + Math.imul(c, Stride.values)) | 0;
        const reach = table[t + V.reach];
        const baselineReach = withBaseline ? table[t + V.baselineReach] : 0;
        const ci = (Math.imul(c, n) + i) | 0;
        const hByte = habits[ci];
        if (hByte === 0) continue;
        const h = hByte * (1 / 255);
        if (withBaseline) {
          // 1 × the dose or 0 × it (the same sum either way) rather than a branch: with no carry-over the baseline
          // reaches nobody in a first round, and a branch first taken in the second would deoptimise the pass.
          const reachedBase = u < h * baselineReach ? 1 : 0;
          doseBase += reachedBase * (table[t + V.baselineDose] * responsiveness[ci]);
        }
        if (u < h * reach) {
          const f = table[t + V.frequency];
          dose += table[t + V.dose] * responsiveness[ci];
          exposed |= 1 << c;
          impressions += f;
          // + 0 × the privacy rate for a consenting consumer: the same number, and one line for the JIT to learn
          // from the first consumer on (a branch first taken when the privacy rule arrives would deoptimise).
          const cc = table[t + V.overFrequencyComplaints] + unconsented * table[t + V.privacyComplaints];
          complaints += cc;
          const hb = (channelBase + Math.imul(c, Stride.channel)) | 0;
          sums[hb + CHANNEL.reached] += 1;
          sums[hb + CHANNEL.impressions] += f;
          sums[hb + CHANNEL.complaints] += cc;
        }
      }
      const j = i - sliceStart;
      doseOut[j] = dose;
      doseBaseOut[j] = doseBase;
      exposedOut[j] = exposed;
      impressionsOut[j] = impressions;
      complaintsOut[j] = complaints;
    }
    break;
  }
}

/**
 * B: the exponents a consumer needs, packed in a fixed order (choicePass takes them back in the same order
 * under the same conditions): −gain·dose if dose > 0; our V_0 + adUtilityWeight·dose; V_b of each competitor
 * known in the consumer's archetype. Static utility of brand b relative to the outside option:
 * V_b = brandUtility_b − distanceWeight·‖position_b − ideal‖² − priceSensitivity·factor·relativePrice_b
 *       + valueFitWeight·orientation[emphasis_b] + loyaltyWeight·loyalty·[b last bought] − (outside − propensity).
 * Returns how many exponents were written.
 */
function exponentPass(k: PassInputs, sliceStart: number, sliceEnd: number): number {
  const A = k.archetypes;
  const B = k.brands;
  const num = k.num;
  const gain = num[NUM_GAIN];
  const adWeight = num[NUM_AD_WEIGHT];
  const wDistance = num[NUM_DISTANCE_WEIGHT];
  const wValue = num[NUM_VALUE_FIT_WEIGHT];
  const wLoyalty = num[NUM_LOYALTY_WEIGHT];
  const pack = k.brandPack;
  const emphasisOffset = k.emphasisOffset;
  const competitorAwareness = k.competitorAwareness;
  const outsideUtility = k.outsideUtility;
  const priceFactorOf = k.priceSensitivityFactor;
  const archetype = k.archetype;
  const lastBrand = k.lastBrand;
  const idealX = k.idealX;
  const idealY = k.idealY;
  const priceSensitivity = k.priceSensitivity;
  const loyalty = k.loyalty;
  const propensity = k.propensity;
  const orientation = k.valueOrientation;
  const dose = k.dose;
  const exponents = k.exponents;
  const staticOurs = k.staticOurs;
  const x0 = pack[0];
  const y0 = pack[1];
  const const0 = pack[2];
  const price0 = pack[3];
  const emphasis0 = emphasisOffset[0];
  let e = 0;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, above).
  for (;;) {
    for (let i = sliceStart; i < sliceEnd; i++) {
      const j = i - sliceStart;
      const a = archetype[i];
      const last = lastBrand[i];
      const ix = idealX[i];
      const iy = idealY[i];
      const ps = priceSensitivity[i] * priceFactorOf[a];
      const loyal = wLoyalty * loyalty[i];
      const outside = outsideUtility[a] - propensity[i];
      let dx = x0 - ix;
      let dy = y0 - iy;
      let ours =
        const0 -
        wDistance * (dx * dx + dy * dy) -
        ps * price0 +
        wValue * orientation[(emphasis0 + i) | 0] -
        outside;
      if (last === 1) ours += loyal;
      const d = dose[j];
      if (d > 0) exponents[e++] = -gain * d;
      exponents[e++] = ours + adWeight * d;
      // Our static utility, kept for the baseline's exps (computed in choicePass only when they can matter).
      staticOurs[j] = ours;
      for (let b = 1; b < B; b++) {
        if (competitorAwareness[(Math.imul(b, A) + a) | 0] <= 0) continue;
        const pb = b << 2;
        dx = pack[pb] - ix;
        dy = pack[pb + 1] - iy;
        let v =
          pack[pb + 2] -
          wDistance * (dx * dx + dy * dy) -
          ps * pack[pb + 3] +
          wValue * orientation[(emphasisOffset[b] + i) | 0] -
          outside;
        if (last === b + 1) v += loyal;
        exponents[e++] = v;
      }
    }
    break;
  }
  return e;
}

/** C: every exponent replaced by its exp, in one loop. */
function expPass(values: Float64Array, count: number): void {
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, above).
  for (;;) {
    for (let k = 0; k < count; k++) values[k] = fastExp(values[k]);
    break;
  }
}

/**
 * D: awareness, choice (one draw u: ours if u·Σw < w_ours, then competitors in order, else no purchase), the
 * no-spend baseline with the same u, accounting and the next state.
 */
function choicePass(k: PassInputs, blockBase: number, sliceStart: number, sliceEnd: number): void {
  const A = k.archetypes;
  const C = k.channels;
  const B = k.brands;
  const n = k.n;
  const round = k.round;
  const cellFields = k.cellFields;
  const keyStride = C * Stride.values;
  const num = k.num;
  const keep = num[NUM_KEEP];
  const withBaseline = num[NUM_BASELINE] !== 0;
  const ourPrice = num[NUM_OUR_PRICE];
  const gain = num[NUM_GAIN];
  const adWeight = num[NUM_AD_WEIGHT];
  const monotone = num[NUM_MONOTONE] !== 0;
  const competitorAwareness = k.competitorAwareness;
  const unitsOf = k.units;
  const responsiveness = k.responsiveness;
  const archetype = k.archetype;
  const seg = k.seg;
  const keys = k.keys;
  const table = k.table;
  const sums = k.sums;
  const awareness = k.awareness;
  const lastBrand = k.lastBrand;
  const purchasesWithUs = k.purchasesWithUs;
  const revenueWithUs = k.revenueWithUs;
  const nextAwareness = k.nextAwareness;
  const nextLastBrand = k.nextLastBrand;
  const nextPurchasesWithUs = k.nextPurchasesWithUs;
  const nextLastRoundWithUs = k.nextLastRoundWithUs;
  const nextRevenueWithUs = k.nextRevenueWithUs;
  const dose = k.dose;
  const doseBase = k.doseBase;
  const exposed = k.exposed;
  const impressions = k.impressions;
  const complaints = k.complaints;
  const exponents = k.exponents;
  const weights = k.weights;
  const stream = k.stream;
  const staticOurs = k.staticOurs;
  const channelBase = blockBase + k.channelOffset;
  let e = 0;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, above).
  for (;;) {
    for (let i = sliceStart; i < sliceEnd; i++) {
      const j = i - sliceStart;
      const a = archetype[i];
      const cb = (blockBase + Math.imul((seg[i] * A + a) | 0, cellFields)) | 0;
      const carried = awareness[i] * keep;
      const d = dose[j];
      const db = doseBase[j];
      const aware = d > 0 ? 1 - (1 - carried) * exponents[e++] : carried;
      const ours = aware > 0 ? aware * exponents[e] : 0;
      e++;
      const baselineDiffers = withBaseline && db !== d;
      weights[0] = ours;
      let total = 1 + ours;
      for (let b = 1; b < B; b++) {
        const aw = competitorAwareness[b * A + a];
        const w = aw > 0 ? aw * exponents[e++] : 0;
        weights[b] = w;
        total += w;
      }
      const uChoice = streamUniform(stream[j], Draw.choice);
      const target = uChoice * total;
      let chosen = 0; // 0 = none, 1 = ours, 2 + k = competitor k
      let running = 0;
      for (let b = 0; b < B; b++) {
        running += weights[b];
        if (target < running) {
          chosen = b + 1;
          break;
        }
      }
      const bought = chosen === 1;
      // The same draw without this round's spend. With less dose (and non-negative effects) our weight can only
      // be lower, so someone who did not buy ours would not at the baseline either: no exps needed then.
      let baseOurs = bought;
      if (baselineDiffers && (bought || db > d || !monotone)) {
        // Worked out whether or not it is used: a first round has no baseline dose, so an expression only
        // evaluated when db > 0 would first run in round 2 and throw the compiled pass away.
        const awareIfDosed = 1 - (1 - carried) * fastExp(-gain * db);
        const awareBase = db > 0 ? awareIfDosed : carried;
        const oursBase = awareBase > 0 ? awareBase * fastExp(staticOurs[j] + adWeight * db) : 0;
        baseOurs = uChoice * (total - ours + oursBase) < oursBase;
      }

      const last = lastBrand[i];
      const prior = purchasesWithUs[i] > 0;
      nextAwareness[i] = aware;
      nextLastBrand[i] = chosen > 0 ? chosen : last;
      sums[cb + CELL.awareness] += aware;
      if (prior) sums[cb + CELL.prior] += 1;
      if (chosen > 0) {
        sums[cb + CELL.category] += 1;
        if (bought) {
          const p = purchasesWithUs[i];
          nextPurchasesWithUs[i] = p < 255 ? p + 1 : 255;
          nextLastRoundWithUs[i] = round;
          nextRevenueWithUs[i] = revenueWithUs[i] + unitsOf[a] * ourPrice;
          sums[cb + CELL.conversions] += 1;
          sums[cb + (prior ? CELL.retained : CELL.newCustomers)] += 1;
        } else sums[cb + CELL.competitorPurchases + chosen - 2] += 1;
      }
      if (baseOurs) sums[cb + CELL.baselineConversions] += 1;
      if (exposed[j] !== 0) {
        sums[cb + CELL.reached] += 1;
        sums[cb + CELL.impressions] += impressions[j];
        sums[cb + CELL.complaints] += complaints[j];
        // Credit the channels that reached the consumer. Last touch: the channel of the last impression, drawn in
        // proportion to each exposed channel's impressions. Incremental purchases (vs the no-spend baseline) are
        // shared in proportion to each channel's dose.
        const bits = exposed[j];
        const tb = Math.imul(keys[i], keyStride);
        const units = unitsOf[a];
        const incremental = (bought ? 1 : 0) - (baseOurs ? 1 : 0);
        let lastTouch = -1;
        if (bought) {
          const touch = streamUniform(stream[j], Draw.lastTouch) * impressions[j];
          let acc = 0;
          for (let c = 0; c < C; c++) {
            if ((bits & (1 << c)) === 0) continue;
            acc += table[(tb + Math.imul(c, Stride.values) + V.frequency) | 0];
            lastTouch = c;
            if (touch < acc) break;
          }
        }
        for (let c = 0; c < C; c++) {
          if ((bits & (1 << c)) === 0) continue;
          const hb = (channelBase + Math.imul(c, Stride.channel)) | 0;
          sums[hb + CHANNEL.awareness] += aware;
          if (prior) sums[hb + CHANNEL.prior] += 1;
          if (chosen > 0) sums[hb + CHANNEL.category] += 1;
          if (bought) {
            sums[hb + CHANNEL.conversions] += 1;
            sums[hb + (prior ? CHANNEL.retained : CHANNEL.newCustomers)] += 1;
            sums[hb + CHANNEL.units] += units;
            if (c === lastTouch) sums[hb + CHANNEL.lastTouch] += 1;
          }
          // Added for every reached consumer, most often as 0 × share (which leaves a sum's bits unchanged): the
          // first incremental purchase then runs code the JIT has already seen.
          const share =
            d > 0
              ? (table[(tb + Math.imul(c, Stride.values) + V.dose) | 0] *
                  responsiveness[(Math.imul(c, n) + i) | 0]) /
                d
              : 0;
          sums[hb + CHANNEL.incrementalConversions] += incremental * share;
          sums[hb + CHANNEL.incrementalUnits] += incremental * share * units;
        }
      }
    }
    break;
  }
}

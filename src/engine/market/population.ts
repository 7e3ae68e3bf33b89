import { exp, log as logBinding, log1p as log1pBinding, roundHalfUp as roundHalfUpBinding } from '../math';
import { hash4Prefix, hash4Rest as hash4RestBinding, hashUniform } from '../rng';
import type { ModelCoefficients, ObservableVariable, Scenario } from '../types';
import { fastExp as fastExpBinding } from './fast-exp';
import { MAX_CHANNELS, Purpose as PurposeBinding } from './purposes';
import {
  consumerKey as consumerKeyBinding,
  roundKey,
  streamNormal as streamNormalBinding,
  streamUniform as streamUniformBinding,
  streamUniformOpen as streamUniformOpenBinding,
} from './stream';

// What the generation loops call, as this module's own constants: optimised code reads an imported binding
// through its module cell, with a check, every time it uses it (see round.ts).
const consumerKey = consumerKeyBinding;
const fastExp = fastExpBinding;
const hash4Rest = hash4RestBinding;
const log = logBinding;
const log1p = log1pBinding;
const Purpose = PurposeBinding;
const roundHalfUp = roundHalfUpBinding;
const streamNormal = streamNormalBinding;
const streamUniform = streamUniformBinding;
const streamUniformOpen = streamUniformOpenBinding;

/**
 * A slice of the synthetic population, stored column-wise (one typed array per attribute, struct-of-arrays).
 * Consumer `i` of the slice is consumer `start + i` of the whole population; every attribute is drawn from that
 * consumer's own stream keyed by (seed, 0, start + i) (stream.ts), so a consumer is the same whichever slice,
 * chunk or worker generates it.
 *
 * Per-channel columns are channel-major: channel c of consumer i is at `c * count + i`.
 * Memory: 52 + 5·C bytes per consumer for C channels (82 bytes with 6 channels).
 *
 * Four observable columns that the model itself never reads — gender, city tier, income and spend per purchase —
 * are drawn on first use (see `female`): only a segmentation, a study or a sample on them needs them, so most
 * games never pay for them. Being keyed draws, they are the same numbers whenever they are drawn.
 *
 * A class rather than an object literal (as is the archetype table): V8 widens a literal's field types the second
 * time the literal runs, which would throw away the generation code compiled for the first market as soon as a
 * second one is made (a page's second game, a worker's second scenario).
 */
export class Population {
  /** Population index of the slice's first consumer. */
  declare start: number;
  declare count: number;
  declare channelCount: number;
  /** Index of the consumer's true archetype in `scenario.population.archetypes`. */
  declare archetype: Uint8Array;
  // Observable
  /** Years. */
  declare age: Uint8Array;
  /** 1 = female (drawn on first use, as are `cityTier`, `income` and `monetary`). */
  get female(): Uint8Array {
    if (this.pending !== null) this.drawPending();
    return this.femaleColumn;
  }
  /** City tier 1..4. */
  get cityTier(): Uint8Array {
    if (this.pending !== null) this.drawPending();
    return this.cityTierColumn;
  }
  /** Monthly income, currency. */
  get income(): Float32Array {
    if (this.pending !== null) this.drawPending();
    return this.incomeColumn;
  }
  /** Channel habit 0..1 stored as 0..255 (value = byte / 255), channel-major. */
  declare habits: Uint8Array;
  /** Days since the last category purchase before the game. */
  declare recencyDays: Uint16Array;
  /** Category purchases in the year before the game. */
  declare frequency: Uint16Array;
  /** Mean spend per category purchase before the game, currency. */
  get monetary(): Float32Array {
    if (this.pending !== null) this.drawPending();
    return this.monetaryColumn;
  }
  // Latent
  /** Coefficient on price / reference price in utility. */
  declare priceSensitivity: Float32Array;
  /** Value orientation, dimension-major: functional at [i], emotional at [count + i], social at [2·count + i]; each consumer's three sum to 1. */
  declare valueOrientation: Float32Array;
  declare idealX: Float32Array;
  declare idealY: Float32Array;
  /** Response multiplier per channel, channel-major. */
  declare responsiveness: Float32Array;
  /** Loyalty to the brand last bought, 0..1. */
  declare loyalty: Float32Array;
  /**
   * The consumer's consent draw hash4(seed, 0, index, Purpose.consent): the consumer has consented to personalised
   * marketing at consent rate r when consent / 2^32 < r (`hasConsented`), so raising the rate only adds
   * consenters. Drawn once here rather than in every round that needs it.
   */
  declare consent: Uint32Array;
  /**
   * Purchase propensity relative to the archetype (utility units, subtracted from the outside option's utility):
   * `frequencyPropensity·(log1p(frequency) − log1p(mean frequency)) − recencyPropensity·(log1p(recency/30) −
   * log1p(mean recency/30))`, so heavy and recent buyers buy more often — what makes RFM worth segmenting on.
   */
  declare propensity: Float32Array;
  // The columns drawn on first use, and what drawing them needs (null once they are drawn).
  declare private femaleColumn: Uint8Array;
  declare private cityTierColumn: Uint8Array;
  declare private incomeColumn: Float32Array;
  declare private monetaryColumn: Float32Array;
  declare private pending: PendingDraws | null;

  constructor(start: number, n: number, C: number, pending: PendingDraws) {
    this.start = start;
    this.count = n;
    this.channelCount = C;
    this.archetype = new Uint8Array(n);
    this.age = new Uint8Array(n);
    this.femaleColumn = new Uint8Array(n);
    this.cityTierColumn = new Uint8Array(n);
    this.incomeColumn = new Float32Array(n);
    this.habits = new Uint8Array(n * C);
    this.recencyDays = new Uint16Array(n);
    this.frequency = new Uint16Array(n);
    this.monetaryColumn = new Float32Array(n);
    this.priceSensitivity = new Float32Array(n);
    this.valueOrientation = new Float32Array(3 * n);
    this.idealX = new Float32Array(n);
    this.idealY = new Float32Array(n);
    this.responsiveness = new Float32Array(n * C);
    this.loyalty = new Float32Array(n);
    this.consent = new Uint32Array(n);
    this.propensity = new Float32Array(n);
    this.pending = pending;
  }

  /** Bytes held by the slice's columns (drawn or not: all are allocated with the slice). */
  byteLength(): number {
    let bytes = 0;
    for (const column of [
      this.archetype,
      this.age,
      this.femaleColumn,
      this.cityTierColumn,
      this.incomeColumn,
      this.habits,
      this.recencyDays,
      this.frequency,
      this.monetaryColumn,
      this.priceSensitivity,
      this.valueOrientation,
      this.idealX,
      this.idealY,
      this.responsiveness,
      this.loyalty,
      this.consent,
      this.propensity,
    ])
      bytes += column.byteLength;
    return bytes;
  }

  private drawPending(): void {
    const pending = this.pending as PendingDraws;
    this.pending = null;
    drawObservables(
      pending,
      this.archetype,
      this.start,
      this.femaleColumn,
      this.cityTierColumn,
      this.incomeColumn,
      this.monetaryColumn,
    );
  }
}

/** What drawing a slice's observable columns on first use needs: the archetype table and the population stream. */
class PendingDraws {
  declare table: ArchetypeTable;
  declare populationKey: number;

  constructor(table: ArchetypeTable, populationKey: number) {
    this.table = table;
    this.populationKey = populationKey;
  }
}

/** Bytes per consumer of a population with `channelCount` channels. */
export function populationBytesPerConsumer(channelCount: number): number {
  return 52 + 5 * channelCount;
}

/** Default clamps where a scenario's `ClampedNormal` gives none. */
const AGE_RANGE = { min: 16, max: 90 };

/** Everything per archetype that generation needs, resolved once from the scenario into flat typed arrays. */
class ArchetypeTable {
  declare count: number;
  declare cumulativeShare: Float64Array;
  declare ageMean: Float64Array;
  declare ageSd: Float64Array;
  declare ageMin: Float64Array;
  declare ageMax: Float64Array;
  declare female: Float64Array;
  /** Cumulative city-tier weights, [a * 4 + t]. */
  declare tierCumulative: Float64Array;
  declare incomeMedian: Float64Array;
  declare incomeSigma: Float64Array;
  /** Habit and responsiveness means, [a * C + c]. */
  declare habit: Float64Array;
  declare responsiveness: Float64Array;
  declare recencyMean: Float64Array;
  declare frequencyMean: Float64Array;
  /** The Poisson CDF of each archetype's frequency mean. */
  declare poissonCdf: Float64Array[];
  declare logMeanFrequency: Float64Array;
  declare logMeanRecency: Float64Array;
  declare monetaryMean: Float64Array;
  declare psMean: Float64Array;
  declare psSd: Float64Array;
  declare psMin: Float64Array;
  declare psMax: Float64Array;
  /** Value orientation means, [a * 3 + dimension], and the sd scale 1/(concentration + 1). */
  declare valueMean: Float64Array;
  declare valueSpread: Float64Array;
  declare idealX: Float64Array;
  declare idealY: Float64Array;
  declare idealSd: Float64Array;
  declare loyaltyMean: Float64Array;
  declare loyaltySd: Float64Array;
  declare loyaltyMin: Float64Array;
  declare loyaltyMax: Float64Array;

  constructor(A: number, C: number) {
    this.count = A;
    this.cumulativeShare = new Float64Array(A);
    this.ageMean = new Float64Array(A);
    this.ageSd = new Float64Array(A);
    this.ageMin = new Float64Array(A);
    this.ageMax = new Float64Array(A);
    this.female = new Float64Array(A);
    this.tierCumulative = new Float64Array(A * 4);
    this.incomeMedian = new Float64Array(A);
    this.incomeSigma = new Float64Array(A);
    this.habit = new Float64Array(A * C);
    this.responsiveness = new Float64Array(A * C);
    this.recencyMean = new Float64Array(A);
    this.frequencyMean = new Float64Array(A);
    this.poissonCdf = [];
    this.logMeanFrequency = new Float64Array(A);
    this.logMeanRecency = new Float64Array(A);
    this.monetaryMean = new Float64Array(A);
    this.psMean = new Float64Array(A);
    this.psSd = new Float64Array(A);
    this.psMin = new Float64Array(A);
    this.psMax = new Float64Array(A);
    this.valueMean = new Float64Array(A * 3);
    this.valueSpread = new Float64Array(A);
    this.idealX = new Float64Array(A);
    this.idealY = new Float64Array(A);
    this.idealSd = new Float64Array(A);
    this.loyaltyMean = new Float64Array(A);
    this.loyaltySd = new Float64Array(A);
    this.loyaltyMin = new Float64Array(A);
    this.loyaltyMax = new Float64Array(A);
  }
}

function archetypeTable(scenario: Scenario): ArchetypeTable {
  const specs = scenario.population.archetypes;
  const channels = scenario.channels;
  const A = specs.length;
  const C = channels.length;
  if (A < 1 || A > 255) throw new RangeError(`population: ${A} archetypes; 1 to 255 are supported`);
  if (C > MAX_CHANNELS)
    throw new RangeError(`population: ${C} channels; at most ${MAX_CHANNELS} are supported`);
  const t: ArchetypeTable = new ArchetypeTable(A, C);
  let total = 0;
  for (let a = 0; a < A; a++) total += Math.max(0, specs[a].share);
  if (!(total > 0)) throw new RangeError('population: the archetypes’ shares sum to 0');
  let running = 0;
  for (let a = 0; a < A; a++) {
    const s = specs[a];
    running += Math.max(0, s.share) / total;
    t.cumulativeShare[a] = running;
    t.ageMean[a] = s.age.mean;
    t.ageSd[a] = s.age.sd;
    t.ageMin[a] = s.age.min ?? AGE_RANGE.min;
    t.ageMax[a] = s.age.max ?? AGE_RANGE.max;
    t.female[a] = s.female;
    let tierTotal = 0;
    for (let k = 0; k < 4; k++) tierTotal += Math.max(0, s.cityTier[k]);
    let tierRunning = 0;
    for (let k = 0; k < 4; k++) {
      tierRunning += tierTotal > 0 ? Math.max(0, s.cityTier[k]) / tierTotal : 0.25;
      t.tierCumulative[a * 4 + k] = tierRunning;
    }
    t.tierCumulative[a * 4 + 3] = 1;
    t.incomeMedian[a] = s.income.median;
    t.incomeSigma[a] = s.income.sigma;
    for (let c = 0; c < C; c++) {
      const id = channels[c].id;
      const h = Object.hasOwn(s.channelHabits, id) ? s.channelHabits[id] : 0;
      t.habit[a * C + c] = h < 0 ? 0 : h > 1 ? 1 : h;
      const r = Object.hasOwn(s.channelResponsiveness, id) ? s.channelResponsiveness[id] : 1;
      t.responsiveness[a * C + c] = r < 0 ? 0 : r;
    }
    t.recencyMean[a] = s.purchase.recencyDays;
    t.frequencyMean[a] = s.purchase.frequency;
    t.poissonCdf.push(poissonCdf(s.purchase.frequency, exp(-s.purchase.frequency)));
    t.logMeanFrequency[a] = log1p(s.purchase.frequency);
    t.logMeanRecency[a] = log1p(s.purchase.recencyDays / 30);
    t.monetaryMean[a] = s.purchase.monetary;
    t.psMean[a] = s.priceSensitivity.mean;
    t.psSd[a] = s.priceSensitivity.sd;
    t.psMin[a] = s.priceSensitivity.min ?? 0;
    t.psMax[a] = s.priceSensitivity.max ?? Infinity;
    t.valueMean[a * 3] = s.valueOrientation.functional;
    t.valueMean[a * 3 + 1] = s.valueOrientation.emotional;
    t.valueMean[a * 3 + 2] = s.valueOrientation.social;
    t.valueSpread[a] = 1 / (Math.max(0, s.valueOrientation.concentration) + 1);
    t.idealX[a] = s.idealPoint.x;
    t.idealY[a] = s.idealPoint.y;
    t.idealSd[a] = s.idealPoint.sd;
    t.loyaltyMean[a] = s.loyalty.mean;
    t.loyaltySd[a] = s.loyalty.sd;
    t.loyaltyMin[a] = s.loyalty.min ?? 0;
    t.loyaltyMax[a] = s.loyalty.max ?? 1;
  }
  t.cumulativeShare[A - 1] = 1;
  return t;
}

/**
 * The Poisson(λ) CDF at k = 0, 1, … until it reaches 1 − 1e-12 (or 1000 terms), by the recurrence
 * p_k = p_{k−1}·λ/k from p_0 = e^−λ — built once per archetype so that each draw is a scan, not a division per
 * step. Empty above λ = 60, where the normal approximation is used.
 */
function poissonCdf(lambda: number, zeroProbability: number): Float64Array {
  if (!(lambda > 0) || lambda > 60) return new Float64Array(0);
  const values: number[] = [];
  let p = zeroProbability;
  let cdf = p;
  values.push(cdf);
  for (let k = 1; k < 1000 && cdf < 1 - 1e-12; k++) {
    p *= lambda / k;
    cdf += p;
    values.push(cdf);
  }
  return Float64Array.from(values);
}

/**
 * Poisson(λ) by inversion of its CDF at u: the smallest k with u ≤ CDF(k). Above λ = 60 the normal
 * approximation round(λ + √λ·z) is used. Capped at 65 535.
 */
function poisson(lambda: number, cdf: Float64Array, u: number, z: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) {
    const v = roundHalfUp(lambda + Math.sqrt(lambda) * z);
    return v < 0 ? 0 : v > 65535 ? 65535 : v;
  }
  let k = 0;
  const last = cdf.length - 1;
  while (k < last && u > cdf[k]) k++;
  return k;
}

/** log1p(k) and log1p(k / 30) for the integer frequencies and recencies most consumers have (the same values, looked up). */
const enum Log1pTable {
  size = 1024,
}
const LOG1P_FREQUENCY = Float64Array.from({ length: Log1pTable.size }, (_, k) => log1p(k));
const LOG1P_RECENCY = Float64Array.from({ length: Log1pTable.size }, (_, k) => log1p(k / 30));

/**
 * Runs `log` once through each of its branches for |f| < 2^−20 (1 + f the argument's mantissa) while this module
 * loads, after enough ordinary calls for V8 to keep type feedback: the recency draw meets that branch about once in
 * 500,000 consumers, and a branch first reached in compiled code throws the compiled `log` away (--trace-deopt:
 * insufficient type feedback for compare operation). The results are not used.
 */
function primeLog(): void {
  for (let k = 1; k <= 64; k++) log(k / 64);
  log(1 + 2 ** -30); // k = 0, f ≠ 0
  log(2 + 2 ** -29); // k = 1, f ≠ 0
  log(2); // k = 1, f = 0
}
primeLog();

/**
 * Generation works through the population in blocks of this many consumers (scratch stays in cache). Short calls
 * also let a first game compile each draw function whole instead of on stack replacement mid-block (1,024 cost a
 * first 50,000-consumer market about 4 ms more).
 */
const enum Generation {
  block = 256,
}

/**
 * Draws consumers `start` … `end − 1` of the scenario's population under `seed`.
 *
 * Each consumer's draws come from its own stream for (seed, round 0, Purpose.population) (stream.ts),
 * draw k being the `Purpose` of the attribute; z is a standard normal, u a uniform. Per consumer:
 * - archetype ∝ `share`; age, price sensitivity and loyalty ~ the archetype's clamped normals (age default
 *   clamp 16–90, price sensitivity ≥ 0, loyalty 0–1);
 * - female ~ Bernoulli(`female`); city tier ∝ `cityTier` weights;
 * - income = median·exp(σ·z) (log-normal);
 * - habit_c = clamp(h_c·(1 + 0.35·v), 0, 1); responsiveness_c = r_c·(1 + 0.25·v), v uniform with mean 0 and sd 1
 *   (on [−√3, √3]; cheaper than a normal, and the responsiveness stays positive);
 * - recency ~ Exponential(mean) = −mean·ln u; frequency ~ Poisson(mean); monetary = mean·exp(0.4·z − 0.08)
 *   (log-normal with that mean);
 * - value orientation: each dimension m_k + z_k·√(m_k(1 − m_k)/(concentration + 1)) floored at 0, then scaled
 *   to sum to 1 (a normal approximation of a Dirichlet with those means and concentration);
 * - ideal point = (x + sd·z₁, y + sd·z₂) clamped to the map [0, 10]².
 * Gender, city tier, income and monetary are drawn when first read (`drawObservables`), the rest here.
 * The work runs over blocks of consumers, a few attributes per function: small functions that JavaScript engines
 * optimise quickly, so a first game starts fast. A block's standard normals are drawn first, all in one loop
 * (`drawNormals`), and the attribute loops read them from scratch. Attributes drawn by the same function share
 * one loop (one read of the archetype, one loop to compile).
 */
export function generatePopulation(
  scenario: Scenario,
  coefficients: ModelCoefficients,
  seed: number,
  start: number,
  end: number,
): Population {
  const t = archetypeTable(scenario);
  const C = scenario.channels.length;
  const n = end - start;
  if (!(Number.isInteger(start) && Number.isInteger(end) && n >= 0))
    throw new RangeError(`generatePopulation: bad slice ${start}…${end}`);
  const populationKey = roundKey(seed, 0, Purpose.population);
  const pop: Population = new Population(start, n, C, new PendingDraws(t, populationKey));
  const keys = new Int32Array(Generation.block);
  const normals = new Float64Array(NORMAL_PURPOSES.length * Generation.block);
  // hash4(seed, 0, start + i, Purpose.consent), its (seed, round) half worked out once.
  const consentPrefix = hash4Prefix(seed, 0);
  // Nothing follows the loop over blocks: a long slice (500,000 consumers) has that loop compiled on stack
  // replacement, and a call after it would be reached in compiled code with no type feedback, which throws the code
  // away (--trace-deopt: insufficient type feedback for call).
  for (let b0 = 0; b0 < n; b0 += Generation.block) {
    const b1 = Math.min(n, b0 + Generation.block);
    drawConsent(pop, consentPrefix, b0, b1);
    drawKeys(keys, populationKey, start + b0, b1 - b0);
    drawNormals(keys, b1 - b0, normals);
    drawArchetypes(pop, t, keys, b0, b1);
    drawAges(pop, t, normals, b0, b1);
    for (let c = 0; c < C; c++) drawChannel(pop, t, keys, b0, b1, c);
    drawPurchases(pop, t, keys, b0, b1, coefficients);
    drawValues(pop, t, normals, b0, b1);
    drawPositions(pop, t, normals, b0, b1);
  }
  return pop;
}

/**
 * The draws of the population stream that are standard normals, in the order of their rows in the block's
 * `normals` scratch (row q holds draw NORMAL_PURPOSES[q] of every consumer of the block).
 */
const NORMAL_PURPOSES = Int32Array.of(
  Purpose.age,
  Purpose.priceSensitivity,
  Purpose.valueFunctional,
  Purpose.valueEmotional,
  Purpose.valueSocial,
  Purpose.idealX,
  Purpose.idealY,
  Purpose.loyalty,
);
/** Where each normal's row starts in the block's `normals` scratch (a const enum: written in as literals). */
const enum Row {
  age = 0 * Generation.block,
  priceSensitivity = 1 * Generation.block,
  functional = 2 * Generation.block,
  emotional = 3 * Generation.block,
  social = 4 * Generation.block,
  idealX = 5 * Generation.block,
  idealY = 6 * Generation.block,
  loyalty = 7 * Generation.block,
}

/**
 * Every standard normal the block's consumers need, draw by draw, into `normals` (see NORMAL_PURPOSES).
 * One loop holds the only inlined copy of the inverse normal CDF. With a copy in each attribute's loop (ten in
 * all), a first game spent most of its generation time waiting in slower code for those loops to be compiled.
 */
function drawNormals(keys: Int32Array, count: number, normals: Float64Array): void {
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let q = 0; q < NORMAL_PURPOSES.length; q++) {
      const purpose = NORMAL_PURPOSES[q];
      const row = q * Generation.block;
      for (let j = 0; j < count; j++) normals[row + j] = streamNormal(keys[j], purpose);
    }
    break;
  }
}

/**
 * The block's consumer keys, stored as signed 32-bit integers: a stream draw adds a multiple of the golden ratio to
 * the key and keeps the low 32 bits (`| 0`, stream.ts), which gives the same bits for the key and for the key
 * − 2^32, and read from an Int32Array the JIT does that sum in integer arithmetic rather than in doubles converted
 * back. Three generations of 200,000: ~57 million instructions fewer (valgrind). (The round's `stream` keys stay
 * in a Float64Array: as integers there, exposurePass compiled to more instructions than it saved.)
 *
 * A loop of its own, so that the loop over blocks in `generatePopulation` does little work per block: with this
 * loop inline, that one long call ran hot enough to be compiled on stack replacement, every attribute's loop
 * inlined into it — a large compile serving the rest of one call.
 */
function drawKeys(keys: Int32Array, populationKey: number, first: number, count: number): void {
  for (let j = 0; j < count; j++) keys[j] = consumerKey(populationKey, first + j);
}

/** The block's consent draws, hash4(seed, 0, start + i, Purpose.consent), from their (seed, round) half `prefix`. */
function drawConsent(pop: Population, prefix: number, b0: number, b1: number): void {
  const consent = pop.consent;
  const start = pop.start;
  const purpose = Purpose.consent;
  for (let i = b0; i < b1; i++) consent[i] = hash4Rest(prefix, start + i, purpose);
}

function drawArchetypes(pop: Population, t: ArchetypeTable, keys: Int32Array, b0: number, b1: number): void {
  const pArchetype = pop.archetype;
  const tCumulativeShare = t.cumulativeShare;
  const A = t.count;
  const draw = Purpose.archetype;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = b0; i < b1; i++) {
      const u = streamUniform(keys[i - b0], draw);
      let a = 0;
      while (a < A - 1 && u >= tCumulativeShare[a]) a++;
      pArchetype[i] = a;
    }
    break;
  }
}

function drawAges(pop: Population, t: ArchetypeTable, normals: Float64Array, b0: number, b1: number): void {
  const pAge = pop.age;
  const pArchetype = pop.archetype;
  const tAgeMax = t.ageMax;
  const tAgeMean = t.ageMean;
  const tAgeMin = t.ageMin;
  const tAgeSd = t.ageSd;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = b0; i < b1; i++) {
      const a = pArchetype[i];
      const age = tAgeMean[a] + tAgeSd[a] * normals[Row.age + i - b0];
      // Both bounds read for every consumer: a load first reached in optimised code (the rare consumer beyond a
      // bound) has no type feedback and throws the compiled loop away.
      const lo = tAgeMin[a];
      const hi = tAgeMax[a];
      pAge[i] = roundHalfUp(age < lo ? lo : age > hi ? hi : age);
    }
    break;
  }
}

/**
 * Draws a slice's gender, city tier, income and spend per purchase (the columns `Population` draws on first use)
 * from the same population stream and with the same arithmetic as the other attributes, block by block.
 */
function drawObservables(
  pending: PendingDraws,
  archetype: Uint8Array,
  start: number,
  female: Uint8Array,
  cityTier: Uint8Array,
  income: Float32Array,
  monetary: Float32Array,
): void {
  const t = pending.table;
  const n = archetype.length;
  const keys = new Int32Array(Generation.block);
  for (let b0 = 0; b0 < n; b0 += Generation.block) {
    const b1 = Math.min(n, b0 + Generation.block);
    drawKeys(keys, pending.populationKey, start + b0, b1 - b0);
    for (let i = b0; i < b1; i++) {
      const a = archetype[i];
      const key = keys[i - b0];
      female[i] = streamUniform(key, Purpose.female) < t.female[a] ? 1 : 0;
      const u = streamUniform(key, Purpose.cityTier);
      let k = 0;
      while (k < 3 && u >= t.tierCumulative[a * 4 + k]) k++;
      cityTier[i] = k + 1;
      income[i] = t.incomeMedian[a] * fastExp(t.incomeSigma[a] * streamNormal(key, Purpose.income));
      monetary[i] = t.monetaryMean[a] * fastExp(0.4 * streamNormal(key, Purpose.monetary) - 0.08);
    }
  }
}

/** √3: a uniform on [−√3, √3] has sd 1. */
const SQRT3 = 1.7320508075688772;

function drawChannel(
  pop: Population,
  t: ArchetypeTable,
  keys: Int32Array,
  b0: number,
  b1: number,
  c: number,
): void {
  const n = pop.count;
  const C = pop.channelCount;
  const archetype = pop.archetype;
  const habits = pop.habits;
  const responsiveness = pop.responsiveness;
  const habitOf = t.habit;
  const responsivenessOf = t.responsiveness;
  const habitDraw = Purpose.habit + c;
  const responsivenessDraw = Purpose.responsiveness + c;
  // Worked out once, here: the loop would read SQRT3 from the module's context, with a check, on every use.
  const habitSpread = 0.35 * SQRT3;
  const responsivenessSpread = 0.25 * SQRT3;
  const column = Math.imul(c, n);
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = b0; i < b1; i++) {
      const key = keys[i - b0];
      const a = archetype[i];
      const ac = (Math.imul(a, C) + c) | 0;
      const h = habitOf[ac];
      let v = h > 0 ? h * (1 + habitSpread * (2 * streamUniform(key, habitDraw) - 1)) : 0;
      v = v < 0 ? 0 : v > 1 ? 1 : v;
      habits[(column + i) | 0] = roundHalfUp(v * 255);
      responsiveness[(column + i) | 0] =
        responsivenessOf[ac] * (1 + responsivenessSpread * (2 * streamUniform(key, responsivenessDraw) - 1));
    }
    break;
  }
}

function drawPurchases(
  pop: Population,
  t: ArchetypeTable,
  keys: Int32Array,
  b0: number,
  b1: number,
  coefficients: ModelCoefficients,
): void {
  const pArchetype = pop.archetype;
  const pFrequency = pop.frequency;
  const pPropensity = pop.propensity;
  const pRecencyDays = pop.recencyDays;
  const tFrequencyMean = t.frequencyMean;
  const tLogMeanFrequency = t.logMeanFrequency;
  const tLogMeanRecency = t.logMeanRecency;
  const tPoissonCdf = t.poissonCdf;
  const tRecencyMean = t.recencyMean;
  // Module-level values as locals: compiled code reads a module's const from its context, checked, on every use.
  const recencyDraw = Purpose.recency;
  const frequencyDraw = Purpose.frequency;
  const frequencyNormalDraw = Purpose.frequencyNormal;
  const log1pFrequency = LOG1P_FREQUENCY;
  const log1pRecency = LOG1P_RECENCY;
  const fp = coefficients.frequencyPropensity;
  const rp = coefficients.recencyPropensity;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = b0; i < b1; i++) {
      const a = pArchetype[i];
      const key = keys[i - b0];
      const recency = -tRecencyMean[a] * log(streamUniformOpen(key, recencyDraw));
      pRecencyDays[i] = recency > 65535 ? 65535 : roundHalfUp(recency);
      const lambda = tFrequencyMean[a];
      const z = lambda > 60 ? streamNormal(key, frequencyNormalDraw) : 0;
      pFrequency[i] = poisson(lambda, tPoissonCdf[a], streamUniformOpen(key, frequencyDraw), z);
      // The propensity from the stored (whole) numbers of days and purchases.
      const f = pFrequency[i];
      const r = pRecencyDays[i];
      // The block's first consumer always takes log1p, which gives the number in the table (made with the same
      // log1p of the same argument): a call first reached in compiled code — a recency past the table, one consumer
      // in thousands — throws the compiled function away, and a worker with 500,000 consumers met one every time.
      const first = i === b0;
      // `+log1p` (the same number) tells V8 that the call gives a number, so the two sides meet unboxed: without
      // it, every table value was boxed in a fresh heap number (see `streamNormal`).
      const logFrequency = f < Log1pTable.size && !first ? log1pFrequency[f] : +log1p(f);
      // r / 30 worked out for every consumer, not only past the table: a division first met with a whole result
      // is compiled as an integer division, and the next fractional one would throw the compiled loop away.
      const months = r / 30;
      const logRecency = r < Log1pTable.size && !first ? log1pRecency[r] : +log1p(months);
      pPropensity[i] = fp * (logFrequency - tLogMeanFrequency[a]) - rp * (logRecency - tLogMeanRecency[a]);
    }
    break;
  }
}

function drawValues(pop: Population, t: ArchetypeTable, normals: Float64Array, b0: number, b1: number): void {
  const pArchetype = pop.archetype;
  const pValueOrientation = pop.valueOrientation;
  const tValueMean = t.valueMean;
  const tValueSpread = t.valueSpread;
  const n = pop.count;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = b0; i < b1; i++) {
      const a = pArchetype[i];
      const j = i - b0;
      const spread = tValueSpread[a];
      const mf = tValueMean[a * 3];
      const me = tValueMean[a * 3 + 1];
      const ms = tValueMean[a * 3 + 2];
      let vf = mf + normals[Row.functional + j] * Math.sqrt(mf * (1 - mf) * spread);
      let ve = me + normals[Row.emotional + j] * Math.sqrt(me * (1 - me) * spread);
      let vs = ms + normals[Row.social + j] * Math.sqrt(ms * (1 - ms) * spread);
      vf = vf > 0 ? vf : 0;
      ve = ve > 0 ? ve : 0;
      vs = vs > 0 ? vs : 0;
      let sum = vf + ve + vs;
      if (!(sum > 0)) {
        vf = mf;
        ve = me;
        vs = ms;
        sum = mf + me + ms > 0 ? mf + me + ms : 1;
      }
      pValueOrientation[i] = vf / sum;
      pValueOrientation[n + i] = ve / sum;
      pValueOrientation[2 * n + i] = vs / sum;
    }
    break;
  }
}

function drawPositions(
  pop: Population,
  t: ArchetypeTable,
  normals: Float64Array,
  b0: number,
  b1: number,
): void {
  const pArchetype = pop.archetype;
  const pIdealX = pop.idealX;
  const pIdealY = pop.idealY;
  const pLoyalty = pop.loyalty;
  const pPriceSensitivity = pop.priceSensitivity;
  const tIdealSd = t.idealSd;
  const tIdealX = t.idealX;
  const tIdealY = t.idealY;
  const tLoyaltyMax = t.loyaltyMax;
  const tLoyaltyMean = t.loyaltyMean;
  const tLoyaltyMin = t.loyaltyMin;
  const tLoyaltySd = t.loyaltySd;
  const tPsMax = t.psMax;
  const tPsMean = t.psMean;
  const tPsMin = t.psMin;
  const tPsSd = t.psSd;
  // In a loop that runs once: no second compile by on-stack replacement (“Loops that run once”, round.ts).
  for (;;) {
    for (let i = b0; i < b1; i++) {
      const a = pArchetype[i];
      const j = i - b0;
      const ps = tPsMean[a] + tPsSd[a] * normals[Row.priceSensitivity + j];
      const psLo = tPsMin[a];
      const psHi = tPsMax[a];
      pPriceSensitivity[i] = ps < psLo ? psLo : ps > psHi ? psHi : ps;
      const ix = tIdealX[a] + tIdealSd[a] * normals[Row.idealX + j];
      const iy = tIdealY[a] + tIdealSd[a] * normals[Row.idealY + j];
      pIdealX[i] = ix < 0 ? 0 : ix > 10 ? 10 : ix;
      pIdealY[i] = iy < 0 ? 0 : iy > 10 ? 10 : iy;
      const l = tLoyaltyMean[a] + tLoyaltySd[a] * normals[Row.loyalty + j];
      const lo = tLoyaltyMin[a];
      const hi = tLoyaltyMax[a];
      pLoyalty[i] = l < lo ? lo : l > hi ? hi : l;
    }
    break;
  }
}

/**
 * Whether consumer `index` has consented to personalised marketing at consent rate `rate`: u < rate with u a
 * fixed per-consumer draw, so raising the rate only adds consenters.
 */
export function hasConsented(seed: number, index: number, rate: number): boolean {
  return hashUniform(seed, 0, index, Purpose.consent) < rate;
}

/**
 * The values of one observable variable for every consumer of the slice, as numbers (a fresh Float64Array).
 * `habit:<channelId>` gives the habit 0..1.
 */
export function observableColumn(
  pop: Population,
  variable: ObservableVariable,
  channelIds: readonly string[],
): Float64Array {
  const n = pop.count;
  const out = new Float64Array(n);
  const source = observableSource(pop, variable, channelIds);
  for (let i = 0; i < n; i++) out[i] = source.array[source.offset + i] * source.scale;
  return out;
}

/** Where a variable's values live: `array[offset + i] · scale` is consumer i's value. */
export interface ColumnSource {
  array: ArrayLike<number>;
  offset: number;
  scale: number;
}

export function observableSource(
  pop: Population,
  variable: ObservableVariable,
  channelIds: readonly string[],
): ColumnSource {
  switch (variable) {
    case 'age':
      return { array: pop.age, offset: 0, scale: 1 };
    case 'female':
      return { array: pop.female, offset: 0, scale: 1 };
    case 'cityTier':
      return { array: pop.cityTier, offset: 0, scale: 1 };
    case 'income':
      return { array: pop.income, offset: 0, scale: 1 };
    case 'recencyDays':
      return { array: pop.recencyDays, offset: 0, scale: 1 };
    case 'frequency':
      return { array: pop.frequency, offset: 0, scale: 1 };
    case 'monetary':
      return { array: pop.monetary, offset: 0, scale: 1 };
    default: {
      if (typeof variable === 'string' && variable.startsWith('habit:')) {
        const c = channelIds.indexOf(variable.slice(6));
        if (c >= 0) return { array: pop.habits, offset: c * pop.count, scale: 1 / 255 };
      }
      throw new RangeError(`unknown observable variable "${String(variable)}"`);
    }
  }
}

/** Whether `variable` names an observable variable of a scenario with these channel ids. */
export function isObservableVariable(
  variable: unknown,
  channelIds: readonly string[],
): variable is ObservableVariable {
  if (typeof variable !== 'string') return false;
  if (variable.startsWith('habit:')) return channelIds.includes(variable.slice(6));
  return OBSERVABLE_BASE.includes(variable);
}

const OBSERVABLE_BASE: readonly string[] = [
  'age',
  'female',
  'cityTier',
  'income',
  'recencyDays',
  'frequency',
  'monetary',
];

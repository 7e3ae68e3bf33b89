/**
 * The engine's public API. Scenario files and outside checks call these names; keep them stable.
 * Each module adds its own `export … from` lines here (one block per area).
 */
export * from './types';
export * from './math';
export { createRng, hashUniform, hashUniformOpen, hashNormal, hash4, mix32, normalQuantile } from './rng';
export type { Rng } from './rng';

// Market response: carry-over and saturation conventions of pymc-marketing, Meridian, Robyn, lightweight_mmm.
export {
  geometricAdstock,
  delayedAdstock,
  weibullAdstock,
  meridianAdstock,
  meridianDecayWeights,
  recursiveAdstock,
  carryover,
  robynWeibullAdstock,
  roundHalfEven,
} from './response/adstock';
export {
  hill,
  robynHill,
  logisticSaturation,
  sigmoidSaturation,
  michaelisMenten,
  tanhSaturation,
} from './response/saturation';
export {
  ADSTOCK_TYPES,
  SATURATION_TYPES,
  adstockFunction,
  saturationFunction,
  applyAdstock,
  applySaturation,
  saturationCurve,
} from './response/registry';

// Choice, diffusion, customer value, segmentation.
export { logitShares, logitElasticities } from './choice/logit';
export { idealPointShares } from './choice/ideal-point';
export type { IdealPointOptions, IdealPointResult } from './choice/ideal-point';
export { bassCumulative, bassDensity, bassPeak, bassDiscrete } from './customers/bass';
export type { BassCoefficients } from './customers/bass';
export { clv } from './customers/clv';
export type { ClvOptions } from './customers/clv';
export { rfmScoreColumns, rfmScores } from './customers/rfm';
export type { RfmCustomer, RfmScore } from './customers/rfm';
export { kmeans } from './segment/kmeans';
export type { FlatPoints, KmeansInit, KmeansIteration, KmeansOptions, KmeansResult } from './segment/kmeans';
export { standardize, fitStandardization, applyStandardization, nearestCenter } from './segment/standardize';
export type { Standardization } from './segment/standardize';

// The market simulation (src/engine/market/): population, rounds, competitors, events, research, replay.
export {
  createMarket,
  simulateRound,
  validateDecision,
  runStudy,
  incrementalEffects,
  marketSegmentAssignments,
  segmentArchetypeCounts,
  segmentProfile,
  populationSample,
  bytesPerConsumer,
  chunkBounds,
  splitForWorkers,
  withPopulationSize,
} from './market/market';
export type { Market, CreateMarketOptions, SegmentProfile } from './market/market';
export { replay } from './market/replay';
export { MarketCoordinator, localPort, endpointPort, serveHostMessage } from './market/coordinator';
export type { HostPort, MessageEndpoint, HostMessage } from './market/coordinator';
export { createChunkHost } from './market/chunk-host';
export type { ChunkHost, HostRequest, HostReply } from './market/chunk-host';
export type { ReplayResult } from './market/replay';
export { DecisionError, decisionIssues, studyIssues } from './market/validate';
export {
  assignSegments,
  segmentCount,
  segmentationKey,
  segmentationVariables,
  MAX_SEGMENTS,
} from './market/segments';
export {
  generatePopulation,
  populationBytesPerConsumer,
  observableColumn,
  isObservableVariable,
} from './market/population';
export type { Population } from './market/population';
export { DEFAULT_MODEL_COEFFICIENTS, resolveCoefficients } from './market/coefficients';
export { hashReport, KPI_FIELDS } from './market/report';
export { BLOCK_SIZE } from './market/round';
export type { ConsumerState, Chunk, RoundPlan } from './market/round';
export type { MarketCore } from './market/core';

// Scoring (src/engine/score/): the balanced scorecard, the benchmark strategies and 0–100 scale, solvability.
export {
  scorecard,
  normalizedWeights,
  cacTarget,
  contributionTarget,
  SCORE_COMPONENTS,
  SCORE_FAMILIES,
  DEFAULT_SCORE_TARGETS,
  CLV_TO_CAC_FULL,
} from './score/scorecard';
export type {
  Scorecard,
  ScoreComponent,
  ScoreComponentId,
  ScoreFamily,
  ScoreFamilyResult,
  ScoreParam,
  ScoreUnit,
  ScoreVerdict,
  ScoreExplanationKey,
} from './score/scorecard';
export {
  benchmarks,
  computeBenchmarks,
  benchmarkCacheKey,
  clearBenchmarkCache,
  scenarioFingerprint,
  normalizeScore,
  scoreAnchors,
  scoreGame,
  evenSpreadDecision,
  planDecision,
  EVEN_SPREAD_POINTS,
  SEARCHED_POINTS,
  BENCHMARK_VERSION,
  DEFAULT_SEARCH_POPULATION,
} from './score/benchmarks';
export type { Benchmarks, BenchmarkResult, BenchmarkOptions, Plan, ScoreAnchors } from './score/benchmarks';
export { solvabilityReport } from './score/solvability';
export type {
  SolvabilityReport,
  SolvabilityOptions,
  SolvabilityWarning,
  ClaimCheck,
  ClaimCondition,
  StrategyOutcome,
  StrategyLabel,
} from './score/solvability';

import type { ObservableVariable, Scenario, Segmentation } from '../types';
import { createCore } from './core';
import { createChunk, sampleChunk, segmentsOfChunk } from './market';
import { studyChunk, type StudyChunkAnswer, type StudyChunkRequest } from './research';
import { simulateChunk, type Chunk, type ConsumerState, type RoundPlan } from './round';
import { assignSegments, countSegmentCells } from './segments';
import type { Population } from './population';

/**
 * The side of the market that holds consumers: one slice of the population and its state after each round
 * played, answering requests from a coordinator (src/engine/market/coordinator.ts). It runs inside a Web
 * Worker (src/engine/worker.ts), a Node worker thread (bench/) or in the same thread (tests, fallback); it
 * knows nothing of where it runs. Messages are plain data (structured-clonable).
 */

export type HostRequest =
  | { op: 'open'; scenario: Scenario; seed: number; start: number; end: number }
  /** Assign consumers to a segmentation (kept by key for the rest of the game) and count (segment, archetype). */
  | { op: 'assign'; key: string; segmentation: Segmentation; segments: number }
  /**
   * Simulate the round after `base` rounds on this slice. `groupKeys[g]` is the key of the core's segmentation
   * group g. With `commit` the new state becomes the state after base + 1 rounds (later rounds are forgotten).
   */
  | { op: 'simulate'; base: number; plan: RoundPlan; groupKeys: string[]; commit: boolean }
  | { op: 'study'; base: number; request: StudyChunkRequest }
  | { op: 'sample'; rate: number; variables: ObservableVariable[] }
  | { op: 'segments-of'; segmentation: Segmentation; ids: number[] }
  | { op: 'close' };

export type HostReply =
  | { op: 'open'; counts: Float64Array; bytes: number }
  | { op: 'assign'; counts: Float64Array }
  | { op: 'simulate'; firstBlock: number; sums: Float64Array }
  | { op: 'study'; answer: StudyChunkAnswer }
  | { op: 'sample'; ids: number[]; columns: number[][]; archetype: number[] }
  | { op: 'segments-of'; pairs: number[] }
  | { op: 'close' };

export interface ChunkHost {
  /**
   * Answers one request. `progress` is called during long requests with the fraction done (0..1).
   */
  handle(request: HostRequest, progress?: (fraction: number) => void): HostReply;
}

export function createChunkHost(): ChunkHost {
  let scenario: Scenario | null = null;
  let population: Population | null = null;
  let channelIds: string[] = [];
  let seed = 0;
  /** State after k rounds at index k. */
  let states: ConsumerState[] = [];
  /** Segment assignments by segmentation key (population-level, so valid in every branch). */
  const assignments = new Map<string, Uint8Array>();

  function chunkAt(base: number, groupKeys: readonly string[]): Chunk {
    if (!population) throw new Error('the market slice is not open');
    const state = states[base];
    if (!state) throw new Error(`no state after ${base} rounds in this slice (it has ${states.length - 1})`);
    const byGroup = groupKeys.map((key) => assignments.get(key));
    return { population, state, assignments: byGroup };
  }

  return {
    handle(request, progress) {
      switch (request.op) {
        case 'open': {
          scenario = request.scenario;
          const core = createCore(scenario, request.seed);
          seed = core.seed;
          const made = createChunk(core, request.start, request.end);
          population = made.chunk.population;
          channelIds = scenario.channels.map((c) => c.id);
          states = [made.chunk.state];
          assignments.clear();
          return { op: 'open', counts: made.counts, bytes: population.byteLength() };
        }
        case 'assign': {
          if (!population || !scenario) throw new Error('the market slice is not open');
          let assignment = assignments.get(request.key);
          if (!assignment) {
            assignment = assignSegments(population, request.segmentation, channelIds);
            assignments.set(request.key, assignment);
          }
          const counts = countSegmentCells(
            population,
            assignment,
            request.segments,
            scenario.population.archetypes.length,
          );
          return { op: 'assign', counts };
        }
        case 'simulate': {
          const chunk = chunkAt(request.base, request.groupKeys);
          const result = simulateChunk(
            chunk,
            request.plan,
            progress ? (done, total) => progress(done / total) : undefined,
          );
          if (request.commit) {
            states = states.slice(0, request.base + 1);
            states.push(result.state);
          }
          return { op: 'simulate', firstBlock: result.firstBlock, sums: result.sums };
        }
        case 'study': {
          const answer = studyChunk(chunkAt(request.base, []), request.request);
          return { op: 'study', answer };
        }
        case 'sample': {
          const out = sampleChunk(chunkAt(0, []), seed, request.rate, request.variables, channelIds);
          return { op: 'sample', ...out };
        }
        case 'segments-of': {
          const pairs = segmentsOfChunk(chunkAt(0, []), request.segmentation, request.ids, channelIds);
          return { op: 'segments-of', pairs };
        }
        case 'close':
          scenario = null;
          population = null;
          states = [];
          assignments.clear();
          return { op: 'close' };
      }
    },
  };
}

import type {
  IncrementalEffect,
  ObservableVariable,
  RoundDecision,
  RoundReport,
  Scenario,
  Segmentation,
  StudyPurchase,
  StudyResult,
} from '../types';
import { createChunkHost, type ChunkHost, type HostReply, type HostRequest } from './chunk-host';
import {
  completeCore,
  createCore,
  mergeChunkSums,
  prepareRound,
  setGroupCounts,
  withSegmentationGroup,
  type MarketCore,
  type PreparedRound,
} from './core';
import {
  computeIncrementalEffects,
  crossTabRows,
  mergeSamples,
  splitForWorkers,
  sumCounts,
  withoutChannel,
} from './market';
import { finishRound } from './report';
import { afterStudy, combineStudy, studyRequest, type StudyChunkAnswer } from './research';
import { segmentCount, segmentationIssues, segmentationKey } from './segments';
import { DecisionError, decisionIssues, studyIssues } from './validate';

/**
 * The market split over several hosts (Web Workers, Node worker threads, or in-thread hosts), driven from one
 * place. The coordinator keeps the small global state (`MarketCore`) per round; each host keeps its slice of
 * consumers and their state after each round. It calls the same pure functions as `simulateRound`, and block
 * sums are added in block order, so the reports are identical, bit for bit, whatever the number of hosts.
 *
 * Its methods match the app's `EngineClient` (src/ui/state/engine-client.ts): rounds are 1-based; re-running a
 * round (or buying a study for it) restarts from the start of that round and forgets what came after; the
 * studies of a round count against its budget. Calls are queued, so they never interleave.
 */

// structuredClone is in every browser, worker and Node ≥ 17, but not in the ES2022 library the engine compiles against.
declare function structuredClone<T>(value: T): T;

/** A host reached by messages. */
export interface HostPort {
  request(request: HostRequest, onProgress?: (fraction: number) => void): Promise<HostReply>;
  close(): void;
}

/** The two ends of a message channel, as seen from the coordinator (a Web Worker or a Node worker thread). */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  /** Registers the handler of messages from the host; `onError` for a crash of the host itself. */
  listen(onMessage: (data: unknown) => void, onError: (error: Error) => void): void;
  terminate(): void;
}

/** What a host sends back: progress, a reply, or an error (with DecisionError issues when it was one). */
export type HostMessage =
  | { id: number; progress: number }
  | { id: number; reply: HostReply }
  | { id: number; error: { name: string; message: string; issues?: DecisionError['issues'] } };

/**
 * Serves one message from a coordinator with `host`, posting progress and the reply through `post`.
 *
 * Replies are copied, never transferred. Transferring a buffer detaches it in the sender, and the first
 * detached buffer makes JavaScript engines drop an assumption every optimised typed-array access relied on
 * ("no ArrayBuffer was ever detached", a V8 protector): every compiled generation and round function is
 * thrown away at that moment and recompiled with detach checks. Measured at a million consumers on two
 * workers, transferring the replies made a whole game 9 % slower; the replies (block sums, counts) are a few
 * hundred kilobytes at most, copied in well under a millisecond.
 */
export function serveHostMessage(host: ChunkHost, data: unknown, post: (message: HostMessage) => void): void {
  const { id, request } = data as { id: number; request: HostRequest };
  try {
    let lastStep = -1;
    const reply = host.handle(request, (fraction) => {
      const step = Math.floor(fraction * 20);
      if (step !== lastStep) {
        lastStep = step;
        post({ id, progress: fraction });
      }
    });
    post({ id, reply });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({
      id,
      error: {
        name: e.name,
        message: e.message,
        issues: error instanceof DecisionError ? error.issues : undefined,
      },
    });
  }
}

function reviveError(error: { name: string; message: string; issues?: DecisionError['issues'] }): Error {
  if (error.issues && error.issues.length > 0) return new DecisionError(error.issues);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

/** A port over a message endpoint: numbered requests, replies matched by number. */
export function endpointPort(endpoint: MessageEndpoint): HostPort {
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (r: HostReply) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }
  >();
  endpoint.listen(
    (data) => {
      const message = data as HostMessage;
      const entry = pending.get(message.id);
      if (!entry) return;
      if ('progress' in message) entry.onProgress?.(message.progress);
      else {
        pending.delete(message.id);
        if ('reply' in message) entry.resolve(message.reply);
        else entry.reject(reviveError(message.error));
      }
    },
    (error) => {
      // The host died: fail everything waiting on it, in request order.
      const ids = Array.from(pending.keys()).sort((a, b) => a - b);
      for (const id of ids) pending.get(id)!.reject(error);
      pending.clear();
    },
  );
  return {
    request(request, onProgress) {
      const id = nextId++;
      return new Promise<HostReply>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        endpoint.postMessage({ id, request });
      });
    },
    close() {
      endpoint.terminate();
    },
  };
}

/**
 * A host in this thread. Messages are structured-cloned both ways (as a worker would), so anything that could
 * not cross to a worker fails here too.
 */
export function localPort(host: ChunkHost = createChunkHost()): HostPort {
  return {
    async request(request, onProgress) {
      let result: { reply: HostReply } | undefined;
      serveHostMessage(host, structuredClone({ id: 0, request }), (message) => {
        const m = structuredClone(message);
        if ('progress' in m) onProgress?.(m.progress);
        else if ('reply' in m) result = { reply: m.reply };
        else throw reviveError(m.error);
      });
      return result!.reply;
    },
    close() {
      host.handle({ op: 'close' });
    },
  };
}

export class MarketCoordinator {
  readonly #ports: HostPort[];
  #slices: [number, number][] = [];
  #queue: Promise<unknown> = Promise.resolve();
  /** The core at the start of round r (before its studies), at index r − 1. */
  #startOfRound: MarketCore[] = [];
  /** The core just before round r was simulated (after its studies), and its decision, at index r − 1. */
  #beforeRound: MarketCore[] = [];
  #decisions: RoundDecision[] = [];
  #current: MarketCore | null = null;

  constructor(ports: HostPort[]) {
    if (ports.length === 0) throw new RangeError('MarketCoordinator needs at least one host');
    this.#ports = ports;
  }

  /** Runs `task` after every earlier call has finished. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Draws the population over the hosts and sets the market before round 1. */
  open(scenario: Scenario, seed: number): Promise<void> {
    return this.#serial(async () => {
      const core0 = createCore(scenario, seed);
      this.#slices = splitForWorkers(core0.size, this.#ports.length);
      const replies = await Promise.all(
        this.#slices.map(([start, end], k) =>
          this.#ports[k].request({ op: 'open', scenario, seed, start, end }),
        ),
      );
      const counts = replies.map((r) => (r as Extract<HostReply, { op: 'open' }>).counts);
      this.#current = completeCore(core0, sumCounts(counts));
      this.#startOfRound = [this.#current];
      this.#beforeRound = [];
      this.#decisions = [];
    });
  }

  /** The core for work on `round`, going back (and forgetting later rounds) when it is an earlier round. */
  #coreFor(round: number): MarketCore {
    if (!this.#current) throw new Error('the engine has no market: call open() first');
    const next = this.#current.round + 1;
    if (round === next) return this.#current;
    const start = this.#startOfRound[round - 1];
    if (!start || round > next)
      throw new Error(`round ${round} cannot be played yet (round ${next} is next)`);
    this.#startOfRound = this.#startOfRound.slice(0, round);
    this.#beforeRound = this.#beforeRound.slice(0, round - 1);
    this.#decisions = this.#decisions.slice(0, round - 1);
    this.#current = start;
    return start;
  }

  /** Makes sure every host has the segmentation assigned; returns the core with its group. */
  async #withGroup(
    core: MarketCore,
    segmentation: Segmentation,
  ): Promise<{ core: MarketCore; groupIndex: number }> {
    const grouped = withSegmentationGroup(core, segmentation);
    if (!grouped.isNew) return grouped;
    const group = grouped.core.groups[grouped.groupIndex];
    const replies = await Promise.all(
      this.#ports.map((p) =>
        p.request({ op: 'assign', key: group.key, segmentation, segments: group.segmentCount }),
      ),
    );
    const counts = sumCounts(replies.map((r) => (r as Extract<HostReply, { op: 'assign' }>).counts));
    return { core: setGroupCounts(grouped.core, grouped.groupIndex, counts), groupIndex: grouped.groupIndex };
  }

  /** Runs a prepared round on every host and adds the block sums in order. */
  async #simulate(
    prepared: PreparedRound,
    core: MarketCore,
    commit: boolean,
    onProgress?: (f: number) => void,
  ): Promise<Float64Array> {
    const fractions = this.#ports.map(() => 0);
    const weights = this.#slices.map(([s, e]) => (e - s) / core.size);
    const report = () => onProgress?.(fractions.reduce((sum, f, k) => sum + f * weights[k], 0));
    const groupKeys = core.groups.map((g) => g.key);
    const replies = await Promise.all(
      this.#ports.map((p, k) =>
        p.request({ op: 'simulate', base: core.round, plan: prepared.plan, groupKeys, commit }, (f) => {
          fractions[k] = f;
          report();
        }),
      ),
    );
    const results = replies.map((r) => r as Extract<HostReply, { op: 'simulate' }>);
    return mergeChunkSums(results, prepared.layout, core.size);
  }

  runStudy(purchase: StudyPurchase, round: number): Promise<StudyResult> {
    return this.#serial(async () => {
      const core = this.#coreFor(round);
      const issues = studyIssues(core, purchase);
      if (issues.length > 0) throw new DecisionError(issues);
      const study = core.scenario.studies.find((s) => s.id === purchase.studyId)!;
      const request = studyRequest(core, study, purchase);
      const answers: StudyChunkAnswer[] = [];
      if (request) {
        const replies = await Promise.all(
          this.#ports.map((p) => p.request({ op: 'study', base: core.round, request })),
        );
        for (const r of replies) answers.push((r as Extract<HostReply, { op: 'study' }>).answer);
      }
      const result = combineStudy(core, study, purchase, answers);
      this.#current = afterStudy(core, study);
      return result;
    });
  }

  runRound(
    decision: RoundDecision,
    round: number,
    onProgress?: (fraction: number) => void,
  ): Promise<RoundReport> {
    return this.#serial(async () => {
      const before = this.#coreFor(round);
      const issues = decisionIssues(before, decision);
      if (issues.length > 0) throw new DecisionError(issues);
      onProgress?.(0);
      const { core, groupIndex } = await this.#withGroup(before, decision.segmentation);
      const prepared = prepareRound(core, groupIndex, decision);
      const totals = await this.#simulate(prepared, core, true, onProgress);
      const finished = finishRound(prepared, totals);
      this.#beforeRound[round - 1] = before;
      this.#decisions[round - 1] = decision;
      this.#current = finished.core;
      this.#startOfRound[round] = finished.core;
      onProgress?.(1);
      return finished.report;
    });
  }

  /** True incremental effects of each channel in a simulated round (one extra round per channel with spend). */
  incrementalEffects(round: number): Promise<IncrementalEffect[]> {
    return this.#serial(async () => {
      const before = this.#beforeRound[round - 1];
      const decision = this.#decisions[round - 1];
      if (!before || !decision) throw new Error(`round ${round} has not been simulated`);
      const { core, groupIndex } = await this.#withGroup(before, decision.segmentation);
      const run = async (d: RoundDecision) => {
        const prepared = prepareRound(core, groupIndex, d, { baseline: false });
        return { prepared, totals: await this.#simulate(prepared, core, false) };
      };
      const full = await run(decision);
      const without: Float64Array[] = [];
      for (let c = 0; c < core.scenario.channels.length; c++)
        if (full.prepared.spendByChannel[c] > 0)
          without[c] = (await run(withoutChannel(decision, core.scenario.channels[c].id))).totals;
      return computeIncrementalEffects(core, decision, full, (c) => without[c]);
    });
  }

  /** About `size` consumers' observable variables (the same consumers every time), with their true archetype. */
  sample(
    size: number,
    variables: readonly ObservableVariable[],
  ): Promise<{ ids: number[]; columns: number[][]; archetype: number[] }> {
    return this.#serial(async () => {
      const core = this.#requireCore();
      const rate = Math.min(1, size / core.size);
      const replies = await Promise.all(
        this.#ports.map((p) => p.request({ op: 'sample', rate, variables: variables.slice() })),
      );
      return mergeSamples(replies.map((r) => r as Extract<HostReply, { op: 'sample' }>));
    });
  }

  /** The learner segment of each of `ids` under `segmentation`. */
  segmentsOf(segmentation: Segmentation, ids: number[]): Promise<number[]> {
    return this.#serial(async () => {
      const core = this.#requireCore();
      this.#checkSegmentation(core, segmentation);
      const replies = await Promise.all(
        this.#ports.map((p) => p.request({ op: 'segments-of', segmentation, ids })),
      );
      const byId = new Map<number, number>();
      for (const r of replies) {
        const pairs = (r as Extract<HostReply, { op: 'segments-of' }>).pairs;
        for (let j = 0; j < pairs.length; j += 2) byId.set(pairs[j], pairs[j + 1]);
      }
      return ids.map((id) => {
        const s = byId.get(id);
        if (s === undefined)
          throw new RangeError(`consumer ${id} is not in the population (0 to ${core.size - 1})`);
        return s;
      });
    });
  }

  /** People per (learner segment, true archetype), real-market counts: rows are segments. */
  crossTab(segmentation: Segmentation): Promise<number[][]> {
    return this.#serial(async () => {
      const core = this.#requireCore();
      this.#checkSegmentation(core, segmentation);
      const S = segmentCount(segmentation);
      const key = segmentationKey(segmentation);
      const replies = await Promise.all(
        this.#ports.map((p) => p.request({ op: 'assign', key, segmentation, segments: S })),
      );
      const counts = sumCounts(replies.map((r) => (r as Extract<HostReply, { op: 'assign' }>).counts));
      return crossTabRows(
        counts,
        S,
        core.scenario.population.archetypes.length,
        core.scenario.population.scale,
      );
    });
  }

  close(): void {
    for (const p of this.#ports) p.close();
    this.#current = null;
    this.#startOfRound = [];
    this.#beforeRound = [];
    this.#decisions = [];
  }

  #requireCore(): MarketCore {
    if (!this.#current) throw new Error('the engine has no market: call open() first');
    return this.#current;
  }

  #checkSegmentation(core: MarketCore, segmentation: Segmentation): void {
    const issues = segmentationIssues(
      segmentation,
      core.scenario.channels.map((c) => c.id),
    );
    if (issues.length > 0) throw new DecisionError(issues);
  }
}

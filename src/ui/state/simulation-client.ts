import {
  endpointPort,
  MarketCoordinator,
  type HostPort,
  type MessageEndpoint,
} from '../../engine/market/coordinator';
import type {
  IncrementalEffect,
  RoundDecision,
  RoundReport,
  Scenario,
  Segmentation,
  StudyPurchase,
  StudyResult,
} from '../../engine/types';
import { observableVariables } from '../game/segment-fit';
import type { ConsumerSample, EngineClient } from './engine-client';
import { LocalEngine } from './local-engine';

/**
 * The app's engine client: the market model in Web Workers (src/engine/worker.ts), so a round never freezes the
 * page. Populations of `twoWorkersFrom` consumers or more are split over two workers when the device has the
 * cores for it; smaller ones use one (a second worker would cost more to start than it saves). Where a worker
 * cannot start (an old browser, a locked-down file:// page) it falls back to the engine in the page's own thread
 * (`LocalEngine`), with the same results bit for bit.
 */
export interface WorkerEngineOptions {
  /** Most workers to use (default 2). */
  maxWorkers?: number;
  /** Population size from which two workers are used (default 200,000). */
  twoWorkersFrom?: number;
  /** Makes a worker; the default loads src/engine/worker.ts as a module worker. */
  createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  return new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'market' });
}

function workerEndpoint(worker: Worker): MessageEndpoint {
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onError) {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(new Error(event.message || 'the market worker stopped'));
      };
      worker.onmessageerror = () => onError(new Error('a message from the market worker could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

export class WorkerEngine implements EngineClient {
  readonly #options: Required<Omit<WorkerEngineOptions, 'createWorker'>> &
    Pick<WorkerEngineOptions, 'createWorker'>;
  #engine: MarketCoordinator | LocalEngine | null = null;
  #scenario: Scenario | null = null;

  constructor(options: WorkerEngineOptions = {}) {
    this.#options = {
      maxWorkers: options.maxWorkers ?? 2,
      twoWorkersFrom: options.twoWorkersFrom ?? 200_000,
      createWorker: options.createWorker,
    };
  }

  /** Whether the market runs in workers (false after a fallback to the page's thread). */
  get inWorkers(): boolean {
    return this.#engine instanceof MarketCoordinator;
  }

  async open(scenario: Scenario, seed: number): Promise<void> {
    this.close();
    this.#scenario = scenario;
    const cores =
      typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 1;
    const count =
      scenario.population.size >= this.#options.twoWorkersFrom && cores >= 2
        ? Math.max(1, this.#options.maxWorkers)
        : 1;
    if (typeof Worker !== 'undefined') {
      const ports: HostPort[] = [];
      try {
        for (let k = 0; k < count; k++)
          ports.push(endpointPort(workerEndpoint((this.#options.createWorker ?? defaultWorker)())));
        const coordinator = new MarketCoordinator(ports);
        await coordinator.open(scenario, seed);
        this.#engine = coordinator;
        return;
      } catch {
        for (const p of ports) p.close();
      }
    }
    const local = new LocalEngine();
    await local.open(scenario, seed);
    this.#engine = local;
  }

  #require(): MarketCoordinator | LocalEngine {
    if (!this.#engine) throw new Error('the engine has no market: call open() first');
    return this.#engine;
  }

  runStudy(purchase: StudyPurchase, round: number): Promise<StudyResult> {
    return this.#require().runStudy(purchase, round);
  }

  runRound(
    decision: RoundDecision,
    round: number,
    onProgress?: (fraction: number) => void,
  ): Promise<RoundReport> {
    return this.#require().runRound(decision, round, onProgress);
  }

  async sample(size: number): Promise<ConsumerSample> {
    const engine = this.#require();
    if (engine instanceof LocalEngine) return engine.sample(size);
    const variables = observableVariables(this.#scenario as Scenario);
    const { ids, columns, archetype } = await engine.sample(size, variables);
    const byVariable: ConsumerSample['columns'] = {};
    variables.forEach((v, j) => (byVariable[v] = columns[j] ?? []));
    return { ids, variables, columns: byVariable, archetype };
  }

  segmentsOf(segmentation: Segmentation, ids: number[]): Promise<number[]> {
    return this.#require().segmentsOf(segmentation, ids);
  }

  crossTab(segmentation: Segmentation): Promise<number[][]> {
    return this.#require().crossTab(segmentation);
  }

  incrementalEffects(round: number): Promise<IncrementalEffect[]> {
    return this.#require().incrementalEffects(round);
  }

  close(): void {
    this.#engine?.close();
    this.#engine = null;
  }
}

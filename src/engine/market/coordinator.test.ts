import { describe, expect, it } from 'vitest';
import { miniDecision, miniScenario } from '../../../tests/fixtures/mini-scenario';
import type { DecisionLogEntry, ObservableVariable, RoundDecision, Segmentation } from '../types';
import { createChunkHost, type ChunkHost, type HostReply } from './chunk-host';
import { endpointPort, localPort, MarketCoordinator, serveHostMessage } from './coordinator';
import {
  createMarket,
  incrementalEffects,
  marketSegmentAssignments,
  populationSample,
  segmentArchetypeCounts,
} from './market';
import { replay } from './replay';
import { DecisionError } from './validate';

const d1 = miniDecision({
  targets: [0, 1],
  allocations: [
    { channelId: 'social', segment: 0, spend: 300_000 },
    { channelId: 'search', segment: 1, spend: 150_000 },
  ],
});
const kmeans: Segmentation = {
  method: 'kmeans',
  variables: ['age', 'habit:social'],
  means: [38, 0.5],
  sds: [14, 0.3],
  centers: [
    [-1, 1],
    [1, -1],
  ],
};
const d2 = miniDecision({
  segmentation: kmeans,
  targets: [0],
  allocations: [{ channelId: 'video', segment: 0, spend: 400_000 }],
});
const d2b = miniDecision({ allocations: [{ channelId: 'store', segment: 0, spend: 500_000 }] });

async function coordinator(hosts: number) {
  const c = new MarketCoordinator(Array.from({ length: hosts }, () => localPort()));
  await c.open(miniScenario, 42);
  return c;
}

describe('MarketCoordinator', () => {
  it('gives the same reports and studies as replay, with one host or three', async () => {
    const log: DecisionLogEntry[] = [
      { type: 'study', round: 1, purchase: { studyId: 'survey' } },
      { type: 'round', round: 1, decision: d1 },
      { type: 'study', round: 2, purchase: { studyId: 'ab', channelId: 'video' } },
      { type: 'study', round: 2, purchase: { studyId: 'crm' } },
      { type: 'round', round: 2, decision: d2 },
    ];
    const expected = replay(miniScenario, 42, log);
    for (const hosts of [1, 3]) {
      const c = await coordinator(hosts);
      const hashes: string[] = [];
      const studies: unknown[] = [];
      for (const entry of log) {
        if (entry.type === 'study') studies.push(await c.runStudy(entry.purchase, entry.round));
        else hashes.push((await c.runRound(entry.decision, entry.round)).hash);
      }
      expect(hashes, `${hosts} hosts`).toEqual(expected.reports.map((r) => r.hash));
      expect(JSON.stringify(studies)).toBe(JSON.stringify(expected.studies));
      c.close();
    }
  });

  it('re-runs an earlier round as a branch, forgetting what came after', async () => {
    const c = await coordinator(2);
    await c.runRound(d1, 1);
    await c.runRound(d2, 2);
    const branched = await c.runRound(d2b, 2);
    expect(branched.hash).toBe(
      replay(miniScenario, 42, [
        { type: 'round', round: 1, decision: d1 },
        { type: 'round', round: 2, decision: d2b },
      ]).reports[1].hash,
    );
    const again = await c.runRound(d2, 1);
    expect(again.hash).toBe(
      replay(miniScenario, 42, [{ type: 'round', round: 1, decision: d2 }]).reports[0].hash,
    );
    await expect(c.runRound(d1, 3)).rejects.toThrow(/round 3 cannot be played yet/);
  });

  it('reports progress from 0 to 1 and never backwards', async () => {
    const c = await coordinator(3);
    const seen: number[] = [];
    await c.runRound(d1, 1, (f) => seen.push(f));
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    for (let j = 1; j < seen.length; j++) expect(seen[j]).toBeGreaterThanOrEqual(seen[j - 1]);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('passes a DecisionError across with its path, and leaves the market as it was', async () => {
    const c = await coordinator(2);
    const bad: RoundDecision = miniDecision({
      allocations: [{ channelId: 'social', segment: 0, spend: -5 }],
    });
    await expect(c.runRound(bad, 1)).rejects.toBeInstanceOf(DecisionError);
    await expect(c.runRound(bad, 1)).rejects.toMatchObject({
      path: 'allocations[0].spend',
      code: 'negative',
    });
    expect((await c.runRound(d1, 1)).hash).toBe(
      replay(miniScenario, 42, [{ type: 'round', round: 1, decision: d1 }]).reports[0].hash,
    );
  });

  it('answers samples, segments, cross-tabs and incremental effects like the in-thread market', async () => {
    const market = createMarket(miniScenario, 42);
    const c = await coordinator(3);
    const variables: ObservableVariable[] = ['age', 'income', 'habit:video'];
    const sample = await c.sample(600, variables);
    expect(sample).toEqual(populationSample(market, 600, variables));
    expect(Math.abs(sample.ids.length - 600)).toBeLessThan(100);
    const ids = [0, 8191, 8192, 16383, 16384, 19999, 12345];
    const assignment = marketSegmentAssignments(market, kmeans);
    expect(await c.segmentsOf(kmeans, ids)).toEqual(ids.map((id) => assignment[id]));
    expect(await c.crossTab(kmeans)).toEqual(segmentArchetypeCounts(market, kmeans));
    await c.runRound(d1, 1);
    expect(JSON.stringify(await c.incrementalEffects(1))).toBe(
      JSON.stringify(incrementalEffects(market, d1)),
    );
    await expect(c.incrementalEffects(2)).rejects.toThrow(/not been simulated/);
  });
});

describe('replies from a host', () => {
  it('are copied through a real message channel, never transferred (no buffer of the host is detached)', async () => {
    // A detached buffer would make the JavaScript engine throw away all its optimised typed-array code.
    const host = createChunkHost();
    const replies: HostReply[] = [];
    const watched: ChunkHost = {
      handle(request, progress) {
        const reply = host.handle(request, progress);
        replies.push(reply);
        return reply;
      },
    };
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) =>
      // Whatever serveHostMessage passes on (a transfer list included) goes to the channel.
      serveHostMessage(watched, event.data, (message, ...rest: unknown[]) =>
        channel.port1.postMessage(message, ...(rest as [Transferable[]])),
      );
    const port = endpointPort({
      postMessage: (message) => channel.port2.postMessage(message),
      listen(onMessage) {
        channel.port2.onmessage = (event) => onMessage(event.data);
      },
      terminate: () => channel.port2.close(),
    });
    const c = new MarketCoordinator([port]);
    await c.open(miniScenario, 42);
    const report = await c.runRound(d1, 1);
    const expected = replay(miniScenario, 42, [{ type: 'round', round: 1, decision: d1 }]).reports[0];
    expect(report.hash).toBe(expected.hash);
    const arrays = replies.flatMap((r) =>
      Object.values(r).filter((v): v is Float64Array => v instanceof Float64Array),
    );
    expect(arrays.length).toBeGreaterThanOrEqual(3); // open's and assign's counts, the round's sums
    for (const a of arrays) expect(a.byteLength).toBeGreaterThan(0);
    c.close();
    channel.port1.close();
  });
});

// Holds one warmed-up market of `workerData.size` consumers in a worker thread and, on each message, times
// `workerData.rounds` re-runs of its round 4 inside the thread (no messages in the timing). The benchmark runs
// two of these alone and at once to see what two cores give at the moment (bench/run.ts, twoThreadProbe).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createMarket, simulateRound } = await import('../src/engine/market/market.ts');
const { benchScenario, benchDecisions } = await import('./scenario.ts');
const decisions = benchDecisions();
let market = createMarket(benchScenario(workerData.size));
for (let r = 0; r < 3; r++) market = simulateRound(market, decisions[r]).market;
for (let k = 0; k < 3; k++) simulateRound(market, decisions[3]);
parentPort.on('message', () => {
  const t = performance.now();
  for (let k = 0; k < workerData.rounds; k++) simulateRound(market, decisions[3]);
  parentPort.postMessage(performance.now() - t);
});
parentPort.postMessage('ready');

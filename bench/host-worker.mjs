// A Node worker thread holding one slice of the market (src/engine/market/chunk-host.ts) — the benchmark's
// stand-in for the app's Web Worker (src/engine/worker.ts). tsx's loader is registered here because worker
// threads do not inherit it.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createChunkHost } = await import('../src/engine/market/chunk-host.ts');
const { serveHostMessage } = await import('../src/engine/market/coordinator.ts');
const host = createChunkHost();
parentPort.on('message', (data) =>
  serveHostMessage(host, data, (message) => parentPort.postMessage(message)),
);
parentPort.postMessage({ ready: true });

/**
 * The Web Worker wrapper: the only engine file that knows it runs in a worker. It holds one slice of the market's
 * consumers (src/engine/market/chunk-host.ts) and answers the coordinator in the page
 * (src/engine/market/coordinator.ts, created by src/ui/state/simulation-client.ts), posting progress while a
 * round runs so the page never freezes. Replies are copied, not transferred (see `serveHostMessage`).
 */
import { createChunkHost } from './market/chunk-host';
import { serveHostMessage } from './market/coordinator';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const host = createChunkHost();

scope.onmessage = (event) => {
  serveHostMessage(host, event.data, (message) => scope.postMessage(message));
};

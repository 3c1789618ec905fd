// Loaded into the server process by `npm run bench:memory` (node --import): answers the benchmark
// over the child-process channel with the process's memory figures, and writes a heap snapshot on
// request. It opens no port and adds nothing to the HTTP API. Plain JavaScript: the job pool's
// worker threads inherit the server's --import options, and they load it before any TypeScript
// loader is in place.
import { writeHeapSnapshot } from 'node:v8';

if (process.send) {
  process.on('message', (/** @type {{ kind: 'memory' } | { kind: 'snapshot', file: string }} */ message) => {
    if (message.kind === 'memory') process.send?.({ kind: 'memory', memory: process.memoryUsage() });
    else if (message.kind === 'snapshot') process.send?.({ kind: 'snapshot', file: writeHeapSnapshot(message.file) });
  });
  // The channel must not keep the server alive after it has been told to stop.
  process.channel?.unref();
}

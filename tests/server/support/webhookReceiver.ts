// A real HTTP receiver of webhooks on 127.0.0.1 for the webhook tests: it records every request
// (headers and body as sent) and answers as the test says, or holds the request unanswered.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver got it. */
export interface ReceivedWebhook {
  readonly path: string;
  /** Lower-cased names, as Node gives them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How the receiver answers a request: a status, a status with headers and a body, or not at all. */
export type ReceiverAnswer = number | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string } | 'hold';

/** A running receiver. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in the order they arrived. */
  readonly received: readonly ReceivedWebhook[];
  /** How the n-th request (from 0) is answered; 200 unless told. */
  answer(answerFor: (request: ReceivedWebhook, index: number) => ReceiverAnswer): void;
  /** Answers the requests held so far with this status. */
  release(status: number): void;
  /** Resolves once `count` requests arrived (rejects after `timeoutMs`, saying what it had). */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1, on `port` (0: any free port). */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  let answerFor: (request: ReceivedWebhook, index: number) => ReceiverAnswer = () => 200;
  const waiters: (() => void)[] = [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
      const webhook: ReceivedWebhook = { path: request.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = received.push(webhook) - 1;
      for (const wake of waiters.splice(0)) wake();
      const answer = answerFor(webhook, index);
      if (answer === 'hold') {
        held.push(response);
        return;
      }
      const { status, headers: answerHeaders = {}, body = '' } = typeof answer === 'number' ? { status: answer } : answer;
      response.writeHead(status, answerHeaders).end(body);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const chosenPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${chosenPort}/hooks`,
    port: chosenPort,
    received,
    answer(chosen) { answerFor = chosen; },
    release(status) {
      for (const response of held.splice(0)) if (!response.destroyed) response.writeHead(status).end();
    },
    async waitForRequests(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the receiver got ${received.length} requests, not ${count}, within ${timeoutMs} ms`);
        await new Promise<void>((done) => {
          const timer = setTimeout(done, Math.min(left, 250));
          waiters.push(() => { clearTimeout(timer); done(); });
        });
      }
      return received;
    },
    close() {
      for (const response of held.splice(0)) response.destroy();
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** A port on 127.0.0.1 that was free a moment ago and on which nothing listens now: a receiver that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Waits until `check` returns true (polling every 10 ms); throws after `timeoutMs` with `what`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

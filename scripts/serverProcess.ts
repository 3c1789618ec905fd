// Starts the real Atelier server (src/server/main.ts) as a child process, for the crash test and
// the benchmark: the same process `npm start` runs, minus the client build.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A running server process. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed, for diagnostics. */
  output(): string;
  /** Sends a signal and waits for the process to exit; resolves with its exit code or signal. */
  stop(signal: NodeJS.Signals): Promise<string>;
}

/** How to run the server's node process, beyond its environment. */
export interface ServerProcessOptions {
  /** Extra node options before the script, e.g. `['--import', './scripts/memoryProbe.mjs']`. */
  readonly nodeArgs?: readonly string[];
  /** Open a child-process channel (`child.send`), as the memory benchmark's probe needs. */
  readonly ipc?: boolean;
}

/** Starts the server with these environment variables (PORT defaults to 0: any free port) and waits until it listens. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 180_000, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), join(ROOT, 'src', 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? `exit ${code}`)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Atelier is running at (http:\/\/\S+?)\/?\n/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({
          url: match[1]!,
          child,
          output: () => output,
          stop: (signal) => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${how}) before it was ready:\n${output}`));
    });
  });
}

/** VmRSS and VmHWM of a process, in MB, from /proc (Linux); undefined elsewhere. */
export function residentMb(pid: number): { now: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
    return { now: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return undefined;
  }
}

// The walls in eslint.config.js, checked through ESLint's Node API: an import
// across a layer boundary, a platform API in the domain or the machines, a
// fetch in a view, a floating promise or a non-exhaustive switch must be
// reported; allowed code must not. And the DOM-free tsconfigs really have no
// DOM or Node types, checked with the TypeScript compiler API.
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

/**
 * The path of a real file of `folder`, for probes there. src/server and src/machines are
 * linted with type information, and the TypeScript project service only knows files that
 * exist: a probe borrows such a file's path (ESLint lints the probe's text, not the file's).
 */
function existingFile(folder: string): string {
  const name = readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()[0];
  if (name === undefined) throw new Error(`no .ts file in ${folder} to borrow for probes`);
  return `${folder}/${name}`;
}
const SERVER_FILE = existingFile('src/server');
const MACHINES_FILE = existingFile('src/machines');

beforeAll(async () => {
  eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
  // The first lint loads the parser and plugins: do it here, with time to spare.
  await eslint.lintText('export {};\n', { filePath: 'src/domain/Warmup.ts' });
  // The server and the machines are linted with type information: the first such lint builds
  // the TypeScript program.
  await eslint.lintText('export {};\n', { filePath: SERVER_FILE });
}, 120_000);

/** The messages of the given rules for `code` linted as if it were at `filePath`. */
async function lint(code: string, filePath: string, ruleIds: readonly string[]): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, `ESLint returned no result for ${filePath}`).toBeDefined();
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `parse error in probe for ${filePath}`).toEqual([]);
  return result!.messages
    .filter((m) => m.ruleId !== null && ruleIds.includes(m.ruleId))
    .map((m) => m.message);
}

const restrictedImports = (code: string, filePath: string) => lint(code, filePath, ['no-restricted-imports']);
const restrictedGlobals = (code: string, filePath: string) =>
  lint(code, filePath, ['no-restricted-globals', 'no-restricted-properties']);

const reported: Array<[from: string, code: string, messageMentions: string]> = [
  ['src/domain/Example.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'src/domain'],
  ['src/domain/Example.ts', "import { Mesh } from 'three';\nexport const x = Mesh;\n", 'src/domain'],
  ['src/domain/Example.ts', "import type { Mesh } from 'three';\nexport type X = Mesh;\n", 'src/domain'],
  ['src/domain/Example.ts', "import { createMachine } from 'xstate';\nexport const x = createMachine;\n", 'src/domain'],
  ['src/domain/Example.ts', "import { x } from '../machines/x';\nexport const y = x;\n", 'src/domain'],
  ['src/domain/rules/Deep.ts', "import { x } from '../../views/x';\nexport const y = x;\n", 'src/domain'],
  [MACHINES_FILE, "import { useState } from 'react';\nexport const x = useState;\n", 'src/machines'],
  [MACHINES_FILE, "import { x } from '../views/x';\nexport const y = x;\n", 'src/machines'],
  [SERVER_FILE, "import { x } from '../views/x';\nexport const y = x;\n", 'src/server'],
  [SERVER_FILE, "import { x } from '../machines/x';\nexport const y = x;\n", 'src/server'],
  ['scripts/benchExample.ts', "import { x } from '../tests/server/support/x.ts';\nexport const y = x;\n", 'tests/'],
  ['models/shared/example.ts', "import { x } from '../../tests/models/x.ts';\nexport const y = x;\n", 'tests/'],
];

const allowed: Array<[from: string, code: string]> = [
  ['src/views/Example.tsx', "import { x } from '../machines/x';\nexport const y = x;\n"],
  ['src/views/Example.tsx', "import { x } from '../domain/x';\nexport const y = x;\n"],
  [MACHINES_FILE, "import { x } from '../domain/x';\nexport const y = x;\n"],
  [MACHINES_FILE, "import { setup } from 'xstate';\nexport const y = setup;\n"],
  [SERVER_FILE, "import { x } from '../domain/x';\nexport const y = x;\n"],
  ['src/domain/Example.ts', "import { x } from './rules/x';\nimport { produce } from 'immer';\nexport const y = [x, produce];\n"],
];

describe('layering rule (no-restricted-imports per folder)', () => {
  it.each(reported)('%s: reports %j', async (filePath, code, mention) => {
    const messages = await restrictedImports(code, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(mention);
    expect(messages[0]).toMatch(/may (not )?import/);
  });

  it.each(allowed)('%s: allows %j', async (filePath, code) => {
    expect(await restrictedImports(code, filePath)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Domain and machines: no Node built-ins, no server packages, no platform globals.
// ---------------------------------------------------------------------------

const platformImports: Array<[from: string, code: string, messageMentions: string]> = [
  ['src/domain/Example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'Node built-ins'],
  ['src/domain/Example.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'Node built-ins'],
  ['src/domain/Example.ts', "import { readFile } from 'fs/promises';\nexport const x = readFile;\n", 'Node built-ins'],
  ['src/domain/rules/Deep.ts', "import { createHash } from 'crypto';\nexport const x = createHash;\n", 'Node built-ins'],
  ['src/domain/Example.ts', "import type { Buffer } from 'node:buffer';\nexport type X = Buffer;\n", 'Node built-ins'],
  ['src/domain/Example.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n", 'server packages'],
  ['src/domain/Example.ts', "import { cors } from 'hono/cors';\nexport const x = cors;\n", 'server packages'],
  ['src/domain/Example.ts', "import { serve } from '@hono/node-server';\nexport const x = serve;\n", 'server packages'],
  ['src/domain/Example.ts', "import { PGlite } from '@electric-sql/pglite';\nexport const x = PGlite;\n", 'server packages'],
  ['src/domain/Example.ts', "import postgres from 'postgres';\nexport const x = postgres;\n", 'server packages'],
  ['src/domain/Example.ts', "import sharp from 'sharp';\nexport const x = sharp;\n", 'server packages'],
  [MACHINES_FILE, "import { join } from 'node:path';\nexport const x = join;\n", 'Node built-ins'],
  [MACHINES_FILE, "import { Piscina } from 'piscina';\nexport const x = Piscina;\n", 'server packages'],
  [MACHINES_FILE, "import { Resvg } from '@resvg/resvg-js';\nexport const x = Resvg;\n", 'server packages'],
];

const platformGlobals: Array<[from: string, code: string, messageMentions: string]> = [
  ['src/domain/Example.ts', "export const load = () => fetch('/api/x');\n", 'no network'],
  ['src/domain/Example.ts', 'export const load = () => new XMLHttpRequest();\n', 'no network'],
  ['src/domain/Example.ts', "export const load = () => globalThis.fetch('/api/x');\n", 'no network'],
  ['src/domain/Example.ts', 'export const title = () => document.title;\n', 'no DOM'],
  ['src/domain/Example.ts', 'export const width = () => window.innerWidth;\n', 'no DOM'],
  ['src/domain/Example.ts', 'export const language = () => navigator.language;\n', 'no DOM'],
  ['src/domain/Example.ts', "export const saved = () => localStorage.getItem('x');\n", 'no DOM'],
  ['src/domain/Example.ts', "export const title = () => globalThis['document'].title;\n", 'no DOM'],
  ['src/domain/Example.ts', "export const bytes = () => Buffer.from('x');\n", 'no Node globals'],
  ['src/domain/Example.ts', 'export const mode = () => process.env.NODE_ENV;\n', 'no Node globals'],
  [MACHINES_FILE, "export const load = () => fetch('/api/x');\n", 'no network'],
  [MACHINES_FILE, 'export const title = () => document.title;\n', 'no DOM'],
  [MACHINES_FILE, 'export const mode = () => process.env.NODE_ENV;\n', 'no Node globals'],
];

describe('domain and machines run in the browser and on the server', () => {
  it.each(platformImports)('%s: reports %j', async (filePath, code, mention) => {
    const messages = await restrictedImports(code, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(filePath.split('/').slice(0, 2).join('/'));
    expect(messages[0]).toContain(mention);
    expect(messages[0]).toMatch(/may not import/);
  });

  it.each(platformGlobals)('%s: reports %j', async (filePath, code, mention) => {
    const messages = await restrictedGlobals(code, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(filePath.split('/').slice(0, 2).join('/'));
    expect(messages[0]).toContain(mention);
  });

  it.each([
    ['src/domain/Example.ts', "import { parse } from 'yaml';\nexport const x = parse;\n"],
    ['src/domain/Example.ts', "import { x } from './shared/x';\nexport const y = x;\n"],
    ['src/domain/Example.ts', "export const bytes = (text: string) => new TextEncoder().encode(text);\n"],
    ['src/domain/Example.ts', 'export const fetchCount = 3;\nexport const processed = [fetchCount];\n'],
    [MACHINES_FILE, "export const id = () => crypto.randomUUID();\n"],
  ])('%s: allows %j', async (filePath, code) => {
    expect(await restrictedImports(code, filePath)).toEqual([]);
    expect(await restrictedGlobals(code, filePath)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Views: only src/views/api/ talks to the network.
// ---------------------------------------------------------------------------

describe('views send requests only from src/views/api/', () => {
  it.each([
    "export async function load() {\n  return fetch('/api/candidates');\n}\n",
    "export async function load() {\n  return window.fetch('/api/candidates');\n}\n",
    "export async function load() {\n  return globalThis.fetch('/api/candidates');\n}\n",
  ])('src/views/SomePage.tsx: reports %j', async (code) => {
    const messages = await restrictedGlobals(code, 'src/views/SomePage.tsx');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/views/api/');
    expect(messages[0]).toContain('.provide()');
  });

  it('src/main.tsx (the entry point): reports fetch too', async () => {
    const messages = await restrictedGlobals("export const load = () => fetch('/api/x');\n", 'src/main.tsx');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/views/api/');
  });

  it('src/views/api/x.ts: allows fetch', async () => {
    const code = "export async function load() {\n  return fetch('/api/candidates');\n}\n";
    expect(await restrictedGlobals(code, 'src/views/api/x.ts')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Type-aware rules in src/server and src/machines.
// ---------------------------------------------------------------------------

const FLOATING = "async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n";
const NOT_EXHAUSTIVE =
  "type Kind = 'a' | 'b' | 'c';\nexport function label(kind: Kind): string {\n  switch (kind) {\n    case 'a': return 'A';\n    case 'b': return 'B';\n    default: return '?';\n  }\n}\n";

describe('promises and switches (type-aware lint of src/server and src/machines)', () => {
  it.each([SERVER_FILE, MACHINES_FILE])('%s: reports a floating promise', async (filePath) => {
    const messages = await lint(FLOATING, filePath, ['@typescript-eslint/no-floating-promises']);
    expect(messages).toHaveLength(1);
  });

  it.each([SERVER_FILE, MACHINES_FILE])('%s: allows an awaited or voided promise', async (filePath) => {
    const code =
      "async function save(): Promise<void> {}\nexport async function run(): Promise<void> {\n  await save();\n  // Fire and forget: nothing waits for the result.\n  void save();\n}\n";
    expect(await lint(code, filePath, ['@typescript-eslint/no-floating-promises'])).toEqual([]);
  });

  it.each([SERVER_FILE, MACHINES_FILE])('%s: reports a non-exhaustive switch', async (filePath) => {
    const messages = await lint(NOT_EXHAUSTIVE, filePath, ['@typescript-eslint/switch-exhaustiveness-check']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"c"');
  });
});

// ---------------------------------------------------------------------------
// tsconfig.domain.json and tsconfig.machines.json: no DOM, no Node.
// ---------------------------------------------------------------------------

/**
 * Type-checks `code` as a virtual file at `filePath` under the options and ambient
 * declarations (`.d.ts` files) of `configFile`; returns the diagnostic messages.
 */
function typeErrors(configFile: string, filePath: string, code: string): string[] {
  const root = process.cwd();
  const { config, error } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  expect(error).toBeUndefined();
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  expect(parsed.errors).toEqual([]);
  const probe = path.resolve(root, filePath);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === probe
      ? ts.createSourceFile(fileName, code, languageVersion, true)
      : getSourceFile(fileName, languageVersion, ...rest);
  const ambient = parsed.fileNames.filter((file) => file.endsWith('.d.ts'));
  const program = ts.createProgram([probe, ...ambient], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the domain and the machines are type-checked without DOM or Node types', () => {
  it.each([
    ['tsconfig.domain.json', 'src/domain/Probe.ts'],
    ['tsconfig.machines.json', 'src/machines/Probe.ts'],
  ])('%s: document, window, fetch, Buffer and process are unknown in %s', (configFile, filePath) => {
    const code = [
      'export const title = document.title;',
      'export const width = window.innerWidth;',
      "export const response = fetch('/api/x');",
      "export const bytes = Buffer.from('x');",
      'export const mode = process.env.NODE_ENV;',
      "export const text = new TextDecoder('utf-8').decode(new TextEncoder().encode('x'));",
      '',
    ].join('\n');
    const errors = typeErrors(configFile, filePath, code);
    for (const name of ['document', 'window', 'fetch', 'Buffer', 'process']) {
      expect(errors.some((message) => message.includes(`Cannot find name '${name}'`)), name).toBe(true);
    }
    // TextEncoder and TextDecoder are declared in src/domain/shared/platform.d.ts.
    expect(errors).toHaveLength(5);
  }, 60_000);

  it.each(['tsconfig.domain.json', 'tsconfig.machines.json'])('%s: lib ES2022 only, no types', (configFile) => {
    const { config } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd(), undefined, configFile);
    expect(parsed.options.lib).toEqual(['lib.es2022.d.ts']);
    expect(parsed.options.types).toEqual([]);
  });
});

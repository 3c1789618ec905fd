// @ts-check
// ESLint flat config for Atelier.
//
// The most important part is the WALLS at the bottom: each folder of src/ gets
// its own `no-restricted-imports` so that an import across a layer boundary
// fails `npm run lint` with a message that says what is allowed.
//
//   src/domain   plain TypeScript (model, rules engine, pricing)  imports: nothing of ours but domain
//   src/machines XState machines                                 imports: domain, xstate
//   src/views    React + react-three-fiber                       imports: machines, domain, anything UI
//   src/server   Hono API server (PGlite/PostgreSQL, workers)    imports: domain only
//   src/cli      rules CLI for merchandisers                     imports: domain, server's file loading
//
// src/domain and src/machines run in the browser and on the server alike, so
// they also may not import Node built-ins or server packages (hono, postgres,
// PGlite, piscina, sharp, resvg) nor use platform globals (fetch, window,
// document, navigator, localStorage, Buffer, process, ...); their own tsconfigs
// (tsconfig.domain.json, tsconfig.machines.json) have no DOM or Node types.
// In src/views only src/views/api/ may call `fetch`: the machines reach the
// network through actors the views supply with `.provide()`.
//
// src/server and src/machines are linted with type information
// (recommendedTypeChecked): no floating or misused promises, exhaustive switches.
//
// tests/tooling/layering.test.ts checks these rules through ESLint's Node API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import { builtinModules } from 'node:module';
import atelier from './eslint/roomDoors.js';

// ---------------------------------------------------------------------------
// Import patterns (regular expressions matched against the import string).
// ---------------------------------------------------------------------------
const pkg = (/** @type {string[]} */ ...names) => `^(?:${names.join('|')})(?:/|$)`;

const REACT = pkg('react', 'react-dom', '@react-three/[^/]+', '@xstate/react');
const THREE = pkg('three', '@react-three/[^/]+', 'three-stdlib');
const XSTATE = pkg('xstate', '@xstate/[^/]+');
/** Every Node built-in: `node:anything`, and the bare names (`fs`, `fs/promises`, `crypto`, ...). */
const NODE_BUILTINS = `^node:|${pkg(
  ...new Set(
    builtinModules
      .filter((name) => !name.startsWith('node:'))
      .map((name) => name.split('/')[0]),
  ),
)}`;
/** Packages that only make sense on the server: HTTP, databases, worker pools, image rendering. */
const SERVER_PACKAGES = pkg(
  'hono',
  'hono-openapi',
  '@hono/[^/]+',
  'postgres',
  '@electric-sql/[^/]+',
  'piscina',
  'sharp',
  '@resvg/[^/]+',
);

/**
 * An import of one of our own layers: a relative path that climbs out of the
 * current folder (`../machines/x`, `../../views/x`, `../src/server`) or an
 * alias/absolute form (`src/views/x`, `@/views/x`, `~/views/x`, `/src/views/x`).
 * @param {string[]} layers
 */
const layer = (...layers) => {
  const names = `(?:${layers.join('|')})`;
  return `^(?:(?:\\.\\./)+(?:src/)?|/?src/|[@~]/)${names}(?:/|$)`;
};

/**
 * @param {Array<{ regex: string, message: string }>} patterns
 * @returns {import('eslint').Linter.RulesRecord}
 */
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ ...p, caseSensitive: true })) },
  ],
});

const DOMAIN_MSG =
  'src/domain is plain TypeScript: it may not import react/three/xstate or machines/views/server — move this code to src/machines or src/views (domain may import only src/domain and plain libraries such as immer or yaml).';
const MACHINES_MSG =
  'src/machines holds XState machines: they may import src/domain and xstate, but not react/three/@react-three or src/views/src/server — move UI code to src/views.';
const SERVER_MSG =
  'src/server may import src/domain only: not react/three/xstate or src/machines/src/views — move shared logic into src/domain.';
const CLI_MSG =
  'src/cli is a Node command line: it may import src/domain and src/server (file loading), but not react/three/xstate or src/machines/src/views — move shared logic into src/domain.';
// Domain and machines run in the browser and on the server: no platform of either.
const DOMAIN_NODE_MSG =
  'src/domain is plain TypeScript that runs in the browser and on the server: it may not import Node built-ins (node:*, fs, path, crypto, ...). Read files or use Node in src/server or src/cli and pass the text or bytes in.';
const DOMAIN_SERVER_PKG_MSG =
  'src/domain is plain TypeScript that runs in the browser and on the server: it may not import server packages (hono, postgres, PGlite, piscina, sharp, resvg). Keep HTTP, storage, workers and image rendering in src/server and pass their results in.';
const MACHINES_NODE_MSG =
  'src/machines runs in the browser and on the server: it may not import Node built-ins (node:*, fs, path, crypto, ...). Do the work in src/server (or the domain, if it is a pure computation) and pass the result in as input or through an actor.';
const MACHINES_SERVER_PKG_MSG =
  'src/machines runs in the browser and on the server: it may not import server packages (hono, postgres, PGlite, piscina, sharp, resvg). Keep them in src/server; a machine reaches the server through an actor the views supply with `.provide()`.';

/**
 * Platform globals that src/domain and src/machines may not use, grouped by
 * why, with the fix for each group.
 * @param {string} folder
 */
const platformGlobals = (folder) => {
  const network = `${folder} runs in the browser and on the server: no network. Send requests from src/views/api/ (a function a machine actor calls, supplied with \`.provide()\`) and pass the results in.`;
  const browser = `${folder} runs in the browser and on the server: no DOM or browser APIs. Read the page, storage or device in src/views and pass the values in as input or events.`;
  const node = `${folder} runs in the browser and on the server: no Node globals. Use Uint8Array instead of Buffer; read the environment or files in src/server or src/cli and pass the values in.`;
  /** @type {Array<[string[], string]>} */
  const groups = [
    [['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'], network],
    [['window', 'self', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB'], browser],
    [['Buffer', 'process', 'global', 'require', '__dirname', '__filename'], node],
  ];
  return groups.flatMap(([names, message]) => names.map((name) => ({ name, message })));
};

/**
 * `no-restricted-globals` for the names, and `no-restricted-properties` for the
 * same names read through `globalThis` (`globalThis.fetch`, `globalThis['document']`).
 * @param {Array<{ name: string, message: string }>} banned
 * @returns {import('eslint').Linter.RulesRecord}
 */
const banGlobals = (banned) => ({
  'no-restricted-globals': ['error', ...banned],
  'no-restricted-properties': [
    'error',
    ...banned.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
  ],
});

const VIEWS_FETCH_MSG =
  'A view component must not call fetch: move the request into a function in src/views/api/ and call it from a machine actor supplied with `.provide()`.';

/** Files linted with type information (recommendedTypeChecked). */
const TYPE_CHECKED_FILES = ['src/server/**/*.ts', 'src/machines/**/*.ts'];

const VIEWS_MSG =
  'src/views runs in the browser: it may import src/machines and src/domain, but not src/server — share the code through src/domain instead.';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/',
      'coverage/',
      '.vite/',
      'tmp/',
      'docs/',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  // Everything: sensible defaults.
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.es2022 },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // No @ts-ignore anywhere; @ts-expect-error needs a reason.
      '@typescript-eslint/ban-ts-comment': [
        'error',
        {
          'ts-ignore': true,
          'ts-nocheck': true,
          'ts-check': false,
          'ts-expect-error': 'allow-with-description',
          minimumDescriptionLength: 5,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Browser code. Not the domain or the machines: they run on the server too,
  // and see only the ES2022 globals (see the WALLS below).
  {
    files: ['src/**/*.{ts,tsx,js,jsx}', 'tests/e2e/**/*.ts'],
    ignores: ['src/domain/**', 'src/machines/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Node code: scripts, model generators, configs, unit tests, the server.
  {
    files: [
      'scripts/**/*.{ts,js,mjs,cjs}',
      'models/**/*.{ts,js,mjs}',
      'tests/**/*.{ts,tsx,js,mjs}',
      'src/server/**/*.ts',
      'src/cli/**/*.ts',
      '*.config.{ts,js,mjs,cjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },

  // src/: no console.log (console.warn / console.error are fine).
  {
    files: ['src/**/*.{ts,tsx,js,jsx}'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },

  // React hooks rules for the views (and the entry point).
  {
    files: ['src/views/**/*.{ts,tsx}', 'src/main.tsx'],
    ...reactHooks.configs.flat.recommended,
  },

  // -------------------------------------------------------------------------
  // TYPE-AWARE RULES for the server and the machines: promises and switches.
  // -------------------------------------------------------------------------
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({
    ...config,
    files: TYPE_CHECKED_FILES,
  })),
  {
    files: TYPE_CHECKED_FILES,
    // Ambient declarations belong to no tsconfig.json project.
    ignores: ['**/*.d.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // XState's `setup({ types: {} as { ... } })` needs that assertion to type the machine;
    // this rule calls it unnecessary and its autofix would remove it.
    files: ['src/machines/**/*.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // The .d.ts files under the type-checked folders: no type information.
    files: ['src/server/**/*.d.ts', 'src/machines/**/*.d.ts'],
    ...tseslint.configs.disableTypeChecked,
  },

  // -------------------------------------------------------------------------
  // WALLS. One block per layer; the file globs do not overlap, so each file
  // gets exactly one `no-restricted-imports` setting. The domain and the
  // machines also get `no-restricted-globals` and `no-restricted-properties`
  // (platform globals); the views, except src/views/api/, get them for fetch.
  // -------------------------------------------------------------------------
  {
    files: ['src/domain/**/*.{ts,tsx,js,jsx}'],
    rules: {
      ...restrict([
        { regex: REACT, message: DOMAIN_MSG },
        { regex: THREE, message: DOMAIN_MSG },
        { regex: XSTATE, message: DOMAIN_MSG },
        { regex: layer('machines', 'views', 'server'), message: DOMAIN_MSG },
        { regex: NODE_BUILTINS, message: DOMAIN_NODE_MSG },
        { regex: SERVER_PACKAGES, message: DOMAIN_SERVER_PKG_MSG },
      ]),
      ...banGlobals(platformGlobals('src/domain')),
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/machines/**/*.{ts,tsx,js,jsx}'],
    rules: {
      ...restrict([
        { regex: REACT, message: MACHINES_MSG },
        { regex: THREE, message: MACHINES_MSG },
        { regex: layer('views', 'server'), message: MACHINES_MSG },
        { regex: NODE_BUILTINS, message: MACHINES_NODE_MSG },
        { regex: SERVER_PACKAGES, message: MACHINES_SERVER_PKG_MSG },
      ]),
      ...banGlobals(platformGlobals('src/machines')),
    },
  },
  {
    files: ['src/server/**/*.{ts,tsx,js,jsx}'],
    rules: restrict([
      { regex: REACT, message: SERVER_MSG },
      { regex: THREE, message: SERVER_MSG },
      { regex: XSTATE, message: SERVER_MSG },
      { regex: layer('machines', 'views'), message: SERVER_MSG },
    ]),
  },
  {
    files: ['src/cli/**/*.{ts,tsx,js,jsx}'],
    rules: restrict([
      { regex: REACT, message: CLI_MSG },
      { regex: THREE, message: CLI_MSG },
      { regex: XSTATE, message: CLI_MSG },
      { regex: layer('machines', 'views'), message: CLI_MSG },
    ]),
  },
  {
    files: ['src/views/**/*.{ts,tsx,js,jsx}'],
    rules: restrict([{ regex: layer('server'), message: VIEWS_MSG }]),
  },
  // Benchmarks, tools and model generators never import from tests/: what they share with the tests
  // lives in scripts/support/ or src/.
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'models/**/*.{ts,mjs,js}'],
    rules: restrict([
      {
        regex: '^(?:\\.\\./)+tests(?:/|$)',
        message: 'scripts/ and models/ may not import from tests/: move what both need to scripts/support/ (or src/ when it is product code) and import it from there in the tests too.',
      },
    ]),
  },
  // ROOM DOORS. A domain room (src/domain/<room>/) is entered only through its index.ts; see
  // eslint/roomDoors.js. Tests may reach a room's inner files to test them.
  {
    files: ['src/**/*.{ts,tsx,js,jsx}', 'scripts/**/*.{ts,mjs,js}', 'models/**/*.{ts,mjs,js}'],
    plugins: { atelier },
    rules: { 'atelier/room-doors': 'error' },
  },
  {
    // Only src/views/api/ talks to the network (the entry point in src/ included).
    files: ['src/views/**/*.{ts,tsx,js,jsx}', 'src/*.{ts,tsx}'],
    ignores: ['src/views/api/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: VIEWS_FETCH_MSG }],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'window', 'self'].map((object) => ({
          object,
          property: 'fetch',
          message: VIEWS_FETCH_MSG,
        })),
      ],
    },
  },
  {
    // The entry point sits in src/ itself, so `./server` is the server there.
    files: ['src/*.{ts,tsx}'],
    rules: restrict([
      { regex: `${layer('server')}|^\\./server(?:/|$)`, message: VIEWS_MSG },
    ]),
  },
);

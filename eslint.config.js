// @ts-check
// ESLint flat config for Atelier.
//
// The most important part is the LAYERING RULE at the bottom: each folder of
// src/ gets its own `no-restricted-imports` so that an import across a layer
// boundary fails `npm run lint` with a message that says what is allowed.
//
//   src/domain   plain TypeScript (model, rules engine, pricing)  imports: nothing of ours but domain
//   src/machines XState machines                                 imports: domain, xstate
//   src/views    React + react-three-fiber                       imports: machines, domain, anything UI
//   src/server   (future) API server                             imports: domain only
//   src/cli      rules CLI for merchandisers                     imports: domain, server's file loading
//
// tests/tooling/layering.test.ts checks these rules through ESLint's Node API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import atelier from './eslint/roomDoors.js';

// ---------------------------------------------------------------------------
// Import patterns (regular expressions matched against the import string).
// ---------------------------------------------------------------------------
const pkg = (/** @type {string[]} */ ...names) => `^(?:${names.join('|')})(?:/|$)`;

const REACT = pkg('react', 'react-dom', '@react-three/[^/]+', '@xstate/react');
const THREE = pkg('three', '@react-three/[^/]+', 'three-stdlib');
const XSTATE = pkg('xstate', '@xstate/[^/]+');

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

  // Browser code.
  {
    files: ['src/**/*.{ts,tsx,js,jsx}', 'tests/e2e/**/*.ts'],
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
  // LAYERING RULE. One block per layer; the file globs do not overlap, so
  // each file gets exactly one `no-restricted-imports` setting.
  // -------------------------------------------------------------------------
  {
    files: ['src/domain/**/*.{ts,tsx,js,jsx}'],
    rules: {
      ...restrict([
        { regex: REACT, message: DOMAIN_MSG },
        { regex: THREE, message: DOMAIN_MSG },
        { regex: XSTATE, message: DOMAIN_MSG },
        { regex: layer('machines', 'views', 'server'), message: DOMAIN_MSG },
      ]),
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/machines/**/*.{ts,tsx,js,jsx}'],
    rules: restrict([
      { regex: REACT, message: MACHINES_MSG },
      { regex: THREE, message: MACHINES_MSG },
      { regex: layer('views', 'server'), message: MACHINES_MSG },
    ]),
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
  // ROOM DOORS. A domain room (src/domain/<room>/) is entered only through its index.ts; see
  // eslint/roomDoors.js. Tests may reach a room's inner files to test them.
  {
    files: ['src/**/*.{ts,tsx,js,jsx}', 'scripts/**/*.{ts,mjs,js}', 'models/**/*.{ts,mjs,js}'],
    plugins: { atelier },
    rules: { 'atelier/room-doors': 'error' },
  },
  {
    // The entry point sits in src/ itself, so `./server` is the server there.
    files: ['src/*.{ts,tsx}'],
    rules: restrict([
      { regex: `${layer('server')}|^\\./server(?:/|$)`, message: VIEWS_MSG },
    ]),
  },
);

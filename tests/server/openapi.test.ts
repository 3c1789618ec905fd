import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/testApp.ts';

// The endpoint list is generated from the routes: GET /api/openapi.json is built by hono-openapi
// from each route's description and request schema, and the README's table is checked here.

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

/** Every endpoint the app registers (`METHOD /api/path`), read from Hono's own route list. */
function registeredEndpoints(): string[] {
  const endpoints = t.app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(endpoints)].sort();
}

type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown>; requestBody?: unknown; parameters?: { name: string; in: string }[] }>> };

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await t.app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

describe('GET /api/openapi.json', () => {
  it('lists every route the app registers, each with a summary and its responses', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toMatch(/^3\./);
    const listed = Object.entries(document.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => {
      expect(operation.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(operation.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      return `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
    }));
    expect(listed.sort()).toEqual(registeredEndpoints());
  });

  it('describes the request bodies and the gallery query by the domain\'s schemas', async () => {
    const { paths } = await openApiDocument();
    const orderBody = JSON.stringify(paths['/api/orders']!.post!.requestBody);
    for (const field of ['design', 'quantity', 'contact', 'shippingAddress', 'previewImages', 'remixOf']) expect(orderBody).toContain(`"${field}"`);
    expect(orderBody).toContain('"maximum":20');
    expect(JSON.stringify(paths['/api/candidates']!.post!.requestBody)).toContain('"title"');
    expect(JSON.stringify(paths['/api/candidates/{id}/votes']!.post!.requestBody)).toMatch(/"up".*"down".*"none"/);
    expect(paths['/api/candidates']!.get!.parameters!.map((parameter) => parameter.name).sort()).toEqual(['limit', 'offset', 'product', 'sort']);
  });

  it('is what the 404 of an unknown API path points to, with the same endpoints', async () => {
    const response = await t.app.request('/api/no-such-endpoint');
    const { error } = (await response.json()) as { error: { hint: string } };
    expect(error.hint).toContain('GET /api/openapi.json');
    expect(/the endpoints are: (.*)$/.exec(error.hint)![1]!.split(', ').sort()).toEqual(registeredEndpoints());
  });
});

describe('the README', () => {
  it('lists exactly the endpoints the app registers', () => {
    const readme = readFileSync('README.md', 'utf8');
    const listed = [...readme.matchAll(/^\| `((?:GET|POST|PUT|PATCH|DELETE) \/api\/[^`]*)` \|/gm)].map((match) => match[1]!);
    expect(listed.sort()).toEqual(registeredEndpoints());
  });
});

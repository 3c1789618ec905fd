import type { Hono } from 'hono';

/**
 * The API's endpoints as the app registers them (`METHOD /api/path`, in the order registered):
 * what the 404 of an unknown API path lists. Middleware (`app.use`) and catch-alls are left out.
 *
 * @example apiEndpoints(app) // ['GET /api/health', 'POST /api/orders', …]
 */
export function apiEndpoints(app: Pick<Hono, 'routes'>): string[] {
  const endpoints = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/') && !route.path.includes('*'))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(endpoints)];
}

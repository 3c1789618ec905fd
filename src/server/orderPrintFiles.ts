import { artworkPrints, artworkStatus, type ArtworkMeta } from '../domain/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import { artworksOf } from './artworkLookup.ts';
import { busyError } from './busyError.ts';
import type { Catalog } from './catalog.ts';
import type { Clock } from './clock.ts';
import type { JobPool } from './jobs/index.ts';
import { orderTextPrints } from './printFiles.ts';
import type { Repository, StoredOrder } from './repository.ts';

/** What serving print files needs. */
export interface PrintFileServices {
  readonly repository: Repository;
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly jobs: JobPool;
}

/** A print file, or why there is none: no such order, or a refusal to send with its headers. */
export type PrintFileResult =
  | { readonly kind: 'file'; readonly png: Uint8Array<ArrayBuffer>; readonly fileName: string }
  | { readonly kind: 'no_order' }
  | { readonly kind: 'refused'; readonly error: ApiError; readonly headers: Readonly<Record<string, string>> };

/** How long a print file that ran out of time is refused at once, rather than rendered again for whoever asks. */
const FAILED_RENDER_PAUSE_MS = 60_000;
/** The most such files remembered; the oldest is forgotten first. */
const FAILED_RENDER_MEMORY = 1000;

/**
 * The print files of orders (`GET /api/orders/:id/print/<zone>.png`), each rendered once on the
 * job pool and then stored: an order never changes, so its print file is read from the database
 * ever after. Requests for a file that is being rendered wait for that render rather than start
 * another. A render that runs out of time is not tried again for a minute, so that asking again and
 * again cannot keep a thread busy.
 *
 * @example
 * const printFiles = createOrderPrintFiles({ repository, catalog, clock, jobs });
 * const result = await printFiles(orderId, 'front.png');
 */
export function createOrderPrintFiles(services: PrintFileServices): (orderId: string, file: string) => Promise<PrintFileResult> {
  const { repository, catalog, clock, jobs } = services;
  const rendering = new Map<string, Promise<PrintFileResult>>();
  const failedUntil = new Map<string, number>();

  async function render(stored: StoredOrder, zoneId: string, key: string, file: string): Promise<PrintFileResult> {
    // A request that looked before the last render was stored, and started this one after it ended.
    const saved = await repository.findPrintFile(stored.id, zoneId);
    if (saved) return { kind: 'file', png: saved, fileName: printFileName(stored, zoneId) };
    const record = stored.record;
    const lookup = await catalog.find(record.product.id, record.rulesVersion);
    // An order placed before its rules version was retired is still made: its print files stay.
    const entry = lookup.kind === 'found' || lookup.kind === 'retired-rules-version' ? lookup.version.entry : undefined;
    const zone = entry ? entry.printAtlas?.zones[zoneId] : undefined;
    const artworks: ReadonlyMap<string, ArtworkMeta> = entry ? await artworksOf(repository, entry, record.design) : new Map();
    const texts = entry ? orderTextPrints(entry, record.design).filter((print) => print.zoneId === zoneId) : [];
    const placed = entry ? artworkPrints(entry, artworkStatus(entry, record.design.choices, record.design.personalisation, artworks)).filter((print) => print.zoneId === zoneId) : [];
    if (!zone || texts.length + placed.length === 0) return noSuchFile(stored, file);
    const files = await repository.findArtworks(placed.map((print) => print.artwork.id));
    const outcome = await jobs.renderPrint(zone, texts, placed.map((print) => ({ print, bytes: files.find((found) => found.meta.id === print.artwork.id)!.bytes })));
    if (outcome.ok) {
      await repository.savePrintFile(stored.id, zoneId, outcome.value, clock.now());
      return { kind: 'file', png: new Uint8Array(outcome.value), fileName: printFileName(stored, zoneId) };
    }
    switch (outcome.reason) {
      case 'busy':
        return { kind: 'refused', error: busyError(outcome.retryAfterSeconds), headers: { 'Retry-After': String(outcome.retryAfterSeconds) } };
      case 'timeout':
      case 'memory': {
        failedUntil.delete(key);
        failedUntil.set(key, Date.now() + FAILED_RENDER_PAUSE_MS);
        if (failedUntil.size > FAILED_RENDER_MEMORY) failedUntil.delete(failedUntil.keys().next().value!);
        return tooSlow(file, outcome.reason === 'timeout' ? `took longer than ${Math.round(outcome.budgetMs / 100) / 10} s to render, the most the shop allows` : 'needed more memory to render than the shop allows', FAILED_RENDER_PAUSE_MS);
      }
      case 'pixels':
        return {
          kind: 'refused',
          error: apiError(503, 'print_too_large', `the print file "${file}" would have ${outcome.megapixels.toFixed(1)} megapixels, more than the ${outcome.budgetMegapixels} megapixel${outcome.budgetMegapixels === 1 ? '' : 's'} a job may have`, 'the shop can raise the pixel budget (ATELIER_JOB_MAX_MEGAPIXELS) or make the print zone smaller'),
          headers: {},
        };
      default:
        throw new Error(`[Atelier] unknown job outcome ${JSON.stringify(outcome satisfies never)}`);
    }
  }

  return async (orderId, file) => {
    const stored = await repository.findOrder(orderId);
    if (!stored) return { kind: 'no_order' };
    const zoneId = /^([A-Za-z][A-Za-z0-9]*)\.png$/.exec(file)?.[1];
    if (!zoneId) return noSuchFile(stored, file);
    const saved = await repository.findPrintFile(stored.id, zoneId);
    if (saved) return { kind: 'file', png: saved, fileName: printFileName(stored, zoneId) };
    const key = `${stored.id}/${zoneId}`;
    const pausedMs = (failedUntil.get(key) ?? 0) - Date.now();
    if (pausedMs > 0) return tooSlow(file, 'ran out of time when it was last rendered', pausedMs);
    let pending = rendering.get(key);
    if (!pending) {
      pending = render(stored, zoneId, key, file).finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  };
}

function printFileName(stored: StoredOrder, zoneId: string): string {
  return `${stored.id}-${zoneId}-300dpi.png`;
}

function noSuchFile(stored: StoredOrder, file: string): PrintFileResult {
  const zones = [...new Set([...(stored.record.print ?? []), ...(stored.record.printArtwork ?? [])].map((placement) => placement.zone))];
  return {
    kind: 'refused',
    error: apiError(404, 'not_found', `order "${stored.id}" has no print file "${file}"`, zones.length > 0 ? `use one of: ${zones.map((name) => `${name}.png`).join(', ')} (listed in the order's "printFiles")` : 'this order has no personal text or artwork to print'),
    headers: {},
  };
}

function tooSlow(file: string, what: string, retryAfterMs: number): PrintFileResult {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    kind: 'refused',
    error: apiError(503, 'print_too_slow', `the print file "${file}" ${what}`, `try again in ${retryAfterSeconds} s, when the server may be less busy; if it keeps failing, its artwork is too complex to print in time, and the shop can allow more (ATELIER_JOB_PRINT_TIMEOUT_MS)`),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  };
}

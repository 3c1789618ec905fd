import { staffRequest, type StaffConnection } from './staffClient.ts';

// Into the catalogue (`/api/staff/colourways/…`, `/api/staff/exports/…`) over HTTP, as
// staffClient.ts does the rest: every failure is a StaffRequestError in words (a rule the design
// breaks is named in it), every write carries the session's CSRF token.

/** What makes an approved design a colourway: its name, and the design as a gallery candidate or a design key. */
export interface NewColourway {
  /** The name customers read among the presets, e.g. "Forest Runner". */
  readonly name: string;
  /** One line under the name; left out when empty. */
  readonly description?: string;
  /** "Co-created by …": empty for no credit; left out, the server credits the creator's public name. */
  readonly credit?: string;
  readonly design: { readonly candidateId: string } | { readonly designKey: string };
}

/** Where the colourway went: the preset's id in the caller's own studio draft of the product. */
export interface MadeColourway {
  readonly presetId: string;
  readonly productId: string;
  readonly draft: { readonly basedOn: string; readonly revision: number; readonly updatedAt: string };
  /** My draft was behind the published version and started again from it, carrying my colourways (those the rules now forbid are dropped). */
  readonly restarted?: { readonly carried: readonly string[]; readonly dropped: readonly { readonly name: string; readonly reason: string }[] };
}

/**
 * `POST /api/staff/colourways/:productId`: adds an approved design to my studio draft of the
 * product as a named preset. Refusals: `invalid_request` (not approved, a name taken, a rule the
 * design breaks, named in the message), `draft_changed` (the draft was saved elsewhere meanwhile:
 * send again).
 *
 * @example await makeColourway(connection, 'sneaker', { name: 'Forest Runner', design: { designKey } })
 */
export function makeColourway(connection: StaffConnection, productId: string, colourway: NewColourway): Promise<MadeColourway> {
  const description = colourway.description?.trim();
  const credit = colourway.credit?.trim();
  const body = { name: colourway.name.trim(), ...(description ? { description } : {}), ...(credit !== undefined ? { credit } : {}), ...colourway.design };
  return staffRequest('POST', `/api/staff/colourways/${encodeURIComponent(productId)}`, { connection, body });
}

/** A catalogue export of a product's colourways, as a same-origin download (the session cookie goes with it). */
export interface ColourwayExport {
  /** What the link says, e.g. "3D model (.glb)". */
  readonly label: string;
  readonly url: string;
  /** The file name the browser saves it under. */
  readonly fileName: string;
}

/**
 * The three exports of a product's published colourways: the glb with a material variant per
 * colourway, and the catalogue feed as schema.org ProductGroup JSON-LD and as CSV.
 *
 * @example colourwayExports('sneaker')[0] // { label: '3D model (.glb)', url: '/api/staff/exports/sneaker/colourways.glb', fileName: 'sneaker-colourways.glb' }
 */
export function colourwayExports(productId: string): readonly ColourwayExport[] {
  const base = `/api/staff/exports/${encodeURIComponent(productId)}`;
  return [
    { label: '3D model (.glb)', url: `${base}/colourways.glb`, fileName: `${productId}-colourways.glb` },
    { label: 'Feed (JSON-LD)', url: `${base}/feed.jsonld`, fileName: `${productId}-feed.jsonld` },
    { label: 'Feed (CSV)', url: `${base}/feed.csv`, fileName: `${productId}-feed.csv` },
  ];
}

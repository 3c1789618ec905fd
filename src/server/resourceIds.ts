import { UUID } from '../domain/requests/index.ts';

/** The ids the API hands out, by what they name. */
export type ResourceKind = 'order' | 'candidate' | 'artwork';

const SHAPES: Record<ResourceKind, RegExp> = {
  // A random UUID (`crypto.randomUUID()`): the domain's shape, which `remixOf` is checked by too.
  order: UUID,
  candidate: UUID,
  // The first 24 hex digits of the SHA-256 of the stored file (see storeArtwork.ts).
  artwork: /^[0-9a-f]{24}$/,
};

/**
 * Whether an id from a URL has the shape of the ids the server hands out. Anything else names
 * nothing, so it is answered 404 without asking the database, which would refuse some texts
 * (a NUL) with an error rather than "not found".
 *
 * @example isResourceId('order', '%00') // false
 */
export function isResourceId(kind: ResourceKind, id: string): boolean {
  return SHAPES[kind].test(id);
}

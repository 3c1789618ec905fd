import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../domain/requests/index.ts';

/** How much the server accepts in one request: the request schemas' limits, and bytes. */
export interface ServerLimits extends RequestLimits {
  /** Largest request body, in bytes; larger ones get 413. */
  readonly maxBodyBytes: number;
  /** Largest preview image, in bytes of PNG (not of base64). */
  readonly maxImageBytes: number;
  /** Largest body of a gallery submission, in bytes: a design and its title (the server draws the picture). */
  readonly maxCandidateBodyBytes: number;
  /**
   * Most bytes of request bodies held at once, counted by their declared length (see
   * `bodyBudget.ts`); requests beyond it get 503 with Retry-After.
   */
  readonly maxBodyBytesInFlight: number;
}

/**
 * The defaults: the domain's `DEFAULT_REQUEST_LIMITS` (4 preview images, 20 personalisation fields of up to 500 characters), and 4 preview images of up to 2 MiB each. In base64 they take 4 × 2.67 MiB, so the
 * body limit is 12 MiB rather than 10, leaving room for the design. A gallery submission carries
 * no picture; its 2 MiB leave room for a design with its longest personalisation (removed on the way in).
 */
export const DEFAULT_LIMITS: ServerLimits = {
  ...DEFAULT_REQUEST_LIMITS,
  maxBodyBytes: 12 * 1024 * 1024,
  maxImageBytes: 2 * 1024 * 1024,
  maxCandidateBodyBytes: 2 * 1024 * 1024,
  // About 30 orders with typical preview images at once, or two of the largest; each body read
  // takes a few times its size in memory (text, parsed JSON, decoded images).
  maxBodyBytesInFlight: 32 * 1024 * 1024,
};

/** How much the server accepts in one request. */
export interface ServerLimits {
  /** Largest request body, in bytes; larger ones get 413. */
  readonly maxBodyBytes: number;
  /** Largest preview image, in bytes of PNG (not of base64). */
  readonly maxImageBytes: number;
  /** Most preview images per order. */
  readonly maxImages: number;
  /** Most personalisation fields per design, and longest value (in UTF-16 code units). */
  readonly maxPersonalisationFields: number;
  readonly maxPersonalisationLength: number;
  /** Largest body of a gallery submission, in bytes: a design and its title (the server draws the picture). */
  readonly maxCandidateBodyBytes: number;
  /**
   * Most bytes of request bodies held at once, counted by their declared length (see
   * `bodyBudget.ts`); requests beyond it get 503 with Retry-After.
   */
  readonly maxBodyBytesInFlight: number;
}

/**
 * The defaults: 4 preview images of up to 2 MiB each. In base64 they take 4 × 2.67 MiB, so the
 * body limit is 12 MiB rather than 10, leaving room for the design. A gallery submission carries
 * no picture; its 2 MiB leave room for a design with its longest personalisation (removed on the way in).
 */
export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 12 * 1024 * 1024,
  maxImageBytes: 2 * 1024 * 1024,
  maxImages: 4,
  maxPersonalisationFields: 20,
  maxPersonalisationLength: 500,
  maxCandidateBodyBytes: 2 * 1024 * 1024,
  // About 30 orders with typical preview images at once, or two of the largest; each body read
  // takes a few times its size in memory (text, parsed JSON, decoded images).
  maxBodyBytesInFlight: 32 * 1024 * 1024,
};

/** How much one request may carry that the request schemas check (the server adds byte limits of its own). */
export interface RequestLimits {
  /** Most preview images per order. */
  readonly maxImages: number;
  /** Most personalisation fields per design. */
  readonly maxPersonalisationFields: number;
  /** Longest personalisation value, in UTF-16 code units. */
  readonly maxPersonalisationLength: number;
}

/** The shop's limits: what the browser checks before sending, and the server's defaults. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxImages: 4,
  maxPersonalisationFields: 20,
  maxPersonalisationLength: 500,
};

import { apiError, type ApiError } from './apiError.ts';

/**
 * The refusal of a request whose heavy work found every worker thread busy and the job queue full
 * (send it with `Retry-After: <seconds>`): nothing was done, and trying again later will work.
 */
export function busyError(retryAfterSeconds: number): ApiError {
  return apiError(503, 'server_busy', 'the server is busy reading other artworks and rendering print files, and its queue is full', `try again in ${retryAfterSeconds} s`);
}

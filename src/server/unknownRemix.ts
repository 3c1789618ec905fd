import { apiError, type ApiError } from './apiError.ts';

/** The refusal of a `remixOf` that names no gallery candidate (orders and candidates alike). */
export function unknownRemix(id: string): ApiError {
  return apiError(422, 'unknown_candidate', `"remixOf" names candidate "${id}", which is not in the gallery`, 'send the "id" of a candidate listed by GET /api/candidates, or leave "remixOf" out for a design started from scratch', [
    { path: 'remixOf', message: `there is no candidate "${id}"`, hint: 'use an id from GET /api/candidates' },
  ]);
}

import type { Problem } from '../domain/index.ts';

/**
 * Why a staff request failed: the server's error code (`invalid_credentials`, `email_taken`,
 * `not_signed_in`, …), or `invalid_request` when the body was checked before sending and not
 * sent, or `unreachable`. `message` is a sentence for the staff member; `problems` names the
 * fields at fault, by their path in the request (`email`, `roles`, `password`).
 */
export class StaffRequestError extends Error {
  override readonly name = 'StaffRequestError';

  constructor(
    message: string,
    readonly code: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

/** A failed staff request as a page shows it: the sentence, the code, and each field's problem. */
export interface StaffFailure {
  readonly message: string;
  readonly code: string;
  readonly problems: readonly Problem[];
}

/**
 * The failure to show for what an actor threw: a {@link StaffRequestError} as it is, anything
 * else (a bug, a body the client could not read) as `fallback`.
 */
export function staffFailure(error: unknown, fallback: string): StaffFailure {
  if (error instanceof StaffRequestError) return { message: error.message, code: error.code, problems: error.problems };
  return { message: fallback, code: 'error', problems: [] };
}

/**
 * The problem of one field of a failure, if it names that field.
 *
 * @example fieldProblem(failure, 'email')?.message // 'this is not an email address: …'
 */
export function fieldProblem(failure: StaffFailure | null, path: string): Problem | undefined {
  return failure?.problems.find((problem) => problem.path === path);
}

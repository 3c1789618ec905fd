import type { Problem } from '../domain/index.ts';

/** Every error code the API answers with. */
export type ApiErrorCode =
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'missing_idempotency_key'
  | 'malformed_idempotency_key'
  | 'idempotency_key_reused'
  | 'body_too_large'
  | 'invalid_request'
  | 'invalid_signals'
  | 'invalid_image'
  | 'invalid_address'
  | 'invalid_artwork'
  | 'unknown_product'
  | 'unknown_rules_version'
  | 'rules_version_retired'
  | 'rules_version_current'
  | 'rules_version_draft'
  | 'no_earlier_rules_version'
  | 'rules_problems'
  | 'examples_failed'
  | 'draft_changed'
  | 'rules_version_moved'
  | 'invalid_design'
  | 'invalid_personalisation'
  | 'unknown_size'
  | 'price_mismatch'
  | 'unknown_candidate'
  | 'title_profanity'
  | 'title_brand'
  | 'title_personal_data'
  | 'title_link'
  | 'rate_limited'
  | 'voter_cookie_required'
  | 'invalid_query'
  | 'unauthorized'
  | 'not_signed_in'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf_refused'
  | 'email_taken'
  | 'weak_password'
  | 'last_admin'
  | 'forbidden_origin'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_built'
  | 'internal_error'
  | 'server_busy'
  | 'artwork_too_complex'
  | 'print_too_slow'
  | 'print_too_large';

/**
 * A refused request: an HTTP status and what to tell the client. Every error the API sends has
 * the JSON shape `{ "error": { "code", "message", "hint", "problems"? } }`; `message` says what is
 * wrong, `hint` what to do about it, and `problems` lists each wrong field (path, message, hint).
 */
export interface ApiError {
  readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly problems?: readonly Problem[];
}

/** The JSON body of an error response. */
export interface ApiErrorBody {
  readonly error: Omit<ApiError, 'status'>;
}

/** Builds an {@link ApiError}. */
export function apiError(status: ApiError['status'], code: ApiErrorCode, message: string, hint: string, problems?: readonly Problem[]): ApiError {
  return { status, code, message, hint, ...(problems && problems.length > 0 ? { problems } : {}) };
}

/** The response for an error, in the one shape every error has. */
export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  const { status, ...rest } = error;
  const body: ApiErrorBody = { error: rest };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

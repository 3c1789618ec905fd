import { designSignalHeaders } from './designSignalClient.ts';
import { GallerySubmissionError, type GallerySubmission, type SubmittedCandidate } from '../../machines/index.ts';
import { apiErrorSentence, readApiError } from './readApiError.ts';

/**
 * Sends a design to the community gallery (`POST /api/candidates`). A refusal (a title the
 * moderation blocks, a design the rules no longer allow) becomes a {@link GallerySubmissionError}
 * with the server's reason; an unreachable server says so.
 */
export async function submitCandidateOverHttp(submission: GallerySubmission): Promise<SubmittedCandidate> {
  let response: Response;
  try {
    response = await fetch('/api/candidates', { method: 'POST', headers: { 'Content-Type': 'application/json', ...designSignalHeaders() }, body: JSON.stringify(submission), credentials: 'same-origin' });
  } catch {
    throw new GallerySubmissionError('The gallery could not be reached: check your connection and try again.');
  }
  if (!response.ok) {
    const error = await readApiError(response);
    throw new GallerySubmissionError(apiErrorSentence(error));
  }
  const body = (await response.json()) as { candidate: { id: string }; joined?: boolean };
  return { id: body.candidate.id, joined: body.joined === true };
}

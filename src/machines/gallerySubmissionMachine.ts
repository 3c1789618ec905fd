import * as v from 'valibot';
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { cleanText, type DesignDocument } from '../domain/index.ts';
import { candidateRequestSchema, checkGalleryTitle, customerRefusal, DEFAULT_REQUEST_LIMITS, MAX_TITLE_GRAPHEMES, requestProblems } from '../domain/requests/index.ts';

/**
 * What is sent to the community gallery: the design (the server strips personal text and artwork)
 * and a title. No picture: the server draws the gallery's picture from the design's choices.
 */
export interface GallerySubmission {
  readonly design: DesignDocument;
  readonly title: string;
  readonly remixOf?: string;
  /** The name to credit if a designer approves the design ("co-created by …"); optional. */
  readonly creatorName?: string;
  /** Where the shop may reach the creator about a credit; kept private, and only sent with a name. */
  readonly creatorEmail?: string;
}

/** The gallery's answer: the candidate's id, and whether an identical design was already there. */
export interface SubmittedCandidate {
  readonly id: string;
  readonly joined: boolean;
}

/** Why a submission was refused, in words for the customer (e.g. the moderation's reason). */
export class GallerySubmissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GallerySubmissionError';
  }
}

/** Longest title, in characters as the customer counts them (the domain's `MAX_TITLE_GRAPHEMES`). */
export const MAX_TITLE_LENGTH = MAX_TITLE_GRAPHEMES;

/** What is wrong with a title before it is sent, or undefined: the server's rule, `checkGalleryTitle`, on the title as the server cleans it. */
export function titleProblem(title: string): string | undefined {
  const check = checkGalleryTitle(cleanText(title));
  if (check.ok) return undefined;
  if (check.reason === 'empty') return 'Give your design a name.';
  if (check.reason === 'too-long') return `Shorten the name to ${MAX_TITLE_LENGTH} characters (it has ${check.length}).`;
  return 'Shorten the name: it holds too many accents or long emoji sequences.';
}

const candidateRequest = candidateRequestSchema(DEFAULT_REQUEST_LIMITS);

/**
 * Why the server would refuse a submission for its shape, in its own words, or undefined: checked
 * by the same schema the server validates with (`candidateRequestSchema`).
 */
export function submissionRefusal(submission: GallerySubmission): string | undefined {
  const result = v.safeParse(candidateRequest, submission);
  if (result.success) return undefined;
  return customerRefusal('The design cannot be sent', requestProblems(result.issues));
}

/** What is sent for the machine's context. */
function submissionOf(context: { design: DesignDocument; remixOf: string | null; title: string; creatorName: string; creatorEmail: string }): GallerySubmission {
  const creatorName = context.creatorName.trim();
  const creatorEmail = context.creatorEmail.trim();
  return {
    design: context.design, title: context.title.trim(), ...(context.remixOf ? { remixOf: context.remixOf } : {}),
    ...(creatorName ? { creatorName } : {}), ...(creatorEmail ? { creatorEmail } : {}),
  };
}

/**
 * Submitting one design to the community gallery: the customer names it (and may give a name to
 * credit and a private email), sends it, and learns
 * whether it went in (or joined an identical design already there) or why it was refused. The
 * views provide the HTTP client as the `submitCandidate` actor.
 */
export const gallerySubmissionMachine = setup({
  types: {} as {
    context: { design: DesignDocument; remixOf: string | null; title: string; creatorName: string; creatorEmail: string; error: string | null; candidate: SubmittedCandidate | null };
    events: { type: 'title.change'; title: string } | { type: 'creator.change'; creatorName?: string; creatorEmail?: string } | { type: 'submit' };
    input: { design: DesignDocument; remixOf?: string | null };
  },
  actors: {
    submitCandidate: fromPromise<SubmittedCandidate, GallerySubmission>(() =>
      Promise.reject(new GallerySubmissionError('The community gallery is not connected in this configurator.'))),
  },
  guards: {
    isSendable: ({ context }) => titleProblem(context.title) === undefined && submissionRefusal(submissionOf(context)) === undefined,
  },
  actions: {
    setTitle: assign(({ event }) => {
      assertEvent(event, 'title.change');
      return { title: event.title, error: null };
    }),
    setCreator: assign(({ event }) => {
      assertEvent(event, 'creator.change');
      return { ...(event.creatorName !== undefined ? { creatorName: event.creatorName } : {}), ...(event.creatorEmail !== undefined ? { creatorEmail: event.creatorEmail } : {}), error: null };
    }),
    refuseLocally: assign(({ context }) => ({ error: titleProblem(context.title) ?? submissionRefusal(submissionOf(context)) ?? null })),
  },
}).createMachine({
  id: 'gallerySubmission',
  context: ({ input }) => ({ design: input.design, remixOf: input.remixOf ?? null, title: '', creatorName: '', creatorEmail: '', error: null, candidate: null }),
  initial: 'editing',
  states: {
    editing: {
      on: {
        'title.change': { actions: 'setTitle' },
        'creator.change': { actions: 'setCreator' },
        submit: [{ guard: 'isSendable', target: 'submitting' }, { actions: 'refuseLocally' }],
      },
    },
    submitting: {
      invoke: {
        src: 'submitCandidate',
        input: ({ context }) => submissionOf(context),
        onDone: { target: 'submitted', actions: assign(({ event }) => ({ candidate: event.output, error: null })) },
        onError: {
          target: 'editing',
          actions: assign(({ event }) => ({
            error: event.error instanceof GallerySubmissionError ? event.error.message : 'The gallery could not be reached; try again.',
          })),
        },
      },
    },
    submitted: { type: 'final' },
  },
});

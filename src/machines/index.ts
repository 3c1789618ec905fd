/** The machines layer: XState machines that orchestrate a session by calling the domain. See CONTEXT.md. */
export type { Conflict, SessionContext, SessionEmitted, SessionEvent, SessionInput } from './configuratorMachine.ts';
export { configuratorMachine } from './configuratorMachine.ts';
export type { DesignHistory, DesignState, HistoryStep } from './designHistory.ts';
export type { OrderContactInput, OrderSubmission, PlacedOrder, PreviewImageInput } from './orderSubmission.ts';
export { contactProblems, OrderSubmissionError } from './orderSubmission.ts';
export type { CheckoutState } from './checkoutProblems.ts';
export { checkoutProblems } from './checkoutProblems.ts';
export type { GallerySubmission, SubmittedCandidate } from './gallerySubmissionMachine.ts';
export { gallerySubmissionMachine, GallerySubmissionError, MAX_TITLE_LENGTH, titleProblem } from './gallerySubmissionMachine.ts';

/** The machines layer: XState machines that orchestrate a session by calling the domain. See CONTEXT.md. */
export type { Conflict, SessionContext, SessionEmitted, SessionEvent, SessionInput } from './configuratorMachine.ts';
export { configuratorMachine } from './configuratorMachine.ts';
export type { CheckoutContext, CheckoutDesign, CheckoutEvent, CheckoutInput, CheckoutReport } from './checkoutMachine.ts';
export { checkoutMachine, problemsOf } from './checkoutMachine.ts';
export type { ArtworkFile, ArtworkUpload, ArtworkUploadInput, UploadedArtwork } from './artworkUploads.ts';
export { ArtworkUploadError } from './artworkUploads.ts';
export type { DesignHistory, DesignState, HistoryStep } from './designHistory.ts';
export type { OrderContactInput, OrderSubmission, PlacedOrder, PreviewImageInput } from './orderSubmission.ts';
export { contactProblems, OrderSubmissionError } from './orderSubmission.ts';
export type { CheckoutState } from './checkoutProblems.ts';
export { checkoutProblems } from './checkoutProblems.ts';
export type { GallerySubmission, SubmittedCandidate } from './gallerySubmissionMachine.ts';
export { gallerySubmissionMachine, GallerySubmissionError, MAX_TITLE_LENGTH, titleProblem } from './gallerySubmissionMachine.ts';
export type { GalleryCandidate, GalleryContext, GalleryEvent, GalleryListing, GalleryListRequest, GalleryPageOfCandidates, GallerySort, GalleryVoteRequest } from './galleryMachine.ts';
export { appendPage, GalleryError, galleryMachine } from './galleryMachine.ts';

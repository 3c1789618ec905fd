import type { DoneActorEvent, ErrorActorEvent } from 'xstate';
import { ARTWORK_LIMITS, type ArtworkMeta } from '../domain/index.ts';

/** The file the customer picked: as much of it as an upload needs (a browser's `File` is one). */
export interface ArtworkFile {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** Its media type as the browser guessed it, possibly empty. */
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What the `uploadArtwork` actor is given: the file, for the artwork field it goes to. */
export interface ArtworkUploadInput {
  readonly field: string;
  readonly file: ArtworkFile;
}

/** What the shop found in an uploaded file, and what it changed or warns about (e.g. what it removed from an SVG). */
export interface UploadedArtwork {
  readonly artwork: ArtworkMeta;
  readonly warnings: readonly string[];
}

/** Where an artwork field's upload is: on its way, refused (with the reason), or done (with the shop's notes). */
export type ArtworkUpload =
  | { readonly state: 'uploading'; readonly fileName: string }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'uploaded'; readonly warnings: readonly string[] };

/** An upload the shop refused or could not take, in words for the customer. */
export class ArtworkUploadError extends Error {
  override readonly name = 'ArtworkUploadError';
}

/** The id of the upload actor of an artwork field; its done and error events carry it. */
export function uploadActorId(field: string): `upload.${string}` {
  return `upload.${field}`;
}

/** The artwork field an upload actor's event is about. */
export function uploadedField(event: { readonly actorId?: string }): string {
  return (event.actorId ?? '').slice('upload.'.length);
}

/** The upload actor's answers, as the session receives them. */
export type ArtworkUploadEvent = DoneActorEvent<UploadedArtwork, `upload.${string}`> | ErrorActorEvent<unknown, `upload.${string}`>;

/** Why a file is refused before it is sent (larger than the shop takes), or undefined. */
export function fileTooLarge(file: Pick<ArtworkFile, 'name' | 'size'>): string | undefined {
  if (file.size <= ARTWORK_LIMITS.maxBytes) return undefined;
  const megabytes = (bytes: number) => bytes / 1024 / 1024;
  return `"${file.name}" is ${megabytes(file.size).toFixed(1)} MB; the limit is ${megabytes(ARTWORK_LIMITS.maxBytes)} MB: export it smaller.`;
}

/** Why an upload failed, in words for the customer. */
export function uploadFailure(error: unknown): string {
  return error instanceof ArtworkUploadError ? error.message : 'The artwork could not be uploaded; try again.';
}

/** The uploads with one field's changed (`undefined` forgets it). */
export function withUpload(uploads: ReadonlyMap<string, ArtworkUpload>, field: string, upload: ArtworkUpload | undefined): ReadonlyMap<string, ArtworkUpload> {
  const next = new Map(uploads);
  if (upload) next.set(field, upload);
  else next.delete(field);
  return next;
}

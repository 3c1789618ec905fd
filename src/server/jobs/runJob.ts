// Runs in a worker thread of the job pool (see jobWorker.mjs): the work that takes a CPU for
// seconds, kept off the server's event loop.
import type { MessagePort } from 'node:worker_threads';
import { inspectArtwork, type ArtworkInspection, type ArtworkLimits } from '../../domain/artwork/index.ts';
import type { PrintZone, TextPrint } from '../../domain/index.ts';
import type { ArtworkFile } from '../printFiles.ts';
import type { DraftComparison, DraftComparisonInput } from '../rulesImpact.ts';

/** One piece of heavy work: inspecting an uploaded artwork, rendering a zone's print file, rasterising a gallery picture, or comparing a studio draft with the published rules. */
export type Job =
  | { readonly kind: 'inspectArtwork'; readonly bytes: Uint8Array; readonly fileName: string | undefined; readonly limits: ArtworkLimits }
  | { readonly kind: 'renderPrint'; readonly zone: PrintZone; readonly texts: readonly TextPrint[]; readonly artworks: readonly ArtworkFile[] }
  | { readonly kind: 'renderPicture'; readonly svg: string }
  | ({ readonly kind: 'compareRules' } & DraftComparisonInput);

/** What each kind of job gives back. */
export interface JobResults {
  readonly inspectArtwork: ArtworkInspection;
  readonly renderPrint: Uint8Array;
  readonly renderPicture: Uint8Array;
  readonly compareRules: DraftComparison;
}

/** A job as the pool sends it: the job and a port on which the worker says when it starts (the time budget runs from then). */
export interface JobMessage {
  readonly job: Job;
  readonly started: MessagePort;
}

/**
 * Runs one job in the worker thread. The print renderer (fonts, resvg) is loaded at the first print
 * job, before the job says it started, so that a thread that only reads uploads starts in a fraction
 * of the time.
 */
export async function runJob({ job, started }: JobMessage): Promise<JobResults[Job['kind']]> {
  switch (job.kind) {
    case 'inspectArtwork':
      started.postMessage('started');
      return inspectArtwork(job.bytes, job.fileName, { limits: job.limits });
    case 'renderPrint': {
      const { renderZonePng } = await import('../printFiles.ts');
      started.postMessage('started');
      return renderZonePng(job.zone, job.texts, job.artworks);
    }
    case 'renderPicture': {
      const { rasteriseSvg } = await import('../galleryPicture.ts');
      started.postMessage('started');
      return rasteriseSvg(job.svg);
    }
    case 'compareRules': {
      const { compareDraft } = await import('../rulesImpact.ts');
      started.postMessage('started');
      return compareDraft(job);
    }
    default: {
      const unknown: never = job;
      throw new Error(`runJob: unknown job ${JSON.stringify(unknown)}`);
    }
  }
}

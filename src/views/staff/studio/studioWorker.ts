// The studio's worker: the draft is loaded, compiled and linted here, off the page's thread, so
// typing never waits for the engine. Started by `startStudioChecker` (studioChecker.ts).
import { serveStudioChecks } from './serveStudioChecks.ts';
import type { StudioAnswer, StudioCheckRequest, StudioEndpoint } from './studioProtocol.ts';

serveStudioChecks(self as unknown as StudioEndpoint<StudioCheckRequest, StudioAnswer>);

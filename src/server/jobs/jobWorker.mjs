// The entry of the job pool's worker threads. The server is TypeScript run through tsx, but a
// worker thread does not always inherit the loader (`npm start` registers tsx through its API, and
// vitest transforms files itself), so the worker registers tsx on its own, under a namespace that
// cannot interfere with a loader it did inherit (`node --import tsx`), and imports the job module.
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'atelier-jobs' });
const { runJob } = await api.import('./runJob.ts', import.meta.url);

export default runJob;

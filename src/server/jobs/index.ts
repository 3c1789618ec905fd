// The job pool: heavy work (decoding uploads, rendering print files) on worker threads.
export { createJobPool, type JobOutcome, type JobPool, type JobStats } from './jobPool.ts';
export { DEFAULT_JOB_POOL_OPTIONS, jobPoolOptionsFromEnv, type JobPoolOptions } from './jobPoolOptions.ts';

/** Where the server gets the time from; tests pass a fixed one. */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

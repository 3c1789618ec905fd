/** Ends an exhaustive switch over a union; reaching it is a bug. */
export function assertNever(value: never): never {
  throw new Error(`[Atelier] unexpected value ${JSON.stringify(value)}`);
}

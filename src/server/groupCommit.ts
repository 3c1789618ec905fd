// Group commit is written here: a queue library (p-queue, p-limit) runs tasks with a concurrency
// limit but does not gather waiting tasks into one batch written in one transaction, each caller
// settled after that commit, which is what makes order writes fast on PGlite and PostgreSQL alike.
/** The outcome of one item of a batch. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** How a {@link groupCommit} batches. */
export interface GroupCommitOptions {
  /** Most items written together. */
  readonly maxBatch: number;
  /** Most batches being written at once (1 for a database that runs one statement at a time). */
  readonly concurrency: number;
}

/**
 * Group commit: items that arrive while earlier ones are being written are written together, in
 * one statement and so one commit, instead of one commit each. An item that arrives when the
 * writer is idle is written at once, alone, so batching never adds waiting; under load, batches
 * grow by themselves. `write` gets the items of a batch and settles each one on its own, so one
 * bad item need not fail the others. Every caller's promise settles only after its batch's write
 * does — after the commit.
 *
 * @example
 * const save = groupCommit((orders) => insertAll(orders), { maxBatch: 64, concurrency: 1 });
 * await save(order); // resolved once the statement holding this order has committed
 */
export function groupCommit<I, O>(write: (items: readonly I[]) => Promise<readonly Settled<O>[]>, options: GroupCommitOptions): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let writing = 0;

  function pump(): void {
    while (writing < options.concurrency && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      writing++;
      write(batch.map((entry) => entry.item))
        .then(
          (results) => batch.forEach((entry, index) => {
            const result = results[index];
            if (!result) entry.reject(new Error(`[Atelier] group commit: the write settled ${results.length} of ${batch.length} items`));
            else if (result.ok) entry.resolve(result.value);
            else entry.reject(result.error);
          }),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          writing--;
          pump();
        });
    }
  }

  return (item) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    pump();
  });
}

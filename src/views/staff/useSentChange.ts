import { useState } from 'react';

/**
 * What became of the change a form sent, from the page machine's counts of changes and failures.
 * A page sends one change at a time (its machine is `busy` until the answer), so the first change
 * or failure counted after the form sent is its answer. Call `sent()` when the form submits;
 * `done` turns true when the change was made, and the form calls `reset()` as it clears its
 * fields; `refused` is true while the page's last failure is the refusal of this form's change
 * (so its field problems belong at this form's fields, not at another form's).
 *
 * @example
 * const sentChange = useSentChange(changes, failures);
 * if (sentChange.done) { sentChange.reset(); setEmail(''); }
 */
export function useSentChange(changes: number, failures: number) {
  const [sentAt, setSentAt] = useState<{ changes: number; failures: number } | null>(null);
  return {
    done: sentAt !== null && changes > sentAt.changes && failures === sentAt.failures,
    refused: sentAt !== null && changes === sentAt.changes && failures === sentAt.failures + 1,
    sent: () => setSentAt({ changes, failures }),
    reset: () => setSentAt(null),
  };
}

/** Props of {@link FieldMessages}. */
export interface FieldMessagesProps {
  /** The id the field's `aria-describedby` names for its problems. */
  readonly id: string;
  /** What stops the order: an alert. */
  readonly problems: readonly string[];
  /** What only warns: a status. */
  readonly warnings?: readonly string[];
}

/**
 * A personalisation field's problems (an alert, its list named by `id`) and warnings (a status),
 * each a list inside its live region; nothing when there are none.
 */
export function FieldMessages({ id, problems, warnings = [] }: FieldMessagesProps) {
  return (
    <>
      {problems.length > 0 && (
        <div id={id} role="alert">
          <ul className="personalisation__problems">
            {problems.map((problem) => <li key={problem}>{problem}</li>)}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div role="status">
          <ul className="personalisation__warnings">
            {warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </ul>
        </div>
      )}
    </>
  );
}

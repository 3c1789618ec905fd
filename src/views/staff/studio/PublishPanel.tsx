import { useState, type FormEvent } from 'react';
import { MAX_GRACE_HOURS, type Problem } from '../../../domain/index.ts';
import { StaffTextField } from '../StaffTextField.tsx';

/** What the panel reads of the newest check: its problems and, when the worker runs them, the examples. */
export interface PublishCheck {
  readonly diagnostics: readonly { readonly severity: string }[];
  readonly examples?: readonly { readonly passed: boolean }[] | null;
}

/** A refused publish, as the panel shows it. */
export interface PublishFailure {
  readonly message: string;
  readonly problems: readonly Problem[];
}

/** Props of {@link PublishPanel}. */
export interface PublishPanelProps {
  /** The newest check; null until the first. */
  readonly check: PublishCheck | null;
  /** A change is waiting for its check. */
  readonly checking: boolean;
  /** Whether there is a draft: saved, or typed and not saved yet. */
  readonly hasDraft: boolean;
  /** Another tab saved the draft since: publishing waits for the merchandiser's choice. */
  readonly draftInDoubt: boolean;
  readonly busy: boolean;
  readonly failure: PublishFailure | null;
  readonly onPublish: (note: { message: string; graceHours: number }) => void;
}

/** Why publishing cannot be asked for yet, or null when it can. */
export function publishBlocker({ check, checking, hasDraft, draftInDoubt }: Pick<PublishPanelProps, 'check' | 'checking' | 'hasDraft' | 'draftInDoubt'>): string | null {
  if (!hasDraft) return 'Nothing to publish yet: edit the files, and your draft is saved as you type.';
  if (draftInDoubt) return 'Choose which tab\'s text to keep first (above the editor).';
  if (!check || checking) return 'Checking the files…';
  const errors = check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) return `Fix the ${errors === 1 ? 'error' : `${errors} errors`} first: see Problems. Warnings do not stop publishing.`;
  const failing = check.examples?.filter((example) => !example.passed).length ?? 0;
  if (failing > 0) return `${failing === 1 ? 'An example fails' : `${failing} examples fail`}: change the rules, or the example if the rules are right.`;
  return null;
}

/**
 * Publishing the draft: a message (required) and the grace hours (orders under the version it
 * replaces stay accepted that long), the button disabled with the reason while the draft has
 * errors or failing examples, and the server's refusal with each problem.
 */
export function PublishPanel(props: PublishPanelProps) {
  const { busy, failure, onPublish } = props;
  const [message, setMessage] = useState('');
  const [grace, setGrace] = useState('24');
  const [tried, setTried] = useState(false);
  const blocker = publishBlocker(props);
  const graceHours = Number(grace);
  const messageProblem = tried && message.trim() === '' ? { path: 'message', message: 'a message is required to publish', hint: 'say in a sentence what changes for customers and why' } : failure?.problems.find((problem) => problem.path === 'message');
  const graceProblem = grace.trim() === '' || !Number.isFinite(graceHours) || graceHours < 0 || graceHours > MAX_GRACE_HOURS
    ? { path: 'graceHours', message: `the grace must be 0 to ${MAX_GRACE_HOURS} hours`, hint: 'leave 24 unless carts must end sooner or later' }
    : failure?.problems.find((problem) => problem.path === 'graceHours');
  const fileProblems = failure?.problems.filter((problem) => problem.path !== 'message' && problem.path !== 'graceHours') ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blocker || busy || message.trim() === '' || graceProblem) return;
    onPublish({ message: message.trim(), graceHours });
  };

  return (
    <section aria-labelledby="studio-publish" className="studio-publish">
      <h2 id="studio-publish">Publish</h2>
      <form className="studio-publish__form" onSubmit={submit} noValidate>
        <StaffTextField label="Message" value={message} onChange={setMessage} required hint="What changes for customers, and why. It is kept in the history." problem={messageProblem} />
        <StaffTextField label="Grace hours" type="number" inputMode="numeric" min={0} max={MAX_GRACE_HOURS} value={grace} onChange={setGrace} hint="Orders already started under the published version are accepted for this long." problem={graceProblem} />
        <div className="studio-publish__actions">
          <button type="submit" className="button button--primary" disabled={blocker !== null || busy} aria-describedby={blocker ? 'studio-publish-blocker' : undefined}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
          {blocker && <p id="studio-publish-blocker" className="studio-publish__blocker">{blocker}</p>}
        </div>
      </form>
      {failure && (
        <div role="alert" className="staff-alert studio-publish__failure">
          <p>{failure.message}</p>
          {fileProblems.length > 0 && (
            <ul>
              {fileProblems.map((problem, index) => <li key={index}>{problem.path && <code>{problem.path}</code>} {problem.message}{problem.hint && `. ${problem.hint}`}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

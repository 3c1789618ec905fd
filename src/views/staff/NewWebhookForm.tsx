import { useId, useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../domain/index.ts';
import { fieldProblem, type StaffFailure } from '../../machines/index.ts';
import { apiErrorSentence } from '../api/readApiError.ts';
import { StaffTextField } from './StaffTextField.tsx';
import { useSentChange } from './useSentChange.ts';

/** An endpoint as the form asks for it. */
export interface NewWebhook {
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description: string;
}

/** What each event tells the receiver, beside its checkbox. */
const EVENT_DESCRIPTIONS: Readonly<Record<WebhookEvent, string>> = {
  'order.placed': 'A customer placed an order: its number, its link and the order (contact masked).',
};

/** Props of {@link NewWebhookForm}. */
export interface NewWebhookFormProps {
  readonly onSubmit: (endpoint: NewWebhook) => void;
  readonly busy: boolean;
  readonly failure: StaffFailure | null;
  readonly changes: number;
  readonly failures: number;
}

/**
 * "Add an endpoint": the receiver's URL (HTTPS; plain HTTP to this machine only, for testing),
 * the events it is sent (a fieldset of checkboxes) and a note on what it is. Empty again once added.
 */
export function NewWebhookForm({ onSubmit, busy, failure, changes, failures }: NewWebhookFormProps) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<readonly WebhookEvent[]>(['order.placed']);
  const [description, setDescription] = useState('');
  const sentChange = useSentChange(changes, failures);
  if (sentChange.done) {
    sentChange.reset();
    setUrl('');
    setDescription('');
  }
  const mine = sentChange.refused ? failure : null;
  const eventsProblem = fieldProblem(mine, 'events');
  const toggle = (event: WebhookEvent, checked: boolean) => setEvents(WEBHOOK_EVENTS.filter((known) => (known === event ? checked : events.includes(known))));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Waiting for the page's last change: the button says so (aria-disabled), and nothing is sent.
    if (busy) return;
    sentChange.sent();
    onSubmit({ url, events, description });
  };

  return (
    <form className="staff-card staff-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add an endpoint</h2>
      <StaffTextField label="URL" type="url" inputMode="url" autoComplete="off" spellCheck={false} value={url} onChange={setUrl} hint="Where the events are posted, e.g. https://erp.example/atelier/webhooks." problem={fieldProblem(mine, 'url')} />
      <fieldset className="staff-choices" aria-describedby={eventsProblem ? `${id}-events-problem` : undefined}>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <div key={event} className="staff-choice">
            <input id={`${id}-${event}`} type="checkbox" checked={events.includes(event)} onChange={(change) => toggle(event, change.target.checked)} aria-describedby={`${id}-${event}-about`} />
            <label htmlFor={`${id}-${event}`}><code>{event}</code></label>
            <span id={`${id}-${event}-about`} className="staff-choice__about">{EVENT_DESCRIPTIONS[event]}</span>
          </div>
        ))}
        {eventsProblem && <p id={`${id}-events-problem`} className="field__hint field__hint--error">{apiErrorSentence(eventsProblem)}</p>}
      </fieldset>
      <StaffTextField label="Description (optional)" autoComplete="off" value={description} onChange={setDescription} hint="What receives the events, e.g. ERP." problem={fieldProblem(mine, 'description')} />
      <div className="staff-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>Add endpoint</button>
      </div>
    </form>
  );
}

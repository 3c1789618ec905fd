import { useEffect } from 'react';
import type { ConfiguratorActor } from './ConfiguratorActorContext.ts';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'tel', 'url', 'password', 'date', 'time', 'datetime-local', 'month', 'week']);

/** True while the customer types: there Ctrl+Z belongs to the text field, not to the design. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Global undo and redo: Ctrl+Z / Cmd+Z undoes; Ctrl+Shift+Z, Cmd+Shift+Z and Ctrl+Y redo. Ignored
 * while typing in a text field and whenever the session cannot undo or redo (a dialog is open).
 */
export function useKeyboardShortcuts(actor: ConfiguratorActor): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const type = key === 'z' ? (event.shiftKey ? 'history.redo' : 'history.undo') : key === 'y' && !event.shiftKey ? 'history.redo' : null;
      if (type === null) return;
      // Swallow the browser's own undo even when there is nothing to undo: it would act on the page.
      event.preventDefault();
      if (actor.getSnapshot().can({ type })) actor.send({ type });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actor]);
}

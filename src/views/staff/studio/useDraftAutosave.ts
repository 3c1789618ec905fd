import { useEffect, useState, useSyncExternalStore } from 'react';
import { saveStudioDraft } from '../../api/studioClient.ts';
import type { StaffConnection } from '../../api/staffClient.ts';
import { DraftAutosave, type AutosaveState } from './draftAutosave.ts';

/**
 * The studio page's autosave (see {@link DraftAutosave}), saving to the server, and saving at once
 * when the page is hidden or closed (the request asked to outlive the page) and when the studio is
 * left for another staff page.
 *
 * @example const { autosave, state } = useDraftAutosave(connection, 'sneaker', { basedOn, revision: myDraft?.revision ?? 0 });
 */
export function useDraftAutosave(connection: StaffConnection, productId: string, start: { readonly basedOn: string; readonly revision: number }): { autosave: DraftAutosave; state: AutosaveState } {
  const [autosave] = useState(() => new DraftAutosave({ ...start, save: (request, options) => saveStudioDraft(connection, productId, request, options) }));
  const state = useSyncExternalStore((listener) => autosave.subscribe(listener), () => autosave.state);
  useEffect(() => {
    const leave = () => autosave.flush({ keepalive: true });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', leave);
      autosave.flush();
    };
  }, [autosave]);
  return { autosave, state };
}

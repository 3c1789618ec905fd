import type { DesignDocument } from '../../domain/index.ts';

const SESSION_KEY = 'atelier.session';
/** Where the customer's own choice is kept: "off" when they switched signals off on this browser. */
export const SIGNALS_CHOICE_KEY = 'atelier.signals';

/**
 * Whether this browser lets the shop count what is done with designs: not when the browser asks
 * not to be tracked (Do Not Track, Global Privacy Control) or the customer switched it off.
 */
export function designSignalsAllowed(): boolean {
  if (typeof navigator === 'undefined') return false;
  const browser = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (browser.doNotTrack === '1' || browser.globalPrivacyControl === true) return false;
  try {
    return localStorage.getItem(SIGNALS_CHOICE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Switches design signals on or off for this browser (the customer's choice, kept across visits). */
export function allowDesignSignals(allowed: boolean): void {
  try {
    if (allowed) localStorage.removeItem(SIGNALS_CHOICE_KEY);
    else localStorage.setItem(SIGNALS_CHOICE_KEY, 'off');
  } catch {
    // Storage refused (a private window): the choice lasts for this page only.
  }
}

/**
 * The visit's anonymous id: random, kept for this tab's session only, never tied to the customer's
 * name, email, orders or the gallery's voter cookie. It lets the designers count distinct visits.
 */
function anonymousSession(): string {
  try {
    const stored = sessionStorage.getItem(SESSION_KEY);
    if (stored) return stored;
    const made = crypto.randomUUID();
    sessionStorage.setItem(SESSION_KEY, made);
    return made;
  } catch {
    return crypto.randomUUID();
  }
}

/**
 * The headers an order, a gallery submission or a vote carries for the design signals the server
 * records with it: the anonymous session, or `DNT: 1` when signals are not allowed here.
 */
export function designSignalHeaders(): Record<string, string> {
  return designSignalsAllowed() ? { 'Atelier-Session': anonymousSession() } : { DNT: '1' };
}

/**
 * Tells the shop, anonymously, that this design was reviewed or its link shared (`POST /api/signals`):
 * the design's choices only, never its personal text. Sent with `keepalive` so that it survives the
 * page closing; a failure is ignored (signals are for the designers, never in the customer's way).
 */
export function sendDesignSignal(kind: 'reviewed' | 'shared', design: Pick<DesignDocument, 'productId' | 'rulesVersion' | 'choices'>, remix: boolean): void {
  if (!designSignalsAllowed()) return;
  const signal = { kind, productId: design.productId, rulesVersion: design.rulesVersion, choices: design.choices, ...(remix ? { remix: true } : {}) };
  void fetch('/api/signals', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    keepalive: true,
    body: JSON.stringify({ session: anonymousSession(), signals: [signal] }),
  }).catch(() => undefined);
}

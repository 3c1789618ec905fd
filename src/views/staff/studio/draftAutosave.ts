// Saving the studio's draft on the server as the merchandiser types: once typing pauses, and at
// once when the page is hidden or closed. One save is in flight at a time; edits made meanwhile
// are saved after it. Every save names the revision last read or saved, so a second tab's save
// is refused (`changed`) rather than overwriting this one's unseen — or this one overwriting it.

/** A draft's two files' text, and its CSV tables by name as the rules file writes them. */
export interface DraftTexts {
  readonly product: string;
  readonly rules: string;
  readonly tables?: Readonly<Record<string, string>>;
}

/** What a save sends: the texts, the version they started from and the revision last known. */
export interface DraftSaveRequest extends DraftTexts {
  readonly basedOn: string;
  readonly revision: number;
}

/** The server's answer to a save (a failure to reach it is a thrown error). */
export type DraftSaveResult =
  | { readonly kind: 'saved'; readonly draft: { readonly revision: number; readonly updatedAt: string } }
  | { readonly kind: 'changed'; readonly stored: { readonly revision: number; readonly updatedAt: string } | null };

/** Where the autosave stands, as the studio shows it. */
export type AutosaveState =
  /** Nothing typed since the page opened the draft (or since the last save). */
  | { readonly status: 'idle' }
  /** Typed; saved once typing pauses. */
  | { readonly status: 'pending' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly updatedAt: string; readonly revision: number }
  /** Another tab saved (or discarded) the draft since: nothing is saved until the merchandiser chooses. */
  | { readonly status: 'changed'; readonly stored: { readonly revision: number; readonly updatedAt: string } | null }
  /** The save failed (the shop unreachable…); tried again after {@link RETRY_MS} or at the next edit. */
  | { readonly status: 'failed'; readonly message: string };

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1000;
/** How long after a failed save it is tried again. */
export const RETRY_MS = 5000;

/** The timers the autosave waits with (the page's; a test's fake ones). */
export interface AutosaveTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the autosave acts with. */
export interface DraftAutosaveOptions {
  /** The published version the texts started from. */
  readonly basedOn: string;
  /** The stored draft's revision when the page opened (0: none). */
  readonly revision: number;
  /** Sends a save; `keepalive` when the page is going away. */
  readonly save: (request: DraftSaveRequest, options: { readonly keepalive: boolean }) => Promise<DraftSaveResult>;
  readonly delayMs?: number;
  readonly timers?: AutosaveTimers;
}

/**
 * The autosave of one studio page: tell it of each edit with {@link DraftAutosave.edited} (it
 * reads the texts only when it saves), {@link DraftAutosave.flush} when the page is hidden.
 *
 * @example
 * const autosave = new DraftAutosave({ basedOn, revision: 0, save: (request, options) => saveStudioDraft(connection, id, request, options) });
 * autosave.subscribe(() => render(autosave.state));
 * editor.onChange(() => autosave.edited(() => ({ product: productEditor.text(), rules: rulesEditor.text() })));
 */
export class DraftAutosave {
  private current: AutosaveState = { status: 'idle' };
  private readonly listeners = new Set<() => void>();
  private readonly timers: AutosaveTimers;
  private readonly delayMs: number;
  private basedOn: string;
  private revision: number;
  /** The texts to save next, read when saving (unset: nothing unsaved). */
  private unsaved: (() => DraftTexts) | undefined;
  private timer: unknown;
  private inFlight = false;
  private flight: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: DraftAutosaveOptions) {
    this.basedOn = options.basedOn;
    this.revision = options.revision;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  }

  /** Where it stands. */
  get state(): AutosaveState {
    return this.current;
  }

  /** The revision the next save names. */
  get knownRevision(): number {
    return this.revision;
  }

  /** Whether there is a draft to publish: one saved, or text typed and not saved yet. */
  get hasDraft(): boolean {
    return this.revision > 0 || this.unsaved !== undefined;
  }

  /**
   * Saves what is unsaved now and waits until nothing is unsaved or in flight (before a publish,
   * which publishes the stored draft); answers where the autosave then stands.
   */
  async saved(): Promise<AutosaveState> {
    this.clearTimer();
    while (this.current.status !== 'changed' && this.current.status !== 'failed' && (this.inFlight || this.unsaved)) {
      await (this.flight ?? this.saveNow(false));
    }
    return this.current;
  }

  /** Calls `listener` at every change of {@link DraftAutosave.state}; returns how to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The texts changed: saved once typing pauses (not while another tab's save awaits a choice). */
  edited(texts: () => DraftTexts): void {
    if (this.stopped) return;
    this.unsaved = texts;
    if (this.current.status === 'changed') return;
    this.wait(this.delayMs);
    if (!this.inFlight) this.set({ status: 'pending' });
  }

  /** Saves what is unsaved now (the page is being hidden or closed). */
  flush(options: { readonly keepalive?: boolean } = {}): void {
    if (this.current.status === 'changed') return;
    this.clearTimer();
    void this.saveNow(options.keepalive === true);
  }

  /**
   * After another tab's save: this page's text wins, saved over the stored revision (or as a new
   * draft when the other tab discarded or published it).
   */
  keepMine(): void {
    if (this.current.status !== 'changed') return;
    this.revision = this.current.stored?.revision ?? 0;
    this.set({ status: this.unsaved ? 'pending' : 'idle' });
    this.flush();
  }

  /**
   * The page opened other texts (a restored draft, the published version after a discard or a
   * publish): the next save starts from `basedOn` over `revision`, and nothing is unsaved.
   */
  reset(basedOn: string, revision: number): void {
    this.clearTimer();
    this.basedOn = basedOn;
    this.revision = revision;
    this.unsaved = undefined;
    this.set({ status: 'idle' });
  }

  /** Stops saving (the page is gone); a save in flight still finishes. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private saveNow(keepalive: boolean): Promise<void> {
    if (this.inFlight || !this.unsaved) return Promise.resolve();
    const flight = this.send(keepalive);
    this.flight = flight;
    void flight.finally(() => {
      if (this.flight === flight) this.flight = undefined;
    });
    return flight;
  }

  private async send(keepalive: boolean): Promise<void> {
    if (!this.unsaved) return;
    const texts = this.unsaved;
    this.unsaved = undefined;
    this.inFlight = true;
    this.set({ status: 'saving' });
    const basedOn = this.basedOn;
    let result: DraftSaveResult | { kind: 'failed'; message: string };
    try {
      result = await this.options.save({ ...texts(), basedOn, revision: this.revision }, { keepalive });
    } catch (error) {
      result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    this.inFlight = false;
    // Not saved: the texts are still unsaved, unless newer ones came meanwhile.
    if (result.kind !== 'saved') this.unsaved ??= texts;
    switch (result.kind) {
      case 'saved':
        this.revision = result.draft.revision;
        if (this.unsaved && !this.stopped) {
          this.set({ status: 'pending' });
          if (this.timer === undefined) void this.saveNow(false);
        } else {
          this.set({ status: 'saved', updatedAt: result.draft.updatedAt, revision: result.draft.revision });
        }
        return;
      case 'changed':
        this.clearTimer();
        this.set({ status: 'changed', stored: result.stored });
        return;
      case 'failed':
        this.set({ status: 'failed', message: result.message });
        if (!this.stopped) this.wait(RETRY_MS);
        return;
      default:
        throw new Error(`[Atelier] unknown save result ${JSON.stringify(result satisfies never)}`);
    }
  }

  private wait(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.saveNow(false);
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(state: AutosaveState): void {
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}

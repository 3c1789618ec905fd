import type { ActorRefFrom } from 'xstate';
import type {
  ArtworkMeta, Assignment, AttributeId, CatalogEntry, Choice, ConfigurationSpace, DesignSummary, Explanation, OptionId, PartId, SessionFacts,
} from '../domain/index.ts';
import type { ArtworkFile, ArtworkUpload } from './artworkUploads.ts';
import type { checkoutMachine, CheckoutEvent } from './checkoutMachine.ts';
import type { DesignHistory } from './designHistory.ts';
import type { OrderDocument } from '../domain/index.ts';
import type { PlacedOrder } from './orderSubmission.ts';
import type { RulesUpdateNotice } from './rulesUpdate.ts';

/** A choice the customer asked for that the rules do not allow with their other choices. */
export interface Conflict {
  readonly explanation: Explanation;
  /** Why, in one sentence. */
  readonly reason: string;
  /** The proposed repair in one sentence; undefined when no change of choices helps. */
  readonly repairText?: string;
}

/** Everything a configurator session holds. */
export interface SessionContext {
  readonly entry: CatalogEntry;
  readonly space: ConfigurationSpace;
  readonly history: DesignHistory;
  /** Derived from `history.present` by the domain after every change; views only read it. */
  readonly summary: DesignSummary;
  readonly conflict: Conflict | null;
  /** The part the customer is looking at; the preview turns the camera toward it. */
  readonly focusedPart: PartId | null;
  /** The last change in words, for the screen-reader live region. */
  readonly announcement: string;
  /** The session's checkout (its child): size, quantity, contact, address and the order. */
  readonly checkout: ActorRefFrom<typeof checkoutMachine>;
  /** The gallery design this session was remixed from; orders and submissions name it. */
  readonly remixOf: string | null;
  /** Artworks the customer uploaded this session (the shop stores them), by id. */
  readonly artworks: ReadonlyMap<string, ArtworkMeta>;
  /** Each artwork field's latest upload, by field id. */
  readonly uploads: ReadonlyMap<string, ArtworkUpload>;
  /** What the session knows of the customer (region, date); newly published rules are compiled with it. */
  readonly facts?: SessionFacts;
  /** Whether the session asks the shop for newly published rules (`catalog.check`, and before an order). */
  readonly watchesCatalog: boolean;
  /** `checking` while the `checkCatalog` actor is asking the shop for newly published rules. */
  readonly catalogCheck: 'idle' | 'checking';
  /** The order the customer asked to place while the rules were being checked: sent once they are known current. */
  readonly orderAfterCheck: Extract<CheckoutEvent, { type: 'order.submit' }> | null;
  /** The last time the shop's new rules changed the open design, said for the page; null until then. */
  readonly rulesUpdate: RulesUpdateNotice | null;
}

/** Events a session accepts, namespaced by what they act on. */
export type SessionEvent =
  | { type: 'option.select'; attribute: AttributeId; option: OptionId }
  | { type: 'option.clear'; attribute: AttributeId }
  | { type: 'preset.apply'; presetId: string }
  | { type: 'history.undo' }
  | { type: 'history.redo' }
  | { type: 'design.reset' }
  | { type: 'design.review' }
  | { type: 'review.back' }
  | { type: 'design.new' }
  /** Types into a personalisation field (`key` = field id) or picks its style (`textStyleKeys`) or placement (`artworkPlacementKeys`). */
  | { type: 'personalisation.edit'; key: string; value: string }
  /** The customer picked a file for an artwork field: upload it (the `uploadArtwork` actor), then place it. */
  | { type: 'artwork.upload'; field: string; file: ArtworkFile }
  /** An artwork was uploaded (and inspected by the shop) for an artwork field: place it there. */
  | { type: 'artwork.attach'; field: string; artwork: ArtworkMeta }
  | { type: 'artwork.remove'; field: string }
  | { type: 'conflict.accept' }
  | { type: 'conflict.cancel' }
  | { type: 'part.focus'; partId: PartId | null }
  /** Ask the shop whether it published new rules for this product (the page sends it every minute and when it is shown again). */
  | { type: 'catalog.check' }
  /** The review's fields and buttons: handed to the checkout. */
  | Exclude<CheckoutEvent, { type: 'checkout.design' | 'checkout.restart' }>;

/** Events a session emits to whoever listens (`actor.on(...)`). */
export type SessionEmitted = { type: 'order.exported'; order: OrderDocument } | { type: 'order.placed'; order: PlacedOrder };

/** What a session starts from. */
export interface SessionInput {
  readonly entry: CatalogEntry;
  /** The compiled rules; compiled from `entry` when absent. */
  readonly space?: ConfigurationSpace;
  /** Choices to start with (a shared or saved design), oldest first. */
  readonly choices?: readonly Choice[];
  /** Clock for order timestamps (tests pass a fixed one). */
  readonly now?: () => Date;
  /** The values of a shared or remixed design beyond `choices`: kept as suggestions. */
  readonly startedFrom?: Assignment;
  /** The gallery design this session remixes. */
  readonly remixOf?: string;
  /** New idempotency keys for orders (default `crypto.randomUUID()`). */
  readonly newIdempotencyKey?: () => string;
  /**
   * What is known about the session (region, date): availability rules read it. When `space` is
   * given it was compiled with them; they are kept to compile newly published rules the same way.
   */
  readonly facts?: SessionFacts;
  /**
   * Ask the shop for newly published rules (`catalog.check`, and before every order) through the
   * `checkCatalog` actor (default false: the rules the session started with are final).
   */
  readonly watchCatalog?: boolean;
}

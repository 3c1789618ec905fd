import type { CandidateSort as RequestedSort, DesignSignalKind } from '../domain/requests/index.ts';
import type { ArtworkMeta, CatalogEntry, DesignDocument } from '../domain/index.ts';
import type { InsightGallery } from '../domain/staff/index.ts';
import type { OrderRecord } from './serverOrder.ts';
import type {
  ApiToken, AuditEntry, DeliveryAttempt, DueDelivery, NewApiToken, NewAuditEntry, NewStaffAccount, NewStaffSession, NewWebhookEndpoint,
  SessionLifetime, StaffAccount, StaffAccountChange, StaffSession, StoredStaffAccount, WebhookDelivery, WebhookEndpoint,
} from './staffRecords.ts';
import type { CreditableOrder, DesignCredit, ReviewDecision, ReviewQueueQuery, ReviewQueueRow, ShortlistEntry } from './reviewRecords.ts';
import type { VotingPolicy } from './votingPolicy.ts';
import type { RulesSources } from './repository/rulesSourceStore.ts';
import type { StudioDraft, StudioDraftListing, StudioDraftSave, StudioDraftSaveOutcome } from './repository/studioDraftStore.ts';

/** Where a rules version stands as stored (see migrations 010 and 011). */
export interface RulesVersionStatus {
  /** `draft`: recorded, never published (orders cannot name it); `published`: the current one. */
  readonly state: 'draft' | 'published' | 'superseded' | 'retired';
  /** Superseded: orders under it are accepted until then (ISO 8601). */
  readonly acceptUntil: string | null;
  /** Retired: since when (ISO 8601). */
  readonly retiredAt: string | null;
}

/** A recorded rules version in the list of a product's versions. */
export interface RulesVersionListing extends RulesVersionStatus {
  readonly rulesVersion: string;
  /** When it was recorded (for a draft: when it was drafted). */
  readonly publishedAt: string;
  /** Who made it current last (an email, `cli` or `files`); null for a draft or a version published before 011. */
  readonly publishedBy: string | null;
  /** The message given when it was made current last; null as `publishedBy` is. */
  readonly message: string | null;
}

/** Who makes a version current and why, recorded with it and in the history. */
export interface RulesPublicationNote {
  /** A staff account's email, `cli` (the operator's command) or `files` (the server's first start). */
  readonly actor: string;
  readonly message: string;
  /** `rolled-back` when an earlier version is made current again (default `published`). */
  readonly action?: RulesPublicationAction;
}

/** What a line of the publication history records. */
export type RulesPublicationAction = 'published' | 'rolled-back';

/** A line of a product's publication history (table `rules_publications`, kept for ever). */
export interface RulesPublication {
  readonly seq: number;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly action: RulesPublicationAction;
  readonly actor: string;
  readonly message: string;
  /** ISO 8601. */
  readonly at: string;
}

/** An order as stored, with what identifies it. */
export interface StoredOrder {
  /** Position in the order sequence; the order number is derived from it. */
  readonly seq: number;
  /** Unguessable id used in URLs. */
  readonly id: string;
  readonly idempotencyKey: string;
  /** SHA-256 of the request body that created it, to tell a retry from a reused key. */
  readonly requestHash: string;
  readonly record: OrderRecord;
}

/** A new order to store, fully validated and priced. */
export interface NewOrder {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly record: OrderRecord;
  /** The PNG bytes of `record.previewImages`, in the same order. */
  readonly images: readonly Uint8Array[];
}

/**
 * What storing an order led to: stored now, or an order already stored under that idempotency
 * key (by an earlier or a concurrent request), which the caller compares with its request.
 */
export type PlaceOrderOutcome =
  | { readonly kind: 'created'; readonly order: StoredOrder }
  | { readonly kind: 'existing'; readonly order: StoredOrder };

/** An uploaded artwork as stored: what the inspection found, and the file itself. */
export interface StoredArtwork {
  readonly meta: Omit<ArtworkMeta, 'url'>;
  readonly bytes: Uint8Array;
}

/** A stored preview image. */
export interface StoredImage {
  readonly contentType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Where an export page starts: after this order (exports are ordered by creation time, then number). */
export interface ExportCursor {
  readonly createdAt: string;
  readonly seq: number;
}

/** A design to show in the gallery: validated, personalisation removed, title moderated. */
export interface NewCandidate {
  /** Unguessable id used in URLs. */
  readonly id: string;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly canonicalKey: string;
  /** The design document, its `personalisation` empty. */
  readonly design: DesignDocument;
  readonly title: string;
  /** The PNG bytes of the gallery picture, drawn by the server from the design's choices. */
  readonly thumbnail: Uint8Array;
  /** The id of the candidate this design was started from, when it is a remix (known to exist). */
  readonly remixOf?: string;
  /** The voter id of the customer who submitted it. */
  readonly submittedBy: string;
  readonly createdAt: string;
  /** The creator to credit, when the submitter named one (the email is private: see migration 016). */
  readonly creator?: { readonly displayName: string; readonly email?: string };
}

/** A candidate as stored, with its counts, as seen by one voter. */
export interface StoredCandidate {
  readonly seq: number;
  readonly id: string;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly canonicalKey: string;
  readonly design: DesignDocument;
  readonly title: string;
  readonly remixOf: string | null;
  /** ISO 8601 with microseconds. */
  readonly createdAt: string;
  /** Unflagged votes: only these count in the score. */
  readonly upVotes: number;
  readonly downVotes: number;
  /** Votes cast in bursts: kept, not counted. */
  readonly flaggedVotes: number;
  /** Orders of this design: same product and canonical key, whoever placed them. */
  readonly orders: number;
  /** Candidates and orders that name this candidate as the design they were started from. */
  readonly remixes: number;
  /** Distinct customers who submitted this design. */
  readonly submitters: number;
  /** The vote of the voter asking: 1, -1, or 0 for none. */
  readonly myVote: -1 | 0 | 1;
  /** Hidden from the public gallery by a designer (migration 016). */
  readonly hidden: boolean;
  /** The creator's display name when a designer approved the design; null otherwise. */
  readonly coCreatedBy: string | null;
}

/**
 * How a gallery list is ordered.
 * - `top`: Wilson lower bound (z = 1.96) of the unflagged up- and down-votes, highest first.
 * - `most-ordered`: number of orders of the candidate's design (same product and canonical key).
 * - `trending`: growth of activity, `recent − previous`, where `recent` is the candidate's unflagged
 *   up-votes (counted at the time each was last set) plus the orders of its design in the 7 days
 *   before now, and `previous` the same in the 7 days before that; ties by `recent`, then newest.
 * - `newest`: creation time, newest first.
 * Every sort breaks remaining ties newest first. The sorts are named once, with the list query's schema, in the domain.
 */
export type CandidateSort = RequestedSort;

/** What a gallery list asks for. */
export interface CandidateQuery {
  /** Only this product's candidates; all products when left out. */
  readonly productId?: string;
  readonly sort: CandidateSort;
  readonly limit: number;
  /** How many candidates of the ordered list to skip (default 0). */
  readonly offset?: number;
  /** The voter asking, for `myVote`. */
  readonly viewer?: string;
  /** The time the trending windows end at. */
  readonly now: Date;
  /** Also the candidates a designer hid (staff lists); the public gallery leaves them out. */
  readonly includeHidden?: boolean;
}

/** What submitting a candidate led to: a new candidate, or an existing one with the same design, now with this submitter. */
export type SubmitCandidateOutcome =
  | { readonly kind: 'created'; readonly candidate: StoredCandidate }
  | { readonly kind: 'joined'; readonly candidate: StoredCandidate };

/** A vote: up (1), down (-1) or none (0, removing the voter's vote). */
export interface NewVote {
  readonly candidateId: string;
  readonly voterId: string;
  readonly value: -1 | 0 | 1;
  readonly now: Date;
  readonly policy: VotingPolicy;
}

/** The voter's votes in the rate limit's window, this one included, and the seconds until the oldest leaves it. */
export interface VoteWindow {
  readonly votes: number;
  readonly resetSeconds: number;
}

/** What casting a vote led to. `flagged`: cast in a burst, so kept but not counted. */
export type CastVoteOutcome =
  | { readonly kind: 'cast'; readonly candidate: StoredCandidate; readonly flagged: boolean; readonly window: VoteWindow }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'unknown-candidate' };

/** One request counted against a per-client limit, in the fixed window of `windowSeconds` that holds `now`. */
export interface RateLimitHit {
  /** Which limit, e.g. `voter-ids`. */
  readonly name: string;
  /** The client, e.g. its address. */
  readonly client: string;
  readonly windowSeconds: number;
  readonly now: Date;
}

/** The count of a limit's window after a hit: the hits in it, this one included, and when it ends. */
export interface RateLimitCount {
  readonly hits: number;
  readonly resetsAt: Date;
}

/**
 * Everything the server stores, behind one interface. `sqlRepository.ts` implements it once in SQL
 * over PGlite or a PostgreSQL server; `tests/server/repository.shared.ts` checks both.
 */
export interface Repository {
  /**
   * Records a product and rules version, as a draft (orders cannot name it until
   * {@link Repository.makeCurrentRulesVersion} publishes it); does nothing when it is already recorded.
   */
  publishCatalogEntry(entry: CatalogEntry, publishedAt: Date): Promise<void>;
  /** A recorded rules version of a product (a draft too), or undefined when it was never recorded here. */
  findCatalogEntry(productId: string, rulesVersion: string): Promise<CatalogEntry | undefined>;
  /** The rules versions recorded for a product, oldest first, with where each stands and who published it. */
  listRulesVersions(productId: string): Promise<RulesVersionListing[]>;
  /**
   * Makes a recorded version the product's current one (state `published`; a superseded or retired
   * version published again is a rollback) and, in the same transaction, supersedes the product's
   * other published version, accepting orders under it until `now + graceSeconds`. Versions
   * superseded earlier keep their grace. With `publication`, who did it and why is written on the
   * version and as a line of the history ({@link Repository.listRulesPublications}) — unless it
   * was current already, which changes nothing. Returns the versions superseded now.
   */
  makeCurrentRulesVersion(productId: string, rulesVersion: string, now: Date, graceSeconds: number, publication?: RulesPublicationNote): Promise<string[]>;
  /** A product's publication history, newest first. */
  listRulesPublications(productId: string): Promise<RulesPublication[]>;
  /**
   * The current (published) rules version of every product, by product id: what the catalog
   * serves, read at start and polled so a publish from another process takes effect here.
   */
  listCurrentRulesVersions(): Promise<ReadonlyMap<string, string>>;
  /** Where a recorded version stands; undefined when it was never published here. */
  findRulesVersionStatus(productId: string, rulesVersion: string): Promise<RulesVersionStatus | undefined>;
  /**
   * Retires a superseded version now: orders under it are refused from then on. `current` when it
   * is the product's published version (publish another first), `draft` when it was never published (nothing to retire), `unknown` when never recorded.
   */
  retireRulesVersion(productId: string, rulesVersion: string, now: Date): Promise<'retired' | 'already-retired' | 'current' | 'draft' | 'unknown'>;
  /** The order stored under an idempotency key, if any. */
  findOrderByIdempotencyKey(idempotencyKey: string): Promise<StoredOrder | undefined>;
  /**
   * Stores an order and its images atomically (one transaction). When the idempotency key is
   * taken, stores nothing and returns the order stored under it. Resolves after the commit, so
   * the caller may acknowledge the order then. In the same transaction it writes the
   * `order.placed` event to the outbox: one delivery per enabled webhook endpoint subscribed to it,
   * with the data `{ orderId }` and the subject the order's id.
   */
  placeOrder(order: NewOrder): Promise<PlaceOrderOutcome>;
  /** An order by its URL id. */
  findOrder(id: string): Promise<StoredOrder | undefined>;
  /** The n-th preview image (from 1) of an order. */
  findOrderImage(id: string, position: number): Promise<StoredImage | undefined>;
  /** Orders created at or after `since`, oldest first, at most `limit`, starting after `cursor`. */
  listOrdersSince(since: Date, limit: number, cursor?: ExportCursor): Promise<{ orders: StoredOrder[]; next?: ExportCursor }>;
  /** How many orders are stored. */
  countOrders(): Promise<number>;
  /** Stores an inspected artwork under its content id; storing the same id again changes nothing. */
  saveArtwork(artwork: StoredArtwork, createdAt: Date): Promise<void>;
  /** Artworks by id (unknown ids are left out). */
  findArtworks(ids: readonly string[]): Promise<StoredArtwork[]>;
  /** What is known of artworks by id, without their files (unknown ids are left out): all an order's revalidation needs. */
  findArtworkMetas(ids: readonly string[]): Promise<StoredArtwork['meta'][]>;
  /** Stores the rendered print file (PNG) of an order's zone; storing it again changes nothing (orders never change). */
  savePrintFile(orderId: string, zone: string, png: Uint8Array, createdAt: Date): Promise<void>;
  /** The stored print file of an order's zone, if it was rendered before. */
  findPrintFile(orderId: string, zone: string): Promise<Uint8Array<ArrayBuffer> | undefined>;

  /**
   * Stores a gallery candidate and its submitter in one transaction. When the product already has
   * a candidate with that canonical key, stores only the submitter (once per voter id) and returns
   * that candidate: its title, thumbnail and remix link stay as they were.
   */
  submitCandidate(candidate: NewCandidate): Promise<SubmitCandidateOutcome>;
  /** Whether a candidate with this URL id exists (cheaper than finding it). */
  hasCandidate(id: string): Promise<boolean>;
  /** A candidate by its URL id, with `myVote` of `viewer`. */
  findCandidate(id: string, viewer?: string): Promise<StoredCandidate | undefined>;
  /** The picture of a candidate; undefined when there is no such candidate or it has no picture yet (see migration 008). */
  findCandidateThumbnail(id: string): Promise<StoredImage | undefined>;
  /** Stores the picture of a candidate that has none; a picture already stored is kept. */
  saveCandidateThumbnail(id: string, png: Uint8Array): Promise<void>;
  /** A page of the gallery, in the order asked for (see {@link CandidateSort}). */
  listCandidates(query: CandidateQuery): Promise<StoredCandidate[]>;
  /**
   * Records a vote, one per voter per candidate: a second vote replaces the first, value 0 removes
   * it. Every vote is logged; a voter with `policy.maxVotesPerWindow` votes in the window is
   * refused (nothing written); a vote beyond `policy.unflaggedVotesPerWindow` in the window is
   * stored flagged. The candidate's counts and score are updated in the same transaction.
   */
  castVote(vote: NewVote): Promise<CastVoteOutcome>;

  /**
   * Counts one hit of a client on a limit, atomically (one statement, so concurrent hits from
   * several servers are each counted once), and returns the window's count. Windows are fixed and
   * aligned to multiples of `windowSeconds` since the epoch; the first hit after a window ends
   * starts a new one at 1. Windows that ended are deleted now and then.
   */
  countRateLimitHit(hit: RateLimitHit): Promise<RateLimitCount>;
  // ---- Staff accounts and sessions (migration 009) ----

  /** Stores a new account; `email_taken` (nothing stored) when another account has that email. */
  createStaffAccount(account: NewStaffAccount): Promise<{ readonly kind: 'created'; readonly account: StaffAccount } | { readonly kind: 'email_taken' }>;
  /** An account by its (lower-cased) email, with its password hash, disabled or not. */
  findStaffAccountByEmail(email: string): Promise<StoredStaffAccount | undefined>;
  /** An account by id, with its password hash. */
  findStaffAccount(id: string): Promise<StoredStaffAccount | undefined>;
  /** Every account, oldest first. */
  listStaffAccounts(): Promise<StaffAccount[]>;
  /** How many enabled accounts hold this role (to keep the last admin from being removed). */
  countEnabledStaffWithRole(role: StaffAccount['roles'][number]): Promise<number>;
  /**
   * Changes an account; in the same transaction, a new password or disabling deletes every session
   * of the account. Undefined when there is no such account.
   */
  updateStaffAccount(id: string, change: StaffAccountChange): Promise<StaffAccount | undefined>;
  /** Records a successful login's time. */
  recordStaffLogin(id: string, at: Date): Promise<void>;
  /** Stores a new session. */
  createStaffSession(session: NewStaffSession): Promise<void>;
  /**
   * The session with this id hash, if it is still alive at `now` (seen within `idleSeconds`,
   * created within `absoluteSeconds`) and its account is enabled; its last-seen time is moved to
   * `now` (written at most once a minute). A session that is no longer alive is deleted.
   */
  findStaffSession(idHash: string, now: Date, lifetime: SessionLifetime): Promise<StaffSession | undefined>;
  /** Ends one session (logout). */
  deleteStaffSession(idHash: string): Promise<void>;
  /** Ends every session of an account (logout everywhere); returns how many there were. */
  deleteStaffSessionsOf(accountId: string): Promise<number>;

  // ---- API tokens ----

  /** Stores a new token (its hash only). */
  createApiToken(token: NewApiToken): Promise<void>;
  /**
   * The token with this hash if it is neither revoked nor expired at `now`; its last use is moved
   * to `now` (written at most once a minute).
   */
  findApiToken(tokenHash: string, now: Date): Promise<ApiToken | undefined>;
  /** Every token, newest first, revoked and expired ones too. */
  listApiTokens(): Promise<ApiToken[]>;
  /** Revokes a token; false when there is no such token or it was revoked already. */
  revokeApiToken(id: string, now: Date): Promise<boolean>;

  // ---- Webhooks: endpoints, the outbox, deliveries ----

  /** Stores a webhook endpoint. */
  createWebhookEndpoint(endpoint: NewWebhookEndpoint): Promise<void>;
  /** Every endpoint, oldest first, disabled ones too. */
  listWebhookEndpoints(): Promise<WebhookEndpoint[]>;
  /** Disables an endpoint: no new deliveries, pending ones are not sent. False when unknown or disabled already. */
  disableWebhookEndpoint(id: string, now: Date): Promise<boolean>;
  /**
   * Takes up to `limit` deliveries due at `now` for the worker: pending, due, of an enabled
   * endpoint, and with no earlier undelivered delivery of the same subject to the same endpoint
   * (events of one order arrive in order). Each taken delivery's next attempt is moved to
   * `now + leaseSeconds`, so another worker (another server) does not take it meanwhile and a
   * worker that died with it lets it come due again.
   */
  claimDueDeliveries(now: Date, limit: number, leaseSeconds: number): Promise<DueDelivery[]>;
  /** Records an attempt: delivered, failed with a next attempt, or failed for good (`nextAttemptAt` null). */
  recordDeliveryAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** An endpoint's deliveries, newest first, at most `limit`. */
  listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
  /** Sends a delivery again now (delivered or failed ones too); false when there is no such delivery. */
  redeliver(seq: number, now: Date): Promise<boolean>;

  // ---- Audit log ----

  /** Appends a line to the audit log; the log is never edited (the table refuses UPDATE and DELETE). */
  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Audit lines, newest first, at most `limit`, before line `beforeSeq` when given. */
  listAudit(limit: number, beforeSeq?: number): Promise<AuditEntry[]>;

  // ---- Rules sources: the files each rules version was made from ----

  /** Keeps the product and rules files of a recorded rules version (the last recorded win: they differ at most in comments and layout). */
  recordRulesSources(sources: RulesSources): Promise<void>;
  /** The files of a product's rules version, when they were recorded. */
  findRulesSources(productId: string, rulesVersion: string): Promise<RulesSources | undefined>;

  // ---- Studio drafts: each merchandiser's unpublished edit of a product (migration 013) ----

  /** The account's draft of a product, if it has one. */
  findStudioDraft(productId: string, accountId: string): Promise<StudioDraft | undefined>;
  /**
   * Saves the account's draft of a product as the next revision, when the stored one is still the
   * revision the saver read (0: none stored); otherwise saves nothing and answers what is stored.
   */
  saveStudioDraft(save: StudioDraftSave): Promise<StudioDraftSaveOutcome>;
  /** Deletes the account's draft of a product; false when it had none. */
  deleteStudioDraft(productId: string, accountId: string): Promise<boolean>;
  /** Every account's draft of a product, with its email, the most recently saved first. */
  listStudioDrafts(productId: string): Promise<StudioDraftListing[]>;

  // ---- Design signals: what customers do with designs, anonymously (migration 015) ----

  /** Writes a batch of signals and adds them to the daily rollup, in one transaction. */
  recordDesignSignals(signals: readonly DesignSignal[]): Promise<void>;
  /** Deletes the signals recorded before `before` (the retention period); the rollup's counts stay. Answers how many were deleted. */
  deleteDesignSignalsBefore(before: Date): Promise<number>;
  /** The designs with the most demand in a period, from the daily rollup, most units (then signals) first. */
  listDesignDemand(query: DesignDemandQuery): Promise<DesignDemand[]>;
  /** For a few designs: their units in the 7 days up to `until` and the 28 days before, and their gallery candidate. */
  describeDesignDemand(productId: string, designKeys: readonly string[], until: Date): Promise<Map<string, DesignDemandDetails>>;
  /** The product's rollup high-water mark: one more with every batch of signals written (0 before any), so a view computed at a mark is still right while it holds. */
  designDemandMark(productId: string): Promise<number>;

  // ---- The designers' review: queue, decisions, moderation, creators' credits (migration 016) ----

  /** Puts a design (product and canonical key) in the review queue; shortlisting again changes nothing. */
  shortlistDesign(entry: ShortlistEntry): Promise<void>;
  /** Records a designer's decision on a design, replacing an earlier one. */
  decideDesign(decision: ReviewDecision): Promise<void>;
  /** Hides a candidate from the public gallery or shows it again; false when there is no such candidate. */
  setCandidateHidden(candidateId: string, hidden: boolean): Promise<boolean>;
  /** The review queue: candidates over any threshold and shortlisted or decided designs, with the statuses asked for, latest first. */
  listReviewQueue(query: ReviewQueueQuery): Promise<ReviewQueueRow[]>;
  /** Records the credit of an order when its design is approved and has a named creator (once per order); undefined otherwise. */
  recordDesignCredit(order: CreditableOrder, rate: number): Promise<DesignCredit | undefined>;
  /** Credit entries, newest first, at most `limit`, before entry `beforeSeq` when given. */
  listDesignCredits(limit: number, beforeSeq?: number): Promise<DesignCredit[]>;
}

/** What {@link Repository.describeDesignDemand} finds for one design. */
export interface DesignDemandDetails {
  /** Units ordered in the 7 days up to the period's end. */
  readonly recentUnits: number;
  /** Units ordered in the 28 days before those 7. */
  readonly baselineUnits: number;
  /** Its gallery candidate, when a customer submitted it: its id and votes (Wilson lower bound as `score`). */
  readonly gallery: InsightGallery | null;
}

/** One design signal, as the server writes it: a design's key and what was done with it, by an anonymous session. */
export interface DesignSignal {
  readonly at: Date;
  readonly productId: string;
  readonly rulesVersion: string;
  /** The design's canonical key (`canonicalKey`): its product and choices, no personal text. */
  readonly designKey: string;
  readonly kind: DesignSignalKind;
  /** Units ordered for `ordered`; 1 otherwise. */
  readonly units: number;
  /** The page's anonymous session id (`ANONYMOUS_SESSION`), or one made for a request that sent none. */
  readonly sessionId: string;
  /** Whether the design was started from a gallery design. */
  readonly remix: boolean;
}

/** Which designs {@link Repository.listDesignDemand} counts. */
export interface DesignDemandQuery {
  readonly productId: string;
  /** First day counted (UTC, inclusive). */
  readonly since: Date;
  /** Last day counted (UTC, inclusive). */
  readonly until: Date;
  /** Only designs made under this rules version, when given. */
  readonly rulesVersion?: string;
  readonly limit: number;
}

/** A design's demand over a period, summed from the daily rollup. */
export interface DesignDemand {
  readonly designKey: string;
  readonly reviewed: number;
  readonly shared: number;
  readonly submitted: number;
  readonly voted: number;
  readonly orders: number;
  readonly units: number;
  readonly remixes: number;
  /** Distinct anonymous visits (a page's session) that reviewed, shared, submitted, voted on or ordered it: each day's distinct sessions, added up. */
  readonly visits: number;
}

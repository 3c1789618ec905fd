import type { Repository } from './repository.ts';
import type { GroupCommitOptions } from './groupCommit.ts';
import type { SqlClient } from './sqlClient.ts';
import { createApiTokenStore } from './repository/apiTokenStore.ts';
import { createArtworkStore } from './repository/artworkStore.ts';
import { createAuditStore } from './repository/auditStore.ts';
import { createCandidateStore } from './repository/candidateStore.ts';
import { createCatalogStore } from './repository/catalogStore.ts';
import { createOrderStore } from './repository/orderStore.ts';
import { createRateLimitStore } from './repository/rateLimitStore.ts';
import { createReviewStore } from './repository/reviewStore.ts';
import { createRulesSourceStore } from './repository/rulesSourceStore.ts';
import { createSignalStore } from './repository/signalStore.ts';
import { createStaffStore } from './repository/staffStore.ts';
import { createStudioDraftStore } from './repository/studioDraftStore.ts';
import { createVoteStore } from './repository/voteStore.ts';
import { createWebhookStore } from './repository/webhookStore.ts';

/**
 * The repository in SQL, written once for any {@link SqlClient}: PGlite in this process or a
 * PostgreSQL server. The schema comes from `migrations/` (see `applyMigrations`). It is composed
 * of one store per aggregate in `repository/`: the catalog, orders (with their images and print
 * files, and their `order.placed` events in the webhook outbox), artworks, gallery candidates,
 * votes, rate limits, staff accounts and sessions, API tokens, webhooks (endpoints and the
 * deliveries of the outbox), the audit log, the files each rules version was made from, the rules studio's drafts and the design signals with their daily rollup. Orders placed concurrently are stored with group
 * commit (see `groupCommit.ts`, and `options` for its batch size and concurrency): each is still
 * atomic with its images and its event and acknowledged only after its commit, but a busy server
 * pays for one statement and one commit per batch rather than per order.
 *
 * @example
 * const client = await createPgliteClient({ dataDir: './data' });
 * await applyMigrations(client);
 * const repository = createSqlRepository(client);
 */
export function createSqlRepository(client: SqlClient, options: Partial<GroupCommitOptions> = {}): Repository {
  return {
    ...createCatalogStore(client),
    ...createOrderStore(client, options),
    ...createArtworkStore(client),
    ...createCandidateStore(client),
    ...createVoteStore(client),
    ...createRateLimitStore(client),
    ...createStaffStore(client),
    ...createApiTokenStore(client),
    ...createWebhookStore(client),
    ...createAuditStore(client),
    ...createRulesSourceStore(client),
    ...createStudioDraftStore(client),
    ...createSignalStore(client),
    ...createReviewStore(client),
  };
}

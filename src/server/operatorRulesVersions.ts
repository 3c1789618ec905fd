// What the server's operator (`npm run rules -- versions|retire|publish|rollback`, on the server's
// machine) can do to rules versions, written once over the repository and once more as requests to
// the local admin API, so the command works the same whether it opened the database or a running
// server holds it. Every change is audited as actor `cli`, as the staff API audits a merchandiser's.
import { apiError, type ApiError } from './apiError.ts';
import type { Clock } from './clock.ts';
import { OPERATOR, refusalOf, refusalSentence, type AdminRequest } from './operatorStaffAccounts.ts';
import type { Repository, RulesVersionListing } from './repository.ts';
import {
  draftNotRetirable, publishRules, publishStoredRules, rollbackRules, unknownRulesVersion,
  type PublicationAnswer, type PublicationOutcome, type PublicationRequest, type RulesPublishingServices, type RulesSources,
} from './rulesPublishing.ts';

/** What the operator's rules actions act with: the publishing services (the catalog's grace and refresh when one is in this process). */
export interface RulesVersionServices extends Omit<RulesPublishingServices, 'repository'> {
  readonly repository: RulesPublishingServices['repository'] & Pick<Repository, 'retireRulesVersion'>;
  readonly clock: Clock;
}

/** What retiring did: retired now, or already before (and since when); or why nothing was done. */
export type RetireOutcome =
  | { readonly ok: true; readonly rulesVersion: string; readonly already: boolean; readonly retiredAt: string | null }
  | { readonly ok: false; readonly error: ApiError };

/** The admin API's answer to a retire: `POST /admin/rules/:productId/versions/:rulesVersion/retire`. */
export interface RetireAnswer {
  readonly retired: string;
  readonly already: boolean;
  readonly retiredAt: string | null;
}

/**
 * The operator's actions on a product's rules versions. A refusal (unknown version, the current
 * one) is an outcome with the API's error, never a throw; a throw means the database or the server
 * could not be reached.
 */
export interface OperatorRulesVersions {
  /** The product's published versions, oldest first; empty for a product never published here. */
  list(productId: string): Promise<RulesVersionListing[]>;
  /** Retires a superseded version now: orders naming it are refused from then on. */
  retire(productId: string, rulesVersion: string): Promise<RetireOutcome>;
  /**
   * Records a new version from its files (the strict lint first) and, unless `draft`, makes it
   * current; the previous current one is superseded with grace (`graceHours`, else the server's).
   */
  publish(productId: string, sources: RulesSources, request: PublicationRequest & { readonly draft?: boolean }): Promise<PublicationOutcome>;
  /** Makes a recorded draft current. */
  publishStored(productId: string, rulesVersion: string, request: PublicationRequest): Promise<PublicationOutcome>;
  /** Makes an earlier version current again (default: the one current before the current one). */
  rollback(productId: string, rulesVersion: string | undefined, request: PublicationRequest): Promise<PublicationOutcome>;
}

/** The operator's actions in this process: what the admin API runs, and the command when it opened the database. */
export function operatorRulesVersions(services: RulesVersionServices): OperatorRulesVersions {
  const { repository, clock } = services;
  return {
    list: (productId) => repository.listRulesVersions(productId),
    publish: (productId, sources, request) => publishRules(services, productId, sources, request, OPERATOR),
    publishStored: (productId, rulesVersion, request) => publishStoredRules(services, productId, rulesVersion, request, OPERATOR),
    rollback: (productId, rulesVersion, request) => rollbackRules(services, productId, rulesVersion, request, OPERATOR),
    async retire(productId, rulesVersion) {
      const now = clock.now();
      const outcome = await repository.retireRulesVersion(productId, rulesVersion, now);
      switch (outcome) {
        case 'unknown':
          return { ok: false, error: unknownRulesVersion(productId, rulesVersion, await repository.listRulesVersions(productId)) };
        case 'draft':
          return { ok: false, error: draftNotRetirable(productId, rulesVersion) };
        case 'current':
          return { ok: false, error: apiError(409, 'rules_version_current', `rules version "${rulesVersion}" is the current one of "${productId}"`, 'publish another version first (or roll back to an earlier one); only a superseded version can be retired') };
        case 'already-retired': {
          const listed = (await repository.listRulesVersions(productId)).find((version) => version.rulesVersion === rulesVersion);
          return { ok: true, rulesVersion, already: true, retiredAt: listed?.retiredAt ? new Date(listed.retiredAt).toISOString() : null };
        }
        case 'retired':
          await repository.appendAudit({ at: now, ...OPERATOR, action: 'rules.retired', target: `${productId}@${rulesVersion}`, details: { productId, rulesVersion } });
          return { ok: true, rulesVersion, already: false, retiredAt: now.toISOString() };
        default:
          throw new Error(`[Atelier] unknown outcome ${JSON.stringify(outcome satisfies never)}`);
      }
    },
  };
}

/** The operator's actions as requests to the local admin API (`/admin/rules/…`, see `adminApp.ts`) of the running server. */
export function operatorRulesVersionsOverAdminApi(request: AdminRequest): OperatorRulesVersions {
  const versionsPath = (productId: string) => `/admin/rules/${encodeURIComponent(productId)}/versions`;
  return {
    async list(productId) {
      const response = await request(versionsPath(productId), { method: 'GET' });
      if (!response.ok) throw new Error(refusalSentence(await refusalOf(response, 'see the versions of rules')));
      return ((await response.json()) as { versions: RulesVersionListing[] }).versions;
    },
    async retire(productId, rulesVersion) {
      const response = await request(`${versionsPath(productId)}/${encodeURIComponent(rulesVersion)}/retire`, { method: 'POST' });
      if (!response.ok) return { ok: false, error: await refusalOf(response, 'retire rules versions') };
      const answer = (await response.json()) as RetireAnswer;
      return { ok: true, rulesVersion: answer.retired, already: answer.already, retiredAt: answer.retiredAt };
    },
    publish: (productId, sources, request) => publication(versionsPath(productId), { ...sources, ...request }),
    publishStored: (productId, rulesVersion, request) => publication(`${versionsPath(productId)}/${encodeURIComponent(rulesVersion)}/publish`, request),
    rollback: (productId, rulesVersion, request) => publication(`/admin/rules/${encodeURIComponent(productId)}/rollback`, { ...request, ...(rulesVersion === undefined ? {} : { rulesVersion }) }),
  };

  async function publication(path: string, body: object): Promise<PublicationOutcome> {
    const response = await request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return { ok: false, error: await refusalOf(response, 'publish rules versions') };
    return { ok: true, ...((await response.json()) as PublicationAnswer) };
  }
}

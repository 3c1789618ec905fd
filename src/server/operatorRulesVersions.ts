// What the server's operator (`npm run rules -- versions|retire`, on the server's machine) can do to
// published rules versions, written once over the repository and once more as requests to the local
// admin API, so the command works the same whether it opened the database or a running server
// holds it. Retiring is audited as actor `cli`, as the staff API audits a merchandiser's.
import { knownNamesHint } from '../domain/shared/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import type { Clock } from './clock.ts';
import { OPERATOR, refusalOf, refusalSentence, type AdminRequest } from './operatorStaffAccounts.ts';
import type { Repository, RulesVersionListing } from './repository.ts';

/** What the operator's rules actions act with. */
export interface RulesVersionServices {
  readonly repository: Pick<Repository, 'listRulesVersions' | 'retireRulesVersion' | 'appendAudit'>;
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
}

/** The operator's actions in this process: what the admin API runs, and the command when it opened the database. */
export function operatorRulesVersions(services: RulesVersionServices): OperatorRulesVersions {
  const { repository, clock } = services;
  return {
    list: (productId) => repository.listRulesVersions(productId),
    async retire(productId, rulesVersion) {
      const now = clock.now();
      const outcome = await repository.retireRulesVersion(productId, rulesVersion, now);
      switch (outcome) {
        case 'unknown':
          return { ok: false, error: unknownRulesVersion(productId, rulesVersion, (await repository.listRulesVersions(productId)).map((listed) => listed.rulesVersion)) };
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

/** The refusal for a version the product never published, with the ones it did. */
function unknownRulesVersion(productId: string, rulesVersion: string, known: readonly string[]): ApiError {
  const hint = known.length === 0
    ? `no rules version of "${productId.slice(0, 40)}" is published here: check the product id (the "product:" key of its rules file)`
    : knownNamesHint(rulesVersion, known, `versions of "${productId.slice(0, 40)}"`);
  return apiError(404, 'not_found', `"${productId.slice(0, 40)}" has no rules version "${rulesVersion.slice(0, 40)}"`, hint);
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
  };
}

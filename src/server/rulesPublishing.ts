// Publishing and rolling back rules versions, written once: the staff API (a merchandiser), the
// local admin API and `npm run rules -- publish|rollback` (the operator, actor `cli`) all call
// these. A version is recorded (a draft) and made current in the database — the source of truth —
// with who did it and why; the catalog in this process is then told to take it up.
import { join } from 'node:path';
import { PUBLICATION_MESSAGE_HINT, type CatalogEntry, type Problem } from '../domain/index.ts';
import { knownNamesHint } from '../domain/shared/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import { DEFAULT_GRACE_SECONDS } from './catalog.ts';
import { catalogEntryFromSources, recordingTableReader, tableReaderBeside, tableReaderOf, type CatalogSources } from './catalogFiles.ts';
import type { Clock } from './clock.ts';
import type { Repository, RulesPublicationAction, RulesVersionListing, RulesVersionStatus } from './repository.ts';
import type { ActingAs } from './staff/index.ts';

/** What publishing acts with. */
export interface RulesPublishingServices {
  readonly repository: Pick<Repository, 'publishCatalogEntry' | 'recordRulesSources' | 'findRulesVersionStatus' | 'listRulesVersions' | 'makeCurrentRulesVersion' | 'listRulesPublications' | 'appendAudit'>;
  readonly clock: Clock;
  /** Where `models/<id>/printZones.json` and the fonts are read: the project root. */
  readonly rootDir: string;
  /** How long orders under a replaced version stay accepted unless the request says (the catalog's grace; default 24 hours). */
  readonly graceSeconds?: number;
  /** Called after a version became current, to take it up in this process (the catalog's `refresh`). */
  readonly afterChange?: () => Promise<unknown>;
}

/** A new version's files, as text, with the names their problems are reported under. */
export interface RulesSources {
  readonly productYaml: string;
  readonly rulesYaml: string;
  /**
   * The CSV tables the rules file names (`rows: { csv: <name> }`), text by name as written: the
   * version is made from these alone. Absent: read beside the rules file in the project (`rootDir`).
   */
  readonly tables?: Readonly<Record<string, string>>;
  /** Default `models/<productId>/product.yaml`. */
  readonly productFile?: string;
  /** Default `rules/<productId>.rules.yaml`. */
  readonly rulesFile?: string;
}

/** Why a version is made current, and how long the one it replaces keeps accepting orders. */
export interface PublicationRequest {
  /** Required to publish or roll back (refused without); optional for a draft. */
  readonly message?: string;
  /** Default: the services' grace. */
  readonly graceHours?: number;
}

/** A version the publication replaced: orders under it are accepted until `acceptUntil`. */
export interface SupersededVersion {
  readonly rulesVersion: string;
  readonly acceptUntil: string;
}

/** What a publish, a publish of a draft or a rollback did (the admin and staff APIs answer it as JSON). */
export interface PublicationAnswer {
  readonly productId: string;
  readonly rulesVersion: string;
  /** Where the version stands now: `published` (current) or, for a draft, `draft`. */
  readonly state: RulesVersionStatus['state'];
  /** Nothing changed: the version was current already (or, for a draft, recorded already). */
  readonly already: boolean;
  readonly superseded: readonly SupersededVersion[];
}

/**
 * A further check of a version that passed the strict lint, before anything is recorded (the
 * studio's: the rules file's examples must pass): the refusal, or undefined to go on.
 */
export type VetEntry = (entry: CatalogEntry, files: CatalogSources) => ApiError | undefined;

/** A publication done, or refused with the API's error (never a throw: a throw is a failure of the database). */
export type PublicationOutcome = ({ readonly ok: true } & PublicationAnswer) | { readonly ok: false; readonly error: ApiError };

/**
 * Records a new version from its files (with the CSV tables it was read with) and, unless `draft`, makes it current. The files must pass
 * the strict lint (`rules check --strict`): a version with errors is refused with every problem,
 * and nothing is recorded; so is one `vet` refuses. Publishing the current version changes nothing (`already`).
 *
 * @example
 * const outcome = await publishRules(services, 'sneaker', { productYaml, rulesYaml }, { message: 'Gum sole for winter' }, OPERATOR);
 */
export async function publishRules(services: RulesPublishingServices, productId: string, sources: RulesSources, request: PublicationRequest & { readonly draft?: boolean; readonly vet?: VetEntry }, as: ActingAs): Promise<PublicationOutcome> {
  let message: string | undefined;
  if (request.draft) {
    message = request.message?.trim() || undefined;
  } else {
    const required = requiredMessage(request.message, 'publish');
    if (typeof required !== 'string') return { ok: false, error: required };
    message = required;
  }
  const files = toCatalogSources(productId, sources);
  // The tables the load reads are the ones the version is made from: those are recorded with it.
  const tables = recordingTableReader(sources.tables ? tableReaderOf(sources.tables) : tableReaderBeside(join(services.rootDir, files.rules.file)));
  const loaded = catalogEntryFromSources(services.rootDir, files, { strict: true, readTable: tables.read });
  if (!loaded.ok) return { ok: false, error: rulesProblems(loaded.problems) };
  const { entry } = loaded;
  if (entry.product.id !== productId) {
    return { ok: false, error: apiError(422, 'rules_problems', `the files are of product "${entry.product.id.slice(0, 40)}", not "${productId.slice(0, 40)}"`, `publish them as ${entry.product.id.slice(0, 40)}, or send ${productId.slice(0, 40)}'s files`) };
  }
  const vetted = request.vet?.(entry, files);
  if (vetted) return { ok: false, error: vetted };
  const { repository, clock } = services;
  const before = await repository.findRulesVersionStatus(productId, entry.rulesVersion);
  const now = clock.now();
  await repository.publishCatalogEntry(entry, now);
  // The files as written (comments and layout too, the latest kept), for the rules studio to open this version.
  await repository.recordRulesSources({ productId, rulesVersion: entry.rulesVersion, ...files, tables: tables.tables });
  if (before?.state === 'published') return { ok: true, productId, rulesVersion: entry.rulesVersion, state: 'published', already: true, superseded: [] };
  if (request.draft) {
    if (!before) await audit(services, as, 'rules.drafted', entry, { ...(message ? { message } : {}) });
    return { ok: true, productId, rulesVersion: entry.rulesVersion, state: before?.state ?? 'draft', already: before !== undefined, superseded: [] };
  }
  return makeCurrent(services, productId, entry.rulesVersion, { message: message!, graceHours: request.graceHours, action: 'published' }, as);
}

/**
 * Makes a recorded version current: a draft is published, a superseded or retired one is rolled
 * back to (as {@link rollbackRules} would, naming it). The current version changes nothing.
 */
export async function publishStoredRules(services: RulesPublishingServices, productId: string, rulesVersion: string, request: PublicationRequest, as: ActingAs): Promise<PublicationOutcome> {
  const message = requiredMessage(request.message, 'publish');
  if (typeof message !== 'string') return { ok: false, error: message };
  const status = await services.repository.findRulesVersionStatus(productId, rulesVersion);
  if (!status) return { ok: false, error: unknownRulesVersion(productId, rulesVersion, await services.repository.listRulesVersions(productId)) };
  if (status.state === 'published') return { ok: true, productId, rulesVersion, state: 'published', already: true, superseded: [] };
  return makeCurrent(services, productId, rulesVersion, { message, graceHours: request.graceHours, action: status.state === 'draft' ? 'published' : 'rolled-back' }, as);
}

/**
 * Makes an earlier version current again: `rulesVersion`, or by default the one that was current
 * before the current one (from the publication history). Only a version that was published once
 * (superseded or retired) can be rolled back to; the replaced one is superseded with grace.
 */
export async function rollbackRules(services: RulesPublishingServices, productId: string, rulesVersion: string | undefined, request: PublicationRequest, as: ActingAs): Promise<PublicationOutcome> {
  const message = requiredMessage(request.message, 'roll back');
  if (typeof message !== 'string') return { ok: false, error: message };
  const versions = await services.repository.listRulesVersions(productId);
  const current = versions.find((version) => version.state === 'published');
  const target = rulesVersion ?? await previousVersion(services, productId, versions, current);
  if (target === undefined) {
    return { ok: false, error: versions.length === 0
      ? unknownRulesVersion(productId, '', versions)
      : apiError(409, 'no_earlier_rules_version', `"${productId.slice(0, 40)}" has no earlier published version to roll back to`, 'publish a new version instead (npm run rules -- publish <product> --message "…")') };
  }
  const listed = versions.find((version) => version.rulesVersion === target);
  if (!listed) return { ok: false, error: unknownRulesVersion(productId, target, versions) };
  if (listed.state === 'draft') {
    return { ok: false, error: apiError(409, 'rules_version_draft', `rules version "${target.slice(0, 40)}" of "${productId.slice(0, 40)}" is a draft: it was never published, so there is nothing to roll back to`, `publish it instead: npm run rules -- publish ${productId.slice(0, 40)} --version ${target.slice(0, 40)} --message "…"`) };
  }
  if (listed.state === 'published') return { ok: true, productId, rulesVersion: target, state: 'published', already: true, superseded: [] };
  return makeCurrent(services, productId, target, { message, graceHours: request.graceHours, action: 'rolled-back' }, as);
}

/** The refusal to retire a draft: it was never published, so orders never named it. */
export function draftNotRetirable(productId: string, rulesVersion: string): ApiError {
  return apiError(409, 'rules_version_draft', `rules version "${rulesVersion.slice(0, 40)}" of "${productId.slice(0, 40)}" is a draft: it was never published, so no order names it`, 'leave it, or publish it (npm run rules -- publish <product> --version <version> --message "…")');
}

/** The refusal for a version the product never recorded, with the ones it did. */
export function unknownRulesVersion(productId: string, rulesVersion: string, known: readonly Pick<RulesVersionListing, 'rulesVersion'>[]): ApiError {
  const hint = known.length === 0
    ? `no rules version of "${productId.slice(0, 40)}" is published here: check the product id (the "product:" key of its rules file)`
    : knownNamesHint(rulesVersion, known.map((listed) => listed.rulesVersion), `versions of "${productId.slice(0, 40)}"`);
  return apiError(404, 'not_found', `"${productId.slice(0, 40)}" has no rules version "${rulesVersion.slice(0, 40)}"`, hint);
}

/** The history's actor for who acts: a staff account's email, a token's name, `cli`. */
export function publicationActor(as: ActingAs): string {
  switch (as.actor.kind) {
    case 'staff':
      return as.actor.email;
    case 'token':
      return `token ${as.actor.name}`;
    case 'cli':
    case 'anonymous':
      return as.actor.kind;
    default:
      throw new Error(`[Atelier] unknown actor ${JSON.stringify(as.actor satisfies never)}`);
  }
}

async function makeCurrent(services: RulesPublishingServices, productId: string, rulesVersion: string, change: { message: string; graceHours: number | undefined; action: RulesPublicationAction }, as: ActingAs): Promise<PublicationOutcome> {
  const now = services.clock.now();
  const graceSeconds = change.graceHours !== undefined ? Math.round(change.graceHours * 3600) : services.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  const replaced = await services.repository.makeCurrentRulesVersion(productId, rulesVersion, now, graceSeconds, { actor: publicationActor(as), message: change.message, action: change.action });
  const acceptUntil = new Date(now.getTime() + graceSeconds * 1000).toISOString();
  const superseded = replaced.map((version) => ({ rulesVersion: version, acceptUntil }));
  await services.repository.appendAudit({
    at: now, ...as, action: change.action === 'rolled-back' ? 'rules.rolled_back' : 'rules.published', target: `${productId}@${rulesVersion}`,
    details: { productId, rulesVersion, message: change.message, superseded: replaced, graceSeconds },
  });
  await services.afterChange?.();
  return { ok: true, productId, rulesVersion, state: 'published', already: false, superseded };
}

/** The version current before the current one: the newest line of the history naming another version that was published once. */
async function previousVersion(services: RulesPublishingServices, productId: string, versions: readonly RulesVersionListing[], current: RulesVersionListing | undefined): Promise<string | undefined> {
  const publishedOnce = new Set(versions.filter((version) => version.state === 'superseded' || version.state === 'retired').map((version) => version.rulesVersion));
  const history = await services.repository.listRulesPublications(productId);
  const fromHistory = history.find((line) => line.rulesVersion !== current?.rulesVersion && publishedOnce.has(line.rulesVersion));
  if (fromHistory) return fromHistory.rulesVersion;
  // Published before the history was kept (migration 011): the most recently recorded one.
  return versions.filter((version) => publishedOnce.has(version.rulesVersion)).at(-1)?.rulesVersion;
}

function requiredMessage(message: string | undefined, doing: string): string | ApiError {
  const trimmed = message?.trim() ?? '';
  if (trimmed !== '') return trimmed;
  return apiError(422, 'invalid_request', `a message is required to ${doing}`, PUBLICATION_MESSAGE_HINT);
}

function toCatalogSources(productId: string, sources: RulesSources): CatalogSources {
  return {
    product: { file: sources.productFile ?? `models/${productId}/product.yaml`, text: sources.productYaml },
    rules: { file: sources.rulesFile ?? `rules/${productId}.rules.yaml`, text: sources.rulesYaml },
  };
}

/** The strict lint's and the loader's problems as the API's, each line `file:line:column path: message. Fix: hint`. */
function rulesProblems(lines: readonly string[]): ApiError {
  const problems: Problem[] = lines.map((line) => {
    const [message, ...fix] = line.split('. Fix: ');
    return { path: '', message: message!, hint: fix.join('. Fix: ') };
  });
  return apiError(422, 'rules_problems', `the rules have ${lines.length} problem${lines.length === 1 ? '' : 's'}; nothing was published`, 'fix each (npm run rules -- check --strict shows the same), then publish again', problems);
}

async function audit(services: RulesPublishingServices, as: ActingAs, action: string, entry: CatalogEntry, details: Record<string, unknown>): Promise<void> {
  await services.repository.appendAudit({ at: services.clock.now(), ...as, action, target: `${entry.product.id}@${entry.rulesVersion}`, details: { productId: entry.product.id, rulesVersion: entry.rulesVersion, ...details } });
}

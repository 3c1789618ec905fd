// The rules studio's drafts: each merchandiser's unpublished edit of a product (its two files and
// the CSV tables its rules file names), saved on the server as they type (`studio_drafts`,
// migrations 013 and 014), and published from the studio.
//
//   GET    /api/staff/studio/:productId          the published files, my draft, who else is editing
//   GET    /api/staff/studio/:productId/drafts/:accountId   a colleague's draft, to continue from
//   PUT    /api/staff/studio/:productId/draft    save my draft over the revision I read
//   DELETE /api/staff/studio/:productId/draft    discard it
//   POST   /api/staff/studio/:productId/publish  publish it (strict lint, examples), then delete it
//
// Drafts belong to people, so these routes take the session only (no API tokens), and every
// write carries the session's CSRF token (`requireStaff`). A colleague's draft is read, never
// written: a merchandiser continues from it as their own draft (a designer's colourways, made
// into the designer's draft, are published that way).
import type { Context, Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import type * as v from 'valibot';
import { runRuleExamples } from '../../domain/catalog/index.ts';
import { compileRules, MAX_RULES_SOURCE_LENGTH, type Problem } from '../../domain/index.ts';
import { requestProblems } from '../../domain/requests/index.ts';
import { loadRuleExamples } from '../../domain/rules/index.ts';
import { MAX_RULES_TABLES_LENGTH, publishStudioDraftSchema, saveStudioDraftSchema } from '../../domain/staff/index.ts';
import { apiError, errorResponse, type ApiError } from '../apiError.ts';
import type { Catalog } from '../catalog.ts';
import type { Clock } from '../clock.ts';
import type { Repository } from '../repository.ts';
import type { StudioDraft } from '../repository/studioDraftStore.ts';
import { jsonBody, type Refuse } from '../requestValidation.ts';
import { json, route } from '../routeDocs.ts';
import { publishRules, type RulesPublishingServices, type VetEntry } from '../rulesPublishing.ts';
import type { AuditActor } from '../staffRecords.ts';
import { FilesVersions, findVersionSources } from './rulesSourceRoutes.ts';
import { requireStaff, type Principal } from './staffAuth.ts';
import type { ClientConnection } from '../clientAddress.ts';
import { colourwaysAdded } from './draftColourways.ts';

/** What the routes need. */
export interface StudioDraftRouteDeps {
  readonly repository: Repository;
  readonly clock: Clock;
  readonly catalog: Pick<Catalog, 'current' | 'graceSeconds' | 'refresh'>;
  /** Where `models/` and `rules/` are read (files of versions published before 012, fonts, print zones). */
  readonly rootDir: string;
  readonly refuse: Refuse;
  readonly clientOf: (c: Context) => ClientConnection;
}

/** CSV tables' text by name as the rules file writes them (`{}`: none). */
type Tables = Readonly<Record<string, string>>;

/** A draft as the studio reads it. */
export interface StudioDraftAnswer {
  readonly basedOn: string;
  readonly revision: number;
  readonly product: string;
  readonly rules: string;
  readonly tables: Tables;
  readonly updatedAt: string;
}

/** A product's two files' text and its CSV tables, one side of the three-way difference. */
export interface StudioTexts {
  readonly product: string;
  readonly rules: string;
  readonly tables: Tables;
}

/** Another person's draft of the product, as the studio lists it to pick one to continue from. */
export interface OtherDraftListing {
  /** The draft's id in `GET /api/staff/studio/:productId/drafts/:id` (its author's account id: one draft per product and person). */
  readonly id: string;
  readonly email: string;
  readonly updatedAt: string;
  readonly basedOn: string;
  /** The names of the colourways (presets) it adds to the product as published now. */
  readonly colourwaysAdded: readonly string[];
}

/** `GET /api/staff/studio/:productId/drafts/:accountId`: a colleague's draft and whose it is. */
export interface OtherDraftAnswer extends StudioDraftAnswer {
  readonly id: string;
  readonly email: string;
}

/** `GET /api/staff/studio/:productId`. */
export interface StudioAnswer {
  readonly published: {
    readonly rulesVersion: string;
    readonly product: { readonly file: string; readonly text: string };
    readonly rules: { readonly file: string; readonly text: string };
    readonly tables: Tables;
  };
  readonly myDraft: StudioDraftAnswer | null;
  readonly othersEditing: readonly OtherDraftListing[];
}

/** The body of 409 `rules_version_moved`: the error, and the three texts of the three-way difference. */
export interface RulesVersionMovedBody {
  readonly error: Omit<ApiError, 'status'>;
  readonly basedOn: string;
  readonly current: string | null;
  /** The files of the version the draft started from; null when they were not recorded. */
  readonly base: StudioTexts | null;
  /** The files of the version published now; null when none is, or they were not recorded. */
  readonly theirs: StudioTexts | null;
  readonly mine: StudioTexts;
}

/** Two files and their names, and the tables (JSON escapes a CSV's line ends: twice their length), at most this large: the draft's body bound. */
const DRAFT_BODY_BYTES = 3 * MAX_RULES_SOURCE_LENGTH + 2 * MAX_RULES_TABLES_LENGTH;
const PUBLISH_BODY_BYTES = 16 * 1024;

const DOCS = {
  studio: describeRoute(route('staff', 'The rules studio of a product: the published files, my draft, and who else has a draft of it (merchandiser)', {
    200: json('`{ published: { rulesVersion, product: { file, text }, rules: { file, text }, tables: { "<name>.csv": text } }, myDraft: { basedOn, revision, product, rules, tables, updatedAt } | null, othersEditing: [{ id, email, updatedAt, basedOn, colourwaysAdded: [name] }] }`'),
  }, [401, 403, 404])),
  otherDraft: describeRoute(route('staff', 'Another person\'s draft of a product (its `id` from `othersEditing`), to continue from as my own draft: its texts, the version it started from and whose it is (merchandiser)', {
    200: json('`{ id, email, basedOn, revision, product, rules, tables, updatedAt }`'),
  }, [401, 403, 404])),
  saveDraft: describeRoute(route('staff', 'Save my draft of a product over the revision I read (409 `draft_changed` with the stored draft when another tab saved since) (merchandiser)', {
    200: json('`{ draft: { basedOn, revision, product, rules, tables, updatedAt } }`'),
    409: json('`{ error: { code: "draft_changed", … }, draft: { … } | null }`: the draft stored now'),
  }, [401, 403, 404, 413, 415, 422])),
  discardDraft: describeRoute(route('staff', 'Discard my draft of a product (merchandiser)', { 200: json('`{ discarded: true | false }`') }, [401, 403, 404])),
  publishDraft: describeRoute(route('staff', 'Publish my draft of a product: strict lint clean (422 `rules_problems`), its examples passing (422 `examples_failed`), still based on the current version (409 `rules_version_moved` with the three texts); the draft is then deleted (merchandiser)', {
    200: json('`{ productId, rulesVersion, state, already, superseded }`'),
    409: json('`{ error: { code: "rules_version_moved", … }, basedOn, current, base: { product, rules, tables } | null, theirs: { product, rules, tables } | null, mine: { product, rules, tables } }`'),
  }, [401, 403, 404, 413, 415, 422])),
};

/** Registers the routes (after the staff routes, whose middleware identifies the caller). */
export function registerStudioDraftRoutes(app: Hono, deps: StudioDraftRouteDeps): void {
  const { repository, clock, catalog } = deps;
  const filesVersions = new FilesVersions();
  const people = requireStaff({ role: 'merchandiser', tokens: false });
  const valid = <S extends v.GenericSchema>(schema: S) => validator('json', schema, (result, c) => (result.success ? undefined : deps.refuse(c, invalid(requestProblems(result.error)))));
  const draftBody = jsonBody(DRAFT_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'send the product and rules files and the tables the rules file names as they are, and only basedOn, revision, product, rules and tables' }, deps.refuse);
  const publishBody = jsonBody(PUBLISH_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'send only "message" and "graceHours"' }, deps.refuse);
  const publishing: RulesPublishingServices = { repository, clock, rootDir: deps.rootDir, graceSeconds: catalog.graceSeconds, afterChange: () => catalog.refresh() };
  const unknownProduct = (productId: string) => errorResponse(apiError(404, 'unknown_product', `there is no product "${productId.slice(0, 80)}"`, `use one of: ${[...catalog.current.keys()].join(', ')}`));

  app.get('/api/staff/studio/:productId', DOCS.studio, people, async (c) => {
    const productId = c.req.param('productId');
    const current = catalog.current.get(productId);
    if (!current) return unknownProduct(productId);
    const { rulesVersion } = current.entry;
    const sources = await findVersionSources({ repository, rootDir: deps.rootDir }, filesVersions, productId, rulesVersion);
    if ('missing' in sources) {
      return errorResponse(apiError(404, 'not_found', `the files of rules version "${rulesVersion}" of "${productId}" were not recorded, and ${sources.missing}`,
        `publish the product's files again (npm run rules -- publish ${productId} --message "…"), and the studio opens them from then on`));
    }
    const me = accountOf(c);
    const [mine, drafts] = await Promise.all([repository.findStudioDraft(productId, me.id), repository.listStudioDrafts(productId)]);
    // A few people at most edit one product: each draft's product file is read to say what it adds.
    const othersEditing = await Promise.all(drafts.filter((draft) => draft.accountId !== me.id).map(async ({ accountId, email, updatedAt, basedOn }): Promise<OtherDraftListing> => {
      const draft = await repository.findStudioDraft(productId, accountId);
      return { id: accountId, email, updatedAt, basedOn, colourwaysAdded: draft ? colourwaysAdded(current.entry.product.presets, sources.product.file, draft.productText) : [] };
    }));
    const answer: StudioAnswer = {
      published: { rulesVersion, product: sources.product, rules: sources.rules, tables: sources.tables ?? {} },
      myDraft: mine ? draftAnswer(mine) : null,
      othersEditing,
    };
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/staff/studio/:productId/drafts/:accountId', DOCS.otherDraft, people, async (c) => {
    const productId = c.req.param('productId');
    if (!catalog.current.has(productId)) return unknownProduct(productId);
    const accountId = c.req.param('accountId');
    const [draft, listing] = await Promise.all([repository.findStudioDraft(productId, accountId), repository.listStudioDrafts(productId)]);
    const author = listing.find((entry) => entry.accountId === accountId);
    if (!draft || !author) {
      return errorResponse(apiError(404, 'not_found', `there is no draft of "${productId}" with id "${accountId.slice(0, 80)}": it was published or discarded, or never saved`,
        `open the studio again (GET /api/staff/studio/${productId}): its "othersEditing" lists the drafts there are, each with its id`));
    }
    const answer: OtherDraftAnswer = { id: accountId, email: author.email, ...draftAnswer(draft) };
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });

  app.put('/api/staff/studio/:productId/draft', DOCS.saveDraft, people, draftBody, valid(saveStudioDraftSchema), async (c) => {
    const productId = c.req.param('productId');
    if (!catalog.current.has(productId)) return unknownProduct(productId);
    const body = c.req.valid('json');
    if (!await repository.findRulesVersionStatus(productId, body.basedOn)) {
      return errorResponse(invalid([{ path: 'basedOn', message: `"${productId}" has no rules version "${body.basedOn}"`, hint: 'send the "rulesVersion" the studio opened (GET /api/staff/studio/:productId)' }]));
    }
    const outcome = await repository.saveStudioDraft({
      productId, accountId: accountOf(c).id, basedOn: body.basedOn, productText: body.product, rulesText: body.rules, tables: body.tables ?? {}, readRevision: body.revision, at: clock.now(),
    });
    if (outcome.saved) return c.json({ draft: draftAnswer(outcome.draft) }, 200, { 'Cache-Control': 'no-store' });
    const { current } = outcome;
    const { status: _status, ...error } = apiError(409, 'draft_changed',
      current ? `your draft of "${productId}" was saved elsewhere since (revision ${current.revision}, not ${body.revision}), perhaps in another tab` : `your draft of "${productId}" was published or discarded elsewhere, perhaps in another tab`,
      'keep one of the two: take the stored draft, or save this text again over its revision');
    return c.json({ error, draft: current ? draftAnswer(current) : null }, 409, { 'Cache-Control': 'no-store' });
  });

  app.delete('/api/staff/studio/:productId/draft', DOCS.discardDraft, people, async (c) => {
    const discarded = await repository.deleteStudioDraft(c.req.param('productId'), accountOf(c).id);
    return c.json({ discarded }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/studio/:productId/publish', DOCS.publishDraft, people, publishBody, valid(publishStudioDraftSchema), async (c) => {
    const productId = c.req.param('productId');
    if (!catalog.current.has(productId)) return unknownProduct(productId);
    const me = accountOf(c);
    const draft = await repository.findStudioDraft(productId, me.id);
    if (!draft) return errorResponse(apiError(404, 'not_found', `you have no draft of "${productId}" to publish`, 'edit the product in the studio first: the studio saves your draft as you type'));
    const current = (await repository.listRulesVersions(productId)).find((version) => version.state === 'published')?.rulesVersion ?? null;
    const base = await findVersionSources({ repository, rootDir: deps.rootDir }, filesVersions, productId, draft.basedOn);
    const mine: StudioTexts = { product: draft.productText, rules: draft.rulesText, tables: draft.tables };
    if (current !== draft.basedOn) {
      const theirs = current === null ? undefined : await findVersionSources({ repository, rootDir: deps.rootDir }, filesVersions, productId, current);
      const { status: _status, ...error } = apiError(409, 'rules_version_moved',
        `"${productId}" was published again since your draft started (it started from ${draft.basedOn}; ${current ?? 'no version'} is current now), so publishing it would undo that change unseen`,
        'compare the three versions, start again from the published version and copy your changes across, then publish');
      const body: RulesVersionMovedBody = { error, basedOn: draft.basedOn, current, base: textsOf(base), theirs: textsOf(theirs), mine };
      return c.json(body, 409, { 'Cache-Control': 'no-store' });
    }
    const named = 'missing' in base ? {} : { productFile: base.product.file, rulesFile: base.rules.file };
    const { message, graceHours } = c.req.valid('json');
    // The draft's tables alone: a table the draft does not hold is not read from the server's disk.
    const outcome = await publishRules(publishing, productId, { productYaml: draft.productText, rulesYaml: draft.rulesText, tables: draft.tables, ...named }, { message, graceHours, vet: examplesPass }, actingAs(c, me));
    if (!outcome.ok) return errorResponse(outcome.error);
    await repository.deleteStudioDraft(productId, me.id);
    await repository.appendAudit({
      at: clock.now(), ...actingAs(c, me), action: 'studio.draft_published', target: `${productId}@${outcome.rulesVersion}`,
      details: { productId, rulesVersion: outcome.rulesVersion, basedOn: draft.basedOn, revision: draft.revision },
    });
    const { ok: _ok, ...answer } = outcome;
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });

  const actingAs = (c: Context, account: StaffPrincipal['account']) => ({ actor: { kind: 'staff', accountId: account.id, email: account.email } satisfies AuditActor, client: deps.clientOf(c).address });
}

/** The rules file's `examples:` must pass: each failing one is a problem at its file:line:column. */
const examplesPass: VetEntry = (entry, files) => {
  const examples = loadRuleExamples(entry.product, entry.ruleSet, files.rules.file, files.rules.text);
  // The strict load checked the examples already; a list that does not read is its problem.
  if (!examples.ok) return undefined;
  const failing = runRuleExamples(compileRules(entry.product, entry.ruleSet), entry.ruleSet, examples.value).filter((outcome) => !outcome.passed);
  if (failing.length === 0) return undefined;
  const problems: Problem[] = failing.map(({ example, expected, actual }) => ({
    path: `${example.source.file}:${example.source.line}:${example.source.column}`,
    message: `example "${example.name}" failed: expected ${expected}, but ${actual}`,
    hint: 'change the rules so the example holds, or change the example if the rules are right',
  }));
  return apiError(422, 'examples_failed', `${failing.length} of the rules file's ${examples.value.length} examples ${failing.length === 1 ? 'fails' : 'fail'}; nothing was published`, 'fix each (npm run rules -- test shows the same), then publish again', problems);
};

type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

function accountOf(c: Context): StaffPrincipal['account'] {
  const principal = c.var.principal;
  if (principal?.kind !== 'staff') throw new Error('[Atelier] a studio route for people was reached without a session');
  return principal.account;
}

function draftAnswer(draft: StudioDraft): StudioDraftAnswer {
  return { basedOn: draft.basedOn, revision: draft.revision, product: draft.productText, rules: draft.rulesText, tables: draft.tables, updatedAt: draft.updatedAt };
}

function textsOf(sources: { readonly product: { readonly text: string }; readonly rules: { readonly text: string }; readonly tables?: Tables } | { readonly missing: string } | undefined): StudioTexts | null {
  return sources && !('missing' in sources) ? { product: sources.product.text, rules: sources.rules.text, tables: sources.tables ?? {} } : null;
}

function invalid(problems: readonly Problem[]): ApiError {
  const first = problems[0] ?? { message: 'the request is not valid', hint: 'see GET /api/openapi.json' };
  return apiError(422, 'invalid_request', first.message, first.hint, problems);
}

// Into the catalogue (issue 14): a customer's design made a colourway of the product, and the
// product's colourways exported. Designer role.
//
//   POST /api/staff/colourways/:productId          an approved design (a gallery candidate, or a design key)
//                                                  as a named preset in my studio draft of the
//                                                  product, checked by the engine; it is published
//                                                  with the draft, through the normal path
//   GET  /api/staff/exports/:productId/colourways.glb   the model, a material variant per colourway
//   GET  /api/staff/exports/:productId/feed.jsonld      schema.org ProductGroup of the colourways
//   GET  /api/staff/exports/:productId/feed.csv         the same as CSV
//   GET  /api/catalog/:productId/colourways/:presetId/picture   a colourway's picture (public: feeds link it)
//
// The preset route writes a person's draft, so it takes the session only (no API tokens) and the
// session's CSRF token; the exports are read by machines too (a designer's API token).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import * as v from 'valibot';
import { colourwayFeedCsv, colourwayVariants, encodeShareToken, productGroupJsonLd, type ColourwayVariant, type FeedLinks } from '../../domain/design/index.ts';
import { canonicalKey, choicesOfCanonicalKey, type PresetDef } from '../../domain/index.ts';
import { requestProblems } from '../../domain/requests/index.ts';
import { addColourwayPreset } from '../../domain/studio/index.ts';
import { apiError, errorResponse } from '../apiError.ts';
import type { Catalog, CatalogVersion } from '../catalog.ts';
import { tableReaderBeside, tableReaderOf } from '../catalogFiles.ts';
import type { Clock } from '../clock.ts';
import { colourwayModel } from '../colourwayModel.ts';
import { drawGalleryPicture } from '../drawGalleryPicture.ts';
import type { JobPool } from '../jobs/index.ts';
import type { Repository } from '../repository.ts';
import { jsonBody, type Refuse } from '../requestValidation.ts';
import { isResourceId } from '../resourceIds.ts';
import { json, route } from '../routeDocs.ts';
import { FilesVersions, findVersionSources } from './rulesSourceRoutes.ts';
import { presetsAdded } from './draftColourways.ts';
import { requireStaff, rolesOf } from './staffAuth.ts';

/** A studio draft's texts as the colourway route edits them. */
interface DraftTexts {
  readonly productFile: string;
  readonly productText: string;
  readonly rulesFile: string;
  readonly rulesText: string;
  readonly tables: Readonly<Record<string, string>>;
  readonly basedOn: string;
  readonly revision: number;
}

/** What the routes need. */
export interface ColourwayRouteDeps {
  readonly repository: Pick<Repository, 'findCandidate' | 'findStudioDraft' | 'saveStudioDraft' | 'findRulesSources' | 'listReviewQueue'>;
  readonly catalog: Pick<Catalog, 'current'>;
  readonly clock: Clock;
  readonly jobs: JobPool;
  /** Where `models/`, `rules/` and `public/models/` are read. */
  readonly rootDir: string;
  readonly refuse: Refuse;
}

/** The body of `POST /api/staff/colourways/:productId`: the design (one of `candidateId`, `designKey`), its name and credit. */
export const newColourwaySchema = v.pipe(
  v.strictObject({
    name: v.pipe(v.string(), v.trim(), v.minLength(1, 'give the colourway the name customers will read'), v.maxLength(80, 'keep the name under 80 characters')),
    description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'keep the description to one line, under 200 characters'))),
    credit: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80, 'keep the credit to a name, under 80 characters'))),
    candidateId: v.optional(v.string()),
    designKey: v.optional(v.pipe(v.string(), v.maxLength(8000))),
  }),
  v.check((body) => (body.candidateId === undefined) !== (body.designKey === undefined), 'send the design as "candidateId" (a gallery candidate) or "designKey" (from the designers\' review), one of them'),
);

const BODY_BYTES = 16 * 1024;
/** Thresholds no candidate reaches: the queue then lists the designs a designer decided on (and shortlisted) only. */
const DECIDED_ONLY = { minSupporters: 2_000_000_000, minScore: 2, minOrders: 2_000_000_000 };
const MAX_APPROVED = 5_000;
const DOCS = {
  add: describeRoute(route('staff', 'An approved design (a gallery candidate or a design key) as a named colourway in my studio draft of the product, checked by the engine, credited and linked back to its candidate; publish the draft in the studio (designer)', {
    201: json('`{ presetId, productId, draft: { basedOn, revision, updatedAt }, restarted?: { carried: [name], dropped: [{ name, reason }] } }`: `restarted` when a designer\'s draft was behind the current version and started again from it, carrying its colourways'),
    409: json('`{ error: { code: "draft_changed", … } }`: the draft was saved by another tab meanwhile; send again'),
  }, [401, 403, 404, 413, 415, 422])),
  glb: describeRoute(route('staff', 'The product\'s 3D model (glb) with a KHR_materials_variants variant per colourway (designer)', { 200: { description: 'the glb', content: { 'model/gltf-binary': { schema: { type: 'string', format: 'binary' } } } } }, [401, 403, 404])),
  jsonLd: describeRoute(route('staff', 'The product\'s colourways as a schema.org ProductGroup (JSON-LD): variants with attributes, price and picture (designer)', { 200: { description: 'the ProductGroup', content: { 'application/ld+json': { schema: { type: 'object' } } } } }, [401, 403, 404])),
  csv: describeRoute(route('staff', 'The product\'s colourways as a CSV feed: a row per colourway with its attributes, price and picture (designer)', { 200: { description: 'the CSV', content: { 'text/csv': { schema: { type: 'string' } } } } }, [401, 403, 404])),
  picture: describeRoute(route('catalog', 'A colourway\'s picture, drawn from its design (what the catalogue feed links)', { 200: { description: 'the picture', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } }, [404, 503])),
};

/** Registers the colourway routes (after the staff routes, whose middleware identifies the caller). */
export function registerColourwayRoutes(app: Hono, deps: ColourwayRouteDeps): void {
  const { repository, catalog } = deps;
  const filesVersions = new FilesVersions();
  const designerInPerson = requireStaff({ role: 'designer', tokens: false });
  const designer = requireStaff({ role: 'designer', tokens: true });
  const body = jsonBody(BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'send only name, description, credit and candidateId or designKey' }, deps.refuse);
  const valid = validator('json', newColourwaySchema, (result, c) => {
    if (result.success) return undefined;
    const [first] = requestProblems(result.error);
    return deps.refuse(c, apiError(422, 'invalid_request', first?.message ?? 'the request is not valid', first?.hint ?? 'see GET /api/openapi.json', requestProblems(result.error)));
  });
  const unknownProduct = (productId: string) => errorResponse(apiError(404, 'not_found', `the shop sells no product "${productId.slice(0, 60)}"`, `use one of: ${[...catalog.current.keys()].join(', ')}`));
  const unprocessable = (message: string, hint: string) => errorResponse(apiError(422, 'invalid_request', message, hint));

  app.post('/api/staff/colourways/:productId', DOCS.add, designerInPerson, body, valid, async (c) => {
    const productId = c.req.param('productId');
    const current = catalog.current.get(productId);
    if (!current) return unknownProduct(productId);
    const request = c.req.valid('json');
    const design = await designOf(request, productId);
    if ('refused' in design) return design.refused;
    const me = accountOf(c);
    const draft = await repository.findStudioDraft(productId, me.id);
    // A designer without the studio cannot bring a draft up to date by hand: once a newer version is
    // published (a merchandiser published their colourways, or anything else), the draft starts
    // again from the current version, carrying the colourways it added that are still not in the
    // catalogue. A merchandiser's draft may hold other edits: the studio's three-way compare is theirs.
    const restart = draft !== undefined && draft.basedOn !== current.entry.rulesVersion && !rolesOf(c.var.principal!).includes('merchandiser');
    let texts: DraftTexts;
    let carried: readonly PresetDef[] = [];
    if (draft && !restart) {
      texts = { productFile: `models/${productId}/product.yaml`, productText: draft.productText, rulesFile: `rules/${productId}.rules.yaml`, rulesText: draft.rulesText, tables: draft.tables, basedOn: draft.basedOn, revision: draft.revision };
    } else {
      const sources = await findVersionSources({ repository, rootDir: deps.rootDir }, filesVersions, productId, current.entry.rulesVersion);
      if ('missing' in sources) return errorResponse(apiError(404, 'not_found', `the files of the product's current rules version were not recorded, and ${sources.missing}`, `publish the product's files again (npm run rules -- publish ${productId} --message "…")`));
      texts = { productFile: sources.product.file, productText: sources.product.text, rulesFile: sources.rules.file, rulesText: sources.rules.text, tables: sources.tables ?? {}, basedOn: current.entry.rulesVersion, revision: draft?.revision ?? 0 };
      if (draft) carried = presetsAdded(current.entry.product.presets, texts.productFile, draft.productText);
    }
    const readTable = Object.keys(texts.tables).length > 0 ? tableReaderOf(texts.tables) : tableReaderBeside(join(deps.rootDir, texts.rulesFile));
    // The colourways carried over first, each checked again under the current rules: one they forbid now is left out, and said.
    const dropped: { name: string; reason: string }[] = [];
    for (const preset of carried) {
      const again = addColourwayPreset({ ...texts, readTable }, { id: preset.id, name: preset.name, choices: preset.choices, ...(preset.description ? { description: preset.description } : {}), ...(preset.credit ? { credit: preset.credit } : {}), ...(preset.from ? { from: preset.from } : {}) });
      if (again.ok) texts = { ...texts, productText: again.text };
      else dropped.push({ name: preset.name, reason: again.message });
    }
    const credit = request.credit ?? design.creator ?? '';
    const edit = addColourwayPreset({ ...texts, readTable }, { name: request.name, choices: design.choices, ...(request.description ? { description: request.description } : {}), ...(credit ? { credit } : {}), ...(design.from ? { from: design.from } : {}) });
    if (!edit.ok) return unprocessable(edit.message, 'change the design or the name, or fix the draft in the studio (/staff/rules)');
    const saved = await repository.saveStudioDraft({ productId, accountId: me.id, basedOn: texts.basedOn, productText: edit.text, rulesText: texts.rulesText, tables: texts.tables, readRevision: texts.revision, at: deps.clock.now() });
    if (!saved.saved) return errorResponse(apiError(409, 'draft_changed', 'your studio draft of the product was saved from another tab meanwhile', 'send the colourway again: it is added to the draft as it is now'));
    return c.json({
      presetId: edit.presetId,
      productId,
      draft: { basedOn: saved.draft.basedOn, revision: saved.draft.revision, updatedAt: saved.draft.updatedAt },
      ...(restart ? { restarted: { carried: carried.filter((preset) => !dropped.some((gone) => gone.name === preset.name)).map((preset) => preset.name), dropped } } : {}),
    }, 201, { 'Cache-Control': 'no-store' });
  });

  /** The design a request names, and where it came from; or the answer refusing it. */
  async function designOf(request: v.InferOutput<typeof newColourwaySchema>, productId: string): Promise<{ choices: Record<string, string>; from?: string; creator?: string } | { refused: Response }> {
    let choices: Record<string, string>;
    if (request.candidateId !== undefined) {
      const candidate = isResourceId('candidate', request.candidateId) ? await repository.findCandidate(request.candidateId) : undefined;
      if (!candidate) return { refused: errorResponse(apiError(404, 'not_found', `there is no gallery candidate "${request.candidateId.slice(0, 60)}"`, 'copy the candidate\'s id from the review queue or /staff/designs')) };
      if (candidate.productId !== productId) return { refused: unprocessable(`candidate "${candidate.id}" is a design of "${candidate.productId}", not of "${productId}"`, `send it to /api/staff/colourways/${candidate.productId}`) };
      choices = { ...candidate.design.choices };
    } else {
      const decoded = choicesOfCanonicalKey(request.designKey!);
      if (!decoded || decoded.productId !== productId) return { refused: unprocessable('"designKey" is not a design key of this product', 'copy the design key from the designers\' review (/staff/insight)') };
      choices = decoded.choices;
    }
    // Only an approved design enters the catalogue: the review's decision, found by the design's key.
    const designKey = canonicalKey({ productId, choices });
    const approved = (await repository.listReviewQueue({ productId, statuses: ['approved'], thresholds: DECIDED_ONLY, limit: MAX_APPROVED })).find((row) => row.designKey === designKey);
    if (!approved) return { refused: unprocessable('the design is not approved', 'approve it in the review queue first (/staff/review), with a reason, then make it a colourway') };
    const candidateId = approved.candidate?.id ?? request.candidateId;
    const creator = approved.candidate?.coCreatedBy ?? approved.creatorName ?? undefined;
    return { choices, ...(candidateId ? { from: `candidate:${candidateId}` } : {}), ...(creator ? { creator } : {}) };
  }

  // The exports: made once per rules version (the glb takes a few hundred milliseconds).
  const exports = new Map<string, { rulesVersion: string; variants: ColourwayVariant[]; glb?: Promise<Uint8Array> }>();
  const variantsOf = (productId: string, version: CatalogVersion) => {
    let known = exports.get(productId);
    if (known?.rulesVersion !== version.entry.rulesVersion) {
      known = { rulesVersion: version.entry.rulesVersion, variants: colourwayVariants(version.entry, version.space) };
      exports.set(productId, known);
    }
    return known;
  };
  const linksOf = (c: Context, productId: string, version: CatalogVersion): FeedLinks => {
    const origin = new URL(c.req.url).origin;
    const page = (search: Record<string, string>) => `${origin}/?${new URLSearchParams({ product: productId, ...search }).toString()}`;
    return {
      productUrl: page({}),
      variantUrl: (variant) => page({ design: encodeShareToken(version.entry.product, version.entry.rulesVersion, variant.design) }),
      pictureUrl: (variant) => `${origin}/api/catalog/${encodeURIComponent(productId)}/colourways/${encodeURIComponent(variant.preset.id)}/picture`,
    };
  };
  const withVersion = (handler: (c: Context, productId: string, version: CatalogVersion) => Promise<Response> | Response) => async (c: Context) => {
    const productId = c.req.param('productId') ?? '';
    const version = catalog.current.get(productId);
    return version ? handler(c, productId, version) : unknownProduct(productId);
  };
  const download = (name: string) => ({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${name}"` });

  app.get('/api/staff/exports/:productId/colourways.glb', DOCS.glb, designer, withVersion(async (c, productId, version) => {
    const known = variantsOf(productId, version);
    // A failure is not kept: the next request tries again.
    known.glb ??= readFile(join(deps.rootDir, 'public', 'models', version.entry.product.model))
      .then((model) => colourwayModel(new Uint8Array(model), version.entry.product, known.variants))
      .catch((error: unknown) => {
        known.glb = undefined;
        throw error;
      });
    const bytes = await known.glb;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'model/gltf-binary', ...download(`${productId}-colourways.glb`) });
  }));

  app.get('/api/staff/exports/:productId/feed.jsonld', DOCS.jsonLd, designer, withVersion((c, productId, version) =>
    c.body(JSON.stringify(productGroupJsonLd(version.entry, variantsOf(productId, version).variants, linksOf(c, productId, version)), null, 2), 200, { 'Content-Type': 'application/ld+json; charset=utf-8', ...download(`${productId}-feed.jsonld`) })));

  app.get('/api/staff/exports/:productId/feed.csv', DOCS.csv, designer, withVersion((c, productId, version) =>
    c.body(colourwayFeedCsv(version.entry, variantsOf(productId, version).variants, linksOf(c, productId, version)), 200, { 'Content-Type': 'text/csv; charset=utf-8', ...download(`${productId}-feed.csv`) })));

  app.get('/api/catalog/:productId/colourways/:presetId/picture', DOCS.picture, withVersion(async (c, productId, version) => {
    const variant = variantsOf(productId, version).variants.find((candidate) => candidate.preset.id === c.req.param('presetId'));
    if (!variant) return errorResponse(apiError(404, 'not_found', `"${productId}" has no colourway "${String(c.req.param('presetId')).slice(0, 60)}"`, `use one of: ${version.entry.product.presets.map((preset) => preset.id).join(', ')}`));
    const drawn = await drawGalleryPicture(deps.jobs, version.entry, { choices: variant.design });
    if (!drawn.ok) return errorResponse(drawn.error, drawn.headers);
    return c.body(drawn.png as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' });
  }));
}

function accountOf(c: Context) {
  const principal = c.var.principal;
  if (principal?.kind !== 'staff') throw new Error('[Atelier] a colourway route for people was reached without a session');
  return principal.account;
}

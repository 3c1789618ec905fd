import * as v from 'valibot';
import { describeValue, fieldsObject, withHint } from '../requests/index.ts';
import { graceHoursField, messageField, sourceField, tablesField } from './rulesPublicationRequests.ts';

/**
 * The bodies of the rules studio's draft requests (`/api/staff/studio/:productId/…`), as valibot
 * schemas with messages that say what is wrong and how to fix it. The studio checks a publish
 * with {@link publishStudioDraftSchema} before sending, so its form and the server say the same.
 */

/** A rules version's name as the server gives it (the hash of a version). */
const versionField = v.pipe(
  v.string((issue) => withHint(issue.input === undefined ? '"basedOn" is missing' : `"basedOn" must be text, not ${describeValue(issue.input)}`, 'send the rules version the draft started from, as GET /api/staff/studio/:productId answered it')),
  v.regex(/^[\w.-]{1,64}$/, withHint('"basedOn" is not a rules version', 'send the "rulesVersion" of the published version the draft started from, e.g. 3f9a0c2e41d7b865')),
);

const revisionField = v.pipe(
  v.number((issue) => withHint(issue.input === undefined ? '"revision" is missing' : `"revision" must be a number, not ${describeValue(issue.input)}`, 'send the revision of the draft as last read or saved, or 0 when there is none')),
  v.integer(withHint('"revision" must be a whole number', 'send the revision of the draft as last read or saved, or 0 when there is none')),
  v.minValue(0, withHint('"revision" cannot be negative', 'send 0 when there is no draft yet')),
  v.maxValue(2_000_000_000, withHint('"revision" is larger than any draft\'s', 'send the revision of the draft as last read or saved')),
);

/**
 * `PUT /api/staff/studio/:productId/draft`: the draft's two files and CSV tables (by name; none when left out), the version it started from,
 * and the revision the page last read or saved (0 for none): a save over another revision is
 * refused (409 `draft_changed`), so a second tab cannot overwrite the first unseen.
 */
export const saveStudioDraftSchema = fieldsObject({
  basedOn: versionField,
  revision: revisionField,
  product: sourceField('product', 'models/<product>/product.yaml'),
  rules: sourceField('rules', 'rules/<product>.rules.yaml'),
  tables: tablesField,
}, 'refuse', {
  notAnObject: (input) => withHint(`the draft must be a JSON object, not ${describeValue(input)}`, 'send {"basedOn":"…","revision":0,"product":"…","rules":"…","tables":{}}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only basedOn, revision, product, rules and tables'),
});
/** A draft save once checked. */
export type SaveStudioDraftRequest = v.InferOutput<typeof saveStudioDraftSchema>;

/** `POST /api/staff/studio/:productId/publish`: why (required), and how long orders under the replaced version stay accepted. */
export const publishStudioDraftSchema = fieldsObject({
  message: messageField,
  graceHours: graceHoursField,
}, 'refuse', {
  notAnObject: (input) => withHint(`the request must be a JSON object, not ${describeValue(input)}`, 'send {"message":"…","graceHours":24}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "message" and "graceHours"; the draft published is the one saved'),
});
/** A studio publish once checked (the message trimmed). */
export type PublishStudioDraftRequest = v.InferOutput<typeof publishStudioDraftSchema>;

import * as v from 'valibot';
import { describeValue, fieldsObject, withHint } from '../requests/index.ts';

/**
 * The bodies of the requests that publish and roll back rules versions (the staff API's
 * `/api/staff/rules/…` and the local admin API's `/admin/rules/…`), as valibot schemas with
 * messages that say what is wrong and how to fix it. The staff Rules page checks its message field
 * with {@link publicationNoteSchema} before sending.
 */

/** The longest publication message: a sentence or two, as a commit message's subject and body. */
export const MAX_PUBLICATION_MESSAGE_LENGTH = 500;

/** The longest grace period a publish may give the version it replaces: a year. */
export const MAX_GRACE_HOURS = 24 * 366;

/** The largest product or rules file a publish may send (the shipped ones are about 12 kB). */
export const MAX_RULES_SOURCE_LENGTH = 1024 * 1024;

/** Why publishing or rolling back needs a message, said the same way everywhere. */
export const PUBLICATION_MESSAGE_HINT = 'say in a sentence what changes for customers and why (on the command line: --message "…")';

/** A publication's message: required, trimmed, 1 to 500 characters (also the studio's publish). */
export const messageField = v.pipe(
  v.string((issue) => withHint(issue.input === undefined ? 'a message is required to publish or roll back' : `"message" must be text, not ${describeValue(issue.input)}`, PUBLICATION_MESSAGE_HINT)),
  v.trim(),
  v.minLength(1, withHint('the message is empty', PUBLICATION_MESSAGE_HINT)),
  v.maxLength(MAX_PUBLICATION_MESSAGE_LENGTH, withHint(`the message is longer than ${MAX_PUBLICATION_MESSAGE_LENGTH} characters`, 'keep it to a sentence or two; the rules diff says the rest')),
);

/** How long orders under the replaced version stay accepted, in hours (0 to a year; optional). */
export const graceHoursField = v.optional(v.pipe(
  v.number((issue) => withHint(`"graceHours" must be a number of hours, not ${describeValue(issue.input)}`, 'send e.g. "graceHours": 24, or leave it out for the server\'s default')),
  v.minValue(0, withHint('"graceHours" cannot be negative', 'send 0 to refuse orders under the replaced version at once, or more hours to let carts finish')),
  v.maxValue(MAX_GRACE_HOURS, withHint(`"graceHours" is more than a year (${MAX_GRACE_HOURS} hours)`, 'send fewer hours; retire the version by hand later if needed')),
));

/** A product or rules file's text, at most {@link MAX_RULES_SOURCE_LENGTH} characters. */
export const sourceField = (name: string, file: string) => v.pipe(
  v.string((issue) => withHint(issue.input === undefined ? `"${name}" is missing` : `"${name}" must be text, not ${describeValue(issue.input)}`, `send the text of ${file}`)),
  v.maxLength(MAX_RULES_SOURCE_LENGTH, withHint(`"${name}" is longer than ${MAX_RULES_SOURCE_LENGTH} characters`, `send ${file} as it is; a larger one is not a rules file`)),
);

/** The most CSV tables one rules file may name, and their largest total (the Renault benchmark's 75 tables make 4 MB). */
export const MAX_RULES_TABLES = 256;
export const MAX_RULES_TABLES_LENGTH = 16 * 1024 * 1024;

/**
 * The CSV tables a rules file names (`rows: { csv: <name> }`), text by name as written: each name a
 * plain `.csv` file name, each table at most {@link MAX_RULES_SOURCE_LENGTH} characters (optional).
 */
export const tablesField = v.optional(v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9][\w.-]*\.csv$/i, withHint('a table\'s name is not the name of a CSV file', 'name each table as the rules file does (rows: { csv: <name>.csv }): letters, digits, dots and dashes, ending .csv'))),
    v.pipe(
      v.string((issue) => withHint(`a table must be text, not ${describeValue(issue.input)}`, 'send each CSV table\'s text by its name: { "<name>.csv": "…" }')),
      v.maxLength(MAX_RULES_SOURCE_LENGTH, withHint(`a table is longer than ${MAX_RULES_SOURCE_LENGTH} characters`, 'split it into tables of fewer rows')),
    ),
    (issue) => withHint(`"tables" must be an object of CSV texts by name, not ${describeValue(issue.input)}`, 'send { "<name>.csv": "<its text>" }, or leave it out when the rules name no CSV table'),
  ),
  v.check((tables) => Object.keys(tables).length <= MAX_RULES_TABLES, withHint(`"tables" has more than ${MAX_RULES_TABLES} tables`, 'send only the tables the rules file names')),
  v.check((tables) => Object.values(tables).reduce((total, text) => total + text.length, 0) <= MAX_RULES_TABLES_LENGTH, withHint(`the tables are longer than ${MAX_RULES_TABLES_LENGTH} characters together`, 'send only the tables the rules file names')),
));

const fileNameField = (name: string) => v.optional(v.pipe(
  v.string((issue) => withHint(`"${name}" must be text, not ${describeValue(issue.input)}`, 'send the file\'s path as problems should name it, or leave it out')),
  v.maxLength(200, withHint(`"${name}" is longer than 200 characters`, 'send the path relative to the project, e.g. rules/sneaker.rules.yaml')),
));

/**
 * `POST …/rules/:productId/versions`: a new version from the product and rules files' text (and the
 * CSV tables the rules file names; without `tables`, the server reads them beside its rules file), published
 * at once (its message required) or recorded as a draft (`draft: true`, the message optional).
 */
export const publishRulesRequestSchema = v.pipe(
  fieldsObject({
    productYaml: sourceField('productYaml', 'models/<product>/product.yaml'),
    rulesYaml: sourceField('rulesYaml', 'rules/<product>.rules.yaml'),
    productFile: fileNameField('productFile'),
    rulesFile: fileNameField('rulesFile'),
    tables: tablesField,
    message: v.optional(messageField),
    graceHours: graceHoursField,
    draft: v.optional(v.boolean((issue) => withHint(`"draft" must be true or false, not ${describeValue(issue.input)}`, 'send "draft": true to record the version without publishing it'))),
  }, 'refuse', {
    notAnObject: (input) => withHint(`the new version must be a JSON object, not ${describeValue(input)}`, 'send {"productYaml":"…","rulesYaml":"…","message":"…"}'),
    unknownField: (key) => withHint(`unknown field "${key}"`, 'send only productYaml, rulesYaml, productFile, rulesFile, tables, message, graceHours and draft'),
  }),
  v.check((request) => request.draft === true || request.message !== undefined, withHint('a message is required to publish', PUBLICATION_MESSAGE_HINT)),
);
/** A new version's request once checked (the message trimmed). */
export type PublishRulesRequest = v.InferOutput<typeof publishRulesRequestSchema>;

/**
 * `POST …/versions/:rulesVersion/publish` and `POST …/rollback`: why (required), and how long orders
 * under the replaced version stay accepted. A rollback may name the version (`rulesVersion`).
 */
export const publicationNoteSchema = fieldsObject({
  message: messageField,
  graceHours: graceHoursField,
  rulesVersion: v.optional(v.pipe(
    v.string((issue) => withHint(`"rulesVersion" must be text, not ${describeValue(issue.input)}`, 'send the version\'s hash, or leave it out to roll back to the one before the current')),
    v.regex(/^[\w.-]{1,64}$/, withHint('"rulesVersion" is not a rules version', 'send the hash the versions list shows, e.g. 3f9a0c2e41d7b865')),
  )),
}, 'refuse', {
  notAnObject: (input) => withHint(`the request must be a JSON object, not ${describeValue(input)}`, 'send {"message":"…"}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "message", "graceHours" and (for a rollback) "rulesVersion"'),
});
/** A publication note once checked (the message trimmed). */
export type PublicationNote = v.InferOutput<typeof publicationNoteSchema>;

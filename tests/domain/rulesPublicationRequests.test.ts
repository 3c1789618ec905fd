// What a publish or a rollback must say: a message always (a draft may go without), a grace period
// of hours within a year, and the two files as text of a bounded size.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_GRACE_HOURS, MAX_PUBLICATION_MESSAGE_LENGTH, MAX_RULES_SOURCE_LENGTH, publicationNoteSchema, publishRulesRequestSchema } from '../../src/domain/index.ts';
import { MAX_RULES_TABLES, MAX_RULES_TABLES_LENGTH } from '../../src/domain/staff/index.ts';
import { requestProblems } from '../../src/domain/requests/index.ts';

const files = { productYaml: 'product: x', rulesYaml: 'rules: []' };
const firstProblem = (schema: v.GenericSchema, body: unknown) => {
  const result = v.safeParse(schema, body);
  return result.success ? undefined : requestProblems(result.issues)[0];
};

describe('publication requests', () => {
  it('need a message to publish or roll back, and say how to give one', () => {
    for (const body of [{}, { message: '' }, { message: '   ' }]) {
      expect(firstProblem(publicationNoteSchema, body), JSON.stringify(body)).toMatchObject({ message: expect.stringMatching(/a message is required|the message is empty/), hint: expect.stringContaining('--message "…"') });
    }
    expect(firstProblem(publishRulesRequestSchema, files)).toMatchObject({ message: 'a message is required to publish' });
    expect(v.safeParse(publishRulesRequestSchema, { ...files, draft: true }).success).toBe(true);
    expect(v.parse(publicationNoteSchema, { message: '  Winter price  ' })).toEqual({ message: 'Winter price' });
  });

  it('keep the message to a sentence or two and the grace within a year', () => {
    expect(v.safeParse(publicationNoteSchema, { message: 'x'.repeat(MAX_PUBLICATION_MESSAGE_LENGTH) }).success).toBe(true);
    expect(v.safeParse(publicationNoteSchema, { message: 'x'.repeat(MAX_PUBLICATION_MESSAGE_LENGTH + 1) }).success).toBe(false);
    for (const graceHours of [0, 1.5, MAX_GRACE_HOURS]) expect(v.safeParse(publicationNoteSchema, { message: 'm', graceHours }).success, String(graceHours)).toBe(true);
    for (const graceHours of [-1, MAX_GRACE_HOURS + 1, '24']) expect(v.safeParse(publicationNoteSchema, { message: 'm', graceHours }).success, String(graceHours)).toBe(false);
  });

  it('take the two files as text of a bounded size, and nothing else', () => {
    expect(firstProblem(publishRulesRequestSchema, { productYaml: 'product: x', message: 'm' })).toMatchObject({ message: '"rulesYaml" is missing' });
    expect(v.safeParse(publishRulesRequestSchema, { ...files, rulesYaml: 'x'.repeat(MAX_RULES_SOURCE_LENGTH + 1), message: 'm' }).success).toBe(false);
    expect(firstProblem(publishRulesRequestSchema, { ...files, message: 'm', force: true })).toMatchObject({ message: 'unknown field "force"' });
    expect(firstProblem(publicationNoteSchema, { message: 'm', rulesVersion: '../x' })).toMatchObject({ message: '"rulesVersion" is not a rules version' });
  });

  it('take the CSV tables the rules file names by their plain file names, each and all of a bounded size', () => {
    const table = 'midsole.colour,outsole.colour\ngum,gum\n';
    expect(v.parse(publishRulesRequestSchema, { ...files, tables: { 'sneaker.soles.csv': table }, message: 'm' }).tables).toEqual({ 'sneaker.soles.csv': table });
    expect(v.safeParse(publishRulesRequestSchema, { ...files, message: 'm' }).success).toBe(true);
    for (const name of ['../secrets.csv', 'soles.txt', '.hidden.csv', 'rules/soles.csv']) {
      expect(firstProblem(publishRulesRequestSchema, { ...files, tables: { [name]: table }, message: 'm' }), name).toMatchObject({ message: 'a table\'s name is not the name of a CSV file' });
    }
    expect(firstProblem(publishRulesRequestSchema, { ...files, tables: { 'a.csv': 3 }, message: 'm' })).toMatchObject({ path: 'tables.a.csv', message: 'a table must be text, not the number 3' });
    expect(firstProblem(publishRulesRequestSchema, { ...files, tables: 'a.csv', message: 'm' })?.message).toMatch(/^"tables" must be an object/);
    expect(v.safeParse(publishRulesRequestSchema, { ...files, tables: { 'a.csv': 'x'.repeat(MAX_RULES_SOURCE_LENGTH + 1) }, message: 'm' }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: MAX_RULES_TABLES + 1 }, (_, index) => [`t${index}.csv`, table]));
    expect(firstProblem(publishRulesRequestSchema, { ...files, tables: many, message: 'm' })?.message).toMatch(/more than \d+ tables/);
    const large = Object.fromEntries(Array.from({ length: Math.ceil(MAX_RULES_TABLES_LENGTH / MAX_RULES_SOURCE_LENGTH) + 1 }, (_, index) => [`t${index}.csv`, 'x'.repeat(MAX_RULES_SOURCE_LENGTH)]));
    expect(firstProblem(publishRulesRequestSchema, { ...files, tables: large, message: 'm' })?.message).toMatch(/^the tables are longer than/);
  });
});

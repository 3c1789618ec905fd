// What a publish or a rollback must say: a message always (a draft may go without), a grace period
// of hours within a year, and the two files as text of a bounded size.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_GRACE_HOURS, MAX_PUBLICATION_MESSAGE_LENGTH, MAX_RULES_SOURCE_LENGTH, publicationNoteSchema, publishRulesRequestSchema } from '../../src/domain/index.ts';
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
});

import * as v from 'valibot';
import { describeValue, fieldsObject, withHint } from './requestProblem.ts';

/** What a vote may say, and what it counts: "none" takes the voter's vote back. */
export const VOTE_VALUES = { up: 1, down: -1, none: 0 } as const;

/** The body of `POST /api/candidates/:id/votes`: `{ "vote": "up" | "down" | "none" }`, nothing else. */
export const voteRequestSchema = fieldsObject({
  vote: v.picklist(['up', 'down', 'none'], (issue) => withHint(`"vote" must be "up", "down" or "none", not ${describeValue(issue.input)}`, 'send {"vote":"up"}, {"vote":"down"}, or {"vote":"none"} to take your vote back')),
}, 'refuse', {
  notAnObject: (input) => withHint(`the vote must be a JSON object, not ${describeValue(input)}`, 'send {"vote":"up"}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "vote"'),
});

/** A vote once checked. */
export type VoteRequest = v.InferOutput<typeof voteRequestSchema>;

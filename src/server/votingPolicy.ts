/**
 * Limits on voting, per voter, over a sliding window: votes beyond `maxVotesPerWindow` are refused
 * (429), votes beyond `unflaggedVotesPerWindow` are stored flagged: kept, but not counted in the
 * score, since bursts are how scripted voting looks.
 */
export interface VotingPolicy {
  readonly windowSeconds: number;
  readonly maxVotesPerWindow: number;
  readonly unflaggedVotesPerWindow: number;
}

/** At most 30 votes a minute; the 11th and later within a minute are flagged. */
export const DEFAULT_VOTING_POLICY: VotingPolicy = {
  windowSeconds: 60,
  maxVotesPerWindow: 30,
  unflaggedVotesPerWindow: 10,
};

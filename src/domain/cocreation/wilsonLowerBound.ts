/**
 * Lower bound of the Wilson score interval for the share of up-votes: ranks a design with 5 up of
 * 10 (0.237) below one with 50 up of 100 (0.404), because more votes make the estimate surer.
 * z = 1.96 is a 95% interval. No votes rank as 0.
 *
 * (p + z²/2n − z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)
 */
export function wilsonLowerBound(upVotes: number, totalVotes: number, z = 1.96): number {
  if (!Number.isFinite(upVotes) || !Number.isFinite(totalVotes) || upVotes < 0 || totalVotes < 0 || upVotes > totalVotes) {
    throw new Error(`[Atelier] wilsonLowerBound needs 0 ≤ upVotes ≤ totalVotes, got ${upVotes} of ${totalVotes}`);
  }
  if (totalVotes === 0) return 0;
  const n = totalVotes;
  const p = upVotes / n;
  const z2 = z * z;
  // Clamped: with no up-votes the formula is 0 up to rounding, which can dip below it.
  return Math.max(0, (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n));
}

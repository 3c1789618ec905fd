/** What a number given on the command line must be. */
export type NumberKind = 'positive' | 'whole' | 'non-negative';

const RULES: Record<NumberKind, { test: (value: number) => boolean; says: string }> = {
  positive: { test: (value) => Number.isFinite(value) && value > 0, says: 'a positive number' },
  whole: { test: (value) => Number.isInteger(value) && value >= 1, says: 'a whole number of at least 1' },
  'non-negative': { test: (value) => Number.isFinite(value) && value >= 0, says: 'a number ≥ 0' },
};

/**
 * A number given to a script as `--name 30`, or `fallback` when it is not given; anything else
 * than `kind` ends the script with exit code 2 and a line saying what it must be.
 *
 * @example const seconds = numberArgument('seconds', 30);
 */
export function numberArgument(name: string, fallback: number, kind: NumberKind = 'positive'): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!RULES[kind].test(value)) {
    console.error(`--${name} must be ${RULES[kind].says}`);
    process.exit(2);
  }
  return value;
}

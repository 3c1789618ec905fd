// Counts beyond 2^53 are exact bigints. No brute force reaches them, so the test checks what a
// count means: the designs left under some choices are the sum, over one more attribute's options,
// of the designs left with that option chosen too.
import { describe, expect, it } from 'vitest';
import { generateLargeProduct } from '../../scripts/generateLargeProduct.ts';
import { compileRules } from '../../src/domain/index.ts';
import { randomInt, seededRandom } from '../../src/domain/shared/index.ts';

describe('counts beyond 2^53', () => {
  const { product, ruleSet } = generateLargeProduct(1);
  const space = compileRules(product, ruleSet);

  it('the generated large product has more designs than a float can count exactly', () => {
    expect(space.count({})).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  // Each session goes on until the count is small enough for floats, so the sums at the last steps
  // add exact float counts: a big count off by any factor would break the sum there.
  it('a count is the sum of the counts of the next choice\'s options, down to exact float counts', () => {
    const random = seededRandom(20261207);
    for (let session = 0; session < 3; session++) {
      const fixed: Record<string, string> = {};
      while (space.count(fixed) > BigInt(Number.MAX_SAFE_INTEGER) * 4n) {
        const domains = space.domains(fixed);
        const free = [...domains.keys()].filter((attribute) => !(attribute in fixed));
        const attribute = free[randomInt(random, free.length)]!;
        const options = domains.get(attribute)!;
        const total = space.count(fixed);
        const split = options.reduce((sum, option) => sum + space.count({ ...fixed, [attribute]: option }), 0n);
        expect(split).toBe(total);
        fixed[attribute] = options[randomInt(random, options.length)]!;
      }
    }
  });
});

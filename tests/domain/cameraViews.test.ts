// The preset camera angles of a product file (`views`): read in order, and every mistake reported
// with what is wrong and how to fix it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadProduct } from '../../src/domain/index.ts';

const SNEAKER_FILE = 'models/sneaker/product.yaml';
const sneakerText = readFileSync(SNEAKER_FILE, 'utf8');

/** The sneaker's product file with its `views` block replaced by `views`. */
function withViews(views: string): string {
  const start = sneakerText.indexOf('\nviews:\n');
  const end = sneakerText.indexOf('\n\n', start + 1);
  if (start < 0 || end < 0) throw new Error('the sneaker has no views block to replace');
  return `${sneakerText.slice(0, start)}\nviews:\n${views}${sneakerText.slice(end)}`;
}

const problemsOf = (text: string): string[] => {
  const result = loadProduct(SNEAKER_FILE, text);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('camera views in a product file', () => {
  it('offers the shipped products side, front, back, top and a detail, each with a label and a direction', () => {
    for (const id of ['sneaker', 'tshirt']) {
      const result = loadProduct(`models/${id}/product.yaml`, readFileSync(`models/${id}/product.yaml`, 'utf8'));
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      const views = result.value.views ?? [];
      expect(views.map((view) => view.id).sort(), id).toEqual(['back', 'detail', 'front', 'side', 'top']);
      for (const view of views) {
        expect(view.label.trim(), `${id} ${view.id}`).not.toBe('');
        expect(Math.hypot(...view.direction), `${id} ${view.id}`).toBeGreaterThan(0);
      }
      // The detail frames one part closer, and it is a part of the product.
      const detail = views.find((view) => view.id === 'detail')!;
      expect(result.value.parts.some((part) => part.kind === 'part' && part.id === detail.focus), id).toBe(true);
    }
  });

  it('reports a direction that is not three numbers, a focus on no part, a repeated id and an unknown key, each with a fix', () => {
    const problems = problemsOf(
      withViews(
        [
          '  - { id: side, label: Side, direction: [0, 1] }',
          '  - { id: front, label: Front, direction: [1, 0, 0], focus: toeCapp }',
          '  - { id: front, label: Again, direction: [1, 0.2, 0] }',
          '  - { id: top, label: Top, direction: [0, 1, 0], zoom: 2 }',
          '  - { id: back, label: Back, direction: [0, 0, 0] }',
        ].join('\n'),
      ),
    );
    expect(problems.filter((p) => /direction .* is not a direction \[x, y, z\]\. Fix: write three numbers/.test(p))).toHaveLength(2);
    expect(problems.find((p) => p.includes('"toeCapp", which is not a part'))).toMatch(/toeCap/);
    expect(problems.find((p) => p.includes('view "front" is defined twice'))).toBeDefined();
    expect(problems.find((p) => p.includes('unknown key "zoom"'))).toBeDefined();
  });

  it('reports a view without a direction', () => {
    expect(problemsOf(withViews('  - { id: side, label: Side }'))).toEqual([expect.stringMatching(/"direction" is missing\. Fix: add "direction: \[x, y, z\]"/)]);
  });
});

// "Parts customers change" on the designers' insight page, where the browser has no WebGL (here:
// no DOM at all, so `hasWebGL` says no): the table alone, every part most changed first, with a
// note saying why there is no 3D model; the model's chunk is never asked for.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProduct, partChangeRates, type Product } from '../../src/domain/index.ts';
import { PartChangeFigure } from '../../src/views/staff/PartChangeFigure.tsx';

const loaded = loadProduct('models/sneaker/product.yaml', readFileSync('models/sneaker/product.yaml', 'utf8'));
const product: Product = loaded.ok ? loaded.value : (() => { throw new Error('the sneaker\'s product.yaml does not load'); })();

describe('the parts customers change, without WebGL', () => {
  // A made-up demand over the product's own parts: the last part changed in 3 of 4 units, the first in 1.
  const first = product.attributes[0]!;
  const last = [...product.attributes].reverse().find((attribute) => attribute.partId !== first.partId)!;
  const starting = Object.fromEntries(product.attributes.map((attribute) => [attribute.id, attribute.options[0]!.id]));
  const other = (attribute: typeof first) => attribute.options.find((option) => option.id !== starting[attribute.id])!.id;
  const rates = partChangeRates(product, starting, [
    { choices: { ...starting, [first.id]: other(first), [last.id]: other(last) }, weight: 1 },
    { choices: { ...starting, [last.id]: other(last) }, weight: 2 },
    { choices: starting, weight: 1 },
  ]);
  const html = renderToStaticMarkup(createElement(PartChangeFigure, {
    product, partChanges: { basis: 'units', starting, ...rates }, days: 30, attributeLabel: (id: string) => id,
  }));
  const rows = [...html.matchAll(/<tr><th scope="row">(?:<span[^>]*><\/span>)?([^<]+)<\/th><td>([^<]+)<\/td>/g)].map((match) => [match[1], match[2]]);
  const labelOf = (attributeId: string) => product.parts.find((part) => part.id === product.attributes.find((attribute) => attribute.id === attributeId)!.partId)!.label;

  it('lists every part, most changed first, with its share of the units', () => {
    expect(rows).toHaveLength(product.parts.length);
    expect(rows[0]).toEqual([labelOf(last.id), '75.0 %']);
    expect(rows.find(([label]) => label === labelOf(first.id))?.[1]).toBe('25.0 %');
    expect(html).toContain('a share of the 4 units ordered in the last 30 days');
  });

  it('says the 3D model needs WebGL instead of drawing it', () => {
    expect(html).toContain('The 3D model needs WebGL');
    expect(html).not.toContain('staff-part-model');
  });
});

// A material's surface in product.yaml: a kind with its defaults, or a kind tuned per material;
// every mistake is a located problem with a fix.
import { describe, expect, it } from 'vitest';
import { formatProblem, loadProduct, materialSurface, partLooks, SURFACE_DEFAULTS, surfaceKindsOf, type Product } from '../../src/domain/index.ts';
import { PRODUCT_FILE, sneakerSources } from './support/sneaker.ts';

const SUEDE_ENTRY = `  suede:
    label: Suede
    code: MT-SUE
    appearance: { roughness: 0.95, metalness: 0, clearcoat: 0, sheen: 0.8 }
    surface: suede
`;

function sneakerWith(surfaceLine: string) {
  const text = sneakerSources.product.text;
  if (!text.includes(SUEDE_ENTRY)) throw new Error('the sneaker fixture changed: the suede entry is not as this test expects');
  return loadProduct(PRODUCT_FILE, text.replace(SUEDE_ENTRY, SUEDE_ENTRY.replace('    surface: suede\n', surfaceLine)));
}

function suedeOf(product: Product) {
  return product.attributes.find((attribute) => attribute.id === 'toeCap.material')!.options.find((option) => option.id === 'suede')!;
}

function loaded(result: ReturnType<typeof loadProduct>): Product {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

describe('a material surface in product.yaml', () => {
  it('takes the kind\'s settings when only the kind is named', () => {
    const suede = suedeOf(loaded(sneakerWith('    surface: suede\n')));
    expect(suede.appearance?.surface).toEqual({ kind: 'suede', ...SURFACE_DEFAULTS.suede });
  });

  it('lets a material tune the tile, relief, shade and roughness of its kind', () => {
    const suede = suedeOf(loaded(sneakerWith('    surface: { map: suede, tile: 12, relief: 0.4, shade: 0.1, roughnessVariation: -0.2 }\n')));
    expect(suede.appearance?.surface).toEqual({ kind: 'suede', tileMm: 12, relief: 0.4, shade: 0.1, roughnessVariation: -0.2 });
  });

  it('leaves a material without a surface smooth', () => {
    const suede = suedeOf(loaded(sneakerWith('')));
    expect(suede.appearance?.surface).toBeUndefined();
  });

  it.each([
    ['an unknown kind', '    surface: sued\n', /unknown surface map "sued".*did you mean "suede"/],
    ['an unknown kind in a map', '    surface: { map: sued }\n', /unknown surface map "sued".*did you mean "suede"/],
    ['no kind', '    surface: { tile: 10 }\n', /"map" is missing.*add "map: <kind>"/],
    ['a tile too small to see', '    surface: { map: suede, tile: 0 }\n', /"tile" is 0, outside the allowed range 2–500.*millimetres/],
    ['a misspelt setting', '    surface: { map: suede, relif: 1 }\n', /relif/],
  ])('reports %s with where it is and how to fix it', (_mistake, line, message) => {
    const result = sneakerWith(line);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.map(formatProblem).join('\n');
    expect(text).toMatch(message);
    expect(text).toContain(`${PRODUCT_FILE}:`);
  });
});

describe('surfaceKindsOf', () => {
  it('lists each kind a design wears once, and none for smooth materials', () => {
    const product = loaded(sneakerWith('    surface: suede\n'));
    const looks = partLooks(product, Object.fromEntries(product.attributes.map((attribute) => [attribute.id, attribute.options[0]!.id])));
    const kinds = surfaceKindsOf(looks);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const look of Object.values(looks)) if (look.appearance.surface) expect(kinds).toContain(look.appearance.surface.kind);
    const smooth = { toeCap: { materialId: 'x', colour: '#000000', appearance: { roughness: 1, metalness: 0, clearcoat: 0, sheen: 0 } } };
    expect(surfaceKindsOf(smooth)).toEqual([]);
    expect(surfaceKindsOf({ ...smooth, vamp: { ...smooth.toeCap, appearance: { ...smooth.toeCap.appearance, surface: materialSurface('canvas') } } })).toEqual(['canvas']);
  });
});

// The catalogue exports of a product's colourways: the glb with KHR_materials_variants (the
// Khronos validator finds 0 errors; three.js's GLTFLoader sees one variant per colourway and
// switches each part to the colourway's colour), and the feed as schema.org ProductGroup JSON-LD
// (validated against a JSON Schema of ProductGroup's shape) and CSV. One colourway credited to a
// customer is added to the shipped sneaker first, as the designers' review does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Color, Mesh, type MeshStandardMaterial } from 'three';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { describe, expect, it } from 'vitest';
import { colourwayFeedCsv, colourwayVariants, productGroupJsonLd, type FeedLinks } from '../../src/domain/design/index.ts';
import { compileRules, loadCatalogEntry, resolveDesign } from '../../src/domain/index.ts';
import { addColourwayPreset } from '../../src/domain/studio/index.ts';
import { colourwayModel } from '../../src/server/colourwayModel.ts';

const validator = createRequire(import.meta.url)('gltf-validator') as {
  validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<{ issues: { numErrors: number; messages: { code: string; severity: number; message: string }[] } }>;
};

const PRODUCT_FILE = 'models/sneaker/product.yaml';
const RULES_FILE = 'rules/sneaker.rules.yaml';
const readTable = (name: string) => readFileSync(`rules/${name}`, 'utf8');
const productText = readFileSync(PRODUCT_FILE, 'utf8');
const rulesText = readFileSync(RULES_FILE, 'utf8');

const shipped = loadCatalogEntry({ file: PRODUCT_FILE, text: productText }, { file: RULES_FILE, text: rulesText }, { readTable });
if (!shipped.ok) throw new Error('the sneaker does not load');
// A customer's design: each attribute at the last option still allowed, completed by the engine.
const shippedSpace = compileRules(shipped.value.product, shipped.value.ruleSet);
const customerDesign = (() => {
  const choices: Record<string, string> = {};
  for (const attribute of shipped.value.product.attributes) {
    choices[attribute.id] = attribute.options.filter((option) => !option.retired && shippedSpace.isConsistent({ ...choices, [attribute.id]: option.id })).at(-1)!.id;
  }
  return resolveDesign(shippedSpace, shipped.value.ruleSet, choices).assignment;
})();
const added = addColourwayPreset({ productFile: PRODUCT_FILE, productText, rulesFile: RULES_FILE, rulesText, readTable }, { name: 'Customer = Favourite, "v2"', choices: customerDesign, credit: '=Ada, L.', from: 'candidate:cnd_test' });
if (!added.ok) throw new Error(added.message);
const loaded = loadCatalogEntry({ file: PRODUCT_FILE, text: added.text }, { file: RULES_FILE, text: rulesText }, { readTable });
if (!loaded.ok) throw new Error('the sneaker with the colourway does not load');
const entry = loaded.value;
const space = compileRules(entry.product, entry.ruleSet);
const variants = colourwayVariants(entry, space);
const links: FeedLinks = {
  productUrl: 'https://shop.example/?product=sneaker',
  variantUrl: (variant) => `https://shop.example/?product=sneaker&preset=${variant.preset.id}`,
  pictureUrl: (variant) => `https://shop.example/api/catalog/sneaker/colourways/${variant.preset.id}/picture`,
};

describe('colourwayVariants', () => {
  it('is one whole, valid design per preset, priced, with a look for every part', () => {
    expect(variants.map((variant) => variant.preset.id)).toEqual(entry.product.presets.map((preset) => preset.id));
    for (const variant of variants) {
      expect(Object.keys(variant.design).sort()).toEqual(entry.product.attributes.map((attribute) => attribute.id).sort());
      expect(space.isConsistent(variant.design)).toBe(true);
      for (const [attributeId, optionId] of Object.entries(variant.preset.choices)) expect(variant.design[attributeId]).toBe(optionId);
      expect(variant.price).toBeGreaterThanOrEqual(entry.product.basePrice);
      expect(Object.keys(variant.looks).sort()).toEqual(entry.product.parts.filter((part) => part.kind === 'part').map((part) => part.id).sort());
    }
    expect(variants.at(-1)!.design).toEqual(customerDesign);
  });
});

describe('the glb with a material variant per colourway', async () => {
  const model = new Uint8Array(readFileSync(`public/models/${entry.product.model}`));
  const bytes = await colourwayModel(model, entry.product, variants);

  it('passes the Khronos glTF validator with 0 errors', async () => {
    const report = await validator.validateBytes(bytes, { maxIssues: 50, severityOverrides: { ACCESSOR_INDEX_TRIANGLE_DEGENERATE: 0 } });
    expect(report.issues.messages.filter((message) => message.severity === 0)).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
  });

  it('shows in three.js as one variant per colourway, each part switching to the colourway\'s colour', async () => {
    const gltf = await new Promise<GLTF>((resolve, reject) => new GLTFLoader().parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '', resolve, reject));
    const declared = (gltf.userData.gltfExtensions as { KHR_materials_variants: { variants: { name: string }[] } }).KHR_materials_variants.variants;
    expect(declared.map((variant) => variant.name)).toEqual(variants.map((variant) => variant.preset.name));
    // Switching as three.js's variants example does: the mapping naming the variant gives the mesh its material.
    for (const part of entry.product.parts.filter((candidate) => candidate.kind === 'part')) {
      const mesh = gltf.scene.getObjectByName(part.meshes[0]!);
      const object = mesh instanceof Mesh ? mesh : mesh?.children.find((child): child is Mesh => child instanceof Mesh);
      expect(object, `a mesh for ${part.id}`).toBeDefined();
      const mappings = (object!.userData.gltfExtensions as { KHR_materials_variants: { mappings: { material: number; variants: number[] }[] } }).KHR_materials_variants.mappings;
      for (const [index, variant] of variants.entries()) {
        const mapping = mappings.find((candidate) => candidate.variants.includes(index));
        expect(mapping, `${part.id} in ${variant.preset.id}`).toBeDefined();
        const material = await gltf.parser.getDependency('material', mapping!.material) as MeshStandardMaterial;
        expect(material.color.getHexString()).toBe(new Color(variant.looks[part.id]!.colour).getHexString());
        expect(material.roughness).toBeCloseTo(variant.looks[part.id]!.appearance.roughness, 5);
      }
    }
  });
});

/** The shape of a schema.org ProductGroup with its variants, as catalogue consumers read it. */
const PRODUCT_GROUP_SCHEMA = {
  type: 'object',
  required: ['@context', '@type', 'name', 'productGroupID', 'variesBy', 'hasVariant'],
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ProductGroup' },
    name: { type: 'string', minLength: 1 },
    productGroupID: { type: 'string', minLength: 1 },
    url: { type: 'string', format: 'uri' },
    variesBy: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^https://schema\\.org/[a-zA-Z]+$' } },
    hasVariant: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['@type', 'sku', 'name', 'image', 'offers', 'inProductGroupWithID', 'color', 'material'],
        properties: {
          '@type': { const: 'Product' },
          sku: { type: 'string', minLength: 1 },
          inProductGroupWithID: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          image: { type: 'string', format: 'uri' },
          url: { type: 'string', format: 'uri' },
          color: { type: 'string', minLength: 1 },
          material: { type: 'string', minLength: 1 },
          additionalProperty: {
            type: 'array',
            items: { type: 'object', required: ['@type', 'name', 'value'], properties: { '@type': { const: 'PropertyValue' }, name: { type: 'string' }, value: { type: 'string' } } },
          },
          offers: {
            type: 'object',
            required: ['@type', 'price', 'priceCurrency'],
            properties: { '@type': { const: 'Offer' }, price: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' }, priceCurrency: { type: 'string', pattern: '^[A-Z]{3}$' }, availability: { type: 'string', format: 'uri' } },
          },
          creator: { type: 'object', required: ['@type', 'name'], properties: { '@type': { enum: ['Person', 'Organization'] }, name: { type: 'string', minLength: 1 } } },
        },
      },
    },
  },
} as const;

describe('the catalogue feed', () => {
  const feed = productGroupJsonLd(entry, variants, links);

  it('is a schema.org ProductGroup with one variant per colourway', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(PRODUCT_GROUP_SCHEMA);
    expect(validate(JSON.parse(JSON.stringify(feed))), JSON.stringify(validate.errors)).toBe(true);
    const hasVariant = feed.hasVariant as { sku: string; offers: { price: string }; creator?: { name: string }; image: string }[];
    expect(hasVariant.map((variant) => variant.sku)).toEqual(variants.map((variant) => variant.sku));
    expect(hasVariant.map((variant) => Number(variant.offers.price) * 100)).toEqual(variants.map((variant) => variant.price));
    expect(hasVariant.at(-1)!.creator).toEqual({ '@type': 'Person', name: '=Ada, L.' });
    expect(hasVariant.filter((variant) => variant.creator)).toHaveLength(1);
  });

  it('is a CSV with a row per colourway: attributes, price and picture, formulas and quotes defused', () => {
    const csv = colourwayFeedCsv(entry, variants, links);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(variants.length + 1);
    expect(lines[0]!.split(',').slice(0, 9)).toEqual(['sku', 'product_id', 'colourway_id', 'colourway', 'price', 'currency', 'picture_url', 'url', 'co_created_by']);
    expect(lines[0]!.split(',')).toHaveLength(9 + entry.product.attributes.length);
    expect(lines.at(-1)).toContain(',"Customer = Favourite, ""v2""",');
    expect(lines.at(-1)).toContain(`,"'=Ada, L.",`);
    expect(lines[1]).toContain(links.pictureUrl(variants[0]!));
  });
});

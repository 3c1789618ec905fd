// Order request bodies for the server's tests, crash test and benchmarks: real designs of the real
// sneaker, made the way the configurator makes them, and real PNG files. Kept under scripts/ so
// the scripts never import from tests/.
import { deflateSync, crc32 } from 'node:zlib';
import {
  canonicalKey, compileRules, createDesignDocument, priceDesign, resolveDesign, type CatalogEntry, type ConfigurationSpace, type DesignDocument,
} from '../../src/domain/index.ts';
import { randomInt, seededRandom } from '../../src/domain/shared/index.ts';

/** A product with its engine, as the tests need it. */
export interface ProductUnderTest {
  readonly entry: CatalogEntry;
  readonly space: ConfigurationSpace;
}

/** Compiles a catalog entry for building designs. */
export function productUnderTest(entry: CatalogEntry): ProductUnderTest {
  return { entry, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) };
}

/** A complete design from some customer choices (the rest from defaults and the engine). */
export function designFrom(product: ProductUnderTest, choices: Record<string, string> = {}): DesignDocument {
  const { entry, space } = product;
  const resolved = resolveDesign(space, entry.ruleSet, choices).assignment;
  return createDesignDocument(entry.product.id, entry.rulesVersion, resolved, Object.keys(choices));
}

/**
 * A random valid design: a few customer choices, each among the options still available, as a
 * customer clicking through the configurator would make. `random` returns numbers in [0, 1).
 */
export function randomDesign(product: ProductUnderTest, random: () => number): DesignDocument {
  const { entry, space } = product;
  const choices: Record<string, string> = {};
  const steps = 1 + randomInt(random, 6);
  for (let step = 0; step < steps; step++) {
    const free = entry.product.attributes.filter((attribute) => choices[attribute.id] === undefined);
    const attribute = free[randomInt(random, free.length)]!;
    const offered = space.domains(choices).get(attribute.id)!;
    choices[attribute.id] = offered[randomInt(random, offered.length)]!;
  }
  return designFrom(product, choices);
}

/** `count` valid designs with distinct canonical keys, the same every run. */
export function distinctDesigns(product: ProductUnderTest, count: number, seed = 1): DesignDocument[] {
  const random = seededRandom(seed);
  const designs = new Map<string, DesignDocument>();
  while (designs.size < count) {
    const design = randomDesign(product, random);
    designs.set(canonicalKey(design), design);
  }
  return [...designs.values()];
}

/** What an order body may say besides its design. */
export interface OrderBodyOptions {
  readonly eu?: string;
  readonly quantity?: number;
  readonly withPrice?: boolean;
  readonly previewImages?: readonly { view: string; dataUrl: string }[];
  readonly contact?: { name: string; email: string };
}

/** A shipping address every product ships to. */
export const SHIPPING_ADDRESS = { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' } as const;

/** The body of `POST /api/orders` for a design, with the price the browser would show. */
export function orderBody(product: ProductUnderTest, design: DesignDocument, options: OrderBodyOptions = {}): Record<string, unknown> {
  const quantity = options.quantity ?? 1;
  const price = priceDesign(product.entry.product, product.entry.ruleSet, design.choices);
  return {
    design,
    size: { eu: options.eu ?? '42' },
    quantity,
    contact: options.contact ?? { name: 'Ada Lovelace', email: 'ada@example.com' },
    shippingAddress: SHIPPING_ADDRESS,
    ...(options.withPrice === false ? {} : { clientPrice: { unitTotal: price.unitTotal, total: price.unitTotal * quantity, currency: price.currency } }),
    ...(options.previewImages ? { previewImages: options.previewImages } : {}),
  };
}

/** A real PNG file: `width`×`height` pixels of one RGB colour, padded to at least `minBytes` with an ancillary chunk. */
export function pngFile(width = 4, height = 4, rgb: [number, number, number] = [200, 40, 40], minBytes = 0): Uint8Array {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const chunks = [chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw))];
  const size = 8 + chunks.reduce((sum, c) => sum + c.length, 0) + 12;
  if (minBytes > size) chunks.push(chunk('tEXt', Buffer.alloc(Math.max(0, minBytes - size - 12), 0x41)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks, chunk('IEND', Buffer.alloc(0))]));
}

/** A PNG as a canvas's `toDataURL('image/png')` gives it. */
export function pngDataUrl(bytes: Uint8Array = pngFile()): string {
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

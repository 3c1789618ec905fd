import type { ArtworkStatus } from '../personalisation/index.ts';
import type { Assignment } from '../product/index.ts';
import type { PersonalisationStatus } from '../personalisation/index.ts';
import type { AttributeId, Product } from '../product/index.ts';

/** What a share token may also say about the design it was made from. */
export interface ShareTokenOptions {
  /**
   * The design held personal text or artwork, which share links never carry: the token says so
   * (a last `.p`), so that whoever opens it learns that the sender's design, and price, had more.
   */
  readonly personalisationLeftOut?: boolean;
}

/**
 * The design in a URL, compactly: `<rulesVersion>.<choices>[.<chosen>[.p]]` where `<choices>` packs
 * each attribute's option index (in product order) into base64url, 6 bits a character for options
 * counts up to 64 (two characters otherwise), and `<chosen>` is a bit mask (6 attributes a
 * character, product order) of the attributes the customer chose, so that the restored design
 * keeps its provenance, and `.p` says that the design's personal text and artwork were left out.
 * The sneaker's 24 attributes take 24 + 4 characters.
 *
 * @example encodeShareToken(product, version, design, ['toeCap.colour']) // "90e16a0817393de2.AAAAAAAAAAAAAAAAAAAAAAAA.BAAA"
 */
export function encodeShareToken(product: Product, rulesVersion: string, design: Assignment, chosenByCustomer?: readonly AttributeId[], options: ShareTokenOptions = {}): string {
  let packed = '';
  for (const attribute of product.attributes) {
    const index = attribute.options.findIndex((option) => option.id === design[attribute.id]);
    if (index < 0) throw new Error(`[Atelier] design has no valid option for "${attribute.id}"`);
    packed += attribute.options.length <= 64 ? DIGITS[index] : DIGITS[index >> 6]! + DIGITS[index & 63]!;
  }
  if (chosenByCustomer === undefined) return `${rulesVersion}.${packed}`;
  const chosen = new Set(chosenByCustomer);
  let mask = '';
  for (let start = 0; start < product.attributes.length; start += 6) {
    let bits = 0;
    product.attributes.slice(start, start + 6).forEach((attribute, bit) => {
      if (chosen.has(attribute.id)) bits |= 1 << bit;
    });
    mask += DIGITS[bits];
  }
  return `${rulesVersion}.${packed}.${mask}${options.personalisationLeftOut ? '.p' : ''}`;
}

/**
 * Whether a design holds personal text or artwork (offered fields that are filled): what a share
 * link leaves out.
 */
export function holdsPersonalisation(summary: { readonly personalisation: readonly PersonalisationStatus[]; readonly artwork: readonly ArtworkStatus[] }): boolean {
  return summary.personalisation.some((status) => status.offered && status.text.trim().length > 0)
    || summary.artwork.some((status) => status.offered && status.artwork !== null);
}

/** What a share token says, before it is checked against the rules. */
export interface DecodedShareToken {
  readonly rulesVersion: string;
  readonly design: Assignment;
  /** The attributes the customer chose, in product order; absent in tokens made without it. */
  readonly chosenByCustomer?: readonly AttributeId[];
  /** The shared design held personal text or artwork, which the link does not carry. */
  readonly personalisationLeftOut?: true;
}

/**
 * Reads a share token against the product of the rules version it names. Returns a message when
 * the token is malformed or does not fit the product (a truncated link, another product).
 */
export function decodeShareToken(product: Product, token: string): DecodedShareToken | { error: string } {
  const match = /^([0-9a-f]{16})\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+)(\.p)?)?$/.exec(token);
  if (!match) return { error: 'this share link is not complete: it should end with a version and a code, like …/?design=90e16a0817393de2.AAAA' };
  const [, rulesVersion = '', packed = '', mask, leftOut] = match;
  const design: Record<string, string> = {};
  let position = 0;
  for (const attribute of product.attributes) {
    const width = attribute.options.length <= 64 ? 1 : 2;
    const digits = packed.slice(position, position + width);
    position += width;
    if (digits.length < width) return { error: `this share link is too short for the ${product.name}; copy the whole link again` };
    const index = width === 1 ? DIGITS.indexOf(digits) : DIGITS.indexOf(digits[0]!) * 64 + DIGITS.indexOf(digits[1]!);
    const option = attribute.options[index];
    if (!option) return { error: `this share link names an option the ${product.name} does not have; it may be for another product` };
    design[attribute.id] = option.id;
  }
  if (position !== packed.length) return { error: `this share link is too long for the ${product.name}; it may be for another product` };
  if (mask === undefined) return { rulesVersion, design };
  if (mask.length !== Math.ceil(product.attributes.length / 6)) return { error: `this share link's last part does not fit the ${product.name}; copy the whole link again` };
  const chosenByCustomer = product.attributes
    .filter((_attribute, index) => (DIGITS.indexOf(mask[Math.floor(index / 6)]!) >> (index % 6)) & 1)
    .map((attribute) => attribute.id);
  return { rulesVersion, design, chosenByCustomer, ...(leftOut ? { personalisationLeftOut: true as const } : {}) };
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

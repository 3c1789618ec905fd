import type { ArtworkStatus } from '../personalisation/index.ts';
import type { PersonalisationStatus } from '../personalisation/index.ts';
import type { Assignment, AttributeId, OptionId, Product } from '../product/index.ts';
import { ID_PATTERN, sha256Hex } from '../shared/index.ts';

/** What a share token may also say about the design it was made from. */
export interface ShareTokenOptions {
  /**
   * The design held personal text or artwork, which share links never carry: the token says so
   * (a `p` before its check), so that whoever opens it learns that the sender's design, and price, had more.
   */
  readonly personalisationLeftOut?: boolean;
}

/**
 * The option ids of each attribute of a product under one rules version, in that version's order:
 * what the positions of a share token of the first format point into. The server answers it for
 * any version it ever published (`GET /api/catalog/:productId/versions/:rulesVersion/options`), and
 * it never changes, since a version is the hash of its content.
 */
export interface VersionOptions {
  readonly productId: string;
  readonly rulesVersion: string;
  readonly attributes: readonly { readonly id: AttributeId; readonly options: readonly OptionId[] }[];
}

/**
 * A product's attributes and option ids under one rules version, as {@link VersionOptions}.
 *
 * @example versionOptionsOf(entry) // { productId: 'sneaker', rulesVersion: '70f2…', attributes: [{ id: 'toeCap.material', options: ['leather', …] }, …] }
 */
export function versionOptionsOf(entry: { readonly product: Pick<Product, 'id' | 'attributes'>; readonly rulesVersion: string }): VersionOptions {
  return {
    productId: entry.product.id,
    rulesVersion: entry.rulesVersion,
    attributes: entry.product.attributes.map((attribute) => ({ id: attribute.id, options: attribute.options.map((option) => option.id) })),
  };
}

/**
 * The attributes and options a token of the first format is read against: the product, or the
 * server's {@link VersionOptions}, of the rules version the token names.
 */
export type ShareTokenLayout = Pick<Product, 'name' | 'attributes'> | VersionOptions;

// The token names every choice by its attribute's id and its option's id, as written in
// product.yaml, never by a position: a colour inserted into a palette, a part added or attributes
// reordered between two rules versions leave old links meaning what they meant. To stay short it
// writes each attribute name once ("colour" for all the colours), then the part and option of each
// choice of that name:
//
//   v2_<rulesVersion>_<name>.<part>.<option>.<part>.<option>…_<name>…[_p]_<check>
//   v2_70f24846ad95115d_material.toeCap.leather.vamp.suede_colour.toeCap.-chalk.vamp.navy_3fa1
//
// Attribute ids are `<part>.<name>` (or a bare `<name>`: an empty part), letters and digits;
// option ids are letters, digits and dashes starting with a letter. So `_` and `.` never occur in
// an id and `-` never starts one: a leading `-` marks an option the customer chose (the rest the
// shop suggested), `p` says personal text and artwork were left out, and <check> (4 hex digits of
// the SHA-256 of what precedes it) tells a truncated or damaged link from one naming options the
// shop dropped since. Only unreserved URL characters, none that URLSearchParams escapes. The
// sneaker's 24 choices take about 420 characters, well under what browsers and chat apps carry.
const FORMAT = 'v2';
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const PART = /^(?:[A-Za-z][A-Za-z0-9]*)?$/;
const CHOSEN = '-';

/**
 * The design in a URL, by stable ids (see the format above): every attribute of `product` with its
 * option in `design`, those in `chosenByCustomer` marked as the customer's (all of them when it is
 * left out), so that the restored design keeps its provenance.
 *
 * @example encodeShareToken(product, version, design, ['toeCap.colour']) // "v2_90e16a0817393de2_material.toeCap.leather…_colour.toeCap.-chalk…_9c2e"
 */
export function encodeShareToken(product: Pick<Product, 'attributes'>, rulesVersion: string, design: Assignment, chosenByCustomer?: readonly AttributeId[], options: ShareTokenOptions = {}): string {
  if (!VERSION.test(rulesVersion)) throw new Error(`[Atelier] rules version "${rulesVersion}" is not 16 hex digits`);
  const chosen = chosenByCustomer === undefined ? undefined : new Set(chosenByCustomer);
  const groups = new Map<string, string[]>();
  for (const attribute of product.attributes) {
    const option = design[attribute.id];
    if (option === undefined || !attribute.options.some((candidate) => candidate.id === option)) {
      throw new Error(`[Atelier] design has no valid option for "${attribute.id}": ${JSON.stringify(option)} is not one of ${attribute.options.map((candidate) => candidate.id).join(', ')}`);
    }
    if (!ID_PATTERN.test(option)) throw new Error(`[Atelier] option id "${option}" of "${attribute.id}" cannot be written in a share link: ids are letters, digits and dashes, starting with a letter`);
    const { part, name } = splitAttributeId(attribute.id);
    const entries = groups.get(name) ?? [];
    entries.push(part, `${chosen === undefined || chosen.has(attribute.id) ? CHOSEN : ''}${option}`);
    groups.set(name, entries);
  }
  const body = [FORMAT, rulesVersion, ...[...groups].map(([name, entries]) => [name, ...entries].join('.')), ...(options.personalisationLeftOut ? ['p'] : [])].join('_');
  return `${body}_${checkOf(body)}`;
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
  /**
   * The shared choices by attribute and option id, as they were under `rulesVersion`: today's
   * product may lack some of them (see `restoreSharedDesign`).
   */
  readonly design: Assignment;
  /** The attributes the customer chose, in product order; absent in first-format tokens made without it. */
  readonly chosenByCustomer?: readonly AttributeId[];
  /** The shared design held personal text or artwork, which the link does not carry. */
  readonly personalisationLeftOut?: true;
}

/** Which format a token is in and the rules version it names, read without any product. */
export interface ShareTokenHeader {
  /** `ids`: choices named by option id (today's format); `positions`: by option position, read against the product of `rulesVersion`. */
  readonly format: 'ids' | 'positions';
  readonly rulesVersion: string;
}

/**
 * The format and rules version of a share token, so that a caller can fetch the options of that
 * version first when the token counts positions ({@link VersionOptions}).
 */
export function readShareTokenHeader(token: string): ShareTokenHeader | { error: string } {
  const trimmed = token.trim();
  const ids = new RegExp(`^${FORMAT}_([0-9a-f]{16})_`).exec(trimmed);
  if (ids) return { format: 'ids', rulesVersion: ids[1]! };
  const positions = /^([0-9a-f]{16})\./.exec(trimmed);
  if (positions) return { format: 'positions', rulesVersion: positions[1]! };
  return { error: 'this share link is not complete: it should start with a version and a code, like …/?design=v2_90e16a0817393de2_…' };
}

/**
 * Reads a share token. A token of today's format names its choices by id and needs no product (its
 * choices by the customer are listed in `layout`'s order);
 * one of the first format (`<rulesVersion>.<positions>[.<chosen>[.p]]`, links made before) counts
 * positions, so `layout` must be the product, or the server's {@link VersionOptions}, of the rules
 * version the token names: never today's, whose lists may have changed since. Returns a message
 * when the token is malformed or does not fit (a truncated link, another product).
 */
export function decodeShareToken(layout: ShareTokenLayout, token: string): DecodedShareToken | { error: string } {
  const header = readShareTokenHeader(token);
  if ('error' in header) return header;
  return header.format === 'ids' ? decodeIds(layout, token.trim()) : decodePositions(layout, token.trim());
}

function decodeIds(layout: ShareTokenLayout, token: string): DecodedShareToken | { error: string } {
  const cut = token.lastIndexOf('_');
  const body = token.slice(0, cut);
  if (!/^[0-9a-f]{4}$/.test(token.slice(cut + 1)) || checkOf(body) !== token.slice(cut + 1)) return { error: 'this share link is not complete or was changed; copy the whole link again' };
  const [, rulesVersion = '', ...groups] = body.split('_');
  const personalisationLeftOut = groups.at(-1) === 'p';
  if (personalisationLeftOut) groups.pop();
  const design: Record<AttributeId, OptionId> = {};
  const chosenByCustomer: AttributeId[] = [];
  for (const group of groups) {
    const [name = '', ...entries] = group.split('.');
    if (!NAME.test(name) || entries.length === 0 || entries.length % 2 !== 0) return { error: `this share link's part "${group.slice(0, 40)}" cannot be read; copy the whole link again` };
    for (let index = 0; index < entries.length; index += 2) {
      const part = entries[index]!;
      const written = entries[index + 1]!;
      const option = written.startsWith(CHOSEN) ? written.slice(CHOSEN.length) : written;
      if (!PART.test(part) || !ID_PATTERN.test(option)) return { error: `this share link's part "${group.slice(0, 40)}" cannot be read; copy the whole link again` };
      const attributeId = part === '' ? name : `${part}.${name}`;
      if (design[attributeId] !== undefined) return { error: `this share link names "${attributeId}" twice; copy the whole link again` };
      design[attributeId] = option;
      if (option !== written) chosenByCustomer.push(attributeId);
    }
  }
  // In `layout`'s order where it has them (the token's own order is by name), then the rest.
  const order = (id: AttributeId) => {
    const index = layout.attributes.findIndex((attribute) => attribute.id === id);
    return index < 0 ? layout.attributes.length : index;
  };
  chosenByCustomer.sort((a, b) => order(a) - order(b));
  return { rulesVersion, design, chosenByCustomer, ...(personalisationLeftOut ? { personalisationLeftOut: true as const } : {}) };
}

function decodePositions(layout: ShareTokenLayout, token: string): DecodedShareToken | { error: string } {
  const match = /^([0-9a-f]{16})\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+)(\.p)?)?$/.exec(token);
  if (!match) return { error: 'this share link is not complete: it should end with a version and a code, like …/?design=90e16a0817393de2.AAAA' };
  const [, rulesVersion = '', packed = '', mask, leftOut] = match;
  const what = 'name' in layout ? `the ${layout.name}` : `"${layout.productId}"`;
  if ('rulesVersion' in layout && layout.rulesVersion !== rulesVersion) {
    throw new Error(`[Atelier] a share token of rules version ${rulesVersion} was read against the options of version ${layout.rulesVersion}; pass the options of the token's version`);
  }
  const attributes = layout.attributes.map((attribute) => ({ id: attribute.id, options: attribute.options.map((option: OptionId | { readonly id: OptionId }) => (typeof option === 'string' ? option : option.id)) }));
  const design: Record<AttributeId, OptionId> = {};
  let position = 0;
  for (const attribute of attributes) {
    const width = attribute.options.length <= 64 ? 1 : 2;
    const digits = packed.slice(position, position + width);
    position += width;
    if (digits.length < width) return { error: `this share link is too short for ${what}; copy the whole link again` };
    const index = width === 1 ? DIGITS.indexOf(digits) : DIGITS.indexOf(digits[0]!) * 64 + DIGITS.indexOf(digits[1]!);
    const option = attribute.options[index];
    if (option === undefined) return { error: `this share link names an option ${what} does not have; it may be for another product` };
    design[attribute.id] = option;
  }
  if (position !== packed.length) return { error: `this share link is too long for ${what}; it may be for another product` };
  if (mask === undefined) return { rulesVersion, design };
  if (mask.length !== Math.ceil(attributes.length / 6)) return { error: `this share link's last part does not fit ${what}; copy the whole link again` };
  const chosenByCustomer = attributes
    .filter((_attribute, index) => (DIGITS.indexOf(mask[Math.floor(index / 6)]!) >> (index % 6)) & 1)
    .map((attribute) => attribute.id);
  return { rulesVersion, design, chosenByCustomer, ...(leftOut ? { personalisationLeftOut: true as const } : {}) };
}

/** `toeCap.colour` → part `toeCap`, name `colour`; a bare `fit` → part '', name `fit`. */
function splitAttributeId(attributeId: AttributeId): { part: string; name: string } {
  const dot = attributeId.indexOf('.');
  const part = dot < 0 ? '' : attributeId.slice(0, dot);
  const name = attributeId.slice(dot + 1);
  if (!PART.test(part) || !NAME.test(name)) throw new Error(`[Atelier] attribute id "${attributeId}" cannot be written in a share link: it should be <part>.<name> or <name>, letters and digits`);
  return { part, name };
}

function checkOf(body: string): string {
  return sha256Hex(body).slice(0, 4);
}

const VERSION = /^[0-9a-f]{16}$/;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

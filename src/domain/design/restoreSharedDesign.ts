import type { CatalogEntry } from '../catalog/index.ts';
import type { Assignment, ConfigurationSpace } from '../engine/index.ts';
import { resolveDesign, toAssignment, type Choice } from '../engine/index.ts';
import { attributeDisplayName, optionById, type AttributeDef, type AttributeId, type OptionId, type Product } from '../product/index.ts';
import { decodeShareToken, readShareTokenHeader, type DecodedShareToken, type VersionOptions } from './shareLink.ts';

/** A shared design, ready to start a session from. */
export interface RestoredDesign {
  /** The customer's choices that still hold, in product order. */
  readonly choices: readonly Choice[];
  /**
   * The rest of the shared design: suggestions the session prefers, as it does a colourway's, so
   * the restored design is the shared one and its provenance is kept.
   */
  readonly suggested: Assignment;
  /** True when the link was made under other rules than today's. */
  readonly rulesChanged: boolean;
  /**
   * What differs from the shared design, one sentence per attribute ("Toe cap colour: Chalk is no
   * longer offered; now Mint."); empty only when every shared choice is as it was.
   */
  readonly changes: readonly string[];
  /** The shared design held personal text or artwork, which share links never carry. */
  readonly personalisationLeftOut: boolean;
}

/** How {@link restoreSharedDesign} words its changes. */
export interface RestoreWording {
  /**
   * What the design's rules are compared with, after "since" (default: "this link was made"), e.g.
   * "you started this design" for a design open in the page when the shop publishes new rules.
   */
  readonly since?: string;
}

/**
 * Reads a share link's token (or a design already read, such as a gallery design's choices) and
 * carries it to the current rules choice by choice. Option ids that are still offered keep their
 * value (chosen ones stay the customer's, in product order, while the rules allow them); an option
 * or attribute the shop dropped falls back to the engine's completion; an attribute added since
 * gets the engine's value. Each difference from the shared design is said in words, per attribute.
 *
 * A token of the first format counts positions: `sharedVersion` must then be the product, or the
 * server's `VersionOptions`, of the rules version it names, unless that is today's (see
 * `readShareTokenHeader` to know before). With the product, a dropped option is named by its
 * label; otherwise by its id in words.
 *
 * `wording` says what the design is when it is not a link (see {@link RestoreWording}).
 *
 * @example
 * const restored = restoreSharedDesign(entry, space, new URLSearchParams(location.search).get('design')!);
 * if ('error' in restored) show(restored.error); else start(restored.choices, restored.suggested);
 */
export function restoreSharedDesign(entry: CatalogEntry, space: ConfigurationSpace, shared: string | DecodedShareToken, sharedVersion?: Product | VersionOptions, wording: RestoreWording = {}): RestoredDesign | { error: string } {
  const decoded = typeof shared === 'string' ? decodeForEntry(entry, shared, sharedVersion) : shared;
  if ('error' in decoded) return decoded;
  const product = entry.product;
  const design = decoded.design;
  if (!product.attributes.some((attribute) => design[attribute.id] !== undefined)) {
    return { error: `this share link names none of the choices of the ${product.name}; it may be for another product` };
  }
  const old = sharedVersion && 'parts' in sharedVersion ? sharedVersion : undefined;
  const chosen = new Set<AttributeId>(decoded.chosenByCustomer ?? Object.keys(design));
  const offers = (attribute: AttributeDef, option: OptionId | undefined) => attribute.options.some((candidate) => candidate.id === option);

  const choices: Choice[] = [];
  const unavailable = new Set<AttributeId>();
  const suggested: Record<AttributeId, OptionId> = {};
  for (const attribute of product.attributes) {
    const option = design[attribute.id];
    if (option === undefined || !offers(attribute, option)) continue;
    if (!chosen.has(attribute.id)) suggested[attribute.id] = option;
    else if (space.domains(toAssignment(choices)).get(attribute.id)!.includes(option)) choices.push({ attribute: attribute.id, option });
    else unavailable.add(attribute.id);
  }
  const resolved = resolveDesign(space, entry.ruleSet, toAssignment(choices), suggested).assignment;

  const name = (attribute: AttributeDef) => attributeDisplayName(product, attribute);
  const label = (attribute: AttributeDef, option: OptionId) => optionById(attribute, option).label;
  const oldLabel = (attributeId: AttributeId, option: OptionId) => old?.attributes.find((candidate) => candidate.id === attributeId)?.options.find((candidate) => candidate.id === option)?.label ?? inWords(option);
  // The customer's own choices that changed first; then what the rules changed to go with them.
  const changed: string[] = [];
  const followed: { attribute: AttributeDef; now: string; was?: string }[] = [];
  for (const attribute of product.attributes) {
    const option = design[attribute.id];
    const now = label(attribute, resolved[attribute.id]!);
    if (option === undefined) {
      if (decoded.rulesVersion !== entry.rulesVersion) followed.push({ attribute, now });
    } else if (!offers(attribute, option)) {
      changed.push(`${name(attribute)}: ${oldLabel(attribute.id, option)} is no longer offered; now ${now}.`);
    } else if (unavailable.has(attribute.id)) {
      changed.push(`${name(attribute)}: ${label(attribute, option)} is no longer available with this design; now ${now}.`);
    } else if (!chosen.has(attribute.id) && resolved[attribute.id] !== option) {
      followed.push({ attribute, now, was: label(attribute, option) });
    }
  }
  for (const [attributeId, option] of Object.entries(design)) {
    if (product.attributes.some((attribute) => attribute.id === attributeId)) continue;
    const oldAttribute = old?.attributes.find((candidate) => candidate.id === attributeId);
    const oldName = old && oldAttribute ? attributeDisplayName(old, oldAttribute) : inWords(attributeId);
    changed.push(`${oldName} is no longer a choice, so ${oldLabel(attributeId, option)} is left out.`);
  }
  const why = changed.length > 0 ? 'to go with the change above' : `because the rules changed since ${wording.since ?? 'the link was made'}`;
  const changes = [...changed, ...followed.map(({ attribute, now, was }) => (was === undefined
    ? `${name(attribute)} is new since ${wording.since ?? 'this link was made'}: ${now}.`
    : `${name(attribute)} is now ${now} instead of ${was}, ${why}.`))];
  return { choices, suggested, rulesChanged: decoded.rulesVersion !== entry.rulesVersion, changes, personalisationLeftOut: decoded.personalisationLeftOut === true };
}

/** A token read against the right product: its own ids, or the positions of the version it names. */
function decodeForEntry(entry: CatalogEntry, token: string, sharedVersion: Product | VersionOptions | undefined): DecodedShareToken | { error: string } {
  const header = readShareTokenHeader(token);
  if ('error' in header) return header;
  if (header.format === 'ids' || header.rulesVersion === entry.rulesVersion) return decodeShareToken(entry.product, token);
  if (sharedVersion === undefined || ('rulesVersion' in sharedVersion && sharedVersion.rulesVersion !== header.rulesVersion)) {
    return { error: `this share link was made under the shop's rules of version ${header.rulesVersion}, whose options could not be read; try again in a moment` };
  }
  return decodeShareToken(sharedVersion, token);
}

/** An id in words, for an option or attribute today's product no longer names: `optic-white` → "Optic white", `heelTab.colour` → "Heel tab colour". */
function inWords(id: string): string {
  const words = id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[.-]+/g, ' ').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

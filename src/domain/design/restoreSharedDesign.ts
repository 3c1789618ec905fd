import type { CatalogEntry } from '../catalog/index.ts';
import type { Assignment, ConfigurationSpace } from '../engine/index.ts';
import { toAssignment, type Choice } from '../engine/index.ts';
import { attributeById, attributeDisplayName, optionById, type AttributeId, type OptionId } from '../product/index.ts';
import { resolveDesign } from '../engine/index.ts';
import { decodeShareToken } from './shareLink.ts';

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
  /** What differs from the shared design, one sentence each ("Toe cap material: Patent leather is no longer available; …"); empty when nothing does. */
  readonly changes: readonly string[];
  /** The shared design held personal text or artwork, which share links never carry. */
  readonly personalisationLeftOut: boolean;
}

/**
 * Reads a share link's token and rebuilds the design under the current rules. Under the rules the
 * link was made with, the result is exactly the shared design. When the rules changed since, every
 * choice that still holds is kept (oldest rules first in product order), and each difference from
 * the shared design is said in words, so the customer knows what changed and why.
 *
 * @example
 * const restored = restoreSharedDesign(entry, space, new URLSearchParams(location.search).get('design')!);
 * if ('error' in restored) show(restored.error); else start(restored.choices, restored.suggested);
 */
export function restoreSharedDesign(entry: CatalogEntry, space: ConfigurationSpace, token: string): RestoredDesign | { error: string } {
  const decoded = decodeShareToken(entry.product, token.trim());
  if ('error' in decoded) return decoded;
  const product = entry.product;
  const rulesChanged = decoded.rulesVersion !== entry.rulesVersion;
  const chosen = new Set<AttributeId>(decoded.chosenByCustomer ?? product.attributes.map((attribute) => attribute.id));
  const label = (attributeId: AttributeId, optionId: OptionId) => optionById(attributeById(product, attributeId), optionId).label;
  const name = (attributeId: AttributeId) => attributeDisplayName(product, attributeById(product, attributeId));

  const choices: Choice[] = [];
  const changes: string[] = [];
  for (const attribute of product.attributes) {
    if (!chosen.has(attribute.id)) continue;
    const option = decoded.design[attribute.id]!;
    if (space.domains(toAssignment(choices)).get(attribute.id)!.includes(option)) choices.push({ attribute: attribute.id, option });
    else changes.push(`${name(attribute.id)}: ${label(attribute.id, option)} is no longer available with this design, so the shop's suggestion is used instead.`);
  }
  const suggested: Record<AttributeId, OptionId> = {};
  for (const attribute of product.attributes) {
    if (!chosen.has(attribute.id)) suggested[attribute.id] = decoded.design[attribute.id]!;
  }
  const resolved = resolveDesign(space, entry.ruleSet, toAssignment(choices), suggested).assignment;
  const why = changes.length > 0 ? 'to go with the change above' : 'because the rules changed since the link was made';
  for (const attribute of product.attributes) {
    const shared = decoded.design[attribute.id]!;
    if (chosen.has(attribute.id) || resolved[attribute.id] === shared) continue;
    changes.push(`${name(attribute.id)} is now ${label(attribute.id, resolved[attribute.id]!)} instead of ${label(attribute.id, shared)}, ${why}.`);
  }
  return { choices, suggested, rulesChanged, changes, personalisationLeftOut: decoded.personalisationLeftOut === true };
}

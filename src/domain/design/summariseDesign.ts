import type { CatalogEntry } from '../catalog/index.ts';
import type { Assignment, ConfigurationSpace } from '../engine/index.ts';
import { activeAlerts, estimateLeadTime, type LeadTimeEstimate } from '../pricing/index.ts';
import { describeExplanation, explainBlocking, toAssignment, type Choice, type Explanation } from '../engine/index.ts';
import { artworkStatus, type ArtworkMeta, type ArtworkStatus } from '../personalisation/index.ts';
import { personalisationPrices, personalisationStatus, type PersonalisationStatus, type PersonalisationValues } from '../personalisation/index.ts';
import { priceDesign, type PriceBreakdown } from '../pricing/index.ts';
import { attributeDisplayName, type AttributeDef, type AttributeId, type OptionDef } from '../product/index.ts';
import { recommendingRule, resolveDesign, type ResolvedDesign, type ResolvedValue } from '../engine/index.ts';
import type { RecommendationRule } from '../rules/index.ts';

/** One option as the customer sees it now. */
export interface OptionStatus {
  readonly option: OptionDef;
  readonly available: boolean;
  /** For unavailable options: which choices and rules block it. */
  readonly explanation?: Explanation;
  /** For unavailable options: the explanation as one sentence. */
  readonly reason?: string;
  /** For available options a recommendation rule suggests: its id and message. */
  readonly recommendation?: { readonly ruleId: string; readonly message: string };
}

/** One attribute as the customer sees it now. */
export interface AttributeStatus {
  readonly attribute: AttributeDef;
  /** "Toe cap colour". */
  readonly displayName: string;
  readonly value: ResolvedValue;
  readonly options: readonly OptionStatus[];
}

/** Everything a view shows about a design, derived from the customer's choices in one place. */
export interface DesignSummary {
  readonly resolved: ResolvedDesign;
  readonly attributes: ReadonlyMap<AttributeId, AttributeStatus>;
  /** Valid designs that keep every customer choice. */
  readonly remainingDesigns: bigint;
  readonly price: PriceBreakdown;
  readonly leadTime: LeadTimeEstimate;
  readonly alerts: readonly { readonly ruleId: string; readonly message: string }[];
  /** Every personal text field: offered or not, its text and style, and the verdict on the text. */
  readonly personalisation: readonly PersonalisationStatus[];
  /** Every artwork field: offered or not, the artwork placed, its resolution, problems, warnings and prices. */
  readonly artwork: readonly ArtworkStatus[];
}

/**
 * Derives the design a customer sees from their choices (oldest first): the complete design with
 * provenance, every option's availability with its reason, the number of designs still reachable,
 * price, lead time, alerts and the personalisation's verdicts. `suggested` values (a colourway)
 * are preferred over defaults; `personalisation` holds the texts as typed.
 */
export function summariseDesign(
  entry: CatalogEntry, space: ConfigurationSpace, choices: readonly Choice[], suggested: Assignment = {}, personalisation: PersonalisationValues = {},
  artworks: ReadonlyMap<string, ArtworkMeta> = new Map(),
): DesignSummary {
  const chosen = toAssignment(choices);
  const resolved = resolveDesign(space, entry.ruleSet, chosen, suggested);
  const domains = space.domains(chosen);
  const recommendations = entry.ruleSet.rules.filter((rule): rule is RecommendationRule => rule.kind === 'recommendation');
  const attributes = new Map<AttributeId, AttributeStatus>();
  for (const attribute of space.product.attributes) {
    const domain = domains.get(attribute.id)!;
    // A retired option (product.yaml `retired: true`) is never offered, not even as unavailable.
    const options = attribute.options.filter((option) => !option.retired).map((option): OptionStatus => {
      if (domain.includes(option.id)) {
        const rule = recommendingRule(recommendations, attribute.id, option.id, resolved.assignment);
        return rule ? { option, available: true, recommendation: { ruleId: rule.id, message: rule.message } } : { option, available: true };
      }
      const explanation = explainBlocking(space, choices, { attribute: attribute.id, option: option.id });
      return explanation
        ? { option, available: false, explanation, reason: describeExplanation(space, explanation) }
        : { option, available: true };
    });
    attributes.set(attribute.id, { attribute, displayName: attributeDisplayName(space.product, attribute), value: resolved.values.get(attribute.id)!, options });
  }
  const fields = personalisationStatus(entry, resolved.assignment, personalisation);
  const artwork = artworkStatus(entry, resolved.assignment, personalisation, artworks);
  const artworkPrices = artwork.filter((status) => status.offered).flatMap((status) => status.prices);
  return {
    resolved,
    attributes,
    remainingDesigns: space.count(chosen),
    price: priceDesign(entry.product, entry.ruleSet, resolved.assignment, [...personalisationPrices(fields), ...artworkPrices]),
    leadTime: estimateLeadTime(entry.product, entry.ruleSet, resolved.assignment),
    alerts: activeAlerts(entry.ruleSet, resolved.assignment),
    personalisation: fields,
    artwork,
  };
}

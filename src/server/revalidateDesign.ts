import { encodeShareToken, personalisationProblems, validateDesignDocument, type ArtworkMeta, type CatalogEntry, type DesignDocument } from '../domain/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import type { Catalog, CatalogLookup, CatalogVersion } from './catalog.ts';
import type { DesignField } from '../domain/requests/index.ts';

/** The design, valid under the rules version it names, with that version; or why not. */
export type RevalidatedDesign =
  | { readonly ok: true; readonly version: CatalogVersion; readonly design: DesignDocument; readonly artworks: ReadonlyMap<string, ArtworkMeta> }
  | { readonly ok: false; readonly error: ApiError };

/** What the customer is doing with the design, for the hints: ordering it or submitting it to the gallery. */
export type DesignPurpose = 'order' | 'gallery';

/**
 * Revalidates an untrusted design with the same engine and the same rules version it was made
 * under, as every design the server accepts is: an unknown product is refused (422), a rules
 * version this shop never published is refused (409), and a design that breaks the rules or names
 * options that do not exist is refused (422) with every problem; so is, for an order, personal
 * text the factory cannot make (422 `invalid_personalisation`).
 */
export async function revalidateDesign(
  catalog: Catalog, design: DesignField, purpose: DesignPurpose, artworksOf?: (entry: CatalogEntry, design: DesignDocument) => Promise<ReadonlyMap<string, ArtworkMeta>>,
): Promise<RevalidatedDesign> {
  const { productId, rulesVersion } = design;
  const action = purpose === 'order' ? 'order' : 'submit';
  const lookup = await catalog.find(productId, rulesVersion);
  if (lookup.kind === 'unknown-product') {
    return refuse(apiError(422, 'unknown_product', `there is no product "${productId}"`, `${action} one of: ${lookup.knownProducts.join(', ')}`));
  }
  if (lookup.kind === 'unknown-rules-version') {
    return refuse(apiError(409, 'unknown_rules_version', `the design was made under rules version "${rulesVersion}" of "${productId}", which this shop never published (the current version is "${lookup.currentRulesVersion}")`, `open the design in the configurator again: it checks it against the current rules, then ${action} it`));
  }
  if (lookup.kind === 'retired-rules-version') return refuse(retiredVersion(lookup, design, action));
  const { entry, space } = lookup.version;
  const checked = validateDesignDocument(space, entry.rulesVersion, design);
  if (!checked.ok) {
    return refuse(apiError(422, 'invalid_design', `the design is not valid under rules version "${rulesVersion}": ${checked.problems[0]!.message}`, `change the choices listed in "problems" in the configurator, then ${action} again`, checked.problems));
  }
  // Personal text is printed on orders only (the gallery strips it): checked as the configurator checks it as the customer types.
  let artworks: ReadonlyMap<string, ArtworkMeta> = new Map();
  if (purpose === 'order') {
    artworks = artworksOf ? await artworksOf(entry, checked.value) : artworks;
    const problems = personalisationProblems(entry, checked.value.choices, checked.value.personalisation, artworks);
    if (problems.length > 0) {
      return refuse(apiError(422, 'invalid_personalisation', `the personal text cannot be made: ${problems[0]!.path}: ${problems[0]!.message}`, 'correct the texts listed in "problems" in the configurator, then order again', problems));
    }
  }
  return { ok: true, version: lookup.version, design: checked.value, artworks };
}

/**
 * The 409 of a design made under rules no longer accepted: which of its choices the current rules
 * change (each a problem), and the link that reopens it in the configurator under them.
 */
function retiredVersion(lookup: Extract<CatalogLookup, { kind: 'retired-rules-version' }>, design: DesignField, action: string): ApiError {
  const { current } = lookup;
  const underCurrent = validateDesignDocument(current.space, current.entry.rulesVersion, { ...design, rulesVersion: current.entry.rulesVersion });
  const changes = underCurrent.ok ? [] : underCurrent.problems;
  const reopen = reopenLink(lookup.version.entry, design);
  const what = changes.length === 0
    ? 'its choices are all still offered under the current rules'
    : `under the current rules ${changes.length === 1 ? 'one choice changes' : `${changes.length} choices change`}: ${changes[0]!.message}`;
  return apiError(409, 'rules_version_retired', `the design was made under rules version "${design.rulesVersion}" of "${design.productId}", which this shop no longer accepts orders under (since ${lookup.since}); ${what}`, `reopen the design under the current rules (${reopen}), check it, then ${action} again`, changes);
}

/** The configurator's address that opens a design made under an older version, carried to the current one. */
function reopenLink(entry: CatalogEntry, design: DesignField): string {
  try {
    // Untrusted choices: a token is made only when every attribute names an option of that version.
    const choices = typeof design.choices === 'object' && design.choices !== null ? design.choices as Readonly<Record<string, string>> : {};
    return `/?product=${encodeURIComponent(design.productId)}&design=${encodeShareToken(entry.product, entry.rulesVersion, choices)}`;
  } catch {
    // Choices that name no option of that version: the configurator starts from the product.
    return `/?product=${encodeURIComponent(design.productId)}`;
  }
}

function refuse(error: ApiError): RevalidatedDesign {
  return { ok: false, error };
}

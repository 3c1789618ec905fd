import { describeValue, isObject } from './describeValue.ts';
import type { ServerLimits } from './serverLimits.ts';
import { isResourceId } from './resourceIds.ts';

/** The `design` of a request as sent: an object whose `productId` and `rulesVersion` are strings. Its content is checked by the domain. */
export type DesignField = { readonly productId: string; readonly rulesVersion: string } & Record<string, unknown>;

/** Collects a problem with a request field. */
export type ReportProblem = (path: string, message: string, hint: string) => void;

/**
 * Checks the shape of the `design` field of a request (orders, candidates): an object naming its
 * product and rules version, with no more personalisation than the limits allow. What the design
 * chooses is checked afterwards, by the domain, under the rules version it names.
 */
export function checkDesignField(design: unknown, limits: ServerLimits, report: ReportProblem): DesignField | undefined {
  if (!isObject(design)) {
    report('design', `"design" must be a design document (an object), not ${describeValue(design)}`, 'send the design document the configurator exported');
    return undefined;
  }
  let valid = true;
  if (typeof design.productId !== 'string') {
    report('design.productId', `"productId" must be a string, not ${describeValue(design.productId)}`, 'send the product id, e.g. "sneaker"');
    valid = false;
  }
  if (typeof design.rulesVersion !== 'string') {
    report('design.rulesVersion', `"rulesVersion" must be a string, not ${describeValue(design.rulesVersion)}`, 'send the rules version the design was made under');
    valid = false;
  }
  const personalisation = design.personalisation;
  if (isObject(personalisation)) {
    const entries = Object.entries(personalisation);
    if (entries.length > limits.maxPersonalisationFields) report('design.personalisation', `${entries.length} personalisation fields are more than the ${limits.maxPersonalisationFields} allowed`, 'send only the fields the product offers');
    for (const [field, value] of entries) {
      if (typeof value === 'string' && value.length > limits.maxPersonalisationLength) report(`design.personalisation.${field}`, `the text is ${value.length} characters, more than ${limits.maxPersonalisationLength}`, 'shorten it');
    }
  }
  return valid ? (design as DesignField) : undefined;
}


/**
 * Checks the optional `remixOf` field (orders, candidates): the id of the gallery candidate the
 * design was started from. Whether that candidate exists is checked against the repository later.
 */
export function checkRemixOfField(remixOf: unknown, report: ReportProblem): string | undefined {
  if (remixOf === undefined || remixOf === null) return undefined;
  if (typeof remixOf === 'string' && isResourceId('candidate', remixOf)) return remixOf;
  report('remixOf', `"remixOf" must be the id of a gallery candidate (a UUID), not ${describeValue(remixOf)}`, 'send the "id" of the candidate the design was started from, or leave "remixOf" out');
  return undefined;
}

import type { Assignment, ConfigurationSpace } from '../engine/index.ts';
import { describe } from '../shared/index.ts';
import { checkChoice } from '../product/index.ts';
import { failed, ok, type Problem, type Result } from '../shared/index.ts';
import type { AttributeId, OptionId } from '../product/index.ts';

/** The schema id every design document carries; bump it when the shape changes. */
export const DESIGN_SCHEMA = 'atelier.design/1';

/**
 * The canonical, versioned form of a design: what becomes an order, a share link and a
 * community candidate. Published as JSON Schema at `/schemas/design.schema.json`.
 */
export interface DesignDocument {
  readonly schema: typeof DESIGN_SCHEMA;
  readonly productId: string;
  /** Content hash of the product and rules the design was validated against. */
  readonly rulesVersion: string;
  /** Every attribute's option: the complete design. */
  readonly choices: Readonly<Record<AttributeId, OptionId>>;
  /** The attributes the customer chose themselves, oldest first; the rest came from defaults or the engine. */
  readonly chosenByCustomer: readonly AttributeId[];
  /** Free inputs (personal text, artwork references) by field id. */
  readonly personalisation: Readonly<Record<string, string>>;
}

/** Builds a design document from a complete design. */
export function createDesignDocument(
  productId: string, rulesVersion: string, design: Assignment, chosenByCustomer: readonly AttributeId[], personalisation: Readonly<Record<string, string>> = {},
): DesignDocument {
  const choices: Record<AttributeId, OptionId> = {};
  for (const key of Object.keys(design).sort()) choices[key] = design[key]!;
  return { schema: DESIGN_SCHEMA, productId, rulesVersion, choices, chosenByCustomer: [...chosenByCustomer], personalisation: { ...personalisation } };
}

/**
 * The canonical key of a design: product and choices only, sorted, no free text. Two customers
 * who made the same product get the same key however they got there.
 *
 * @example canonicalKey(doc) // "sneaker|eyestay.colour=optic-white;eyestay.material=leather;…"
 */
export function canonicalKey(design: Pick<DesignDocument, 'productId' | 'choices'>): string {
  const entries = Object.keys(design.choices).sort().map((attribute) => `${attribute}=${design.choices[attribute]}`);
  return `${design.productId}|${entries.join(';')}`;
}

/**
 * Reads a design's choices back from its {@link canonicalKey}; undefined for text that is not one
 * (so a stored key from elsewhere cannot pass for a design).
 *
 * @example choicesOfCanonicalKey("sneaker|laces.colour=white;toeCap.material=leather")
 * // { productId: "sneaker", choices: { "laces.colour": "white", "toeCap.material": "leather" } }
 */
export function choicesOfCanonicalKey(key: string): { productId: string; choices: Record<string, string> } | undefined {
  const bar = key.indexOf('|');
  if (bar <= 0) return undefined;
  const choices: Record<string, string> = {};
  const body = key.slice(bar + 1);
  for (const entry of body === '' ? [] : body.split(';')) {
    const equals = entry.indexOf('=');
    if (equals <= 0 || Object.hasOwn(choices, entry.slice(0, equals))) return undefined;
    choices[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return { productId: key.slice(0, bar), choices };
}

/**
 * Checks untrusted input (an imported file, a request body) is a complete, valid design of this
 * product under this rules version. Every problem names the field and says how to fix it.
 */
export function validateDesignDocument(space: ConfigurationSpace, rulesVersion: string, input: unknown): Result<DesignDocument> {
  const problems: Problem[] = [];
  const report = (path: string, message: string, hint: string) => problems.push({ path, message, hint });
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    report('', `a design must be a JSON object, not ${describe(input)}`, `send {"schema":"${DESIGN_SCHEMA}","productId":…,"rulesVersion":…,"choices":{…}}`);
    return failed(problems);
  }
  const document = input as Record<string, unknown>;
  const product = space.product;
  if (document.schema !== DESIGN_SCHEMA) report('schema', `unsupported schema ${describe(document.schema)}`, `set "schema": "${DESIGN_SCHEMA}"`);
  if (document.productId !== product.id) report('productId', `the design is for product ${describe(document.productId)}, not "${product.id}"`, 'open the design with its own product');
  if (document.rulesVersion !== rulesVersion) report('rulesVersion', `the design was made under rules version ${describe(document.rulesVersion)}, but the current version is "${rulesVersion}"`, 'revalidate the design against the current rules, or open it with the version it names');
  const choices = document.choices;
  const design: Record<AttributeId, OptionId> = {};
  if (choices === null || typeof choices !== 'object' || Array.isArray(choices)) {
    report('choices', `"choices" must be an object of attribute → option, not ${describe(choices)}`, 'list every attribute with its option');
  } else {
    for (const [attributeId, optionId] of Object.entries(choices)) {
      const problem = checkChoice(product.attributes, attributeId, optionId);
      if (problem) report(`choices.${attributeId}`, problem.message, problem.hint);
      else design[attributeId] = optionId as OptionId;
    }
    for (const attribute of product.attributes) {
      if (!(attribute.id in choices)) report(`choices.${attribute.id}`, `"${attribute.id}" has no option`, `choose one of: ${attribute.options.map((o) => o.id).join(', ')}`);
    }
  }
  const chosen = document.chosenByCustomer ?? [];
  if (!Array.isArray(chosen) || chosen.some((id) => typeof id !== 'string' || !product.attributes.some((a) => a.id === id))) {
    report('chosenByCustomer', '"chosenByCustomer" must list attribute ids', 'list the attributes the customer chose, or leave it empty');
  } else if (new Set(chosen).size !== chosen.length) {
    report('chosenByCustomer', '"chosenByCustomer" lists an attribute twice', 'list each attribute once, oldest choice first');
  }
  const personalisation = document.personalisation ?? {};
  if (personalisation === null || typeof personalisation !== 'object' || Array.isArray(personalisation) || Object.values(personalisation).some((v) => typeof v !== 'string')) {
    report('personalisation', '"personalisation" must be an object of field → text', 'send {} when there is none');
  }
  if (problems.length === 0 && !space.isConsistent(design)) {
    const broken = space.constraints.filter((constraint) => !space.isConsistentUnder([constraint.ruleId], design));
    for (const rule of broken) report('choices', `the design breaks rule "${rule.ruleId}": ${rule.message}`, `change one of ${rule.attributes.join(', ')}`);
    if (broken.length === 0) report('choices', 'the design breaks a combination of rules', 'rebuild it in the configurator');
  }
  if (problems.length > 0) return failed(problems);
  return ok(createDesignDocument(product.id, rulesVersion, design, chosen as AttributeId[], personalisation as Record<string, string>));
}

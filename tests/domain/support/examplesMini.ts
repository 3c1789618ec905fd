// A small product and rules for the tests of rules files' examples (tests/domain/ruleExamples.test.ts,
// tests/cli/rulesTestCommand.test.ts): scratch text in memory, independent of the shipped files.

export const PRODUCT_FILE = 'models/mini/product.yaml';
export const RULES_FILE = 'rules/mini.rules.yaml';

/** A small product: two parts in leather or suede, white or black, and a choice of fit. */
export const PRODUCT = `id: mini
name: Mini
currency: EUR
basePrice: 100.00
baseLeadTimeDays: 5
model: mini.glb
colours:
  white: { label: White, code: CL-1, hex: "#ffffff" }
  black: { label: Black, code: CL-2, hex: "#000000" }
materials:
  leather:
    label: Leather
    code: MT-1
    appearance: { roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 }
    colours: [white, black]
  suede:
    label: Suede
    code: MT-2
    appearance: { roughness: 0.9, metalness: 0, clearcoat: 0, sheen: 0.3 }
    colours: [white, black]
parts:
  - { id: toe, label: Toe, materials: [leather, suede] }
  - { id: heel, label: Heel, materials: [leather, suede] }
  - id: cut
    label: Cut
    choices:
      - id: fit
        label: Fit
        options:
          - { id: regular, label: Regular, code: FT-1 }
          - { id: slim, label: Slim, code: FT-2 }
sizes:
  - { eu: "42", us: "8.5", uk: "8" }
`;

/**
 * Suede toe needs a suede heel; toe and heel never share a colour; suede costs 10.00 and takes 3
 * more days, the slim fit 2 and a black toe 1 (extras run in parallel: the longest counts); the customer
 * starts from leather, white toe, black heel.
 */
export const RULES = `product: mini
rules:
  - id: suede-pair
    kind: requires
    message: A suede toe is stitched to a suede heel.
    when: { toe.material: suede }
    then: { heel.material: suede }
  - id: two-tone
    kind: different
    message: Toe and heel never share a colour.
    attributes: [toe.colour, heel.colour]
  - id: slim-in-leather
    kind: excludes
    message: The slim fit is cut in leather only.
    when: { cut.fit: slim }
    excludes: { heel.material: suede }
  - { id: start, kind: default, message: Start plain., set: { toe.material: leather, heel.material: leather, toe.colour: white, heel.colour: black } }
  - { id: price-suede, kind: price, message: Suede, when: { any: [{ toe.material: suede }, { heel.material: suede }] }, amount: 10.00 }
  - { id: lead-suede, kind: lead-time, message: Suede is cut to order., when: { heel.material: suede }, days: 3 }
  - { id: lead-slim, kind: lead-time, message: The slim fit is sewn to order., when: { cut.fit: slim }, days: 2 }
  - { id: lead-black-toe, kind: lead-time, message: A black toe is dyed to order., when: { toe.colour: black }, days: 1 }
`;

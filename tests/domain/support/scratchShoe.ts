// A scratch product for lint tests, as YAML text: a shoe with an upper, a midsole and an outsole in
// three colours, so tests never depend on the shipped products' option lists.

/** A material's appearance, which every material needs. */
export const APPEARANCE = '{ roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 }';

/** A small shoe: an upper, a midsole and an outsole, plus whatever `extra` adds at the end. */
export function productYaml(options: { colours?: string; materials?: string; parts?: string; extra?: string } = {}): string {
  return [
    'id: shoe',
    'name: Shoe',
    'currency: EUR',
    'basePrice: 100',
    'baseLeadTimeDays: 10',
    'model: shoe.glb',
    'colours:',
    options.colours ?? [
      '  white: { label: White, code: C-1, hex: "#ffffff" }',
      '  black: { label: Black, code: C-2, hex: "#000000" }',
      '  gum: { label: Gum, code: C-3, hex: "#b9803f" }',
    ].join('\n'),
    'materials:',
    options.materials ?? [
      `  leather: { label: Leather, code: M-1, appearance: ${APPEARANCE}, colours: [white, black] }`,
      `  rubber: { label: Rubber, code: M-2, appearance: ${APPEARANCE}, colours: [white, black, gum] }`,
    ].join('\n'),
    'parts:',
    options.parts ?? [
      '  - { id: upper, label: Upper, materials: [leather] }',
      '  - { id: midsole, label: Midsole, materials: [rubber] }',
      '  - { id: outsole, label: Outsole, materials: [rubber] }',
    ].join('\n'),
    'sizes:',
    '  - { eu: "42", us: "8.5", uk: "8" }',
    options.extra ?? '',
    '',
  ].join('\n');
}

/** A hard rule: a gum midsole sits on a gum outsole. */
export const GUM_ON_GUM = [
  '  - id: gum-on-gum',
  '    kind: requires',
  '    message: A gum midsole is moulded with a gum outsole.',
  '    when: { midsole.colour: gum }',
  '    then: { outsole.colour: gum }',
];

/** The shoe's rules file with these rules (each a list of lines). */
export function rulesYaml(...rules: string[][]): string {
  return ['product: shoe', rules.length === 0 ? 'rules: []' : 'rules:', ...rules.flat(), ''].join('\n');
}

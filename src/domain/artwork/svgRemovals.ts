/** Kinds of things `sanitiseSvg` removes from an SVG, each with the words a customer reads. */
export type RemovalKind =
  | 'script'
  | 'event-handler'
  | 'foreign-object'
  | 'image'
  | 'link'
  | 'animation'
  | 'external-reference'
  | 'unsafe-address'
  | 'style-import'
  | 'style-rule'
  | 'style-code'
  | 'style-property'
  | 'escaped-style'
  | 'filter'
  | 'foreign-element'
  | 'foreign-attribute'
  | 'unsupported-element'
  | 'instruction'
  | 'self-reference';

const PHRASES: Readonly<Record<RemovalKind, readonly [one: string, many: string]>> = {
  'script': ['a script', '# scripts'],
  'event-handler': ['an event handler', '# event handlers'],
  'foreign-object': ['embedded HTML', '# pieces of embedded HTML'],
  'image': ['an embedded or linked picture', '# embedded or linked pictures'],
  'link': ['a link (the shapes inside it are kept)', '# links (the shapes inside them are kept)'],
  'animation': ['an animation', '# animations'],
  'external-reference': ['a reference to another file', '# references to other files'],
  'unsafe-address': ['an unsafe address', '# unsafe addresses'],
  'style-import': ['a style loaded from elsewhere', '# styles loaded from elsewhere'],
  'style-rule': ['an unsupported style rule', '# unsupported style rules'],
  'style-code': ['a style that runs code', '# styles that run code'],
  'style-property': ['an unsupported style', '# unsupported styles'],
  'escaped-style': ['a style written with escape characters', '# styles written with escape characters'],
  'filter': ['a filter effect (blur, shadow; it cannot be printed as a vector)', '# filter effects (blur, shadow; they cannot be printed as vectors)'],
  'foreign-element': ['an element from another XML vocabulary', '# elements from other XML vocabularies'],
  'foreign-attribute': ['an attribute from another XML vocabulary', '# attributes from other XML vocabularies'],
  'unsupported-element': ['an unsupported element', '# unsupported elements'],
  'instruction': ['a processing instruction', '# processing instructions'],
  'self-reference': ['a copy of a shape that refers to itself', '# copies of shapes that refer to themselves'],
};

const MAX_DETAILS = 3;

/**
 * Collects what was removed, counted by kind, and says it in words: `['a script', '2 event
 * handlers (onclick, onload)']`, in the order the kinds were first met.
 */
export class Removals {
  private readonly byKind = new Map<RemovalKind, { count: number; details: Set<string> }>();

  /** Records one removal; `detail` names it (an attribute, an element, a scheme) where that helps. */
  add(kind: RemovalKind, detail?: string): void {
    const entry = this.byKind.get(kind) ?? { count: 0, details: new Set<string>() };
    entry.count += 1;
    if (detail) entry.details.add(detail.length > 40 ? `${detail.slice(0, 39)}…` : detail);
    this.byKind.set(kind, entry);
  }

  /** The removals in words, one item per kind. */
  list(): string[] {
    return [...this.byKind].map(([kind, { count, details }]) => {
      const [one, many] = PHRASES[kind];
      const phrase = count === 1 ? one : many.replace('#', String(count));
      const named = [...details].sort();
      if (named.length === 0) return phrase;
      const shown = named.length > MAX_DETAILS ? [...named.slice(0, MAX_DETAILS), '…'] : named;
      return `${phrase} (${shown.join(', ')})`;
    });
  }
}

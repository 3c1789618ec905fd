import { useEffect, useState } from 'react';
import { definitionIn, optionFixes, symbolAt, symbolDoc, type Diagnostic, type DiagnosticEdit, type DraftFileKind, type DraftSymbol, type DraftVocabulary, type RuleCard, type SymbolDoc } from '../../../domain/studio/index.ts';

/** The id at a position, what it is, and whether the product file defines it. */
export interface SymbolInfo {
  readonly symbol: DraftSymbol;
  readonly doc: SymbolDoc | null;
  /** Where the product file defines it (offsets in the product file), if it does. */
  readonly definition?: { readonly from: number; readonly to: number };
}

/** What the studio's editors ask of the draft's language: hover docs, go to definition, and fixes beyond a typo's. */
export interface StudioLanguage {
  /** The id at `offset` of a file's text, with its docs; null where no id is. */
  describe(file: string, text: string, offset: number): SymbolInfo | null;
  /** Shows the product file with the cursor on the definition of the id at `offset`; false when the product file does not define one there. */
  goToDefinition(file: string, text: string, offset: number): boolean;
  /** A diagnostic's fixes beyond its one-step edit (an option removed from the product file: use another, remove it from the rule). */
  fixesOf(diagnostic: Diagnostic): readonly DiagnosticEdit[];
}

/** What {@link useStudioLanguage} reads from the studio. */
export interface StudioLanguageInput {
  readonly files: { readonly rules: string; readonly product: string };
  /** The text of a file of the draft as it is now. */
  readonly text: (file: string) => string;
  /** The newest vocabulary (the last product file that loaded). */
  readonly vocabulary: () => DraftVocabulary | null;
  /** The last rule cards (their sentences). */
  readonly cards: readonly RuleCard[] | null;
  /** Shows the product file with its cursor at an offset. */
  readonly openProductAt: (offset: number) => void;
}

/**
 * The studio's language features over the domain's position logic (`symbolAt`, `definitionIn`,
 * `symbolDoc`, `optionFixes`): the editors call it, the domain answers. The file formats' JSON
 * Schemas (for the keys' and rule kinds' docs) load once, in their own chunk, after the page.
 */
export function useStudioLanguage(input: StudioLanguageInput): StudioLanguage {
  const [held] = useState(() => new HeldLanguage(input));
  useEffect(() => held.update(input));
  useEffect(() => {
    let live = true;
    void Promise.all([import('../../../../public/schemas/rules.schema.json'), import('../../../../public/schemas/product.schema.json')]).then(([rules, product]) => {
      if (live) held.loaded({ rules: rules.default, product: product.default });
    });
    return () => {
      live = false;
    };
  }, [held]);
  return held.language;
}

/** What the language reads when the editors ask (a hover, a key, a check's answer), never while rendering. */
class HeldLanguage {
  readonly language: StudioLanguage;
  private schemas: StudioSchemas | null = null;
  // The product's labels as first loaded: a removed option's label, to find one like it.
  private before: DraftVocabulary | null = null;

  constructor(private input: StudioLanguageInput) {
    this.language = createStudioLanguage({ input: () => this.input, schemas: () => this.schemas, before: () => (this.before ??= this.input.vocabulary()) });
  }

  update(input: StudioLanguageInput): void {
    this.input = input;
    this.before ??= input.vocabulary();
  }

  loaded(schemas: StudioSchemas): void {
    this.schemas = schemas;
  }
}

/** The file formats' JSON Schemas, for the docs of keys and rule kinds. */
export interface StudioSchemas {
  readonly rules: unknown;
  readonly product: unknown;
}

/** What the language reads at each question: the studio's inputs now, the schemas once loaded, the product's labels as first loaded. */
export interface StudioLanguageState {
  input(): StudioLanguageInput;
  schemas(): StudioSchemas | null;
  before(): DraftVocabulary | null;
}

/** The language over what the studio holds now (read at each question, so it is made once). */
export function createStudioLanguage(state: StudioLanguageState): StudioLanguage {
  const fixes = new WeakMap<Diagnostic, readonly DiagnosticEdit[]>();
  const kindOf = (file: string): DraftFileKind | null => (file === state.input().files.rules ? 'rules' : file === state.input().files.product ? 'product' : null);
  const describe = (file: string, text: string, offset: number): SymbolInfo | null => {
    const kind = kindOf(file);
    const symbol = kind && symbolAt(kind, text, offset);
    if (!kind || !symbol) return null;
    const { cards, vocabulary, text: textOf, files } = state.input();
    const schemas = state.schemas();
    const doc = symbolDoc(symbol, text, { vocabulary: vocabulary(), cards, schema: schemas?.[kind], rulesSchema: schemas?.rules });
    const definition = definitionIn(kind === 'product' ? text : textOf(files.product), symbol);
    // On the definition itself there is nowhere to go.
    const elsewhere = definition && !(kind === 'product' && definition.from === symbol.from);
    return { symbol, doc, ...(elsewhere ? { definition } : {}) };
  };
  return {
    describe,
    goToDefinition(file, text, offset) {
      const definition = describe(file, text, offset)?.definition;
      if (!definition) return false;
      state.input().openProductAt(definition.from);
      return true;
    },
    fixesOf(diagnostic) {
      const kind = kindOf(diagnostic.file);
      // Only an option that does not load has these fixes; reading the texts costs more than asking.
      if (!kind || diagnostic.code !== 'load' || diagnostic.severity !== 'error') return [];
      // Once per diagnostic, on the text as it was answered (the list and the editor both ask, at every render).
      const known = fixes.get(diagnostic);
      if (known) return known;
      const { text, files, vocabulary } = state.input();
      const found = optionFixes({ diagnostic, file: kind, text: text(diagnostic.file), productText: text(files.product), before: state.before(), now: vocabulary() });
      fixes.set(diagnostic, found);
      return found;
    },
  };
}

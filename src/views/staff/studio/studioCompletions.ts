import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { DraftVocabulary } from '../../../domain/studio/index.ts';

// What is being typed decides what is offered: after `kind:` a rule kind; after `<attribute>:`
// (or inside its `[...]` list) that attribute's options; elsewhere the attribute ids, then every
// option id. The vocabulary is the last draft's that loaded (the worker's answer).
const KIND_BEFORE = /\bkind:\s*$/;
const ATTRIBUTE_BEFORE = /([A-Za-z][\w-]*\.[A-Za-z][\w-]*|[A-Za-z][\w-]*)\s*:\s*(?:\[[^\]]*?,?\s*)?$/;

/**
 * A CodeMirror completion source over the draft's ids: rule kinds, attribute ids and option ids,
 * each with its name as the detail.
 *
 * @example EditorState.create({ extensions: [EditorState.languageData.of(() => [{ autocomplete: studioCompletions(() => vocabulary) }])] })
 */
export function studioCompletions(vocabulary: () => DraftVocabulary | null): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const words = vocabulary();
    const word = context.matchBefore(/[\w.-]*/);
    if (!words || !word || (word.from === word.to && !context.explicit)) return null;
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, word.from - line.from);
    if (KIND_BEFORE.test(before)) {
      return { from: word.from, options: words.ruleKinds.map((entry): Completion => ({ label: entry.kind, type: 'keyword', detail: entry.summary })), validFor: /^[\w-]*$/ };
    }
    const key = ATTRIBUTE_BEFORE.exec(before)?.[1];
    const attribute = key === undefined ? undefined : words.attributes.find((candidate) => candidate.id === key);
    if (attribute) {
      return { from: word.from, options: attribute.options.map((option): Completion => ({ label: option.id, type: 'enum', detail: option.label, ...(option.tags.length ? { info: `tags: ${option.tags.join(', ')}` } : {}) })), validFor: /^[\w-]*$/ };
    }
    const attributes = words.attributes.map((entry): Completion => ({ label: entry.id, type: 'property', detail: entry.name, boost: 1 }));
    const seen = new Set<string>();
    const options: Completion[] = [];
    for (const entry of words.attributes) {
      for (const option of entry.options) {
        if (seen.has(option.id)) continue;
        seen.add(option.id);
        options.push({ label: option.id, type: 'enum', detail: option.label });
      }
    }
    return { from: word.from, options: [...attributes, ...options], validFor: /^[\w.-]*$/ };
  };
}

import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Problem, SourceLocation } from './problems.ts';

/** A path into a parsed document: map keys and list indices. */
export type DocumentPath = readonly (string | number)[];

/**
 * A YAML (or JSON, which is YAML) file parsed with positions kept, so every problem found while
 * reading it can name its file, line and column.
 */
export interface YamlSource {
  readonly file: string;
  /** The document as plain data; `undefined` when the text did not parse. */
  readonly data: unknown;
  /** Syntax problems; when non-empty, `data` should not be trusted. */
  readonly syntaxProblems: readonly Problem[];
  /** The location of the value at `path` (or of its key with `atKey`), or of its nearest existing ancestor. */
  locate(path: DocumentPath, atKey?: boolean): SourceLocation;
  /** A problem located at `path`. */
  problem(path: DocumentPath, message: string, hint: string, atKey?: boolean): Problem;
}

/** Formats a document path as `rules[3].when.vamp.material`. */
export function formatPath(path: DocumentPath): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  }
  return text;
}

// The last few texts parsed, with what they gave: checking a draft in the rules studio loads its
// rules file, locates lint findings in it and runs its examples, and each parses the same text
// (100 ms a time for a Renault-size rules file). Texts above the size limit are not kept, so a
// huge file's document is not held on to. A parse is never changed by its readers.
const RECENT_PARSES = 4;
const RECENT_MAX_LENGTH = 512 * 1024;
const recentParses: { readonly file: string; readonly text: string; readonly source: YamlSource }[] = [];

/** Parses YAML text, keeping positions for error messages. Never throws. */
export function parseYamlSource(file: string, text: string): YamlSource {
  if (text.length > RECENT_MAX_LENGTH) return parseFresh(file, text);
  const recent = recentParses.find((parse) => parse.text === text && parse.file === file);
  if (recent) return recent.source;
  const source = parseFresh(file, text);
  recentParses.unshift({ file, text, source });
  if (recentParses.length > RECENT_PARSES) recentParses.pop();
  return source;
}

function parseFresh(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const locationAt = (offset: number): SourceLocation => {
    const position = lineCounter.linePos(offset);
    return { file, line: position.line, column: position.col };
  };

  const syntaxProblems: Problem[] = document.errors.map((error) => ({
    path: '',
    message: `the file is not valid YAML: ${error.message.split('\n')[0]}`,
    hint: 'check indentation (spaces, not tabs), that every "key: value" has a space after the colon, that lists use "- ", and that keys are unique',
    location: locationAt(error.pos[0]),
  }));

  const locate = (path: DocumentPath, atKey = false): SourceLocation => {
    let node: unknown = document.contents;
    let offset = isNode(node) && node.range ? node.range[0] : 0;
    for (let index = 0; index < path.length; index++) {
      const segment = path[index];
      const isLast = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (isLast && atKey && keyNode.range) {
          offset = keyNode.range[0];
          break;
        }
        node = pair.value;
        const range = isNode(node) ? node.range : keyNode.range;
        if (range) offset = range[0];
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (!isNode(item)) break;
        node = item;
        if (item.range) offset = item.range[0];
      } else {
        break;
      }
    }
    return locationAt(offset);
  };

  let data: unknown;
  if (syntaxProblems.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Unresolved aliases and alias bombs only show up when the document is turned into data.
      syntaxProblems.push({
        path: '',
        message: `the file's aliases cannot be resolved: ${(error as Error).message.split('\n')[0]}`,
        hint: 'define every anchor (&name) before using its alias (*name), and avoid aliases that expand into each other',
        location: locationAt(0),
      });
    }
  }

  return {
    file,
    data,
    syntaxProblems,
    locate,
    problem: (path, message, hint, atKey) => ({ path: formatPath(path), message, hint, location: locate(path, atKey) }),
  };
}

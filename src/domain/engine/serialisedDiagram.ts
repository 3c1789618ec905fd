import { CompiledDiagram } from './diagram/compiledDiagram.ts';

/** The schema id of a compiled-rules artifact. */
export const DIAGRAM_FORMAT = 'atelier.diagram/1';

/**
 * A compiled decision diagram as JSON: the flat arrays, base64-encoded little-endian, plus the
 * variable order and the attribute ids it was compiled for. The browser loads this instead of
 * compiling; `compile` in the rules CLI writes it.
 */
export interface SerialisedDiagram {
  readonly format: typeof DIAGRAM_FORMAT;
  /** The attribute ids in product order: loading checks they match. */
  readonly attributes: readonly string[];
  /** `order[level]` = attribute index. */
  readonly order: readonly number[];
  readonly domainSizes: readonly number[];
  readonly root: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** base64 of Int32Array / Uint16Array data. */
  readonly levels: string;
  readonly edgeStart: string;
  readonly edgeValue: string;
  readonly edgeChild: string;
}

/** Serialises a diagram and its variable order. */
export function serialiseDiagram(diagram: CompiledDiagram, order: Int32Array, attributes: readonly string[]): SerialisedDiagram {
  return {
    format: DIAGRAM_FORMAT,
    attributes: [...attributes],
    order: [...order],
    domainSizes: [...diagram.domainSizes],
    root: diagram.root,
    nodeCount: diagram.nodeCount,
    edgeCount: diagram.edgeValue.length,
    levels: toBase64(new Uint8Array(diagram.levels.buffer, diagram.levels.byteOffset, diagram.levels.byteLength)),
    edgeStart: toBase64(new Uint8Array(diagram.edgeStart.buffer, diagram.edgeStart.byteOffset, diagram.edgeStart.byteLength)),
    // Values fit 16 bits (an attribute has at most 65,535 options), halving the largest array.
    edgeValue: toBase64(new Uint8Array(Uint16Array.from(diagram.edgeValue).buffer)),
    edgeChild: toBase64(new Uint8Array(diagram.edgeChild.buffer, diagram.edgeChild.byteOffset, diagram.edgeChild.byteLength)),
  };
}

/**
 * Restores a diagram, checking it was compiled for these attributes and is internally sound.
 * Returns a message instead of a diagram when it does not fit (recompile in that case).
 */
export function deserialiseDiagram(serialised: SerialisedDiagram, attributes: readonly { id: string; options: readonly unknown[] }[]): { diagram: CompiledDiagram; order: Int32Array } | { error: string } {
  if (serialised.format !== DIAGRAM_FORMAT) return { error: `unsupported artifact format "${String(serialised.format)}"; expected "${DIAGRAM_FORMAT}"` };
  if (serialised.attributes.length !== attributes.length || serialised.attributes.some((id, index) => id !== attributes[index]!.id)) {
    return { error: 'the artifact was compiled for other attributes; recompile it for this product' };
  }
  const order = Int32Array.from(serialised.order);
  const domainSizes = Int32Array.from(serialised.domainSizes);
  if (order.length !== attributes.length || [...order].some((attribute, level) => attributes[attribute]?.options.length !== domainSizes[level])) {
    return { error: 'the artifact\'s domain sizes do not match the product; recompile it' };
  }
  const levels = decodeInts(serialised.levels, 4);
  const edgeStart = decodeInts(serialised.edgeStart, 4);
  const edgeValue = decodeInts(serialised.edgeValue, 2);
  const edgeChild = decodeInts(serialised.edgeChild, 4);
  if (!levels || !edgeStart || !edgeValue || !edgeChild) return { error: 'the artifact is damaged (an array is not valid base64 of whole numbers); recompile it' };
  const sound = levels.length === serialised.nodeCount && edgeStart.length === serialised.nodeCount + 1 && edgeValue.length === serialised.edgeCount
    && edgeChild.length === serialised.edgeCount && serialised.root >= 0 && serialised.root < serialised.nodeCount && edgesAreSound(domainSizes, levels, edgeStart, edgeValue, edgeChild);
  if (!sound) return { error: 'the artifact is damaged (its arrays disagree); recompile it' };
  return { diagram: new CompiledDiagram(domainSizes, levels, edgeStart, edgeValue, edgeChild, serialised.root), order };
}

function decodeInts(text: unknown, bytesPerValue: 2 | 4): Int32Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = fromBase64(text);
  if (bytes.length % bytesPerValue !== 0) return undefined;
  return bytesPerValue === 4 ? new Int32Array(bytes.buffer) : Int32Array.from(new Uint16Array(bytes.buffer));
}

/** Every edge goes downward to an existing node with a value inside its level's domain. */
function edgesAreSound(domainSizes: Int32Array, levels: Int32Array, edgeStart: Int32Array, edgeValue: Int32Array, edgeChild: Int32Array): boolean {
  for (let node = 2; node < levels.length; node++) {
    const level = levels[node]!;
    if (level < 0 || level >= domainSizes.length || edgeStart[node]! > edgeStart[node + 1]!) return false;
    for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge++) {
      const child = edgeChild[edge]!;
      if (edgeValue[edge]! >= domainSizes[level]! || child < 0 || child >= levels.length || (child >= 2 && levels[child]! <= level)) return false;
    }
  }
  return edgeStart[levels.length] === edgeValue.length;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let index = 0; index < ALPHABET.length; index++) LOOKUP[ALPHABET.charCodeAt(index)] = index;

/** Standard base64 with padding; platform-neutral (no Buffer, no btoa). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = index + 1 < bytes.length ? bytes[index + 1]! : 0;
    const c = index + 2 < bytes.length ? bytes[index + 2]! : 0;
    text += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    text += index + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=';
    text += index + 2 < bytes.length ? ALPHABET[c & 63]! : '=';
  }
  return text;
}

/** Decodes {@link toBase64}'s output into a fresh, aligned buffer. */
export function fromBase64(text: string): Uint8Array {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const n = (LOOKUP[text.charCodeAt(index)]! << 18) | (LOOKUP[text.charCodeAt(index + 1)]! << 12) | (LOOKUP[text.charCodeAt(index + 2)]! << 6) | LOOKUP[text.charCodeAt(index + 3)]!;
    if (out < bytes.length) bytes[out++] = n >> 16;
    if (out < bytes.length) bytes[out++] = (n >> 8) & 255;
    if (out < bytes.length) bytes[out++] = n & 255;
  }
  return bytes;
}

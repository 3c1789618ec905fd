import { ID_PATTERN, describe, type DocumentReader } from '../shared/index.ts';
import { knownNamesHint } from '../shared/index.ts';
import type { CameraView, PartDef, ViewDirection } from './productModel.ts';

const VIEW_KEYS = ['id', 'label', 'direction', 'focus'];

/**
 * Reads a product's `views`: the preset camera angles the customer picks with buttons beside the
 * 3D preview (side, front, back, top, a detail). Each is `{ id, label, direction: [x, y, z] }`,
 * the direction from the model toward the camera (y up); `focus: <part>` frames that part closer
 * instead of the whole model. Problems are reported on `reader`; bad entries are left out.
 *
 * @example
 * views:
 *   - { id: side, label: Side, direction: [0, 0.15, 1] }
 *   - { id: detail, label: Detail, direction: [0.3, 0.7, 1], focus: eyestay }
 */
export function readCameraViews(reader: DocumentReader, value: unknown, parts: readonly PartDef[]): CameraView[] {
  if (value === undefined) return [];
  const views: CameraView[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, ['views'], '"views"') ?? [];
  const partIds = parts.filter((part) => part.kind === 'part').map((part) => part.id);
  list.forEach((raw, index) => {
    const path = ['views', index];
    const entry = reader.map(raw, path, `view ${index + 1}`);
    if (!entry) return;
    reader.unknownKeys(entry, VIEW_KEYS, path, 'a camera view');
    const id = reader.string(entry, 'id', path, 'add "id: <view-id>", e.g. id: side');
    const label = reader.string(entry, 'label', path, 'add "label: <button text customers see>", e.g. label: Side');
    const focus = reader.optionalString(entry, 'focus', path, 'name the part this view frames, e.g. focus: heelTab');
    const direction = readDirection(reader, entry.direction, [...path, 'direction']);
    if (id !== undefined && !ID_PATTERN.test(id)) reader.report([...path, 'id'], `view id "${id}" is not a valid id`, 'use letters, digits and dashes, starting with a letter');
    if (focus !== undefined && !partIds.includes(focus)) reader.report([...path, 'focus'], `view "${id ?? index + 1}" focuses on "${focus}", which is not a part`, knownNamesHint(focus, partIds, 'parts'));
    if (id === undefined || label === undefined || direction === undefined) return;
    if (reader.duplicate(seen, id, [...path, 'id'], 'view')) return;
    views.push({ id, label, direction, ...(focus !== undefined && partIds.includes(focus) ? { focus } : {}) });
  });
  return views;
}

function readDirection(reader: DocumentReader, value: unknown, path: (string | number)[]): ViewDirection | undefined {
  if (value === undefined) {
    reader.report(path.slice(0, -1), '"direction" is missing', 'add "direction: [x, y, z]", from the model toward the camera (y is up)');
    return undefined;
  }
  return readViewDirection(reader, value, path, 'direction', 'direction: [0, 0.15, 1]');
}

/**
 * A camera direction `[x, y, z]` from the model toward the camera (three finite numbers, not all
 * zero, none beyond 10), or undefined when it is not one (reported as `<name> … is not a direction`,
 * with `example` in the fix).
 */
export function readViewDirection(reader: DocumentReader, value: unknown, path: (string | number)[], name: string, example: string): ViewDirection | undefined {
  const numbers: unknown[] = Array.isArray(value) ? value : [];
  const [x, y, z] = numbers;
  if (numbers.length !== 3 || !isCoordinate(x) || !isCoordinate(y) || !isCoordinate(z) || (x === 0 && y === 0 && z === 0)) {
    reader.report(path, `${name} ${describe(value)} is not a direction [x, y, z]`, `write three numbers from the model toward the camera (y is up), e.g. ${example}`);
    return undefined;
  }
  return [x, y, z];
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 10;
}

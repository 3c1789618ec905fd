import { DocumentReader, ID_PATTERN, describe } from '../shared/index.ts';
import { failed, knownNamesHint, ok, type Result } from '../shared/index.ts';
import { DEFAULT_WORDING, ILLUSTRATIONS, partAttributeId, type ProductWording, type ViewDirection, type AttributeDef, type MaterialAppearance, type MaterialPalette, type OptionDef, type PartDef, type PresetDef, type Product, type ProductIllustrationKind, type SizeDef, type SizeSystem, DEFAULT_SIZE_SYSTEMS, sizeCodesText } from './productModel.ts';
import { isSurfaceKind, materialSurface, SURFACE_KINDS, SURFACE_LIMITS, type MaterialSurface, type SurfaceSettings } from './materialSurface.ts';
import { DEFAULT_SHIPS_TO, countryName } from './shipsTo.ts';
import { parseYamlSource } from '../shared/index.ts';
import { readCameraViews, readViewDirection } from './readCameraViews.ts';

const PRODUCT_KEYS = ['id', 'name', 'description', 'currency', 'basePrice', 'baseLeadTimeDays', 'model', 'illustration', 'view', 'views', 'colours', 'materials', 'parts', 'sizeSystems', 'sizes', 'presets', 'wording', 'shipsTo'];
const COLOUR_KEYS = ['label', 'code', 'hex', 'tags'];
const MATERIAL_KEYS = ['label', 'code', 'appearance', 'surface', 'colours', 'tags'];
const APPEARANCE_KEYS = ['roughness', 'metalness', 'clearcoat', 'sheen'];
/** A material's `surface:` map, and the settings it may tune (the key in the file, then in {@link SurfaceSettings}). */
const SURFACE_SETTING_KEYS: readonly (readonly [string, keyof SurfaceSettings])[] = [['tile', 'tileMm'], ['relief', 'relief'], ['shade', 'shade'], ['roughnessVariation', 'roughnessVariation']];
const SURFACE_KEYS = ['map', ...SURFACE_SETTING_KEYS.map(([key]) => key)];
const PART_KEYS = ['id', 'label', 'materials', 'meshes', 'view'];
const SECTION_KEYS = ['id', 'label', 'choices', 'focus', 'view'];
const CHOICE_KEYS = ['id', 'label', 'options'];
const CHOICE_OPTION_KEYS = ['id', 'label', 'code', 'show', 'scale', 'tags'];
const MESH_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SIZE_SYSTEM_KEYS = ['id', 'label'];
/** A size system's id: also a key of each size, so not `label`. */
const SIZE_SYSTEM_ID = /^[a-z][a-zA-Z0-9]{0,15}$/;
/** A size's code in one system: "42", "8.5", "M", "3XL". */
const SIZE_CODE = /^[A-Za-z0-9.]{1,8}$/;
const PRESET_KEYS = ['id', 'name', 'description', 'credit', 'from', 'choices'];

const NEUTRAL_APPEARANCE: MaterialAppearance = { roughness: 0.6, metalness: 0, clearcoat: 0, sheen: 0 };

interface ColourEntry { readonly option: OptionDef }
interface MaterialEntry { readonly option: OptionDef; readonly colourIds: readonly string[] }

/**
 * Reads and validates a product file (`models/<id>/product.yaml`). Every problem is reported with
 * file:line:column and a fix; nothing is thrown for bad input.
 *
 * Each part gets two attributes, `<part>.material` and `<part>.colour`; the colour options are the
 * union of its materials' palettes, and which colours go with which material becomes a
 * compatibility table (see {@link MaterialPalette}). An entry of `parts` with `choices` instead of
 * `materials` is a section of its own choices, `<section>.<choice>` (a fit, a print method).
 *
 * @example
 * const result = loadProduct('models/sneaker/product.yaml', text);
 * if (!result.ok) console.error(result.problems.map(formatProblem).join('\n'));
 */
export function loadProduct(file: string, text: string): Result<Product> {
  const source = parseYamlSource(file, text);
  if (source.syntaxProblems.length > 0) return failed(source.syntaxProblems);
  const reader = new DocumentReader(source);
  const root = reader.map(source.data, [], 'the product file');
  if (!root) return failed(reader.problems);
  reader.unknownKeys(root, PRODUCT_KEYS, [], 'the product');

  const id = reader.string(root, 'id', [], 'add "id: <product-id>" (letters, digits, dashes)');
  if (id !== undefined && !ID_PATTERN.test(id)) reader.report(['id'], `product id "${id}" is not a valid id`, 'use letters, digits and dashes, starting with a letter');
  const name = reader.string(root, 'name', [], 'add "name: <the name customers see>"');
  const description = reader.optionalString(root, 'description', [], 'write a one-line description') ?? '';
  const currency = reader.string(root, 'currency', [], 'add "currency: EUR" (an ISO 4217 code)');
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) reader.report(['currency'], `currency "${currency}" is not an ISO 4217 code`, 'use three capital letters, e.g. EUR, USD, GBP');
  const basePrice = reader.number(root, 'basePrice', [], { min: 0, max: 100000 }, 'add "basePrice: 119.00" in the currency\'s major unit');
  const baseLeadTimeDays = reader.number(root, 'baseLeadTimeDays', [], { min: 0, max: 365, integer: true }, 'add "baseLeadTimeDays: 10" (whole days)');
  const model = reader.string(root, 'model', [], 'add "model: <file>.glb", the model in public/models/');
  if (model !== undefined && !/^[\w.-]+\.glb$/.test(model)) reader.report(['model'], `model "${model}" is not a .glb file name`, 'name a glTF binary file in public/models/, e.g. sneaker.glb');

  const illustration = reader.optionalString(root, 'illustration', [], `name the 2D drawing shown without WebGL: ${ILLUSTRATIONS.join(' or ')}`) ?? 'sneaker';
  if (!(ILLUSTRATIONS as readonly string[]).includes(illustration)) reader.report(['illustration'], `there is no 2D drawing "${illustration}"`, `use one of: ${ILLUSTRATIONS.join(', ')} (or leave it out for the sneaker's)`);

  const view = readView(reader, root.view, ['view']);
  const colours = readColours(reader, root.colours);
  const materials = readMaterials(reader, root.materials, colours);
  // Materials that are declared but broken are already reported; parts using them must not add "unknown material".
  const declaredMaterials = new Set(root.materials !== null && typeof root.materials === 'object' ? Object.keys(root.materials) : []);
  const { parts, attributes, palettes } = readParts(reader, root.parts, materials, colours, declaredMaterials);
  const sizeSystems = readSizeSystems(reader, root.sizeSystems);
  const sizes = readSizes(reader, root.sizes, sizeSystems);
  const presets = readPresets(reader, root.presets, attributes);
  const wording = readWording(reader, root.wording);
  const shipsTo = readShipsTo(reader, root.shipsTo);
  const views = readCameraViews(reader, root.views, parts);

  if (reader.problems.length > 0 || id === undefined || name === undefined || currency === undefined || basePrice === undefined || baseLeadTimeDays === undefined || model === undefined) {
    return failed(reader.problems);
  }
  return ok({
    id, name, description, currency, basePrice: Math.round(basePrice * 100), baseLeadTimeDays, model,
    illustration: illustration as ProductIllustrationKind, ...(view ? { view } : {}), ...(views.length > 0 ? { views } : {}), colours: [...colours.values()].map((entry) => entry.option), parts, attributes, palettes, sizes, sizeSystems, presets, wording, shipsTo,
  });
}

const WORDING_KEYS = ['unit', 'units', 'sizeHint'];

/** `wording: { unit: shirt, units: shirts, sizeHint: … }`: the product's own words (defaults: item, items, no hint). */
function readWording(reader: DocumentReader, value: unknown): ProductWording {
  if (value === undefined) return DEFAULT_WORDING;
  const map = reader.map(value, ['wording'], '"wording"');
  if (!map) return DEFAULT_WORDING;
  reader.unknownKeys(map, WORDING_KEYS, ['wording'], 'the wording');
  const unit = reader.string(map, 'unit', ['wording'], 'name one of the product as customers say it, e.g. unit: pair');
  const units = reader.string(map, 'units', ['wording'], 'and more than one, e.g. units: pairs');
  const sizeHint = reader.optionalString(map, 'sizeHint', ['wording'], 'say what the sizes are, e.g. sizeHint: EU, US and UK sizes.') ?? '';
  for (const [key, word] of [['unit', unit], ['units', units]] as const) {
    if (word !== undefined && !/^\p{L}[\p{L} -]*$/u.test(word)) reader.report(['wording', key], `${key} "${word}" is not a word`, `write a noun in lower case, e.g. ${key}: ${key === 'unit' ? 'shirt' : 'shirts'}`);
  }
  return { unit: unit ?? DEFAULT_WORDING.unit, units: units ?? DEFAULT_WORDING.units, sizeHint };
}

/** `shipsTo: [DE, FR, GB]`: ISO 3166-1 alpha-2 codes, each a country `Intl.DisplayNames` knows; default {@link DEFAULT_SHIPS_TO}. */
function readShipsTo(reader: DocumentReader, value: unknown): string[] {
  if (value === undefined) return [...DEFAULT_SHIPS_TO];
  const list = reader.list(value, ['shipsTo'], '"shipsTo"');
  if (!list) return [];
  if (list.length === 0) reader.report(['shipsTo'], '"shipsTo" is empty: nobody could order', 'list at least one country code, e.g. shipsTo: [DE, FR]');
  const codes: string[] = [];
  list.forEach((code, index) => {
    if (typeof code !== 'string' || countryName(code) === null) {
      reader.report(['shipsTo', index], `${describe(code)} is not an ISO 3166-1 alpha-2 country code`, 'write two capital letters, e.g. DE for Germany, GB for the United Kingdom');
    } else if (codes.includes(code)) {
      reader.report(['shipsTo', index], `${code} is listed twice`, 'list each country once');
    } else codes.push(code);
  });
  return codes;
}

function readColours(reader: DocumentReader, value: unknown): Map<string, ColourEntry> {
  const colours = new Map<string, ColourEntry>();
  const map = reader.map(value, ['colours'], '"colours"');
  if (!map) return colours;
  for (const [colourId, raw] of Object.entries(map)) {
    const path = ['colours', colourId];
    if (!ID_PATTERN.test(colourId)) reader.report(path, `colour id "${colourId}" is not a valid id`, 'use letters, digits and dashes, starting with a letter', true);
    const entry = reader.map(raw, path, `colour "${colourId}"`);
    if (!entry) continue;
    reader.unknownKeys(entry, [...COLOUR_KEYS, 'retired'], path, `colour "${colourId}"`);
    const label = reader.string(entry, 'label', path, 'add "label: <name customers see>"');
    const code = reader.string(entry, 'code', path, 'add "code: <fulfilment code>"');
    const hex = reader.string(entry, 'hex', path, 'add hex: "#rrggbb" (quoted, since # starts a comment)');
    if (hex !== undefined && !/^#[0-9a-fA-F]{6}$/.test(hex)) reader.report([...path, 'hex'], `hex "${hex}" is not a #rrggbb colour`, 'write six hex digits after #, quoted: hex: "#1d2a4d"');
    const tags = readTags(reader, entry.tags, [...path, 'tags']);
    if (label && code && hex) colours.set(colourId, { option: { id: colourId, label, code, hex: hex.toLowerCase(), ...readRetired(reader, entry, path), ...(tags ? { tags } : {}) } });
  }
  return colours;
}

function readMaterials(reader: DocumentReader, value: unknown, colours: Map<string, ColourEntry>): Map<string, MaterialEntry> {
  const materials = new Map<string, MaterialEntry>();
  const map = reader.map(value, ['materials'], '"materials"');
  if (!map) return materials;
  for (const [materialId, raw] of Object.entries(map)) {
    const path = ['materials', materialId];
    if (!ID_PATTERN.test(materialId)) reader.report(path, `material id "${materialId}" is not a valid id`, 'use letters, digits and dashes, starting with a letter', true);
    const entry = reader.map(raw, path, `material "${materialId}"`);
    if (!entry) continue;
    reader.unknownKeys(entry, [...MATERIAL_KEYS, 'retired'], path, `material "${materialId}"`);
    const label = reader.string(entry, 'label', path, 'add "label: <name customers see>"');
    const code = reader.string(entry, 'code', path, 'add "code: <fulfilment code>"');
    const read = readAppearance(reader, entry.appearance, [...path, 'appearance']);
    const surface = entry.surface === undefined ? undefined : readSurface(reader, entry.surface, [...path, 'surface']);
    const appearance = read && surface ? { ...read, surface } : read;
    const colourIds: string[] = [];
    const list = reader.list(entry.colours, [...path, 'colours'], `the colours of "${materialId}"`);
    list?.forEach((colourId, index) => {
      const colourPath = [...path, 'colours', index];
      if (typeof colourId !== 'string') reader.report(colourPath, `a colour must be a colour id, not ${describe(colourId)}`, 'list ids from "colours"');
      else if (!colours.has(colourId)) reader.report(colourPath, `unknown colour "${colourId}" in material "${materialId}"`, knownNamesHint(colourId, [...colours.keys()], 'colours'));
      else if (colourIds.includes(colourId)) reader.report(colourPath, `colour "${colourId}" is listed twice for "${materialId}"`, 'remove the repeated entry');
      else colourIds.push(colourId);
    });
    if (list && list.length === 0) reader.report([...path, 'colours'], `material "${materialId}" has no colours`, 'list at least one colour it comes in');
    // A wrong appearance is reported above; keeping the material avoids follow-on "unknown material" errors.
    const tags = readTags(reader, entry.tags, [...path, 'tags']);
    if (label && code) materials.set(materialId, { option: { id: materialId, label, code, appearance: appearance ?? NEUTRAL_APPEARANCE, ...readRetired(reader, entry, path), ...(tags ? { tags } : {}) }, colourIds });
  }
  return materials;
}

/**
 * An option's `tags: [dark, earth]`: the families rules name with `{ tag: dark }`. Each tag is an
 * id (letters, digits, dashes), listed once; undefined when absent or empty.
 */
function readTags(reader: DocumentReader, value: unknown, path: (string | number)[]): string[] | undefined {
  if (value === undefined) return undefined;
  const list = reader.list(value, path, '"tags"');
  if (!list) return undefined;
  const tags: string[] = [];
  list.forEach((tag, index) => {
    if (typeof tag !== 'string' || !ID_PATTERN.test(tag)) reader.report([...path, index], `${describe(tag)} is not a tag`, 'write tags as ids (letters, digits and dashes, starting with a letter), e.g. tags: [dark, earth]');
    else if (tags.includes(tag)) reader.report([...path, index], `tag "${tag}" is listed twice`, 'list each tag once');
    else tags.push(tag);
  });
  return tags.length > 0 ? tags : undefined;
}

/**
 * `retired: true` on a colour, material or choice option: kept for old designs and orders, never
 * offered. Anything but true or false is reported.
 */
function readRetired(reader: DocumentReader, entry: Record<string, unknown>, path: (string | number)[]): { retired?: true } {
  const value = entry.retired;
  if (value === undefined || value === false) return {};
  if (value === true) return { retired: true };
  reader.report([...path, 'retired'], `"retired" must be true or false, not ${describe(value)}`, 'write "retired: true" to stop offering the option while old designs and orders keep it, or remove the line');
  return {};
}

function readAppearance(reader: DocumentReader, value: unknown, path: (string | number)[]): MaterialAppearance | undefined {
  const map = reader.map(value, path, '"appearance"');
  if (!map) return undefined;
  reader.unknownKeys(map, APPEARANCE_KEYS, path, '"appearance"');
  const hint = 'give roughness, metalness, clearcoat and sheen as numbers from 0 to 1';
  const [roughness, metalness, clearcoat, sheen] = APPEARANCE_KEYS.map((key) => reader.number(map, key, path, { min: 0, max: 1 }, hint));
  if (roughness === undefined || metalness === undefined || clearcoat === undefined || sheen === undefined) return undefined;
  return { roughness, metalness, clearcoat, sheen };
}

/**
 * A material's surface: `surface: suede` (the kind's settings), or
 * `surface: { map: suede, tile: 18, relief: 0.6, shade: 0.3, roughnessVariation: 0.05 }`.
 */
function readSurface(reader: DocumentReader, value: unknown, path: (string | number)[]): MaterialSurface | undefined {
  const kindHint = (name: string) => knownNamesHint(name, SURFACE_KINDS, 'surface maps');
  if (typeof value === 'string') {
    if (isSurfaceKind(value)) return materialSurface(value);
    reader.report(path, `unknown surface map "${value}"`, kindHint(value));
    return undefined;
  }
  const map = reader.map(value, path, '"surface"');
  if (!map) return undefined;
  reader.unknownKeys(map, SURFACE_KEYS, path, '"surface"');
  const kind = reader.string(map, 'map', path, `add "map: <kind>", one of ${SURFACE_KINDS.join(', ')}`);
  if (kind === undefined) return undefined;
  if (!isSurfaceKind(kind)) {
    reader.report([...path, 'map'], `unknown surface map "${kind}"`, kindHint(kind));
    return undefined;
  }
  const settings: Partial<Record<keyof SurfaceSettings, number>> = {};
  let valid = true;
  for (const [key, setting] of SURFACE_SETTING_KEYS) {
    if (map[key] === undefined) continue;
    const { min, max } = SURFACE_LIMITS[setting];
    const number = reader.number(map, key, path, { min, max }, `give "${key}" as a number from ${min} to ${max}${setting === 'tileMm' ? ' (millimetres on the product per repeat of the map)' : ''}`);
    if (number === undefined) valid = false;
    else settings[setting] = number;
  }
  return valid ? materialSurface(kind, settings) : undefined;
}

function readParts(reader: DocumentReader, value: unknown, materials: Map<string, MaterialEntry>, colours: Map<string, ColourEntry>, declaredMaterials: ReadonlySet<string>) {
  const parts: PartDef[] = [];
  const attributes: AttributeDef[] = [];
  const palettes: MaterialPalette[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, ['parts'], '"parts"') ?? [];
  if (list.length === 0 && Array.isArray(value)) reader.report(['parts'], 'the product has no parts', 'list the parts, e.g. - { id: toeCap, label: Toe cap, materials: [leather] }');
  list.forEach((raw, index) => {
    const path = ['parts', index];
    const entry = reader.map(raw, path, `part ${index + 1}`);
    if (!entry) return;
    const isSection = 'choices' in entry;
    if (isSection && 'materials' in entry) {
      reader.report([...path, 'choices'], 'an entry of "parts" has both "materials" and "choices"', 'a part of the model has "materials"; a section of other choices (fit, print method) has "choices": split it in two');
      return;
    }
    reader.unknownKeys(entry, isSection ? SECTION_KEYS : PART_KEYS, path, isSection ? 'a section' : 'a part');
    const id = reader.string(entry, 'id', path, 'add "id: <mesh name in the model>"');
    const label = reader.string(entry, 'label', path, 'add "label: <name customers see>"');
    if (id === undefined || label === undefined) return;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(id)) reader.report([...path, 'id'], `part id "${id}" is not a valid part id`, 'use letters and digits only (it is also the mesh name in the model), e.g. toeCap');
    if (reader.duplicate(seen, id, [...path, 'id'], 'part')) return;
    if (isSection) {
      const section = readSection(reader, entry, path, id, label);
      if (section) {
        attributes.push(...section.attributes);
        parts.push(section.part);
      }
      return;
    }
    const meshes = readMeshNames(reader, entry.meshes, [...path, 'meshes'], id);
    const view = readView(reader, entry.view, [...path, 'view']);
    const materialOptions: OptionDef[] = [];
    const colourIds: string[] = [];
    const materialList = reader.list(entry.materials, [...path, 'materials'], `the materials of "${id}"`) ?? [];
    materialList.forEach((materialId, materialIndex) => {
      const materialPath = [...path, 'materials', materialIndex];
      const material = typeof materialId === 'string' ? materials.get(materialId) : undefined;
      if (!material) {
        if (typeof materialId === 'string' && declaredMaterials.has(materialId)) return;
        reader.report(materialPath, `unknown material ${describe(materialId)} in part "${id}"`, knownNamesHint(String(materialId), [...materials.keys()], 'materials'));
        return;
      }
      if (materialOptions.some((option) => option.id === material.option.id)) {
        reader.report(materialPath, `material "${material.option.id}" is listed twice for "${id}"`, 'remove the repeated entry');
        return;
      }
      materialOptions.push(material.option);
      for (const colourId of material.colourIds) if (!colourIds.includes(colourId)) colourIds.push(colourId);
      if (!palettes.some((palette) => palette.materialId === material.option.id)) {
        palettes.push({ materialId: material.option.id, materialLabel: material.option.label, colourIds: material.colourIds });
      }
    });
    if (materialList.length === 0 && Array.isArray(entry.materials)) reader.report([...path, 'materials'], `part "${id}" has no materials`, 'list at least one material from "materials"');
    if (materialOptions.length === 0) return;
    const colourOptions = colourIds.map((colourId) => colours.get(colourId)!.option);
    const materialAttribute: AttributeDef = { id: partAttributeId(id, 'material'), label: 'Material', kind: 'material', partId: id, options: materialOptions };
    const colourAttribute: AttributeDef = { id: partAttributeId(id, 'colour'), label: 'Colour', kind: 'colour', partId: id, options: colourOptions };
    attributes.push(materialAttribute, colourAttribute);
    parts.push({ id, label, kind: 'part', attributeIds: [materialAttribute.id, colourAttribute.id], meshes, ...(view ? { view } : {}) });
  });
  for (const part of parts) {
    if (part.focus !== undefined && !parts.some((candidate) => candidate.kind === 'part' && candidate.id === part.focus)) {
      const index = list.findIndex((raw) => (raw as { id?: unknown } | null)?.id === part.id);
      reader.report(['parts', index, 'focus'], `section "${part.id}" focuses on "${part.focus}", which is not a part`, knownNamesHint(part.focus, parts.filter((p) => p.kind === 'part').map((p) => p.id), 'parts'));
    }
  }
  return { parts, attributes, palettes };
}

/** A camera direction `[x, y, z]` (not all zero), or undefined when absent or wrong (reported). */
function readView(reader: DocumentReader, value: unknown, path: (string | number)[]): ViewDirection | undefined {
  return value === undefined ? undefined : readViewDirection(reader, value, path, 'view', 'view: [1, 0.4, 0.6]');
}

/** The meshes that show a part: its id unless `meshes` lists them (variant meshes such as `sleevesLong`). */
function readMeshNames(reader: DocumentReader, value: unknown, path: (string | number)[], partId: string): string[] {
  if (value === undefined) return [partId];
  const list = reader.list(value, path, `the meshes of "${partId}"`) ?? [];
  const names: string[] = [];
  list.forEach((name, index) => {
    if (typeof name !== 'string' || !MESH_NAME.test(name)) reader.report([...path, index], `${describe(name)} is not a mesh name`, 'write the mesh names of the model, letters, digits and _ , e.g. [sleeves, sleevesLong]');
    else if (names.includes(name)) reader.report([...path, index], `mesh "${name}" is listed twice`, 'remove the repeated entry');
    else names.push(name);
  });
  if (Array.isArray(value) && list.length === 0) reader.report(path, `part "${partId}" lists no meshes`, 'list at least one mesh, or leave "meshes" out to use the part id');
  return names;
}

/** A section of the panel holding choices that are not one part of the model, e.g. the fit and cut. */
function readSection(reader: DocumentReader, entry: Record<string, unknown>, path: (string | number)[], id: string, label: string): { part: PartDef; attributes: AttributeDef[] } | undefined {
  const focus = reader.optionalString(entry, 'focus', path, 'name the part the camera turns to, e.g. focus: body');
  const view = readView(reader, entry.view, [...path, 'view']);
  const list = reader.list(entry.choices, [...path, 'choices'], `the choices of "${id}"`) ?? [];
  if (Array.isArray(entry.choices) && list.length === 0) reader.report([...path, 'choices'], `section "${id}" has no choices`, 'list at least one choice, e.g. - { id: fit, label: Fit, options: [...] }');
  const attributes: AttributeDef[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const choicePath = [...path, 'choices', index];
    const choice = reader.map(raw, choicePath, `choice ${index + 1} of "${id}"`);
    if (!choice) return;
    reader.unknownKeys(choice, CHOICE_KEYS, choicePath, 'a choice');
    const choiceId = reader.string(choice, 'id', choicePath, 'add "id: <choice-id>", e.g. id: fit');
    const choiceLabel = reader.string(choice, 'label', choicePath, 'add "label: <name customers see>", e.g. label: Fit');
    if (choiceId === undefined || choiceLabel === undefined) return;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(choiceId)) reader.report([...choicePath, 'id'], `choice id "${choiceId}" is not a valid id`, 'use letters and digits only, e.g. sleeveLength');
    if (reader.duplicate(seen, choiceId, [...choicePath, 'id'], 'choice')) return;
    const options = readChoiceOptions(reader, choice.options, [...choicePath, 'options'], `${id}.${choiceId}`);
    if (options.length > 0) attributes.push({ id: `${id}.${choiceId}`, label: choiceLabel, kind: 'choice', partId: id, options });
  });
  if (attributes.length === 0) return undefined;
  const part: PartDef = { id, label, kind: 'section', attributeIds: attributes.map((attribute) => attribute.id), meshes: [], ...(focus !== undefined ? { focus } : {}), ...(view ? { view } : {}) };
  return { part, attributes };
}

function readChoiceOptions(reader: DocumentReader, value: unknown, path: (string | number)[], attributeId: string): OptionDef[] {
  const options: OptionDef[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, path, `the options of "${attributeId}"`) ?? [];
  if (Array.isArray(value) && list.length === 0) reader.report(path, `"${attributeId}" has no options`, 'list at least one option, e.g. - { id: regular, label: Regular, code: FT-REG }');
  list.forEach((raw, index) => {
    const optionPath = [...path, index];
    const entry = reader.map(raw, optionPath, `option ${index + 1} of "${attributeId}"`);
    if (!entry) return;
    reader.unknownKeys(entry, [...CHOICE_OPTION_KEYS, 'retired'], optionPath, 'an option');
    const id = reader.string(entry, 'id', optionPath, 'add "id: <option-id>"');
    const label = reader.string(entry, 'label', optionPath, 'add "label: <name customers see>"');
    const code = reader.string(entry, 'code', optionPath, 'add "code: <fulfilment code>"');
    if (id === undefined || label === undefined || code === undefined) return;
    if (!ID_PATTERN.test(id)) reader.report([...optionPath, 'id'], `option id "${id}" is not a valid id`, 'use letters, digits and dashes, starting with a letter');
    if (reader.duplicate(seen, id, [...optionPath, 'id'], 'option')) return;
    const show = entry.show === undefined ? undefined : readMeshNames(reader, entry.show, [...optionPath, 'show'], id);
    let scale: [number, number, number] | undefined;
    if (entry.scale !== undefined) {
      const numbers = reader.list(entry.scale, [...optionPath, 'scale'], '"scale"') ?? [];
      if (numbers.length !== 3 || numbers.some((n) => typeof n !== 'number' || !(n >= 0.5 && n <= 2))) {
        reader.report([...optionPath, 'scale'], `scale ${describe(entry.scale)} is not three factors from 0.5 to 2`, 'write [x, y, z], e.g. scale: [0.92, 1, 0.92]');
      } else {
        scale = numbers as [number, number, number];
      }
    }
    const tags = readTags(reader, entry.tags, [...optionPath, 'tags']);
    options.push({ id, label, code, ...readRetired(reader, entry, optionPath), ...(show ? { show } : {}), ...(scale ? { scale } : {}), ...(tags ? { tags } : {}) });
  });
  return options;
}

/**
 * `sizeSystems: [{ id: eu, label: EU }, …]`: how sizes are named, in order, the first the main one
 * (size ids and `{ eu }` order requests use it). Without it, EU, US and UK.
 */
function readSizeSystems(reader: DocumentReader, value: unknown): readonly SizeSystem[] {
  if (value === undefined) return DEFAULT_SIZE_SYSTEMS;
  const systems: SizeSystem[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, ['sizeSystems'], '"sizeSystems"') ?? [];
  if (list.length === 0) {
    if (Array.isArray(value)) reader.report(['sizeSystems'], 'the product has no size systems', 'list at least one, e.g. sizeSystems: [{ id: eu, label: EU }], or leave "sizeSystems" out for EU, US and UK');
    // Already reported: the sizes are read as EU, US and UK rather than reported again.
    return DEFAULT_SIZE_SYSTEMS;
  }
  list.forEach((raw, index) => {
    const path = ['sizeSystems', index];
    const entry = reader.map(raw, path, `size system ${index + 1}`);
    if (!entry) return;
    reader.unknownKeys(entry, SIZE_SYSTEM_KEYS, path, 'a size system');
    const id = reader.string(entry, 'id', path, 'add "id: <key of its code in each size>", e.g. id: eu');
    const label = reader.string(entry, 'label', path, 'add "label: <what customers read before the code>", e.g. label: EU');
    if (id === undefined) return;
    if (!SIZE_SYSTEM_ID.test(id) || id === 'label') {
      reader.report([...path, 'id'], `size system id "${id}" is not a valid id`, 'use a lower-case letter then letters and digits, up to 16, other than "label", e.g. eu or letter');
    }
    if (reader.duplicate(seen, id, [...path, 'id'], 'size system')) return;
    // A wrong id or a missing label is reported above; keeping the system spares its sizes follow-on problems.
    systems.push({ id, label: label ?? id });
  });
  return systems;
}

/**
 * `sizes: [{ eu: "42", us: "8.5", uk: "8" }, …]`: each size's code in every size system (keyed by
 * the system's id) and an optional `label`; the first system's codes are unique and make the ids.
 */
function readSizes(reader: DocumentReader, value: unknown, systems: readonly SizeSystem[]): SizeDef[] {
  const sizes: SizeDef[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, ['sizes'], '"sizes"') ?? [];
  const example = `{ ${systems.map((system, index) => `${system.id}: "${index === 0 ? '42' : '…'}"`).join(', ')} }`;
  list.forEach((raw, index) => {
    const path = ['sizes', index];
    const entry = reader.map(raw, path, `size ${index + 1}`);
    if (!entry) return;
    reader.unknownKeys(entry, [...systems.map((system) => system.id), 'label'], path, 'a size');
    const label = reader.optionalString(entry, 'label', path, 'write the size as customers read it, e.g. label: "M · chest 96–101 cm"');
    const codes: Record<string, string> = {};
    for (const system of systems) {
      if (entry[system.id] === undefined || entry[system.id] === null) {
        reader.report(path, `size ${index + 1} has no code in size system "${system.id}"`, `give every size its code in each size system (${systems.map((s) => s.id).join(', ')}), e.g. ${example}`);
        continue;
      }
      const code = reader.string(entry, system.id, path, `write the ${system.label} size as text, e.g. ${system.id}: "42"`);
      if (code === undefined) continue;
      if (!SIZE_CODE.test(code)) reader.report([...path, system.id], `${system.label} size "${code}" is not a size`, 'write a number or a letter size of up to 8 characters, e.g. "42" or M');
      else codes[system.id] = code;
    }
    if (Object.keys(codes).length !== systems.length) return;
    const main = systems[0]!;
    const mainCode = codes[main.id]!;
    if (seen.has(mainCode.toLowerCase())) {
      reader.report([...path, main.id], `size "${mainCode}" is listed twice in size system "${main.id}"`, `give each size its own code in "${main.id}", the first size system: it makes the size's id (${main.id}-${mainCode.toLowerCase()}), whatever its case`);
      return;
    }
    seen.add(mainCode.toLowerCase());
    sizes.push({ id: `${main.id}-${mainCode.toLowerCase()}`, label: label ?? sizeCodesText(systems, codes), codes });
  });
  if (Array.isArray(value) && list.length === 0) reader.report(['sizes'], 'the product has no sizes', 'list at least one size');
  return sizes;
}

function readPresets(reader: DocumentReader, value: unknown, attributes: readonly AttributeDef[]): PresetDef[] {
  if (value === undefined) return [];
  const presets: PresetDef[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, ['presets'], '"presets"') ?? [];
  list.forEach((raw, index) => {
    const path = ['presets', index];
    const entry = reader.map(raw, path, `preset ${index + 1}`);
    if (!entry) return;
    reader.unknownKeys(entry, PRESET_KEYS, path, 'a preset');
    const id = reader.string(entry, 'id', path, 'add "id: <preset-id>"');
    const name = reader.string(entry, 'name', path, 'add "name: <colourway name>"');
    const description = reader.optionalString(entry, 'description', path, 'write a one-line description') ?? '';
    const credit = reader.optionalString(entry, 'credit', path, 'write the name the designer is credited under, e.g. credit: Ada L.');
    const from = reader.optionalString(entry, 'from', path, 'write the design it came from, e.g. from: candidate:cnd_…');
    const choicesMap = reader.map(entry.choices ?? {}, [...path, 'choices'], '"choices"');
    if (id === undefined || name === undefined || !choicesMap) return;
    if (reader.duplicate(seen, id, [...path, 'id'], 'preset')) return;
    const choices: Record<string, string> = {};
    for (const [attributeId, optionId] of Object.entries(choicesMap)) {
      const choicePath = [...path, 'choices', attributeId];
      const problem = checkChoice(attributes, attributeId, optionId);
      if (problem) reader.report(choicePath, problem.message, problem.hint, problem.atKey);
      else choices[attributeId] = optionId as string;
    }
    presets.push({ id, name, description, ...(credit ? { credit } : {}), ...(from ? { from } : {}), choices });
  });
  return presets;
}

/**
 * Checks that `attributeId` names an attribute and `optionId` one of its options.
 * Shared by presets and rules so both say the same thing about the same mistake.
 */
export function checkChoice(attributes: readonly AttributeDef[], attributeId: string, optionId: unknown): { message: string; hint: string; atKey: boolean } | undefined {
  const attribute = attributes.find((candidate) => candidate.id === attributeId);
  if (!attribute) {
    return { message: `unknown attribute "${attributeId}"`, hint: knownNamesHint(attributeId, attributes.map((a) => a.id), 'attributes'), atKey: true };
  }
  if (typeof optionId !== 'string' || !attribute.options.some((option) => option.id === optionId)) {
    return {
      message: `"${String(optionId)}" is not an option of "${attributeId}"`,
      hint: knownNamesHint(String(optionId), attribute.options.map((o) => o.id), `options of ${attributeId}`),
      atKey: false,
    };
  }
  return undefined;
}


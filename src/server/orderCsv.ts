import { DEFAULT_SIZE_SYSTEMS, orderSizeCodes, sizeCodesText, type SizeSystem } from '../domain/index.ts';
import type { ServerOrder } from './serverOrder.ts';

/** What the CSV's columns depend on: the parts and size systems of the products sold. */
export interface OrderCsvLayout {
  /** The parts of every product sold, each with four columns. */
  readonly partIds: readonly string[];
  /** Each product's size systems, by product id, to write sizes in its words. */
  readonly sizeSystems: ReadonlyMap<string, readonly SizeSystem[]>;
}

/**
 * The CSV columns of the fulfilment export: one row per order line (an order is one design in one
 * size and quantity), its bill of materials flattened into four columns per part, in the order of
 * `partIds` (the parts of every product sold). Parts of products not in `partIds` still appear in
 * the `bill_of_materials` column, which lists every part as `part=materialCode/colourCode`.
 *
 * `size` is the size in every system of its product, "EU 42 / US 8.5 / UK 8" or "Size M";
 * `size_eu`, `size_us` and `size_uk` are kept for readers of the earlier export and are empty
 * when the product has no such system (a t-shirt's letter sizes).
 */
export function orderCsvColumns({ partIds }: Pick<OrderCsvLayout, 'partIds'>): string[] {
  return [
    'order_number', 'order_id', 'status', 'created_at', 'product_id', 'product_name', 'rules_version', 'canonical_key',
    'size', 'size_eu', 'size_us', 'size_uk', 'quantity', 'currency', 'unit_total_cents', 'total_cents', 'surcharges', 'lead_time_days',
    'contact_name', 'contact_email',
    'ship_to_line1', 'ship_to_line2', 'ship_to_city', 'ship_to_postal_code', 'ship_to_country',
    'personalisation', 'preview_image_urls', 'bill_of_materials',
    ...partIds.flatMap((part) => [`${part}.material_code`, `${part}.material`, `${part}.colour_code`, `${part}.colour`]),
  ];
}

/** One CSV row (with its line end) of an order, in the columns of {@link orderCsvColumns}. */
export function orderCsvRow(order: ServerOrder, { partIds, sizeSystems }: OrderCsvLayout): string {
  const byPart = new Map(order.billOfMaterials.map((line) => [line.part, line]));
  const codes = orderSizeCodes(order.size);
  return csvLine([
    order.orderNumber, order.id, order.status, order.createdAt, order.product.id, order.product.name, order.rulesVersion, order.canonicalKey,
    sizeCodesText(systemsOfOrder(codes, sizeSystems.get(order.product.id)), codes, ' / '), codes.eu ?? '', codes.us ?? '', codes.uk ?? '', order.quantity, order.price.currency, order.price.unitTotal, order.price.total,
    order.price.surcharges.map((line) => `${line.ruleId}=${line.amount}`).join(';'), order.leadTime.totalDays,
    order.contact.name, order.contact.email,
    order.shippingAddress?.line1 ?? '', order.shippingAddress?.line2 ?? '', order.shippingAddress?.city ?? '', order.shippingAddress?.postalCode ?? '', order.shippingAddress?.country ?? '',
    Object.keys(order.design.personalisation).length > 0 ? JSON.stringify(order.design.personalisation) : '',
    order.previewImages.map((image) => image.url).join(' '),
    order.billOfMaterials.map((line) => `${line.part}=${line.material.code}/${line.colour.code}`).join(';'),
    ...partIds.flatMap((part) => {
      const line = byPart.get(part);
      return line ? [line.material.code, line.material.label, line.colour.code, line.colour.label] : ['', '', '', ''];
    }),
  ]);
}

/**
 * The size systems to name an order's size with: its product's, or for a product no longer sold,
 * the systems its codes are keyed by (EU, US and UK by their labels, others by their ids).
 */
function systemsOfOrder(codes: Readonly<Record<string, string>>, productSystems: readonly SizeSystem[] | undefined): readonly SizeSystem[] {
  if (productSystems && productSystems.every((system) => codes[system.id] !== undefined)) return productSystems;
  return Object.keys(codes).map((id) => DEFAULT_SIZE_SYSTEMS.find((system) => system.id === id) ?? { id, label: id });
}

/**
 * Formats one CSV line (RFC 4180: quoted when needed, CRLF). Text that a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe, since names and
 * personal text come from customers.
 */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map((cell) => {
    if (typeof cell === 'number') return String(cell);
    const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  }).join(',')}\r\n`;
}

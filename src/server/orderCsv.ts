import type { ServerOrder } from './serverOrder.ts';

/**
 * The CSV columns of the fulfilment export: one row per order line (an order is one design in one
 * size and quantity), its bill of materials flattened into four columns per part, in the order of
 * `partIds` (the parts of every product sold). Parts of products not in `partIds` still appear in
 * the `bill_of_materials` column, which lists every part as `part=materialCode/colourCode`.
 */
export function orderCsvColumns(partIds: readonly string[]): string[] {
  return [
    'order_number', 'order_id', 'status', 'created_at', 'product_id', 'product_name', 'rules_version', 'canonical_key',
    'size_eu', 'size_us', 'size_uk', 'quantity', 'currency', 'unit_total_cents', 'total_cents', 'surcharges', 'lead_time_days',
    'contact_name', 'contact_email',
    'ship_to_line1', 'ship_to_line2', 'ship_to_city', 'ship_to_postal_code', 'ship_to_country',
    'personalisation', 'preview_image_urls', 'bill_of_materials',
    ...partIds.flatMap((part) => [`${part}.material_code`, `${part}.material`, `${part}.colour_code`, `${part}.colour`]),
  ];
}

/** One CSV row (with its line end) of an order, in the columns of {@link orderCsvColumns}. */
export function orderCsvRow(order: ServerOrder, partIds: readonly string[]): string {
  const byPart = new Map(order.billOfMaterials.map((line) => [line.part, line]));
  return csvLine([
    order.orderNumber, order.id, order.status, order.createdAt, order.product.id, order.product.name, order.rulesVersion, order.canonicalKey,
    order.size.eu, order.size.us, order.size.uk, order.quantity, order.price.currency, order.price.unitTotal, order.price.total,
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

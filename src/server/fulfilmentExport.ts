import { orderCsvColumns, orderCsvRow, csvLine, type OrderCsvLayout } from './orderCsv.ts';
import type { ExportCursor, Repository } from './repository.ts';
import { toServerOrder } from './serverOrder.ts';

/** The formats of the fulfilment export. */
export type ExportFormat = 'ndjson' | 'csv';

/** Orders read from the database per page while streaming an export. */
const PAGE_SIZE = 200;

/**
 * Streams every order created at or after `since`, oldest first, as NDJSON (one order document
 * per line) or CSV (see `orderCsv.ts`). Reads the database a page at a time, so an export of any
 * size uses little memory.
 */
export function exportOrders(repository: Repository, since: Date, format: ExportFormat, layout: OrderCsvLayout): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: ExportCursor | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === 'csv') controller.enqueue(encoder.encode(csvLine(orderCsvColumns(layout))));
      started = true;
      const page = await repository.listOrdersSince(since, PAGE_SIZE, cursor);
      const text = page.orders
        .map((stored) => toServerOrder(stored.seq, stored.id, stored.record))
        .map((order) => (format === 'csv' ? orderCsvRow(order, layout) : `${JSON.stringify(order)}\n`))
        .join('');
      if (text) controller.enqueue(encoder.encode(text));
      if (page.next) cursor = page.next;
      else controller.close();
    },
  }, { highWaterMark: 0 });
}

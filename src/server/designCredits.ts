// Creators' credits (issue 14): an order of an approved design (same product and canonical key)
// whose submitter named a creator records a credit, a share of the order's total. The entries hold
// the creator's private email, so only admins read them (`GET /api/staff/credits`).
import { csvLine } from './orderCsv.ts';
import type { Repository } from './repository.ts';
import type { DesignCredit } from './reviewRecords.ts';
import type { ServerOrder } from './serverOrder.ts';

/**
 * Records the credit of an order just placed, when its design is approved and has a creator; a
 * failure is logged (without the order's contact) and never fails the order, which is stored already.
 */
export async function creditOrder(repository: Pick<Repository, 'recordDesignCredit'>, rate: number, order: ServerOrder): Promise<DesignCredit | undefined> {
  try {
    return await repository.recordDesignCredit({
      orderId: order.id, orderNumber: order.orderNumber, productId: order.product.id, designKey: order.canonicalKey,
      currency: order.price.currency, total: order.price.total, createdAt: new Date(order.createdAt),
    }, rate);
  } catch (error) {
    console.error(`[Atelier] the creator's credit of order ${order.orderNumber} could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The CSV columns of the credit export, in order. */
export const CREDIT_CSV_COLUMNS = ['created_at', 'order_number', 'product_id', 'candidate_id', 'creator_name', 'creator_email', 'currency', 'order_total', 'rate', 'amount'] as const;

/** Credit entries as CSV (`csvLine`: RFC 4180, CRLF, formula-looking cells made harmless), with a header row. */
export function creditsCsv(credits: readonly DesignCredit[]): string {
  return [
    csvLine(CREDIT_CSV_COLUMNS),
    ...credits.map((credit) => csvLine([
      credit.createdAt, credit.orderNumber, credit.productId, credit.candidateId, credit.displayName, credit.email ?? '', credit.currency,
      credit.orderTotal.toFixed(2), String(credit.rate), credit.amount.toFixed(2),
    ])),
  ].join('');
}

import { OrderSubmissionError, type OrderSubmission, type PlacedOrder } from '../../machines/index.ts';
import { designSignalHeaders } from './designSignalClient.ts';
import { readApiError } from './readApiError.ts';

/**
 * Places an order with the shop's server (`POST /api/orders`), sending the submission's
 * idempotency key so that a retry after a lost answer returns the same order instead of a second
 * one. Failures become an {@link OrderSubmissionError} in words for the customer: retryable when
 * the server could not be reached or failed, not when it refused the order itself.
 */
export async function placeOrderOverHttp(submission: OrderSubmission, signal?: AbortSignal): Promise<PlacedOrder> {
  let response: Response;
  try {
    response = await fetch('/api/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submission.idempotencyKey, ...designSignalHeaders() },
      body: JSON.stringify(submission.body),
      ...(signal ? { signal } : {}),
    });
  } catch {
    throw new OrderSubmissionError('The shop could not be reached, so the order was not sent. Check your connection and try again: the same order is sent, so it cannot arrive twice.', true);
  }
  if (!response.ok) {
    const error = await readApiError(response);
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new OrderSubmissionError(retryable ? `The shop could not take the order just now (${error.message}). Try again: the same order is sent, so it cannot arrive twice.` : `The shop refused the order: ${error.message}. ${error.hint}`, retryable);
  }
  const order = (await response.json()) as {
    id: string; orderNumber: string; price: { total: number; currency: string }; leadTime: { totalDays: number }; contact: { email: string };
  };
  return { id: order.id, orderNumber: order.orderNumber, total: order.price.total, currency: order.price.currency, leadTimeDays: order.leadTime.totalDays, email: order.contact.email };
}

import type { OrderDocument } from '../domain/index.ts';

/**
 * The download name of an order: `atelier-order-<product>-<8 hex of SHA-256(canonicalKey)>.json`,
 * so the same design always gets the same name. Where Web Crypto is missing (a page served over
 * plain http from another host) the order's timestamp stands in for the hash.
 */
export async function orderFileName(order: OrderDocument): Promise<string> {
  return `atelier-order-${order.product.id}-${await shortId(order)}.json`;
}

async function shortId(order: OrderDocument): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(order.canonicalKey));
    return Array.from(new Uint8Array(digest).slice(0, 4), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  // "2026-11-25T12:34:56.789Z" → "25123456": day, hour, minute, second.
  return order.createdAt.replace(/\D/g, '').slice(6, 14);
}

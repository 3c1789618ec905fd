import { encodeShareToken, type AttributeId, type Product, type ShareTokenOptions } from '../domain/index.ts';

/**
 * The address that reopens a design exactly: this page with `?product=<id>&design=<token>`
 * (see `encodeShareToken`; personal text and artwork are never in it, and `options` says whether the
 * design had some). Other query parameters of the page (a region) are kept.
 */
export function shareUrl(product: Product, rulesVersion: string, design: Readonly<Record<AttributeId, string>>, chosenByCustomer: readonly AttributeId[], options: ShareTokenOptions = {}): string {
  const url = new URL(window.location.href);
  url.pathname = '/';
  url.hash = '';
  for (const key of ['design', 'remix']) url.searchParams.delete(key);
  url.searchParams.set('product', product.id);
  url.searchParams.set('design', encodeShareToken(product, rulesVersion, design, chosenByCustomer, options));
  return url.toString();
}

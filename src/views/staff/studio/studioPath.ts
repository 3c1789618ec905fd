/**
 * The studio's address for a product: `/staff/rules/<productId>/studio`.
 *
 * @example studioPath('sneaker') // '/staff/rules/sneaker/studio'
 */
export function studioPath(productId: string): string {
  return `/staff/rules/${encodeURIComponent(productId)}/studio`;
}

/** The product a staff path opens the studio of, or undefined for any other path. */
export function studioProductAt(path: string): string | undefined {
  const match = /^\/staff\/rules\/([^/]+)\/studio$/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

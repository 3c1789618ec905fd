/**
 * The product a customer page shows when its address names none (`/` rather than
 * `/?product=tshirt`). The page asks for it, and the server tells the browser to fetch its catalog
 * entry while the page's code is still downloading, so both must agree on it.
 */
export const DEFAULT_PRODUCT_ID = 'sneaker';

/**
 * Brand names customers may not use in public text (gallery titles): other companies' trademarks.
 * Matched as whole words after folding (see `matchingForms`), with or without the spaces of a
 * name of several words and with a plural "s": "new balance", "newbalance" and "nikes" are
 * blocked; "Pumpkin", "Diorama" and "Jordanian" are not. A shop extends the list by passing its
 * own to `moderateText`: `{ brands: [...PROTECTED_BRANDS, 'acme'] }`.
 *
 * Names that are also everyday colour words ("off-white") are left out: they would block
 * ordinary descriptions of a design.
 */
export const PROTECTED_BRANDS: readonly string[] = [
  'nike', 'adidas', 'puma', 'reebok', 'converse', 'vans', 'new balance', 'asics', 'jordan', 'air jordan', 'air max', 'yeezy',
  'gucci', 'louis vuitton', 'chanel', 'supreme', 'balenciaga', 'prada', 'dior', 'hermès', 'versace', 'fendi', 'burberry',
  'yves saint laurent', 'ysl', 'louboutin', 'givenchy', 'bape', 'stüssy', 'lacoste', 'ralph lauren', 'tommy hilfiger',
  'calvin klein', 'the north face', 'patagonia', 'fila', 'skechers', 'under armour', 'timberland', 'dr martens',
  'birkenstock', 'crocs', 'hoka', 'salomon', 'mizuno', 'saucony', 'diadora', 'kappa', 'umbro', 'le coq sportif',
  'onitsuka tiger', 'lululemon', 'golden goose', 'moncler',
];

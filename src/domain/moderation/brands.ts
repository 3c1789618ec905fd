/**
 * Brand names customers may not use in public text (gallery titles): other companies' trademarks.
 * Each becomes fuzzy patterns in the moderation matcher (see `brandPatterns`): whole words,
 * spaced or run together, plural, with look-alike and sound-alike letters ("NlKE", "Ni ke",
 * "Adidaz", "newbalance", "nikes" are blocked; "Pumpkin", "Diorama", "Jordanian", "Nice kicks"
 * are not). A shop extends the list by passing its own to `moderateText`:
 * `{ brands: [...PROTECTED_BRANDS, 'acme'] }`.
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

/**
 * How protected brands are written in Cyrillic where spelling the letters out does not give the
 * brand back ("Адидас" and "Пума" spell "adidas" and "puma" and need no entry; "Найк" spells
 * "nayk"). Blocked as the brand they name, with the same fuzziness.
 */
export const BRAND_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  nike: ['Найк', 'Найки'],
  reebok: ['Рибок'],
  converse: ['Конверс'],
  'new balance': ['Нью Бэланс', 'Нью Баланс'],
  jordan: ['Джордан'],
  gucci: ['Гуччи'],
  chanel: ['Шанель'],
  'louis vuitton': ['Луи Виттон'],
  versace: ['Версаче'],
  supreme: ['Суприм'],
  lacoste: ['Лакост'],
  balenciaga: ['Баленсиага'],
  'yves saint laurent': ['Ив Сен Лоран'],
};

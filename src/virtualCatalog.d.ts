declare module 'virtual:atelier/catalog' {
  import type { CatalogEntry } from './domain/index.ts';
  /** Every product with its checked rules, loaded at build time from models/ and rules/. */
  const catalog: readonly CatalogEntry[];
  export default catalog;
}

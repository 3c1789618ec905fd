import type { Product } from '../domain/index.ts';

/** Props of {@link UnknownProduct}. */
export interface UnknownProductProps {
  /** The product id the address asked for. */
  readonly requested: string;
  readonly available: readonly Pick<Product, 'id' | 'name'>[];
}

/** Shown when the address names a product the catalog does not have: says so and links to the ones it has. */
export function UnknownProduct({ requested, available }: UnknownProductProps) {
  return (
    <main className="unknown-product">
      <h1>We could not find “{requested}”</h1>
      <p>There is no product with that id. You can design one of these:</p>
      <ul>
        {available.map((product) => (
          <li key={product.id}>
            <a href={`?product=${encodeURIComponent(product.id)}`}>{product.name}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}

import { useSelector } from '@xstate/react';
import { formatMoney, type Product } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  readonly product: Product;
  /** Every product of the shop, for the product links. */
  readonly products: readonly Pick<Product, 'id' | 'name'>[];
}

/**
 * The page header: the product's name, links to the shop's other products and to the gallery, and
 * the current price and production time always in view.
 */
export function AppHeader({ product, products }: AppHeaderProps) {
  const actor = useConfiguratorActor();
  const price = useSelector(actor, (snapshot) => snapshot.context.summary.price);
  const days = useSelector(actor, (snapshot) => snapshot.context.summary.leadTime.totalDays);
  return (
    <header className="app-header">
      <div className="app-header__title">
        <span className="brand">Atelier</span>
        <h1>{product.name}</h1>
      </div>
      {products.length > 1 && (
        <nav className="app-header__products" aria-label="Products">
          {products.map((other) => (
            <a key={other.id} href={`/?product=${encodeURIComponent(other.id)}`} aria-current={other.id === product.id ? 'page' : undefined}>{other.name}</a>
          ))}
        </nav>
      )}
      <a className="app-header__link" href={`/gallery?product=${encodeURIComponent(product.id)}`}>Community gallery</a>
      <dl className="app-header__facts">
        <div>
          <dt>Price</dt>
          <dd className="app-header__price">{formatMoney(price.unitTotal, price.currency)}</dd>
        </div>
        <div>
          <dt>Made in</dt>
          <dd>{days} days</dd>
        </div>
      </dl>
    </header>
  );
}

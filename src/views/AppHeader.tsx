import { useSelector } from '@xstate/react';
import { formatMoney, type Product } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { ProductSwitch } from './ProductSwitch.tsx';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  readonly product: Product;
  /** Every product of the shop, for the product links. */
  readonly products: readonly Pick<Product, 'id' | 'name'>[];
}

/**
 * The page header, on one line at every width: the product's name, the switch to the shop's other
 * products and to the gallery (a compact menu on narrow screens), and, where there is room, the
 * current price and production time (on phones the action bar shows them).
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
      <ProductSwitch
        current={product.id}
        links={products.length > 1 ? products.map((other) => ({ id: other.id, name: other.name, href: `/?product=${encodeURIComponent(other.id)}` })) : []}
        extra={{ name: 'Community gallery', href: `/gallery?product=${encodeURIComponent(product.id)}` }}
      />
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

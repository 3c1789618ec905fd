import { useEffect, useId, useRef, useState } from 'react';

/** One link of a {@link ProductSwitch}. */
export interface ProductSwitchLink {
  readonly id: string;
  readonly name: string;
  readonly href: string;
}

/** Props of {@link ProductSwitch}. */
export interface ProductSwitchProps {
  /** The id of the product on screen (its link is marked as the current page). */
  readonly current: string;
  /** One link per product of the shop; none when the shop sells one product. */
  readonly links: readonly ProductSwitchLink[];
  /** A further link after the products (the gallery, or back to the configurator). */
  readonly extra?: { readonly name: string; readonly href: string };
}

/**
 * The header's way to the shop's other products: a row of links where there is room, and on
 * narrow screens a "Products" button that opens the same links as a menu (Escape or a click
 * elsewhere closes it), so the header stays on one line.
 */
export function ProductSwitch({ current, links, extra }: ProductSwitchProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('focusin', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('focusin', close);
    };
  }, [open]);

  if (links.length === 0 && !extra) return null;
  return (
    <div
      ref={root}
      className="product-switch"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="product-switch__button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((was) => !was)}>
        Products
        <svg className="product-switch__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div id={menuId} className={open ? 'product-switch__menu product-switch__menu--open' : 'product-switch__menu'}>
        {links.length > 0 && (
          <nav className="app-header__products" aria-label="Products">
            {links.map((link) => (
              <a key={link.id} href={link.href} aria-current={link.id === current ? 'page' : undefined}>{link.name}</a>
            ))}
          </nav>
        )}
        {extra && <a className="app-header__link" href={extra.href}>{extra.name}</a>}
      </div>
    </div>
  );
}

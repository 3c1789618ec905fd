import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { compileRules, DEFAULT_PRODUCT_ID } from './domain/index.ts';
import { readCatalogEntry, readCatalogList } from './views/api/catalogClient.ts';
import { readCandidate } from './views/api/galleryClient.ts';
import { readVersionOptions } from './views/api/readVersionOptions.ts';
import { App } from './views/App.tsx';
import { CatalogUnavailable } from './views/CatalogUnavailable.tsx';
import { GalleryPage } from './views/GalleryPage.tsx';
import { hasWebGL } from './views/hasWebGL.ts';
import { LoadingIndicator } from './views/LoadingIndicator.tsx';
import { loadStartingDesign } from './views/startingDesign.ts';
import { UnknownProduct } from './views/UnknownProduct.tsx';
import { loadPreviewModule } from './views/LazyProductPreview.tsx';
import './views/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('[Atelier] index.html has no <div id="root">; the configurator mounts there.');
const root = createRoot(container);

const search = new URLSearchParams(window.location.search);
const productId = search.get('product') ?? DEFAULT_PRODUCT_ID;
const galleryPage = window.location.pathname.replace(/\/+$/, '') === '/gallery';
const staffPage = window.location.pathname === '/staff' || window.location.pathname.startsWith('/staff/');

/**
 * Reads the shop's catalog from the server — the product list and this product under the rules it
 * serves now, in parallel — and renders the page; a failure renders what happened and "Try again".
 */
async function showCustomerPage(): Promise<void> {
  root.render(<LoadingIndicator label="Loading the shop…" />);
  // The 3D preview's code downloads while the catalog is on its way, not after it: the preview
  // asks for the same module when it mounts and finds it loaded.
  if (!galleryPage && hasWebGL()) void loadPreviewModule().catch(() => { /* the preview's error boundary shows the 2D illustration */ });
  const [list, entry] = await Promise.all([readCatalogList(), readCatalogEntry(productId)]);
  if (!list.ok || (!entry.ok && entry.failure.kind !== 'unknown-product')) {
    const failure = list.ok ? (entry as Extract<typeof entry, { ok: false }>).failure : list.failure;
    document.title = 'The shop could not be reached · Atelier';
    root.render(<CatalogUnavailable message={failure.message} onRetry={() => void showCustomerPage()} />);
    return;
  }
  const products = list.value;
  if (!entry.ok) {
    document.title = 'Product not found · Atelier';
    root.render(<UnknownProduct requested={productId} available={products} />);
    return;
  }
  const current = entry.value;
  if (galleryPage) {
    document.title = `Community gallery: ${current.product.name} · Atelier`;
    root.render(
      <StrictMode>
        <GalleryPage product={current.product} products={products} />
      </StrictMode>,
    );
    return;
  }
  // Compiled once per page (from the server's compiled diagram unless today's facts withdraw an
  // option): every view reuses the same decision diagram; rules published later are compiled by
  // the session when it takes them up. The shop may pass the customer's region (?region=EU);
  // unknown facts never hide an option.
  const region = search.get('region');
  const facts = { date: new Date().toISOString().slice(0, 10), ...(region ? { region } : {}) };
  const space = compileRules(current.product, current.ruleSet, { artifact: current.compiled, facts });
  document.title = `Design your ${current.product.name} · Atelier`;
  // A share link (?design=…) or a remix (?remix=…) starts from that design.
  const start = await loadStartingDesign(current, space, search, readCandidate, readVersionOptions);
  root.render(
    <StrictMode>
      <App entry={current} space={space} facts={facts} start={start} products={products} />
    </StrictMode>,
  );
}

if (staffPage) {
  // The staff area is a chunk of its own (with its own CSS): customers never download it.
  const { StaffApp } = await import('./views/staff/StaffApp.tsx');
  root.render(
    <StrictMode>
      <StaffApp />
    </StrictMode>,
  );
} else {
  await showCustomerPage();
}

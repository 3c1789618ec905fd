import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import catalog from 'virtual:atelier/catalog';
import { compileRules } from './domain/index.ts';
import { readCandidate } from './views/api/galleryClient.ts';
import { readVersionOptions } from './views/api/readVersionOptions.ts';
import { App } from './views/App.tsx';
import { GalleryPage } from './views/GalleryPage.tsx';
import { loadStartingDesign } from './views/startingDesign.ts';
import { UnknownProduct } from './views/UnknownProduct.tsx';
import './views/styles.css';

const DEFAULT_PRODUCT = 'sneaker';

const container = document.getElementById('root');
if (!container) throw new Error('[Atelier] index.html has no <div id="root">; the configurator mounts there.');
const root = createRoot(container);

const search = new URLSearchParams(window.location.search);
const productId = search.get('product') ?? DEFAULT_PRODUCT;
const entry = catalog.find((candidate) => candidate.product.id === productId);
const galleryPage = window.location.pathname.replace(/\/+$/, '') === '/gallery';
const staffPage = window.location.pathname === '/staff' || window.location.pathname.startsWith('/staff/');

if (staffPage) {
  // The staff area is a chunk of its own (with its own CSS): customers never download it.
  const { StaffApp } = await import('./views/staff/StaffApp.tsx');
  root.render(
    <StrictMode>
      <StaffApp />
    </StrictMode>,
  );
} else if (!entry) {
  document.title = 'Product not found · Atelier';
  root.render(<UnknownProduct requested={productId} available={catalog.map((candidate) => candidate.product)} />);
} else if (galleryPage) {
  document.title = `Community gallery: ${entry.product.name} · Atelier`;
  root.render(
    <StrictMode>
      <GalleryPage product={entry.product} products={catalog.map((candidate) => candidate.product)} />
    </StrictMode>,
  );
} else {
  // Compiled once per page (loaded from the build's artifact unless today's facts withdraw an
  // option): every session and every view reuses the same decision diagram. The shop may pass the
  // customer's region (?region=EU); unknown facts never hide an option.
  const region = search.get('region');
  const facts = { date: new Date().toISOString().slice(0, 10), ...(region ? { region } : {}) };
  const space = compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled, facts });
  document.title = `Design your ${entry.product.name} · Atelier`;
  // A share link (?design=…) or a remix (?remix=…) starts from that design.
  const start = await loadStartingDesign(entry, space, search, readCandidate, readVersionOptions);
  root.render(
    <StrictMode>
      <App entry={entry} space={space} start={start} products={catalog.map((candidate) => candidate.product)} />
    </StrictMode>,
  );
}

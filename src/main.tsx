import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import catalog from 'virtual:atelier/catalog';
import { compileRules } from './domain/index.ts';
import { App } from './views/App.tsx';
import { UnknownProduct } from './views/UnknownProduct.tsx';
import './views/styles.css';

const DEFAULT_PRODUCT = 'sneaker';

const container = document.getElementById('root');
if (!container) throw new Error('[Atelier] index.html has no <div id="root">; the configurator mounts there.');
const root = createRoot(container);

const productId = new URLSearchParams(window.location.search).get('product') ?? DEFAULT_PRODUCT;
const entry = catalog.find((candidate) => candidate.product.id === productId);

if (entry) {
  // Compiled once per page (loaded from the build's artifact unless today's facts withdraw an
  // option): every session and every view reuses the same decision diagram. The shop may pass the
  // customer's region (?region=EU); unknown facts never hide an option.
  const region = new URLSearchParams(window.location.search).get('region');
  const facts = { date: new Date().toISOString().slice(0, 10), ...(region ? { region } : {}) };
  const space = compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled, facts });
  document.title = `Design your ${entry.product.name} · Atelier`;
  root.render(
    <StrictMode>
      <App entry={entry} space={space} />
    </StrictMode>,
  );
} else {
  document.title = 'Product not found · Atelier';
  root.render(<UnknownProduct requested={productId} available={catalog.map((candidate) => candidate.product)} />);
}

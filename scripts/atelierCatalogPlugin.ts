import type { Plugin } from 'vite';
import { findCatalogFiles, loadCatalogFromDisk } from '../src/server/catalogFiles.ts';

const VIRTUAL_ID = 'virtual:atelier/catalog';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Makes `import catalog from 'virtual:atelier/catalog'` yield every product with its checked
 * rules as JSON. Bad product or rules files fail the build (and show in the dev overlay) with
 * file:line:column messages, so a merchandiser's mistake never reaches customers: the shipped
 * files must pass `npm run rules -- check --strict` (dead options, overridden defaults, conditions
 * that never hold, duplicate codes, unused colours and materials are errors here).
 */
export function atelierCatalogPlugin(rootDir: string): Plugin {
  return {
    name: 'atelier-catalog',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const paths of findCatalogFiles(rootDir)) {
        this.addWatchFile(paths.productFile);
        this.addWatchFile(paths.rulesFile);
      }
      const { entries, problems } = loadCatalogFromDisk(rootDir, { strict: true });
      if (problems.length > 0) this.error(`Atelier: the product or rules files have problems:\n${problems.join('\n')}`);
      return `export default ${JSON.stringify(entries)};`;
    },
  };
}

import type { Plugin } from 'vite';
import { findCatalogFiles, loadCatalogFromDisk } from '../src/server/catalogFiles.ts';

/** Every product and rules file, checked as publishing checks them; the problems, one a line. */
function catalogProblems(rootDir: string): string[] {
  return loadCatalogFromDisk(rootDir, { strict: true }).problems;
}

const heading = 'Atelier: the product or rules files have problems:';

/**
 * Checks the product and rules files at build time, strictly, as `npm run rules -- check --strict`
 * does (dead options, overridden defaults, conditions that never hold, duplicate codes, unused
 * colours and materials are errors): a merchandiser's mistake fails the build with
 * file:line:column messages. Nothing of the catalog is put in the bundle — the page reads it from
 * the server — so this is a check only. Under `npm run dev` a problem shows in the browser's
 * overlay when a file changes (the running server takes up the files when it restarts).
 */
export function atelierCatalogPlugin(rootDir: string): Plugin {
  let serving = false;
  return {
    name: 'atelier-catalog-check',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    buildStart() {
      if (serving) return;
      const problems = catalogProblems(rootDir);
      if (problems.length > 0) this.error(`${heading}\n${problems.join('\n')}`);
    },
    configureServer(server) {
      const files = new Set(findCatalogFiles(rootDir).flatMap((paths) => [paths.productFile, paths.rulesFile]));
      server.watcher.add([...files]);
      const report = () => {
        const problems = catalogProblems(rootDir);
        if (problems.length === 0) return;
        server.config.logger.error(`${heading}\n${problems.join('\n')}`);
        server.ws.send({ type: 'error', err: { message: `${heading}\n${problems.join('\n')}`, stack: '' } });
      };
      server.watcher.on('change', (file) => { if (files.has(file)) report(); });
      report();
    },
  };
}

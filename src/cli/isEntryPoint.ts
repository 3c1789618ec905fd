import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script node was started with (and not imported by a
 * test or another command), following symlinks such as `node_modules/.bin` links.
 *
 * @example if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

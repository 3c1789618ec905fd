// What a folder (or file) holds, to prove that a refused start changed nothing in it. Shared by the
// server tests and `scripts/faultTest.ts` (scripts never import from tests/).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every entry under `path` with its kind, mode, size and content hash; `absent` when there is nothing. */
export function folderSnapshot(path: string): Record<string, string> | 'absent' {
  if (!existsSync(path)) return 'absent';
  const snapshot: Record<string, string> = {};
  const visit = (relative: string) => {
    const full = join(path, relative);
    const stats = statSync(full);
    if (stats.isDirectory()) {
      snapshot[`${relative}/`] = `dir ${(stats.mode & 0o777).toString(8)}`;
      for (const name of readdirSync(full)) visit(relative ? join(relative, name) : name);
    } else {
      snapshot[relative] = `file ${(stats.mode & 0o777).toString(8)} ${stats.size} ${createHash('sha1').update(readFileSync(full)).digest('hex')} ${stats.mtimeMs}`;
    }
  };
  visit('');
  return snapshot;
}

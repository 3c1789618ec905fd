// `npm run check:scratch-palette`: what a merchandiser's routine edit does to the project's own
// tests. In a scratch copy of the committed tree, a new colour is inserted in the middle of the
// sneaker's palette (its declared colours and the leather's colours); then
// the unit suite (`vitest run`) runs there. It must pass as it does here: the tests check the
// engine and the rules' meaning, not today's option lists. Prints the suite's counts; exit 1 when
// a test fails. Takes as long as the unit suite (minutes): not part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/server/projectRoot.ts';

/** One text edit of a shipped file, and what it must find to apply. */
interface PaletteEdit {
  readonly file: string;
  readonly find: RegExp;
  readonly replace: string;
}

const EDITS: readonly PaletteEdit[] = [
  // A colour declared between sand and tan, and offered in leather between chalk and tan.
  { file: 'models/sneaker/product.yaml', find: /^(\s+)sand: (\{[^\n]*\})\n/m, replace: '$1sand: $2\n$1saffron: { label: Saffron, code: CL-190, hex: "#d9962b" }\n' },
  { file: 'models/sneaker/product.yaml', find: /(colours: \[optic-white, chalk, )(tan, cognac)/, replace: '$1saffron, $2' },
];

function main(): number {
  const scratch = mkdtempSync(join(tmpdir(), 'atelier-scratch-palette-'));
  try {
    // The committed tree, not the working copy: what CI would test.
    execFileSync('git', ['-C', PROJECT_ROOT, 'worktree', 'add', '--detach', scratch, 'HEAD'], { stdio: 'ignore' });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(scratch, 'node_modules'));
    for (const edit of EDITS) {
      const path = join(scratch, edit.file);
      const text = readFileSync(path, 'utf8');
      if (!edit.find.test(text)) throw new Error(`${edit.file}: the palette edit found nothing to change (${edit.find}): update scripts/scratchPaletteCheck.ts`);
      writeFileSync(path, text.replace(edit.find, edit.replace));
    }
    process.stdout.write(`Scratch copy with a new colour in the sneaker's palette: ${scratch}\n`);
    const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot'], { cwd: scratch, stdio: 'inherit', env: { ...process.env, CI: '' } });
    return run.status === 0 ? 0 : 1;
  } finally {
    spawnSync('git', ['-C', PROJECT_ROOT, 'worktree', 'remove', '--force', scratch], { stdio: 'ignore' });
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exit(main());

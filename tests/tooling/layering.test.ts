// The layering rule in eslint.config.js, checked through ESLint's Node API:
// an import across a layer boundary must be reported, allowed ones must not.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
  // The first lint loads the parser and plugins: do it here, with time to spare.
  await eslint.lintText('export {};\n', { filePath: 'src/domain/Warmup.ts' });
}, 60_000);

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, `ESLint returned no result for ${filePath}`).toBeDefined();
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `parse error in probe for ${filePath}`).toEqual([]);
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

const reported: Array<[from: string, code: string, messageMentions: string]> = [
  ['src/domain/Example.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'src/domain'],
  ['src/domain/Example.ts', "import { Mesh } from 'three';\nexport const x = Mesh;\n", 'src/domain'],
  ['src/domain/Example.ts', "import type { Mesh } from 'three';\nexport type X = Mesh;\n", 'src/domain'],
  ['src/domain/Example.ts', "import { createMachine } from 'xstate';\nexport const x = createMachine;\n", 'src/domain'],
  ['src/domain/Example.ts', "import { x } from '../machines/x';\nexport const y = x;\n", 'src/domain'],
  ['src/domain/rules/Deep.ts', "import { x } from '../../views/x';\nexport const y = x;\n", 'src/domain'],
  ['src/machines/Example.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'src/machines'],
  ['src/machines/Example.ts', "import { x } from '../views/x';\nexport const y = x;\n", 'src/machines'],
  ['src/server/Example.ts', "import { x } from '../views/x';\nexport const y = x;\n", 'src/server'],
  ['src/server/Example.ts', "import { x } from '../machines/x';\nexport const y = x;\n", 'src/server'],
];

const allowed: Array<[from: string, code: string]> = [
  ['src/views/Example.tsx', "import { x } from '../machines/x';\nexport const y = x;\n"],
  ['src/views/Example.tsx', "import { x } from '../domain/x';\nexport const y = x;\n"],
  ['src/machines/Example.ts', "import { x } from '../domain/x';\nexport const y = x;\n"],
  ['src/machines/Example.ts', "import { setup } from 'xstate';\nexport const y = setup;\n"],
  ['src/server/Example.ts', "import { x } from '../domain/x';\nexport const y = x;\n"],
  ['src/domain/Example.ts', "import { x } from './rules/x';\nimport { produce } from 'immer';\nexport const y = [x, produce];\n"],
];

describe('layering rule (no-restricted-imports per folder)', () => {
  it.each(reported)('%s: reports %j', async (filePath, code, mention) => {
    const messages = await restrictedImports(code, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(mention);
    expect(messages[0]).toMatch(/may (not )?import/);
  });

  it.each(allowed)('%s: allows %j', async (filePath, code) => {
    expect(await restrictedImports(code, filePath)).toEqual([]);
  });
});

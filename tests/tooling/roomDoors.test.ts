// The domain's rooms are entered only through their index.ts: eslint/roomDoors.js, checked
// through ESLint's Node API with the project's own configuration. Probes in src/server and
// src/machines borrow an existing file's path: the type-aware lint there reads only real files.
import { ESLint } from 'eslint';
import { readdirSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
  await eslint.lintText('export {};\n', { filePath: 'src/domain/engine/Warmup.ts' });
}, 60_000);

async function doorMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result!.messages.filter((m) => m.fatal), `parse error in probe for ${filePath}`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'atelier/room-doors').map((m) => m.message);
}

describe('room doors', () => {
  it.each([
    ['src/domain/design/Probe.ts', "import { x } from '../engine/compileRules.ts';\nexport const y = x;\n", 'engine'],
    ['src/domain/engine/tables/Probe.ts', "import type { X } from '../../rules/rulesModel.ts';\nexport type Y = X;\n", 'rules'],
    ['src/domain/index.ts', "export { x } from './pricing/priceDesign.ts';\n", 'pricing'],
    ['src/server/createApp.ts', "import { x } from '../domain/design/shareLink.ts';\nexport const y = x;\n", 'design'],
    ['src/views/Probe.tsx', "import { x } from '../domain/engine/tables/buildTable.ts';\nexport const y = x;\n", 'engine'],
    ['scripts/probe.ts', "import { x } from '../src/domain/moderation/matcher.ts';\nexport const y = x;\n", 'moderation'],
    ['src/machines/configuratorMachine.ts', "export const load = () => import('../domain/pricing/priceDesign.ts');\n", 'pricing'],
  ])('%s: reaching into another room is reported (%j)', async (filePath, code, room) => {
    const messages = await doorMessages(code, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`the domain's ${room} room`);
    expect(messages[0]).toContain(`src/domain/${room}/index.ts`);
  });

  it.each([
    ['src/domain/design/Probe.ts', "import { x } from '../engine/index.ts';\nexport const y = x;\n"],
    ['src/domain/engine/tables/Probe.ts', "import { x } from '../diagram/mddStore.ts';\nexport const y = x;\n"],
    ['src/domain/engine/Probe.ts', "import { x } from './compileRules.ts';\nexport const y = x;\n"],
    ['src/server/createApp.ts', "import { x } from '../domain/index.ts';\nexport const y = x;\n"],
    ['src/server/createApp.ts', "import { x } from '../domain/artwork/index.ts';\nexport const y = x;\n"],
  ])('%s: going through a door, or staying inside one room, is allowed (%j)', async (filePath, code) => {
    expect(await doorMessages(code, filePath)).toEqual([]);
  });

  it('every room has its door and its CONTEXT.md', () => {
    const rooms = readdirSync('src/domain').filter((name) => statSync(`src/domain/${name}`).isDirectory());
    expect(rooms.length).toBeGreaterThan(5);
    for (const room of rooms) {
      expect(statSync(`src/domain/${room}/index.ts`).isFile(), `${room}/index.ts`).toBe(true);
      expect(statSync(`src/domain/${room}/CONTEXT.md`).isFile(), `${room}/CONTEXT.md`).toBe(true);
    }
  });

  it('the domain keeps no loose files: everything but its door and guide lives in a room', () => {
    const loose = readdirSync('src/domain').filter((name) => statSync(`src/domain/${name}`).isFile());
    expect(loose.sort()).toEqual(['CONTEXT.md', 'index.ts']);
  });
});

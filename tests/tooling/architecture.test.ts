// The README's architecture section is drawn from the folders as they are: a folder added to src/
// or a room added to the domain without a line there fails here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('## Architecture\n');
const architecture = readme.slice(start, readme.indexOf('\n## ', start + 1));
const folders = (dir: string): string[] => readdirSync(dir).filter((name) => statSync(`${dir}/${name}`).isDirectory());

describe("the README's architecture section", () => {
  it('exists', () => {
    expect(start).toBeGreaterThan(0);
    expect(architecture.length).toBeGreaterThan(200);
  });

  it.each(folders('src'))('names the layer src/%s', (layer) => {
    expect(architecture).toContain(`src/${layer} `);
  });

  it.each(folders('src/domain'))('has a row for the domain room %s', (room) => {
    expect(architecture).toMatch(new RegExp(`^\\| \`${room}\` \\| .+ \\|$`, 'm'));
  });

  it('names no room that does not exist', () => {
    const rows = [...architecture.matchAll(/^\| `([a-z]+)` \|/gm)].map((match) => match[1]);
    expect(rows.sort()).toEqual(folders('src/domain').sort());
  });
});

// src/domain/CONTEXT.md's table says which room depends on which; it must say what the code does.
describe("the domain's room table", () => {
  const context = readFileSync('src/domain/CONTEXT.md', 'utf8');
  const documented = new Map(
    [...context.matchAll(/^\| `([a-z]+)\/` \| .+ \| (.+) \|$/gm)].map((match) => [
      match[1]!,
      match[2] === '—' ? [] : match[2]!.split(',').map((room) => room.trim()).sort(),
    ]),
  );

  const importedRooms = (room: string): string[] => {
    const found = new Set<string>();
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = `${dir}/${name}`;
        if (statSync(path).isDirectory()) visit(path);
        else if (name.endsWith('.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(/from '((?:\.\.\/)+)([a-z]+)\/index\.ts'/g)) {
            const depth = path.split('/').length - 'src/domain/x/y'.split('/').length + 1;
            if (match[1]!.length / 3 === depth && match[2] !== room) found.add(match[2]!);
          }
        }
      }
    };
    visit(`src/domain/${room}`);
    return [...found].sort();
  };

  it.each(folders('src/domain'))('lists what the %s room imports', (room) => {
    expect(documented.get(room), `a row for ${room}/`).toBeDefined();
    expect(documented.get(room)).toEqual(importedRooms(room));
  });
});

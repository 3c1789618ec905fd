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

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deserialiseDiagram } from '../domain/index.ts';
import { CliError, EXIT_OK, UsageError } from './cliErrors.ts';
import { loadModel } from './loadModel.ts';
import { plural, type CliOutput } from './output.ts';

/**
 * `compile <file> -o <artifact>`: compiles the rules and writes the diagram artifact
 * (`atelier.diagram/1`, see the domain's `SerialisedDiagram`), then reads it back to check it.
 */
export function compileCommand(args: readonly string[], artifact: string | undefined, json: boolean, cwd: string, output: CliOutput): number {
  const [file, ...extra] = args;
  if (file === undefined) throw new UsageError('compile needs a rules file or table problem, and -o <artifact>');
  if (extra.length > 0) throw new UsageError(`compile takes one file; unexpected ${extra.map((text) => `"${text}"`).join(', ')}`);
  if (artifact === undefined) throw new UsageError('compile needs -o <artifact>, the file to write, e.g. -o dist/sneaker.diagram.json');
  const started = performance.now();
  const model = loadModel(file, cwd);
  const serialised = model.space.serialise();
  const text = `${JSON.stringify(serialised)}\n`;
  // Read it back as a loader would, so a broken artifact is never reported as written.
  const restored = deserialiseDiagram(JSON.parse(text) as typeof serialised, model.space.product.attributes);
  if ('error' in restored) throw new CliError(`the compiled artifact does not read back: ${restored.error}`);
  const path = resolve(cwd, artifact);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new CliError(`${artifact}: cannot write the artifact (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const milliseconds = Math.round(performance.now() - started);
  const summary = { artifact, format: serialised.format, nodes: serialised.nodeCount, edges: serialised.edgeCount, bytes: Buffer.byteLength(text), milliseconds };
  if (json) output.out(JSON.stringify(summary));
  else output.out(`${file} → ${artifact}: ${plural(summary.nodes, 'node')}, ${plural(summary.edges, 'edge')}, ${(summary.bytes / 1024).toFixed(1)} KB (${milliseconds} ms)`);
  return EXIT_OK;
}

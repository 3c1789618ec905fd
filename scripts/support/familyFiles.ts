/** Writes instances of the Renault-like family (src/domain/engine/family/) as table JSON files. */
import { writeFileSync } from 'node:fs';
import { generateFamilyInstance } from '../../src/domain/engine/index.ts';

/** Writes the instance of `seed` to `file` as table JSON (one variable or table per line, as the shared files). */
export function writeFamilyInstance(file: string, seed: number): void {
  const problem = generateFamilyInstance(seed);
  const lines = [
    `{"name": ${JSON.stringify(problem.name)}, "source": "generateFamilyInstance(${seed})",`,
    ' "variables": [',
    problem.variables.map((variable) => `  ${JSON.stringify(variable)}`).join(',\n'),
    ' ],',
    ' "constraints": [',
    problem.constraints.map((constraint) => `  ${JSON.stringify(constraint)}`).join(',\n'),
    ' ]}',
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}


import { compileProblem } from './diagram/compileProblem.ts';
import { indexTables, type TableProblem } from './tables/tableProblem.ts';
import { createCompiledSpace } from './compiledSpace.ts';
import type { ConfigurationSpace } from './configurationSpace.ts';
import { describe } from '../shared/index.ts';
import { failed, ok, type Problem, type Result } from '../shared/index.ts';
import type { AttributeDef, Product } from '../product/index.ts';
import { parseYamlSource, type DocumentPath } from '../shared/index.ts';

/**
 * Reads a configuration problem in the neutral table JSON format (`{"variables": [{"id", "values"}],
 * "constraints": [{"id", "scope", "kind": "allowed"|"forbidden", "tuples"}]}`), as used by the
 * shared benchmark files. Parsing uses `JSON.parse` for speed; positions are worked out only
 * when there is a problem to report.
 */
export function loadTableProblem(file: string, text: string): Result<TableProblem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const located = parseYamlSource(file, text);
    const syntax = located.syntaxProblems[0];
    return failed([{
      path: '',
      message: `the file is not valid JSON: ${(error as Error).message}`,
      hint: 'check for a missing comma, bracket or quote near the position given',
      ...(syntax?.location ? { location: syntax.location } : {}),
    }]);
  }
  const problems: Problem[] = [];
  const paths: { path: DocumentPath; message: string; hint: string }[] = [];
  const report = (path: DocumentPath, message: string, hint: string) => paths.push({ path, message, hint });
  const root = data as Record<string, unknown>;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report([], `a table problem must be a JSON object, not ${describe(data)}`, 'write {"variables": [...], "constraints": [...]}');
  } else {
    const variables = Array.isArray(root.variables) ? root.variables : undefined;
    const constraints = Array.isArray(root.constraints) ? root.constraints : undefined;
    if (!variables) report(['variables'], '"variables" must be a list', 'list each variable as {"id": "V0", "values": ["0", "1"]}');
    if (!constraints) report(['constraints'], '"constraints" must be a list', 'list each constraint as {"id", "scope", "kind", "tuples"}');
    const domains = new Map<string, Set<string>>();
    variables?.forEach((variable: unknown, index) => {
      const entry = variable as Record<string, unknown>;
      if (typeof entry?.id !== 'string' || entry.id === '') return report(['variables', index], 'a variable needs a text "id"', 'add "id": "<name>"');
      if (domains.has(entry.id)) return report(['variables', index, 'id'], `variable "${entry.id}" is defined twice`, 'give each variable a unique id');
      const values = entry.values;
      if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== 'string')) {
        return report(['variables', index, 'values'], `variable "${entry.id}" needs a non-empty list of text values`, 'write "values": ["0", "1", ...] with strings');
      }
      if (new Set(values).size !== values.length) return report(['variables', index, 'values'], `variable "${entry.id}" lists a value twice`, 'remove the repeated value');
      domains.set(entry.id, new Set(values as string[]));
    });
    const ids = new Set<string>();
    constraints?.forEach((constraint: unknown, index) => {
      const entry = constraint as Record<string, unknown>;
      const path = ['constraints', index];
      if (typeof entry?.id !== 'string') return report(path, 'a constraint needs a text "id"', 'add "id": "<name>"');
      if (ids.has(entry.id)) report([...path, 'id'], `constraint "${entry.id}" is defined twice`, 'give each constraint a unique id');
      ids.add(entry.id);
      if (entry.kind !== 'allowed' && entry.kind !== 'forbidden') report([...path, 'kind'], `constraint "${entry.id}" has kind ${describe(entry.kind)}`, 'use "allowed" or "forbidden"');
      const scope = entry.scope;
      if (!Array.isArray(scope) || scope.length === 0) return report([...path, 'scope'], `constraint "${entry.id}" needs a non-empty "scope" list`, 'list the variable ids it constrains');
      const unknown = scope.find((id) => typeof id !== 'string' || !domains.has(id));
      if (unknown !== undefined) return report([...path, 'scope'], `constraint "${entry.id}" names unknown variable ${describe(unknown)}`, 'use ids from "variables"');
      if (new Set(scope).size !== scope.length) return report([...path, 'scope'], `constraint "${entry.id}" lists a variable twice`, 'list each variable once');
      if (!Array.isArray(entry.tuples)) return report([...path, 'tuples'], `constraint "${entry.id}" needs a "tuples" list`, 'list the tuples, one value per scope variable');
      for (let row = 0; row < entry.tuples.length; row++) {
        const tuple = entry.tuples[row] as unknown;
        if (!Array.isArray(tuple) || tuple.length !== scope.length) {
          report([...path, 'tuples', row], `tuple ${row + 1} of "${entry.id}" must list ${scope.length} values (one per scope variable)`, 'give one value per variable of "scope", in order');
          break;
        }
        const column = tuple.findIndex((value, position) => !domains.get(scope[position] as string)!.has(value as string));
        if (column >= 0) {
          report([...path, 'tuples', row, column], `tuple ${row + 1} of "${entry.id}" has value ${describe(tuple[column])}, not in the domain of "${scope[column]}"`, `use one of the values of "${scope[column]}"`);
          break;
        }
      }
    });
  }
  if (paths.length > 0) {
    // Positions are worked out only now, on the slow path.
    const located = parseYamlSource(file, text);
    for (const entry of paths) problems.push(located.problem(entry.path, entry.message, entry.hint));
    return failed(problems);
  }
  return ok({ name: typeof root.name === 'string' ? root.name : file, variables: root.variables as TableProblem['variables'], constraints: root.constraints as TableProblem['constraints'] });
}

/** True when parsed data has the shape of a table problem (how the CLI tells file kinds apart). */
export function looksLikeTableProblem(text: string): boolean {
  return /^\s*\{[\s\S]*"variables"\s*:/.test(text.slice(0, 100_000)) && text.includes('"constraints"');
}

/**
 * Compiles a table problem. Variables become attributes (labelled by their ids) of a synthetic
 * product, so the same engine, explanations and documents serve benchmark files and products.
 */
export function compileTableProblem(problem: TableProblem): ConfigurationSpace {
  const attributes: AttributeDef[] = problem.variables.map((variable) => ({
    id: variable.id,
    label: variable.id,
    kind: 'material',
    partId: '',
    options: variable.values.map((value) => ({ id: value, label: value, code: value })),
  }));
  const product: Product = {
    id: problem.name, name: problem.name, description: '', currency: 'EUR', basePrice: 0, baseLeadTimeDays: 0, model: '',
    parts: [], attributes, palettes: [], sizes: [], presets: [],
  };
  const tables = indexTables(problem);
  const compiled = compileProblem(Int32Array.from(problem.variables, (variable) => variable.values.length), tables);
  return createCompiledSpace({
    product,
    tables,
    constraints: problem.constraints.map((constraint) => ({
      ruleId: constraint.id,
      message: `${constraint.kind === 'allowed' ? 'Allowed' : 'Forbidden'} combinations of ${constraint.scope.join(', ')} (table ${constraint.id}, ${constraint.tuples.length} rows).`,
      attributes: constraint.scope,
      implicit: false,
    })),
    diagram: compiled.diagram,
    order: compiled.order,
    compiled,
  });
}

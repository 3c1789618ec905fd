/**
 * A configuration problem as variables and tables: the neutral form every rule source compiles to
 * (a product's rules, or a benchmark file in the shared table JSON format).
 */

/** A variable with its values, in domain order. */
export interface ProblemVariable {
  readonly id: string;
  readonly values: readonly string[];
}

/** An allowed or forbidden table over a few variables; each tuple gives one value per scope variable. */
export interface ProblemTable {
  readonly id: string;
  readonly scope: readonly string[];
  readonly kind: 'allowed' | 'forbidden';
  readonly tuples: readonly (readonly string[])[];
}

/** Variables and tables. */
export interface TableProblem {
  readonly name: string;
  readonly variables: readonly ProblemVariable[];
  readonly constraints: readonly ProblemTable[];
}

/** A table with variables and values replaced by their indices, tuples flattened row by row. */
export interface IndexedTable {
  readonly id: string;
  /** Variable indices, in the table's own order. */
  readonly scope: Int32Array;
  readonly allowed: boolean;
  /** `rows[r * scope.length + i]` is the value index of `scope[i]` in row r. */
  readonly rows: Int32Array;
}

/** Replaces ids by indices; throws naming the table when a tuple names an unknown value (check input first). */
export function indexTables(problem: TableProblem): IndexedTable[] {
  const variableIndex = new Map(problem.variables.map((variable, index) => [variable.id, index]));
  const valueIndex = problem.variables.map((variable) => new Map(variable.values.map((value, index) => [value, index])));
  return problem.constraints.map((table) => {
    const scope = Int32Array.from(table.scope, (id) => {
      const index = variableIndex.get(id);
      if (index === undefined) throw new Error(`[Atelier] table "${table.id}" names unknown variable "${id}"`);
      return index;
    });
    const rows = new Int32Array(table.tuples.length * scope.length);
    table.tuples.forEach((tuple, row) => {
      tuple.forEach((value, column) => {
        const index = valueIndex[scope[column]!]!.get(value);
        if (index === undefined) throw new Error(`[Atelier] table "${table.id}" row ${row + 1} has value "${value}" not in the domain of "${table.scope[column]}"`);
        rows[row * scope.length + column] = index;
      });
    });
    return { id: table.id, scope, allowed: table.kind === 'allowed', rows };
  });
}

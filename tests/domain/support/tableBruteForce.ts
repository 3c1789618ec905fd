// A brute-force oracle for table problems: it enumerates every assignment of a small problem and
// checks each table against its tuples directly, sharing no code with the compiled engine.
import type { TableProblem } from '../../../src/domain/index.ts';

/** Every solution of a small table problem (variable id → value), by enumeration. */
export function tableSolutions(problem: TableProblem): Record<string, string>[] {
  const tables = problem.constraints.map((table) => ({ table, tuples: new Set(table.tuples.map((tuple) => tuple.join('\u0000'))) }));
  const solutions: Record<string, string>[] = [];
  const assignment: Record<string, string> = {};
  const visit = (index: number) => {
    if (index === problem.variables.length) {
      const accepted = tables.every(({ table, tuples }) => tuples.has(table.scope.map((id) => assignment[id]).join('\u0000')) === (table.kind === 'allowed'));
      if (accepted) solutions.push({ ...assignment });
      return;
    }
    const variable = problem.variables[index]!;
    for (const value of variable.values) {
      assignment[variable.id] = value;
      visit(index + 1);
    }
  };
  visit(0);
  return solutions;
}

/**
 * The values each variable can take in a solution that keeps every other fixed value (for an open
 * variable: the values some solution keeping all fixed values takes), in domain order.
 */
export function tableDomains(problem: TableProblem, solutions: readonly Record<string, string>[], fixed: Readonly<Record<string, string>>): Map<string, string[]> {
  return new Map(problem.variables.map((variable) => {
    const others = Object.entries(fixed).filter(([id]) => id !== variable.id);
    const taken = new Set(solutions.filter((solution) => others.every(([id, value]) => solution[id] === value)).map((solution) => solution[variable.id]!));
    return [variable.id, variable.values.filter((value) => taken.has(value))];
  }));
}

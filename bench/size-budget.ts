/**
 * Size budgets and entry isolation, for CI: bundles each scenario and each package subpath (esbuild,
 * minified ESM, gzip level 9; kB = 1024 bytes), prints a table, checks the isolation rules, and exits 1
 * with one line per violation when a bundle is over its budget or pulls in what it must not. The budgets
 * and rules are in bench/support/size-rules.ts.
 *
 *   npm run size
 */
import { bundleSize, kb } from './support/bundle-size.js';
import {
  type Budget,
  budgetViolation,
  ENTRY_BUDGETS,
  ISOLATION_RULES,
  isolationViolations,
  SCENARIO_BUDGETS,
} from './support/size-rules.js';
import { printTable } from './support/table.js';

const violations: string[] = [];

async function checkBudgets(budgets: readonly Budget[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (const budget of budgets) {
    const size = await bundleSize(budget.code, budget.platform);
    const violation = budgetViolation(budget, size);
    if (violation) violations.push(violation);
    rows.push([budget.name, kb(size.min), kb(size.gzip), kb(budget.maxGzip), violation ? 'OVER' : 'ok']);
  }
  return rows;
}

const header = ['bundle', 'min kB', 'gzip kB', 'budget gzip kB', 'status'];
console.log('Size budgets (esbuild, minified ESM, gzip level 9; kB = 1024 bytes)\n');
printTable(header, [...(await checkBudgets(SCENARIO_BUDGETS)), ...(await checkBudgets(ENTRY_BUDGETS))]);

const isolationRows: string[][] = [];
for (const rule of ISOLATION_RULES) {
  const size = await bundleSize(rule.code, rule.platform);
  const found = isolationViolations(rule, Object.keys(size.inputs));
  violations.push(...found);
  isolationRows.push([rule.name, found.length === 0 ? 'ok' : 'VIOLATED']);
}
console.log('\nEntry isolation\n');
printTable(['rule', 'status'], isolationRows);

if (violations.length > 0) {
  console.error(`\nSize check failed (${violations.length}):`);
  for (const violation of violations) console.error(`- ${violation}`);
  process.exit(1);
}
console.log('\nAll size budgets and isolation rules hold.');

/** The SRP bench's rows and table, shared by bench/srp-runtime.ts (one runtime) and bench/srp.ts (all). */
import { printTable } from './table.js';

/** One implementation measured on one runtime. */
export interface SrpRow {
  readonly runtime: string;
  readonly implementation: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly cpuMs: number;
  /** Median over rounds of amazon-cognito-identity-js's time / this one's, same runtime. */
  readonly fasterThanAws: number;
  /** Median over rounds of this time / the runtime's bound; null where there is no bound (not Node). */
  readonly timesBound: number | null;
}

/**
 * Prints rows as one markdown table.
 *
 * @example
 * ```ts
 * printSrpTable(rows);
 * ```
 */
export function printSrpTable(rows: readonly SrpRow[]): void {
  printTable(
    [
      'runtime',
      'implementation',
      'median ms',
      'p90 ms',
      'CPU ms',
      'sign-ins/s/core',
      '× faster than AWS',
      '× the bound',
    ],
    rows.map((r) => [
      r.runtime,
      r.implementation,
      r.medianMs.toFixed(2),
      r.p90Ms.toFixed(2),
      r.cpuMs.toFixed(2),
      (1000 / r.cpuMs).toFixed(0),
      r.fasterThanAws.toFixed(1),
      r.timesBound === null ? '–' : r.timesBound.toFixed(2),
    ]),
  );
}

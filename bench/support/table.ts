/** Markdown tables for benchmark output. */

/**
 * A markdown table with padded columns: the first column left-aligned, the others right-aligned.
 *
 * @example
 * ```ts
 * console.log(markdownTable(['name', 'ms'], [['a', '1.00']]).join('\n'));
 * ```
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ];
}

/**
 * Prints {@link markdownTable} to stdout.
 *
 * @example
 * ```ts
 * printTable(['name', 'ms'], [['a', '1.00']]);
 * ```
 */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  for (const line of markdownTable(header, rows)) console.log(line);
}

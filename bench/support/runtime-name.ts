/**
 * "Node 24.22.3", "Bun 1.4.5" or "Deno 2.9.6": the runtime running this process.
 *
 * @example
 * ```ts
 * runtimeName(); // "Node 20.20.2"
 * ```
 */
export function runtimeName(): string {
  const versions = process.versions as NodeJS.ProcessVersions & { bun?: string; deno?: string };
  if (typeof versions.bun === 'string') return `Bun ${versions.bun}`;
  const deno = (globalThis as { Deno?: { version: { deno: string } } }).Deno;
  if (deno) return `Deno ${deno.version.deno}`;
  return `Node ${process.versions.node}`;
}

/**
 * CPU time of the whole process (all threads, so thread-pool work counts), in ms.
 *
 * @example
 * ```ts
 * const c0 = cpuMs(); work(); const spent = cpuMs() - c0;
 * ```
 */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

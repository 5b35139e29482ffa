import { cpus } from 'node:os';

/**
 * One line naming the runtime and the machine, printed above every table.
 *
 * @example
 * ```ts
 * console.log(machineLine()); // "Node v20.20.2, OpenSSL 3.0.19, 2 × Intel(R) Xeon(R) …"
 * ```
 */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `Node ${process.version}, OpenSSL ${process.versions.openssl}, ${cpus().length} × ${cpu}`;
}

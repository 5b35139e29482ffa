import { cpus, loadavg } from 'node:os';

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

/**
 * The load averages (1, 5, 15 min) next to the core count: on a shared machine they say how much the
 * absolute times can be trusted (ratios measured in the same run hold up better).
 *
 * @example
 * ```ts
 * console.log(loadLine()); // "load average 1.02 / 0.87 / 0.60 on 2 cores"
 * ```
 */
export function loadLine(): string {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return `load average ${one.toFixed(2)} / ${five.toFixed(2)} / ${fifteen.toFixed(2)} on ${cpus().length} cores`;
}

#!/usr/bin/env node
// Prints the path of a runtime's binary from scripts/runtimes.json, fetching it first with `npm pack`
// (the npm registry only) into .cache/runtimes/<name>/ when it is not there yet.
// Usage: node scripts/runtime.mjs node24   → /…/.cache/runtimes/node24/package/bin/node
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runtimes = JSON.parse(readFileSync(join(root, 'scripts/runtimes.json'), 'utf8'));
const name = process.argv[2];
const runtime = runtimes[name];
if (!name || name.startsWith('$') || !runtime) {
  console.error(
    `usage: node scripts/runtime.mjs <${Object.keys(runtimes)
      .filter((k) => !k.startsWith('$'))
      .join('|')}>`,
  );
  process.exit(2);
}
const dir = join(root, '.cache/runtimes', name);
const stamp = join(dir, 'package', '.cognito-flow-package');
const bin = join(dir, 'package', runtime.bin);
const fetched = existsSync(stamp) && readFileSync(stamp, 'utf8') === runtime.package && existsSync(bin);
if (!fetched) {
  rmSync(dir, { recursive: true, force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  execFileSync('npm', ['pack', runtime.package, '--silent', '--pack-destination', tmp], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${runtime.package} wrote no tarball`);
  execFileSync('tar', ['xzf', join(tmp, tarball), '-C', tmp]);
  rmSync(join(tmp, tarball));
  chmodSync(join(tmp, 'package', runtime.bin), 0o755);
  writeFileSync(join(tmp, 'package', '.cognito-flow-package'), runtime.package);
  renameSync(tmp, dir);
}
process.stdout.write(`${bin}\n`);

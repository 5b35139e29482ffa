import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typescriptCompilers } from './typescript-compilers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [ts5, ts7] = typescriptCompilers(root);

describe('the TypeScript releases the types are checked against', () => {
  it('are the pinned 5.9 and a 7.x release, each answering on its own tsc', () => {
    expect(ts5?.version).toMatch(/^5\.9\./);
    expect(ts7?.version).toMatch(/^7\./);
    for (const compiler of [ts5, ts7]) {
      const run = spawnSync(process.execPath, [compiler?.tsc ?? '', '--version'], { encoding: 'utf8' });
      expect(run.stdout.trim()).toBe(`Version ${compiler?.version}`);
    }
  });
});

// Run by file-token-store.test.ts in separate processes (through tsx): writes the same key many times.
import { fileTokenStore } from '../../../../src/tokens/stores/file-token-store.js';

const [path, writer, count] = process.argv.slice(2);
const store = fileTokenStore(path ?? '');
for (let i = 0; i < Number(count); i += 1) {
  await store.set('shared', { writer, i, padding: 'x'.repeat(4096) });
  await store.set(`writer-${writer}`, { i });
}

// Run by file-token-store-safety.test.ts in separate processes (through tsx): writes `count` distinct keys.
import { fileTokenStore } from '../../../../src/tokens/stores/file-token-store.js';

const [path, writer, count] = process.argv.slice(2);
const store = fileTokenStore(path ?? '');
for (let i = 0; i < Number(count); i += 1) await store.set(`${writer}-${i}`, { writer, i });

/**
 * A lab in its own process, for measurements from outside (bench, stress):
 * prints `{ ports, hosts }` of its plain-http origins as one JSON line, then serves until killed. On
 * the stdin line `heap` it collects garbage (node --expose-gc) and answers
 * one JSON line: `{ heapUsed, journalBytes }`, the V8 heap in use and the
 * bytes the journal counts against its budget.
 */
import { createInterface } from 'node:readline';
import { startLab } from '../../servers/lab.ts';

const lab = await startLab({ clientDir: null });
// The plain-http origins: the bench's and the stress test's raw clients speak HTTP/1.1 in clear. The https origin
// (`secure`) closes such a connection at once, as it should; its own hostile clients are in
// servers/secure-connections.test.ts.
const plain = lab.origins.filter((origin) => origin.url.startsWith('http:'));
const ports = plain.map((origin) => {
  const bound = lab.bound.find((b) => b.name === origin.name);
  if (!bound) throw new Error(`lab-process: origin ${origin.name} is not bound`);
  return bound.port;
});
const hosts = plain.map((origin) => new URL(origin.url).host);
process.stdout.write(`${JSON.stringify({ ports, hosts })}\n`);
process.on('SIGTERM', () => void lab.close().then(() => process.exit(0)));
createInterface({ input: process.stdin }).on('line', (command) => {
  if (command !== 'heap') return void process.stdout.write(`${JSON.stringify({ error: `unknown command ${JSON.stringify(command)}: heap` })}\n`);
  if (!globalThis.gc) return void process.stdout.write(`${JSON.stringify({ error: 'start the lab process with node --expose-gc' })}\n`);
  // Twice: the first pass can leave what only its own finalizers released.
  globalThis.gc();
  globalThis.gc();
  process.stdout.write(`${JSON.stringify({ heapUsed: process.memoryUsage().heapUsed, journalBytes: lab.journal.bytes })}\n`);
});

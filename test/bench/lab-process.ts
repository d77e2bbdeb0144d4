/**
 * A lab in its own process, for measurements from outside (bench, stress):
 * prints `{ ports, hosts }` as one JSON line, then serves until killed.
 */
import { startLab } from '../../servers/lab.ts';

const lab = await startLab({ clientDir: null });
process.stdout.write(`${JSON.stringify({ ports: lab.bound.map((b) => b.port), hosts: lab.origins.map((o) => new URL(o.url).host) })}\n`);
process.on('SIGTERM', () => void lab.close().then(() => process.exit(0)));

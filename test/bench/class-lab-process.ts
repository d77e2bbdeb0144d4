/**
 * A class-mode lab in its own process, for the class load bench: bound to
 * loopback, every origin under the name a room's attendees would use
 * (loopback names here), printing `{ origins, bound, certificates }` as one JSON line, then
 * serving until killed.
 */
import { startLab } from '../../servers/lab.ts';
import { CLASS_LOOPBACK_NAMES } from './class-load.ts';

const lab = await startLab({ clientDir: null, names: CLASS_LOOPBACK_NAMES });
// The certificates' paths and public certificate only (the key never leaves servers/): the bench trusts the CA file.
process.stdout.write(`${JSON.stringify({ origins: lab.origins, bound: lab.bound, certificates: lab.certificates })}\n`);
process.on('SIGTERM', () => void lab.close().then(() => process.exit(0)));

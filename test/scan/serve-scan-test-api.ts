/**
 * Starts the scan test APIs for trying the README's `cors-lab scan` examples by hand:
 * `npx tsx test/scan/serve-scan-test-api.ts` prints the address ($API); Ctrl-C stops it.
 */
import { startScanTestApi } from './scan-test-api.ts';

const api = await startScanTestApi();
process.stdout.write(`API=${api.url}\n`);
const stop = (): void => void api.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

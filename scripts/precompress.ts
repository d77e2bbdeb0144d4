/**
 * Writes `NAME.br` and `NAME.gz` beside each text file of the built client,
 * once at build time, so the app origin sends them without compressing on
 * every request (servers/client-files.ts picks one by Accept-Encoding).
 * Brotli at its best quality: the build pays once, every learner's download is smaller.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compresses every compressible file under `dir`; returns how many files it compressed. */
export async function precompressFolder(dir: string): Promise<number> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
  await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const text = await readFile(path);
      const [br, gz] = await Promise.all([
        brotli(text, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
        }),
        gzipped(text, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    }),
  );
  return names.length;
}

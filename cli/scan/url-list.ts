/**
 * `--urls FILE` (or `-` for stdin): one URL per line, blank lines and `#` comments skipped; a line that is
 * not an http(s) URL is refused with the file and line named, before anything is sent.
 */
import { CliError } from '../cli-error.ts';

export function httpUrl(where: string, text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`${where}: expected ${what}, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(`${where}: expected ${what} (http or https), got ${JSON.stringify(text)}`);
  return url;
}

/** The most URLs one scan takes: each is scanned in turn, within its own deadline. */
export const MAX_URLS = 100;

export function urlList(text: string, file: string): URL[] {
  const urls: URL[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    // A URL parser would percent-encode the space and keep going: "URL # remark" is refused, not fetched as a path.
    if (/\s/.test(line))
      throw new CliError(
        `--urls ${file}:${index + 1}: expected one URL, got ${JSON.stringify(line)} (a comment is a line of ` +
          `its own, starting with #)`,
      );
    urls.push(
      httpUrl(`--urls ${file}:${index + 1}`, line, 'an http or https URL such as https://api.example.com/items'),
    );
  }
  if (urls.length === 0) throw new CliError(`--urls ${file}: no URL in it (one URL per line, # starts a comment)`);
  if (urls.length > MAX_URLS)
    throw new CliError(`--urls ${file}: ${urls.length} URLs, more than the ${MAX_URLS} one scan takes`);
  return urls;
}

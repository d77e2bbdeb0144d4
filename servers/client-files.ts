/**
 * The playground's built files (dist/client) on the app origin, as a class
 * of 60 on one Wi-Fi needs them:
 * - compressed: brotli or gzip, as the request's Accept-Encoding prefers,
 *   from the `.br` and `.gz` the build writes beside each file
 *   (scripts/precompress.ts); identity when neither is accepted or written.
 *   `Vary: Accept-Encoding` keeps caches from mixing them up.
 *   https://www.rfc-editor.org/rfc/rfc9110#name-accept-encoding
 * - cached: `assets/` names carry a hash of their content (Vite), so they
 *   are cached for a year, immutable; the HTML is revalidated every time
 *   (`no-cache`) and answers an unchanged copy with 304 by its ETag.
 *   https://www.rfc-editor.org/rfc/rfc9111#name-cache-control
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** The codings the server can send, best first (brotli is smaller for JavaScript). */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip'];
const SUFFIX: Record<Exclude<ContentCoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The coding to send for an Accept-Encoding value: the best one the client gives a q above 0,
 * naming it or through `*`; identity when none (and when the header is absent).
 */
export function chooseCoding(acceptEncoding: string | undefined, available: ReadonlySet<ContentCoding>): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: ContentCoding): number => weights.get(coding) ?? weights.get('*') ?? 0;
  const accepted = PREFERENCE.filter((c) => available.has(c) && weightOf(c) > 0);
  return accepted.sort((a, b) => weightOf(b) - weightOf(a))[0] ?? 'identity';
}

interface Representation {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

interface ClientFile {
  mtimeMs: number;
  type: string;
  cacheControl: string;
  versions: Map<ContentCoding, Representation>;
}

export interface RequestHeaders {
  acceptEncoding?: string | undefined;
  ifNoneMatch?: string | undefined;
}

export interface ClientReply {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/** Serves one built client folder; files are read once and again only when they change on disk. */
export class ClientFiles {
  readonly #root: string;
  readonly #files = new Map<string, ClientFile>();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  /** The reply for a GET or HEAD of `pathname`, or null when no built file has that name. */
  async reply(pathname: string, headers: RequestHeaders): Promise<ClientReply | null> {
    const path = this.#pathOf(pathname);
    if (path === null) return null;
    const file = await this.#load(path);
    if (!file) return null;
    const coding = chooseCoding(headers.acceptEncoding, new Set(file.versions.keys()));
    const version = file.versions.get(coding) as Representation;
    const common: Record<string, string> = {
      'Cache-Control': file.cacheControl,
      ETag: version.etag,
      Vary: 'Accept-Encoding',
    };
    if (matches(headers.ifNoneMatch, version.etag)) return { status: 304, headers: common, body: null };
    return {
      status: 200,
      headers: {
        ...common,
        'Content-Type': file.type,
        'Content-Length': String(version.body.byteLength),
        ...(coding === 'identity' ? {} : { 'Content-Encoding': coding }),
      },
      body: version.body,
    };
  }

  /** The file a URL path names inside the root, or null for anything that could leave it. */
  #pathOf(pathname: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.split('/').includes('..')) return null;
    const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    if (relativePath.endsWith('.br') || relativePath.endsWith('.gz')) return null;
    const path = resolve(join(this.#root, relativePath));
    return path.startsWith(this.#root + sep) ? path : null;
  }

  async #load(path: string): Promise<ClientFile | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const known = this.#files.get(path);
    if (known && known.mtimeMs === info.mtimeMs) return known;
    const identity = await readFile(path);
    const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
    const versions = new Map<ContentCoding, Representation>([['identity', { body: identity, etag: `"${tag}"` }]]);
    for (const coding of PREFERENCE) {
      const compressed = await readCompressed(path, SUFFIX[coding as Exclude<ContentCoding, 'identity'>], info.mtimeMs);
      if (compressed) versions.set(coding, { body: compressed, etag: `"${tag}-${coding}"` });
    }
    const hashed = path.startsWith(join(this.#root, 'assets') + sep);
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    const file: ClientFile = { mtimeMs: info.mtimeMs, type, cacheControl: hashed ? IMMUTABLE : REVALIDATE, versions };
    this.#files.set(path, file);
    return file;
  }
}

/** A precompressed copy, unless it is older than the file (a stale one from an earlier build). */
async function readCompressed(path: string, suffix: string, mtimeMs: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const info = await stat(path + suffix).catch(() => null);
  if (!info?.isFile() || info.mtimeMs < mtimeMs) return null;
  return readFile(path + suffix);
}

/** If-None-Match: `*` or a list of entity tags; weak ones compare weakly, as RFC 9110 asks for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

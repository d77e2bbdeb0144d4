/**
 * The verdict and fix for `--origin null`, a page with an opaque origin (a sandboxed iframe; data: URLs and
 * file: pages send the same). Only `Access-Control-Allow-Origin: null` or `*` can let such a page read an
 * answer, and `null` lets every such page in: any site can make one with `<iframe sandbox="allow-scripts">`.
 * https://fetch.spec.whatwg.org/#serializing-a-request-origin
 * https://portswigger.net/web-security/cors#whitelisted-null-origin-value
 */
import type { Explanation } from '../experiments/model/explain.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import type { ProbeRequest } from './probe-options.ts';

const allowOriginOf = (response: WireResponse | null): string | null =>
  response?.headers.find(([name]) => name.toLowerCase() === 'access-control-allow-origin')?.[1] ?? null;

export function explainNullOrigin(
  explanation: Explanation,
  request: ProbeRequest,
  response: WireResponse | null,
): Explanation {
  const credentials = request.credentials === 'include';
  if (allowOriginOf(response)?.trim() === 'null') {
    const what = credentials ? "the answer, with the user's cookies," : 'the answer';
    return {
      ...explanation,
      verdict:
        `${explanation.verdict} Unsafe: the API allows Origin: null, which every sandboxed iframe, data: URL and ` +
        `file: page sends, so any site can read ${what} from a sandboxed iframe of its own.`,
      fix:
        'answer: stop sending Access-Control-Allow-Origin: null; allow your real origins by name ' +
        '(the request\'s Origin, only when it is on your allow-list)',
    };
  }
  if (explanation.fix === null) return explanation;
  const star = credentials ? '' : ', or answer Access-Control-Allow-Origin: * for public data without credentials';
  return {
    ...explanation,
    fix:
      'a page with an opaque origin (sandboxed iframe, data: URL, file:) is refused, which is safe. To serve it, ' +
      'give the page a real origin (drop the sandbox, or add allow-same-origin to a page you trust) and allow ' +
      `that origin${star}; ` +
      'Access-Control-Allow-Origin: null would let every sandboxed page of any site in',
  };
}

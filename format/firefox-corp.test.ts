import { describe, expect, it } from 'vitest';
import { firefoxCorpLine, isChromiumCorpReason, isFirefoxCorpReason, readFirefoxCorpLine } from './firefox-corp.ts';
import { readFirefoxConsole } from './firefox-reasons.ts';

const URL_AT = 'http://127.0.0.1:5313/__cl/abc-def/0/eyJwIjoiYXBwIn0/';
/** As Firefox 153 ESR printed it in the corp group's run (the port and run id aside). */
const MEASURED =
  'The resource at “http://127.0.0.1:44259/__cl/02a6897d9905681-41bcfe79852c8c4b/0/eyJwIjoiYXBwIn0/” was blocked' +
  ' due to its Cross-Origin-Resource-Policy header (or lack thereof).' +
  ' See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy_(CORP)#';

describe('Firefox\'s CORP line', () => {
  it('reads the line Firefox printed, and the URL it names', () => {
    expect(readFirefoxCorpLine(MEASURED)).toEqual({
      reason: 'CORPBlocked', url: 'http://127.0.0.1:44259/__cl/02a6897d9905681-41bcfe79852c8c4b/0/eyJwIjoiYXBwIn0/',
    });
  });

  it('writes the line it reads', () => {
    expect(readFirefoxCorpLine(firefoxCorpLine(URL_AT))).toEqual({ reason: 'CORPBlocked', url: URL_AT });
    expect(firefoxCorpLine(URL_AT)).toBe(MEASURED.replace(/“.*”/, `“${URL_AT}”`));
  });

  for (const text of [
    '',
    `uncaught exception: ${firefoxCorpLine(URL_AT)}`,
    `Error: ${firefoxCorpLine(URL_AT)}`,
    firefoxCorpLine(''),
    firefoxCorpLine(`${URL_AT}” and “${URL_AT}`),
    firefoxCorpLine(URL_AT).replace('(or lack thereof)', ''),
    `${firefoxCorpLine(URL_AT)} more`,
  ]) {
    it(`reads no CORP line from ${JSON.stringify(text.slice(0, 70))}`, () => {
      expect(readFirefoxCorpLine(text)).toBeNull();
    });
  }

  it('is no CORS line, and a CORS line is no CORP line', () => {
    expect(readFirefoxConsole(MEASURED)).toBeNull();
    const cors = `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${URL_AT}.` +
      ' (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.';
    expect(readFirefoxCorpLine(cors)).toBeNull();
  });

  it('stands for Chromium\'s CORP reasons, and only those', () => {
    for (const reason of ['corp-not-same-origin', 'corp-not-same-site',
      'corp-not-same-origin-after-defaulted-to-same-origin-by-coep']) {
      expect(isChromiumCorpReason(reason), reason).toBe(true);
    }
    for (const reason of ['coep-frame-resource-needs-coep-header', 'MissingAllowOriginHeader', 'net::ERR_ABORTED']) {
      expect(isChromiumCorpReason(reason), reason).toBe(false);
    }
    expect(isFirefoxCorpReason('CORPBlocked')).toBe(true);
    expect(isFirefoxCorpReason('CORSMissingAllowOrigin')).toBe(false);
  });
});

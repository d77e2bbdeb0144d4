import { describe, expect, it } from 'vitest';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { expandShortUrls, shortUrl, splitUrls, urlBreakPoints } from './short-url.ts';

const planned = `http://localhost:5311${plannedPath('abc123', 0, encodePlan({ page: 'app', server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }), '/items/1')}`;

describe('short URLs', () => {
  it('keep origin and path, elide the plan', () => {
    expect(planned.length).toBeGreaterThan(60);
    expect(shortUrl(planned)).toBe('http://localhost:5311/…/items/1');
    expect(shortUrl('http://localhost:5311/plain?x=1')).toBe('http://localhost:5311/plain?x=1');
    expect(shortUrl('not a url')).toBe('not a url');
  });
  it('find the URLs in a console line and put them back in full for a copy', () => {
    const line = `Access to fetch at '${planned}' from origin 'http://localhost:5310' has been blocked by CORS policy`;
    const parts = splitUrls(line);
    expect(parts.map((p) => p.text).join('')).toBe("Access to fetch at 'http://localhost:5311/…/items/1' from origin 'http://localhost:5310' has been blocked by CORS policy");
    expect(parts.filter((p) => p.url).map((p) => p.url)).toEqual([planned, 'http://localhost:5310']);
    expect(expandShortUrls(parts.map((p) => p.text).join(''), [planned])).toBe(line);
  });
  it('break only after separators', () => {
    expect(urlBreakPoints('http://localhost:5311/…/items?a=1&b=2')).toEqual(['http://localhost:5311', '/', '…/', 'items?', 'a=', '1&', 'b=', '2']);
    expect(urlBreakPoints('/a/b')).toEqual(['/', 'a/', 'b']);
  });
});

/** The exploit page: what it sends, and that no value of a finding can break out of its script. */
import { describe, expect, it } from 'vitest';
import { copyableExploit, exploitDocument, type ProvableRequest } from './prove-page.ts';

const request = (overrides: Partial<ProvableRequest> = {}): ProvableRequest => ({
  url: 'https://api.example.com/me',
  method: 'GET',
  headers: {},
  origin: 'https://attacker.example',
  credentials: true,
  ...overrides,
});

describe('the exploit page', () => {
  it('fetches the target with the cookies and shows what it read', () => {
    const html = exploitDocument(request());
    expect(html).toContain('fetch("https://api.example.com/me", {"method":"GET","credentials":"include"})');
    expect(html).toContain("document.getElementById('stolen').textContent = outcome.text");
    expect(exploitDocument(request({ credentials: false }))).toContain('"credentials":"omit"');
    const put = exploitDocument(request({ method: 'PUT', headers: { 'X-Api-Key': 'k' } }));
    expect(put).toContain('"method":"PUT","credentials":"include","headers":{"X-Api-Key":"k"}');
  });

  for (const hostile of ['</script><script>alert(1)</script>', '<!--<script>', '"]);alert(1);//']) {
    it(`keeps ${JSON.stringify(hostile)} inside a string of the script`, () => {
      const url = `https://api.example.com/?q=${hostile}`;
      const html = exploitDocument(request({ url, headers: { 'X-A': hostile } }));
      const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
      expect(script).not.toMatch(/<\/script|<!--|<script/i);
      // The script still parses, and the URL it would fetch is the one given.
      const fetched: unknown[] = [];
      const fakeFetch = (...args: unknown[]) => (fetched.push(...args), new Promise(() => {}));
      new Function('window', 'fetch', 'document', script)({}, fakeFetch, {});
      expect(fetched[0]).toBe(url);
    });
  }

  it('names where to publish the page, and frames it sandboxed for the null origin', () => {
    const lookAlike = 'https://app.example.com.attacker.example';
    const copy = copyableExploit(request(), lookAlike);
    expect(copy.startsWith(`<!-- Publish on ${lookAlike} -->\n<!doctype html>`)).toBe(true);
    const nullRequest = request({ origin: 'null', url: 'https://api.example.com/?a="b"&c' });
    const framed = copyableExploit(nullRequest, 'null');
    expect(framed).toContain('<iframe sandbox="allow-scripts" srcdoc="');
    const srcdoc = /srcdoc="([^"]*)"/.exec(framed)![1]!;
    expect(srcdoc.replace(/&quot;/g, '"').replace(/&amp;/g, '&')).toBe(exploitDocument(nullRequest));
  });
});

/** The planned answer of an element load: the default body per destination, or the plan's bytes. */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { answerPlanned } from './answer.ts';
import { destinationOf } from './element-bodies.ts';
import { DEFAULT_ORIGIN_MAP } from './origins.ts';
import { encodePlan, plannedPath } from './plan-url.ts';

function answer(server: ServerPlan, dest: string | undefined) {
  const target = plannedPath('r1', 0, encodePlan({ page: 'app', server }), '/x');
  const headers = dest === undefined ? {} : { 'sec-fetch-dest': dest };
  const planned = answerPlanned({ method: 'GET', target, headers }, { self: 'api', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
  if (!planned) throw new Error('not planned');
  const type = planned.reply.headers.find(([name]) => name === 'Content-Type')?.[1];
  return { body: planned.reply.body, type };
}

describe('element bodies', () => {
  it('answers an image with a PNG, a script with one that throws, a stylesheet with one rule', () => {
    const image = answer({}, 'image');
    expect(image.type).toBe('image/png');
    expect(image.body.startsWith('\x89PNG\r\n\x1a\n')).toBe(true);
    expect(answer({}, 'script')).toEqual({ type: 'text/javascript', body: 'throw new Error("secret");\n' });
    expect(answer({}, 'style').type).toBe('text/css');
  });

  it('answers fetch() (destination empty or absent) with the lab\'s text, as before', () => {
    expect(answer({}, 'empty').body).toBe('cors-lab: api answered');
    expect(answer({}, undefined).body).toBe('cors-lab: api answered');
  });

  it('sends the plan\'s body and Content-Type instead when it has them, bytes from bodyBase64 as they are', () => {
    expect(answer({ actual: { bodyBase64: 'AP8=' } }, 'image').body).toBe('\x00\xff');
    const planned = answer({ actual: { body: 'x', headers: { 'Content-Type': 'text/plain' } } }, 'style');
    expect(planned).toEqual({ type: 'text/plain', body: 'x' });
    expect(answer({ actual: { status: 204 } }, 'image').body).toBe('');
  });
});

describe('destinationOf: Sec-Fetch-Dest, else the Accept a browser sends where it sends no fetch metadata', () => {
  it('takes Sec-Fetch-Dest when there is one', () => {
    expect(destinationOf({ 'sec-fetch-dest': 'script', accept: 'image/png' })).toBe('script');
  });
  it('an image\'s and a stylesheet\'s Accept name them (an http:// lab reached by a class name)', () => {
    expect(destinationOf({ accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8' })).toBe('image');
    expect(destinationOf({ accept: 'text/css,*/*;q=0.1' })).toBe('style');
  });
  it('fetch, XHR and scripts send */*: no destination, so no default element body', () => {
    expect(destinationOf({ accept: '*/*' })).toBeUndefined();
    expect(destinationOf({})).toBeUndefined();
  });
});

describe('the event stream body (format 1.2 eventsource)', () => {
  const stream = (headers: Record<string, string>) => {
    const target = plannedPath('r1', 0, encodePlan({ page: 'app', server: {} }), '/x');
    const planned = answerPlanned({ method: 'GET', target, headers }, { self: 'api', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
    return planned?.reply;
  };

  it('answers an EventSource\'s request (Accept: text/event-stream, destination empty or none) with one data: event', () => {
    for (const headers of [{ accept: 'text/event-stream', 'sec-fetch-dest': 'empty' }, { accept: 'text/event-stream' }] as Record<string, string>[]) {
      const reply = stream(headers);
      expect(reply?.body).toBe('data: cors-lab: the first event\n\n');
      expect(reply?.headers).toContainEqual(['Content-Type', 'text/event-stream']);
    }
    expect(destinationOf({ accept: 'text/event-stream', 'sec-fetch-dest': 'image' })).toBe('image');
  });
});

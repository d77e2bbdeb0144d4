/** The sequence of an element load (format 1.2) says what the page can tell: its event, and whether it may read. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperiment } from '../../experiments/model/predict.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { predictedSequence } from './from-run.ts';

const sequenceOf = (id: string) => {
  const experiment = catalog.find((e) => e.id === id)!;
  const [step] = predictExperiment(experiment, DEFAULT_ORIGIN_MAP);
  return predictedSequence(experiment, 0, step!);
};

describe('element sequences', () => {
  it('name the element, its attribute and its load, readable or not', () => {
    expect(sequenceOf('canvas-tainted-by-no-cors-image')).toMatchObject({ call: ['img GET partner/'], result: ['load event', 'shown, not readable by the page'] });
    expect(sequenceOf('canvas-clean-with-cors-image')).toMatchObject({ call: ['img GET partner/', 'crossorigin anonymous'], result: ['load event', 'readable by the page'] });
  });

  it('say "error event" for an element that failed, not a fetch() TypeError', () => {
    expect(sequenceOf('resources-img-anonymous-without-allow-origin').result).toEqual(['error event', 'JavaScript is not told why']);
  });

  it('keep fetch()\'s own lines', () => {
    expect(sequenceOf('simple-get-no-acao')).toMatchObject({ call: ['fetch GET api/data'], result: ['TypeError: Failed to fetch', 'JavaScript is not told why'] });
  });
});

describe('frame and popup sequences (format 1.2)', () => {
  it('name the frame, the message and the popup, and say what the page can tell, never a fetch() TypeError', () => {
    expect(sequenceOf('frames-xfo-deny')).toMatchObject({ call: ['<iframe> api/'], result: ['the frame shows an error page', 'JavaScript is not told why'] });
    expect(sequenceOf('frames-xfo-sameorigin-own-origin').result).toEqual(['the frame renders', 'its document readable by the page']);
    expect(sequenceOf('postmessage-target-origin-mismatch')).toMatchObject({
      call: ['<iframe> partner/', 'postMessage, targetOrigin {origin:api}'],
      result: ['the frame renders', 'its document not readable by the page', 'message not taken, no error'],
    });
    expect(sequenceOf('postmessage-popup-noopener')).toMatchObject({ call: ['window.open partner/', 'noopener'], result: ['popup without window.opener', 'its document not readable by the page'] });
  });

  it('open the popup a message goes to via window-open, and say whether it kept its opener and took the message', () => {
    expect(sequenceOf('postmessage-via-popup-target-origin-exact')).toMatchObject({
      call: ['window.open partner/', 'postMessage, targetOrigin {origin:partner}'],
      result: ['popup keeps window.opener', 'its document not readable by the page', 'message taken by the target'],
    });
    const severed = sequenceOf('postmessage-via-popup-coop-same-origin');
    expect(severed.result).toEqual(['popup without window.opener', 'its document not readable by the page', 'message not taken, no error']);
    // It stops where the page posts, not at the popup's answer, and says why in the model's words.
    expect(severed.stop).toMatchObject({ reason: 'message not taken, no error', text: expect.stringMatching(/reports it closed/) });
  });
});

describe('form and beacon sequences (format 1.2)', () => {
  const stepOf = (id: string, index: number) => {
    const experiment = catalog.find((e) => e.id === id)!;
    return predictedSequence(experiment, index, predictExperiment(experiment, DEFAULT_ORIGIN_MAP)[index]!);
  };

  it('name the form, its enctype and the page of its own step, and say the page never sees the answer', () => {
    expect(stepOf('csrf-form-text-plain-json', 1)).toMatchObject({
      page: 'evil', call: ['form POST api/transfer', 'enctype text/plain'], result: ['opaque: the page never sees the answer'],
    });
    expect(stepOf('csrf-form-text-plain-json', 0)).toMatchObject({ page: 'app', call: ['fetch GET api/transfer', 'credentials include'] });
  });

  it('name a beacon with the Content-Type it sends', () => {
    expect(stepOf('beacon-json-blob-wildcard', 0)).toMatchObject({ call: ['sendBeacon POST api/', 'Content-Type application/json'], result: ['opaque: the page never sees the answer'] });
    expect(stepOf('beacon-text-no-preflight', 0).call).toEqual(['sendBeacon POST api/', 'Content-Type text/plain;charset=UTF-8']);
  });
});

describe('socket sequences (format 1.2)', () => {
  it('show the constructor call and the open event of a WebSocket, or its close and who refused it', () => {
    expect(sequenceOf('websocket-origin-accepted')).toMatchObject({ call: ['new WebSocket(ws://api/)'], result: ['open event', 'the page reads the messages'] });
    const refused = sequenceOf('websocket-origin-refused');
    expect(refused.result).toEqual(['close event (1006)', 'JavaScript is not told why']);
    expect(refused.stop?.reason).toBe('refused by the server');
    // The page's own CSP refused it before any handshake: Chromium fires `error`, no close, and no server decided.
    const byPolicy = sequenceOf('csp-connect-src-self-refuses-websocket');
    expect(byPolicy.result).toEqual(['error event', 'JavaScript is not told why']);
    expect(byPolicy.stop?.reason).toBe('refused by the page');
  });

  it('show an EventSource withCredentials, its first event, or an error event with no reason for a stream that is none', () => {
    expect(sequenceOf('eventsource-credentials-exact-origin')).toMatchObject({ call: ['new EventSource(api/)', 'withCredentials'], result: ['message event', 'the page reads the event'] });
    const plain = sequenceOf('eventsource-text-plain');
    expect(plain.result).toEqual(['error event', 'JavaScript is not told why']);
    expect(plain.stop?.reason).toBe('the answer failed the API\'s own check');
    expect(sequenceOf('eventsource-cross-origin-no-allow-origin').stop?.reason).toBe('MissingAllowOriginHeader');
  });
});

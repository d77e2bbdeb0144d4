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

describe('socket sequences (format 1.2)', () => {
  it('show the constructor call and the open event of a WebSocket, or its close and who refused it', () => {
    expect(sequenceOf('websocket-origin-accepted')).toMatchObject({ call: ['new WebSocket(ws://api/)'], result: ['open event', 'the page reads the messages'] });
    const refused = sequenceOf('websocket-origin-refused');
    expect(refused.result).toEqual(['close event (1006)', 'JavaScript is not told why']);
    expect(refused.stop?.reason).toBe('refused by the server');
  });

  it('show an EventSource withCredentials, its first event, or an error event with no reason for a stream that is none', () => {
    expect(sequenceOf('eventsource-credentials-exact-origin')).toMatchObject({ call: ['new EventSource(api/)', 'withCredentials'], result: ['message event', 'the page reads the event'] });
    const plain = sequenceOf('eventsource-text-plain');
    expect(plain.result).toEqual(['error event', 'JavaScript is not told why']);
    expect(plain.stop?.reason).toBe('the answer failed the API\'s own check');
    expect(sequenceOf('eventsource-cross-origin-no-allow-origin').stop?.reason).toBe('MissingAllowOriginHeader');
  });
});

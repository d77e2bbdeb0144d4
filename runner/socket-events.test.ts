/** What the CDP watcher takes from the socket APIs' events (socket-events.ts), as Chromium 156 sends them. */
import { EventEmitter } from 'node:events';
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isSelfCancel, watchSockets } from './socket-events.ts';

describe('socket events', () => {
  it('counts an EventSource cancelling its own load as no block, and nothing else', () => {
    expect(isSelfCancel({ type: 'EventSource', errorText: 'net::ERR_ABORTED', canceled: true })).toBe(true);
    // A CORS failure, a blocked reason, another resource's cancel: real blocks, whose reason the watcher reports.
    expect(isSelfCancel({ type: 'EventSource', errorText: 'net::ERR_FAILED', canceled: false, corsErrorStatus: { corsError: 'MissingAllowOriginHeader' } })).toBe(false);
    expect(isSelfCancel({ type: 'EventSource', errorText: 'net::ERR_ABORTED', canceled: true, blockedReason: 'mixed-content' })).toBe(false);
    expect(isSelfCancel({ type: 'Script', errorText: 'net::ERR_ABORTED', canceled: true })).toBe(false);
  });

  it('claims a WebSocket by its URL and ends it on its handshake answer, its frame error, its close, or a finished load', () => {
    const cdp = new EventEmitter();
    const claimed: Array<[string, string]> = [];
    const ended: string[] = [];
    watchSockets(cdp as unknown as CDPSession, { claim: (id, url) => claimed.push([id, url]), ended: (id) => ended.push(id) });
    cdp.emit('Network.webSocketCreated', { requestId: 'w1', url: 'ws://localhost:1/__cl/run/0/plan/' });
    cdp.emit('Network.webSocketHandshakeResponseReceived', { requestId: 'w1', response: { status: 101 } });
    cdp.emit('Network.webSocketFrameError', { requestId: 'w2', errorMessage: 'Error during WebSocket handshake: Unexpected response code: 403' });
    cdp.emit('Network.webSocketClosed', { requestId: 'w3' });
    cdp.emit('Network.loadingFinished', { requestId: 'r4' });
    expect(claimed).toEqual([['w1', 'ws://localhost:1/__cl/run/0/plan/']]);
    expect(ended).toEqual(['w1', 'w2', 'w3', 'r4']);
  });
});

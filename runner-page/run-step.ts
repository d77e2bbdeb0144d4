/**
 * Runs one request in the page with fetch() or XMLHttpRequest and reports
 * what JavaScript could observe. The reason for a block is never visible
 * here (the page gets "TypeError: Failed to fetch"); the lab reads it from
 * the DevTools Protocol or predicts it with the model.
 */
import type { PageSeen, StepRequest } from './step.ts';
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import { pageFacts, runElement } from './run-element.ts';
import { runForm } from './run-form.ts';
import { runBeacon } from './run-beacon.ts';
import { removeRefusedFrame, runFrame, runPopup, runPopupMessage } from './run-frame.ts';
import { runWebSocket } from './run-socket.ts';
import { runEventSource } from './run-event-source.ts';

function readable(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}

async function runFetch(step: StepRequest): Promise<PageSeen> {
  const headers = new Headers();
  const base = { status: null, responseType: null, readableHeaders: {}, body: null, pageOrigin: self.origin } as const;
  try {
    for (const [name, value] of step.headers) headers.append(name, value);
    // `targetAddressSpace` is Chromium's Local Network Access option, not yet in TypeScript's DOM types.
    const init: RequestInit & { targetAddressSpace?: string } = { method: step.method, headers, body: step.body, mode: step.mode, credentials: step.credentials, redirect: step.redirect };
    if (step.referrerPolicy !== undefined) init.referrerPolicy = step.referrerPolicy as ReferrerPolicy;
    if (step.targetAddressSpace !== undefined) init.targetAddressSpace = step.targetAddressSpace;
    const response = await fetch(step.url, init);
    // The CORS verdict is in once fetch() resolves; a body that never ends must not turn it into "blocked".
    const skipped = async (): Promise<null> => (await response.body?.cancel().catch(() => undefined), null);
    const body = step.skipBody ? await skipped() : await response.text();
    const opaque = response.type === 'opaque' || response.type === 'opaqueredirect';
    return {
      ...base,
      outcome: opaque ? 'opaque' : 'allowed',
      status: response.status,
      responseType: response.type,
      readableHeaders: readable(response.headers),
      body,
      error: null,
    };
  } catch (error) {
    return { ...base, outcome: 'blocked', error: String(error) };
  }
}

function parseHeaderBlock(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.trim().split(/\r\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

function runXhr(step: StepRequest): Promise<PageSeen> {
  return new Promise((resolve) => {
    const base = { responseType: null, pageOrigin: self.origin } as const;
    const xhr = new XMLHttpRequest();
    try {
      xhr.open(step.method, step.url);
      xhr.withCredentials = step.credentials === 'include';
      for (const [name, value] of step.headers) xhr.setRequestHeader(name, value);
    } catch (error) {
      resolve({ ...base, outcome: 'blocked', status: null, readableHeaders: {}, body: null, error: String(error) });
      return;
    }
    xhr.onload = () => resolve({ ...base, outcome: 'allowed', status: xhr.status, readableHeaders: parseHeaderBlock(xhr.getAllResponseHeaders()), body: xhr.responseText, error: null });
    xhr.onerror = () => resolve({ ...base, outcome: 'blocked', status: null, readableHeaders: {}, body: null, error: 'XMLHttpRequest: network error' });
    xhr.send(step.body);
  });
}

export async function runStep(step: StepRequest): Promise<PageSeen> {
  removeRefusedFrame();
  if (step.api === 'img' || step.api === 'script' || step.api === 'stylesheet') return runElement(step);
  if (step.api === 'form') return runForm(step);
  if (step.api === 'beacon') return runBeacon(step);
  if (step.api === 'postMessage' && step.via === 'window-open') return runPopupMessage(step);
  if (step.api === 'iframe' || step.api === 'postMessage') return runFrame(step);
  if (step.api === 'window-open') return runPopup(step);
  if (step.api === 'websocket') return runWebSocket(step);
  if (step.api === 'eventsource') return runEventSource(step);
  const seen = await (step.api === 'xhr' ? runXhr(step) : runFetch(step));
  return { ...seen, embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts() } };
}

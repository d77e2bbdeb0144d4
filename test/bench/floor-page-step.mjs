// One step of the bare floors, in the page (floor.ts says what the floors hold and why): the step's own browser work,
// as plainly as a page does it, resolving when the browser is done with it. Plain JavaScript the three floors inject
// (Playwright's and puppeteer-core's `evaluate`, WebDriver's Execute Async Script): each function here is whole in
// itself, since a driver sends its source text, not its module.
//
// A step (floor-steps.ts, its `url` made by floor-schedule.mjs) may carry what its floor's driver needs:
//   - `closePopups`: the page closes a popup it holds once the popup says it runs (or lost its opener), as the lab's
//     runner page does; the driver then waits until the window is gone. Drivers with a popup event (Playwright)
//     await and close the popup themselves instead.
// A beacon ends on its resource timing entry in all three: the lab's WebKit driver needs WebKit's line for a CORS
// beacon that fails (runner-page/run-beacon.ts), but the floor's answers let every beacon through, and WebKitGTK then
// makes the entry (measured: the 8 beacon steps of the catalog end on it).

/** The step `s` in the page; resolves when the browser is done with it. */
export async function pageStep(s) {
  const settle = (target, events) => new Promise((resolve) => {
    for (const event of events) target.addEventListener(event, () => resolve(event), { once: true });
  });
  // A window's next message, or its close (a popup that lost its opener leaves a closed handle; there is no event).
  const reply = (from) => new Promise((resolve) => {
    const done = () => (removeEventListener('message', listener), clearInterval(closed), resolve());
    const listener = (event) => event.source === from && done();
    addEventListener('message', listener);
    const closed = setInterval(() => from.closed && done(), 25);
  });
  // The page's own Content-Security-Policy may refuse the step before any request: then nothing else will come.
  const refused = settle(document, ['securitypolicyviolation']);
  return Promise.race([refused, run()]);
  async function run() {
    if (s.api === 'fetch') {
      try {
        const init = { method: s.method, headers: s.headers, body: s.body, mode: s.mode, credentials: s.credentials };
        await (await fetch(s.url, init)).text();
      } catch {}
      return;
    }
    if (s.api === 'xhr') {
      const xhr = new XMLHttpRequest();
      try {
        xhr.open(s.method, s.url);
        xhr.withCredentials = s.credentials === 'include';
        for (const [name, value] of s.headers) xhr.setRequestHeader(name, value);
      } catch {
        return;
      }
      const ended = settle(xhr, ['loadend']);
      xhr.send(s.body);
      await ended;
      return;
    }
    if (s.api === 'img' || s.api === 'script' || s.api === 'stylesheet') {
      const element = s.api === 'img' ? new Image() : document.createElement(s.api === 'script' ? 'script' : 'link');
      if (s.api === 'stylesheet') element.rel = 'stylesheet';
      if (s.crossorigin !== undefined) element.crossOrigin = s.crossorigin;
      const loaded = settle(element, ['load', 'error']);
      if (s.api === 'stylesheet') element.href = s.url;
      else element.src = s.url;
      if (s.api !== 'img') document.head.append(element);
      await loaded;
      element.remove();
      return;
    }
    if (s.api === 'iframe' || (s.api === 'postMessage' && s.via === undefined)) {
      const frame = document.createElement('iframe');
      const loaded = settle(frame, ['load']);
      frame.src = s.url;
      document.body.append(frame);
      await loaded;
      if (s.api === 'postMessage' && frame.contentWindow) {
        const taken = reply(frame.contentWindow);
        frame.contentWindow.postMessage('message', '*');
        await Promise.race([taken, settle(frame, ['load'])]);
      }
      frame.remove();
      return;
    }
    if (s.api === 'window-open' || s.api === 'postMessage') {
      // Playwright's floor awaits the popup's load and closes it in Node (the context's `page` event).
      const popup = window.open(s.url, '_blank', s.noopener ? 'noopener' : '');
      if (popup && (s.api === 'postMessage' || s.closePopups)) {
        await reply(popup);
        if (s.api === 'postMessage') {
          const taken = reply(popup);
          popup.postMessage('message', '*');
          await taken;
        }
        if (s.closePopups) popup.close();
      }
      return;
    }
    if (s.api === 'form') {
      const name = `floor-${Math.random()}`;
      const popup = window.open('about:blank', name);
      const form = document.createElement('form');
      const method = s.method.toLowerCase();
      Object.assign(form, { method, action: s.url, target: name, enctype: s.enctype, hidden: true });
      for (const [field, value] of s.fields) {
        form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: field, value }));
      }
      document.body.append(form);
      try {
        form.submit();
      } catch {
        // Refused before sending (Firefox throws when the page's CSP form-action refuses the target).
        form.remove();
        popup?.close();
        return;
      }
      form.remove();
      // Until the answer's document is in the popup (another origin's: its location is no longer readable).
      await new Promise((resolve) => {
        const committed = () => {
          try {
            return popup.closed || (popup.location.href !== 'about:blank' && popup.document.readyState === 'complete');
          } catch {
            return true;
          }
        };
        const poll = setInterval(() => committed() && (clearInterval(poll), resolve()), 20);
      });
      popup?.close();
      return;
    }
    if (s.api === 'beacon') {
      const ended = new Promise((resolve) => {
        const observer = new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.name === s.url)) observer.disconnect(), resolve();
        });
        observer.observe({ type: 'resource' });
      });
      const body = s.contentType === undefined ? (s.body ?? '') : new Blob([s.body ?? ''], { type: s.contentType });
      let queued = false;
      try {
        queued = navigator.sendBeacon(s.url, body);
      } catch {
        // Refused before sending (Firefox throws NS_ERROR_CONTENT_BLOCKED when the page's CSP refuses it).
      }
      if (queued) await ended;
      return;
    }
    if (s.api === 'websocket') {
      let socket;
      try {
        socket = new WebSocket(s.url.replace(/^http/, 'ws'));
      } catch {
        return; // Refused before connecting (a page's CSP may make the constructor throw).
      }
      await settle(socket, ['message', 'close']);
      socket.close();
      return;
    }
    if (s.api === 'eventsource') {
      let source;
      try {
        source = new EventSource(s.url, { withCredentials: s.credentials === 'include' });
      } catch {
        return; // Refused before connecting.
      }
      await settle(source, ['message', 'error']);
      source.close();
    }
  }
}


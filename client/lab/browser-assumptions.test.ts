import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { browserAssumptions } from './browser-assumptions.ts';

describe('browserAssumptions', () => {
  it('says nothing for an experiment on the browser defaults', () => {
    expect(browserAssumptions({ page: 'app' })).toEqual({ notes: [], unverifiable: null });
  });

  it('states the third-party cookie setting a cookie experiment assumes', () => {
    for (const setting of ['blocked', 'allowed'] as const) {
      const { notes, unverifiable } = browserAssumptions({ browser: { thirdPartyCookies: setting } });
      expect(notes).toEqual([expect.stringContaining(`Assumes third-party cookies ${setting}.`)]);
      expect(unverifiable).toBeNull();
    }
  });

  it('marks every public-page experiment of the catalog as one this browser cannot reproduce', () => {
    const lna = catalog.filter((e) => e.page === 'public');
    expect(lna.length).toBeGreaterThan(0);
    for (const e of lna) expect(browserAssumptions(e).unverifiable, e.id).toMatch(/does not apply/);
  });

  it('marks every catalog experiment with page headers as one the framed playground cannot reproduce, and no other', () => {
    const withHeaders = catalog.filter((e) => e.pageHeaders !== undefined);
    expect(withHeaders.length).toBeGreaterThan(0);
    for (const e of withHeaders) expect(browserAssumptions(e).unverifiable, e.id).toMatch(/in a frame/);
    for (const e of catalog.filter((c) => c.group === 'resources')) expect(browserAssumptions(e).unverifiable, e.id).toBeNull();
    expect(browserAssumptions(withHeaders[0]!, 'zh-CN').unverifiable).toMatch(/框架/);
  });

  it('says that a form submits into a popup a popup blocker may stop, for every experiment with a form step and no other', () => {
    const forms = catalog.filter((e) => [e.request, ...(e.then ?? []).map((s) => s.request)].some((r) => r?.api === 'form'));
    expect(forms.length).toBeGreaterThan(5);
    for (const e of forms) expect(browserAssumptions(e).notes, e.id).toContainEqual(expect.stringContaining('popup'));
    for (const e of catalog.filter((c) => c.group === 'beacon')) expect(browserAssumptions(e).notes, e.id).toEqual([]);
    expect(browserAssumptions(forms[0]!, 'zh-CN').notes.join('')).toMatch(/弹出窗口/);
  });

  it('states the Local Network Access permission an experiment assumes', () => {
    expect(browserAssumptions({ page: 'public', browser: { localNetworkAccess: 'granted' } }).notes).toEqual([expect.stringContaining('permission granted')]);
  });
});

import { describe, expect, it } from 'vitest';
import { catalog } from './index.ts';
import { explainIn, stepTitleIn, titleIn } from './prose-in.ts';
import './zh-CN/register.ts';

const first = catalog.find((e) => e.explain !== undefined)!;

describe('catalog prose in the learner language', () => {
  it('English is the catalog text itself', () => {
    expect(titleIn(first, 'en')).toBe(first.title);
    expect(explainIn(first.explain!, 'en')).toBe(first.explain);
  });
  it('Chinese replaces the catalog title and explain, and only those', () => {
    expect(titleIn(first, 'zh-CN')).toMatch(/\p{Script=Han}/u);
    expect(explainIn(first.explain!, 'zh-CN')).toMatch(/\p{Script=Han}/u);
    expect(titleIn({ id: first.id, title: 'my own title' }, 'zh-CN')).toBe('my own title');
    expect(titleIn({ id: 'custom-new', title: 'New experiment' }, 'zh-CN')).toBe('New experiment');
    expect(explainIn('my own words', 'zh-CN')).toBe('my own words');
  });
  it('step titles: catalog ones translated, a user title (even "constructor") kept', () => {
    expect(stepTitleIn('same request again', 'zh-CN')).toBe('再发一次同样的请求');
    expect(stepTitleIn('constructor', 'zh-CN')).toBe('constructor');
    expect(stepTitleIn('same request again', 'en')).toBe('same request again');
  });
});

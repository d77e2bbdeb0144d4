import { describe, expect, it } from 'vitest';
import { catalog } from './index.ts';
import { stepTitleIn, titleIn } from './prose-in.ts';
import './zh-CN/register.ts';

const first = catalog[0]!;

describe('catalog prose in the learner language', () => {
  it('English is the catalog text itself', () => {
    expect(titleIn(first, 'en')).toBe(first.title);
  });
  it('Chinese replaces the catalog title, and only that', () => {
    expect(titleIn(first, 'zh-CN')).toMatch(/\p{Script=Han}/u);
    expect(titleIn({ id: first.id, title: 'my own title' }, 'zh-CN')).toBe('my own title');
    expect(titleIn({ id: 'custom-new', title: 'New experiment' }, 'zh-CN')).toBe('New experiment');
  });
  it('step titles: catalog ones translated, a user title (even "constructor") kept', () => {
    expect(stepTitleIn('same request again', 'zh-CN')).toBe('再发一次同样的请求');
    expect(stepTitleIn('constructor', 'zh-CN')).toBe('constructor');
    expect(stepTitleIn('same request again', 'en')).toBe('same request again');
  });
});

/** The group a playground page opens on: its link's experiment's, else the first experiment's. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { toBase64Url } from '../../plan/plan-url.ts';
import { experimentHash, MAX_LINK_CHARACTERS } from './experiment-link.ts';
import { openingGroupOf } from './opening-group.ts';

const first = catalog[0]!;
const later = catalog.at(-1)!;
/** A later group's experiment, padded past the longest link the page reads. */
const tooLong = { ...later, pad: '-'.repeat(MAX_LINK_CHARACTERS) };

describe('the catalog group a page opens on', () => {
  it("is the linked experiment's, by the id the link gives, else the first experiment's", () => {
    expect(later.group).not.toBe(first.group);
    expect(openingGroupOf(experimentHash(later))).toBe(later.group);
    expect(openingGroupOf(experimentHash({ ...later, title: 'Edited' }))).toBe(later.group);
    expect(openingGroupOf('')).toBe(first.group);
  });

  for (const [what, hash] of [
    ['an id the catalog does not have', experimentHash({ ...later, id: 'mine' })],
    ['an unreadable link', '#x=%%%'],
    ['a link that is no JSON object', `#x=${toBase64Url('"just text"')}`],
    ['an id that is no string', `#x=${toBase64Url(JSON.stringify({ id: 7 }))}`],
    ['a link over the longest a link may be', `#x=${toBase64Url(JSON.stringify(tooLong))}`],
  ] as const) {
    it(`is the first experiment's for ${what}`, () => {
      expect(openingGroupOf(hash)).toBe(first.group);
    });
  }
});

/** The group a playground page downloads first: its link's catalog experiment's, else none. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { toBase64Url } from '../../plan/plan-url.ts';
import { experimentHash, MAX_LINK_CHARACTERS } from './experiment-link.ts';
import { linkedCatalogGroup } from './opening-group.ts';

const first = catalog[0]!;
const later = catalog.at(-1)!;
/** A later group's experiment, padded past the longest link the page reads. */
const tooLong = { ...later, pad: '-'.repeat(MAX_LINK_CHARACTERS) };

describe('the catalog group a page opens on', () => {
  it("is the linked catalog experiment's, by the id the link gives; none without a link", () => {
    expect(later.group).not.toBe(first.group);
    expect(linkedCatalogGroup(experimentHash(later))).toBe(later.group);
    expect(linkedCatalogGroup(experimentHash({ ...later, title: 'Edited' }))).toBe(later.group);
    expect(linkedCatalogGroup(experimentHash(first))).toBe(first.group);
    expect(linkedCatalogGroup('')).toBeUndefined();
  });

  for (const [what, hash] of [
    ['an id the catalog does not have', experimentHash({ ...later, id: 'mine' })],
    ['an id that names a prototype property', experimentHash({ ...later, id: '__proto__' })],
    ['an id that names an inherited method', experimentHash({ ...later, id: 'toString' })],
    ['an unreadable link', '#x=%%%'],
    ['a link that is no JSON object', `#x=${toBase64Url('"just text"')}`],
    ['an id that is no string', `#x=${toBase64Url(JSON.stringify({ id: 7 }))}`],
    ['a link over the longest a link may be', `#x=${toBase64Url(JSON.stringify(tooLong))}`],
  ] as const) {
    it(`is none for ${what}`, () => {
      expect(linkedCatalogGroup(hash)).toBeUndefined();
    });
  }
});

/**
 * Lessons as the page receives them: prose rendered at build time with the page's sanitiser
 * settings, so hostile Markdown in a lesson (or a note) never reaches the page as markup.
 */
import { describe, expect, it } from 'vitest';
import { EN, EN_WORDS, file, front, lineOf } from './fixture-lesson.ts';
import { LessonError, parseLesson } from './load.ts';
import { renderLesson } from './render-lesson.ts';

function lessonOf(body: string, notes: string[] = ['Say what a preflight is.']) {
  const parsed = parseLesson(EN, file({ front: front({ speakerNotes: notes }), body: `${body}\n\n${EN_WORDS}` }));
  if (!parsed.lesson) throw new Error(parsed.problems.join('\n'));
  return parsed.lesson;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<a href="#" onclick="alert(1)">x</a>',
  '<iframe src="https://attacker.example"></iframe>',
];

describe('a lesson rendered for the page', () => {
  for (const hostile of HOSTILE) {
    it(`keeps no script or handler from ${JSON.stringify(hostile)}, in the narrative or a note`, () => {
      const shown = renderLesson(lessonOf(`# Title\n\nBefore ${hostile} after.`, [`Note ${hostile}`]));
      for (const html of [...shown.narrativeHtml, ...shown.speakerNotesHtml]) {
        expect(html).not.toMatch(/<script|<img|<iframe|onerror|onclick|javascript:/i);
      }
      expect(shown.narrativeHtml.join('')).toContain('Before');
    });
  }

  it('leaves out the leading title, takes ## one level down, and keeps a slot per claim', () => {
    const shown = renderLesson(lessonOf('# Title\n\n## Part\n\nA PUT is preflighted {{see preflight-put-allowed: allowed}}.'));
    expect(shown.narrativeHtml).toHaveLength(1);
    expect(shown.narrativeHtml[0]).toMatch(/^<h3>Part<\/h3>\n<p>A PUT is preflighted CORSLABCLAIM0SLOT\.<\/p>/);
    expect(shown.claims.map((c) => c.experiment)).toEqual(['preflight-put-allowed']);
    expect(shown).not.toHaveProperty('narrative');
  });

  it('splits the narrative where {{origins}} stands on its own line', () => {
    expect(renderLesson(lessonOf('Before.\n\n{{origins}}\n\nAfter.')).narrativeHtml).toEqual(['<p>Before.</p>\n', expect.stringMatching(/^<p>After\.<\/p>/)]);
  });

  it('refuses a narrative holding the text that stands for a claim, naming the file', () => {
    expect(() => renderLesson(lessonOf('Text CORSLABCLAIM0SLOT.'))).toThrow(LessonError);
    const text = file({ front: front(), body: `Intro.\n\nText CORSLABCLAIM0SLOT.\n\n${EN_WORDS}` });
    expect(() => renderLesson(lessonOf('Intro.\n\nText CORSLABCLAIM0SLOT.'))).toThrow(`${EN}:${lineOf(text, 'Text CORSLABCLAIM0SLOT')}: narrative: text like`);
  });
});

/**
 * Words that give a result away. A lesson shows each experiment under a
 * question that names the setup only ("A PUT whose preflight gets a 500
 * without CORS headers"), so the learner predicts before anything tells
 * them the answer; load.ts refuses a question that holds one of these.
 */
import type { LessonLanguage } from './schema.ts';

export const OUTCOME_WORDS: Record<LessonLanguage, readonly string[]> = {
  en: [
    'allowed', 'allows', 'blocked', 'blocks', 'readable', 'unreadable', 'fail', 'fails', 'failed',
    'stop', 'stops', 'stopped', 'succeed', 'succeeds', 'succeeded', 'works', 'breaks', 'refused',
    'refuses', 'rejected', 'denied', 'passes', 'passed', 'ignored', 'enough', 'match', 'matches',
    'opaque', 'dropped', 'skips', 'cached', 'covers', 'cover', 'lets', 'dangerous',
  ],
  'zh-CN': [
    '放行', '拦截', '阻止', '允许', '失败', '成功', '止步', '不匹配', '匹配', '可读', '读不到',
    '无法读取', '能读', '通过', '拒绝', '忽略', '没问题', '不透明', '危险', '命中', '丢弃',
  ],
};

/** The outcome words in `question`; header names (`Access-Control-Allow-Origin`) are names, not words. */
export function outcomeWordsIn(question: string, lang: LessonLanguage): string[] {
  const prose = question.replace(/\b[A-Za-z]+(?:-[A-Za-z]+)+\b/g, ' ');
  if (lang === 'en') {
    const words = new Set(prose.toLowerCase().split(/[^a-z]+/));
    return OUTCOME_WORDS.en.filter((w) => words.has(w));
  }
  return OUTCOME_WORDS[lang].filter((w) => prose.includes(w));
}

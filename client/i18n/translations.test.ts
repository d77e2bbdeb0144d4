/**
 * Every message the playground shows exists in Simplified Chinese. The client's
 * sources are parsed with the TypeScript compiler API (TypeScript 7's
 * `typescript/unstable/sync`), every `msg()` call is collected with its id,
 * and the zh-CN table (client/i18n/zh-CN/index.ts) must hold each id exactly
 * once, with the same kind of message (plain, `str`, `html`) and the same
 * placeholders, and nothing the client no longer uses.
 * https://lit.dev/docs/localization/runtime-mode/
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from 'typescript/unstable/sync';
import type { Expression, Node, SourceFile } from 'typescript/unstable/ast';
import {
  isCallExpression,
  isIdentifier,
  isNoSubstitutionTemplateLiteral,
  isObjectLiteralExpression,
  isPropertyAssignment,
  isStringLiteral,
  isTaggedTemplateExpression,
  isTemplateExpression,
} from 'typescript/unstable/ast/is';
import { templates } from './zh-CN/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT = join(ROOT, 'client');

type Kind = 'string' | 'str' | 'html';

/** One `msg()` call in the client. */
interface MessageUse {
  id: string;
  kind: Kind;
  /** How many `${…}` the source message has. */
  placeholders: number;
  /** The English text, placeholders as `${…}`: two uses of one id must say the same. */
  source: string;
  /** `client/elements/x.ts:12` */
  where: string;
}

/** Translations the English source is right for in Chinese too (code words, punctuation-free names). */
const SAME_IN_BOTH = new Set(['catalog.group.no-cors', 'catalog.group.xhr', 'catalog.group.hono-cors', 'catalog.group.express-cors', 'origins.role.api']);

function clientSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return clientSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The message argument: its kind, placeholder count and text, or why it is not one `msg()` accepts with an id. */
function messageOf(arg: Expression | undefined): { kind: Kind; placeholders: number; source: string } | string {
  if (!arg) return 'msg() without a message';
  if (isStringLiteral(arg) || isNoSubstitutionTemplateLiteral(arg)) return { kind: 'string', placeholders: 0, source: arg.text };
  if (isTaggedTemplateExpression(arg) && isIdentifier(arg.tag) && (arg.tag.text === 'str' || arg.tag.text === 'html')) {
    const kind = arg.tag.text;
    const t = arg.template;
    if (isNoSubstitutionTemplateLiteral(t)) return { kind, placeholders: 0, source: t.text };
    if (isTemplateExpression(t)) return { kind, placeholders: t.templateSpans.length, source: t.head.text + t.templateSpans.map((s) => '${…}' + s.literal.text).join('') };
  }
  if (isTemplateExpression(arg)) return 'an untagged template with ${…}: write str`…` or html`…` so the translation can place the values';
  return 'the message must be a string literal, str`…` or html`…` (a variable cannot be extracted or checked)';
}

/** Every msg() call of one source file, and the calls that break the rules. */
function collect(file: SourceFile, path: string): { uses: MessageUse[]; problems: string[] } {
  const uses: MessageUse[] = [];
  const problems: string[] = [];
  const rel = relative(ROOT, path);
  const visit = (node: Node): void => {
    if (isCallExpression(node) && isIdentifier(node.expression) && node.expression.text === 'msg') {
      const where = `${rel}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
      const message = messageOf(node.arguments[0]);
      const options = node.arguments[1];
      const idProperty = options && isObjectLiteralExpression(options) ? options.properties.find((p) => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'id') : undefined;
      const idValue = idProperty && isPropertyAssignment(idProperty) ? idProperty.initializer : undefined;
      if (typeof message === 'string') problems.push(`${where}: ${message}`);
      else if (!idValue || !(isStringLiteral(idValue) || isNoSubstitutionTemplateLiteral(idValue))) problems.push(`${where}: msg() without an explicit literal id ({ id: 'area.name' })`);
      else uses.push({ id: idValue.text, ...message, where });
    }
    node.forEachChild(visit);
  };
  visit(file);
  return { uses, problems };
}

/** What a zh-CN entry is: its kind and the source indices its placeholders name. */
function translationShape(value: unknown): { kind: Kind; indices: number[] } | null {
  if (typeof value === 'string') return { kind: 'string', indices: [] };
  if (typeof value !== 'object' || value === null || !('values' in value) || !Array.isArray(value.values)) return null;
  const indices = value.values.filter((v): v is number => typeof v === 'number');
  if (indices.length !== value.values.length) return null;
  if ('strTag' in value) return { kind: 'str', indices };
  if ('_$litType$' in value) return { kind: 'html', indices };
  return null;
}

/** Han characters: a translation that has none is still English (or empty). */
const HAN = /\p{Script=Han}/u;

/** Everything wrong between the client's messages and a translation table, one line each. */
function translationProblems(uses: readonly MessageUse[], table: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const byId = new Map<string, MessageUse>();
  for (const use of uses) {
    const first = byId.get(use.id);
    if (!first) byId.set(use.id, use);
    else if (first.source !== use.source || first.kind !== use.kind) problems.push(`${use.where}: id ${use.id} also names a different message at ${first.where}`);
  }
  for (const [id, use] of byId) {
    if (!Object.hasOwn(table, id)) {
      problems.push(`${use.where}: no zh-CN translation for ${id} ("${use.source}")`);
      continue;
    }
    const shape = translationShape(table[id]);
    const expected = Array.from({ length: use.placeholders }, (_, i) => i);
    if (!shape) problems.push(`zh-CN ${id}: not a string, str\`…\` or html\`…\` with \${index} placeholders`);
    else if (shape.kind !== use.kind) problems.push(`zh-CN ${id}: is ${shape.kind}, the source (${use.where}) is ${use.kind}`);
    else if (JSON.stringify([...shape.indices].sort((a, b) => a - b)) !== JSON.stringify(expected)) {
      problems.push(`zh-CN ${id}: placeholders ${JSON.stringify(shape.indices)}, the source (${use.where}) has ${use.placeholders} (each of ${JSON.stringify(expected)} once)`);
    }
    const text = typeof table[id] === 'string' ? table[id] : JSON.stringify(table[id]);
    if (!SAME_IN_BOTH.has(id) && !HAN.test(String(text)) && /[A-Za-z]/.test(use.source)) problems.push(`zh-CN ${id}: no Chinese in "${String(text)}"`);
  }
  for (const id of Object.keys(table)) if (!byId.has(id)) problems.push(`zh-CN ${id}: not used by any msg() in the client`);
  return problems;
}

describe('zh-CN translations of the client', () => {
  let api: API;
  let uses: MessageUse[] = [];
  let callProblems: string[] = [];

  beforeAll(() => {
    api = new API({ cwd: ROOT });
    const snapshot = api.updateSnapshot({ openProjects: [join(ROOT, 'tsconfig.json')] });
    const program = snapshot.getProjects()[0]?.program;
    if (!program) throw new Error('tsconfig.json: TypeScript opened no project');
    for (const path of clientSources(CLIENT)) {
      const file = program.getSourceFile(path);
      if (!file) throw new Error(`${relative(ROOT, path)}: not in the TypeScript project (tsconfig.json include)`);
      const found = collect(file, path);
      uses.push(...found.uses);
      callProblems.push(...found.problems);
    }
  }, 60_000);
  afterAll(() => api?.close());

  it('finds the messages (the parser works on these sources)', () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.map((u) => u.id)).toContain('app.run');
  });

  it('every msg() has an explicit id and a message the table can be checked against', () => {
    expect(callProblems).toEqual([]);
  });

  it('every message has a zh-CN translation with the same placeholders, and every translation is used', () => {
    expect(translationProblems(uses, templates)).toEqual([]);
  });
});

describe('translationProblems', () => {
  const use = (id: string, kind: Kind, placeholders: number, source = 'Ran ${…} experiments'): MessageUse => ({ id, kind, placeholders, source, where: 'x.ts:1' });
  const strOf = (strings: string[], values: number[]) => ({ strTag: true, strings, values });

  it('accepts a complete table', () => {
    expect(translationProblems([use('a.plain', 'string', 0, 'Run'), use('a.count', 'str', 1)], { 'a.plain': '运行', 'a.count': strOf(['已运行 ', ' 个实验'], [0]) })).toEqual([]);
  });
  it('names a missing translation, an unused one, and English left in', () => {
    expect(translationProblems([use('a.gone', 'string', 0, 'Run')], { 'a.extra': '多余' })).toEqual(['x.ts:1: no zh-CN translation for a.gone ("Run")', 'zh-CN a.extra: not used by any msg() in the client']);
    expect(translationProblems([use('a.plain', 'string', 0, 'Run')], { 'a.plain': 'Run' })).toEqual(['zh-CN a.plain: no Chinese in "Run"']);
  });
  it('names placeholders that do not match, and a kind that differs', () => {
    expect(translationProblems([use('a.count', 'str', 2)], { 'a.count': strOf(['已运行 ', ' 个'], [0]) })[0]).toMatch(/^zh-CN a.count: placeholders \[0\], the source \(x.ts:1\) has 2/);
    expect(translationProblems([use('a.count', 'str', 1)], { 'a.count': '已运行' })).toEqual(['zh-CN a.count: is string, the source (x.ts:1) is str']);
  });
  it('names one id used for two different messages', () => {
    expect(translationProblems([use('a.x', 'string', 0, 'One'), { ...use('a.x', 'string', 0, 'Two'), where: 'y.ts:2' }], { 'a.x': '一' })).toEqual(['y.ts:2: id a.x also names a different message at x.ts:1']);
  });
});

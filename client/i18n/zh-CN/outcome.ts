/** zh-CN outcome words with their icons (client/elements/theme.ts). */
export const outcome = {
  'outcome.allowed': '✔ 放行',
  'outcome.blocked': '✖ 拦截',
  'outcome.opaque': '◌ 不透明',
} as const;

/** The module lessons/index-plugin.ts builds (Vite and Vitest both run the plugin). */
declare module 'virtual:cors-lab/lesson-index' {
  const index: import('./lesson-index.ts').LessonIndex;
  export default index;
}

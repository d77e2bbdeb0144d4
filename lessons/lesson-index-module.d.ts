/** The module lessons/index-plugin.ts builds (Vite and Vitest both run the plugin). */
declare module 'virtual:cors-lab/lesson-index' {
  const index: import('./lesson-index.ts').LessonIndex;
  export default index;
}
/** One loader per lesson file, by `<lang>/NN-slug` (index-plugin.ts). */
declare module 'virtual:cors-lab/lesson-loaders' {
  const loaders: Readonly<Record<string, () => Promise<{ default: import('./shown-lesson.ts').ShownLesson }>>>;
  export default loaders;
}

/**
 * The layers, checked (`npm run layering`, part of `npm test`): the plan's
 * pure core (plan/) sits below the model, the client and the servers; the
 * servers are the sockets and start-up that only the CLI, the API and the
 * runner start. Tests may start a lab anywhere, so the rules read sources only
 * (tests, test/ and the built outputs are left out).
 * https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
 */
/**
 * Folder cycles allowed by name; a cycle through any other folder fails (its edge out of that folder
 * is flagged): client/elements and client/presenter render each other (a cycle of code, to untangle).
 * The format (format/) sits below plan/ and the model and the catalog (experiments/) above it: no cycle.
 */
const KNOWN_FOLDER_CYCLES = [
  'client/elements', 'client/presenter',
].map((folder) => `^${folder}$`).join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'model-not-servers',
      comment: 'The model and the catalog (experiments/) predict with the answer code of plan/, never with the '
        + 'servers that run it.',
      severity: 'error',
      from: { path: '^experiments/' },
      to: { path: '^servers/' },
    },
    {
      name: 'plan-below',
      comment: 'plan/ is below the servers, the model, the client and the runners: they import it, not the reverse.',
      severity: 'error',
      from: { path: '^plan/' },
      to: { path: '^(servers|experiments|client|runner|runner-page|engines|probe|api|cli|lessons)/' },
    },
    {
      name: 'format-below-plan',
      comment: 'The experiment format (format/: origin names, schema, headers, problems) is below plan/ and the '
        + 'model: they read it, never the reverse.',
      severity: 'error',
      from: { path: '^format/' },
      to: { path: '^(plan|servers|client|runner|runner-page|engines|probe|api|cli|lessons|experiments)/' },
    },
    {
      name: 'client-not-servers',
      comment: 'The client reaches the origins over HTTP; what it shares with them lives in plan/.',
      severity: 'error',
      from: { path: '^(client|runner-page)/' },
      to: { path: '^servers/' },
    },
    {
      name: 'runner-not-client',
      comment: 'The headless runner and the engines share only the page-side runner\'s step types (runner-page/).',
      severity: 'error',
      from: { path: '^(runner|engines)/' },
      to: { path: '^client/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'A folder that imports a folder importing it back has no place in the layers.',
      severity: 'error',
      scope: 'folder',
      from: { pathNot: KNOWN_FOLDER_CYCLES },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(node_modules|dist|lib|test|examples|docs|bin)/', '\\.(test|spec)\\.ts$'] },
    parser: 'swc',
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};

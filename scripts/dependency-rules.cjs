/**
 * The layer rules, checked by dependency-cruiser in `npm test` (npm run check:deps).
 * Kernel code (shared/kernel, electron/db, renderer/src/lib, renderer/src/components)
 * knows no feature; a feature reaches another only through its index.ts; the
 * registries (electron/app.ts, electron/cli/index.ts, electron/jobs/tasks.ts,
 * electron/db/schema.ts, shared/contract/index.ts, shared/i18n/index.ts,
 * renderer/src/app/) are the only places that list the features.
 */
const SIDES = '(shared|electron|renderer/src)';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs on both sides and in tests: no Electron, no renderer, no main-process code.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ never imports node:* (it also runs in the sandboxed renderer).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-main',
      comment: 'The renderer reaches main only through window.api.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'features-not-electron',
      comment: 'Only electron/main and electron/preload touch Electron; features get the platform injected.',
      severity: 'error',
      from: { path: '^(shared|renderer|electron/(features|db|jobs|cli))/' },
      to: { path: '^electron$', dependencyTypes: ['npm', 'npm-dev', 'npm-no-pkg', 'npm-unknown', 'core', 'unknown', 'undetermined'] },
    },
    {
      name: 'feature-through-index',
      comment: 'A feature uses another feature only through that feature\'s index.ts.',
      severity: 'error',
      from: { path: `^${SIDES}/features/([^/]+)/`, pathNot: '^electron/features/[^/]+/schema\\.ts$' },
      to: { path: '^(shared|electron|renderer/src)/features/[^/]+/', pathNot: ['^$1/features/$2/', '^(shared|electron|renderer/src)/features/[^/]+/index\\.ts$', '^shared/features/$2/'] },
    },
    {
      name: 'schema-through-schema',
      comment: 'A table may reference another feature\'s table (a foreign key): through that feature\'s schema.ts, nothing else.',
      severity: 'error',
      from: { path: '^electron/features/([^/]+)/schema\\.ts$' },
      to: { path: '^electron/features/[^/]+/', pathNot: ['^electron/features/$1/', '^electron/features/[^/]+/schema\\.ts$'] },
    },
    {
      name: 'kernel-knows-no-feature',
      comment: 'The kernel serves every feature, so it cannot depend on one.',
      severity: 'error',
      from: { path: '^(shared/kernel|shared/contract/(define|result|events)\\.ts|renderer/src/(lib|components)|electron/(db/(connection|migrate|open-checks|backups|crud|records|settings-store|transaction|sqlite-errors)|errors|platform|router|handler-types)\\.?)' },
      to: { path: '^(shared|electron|renderer/src)/features/' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles anywhere (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|tests|bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};

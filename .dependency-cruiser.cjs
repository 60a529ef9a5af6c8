/**
 * Module boundaries (ADR 0001), checked by `npm test`'s static tier (`npm run check:modules`).
 * A module is a folder of src/modules. Its doors are `index.ts` (use cases and queries named by intent),
 * `contract.ts` (the wire contract: zod schemas, browser-safe, shared with the web app) and `tables.ts`
 * (its drizzle schema: for foreign keys and read-only joins in repositories and policies). Everything
 * else in a module is internal to it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      severity: 'error',
      comment:
        "Another module's internals: import it through its door, src/modules/<module>/index.ts (add an export named by intent there if what you need is missing).",
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|contract|tables)[.]ts$'],
      },
    },
    {
      name: 'module-internals-from-outside',
      severity: 'error',
      comment:
        'Code outside the modules (server, cli, demo, db) uses a module through its door, src/modules/<module>/index.ts (or tables.ts for the schema).',
      from: { path: '^src/', pathNot: ['^src/modules/', '[.]test[.]ts$'] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/(index|tables)[.]ts$' },
    },
    {
      name: 'foreign-tables-only-in-queries',
      severity: 'error',
      comment:
        "Another module's tables may be read only by queries (repository, *-repository, policy) and referenced by your own tables.ts. To change them, call the owning module's door.",
      from: {
        path: '^src/modules/([^/]+)/',
        pathNot: '^src/modules/[^/]+/(tables|repository|[^/]+-repository|policy)[.]ts$',
      },
      to: { path: '^src/modules/([^/]+)/tables[.]ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'contracts-browser-safe',
      severity: 'error',
      comment:
        "A contract is shared with the web app and must stay browser-safe: import another module's contract.ts, never its index.ts (which brings the server code with it).",
      from: { path: '^src/modules/[^/]+/contract[.]ts$' },
      to: {
        path: '^src/modules/[^/]+/index[.]ts$|^src/(server|db)/|^node:|^(fs|path|crypto|stream|worker_threads)$',
      },
    },
    {
      name: 'site-reads-only-its-source',
      severity: 'error',
      comment:
        "The public site reads published content and suppressed figures through its SiteSource only: it may import the content module's door, never a casework module or the database.",
      from: { path: '^src/site/' },
      to: { path: '^src/(modules|db|server|demo|cli)/', pathNot: '^src/modules/content/index[.]ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order fragile and modules inseparable: break the cycle (a reaction wired in src/server/reactions.ts, or moving the shared piece down to platform).',
      from: { path: '^src/' },
      // A cycle made only of type imports is erased at compile time: it costs nothing at load.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-below-modules',
      severity: 'error',
      comment:
        'platform/ is below every module: it may not import one (move the piece into the module, or pass it in).',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|server|demo|cli)/' },
    },
    {
      name: 'modules-not-on-server',
      severity: 'error',
      comment:
        'Modules do not import the server or the demo: the composition root imports them, not the reverse.',
      from: { path: '^src/modules/' },
      // The HTTP kit routes are built with: request context, request typing, record-route helpers.
      to: { path: '^src/(server|demo|cli)/', pathNot: '^src/server/(context|types|record-routes)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // swc (the parser here, see ADR 0001) is not given JSX: the site's .tsx files import only the site's own
    // files and React, which test/architecture/site.test.ts checks instead.
    exclude: { path: ['node_modules', '^web/', '[.]tsx$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    parser: 'swc',
    reporterOptions: {
      dot: { collapsePattern: '^src/modules/[^/]+|^src/[^/]+' },
      archi: { collapsePattern: '^src/modules/[^/]+|^src/[^/]+' },
    },
  },
};

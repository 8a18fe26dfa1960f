// One data-access style per module (decision 0020): raw SQL only in a module's `*.queries.ts`,
// as functions that take the manager (or the transaction's) and return typed rows. Services,
// guards and resolvers call those functions; none calls `.query(` itself, with no exception left.

/** Where the rule applies. */
export const RAW_SQL_FILES = ['server/src/**/*.ts'];

/** The queries files, and infrastructure that runs SQL of its own (named in decision 0020). */
export const RAW_SQL_HOMES = [
  'server/src/**/*.queries.ts',
  // The data source, migrations, seed and the scratch databases of tests.
  'server/src/database/**',
  'server/src/bench/**',
  // LISTEN/NOTIFY on a connection of its own.
  'server/src/common/notices/notices.ts',
  // `SELECT 1`, with its own timeout.
  'server/src/health/health.controller.ts',
];

export const RAW_SQL_RULE = [
  'error',
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
    message:
      "[raw-sql] Raw SQL lives in the module's *.queries.ts (decision 0020): call a function there with the manager or the transaction.",
  },
];

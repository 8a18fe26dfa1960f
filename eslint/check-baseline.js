// Keeps the baselines (./baseline.js) exact, so that they only shrink: it lints the listed files
// with the rules they are excused from, and fails when a listed violation is gone or, for raw SQL,
// when a file's count of `.query(` calls changed either way.
import { ESLint } from 'eslint';
import { RAW_SQL_BASELINE, SERVER_BASELINE } from './baseline.js';
import { RAW_SQL_RULE } from './raw-sql.js';
import { serverZones } from './server-architecture.js';

const ZONES = 'import-x/no-restricted-paths';
const RAW_SQL = 'no-restricted-syntax';
const everyZone = (zones) => ['error', { zones: zones.map(({ id, ...zone }) => zone) }];
const relative = (result) => result.filePath.slice(process.cwd().length + 1);

const zoneLinter = new ESLint({
  overrideConfig: [{ files: Object.keys(SERVER_BASELINE), rules: { [ZONES]: everyZone(serverZones()) } }],
  ruleFilter: ({ ruleId }) => ruleId === ZONES,
});
const stale = [];
for (const result of await zoneLinter.lintFiles(Object.keys(SERVER_BASELINE))) {
  const file = relative(result);
  const broken = new Set(result.messages.map((message) => /\[([a-z:-]+)\]/.exec(message.message)?.[1]));
  stale.push(...SERVER_BASELINE[file].filter((id) => !broken.has(id)).map((id) => `${file}: ${id}`));
}

const rawSqlLinter = new ESLint({
  overrideConfig: [{ files: Object.keys(RAW_SQL_BASELINE), rules: { [RAW_SQL]: RAW_SQL_RULE } }],
  ruleFilter: ({ ruleId }) => ruleId === RAW_SQL,
});
for (const result of await rawSqlLinter.lintFiles(Object.keys(RAW_SQL_BASELINE))) {
  const file = relative(result);
  const calls = result.messages.filter((message) => message.message.startsWith('[raw-sql]')).length;
  if (calls !== RAW_SQL_BASELINE[file]) stale.push(`${file}: ${calls} raw-sql calls, not ${RAW_SQL_BASELINE[file]}`);
}

if (stale.length) {
  console.error(`The baseline no longer matches: update eslint/baseline.js (never to allow more).\n  ${stale.join('\n  ')}`);
  process.exit(1);
}

// Keeps the baseline (./baseline.js) exact, so that it only shrinks: it lints the listed files
// with the rules they are excused from, and fails when a listed violation is gone.
import { ESLint } from 'eslint';
import { SERVER_BASELINE } from './baseline.js';
import { serverZones } from './server-architecture.js';

const ZONES = 'import-x/no-restricted-paths';
const everyZone = (zones) => ['error', { zones: zones.map(({ id, ...zone }) => zone) }];
const relative = (result) => result.filePath.slice(process.cwd().length + 1);

const files = Object.keys(SERVER_BASELINE);
// An empty baseline has nothing to keep exact (and ESLint refuses a config for no files).
if (files.length === 0) process.exit(0);

const zoneLinter = new ESLint({
  overrideConfig: [{ files, rules: { [ZONES]: everyZone(serverZones()) } }],
  ruleFilter: ({ ruleId }) => ruleId === ZONES,
});
const stale = [];
for (const result of await zoneLinter.lintFiles(files)) {
  const file = relative(result);
  const broken = new Set(result.messages.map((message) => /\[([a-z:-]+)\]/.exec(message.message)?.[1]));
  stale.push(...SERVER_BASELINE[file].filter((id) => !broken.has(id)).map((id) => `${file}: ${id}`));
}

if (stale.length) {
  console.error(`The baseline no longer matches: update eslint/baseline.js (never to allow more).\n  ${stale.join('\n  ')}`);
  process.exit(1);
}

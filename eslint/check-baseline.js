// Fails when the baseline (./baseline.js) lists a violation that is gone, so that the list only
// shrinks: it lints the listed files with every zone and compares.
import { ESLint } from 'eslint';
import { SERVER_BASELINE } from './baseline.js';
import { serverZones } from './server-architecture.js';

const RULE = 'import-x/no-restricted-paths';
const everyZone = (zones) => ['error', { zones: zones.map(({ id, ...zone }) => zone) }];
const eslint = new ESLint({
  overrideConfig: [{ files: Object.keys(SERVER_BASELINE), rules: { [RULE]: everyZone(serverZones()) } }],
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});
const stale = [];
for (const result of await eslint.lintFiles(Object.keys(SERVER_BASELINE))) {
  const file = result.filePath.slice(process.cwd().length + 1);
  const broken = new Set(result.messages.map((message) => /\[([a-z:-]+)\]/.exec(message.message)?.[1]));
  stale.push(...SERVER_BASELINE[file].filter((id) => !broken.has(id)).map((id) => `${file}: ${id}`));
}
if (stale.length) {
  console.error(`These violations are gone: remove them from eslint/baseline.js.\n  ${stale.join('\n  ')}`);
  process.exit(1);
}

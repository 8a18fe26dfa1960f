import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { COMPOSITION_ROOTS, serverZones } from './eslint/server-architecture.js';
import { SERVER_BASELINE } from './eslint/baseline.js';
import { RAW_SQL_FILES, RAW_SQL_HOMES, RAW_SQL_RULE } from './eslint/raw-sql.js';

const TYPESCRIPT_PROJECTS = ['shared/tsconfig.json', 'server/tsconfig.json', 'web/tsconfig.json', 'test/tsconfig.json'];

/**
 * The rule with every zone, and, for each file of a baseline (today's known violations), the same
 * rule without the zones that file is known to break: a new violation anywhere still fails.
 */
function boundaries(files, zones, baseline = {}) {
  const rule = (without = []) => ['error', { zones: zones.filter((zone) => !without.includes(zone.id)).map(({ id, ...zone }) => zone) }];
  return [
    { files, rules: { 'import-x/no-restricted-paths': rule() } },
    ...Object.entries(baseline).map(([file, ids]) => ({
      files: [file],
      rules: { 'import-x/no-restricted-paths': rule(ids) },
    })),
  ];
}

// Bulletproof-react's rule: features do not import each other, and the shared pieces
// (components/, lib/) import no feature and not the app; features do not import the app.
const WEB_FEATURES = 'web/src/features';
const webZones = [
  ...readdirSync(WEB_FEATURES).map((feature) => ({
    id: 'features',
    target: `${WEB_FEATURES}/${feature}`,
    from: `${WEB_FEATURES}/!(${feature})/**`,
    message: '[features] Features do not import each other: move the shared piece to components/ or lib/, or compose in app/.',
  })),
  {
    id: 'shared',
    target: ['web/src/components', 'web/src/lib'],
    from: [WEB_FEATURES, 'web/src/app'],
    message: '[shared] components/ and lib/ import no feature and not the app.',
  },
  { id: 'app', target: WEB_FEATURES, from: 'web/src/app', message: '[app] Features do not import the app.' },
];

export default defineConfig(
  { ignores: ['**/dist/', '**/dist-ssr/', 'coverage/', 'data/', 'test-results/', 'bench-profiles/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: TYPESCRIPT_PROJECTS, noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // No file imports itself through others (folders are kept apart by the zones below).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A property left out of a copy by destructuring it away is not a forgotten variable.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  { files: ['web/src/**'], languageOptions: { globals: globals.browser } },
  // These tests read untyped JSON (response bodies by default, EPCIS documents they alter):
  // typing them is its own task. Everywhere else `any` fails.
  {
    files: ['test/support/http.ts', 'test/api/epcis-capture.e2e.ts', 'test/api/epcis-query.e2e.ts', 'test/api/resolver.e2e.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...boundaries(['server/src/**/*.ts'], serverZones(), SERVER_BASELINE).map((config) => ({
    ...config,
    ignores: COMPOSITION_ROOTS,
  })),
  ...boundaries(['web/src/**/*.{ts,tsx}'], webZones),
  { files: RAW_SQL_FILES, ignores: RAW_SQL_HOMES, rules: { 'no-restricted-syntax': RAW_SQL_RULE } },
  // The server hashes event ids with Node's native SHA-256, through one function.
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/events/event-hash-id.ts', 'server/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nguon/shared',
              importNames: ['eventHashId'],
              message: "Use eventHashId from server/src/events/event-hash-id.ts (Node's native SHA-256).",
            },
          ],
        },
      ],
    },
  },
  prettier,
);

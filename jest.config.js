// Jest runs in ESM mode (NestJS 12 ships ES modules only); @swc/jest compiles TypeScript with
// legacy decorators and metadata, which NestJS and TypeORM rely on.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@nguon/shared$': '<rootDir>/shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: import.meta.dirname,
};

export default {
  // The embedded database is opened and migrated from scratch in each file's set-up: on a loaded
  // two-core machine that alone took over 30 s (six files timed out in CI).
  testTimeout: process.env.DATABASE_URL ? 30000 : 90000,
  // Every core: test files are independent (each has its own database and folders), and on a
  // two-core machine Jest's default of cores minus one would run them one at a time.
  maxWorkers: '100%',
  // A worker keeps 60-100 MB of each file it ran (every file loads the app's modules afresh): past
  // this it is replaced before its next file. Late files in a worker near its heap's limit ran two
  // to three times slower, and CI went past its 30 minutes.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/server/src/**/*.spec.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.e2e.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.e2e.ts'] },
  ],
};

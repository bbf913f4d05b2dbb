import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * Module boundaries that constrain:
 * - scope: web never reaches server code, shared code depends on nothing else;
 * - layers: foundations (config, db, jobs, tenancy, platform, audit, mail, passwords) never
 *   reach a feature; a server feature imports foundations and only the features it declares in
 *   FEATURE_DEPENDENCIES (a new edge between features is a decision written here);
 * - tests: `type:testing` libraries (factories, scratch Redis, mail sink) are allowed in tests
 *   alone, never in production code;
 * - each library is used only through its index (the path aliases map to index.ts alone, and
 *   relative imports across projects are refused).
 */
const FEATURE_DEPENDENCIES = {
  'feature:identity': [],
  'feature:couples': ['feature:identity'],
  'feature:exercises': [],
  'feature:assignments': ['feature:couples'],
  'feature:progress': [],
  'feature:reminders': [],
};

/** The constraints, with test-only libraries allowed (in tests) or not (in production code). */
function depConstraints(inTests) {
  const testing = inTests ? ['type:testing'] : [];
  const allow = (sourceTag, tags) => ({
    sourceTag,
    onlyDependOnLibsWithTags: [...tags, ...testing],
  });
  return [
    allow('scope:web', ['scope:web', 'scope:shared']),
    allow('scope:server', ['scope:server', 'scope:shared']),
    allow('scope:shared', ['scope:shared']),
    allow('layer:foundation', ['layer:foundation', 'scope:shared']),
    ...Object.entries(FEATURE_DEPENDENCIES).map(([feature, declared]) =>
      allow(feature, ['layer:foundation', 'scope:shared', ...declared]),
    ),
    allow('type:feature', ['type:feature', 'type:data', 'type:util']),
    allow('type:data', ['type:data', 'type:util']),
    allow('type:util', ['type:util', 'type:data']),
    allow('type:testing', ['layer:foundation', 'scope:shared']),
    allow('type:app', ['type:app', 'type:feature', 'type:data', 'type:util']),
  ];
}

/** Files that are tests or serve only tests. */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.spec.tsx',
  '**/*.int-spec.ts',
  '**/testing/**/*.ts',
  'libs/server/testing/**/*.ts',
  'apps/web-e2e/**/*.ts',
];

const boundaries = (inTests) => ({
  '@nx/enforce-module-boundaries': [
    'error',
    {
      enforceBuildableLibDependency: true,
      banTransitiveDependencies: true,
      depConstraints: depConstraints(inTests),
    },
  ],
});

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      'tmp/**',
      'coverage/**',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...boundaries(false),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: TEST_FILES, rules: boundaries(true) },
  prettier,
];

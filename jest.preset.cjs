// Shared jest settings: SWC transpiles TypeScript (with the decorator metadata NestJS and
// TypeORM need), and the tsconfig path aliases resolve to library sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic' },
      },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @param {string} dir the project's folder, @param {string} name its display name */
function projectConfig(dir, name) {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    setupFiles: [path.join(__dirname, 'jest.setup-env.cjs')],
    testTimeout: 30_000,
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
    transform: { '^.+\\.(t|j)sx?$': swcTransform },
    // jose ships only ES modules; jest's CommonJS runtime needs it compiled.
    transformIgnorePatterns: ['/node_modules/(?!jose/)'],
    moduleNameMapper,
  };
}

module.exports = { projectConfig, swcTransform, moduleNameMapper };

// Every project's unit and integration tests in one run. Browser tests (apps/web-e2e) run
// separately, against the started stack.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

function projectConfigs(dir) {
  const here = path.join(dir, 'jest.config.cjs');
  if (existsSync(here)) return [here];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'src' && entry.name !== 'node_modules')
    .flatMap((entry) => projectConfigs(path.join(dir, entry.name)));
}

module.exports = {
  // A global option: the projects' own testTimeout does not apply when they run together here.
  testTimeout: 60_000,
  projects: ['apps', 'libs']
    .flatMap((top) => projectConfigs(path.join(__dirname, top)))
    .filter((file) => !file.includes(`${path.sep}web-e2e${path.sep}`)),
};

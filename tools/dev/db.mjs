// `npm run db:migrate | db:revert | db:reset | db:seed | db:check` against the development
// database (or the one DATABASE_URL names). NODE_ENV=test selects the test database.
import { prepare, runDbCli } from './lib/prepare.mjs';
import { loadDotEnv, stageEnv } from './lib/env.mjs';

loadDotEnv();
const stage = process.env.NODE_ENV === 'test' ? 'test' : 'development';
const env = stageEnv(stage);
const command = process.argv[2];

switch (command) {
  case 'migrate':
  case 'revert':
  case 'check':
  case 'seed':
    await prepare(env, { migrate: false });
    await runDbCli(env, command);
    break;
  case 'reset':
    await prepare(env, { fresh: true, migrate: true, seed: stage === 'development' });
    break;
  default:
    console.error('usage: node tools/dev/db.mjs migrate | revert | reset | seed | check');
    process.exit(2);
}

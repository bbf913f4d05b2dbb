/**
 * Schema commands, run as the owner role: `migrate` (then the library in every clinic),
 * `revert`, `check` (entities versus migrations) and `seed`. Started by tools/dev/db.mjs,
 * which first makes sure the database exists.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import { dataSourceOptions, installLibraryEverywhere, pendingSchemaChanges } from '@mend/server-db';
import { seedDemo } from './seed/seed-demo';

type Command = 'migrate' | 'revert' | 'check' | 'seed';

async function main(command: Command): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(
    dataSourceOptions({ url: config.DATABASE_OWNER_URL, applicationName: 'mend-db-cli' }),
  );
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        // The migrations table must not be writable by the app role.
        const appRole = decodeURIComponent(new URL(config.DATABASE_URL).username);
        await dataSource.query(`REVOKE ALL ON typeorm_migrations FROM "${appRole}"`);
        console.log(`[mend] migrations applied: ${applied.length}`);
        // Mend's library is product content: a release that adds to it, or translates it,
        // reaches clinics that signed up before it.
        const clinics = await installLibraryEverywhere(dataSource);
        console.log(`[mend] exercise library up to date in ${clinics} clinic(s)`);
        return;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('[mend] reverted the last migration');
        return;
      case 'check': {
        const pending = await pendingSchemaChanges(dataSource);
        if (pending.length > 0) {
          console.error('[mend] the entities and the migrations disagree; missing SQL:');
          for (const statement of pending) console.error(`  ${statement};`);
          process.exitCode = 1;
          return;
        }
        console.log('[mend] entities and migrations agree');
        return;
      }
      case 'seed':
        await seedDemo(dataSource);
        return;
    }
  } finally {
    await dataSource.destroy();
  }
}

const command = process.argv[2];
if (command !== 'migrate' && command !== 'revert' && command !== 'check' && command !== 'seed') {
  console.error('usage: db-cli migrate | revert | check | seed');
  process.exit(2);
}
main(command).catch((error: unknown) => {
  console.error(`[mend] db ${command} failed:`, error instanceof Error ? error.message : error);
  process.exit(1);
});

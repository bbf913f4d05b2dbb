/** The TypeScript side of `npm run loadgen`: reads the options loadgen.mjs checked, fills. */
import { generate, type LoadOptions } from './generate';

const raw = JSON.parse(process.env['LOADGEN'] ?? 'null') as
  (Omit<LoadOptions, 'now'> & { now: string }) | null;
if (!raw) throw new Error('run tools/loadgen through `npm run loadgen`');

generate({ ...raw, now: new Date(raw.now) }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

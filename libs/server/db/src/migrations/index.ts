import { Foundation1763800000000 } from './1763800000000-foundation';
import { Identity1763900000000 } from './1763900000000-identity';

/** Every migration, oldest first. TypeORM runs them in this order. */
export const MIGRATIONS = [Foundation1763800000000, Identity1763900000000];

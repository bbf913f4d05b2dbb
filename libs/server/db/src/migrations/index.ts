import { Foundation1763800000000 } from './1763800000000-foundation';
import { Identity1763900000000 } from './1763900000000-identity';
import { Access1764000000000 } from './1764000000000-access';
import { ClinicalCore1764100000000 } from './1764100000000-clinical-core';
import { Sweeps1764200000000 } from './1764200000000-sweeps';
import { ResponseIdempotency1764210000000 } from './1764210000000-response-idempotency';
import { Planning1764220000000 } from './1764220000000-planning';
import { Reminders1764300000000 } from './1764300000000-reminders';
import { ExerciseTranslations1764400000000 } from './1764400000000-exercise-translations';
import { ReminderReplanning1764410000000 } from './1764410000000-reminder-replanning';
import { RefreshTokenFamily1765100000000 } from './1765100000000-refresh-token-family';
import { PasswordResetRequests1765100001000 } from './1765100001000-password-reset-requests';
import { ClinicEmailVerification1765200000000 } from './1765200000000-clinic-email-verification';
import { Measures1765300000000 } from './1765300000000-measures';
import { Reports1765400000000 } from './1765400000000-reports';
import { PlpgsqlPlatformFunctions1765500000000 } from './1765500000000-plpgsql-platform-functions';
import { Messages1765800000000 } from './1765800000000-messages';
import { CoupleClosingNote1765900000000 } from './1765900000000-couple-closing-note';

/** Every migration, oldest first. TypeORM runs them in this order. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Identity1763900000000,
  Access1764000000000,
  ClinicalCore1764100000000,
  Sweeps1764200000000,
  ResponseIdempotency1764210000000,
  Planning1764220000000,
  Reminders1764300000000,
  ExerciseTranslations1764400000000,
  ReminderReplanning1764410000000,
  RefreshTokenFamily1765100000000,
  PasswordResetRequests1765100001000,
  ClinicEmailVerification1765200000000,
  Measures1765300000000,
  Reports1765400000000,
  PlpgsqlPlatformFunctions1765500000000,
  Messages1765800000000,
  CoupleClosingNote1765900000000,
];

import type { DataSource } from 'typeorm';
import { installLibrary, setTenant } from '@mend/server-db';
import { hashPassword } from '@mend/server-passwords';
import { seedDemoCouples } from './seed-demo-couples';
import { seedDemoMeasures } from './seed-demo-measures';
import { seedDemoReminders } from './seed-demo-reminders';

/** Every demo account's password (printed by `npm start`, listed in the README). */
export const DEMO_PASSWORD = 'MendDemo!2026';

interface DemoClinic {
  id: string;
  name: string;
  domain: string;
  timeZone: string;
}

const DEMO_CLINICS: DemoClinic[] = [
  {
    id: '0b7c6f0e-5d1a-4c1e-9a41-6f2f4b1d0001',
    name: 'Harbor Counseling',
    domain: 'harbor.test',
    timeZone: 'America/New_York',
  },
  {
    id: '0b7c6f0e-5d1a-4c1e-9a41-6f2f4b1d0002',
    name: 'Northside Couples Clinic',
    domain: 'northside.test',
    timeZone: 'Europe/Madrid',
  },
];

const SECRETS_POLICY =
  'Your therapist may read every answer you mark private. They will not repeat a private ' +
  'answer to your partner. If something you write means someone is at risk of harm, your ' +
  'therapist may need to act on it, and will talk with you first whenever that is possible.';

interface DemoUser {
  email: string;
  displayName: string;
  role: 'clinic_admin' | 'therapist' | 'client';
  locale: string;
}

function demoUsers(clinic: DemoClinic): DemoUser[] {
  const spanish = clinic.domain === 'northside.test';
  const users: DemoUser[] = [
    {
      email: `admin@${clinic.domain}`,
      displayName: 'Clinic Admin',
      role: 'clinic_admin',
      locale: 'en',
    },
    {
      email: `therapist1@${clinic.domain}`,
      displayName: 'Dr. Ana Reyes',
      role: 'therapist',
      locale: 'en',
    },
    {
      email: `therapist2@${clinic.domain}`,
      displayName: 'Sam Okafor, LMFT',
      role: 'therapist',
      locale: 'en',
    },
  ];
  const partners = [
    ['Jordan', 'Casey'],
    ['Priya', 'Tom'],
    ['Lucía', 'Mateo'],
  ];
  partners.forEach(([a, b], index) => {
    users.push(
      {
        email: `couple${index + 1}.a@${clinic.domain}`,
        displayName: a ?? 'A',
        role: 'client',
        locale: spanish && index === 2 ? 'es' : 'en',
      },
      {
        email: `couple${index + 1}.b@${clinic.domain}`,
        displayName: b ?? 'B',
        role: 'client',
        locale: spanish && index === 2 ? 'es' : 'en',
      },
    );
  });
  return users;
}

/**
 * The two demo clinics, their accounts, and three couples each with several weeks of history
 * up to `now` (see seed-demo-couples.ts). Idempotent: existing rows are left as they are.
 * Runs as the owner role, which row-level security binds as well, so each clinic's rows are
 * written with that clinic set.
 */
export async function seedDemo(dataSource: DataSource, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const clinic of DEMO_CLINICS) {
    await dataSource.transaction(async (manager) => {
      await setTenant(manager, { clinicId: clinic.id });
      await manager.query(
        `INSERT INTO clinics (id, name, time_zone, require_staff_mfa, secrets_policy)
         VALUES ($1, $2, $3, false, $4) ON CONFLICT (id) DO NOTHING`,
        [clinic.id, clinic.name, clinic.timeZone, SECRETS_POLICY],
      );
      for (const user of demoUsers(clinic)) {
        await manager.query(
          `INSERT INTO users (clinic_id, email, display_name, role, status, password_hash, locale, time_zone)
           VALUES ($1, $2, $3, $4, 'active', $5, $6, $7) ON CONFLICT (clinic_id, email) DO NOTHING`,
          [
            clinic.id,
            user.email,
            user.displayName,
            user.role,
            passwordHash,
            user.locale,
            clinic.timeZone,
          ],
        );
      }
      const library = await installLibrary(manager, clinic.id);
      const added = await seedDemoCouples(manager, clinic, library, now);
      if (added) {
        await seedDemoReminders(manager, clinic, library, now);
        console.log(`[mend] demo seed: ${clinic.name} couples and their history added`);
      }
      // Apart from the couples, so a demo database from before measures gets them too.
      await seedDemoMeasures(manager, clinic, now);
    });
  }
  console.log(`[mend] demo seed: ${DEMO_CLINICS.map((c) => c.name).join(' and ')} ready`);
}

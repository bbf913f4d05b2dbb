import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import {
  dataSourceOptions,
  installLibrary,
  setTenant,
  type InstalledLibrary,
} from '@mend/server-db';
import { hashPassword } from '@mend/server-passwords';
import type { UserRole } from '@mend/shared-contracts';

/**
 * Test data is written as the owner role (row-level security still applies, so each write
 * sets its clinic). Every factory makes fresh ids and emails, so test files never collide.
 */
export async function ownerDataSource(): Promise<DataSource> {
  const config = loadConfig();
  const dataSource = new DataSource(
    dataSourceOptions({ url: config.DATABASE_OWNER_URL, applicationName: 'mend-test-factories' }),
  );
  return dataSource.initialize();
}

export async function asClinic<T>(
  owner: DataSource,
  clinicId: string,
  sql: string,
  parameters: unknown[],
): Promise<T> {
  return owner.transaction(async (manager) => {
    await setTenant(manager, { clinicId: clinicId });
    return manager.query(sql, parameters) as Promise<T>;
  });
}

export interface TestClinic {
  id: string;
  name: string;
}

export async function newClinic(
  owner: DataSource,
  options: { requireStaffMfa?: boolean; inactivityTimeoutMinutes?: number } = {},
): Promise<TestClinic> {
  const clinic = { id: randomUUID(), name: `Test clinic ${randomUUID().slice(0, 6)}` };
  await asClinic(
    owner,
    clinic.id,
    `INSERT INTO clinics (id, name, require_staff_mfa, inactivity_timeout_minutes)
     VALUES ($1, $2, $3, $4)`,
    [
      clinic.id,
      clinic.name,
      options.requireStaffMfa ?? false,
      options.inactivityTimeoutMinutes ?? 30,
    ],
  );
  return clinic;
}

export interface TestUser {
  id: string;
  clinicId: string;
  email: string;
  password: string;
  role: UserRole;
}

let cachedHash: { password: string; hash: Promise<string> } | undefined;

export async function newUser(
  owner: DataSource,
  clinicId: string,
  role: UserRole,
  options: { status?: 'active' | 'invited' | 'deactivated' } = {},
): Promise<TestUser> {
  const password = 'quiet river morning';
  // One argon2 hash serves every test user: hashing is deliberately slow.
  cachedHash ??= { password, hash: hashPassword(password) };
  const user = {
    id: randomUUID(),
    clinicId,
    email: `${role}-${randomUUID().slice(0, 8)}@example.test`,
    password,
    role,
  };
  await asClinic(
    owner,
    clinicId,
    `INSERT INTO users (clinic_id, id, email, display_name, role, status, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      clinicId,
      user.id,
      user.email,
      `Test ${role}`,
      role,
      options.status ?? 'active',
      await cachedHash.hash,
    ],
  );
  return user;
}

export interface TestCouple {
  id: string;
  clinicId: string;
  timeZone: string;
  partnerA: TestUser;
  partnerB: TestUser;
}

/**
 * An active couple with two client partners (who have acknowledged the secrets policy unless
 * told otherwise) and the given therapists.
 */
export async function newCouple(
  owner: DataSource,
  clinicId: string,
  options: {
    therapistIds?: string[];
    timeZone?: string;
    status?: 'invited' | 'active' | 'paused' | 'closed';
    acknowledged?: boolean;
  } = {},
): Promise<TestCouple> {
  const partnerA = await newUser(owner, clinicId, 'client');
  const partnerB = await newUser(owner, clinicId, 'client');
  const couple = {
    id: randomUUID(),
    clinicId,
    timeZone: options.timeZone ?? 'America/New_York',
    partnerA,
    partnerB,
  };
  await owner.transaction(async (manager) => {
    await setTenant(manager, { clinicId: clinicId });
    await manager.query(
      `INSERT INTO couples (clinic_id, id, label, status, time_zone) VALUES ($1, $2, $3, $4, $5)`,
      [
        clinicId,
        couple.id,
        `Couple ${couple.id.slice(0, 4)}`,
        options.status ?? 'active',
        couple.timeZone,
      ],
    );
    const acknowledgedAt = options.acknowledged === false ? null : new Date();
    for (const [seat, partner] of [
      ['a', partnerA],
      ['b', partnerB],
    ] as const) {
      await manager.query(
        `INSERT INTO couple_partners (clinic_id, couple_id, seat, user_id, policy_acknowledged_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [clinicId, couple.id, seat, partner.id, acknowledgedAt],
      );
    }
    for (const therapistId of options.therapistIds ?? []) {
      await manager.query(
        `INSERT INTO couple_therapists (clinic_id, couple_id, therapist_user_id) VALUES ($1, $2, $3)`,
        [clinicId, couple.id, therapistId],
      );
    }
  });
  return couple;
}

/** Installs Mend's exercise library in a clinic, as signup does. */
export async function withLibrary(owner: DataSource, clinicId: string): Promise<InstalledLibrary> {
  return owner.transaction(async (manager) => {
    await setTenant(manager, { clinicId: clinicId });
    return installLibrary(manager, clinicId);
  });
}

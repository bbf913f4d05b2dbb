import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mend/server-audit';
import { Clinic, User, installLibrary, requestReminderReplanning } from '@mend/server-db';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import { hashPassword } from '@mend/server-passwords';
import type {
  ClinicDto,
  ClinicSignupDto,
  ClinicSignupResultDto,
  UpdateClinicDto,
} from './clinic.dto';
import { AccountEmailsService } from '../tokens/account-emails.service';
import { UserTokensService } from '../tokens/user-tokens.service';
import { DEFAULT_SECRETS_POLICY } from './default-secrets-policy';

@Injectable()
export class ClinicsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly tokens: UserTokensService,
    private readonly emails: AccountEmailsService,
  ) {}

  /**
   * Self-serve signup: a new clinic (MFA required for staff, as SECURITY.md asks), its first
   * admin (active at once with the password they chose) and Mend's exercise library.
   */
  async signUp(body: ClinicSignupDto): Promise<ClinicSignupResultDto> {
    const clinicId = randomUUID();
    const passwordHash = await hashPassword(body.password);
    const created = await this.db.run({ clinicId }, async (manager) => {
      const clinic = manager.create(Clinic, {
        id: clinicId,
        name: body.clinicName,
        timeZone: body.timeZone,
        requireStaffMfa: true,
        secretsPolicy: DEFAULT_SECRETS_POLICY,
        // Until the admin follows the emailed link: no invitations, no client data.
        emailVerifiedAt: null,
      });
      await manager.insert(Clinic, clinic);
      const admin = manager.create(User, {
        clinicId,
        email: body.adminEmail.toLowerCase(),
        displayName: body.adminName,
        role: 'clinic_admin',
        status: 'active',
        passwordHash,
        locale: body.locale ?? 'en',
        timeZone: body.timeZone,
      });
      await manager.insert(User, admin);
      await installLibrary(manager, clinicId);
      await this.audit.record(
        manager,
        { clinicId, userId: admin.id },
        {
          action: 'clinic.created',
          recordType: 'clinic',
          recordId: clinicId,
        },
      );
      const issued = await this.tokens.issue(manager, admin, 'email_verification', null);
      return { clinic, admin, issued };
    });
    // After the commit, as invitations are: a failed send leaves a clinic that can sign in
    // and ask again, not a half-made one.
    await this.emails.sendEmailVerification(created.admin, created.clinic, created.issued);
    return { clinicId, adminUserId: created.admin.id, mfaRequired: true, emailVerified: false };
  }

  async get(ctx: TenantContext): Promise<ClinicDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'clinic.read');
      return toClinicDto(await manager.findOneByOrFail(Clinic, { id: ctx.clinicId }));
    });
  }

  async update(ctx: TenantContext, body: UpdateClinicDto): Promise<ClinicDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'clinic.update');
      const { messagesNotice, ...rest } = body;
      const changes: Partial<Clinic> = Object.fromEntries(
        Object.entries(rest).filter(([, value]) => value !== undefined),
      );
      // A blank notice means Mend's own wording, in each reader's language.
      if (messagesNotice !== undefined) changes.messagesNotice = messagesNotice.trim() || null;
      if (Object.keys(changes).length > 0) {
        const before = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
        await manager.update(Clinic, { id: ctx.clinicId }, changes);
        const after = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
        if (
          before.quietHoursStart !== after.quietHoursStart ||
          before.quietHoursEnd !== after.quietHoursEnd
        ) {
          // Reminders already planned move to the new end of quiet hours.
          await requestReminderReplanning(manager, ctx.clinicId, { clinic: true });
        }
      }
      await this.audit.record(manager, ctx, {
        action: 'clinic.updated',
        recordType: 'clinic',
        recordId: ctx.clinicId,
        detail: { fields: Object.keys(changes) },
      });
      return toClinicDto(await manager.findOneByOrFail(Clinic, { id: ctx.clinicId }));
    });
  }
}

function toClinicDto(clinic: Clinic): ClinicDto {
  return {
    id: clinic.id,
    name: clinic.name,
    timeZone: clinic.timeZone,
    requireStaffMfa: clinic.requireStaffMfa,
    inactivityTimeoutMinutes: clinic.inactivityTimeoutMinutes,
    quietHoursStart: clinic.quietHoursStart.slice(0, 5),
    quietHoursEnd: clinic.quietHoursEnd.slice(0, 5),
    secretsPolicy: clinic.secretsPolicy,
    messagesNotice: clinic.messagesNotice,
    reportRetentionDays: clinic.reportRetentionDays,
  };
}

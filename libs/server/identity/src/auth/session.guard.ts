import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { Clinic, Session, User } from '@mend/server-db';
import { BACKGROUND_REQUEST_HEADER } from '@mend/shared-contracts';
import {
  IS_PUBLIC,
  TenantContextService,
  TenantDb,
  type TenantContext,
} from '@mend/server-tenancy';
import { verifyAccessToken } from './tokens';

/**
 * Every route needs a live session unless marked @Public(). The token must verify, and its
 * session must be neither revoked (logout, deactivation, token theft) nor idle past the
 * clinic's inactivity timeout. The token says only who and which session; the role comes from
 * the user's row, read here on every request, so a changed role applies at the next request
 * and no claim in a token (forged or stale) can raise anyone's rights.
 * A request marked as background is checked like any other but does not count as activity.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: TenantDb,
    private readonly tenant: TenantContextService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const background = request.get(BACKGROUND_REQUEST_HEADER) === '1';
    const claims = token ? await verifyAccessToken(token, this.config.AUTH_JWT_SECRET) : null;
    if (!claims) throw new UnauthorizedException('Sign in to continue');
    const acting = await this.db.run(claims, async (manager): Promise<TenantContext | null> => {
      const session = await manager.findOneBy(Session, {
        clinicId: claims.clinicId,
        id: claims.sessionId,
      });
      if (!session || session.revokedAt || session.userId !== claims.userId) return null;
      const clinic = await manager.findOneByOrFail(Clinic, { id: claims.clinicId });
      const now = Date.now();
      const idle = now - session.lastSeenAt.getTime() > clinic.inactivityTimeoutMinutes * 60_000;
      const user = await manager.findOneBy(User, { clinicId: claims.clinicId, id: claims.userId });
      if (!user || idle || session.expiresAt.getTime() <= now || user.status !== 'active') {
        await manager.update(
          Session,
          { clinicId: session.clinicId, id: session.id },
          { revokedAt: new Date(), revokedReason: idle ? 'inactive' : 'expired' },
        );
        return null;
      }
      if (!background) {
        await manager.update(
          Session,
          { clinicId: session.clinicId, id: session.id },
          { lastSeenAt: new Date() },
        );
      }
      return { clinicId: user.clinicId, userId: user.id, role: user.role, sessionId: session.id };
    });
    if (!acting) throw new UnauthorizedException('Session expired; please sign in again');
    this.tenant.set(acting);
    return true;
  }
}

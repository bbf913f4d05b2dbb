import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { MissingTenantContextError, type TenantContext } from './tenant-context';

const KEY = 'tenant';

/** The current request's (or job's) tenant context; reading it anywhere else throws. */
@Injectable()
export class TenantContextService {
  constructor(private readonly cls: ClsService) {}

  set(context: TenantContext): void {
    this.cls.set(KEY, context);
  }

  get current(): TenantContext {
    const context = this.signedIn;
    if (!context) throw new MissingTenantContextError();
    return context;
  }

  /** The context if someone is signed in (a public route has none). */
  get signedIn(): TenantContext | undefined {
    return this.cls.isActive() ? this.cls.get<TenantContext | undefined>(KEY) : undefined;
  }
}

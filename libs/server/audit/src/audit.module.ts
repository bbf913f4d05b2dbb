import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditService } from './audit.service';
import { RefusalAuditInterceptor } from './refusal-audit.interceptor';

/** Global so every feature can write audit rows without importing this module by hand. */
@Global()
@Module({
  controllers: [AuditEventsController],
  providers: [
    AuditService,
    AuditEventsService,
    { provide: APP_INTERCEPTOR, useClass: RefusalAuditInterceptor },
  ],
  exports: [AuditService],
})
export class AuditModule {}

import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { AccessService } from './access/access.service';
import { TenantContextService } from './tenant-context.service';
import { TenantDb } from './tenant-db.service';

@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: true } })],
  providers: [TenantDb, TenantContextService, AccessService],
  exports: [TenantDb, TenantContextService, AccessService],
})
export class TenancyModule {}

import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { TenantContextService } from './tenant-context.service';
import { TenantDb } from './tenant-db.service';

@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: true } })],
  providers: [TenantDb, TenantContextService],
  exports: [TenantDb, TenantContextService],
})
export class TenancyModule {}

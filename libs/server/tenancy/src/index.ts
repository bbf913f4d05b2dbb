export * from './tenant-context';
export * from './tenant-context.service';
export * from './tenant-db.service';
export * from './tenancy.module';
export * from './public.decorator';
export * from './access/access.service';
export * from './reader-locale';
export * from './access/verified-clinic';

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { dataSourceOptions } from './data-source-options';

/** Connects the API or worker to PostgreSQL as the app role (never the schema owner). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        dataSourceOptions({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'mend',
        }),
    }),
  ],
})
export class DatabaseModule {}

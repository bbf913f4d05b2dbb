import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.schema';
import { loadConfig } from './load-config';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** With no argument the environment is read when the app is created, not when imported. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: () => config ?? loadConfig() }],
      exports: [APP_CONFIG],
    };
  }
}

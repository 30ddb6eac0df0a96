import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadConfig, type AppConfig, type LawGateProcess } from './config';

/** Injection token for the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the validated configuration; boot fails fast on an invalid environment. */
@Global()
@Module({})
export class AppConfigModule {
  static forProcess(process: LawGateProcess): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig(globalThis.process.env, process) }],
      exports: [APP_CONFIG],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { AccessLogModule } from './access-log/access-log.module';
import { AuthController } from './auth/auth.controller';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { AppConfig, loadConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { Clock, SystemClock } from './common/clock';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { buildValidationPipe } from './common/validation';
import { READS_CONNECTION, REPORTS_CONNECTION, buildDataSourceOptions, buildReadsDataSourceOptions, buildReportsDataSourceOptions } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { OfficersModule } from './officers/officers.module';
import { AlertsModule } from './alerts/alerts.module';
import { ContactsModule } from './contacts/contacts.module';
import { MilestonesModule } from './milestones/milestones.module';
import { SettingsModule } from './settings/settings.module';
import { UpdatesModule } from './updates/updates.module';
import { WellbeingModule } from './wellbeing/wellbeing.module';
import { WorkModule } from './work/work.module';
import { WebModule } from './web/web.module';
import { HandbookModule } from './handbook/handbook.module';

export interface AppOptions {
  config?: AppConfig;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(options: AppOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(process.env);
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config, options.clock ?? new SystemClock()),
        TypeOrmModule.forRoot(buildDataSourceOptions(config.database)),
        afterMainConnection(REPORTS_CONNECTION, buildReportsDataSourceOptions(config.database)),
        afterMainConnection(READS_CONNECTION, buildReadsDataSourceOptions(config.database)),
        DatabaseModule,
        AccessLogModule,
        AuthModule,
        OfficersModule,
        CasesModule,
        SettingsModule,
        MilestonesModule,
        UpdatesModule,
        ContactsModule,
        WellbeingModule,
        AlertsModule,
        WorkModule,
        HandbookModule,
        WebModule,
        AuditModule,
      ],
      controllers: [AuthController, HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: buildValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}

/**
 * A read-only connection that opens once the main one has. On a new SQLite file the main connection
 * turns WAL on, which needs the file to itself: a connection opening beside it failed now and then
 * with SQLITE_BUSY (no busy wait is possible there) and TypeORM retried it 3 s later.
 */
function afterMainConnection(name: string, options: DataSourceOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({ name, inject: [getDataSourceToken()], useFactory: () => options });
}

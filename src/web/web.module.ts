import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { HtmlErrorPages } from '../common/http-exception.filter';
import { ContactsModule } from '../contacts/contacts.module';
import { HandbookModule } from '../handbook/handbook.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { OfficersModule } from '../officers/officers.module';
import { SettingsModule } from '../settings/settings.module';
import { SchedulingModule } from '../updates/scheduling.module';
import { UpdatesModule } from '../updates/updates.module';
import { WellbeingModule } from '../wellbeing/wellbeing.module';
import { WorkModule } from '../work/work.module';
import { AdminPagesController } from './admin/admin-pages.controller';
import { AdminPagesService } from './admin/admin-pages.service';
import { AdminSettingsController } from './admin/admin-settings.controller';
import { AdminSettingsService } from './admin/admin-settings.service';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { CalendarPagesController } from './calendar/calendar-pages.controller';
import { CalendarPagesService } from './calendar/calendar-pages.service';
import { CasePagesController } from './cases/case-pages.controller';
import { CasePagesService } from './cases/case-pages.service';
import { CaseRecordsService } from './cases/case-records.service';
import { ContactPagesController } from './contacts/contact-pages.controller';
import { ContactPagesService } from './contacts/contact-pages.service';
import { DeclinePagesController } from './declines/decline-pages.controller';
import { DeclinePagesService } from './declines/decline-pages.service';
import { HandbookPagesController } from './handbook/handbook-pages.controller';
import { HandbookPagesService } from './handbook/handbook-pages.service';
import { HandbookSectionSource, ServiceHandbookSectionSource } from './handbook/handbook-section';
import { HomeController } from './home/home.controller';
import { HomePageService } from './home/home-page.service';
import { ServiceWorkListSource, WorkListSource } from './home/work-list';
import { MilestonePagesController } from './milestones/milestone-pages.controller';
import { MilestonePagesService } from './milestones/milestone-pages.service';
import { CsrfGuard } from './shell/csrf.guard';
import { HandlebarsViewRenderer, ViewRenderer } from './shell/view-renderer';
import { WebErrorPages } from './shell/web-error-pages';
import { WebResultInterceptor } from './shell/web-result.interceptor';
import { SignInController } from './sign-in/sign-in.controller';
import { TeamDashboardController } from './team/team-dashboard.controller';
import { TeamDashboardService } from './team/team-dashboard.service';
import { SignInService } from './sign-in/sign-in.service';
import { WellbeingPagesController } from './wellbeing/wellbeing-pages.controller';
import { WellbeingPagesService } from './wellbeing/wellbeing-pages.service';

/** The server-rendered pages officers, supervisors and admins use in a browser. */
@Module({
  imports: [
    AuthModule,
    OfficersModule,
    CasesModule,
    SchedulingModule,
    WorkModule,
    MilestonesModule,
    UpdatesModule,
    ContactsModule,
    WellbeingModule,
    AlertsModule,
    AuditModule,
    SettingsModule,
    HandbookModule,
  ],
  controllers: [
    SignInController,
    HomeController,
    CasePagesController,
    MilestonePagesController,
    ContactPagesController,
    WellbeingPagesController,
    DeclinePagesController,
    HandbookPagesController,
    TeamDashboardController,
    CalendarPagesController,
    AdminPagesController,
    AdminSettingsController,
  ],
  providers: [
    { provide: ViewRenderer, useFactory: () => new HandlebarsViewRenderer() },
    { provide: HtmlErrorPages, useClass: WebErrorPages },
    { provide: WorkListSource, useClass: ServiceWorkListSource },
    { provide: HandbookSectionSource, useClass: ServiceHandbookSectionSource },
    WebResultInterceptor,
    CsrfGuard,
    SignInService,
    HomePageService,
    CasePagesService,
    CaseRecordsService,
    MilestonePagesService,
    ContactPagesService,
    WellbeingPagesService,
    DeclinePagesService,
    HandbookPagesService,
    TeamDashboardService,
    CalendarFeedService,
    CalendarPagesService,
    AdminPagesService,
    AdminSettingsService,
  ],
  exports: [HtmlErrorPages, ViewRenderer],
})
export class WebModule {}

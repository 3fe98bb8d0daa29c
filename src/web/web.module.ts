import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { HtmlErrorPages } from '../common/http-exception.filter';
import { OfficersModule } from '../officers/officers.module';
import { AdminPagesController } from './admin/admin-pages.controller';
import { AdminPagesService } from './admin/admin-pages.service';
import { CasePagesController } from './cases/case-pages.controller';
import { CasePagesService } from './cases/case-pages.service';
import { HomeController } from './home/home.controller';
import { HomePageService } from './home/home-page.service';
import { PendingWorkListSource, WorkListSource } from './home/work-list';
import { CsrfGuard } from './shell/csrf.guard';
import { HandlebarsViewRenderer, ViewRenderer } from './shell/view-renderer';
import { WebErrorPages } from './shell/web-error-pages';
import { WebResultInterceptor } from './shell/web-result.interceptor';
import { SignInController } from './sign-in/sign-in.controller';
import { SignInService } from './sign-in/sign-in.service';

/** The server-rendered pages officers, supervisors and admins use in a browser. */
@Module({
  imports: [AuthModule, OfficersModule, CasesModule],
  controllers: [SignInController, HomeController, CasePagesController, AdminPagesController],
  providers: [
    { provide: ViewRenderer, useFactory: () => new HandlebarsViewRenderer() },
    { provide: HtmlErrorPages, useClass: WebErrorPages },
    { provide: WorkListSource, useClass: PendingWorkListSource },
    WebResultInterceptor,
    CsrfGuard,
    SignInService,
    HomePageService,
    CasePagesService,
    AdminPagesService,
  ],
  exports: [HtmlErrorPages, ViewRenderer],
})
export class WebModule {}

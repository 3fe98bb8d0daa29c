import { applyDecorators, Controller, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CsrfGuard } from './csrf.guard';
import { WebResultInterceptor } from './web-result.interceptor';

/**
 * A controller of browser pages: its handlers return pages or redirects, every form post is
 * checked for its CSRF token, and it stays out of the API documentation.
 */
export function WebController(prefix = ''): ClassDecorator {
  return applyDecorators(Controller(prefix), ApiExcludeController(), UseGuards(CsrfGuard), UseInterceptors(WebResultInterceptor));
}

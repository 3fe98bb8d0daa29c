import { Body, Get, Ip, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AllowRoles, CurrentActor, Public } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { FormBody } from '../forms/form-body';
import { signInCookieValue } from '../shell/session-cookie';
import { WebController } from '../shell/web-controller';
import { SignInQuery } from './sign-in.dto';
import { SignInService } from './sign-in.service';

@WebController()
export class SignInController {
  constructor(private readonly signIn: SignInService) {}

  @Public()
  @Get('sign-in')
  form(@Req() request: Request, @Query() query: SignInQuery) {
    return this.signIn.form(signInCookieValue(request), query.signedOut === 'true');
  }

  /** The CsrfGuard has checked the form token against the sign-in cookie before this runs. */
  @Public()
  @Post('sign-in')
  submit(@Req() request: Request, @Body() form: FormBody, @Ip() address: string) {
    return this.signIn.signIn(signInCookieValue(request) as string, form, address);
  }

  @AllowRoles('officer', 'supervisor', 'admin')
  @Post('sign-out')
  signOut(@CurrentActor() actor: Actor) {
    return this.signIn.signOut(actor);
  }
}

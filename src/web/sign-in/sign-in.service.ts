import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Actor } from '../../auth/actor';
import { AuthService } from '../../auth/auth.service';
import { LoginDto } from '../../auth/dto/login.dto';
import { DomainError, FieldProblem } from '../../common/domain-error';
import { FormBody, formText } from '../forms/form-body';
import { FieldSpec, FormState } from '../forms/form-state';
import { validateAs } from '../forms/validate-as';
import { csrfTokenFor } from '../shell/csrf';
import { homePathFor } from '../shell/navigation';
import { pageTitle } from '../shell/page-shell';
import { SESSION_COOKIE, SIGN_IN_COOKIE, SIGN_IN_PATH } from '../shell/session-cookie';
import { CookieChange, page, PageResult, redirectTo, WebResult } from '../shell/web-result';

const SIGN_IN_FIELDS: Record<string, FieldSpec> = {
  username: { label: 'Username', noun: 'your username', kind: 'text' },
  password: { label: 'Password', noun: 'your password', kind: 'text', secret: true },
};

const WRONG_DETAILS = 'The username or password is not right, or the account is not active';

@Injectable()
export class SignInService {
  constructor(private readonly auth: AuthService) {}

  /** The sign-in form. Its CSRF token comes from a random cookie, as there is no session yet. */
  form(signInCookie: string | null, signedOut: boolean): PageResult {
    const secret = signInCookie ?? randomBytes(32).toString('base64url');
    const cookies: CookieChange[] = signInCookie ? [] : [{ name: SIGN_IN_COOKIE, value: secret, path: SIGN_IN_PATH }];
    return this.formPage(secret, { username: '', password: '' }, [], signedOut, 200, cookies);
  }

  async signIn(signInCookie: string, form: FormBody, address: string): Promise<WebResult> {
    const values = { username: formText(form, 'username'), password: typeof form.password === 'string' ? form.password : '' };
    const validated = await validateAs(LoginDto, values);
    if (!validated.ok) return this.formPage(signInCookie, values, validated.problems, false, 400);
    try {
      const session = await this.auth.login(validated.value.username, validated.value.password, 'web', address);
      return redirectTo(homePathFor(session.officer.role), [
        { name: SESSION_COOKIE, value: session.token },
        { name: SIGN_IN_COOKIE, value: null, path: SIGN_IN_PATH },
      ]);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'unauthenticated') {
        return this.formPage(signInCookie, values, [{ field: 'username', messages: [WRONG_DETAILS] }], false, 401);
      }
      if (error.code === 'too_many_attempts') {
        return this.formPage(signInCookie, values, [{ field: 'username', messages: [error.message] }], false, 429);
      }
      throw error;
    }
  }

  async signOut(actor: Actor): Promise<WebResult> {
    await this.auth.logout(actor);
    return redirectTo(`${SIGN_IN_PATH}?signedOut=true`, [{ name: SESSION_COOKIE, value: null }]);
  }

  private formPage(
    secret: string,
    values: Record<string, string>,
    problems: FieldProblem[],
    signedOut: boolean,
    status: number,
    cookies: CookieChange[] = [],
  ): PageResult {
    const state = new FormState(values, problems, (name) => SIGN_IN_FIELDS[name]);
    return page(
      'sign-in',
      {
        title: pageTitle('Sign in', state.hasErrors),
        csrfToken: csrfTokenFor(secret),
        signedOut,
        errors: state.errors,
        username: state.input('username'),
        password: state.input('password'),
      },
      status,
      cookies,
    );
  }
}

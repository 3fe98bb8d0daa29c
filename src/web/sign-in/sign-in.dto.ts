import { IsIn, IsOptional } from 'class-validator';

/** `/sign-in?signedOut=true`: say that signing out worked. */
export class SignInQuery {
  @IsOptional()
  @IsIn(['true'])
  signedOut?: 'true';
}

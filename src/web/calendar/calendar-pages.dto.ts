import { IsIn, IsOptional, Matches } from 'class-validator';

/** `/calendar/<token>.ics`: 43 URL-safe characters (32 random bytes). */
export class CalendarFeedParams {
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is not a calendar link' })
  token: string;
}

/** `/calendar?saved=revoked`. */
export class CalendarPageQuery {
  @IsOptional()
  @IsIn(['revoked'])
  saved?: 'revoked';
}

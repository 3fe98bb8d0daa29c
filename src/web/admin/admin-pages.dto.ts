import { IsIn, IsOptional } from 'class-validator';

export const OFFICER_SAVED_MESSAGES = {
  created: 'Account created',
  updated: 'Details saved',
  deactivated: 'Account deactivated: the officer has been signed out everywhere',
  reactivated: 'Account reactivated',
} as const;

/** `/admin/officers/:id?saved=created`: which confirmation to show after a form was saved. */
export class OfficerPageQuery {
  @IsOptional()
  @IsIn(Object.keys(OFFICER_SAVED_MESSAGES))
  saved?: keyof typeof OFFICER_SAVED_MESSAGES;
}

/** `/admin/teams?saved=created`. */
export class TeamsPageQuery {
  @IsOptional()
  @IsIn(['created'])
  saved?: 'created';
}

/** `/admin/settings?saved=true`. */
export class SettingsPageQuery {
  @IsOptional()
  @IsIn(['true'])
  saved?: 'true';
}

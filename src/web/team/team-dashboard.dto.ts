import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsId } from '../../common/validators';

const TEXT = { message: '$property is not valid' };

/**
 * `/team?…`: the missed-updates filters as the form sends them (dates as day, month and year
 * fields). The values are only shapes here; they are mapped into the API's MissedUpdatesQuery
 * and validated there, so that errors are shown beside the filters.
 */
export class TeamDashboardQuery {
  @IsOptional() @IsString() @Length(0, 4, TEXT) fromDay?: string;
  @IsOptional() @IsString() @Length(0, 4, TEXT) fromMonth?: string;
  @IsOptional() @IsString() @Length(0, 6, TEXT) fromYear?: string;
  @IsOptional() @IsString() @Length(0, 4, TEXT) toDay?: string;
  @IsOptional() @IsString() @Length(0, 4, TEXT) toMonth?: string;
  @IsOptional() @IsString() @Length(0, 6, TEXT) toYear?: string;
  @IsOptional() @IsString() @Length(0, 40, TEXT) officerId?: string;
  @IsOptional() @IsString() @Length(0, 40, TEXT) reason?: string;
  @IsOptional() @IsString() @Length(0, 20, TEXT) status?: string;
  @IsOptional() @Matches(/^\d{1,6}$/, TEXT) page?: string;
  @IsOptional() @IsIn(['acknowledged']) saved?: 'acknowledged';
}

/** `/team/alerts/:alertId/acknowledge`. */
export class AlertParams {
  @IsId()
  alertId: string;
}

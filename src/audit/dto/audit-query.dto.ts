import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate, IsId, IsPlainText } from '../../common/validators';
import { UPDATE_REASONS, UpdateReason } from '../../rules';
import { REPORTED_STATUSES, ReportedStatus } from '../missed-updates.query';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

/** Supervisors see their own team; naming any other team is refused (403). */
export class TeamQuery extends PageQuery {
  @ApiPropertyOptional({ description: "The team's name or id. Optional: it can only be your own team." })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @IsPlainText()
  team?: string;
}

export class DateRangeQuery extends TeamQuery {
  @ApiPropertyOptional({ example: '2026-02-09', description: 'First due date included. Default: 29 days before `to`.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-10', description: 'Last due date included. Default: today (Europe/London).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class MissedUpdatesQuery extends DateRangeQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  officerId?: string;

  @ApiPropertyOptional({ enum: UPDATE_REASONS })
  @IsOptional()
  @IsIn(UPDATE_REASONS, { message: `reason must be one of ${UPDATE_REASONS.join(', ')}` })
  reason?: UpdateReason;

  @ApiPropertyOptional({ enum: REPORTED_STATUSES, description: '`met` means met late; `open` means past due and not yet marked missed or attempted.' })
  @IsOptional()
  @IsIn(REPORTED_STATUSES, { message: `status must be one of ${REPORTED_STATUSES.join(', ')}` })
  status?: ReportedStatus;
}

export class ComplianceQuery extends DateRangeQuery {}

export class NoRecentContactQuery extends TeamQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 28, description: 'Flag open cases where nobody reached the family in more than this many days.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1)
  @Max(365)
  days?: number;
}

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  caseId?: string;

  @ApiPropertyOptional({ description: 'The officer who acted.' })
  @IsOptional()
  @IsId()
  officerId?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day included (Europe/London).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-10', description: 'Last day included (Europe/London).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

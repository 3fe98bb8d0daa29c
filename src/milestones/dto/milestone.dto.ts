import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsId, IsPlainText } from '../../common/validators';
import { MILESTONE_STATUSES, MILESTONE_TYPES, MilestoneStatus, MilestoneType } from '../../rules';

export class CreateMilestoneDto {
  @ApiProperty({ enum: MILESTONE_TYPES })
  @IsIn(MILESTONE_TYPES, { message: `type must be one of ${MILESTONE_TYPES.join(', ')}` })
  type: MilestoneType;

  /** Defaults to `done` when a doneDate is given, else `expected`. */
  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES, { message: `status must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;

  @ApiPropertyOptional({ example: '2026-04-14', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  expectedDate?: string | null;

  /** Not in the future; required when the status is done. */
  @ApiPropertyOptional({ example: '2026-03-10', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  doneDate?: string | null;

  /** Family-facing: what the family may be told about this step. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  @IsPlainText()
  note?: string;
}

/** Record progress, re-date or cancel (status `cancelled`). The type of a milestone never changes. */
export class UpdateMilestoneDto {
  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES, { message: `status must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  expectedDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  doneDate?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  @IsPlainText()
  note?: string;
}

export class MilestoneParams {
  @IsId()
  id: string;

  @IsId()
  milestoneId: string;
}

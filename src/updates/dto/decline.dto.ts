import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsId, IsPlainText } from '../../common/validators';

/** The family asked not to be updated from `from` until `reviewDate` (then the officer checks again). */
export class CreateDeclineDto {
  @ApiProperty({ example: '2026-03-10' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-04-07' })
  @IsCalendarDate()
  reviewDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  @IsPlainText()
  note?: string;
}

export class DeclineParams {
  @IsId()
  id: string;

  @IsId()
  declineId: string;
}

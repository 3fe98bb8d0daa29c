import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant, IsPlainText } from '../../common/validators';
import { INDICATORS, RiskIndicator } from '../../rules';
import { REFERRAL_KEY } from '../referral-directory';
import { WELLBEING_CONTEXTS, WellbeingContext } from '../wellbeing-check.entity';

/** No riskLevel here on purpose: it is derived, and a client that sends one gets a 400 naming it. */
export class CreateWellbeingCheckDto {
  @ApiProperty({ example: '2026-03-10T09:30:00Z' })
  @IsInstant()
  occurredAt: string;

  @ApiProperty({ enum: WELLBEING_CONTEXTS })
  @IsIn(WELLBEING_CONTEXTS, { message: `context must be one of ${WELLBEING_CONTEXTS.join(', ')}` })
  context: WellbeingContext;

  @ApiProperty({ minimum: 0, maximum: 4 })
  @IsInt({ message: 'distressLevel must be a whole number from 0 to 4' })
  @Min(0, { message: 'distressLevel must be a whole number from 0 to 4' })
  @Max(4, { message: 'distressLevel must be a whole number from 0 to 4' })
  distressLevel: number;

  @ApiProperty({ enum: INDICATORS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(INDICATORS, { each: true, message: `indicators must each be one of ${INDICATORS.join(', ')}` })
  indicators: RiskIndicator[];

  @ApiProperty()
  @IsBoolean()
  trustedPersonPresent: boolean;

  /** Keys of the support directory (data/support-directory.json). */
  @ApiPropertyOptional({ type: [String], example: ['samaritans'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(REFERRAL_KEY, { each: true, message: 'referrals must each be a support-directory key (a-z, 0-9, _ and -)' })
  referrals?: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @IsPlainText()
  actions?: string;
}

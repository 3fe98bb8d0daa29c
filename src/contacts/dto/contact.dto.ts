import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsId, IsInstant, IsPlainText } from '../../common/validators';
import { CONTACT_METHODS, CONTACT_OUTCOMES, ContactMethod, ContactOutcome } from '../../rules';

export class CreateContactDto {
  /** When it happened, with a time zone. May be back-dated; never in the future. */
  @ApiProperty({ example: '2026-03-10T09:30:00Z' })
  @IsInstant()
  occurredAt: string;

  @ApiProperty({ enum: CONTACT_METHODS })
  @IsIn(CONTACT_METHODS, { message: `method must be one of ${CONTACT_METHODS.join(', ')}` })
  method: ContactMethod;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES, { message: `outcome must be one of ${CONTACT_OUTCOMES.join(', ')}` })
  outcome: ContactOutcome;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @IsPlainText()
  summary: string;

  /** Who was spoken to: one of the case's family contacts. */
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsId()
  familyContactId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['bail conditions', 'next steps'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  @IsPlainText({ each: true })
  topicsCovered?: string[];

  /** Set to log a correction: the entry it replaces. Entries are never edited in place. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  correctsContactId?: string;
}

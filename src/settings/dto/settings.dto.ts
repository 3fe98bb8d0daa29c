import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min, ValidateBy, ValidationOptions } from 'class-validator';
import { DEFAULT_RULE_SETTINGS, MILESTONE_TYPES, MilestoneType, validateRuleSettings } from '../../rules';
import { DEFAULT_RETENTION_SETTINGS, RETENTION_REVIEW_MONTHS_LIMITS, validateRetentionSettings } from '../retention-settings';

/** Checks one field with the rules' own validateRuleSettings, so the API and the rules never disagree. */
function IsRuleSetting(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRuleSetting',
      validator: {
        validate: (value, args) => validateRuleSettings({ [args!.property]: value }).length === 0,
        defaultMessage: (args) => {
          const [problem] = validateRuleSettings({ [args!.property]: args!.value });
          return `${args!.property} ${problem?.message ?? 'is not valid'}`;
        },
      },
    },
    options,
  );
}

/** Any subset of the force's settings (docs/rules.md, "Settings"). */
export class UpdateSettingsDto {
  /** The version read; when sent and stale the change is refused with 409. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional({ example: DEFAULT_RULE_SETTINGS.firstContactWorkingDays })
  @IsOptional()
  @IsRuleSetting()
  firstContactWorkingDays?: number;

  @ApiPropertyOptional({ example: DEFAULT_RULE_SETTINGS.afterMilestoneWorkingDays })
  @IsOptional()
  @IsRuleSetting()
  afterMilestoneWorkingDays?: number;

  @ApiPropertyOptional({ example: DEFAULT_RULE_SETTINGS.advanceNoticeWorkingDays })
  @IsOptional()
  @IsRuleSetting()
  advanceNoticeWorkingDays?: number;

  @ApiPropertyOptional({ example: DEFAULT_RULE_SETTINGS.defaultCadenceDays })
  @IsOptional()
  @IsRuleSetting()
  defaultCadenceDays?: number;

  @ApiPropertyOptional({ example: DEFAULT_RULE_SETTINGS.highRiskFollowUpWorkingDays })
  @IsOptional()
  @IsRuleSetting()
  highRiskFollowUpWorkingDays?: number;

  @ApiPropertyOptional({ example: DEFAULT_RULE_SETTINGS.mediumRiskFollowUpDays })
  @IsOptional()
  @IsRuleSetting()
  mediumRiskFollowUpDays?: number;

  @ApiPropertyOptional({ enum: MILESTONE_TYPES, isArray: true })
  @IsOptional()
  @IsRuleSetting()
  advanceNoticeMilestoneTypes?: MilestoneType[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsRuleSetting()
  impartialityWarning?: boolean;

  /** Months from a case's closure to its retention review date (when an admin may erase it). */
  @ApiPropertyOptional({ example: DEFAULT_RETENTION_SETTINGS.retentionReviewMonths, minimum: RETENTION_REVIEW_MONTHS_LIMITS.min, maximum: RETENTION_REVIEW_MONTHS_LIMITS.max })
  @IsOptional()
  @ValidateBy({
    name: 'isRetentionSetting',
    validator: {
      validate: (value) => validateRetentionSettings({ retentionReviewMonths: value }).length === 0,
      defaultMessage: (args) => `retentionReviewMonths ${validateRetentionSettings({ retentionReviewMonths: args?.value })[0]?.message ?? 'is not valid'}`,
    },
  })
  retentionReviewMonths?: number;
}

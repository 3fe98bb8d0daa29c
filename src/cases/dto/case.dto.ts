import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, IsPlainText } from '../../common/validators';
import { CASE_STATUSES, CONTACT_METHODS, ContactMethod, OFFENCE_TYPES, OffenceType, SUSPECT_STATUSES, SuspectStatus } from '../case-enums';

export class ChildrenAgeBandsDto {
  @IsInt()
  @Min(0)
  @Max(20)
  under5: number;

  @IsInt()
  @Min(0)
  @Max(20)
  age5to11: number;

  @IsInt()
  @Min(0)
  @Max(20)
  age12to17: number;
}

export class ContactPreferencesDto {
  @IsIn(CONTACT_METHODS)
  method: ContactMethod;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  @IsPlainText()
  times?: string;

  @IsOptional()
  @IsBoolean()
  voicemailSafe?: boolean;

  @IsOptional()
  @IsBoolean()
  textSafe?: boolean;
}

export class FamilyContactDto {
  /** Present to change an existing contact; absent to add one. */
  @IsOptional()
  @IsId()
  id?: string;

  @IsString()
  @Length(1, 120)
  @IsPlainText()
  name: string;

  @IsString()
  @Length(1, 60)
  @IsPlainText()
  relationship: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== '')
  @Matches(/^\+?[0-9 ()-]{6,40}$/, { message: 'phone must be a phone number (digits, spaces, brackets, dashes, optional +)' })
  phone?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== '')
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email?: string;
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/_-]{1,39}$/;

export class CreateCaseDto {
  @Matches(REFERENCE, { message: 'reference must be 2–40 letters, digits, slashes, dashes or underscores' })
  reference: string;

  @IsIn(OFFENCE_TYPES)
  offenceType: OffenceType;

  @IsIn(SUSPECT_STATUSES)
  suspectStatus: SuspectStatus;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  plannedArrestDate?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  arrestDate?: string | null;

  @IsBoolean()
  childrenAtHome: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => ChildrenAgeBandsDto)
  childrenAgeBands?: ChildrenAgeBandsDto;

  @IsBoolean()
  partnerWorksWithChildren: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(56)
  updateFrequencyDays?: number;

  /** Officers may leave this out (they become the liaison officer); supervisors name an officer of their team. */
  @IsOptional()
  @IsId()
  liaisonOfficerId?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  deputyOfficerId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  investigatingOfficerId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPreferencesDto)
  contactPreferences?: ContactPreferencesDto;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  @IsPlainText()
  preferredLanguage?: string;

  @IsOptional()
  @IsBoolean()
  mediaInterest?: boolean;

  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FamilyContactDto)
  familyContacts?: FamilyContactDto[];
}

export class UpdateCaseDto {
  /** The version this change was based on. A stale version is refused with 409. */
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: 'open' | 'closed';

  @IsOptional()
  @IsIn(OFFENCE_TYPES)
  offenceType?: OffenceType;

  @IsOptional()
  @IsIn(SUSPECT_STATUSES)
  suspectStatus?: SuspectStatus;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  plannedArrestDate?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  arrestDate?: string | null;

  @IsOptional()
  @IsBoolean()
  childrenAtHome?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => ChildrenAgeBandsDto)
  childrenAgeBands?: ChildrenAgeBandsDto;

  @IsOptional()
  @IsBoolean()
  partnerWorksWithChildren?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(56)
  updateFrequencyDays?: number;

  @IsOptional()
  @IsId()
  liaisonOfficerId?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  deputyOfficerId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  investigatingOfficerId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPreferencesDto)
  contactPreferences?: ContactPreferencesDto;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  @IsPlainText()
  preferredLanguage?: string;

  @IsOptional()
  @IsBoolean()
  mediaInterest?: boolean;

  /** The full list wanted: entries with an id are changed, without one are added, missing ones removed. */
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FamilyContactDto)
  familyContacts?: FamilyContactDto[];
}

export class CaseListQuery {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: 'open' | 'closed';
}

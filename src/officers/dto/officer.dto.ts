import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsId, IsPlainText } from '../../common/validators';
import { ROLES, Role } from '../officer.entity';

export class CreateOfficerDto {
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3–64 lower-case letters, digits, dots, dashes or underscores' })
  username: string;

  @IsString()
  @Length(1, 120)
  @IsPlainText()
  name: string;

  @IsString()
  @Length(1, 20)
  @IsPlainText()
  collarNumber: string;

  @Matches(/^\+?[0-9 ()-]{6,40}$/, { message: 'workPhone must be a phone number (digits, spaces, brackets, dashes, optional +)' })
  workPhone: string;

  @IsEmail()
  @Length(3, 254)
  email: string;

  @IsIn(ROLES)
  role: Role;

  @IsId()
  teamId: string;

  @IsString()
  @Length(12, 200, { message: 'password must be between 12 and 200 characters' })
  password: string;
}

/** Reassign an officer to another team or role, or correct their details. */
export class UpdateOfficerDto {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @IsPlainText()
  name?: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  @IsPlainText()
  collarNumber?: string;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,40}$/, { message: 'workPhone must be a phone number (digits, spaces, brackets, dashes, optional +)' })
  workPhone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsId()
  teamId?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateTeamDto {
  @IsString()
  @Length(1, 80)
  @IsPlainText()
  name: string;
}

export class OfficerListQuery {
  @IsOptional()
  @IsId()
  teamId?: string;
}

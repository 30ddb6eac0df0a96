import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { ALL_ORG_UNIT_KINDS, ALL_QUALIFICATIONS, ALL_ROLES } from '@lawgate/domain';

export class AccountChangeReasonDto {
  @ApiProperty({ description: 'Why (recorded in the audit trail)', example: '新聘法律顾问' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class CreateUserDto extends AccountChangeReasonDto {
  @ApiProperty({ example: 'adviser.sun' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/, {
    message: 'username must be 2-63 lower-case letters, digits, dots, dashes or underscores',
  })
  username: string;

  @ApiProperty({ example: '孙顾问' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty()
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ALL_ROLES, { each: true })
  roles: string[];

  @ApiPropertyOptional({ enum: ALL_QUALIFICATIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(ALL_QUALIFICATIONS, { each: true })
  qualifications?: string[];

  @ApiPropertyOptional({ description: 'Where e-mail notifications go', example: 'sun@jintan.gov.cn' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ description: 'Omit to have a temporary password generated and returned once' })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;
}

export class ChangeUserDto extends AccountChangeReasonDto {
  @ApiPropertyOptional({ description: 'Where e-mail notifications go', example: 'sun@jintan.gov.cn' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @ApiPropertyOptional({ description: 'Move the user to another unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ALL_ROLES, { each: true })
  roles?: string[];

  @ApiPropertyOptional({ enum: ALL_QUALIFICATIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(ALL_QUALIFICATIONS, { each: true })
  qualifications?: string[];
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @Length(10, 200)
  newPassword: string;
}

export class CreateUnitDto extends AccountChangeReasonDto {
  @ApiProperty({ example: 'JT-XJ' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'code must be 2-32 upper-case letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: '金坛区薛埠镇人民政府' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ALL_ORG_UNIT_KINDS })
  @IsIn(ALL_ORG_UNIT_KINDS)
  kind: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class ChangeUnitDto extends AccountChangeReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class ImportUsersDto extends AccountChangeReasonDto {
  @ApiProperty({ description: 'users.csv or users.xlsx (the type is taken from the name)', example: 'users.csv' })
  @Matches(/\.(csv|xlsx)$/i, { message: 'filename must end in .csv or .xlsx' })
  filename: string;

  @ApiProperty({
    description:
      'The file, base64. Columns: username, displayName, unitCode, roles, qualifications, password (roles and ' +
      'qualifications separated by ";"; password optional)',
  })
  @IsString()
  @Length(4, 2_000_000)
  contentBase64: string;
}

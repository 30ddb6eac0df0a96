import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UserViewResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty()
  unitCode!: string;

  @ApiProperty()
  unitName!: string;

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ type: [String] })
  qualifications!: string[];

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'false for an account that signs in only through the identity provider' })
  signsInWithPassword!: boolean;
}

export class UserCreatedResponseDto {
  @ApiProperty({ type: UserViewResponseDto })
  user!: UserViewResponseDto;

  @ApiPropertyOptional({ description: 'Shown once, when no password was given' })
  temporaryPassword?: string;
}

export class TemporaryPasswordResponseDto {
  @ApiProperty({ description: 'Shown once' })
  temporaryPassword!: string;
}

export class UnitViewResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;
}

export class UsersImportedResponseDto {
  @ApiProperty({ type: [UserCreatedResponseDto], description: 'Every account created, in file order' })
  created!: UserCreatedResponseDto[];
}

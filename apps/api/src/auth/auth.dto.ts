import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ALL_ROLES, Role } from '@lawgate/domain';

export class LoginDto {
  @ApiProperty({ example: 'officer.wang' })
  @IsString()
  @Length(1, 100)
  username: string;

  @ApiProperty({ example: 'lawgate-demo' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class PrincipalDto {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: Role[];
  @ApiProperty() unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitKind: string;
  @ApiPropertyOptional({ type: [String], description: 'Qualifications the administrator recorded' })
  qualifications?: string[];
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: PrincipalDto }) user: PrincipalDto;
}

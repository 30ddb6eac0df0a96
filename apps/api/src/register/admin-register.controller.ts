import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import { AdminRegisterPageDto, IssuerSeriesResponseDto } from './register.responses';
import { Role } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AdminRegisterService } from './admin-register.service';
import { AdminRegisterQueryDto, IssuerSeriesDto } from './register.dto';

/** The whole register for the legal-affairs office and administrators, and the issuers' number series. */
@ApiTags('register')
@ApiBearerAuth()
@Controller('admin')
export class AdminRegisterController {
  constructor(private readonly adminRegister: AdminRegisterService) {}

  @Get('register')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'The register in every status, unpublished and voided numbers included' })
  @ApiOkResponse({ type: AdminRegisterPageDto })
  async list(@Query() query: AdminRegisterQueryDto) {
    return this.adminRegister.list(query);
  }

  @Get('issuer-series')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: "The issuers' number series and their printed codes" })
  @ApiOkResponse({ type: IssuerSeriesResponseDto, isArray: true })
  async series() {
    return this.adminRegister.series();
  }

  @Put('issuer-series')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary: "Create or change an issuer's number series (audited with the reason); numbers given keep their form",
  })
  @ApiOkResponse({ type: IssuerSeriesResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The change breaks a rule of the number series' })
  async setSeries(@CurrentUser() user: Principal, @Body() body: IssuerSeriesDto) {
    return this.adminRegister.setSeries(user.userId, body);
  }
}

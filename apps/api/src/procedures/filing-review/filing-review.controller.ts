import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role, type FilingReviewSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ErrorBodyDto } from '../../common/error-body';
import { ProcedureSnapshotDto } from '../procedures.dto';
import { AnnualReportQueryDto, AnnualReportDto, StartFilingReviewDto } from './filing-review.dto';
import { FilingCatalogService, type AnnualFilingReport } from './filing-catalog.service';
import { FilingReviewService } from './filing-review.service';

/**
 * Filing reviews (规范性文件备案审查, receiving side). A document issued in LawGate arrives when its filing is
 * submitted; one issued outside is filed here with its package. Steps: `POST /api/procedures/:id/steps/:step`.
 */
@ApiTags('filing reviews')
@ApiBearerAuth()
@Controller('procedures')
export class FilingReviewController {
  constructor(
    private readonly reviews: FilingReviewService,
    private readonly catalog: FilingCatalogService,
  ) {}

  @Post('filing-reviews')
  @HttpCode(201)
  @Roles(Role.Drafter, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary: 'E1/E8: file a normative document with its package (issuer), or record an expected filing (office)',
  })
  @ApiCreatedResponse({ type: ProcedureSnapshotDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A malformed body or an unknown issuer' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Neither the issuer nor the legal-affairs office' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'This document of this issuer is filed already' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The package lacks the text or the report' })
  start(@CurrentUser() user: Principal, @Body() body: StartFilingReviewDto): Promise<FilingReviewSnapshot> {
    return this.reviews.start(user, body);
  }

  @Get('filing-reviews/annual-report')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiOperation({ summary: 'E9: the annual catalog of documents filed and the year’s figures, for the government' })
  @ApiOkResponse({ type: AnnualReportDto })
  annual(@Query() query: AnnualReportQueryDto): Promise<AnnualFilingReport> {
    return this.catalog.annual(query.year);
  }
}

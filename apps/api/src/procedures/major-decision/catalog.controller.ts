import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body';
import { CatalogProgressResponseDto, CatalogVersionResponseDto, PublicCatalogResponseDto } from './catalog.responses';
import { DomainError, ErrorCode, Role, scopeRefusal } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { Public, Roles } from '../../auth/roles.decorator';
import {
  AddCatalogItemDto,
  CatalogConsentDto,
  CatalogItemDto,
  CatalogPublishDto,
  CreateCatalogDraftDto,
} from './catalog.dto';
import { CatalogService, catalogDto, year } from './catalog.service';

@ApiTags('decision catalog')
@ApiBearerAuth()
@Controller('admin/catalog')
export class AdminCatalogController {
  constructor(private readonly service: CatalogService) {}

  @Get(':year/versions')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiOperation({ summary: 'Every version of the year’s catalog (newest first), with items and recorded acts' })
  @ApiOkResponse({ type: CatalogVersionResponseDto, isArray: true })
  async versions(@Param('year', year) y: number) {
    return (await this.service.catalog.versions(y)).map(catalogDto);
  }

  @Post(':year/versions')
  @HttpCode(201)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Open a draft version (copies the published items)' })
  @ApiCreatedResponse({ type: CatalogVersionResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The act breaks a catalog rule' })
  async createDraft(
    @CurrentUser() user: Principal,
    @Param('year', year) y: number,
    @Body() body: CreateCatalogDraftDto,
  ) {
    return catalogDto(await this.service.catalog.createDraft(y, body.title, user.userId, body.reason));
  }

  @Post(':year/items')
  @HttpCode(201)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Add an item to the draft version, with the reason (a recorded act)' })
  @ApiCreatedResponse({ type: CatalogVersionResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The act breaks a catalog rule' })
  async addItem(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() body: AddCatalogItemDto) {
    return this.putItem(user, y, body.itemKey, body, false);
  }

  @Patch(':year/items/:itemKey')
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Change an item of the draft version, with the reason (a recorded act)' })
  @ApiOkResponse({ type: CatalogVersionResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The act breaks a catalog rule' })
  async changeItem(
    @CurrentUser() user: Principal,
    @Param('year', year) y: number,
    @Param('itemKey') itemKey: string,
    @Body() body: CatalogItemDto,
  ) {
    return this.putItem(user, y, itemKey, body, true);
  }

  @Post(':year/party-consent')
  @HttpCode(200)
  @Roles(Role.Leader)
  @ApiOperation({
    summary:
      'A leader records the same-level Party committee’s consent to the draft version as it stands, with the meeting ' +
      'and its document (Art 3 §3); a later change of an item voids it',
  })
  @ApiOkResponse({ type: CatalogVersionResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The act breaks a catalog rule' })
  async consent(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() body: CatalogConsentDto) {
    const at = body.consentAt ? new Date(body.consentAt) : new Date();
    return catalogDto(
      await this.service.catalog.recordConsent({
        year: y,
        consentBy: body.consentBy,
        meeting: body.meeting,
        reference: body.reference,
        consentAt: at,
        actorId: user.userId,
      }),
    );
  }

  @Post(':year/publish')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Publish the draft version; refused without the recorded Party-committee consent' })
  @ApiOkResponse({ type: CatalogVersionResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The act breaks a catalog rule' })
  async publish(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() body: CatalogPublishDto) {
    return catalogDto(await this.service.catalog.publish(y, user.userId, body.reason));
  }

  @Get(':year/progress')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiOperation({ summary: 'For each published item: its stage, the steps done and the steps overdue' })
  @ApiOkResponse({ type: CatalogProgressResponseDto })
  progress(@Param('year', year) y: number) {
    return this.service.progress(y);
  }

  private async putItem(user: Principal, y: number, itemKey: string, body: CatalogItemDto, change: boolean) {
    const refusal = scopeRefusal(body.kind);
    if (refusal) throw new DomainError(ErrorCode.RuleViolation, refusal);
    const view = await this.service.catalog.putItem(
      y,
      {
        itemKey,
        title: body.title,
        kind: body.kind,
        description: body.description,
        undertakingUnitId: body.undertakingUnitId ?? null,
      },
      change,
      body.reason,
      user.userId,
    );
    return catalogDto(view);
  }
}

/** The published catalog, for everyone: each matter and the stage its procedure is in. */
@ApiTags('decision catalog')
@Controller('public/catalog')
export class PublicCatalogController {
  constructor(private readonly service: CatalogService) {}

  @Get(':year')
  @Public()
  @ApiOperation({ summary: 'The published decision catalog of the year with each item’s current stage' })
  @ApiOkResponse({ type: PublicCatalogResponseDto })
  catalog(@Param('year', year) y: number) {
    return this.service.publicCatalog(y);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublishedDecisionDto } from './public-decisions.responses';
import { Public } from '../../auth/roles.decorator';
import { PublicDecisionsService } from './public-decisions.service';

/** Published major decisions (A12), for everyone: what was decided, by whom, when and how it was published. */
@ApiTags('major decisions')
@Controller('public/decisions')
export class PublicDecisionsController {
  constructor(private readonly decisions: PublicDecisionsService) {}

  @Get('catalog-years')
  @Public()
  @ApiOperation({ summary: 'The years whose decision catalog is published, newest first' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'integer' } } })
  catalogYears() {
    return this.decisions.catalogYears();
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Published major decisions, newest first, with the publication statement' })
  @ApiOkResponse({ type: PublishedDecisionDto, isArray: true })
  list() {
    return this.decisions.list();
  }
}

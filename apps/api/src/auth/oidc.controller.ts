import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { ErrorBodyDto } from '../common/error-body';
import { OidcSignIn, OidcSignInRefused } from './oidc.service';
import { safeReturnTo } from './return-to';
import { Public } from './roles.decorator';

export class OidcSetupDto {
  @ApiProperty({ description: 'Whether the sign-in page offers the identity provider' }) enabled: boolean;
  @ApiProperty({ description: "The button's text", nullable: true, type: String }) label: string | null;
}

export class OidcStartQueryDto {
  @ApiPropertyOptional({ description: 'A path of the web app to return to after signing in', example: '/inbox' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  returnTo?: string;
}

/** What the provider sends back to the redirect URI (RFC 6749 §4.1.2, RFC 9207). */
export class OidcCallbackQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) code?: string;
  @ApiProperty() @IsString() @Length(1, 200) state: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) iss?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) error?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) error_description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) error_uri?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) session_state?: string;
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Sign-in through the government's OpenID Connect provider (authorization code with PKCE); see docs/office.md. */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcSignIn) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether sign-in through the identity provider is set up, and its button text' })
  @ApiOkResponse({ type: OidcSetupDto })
  setup(): OidcSetupDto {
    return { enabled: this.oidc.enabled, label: this.oidc.enabled ? this.oidc.label : null };
  }

  @Get('login')
  @Public()
  @ApiOperation({ summary: "Start signing in: redirects to the identity provider's authorization endpoint" })
  @ApiResponse({ status: 303, description: 'To the identity provider (Location)' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'returnTo is not a path of the web app' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No identity provider is set up' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'The identity provider cannot be reached' })
  async login(
    @Query() query: OidcStartQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const returnTo = query.returnTo === undefined ? null : safeReturnTo(query.returnTo);
    if (query.returnTo !== undefined && returnTo === null) {
      throw new DomainError(ErrorCode.ValidationFailed, 'returnTo must be a path of the web app.', {
        fields: { returnTo: ['must be a path starting with /'] },
      });
    }
    const location = await this.oidc.start(origin(request), returnTo);
    await reply.header('cache-control', 'no-store').redirect(location, 303);
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary:
      "The identity provider's redirect: exchanges the code (PKCE), maps the ID token's claim to a LawGate user and " +
      'returns to the web app with a LawGate token in the fragment (#token=…); a refusal returns to the sign-in page',
  })
  @ApiResponse({ status: 303, description: 'To the web app (signed in, or the sign-in page with the reason)' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'The state is unknown, used or expired' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No identity provider is set up' })
  async callback(@Query() query: OidcCallbackQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const started = await this.oidc.take(query.state);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    try {
      const params = Object.fromEntries(
        Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const done = await this.oidc.finish(started, params);
      const fragment = new URLSearchParams({ token: done.accessToken, returnTo: done.returnTo ?? '/' });
      await reply.redirect(`/login/oidc#${fragment.toString()}`, 303);
    } catch (err) {
      if (!(err instanceof OidcSignInRefused)) throw err;
      await reply.redirect(`/login?oidc_error=${err.reason}`, 303);
    }
  }
}

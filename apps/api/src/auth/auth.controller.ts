import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, ALL_ROLES } from '@lawgate/domain';
import { SignInThrottle } from './sign-in-throttle';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import { LoginDto, LoginResponseDto, PrincipalDto } from './auth.dto';
import { LocalIdentityProvider } from './auth.service';
import { refuseInput } from '../common/no-input';
import { bearerToken } from './bearer';
import { CurrentUser, type AuthenticatedRequest, type Principal } from './principal';
import { Public, Roles } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly local: LocalIdentityProvider,
    private readonly throttle: SignInThrottle,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Wrong username or password' })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponseDto> {
    await this.throttle.check(body.username, request.ip);
    const result = await this.local.login(body.username, body.password).catch(async (err: unknown) => {
      if (err instanceof DomainError && err.code === ErrorCode.Unauthenticated) {
        await this.throttle.failed(body.username, request.ip);
      }
      throw err;
    });
    await this.throttle.succeeded(body.username);
    return { accessToken: result.accessToken, tokenType: 'Bearer', expiresIn: result.expiresIn, user: result.user };
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, their unit and roles' })
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentUser() user: Principal): PrincipalDto {
    return user;
  }

  @Post('logout')
  @Roles(...ALL_ROLES)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: this token is refused from now on' })
  @ApiNoContentResponse()
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    refuseInput(request, 'A sign-out');
    const token = bearerToken(request);
    if (token) await this.local.logout(token);
  }

  @Post('logout-everywhere')
  @Roles(...ALL_ROLES)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out of every session of the signed-in user' })
  @ApiNoContentResponse()
  async logoutEverywhere(@CurrentUser() user: Principal, @Req() request: AuthenticatedRequest): Promise<void> {
    refuseInput(request, 'A sign-out');
    await this.local.logoutEverywhere(user.userId);
  }
}

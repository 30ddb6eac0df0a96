import { SetMetadata } from '@nestjs/common';
import type { Role } from '@lawgate/domain';

export const ROLES_KEY = 'lawgate:roles';
export const PUBLIC_KEY = 'lawgate:public';

/** The roles an endpoint admits. Every endpoint declares either `@Roles(...)` or `@Public()`. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** An endpoint open without login (health, login, the public register). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export interface RouteAccess {
  route: string;
  access: 'public' | string[];
}

/**
 * Lists every route handler with the roles it admits, and refuses to boot when a handler declares neither
 * `@Roles` nor `@Public`: access is always an explicit decision.
 */
@Injectable()
export class RouteRolesAudit implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteAccess[] {
    const out: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const base = String(this.reflector.get<string>(PATH_METADATA, instance.constructor) ?? '');
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as (...args: unknown[]) => unknown;
        const path = this.reflector.get<string | undefined>(PATH_METADATA, handler);
        if (path === undefined) continue;
        const targets = [handler, instance.constructor];
        const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
        const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets) ?? [];
        out.push({ route: `${base}/${path}`.replace(/\/+/g, '/'), access: isPublic ? 'public' : roles });
      }
    }
    return out;
  }

  onApplicationBootstrap(): void {
    const undeclared = this.routes().filter((r) => r.access !== 'public' && r.access.length === 0);
    if (undeclared.length > 0) {
      throw new Error(`Routes without @Roles or @Public: ${undeclared.map((r) => r.route).join(', ')}`);
    }
  }
}

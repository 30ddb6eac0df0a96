import { randomUUID } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { Role } from '@lawgate/domain';
import { AuditRepository, type AuditRecord } from '@lawgate/persistence';
import type { AuthenticatedRequest } from '../auth/principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_FIELD = /pass(word)?|secret|token/i;

/** What the audit trail records of one request, or null for requests it leaves to the services' own entries. */
export function auditedAction(
  method: string,
  route: string,
  roles: readonly string[],
  attachment: boolean,
): string | null {
  if (route === '/api/auth/login') return 'auth.login';
  if (method === 'GET') {
    if (/^\/api\/documents\/versions\/:[^/]+\/(content|diff)$/.test(route)) return 'document.read';
    if (route === '/api/procedures/:id/archive') return 'archive.downloaded';
    if (route.startsWith('/api/admin/audit')) return null; // reading the trail would flood it
    if (attachment) return 'export.downloaded';
    return null;
  }
  if (route.startsWith('/api/admin/')) return 'admin.change';
  if (roles.includes(Role.SystemAdmin)) return 'operator.action';
  return null;
}

/** A request body without secrets, shortened, for the entry's details. */
function redacted(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return undefined;
  const text = JSON.stringify(body, (key, value: unknown) => (SECRET_FIELD.test(key) ? '[redacted]' : value));
  return text.length > 4000 ? { truncated: text.slice(0, 4000) } : (JSON.parse(text) as unknown);
}

/**
 * One audit trail for what happens through the API: logins (success and failure), document reads, archive downloads,
 * exports, administrative changes and every operator action, with who, when, what and from where. Entries are written
 * after the request succeeded (a refused request changes nothing, the audit trail included), except a failed login,
 * which is itself the event. Actions with legal effect are audited by their own services as well.
 */
@Injectable()
export class AuditTrailInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const route = request.routeOptions?.url ?? '';
    const isLogin = route === '/api/auth/login';
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        const attachment = /attachment/i.test(String(reply.getHeader('content-disposition') ?? ''));
        const action = auditedAction(request.method, route, request.principal?.roles ?? [], attachment);
        if (!action) return [result];
        const userId = isLogin ? (result as { user?: { userId?: string } })?.user?.userId : request.principal?.userId;
        return from(this.write(request, action, userId ?? null, route).then(() => result));
      }),
      catchError((err: unknown) => {
        if (!isLogin) return throwError(() => err);
        const username = (request.body as { username?: unknown } | undefined)?.username;
        return from(
          this.write(request, 'auth.login.failed', null, route, {
            username: typeof username === 'string' ? username.slice(0, 200) : null,
          }),
        ).pipe(mergeMap(() => throwError(() => err)));
      }),
    );
  }

  private async write(
    request: AuthenticatedRequest,
    action: string,
    actorId: string | null,
    route: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const params = (request.params ?? {}) as Record<string, string>;
    const record: AuditRecord = {
      actorKind: action === 'operator.action' || action === 'admin.change' ? 'OPERATOR' : 'USER',
      actorId: actorId && UUID.test(actorId) ? actorId : null,
      action,
      procedureId: await this.procedureOf(params),
      details: {
        method: request.method,
        route,
        params,
        ...(request.method !== 'GET' && !route.startsWith('/api/auth/') ? { body: redacted(request.body) } : {}),
        ip: request.ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
        ...extra,
      },
      dedupKey: `http:${randomUUID()}`,
    };
    await this.dataSource.transaction((m) => this.audit.record(m, record));
  }

  /** The procedure a request is about, when its path names one (directly or through a document version). */
  private async procedureOf(params: Record<string, string>): Promise<string | null> {
    if (params.id && UUID.test(params.id)) {
      const [row] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM procedure WHERE id = $1', [
        params.id,
      ]);
      if (row) return row.id;
    }
    if (params.versionId && UUID.test(params.versionId)) {
      const [row] = await this.dataSource.query<{ procedure_id: string }[]>(
        'SELECT d.procedure_id FROM document_version v JOIN document d ON d.id = v.document_id WHERE v.id = $1',
        [params.versionId],
      );
      if (row) return row.procedure_id;
    }
    return null;
  }
}

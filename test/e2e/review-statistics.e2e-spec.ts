import type { DataSource } from 'typeorm';
import { CHECKLIST_ITEMS, CONTRACT_CHECKLIST } from '@lawgate/domain';
import type { ApiClient, HttpResult } from '../support/http';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { holderAmong } from '../support/inbox';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
}
interface Rate {
  total: number;
  count: number;
  rate: number | null;
}
interface Figures {
  volume: number;
  passed: Rate;
  returned: Rate;
}
interface TypeFigures extends Figures {
  type: string;
  overdue: number;
  byDepartment: (Figures & { departmentId: string; departmentName: string; overdue: number })[];
  byMonth: (Figures & { month: string })[];
}
interface ReviewStatistics {
  fromMonth: string;
  toMonth: string;
  types: TypeFigures[];
}

const REVIEWERS = ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang'];
const rate = (count: number, total: number): Rate => ({ count, total, rate: total ? count / total : null });

/**
 * The console's review statistics of the enforcement decision review and the contract review, over cases seeded
 * through the API in two departments of their own: every figure (volume, pass rate, return rate, overdue count, per
 * department and for the month) is the number the seeded cases make it, and nothing else's.
 */
describe('the console: review statistics of enforcement decisions and contracts', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-review-stats');
  beforeAll(() => {
    ({ http, db } = stack);
  });

  const ok = <T>(res: HttpResult<T>): T => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const statistics = async () =>
    ok(await http.as<ReviewStatistics>('officer.zhang', 'GET', '/api/admin/review-statistics'));
  const step = async (user: string, id: string, name: string, body: unknown = {}) =>
    ok(await http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body }));
  const upload = async (user: string, id: string, kind: string, text: string) =>
    ok(
      await http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/documents/${kind}`, {
        rawBody: text,
        headers: { 'content-type': 'text/plain' },
      }),
    );
  const overdue = (taskId: string | null) =>
    db.query(`UPDATE task SET due_at = now() - interval '2 days' WHERE id = $1`, [taskId]);

  /** A department of its own with two drafters (its case handlers and contract drafters). */
  async function department(name: string): Promise<{ id: string; users: [string, string] }> {
    const suffix = uniqueSuffix()
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(-8);
    const admin = <T>(path: string, body: unknown) => http.as<T>('admin', 'POST', path, { body });
    const units = ok(await http.as<{ id: string; code: string }[]>('admin', 'GET', '/api/org/units'));
    const government = units.find((u) => u.code === 'JT-GOV')!;
    const dept = ok(
      await admin<{ id: string }>('/api/admin/units', {
        code: `JT-ST${suffix}`,
        name: `${name}${suffix}`,
        kind: 'DEPARTMENT',
        parentId: government.id,
        reason: '统计测试',
      }),
    );
    const users: string[] = [];
    for (const who of ['a', 'b']) {
      const username = `st-${who}.${suffix.toLowerCase()}`;
      ok(
        await admin('/api/admin/users', {
          username,
          displayName: `${name}${who}`,
          unitId: dept.id,
          roles: ['DRAFTER'],
          password: 'lawgate-demo',
          reason: '统计测试',
        }),
      );
      users.push(username);
    }
    return { id: dept.id, users: users as [string, string] };
  }

  async function enforcementCase(users: [string, string], conclusion?: 'AGREE' | 'PROBLEMS'): Promise<Snapshot> {
    const s = ok(
      await http.as<Snapshot>(users[0], 'POST', '/api/procedures/enforcement-reviews', {
        body: {
          caseNumber: `ST-${uniqueSuffix()}`,
          title: '统计用执法案件',
          decisionKind: 'PENALTY',
          measure: 'FINE',
          field: '综合执法',
          amountYuan: 1000,
          statutoryGrounds: ['MAJOR_PUBLIC_INTEREST'],
          complexOrSerious: false,
          caseHandlers: users,
        },
      }),
    );
    if (!conclusion) return s;
    const id = s.procedureId;
    const draft = await upload(users[0], id, 'DRAFT', `行政处罚决定书（草稿）${id}`);
    const evidence = await upload(users[0], id, 'EVIDENCE', `现场检查笔录 ${id}`);
    await step(users[0], id, 'submit-case', {
      materials: {
        facts: '经查属实',
        evidence: [{ title: '现场检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 }],
        provisions: ['相关条款'],
        discretionStandard: '裁量基准',
        proposedDecision: '罚款一千元',
        hearingHeld: false,
      },
    });
    await step('officer.zhang', id, 'accept-materials');
    const failed: Record<string, string> = conclusion === 'PROBLEMS' ? { [CHECKLIST_ITEMS[4]]: '证据不足' } : {};
    return step('officer.zhang', id, 'conclusion', {
      conclusion,
      reasons: conclusion === 'AGREE' ? '事实清楚，证据确凿' : '证据不足，退回补充',
      checklist: CHECKLIST_ITEMS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '符合' })),
      reviewedSha256: draft.documents.DRAFT.sha256,
      noConflictDeclared: true,
    });
  }

  async function contract(user: string, conclusion?: 'PASS' | 'REVISE'): Promise<Snapshot> {
    const s = ok(
      await http.as<Snapshot>(user, 'POST', '/api/procedures/contract-reviews', {
        body: {
          contractNumber: `ST-${uniqueSuffix()}`,
          title: '统计用政府合同',
          kind: 'COMMISSIONED_SERVICES',
          administrativeAgreement: false,
          basis: 'PROCUREMENT',
          counterpart: '某咨询有限公司',
          counterpartSme: true,
          amountYuan: 900000,
          termStart: '2026-04-01',
          termEnd: '2027-03-31',
        },
      }),
    );
    if (!conclusion) return s;
    const id = s.procedureId;
    const draft = await upload(user, id, 'DRAFT', `委托合同（草案）${id}`);
    const submitted = await step(user, id, 'submit', { note: '送审' });
    const reviewer = await holderAmong(http, REVIEWERS, submitted.openTaskId);
    if (!reviewer) throw new Error(`nobody holds ${submitted.openTaskId}`);
    const failed: Record<string, string> = conclusion === 'REVISE' ? { SME_PAYMENT_TERMS: '付款期限超过六十日' } : {};
    return step(reviewer, id, 'opinion', {
      conclusion,
      reasons: conclusion === 'PASS' ? '条款合法' : '须修改付款条款',
      checklist: CONTRACT_CHECKLIST.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '符合' })),
      reviewedSha256: draft.documents.DRAFT.sha256,
    });
  }

  it('counts volume, passes, returns and overdue work per department and for the month', async () => {
    const before = await statistics();
    const first = await department('统计一局');
    const second = await department('统计二局');

    expect((await enforcementCase(first.users, 'AGREE')).stage).toBe('DECISION');
    expect((await enforcementCase(first.users, 'PROBLEMS')).stage).toBe('REWORK');
    await overdue((await enforcementCase(first.users)).openTaskId);
    await enforcementCase(second.users);
    expect((await contract(first.users[0], 'PASS')).stage).toBe('SIGNING');
    expect((await contract(second.users[0], 'REVISE')).stage).toBe('CONTRACT_REVISION');
    await overdue((await contract(second.users[1])).openTaskId);

    const after = await statistics();
    const of = (st: ReviewStatistics, type: string) => st.types.find((t) => t.type === type)!;
    const department_ = (st: ReviewStatistics, type: string, id: string) =>
      of(st, type).byDepartment.find((d) => d.departmentId === id);
    expect(after.types.map((t) => t.type)).toEqual(['ENFORCEMENT_REVIEW', 'CONTRACT_REVIEW']);

    // Per department: exactly what was seeded there.
    expect(department_(after, 'ENFORCEMENT_REVIEW', first.id)).toEqual({
      departmentId: first.id,
      departmentName: expect.stringContaining('统计一局') as string,
      volume: 3,
      passed: rate(1, 2),
      returned: rate(1, 2),
      overdue: 1,
    });
    expect(department_(after, 'ENFORCEMENT_REVIEW', second.id)).toMatchObject({
      volume: 1,
      passed: rate(0, 0),
      returned: rate(0, 0),
      overdue: 0,
    });
    expect(department_(after, 'CONTRACT_REVIEW', first.id)).toMatchObject({
      volume: 1,
      passed: rate(1, 1),
      returned: rate(0, 1),
      overdue: 0,
    });
    expect(department_(after, 'CONTRACT_REVIEW', second.id)).toMatchObject({
      departmentName: expect.stringContaining('统计二局') as string,
      volume: 2,
      passed: rate(0, 1),
      returned: rate(1, 1),
      overdue: 1,
    });

    // For the month and the type as a whole: the seeded cases added, nothing else.
    for (const [type, volume, passed, returned, concluded] of [
      ['ENFORCEMENT_REVIEW', 4, 1, 1, 2],
      ['CONTRACT_REVIEW', 3, 1, 1, 2],
    ] as const) {
      const month = (st: ReviewStatistics) =>
        of(st, type).byMonth.find((m) => m.month === st.toMonth) ?? {
          volume: 0,
          passed: rate(0, 0),
          returned: rate(0, 0),
        };
      const [was, now] = [month(before), month(after)];
      expect([
        now.volume - was.volume,
        now.passed.count - was.passed.count,
        now.returned.count - was.returned.count,
        now.passed.total - was.passed.total,
      ]).toEqual([volume, passed, returned, concluded]);
      const whole = of(after, type);
      expect(whole.volume - of(before, type).volume).toBe(volume);
      expect(whole.passed.rate).toBeCloseTo(whole.passed.count / whole.passed.total, 3);
      expect(whole.returned.total).toBe(whole.passed.total);
      // The type's overdue count is its departments' together.
      expect(whole.overdue).toBe(whole.byDepartment.reduce((sum, d) => sum + d.overdue, 0));
      expect(whole.overdue).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses the review statistics to a case unit and a bad period with a clear error', async () => {
    const forbidden = await http.as<{ code: string }>('drafter.mkt', 'GET', '/api/admin/review-statistics');
    expect({ status: forbidden.status, code: forbidden.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const bad = await http.as<{ code: string }>('officer.zhang', 'GET', '/api/admin/review-statistics?months=0');
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { CatalogRepository } from '@lawgate/persistence';
import { openTestDataSource } from '../support/test-env';

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

/** The decision catalog against PostgreSQL: versions kept, recorded acts, publication only with Party consent. */
describe(CatalogRepository.name, () => {
  let db: DataSource;
  let catalog: CatalogRepository;
  const actor = randomUUID();
  // A year no other test uses, so runs do not collide.
  const year = 3000 + Math.floor(Math.random() * 5000);

  beforeAll(async () => {
    db = await openTestDataSource();
    catalog = new CatalogRepository(db);
  });
  afterAll(() => db.destroy());

  const item = (itemKey: string, title: string) => ({
    itemKey,
    title,
    kind: 'PUBLIC_CONSTRUCTION',
    description: '重大公共建设项目',
    undertakingUnitId: null,
  });

  const consent = (reference: string) => ({
    year,
    consentBy: '中共常州市金坛区委',
    meeting: '区委常委会2026年第5次会议',
    reference,
    consentAt: new Date(),
    actorId: actor,
  });

  it('publishes a version only with the Party committee consent, and keeps every version', async () => {
    await catalog.createDraft(year, `${year}年度重大行政决策事项目录`, actor, '年度编制');
    await catalog.putItem(year, item('01', '公交场站建设'), false, '纳入目录', actor);
    const refused = await domainError(catalog.publish(year, actor, '发布'));
    expect(refused.code).toBe(ErrorCode.RuleViolation);
    expect(refused.message).toContain('第三条第三款');
    // The database keeps the rule too.
    await expect(
      db.query(`UPDATE decision_catalog_version SET status = 'PUBLISHED' WHERE created_by = $1`, [actor]),
    ).rejects.toThrow(/ck_decision_catalog_version_consent/);
    await catalog.recordConsent(consent('坛委〔2026〕1号'));
    const v1 = await catalog.publish(year, actor, '发布');
    expect(v1.version.status).toBe('PUBLISHED');

    // Items change only through a draft version, by a recorded act.
    expect((await domainError(catalog.putItem(year, item('02', 'x'), false, 'r', actor))).code).toBe(
      ErrorCode.WrongStage,
    );
    await catalog.createDraft(year, 'ignored', actor, '动态调整');
    await catalog.putItem(year, item('01', '公交场站建设（调整规模）'), true, '调整规模', actor);
    await catalog.putItem(year, item('02', '老旧小区改造'), false, '新增', actor);
    await catalog.recordConsent(consent('坛委〔2026〕9号'));
    await catalog.publish(year, actor, '发布调整');

    const versions = await catalog.versions(year);
    expect(versions.map((v) => [v.version.version, v.version.status])).toEqual([
      [2, 'PUBLISHED'],
      [1, 'SUPERSEDED'],
    ]);
    expect(versions[1].items.map((i) => i.title)).toEqual(['公交场站建设']);
    expect(versions[0].acts.map((a) => a.act)).toEqual([
      'CREATE_VERSION',
      'CHANGE_ITEM',
      'ADD_ITEM',
      'PARTY_CONSENT',
      'PUBLISH',
    ]);
    const procedureId = randomUUID();
    await catalog.linkProcedure(year, '01', procedureId);
    expect((await catalog.publishedItem(year, '01'))?.procedureId).toBe(procedureId);
  });
});

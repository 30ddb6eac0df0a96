import type { DataSource } from 'typeorm';
import { OrgUnitKind, Qualification, Role } from '@lawgate/domain';
import {
  AdviserDepartmentEntity,
  AdviserProfileEntity,
  IssuerSeriesEntity,
  OrgUnitEntity,
  UserEntity,
} from '../entities';
import { hashPassword } from '../password';

/** Password of every demo account (printed by `npm start`). */
export const DEMO_PASSWORD = 'lawgate-demo';

export const DEMO_UNITS: { code: string; name: string; kind: OrgUnitKind; parent?: string }[] = [
  { code: 'JT-GOV', name: '常州市金坛区人民政府', kind: OrgUnitKind.Government },
  { code: 'JT-EDU', name: '金坛区教育局', kind: OrgUnitKind.Department, parent: 'JT-GOV' },
  { code: 'JT-MKT', name: '金坛区市场监督管理局', kind: OrgUnitKind.Department, parent: 'JT-GOV' },
  {
    code: 'JT-LAO',
    name: '金坛区司法局（区政府法制工作机构）',
    kind: OrgUnitKind.LegalAffairsOffice,
    parent: 'JT-GOV',
  },
  { code: 'JT-LAP', name: '金坛区人民政府法律顾问委员会', kind: OrgUnitKind.LegalAdviserPool, parent: 'JT-GOV' },
];

/** Routing profiles of the demo advisers: expertise, and the department each is assigned to. */
export const DEMO_ADVISERS: { username: string; expertise: string[]; departments: string[] }[] = [
  { username: 'adviser.li', expertise: ['教育', '行政许可'], departments: ['JT-EDU'] },
  { username: 'adviser.chen', expertise: ['市场监管', '公平竞争审查'], departments: ['JT-MKT'] },
  { username: 'adviser.zhao', expertise: ['行政处罚', '行政协议'], departments: [] },
];

/**
 * Number series of the demo issuers. Issuer codes are configuration (the district's code 坛 is an assumption, see
 * regulations.md §5): administrators change them with `PUT /api/admin/issuer-series`.
 */
export const DEMO_ISSUER_SERIES: { unit: string; series: string; prefix: string }[] = [
  { unit: 'JT-GOV', series: 'NORMATIVE', prefix: '坛政规' },
  { unit: 'JT-EDU', series: 'NORMATIVE', prefix: '坛教规' },
  { unit: 'JT-MKT', series: 'NORMATIVE', prefix: '坛市监规' },
];

export const DEMO_USERS: {
  username: string;
  displayName: string;
  unit: string;
  roles: Role[];
  what: string;
  qualifications?: Qualification[];
}[] = [
  {
    username: 'drafter.edu',
    displayName: '王起草（教育局）',
    unit: 'JT-EDU',
    roles: [Role.Drafter],
    what: 'drafter, education bureau',
  },
  {
    username: 'drafter.mkt',
    displayName: '李起草（市场监管局）',
    unit: 'JT-MKT',
    roles: [Role.Drafter],
    what: 'drafter, market regulation bureau',
  },
  {
    username: 'inspector.mkt',
    displayName: '赵执法（市场监管局）',
    unit: 'JT-MKT',
    roles: [Role.Drafter],
    what: 'enforcement officer (case handler), market regulation bureau',
  },
  {
    username: 'officer.zhang',
    displayName: '张审核（司法局）',
    unit: 'JT-LAO',
    roles: [Role.LegalAffairsOfficer],
    what: 'legal-affairs officer (legal-profession qualification: reviews penalty cases)',
    qualifications: [Qualification.LegalProfession],
  },
  {
    username: 'officer.liu',
    displayName: '刘审核（司法局）',
    unit: 'JT-LAO',
    roles: [Role.LegalAffairsOfficer],
    what: 'legal-affairs officer',
  },
  {
    username: 'adviser.li',
    displayName: '李律师（法律顾问）',
    unit: 'JT-LAP',
    roles: [Role.LegalAdviser],
    what: 'legal adviser',
  },
  {
    username: 'adviser.chen',
    displayName: '陈教授（法律顾问）',
    unit: 'JT-LAP',
    roles: [Role.LegalAdviser],
    what: 'legal adviser',
  },
  {
    username: 'adviser.zhao',
    displayName: '赵律师（公职律师）',
    unit: 'JT-LAP',
    roles: [Role.LegalAdviser],
    what: 'legal adviser',
  },
  {
    username: 'leader.zhou',
    displayName: '周区长',
    unit: 'JT-GOV',
    roles: [Role.Leader],
    what: 'leader (district head)',
  },
  {
    username: 'leader.sun',
    displayName: '孙副区长',
    unit: 'JT-GOV',
    roles: [Role.Leader],
    what: 'leader (deputy head)',
  },
  {
    username: 'admin',
    displayName: '系统管理员',
    unit: 'JT-LAO',
    roles: [Role.SystemAdmin],
    what: 'system administrator',
  },
];

/**
 * Seeds the demo organisation: a district government, two drafting departments, the legal-affairs office, the
 * legal-adviser pool, three advisers, two leaders, an administrator and the issuers' number series. Idempotent: existing units and users are
 * left as they are.
 */
export async function seedDemoOrganisation(
  dataSource: DataSource,
): Promise<{ unitsAdded: number; usersAdded: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    const units = manager.getRepository(OrgUnitEntity);
    const users = manager.getRepository(UserEntity);
    let unitsAdded = 0;
    let usersAdded = 0;
    for (const unit of DEMO_UNITS) {
      if (await units.findOne({ where: { code: unit.code } })) continue;
      const parent = unit.parent ? await units.findOneOrFail({ where: { code: unit.parent } }) : null;
      await units.save(
        units.create({ code: unit.code, name: unit.name, kind: unit.kind, parentId: parent?.id ?? null }),
      );
      unitsAdded += 1;
    }
    for (const user of DEMO_USERS) {
      if (await users.findOne({ where: { username: user.username } })) continue;
      const unit = await units.findOneOrFail({ where: { code: user.unit } });
      await users.save(
        users.create({
          username: user.username,
          displayName: user.displayName,
          passwordHash,
          orgUnitId: unit.id,
          roles: user.roles,
          qualifications: user.qualifications ?? [],
          active: true,
        }),
      );
      usersAdded += 1;
    }
    for (const adviser of DEMO_ADVISERS) {
      const user = await users.findOneOrFail({ where: { username: adviser.username } });
      if (await manager.getRepository(AdviserProfileEntity).findOne({ where: { userId: user.id } })) continue;
      await manager
        .getRepository(AdviserProfileEntity)
        .save({ userId: user.id, expertise: adviser.expertise, maxOpenTasks: 10 });
      for (const code of adviser.departments) {
        const unit = await units.findOneOrFail({ where: { code } });
        await manager.getRepository(AdviserDepartmentEntity).save({ userId: user.id, departmentId: unit.id });
      }
    }
    for (const entry of DEMO_ISSUER_SERIES) {
      const unit = await units.findOneOrFail({ where: { code: entry.unit } });
      await manager
        .createQueryBuilder()
        .insert()
        .into(IssuerSeriesEntity)
        .values({ issuerUnitId: unit.id, series: entry.series, prefix: entry.prefix })
        .orIgnore()
        .execute();
    }
    return { unitsAdded, usersAdded };
  });
}

/**
 * Roles a LawGate user can hold. A user holds one or more roles and belongs to exactly one organisation unit;
 * what a role may do is decided per endpoint (`@Roles(...)`) and, inside a procedure, by the workflow's validators.
 */
export enum Role {
  /** Drafts documents and starts procedures for their own department (起草单位). */
  Drafter = 'DRAFTER',
  /** Government legal adviser or public-sector lawyer (法律顾问 / 公职律师): reviews drafts and gives opinions. */
  LegalAdviser = 'LEGAL_ADVISER',
  /** Officer of the legal-affairs office (司法局 / 法制机构): approves projects, runs legality review, watches deadlines. */
  LegalAffairsOfficer = 'LEGAL_AFFAIRS_OFFICER',
  /** Government leader (行政首长 or deputy): signs and decides at collective meetings. */
  Leader = 'LEADER',
  /** System administrator: accounts, organisation units, configuration. Cannot sign procedure steps. */
  SystemAdmin = 'SYSTEM_ADMIN',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Kinds of organisation unit. */
export enum OrgUnitKind {
  /** The district people's government itself (决策机关 / 制定机关). */
  Government = 'GOVERNMENT',
  /** A working department that drafts documents (起草单位 / 承办单位). */
  Department = 'DEPARTMENT',
  /** The legal-affairs office that reviews legality and keeps the register (合法性审核机构). */
  LegalAffairsOffice = 'LEGAL_AFFAIRS_OFFICE',
  /** The pool of government legal advisers (法律顾问委员会). */
  LegalAdviserPool = 'LEGAL_ADVISER_POOL',
  /** A town government or a street office (镇人民政府 / 街道办事处). */
  Town = 'TOWN',
}

export const ALL_ORG_UNIT_KINDS: readonly OrgUnitKind[] = Object.values(OrgUnitKind);

/** Qualifications a user may hold, recorded by an administrator. */
export enum Qualification {
  /** 法律职业资格: may act as a government legal adviser or public-sector lawyer. */
  LegalProfession = 'LEGAL_PROFESSION',
  /** 公职律师证. */
  PublicSectorLawyer = 'PUBLIC_SECTOR_LAWYER',
}

export const ALL_QUALIFICATIONS: readonly Qualification[] = Object.values(Qualification);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

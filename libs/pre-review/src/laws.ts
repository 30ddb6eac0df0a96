import lawsData from './data/laws.json';

/** The rank of a law in the hierarchy of 立法法, as the dated list records it. */
export type LawRank = 'LAW' | 'ADMINISTRATIVE_REGULATION' | 'LOCAL_REGULATION' | 'DEPARTMENT_RULE' | 'LOCAL_RULE';

export const LAW_RANK_NAMES: Record<LawRank, [string, string]> = {
  LAW: ['法律', 'law'],
  ADMINISTRATIVE_REGULATION: ['行政法规', 'administrative regulation'],
  LOCAL_REGULATION: ['地方性法规', 'local regulation'],
  DEPARTMENT_RULE: ['部门规章', 'department rule'],
  LOCAL_RULE: ['地方政府规章', 'local government rule'],
};

/** Where the list comes from and how old it is: shown with every finding that read it. */
export interface LawListSource {
  repository: string;
  commit: string;
  date: string;
  note: string;
}

/** An administrator's recorded change to the shipped list (a law repealed, renamed, added or its rank corrected). */
export interface LawOverride {
  name: string;
  status: 'IN_FORCE' | 'REPEALED';
  rank: LawRank | null;
  repealedBy: string | null;
  reason: string;
  changedAt: string;
}

export type LawStatus =
  | { status: 'IN_FORCE'; name: string; rank: LawRank; from: 'LIST' | 'OVERRIDE' }
  | { status: 'REPEALED'; name: string; repealedBy: string | null; sentence: string | null; from: 'LIST' | 'OVERRIDE' }
  | { status: 'UNKNOWN'; name: string };

interface Data {
  source: LawListSource;
  laws: { name: string; rank: LawRank; version: string | null }[];
  repealed: { name: string; repealedBy: string; sentence: string }[];
}

/** A law's name as documents cite it: without 中华人民共和国, without the inner brackets, without spaces. */
export function normaliseLawName(name: string): string {
  return name
    .replace(/[〈〉<>《》\s]/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/（[^）]*(修订|修正|试行)[^）]*）$/, '');
}

/** The dated list of laws shipped with LawGate (libs/pre-review/src/data/laws.json), with the recorded overrides. */
export class LawList {
  readonly source: LawListSource;
  private readonly inForce = new Map<string, { name: string; rank: LawRank }>();
  private readonly repealed = new Map<string, { name: string; repealedBy: string; sentence: string }>();
  private readonly overrides = new Map<string, LawOverride>();

  constructor(data: Data = lawsData as Data, overrides: readonly LawOverride[] = []) {
    this.source = data.source;
    for (const law of data.laws) this.inForce.set(normaliseLawName(law.name), law);
    for (const law of data.repealed) this.repealed.set(normaliseLawName(law.name), law);
    for (const o of overrides) this.overrides.set(normaliseLawName(o.name), o);
  }

  get size(): number {
    return this.inForce.size + this.repealed.size;
  }

  lookup(cited: string): LawStatus {
    const key = normaliseLawName(cited);
    const override = this.overrides.get(key);
    if (override?.status === 'REPEALED') {
      return {
        status: 'REPEALED',
        name: override.name,
        repealedBy: override.repealedBy,
        sentence: null,
        from: 'OVERRIDE',
      };
    }
    if (override?.status === 'IN_FORCE' && override.rank) {
      return { status: 'IN_FORCE', name: override.name, rank: override.rank, from: 'OVERRIDE' };
    }
    const law = this.inForce.get(key);
    if (law) return { status: 'IN_FORCE', name: law.name, rank: law.rank, from: 'LIST' };
    const gone = this.repealed.get(key);
    if (gone) {
      return {
        status: 'REPEALED',
        name: gone.name,
        repealedBy: gone.repealedBy,
        sentence: gone.sentence,
        from: 'LIST',
      };
    }
    return { status: 'UNKNOWN', name: cited };
  }
}

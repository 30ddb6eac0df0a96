/** The documents of a procedure that are kept in versions (regulations.md §2.2 B2, §7). */
export enum DocumentKind {
  /** 草案: the draft text. */
  Draft = 'DRAFT',
  /** 起草说明: the drafting explanation. */
  DraftingExplanation = 'DRAFTING_EXPLANATION',
  /** 制定依据: the list of laws, regulations and policies relied on. */
  BasisList = 'BASIS_LIST',
  /** 公平竞争审查结论: the fair-competition review conclusion (公平竞争审查条例). */
  FairCompetitionReview = 'FAIR_COMPETITION_REVIEW',
  /** 本单位合法性审核意见: the drafting unit's own legality opinion, a required attachment for legality review. */
  OwnLegalityOpinion = 'OWN_LEGALITY_OPINION',
  /** 会议纪要: the record of the collective deliberation. */
  MeetingRecord = 'MEETING_RECORD',
  /** 证据材料: an evidence file of an enforcement case (each file a version; the case lists them by SHA-256). */
  Evidence = 'EVIDENCE',
  /** 听证笔录: the hearing record of a case decided after a hearing. */
  HearingRecord = 'HEARING_RECORD',
  /** 备案报告: the issuer's filing report that heads a filing package. */
  FilingReport = 'FILING_REPORT',
  /** 处理情况报告: the issuer's report on how it handled a filing-review opinion. */
  HandlingReport = 'HANDLING_REPORT',
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);

/** Media types a document version may have; text ones can be compared line by line. */
export const DOCUMENT_MEDIA_TYPES: Record<string, { text: boolean; label: string }> = {
  'text/plain': { text: true, label: 'plain text' },
  'text/markdown': { text: true, label: 'Markdown' },
  'application/pdf': { text: false, label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { text: false, label: 'Word (.docx)' },
};

/** A version of a document, as the workflow and the people acting on it see it. */
export interface DocumentVersionRef {
  documentId: string;
  versionId: string;
  kind: DocumentKind;
  version: number;
  sha256: string;
}

export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes LawGate sets on every procedure, so the legal-affairs office can find procedures in the
 * Temporal Web UI and CLI as well as in LawGate (e.g. `LawGateStage = 'PROJECT_APPROVAL'`). They are defined here
 * once; the dev-server launcher and `ensureSearchAttributes` register exactly this list on whatever server is used.
 */
export const ProcedureTypeAttr = defineSearchAttributeKey('LawGateProcedureType', SearchAttributeType.KEYWORD);
/** Current stage of the procedure (a stage code such as `PROJECT_APPROVAL`). */
export const StageAttr = defineSearchAttributeKey('LawGateStage', SearchAttributeType.KEYWORD);
/** Code of the drafting / undertaking department. */
export const DepartmentAttr = defineSearchAttributeKey('LawGateDepartment', SearchAttributeType.KEYWORD);
/** Due time of the step the procedure currently waits for. */
export const DueTimeAttr = defineSearchAttributeKey('LawGateDueTime', SearchAttributeType.DATETIME);
/** Printed document number once registered, e.g. 坛政规〔2026〕3号. */
export const DocumentNumberAttr = defineSearchAttributeKey('LawGateDocumentNumber', SearchAttributeType.KEYWORD);
/**
 * The number the starter gave the matter, set at start: an enforcement case's number (`LawGateCaseNumber = 'JT-2026-7'`),
 * a contract's number. Together with `LawGateDepartment` it names the matter as the office files it.
 */
export const CaseNumberAttr = defineSearchAttributeKey('LawGateCaseNumber', SearchAttributeType.KEYWORD);

export const LAWGATE_SEARCH_ATTRIBUTES = [
  ProcedureTypeAttr,
  StageAttr,
  DepartmentAttr,
  DueTimeAttr,
  DocumentNumberAttr,
  CaseNumberAttr,
] as const;

/** The names the Temporal CLI and operator API use for each search-attribute type. */
export const SEARCH_ATTRIBUTE_CLI_TYPE: Record<string, string> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** `Name=Type` pairs for `temporal server start-dev --search-attribute`. */
export function searchAttributeCliArgs(): string[] {
  return LAWGATE_SEARCH_ATTRIBUTES.flatMap((key) => [
    '--search-attribute',
    `${key.name}=${SEARCH_ATTRIBUTE_CLI_TYPE[key.type]}`,
  ]);
}

import { formatLegalBasis } from '../periods';
import type { ProcedureDefinition, StageSpec } from './kernel/procedure-definition';
import { PROCEDURE_DEFINITIONS } from './registry';

/**
 * The stage tables of docs/, generated from the procedure definitions (`npm run docs:stages`), so that the pages say
 * what the code does: order, who acts, when a stage runs, the task it opens and its legal basis (from the table of
 * legal bases). `test/unit/stage-tables-doc.spec.ts` fails when a page is out of date.
 */

const PARTY: Record<string, string> = {
  DRAFTING_UNIT: 'drafting / undertaking unit',
  LEGAL_AFFAIRS_OFFICE: 'legal-affairs office',
  LEGAL_ADVISER: 'legal adviser',
  GOVERNMENT: 'government (leaders, meeting)',
  MARKET_REGULATION: 'market regulation department',
};

function runs(spec: StageSpec<string, string, never>): string {
  if (spec.runs.kind === 'ALWAYS') return 'always';
  return `${spec.runs.kind === 'INPUT' ? 'when' : 'on outcome'}: ${spec.runs.description}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One procedure's stage table in Markdown. */
export function stageTableMarkdown(def: ProcedureDefinition): string {
  const rows = def.stages.map((spec, i) =>
    [
      String(i + 1),
      `\`${spec.stage}\``,
      `${spec.name.zh} (${spec.name.en})`,
      runs(spec),
      `${PARTY[spec.party] ?? spec.party}: ${spec.roles.join(', ')}${spec.partyNote ? ` — ${spec.partyNote}` : ''}`,
      spec.entryTask ?? '—',
      formatLegalBasis(spec.basis),
    ].map(cell),
  );
  const terminal = def.terminal.map((spec) =>
    ['—', `\`${spec.stage}\``, `${spec.name.zh} (${spec.name.en})`, 'end', '—', '—', formatLegalBasis(spec.basis)].map(
      cell,
    ),
  );
  const header = ['#', 'stage', 'name', 'runs', 'who acts', 'entry task', 'legal basis'];
  return [header, header.map(() => '---'), ...rows, ...terminal].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

const marker = (type: string, end: boolean) => `<!-- stage-table:${type}:${end ? 'end' : 'start'} -->`;

/** `doc` with every generated stage table between its markers replaced by the current one. */
export function withStageTables(doc: string, defs: readonly ProcedureDefinition[] = PROCEDURE_DEFINITIONS): string {
  let out = doc;
  for (const def of defs) {
    const start = marker(def.type, false);
    const end = marker(def.type, true);
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) continue;
    const note = '<!-- Generated from the procedure definition by `npm run docs:stages`; do not edit by hand. -->';
    out = `${out.slice(0, from)}${start}\n\n${note}\n\n${stageTableMarkdown(def)}\n\n${out.slice(to)}`;
  }
  return out;
}

/** The pages that carry generated stage tables. */
export const STAGE_TABLE_DOCS = [
  'docs/major-decision.md',
  'docs/normative-document.md',
  'docs/filing-review.md',
] as const;

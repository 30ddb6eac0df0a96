import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { REGISTER_STATUSES, type RegisterStatus, DomainError, ErrorCode, type CleanupDecision } from '@lawgate/domain';
import { OversightService } from '../oversight/oversight.service';
import { entryDto, RegisterService, type ListFilters } from '../register/register.service';
import { CleanupRepository } from '@lawgate/persistence';
import { CatalogService } from '../procedures/major-decision/catalog.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 20000;
const PAGE = 100;

interface Column {
  header: string;
  key: string;
  width: number;
}

interface Sheet {
  name: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

async function workbookOf(sheets: Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LawGate';
  for (const { name, columns, rows } of sheets) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(rows);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function workbook(sheetName: string, columns: Column[], rows: Record<string, unknown>[]): Promise<Buffer> {
  return workbookOf([{ name: sheetName, columns, rows }]);
}

const DECIDED_COLUMNS: Column[] = [
  { header: '文号 Number', key: 'number', width: 24 },
  { header: '标题 Title', key: 'title', width: 48 },
  { header: '理由 Reason', key: 'reason', width: 48 },
  { header: '决定时间 Decided', key: 'decidedAt', width: 22 },
];

/**
 * Lists the office takes away as Excel workbooks (exceljs): the register, the overdue work, the year's decision
 * catalog and a clean-up campaign's lists.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly register: RegisterService,
    private readonly oversight: OversightService,
    private readonly catalog: CatalogService,
    private readonly cleanup: CleanupRepository,
  ) {}

  /** The year's published decision catalog: each item, its kind, and where its procedure stands. */
  async catalogWorkbook(year: number): Promise<Buffer> {
    const published = await this.catalog.published(year);
    const progress = await this.catalog.progress(year);
    const byKey = new Map(progress.items.map((i) => [i.itemKey, i]));
    return workbook(
      `${year} 目录 Catalog`,
      [
        { header: '事项编号 Item', key: 'itemKey', width: 12 },
        { header: '事项名称 Title', key: 'title', width: 40 },
        { header: '类别 Kind', key: 'kind', width: 28 },
        { header: '说明 Description', key: 'description', width: 48 },
        { header: '阶段 Stage', key: 'stage', width: 22 },
        { header: '已办步骤 Steps done', key: 'stepsDone', width: 14 },
        { header: '逾期步骤 Steps overdue', key: 'stepsOverdue', width: 14 },
      ],
      published.items.map((item) => {
        const p = byKey.get(item.itemKey);
        return {
          itemKey: item.itemKey,
          title: item.title,
          kind: item.kind,
          description: item.description,
          stage: p?.stage ?? 'NOT_STARTED',
          stepsDone: p?.stepsDone.length ?? 0,
          stepsOverdue: p?.stepsOverdue.length ?? 0,
        };
      }),
    );
  }

  /** A clean-up campaign's lists, one sheet each: kept, amended, repealed, and expired documents. */
  async cleanupWorkbook(campaignId: string): Promise<Buffer> {
    const campaign = await this.cleanup.findCampaign(campaignId);
    if (!campaign) throw new DomainError(ErrorCode.NotFound, `There is no clean-up campaign ${campaignId}.`);
    const decided = await this.cleanup.decided(campaignId);
    const of = (d: CleanupDecision) =>
      decided
        .filter((r) => r.decision === d)
        .map((r) => ({
          number: r.number,
          title: r.title,
          reason: r.reason ?? '',
          decidedAt: r.decidedAt?.toISOString() ?? '',
        }));
    const expired = await this.cleanup.expired();
    return workbookOf([
      { name: '继续有效 Kept', columns: DECIDED_COLUMNS, rows: of('KEEP') },
      { name: '修改 Amended', columns: DECIDED_COLUMNS, rows: of('AMEND') },
      { name: '废止 Repealed', columns: DECIDED_COLUMNS, rows: of('REPEAL') },
      {
        name: '已失效 Expired',
        columns: [
          { header: '文号 Number', key: 'number', width: 24 },
          { header: '标题 Title', key: 'title', width: 48 },
          { header: '有效期至 Valid until', key: 'validUntil', width: 14 },
        ],
        rows: expired.map((e) => ({ number: e.number, title: e.title, validUntil: e.validUntil })),
      },
    ]);
  }

  /** Every register entry matching the filters (all pages), newest registration first. */
  async registerWorkbook(filters: Omit<ListFilters, 'cursor' | 'limit'>, status?: RegisterStatus): Promise<Buffer> {
    const rows: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.register.list(
        { ...filters, cursor, limit: PAGE },
        status ? [status] : [...REGISTER_STATUSES],
      );
      for (const row of page.items) {
        const e = entryDto(row);
        rows.push({
          number: e.number,
          title: e.title,
          issuer: e.issuer.name,
          status: e.status,
          registeredAt: e.registeredAt.slice(0, 10),
          publishedAt: e.publishedAt?.slice(0, 10) ?? '',
          validUntil: e.validUntil,
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < MAX_ROWS);
    return workbook(
      '登记 Register',
      [
        { header: '文号 Number', key: 'number', width: 24 },
        { header: '标题 Title', key: 'title', width: 48 },
        { header: '制定机关 Issuer', key: 'issuer', width: 28 },
        { header: '状态 Status', key: 'status', width: 12 },
        { header: '登记日期 Registered', key: 'registeredAt', width: 14 },
        { header: '公布日期 Published', key: 'publishedAt', width: 14 },
        { header: '有效期至 Valid until', key: 'validUntil', width: 14 },
      ],
      rows,
    );
  }

  async overdueWorkbook(): Promise<Buffer> {
    const page = await this.oversight.overdue(MAX_ROWS);
    return workbook(
      '逾期 Overdue',
      [
        { header: '程序 Procedure', key: 'procedureTitle', width: 40 },
        { header: '起草单位 Department', key: 'departmentName', width: 24 },
        { header: '阶段 Stage', key: 'stage', width: 18 },
        { header: '任务 Task', key: 'title', width: 32 },
        { header: '办理人 Holder', key: 'holder', width: 24 },
        { header: '期限 Due', key: 'dueAt', width: 22 },
        { header: '依据 Legal basis', key: 'legalBasis', width: 40 },
      ],
      page.items.map((t) => ({
        ...t,
        holder: t.assigneeName ?? t.assigneeUnitName,
      })),
    );
  }
}

import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { REGISTER_STATUSES, type RegisterStatus } from '@lawgate/domain';
import { OversightService } from '../oversight/oversight.service';
import { entryDto, RegisterService, type ListFilters } from '../register/register.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 20000;
const PAGE = 100;

interface Column {
  header: string;
  key: string;
  width: number;
}

async function workbook(sheetName: string, columns: Column[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LawGate';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Lists the office takes away as Excel workbooks (exceljs): the register and the overdue work. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly register: RegisterService,
    private readonly oversight: OversightService,
  ) {}

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

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError, ErrorCode, ALL_QUALIFICATIONS, ALL_ROLES } from '@lawgate/domain';

export const IMPORT_COLUMNS = [
  'username',
  'displayName',
  'unitCode',
  'roles',
  'qualifications',
  'email',
  'password',
] as const;
export const MAX_IMPORT_ROWS = 2000;

export interface ImportRow {
  line: number;
  username: string;
  displayName: string;
  unitCode: string;
  roles: string[];
  qualifications: string[];
  email?: string;
  password?: string;
}

/**
 * Reads the rows of a users file (CSV or XLSX, both through exceljs). The first row names the columns
 * (`IMPORT_COLUMNS`, in any order; `password` and `qualifications` may be left out). Every row's problems are
 * collected, so that the administrator sees them all at once; one bad row refuses the whole file.
 */
export async function readUserRows(filename: string, content: Buffer): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.xlsx$/i.test(filename)) {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      sheet = await workbook.csv.read(Readable.from([text]));
    }
  } catch (err) {
    throw new DomainError(ErrorCode.ValidationFailed, `${filename} could not be read: ${(err as Error).message}`);
  }
  if (!sheet || sheet.rowCount < 2) {
    throw new DomainError(ErrorCode.ValidationFailed, `${filename} has no rows below its header.`);
  }
  const header = cells(sheet.getRow(1));
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = ['username', 'displayName', 'unitCode', 'roles'].filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, `${filename} lacks the column(s) ${missing.join(', ')}.`, {
      expectedColumns: IMPORT_COLUMNS,
    });
  }
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) {
    throw new DomainError(ErrorCode.ValidationFailed, `${filename} has more than ${MAX_IMPORT_ROWS} rows.`);
  }
  const rows: ImportRow[] = [];
  const problems: { line: number; problem: string }[] = [];
  const seen = new Set<string>();
  for (let line = 2; line <= sheet.rowCount; line++) {
    const values = cells(sheet.getRow(line));
    if (values.every((v) => v.trim() === '')) continue;
    const get = (name: string) => (index.has(name) ? (values[index.get(name) as number] ?? '').trim() : '');
    const list = (name: string) =>
      get(name)
        .split(/[;|,，；]/)
        .map((v) => v.trim())
        .filter(Boolean);
    const row: ImportRow = {
      line,
      username: get('username'),
      displayName: get('displayName'),
      unitCode: get('unitCode'),
      roles: list('roles'),
      qualifications: list('qualifications'),
      ...(get('email') ? { email: get('email') } : {}),
      ...(get('password') ? { password: get('password') } : {}),
    };
    const bad = (problem: string) => problems.push({ line, problem });
    if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(row.username)) bad(`username "${row.username}" is not valid`);
    if (seen.has(row.username)) bad(`username ${row.username} appears twice in the file`);
    seen.add(row.username);
    if (!row.displayName) bad('displayName is empty');
    if (row.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(row.email)) bad(`email "${row.email}" is not valid`);
    if (!row.unitCode) bad('unitCode is empty');
    if (row.roles.length === 0) bad('roles is empty');
    for (const r of row.roles) if (!(ALL_ROLES as readonly string[]).includes(r)) bad(`unknown role ${r}`);
    for (const q of row.qualifications) {
      if (!(ALL_QUALIFICATIONS as readonly string[]).includes(q)) bad(`unknown qualification ${q}`);
    }
    rows.push(row);
  }
  if (problems.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, `${filename}: ${problems.length} problem(s); nothing imported.`, {
      problems,
    });
  }
  if (rows.length === 0) throw new DomainError(ErrorCode.ValidationFailed, `${filename} has no users.`);
  return rows;
}

function cells(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    out[col - 1] = cell.text ?? '';
  });
  return Array.from(out, (v) => v ?? '');
}

import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { AccountRepository } from '@lawgate/persistence';
import type { Principal } from '../auth/principal';
import { AccountsService, type UserView } from './accounts.service';
import { readUserRows } from './user-import';

export interface ImportResult {
  created: { user: UserView; temporaryPassword?: string }[];
}

/** Creates the users of a CSV or XLSX file: every row, or, when any row is refused, none. */
@Injectable()
export class UserImportService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly service: AccountsService,
  ) {}

  async importFile(actor: Principal, filename: string, content: Buffer, reason: string): Promise<ImportResult> {
    const rows = await readUserRows(filename, content);
    return this.accounts.transaction(async (manager) => {
      const created: ImportResult['created'] = [];
      const problems: { line: number; problem: string }[] = [];
      for (const row of rows) {
        const unit = await this.service.unitByCode(manager, row.unitCode);
        if (!unit) problems.push({ line: row.line, problem: `no unit with the code ${row.unitCode}` });
        if (await this.service.usernameTaken(manager, row.username)) {
          problems.push({ line: row.line, problem: `the username ${row.username} is taken` });
        }
        if (!unit || problems.length > 0) continue; // the file is refused: only look for more problems
        try {
          created.push(
            await this.service.createUserIn(
              manager,
              actor,
              {
                username: row.username,
                displayName: row.displayName,
                unitId: unit.id,
                roles: row.roles,
                qualifications: row.qualifications,
                email: row.email,
                password: row.password,
              },
              `${reason} (${filename}, line ${row.line})`,
            ),
          );
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problems.push({ line: row.line, problem: err.message });
        }
      }
      if (problems.length > 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `${filename}: ${problems.length} problem(s); nothing imported.`,
          { problems },
        );
      }
      return { created };
    });
  }
}

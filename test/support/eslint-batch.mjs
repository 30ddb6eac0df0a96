// Lints a batch in one ESLint instance (one type-checked program for all of it), for the lint rules' own tests
// (`test/support/eslint.ts`). Reads a JSON list of jobs on stdin, each `{ filePath, code }` (linted as that file) or
// `{ patterns }` (files on disk), and writes, for each job, the messages it gave (for files on disk, with the file each
// is in). The files on disk are linted first, before any text stands in for one of them in the shared program.
import { ESLint } from 'eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const jobs = JSON.parse(input);
const eslint = new ESLint({ cwd: process.cwd() });
const answers = new Array(jobs.length);
const order = jobs.map((job, i) => i).sort((a, b) => Number(!jobs[a].patterns) - Number(!jobs[b].patterns));
for (const i of order) {
  const job = jobs[i];
  const results = job.patterns
    ? await eslint.lintFiles(job.patterns)
    : await eslint.lintText(job.code, { filePath: job.filePath });
  answers[i] = results.flatMap((r) =>
    r.messages.map(({ ruleId, message }) =>
      job.patterns ? { ruleId, message, filePath: r.filePath } : { ruleId, message },
    ),
  );
}
process.stdout.write(JSON.stringify(answers));

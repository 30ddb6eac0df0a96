import { Button, Input, Radio, Space, Table, Typography } from 'antd';
import { useLang, useTr } from '../../i18n';
import type { Pair } from '../../pages/MajorDecisionSteps';

/** One row of a review checklist as the step body carries it: the item, met or not, and a note. */
export interface ChecklistRow {
  item: string;
  ok: boolean | undefined;
  note: string;
}

/** A checklist field of a step form: its items in order, each with its name in Chinese and English. */
export interface ChecklistSpec {
  items: readonly string[];
  names: Record<string, Pair>;
  /** What a row's verdict is called (default 符合 / 不符合). */
  verdicts?: { met: Pair; notMet: Pair };
}

/** A checklist with a row for each item, none answered yet. */
export function emptyChecklist(spec: ChecklistSpec): ChecklistRow[] {
  return spec.items.map((item) => ({ item, ok: undefined, note: '' }));
}

/**
 * Why a checklist cannot be submitted (every item answered; an item not met says what is wrong), in the reader's
 * language, or null. The API checks the same again (and, for each procedure, that the verdicts fit the outcome).
 */
export function checklistProblem(
  rows: readonly ChecklistRow[] | undefined,
  spec: ChecklistSpec,
  tr: (zh: string, en: string) => string,
  lang: string,
): string | null {
  const name = (item: string) => spec.names[item]?.[lang === 'en' ? 1 : 0] ?? item;
  const unanswered = (rows ?? []).filter((r) => r.ok === undefined).map((r) => name(r.item));
  if (!rows || rows.length !== spec.items.length || unanswered.length > 0) {
    return tr(`请逐项作出判断：${unanswered.join('、')}`, `Give a verdict on each item: ${unanswered.join(', ')}`);
  }
  const noNote = rows.filter((r) => r.ok === false && !r.note.trim()).map((r) => name(r.item));
  if (noNote.length > 0) {
    return tr(
      `不符合的事项须说明问题：${noNote.join('、')}`,
      `Say what is wrong with each item not met: ${noNote.join(', ')}`,
    );
  }
  return null;
}

/**
 * A review checklist as a form control (antd `Form.Item` value and onChange): one row per item with its verdict (met
 * / not met) and a note, and a button that marks every unanswered item met. Accessible by name: each row's radio
 * group is labelled with the item, its note with the item and 说明.
 */
export function ChecklistField({
  spec,
  label,
  value,
  onChange,
}: {
  spec: ChecklistSpec;
  label: string;
  value?: ChecklistRow[];
  onChange?: (rows: ChecklistRow[]) => void;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const pick = (pair: Pair) => pair[lang === 'en' ? 1 : 0];
  const rows = value && value.length === spec.items.length ? value : emptyChecklist(spec);
  const verdicts = spec.verdicts ?? { met: ['符合', 'Met'], notMet: ['不符合', 'Not met'] };
  const set = (item: string, change: Partial<ChecklistRow>) =>
    onChange?.(rows.map((r) => (r.item === item ? { ...r, ...change } : r)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="checklist">
      <Button size="small" onClick={() => onChange?.(rows.map((r) => (r.ok === undefined ? { ...r, ok: true } : r)))}>
        {tr('未判断的事项均标为符合', 'Mark every unanswered item met')}
      </Button>
      <Table<ChecklistRow>
        size="small"
        pagination={false}
        rowKey="item"
        aria-label={label}
        dataSource={rows}
        columns={[
          {
            title: tr('审查标准', 'Standard'),
            dataIndex: 'item',
            render: (item: string) => (
              <Typography.Text>{spec.names[item] ? pick(spec.names[item]) : item}</Typography.Text>
            ),
          },
          {
            title: tr('判断', 'Verdict'),
            key: 'ok',
            width: 170,
            render: (_: unknown, r) => {
              const name = spec.names[r.item] ? pick(spec.names[r.item]) : r.item;
              return (
                <Radio.Group
                  aria-label={name}
                  value={r.ok === undefined ? undefined : r.ok ? 'MET' : 'NOT_MET'}
                  onChange={(e) => set(r.item, { ok: e.target.value === 'MET' })}
                  options={[
                    { value: 'MET', label: pick(verdicts.met) },
                    { value: 'NOT_MET', label: pick(verdicts.notMet) },
                  ]}
                />
              );
            },
          },
          {
            title: tr('说明', 'Note'),
            key: 'note',
            render: (_: unknown, r) => {
              const name = spec.names[r.item] ? pick(spec.names[r.item]) : r.item;
              return (
                <Input
                  aria-label={tr(`${name} 说明`, `${name} note`)}
                  value={r.note}
                  maxLength={2000}
                  status={r.ok === false && !r.note.trim() ? 'warning' : undefined}
                  placeholder={r.ok === false ? tr('问题是什么（必填）', 'What is wrong (required)') : ''}
                  onChange={(e) => set(r.item, { note: e.target.value })}
                />
              );
            },
          },
        ]}
      />
    </Space>
  );
}

import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useState } from 'react';
import { get, newIdempotencyKey, post } from '../api';
import { basisOf, procedureDefinition } from '@lawgate/domain';
import { useLang, useTr } from '../i18n';
import { conclusionName, explain, stageName } from '../labels';
import type { AvailableSteps, OrgUnit } from '../api/types';
import { PreReviewPanel, type PreReviewDecision } from '../procedures/shared/PreReviewPanel';
import {
  ChecklistField,
  checklistProblem,
  emptyChecklist,
  type ChecklistRow,
  type ChecklistSpec,
} from '../procedures/shared/ChecklistField';

/** The fields of a step body, as the API describes them for a form (the document's `StepField`). */
type Schema = AvailableSteps['steps'][number]['schema'];

export type Pair = [string, string];

/** What a procedure's panel adds to the generic step forms: its own step, field and value names, initial values. */
export interface StepFormLabels {
  steps?: Record<string, Pair>;
  fields?: Record<string, Pair>;
  /** Names of enumerated values (conclusions, outcomes) beside the shared ones. */
  values?: Record<string, Pair>;
  /** Initial values of a step's form (e.g. a checklist to go through), besides the current text's SHA-256. */
  initial?: (step: string) => Record<string, unknown>;
  /**
   * Fields (a list of `{ item, ok, note }`) shown as a checklist: one row per item with its verdict and a note,
   * validated before it is sent, instead of the JSON a person would type.
   */
  checklists?: Record<string, ChecklistSpec>;
}

/** Each step's name; the stage's article is shown beside them (MAJOR_DECISION_STAGE_BASIS). */
const STEPS: Record<string, Pair> = {
  launch: ['决策启动', 'Launch decision'],
  'draft-options': ['提交决策草案', 'Submit the draft options'],
  consultation: ['部门协商', 'Inter-agency consultation'],
  'comment-window': ['公开征求意见', 'Publish for comment'],
  'close-comment-window': ['结束征求意见', 'Close the comment period'],
  'comment-answers': ['答复公众意见', 'Answer a public opinion'],
  hearing: ['听证', 'Hearing'],
  'complete-public-participation': ['完成公众参与', 'Complete public participation'],
  'expert-opinions': ['专家论证意见', 'Expert opinion'],
  'complete-experts': ['完成专家论证', 'Complete expert argumentation'],
  'risk-assessment': ['风险评估', 'Risk assessment'],
  'legality-review': ['提交合法性审查', 'Submit for legality review'],
  'legality-opinion': ['合法性审查意见', 'Legality-review opinion'],
  'meeting-package': ['提交审议材料', 'Meeting package'],
  meeting: ['集体讨论决定', 'Collective discussion'],
  'party-report': ['向党委请示报告', 'Report to the Party committee'],
  publication: ['决策公布', 'Publication'],
  registration: ['统一登记编号', 'Registration and numbering'],
  archive: ['决策归档', 'Archive'],
  'execution-reports': ['执行情况报告', 'Execution report'],
  evaluations: ['决策后评估', 'Post-decision evaluation'],
  suspend: ['中止执行', 'Suspend execution'],
  resume: ['恢复执行', 'Resume execution'],
  adjust: ['决策调整', 'Adjust the decision'],
  close: ['结束决策', 'Close the decision'],
};

/** Field names as a person reads them; a field not listed shows its API name. */
const FIELDS: Record<string, Pair> = {
  launch: ['同意启动', 'Launch'],
  undertakingUnitId: ['承办单位', 'Undertaking unit'],
  leadUnitId: ['牵头单位', 'Lead unit'],
  reason: ['理由', 'Reason'],
  options: ['决策方案', 'Options'],
  lawInventory: ['法律法规依据清单', 'Law inventory'],
  costBenefit: ['成本效益分析', 'Cost-benefit analysis'],
  consulted: ['征求意见的部门', 'Bodies consulted'],
  consensus: ['已达成一致', 'Consensus reached'],
  disputeMemo: ['分歧说明', 'Dispute memo'],
  period: ['征求意见期限', 'Comment period'],
  shortenedReason: ['缩短期限的理由（须公开）', 'Reason for a shorter period (published)'],
  commentId: ['意见编号', 'Comment id'],
  answer: ['采纳情况', 'Answer'],
  materialsDeliveredAt: ['听证材料送达时间', 'Materials delivered at'],
  participantListPublishedAt: ['参加人名单公布时间', 'Participant list published at'],
  heldAt: ['听证时间', 'Held at'],
  participants: ['听证参加人', 'Participants'],
  signedRecordSha256: ['签字听证笔录 SHA-256', 'Signed record SHA-256'],
  expert: ['专家意见', 'Expert opinion'],
  adoption: ['专家意见采纳情况', 'How the opinions were used'],
  dissentingInvited: ['已邀请持不同意见的专家', 'Dissenting experts invited'],
  riskPoints: ['风险点', 'Risk points'],
  measures: ['防范措施', 'Measures'],
  contingencyPlan: ['应急预案', 'Contingency plan'],
  level: ['风险等级', 'Risk level'],
  method: ['评估方法', 'Method'],
  controllable: ['风险可控', 'Risk controllable'],
  basisStatement: ['决策依据说明', 'Statement of the legal basis'],
  proceduresPerformed: ['已履行程序', 'Procedures performed'],
  conclusion: ['审查结论', 'Conclusion'],
  reasons: ['理由', 'Reasons'],
  reviewedSha256: ['所审文本 SHA-256', 'SHA-256 of the text reviewed'],
  legalRisk: ['法律风险说明（探索性改革）', 'Legal risk (exploratory reform)'],
  fairCompetitionReview: ['公平竞争审查意见', 'Fair-competition review'],
  note: ['说明', 'Note'],
  meetingType: ['会议类型', 'Meeting type'],
  meeting: ['会议名称', 'Meeting'],
  meetingDate: ['会议日期', 'Meeting date'],
  positions: ['组成人员意见', "Members' positions"],
  headId: ['行政首长（编号）', 'Head (id)'],
  attendees: ['出席人员', 'Members present'],
  membersTotal: ['组成人员总数', 'Members of the meeting'],
  classification: ['分类标志（确认或变更）', 'Classification flags (confirm or change)'],
  classificationReason: ['分类标志变更说明', 'Why the flags are changed'],
  decision: ['决定', 'Decision'],
  headReason: ['首长与多数意见不一致的理由', "Head's reason when departing from the majority"],
  reportedTo: ['报告对象', 'Reported to'],
  reference: ['文号或会议', 'Reference'],
  channels: ['公布渠道', 'Channels'],
  opinionsExplanation: ['公众和专家意见采纳情况说明', 'How public and expert opinions were used'],
  kind: ['类型', 'Kind'],
  text: ['内容', 'Text'],
  evaluator: ['评估单位', 'Evaluator'],
  didPreDecisionWork: ['评估单位参与过决策前工作', 'Evaluator took part before the decision'],
  result: ['评估结论', 'Result'],
};

/** An example value for a structured field, shown as the JSON a person fills in. */
function example(schema: Schema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema).map(([k, rule]) => [
      k,
      rule.oneOf
        ? rule.oneOf[0]
        : rule.type === 'boolean'
          ? false
          : rule.type === 'int' || rule.type === 'number'
            ? 0
            : rule.type === 'string[]'
              ? []
              : '',
    ]),
  );
}

/**
 * The steps of a major decision the signed-in person can take now, each as a form built from the step's field
 * schema that the API publishes. The workflow checks every rule again; a refusal is explained in plain words.
 */
export function MajorDecisionSteps({
  procedureId,
  draftSha256,
  onDone,
  labels = {},
}: {
  procedureId: string;
  /** The current draft's SHA-256, filled in where a step names the text it is about. */
  draftSha256: string | null;
  onDone: () => Promise<void>;
  /** Another procedure's own names and initial values (the forms are the same for every procedure). */
  labels?: StepFormLabels;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const [available, setAvailable] = useState<AvailableSteps | null>(null);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const steps = await get<AvailableSteps>(`/api/procedures/${procedureId}/steps`);
      if (steps.steps.some((s) => Object.keys(s.schema).some((f) => f.endsWith('UnitId')))) {
        setUnits(await get<OrgUnit[]>('/api/org/units'));
      }
      setAvailable(steps);
    } catch (err) {
      setError(explain(err));
    }
  }, [procedureId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert type="error" message={error} showIcon role="alert" />;
  if (!available || available.steps.length === 0) return null;
  const definition = procedureDefinition(available.type);
  const basis = definition && basisOf(definition, available.stage);
  const stageLabel = stageName(available.stage, lang, available.type);
  return (
    <Card size="small" title={tr(`本阶段可办理的步骤（${stageLabel}）`, `Steps you can take now (${stageLabel})`)}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {basis && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tr('依据：', 'Basis: ')}
            {basis.regulation} {basis.article}
          </Typography.Text>
        )}
        {available.waitingFor && (
          <Typography.Text type="secondary">
            {tr('等待：', 'Waiting for: ')}
            {available.waitingFor}
          </Typography.Text>
        )}
        {available.steps.map((s) => (
          <StepForm
            // A new draft version starts the step's form afresh, with the new SHA-256 filled in.
            key={`${s.step}:${draftSha256 ?? ''}`}
            procedureId={procedureId}
            step={s.step}
            schema={s.schema}
            units={units}
            draftSha256={draftSha256}
            labels={labels}
            onDone={async () => {
              await onDone();
              await load();
            }}
          />
        ))}
      </Space>
    </Card>
  );
}

function StepForm({
  procedureId,
  step,
  schema,
  units,
  draftSha256,
  labels,
  onDone,
}: {
  procedureId: string;
  step: string;
  schema: Schema;
  units: OrgUnit[];
  draftSha256: string | null;
  labels: StepFormLabels;
  onDone: () => Promise<void>;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const pick = (pair: Pair | undefined, fallback: string) => (pair ? pair[lang === 'en' ? 1 : 0] : fallback);
  const stepNames = { ...STEPS, ...labels.steps };
  const fieldNames = { ...FIELDS, ...labels.fields };
  const valueName = (v: string) => (labels.values?.[v] ? pick(labels.values[v], v) : conclusionName(v, lang));
  const title = pick(stepNames[step], step);
  const formName = `md-${step.replace(/\W/g, '-')}`;
  // The legality opinion decides each finding of the pre-review in its own panel, not as a JSON field.
  const withPreReview = 'preReviewDecisions' in schema;
  const [preReview, setPreReview] = useState<{ decisions: PreReviewDecision[] | null; complete: boolean }>({
    decisions: null,
    complete: !withPreReview,
  });
  const fields = Object.entries(schema).filter(([field]) => field !== 'preReviewDecisions');

  const submit = (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    if (withPreReview && preReview.decisions) body.preReviewDecisions = preReview.decisions;
    for (const [field, rule] of fields) {
      const v = values[field];
      if (v === undefined || v === null || v === '') {
        if (rule.type === 'boolean') body[field] = false;
        continue;
      }
      if (labels.checklists?.[field]) {
        body[field] = (v as ChecklistRow[]).map((r) => ({ item: r.item, ok: r.ok === true, note: r.note.trim() }));
      } else if (typeof rule.type === 'object') {
        try {
          body[field] = JSON.parse(typeof v === 'string' ? v : '') as unknown;
        } catch {
          setError(
            tr(
              `“${pick(fieldNames[field], field)}”不是有效的 JSON。`,
              `“${pick(fieldNames[field], field)}” is not valid JSON.`,
            ),
          );
          return;
        }
      } else if (rule.type === 'period') {
        const p = v as { amount?: number; unit?: string };
        if (p.amount) body[field] = { amount: p.amount, unit: p.unit ?? 'CALENDAR_DAYS' };
      } else body[field] = v;
    }
    setError(null);
    void post(`/api/procedures/${procedureId}/steps/${step}`, body, key)
      .then(async () => {
        void message.success(tr(`已办理：${title}`, `Done: ${title}`));
        form.resetFields();
        await onDone();
      })
      .catch((err: unknown) => setError(explain(err)));
  };

  return (
    <Card type="inner" size="small" title={title}>
      <Form
        form={form}
        name={formName}
        layout="vertical"
        aria-label={title}
        onFinish={submit}
        initialValues={{
          ...Object.fromEntries(
            fields
              .filter(([field]) => labels.checklists?.[field])
              .map(([field]) => [field, emptyChecklist(labels.checklists![field])]),
          ),
          ...labels.initial?.(step),
          ...(draftSha256
            ? {
                ...('decidedSha256' in schema ? { decidedSha256: draftSha256 } : {}),
                reviewedSha256: draftSha256,
                ...('options' in schema
                  ? { options: JSON.stringify([{ label: tr('方案一', 'Option 1'), sha256: draftSha256 }]) }
                  : {}),
              }
            : {}),
        }}
      >
        {error && <Alert type="error" message={error} showIcon role="alert" style={{ marginBottom: 12 }} />}
        {withPreReview && (
          <PreReviewPanel
            procedureId={procedureId}
            sha256={draftSha256}
            onChange={(decisions, complete) => setPreReview({ decisions, complete })}
          />
        )}
        {fields.map(([field, rule]) => {
          const label = pick(fieldNames[field], field);
          const rules =
            rule.optional || rule.type === 'boolean'
              ? []
              : [{ required: true, message: tr(`请填写${label}`, `${label} is required`) }];
          const checklist = labels.checklists?.[field];
          if (checklist) {
            return (
              <Form.Item
                key={field}
                name={field}
                label={label}
                required
                rules={[
                  {
                    validator: (_: unknown, rows: ChecklistRow[] | undefined) => {
                      const problem = checklistProblem(rows, checklist, tr, lang);
                      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                    },
                  },
                ]}
              >
                <ChecklistField spec={checklist} label={label} />
              </Form.Item>
            );
          }
          if (rule.type === 'boolean') {
            return (
              <Form.Item key={field} name={field} label={label} valuePropName="checked">
                <Switch aria-label={label} />
              </Form.Item>
            );
          }
          if (field.endsWith('UnitId')) {
            return (
              <Form.Item key={field} name={field} label={label} rules={rules}>
                <Select
                  aria-label={label}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))}
                />
              </Form.Item>
            );
          }
          if (rule.oneOf) {
            return (
              <Form.Item key={field} name={field} label={label} rules={rules}>
                <Select aria-label={label} options={rule.oneOf.map((v) => ({ value: v, label: valueName(v) }))} />
              </Form.Item>
            );
          }
          if (rule.type === 'int' || rule.type === 'number') {
            // A number is sent as a JSON number: a text input would send a string, which the API refuses.
            return (
              <Form.Item key={field} name={field} label={label} rules={rules}>
                <InputNumber
                  aria-label={label}
                  precision={rule.type === 'int' ? 0 : undefined}
                  style={{ width: 200 }}
                />
              </Form.Item>
            );
          }
          if (rule.type === 'string[]') {
            return (
              <Form.Item
                key={field}
                name={field}
                label={label}
                rules={rules}
                extra={tr('输入后按回车，可填多项', 'Type and press Enter; several allowed')}
              >
                <Select aria-label={label} mode="tags" open={false} />
              </Form.Item>
            );
          }
          if (rule.type === 'period') {
            return (
              <Form.Item key={field} label={label} extra={tr('不填则为法定最短期限', 'Empty: the statutory minimum')}>
                <Space>
                  <Form.Item name={[field, 'amount']} noStyle>
                    <InputNumber aria-label={tr('期限天数', 'Days')} min={1} />
                  </Form.Item>
                  <Form.Item name={[field, 'unit']} noStyle initialValue="CALENDAR_DAYS">
                    <Select
                      aria-label={tr('计算方式', 'Counted in')}
                      style={{ width: 120 }}
                      options={[
                        { value: 'CALENDAR_DAYS', label: tr('日', 'days') },
                        { value: 'WORKING_DAYS', label: tr('工作日', 'working days') },
                      ]}
                    />
                  </Form.Item>
                </Space>
              </Form.Item>
            );
          }
          if (typeof rule.type === 'object') {
            const shape = 'array' in rule.type ? [example(rule.type.array)] : example(rule.type.object);
            return (
              <Form.Item
                key={field}
                name={field}
                label={label}
                rules={rules}
                extra={tr(`按此格式填写：${JSON.stringify(shape)}`, `In this form: ${JSON.stringify(shape)}`)}
              >
                <Input.TextArea rows={3} aria-label={label} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            );
          }
          const long = (rule.max ?? 8000) > 200;
          return (
            <Form.Item key={field} name={field} label={label} rules={rules}>
              {long ? <Input.TextArea rows={2} maxLength={rule.max} /> : <Input maxLength={rule.max} />}
            </Form.Item>
          );
        })}
        <Button type="primary" htmlType="submit" disabled={!preReview.complete}>
          {tr('提交', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}

import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { post, get } from '../../api';
import type { Answer, OrgUnit } from '../../api/types';
import { hasRole, useAuth } from '../../auth';
import { useTr } from '../../i18n';
import { explain } from '../../labels';
import { Select } from '../../select';

const TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The files of a filing package: the official text and the filing report are required, the others optional. */
const PACKAGE: { kind: string; zh: string; en: string; required: boolean }[] = [
  { kind: 'DRAFT', zh: '文件正式文本', en: 'Official text', required: true },
  { kind: 'FILING_REPORT', zh: '备案报告', en: 'Filing report', required: true },
  { kind: 'DRAFTING_EXPLANATION', zh: '制定说明', en: 'Drafting explanation', required: false },
  { kind: 'BASIS_LIST', zh: '制定依据', en: 'Basis list', required: false },
];

type Started = Answer<'/api/procedures/filing-reviews', 'post'>;

interface Values {
  title: string;
  documentNumber: string;
  publishedOn: string;
  issuerUnitCode?: string;
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A normative document issued outside LawGate enters the filing review (备案审查) here. Its issuer (a department, town
 * or street office) files it by uploading its package: the official text and the filing report, with the drafting
 * explanation and the basis list where it has them (E1). The legal-affairs office records a published document whose
 * filing it expects, naming the issuer; the case then waits for the package and follows it up when it is late (E8).
 */
export function NewFilingReviewPage() {
  const tr = useTr();
  const navigate = useNavigate();
  const { user } = useAuth();
  const issuer = hasRole(user, 'DRAFTER') && ['DEPARTMENT', 'TOWN'].includes(user?.unitKind ?? '');
  const office = hasRole(user, 'LEGAL_AFFAIRS_OFFICER');
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!office) return;
    get<OrgUnit[]>('/api/org/units')
      .then((all) => setUnits(all.filter((u) => u.kind === 'DEPARTMENT' || u.kind === 'TOWN')))
      .catch((err: unknown) => setError(explain(err)));
  }, [office]);

  const submit = async (v: Values) => {
    setError(null);
    const chosen = issuer ? PACKAGE.filter((p) => files[p.kind]) : [];
    const missing = issuer ? PACKAGE.filter((p) => p.required && !files[p.kind]) : [];
    if (missing.length > 0) {
      return setError(
        tr(
          `请选择：${missing.map((m) => m.zh).join('、')}。`,
          `Choose the ${missing.map((m) => m.en.toLowerCase()).join(' and the ')}.`,
        ),
      );
    }
    setBusy(true);
    try {
      const package_ = await Promise.all(
        chosen.map(async (p) => {
          const file = files[p.kind]!;
          const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
          return {
            kind: p.kind,
            filename: file.name,
            mediaType: Object.values(TYPES).includes(file.type) ? file.type : (TYPES[ext] ?? file.type),
            contentBase64: await base64(file),
          };
        }),
      );
      const started = await post<Started>('/api/procedures/filing-reviews', {
        title: v.title.trim(),
        documentNumber: v.documentNumber.trim(),
        publishedOn: v.publishedOn,
        ...(issuer ? {} : { issuerUnitCode: v.issuerUnitCode }),
        files: package_,
      });
      navigate(`/procedures/${started.procedureId}`);
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  if (!issuer && !office) {
    return (
      <Alert
        type="info"
        showIcon
        message={tr(
          '备案由制定机关（部门、镇街）报送，或由法制机构登记待报备案的文件。',
          'A filing is made by its issuer (a department, town or street office), or recorded by the legal-affairs office.',
        )}
      />
    );
  }

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {issuer ? tr('报送备案', 'File a document') : tr('登记待报备案的文件', 'Record an expected filing')}
        </Typography.Title>
      }
      extra={office && <Link to="/console">{tr('备案年度报告见控制台', 'Annual filing report: see the console')}</Link>}
    >
      <Typography.Paragraph type="secondary">
        {issuer
          ? tr(
              '在 LawGate 以外制定发布的行政规范性文件，自发布之日起 30 日内报送备案：上传文件正式文本和备案报告，以及制定说明、制定依据。',
              'A normative document issued outside LawGate is filed within 30 days of its publication: upload the ' +
                'official text and the filing report, with the drafting explanation and the basis list.',
            )
          : tr(
              '已发布但尚未报送备案的文件：登记后等待制定机关报送，逾期未报的予以督促。',
              'A published document not yet filed: once recorded, the case waits for the issuer to file it and ' +
                'follows it up when it is late.',
            )}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
      <Form<Values> layout="vertical" name="newFilingReview" onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="title" label={tr('文件标题', 'Title')} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="documentNumber" label={tr('文号', 'Document number')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder="坛教规〔2026〕1号" />
        </Form.Item>
        <Form.Item name="publishedOn" label={tr('发布日期', 'Published on')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        {!issuer && (
          <Form.Item name="issuerUnitCode" label={tr('制定机关', 'Issuer')} rules={[{ required: true }]}>
            <Select
              aria-label={tr('制定机关', 'Issuer')}
              showSearch
              optionFilterProp="label"
              options={units.map((u) => ({ value: u.code, label: u.name }))}
            />
          </Form.Item>
        )}
        {issuer &&
          PACKAGE.map((p) => (
            <Form.Item
              key={p.kind}
              label={tr(`${p.zh}（txt、md、pdf、docx）`, `${p.en} (txt, md, pdf, docx)`)}
              required={p.required}
            >
              <input
                type="file"
                aria-label={tr(p.zh, p.en)}
                accept=".txt,.md,.pdf,.docx"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  setFiles((f) => ({ ...f, [p.kind]: file }));
                }}
              />
            </Form.Item>
          ))}
        <Button type="primary" htmlType="submit" loading={busy}>
          {issuer ? tr('报送备案', 'File') : tr('登记', 'Record')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * 通关凭证核验 (public, no login): the status of a clearance by its number — the QR code of the printed
 * clearance points at /verify/clearance/:no — shown prominently with the clearance's particulars, and
 * a check of a clearance JSON someone holds (pasted or uploaded), with the reason in plain words.
 * The scope's subclasses are named in the reader's language (GET /api/public/customs/catalog/names).
 */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, FilePdfOutlined, QuestionCircleFilled, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import '../../../customs/customs.css';
import { CLEARANCE_NO, customsApi, type Localized, type VerifyResult } from '../../../customs/api';
import { formatCount, formatDate, formatDateTime, outcomeLabelId, pick, reasonLabelId, regionName } from '../../../customs/format';
import { referenceApi } from '../../../customs/referenceApi';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';

type Tone = 'valid' | 'revoked' | 'expired' | 'unknown' | 'invalid';

function toneOf(r: VerifyResult): Tone {
  if (r.valid) return 'valid';
  if (r.reason === 'revoked') return 'revoked';
  if (r.reason === 'expired' || r.reason === 'not_yet_valid') return 'expired';
  if (r.reason === 'not_registered') return 'unknown';
  return 'invalid';
}

const ICON: Record<Tone, ReactNode> = {
  valid: <CheckCircleFilled aria-hidden />,
  revoked: <CloseCircleFilled aria-hidden />,
  expired: <ExclamationCircleFilled aria-hidden />,
  unknown: <QuestionCircleFilled aria-hidden />,
  invalid: <CloseCircleFilled aria-hidden />,
};

const HEADLINE: Record<Tone, MessageId> = {
  valid: 'customs.verify.headline.valid',
  revoked: 'customs.verify.headline.revoked',
  expired: 'customs.verify.headline.expired',
  unknown: 'customs.verify.headline.unknown',
  invalid: 'customs.verify.headline.invalid',
};

/** The verdict, large and coloured, with the reason in plain words. */
function Verdict({ result, no }: { result: VerifyResult; no?: string }) {
  const { t, locale } = useI18n();
  const tone = toneOf(result);
  const c = result.clearance;
  return (
    <div className={`verify-verdict verify-${tone}`} role="status" data-verdict={tone} data-reason={result.reason}>
      <div className="verify-icon">{ICON[tone]}</div>
      <div>
        <div className="verify-headline">{t(HEADLINE[tone])}</div>
        {(no ?? c?.no) && <div className="verify-no">{no ?? c?.no}</div>}
        <p className="verify-reason">{t(reasonLabelId(result.reason))}</p>
        {result.reason === 'revoked' && c?.revokedReason && (
          <p className="verify-revoked-reason">
            {t('customs.verify.revokedReason')}: <strong>{c.revokedReason}</strong>
            {c.revokedAt && <> · {formatDateTime(c.revokedAt, locale)}</>}
          </p>
        )}
      </div>
    </div>
  );
}

let catalogNames: Promise<Map<string, Localized>> | undefined;

/** Subclass id → names, from the public catalog names (no sign-in), read once per page load. */
function useSubclassNames(): Map<string, Localized> | undefined {
  const [names, setNames] = useState<Map<string, Localized>>();
  useEffect(() => {
    let live = true;
    catalogNames ??= referenceApi.catalogNames().then((c) => new Map(c.subclasses.map((s) => [s.id, s.names])));
    catalogNames.then(
      (m) => live && setNames(m),
      () => {
        // Without the names the ids are shown, which is still correct; try again on the next page.
        catalogNames = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}

function Particulars({ result }: { result: VerifyResult }) {
  const { t, locale } = useI18n();
  const names = useSubclassNames();
  /** Phones get each label above its value, so neither is squeezed into a narrow column. */
  const narrow = Grid.useBreakpoint().sm === false;
  const c = result.clearance;
  if (!c) return null;
  const n = (v: number) => formatCount(v, locale);
  return (
    <Descriptions className="verify-particulars" size="small" bordered layout={narrow ? 'vertical' : 'horizontal'} column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} title={<h2 className="verify-h2">{t('customs.verify.particulars')}</h2>}>
      <Descriptions.Item label={t('customs.clearance.no')}>{c.no}</Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.declarationNo')}>{c.declarationNo}</Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.exporter')}>{c.exporter.name}</Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.recipient')}>
        {c.recipient.name} · {regionName(c.recipient.country, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('customs.field.purpose')} span={2}>
        {c.purpose}
      </Descriptions.Item>
      <Descriptions.Item label={t('customs.col.route')}>{t(outcomeLabelId(c.route))}</Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.routeEvidence')}>{c.routeEvidence ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('customs.clearance.validity')}>{t('customs.clearance.validityValue', { from: formatDate(c.validFrom, locale), until: formatDate(c.validUntil, locale) })}</Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.maxPersons')}>{t('customs.decision.totalsValue', { sensitive: n(c.scope.maxPersons.sensitiveSubjects), personal: n(c.scope.maxPersons.personalSubjects) })}</Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.fields')} span={2}>
        {c.scope.fields.length ? c.scope.fields.join('、') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.subclasses')} span={2}>
        <span>
          {c.scope.subclasses.map((s) => {
            const name = pick(names?.get(s), locale);
            return (
              <Tag key={s} title={s} data-subclass={s}>
                {name || s}
              </Tag>
            );
          })}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('customs.verify.issuer')}>{c.issuer}</Descriptions.Item>
      <Descriptions.Item label={t('customs.clearance.issuedAt')}>{formatDateTime(c.issuedAt, locale)}</Descriptions.Item>
    </Descriptions>
  );
}

/** Status by number: GET /api/public/customs/clearances/:no. */
function ByNumber({ no }: { no: string }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<{ no: string; result?: VerifyResult; error?: unknown }>({ no });
  useEffect(() => {
    let live = true;
    setState({ no });
    customsApi.verifyByNumber(no).then(
      (result) => live && setState({ no, result }),
      (error: unknown) => live && setState({ no, error }),
    );
    return () => {
      live = false;
    };
  }, [no]);
  if (state.error !== undefined) return <ErrorAlert error={state.error} />;
  if (!state.result) return <Skeleton active />;
  return (
    <>
      <Verdict result={state.result} no={no} />
      <Particulars result={state.result} />
      {state.result.clearance && (
        <Button className="verify-pdf" icon={<FilePdfOutlined aria-hidden />} href={customsApi.publicPdfUrl(no, locale)} target="_blank" rel="noopener">
          {t('customs.verify.pdf')}
        </Button>
      )}
    </>
  );
}

/** Check of a clearance JSON as issued: POST /api/public/customs/clearances/verify. */
function ByDocument() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [parseError, setParseError] = useState(false);

  const verify = async (json: string) => {
    setResult(null);
    setError(null);
    let doc: unknown;
    try {
      doc = JSON.parse(json);
      setParseError(false);
    } catch {
      setParseError(true);
      return;
    }
    setBusy(true);
    try {
      setResult(await customsApi.verifyDocument(doc));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="verify-card" title={<h2 className="verify-h2">{t('customs.verify.documentTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('customs.verify.documentIntro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void verify(text)}>
        <Form.Item label={t('customs.verify.pasteLabel')} htmlFor="verify-json" validateStatus={parseError ? 'error' : undefined} help={parseError ? t('customs.verify.notJson') : undefined}>
          <Input.TextArea id="verify-json" className="verify-json" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 4, maxRows: 12 }} spellCheck={false} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!text.trim()} icon={<SafetyCertificateOutlined aria-hidden />}>
            {t('customs.verify.check')}
          </Button>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then((content) => {
                setText(content);
                void verify(content);
              });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('customs.verify.upload')}</Button>
          </Upload>
        </Space>
      </Form>
      {error !== null && <ErrorAlert className="verify-block" error={error} />}
      {result && (
        <div className="verify-block">
          <Verdict result={result} />
          <Particulars result={result} />
        </div>
      )}
    </Card>
  );
}

function NumberForm({ initial }: { initial: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  return (
    <Form
      layout="inline"
      className="verify-number-form"
      onFinish={() => {
        const no = value.trim().toUpperCase();
        if (!CLEARANCE_NO.test(no)) return setInvalid(true);
        setInvalid(false);
        navigate(`/portal/verify/clearance/${no}`);
      }}
    >
      <Form.Item label={t('customs.verify.numberLabel')} htmlFor="verify-no" validateStatus={invalid ? 'error' : undefined} help={invalid ? t('customs.verify.numberInvalid') : undefined}>
        <Input id="verify-no" value={value} onChange={(e) => setValue(e.target.value)} placeholder="CL2026000001" autoComplete="off" />
      </Form.Item>
      <Button htmlType="submit">{t('customs.verify.lookUp')}</Button>
    </Form>
  );
}

export default function VerifyClearancePage() {
  const { t } = useI18n();
  usePageTitle('customs.verify.title');
  const no = useParams().no?.trim().toUpperCase();
  const wellFormed = no !== undefined && CLEARANCE_NO.test(no);
  return (
    <div className="verify-page">
      <h1 className="verify-title">{t('customs.verify.title')}</h1>
      <Typography.Paragraph className="verify-intro">{t('customs.verify.intro')}</Typography.Paragraph>
      <Card className="verify-card">
        {no !== undefined && !wellFormed && <Alert type="error" showIcon message={t('customs.verify.numberInvalid')} className="verify-block" />}
        {wellFormed ? <ByNumber no={no} /> : null}
        <div className="verify-block">
          <NumberForm initial={wellFormed ? '' : (no ?? '')} />
        </div>
      </Card>
      <ByDocument />
    </div>
  );
}

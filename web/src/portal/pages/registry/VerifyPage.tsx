import { Alert, Button, Descriptions, Input, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { request } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';

interface Status {
  certificateNo: string;
  registrationNo: string;
  status: string;
  book: string;
  dataName: string;
  dataSm3: string;
  holder: string;
  rights: string[];
  validFrom: string;
  validUntil: string;
  logIndex: number;
  currentCertificateNo: string | null;
  encumbrances: { pledgee: string; amountFen: number; termStart: string; termEnd: string }[];
  suspendedReason: string | null;
  checkedAt: string;
}

const GOOD = new Set(['valid', 'pledged']);

/** The page a certificate's QR code opens: current status, encumbrances, validity; and a file check. */
export default function VerifyPage() {
  const { t } = useI18n();
  usePageTitle('registry.verify.title');
  const { no = '' } = useParams();
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<unknown>(null);
  const [file, setFile] = useState('');
  const [check, setCheck] = useState<{ ok: boolean; reason: string | null } | null>(null);
  useEffect(() => {
    request<Status>('GET', `/api/registry/verify/${encodeURIComponent(no)}`).then(setStatus, setError);
  }, [no]);
  const verify = async () => {
    setCheck(null);
    let document: unknown;
    try {
      document = JSON.parse(file);
    } catch {
      setCheck({ ok: false, reason: 'malformed' });
      return;
    }
    try {
      setCheck(await request<{ ok: boolean; reason: string | null }>('POST', '/api/registry/verify', { document }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="page-section">
      <h1 className="page-title">{t('registry.verify.title')}</h1>
      {error !== null && <ErrorAlert error={error} />}
      {status && (
        <>
          <Alert
            role="status"
            type={GOOD.has(status.status) ? 'success' : 'error'}
            showIcon
            message={t('registry.verify.statusIs', { status: t(`registry.status.${status.status}` as MessageId) })}
            description={status.suspendedReason ?? undefined}
          />
          <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('registry.certificateNo')}>{status.certificateNo}</Descriptions.Item>
            <Descriptions.Item label={t('registry.registrationNo')}>{status.registrationNo}</Descriptions.Item>
            <Descriptions.Item label={t('registry.dataName')}>{status.dataName}</Descriptions.Item>
            <Descriptions.Item label={t('registry.book')}>{t(`registry.book.${status.book}` as MessageId)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.holder')}>{status.holder}</Descriptions.Item>
            <Descriptions.Item label={t('registry.rights')}>{status.rights.map((r) => t(`registry.right.${r}` as MessageId)).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('registry.verify.validity')}>{`${status.validFrom} – ${status.validUntil}`}</Descriptions.Item>
            <Descriptions.Item label={t('registry.verify.encumbrances')}>
              {status.encumbrances.length === 0
                ? t('registry.verify.noEncumbrances')
                : status.encumbrances.map((e) => (
                    <Tag key={`${e.pledgee}${e.termStart}`} color="gold">
                      {t('registry.verify.pledge', { pledgee: e.pledgee, amount: (e.amountFen / 100).toLocaleString(), from: e.termStart, to: e.termEnd })}
                    </Tag>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.dataSm3')}>
              <Typography.Text code copyable>
                {status.dataSm3}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.logIndex')}>
              <a href={`/api/registry/log/entries/${status.logIndex}`}>{status.logIndex}</a>
            </Descriptions.Item>
            {status.currentCertificateNo && status.currentCertificateNo !== status.certificateNo && (
              <Descriptions.Item label={t('registry.verify.current')}>{status.currentCertificateNo}</Descriptions.Item>
            )}
          </Descriptions>
          <p>
            <a href={`/api/registry/certificates/${status.certificateNo}/pdf`}>PDF</a> · <a href={`/api/registry/certificates/${status.certificateNo}?form=vc`}>{t('registry.credential')}</a> ·{' '}
            <a href="/api/registry/issuer">{t('registry.verify.keys')}</a>
          </p>
        </>
      )}
      <h2 className="section-title">{t('registry.verify.fileTitle')}</h2>
      <Input.TextArea aria-label={t('registry.verify.fileLabel')} placeholder={t('registry.verify.fileLabel')} rows={5} value={file} onChange={(e) => setFile(e.target.value)} />
      <Button style={{ marginTop: 8 }} onClick={() => void verify()}>
        {t('registry.verify.check')}
      </Button>
      {check && (
        <Alert
          style={{ marginTop: 8 }}
          role="status"
          type={check.ok ? 'success' : 'error'}
          showIcon
          message={check.ok ? t('registry.verify.fileOk') : t('registry.verify.fileBad', { reason: t(`registry.reason.${check.reason ?? 'malformed'}` as MessageId) })}
        />
      )}
    </section>
  );
}

/**
 * Publishing the working copy as a new version (version and a required note; the server validates the
 * whole document and its error names the item and field, which opens that item), and importing one
 * list from CSV/XLSX (the server's errors name the line and column).
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useIdempotencyKeys } from '../../../customs/idempotency';
import { referenceApi, type ListKind, type ReferenceDocument, type ReferenceFocus, type ReferenceKind, type ReferenceVersion } from '../../../customs/referenceApi';
import { locateField, type ItemChange } from '../../../customs/referenceDiff';
import { useI18n, type MessageId } from '../../../i18n/i18n';

/** A suggestion for the next version: the last number counted up (2026.1 → 2026.2), else ".1" added. */
export function nextVersion(v: string): string {
  const m = /^(.*?)(\d+)$/.exec(v);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${v}.1`;
}

export const SECTION_LABEL: Record<ItemChange['section'], MessageId> = {
  document: 'customs.reference.section.document',
  classes: 'customs.reference.section.classes',
  subclasses: 'customs.reference.section.subclasses',
  industries: 'customs.reference.section.industries',
  scenarios: 'customs.reference.section.scenarios',
  negativeList: 'customs.reference.section.negativeList',
  generalList: 'customs.reference.section.generalList',
};

export const CHANGE_LABEL: Record<ItemChange['change'], MessageId> = {
  added: 'customs.reference.change.added',
  removed: 'customs.reference.change.removed',
  changed: 'customs.reference.change.changed',
};

const CHANGE_COLOR: Record<ItemChange['change'], string> = { added: 'green', removed: 'red', changed: 'gold' };

/** The changes as a list: "新增 · 负面清单 · NL-…". */
export function ChangeList({ changes, max = 50 }: { changes: ItemChange[]; max?: number }) {
  const { t } = useI18n();
  if (changes.length === 0) return <Typography.Text type="secondary">{t('customs.reference.noChanges')}</Typography.Text>;
  return (
    <ul className="customs-reference-changes">
      {changes.slice(0, max).map((c) => (
        <li key={`${c.section}:${c.id}`} data-change={c.change} data-id={c.id}>
          <span className={`customs-change customs-change-${CHANGE_COLOR[c.change]}`}>{t(CHANGE_LABEL[c.change])}</span> {t(SECTION_LABEL[c.section])} · <code>{c.id}</code>
          {c.fields.length > 0 && <Typography.Text type="secondary"> ({c.fields.join(', ')})</Typography.Text>}
        </li>
      ))}
      {changes.length > max && <li>{t('customs.reference.moreChanges', { n: changes.length - max })}</li>}
    </ul>
  );
}

/** Sections whose items open in a drawer. */
const EDITABLE: readonly string[] = ['subclasses', 'negativeList', 'generalList'];

interface PublishValues {
  version: string;
  note: string;
}

export function PublishDialog({
  kind,
  current,
  draft,
  changes,
  onClose,
  onPublished,
  onLocate,
}: {
  kind: ReferenceKind;
  current: ReferenceDocument;
  draft: ReferenceDocument;
  changes: ItemChange[];
  onClose(): void;
  onPublished(v: ReferenceVersion): void;
  onLocate(where: ReferenceFocus): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PublishValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; where: ReferenceFocus | null } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const keys = useIdempotencyKeys();

  const publish = async (v: PublishValues) => {
    setBusy(true);
    setError(null);
    setFailure(null);
    const doc = { ...draft, version: v.version.trim() };
    const note = v.note.trim();
    try {
      const res = await referenceApi.publish(kind, doc, note, keys.keyFor([kind, doc, note]));
      keys.done();
      onPublished(res);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) {
        setFailure(e);
        return;
      }
      const field = (e.details as { field?: unknown } | undefined)?.field;
      if (field === 'version') {
        form.setFields([{ name: 'version', errors: [e.message] }]);
        return;
      }
      const where = typeof field === 'string' ? locateField(doc, field) : null;
      setError({ message: e.message, where: where && EDITABLE.includes(where.section) ? { ...where, message: e.message } : null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('customs.reference.publishTitle')}
      okText={t('customs.reference.publish')}
      cancelText={t('customs.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={!busy}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>{t('customs.reference.publishPrompt', { version: current.version })}</Typography.Paragraph>
      <Form<PublishValues> form={form} layout="vertical" initialValues={{ version: nextVersion(current.version), note: '' }} onFinish={(v) => void publish(v)} disabled={busy}>
        <Form.Item
          name="version"
          label={t('customs.reference.version')}
          extra={t('customs.reference.versionHelp')}
          rules={[
            { required: true, whitespace: true, message: t('customs.form.required') },
            { validator: async (_r, value: string) => (value?.trim() === current.version ? Promise.reject(new Error(t('customs.reference.versionInForce'))) : undefined) },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('customs.reference.note')} extra={t('customs.reference.noteHelp')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
      <h3 className="customs-h3">{t('customs.reference.changesTitle', { n: changes.length })}</h3>
      <ChangeList changes={changes} max={20} />
      {error && (
        <Alert
          className="customs-block"
          type="error"
          showIcon
          role="alert"
          data-error-field={error.where ? `${error.where.id}.${error.where.field}` : undefined}
          message={t('customs.reference.rejected')}
          description={
            <>
              {error.where && (
                <div>
                  {t('customs.reference.errorAt', { section: t(SECTION_LABEL[error.where.section as ItemChange['section']] ?? 'customs.reference.section.document'), id: error.where.id, field: error.where.field || '—' })}
                </div>
              )}
              <div>{error.message}</div>
            </>
          }
          action={
            error.where && (
              <Button size="small" onClick={() => onLocate(error.where!)}>
                {t('customs.reference.openItem')}
              </Button>
            )
          }
        />
      )}
      {failure !== null && <ErrorAlert className="customs-block" error={failure} />}
    </Modal>
  );
}

interface ImportValues {
  list: ListKind;
  version: string;
  note: string;
}

export function ImportDialog({ current, onClose, onPublished }: { current: ReferenceDocument; onClose(): void; onPublished(v: ReferenceVersion): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keys = useIdempotencyKeys();

  const run = async (v: ImportValues) => {
    setError(null);
    if (!file) return setFileMissing(true);
    setBusy(true);
    const meta = { version: v.version.trim(), note: v.note.trim() };
    try {
      const res = await referenceApi.importList(v.list, file, meta, keys.keyFor([v.list, meta, file.name, file.size, file.lastModified]));
      keys.done();
      onPublished(res);
    } catch (e) {
      if (e instanceof ApiError && (e.details as { field?: unknown } | undefined)?.field === 'version') form.setFields([{ name: 'version', errors: [e.message] }]);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('customs.reference.importTitle')}
      okText={t('customs.reference.importOk')}
      cancelText={t('customs.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={!busy}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>{t('customs.reference.importPrompt')}</Typography.Paragraph>
      <Form<ImportValues> form={form} layout="vertical" initialValues={{ list: 'negative', version: nextVersion(current.version), note: '' }} onFinish={(v) => void run(v)} disabled={busy}>
        <Form.Item name="list" label={t('customs.reference.importList')}>
          <Radio.Group
            options={(['negative', 'general'] as const).map((l) => ({ value: l, label: t(`customs.reference.list.${l}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item name="version" label={t('customs.reference.version')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('customs.reference.note')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('customs.reference.importFile')} required validateStatus={fileMissing ? 'error' : undefined} help={fileMissing ? <span role="alert">{t('customs.reference.importFileMissing')}</span> : t('customs.reference.importFileHelp')}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setFileMissing(false);
              setError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t('customs.reference.importDrop')}</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {error !== null && (
        <Alert className="customs-block" type="error" showIcon role="alert" message={t('customs.reference.importRejected')} description={error instanceof Error ? error.message : String(error)} data-import-error />
      )}
    </Modal>
  );
}

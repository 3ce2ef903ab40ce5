/**
 * The dialog of a workflow action: approve asks for the route's approval or filing reference and the
 * validity; reject and request_info for a comment; revoke for a reason; submit, resubmit and withdraw
 * only confirm (with an optional comment). The server's answer (409 with the allowed actions, 400
 * naming a field) is shown in the dialog.
 */
import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { customsApi, type ActionInput, type ButtonAction, type Declaration } from '../../../customs/api';
import { actionLabelId, outcomeLabelId } from '../../../customs/format';
import { useIdempotencyKeys } from '../../../customs/idempotency';
import { useI18n, type MessageId } from '../../../i18n/i18n';

interface Values {
  comment?: string;
  reason?: string;
  routeEvidence?: string;
  validityDays?: number;
}

const PROMPT: Record<ButtonAction, MessageId> = {
  submit: 'customs.dialog.submitPrompt',
  resubmit: 'customs.dialog.resubmitPrompt',
  withdraw: 'customs.dialog.withdrawPrompt',
  approve: 'customs.dialog.approvePrompt',
  reject: 'customs.dialog.rejectPrompt',
  request_info: 'customs.dialog.requestInfoPrompt',
  revoke: 'customs.dialog.revokePrompt',
};

export function ActionDialog({ declaration, action, onClose, onDone }: { declaration: Declaration; action: ButtonAction; onClose(): void; onDone(d: Declaration): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keys = useIdempotencyKeys();
  const outcome = declaration.decision?.outcome;
  const needsEvidence = action === 'approve' && outcome !== 'exempt';
  const commentRequired = action === 'reject' || action === 'request_info';

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    const input: ActionInput = {};
    if (v.comment?.trim()) input.comment = v.comment.trim();
    if (action === 'revoke') input.reason = v.reason?.trim() ?? '';
    if (action === 'approve') {
      if (v.routeEvidence?.trim()) input.routeEvidence = v.routeEvidence.trim();
      if (v.validityDays) input.validityDays = v.validityDays;
    }
    try {
      const next = await customsApi.act(declaration.id, action, input, keys.keyFor([declaration.id, action, input]));
      keys.done();
      onDone(next);
    } catch (e) {
      setError(e);
      const field = e instanceof ApiError ? (e.details as { field?: unknown } | undefined)?.field : undefined;
      if (typeof field === 'string' && ['comment', 'reason', 'routeEvidence', 'validityDays'].includes(field)) form.setFields([{ name: field as keyof Values, errors: [(e as Error).message] }]);
    } finally {
      setBusy(false);
    }
  };

  const title = t(actionLabelId(action));
  return (
    <Modal
      open
      title={title}
      okText={title}
      okButtonProps={{ danger: action === 'reject' || action === 'revoke' || action === 'withdraw', loading: busy }}
      cancelText={t('customs.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!busy}
    >
      <Typography.Paragraph>{t(PROMPT[action], { no: declaration.no })}</Typography.Paragraph>
      {action === 'approve' && outcome && <Typography.Paragraph strong>{t('customs.dialog.approveRoute', { route: t(outcomeLabelId(outcome)) })}</Typography.Paragraph>}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ validityDays: declaration.form.validityDays }} disabled={busy}>
        {action === 'approve' && (
          <>
            <Form.Item
              name="routeEvidence"
              label={t('customs.dialog.routeEvidence')}
              extra={t(needsEvidence ? 'customs.dialog.routeEvidenceHelp' : 'customs.dialog.routeEvidenceOptional')}
              rules={needsEvidence ? [{ required: true, whitespace: true, message: t('customs.form.required') }] : []}
            >
              <Input maxLength={500} autoFocus />
            </Form.Item>
            <Form.Item name="validityDays" label={t('customs.field.validityDays')} extra={t('customs.dialog.validityHelp')} rules={[{ required: true, message: t('customs.form.required') }]}>
              <InputNumber<number> min={1} max={1095} precision={0} addonAfter={t('customs.form.days')} />
            </Form.Item>
          </>
        )}
        {action === 'revoke' ? (
          <Form.Item name="reason" label={t('customs.dialog.reason')} extra={t('customs.dialog.reasonHelp')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item
            name="comment"
            label={t(commentRequired ? 'customs.dialog.commentRequired' : 'customs.dialog.comment')}
            rules={commentRequired ? [{ required: true, whitespace: true, message: t('customs.form.required') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} autoFocus={action !== 'approve'} />
          </Form.Item>
        )}
      </Form>
      {error !== null && <ErrorAlert error={error} />}
    </Modal>
  );
}

import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { canonicalRequest, EvidenceRecordSchema, recordHash, requestHash, responseHash, responseHashOfCanonical, type RecordBody } from './evidence.ts';
import { transactionId } from './exchange.service.ts';

const STRINGS = ['不动产登记婚姻状况核验', 'plain', '', 'quote " backslash \\ slash /', 'tab\tnew\nline\u0001\u001f', 'emoji 😀 pair', 'ǅ é ﬁ', '\u2028\u2029'];
const NUMBERS = [0, -0, 7, 123456789012, 1e21, 1.5e-7, -3.25];

describe('the canonical forms on the lookup path', () => {
  it('writes a request exactly as the general JCS does, for every kind of key, field list and purpose', () => {
    for (const purpose of STRINGS)
      for (const key of [...STRINGS.slice(0, 3), ['a', 'b'], ['长乐', '😀']])
        for (const fields of [null, ['person_name', 'id_number'], []])
          for (const datasetId of NUMBERS) {
            const req = { txId: transactionId(), credentialId: 12, at: '2026-11-26T08:00:00.000Z', datasetId, key, fields, purpose };
            expect(canonicalRequest(req)).toBe(canonicalJson(req));
          }
  });

  it('falls back to the general JCS for anything else, and refuses what it refuses', () => {
    const odd = [{ nested: { b: 1, a: 2 } }, [1, 'x'], true, undefined];
    for (const key of odd) {
      const req = { txId: 't', credentialId: 1, at: 'now', datasetId: 1, key, fields: null, purpose: 'p' };
      expect(canonicalRequest(req)).toBe(canonicalJson(req));
    }
    const extra = { txId: 't', credentialId: 1, at: 'now', datasetId: 1, key: 'k', fields: null, purpose: 'p', more: 1 };
    expect(canonicalRequest(extra)).toBe(canonicalJson(extra));
    for (const bad of [{ purpose: 'lone \ud800 surrogate' }, { datasetId: Number.NaN }, { datasetId: Number.POSITIVE_INFINITY }]) {
      const req = { txId: 't', credentialId: 1, at: 'now', datasetId: 1, key: 'k', fields: null, purpose: 'p', ...bad };
      expect(() => canonicalRequest(req)).toThrow();
      expect(() => canonicalJson(req)).toThrow();
    }
  });

  it('hashes a record over the same canonical text as before, with or without a denial reason', () => {
    for (const reason of [null, 'field_not_approved', undefined]) {
      const r = { txId: transactionId(), at: '2026-11-26T08:00:00.000Z', consumerOrgId: 3, datasetId: 7, grantId: 11, credentialId: 12, outcome: 'denied', reason, requestHash: sm3('q'), responseHash: sm3('r') } as RecordBody;
      const prev = sm3('previous');
      const expected = sm3(`${prev}\n${canonicalJson({ seq: 42, txId: r.txId, at: r.at, consumerOrgId: 3, datasetId: 7, grantId: 11, credentialId: 12, outcome: 'denied', reason, requestHash: r.requestHash, responseHash: r.responseHash })}`);
      expect(recordHash(prev, 42, r)).toBe(expected);
    }
  });

  it('hashes a prefill request with its consent id, and a request without one exactly as before consents existed', () => {
    const base = { txId: transactionId(), credentialId: 12, at: '2026-11-26T08:00:00.000Z', datasetId: 7, key: '830000199001010012', fields: ['marital_status'], purpose: '政务服务表单预填' };
    // The pre-consent form, written out by hand in JCS key order.
    expect(requestHash(base)).toBe(sm3(`{"at":"${base.at}","credentialId":12,"datasetId":7,"fields":["marital_status"],"key":"830000199001010012","purpose":"政务服务表单预填","txId":"${base.txId}"}`));
    const withConsent = { ...base, consentId: 5 };
    expect(canonicalRequest(withConsent)).toBe(canonicalJson(withConsent));
    expect(requestHash(withConsent)).not.toBe(requestHash(base));
    expect(requestHash({ ...base, consentId: 6 })).not.toBe(requestHash(withConsent));
  });

  it('hashes a response from its canonical text as from its parsed body', () => {
    const body = { record: { person_name: '林海峰', id_number: '3501**********1234', n: 1e21 }, masked: ['id_number'], evidence: { txId: transactionId(), at: 'now', requestHash: sm3('q') } };
    for (const status of [200, 403, 404]) {
      expect(responseHashOfCanonical(status, canonicalJson(body))).toBe(sm3(canonicalJson({ status, body })));
      expect(responseHash(status, JSON.parse(canonicalJson(body)))).toBe(sm3(canonicalJson({ status, body })));
    }
  });

  it('gives transaction ids that are UUIDv7 carrying their millisecond, valid in an evidence record', () => {
    const before = Date.now();
    const id = transactionId();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms >= before && ms <= after).toBe(true);
    expect(transactionId() >= id.slice(0, 13)).toBe(true);
    expect(EvidenceRecordSchema.shape.txId.safeParse(id).success).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, transactionId)).size).toBe(1000);
  });
});

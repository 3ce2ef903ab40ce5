/** Test helpers of the exchange context: demo datasets by identifier, grants requested and approved over HTTP. */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../test/helpers/app.ts';
import { toChinaDate } from '../../kernel/calendar/calendar.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import type { PendingRecord } from './evidence-log.ts';

export const MARRIAGES = 'shsy-marriage-records';
export const COMPANIES = 'scjg-company-registry';
export const PURPOSE = '不动产登记婚姻状况核验';

export function today(offsetDays = 0): string {
  return toChinaDate(new Date(Date.now() + offsetDays * 86400_000));
}

export async function datasetId(app: TestApp, s: Session, identifier: string): Promise<number> {
  const res = await app.inject({ method: 'GET', url: `/api/catalog/datasets?pageSize=200`, headers: s.headers });
  const found = (res.json().items as { id: number; identifier: string }[]).find((d) => d.identifier === identifier);
  if (!found) throw new Error(`demo dataset ${identifier} not found`);
  return found.id;
}

export function marriageRequest(id: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { datasetId: id, purpose: PURPOSE, fields: ['id_number', 'person_name', 'marital_status', 'registered_on'], validFrom: today(), validUntil: today(365), ...over };
}

/** 行政审批局 requests the marriage records, 社会事业局 approves, 行政审批局 collects the credential. */
export async function approvedMarriageGrant(app: TestApp, over: Record<string, unknown> = {}): Promise<{ grantId: number; credential: string; datasetId: number }> {
  const shenpi = await app.login('shenpi');
  const minzheng = await app.login('minzheng');
  const id = await datasetId(app, shenpi, MARRIAGES);
  const req = await app.inject({ method: 'POST', url: '/api/exchange/grants', headers: shenpi.headers, payload: marriageRequest(id, over) });
  expect(req.statusCode, req.body).toBe(201);
  const grantId = req.json().grant.id as number;
  const ok = await app.inject({ method: 'POST', url: `/api/exchange/grants/${grantId}/approve`, headers: minzheng.headers, payload: {} });
  expect(ok.statusCode, ok.body).toBe(200);
  const cred = await app.inject({ method: 'POST', url: `/api/exchange/grants/${grantId}/credential`, headers: shenpi.headers });
  expect(cred.statusCode, cred.body).toBe(201);
  return { grantId, credential: cred.json().credential as string, datasetId: id };
}

export function lookup(app: TestApp, credential: string | undefined, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/exchange/lookup', headers: credential ? { 'x-exchange-credential': credential } : {}, payload });
}

/** A synthetic evidence record number `n`: every fifth is a denial. */
export function pendingRecord(n: number, over: Partial<PendingRecord> = {}): PendingRecord {
  return {
    txId: crypto.randomUUID(),
    at: new Date(Date.UTC(2026, 10, 26, 8, 0, 0, n)).toISOString(),
    consumerOrgId: 2 + (n % 2),
    datasetId: 7,
    grantId: 1,
    credentialId: 1,
    outcome: n % 5 === 0 ? 'denied' : 'allowed',
    reason: n % 5 === 0 ? 'field_not_approved' : null,
    requestHash: sm3(`request ${n}`),
    responseHash: sm3(`response ${n}`),
    ownerOrgId: 9,
    ...over,
  };
}

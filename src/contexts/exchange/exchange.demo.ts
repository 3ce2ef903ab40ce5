/**
 * Demo grants of the exchange: the service hall (行政审批局, `shenpi`) holds grants for prefilling
 * citizens' forms (政务服务表单预填) from the datasets the shipped forms map, each approved by the
 * owning department (or by the platform for 无条件共享) and with its credential collected. The fields
 * are listed as clear: prefill returns a citizen's OWN data to that citizen, under their consent.
 */
import type { Principal } from '../../kernel/principal.ts';
import { toChinaDate } from '../../kernel/calendar/calendar.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { ExchangeService } from './exchange.service.ts';

export interface PrefillGrantsDemo {
  /** The service hall's officer who requests and collects. */
  consumer: Principal;
  /** The officer of the owning department who approves (organisation id → principal). */
  approver: (ownerOrgId: number) => Promise<Principal | undefined>;
  purpose: string;
  /** Dataset identifier → the fields the forms map from it. */
  fieldsByDataset: Record<string, string[]>;
}

export async function seedPrefillGrants(exchange: ExchangeService, catalog: CatalogService, demo: PrefillGrantsDemo): Promise<number[]> {
  const granted: number[] = [];
  const today = toChinaDate(new Date());
  const validUntil = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
  for (const [identifier, wanted] of Object.entries(demo.fieldsByDataset)) {
    const found = (await catalog.list(demo.consumer, { q: identifier, page: 1, pageSize: 50 })).items.find((d) => d.identifier === identifier);
    if (!found || found.state !== 'published' || found.sharingType === 'none') continue;
    const ds = await catalog.get(demo.consumer, found.id);
    const fields = wanted.filter((f) => ds.metadata.fields.some((x) => x.name === f));
    if (fields.length === 0) continue;
    const { grant } = await exchange.request(demo.consumer, { datasetId: ds.id, purpose: demo.purpose, fields, clearFields: fields, validFrom: today, validUntil });
    if (grant.state === 'requested') {
      const owner = await demo.approver(grant.owner.id);
      if (!owner) continue;
      await exchange.approve(owner, grant.id, '服务大厅预填本人数据，经申请人授权');
      await exchange.issueCredential(demo.consumer, grant.id);
    }
    granted.push(grant.id);
  }
  return granted;
}

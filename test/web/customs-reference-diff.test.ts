import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffReference, locateField, stableJson } from '../../web/src/customs/referenceDiff.ts';

interface Item {
  id: string;
  route?: string;
  fields: string[];
}
interface ListsDocument {
  version: string;
  note: string;
  negativeList: Item[];
  generalList: Item[];
}

const shipped = JSON.parse(fs.readFileSync(new URL('../../src/contexts/customs/data/lists/pingtan-ftz.v1.json', import.meta.url), 'utf8')) as ListsDocument;

describe('diff of two reference versions', () => {
  it('finds nothing between a document and a copy with its keys in another order', () => {
    const reordered = JSON.parse(stableJson(shipped)) as ListsDocument;
    expect(diffReference('lists', shipped, { ...reordered, version: 'next' })).toEqual([]);
  });

  it('names items added, removed and changed by id, with the fields that changed', () => {
    const next = structuredClone(shipped);
    next.version = 'next';
    next.negativeList[0]!.route = 'security_assessment';
    next.negativeList[0]!.fields = [...next.negativeList[0]!.fields, '基因数据'];
    const removed = next.negativeList.splice(1, 1)[0]!;
    next.generalList.push({ ...next.generalList[0]!, id: 'GL-PHARMA-MRCT-99' });
    next.note = 'changed note';
    expect(diffReference('lists', shipped, next)).toEqual([
      { section: 'document', id: 'note', change: 'changed', fields: [] },
      { section: 'negativeList', id: shipped.negativeList[0]!.id, change: 'changed', fields: ['fields', 'route'] },
      { section: 'negativeList', id: removed.id, change: 'removed', fields: [] },
      { section: 'generalList', id: 'GL-PHARMA-MRCT-99', change: 'added', fields: [] },
    ]);
  });

  it('counts every item as added against no previous version', () => {
    const changes = diffReference('lists', null, shipped);
    expect(changes.filter((c) => c.section === 'negativeList')).toHaveLength(shipped.negativeList.length);
    expect(changes.every((c) => c.change === 'added')).toBe(true);
  });

  it('turns the field of a server error into the item id it names', () => {
    expect(locateField(shipped, 'negativeList[2].route')).toEqual({ section: 'negativeList', id: shipped.negativeList[2]!.id, field: 'route' });
    expect(locateField(shipped, 'version')).toBeNull();
    expect(locateField(shipped, 'negativeList[999].route')).toBeNull();
  });
});

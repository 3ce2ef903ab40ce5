import { describe, expect, it } from 'vitest';
import { clausesJson, figuresSummary, inputRefsJson, type SourceRecord } from './evaluate.ts';

const record = (batchId: number, rowNo: number): SourceRecord => ({ kind: 'tax', batchId, rowNo, orgId: 3, year: 2024, maskedId: '8300**', name: 'x', data: {} });

describe('what a run result stores', () => {
  it('writes the clauses as JSON.stringify does, with and without errors', () => {
    const cases = [
      [],
      [{ id: 'a', passed: true }],
      [{ id: 'taiwan-resident', passed: false }, { id: 'amount', passed: true }],
      [{ id: 'a', passed: true }, { id: 'amount', passed: false, error: 'the amount formula gave "x", not a whole number of fen' }],
    ];
    for (const c of cases) expect(clausesJson(c)).toBe(JSON.stringify(c));
  });

  it('writes the input references as JSON.stringify of batch id and row no does', () => {
    const inputs = { tax: record(1, 2), residence: null, employment: [record(3, 4), record(5, 60)], company: [] };
    const refs = { tax: { batchId: 1, rowNo: 2 }, residence: null, employment: [{ batchId: 3, rowNo: 4 }, { batchId: 5, rowNo: 60 }], company: [] };
    expect(inputRefsJson(inputs)).toBe(JSON.stringify(refs));
    expect(inputRefsJson({})).toBe('{}');
  });

  it('keeps only the top-level numbers and labels of each calculation in the figures', () => {
    const figures = { amountFen: 5, calculations: [{ subsidyCny: 0.05, rule: 'r', policyVersion: null, breakdown: { x: 1 }, list: [1] }, 7] };
    expect(figuresSummary(figures)).toEqual({ amountFen: 5, calculations: [{ subsidyCny: 0.05, rule: 'r', policyVersion: null }, 7] });
    expect(JSON.stringify(figuresSummary(figures))).toBe('{"amountFen":5,"calculations":[{"subsidyCny":0.05,"rule":"r","policyVersion":null},7]}');
  });
});

import { describe, expect, it } from 'vitest';
import { csvText, parseCsvRows } from './sheet.ts';
import { appErrorOf } from '../../test/helpers/errors.ts';

describe('CSV rows (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and names the line each record starts on', () => {
    const rows = parseCsvRows('\uFEFF名称,备注\r\n"平潭, 岚岛","他说""好""\n第二行"\r\n\r\nx,y\n');
    expect(rows).toEqual([
      { line: 1, cells: ['名称', '备注'] },
      { line: 2, cells: ['平潭, 岚岛', '他说"好"\n第二行'] },
      { line: 5, cells: ['x', 'y'] },
    ]);
  });

  it('refuses a quote that is never closed, naming the line it opened on', () => {
    const e = appErrorOf(() => parseCsvRows('a,b\n"open,c\n'));
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('line 2: a quoted field is never closed');
  });

  it('refuses text after a closing quote instead of guessing what was meant', () => {
    expect(appErrorOf(() => parseCsvRows('a,b\n"x"y,c\n')).message).toBe('line 2: unexpected character after a closing quote');
  });

  it('writes what it reads back unchanged, after a byte-order mark unless told not to', () => {
    const rows = [['档号', '题名'], ['WS·2024·Y·001', '含,逗号与"引号"\n和换行']];
    const text = csvText(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(csvText(rows, { bom: false }).startsWith('档号')).toBe(true);
    expect(parseCsvRows(text).map((r) => r.cells)).toEqual(rows);
  });
});

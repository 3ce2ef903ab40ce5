import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateZhTw, openccToTaiwan, paths, readJson, serialize, type Catalog, type GlossaryEntry } from '../../scripts/zh-tw.mjs';

const dir = path.dirname(paths.source);
const catalog = (name: string) => readJson(path.join(dir, name)) as Catalog;
const zhCN = catalog('zh-CN.json');
const zhTW = catalog('zh-TW.json');
const en = catalog('en.json');
const glossary = readJson(paths.glossary) as GlossaryEntry[];

describe('web UI message catalogs', () => {
  it('have exactly the same message ids in all three languages', () => {
    const ids = Object.keys(zhCN).sort();
    expect(Object.keys(zhTW).sort()).toEqual(ids);
    expect(Object.keys(en).sort()).toEqual(ids);
  });

  it('have no empty messages', () => {
    for (const c of [zhCN, zhTW, en]) for (const [id, text] of Object.entries(c)) expect(text.trim(), id).not.toBe('');
  });

  it('use the same {placeholders} in every language', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const id of Object.keys(zhCN)) {
      expect(vars(zhTW[id]!), id).toEqual(vars(zhCN[id]!));
      expect(vars(en[id]!), id).toEqual(vars(zhCN[id]!));
    }
  });

  it('commit a zh-TW catalog equal to what scripts/gen-zh-tw.mjs generates from zh-CN now', () => {
    expect(fs.readFileSync(paths.target, 'utf8')).toBe(serialize(generateZhTw()));
  });

  it('write Taiwan usage in Traditional Chinese', () => {
    const all = Object.values(zhTW).join('\n');
    for (const term of ['資料', '登入', '登出', '使用者', '帳號', '無權存取', '稽核'])
      expect(all, term).toContain(term);
    for (const mainland of ['数据', '賬號', '退出登入', '無權訪問', '許可權', '型別']) expect(all, mainland).not.toContain(mainland);
  });

  it('quote with Taiwan corner brackets 「」 where zh-CN uses curly quotes, and write 銷毀, not the variant 銷燬', () => {
    const quoted = Object.keys(zhCN).filter((id) => zhCN[id]!.includes('“'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const id of quoted) expect(zhTW[id], id).toContain('「');
    const all = Object.values(zhTW).join('\n');
    for (const q of ['“', '”', '‘', '’', '銷燬']) expect(all, q).not.toContain(q);
    expect(all).toContain('銷毀');
  });
});

describe('zh-TW glossary', () => {
  it('keeps only overrides that opencc does not already produce', () => {
    for (const g of glossary) expect(openccToTaiwan(g.cn), g.cn).not.toBe(g.tw);
  });

  it('lists each Simplified term once, with a reviewer note', () => {
    expect(new Set(glossary.map((g) => g.cn)).size).toBe(glossary.length);
    for (const g of glossary) expect(g.note.length, g.cn).toBeGreaterThan(0);
  });
});

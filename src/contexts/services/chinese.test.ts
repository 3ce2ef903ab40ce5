import { describe, expect, it } from 'vitest';
import { toSimplified, toTaiwanTraditional } from './chinese.ts';

describe('Simplified ↔ Taiwan Traditional for the service hall', () => {
  it('writes Taiwan usage and corner quotes: curly quotes become 「」 and 『』', () => {
    expect(toTaiwanTraditional('请在“我的免申即享”中授权，‘档案’已销毁')).toBe('請在「我的免申即享」中授權，『檔案』已銷毀');
  });

  it('reads names typed in Traditional back as Simplified for search', () => {
    expect(toSimplified('陳美玲')).toBe('陈美玲');
  });
});

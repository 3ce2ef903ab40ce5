import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ColumnChart, HorizontalBars, LineChart, niceMax } from '../../web/src/components/charts/index.ts';

const data = [
  { label: '1月', value: 3 },
  { label: '2月', value: 0 },
  { label: '3月', value: 7 },
];
const common = { caption: '各月申报数', labelHeader: '月份', valueHeader: '申报数', emptyText: '暂无数据' };

describe('web charts', () => {
  it('round the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 3, 7, 11, 24, 26, 480, 999].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 20, 25, 50, 500, 1000]);
  });

  it('draw one column per datum, scaled to the axis, with the numbers also in a table for screen readers', () => {
    const html = renderToStaticMarkup(createElement(ColumnChart, { data, ...common }));
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('<figcaption');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('<th scope="row">3月</th><td>7</td>');
    // 7 on an axis to 10: the tallest column is 70% of the plot height (240 - 18 - 28 = 194).
    const heights = [...html.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights[2]).toBeCloseTo(194 * 0.7, 5);
    expect(heights[1]).toBe(0);
  });

  it('draw a line through the points in order', () => {
    const html = renderToStaticMarkup(createElement(LineChart, { data, ...common }));
    expect(html).toContain('<polyline');
    expect(html.match(/<circle /g)).toHaveLength(3);
  });

  it('rank horizontal bars largest first, and say so when there is nothing to show', () => {
    const html = renderToStaticMarkup(createElement(HorizontalBars, { data, caption: '按行业', emptyText: '暂无数据' }));
    const order = [...html.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['3月', '1月', '2月']);
    const empty = renderToStaticMarkup(createElement(ColumnChart, { data: [{ label: 'a', value: 0 }], ...common }));
    expect(empty).toContain('暂无数据');
    expect(empty).not.toContain('<svg');
  });
});

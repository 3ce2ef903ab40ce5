import type { ScanReport } from './report.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A standalone, printable HTML report of one or more scans (no scripts, no external resources). */
export function renderHtmlReport(reports: ScanReport[], generatedAt = new Date()): string {
  const sections = reports
    .map((r) => {
      const rows = r.columns
        .map((c) => {
          const dets = c.detections.length
            ? c.detections
                .map((d) => `<span class="tag">${esc(d.type)}</span> ${d.matches.toLocaleString('en')} (${(d.ratio * 100).toFixed(1)}%, ${d.confidence.toFixed(2)})`)
                .join('<br>')
            : '<span class="none">—</span>';
          const ex = Object.entries(c.examples)
            .flatMap(([, v]) => v ?? [])
            .slice(0, 3)
            .map(esc)
            .join('<br>');
          return `<tr${c.detections.length ? ' class="hit"' : ''}><td>${c.index}</td><td>${esc(c.name)}</td><td>${dets}</td><td class="mono">${ex}</td></tr>`;
        })
        .join('\n');
      return `<section>
<h2>${esc(r.source)}</h2>
<p>${esc(r.format)}${r.encoding ? ` · ${esc(r.encoding)}` : ''} · ${r.rowsScanned.toLocaleString('en')} 行 rows · ${(r.bytes / 1048576).toFixed(1)} MiB${r.complete ? '' : ' · <strong>抽样 sampled</strong>'}</p>
<p>自然人 Distinct persons: <strong>${r.persons.persons.toLocaleString('en')}</strong> · 含敏感个人信息 with sensitive PI: <strong>${r.persons.sensitiveSubjects.toLocaleString('en')}</strong> · 仅一般个人信息 general PI only: <strong>${r.persons.personalSubjects.toLocaleString('en')}</strong></p>
<table><thead><tr><th>#</th><th>列 Column</th><th>检出 Detections (matches, ratio, confidence)</th><th>示例（已脱敏） Masked examples</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>岚岛 敏感数据扫描报告 Landao scan report</title>
<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#1f2329}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-bottom:2px solid #0b3d91;padding-bottom:.2em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #d0d4da;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#eef2f8}tr.hit td{background:#fff8e6}.tag{display:inline-block;background:#0b3d91;color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em}
.mono{font-family:ui-monospace,monospace}.none{color:#8a8f99}@media print{body{margin:0}}
</style></head><body>
<h1>岚岛 · 敏感数据扫描报告 <small>Landao sensitive-data scan report</small></h1>
<p>生成时间 Generated: ${esc(generatedAt.toISOString())}</p>
${sections}
</body></html>
`;
}

/**
 * Throughput of the recognisers (`npx tsx bench/recognizers.bench.ts [MB]`).
 *
 * Generates a table of ~20 columns in memory (identifiers of all types, names, addresses, free
 * text, decoys: order numbers, timestamps, amounts, product codes, hex ids, zip codes, counts —
 * roughly the mix of a government/business CSV export), then measures on one core:
 *   1. ColumnProfiler.observe over every cell (column classification incl. whole-cell
 *      validation, name tests, in-cell free text),
 *   2. classifyCell over every cell (no column aggregation),
 *   3. findInText over free-text documents (paragraphs of prose with and without PII).
 * Sizes are UTF-8 bytes of the cell texts. Default ~100 MB of cells (the distinct rows are
 * generated once and cycled); pass a number of MB to change it.
 */
import { classifyCell, ColumnProfiler, findInText } from '../src/contexts/detection/recognizers/index.ts';
import { luhnCheck, mod11_2CheckChar, usccCheckChar } from '../src/contexts/detection/validators/index.ts';

const targetMb = Number(process.argv[2] ?? 100);

// ---------------------------------------------------------------------------------------------
// Deterministic generator

let seed = 20240601;
function rnd(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return ((seed >>> 8) % n) | 0;
}
function pick<T>(xs: readonly T[]): T {
  return xs[rnd(xs.length)] as T;
}
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玉兰海燕晓东梅鹏飞斌宇浩然子涵欣怡雨萱博文俊杰宏亮凯丹婷颖佳琪晨阳';
function name(): string {
  const s = SURNAMES.charAt(rnd(SURNAMES.length));
  const g = GIVEN.charAt(rnd(GIVEN.length)) + (rnd(4) > 0 ? GIVEN.charAt(rnd(GIVEN.length)) : '');
  return rnd(50) === 0 ? pick(['欧阳', '司马', '诸葛', '上官']) + g : s + g;
}
const AREAS = ['350128', '350102', '350104', '350111', '350181', '350203', '110105', '310115', '440305', '330106', '510107'];
function residentId(): string {
  const body = pick(AREAS) + (1950 + rnd(60)) + pad(1 + rnd(12), 2) + pad(1 + rnd(28), 2) + pad(rnd(1000), 3);
  return body + mod11_2CheckChar(body);
}
function mobile(): string {
  const n = pick(['139', '138', '186', '158', '177', '199', '135', '150']) + pad(rnd(1e8), 8);
  switch (rnd(6)) {
    case 0:
      return `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    case 1:
      return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
    default:
      return n;
  }
}
const CITIES = ['福建省平潭综合实验区', '福州市鼓楼区', '福州市仓山区', '厦门市思明区', '平潭县潭城镇', '北京市朝阳区', '广东省深圳市南山区', '浙江省杭州市西湖区'];
const ROADS = ['西航路', '五四路', '环岛路', '麒麟路', '金井大道', '湖滨南路', '建国路', '文化路一段', '中山北路'];
function address(): string {
  return `${pick(CITIES)}${pick(ROADS)}${1 + rnd(300)}号${rnd(3) === 0 ? `${1 + rnd(20)}栋${1 + rnd(30)}0${1 + rnd(6)}室` : ''}`;
}
function email(): string {
  return `${pick(['zhang', 'li', 'wang', 'chen', 'service', 'info', 'lin'])}${rnd(1000)}@${pick(['163.com', 'qq.com', 'pingtan.gov.cn', 'example.com', 'gmail.com'])}`;
}
function card(): string {
  for (;;) {
    const c = pick(['622202', '621700', '622848', '436742', '622588']) + pad(rnd(1e9), 9) + pad(rnd(1e4), 4);
    if (luhnCheck(c) || rnd(10) === 0) return c;
  }
}
function plate(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return pick(['闽', '粤', '京', '沪', '浙']) + letters.charAt(rnd(letters.length)) + pad(rnd(1e5), 5);
}
function uscc(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91' + pick(AREAS);
  for (let i = 0; i < 9; i++) body += alphabet.charAt(rnd(alphabet.length));
  return body + usccCheckChar(body);
}
const DIAG = ['2型糖尿病', '高血压', '冠心病', '肺炎', '慢性胃炎', '腰椎间盘突出', '上呼吸道感染', '过敏性鼻炎', '骨折', '甲状腺结节'];
function sentence(): string {
  switch (rnd(10)) {
    case 0:
      return `申请人${name()}（身份证号${residentId()}）联系电话${mobile()}，住址${address()}。`;
    case 1:
      return `客户${name()}来电反映订单${pad(rnd(1e9), 9)}${pad(rnd(1e9), 9)}未收到货，已安排补发。`;
    case 2:
      return `本季度共受理业务${rnd(10000)}件，办结率${rnd(100)}.${rnd(10)}%，群众满意度持续提升。`;
    case 3:
      return `患者${name()}，${20 + rnd(60)}岁，诊断为${pick(DIAG)}，建议定期复查。`;
    case 4:
      return `请于${2023 + rnd(2)}年${1 + rnd(12)}月${1 + rnd(28)}日前将材料送至${address()}，联系人${name()}。`;
    case 5:
      return 'The shipment was delayed due to weather; tracking number 7723' + pad(rnd(1e8), 8) + ' will be updated soon.';
    case 6:
      return `经查，${name()}于${2020 + rnd(4)}年在平潭开办企业，统一社会信用代码${uscc()}。`;
    case 7:
      return `会议强调，要坚持以人民为中心的发展思想，持续优化营商环境，推动高质量发展。`;
    case 8:
      return `车辆${plate()}于${pad(rnd(24), 2)}:${pad(rnd(60), 2)}驶入停车场，缴费${rnd(50)}元。`;
    default:
      return `系统日志：用户登录成功，来源IP ${rnd(223) + 1}.${rnd(255)}.${rnd(255)}.${1 + rnd(254)}，耗时${rnd(900)}ms。`;
  }
}

const HEADERS = ['id', '姓名', '身份证号', '手机号', '地址', '邮箱', '订单号', '下单时间', '金额', '商品编码', '备注', '银行卡号', '车牌号', 'ip', '邮编', '数量', 'request_id', '统一社会信用代码', '诊断', 'description'];
function row(i: number): string[] {
  return [
    String(i),
    name(),
    residentId(),
    mobile(),
    address(),
    email(),
    `2023${pad(1 + rnd(12), 2)}${pad(1 + rnd(28), 2)}${pad(rnd(1e10), 10)}`,
    `2023-${pad(1 + rnd(12), 2)}-${pad(1 + rnd(28), 2)} ${pad(rnd(24), 2)}:${pad(rnd(60), 2)}:${pad(rnd(60), 2)}`,
    `${rnd(100000)}.${pad(rnd(100), 2)}`,
    `SKU-${pick(['A', 'B', 'C'])}${pad(rnd(1e6), 6)}`,
    rnd(3) === 0 ? sentence() : rnd(2) === 0 ? '无' : '',
    card(),
    plate(),
    `${10 + rnd(200)}.${rnd(255)}.${rnd(255)}.${1 + rnd(254)}`,
    `3504${pad(rnd(100), 2)}`,
    String(rnd(500)),
    (rnd(1 << 30) * 4096 + rnd(4096)).toString(16).padStart(12, '0') + pad(rnd(1e6), 6),
    uscc(),
    pick(DIAG),
    rnd(4) === 0 ? sentence() + sentence() : `${pick(['优质', '新款', '经典'])}${pick(['茶叶', '海产品', '工艺品', '电子产品'])}，产地平潭，规格${1 + rnd(10)}kg/箱。`,
  ];
}

// ---------------------------------------------------------------------------------------------

const DISTINCT_ROWS = 60_000;
const rows: string[][] = [];
let rowBytes = 0;
for (let i = 0; i < DISTINCT_ROWS; i++) {
  const r = row(i);
  rows.push(r);
  for (const c of r) rowBytes += Buffer.byteLength(c);
}
const passes = Math.max(1, Math.round((targetMb * 1e6) / rowBytes));
const totalBytes = rowBytes * passes;
console.log(`table: ${HEADERS.length} columns, ${DISTINCT_ROWS} distinct rows × ${passes} passes = ${(totalBytes / 1e6).toFixed(1)} MB of cells`);

// Warm-up (dictionaries, segmenter, JIT).
for (let i = 0; i < 2000; i++) for (const c of rows[i] as string[]) classifyCell(c);

/** Reports MB/s by wall clock and by this process's CPU time (= per core, robust to other load). */
function time(label: string, bytes: number, fn: () => void): void {
  const u0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const u = process.cpuUsage(u0);
  const cpu = (u.user + u.system) / 1e6;
  const mb = bytes / 1e6;
  console.log(`${label.padEnd(36)} ${mb.toFixed(1).padStart(7)} MB  wall ${wall.toFixed(2).padStart(6)} s = ${(mb / wall).toFixed(1).padStart(6)} MB/s  cpu ${cpu.toFixed(2).padStart(6)} s = ${(mb / cpu).toFixed(1).padStart(6)} MB/s per core`);
}

let profiles: ReturnType<ColumnProfiler['result']>[] = [];
time('ColumnProfiler.observe (20 columns)', totalBytes, () => {
  const profilers = HEADERS.map((h) => new ColumnProfiler(h));
  for (let p = 0; p < passes; p++) {
    for (const r of rows) {
      for (let c = 0; c < r.length; c++) (profilers[c] as ColumnProfiler).observe(r[c] as string);
    }
  }
  profiles = profilers.map((p) => p.result());
});

time('classifyCell (no header)', rowBytes, () => {
  for (const r of rows) for (const c of r) classifyCell(c);
});

// Free text: paragraphs of 5-15 sentences.
const docs: string[] = [];
let docBytes = 0;
while (docBytes < Math.min(targetMb, 30) * 1e6) {
  let d = '';
  const n = 5 + rnd(10);
  for (let i = 0; i < n; i++) d += sentence();
  docs.push(d);
  docBytes += Buffer.byteLength(d);
}
let findings = 0;
time('findInText (prose paragraphs)', docBytes, () => {
  for (const d of docs) findings += findInText(d).length;
});

console.log(`\nper-column detections (${findings} free-text findings):`);
HEADERS.forEach((h, i) => {
  const p = profiles[i];
  const d = p === undefined ? '' : p.detections.map((x) => `${x.type} ${x.ratio} (${x.confidence})`).join(', ');
  console.log(`  ${h.padEnd(18)} ${d}`);
});

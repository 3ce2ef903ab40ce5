import { describe, expect, it } from 'vitest';
import { luhnCheck, mod11_2CheckChar } from '../validators/index.ts';
import { classifyCell, ColumnProfiler } from './index.ts';

// Deterministic PRNG so the column tests are stable.
let seed = 42;
function rnd(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function idBody(area = '350128'): string {
  return area + (1950 + rnd(60)) + pad(1 + rnd(12), 2) + pad(1 + rnd(28), 2) + pad(rnd(1000), 3);
}
function validId(area?: string): string {
  const b = idBody(area);
  return b + mod11_2CheckChar(b);
}
/** 18-digit "order numbers": ID-like structure, random check character (≈ 1 in 11 pass). */
function orderNumber(): string {
  return idBody() + '0123456789X'.charAt(rnd(11));
}
function card(luhn: boolean): string {
  for (;;) {
    const c = '622202' + pad(rnd(1e9), 9) + pad(rnd(1e4), 4);
    if (luhnCheck(c) === luhn) return c;
  }
}

function profile(header: string | null, cells: readonly string[]) {
  const p = new ColumnProfiler(header);
  for (const c of cells) p.observe(c);
  return p.result();
}

function many(n: number, gen: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => gen(i));
}

const NAMES = ['王小明', '李华', '张伟', '刘秀英', '陈建国', '欧阳娜娜', '阿卜杜拉·买买提', '黄志强', '林晓燕', '周杰', '吴丽华', '郑海涛', '许文博', '何振华', '孙丽', '韩志刚', '謝宗翰', '曹永福', '马晓东', '罗红梅', '張家瑋', '司马南', '邓国庆', '冯志远'];

describe('ColumnProfiler', () => {
  it('finds a column of valid ID numbers under a meaningless header from the values alone', () => {
    const r = profile('col_7', many(500, () => validId()));
    expect(r.detections).toHaveLength(1);
    expect(r.detections[0]).toMatchObject({ type: 'cn_resident_id', matches: 500, ratio: 1 });
    expect(r.detections[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.examples.cn_resident_id?.[0]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(r.subjects?.cn_resident_id).toBeGreaterThan(400);
  });

  it('does not report 18-digit order numbers whose check digits are random, even when some pass', () => {
    const cells = many(1000, () => orderNumber());
    const r = profile('col_3', cells);
    expect(r.detections).toEqual([]);
    expect(profile('订单号', cells).detections).toEqual([]);
    // ~1 in 11 pass MOD 11-2 by accident: the cell-level findings exist, the column rejects them.
    const passing = cells.filter((c) => classifyCell(c).length > 0).length;
    expect(passing).toBeGreaterThan(20);
  });

  it('reports the column as resident IDs when the header says so, with a higher confidence', () => {
    const cells = many(300, () => validId());
    const plain = profile('col', cells).detections[0];
    const named = profile('身份证号', cells).detections[0];
    expect(named?.type).toBe('cn_resident_id');
    expect(named?.confidence).toBeGreaterThanOrEqual(plain?.confidence ?? 1);
  });

  it('classifies a column of 830000 numbers as Taiwan residence permits', () => {
    const r = profile('证件号码', many(200, () => validId('830000')));
    expect(r.detections.map((d) => d.type)).toEqual(['tw_residence_permit']);
  });

  it('finds a names column with and without a name header, but not a status or city column', () => {
    const names = many(400, (i) => NAMES[i % NAMES.length] as string);
    expect(profile('姓名', names).detections[0]).toMatchObject({ type: 'person_name', ratio: 1 });
    expect(profile('col_2', names).detections[0]?.type).toBe('person_name');
    expect(profile('状态', many(400, (i) => ['正常', '已完成', '待审核', '高级', '方面'][i % 5] as string)).detections).toEqual([]);
    expect(profile('城市', many(400, (i) => ['福州', '厦门', '泉州', '平潭', '高山'][i % 5] as string)).detections).toEqual([]);
  });

  it('finds an address column', () => {
    const r = profile('住址', many(200, () => `福建省平潭县潭城镇西航路${1 + rnd(200)}号${1 + rnd(9)}栋${1 + rnd(9)}0${1 + rnd(6)}室`));
    expect(r.detections[0]).toMatchObject({ type: 'address', ratio: 1 });
    const noHeader = profile('c9', many(200, () => `福州市鼓楼区五四路${1 + rnd(300)}号`));
    expect(noHeader.detections[0]?.type).toBe('address');
  });

  it('finds a mobile column written with +86 and separators', () => {
    const r = profile('联系电话', many(300, (i) => ['+86 139 0591 ' + pad(i, 4), '139-0591-' + pad(i, 4), '1390591' + pad(i, 4), '+8613905912345'][i % 4] as string));
    expect(r.detections).toHaveLength(1);
    expect(r.detections[0]).toMatchObject({ type: 'cn_mobile', ratio: 1 });
    expect(r.examples.cn_mobile?.length).toBeGreaterThan(0);
  });

  it('reports bank cards failing Luhn under a card header, but not without a header', () => {
    const mixed = many(400, (i) => card(i % 2 === 0));
    expect(profile('卡号', mixed).detections[0]).toMatchObject({ type: 'bank_card', matches: 400 });
    expect(profile('col_c', mixed).detections).toEqual([]);
    expect(profile('col_c', many(300, () => card(true))).detections[0]?.type).toBe('bank_card');
  });

  it('reports 8-digit Taiwan travel permits only under a 台胞证 header', () => {
    const cells = many(300, () => pad(rnd(1e8), 8));
    expect(profile('台胞证号', cells).detections[0]?.type).toBe('tw_travel_permit');
    expect(profile('col_8', cells).detections).toEqual([]);
  });

  it('does not report decoy columns: timestamps, amounts, product codes, hex ids, zip codes, counts', () => {
    const decoys: Array<[string, (i: number) => string]> = [
      ['create_time', (i) => `2023-06-${pad(1 + (i % 28), 2)} 12:${pad(i % 60, 2)}:45`],
      ['ts', () => String(1685580000 + rnd(1e7))],
      ['ts_ms', () => String(1685580000000 + rnd(1e9))],
      ['金额', () => `${rnd(100000)}.${pad(rnd(100), 2)}`],
      ['商品编码', () => `SKU-${pad(rnd(1e6), 6)}`],
      ['request_id', () => (rnd(1 << 30) * 4096 + rnd(4096)).toString(16).padStart(12, '0')],
      ['uuid', () => `${pad(rnd(1e8), 8)}-e29b-41d4-a716-${pad(rnd(1e6), 6)}440000`],
      ['邮编', () => `3504${pad(rnd(100), 2)}`],
      ['数量', () => String(rnd(500))],
      ['col_x', () => String(rnd(1e8) * 1000 + rnd(1000)).padStart(11, '2')],
    ];
    for (const [header, gen] of decoys) {
      expect(profile(header, many(300, gen)).detections, header).toEqual([]);
    }
  });

  it('counts in-text findings of a free-text column and returns their spans from observe', () => {
    const p = new ColumnProfiler('备注');
    const spans = p.observe('客户王小明来电，手机13905912345，要求退款。');
    expect(spans.map((f) => f.type)).toEqual(['person_name', 'cn_mobile']);
    p.observe('已处理');
    p.observe('');
    const r = p.result();
    expect(r.nonEmpty).toBe(2);
    expect(r.detections.find((d) => d.type === 'cn_mobile')).toMatchObject({ matches: 1, ratio: 0.5 });
  });

  it('treats every value of a password or diagnosis column as sensitive', () => {
    expect(profile('password', ['P@ssw0rd!', 'abc12345', 'letmein2023']).detections[0]?.type).toBe('secret');
    expect(profile('诊断', ['2型糖尿病', '左膝半月板损伤', '高血压']).detections[0]).toMatchObject({ type: 'medical_record', ratio: 1 });
  });

  it('merges the snapshots of profilers of the same column exactly', () => {
    const cells = many(400, () => validId());
    const whole = profile('sfzh', cells);
    const a = new ColumnProfiler('sfzh');
    const b = new ColumnProfiler('sfzh');
    cells.forEach((c, i) => (i % 2 === 0 ? a : b).observe(c));
    const merged = new ColumnProfiler('sfzh');
    merged.absorb(a.snapshot());
    merged.absorb(b.snapshot());
    expect(merged.result().detections).toEqual(whole.detections);
  });

  it('merges the mobile prefixes seen by profilers of parts of a column, so a headerless phone column split across workers is still phones', () => {
    const cells = many(600, (i) => `${PREFIXES[i % PREFIXES.length]}${pad(100000 + i * 13, 8)}`);
    const whole = profile('字段7', cells);
    expect(whole.detections.map((d) => d.type)).toContain('cn_mobile');
    const parts = [0, 1, 2].map(() => new ColumnProfiler('字段7'));
    // Each part sees only a few prefixes, the whole column many.
    cells.forEach((c, i) => (parts[Math.floor((i % PREFIXES.length) / 7)] as ColumnProfiler).observe(c));
    const merged = new ColumnProfiler('字段7');
    for (const p of parts) merged.absorb(p.snapshot());
    expect(merged.result().detections).toEqual(whole.detections);
  });
});

describe('classifyCell', () => {
  it('returns the spans of the values inside a cell, trimmed', () => {
    expect(classifyCell('  13905912345 ')).toEqual([expect.objectContaining({ type: 'cn_mobile', start: 2, end: 13 })]);
    const text = '申请人王小明，手机13905912345';
    expect(classifyCell(text, '备注').map((f) => text.slice(f.start, f.end))).toEqual(['王小明', '13905912345']);
  });

  it('uses the column header as context for ambiguous values', () => {
    expect(classifyCell('12345678')).toEqual([]);
    expect(classifyCell('12345678', '台胞证号码')).toEqual([expect.objectContaining({ type: 'tw_travel_permit', start: 0, end: 8 })]);
  });

  it('reads an old 台胞证 number with its authority letter as one permit, not as a Taiwan mobile', () => {
    expect(classifyCell('0911317204(K)', '台胞证号')).toEqual([expect.objectContaining({ type: 'tw_travel_permit', start: 0, end: 13, normalized: '09113172' })]);
    expect(classifyCell('12345678(B)', '台胞证号')).toEqual([expect.objectContaining({ type: 'tw_travel_permit', start: 0, end: 11 })]);
    const cells = many(400, (i) => (i % 20 === 0 ? `09${pad(rnd(1e8), 8)}(${'ABCK'.charAt(rnd(4))})` : i % 20 === 1 ? `09${pad(rnd(1e8), 8)}` : pad(10000000 + rnd(9e7), 8)));
    const r = profile('台胞证号', cells);
    expect(r.detections.map((d) => [d.type, d.matches])).toEqual([['tw_travel_permit', 400]]);
    // Without the letter, 09… ten digits are a Taiwan mobile, except under a 台胞证 header.
    expect(classifyCell('0911317204')).toEqual([expect.objectContaining({ type: 'tw_mobile' })]);
    expect(classifyCell('0911317204', '台胞证号')).toEqual([expect.objectContaining({ type: 'tw_travel_permit', start: 0, end: 10 })]);
    expect(classifyCell('0911317204', '手机号')).toEqual([expect.objectContaining({ type: 'tw_mobile' })]);
  });

  it('returns nothing for empty or whitespace cells', () => {
    expect(classifyCell('')).toEqual([]);
    expect(classifyCell(' \t ')).toEqual([]);
  });
});

describe('ColumnProfiler on headers of real exports', () => {
  const firms = ['林记食品有限公司', '张小泉刀剪贸易有限公司', '福州市鼓楼区陈氏餐饮店', '平潭县海峡物流有限公司', '王老吉饮料专卖店', '福建省闽台科技有限公司'];
  const clerks = ['罗琳婉', '董兰', '蔡伟华', '陈美玲', '林国栋', '黄志强', '郑秀英', '吴建国', '许雅雯'];

  it('reports no person names in a column headed as firm or unit names, whatever names the firms carry', () => {
    for (const header of ['企业名称', '就业单位', 'dwmc', 'company_name']) {
      const r = profile(header, many(300, (i) => firms[i % firms.length]!));
      expect(r.detections.map((d) => d.type), header).not.toContain('person_name');
    }
  });

  it('reports no person names under headers of bank branches, classes or buildings (bankName, 班级, 楼栋)', () => {
    const values = ['中国工商银行福州鼓楼支行', '林记大厦', '王庄小学高二(10)班', '陈厝社区3号楼', '福建海峡银行平潭分行'];
    for (const header of ['bankAccount.bankName', '班级', 'BJMC', '楼栋', 'branchName']) {
      const r = profile(header, many(300, (i) => values[i % values.length]!));
      expect(r.detections.map((d) => d.type), header).not.toContain('person_name');
    }
  });

  it('reads Tibetan names, which have no surname, as names in a name column, but not a greeting', () => {
    const tibetan = ['格桑卓玛', '次仁央金', '尼玛次仁', '扎西多吉', '罗布顿珠', '王小明', '德吉拉姆', '平措旺堆'];
    const r = profile('姓名', many(400, (i) => tibetan[i % tibetan.length]!));
    expect(r.detections[0]).toMatchObject({ type: 'person_name', ratio: 1 });
    expect(classifyCell('扎西德勒', '姓名')).toEqual([]);
  });

  it('reads a column of a few clerks under a role header (承辦人, 接诊医生, receiver) as names', () => {
    for (const header of ['承辦人', '接诊医生', 'receiver', '机动车所有人']) {
      const r = profile(header, many(300, (i) => clerks[i % clerks.length]!));
      expect(r.detections[0]?.type, header).toBe('person_name');
    }
  });

  it('lowers the confidence of a column headed as a member or staff number (会员号, grbh)', () => {
    const cells = many(200, (i) => `${PREFIXES[i % PREFIXES.length]}${pad(5912000 + i * 37, 8)}`);
    const plain = profile('号码', cells).detections.find((d) => d.type === 'cn_mobile');
    for (const header of ['会员号', 'grbh', '工号']) {
      const decoy = profile(header, cells).detections.find((d) => d.type === 'cn_mobile');
      expect(decoy?.confidence ?? 0, header).toBeLessThan(plain!.confidence);
    }
  });

  it('does not take a serial column of 11 digits from 1 for phones when a quarter of them have unassigned prefixes', () => {
    // Meter and device serials: random digits after a 1, so ~3 in 4 happen to start like a mobile.
    const serials = many(400, (i) => `1${pad((i * 7919 + 12345) % 100, 2)}${pad((i * 104729) % 100000000, 8)}`);
    expect(profile('meter_no', serials).detections.find((d) => d.type === 'cn_mobile')).toBeUndefined();
    // The same numbers under a phone header are phones, with their typos.
    expect(profile('联系电话', serials).detections.find((d) => d.type === 'cn_mobile')).toBeDefined();
  });

  it('does not take a numbering scheme that reuses a few mobile prefixes for phones, unless the header says phone', () => {
    const scheme = many(300, (i) => `${['135', '136', '158', '188', '139'][i % 5]}${pad(100000 + i * 13, 8)}`);
    expect(profile('字段7', scheme).detections.find((d) => d.type === 'cn_mobile')).toBeUndefined();
    expect(profile('手机', scheme).detections.find((d) => d.type === 'cn_mobile')).toBeDefined();
    const phones = many(300, (i) => `${PREFIXES[i % PREFIXES.length]}${pad(100000 + i * 13, 8)}`);
    expect(profile('字段7', phones).detections.find((d) => d.type === 'cn_mobile')).toBeDefined();
  });
});

describe('ColumnProfiler under headers that name something else (table set D)', () => {
  it('does not report a version column as IP addresses when only its four-part versions parse as IPv4', () => {
    const versions = many(400, (i) => (i % 8 === 0 ? `6.${i % 10}.${i % 7}.${1 + (i % 20)}` : `7.${i % 13}.${i % 30}`));
    expect(profile('client.appVersion', versions).detections.find((d) => d.type === 'ip_address')).toBeUndefined();
    // The same addresses under a neutral header, as most of the column, are still addresses.
    const ips = many(400, (i) => `10.${i % 200}.${(i * 7) % 250}.${1 + (i % 250)}`);
    expect(profile('client.addr', ips).detections.find((d) => d.type === 'ip_address')).toBeDefined();
  });

  it('does not report a column of references to secrets (vault paths) as secrets', () => {
    const refs = many(200, (i) => `vault://kv/${['dev', 'staging', 'prod'][i % 3]}/svc-${i}/${['ssh_private_key', 'aws_access_key', 'db_password'][i % 3]}`);
    expect(profile('credential.secretRef', refs).detections).toEqual([]);
  });

  it('does not report test-panel names that hold a disease as health data', () => {
    const panels = many(300, (i) => ['遗传性肿瘤88基因', '肺癌靶向用药12基因', '心血管用药指导', '耳聋基因'][i % 4] as string);
    expect(profile('检测项目', panels).detections.find((d) => d.type === 'medical_record')).toBeUndefined();
  });

  it('reads hrp_no as home-return permits and wgy (网格员) as names, and firms\' names under vendor or enterprise headers as no persons', () => {
    const permits = many(200, (i) => `${i % 2 === 0 ? 'H' : 'M'}${pad((i * 7919 + 10000000) % 100000000, 8)}`);
    expect(profile('hrp_no', permits).detections[0]?.type).toBe('hkmo_home_return_permit');
    const staff = many(300, (i) => ['卢航涵', '俞怡晓', '郑阿家', '韩立新', '彭小敏', '廖文博'][i % 6] as string);
    expect(profile('wgy', staff).detections[0]?.type).toBe('person_name');
    const firms = many(200, (i) => ['福州榕信置业有限公司', '平潭永丰精密机械有限公司', '平潭海峡科技有限公司', '林记食品有限公司'][i % 4] as string);
    expect(profile('vendor.name', firms).detections.find((d) => d.type === 'person_name')).toBeUndefined();
  });
});

describe('ColumnProfiler on names of teams, documents, brands and herbs (table sets C and D)', () => {
  it('does not report a contact column of teams, a permit-number column or a tag column of herbs and car models as names', () => {
    const teams = many(300, (i) => ['计量班', '用电检查班', '客户服务中心', '潭城供电所', '抄表班', '城区营业所', '营业班', '95598工单组'][i % 8] as string);
    expect(profile('联系人', teams).detections.find((d) => d.type === 'person_name')).toBeUndefined();
    const permits = many(200, (i) => `闽交运管平字350128${pad(i * 37, 6)}号`);
    expect(profile('transport_cert_no', permits).detections.find((d) => d.type === 'person_name')).toBeUndefined();
    const tags = many(300, (i) => ['方便', '常规', '石斛', '金银花', '陈皮', '何首乌', '田七', '杜仲', '连翘', '白芷', '马上送', '别克GL8', '吉利星越L', '丰田卡罗拉'][i % 14] as string);
    expect(profile('偏好标签', tags).detections.find((d) => d.type === 'person_name')).toBeUndefined();
  });
});

/** Three-digit mobile prefixes in use (a real phone column spreads over dozens of them). */
const PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '177', '180', '186', '188', '191', '199'];


describe('ColumnProfiler on what columns-e taught: numbering schemes shaped like mobiles, products named after drugs', () => {
  it('does not read a member-id column of 11-digit numbers from the 18x and 19x blocks only as mobile numbers', () => {
    const blocks = ['180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];
    const ids = many(400, () => `${blocks[rnd(blocks.length)] as string}${pad(rnd(1e8), 8)}`);
    expect(profile('会员ID', ids).detections.map((d) => d.type)).not.toContain('cn_mobile');
  });

  it('still reads a member-id column holding real phone numbers, which span many blocks, as mobile numbers', () => {
    const phones = many(400, () => `${PREFIXES[rnd(PREFIXES.length)] as string}${pad(rnd(1e8), 8)}`);
    expect(profile('会员ID', phones).detections.map((d) => d.type)).toContain('cn_mobile');
  });

  it('does not report health data in a product-name column where a few products are drugs', () => {
    const goods = many(300, (i) => (i % 10 === 0 ? '布洛芬缓释胶囊（海外版）' : ['台湾凤梨酥礼盒12入', '保温杯500ml', '儿童雨衣', '蓝牙耳机'][rnd(4)] as string));
    expect(profile('商品名称', goods).detections.map((d) => d.type)).not.toContain('medical_record');
  });
});

describe('ColumnProfiler on what columns-f taught: disability categories, HS codes', () => {
  it('reads a disability-category column as health data', () => {
    const cats = many(200, () => ['智力残疾', '视力残疾', '精神残疾', '肢体残疾', '听力残疾', '言语残疾', '多重残疾'][rnd(7)] as string);
    expect(profile('残疾类别', cats).detections.map((d) => d.type)).toEqual(['medical_record']);
  });

  it('does not read the few HS codes that start with 09 as Taiwan mobile numbers', () => {
    const codes = many(400, (i) => (i % 20 === 0 ? `09${pad(rnd(1e8), 8)}` : `${pad(1 + rnd(97), 2)}${pad(rnd(1e8), 8)}`));
    expect(profile('HS编码', codes).detections).toEqual([]);
  });
});

describe('ColumnProfiler on what columns-g taught: meter numbers, codes ending in a phone shape, staff names from a short list', () => {
  it('does not read a column of 13x meter numbers as mobile numbers, under a meter header or a generic one', () => {
    const meters = many(400, () => `13${rnd(10)}${pad(rnd(1e8), 8)}`);
    expect(profile('meter_addr', meters).detections).toEqual([]);
    expect(profile('col_8', meters).detections).toEqual([]);
    expect(profile('联系电话', meters).detections.map((d) => d.type)).toEqual(['cn_mobile']);
  });

  it('does not read the tail of a dash-joined receipt number as a Taiwan mobile number', () => {
    const receipts = many(800, (i) => `35010124-${i % 60 === 0 ? '09' : String(1 + rnd(8))}${pad(rnd(1e8), i % 60 === 0 ? 8 : 9)}`);
    expect(profile('财政票据号', receipts).detections).toEqual([]);
  });

  it('reads a pharmacist column of a few repeated names as names, and a carrier column as no names', () => {
    const staff = ['王建国', '李秀英', '张伟', '陈美玲', '林志强'];
    expect(profile('发药药师', many(300, () => staff[rnd(staff.length)] as string)).detections.map((d) => d.type)).toEqual(['person_name']);
    expect(profile('head.logisticsName', many(300, () => ['中国邮政EMS', '极兔速递', '顺丰速运', '韵达快递', '申通快递'][rnd(5)] as string)).detections).toEqual([]);
  });

  it('reads an hmt_permit column of home-return permits', () => {
    const permits = many(200, () => `${rnd(2) === 0 ? 'H' : 'M'}${pad(rnd(1e8), 8)}`);
    expect(profile('hmt_permit', permits).detections.map((d) => d.type)).toContain('hkmo_home_return_permit');
  });
});

describe('ColumnProfiler on what columns-h taught: staff lists, positional headers, exam items', () => {
  it('reads a column of a few repeated three-character names as a staff list, under a positional header too', () => {
    const crew = ['翁海波', '俞建新', '陈德胜', '高振华', '卓明亮', '林秋月'];
    expect(profile('field_25', many(300, () => crew[rnd(crew.length)] as string)).detections.map((d) => d.type)).toEqual(['person_name']);
    expect(profile('col_3', many(300, () => ['福州市', '厦门市', '泉州市', '漳州市', '宁德市'][rnd(5)] as string)).detections).toEqual([]);
  });

  it('reads a column of whole exam names as health data, but not a vaccine catalogue', () => {
    const exams = ['肺功能检查', '腰椎MRI', '冠状动脉CTA', '胸部CT', '血常规', '胃镜', '心电图'];
    expect(profile('检查项目', many(300, () => exams[rnd(exams.length)] as string)).detections.map((d) => d.type)).toEqual(['medical_record']);
    expect(profile('疫苗名称', many(300, () => ['甲肝减毒活疫苗', '13价肺炎球菌多糖结合疫苗', '乙肝疫苗'][rnd(3)] as string)).detections).toEqual([]);
  });

  it('reads the names under keyPersons[].name as persons and those under entName as firms', () => {
    expect(profile('keyPersons[].name', many(200, () => NAMES[rnd(NAMES.length)] as string)).detections.map((d) => d.type)).toEqual(['person_name']);
    expect(profile('entName', many(200, () => ['福州北港食品有限公司', '平潭综合实验区老街海鲜排档', '厦门鑫源电子商务有限责任公司'][rnd(3)] as string)).detections).toEqual([]);
  });
});

describe('ColumnProfiler on what columns-i taught: firms under a name header, pinyin initials, short staff lists', () => {
  it('reads no names inside firms\' names under a consignee header', () => {
    const firms = ['福州嘉禾水产有限公司', '福清宏图电子商务有限公司', '厦门嘉禾供应链有限公司', '平潭金海贸易有限公司'];
    expect(profile('consignee.name', many(300, () => firms[rnd(firms.length)] as string)).detections).toEqual([]);
  });

  it('reads a column named by pinyin initials ending in lxr as names, and a staff list with some two-character names', () => {
    expect(profile('azdlxr', many(200, () => NAMES[rnd(NAMES.length)] as string)).detections.map((d) => d.type)).toEqual(['person_name']);
    const staff = ['段文', '杨莉娜', '陈钰炜', '林思远', '黄建平'];
    expect(profile('col_19', many(300, () => staff[rnd(staff.length)] as string)).detections.map((d) => d.type)).toEqual(['person_name']);
  });
});

describe('ColumnProfiler on what columns-j taught: certificate numbers on an ID, camel-case permit headers, person fields, bare districts', () => {
  it('reads a special-operation certificate column (T and the ID number) as resident IDs', () => {
    expect(profile('special_op_cert', many(200, () => `T${validId()}`)).detections.map((d) => d.type)).toEqual(['cn_resident_id']);
  });

  it('reads a twCompatriotPermit column of eight-digit numbers as Taiwan travel permits', () => {
    expect(profile('runner.twCompatriotPermit', many(200, () => pad(rnd(1e8), 8))).detections.map((d) => d.type)).toContain('tw_travel_permit');
  });

  it('reads no person in a field of an applicant\'s record that says nothing of itself, nor an address in bare districts', () => {
    const districts = ['福州市罗源县', '厦门市湖里区', '龙岩市长汀县', '泉州市晋江市', '臺南市東區', '高雄市苓雅區'];
    expect(profile('applicant.hukou', many(300, () => districts[rnd(districts.length)] as string)).detections).toEqual([]);
    expect(profile('台灣戶籍地', many(300, () => districts[rnd(districts.length)] as string)).detections).toEqual([]);
    expect(profile('户籍地', many(300, () => `福州市鼓楼区五四路${1 + rnd(300)}号`)).detections.map((d) => d.type)).toEqual(['address']);
  });
});

describe('ColumnProfiler on what columns-k taught: a prescription\'s attributes, diets, scenic spots', () => {
  it('reads no health data in a prescription\'s spec or usage, nor in a diet column with 鼻饲', () => {
    expect(profile('prescriptions[].spec', many(300, () => ['0.2g*10片', '90mg*14片', '50/250μg*60吸', '0.5g*24粒/盒'][rnd(4)] as string)).detections).toEqual([]);
    expect(profile('prescriptions[].usage', many(300, () => ['口服 bid', '吸入 bid', '口服 qd', '皮下注射 tid'][rnd(4)] as string)).detections).toEqual([]);
    expect(profile('饮食要求', many(300, () => ['半流质', '软食', '低盐低脂', '鼻饲', '普食', '清真', '流质'][rnd(7)] as string)).detections).toEqual([]);
  });

  it('reads no person in the names of scenic spots', () => {
    expect(profile('scenic.name', many(300, () => ['武夷山风景名胜区', '三坊七巷', '龙凤头海滨浴场', '鼓浪屿', '石牌洋景区', '林则徐纪念馆'][rnd(6)] as string)).detections).toEqual([]);
  });
});

/**
 * Fifth blind labelled column set for `landao scan` (columns-e), written without reading the scanner,
 * its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-e/generate.ts --out DIR [--seed N]   # default seed 20240612
 *   npx tsx bench/eval/columns-e/check.ts DIR [--all]                # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                           # the scorer
 *
 * Twelve files on domains new to the earlier sets (不动产抵押登记, 法律援助案件, 社区矫正人员, 婚姻登记,
 * 渔船船员证书, 出入境证件受理, 医保异地就医备案与门诊慢特病, 体检中心报告, 台胞就业补贴与工资发放,
 * 跨境电商退货面单, 停车场进出记录, a server access log) in CSV (UTF-8, GBK with CRLF, BOM with CRLF),
 * TSV, XLSX (merged title rows, two sheets, date cells), JSON, NDJSON and Parquet.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or
 * `free_text`; JSON/NDJSON headers are paths (a.b[].c) in order of first appearance, depth first. For
 * XLSX the labelled data is on the first sheet. Output is byte-identical between runs and time zones.
 */
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import {
  BANKS,
  CHRONIC,
  CHRONIC_DRUGS,
  ESTATES,
  EXAM_FINDINGS,
  EXAM_ICD,
  PINGTAN_ROADS,
  PINGTAN_TOWNS,
  Rng,
  address,
  apiKey,
  bankCard,
  base64Blob,
  birthDate,
  cityAddress,
  cnPassport,
  companyName,
  compactDate,
  dateBetween,
  dirtyId,
  dirtyName,
  dnaSequence,
  email,
  fmtCard,
  fmtMobile,
  fmtMoment,
  fmtPlate,
  gb11643,
  geo,
  hex,
  hkid,
  homeReturnPermit,
  idShapedInvalid,
  ipv4Private,
  ipv4Public,
  ipv6,
  isVin,
  isoDate,
  isoMoment,
  jwt,
  landline,
  legacyId,
  luhnDigit,
  luhnFailing,
  luhnValid,
  mac,
  minorityName,
  mixedName,
  mobile,
  momentBetween,
  mtp,
  pad,
  password,
  personName,
  pingtanAddress,
  plate,
  residentId,
  snpCall,
  twAddress,
  twMobile,
  twName,
  twNationalId,
  utc,
  uscc,
  uuid,
  vin,
} from './values.ts';
import { entries, writeDelimited, writeJson, writeNdjson, writeParquet, writeXlsx } from './writers.ts';
import type { Cell, Column, ParquetColumn, TruthEntry } from './writers.ts';

// ---------------------------------------------------------------------------------------------
// Small helpers

const BLANKS = ['', '', '', '无', '-', 'NULL', 'N/A', '未提供', '/'];
/** f() with probability p, else a blank marker (or '' when `plain`). */
function maybe(r: Rng, p: number, f: () => string, plain = false): string {
  return r.chance(p) ? f() : plain ? '' : r.pick(BLANKS);
}
/** A share of cells left as a placeholder: the ~5 % dirt every real export has. */
function dirt(r: Rng, v: string, p = 0.03): string {
  return r.chance(p) ? r.pick(BLANKS) : v;
}
const money = (r: Rng, lo: number, hi: number, dec = 2): string => (lo + r.next() * (hi - lo)).toFixed(dec);
const col = (header: string, truth: string): Column => ({ header, truth });
const pcol = (header: string, truth: string, type: ParquetColumn['type']): ParquetColumn => ({ header, truth, type });

/** Truth for JSON/NDJSON: the labelled paths, checked against the paths the records really have. */
function jsonTruth(file: string, records: unknown[], labels: Record<string, string>): TruthEntry[] {
  const paths = jsonPaths(records);
  const missing = Object.keys(labels).filter((p) => !paths.includes(p));
  const unlabelled = paths.filter((p) => labels[p] === undefined);
  if (missing.length > 0 || unlabelled.length > 0) throw new Error(`${file}: labels without a path ${missing.join(',')}; paths without a label ${unlabelled.join(',')}`);
  return paths.map((header, index) => ({ index, header, truth: labels[header] as string }));
}

const JOBS = ['渔民', '教师', '个体工商户', '公务员', '工程师', '驾驶员', '医生', '护士', '自由职业', '企业职员', '导游', '销售', '会计', '退休', '农民', '厨师', '保安', '快递员'];
const DEPARTMENTS_HOSP = ['内分泌科', '心血管内科', '肾内科', '呼吸与危重症医学科', '肿瘤内科', '精神科', '神经内科', '风湿免疫科', '感染科', '消化内科', '老年医学科', '全科医学科'];

// ---------------------------------------------------------------------------------------------
// Free text: remarks that mix findings of several types

function remark(r: Rng, topic: 'mortgage' | 'legal' | 'correction' | 'marriage' | 'crew' | 'exit' | 'medical' | 'exam' | 'subsidy' | 'return'): string {
  const name = personName(r);
  const m = mobile(r);
  const d = isoDate(dateBetween(r, utc(2024, 1, 2), utc(2024, 6, 10)));
  const opts: Record<string, string[]> = {
    mortgage: [
      `抵押人${name}称原证遗失，已补交身份证复印件，联系电话${m}。`,
      `${d}银行客户经理${personName(r)}来电（${landline(r, '0591')}）催办，已告知需补正材料。`,
      `共有人${personName(r)}未到场，委托书已公证；委托人住${pingtanAddress(r)}。`,
      '材料齐全，当场受理。',
      `最高额抵押，债权确定期间至${isoDate(dateBetween(r, utc(2026, 1, 1), utc(2029, 12, 31)))}。`,
      `注销后重新抵押，原证明号作废；经办人${personName(r)}。`,
    ],
    legal: [
      `受援人${name}（身份证${residentId(r, birthDate(r, 20, 60))}）反映单位拖欠工资三个月，已联系用人单位负责人，电话${m}。`,
      `${d}开庭，律师${personName(r)}出庭；对方同意分期支付。`,
      `受援人患有${r.pick(['2型糖尿病', '高血压病', '慢性肾脏病5期', '精神分裂症'])}，行动不便，已安排上门办理。`,
      `交通事故致${r.pick(['左胫骨骨折', '腰椎压缩性骨折', '颅脑损伤'])}，伤残鉴定待出具。`,
      '电话回访满意。',
      `案件移交${r.pick(['福州市', '平潭'])}法律援助中心，联系人${personName(r)}，${landline(r, '0591')}。`,
    ],
    correction: [
      `${d}走访，本人在家，${r.pick(['情绪稳定', '思想波动，已谈话教育', '在渔船务工'])}；家属${personName(r)}，电话${m}。`,
      `外出请假至${r.pick(['福州', '厦门', '莆田'])}就医，诊断${r.pick(['腰椎间盘突出症', '冠心病', '抑郁症'])}，已按时销假。`,
      `定位异常：${(25.4 + r.next() * 0.3).toFixed(5)},${(119.6 + r.next() * 0.3).toFixed(5)} 超出围栏，电话核实为出海作业。`,
      '按时报到，参加公益活动4小时。',
      `更换手机号为${m}，已重新绑定定位。`,
    ],
    marriage: [
      `双方自愿结婚，男方${name}为平潭籍渔民，女方为台湾居民，现住${twAddress(r)}。`,
      `补领结婚证，原证遗失；联系电话${m}。`,
      '现场颁证，预约仪式。',
      `女方台胞证换发中，凭临时证件${r.int(10000000, 19999999)}办理。`,
      `离婚登记，子女由${r.pick(['男方', '女方'])}抚养；律师${personName(r)}陪同。`,
    ],
    crew: [
      `船员${name}体检${r.pick(['合格', '血压偏高（高血压病），建议复查', '色弱，限岗'])}，电话${m}。`,
      `${d}随${r.pick(['闽平渔', '闽平渔运'])}${r.int(60000, 69999)}出海，预计${r.int(5, 30)}天返港。`,
      '证书到期需换证培训。',
      `工资卡已变更为${bankCard(r)}，本人签字确认。`,
      `紧急联系人${personName(r)}，住${pingtanAddress(r)}。`,
    ],
    exit: [
      `申请人${name}加急办理，电话${m}，已收取加急费。`,
      '照片不合格，已重新采集。',
      `代办人${personName(r)}持委托书代领，身份证${residentId(r, birthDate(r, 25, 60))}。`,
      `邮寄至${address(r)}，收件电话${fmtMobile(r, m, 0.5)}。`,
      '首次申领，指纹已采集。',
    ],
    medical: [
      `资料齐全，同意备案。`,
      `病历缺少${r.pick(['近半年检验报告', '诊断证明', '出院小结'])}，退回补充。`,
      `患者${name}诊断${r.pick(CHRONIC)[0]}，长期服用${r.pick(CHRONIC_DRUGS)}，异地就医地随子女居住。`,
      `联系家属${personName(r)}（${m}）补交材料。`,
      `复核通过，经办人${personName(r)}。`,
    ],
    exam: [
      `建议低盐低脂饮食，3个月后复查${r.pick(['肝功能', '血脂', '甲状腺彩超', '尿酸'])}。`,
      `发现${r.pick(EXAM_FINDINGS)}，建议至${r.pick(DEPARTMENTS_HOSP)}专科就诊。`,
      `已电话通知受检者${name}（${fmtMobile(r, m, 0.5)}）领取报告。`,
      '各项指标未见明显异常。',
      `携带rs671 GA，饮酒后易面红，建议戒酒。`,
    ],
    subsidy: [
      `首次申领，台胞证${mtp(r)}已核验。`,
      `银行卡户名与本人不符，退回；联系电话${m}。`,
      `已提交劳动合同及社保缴纳证明，经办人${personName(r)}。`,
      '补发上月差额。',
      `地址变更为${pingtanAddress(r)}。`,
    ],
    return: [
      `尺码偏小，想换大一号，电话${fmtMobile(r, m, 0.4)}联系我。`,
      '包装破损，已拍照上传。',
      `请寄到${address(r)}，收件人${name}。`,
      `退款到原支付账户即可，谢谢。`,
      `商品与描述不符，联系不上客服，邮箱${email(r)}。`,
      '七天无理由退货。',
    ],
  };
  const list = opts[topic] as string[];
  const first = r.pick(list);
  return r.chance(0.25) ? `${first}${r.pick(list)}` : first;
}

// ---------------------------------------------------------------------------------------------
// 1. 不动产抵押登记 — XLSX, merged title row, date cells, mobiles partly as numbers

async function mortgage(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'budongchan_diya_dengji_2024H1.xlsx';
  const cols = [
    col('业务受理号', 'decoy'),
    col('不动产权证号', 'decoy'),
    col('不动产单元号', 'decoy'),
    col('不动产坐落', 'address'),
    col('小区名称', 'decoy'),
    col('所在道路', 'decoy'),
    col('抵押人', 'person_name'),
    col('抵押人证件号码', 'cn_resident_id'),
    col('抵押人电话', 'cn_mobile'),
    col('共有人', 'person_name'),
    col('共有人证件号码', 'cn_resident_id'),
    col('抵押权人', 'decoy'),
    col('抵押权人统一社会信用代码', 'cn_uscc'),
    col('抵押方式', 'decoy'),
    col('被担保主债权数额(万元)', 'decoy'),
    col('债务履行期限止', 'decoy'),
    col('登记时间', 'decoy'),
    col('邮政编码', 'decoy'),
    col('经办人', 'person_name'),
    col('受理窗口电话', 'cn_landline'),
    col('字段5', 'email'),
    col('备注', 'free_text'),
  ];
  const lenders = [...BANKS.slice(0, 7).map((b) => [b, uscc(r, '350128')] as const), ...Array.from({ length: 6 }, () => [companyName(r).replace(/有限.*$/, '小额贷款有限公司'), uscc(r, '350100')] as const)];
  const staff = Array.from({ length: 8 }, () => personName(r));
  const windowPhones = Array.from({ length: 6 }, () => `0591-${r.pick(['2', '8'])}${r.digits(7)}`);
  const rows: Cell[][] = [];
  for (let i = 0; i < 900; i++) {
    const regAt = momentBetween(r, utc(2024, 1, 2, 1), utc(2024, 6, 28, 9));
    const estate = r.pick(ESTATES);
    const road = r.pick(PINGTAN_ROADS);
    const addr = `${r.chance(0.5) ? '平潭综合实验区' : '福建省平潭综合实验区'}${r.pick(PINGTAN_TOWNS)}${road}${r.int(1, 388)}号${estate}${r.int(1, 30)}号楼${r.int(1, 33)}0${r.int(1, 4)}室`;
    const male = r.chance(0.55);
    const birth = birthDate(r, 23, 70);
    const [lender, lenderCode] = r.pick(lenders);
    const joint = r.chance(0.42);
    const m = mobile(r);
    const phone: Cell = r.chance(0.25) ? Number(m) : fmtMobile(r, m, 0.25);
    const unit = `350128${pad(r.int(1, 15), 3)}${pad(r.int(1, 40), 3)}GB${pad(r.int(1, 9999), 5)}F${pad(r.int(1, 999), 4)}${pad(r.int(1, 9999), 4)}`;
    rows.push([
      idShapedInvalid(r, '350128', regAt),
      `闽(${r.int(2016, 2024)})平潭综合实验区不动产权第${pad(r.int(1, 99999), 7)}号`,
      unit,
      dirt(r, addr, 0.02),
      estate,
      road,
      dirtyName(r, mixedName(r, 0.02)),
      dirtyId(r, residentId(r, birth, male)),
      phone,
      joint ? personName(r) : null,
      joint ? dirtyId(r, residentId(r, birthDate(r, 23, 70), !male)) : null,
      lender,
      lenderCode,
      r.pick(['一般抵押', '一般抵押', '最高额抵押']),
      Number(money(r, 20, 800, 2)),
      dateBetween(r, utc(2025, 1, 1), utc(2054, 12, 31)),
      regAt,
      r.pick(['350400', '350400', '350400', '350401', '350403']),
      r.pick(staff),
      r.pick(windowPhones),
      r.chance(0.45) ? email(r) : null,
      r.chance(0.35) ? remark(r, 'mortgage') : null,
    ]);
  }
  await writeXlsx(dir, file, [{ name: '抵押登记台账', title: '平潭综合实验区不动产抵押登记台账（2024年1月至6月）', cols, rows, formats: { 14: 'yyyy-mm-dd', 15: 'yyyy-mm-dd hh:mm:ss' }, widths: 20 }]);
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 2. 法律援助案件 — CSV GBK, CRLF

function legalAid(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'falv_yuanzhu_anjian_2024_gbk.csv';
  const cols = [
    col('案件编号', 'decoy'),
    col('受理日期', 'decoy'),
    col('受援人姓名', 'person_name'),
    col('民族', 'decoy'),
    col('公民身份号码', 'cn_resident_id'),
    col('身份证复印件', 'decoy'),
    col('联系电话', 'cn_mobile'),
    col('户籍地', 'decoy'),
    col('经常居住地', 'address'),
    col('援助事项类别', 'decoy'),
    col('困难类型', 'decoy'),
    col('低保证号', 'decoy'),
    col('承办机构', 'decoy'),
    col('承办律师', 'person_name'),
    col('律师执业证号', 'decoy'),
    col('律所电话', 'cn_landline'),
    col('对方单位', 'decoy'),
    col('标的金额(元)', 'decoy'),
    col('col_9', 'cn_mobile'),
    col('案情摘要', 'free_text'),
  ];
  const firms = ['平潭综合实验区法律援助中心', '福建岚岛律师事务所', '福建海峡律师事务所平潭分所', '福建闽台律师事务所', '福建坛南湾律师事务所', '福建麒麟律师事务所'];
  const firmPhones = firms.map(() => landline(r, '0591'));
  const lawyers = Array.from({ length: 36 }, () => {
    let lic: string;
    do lic = `13501${r.int(1996, 2022)}${r.pick(['1', '1', '2'])}${r.int(0, 1)}${r.digits(6)}`;
    while (isVin(lic) || luhnValid(lic));
    return [personName(r), r.int(0, firms.length - 1), lic] as const;
  });
  const hukou = ['福建省平潭县', '福建省平潭综合实验区', '福建省福州市福清市', '福建省福州市长乐区', '福建省莆田市', '江西省南昌市', '四川省成都市', '新疆维吾尔自治区喀什地区', '贵州省贵阳市', '河南省郑州市'];
  const rows: string[][] = [];
  for (let i = 0; i < 1200; i++) {
    const at = dateBetween(r, utc(2024, 1, 2), utc(2024, 6, 10));
    const minority = r.chance(0.05);
    const birth = birthDate(r, 18, 78);
    const legacy = birth.getUTCFullYear() < 1970 && r.chance(0.12);
    const id = minority ? residentId(r, birth, undefined, 'xinjiang') : residentId(r, birth);
    const [lawyer, firm, lic] = r.pick(lawyers);
    const kind = r.weighted([['追索劳动报酬', 5], ['劳动争议', 3], ['婚姻家庭纠纷', 3], ['交通事故赔偿', 2], ['刑事辩护', 2], ['工伤赔偿', 1]] as const);
    const hardship = r.weighted([['低保户', 3], ['特困供养人员', 1], ['残疾人', 2], ['农民工', 4], ['老年人', 2], ['退役军人', 1]] as const);
    const labour = ['追索劳动报酬', '劳动争议', '工伤赔偿'].includes(kind);
    const m = mobile(r);
    rows.push([
      `(2024)闽平法援字第${pad(i + 1, 4)}号`,
      `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}`,
      dirtyName(r, minority ? minorityName(r) : personName(r, 0.5)),
      minority ? '维吾尔族' : r.weighted([['汉族', 20], ['畲族', 1], ['回族', 1], ['苗族', 1]] as const),
      legacy ? legacyId(r, birth) : dirtyId(r, id, 0.008),
      r.pick(['已提交', '已提交', '未提交', '已核验']),
      dirt(r, fmtMobile(r, m, 0.3), 0.02),
      minority ? '新疆维吾尔自治区喀什地区' : r.pick(hukou),
      r.chance(0.04) ? '同户籍地' : dirt(r, address(r, 0.7), 0.02),
      kind,
      hardship,
      hardship === '低保户' ? `350128${r.int(2015, 2024)}${r.digits(5)}` : '',
      firms[firm] as string,
      lawyer,
      lic,
      firmPhones[firm] as string,
      labour ? companyName(r) : '',
      money(r, 3000, 280000, 0),
      maybe(r, 0.6, () => fmtMobile(r, mobile(r), 0.2), true),
      r.chance(0.4) ? remark(r, 'legal') : '',
    ]);
  }
  writeDelimited(dir, file, cols, rows, { delimiter: ',', encoding: 'gbk', eol: '\r\n' });
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 3. 社区矫正人员 — TSV, UTF-8, LF

function correction(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'shequ_jiaozheng_renyuan_202406.tsv';
  const cols = [
    col('矫正编号', 'decoy'),
    col('人员编号', 'cn_resident_id'),
    col('姓名', 'person_name'),
    col('矫正类别', 'decoy'),
    col('罪名', 'decoy'),
    col('原判刑期', 'decoy'),
    col('矫正起始日期', 'decoy'),
    col('居住地址', 'address'),
    col('手机号码', 'cn_mobile'),
    col('定位手机IMEI', 'decoy'),
    col('定位终端ICCID', 'decoy'),
    col('最近定位', 'geo_coordinate'),
    col('f12', 'geo_coordinate'),
    col('定位时间', 'decoy'),
    col('电子围栏半径(米)', 'decoy'),
    col('执行司法所', 'decoy'),
    col('司法所电话', 'cn_landline'),
    col('矫正小组成员', 'person_name'),
    col('机动车号牌', 'cn_license_plate'),
    col('风险等级', 'decoy'),
    col('走访记录', 'free_text'),
  ];
  const offices = PINGTAN_TOWNS.map((t) => [`${t.replace(/[镇乡]$/, '')}司法所`, landline(r, '0591')] as const);
  const team = Array.from({ length: 40 }, () => personName(r));
  const rows: string[][] = [];
  for (let i = 0; i < 700; i++) {
    const start = dateBetween(r, utc(2021, 6, 1), utc(2024, 5, 31));
    const kind = r.weighted([['缓刑', 14], ['假释', 3], ['暂予监外执行', 1], ['管制', 1]] as const);
    const crime = r.weighted([['危险驾驶罪', 8], ['盗窃罪', 4], ['诈骗罪', 3], ['帮助信息网络犯罪活动罪', 4], ['故意伤害罪', 2], ['交通肇事罪', 2], ['开设赌场罪', 1], ['非法捕捞水产品罪', 2]] as const);
    const months = r.int(6, 36);
    const term = kind === '缓刑' ? `有期徒刑${months}个月，缓刑${months + r.int(6, 18)}个月` : kind === '管制' ? `管制${r.int(6, 24)}个月` : `有期徒刑${r.int(2, 10)}年`;
    const [office, phone] = r.pick(offices);
    const tac = r.pick(['86891204', '86769104', '86450205', '86088804', '86754703', '86112005']);
    const imeiBody = tac + r.digits(6);
    const iccidBody = `898600${r.pick(['C', 'D', 'F'].map(() => r.digits(2)))}${r.digits(11)}`;
    const lat = 25.5 + (r.next() - 0.5) * 0.3;
    const lng = 119.78 + (r.next() - 0.5) * 0.25;
    rows.push([
      `JZ350128${start.getUTCFullYear()}${pad(i + 1, 4)}`,
      dirtyId(r, residentId(r, birthDate(r, 18, 70), r.chance(0.85))),
      dirtyName(r, mixedName(r, 0.03, 0.6)),
      kind,
      crime,
      term,
      isoDate(start),
      dirt(r, pingtanAddress(r, 0.5), 0.02),
      dirt(r, fmtMobile(r, mobile(r), 0.12), 0.02),
      imeiBody + luhnDigit(imeiBody),
      iccidBody + luhnDigit(iccidBody),
      maybe(r, 0.93, () => `${lat.toFixed(6)},${lng.toFixed(6)}`, true),
      geo(r, lat, lng, 0.01),
      fmtMoment(momentBetween(r, utc(2024, 6, 10), utc(2024, 6, 11, 23, 59))),
      String(r.pick([300, 500, 500, 1000, 2000])),
      office,
      phone,
      r.pick(team),
      r.chance(0.38) ? fmtPlate(r, plate(r, 0.2), 0.1) : '',
      r.weighted([['低', 6], ['中', 3], ['高', 1]] as const),
      r.chance(0.5) ? remark(r, 'correction') : '',
    ]);
  }
  writeDelimited(dir, file, cols, rows, { delimiter: '\t', encoding: 'utf8', eol: '\n' });
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 4. 婚姻登记 — XLSX, two sheets, date cells; cross-strait marriages

async function marriage(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'hunyin_dengji_pingtan_2023.xlsx';
  const cols = [
    col('登记字号', 'decoy'),
    col('登记日期', 'decoy'),
    col('男方姓名', 'person_name'),
    col('男方证件号码', 'cn_resident_id'),
    col('男方出生日期', 'decoy'),
    col('男方职业', 'decoy'),
    col('男方手机', 'cn_mobile'),
    col('男方婚姻状况', 'decoy'),
    col('女方姓名', 'person_name'),
    col('女方证件类型', 'decoy'),
    col('女方身份证号', 'cn_resident_id'),
    col('女方台胞证号码', 'tw_travel_permit'),
    col('女方台湾身分证号', 'tw_national_id'),
    col('女方居住证号码', 'tw_residence_permit'),
    col('女方出生日期', 'decoy'),
    col('女方手机', 'cn_mobile'),
    col('女方台湾手机', 'tw_mobile'),
    col('国籍/地区(女方)', 'decoy'),
    col('登记机关', 'decoy'),
    col('预约号', 'decoy'),
    col('照片采集编号', 'decoy'),
    col('备注', 'free_text'),
  ];
  const rows: Cell[][] = [];
  for (let i = 0; i < 1000; i++) {
    const at = dateBetween(r, utc(2023, 1, 3), utc(2023, 12, 29));
    const hb = birthDate(r, 22, 55);
    const wb = birthDate(r, 20, 50);
    const tw = r.chance(0.3);
    const hm = mobile(r);
    const wm = mobile(r);
    const hasRp = tw && r.chance(0.7);
    rows.push([
      `J350128-2023-${pad(i + 1, 6)}`,
      at,
      dirtyName(r, mixedName(r, 0.02, 0.6)),
      dirtyId(r, residentId(r, hb, true)),
      hb,
      r.pick(JOBS),
      r.chance(0.3) ? Number(hm) : fmtMobile(r, hm, 0.15),
      r.weighted([['未婚', 8], ['离异', 2], ['丧偶', 1]] as const),
      tw ? twName(r) : dirtyName(r, personName(r, 0.4)),
      tw ? (hasRp ? '港澳台居民居住证' : '台湾居民来往大陆通行证') : '居民身份证',
      tw ? null : dirtyId(r, residentId(r, wb, false)),
      tw ? mtp(r) : null,
      tw ? (r.chance(0.97) ? twNationalId(r, false) : '未提供') : null,
      hasRp ? gb11643(r, '830000', wb, false) : null,
      wb,
      tw && r.chance(0.4) ? null : dirt(r, fmtMobile(r, wm, 0.15), 0.02),
      tw ? twMobile(r) : null,
      tw ? '中国台湾' : '中国',
      '平潭综合实验区社会事业局婚姻登记处',
      `18${compactDate(at).slice(2)}${pad(r.int(1, 999), 3)}`,
      hex(r, 40),
      r.chance(0.25) ? remark(r, 'marriage') : null,
    ]);
  }
  const dutyCols = [col('日期', 'decoy'), col('登记员', 'person_name'), col('窗口', 'decoy'), col('值班电话', 'cn_landline')];
  const clerks = Array.from({ length: 6 }, () => personName(r));
  const duty: Cell[][] = Array.from({ length: 120 }, (_, k) => [new Date(utc(2023, 9, 1).getTime() + k * 86_400_000), r.pick(clerks), `${r.int(1, 4)}号窗口`, '0591-23160000']);
  await writeXlsx(dir, file, [
    { name: '登记记录', cols, rows, formats: { 1: 'yyyy-mm-dd', 4: 'yyyy-mm-dd', 14: 'yyyy-mm-dd' }, widths: 18 },
    { name: '登记员值班表', cols: dutyCols, rows: duty, formats: { 0: 'yyyy-mm-dd' } },
  ]);
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 5. 渔船船员证书 — CSV UTF-8 with BOM, CRLF

function crew(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'yuchuan_chuanyuan_zhengshu.csv';
  const cols = [
    col('证书编号', 'decoy'),
    col('船员姓名', 'person_name'),
    col('公民身份号码', 'cn_resident_id'),
    col('出生日期', 'decoy'),
    col('手机号', 'cn_mobile'),
    col('微信号', 'cn_mobile'),
    col('家庭住址', 'address'),
    col('职务', 'decoy'),
    col('发证日期', 'decoy'),
    col('有效期至', 'decoy'),
    col('所属渔船', 'decoy'),
    col('船舶MMSI', 'decoy'),
    col('船东', 'person_name'),
    col('船东电话', 'cn_mobile'),
    col('工资卡号', 'bank_card'),
    col('开户行', 'decoy'),
    col('健康证明编号', 'decoy'),
    col('登录密码', 'secret'),
    col('QQ', 'email'),
    col('作业类型', 'decoy'),
    col('备注', 'free_text'),
  ];
  const boats = Array.from({ length: 90 }, () => [`闽平渔${r.int(60001, 69999)}`, `412${r.int(400000, 799999)}`, personName(r, 0.7), mobile(r), r.pick(['拖网', '刺网', '围网', '钓具', '笼壶', '张网'])] as const);
  const rows: string[][] = [];
  for (let i = 0; i < 800; i++) {
    const birth = birthDate(r, 18, 62);
    const issued = dateBetween(r, utc(2019, 1, 1), utc(2024, 5, 31));
    const [boat, mmsi, owner, ownerPhone, gear] = r.pick(boats);
    const m = mobile(r);
    const qq = r.int(100000, 3999999999);
    rows.push([
      `FJ-PT-${issued.getUTCFullYear()}-${pad(r.int(1, 99999), 6)}`,
      dirtyName(r, mixedName(r, 0.03, 0.75)),
      dirtyId(r, residentId(r, birth, r.chance(0.95), 'fujian')),
      `${birth.getUTCFullYear()}/${pad(birth.getUTCMonth() + 1)}/${pad(birth.getUTCDate())}`,
      r.chance(0.03) ? `${m}/${mobile(r)}` : dirt(r, fmtMobile(r, m, 0.1), 0.02),
      r.chance(0.06) ? `wxid_${r.chars('abcdefghijklmnopqrstuvwxyz0123456789', 14)}` : r.chance(0.85) ? m : mobile(r),
      dirt(r, pingtanAddress(r, 0.4), 0.02),
      r.weighted([['普通船员', 10], ['船长', 1], ['大副', 1], ['轮机长', 1], ['二副', 1], ['水手', 3]] as const),
      isoDate(issued),
      isoDate(new Date(issued.getTime() + 5 * 365 * 86_400_000)),
      boat,
      mmsi,
      owner,
      fmtMobile(r, ownerPhone, 0.4),
      r.chance(0.04) ? '现金' : fmtCard(r, bankCard(r, 0.02), 0.25),
      r.pick(BANKS),
      `JK${r.int(2022, 2024)}-${r.digits(7)}`,
      password(r),
      r.chance(0.75) ? `${qq}@qq.com` : '',
      gear,
      r.chance(0.3) ? remark(r, 'crew') : '',
    ]);
  }
  writeDelimited(dir, file, cols, rows, { delimiter: ',', encoding: 'bom', eol: '\r\n' });
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 6. 出入境证件受理 — JSON array, nested objects and arrays

function exitEntry(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'churujing_zhengjian_shouli_202406.json';
  const staff = Array.from({ length: 10 }, () => [`PT${pad(r.int(1, 300), 4)}`, personName(r)] as const);
  const records: unknown[] = [];
  for (let i = 0; i < 1000; i++) {
    const at = momentBetween(r, utc(2024, 6, 3, 1), utc(2024, 6, 28, 9));
    const who = r.weighted([['mainland', 62], ['taiwan', 20], ['hk', 10], ['macao', 8]] as const);
    const male = r.chance(0.5);
    const birth = birthDate(r, 1, 80);
    const name = who === 'taiwan' ? twName(r) : mixedName(r, 0.03);
    const docs =
      who === 'mainland'
        ? r.pick([['普通护照'], ['往来港澳通行证'], ['往来台湾通行证'], ['普通护照', '往来港澳通行证'], ['往来港澳通行证', '往来台湾通行证']])
        : who === 'taiwan'
          ? [r.pick(['台湾居民来往大陆通行证换发', '台湾居民来往大陆通行证补发'])]
          : [r.pick(['港澳居民来往内地通行证换发', '港澳居民来往内地通行证补发'])];
    const [staffNo, staffName] = r.pick(staff);
    const acceptBody = `350128${compactDate(at)}${r.digits(5)}`;
    records.push({
      acceptNo: luhnValid(acceptBody) ? acceptBody.slice(0, 18) + String((Number(acceptBody[18]) + 1) % 10) : acceptBody,
      acceptedAt: isoMoment(at),
      applicant: {
        name: dirtyName(r, name),
        nameEn: null as string | null,
        birthDate: isoDate(birth),
        idNo: who === 'mainland' ? dirtyId(r, residentId(r, birth, male)) : null,
        twId: who === 'taiwan' ? twNationalId(r, male) : null,
        hkid: who === 'hk' ? hkid(r) : null,
        mobile: r.chance(0.97) ? fmtMobile(r, mobile(r), 0.2) : '',
        email: r.chance(0.7) ? email(r) : null,
        occupation: r.pick(JOBS),
        address: { residence: who === 'mainland' ? address(r, 0.7) : pingtanAddress(r), postcode: r.pick(['350400', '350001', '350002', '350400', '350108']) },
        hkmoPassNo: who === 'mainland' && docs.includes('往来港澳通行证') && r.chance(0.6) ? `C${r.int(1, 9)}${r.digits(7)}` : null,
        twPassNo: who === 'mainland' && docs.includes('往来台湾通行证') && r.chance(0.6) ? `L${r.int(1, 9)}${r.digits(7)}` : null,
      },
      previousPermit: {
        passportNo: who === 'mainland' && docs.includes('普通护照') && r.chance(0.5) ? cnPassport(r) : null,
        mtpNo: who === 'taiwan' ? mtp(r) : null,
        hrpNo: who === 'hk' ? homeReturnPermit(r, 'H') : who === 'macao' ? homeReturnPermit(r, 'M') : null,
      },
      applications: docs.map((d) => ({ docType: d, endorsement: d.startsWith('往来') ? r.pick(['个人旅游G', '探亲T', '团队旅游L', '商务S', '其他Q']) : null })),
      emergencyContact: { name: personName(r), phone: fmtMobile(r, mobile(r), 0.2) },
      payment: { txnId: luhnFailing(r, '4200', 16), channel: r.pick(['微信支付', '支付宝', '银联云闪付', '现金']) },
      photo: { sha256: hex(r, 64) },
      operator: { staffNo, name: staffName },
      remark: r.chance(0.3) ? remark(r, 'exit') : null,
    });
    const last = records[records.length - 1] as { applicant: { nameEn: string | null; name: string } };
    last.applicant.nameEn = who === 'taiwan' ? r.pick(['CHEN', 'LIN', 'HUANG', 'CHANG', 'LI', 'WANG', 'WU']) + ', ' + r.pick(['CHIH-MING', 'YA-TING', 'KUAN-YU', 'CHIA-HAO', 'YI-CHUN']) : r.pick(['LIN', 'CHEN', 'WEI', 'ZHAN', 'YOU', 'WANG', 'ZHANG']) + ' ' + r.pick(['JIAHAO', 'XIUYING', 'HAIYAN', 'ZHIQIANG', 'YUTONG', 'MINGHUI']);
  }
  const labels: Record<string, string> = {
    acceptNo: 'decoy',
    acceptedAt: 'decoy',
    'applicant.name': 'person_name',
    'applicant.nameEn': 'decoy',
    'applicant.birthDate': 'decoy',
    'applicant.idNo': 'cn_resident_id',
    'applicant.twId': 'tw_national_id',
    'applicant.hkid': 'hk_id',
    'applicant.mobile': 'cn_mobile',
    'applicant.email': 'email',
    'applicant.occupation': 'decoy',
    'applicant.address.residence': 'address',
    'applicant.address.postcode': 'decoy',
    'applicant.hkmoPassNo': 'decoy',
    'applicant.twPassNo': 'decoy',
    'previousPermit.passportNo': 'cn_passport',
    'previousPermit.mtpNo': 'tw_travel_permit',
    'previousPermit.hrpNo': 'hkmo_home_return_permit',
    'applications[].docType': 'decoy',
    'applications[].endorsement': 'decoy',
    'emergencyContact.name': 'person_name',
    'emergencyContact.phone': 'cn_mobile',
    'payment.txnId': 'decoy',
    'payment.channel': 'decoy',
    'photo.sha256': 'decoy',
    'operator.staffNo': 'decoy',
    'operator.name': 'person_name',
    remark: 'free_text',
  };
  writeJson(dir, file, records);
  return [file, jsonTruth(file, records, labels)];
}

// ---------------------------------------------------------------------------------------------
// 7. 医保异地就医备案与门诊慢特病 — Parquet

function insurance(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'yibao_yidi_beian_mtb_2024.parquet';
  const cols = [
    pcol('备案编号', 'decoy', 'STRING'),
    pcol('人员编号', 'decoy', 'STRING'),
    pcol('姓名', 'person_name', 'STRING'),
    pcol('证件号码', 'cn_resident_id', 'STRING'),
    pcol('港澳居民居住证号(香港)', 'hk_residence_permit', 'STRING'),
    pcol('港澳居民居住证号(澳门)', 'mo_residence_permit', 'STRING'),
    pcol('联系电话', 'cn_mobile', 'INT64'),
    pcol('就医地', 'decoy', 'STRING'),
    pcol('异地居住地址', 'address', 'STRING'),
    pcol('定点医疗机构', 'decoy', 'STRING'),
    pcol('机构编码', 'decoy', 'STRING'),
    pcol('门诊科室', 'decoy', 'STRING'),
    pcol('慢特病病种', 'medical_record', 'STRING'),
    pcol('诊断编码', 'medical_record', 'STRING'),
    pcol('col_3', 'medical_record', 'STRING'),
    pcol('药品目录类别', 'decoy', 'STRING'),
    pcol('备案开始日期', 'decoy', 'TIMESTAMP'),
    pcol('年龄', 'decoy', 'INT32'),
    pcol('个人账户余额', 'decoy', 'DOUBLE'),
    pcol('是否有效', 'decoy', 'BOOLEAN'),
    pcol('审核意见', 'free_text', 'STRING'),
  ];
  const places: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['上海市', ['复旦大学附属中山医院', '上海交通大学医学院附属瑞金医院', '上海市第六人民医院']],
    ['广州市', ['中山大学附属第一医院', '广东省人民医院']],
    ['杭州市', ['浙江大学医学院附属第一医院', '浙江省人民医院']],
    ['北京市', ['北京协和医院', '中国人民解放军总医院']],
    ['福州市', ['福建医科大学附属协和医院', '福建省立医院', '福建医科大学附属第一医院']],
    ['厦门市', ['厦门大学附属中山医院', '厦门大学附属第一医院']],
    ['深圳市', ['香港大学深圳医院', '深圳市人民医院']],
  ];
  const codes = new Map<string, string>();
  const drugClass: Record<string, string> = Object.fromEntries(CHRONIC_DRUGS.map((d, k) => [d, k % 5 === 0 ? '国家谈判药品' : k % 3 === 0 ? '乙类' : '甲类']));
  const chronicDrug: Record<string, string[]> = {};
  CHRONIC.forEach(([n], k) => {
    chronicDrug[n] = [CHRONIC_DRUGS[k % CHRONIC_DRUGS.length] as string, CHRONIC_DRUGS[(k * 7 + 3) % CHRONIC_DRUGS.length] as string];
  });
  const rows: Cell[][] = [];
  for (let i = 0; i < 2000; i++) {
    const who = r.weighted([['cn', 92], ['hk', 4], ['mo', 4]] as const);
    const birth = birthDate(r, 18, 90);
    const [city, hospitals] = r.pick(places);
    const hosp = r.pick(hospitals);
    if (!codes.has(hosp)) codes.set(hosp, `H${r.pick(['31', '44', '33', '11', '35'])}${r.digits(9)}`);
    const mtb = r.chance(0.62);
    const [disease, icd] = r.pick(CHRONIC);
    const drug = r.pick(chronicDrug[disease] as string[]);
    const strength = r.pick(['', ' 5mg', ' 0.5g', ' 20mg', ' 10mg', ' 1片']);
    const start = dateBetween(r, utc(2022, 1, 1), utc(2024, 6, 1));
    rows.push([
      `YD350128${compactDate(start)}${pad(i + 1, 5)}`,
      `3500000${r.digits(13)}`,
      dirtyName(r, who === 'cn' ? mixedName(r, 0.02) : r.chance(0.4) ? twName(r) : personName(r, 0.1)),
      who === 'cn' ? dirtyId(r, residentId(r, birth)) : null,
      who === 'hk' ? gb11643(r, '810000', birth) : null,
      who === 'mo' ? gb11643(r, '820000', birth) : null,
      r.chance(0.96) ? BigInt(mobile(r)) : null,
      city,
      who === 'cn' && city !== '福州市' && city !== '厦门市' ? cityAddress(r) : address(r, 0.5),
      hosp,
      codes.get(hosp) as string,
      r.pick(DEPARTMENTS_HOSP),
      mtb ? disease : null,
      mtb ? (r.chance(0.85) ? icd : icd.slice(0, 3)) : null,
      mtb ? `${drug}${strength}` : null,
      mtb ? (drugClass[drug] ?? '乙类') : null,
      start,
      2024 - birth.getUTCFullYear(),
      Number(money(r, 0, 12000)),
      r.chance(0.9),
      r.chance(0.35) ? remark(r, 'medical') : null,
    ]);
  }
  writeParquet(dir, file, cols, rows);
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 8. 体检中心报告 — JSON array with items[], findings[], icdCodes[]

function exam(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'tijian_zhongxin_baogao_202406.json';
  const packages = ['入职体检套餐A', '入职体检套餐B', '中老年男性深度体检', '女性全面体检', '公务员录用体检', '驾驶员体检', '渔船船员体检', '食品从业人员健康证体检'];
  const doctors = Array.from({ length: 9 }, () => [personName(r), r.pick(['体检科', '内科', '外科', '眼科', '耳鼻喉科', '口腔科', '妇科', '超声科', '放射科'])] as const);
  const labItems: ReadonlyArray<readonly [string, string, number, number, number]> = [
    ['LAB001', 'mmol/L', 3.9, 6.1, 1],
    ['LAB002', 'mmol/L', 2.8, 5.2, 2],
    ['LAB003', 'μmol/L', 150, 420, 0],
    ['LAB004', 'U/L', 7, 40, 0],
    ['LAB005', 'g/L', 115, 150, 0],
    ['LAB006', '×10^9/L', 3.5, 9.5, 1],
    ['LAB007', 'mmol/L', 0.56, 1.7, 2],
    ['LAB008', 'μmol/L', 57, 97, 0],
    ['LAB009', 'mIU/L', 0.27, 4.2, 2],
  ];
  const records: unknown[] = [];
  for (let i = 0; i < 700; i++) {
    const at = momentBetween(r, utc(2024, 6, 1, 0), utc(2024, 6, 11, 8));
    const male = r.chance(0.55);
    const birth = birthDate(r, 18, 75);
    const nFind = r.weighted([[0, 2], [1, 3], [2, 3], [3, 2]] as const);
    const findIdx = Array.from({ length: nFind }, () => r.int(0, EXAM_FINDINGS.length - 1)).filter((v, k, a) => a.indexOf(v) === k);
    const [docName, dept] = r.pick(doctors);
    const items = Array.from({ length: r.int(5, 8) }, (_, k) => {
      const [code, unit, lo, hi, dec] = labItems[k] as (typeof labItems)[number];
      const v = lo + (r.next() * 1.4 - 0.2) * (hi - lo);
      return { code, value: v.toFixed(dec), ref: `${lo}-${hi}`, unit };
    });
    const height = male ? r.int(158, 186) : r.int(148, 172);
    const weight = r.int(42, 98);
    records.push({
      reportNo: `TJ${compactDate(at).slice(2)}${pad(i + 1, 4)}`,
      examDate: isoDate(at),
      package: { name: r.pick(packages) },
      person: {
        name: dirtyName(r, mixedName(r, 0.03)),
        idNo: r.chance(0.97) ? dirtyId(r, residentId(r, birth, male)) : null,
        phone: r.chance(0.97) ? fmtMobile(r, mobile(r), 0.5) : null,
        email: r.chance(0.55) ? email(r) : null,
        employer: r.chance(0.7) ? companyName(r) : null,
        employeeNo: r.chance(0.6) ? `E${r.digits(5)}` : null,
      },
      vitals: { bloodPressure: `${r.int(98, 165)}/${r.int(58, 102)}`, bmi: (weight / (height / 100) ** 2).toFixed(1) },
      items: items.map((it) => ({ code: it.code, value: it.value, ref: it.ref })),
      findings: findIdx.map((k) => EXAM_FINDINGS[k] as string),
      icdCodes: findIdx.map((k) => EXAM_ICD[k % EXAM_ICD.length] as string),
      genetics: {
        panel: r.pick(['药物基因组12项', '叶酸代谢能力检测', '酒精代谢基因检测', '心血管用药基因检测']),
        snps: Array.from({ length: r.int(1, 3) }, () => snpCall(r)).join(';'),
        amplicon: r.chance(0.45) ? dnaSequence(r, 24, 60) : null,
        sampleBarcode: `24${r.digits(11)}`,
      },
      doctor: { name: docName, dept },
      report: { pdfSha256: hex(r, 64) },
      advice: r.chance(0.6) ? remark(r, 'exam') : null,
    });
  }
  const labels: Record<string, string> = {
    reportNo: 'decoy',
    examDate: 'decoy',
    'package.name': 'decoy',
    'person.name': 'person_name',
    'person.idNo': 'cn_resident_id',
    'person.phone': 'cn_mobile',
    'person.email': 'email',
    'person.employer': 'decoy',
    'person.employeeNo': 'decoy',
    'vitals.bloodPressure': 'decoy',
    'vitals.bmi': 'decoy',
    'items[].code': 'decoy',
    'items[].value': 'decoy',
    'items[].ref': 'decoy',
    'findings[]': 'medical_record',
    'icdCodes[]': 'medical_record',
    'genetics.panel': 'decoy',
    'genetics.snps': 'genetic_data',
    'genetics.amplicon': 'genetic_data',
    'genetics.sampleBarcode': 'decoy',
    'doctor.name': 'person_name',
    'doctor.dept': 'decoy',
    'report.pdfSha256': 'decoy',
    advice: 'free_text',
  };
  writeJson(dir, file, records);
  return [file, jsonTruth(file, records, labels)];
}

// ---------------------------------------------------------------------------------------------
// 9. 台胞就业补贴与工资发放 — XLSX, merged title row, date cells

async function subsidy(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'taibao_jiuye_butie_gongzi_2024Q2.xlsx';
  const cols = [
    col('批次号', 'decoy'),
    col('工号', 'decoy'),
    col('姓名', 'person_name'),
    col('台湾身分证字号', 'tw_national_id'),
    col('台胞证号码', 'tw_travel_permit'),
    col('居住证号码', 'tw_residence_permit'),
    col('大陆手机', 'cn_mobile'),
    col('台湾手机', 'tw_mobile'),
    col('电子邮箱', 'email'),
    col('现居住地址', 'address'),
    col('在台户籍地', 'decoy'),
    col('用人单位', 'decoy'),
    col('用人单位统一社会信用代码', 'cn_uscc'),
    col('行业代码', 'decoy'),
    col('岗位', 'decoy'),
    col('入职日期', 'decoy'),
    col('补贴金额', 'decoy'),
    col('实发工资', 'decoy'),
    col('发放日期', 'decoy'),
    col('收款银行卡号', 'bank_card'),
    col('开户银行', 'decoy'),
    col('劳动合同编号', 'decoy'),
    col('工资条编号', 'decoy'),
    col('备注', 'free_text'),
  ];
  const employers = Array.from({ length: 60 }, () => [companyName(r), uscc(r, r.pick(['350128', '350128', '350100'])), r.pick(['I65', 'I6510', 'I6513', 'F52', 'F5261', 'C39', 'C3911', 'K70', 'K7010', 'M73', 'H61', 'G54', 'R87', 'L72'])] as const);
  const rows: Cell[][] = [];
  for (let i = 0; i < 600; i++) {
    const male = r.chance(0.5);
    const birth = birthDate(r, 21, 55);
    const [emp, code, industry] = r.pick(employers);
    const joined = dateBetween(r, utc(2019, 3, 1), utc(2024, 3, 31));
    const pay = dateBetween(r, utc(2024, 4, 10), utc(2024, 6, 15));
    const gross = r.int(6000, 28000);
    const card = bankCard(r, 0.02);
    rows.push([
      `BT2024Q2-${pad(r.int(1, 6))}`,
      `${r.int(10, 19)}${r.digits(6)}`,
      dirtyName(r, twName(r)),
      r.chance(0.02) ? twNationalId(r, male).toLowerCase() : twNationalId(r, male),
      mtp(r),
      r.chance(0.65) ? gb11643(r, '830000', birth, male) : null,
      dirt(r, fmtMobile(r, mobile(r), 0.15), 0.03),
      r.chance(0.5) ? twMobile(r) : null,
      r.chance(0.85) ? email(r) : null,
      dirt(r, pingtanAddress(r, 0.5), 0.02),
      r.pick(['臺北市', '新北市', '臺中市', '高雄市', '桃園市', '臺南市', '新竹縣', '彰化縣', '宜蘭縣', '金門縣']),
      emp,
      code,
      industry,
      r.pick(['软件工程师', '导游', '教师', '文创设计师', '厨师', '行政专员', '社区营造师', '销售经理', '护理师', '民宿管家']),
      joined,
      r.pick([500, 1000, 1500, 2000]),
      Number((gross * 0.82).toFixed(2)),
      pay,
      r.chance(0.2) ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card,
      r.pick(BANKS),
      `HT-PT-${joined.getUTCFullYear()}-${pad(r.int(1, 99999), 5)}`,
      uuid(r),
      r.chance(0.3) ? remark(r, 'subsidy') : null,
    ]);
  }
  await writeXlsx(dir, file, [{ name: '发放明细', title: '平潭综合实验区台湾同胞就业补贴及工资发放明细（2024年第二季度）', cols, rows, formats: { 15: 'yyyy-mm-dd', 18: 'yyyy-mm-dd' }, widths: 18 }]);
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 10. 跨境电商退货与物流面单 — CSV UTF-8, LF

function ean13(r: Rng): string {
  const body = `69${r.int(0, 9)}${r.digits(9)}`;
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (s % 10)) % 10);
}

function crossBorder(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'kuajing_dianshang_tuihuo_miandan_202406.csv';
  const cols = [
    col('退货单号', 'decoy'),
    col('原订单号', 'decoy'),
    col('订购人姓名', 'person_name'),
    col('订购人证件号码', 'cn_resident_id'),
    col('订购人手机', 'cn_mobile'),
    col('手机号归属地', 'decoy'),
    col('field_8', 'email'),
    col('退货人地址', 'address'),
    col('商品名称', 'decoy'),
    col('商品类目', 'decoy'),
    col('商品条码', 'decoy'),
    col('SKU', 'decoy'),
    col('退款金额', 'decoy'),
    col('退货原因', 'decoy'),
    col('物流公司', 'decoy'),
    col('退货运单号', 'decoy'),
    col('面单打印时间', 'decoy'),
    col('退货仓', 'decoy'),
    col('退货仓地址', 'address'),
    col('退货仓电话', 'cn_landline'),
    col('海关清单编号', 'decoy'),
    col('退款账户', 'bank_card'),
    col('买家留言', 'free_text'),
  ];
  const products = [
    '日本进口尿不湿L码54片', '澳洲A2婴幼儿配方奶粉3段900g', '韩国雪花秀滋阴套装', '台湾凤梨酥礼盒12入', '德国双立人刀具五件套', '维生素D3软胶囊60粒', '深海鱼油软胶囊200粒',
    '叶黄素酯片30片', '益生菌粉30条', '氨糖软骨素钙片', '褪黑素软糖60粒', '布洛芬缓释胶囊（海外版）', '对乙酰氨基酚片（海外版）', '日本进口眼药水', '新西兰麦卢卡蜂蜜UMF10+', '美国进口坚果礼盒', '台湾高山乌龙茶300g', '法国葡萄酒干红750ml',
  ];
  const category = (p: string): string =>
    /布洛芬|对乙酰氨基酚|眼药水/.test(p) ? '非处方药' : /胶囊|片|粉|软糖/.test(p) ? '保健食品' : /奶粉|尿不湿/.test(p) ? '母婴用品' : /雪花秀/.test(p) ? '美妆个护' : /刀具/.test(p) ? '家居厨具' : '食品饮料';
  const warehouses = [
    ['平潭跨境电商监管仓A区', '福建省平潭综合实验区金井湾片区商务营运中心6号楼3层', landline(r, '0591')],
    ['平潭澳前台湾商品免税市场仓', '平潭综合实验区澳前镇澳前路188号台湾商品免税市场2号仓', landline(r, '0591')],
    ['福州保税物流中心退货仓', '福建省福州市马尾区江滨东大道108号保税物流中心3号库', landline(r, '0591')],
    ['厦门象屿保税区退货中心', '福建省厦门市湖里区象屿路97号厦门国际航运中心D栋8层', landline(r, '0592')],
  ] as const;
  const carriers = [['顺丰速运', 'SF'], ['中通快递', ''], ['圆通速递', 'YT'], ['京东物流', 'JDV'], ['中国邮政EMS', '']] as const;
  const carrierRegion = ['福建 福州 移动', '福建 福州 联通', '福建 厦门 电信', '广东 深圳 移动', '浙江 杭州 移动', '上海 联通', '北京 电信', '福建 莆田 移动'];
  const rows: string[][] = [];
  for (let i = 0; i < 2400; i++) {
    const printed = momentBetween(r, utc(2024, 6, 1), utc(2024, 6, 11, 15));
    const [wh, whAddr, whPhone] = r.pick(warehouses);
    const [carrier, prefix] = r.pick(carriers);
    const waybill = carrier === '中通快递' ? `7${r.digits(11)}${r.int(0, 9)}` : carrier === '中国邮政EMS' ? `11${r.digits(11)}` : `${prefix}${r.digits(prefix === 'JDV' ? 12 : 13)}`;
    let order = luhnFailing(r, r.pick(['3', '4', '2']), 19);
    if (luhnValid(order)) order = luhnFailing(r, '3', 19);
    const name = mixedName(r, 0.03, 0.3);
    const product = r.pick(products);
    rows.push([
      `RT${compactDate(printed).slice(2)}${pad(i + 1, 7)}`,
      order,
      dirtyName(r, name),
      dirtyId(r, residentId(r, birthDate(r, 18, 65))),
      dirt(r, fmtMobile(r, mobile(r), 0.35), 0.02),
      r.pick(carrierRegion),
      r.chance(0.8) ? email(r) : '',
      dirt(r, address(r, 0.35), 0.02),
      product,
      category(product),
      ean13(r),
      `SKU-${r.pick(['JP', 'KR', 'AU', 'TW', 'US', 'DE'])}-${r.digits(7)}`,
      money(r, 19, 1999),
      r.pick(['尺码不合适', '质量问题', '七天无理由', '商品破损', '发错货', '与描述不符', '不想要了']),
      carrier,
      waybill,
      fmtMoment(printed),
      wh,
      whAddr,
      whPhone,
      `${r.pick(['3517', '3501', '3502'])}2024I${r.digits(9)}`,
      r.chance(0.3) ? fmtCard(r, bankCard(r, 0.015), 0.3) : '',
      r.chance(0.35) ? remark(r, 'return') : '',
    ]);
  }
  writeDelimited(dir, file, cols, rows, { delimiter: ',', encoding: 'utf8', eol: '\n' });
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 11. 停车场进出记录 — Parquet

function parking(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'tingchechang_jinchu_jilu_202406.parquet';
  const cols = [
    pcol('记录ID', 'decoy', 'STRING'),
    pcol('车场编号', 'decoy', 'STRING'),
    pcol('停车场名称', 'decoy', 'STRING'),
    pcol('车牌号码', 'cn_license_plate', 'STRING'),
    pcol('车牌颜色', 'decoy', 'STRING'),
    pcol('入场时间', 'decoy', 'TIMESTAMP'),
    pcol('停车时长(分钟)', 'decoy', 'INT32'),
    pcol('应收金额', 'decoy', 'DOUBLE'),
    pcol('支付方式', 'decoy', 'STRING'),
    pcol('支付流水号', 'decoy', 'STRING'),
    pcol('会员ID', 'decoy', 'INT64'),
    pcol('月卡车主', 'person_name', 'STRING'),
    pcol('车主手机', 'cn_mobile', 'INT64'),
    pcol('车架号', 'vin', 'STRING'),
    pcol('入口通道', 'decoy', 'STRING'),
    pcol('道闸控制器IP', 'ip_address', 'STRING'),
    pcol('相机设备号', 'mac_address', 'STRING'),
    pcol('是否月卡', 'decoy', 'BOOLEAN'),
    pcol('优惠券码', 'decoy', 'STRING'),
  ];
  const lots = [
    ['P350128001', '万宝广场地下停车场'],
    ['P350128002', '平潭站P2停车场'],
    ['P350128003', '海坛古城停车场'],
    ['P350128004', '行政服务中心停车场'],
    ['P350128005', '龙凤头海滨浴场停车场'],
    ['P350128006', '金井湾商务营运中心停车场'],
  ] as const;
  const gates = lots.flatMap(([code]) => ['东门入口1', '东门出口1', '南门入口2', '北门出口2'].map((g) => [code, g, ipv4Private(r), mac(r)] as const));
  const monthly = Array.from({ length: 700 }, () => [fmtPlate(r, plate(r, 0.3), 0), personName(r), BigInt(mobile(r)), vin(r), BigInt(`1${r.pick(['8', '9'])}${r.digits(9)}`)] as const);
  const rows: Cell[][] = [];
  for (let i = 0; i < 3000; i++) {
    const isMonthly = r.chance(0.3);
    const m = r.pick(monthly);
    const [lotCode, lotName] = r.pick(lots);
    const [, gate, ip, cam] = r.pick(gates.filter((g) => g[0] === lotCode));
    const mins = r.int(3, 900);
    const fee = isMonthly ? 0 : Math.min(30, Math.max(0, Math.ceil((mins - 30) / 60)) * 3);
    const member = !isMonthly && r.chance(0.35);
    const pay = isMonthly ? '月卡' : fee === 0 ? '免费' : r.pick(['微信', '支付宝', 'ETC', '银联无感']);
    rows.push([
      uuid(r),
      lotCode,
      lotName,
      isMonthly ? m[0] : fmtPlate(r, plate(r, 0.28), 0.06),
      r.weighted([['蓝牌', 7], ['渐变绿牌', 2], ['黄绿牌', 0.3], ['黄牌', 0.7], ['白牌', 0.1]] as const),
      momentBetween(r, utc(2024, 6, 1), utc(2024, 6, 11, 12)),
      mins,
      fee,
      pay,
      pay === '微信' ? `42000021${r.digits(20)}` : pay === '支付宝' ? `2024061${r.digits(21)}` : null,
      member ? BigInt(`1${r.pick(['8', '9'])}${r.digits(9)}`) : isMonthly ? m[4] : null,
      isMonthly ? m[1] : null,
      isMonthly ? m[2] : member && r.chance(0.6) ? BigInt(mobile(r)) : null,
      isMonthly && r.chance(0.85) ? (r.chance(0.02) ? m[3].toLowerCase() : m[3]) : null,
      gate,
      ip,
      cam,
      isMonthly,
      r.chance(0.15) ? `PT-${r.chars('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 8)}` : null,
    ]);
  }
  writeParquet(dir, file, cols, rows);
  return [file, entries(cols)];
}

// ---------------------------------------------------------------------------------------------
// 12. Server access log — NDJSON

function accessLog(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'api_gateway_access_20240611.ndjson';
  const paths = ['/api/v2/orders/{id}', '/api/v2/user/profile', '/api/v2/parking/bills', '/api/v1/login', '/api/v2/returns/{id}/label', '/static/app.js', '/api/v2/geo/nearby', '/healthz'];
  const uas = ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49', 'Mozilla/5.0 (Linux; Android 14; HarmonyOS; ALN-AL00) AppleWebKit/537.36 Chrome/114.0 Mobile Safari/537.36', 'okhttp/4.12.0', 'PingtanApp/5.12.0 (Android 13; M2102K1C)', 'curl/8.5.0', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/125.0 Safari/537.36'];
  const users = Array.from({ length: 500 }, () => ({
    id: `1${r.int(0, 2)}${r.digits(9)}`,
    mobile: r.chance(0.6) ? mobile(r) : null,
    email: r.chance(0.4) ? email(r) : null,
    nickname: r.pick(['海风', '岚岛小鱼', 'momo', '阿杰', '蓝眼泪', 'Kevin', '一只猫', '平潭人', '小林子', '石头']) + (r.chance(0.5) ? String(r.int(1, 999)) : ''),
    mac: r.chance(0.5) ? mac(r) : null,
    model: r.pick(['HUAWEI Mate 60', 'iPhone15,3', 'Xiaomi 14', 'OPPO Find X7', 'vivo X100', 'HONOR 200']),
    apiKey: r.chance(0.25) ? apiKey(r) : null,
  }));
  const records: unknown[] = [];
  let t = utc(2024, 6, 11, 0, 0, 0).getTime();
  for (let i = 0; i < 3000; i++) {
    t += r.int(100, 57000);
    const u = r.chance(0.8) ? r.pick(users) : null;
    const p = r.pick(paths).replace('{id}', luhnFailing(r, '18', 19));
    const build = r.chance(0.25) ? `${r.int(1, 9)}.${r.int(0, 40)}.${r.int(0, 200)}.${r.int(0, 255)}` : `${r.int(1, 9)}.${r.int(0, 40)}.${r.int(0, 200)}-rc${r.int(1, 3)}`;
    const v6 = r.chance(0.2);
    records.push({
      ts: new Date(t).toISOString(),
      host: `api-gw-${pad(r.int(1, 4))}.pt.internal`,
      server: { build },
      client: {
        ip: v6 ? ipv6(r) : ipv4Public(r),
        geo: { city: r.pick(['福州', '平潭', '厦门', '泉州', '台北', '上海', '未知']), latlng: u !== null && r.chance(0.5) ? geo(r, 25.5, 119.75, 0.4) : null },
        ua: r.pick(uas),
      },
      request: {
        path: p,
        headers: {
          authorization: u !== null ? `Bearer ${jwt(r)}` : null,
          xApiKey: u?.apiKey ?? null,
          xRequestId: uuid(r),
          referer: r.chance(0.3) ? r.pick(['https://m.pingtan.example.cn/', 'https://servicewechat.com/wx1234567890abcdef/12/page-frame.html', 'https://www.pingtan.example.cn/parking']) : null,
        },
      },
      response: { latencyMs: r.int(2, 2400) },
      user: { id: u?.id ?? null, mobile: u?.mobile !== undefined && u.mobile !== null ? fmtMobile(r, u.mobile, 0.1) : null, email: u?.email ?? null, nickname: u?.nickname ?? null },
      device: { mac: u?.mac ?? null, model: u?.model ?? null, appVersion: u !== null ? `5.${r.int(8, 12)}.${r.int(0, 9)}` : null },
      trace: { traceId: hex(r, 32), blob: r.chance(0.2) ? base64Blob(r, 48) : null },
    });
  }
  const labels: Record<string, string> = {
    ts: 'decoy',
    host: 'decoy',
    'server.build': 'decoy',
    'client.ip': 'ip_address',
    'client.geo.city': 'decoy',
    'client.geo.latlng': 'geo_coordinate',
    'client.ua': 'decoy',
    'request.path': 'decoy',
    'request.headers.authorization': 'secret',
    'request.headers.xApiKey': 'secret',
    'request.headers.xRequestId': 'decoy',
    'request.headers.referer': 'decoy',
    'response.latencyMs': 'decoy',
    'user.id': 'decoy',
    'user.mobile': 'cn_mobile',
    'user.email': 'email',
    'user.nickname': 'decoy',
    'device.mac': 'mac_address',
    'device.model': 'decoy',
    'device.appVersion': 'decoy',
    'trace.traceId': 'decoy',
    'trace.blob': 'decoy',
  };
  writeNdjson(dir, file, records);
  return [file, jsonTruth(file, records, labels)];
}

// ---------------------------------------------------------------------------------------------

await runTableSet<Rng, TruthEntry>({
  script: 'bench/eval/columns-e/generate.ts',
  defaultSeed: 20240612,
  rng: (seed, name) => new Rng(seed, name),
  makers: [
    ['mortgage', mortgage],
    ['legalAid', legalAid],
    ['correction', correction],
    ['marriage', marriage],
    ['crew', crew],
    ['exitEntry', exitEntry],
    ['insurance', insurance],
    ['exam', exam],
    ['subsidy', subsidy],
    ['crossBorder', crossBorder],
    ['parking', parking],
    ['accessLog', accessLog],
  ],
});

import { describe, expect, it } from 'vitest';
import { luhnCheck, mod11_2CheckChar, usccCheckChar, vinCheckChar } from '../validators/index.ts';
import { findInText } from './index.ts';

/** A valid 18-character GB 11643 number for the first 17 digits. */
function id(body17: string): string {
  return body17 + mod11_2CheckChar(body17);
}

function luhn(prefix: string): string {
  for (let d = 0; d < 10; d++) if (luhnCheck(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}

/** [type, exact text of the span] for every finding. */
function spans(text: string): Array<[string, string]> {
  return findInText(text).map((f) => [f.type, text.slice(f.start, f.end)]);
}

/** The exact text of every finding of `type` in `text`, in order. */
function found(text: string, type: string): string[] {
  return spans(text)
    .filter(([t]) => t === type)
    .map(([, v]) => v);
}

const names = (text: string): string[] => found(text, 'person_name');
const addresses = (text: string): string[] => found(text, 'address');

describe('findInText on Simplified Chinese', () => {
  it('finds the name, ID number, mobile and address of an application sentence with exact spans', () => {
    const idNo = id('35012819900101123');
    const text = `申请人王小明（身份证号${idNo}）联系电话13905912345，住址福建省平潭综合实验区潭城镇西航路88号3栋502室。`;
    expect(spans(text)).toEqual([
      ['person_name', '王小明'],
      ['cn_resident_id', idNo],
      ['cn_mobile', '13905912345'],
      ['address', '福建省平潭综合实验区潭城镇西航路88号3栋502室'],
    ]);
  });

  it('reports offsets as UTF-16 indices with an exclusive end', () => {
    const text = '手机：13905912345。';
    const [f] = findInText(text);
    expect(f).toMatchObject({ type: 'cn_mobile', start: 3, end: 14, normalized: '13905912345' });
  });

  it('keeps the +86 prefix and separators of a mobile number as written', () => {
    expect(spans('请致电 +86 139 0591 2345 联系')).toEqual([['cn_mobile', '+86 139 0591 2345']]);
    expect(spans('手机：+86-158-0591-7788，')).toEqual([['cn_mobile', '+86-158-0591-7788']]);
    expect(spans('电话138-0591-2233')).toEqual([['cn_mobile', '138-0591-2233']]);
  });

  it('finds landlines with area codes, with or without parentheses', () => {
    expect(spans('办公电话：0591-86123456，传真(0591)87654321。')).toEqual([
      ['cn_landline', '0591-86123456'],
      ['cn_landline', '(0591)87654321'],
    ]);
  });

  it('finds the residence permits of Hong Kong, Macao and Taiwan residents by their address code', () => {
    const hk = id('81000019900520123');
    const mo = id('82000019921103456');
    const tw = id('83000019850612002');
    expect(spans(`香港居民居住证${hk}，澳门居民居住证${mo}，台湾居民居住证${tw}。`)).toEqual([
      ['hk_residence_permit', hk],
      ['mo_residence_permit', mo],
      ['tw_residence_permit', tw],
    ]);
  });

  it('reports an 8-digit Taiwan travel permit number only next to a 台胞证 keyword', () => {
    expect(spans('旅客邱淑贞持台胞证12345678办理入境。')).toEqual([
      ['person_name', '邱淑贞'],
      ['tw_travel_permit', '12345678'],
    ]);
    expect(spans('本次抽检编号12345678的样品合格。')).toEqual([]);
    expect(spans('共计12345678人次。')).toEqual([]);
  });

  it('finds home-return permits, passports and Hong Kong identity cards with their keywords', () => {
    expect(spans('回乡证号H12345678，护照号码E12345678。')).toEqual([
      ['hkmo_home_return_permit', 'H12345678'],
      ['cn_passport', 'E12345678'],
    ]);
    expect(spans('香港身份证号码A123456(3)已登记。')).toEqual([['hk_id', 'A123456(3)']]);
  });

  it('finds unified social credit codes', () => {
    const code = '91350128MA2XYW123' + usccCheckChar('91350128MA2XYW123');
    expect(spans(`统一社会信用代码：${code}。`)).toEqual([['cn_uscc', code]]);
  });

  it('finds bank cards that pass Luhn, and Luhn-failing ones only with a card keyword', () => {
    const good = luhn('622202100112345678');
    expect(spans(`银行卡号为${good}，开户行为工商银行。`)).toEqual([['bank_card', good]]);
    expect(spans('卡号6222021001123456780已冻结')).toHaveLength(good.endsWith('0') ? 1 : 1);
    const bad = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
    expect(spans(`数据${bad}已导入`)).toEqual([]);
    const spaced = luhn('436742123456789');
    const written = `${spaced.slice(0, 4)} ${spaced.slice(4, 8)} ${spaced.slice(8, 12)} ${spaced.slice(12)}`;
    expect(spans(`信用卡号${written}，有效期12/27。`)).toEqual([['bank_card', written]]);
  });

  it('finds e-mail, IPv4, IPv6 and MAC addresses', () => {
    expect(spans('邮箱 zhang.san@example.com ，服务器192.168.10.25，IPv6地址2001:db8:85a3::8a2e:370:7334，MAC地址00:1A:2B:3C:4D:5E。')).toEqual([
      ['email', 'zhang.san@example.com'],
      ['ip_address', '192.168.10.25'],
      ['ip_address', '2001:db8:85a3::8a2e:370:7334'],
      ['mac_address', '00:1A:2B:3C:4D:5E'],
    ]);
  });

  it('finds licence plates (incl. new-energy plates) and VINs', () => {
    const vin = (() => {
      const v = 'LSVAU2180N2183561';
      return v.slice(0, 8) + vinCheckChar(v) + v.slice(9);
    })();
    expect(spans(`车牌号闽A12345的车辆与粤B·D12345发生碰撞，车架号${vin}。`)).toEqual([
      ['cn_license_plate', '闽A12345'],
      ['cn_license_plate', '粤B·D12345'],
      ['vin', vin],
    ]);
  });

  it('finds coordinate pairs, but not a single decimal', () => {
    expect(spans('巡查点位坐标25.5031,119.7896，记录完毕。')).toEqual([['geo_coordinate', '25.5031,119.7896']]);
    expect(spans('定位 lat: 25.4876, lng: 119.8012 精度10米')).toEqual([['geo_coordinate', '25.4876, lng: 119.8012']]);
    expect(spans('纬度25.5031，海拔12.3456米')).toEqual([]);
  });

  it('finds diagnoses, drugs and ICD-10 codes only with medical context', () => {
    expect(spans('患者刘秀英，诊断为2型糖尿病、高血压，长期服用二甲双胍。')).toEqual([
      ['person_name', '刘秀英'],
      ['medical_record', '2型糖尿病'],
      ['medical_record', '高血压'],
      ['medical_record', '二甲双胍'],
    ]);
    expect(spans('诊断：J18.9 肺炎')).toEqual([
      ['medical_record', 'J18.9'],
      ['medical_record', '肺炎'],
    ]);
    expect(spans('本单位将开展糖尿病防治知识宣传周活动。')).toEqual([]);
    expect(spans('型号E11的零件已到货。')).toEqual([]);
  });

  it('finds DNA sequences, dbSNP ids and genotype calls', () => {
    expect(spans('测序片段：ATGCGTACGTTAGCCTAGGCATCGAT，比对完成。')).toEqual([['genetic_data', 'ATGCGTACGTTAGCCTAGGCATCGAT']]);
    expect(spans('基因检测：rs53576 AG，rs1801133 CT。')).toEqual([
      ['genetic_data', 'rs53576 AG'],
      ['genetic_data', 'rs1801133 CT'],
    ]);
  });

  it('finds passwords after a credential keyword, token shapes and private-key blocks', () => {
    expect(spans('数据库连接密码：Xk9#mP2$vL7q，请勿外传。')).toEqual([['secret', 'Xk9#mP2$vL7q']]);
    expect(spans('AWS key AKIAIOSFODNN7EXAMPLE leaked')).toEqual([['secret', 'AKIAIOSFODNN7EXAMPLE']]);
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(spans(`Authorization: Bearer ${jwt}`)).toEqual([['secret', jwt]]);
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAwJ3n0kXbP1qY7h2m\n-----END RSA PRIVATE KEY-----';
    expect(spans(`私钥：\n${pem}\n`)).toEqual([['secret', pem]]);
    expect(spans('密码长度不少于8位，password policy applies.')).toEqual([]);
  });

  it('recognises names from keywords, titles, compound surnames and transliterations, without the title', () => {
    expect(spans('联系人：欧阳娜娜，电话：0591-86123456。')).toEqual([
      ['person_name', '欧阳娜娜'],
      ['cn_landline', '0591-86123456'],
    ]);
    expect(spans('请联系王建华经理。')).toEqual([['person_name', '王建华']]);
    expect(spans('维吾尔族职工阿卜杜拉·买买提已到岗。')).toEqual([['person_name', '阿卜杜拉·买买提']]);
    // A pseudonym identifies no one: judgments and police reports write 赵某某 so (not labelled by the blind sets).
    expect(spans('经查，嫌疑人赵某某于2022年3月离开。')).toEqual([]);
    expect(spans('王先生明天来办理。')).toEqual([]);
  });
});

describe('findInText on Traditional Chinese', () => {
  it('finds a Taiwan ID, mobile and name with exact spans', () => {
    const text = '申請人陳怡君，身分證字號A123456789，聯絡電話0912-345-678。';
    expect(spans(text)).toEqual([
      ['person_name', '陳怡君'],
      ['tw_national_id', 'A123456789'],
      ['tw_mobile', '0912-345-678'],
    ]);
  });

  it('finds a Taiwan address from the city to the house number', () => {
    expect(spans('住址：台北市信義區信義路五段7號，聯絡人王大明。')).toEqual([
      ['address', '台北市信義區信義路五段7號'],
      ['person_name', '王大明'],
    ]);
    expect(spans('送達地址：新北市板橋區文化路一段188巷3弄5號4樓。')).toEqual([['address', '新北市板橋區文化路一段188巷3弄5號4樓']]);
  });

  it('normalises Traditional keywords for context (銀行帳號, 診斷, 經辦人)', () => {
    const card = luhn('621700123456789012');
    expect(spans(`請匯款至銀行帳號${card}，經辦人林志明先生。`)).toEqual([
      ['bank_card', card],
      ['person_name', '林志明'],
    ]);
    expect(spans('病人主訴胸悶，醫師診斷為心房顫動，予華法林治療。')).toEqual([
      ['medical_record', '心房顫動'],
      ['medical_record', '華法林'],
    ]);
  });
});

describe('findInText decoys', () => {
  it('reports nothing in order numbers, amounts, dates, timestamps and invoice codes', () => {
    for (const text of [
      '订单号202305120001234567已发货，共计金额1288.00元。',
      '系统共有1234567890123456条记录，其中有效记录98765条。',
      '发票代码035001900111，发票号码08123456，开票日期2023年06月01日。',
      '交易流水号4200001234202306015678，交易时间2023-06-01 08:15:22，时间戳1685580000。',
      '版本号 10.2.0.1 已发布，商品编码6901234567892，单价15.80元。',
      '2022年全区常住人口约为45.8万人，城镇化率达到61.2%。',
      'The invoice 4012 was paid on 2023-06-01; reference 88231907 and 1234567890123 apply.',
      '请于2023年12月31日前登录 https://www.pingtan.gov.cn 完成年度申报。',
      '会议定于2023年7月15日上午9:30在区政府三楼会议室召开。',
    ]) {
      expect(spans(text), text).toEqual([]);
    }
  });

  it('does not take an ID number directly after an order-number label', () => {
    expect(spans(`订单编号：${id('35012819900101123')}，请勿外传。`)).toEqual([]);
  });

  it('does not report a mobile number or ID inside a longer digit run', () => {
    expect(spans(`编码${id('35012819900101123')}99`)).toEqual([]);
    expect(spans('流水123139059123451')).toEqual([]);
  });

  it('never guesses names from digits or Latin-only words', () => {
    expect(spans('Zhang Wei and 6033391 met at 10:30.')).toEqual([]);
  });
});

describe('findInText on the shapes of real case records', () => {
  it('ends a name with a compound surname at the name, not at the punctuation or verb after it', () => {
    expect(spans('家属令狐芳，电话13805912345。')).toEqual([
      ['person_name', '令狐芳'],
      ['cn_mobile', '13805912345'],
    ]);
    expect(spans('报案人欧阳丽（13805912345）称钱包被盗。')).toEqual([
      ['person_name', '欧阳丽'],
      ['cn_mobile', '13805912345'],
    ]);
    expect(spans('代办人司马燕受其委托办理。')).toEqual([['person_name', '司马燕']]);
    expect(spans('员工司马婷工号A1037已离职。')).toEqual([['person_name', '司马婷']]);
  });

  it('takes a gender written after a name as a sign of a person, as registers and judgments write it', () => {
    expect(spans('原告慕容清（女，汉族）诉称。')).toEqual([['person_name', '慕容清']]);
    expect(spans('上官磊，男，1980年出生。')).toEqual([['person_name', '上官磊']]);
    expect(spans('男方黄子健，女方莫晓霞。')).toEqual([
      ['person_name', '黄子健'],
      ['person_name', '莫晓霞'],
    ]);
  });

  it('reads role words of hotlines, courts, hotels and hospitals before a name as name context', () => {
    for (const [text, name] of [
      ['来电人邹婷婷反映小区路灯不亮。', '邹婷婷'],
      ['审判员傅国强、书记员温如玉出庭。', '傅国强'],
      ['住客黎诗雨已退房。', '黎诗雨'],
      ['就诊人詹志伟，血压偏高。', '詹志伟'],
    ]) {
      expect(spans(text as string).map(([, v]) => v), text).toContain(name);
    }
  });

  it('does not take a surname-led brand or firm for a person', () => {
    expect(spans('本店有王老吉凉茶和马应龙药业的产品。')).toEqual([]);
  });

  it('leaves the parts of a transliterated name to the whole name, after a role word too', () => {
    expect(spans('男方阿里木江·卡德尔；女方古丽米拉·买买提。')).toEqual([
      ['person_name', '阿里木江·卡德尔'],
      ['person_name', '古丽米拉·买买提'],
    ]);
    expect(spans('病历摘要：艾合买提江·麦麦提，男，41岁。')).toEqual([['person_name', '艾合买提江·麦麦提']]);
  });

  it('does not take an ordinary word after a role word for a name, as it does after 姓名', () => {
    expect(spans('雇主单位统一社会信用代码待补正。')).toEqual([]);
  });

  it('ends a transliterated name before the verb it runs into', () => {
    expect(spans('受援人古丽巴哈尔·艾则孜因劳动报酬纠纷申请法律援助。')).toEqual([['person_name', '古丽巴哈尔·艾则孜']]);
  });

  it('reports a bracketed phone number without its brackets, and a landline with its extension', () => {
    expect(spans('联系电话（13805912345）')).toEqual([['cn_mobile', '13805912345']]);
    expect(spans('联系电话(13805912345)')).toEqual([['cn_mobile', '13805912345']]);
    expect(spans('电话021-64382917转806，工作日接听。')).toEqual([['cn_landline', '021-64382917转806']]);
    expect(spans('座机0591-87110253分机 12。')).toEqual([['cn_landline', '0591-87110253分机 12']]);
    expect(spans('电话（0591）87654321。')).toEqual([['cn_landline', '（0591）87654321']]);
  });

  it('reads full-width digits and letters as ASCII, with spans into the text as written', () => {
    const text = `身份证号${id('35012819900101123').replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}，手机１３８０５９１２３４５。`;
    const found = findInText(text);
    expect(found.map((f) => f.type)).toEqual(['cn_resident_id', 'cn_mobile']);
    expect(found[0]!.normalized).toBe(id('35012819900101123'));
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('１３８０５９１２３４５');
  });

  it('finds variant notations of test reports: HGVS changes after a gene (the protein change outside), HLA alleles, star alleles, APOE genotypes', () => {
    expect(spans('检测结果：EGFR c.2573T>G（p.L858R）阳性。')).toContainEqual(['genetic_data', 'EGFR c.2573T>G']);
    expect(spans('药物基因组：SLCO1B1*1/*5，TPMT*3C。').filter(([t]) => t === 'genetic_data').map(([, v]) => v)).toEqual(['SLCO1B1*1/*5', 'TPMT*3C']);
    expect(spans('受检者携带 BRCA1 c.68_69delAG。')).toContainEqual(['genetic_data', 'BRCA1 c.68_69delAG']);
    expect(spans('药物基因：HLA-B*15:02 阴性，CYP2C9*1/*3。').filter(([t]) => t === 'genetic_data').map(([, v]) => v)).toEqual(['HLA-B*15:02', 'CYP2C9*1/*3']);
    expect(spans('APOE ε4/ε4 携带者')).toContainEqual(['genetic_data', 'APOE ε4/ε4']);
    expect(spans('版本 ABC c.3 发布，型号 HLA-X 停产')).toEqual([]);
  });

  it('reads a dbSNP id only in the lower case dbSNP writes', () => {
    expect(spans('检测位点rs1801133。')).toEqual([['genetic_data', 'rs1801133']]);
    expect(spans('发动机号RS37733。')).toEqual([]);
  });
});

describe('findInText on cloud credentials', () => {
  it('finds Alibaba Cloud, Tencent Cloud and Stripe keys by their shapes', () => {
    expect(spans('配置中出现 LTAI5tK8wQz3NvR2pXm7Yh4D 请轮换')).toEqual([['secret', 'LTAI5tK8wQz3NvR2pXm7Yh4D']]);
    expect(spans('SecretId AKIDq3Wm8ZkR2vLp7XnT4YbC9HfJ6sGd5Ae1 已泄露')).toEqual([['secret', 'AKIDq3Wm8ZkR2vLp7XnT4YbC9HfJ6sGd5Ae1']]);
    expect(spans('curl -H "X-Api-Key: sk_live_51Nq8ZkLm2Xv7Rt4PwYc9HfB3dGs6AeJ0" https://api.example.com')).toEqual([
      ['secret', 'sk_live_51Nq8ZkLm2Xv7Rt4PwYc9HfB3dGs6AeJ0'],
    ]);
  });

  it('takes the value after "AccessKey Secret" or "SecretKey", not the keyword word itself', () => {
    expect(spans('AccessKey Secret Qm7vR2kX9pLw4TzH8nYc3JfB6dGs1A 请处理')).toEqual([['secret', 'Qm7vR2kX9pLw4TzH8nYc3JfB6dGs1A']]);
    expect(spans('SecretKey Hx4Tq9mZ2kLw7RvN8pYc3JfB6dGs1AeK 被写入前端')).toEqual([['secret', 'Hx4Tq9mZ2kLw7RvN8pYc3JfB6dGs1AeK']]);
  });

  it('takes the value of a configuration line after a password keyword, without its key', () => {
    expect(spans('数据库密码：DB_PASSWORD=Fz#db2023!ops，已更换。')).toEqual([['secret', 'Fz#db2023!ops']]);
  });

  it('takes the password of a connection string and goes on to its host', () => {
    expect(spans('测试库 postgresql://report:Lk8!vR2#qz@10.20.3.4:5432/dw 已停用')).toEqual([
      ['secret', 'Lk8!vR2#qz'],
      ['ip_address', '10.20.3.4'],
    ]);
    expect(spans('缓存 redis://:Tq7wXp2m@cache.internal:6379/0')).toEqual([['secret', 'Tq7wXp2m']]);
    expect(spans('示例 mysql://root:****@db.local/app 与 https://example.com/a')).toEqual([]);
  });

  it('takes the value of a joined credential key (access_token=, client-secret:) and never the key itself', () => {
    const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    expect(spans(`回调 https://hooks.example.cn/send?access_token=${token} 已配置`)).toEqual([['secret', token]]);
    expect(spans('密钥 access_key_secret: Zx9Qw2Er7Ty4Ui1Op3As6Df8Gh5Jk0L，请轮换')).toEqual([['secret', 'Zx9Qw2Er7Ty4Ui1Op3As6Df8Gh5Jk0L']]);
  });

  it('takes the value of a configuration key such as POSTGRES_PASSWORD or an API _KEY in YAML and env files', () => {
    expect(spans('environment:\n  MYSQL_USER: app\n  MYSQL_ROOT_PASSWORD: Vq7!mZ2pLx9\n')).toEqual([['secret', 'Vq7!mZ2pLx9']]);
    expect(spans('ALIPAY_APP_KEY=Kf83JdQm29xLpW7vTz41')).toEqual([['secret', 'Kf83JdQm29xLpW7vTz41']]);
    expect(spans('MONKEY_COUNT: 12')).toEqual([]);
  });

  it('does not take words that merely start like a key for one', () => {
    expect(spans('LTAI is a prefix; AKID too; sk_live_ alone is no key.')).toEqual([]);
  });
});

describe('findInText on addresses as people write them', () => {
  it('keeps roads whose names hold function characters or a place name: 和平路, 同安路, 自由路, 麓山南路, 郑和中路', () => {
    for (const a of ['福州市鼓楼区和平路88号', '厦门市同安区同安路5号', '屏東縣屏東市自由路527號', '湖南省长沙市岳麓区麓山南路932号', '长乐区吴航街道郑和中路202号', '福州市台江区达道路128号']) {
      expect(spans(`地址：${a}，请核实。`), a).toEqual([['address', a]]);
    }
  });

  it('takes in a direction after the road, a Taiwan sub-number and a bare room number after a building', () => {
    expect(spans('户籍地址广东省湛江市霞山区人民大道南59号。')).toEqual([['address', '广东省湛江市霞山区人民大道南59号']]);
    expect(spans('擔保品地址新北市板橋區文化路二段245號7樓之3。')).toEqual([['address', '新北市板橋區文化路二段245號7樓之3']]);
    expect(spans('投诉朝阳区望京街道阜通东大街6号院3号楼1201群租问题')).toEqual([['address', '朝阳区望京街道阜通东大街6号院3号楼1201']]);
    expect(spans('台江区上浦路88号3号楼2单元1704楼上住户漏水')).toEqual([['address', '台江区上浦路88号3号楼2单元1704']]);
  });

  it('goes on through a building named after a place (中山大厦) to the room', () => {
    expect(spans('住所地福州市鼓楼区湖东路152号中山大厦A座1602室。')).toEqual([['address', '福州市鼓楼区湖东路152号中山大厦A座1602室']]);
    expect(spans('住所地臺北市中山區南京東路152號中山大廈A座1602室。')).toEqual([['address', '臺北市中山區南京東路152號中山大廈A座1602室']]);
  });

  it('reads an address that starts with an estate or building name, as residents write their own', () => {
    expect(spans('报修：住户在翠湖湾小区8栋1单元702室，卫生间漏水。')).toContainEqual(['address', '翠湖湾小区8栋1单元702室']);
    expect(spans('宿舍：丁香公寓2号楼315，').filter(([t]) => t === 'address')).toEqual([['address', '丁香公寓2号楼315']]);
    expect(spans('门禁卡：金域华庭3栋1101，')).toContainEqual(['address', '金域华庭3栋1101']);
    expect(spans('电梯故障：万科四季城9栋3号电梯停运。').filter(([t]) => t === 'address')).toEqual([['address', '万科四季城9栋']]);
    // A floor alone after a mall or a distance is no address.
    expect(spans('活动在万达广场3楼举行，距此5公里3分钟。').filter(([t]) => t === 'address')).toEqual([]);
  });

  it('goes on through a building named without a suffix and a village name holding 那, and stops before 楼下', () => {
    expect(spans('地址：武汉市洪山区珞喻路88号光谷天地2栋1203，')).toContainEqual(['address', '武汉市洪山区珞喻路88号光谷天地2栋1203']);
    expect(spans('住址：百色市田阳区百育镇那满村5组12号。')).toContainEqual(['address', '百色市田阳区百育镇那满村5组12号']);
    expect(spans('电动车停在福州市鼓楼区东街120号楼下被盗。')).toContainEqual(['address', '福州市鼓楼区东街120号']);
    expect(spans('他在楼下温泉路3号开店。')).toContainEqual(['address', '温泉路3号']);
    expect(spans('事故地点：国道一号南下 98K。').filter(([t]) => t === 'address')).toEqual([]);
  });

  it('goes on after the house number through estates, business districts, hotels, hamlets, stores and doors', () => {
    expect(addresses('地址：厦门市思明区湖滨南路100号联发华美空间6区2号楼1203，')).toEqual(['厦门市思明区湖滨南路100号联发华美空间6区2号楼1203']);
    expect(addresses('地址：福州市鼓楼区五四路158号环球金融商务区3号楼1808单元，')).toEqual(['福州市鼓楼区五四路158号环球金融商务区3号楼1808单元']);
    expect(addresses('住址：平潭综合实验区潭城镇北大街12号台湾小镇公寓B栋305室，')).toEqual(['平潭综合实验区潭城镇北大街12号台湾小镇公寓B栋305室']);
    expect(addresses('住址：福建省惠安县崇武镇大岞村前垵16号，')).toEqual(['福建省惠安县崇武镇大岞村前垵16号']);
    expect(addresses('仓库：江苏省苏州市吴中区东方大道88号5号库，')).toEqual(['江苏省苏州市吴中区东方大道88号5号库']);
    expect(addresses('会场：南京市鼓楼区中山北路30号金陵饭店2楼，')).toEqual(['南京市鼓楼区中山北路30号金陵饭店2楼']);
    expect(addresses('收件：广州市天河区天河路208号天河城大厦1508，')).toEqual(['广州市天河区天河路208号天河城大厦1508']);
  });

  it('ends an address before a workshop or machine room at it, but not before a metro line or a vehicle', () => {
    expect(spans('在柳州市柳南区航鹰大道66号车间作业')).toEqual([['address', '柳州市柳南区航鹰大道66号']]);
    expect(spans('乘坐3号线到达，换乘1号车。')).toEqual([]);
  });
});

describe('findInText on network and phone forms seen in exports', () => {
  it('finds a MAC address in Cisco dotted form and a 0086 mobile written without a separator', () => {
    expect(spans('巡检：MAC 8c68.3a12.7f4e 离线')).toEqual([['mac_address', '8c68.3a12.7f4e']]);
    expect(spans('国际来电008613905912345。')).toEqual([['cn_mobile', '008613905912345']]);
  });

  it('reads a product version after a slash in a user agent as a version, not an IP address', () => {
    expect(spans('UA: Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/122.0.0.0 Safari/537.36')).toEqual([]);
    expect(spans('后台 http://10.2.3.4/admin')).toEqual([['ip_address', '10.2.3.4']]);
  });

  it('reads dotted numbers after a firmware upgrade as versions, not IP addresses', () => {
    expect(spans('固件版本由3.10.2.45升级至3.10.3.2，请重启。')).toEqual([]);
    expect(spans('服务器IP 10.3.1.5 已上线')).toEqual([['ip_address', '10.3.1.5']]);
  });
});

describe('findInText on the subjects of case records', () => {
  it('reads a name followed by a case-record verb or a gender as the subject of the record', () => {
    expect(spans('户籍信息变更：马德福申请更正民族信息。')).toEqual([['person_name', '马德福']]);
    expect(spans('公积金业务：章晓峰来电要求重置密码。')).toEqual([['person_name', '章晓峰']]);
    expect(spans('急诊记录：江海生，男，58岁，胸痛2小时。')).toEqual([['person_name', '江海生']]);
  });

  it('does not read role words, conjunctions, ordinary words before a title or place names as names', () => {
    expect(spans('顾客吴婷婷已寄回。')).toEqual([['person_name', '吴婷婷']]);
    expect(spans('患者家属蔡淑贞来电。')).toEqual([['person_name', '蔡淑贞']]);
    expect(spans('请提供姓名和电话。')).toEqual([]);
    expect(spans('安装师傅明天上门。')).toEqual([]);
    expect(spans('被告：福州鑫源贸易有限公司。')).toEqual([]);
  });
});

describe('findInText on ID numbers written in groups', () => {
  it('finds an ID number written in groups separated by spaces or hyphens, as on paper forms', () => {
    const idNo = id('44510219971010739');
    const spaced = `${idNo.slice(0, 6)} ${idNo.slice(6, 14)} ${idNo.slice(14)}`;
    const dashed = spaced.replace(/ /g, '-');
    expect(findInText(`身份证号${spaced}。`).map((f) => [f.type, f.normalized])).toEqual([['cn_resident_id', idNo]]);
    expect(spans(`身份证号${dashed}。`)).toEqual([['cn_resident_id', dashed]]);
  });
});

describe('findInText on names written in lists and registers', () => {
  it('reads names standing alone between list separators, brackets and numbers, whatever their surname', () => {
    expect(spans('本月慰问对象：邬秀清、阎国庆、诸葛文斌，每户米面一份。')).toEqual([
      ['person_name', '邬秀清'],
      ['person_name', '阎国庆'],
      ['person_name', '诸葛文斌'],
    ]);
    expect(spans('签到：郜玉梅（76岁）、栾志刚（81岁）。').map(([, v]) => v)).toEqual(['郜玉梅', '栾志刚']);
    expect(spans('回访名单：1. 宫丽 13956781234；2. 戚伟 15067183921').filter(([t]) => t === 'person_name').map(([, v]) => v)).toEqual(['宫丽', '戚伟']);
  });

  it('keeps a mobile number written after a name and before the next field (户籍, 家庭住址)', () => {
    expect(spans('监护人：卜国庆 18756231478 户籍地：安徽省')).toContainEqual(['cn_mobile', '18756231478']);
    expect(spans('父亲：卜国庆 18756231478 家庭住址不详')).toContainEqual(['cn_mobile', '18756231478']);
  });

  it('does not read labels, bracketed words, clauses or dictionary words standing alone as names', () => {
    expect(spans('经核实，情况属实。')).toEqual([]);
    expect(spans('车贷：已结清。')).toEqual([]);
    expect(spans('诊断：肺结核（涂阳）。').filter(([t]) => t === 'person_name')).toEqual([]);
    expect(spans('花名册（节选）')).toEqual([]);
    expect(spans('谢谢！')).toEqual([]);
    expect(spans('於民國112年3月申請。').filter(([t]) => t === 'person_name')).toEqual([]);
  });

  it('reads the name after a party letter (当事人甲：), a kinship word or a role such as 受送达人', () => {
    expect(spans('当事人乙：蒲国强，男。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '蒲国强']]);
    expect(spans('受送达人宓晓东，请签收。')).toEqual([['person_name', '宓晓东']]);
    expect(spans('接送人：外婆蔡陳秀英，電話另附。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '蔡陳秀英']]);
  });

  it('reads Tibetan names, which have no surname, where a word starts and ends around them', () => {
    expect(spans('被询问人：洛桑旦增，男，藏族。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '洛桑旦增']]);
    expect(spans('当晚我和索朗顿珠在茶馆。')).toEqual([['person_name', '索朗顿珠']]);
    expect(spans('多吉平措的说法').filter(([t]) => t === 'person_name')).toEqual([]);
  });

  it('gives back a given name the segmenter glued to the verb after it (林怡|君持)', () => {
    expect(spans('客户柯佳慧持护照办理。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '柯佳慧']]);
  });

  it('reads a chat speaker, a numbered list entry and a name after a crew or tour role', () => {
    expect(spans('群聊 / 郭子豪：收到，马上处理').filter(([t]) => t === 'person_name')).toEqual([['person_name', '郭子豪']]);
    expect(spans('名单：1.蓝国栋 2.卓美华').filter(([t]) => t === 'person_name').map(([, v]) => v)).toEqual(['蓝国栋', '卓美华']);
    expect(spans('船员名册：大副邱海生，轮机长宋金福。').filter(([t]) => t === 'person_name').map(([, v]) => v)).toEqual(['邱海生', '宋金福']);
    expect(spans('投诉：消费者许家豪，电话另附。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '许家豪']]);
  });

  it('reads a name standing alone after a function word (为, 由), but not a word that runs through it (共和国)', () => {
    expect(spans('对接人变更为喻婉婷（邮箱另附）。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '喻婉婷']]);
    expect(spans('持中华人民共和国护照G12345678').filter(([t]) => t === 'person_name')).toEqual([]);
    expect(spans('紧急联系人：船长之妻晏秀梅，电话另附。').filter(([t]) => t === 'person_name')).toEqual([['person_name', '晏秀梅']]);
  });

  it('does not read the end of a word or a brand before its product as a name', () => {
    expect(spans('我司决定录用您为数据工程师。').filter(([t]) => t === 'person_name')).toEqual([]);
    expect(spans('促销：李宁运动鞋满300减50。').filter(([t]) => t === 'person_name')).toEqual([]);
  });
});

describe('findInText on names after roles, in Taiwan registers and in messages', () => {
  it('reads a married woman\'s name as Taiwan writes it, her husband\'s surname first, in lists, after roles and before a title', () => {
    expect(names('送餐名單：劉張玉蘭、趙明華；聯絡人另附。')).toEqual(['劉張玉蘭', '趙明華']);
    expect(names('申請人之母蕭何秀英（83歲）申請居家照顧。')).toEqual(['蕭何秀英']);
    expect(names('訪視紀錄：曾吳春桃阿嬤近日血壓穩定。')).toEqual(['曾吳春桃']);
  });

  it('does not take the start of the next word into a three-character name', () => {
    expect(names('叉车司机吕建强右手被划伤。')).toEqual(['吕建强']);
    expect(names('尊敬的蒙海涛客户，您的账单已出。')).toEqual(['蒙海涛']);
    expect(names('吴德水申请宅基地使用权登记。')).toEqual(['吴德水']);
  });

  it('reads a name after a word ending in 人, 员 or 者, and a name the segmenter reads as one unknown word after any word', () => {
    expect(names('购票人鲁晓峰，证件另附。')).toEqual(['鲁晓峰']);
    expect(names('巡检员：骆建新')).toEqual(['骆建新']);
    expect(names('报告人：市疾控中心检验科甄晓军，电话另附。')).toEqual(['甄晓军']);
    expect(names('运维人员秦宏于2024-05-01登录。')).toEqual(['秦宏']);
  });

  it('reads a name before 您好 in a text message, and new roles (买家, 面谈对象, 联络窗口)', () => {
    expect(names('【市图书馆】邬婧怡您好，您借阅的图书即将到期。')).toEqual(['邬婧怡']);
    expect(names('买家庞海涛，收货电话另附。')).toEqual(['庞海涛']);
    expect(names('面談對象：溫麗娟，陪同人另附。')).toEqual(['溫麗娟']);
  });

  it('does not read SMS signatures, shop names, places, kinship addresses or a preposition before a time as names', () => {
    expect(names('【蜂巢】您的快递已到东门店蜂巢柜，取件码62817。')).toEqual([]);
    expect(names('抽检涉及周记卤味鸭脖、王老吉风味凉茶。')).toEqual([]);
    expect(names('选题：周宁县鲤鱼溪生态保护。')).toEqual([]);
    expect(names('养老院短信：梁伯今晨血压偏高，已按医嘱用药。')).toEqual([]);
    expect(names('請家屬於上午8:10前到達。')).toEqual([]);
    expect(names('律所周报：本周张律师出庭两次。')).toEqual([]);
    expect(names('本月完成家庭医生签约1284人。')).toEqual([]);
    expect(names('新设备已加入准入白名单，分配地址另附。')).toEqual([]);
  });
});

describe('findInText on credentials and permits written in configuration and manifests', () => {
  it('keeps the last character of a value delimited by a semicolon, and reads requirepass and _live_ keys', () => {
    expect(spans('Server=10.0.0.5;User Id=app;Password=Qw@2024ok!;').filter(([t]) => t === 'secret')).toEqual([['secret', 'Qw@2024ok!']]);
    expect(spans('redis: requirepass rds_7HqLz52nV').filter(([t]) => t === 'secret')).toEqual([['secret', 'rds_7HqLz52nV']]);
    expect(spans('Portal key: pk_live_9fQ2aR7mXz4LbT6wNcE3').filter(([t]) => t === 'secret')).toEqual([['secret', 'pk_live_9fQ2aR7mXz4LbT6wNcE3']]);
  });

  it('does not read a licence key as a credential', () => {
    expect(spans('license_key: ZXCV-2025-0042-PRO').filter(([t]) => t === 'secret')).toEqual([]);
  });

  it('takes the renewal count written apart into a home-return permit, and reads PSPT as a passport label', () => {
    expect(spans('回乡证号H60512837 02，已核验').filter(([t]) => t === 'hkmo_home_return_permit')).toEqual([['hkmo_home_return_permit', 'H60512837 02']]);
    expect(spans('1 WANG/FANG MS  PSPT E81236540  CTC').filter(([t]) => t === 'cn_passport')).toEqual([['cn_passport', 'E81236540']]);
  });
});

describe('findInText on addresses that end in a room or run into the next word', () => {
  it('reads an estate whose name holds a suffix character, a flat with a letter, and stops before 楼顶', () => {
    expect(addresses('现住福州市仓山区金山大道618号橘园洲7号楼1501室，电话另附')).toEqual(['福州市仓山区金山大道618号橘园洲7号楼1501室']);
    expect(addresses('在深圳市福田区福华路88号金海花园3栋12B居住')).toEqual(['深圳市福田区福华路88号金海花园3栋12B']);
    expect(addresses('住太原市迎泽区迎泽大街12号兴华小区8号楼2单元502楼顶漏水')).toEqual(['太原市迎泽区迎泽大街12号兴华小区8号楼2单元502']);
  });
});

describe('findInText on what s11 taught: genotypes, Taiwan numbering, versions and decimal pairs', () => {
  it('reads STR genotype calls of a paternity report (D3S1358 15/16, vWA 17/18)', () => {
    const g = spans('鑑定結果節錄：D8S1179 12/14、vWA 16/18、TH01 9.3/10，其餘略。').filter(([t]) => t === 'genetic_data');
    expect(g).toEqual([
      ['genetic_data', 'D8S1179 12/14'],
      ['genetic_data', 'vWA 16/18'],
      ['genetic_data', 'TH01 9.3/10'],
    ]);
  });

  it('reads a lettered building, a Taiwan sub-number before 號, a bay estate, and a building-unit-room triple', () => {
    expect(addresses('寄至厦门市思明区湖滨南路90号恒通国际B座1808室，谢谢')).toEqual(['厦门市思明区湖滨南路90号恒通国际B座1808室']);
    expect(addresses('住址臺北市文山區木柵路三段102之3號5樓，電話另附')).toEqual(['臺北市文山區木柵路三段102之3號5樓']);
    expect(addresses('我在碧海湾6栋1单元902，快递放门口')).toEqual(['碧海湾6栋1单元902']);
    expect(addresses('住大连市中山区人民路55号3-2-1，电话另附')).toEqual(['大连市中山区人民路55号3-2-1']);
  });

  it('does not read a road section without a number, or the gate in front of a number, as the address\'s end', () => {
    expect(addresses('信義區忠孝東路五段部分路段施工')).toEqual([]);
    expect(addresses('在杭州市西湖区文三路90号门口等候')).toEqual(['杭州市西湖区文三路90号']);
  });

  it('does not read a release version as an IPv4 address, six decimal pairs as a MAC, or a grouped account as a mobile', () => {
    expect(spans('Release 4.12.0.3 ships today.')).toEqual([]);
    expect(spans('本期开奖号码 03-11-17-22-28-33，请核对。')).toEqual([]);
    expect(spans('匯款帳號：華南銀行158-20-034567，戶名另附')).toEqual([]);
    expect(spans('设备MAC 3C-52-82-1A-7F-9E 已登记').filter(([t]) => t === 'mac_address')).toEqual([['mac_address', '3C-52-82-1A-7F-9E']]);
  });

  it('keeps an exclamation mark that ends a password written before Chinese punctuation', () => {
    expect(spans('路由器管理密码 hx20240815!，记得改').filter(([t]) => t === 'secret')).toEqual([['secret', 'hx20240815!']]);
  });

  it('reads a married woman\'s name after 住户 or 母親 and before 罹患', () => {
    expect(names('住戶許陳金鳳反映：包裹遺失。')).toEqual(['許陳金鳳']);
    expect(names('家庭狀況：母親葉林玉珠罹患糖尿病。')).toEqual(['葉林玉珠']);
  });
});

describe('findInText on what s12 taught: prepositions, forms of address and building ranges', () => {
  it('does not read a preposition or pronoun that is also a rare surname as a name without a name keyword', () => {
    expect(names('旅客從廈門返臺，請派車。')).toEqual([]);
    expect(names('請於文到七日內辦理。')).toEqual([]);
    expect(names('客戶：那天我在臺中。')).toEqual([]);
    expect(names('生产 MySQL 从库 10.0.0.12 延迟')).toEqual([]);
  });

  it('does not read a surname with a form of address, an adverb after a role, or a word before 总成 as a name', () => {
    expect(names('王经理、李总、张工明天开会。')).toEqual([]);
    expect(names('交售人：陈老板（桐木村）')).toEqual([]);
    expect(names('四名船员车已经订好。')).toEqual([]);
    expect(names('定损：左后视镜总成更换。')).toEqual([]);
  });

  it('reads an estate named 华府, but not a range of buildings in a notice', () => {
    expect(addresses('地址：金都华府8幢1单元602室，电话另附')).toEqual(['金都华府8幢1单元602室']);
    expect(addresses('3月20日万科金域华府1-12栋停水。')).toEqual([]);
  });
});

describe('findInText on what s13 taught: wards, departments and hospital wording', () => {
  it('reads a patient after a bed number and a staff member after a department and a space', () => {
    expect(names('夜班记录：5床 柏秀梅，女，61岁。')).toEqual(['柏秀梅']);
    expect(names('已联系设备科 甄学文 更换。')).toEqual(['甄学文']);
    expect(names('出院通知：家母柯吳麗雲已順利出院。')).toEqual(['柯吳麗雲']);
  });

  it('does not read an adjective after a patient keyword, or 管床 before 医生, as a name', () => {
    expect(names('病人安全通報單（跌倒）')).toEqual([]);
    expect(names('请管床医生核对后提交。')).toEqual([]);
  });
});


describe('findInText on what s14 taught: roles before names, place names, estates and keys', () => {
  it('reads a name after a role or relation word (受检者, 朋友, 同事, 我先生, a department) and an older given name with 有', () => {
    expect(names('受检者：郑有福　身份证：350128197710236717')).toEqual(['郑有福']);
    expect(names('在海坛古城和朋友柯宇航吃饭')).toEqual(['柯宇航']);
    expect(names('新入住租客两名，和同事詹宏志，已提醒登记')).toEqual(['詹宏志']);
    expect(names('那可以請我先生林志豪代辦嗎？')).toEqual(['林志豪']);
    expect(names('单位联系人：人事部孙丽，0591-23934576。')).toEqual(['孙丽']);
    expect(names('父：許志明　母：阮氏秋香')).toEqual(['許志明', '阮氏秋香']);
  });

  it('does not read a stamp after a department, a family\'s shrine, a boat, a street, a brand or a modal verb as a name', () => {
    expect(names('某医院（医务科盖章）')).toEqual([]);
    expect(names('王氏兄弟、黎氏宗祠')).toEqual([]);
    expect(names('船名：金昇財168號　船籍港：澎湖縣馬公')).toEqual([]);
    expect(names('王庄街道和黄金海岸片区今晚停水')).toEqual([]);
    expect(names('周黑鸭锁鲜装第二件半价')).toEqual([]);
    expect(names('三高患者應規律服藥')).toEqual([]);
    expect(names('陳董上週去平潭考察，林科长和陈处会参加')).toEqual([]);
    expect(names('石牌洋、龙凤头、北港村、长江澳为最受欢迎的景点；货物凤梨酥2,400盒、牛轧糖1,800袋')).toEqual([]);
  });

  it('reads estates and roads whose names hold 如 or 人才, villages named after a street, and a sub-number in Chinese numerals', () => {
    expect(addresses('收货地址平潭综合实验区潭城镇西航路166号海峡如意城1号楼1108室，骑手')).toEqual(['平潭综合实验区潭城镇西航路166号海峡如意城1号楼1108室']);
    expect(addresses('现住平潭综合实验区金井湾片区如意湖路6号壹号公馆9号楼2101室。')).toEqual(['平潭综合实验区金井湾片区如意湖路6号壹号公馆9号楼2101室']);
    expect(addresses('房源平潭综合实验区岚城乡上攀村台胞人才公寓4号楼708室，租期一年')).toEqual(['平潭综合实验区岚城乡上攀村台胞人才公寓4号楼708室']);
    expect(addresses('征收范围：潭城镇南街村128号、潭城镇南街村131号之一。')).toEqual(['潭城镇南街村128号', '潭城镇南街村131号之一']);
    expect(addresses('北京东路18号')).toEqual(['北京东路18号']);
  });

  it('reads an e-mail address after a decoy word, an AppKey and AppSecret, and a door code that was set', () => {
    expect(found('Please re-send the invoice to docs@straitlink-logistics.com before Friday.', 'email')).toEqual(['docs@straitlink-logistics.com']);
    expect(found('分配AppKey：ptk_8HqL2mV9xR4tW7nB　AppSecret：9f3KqL7vX2mR8tB4nW6yZ1cH5jD0sA3e', 'secret')).toEqual(['ptk_8HqL2mV9xR4tW7nB', '9f3KqL7vX2mR8tB4nW6yZ1cH5jD0sA3e']);
    expect(found('单元门临时密码设为582946（按#确认）', 'secret')).toEqual(['582946']);
    // Every one-word credential key of the dictionary starts the search for its value, not a hand-kept subset.
    expect(found('secretaccesskey wJalrXUtnFEMI9K7MDENGbPxRfiCYk3A', 'secret')).toEqual(['wJalrXUtnFEMI9K7MDENGbPxRfiCYk3A']);
  });
});

describe('findInText on what s15 taught: married names standing alone, chat speakers, roles and estates', () => {
  it('reads a married name standing alone in a list, after 本人 or 媳婦, and a contract party\'s name', () => {
    expect(names('2 冯陈慧玲 回乡证M8081169')).toEqual(['冯陈慧玲']);
    expect(names('本人林郭秀鳳（身分證統一編號')).toEqual(['林郭秀鳳']);
    expect(names('主要照顧者：媳婦陳黃玉梅，手機0933')).toEqual(['陳黃玉梅']);
    expect(names('甲方郑立新（0591-87497612）')).toEqual(['郑立新']);
    expect(names('姓名：亓振海　性别：男')).toEqual(['亓振海']);
  });

  it('reads a chat speaker at the start of a line even when the segmenter reads the name as two words', () => {
    expect(names('還有他在吃的藥\n許欣怡：我請假，先回去載他')).toEqual(['許欣怡']);
  });

  it('reads an estate named 如意城 with its phase, and leaves a shop or the house itself after the number out', () => {
    expect(addresses('房屋坐落：平潭综合实验区金井湾片区如意城三期12号楼1803室，建筑面积')).toEqual(['平潭综合实验区金井湾片区如意城三期12号楼1803室']);
    expect(addresses('取还车地点：平潭综合实验区北厝镇金井湾大道163号门店')).toEqual(['平潭综合实验区北厝镇金井湾大道163号']);
    expect(addresses('遗产：平潭县潭城镇南门路19号房屋一处')).toEqual(['平潭县潭城镇南门路19号']);
    expect(addresses('如果路过潭城镇请到12号楼')).toEqual([]);
  });
});

describe('findInText on what s16 taught: annexes, warehouses and yards, rare surnames and tokens', () => {
  it('reads an annexe number after the house number and a warehouse number', () => {
    expect(addresses('成都市武侯区浆洗街9号附1号4栋2单元302号')).toEqual(['成都市武侯区浆洗街9号附1号4栋2单元302号']);
    expect(addresses('福州市晋安区福兴大道42号3号仓库')).toEqual(['福州市晋安区福兴大道42号3号仓库']);
  });

  it('reads names with the surnames 禤 and 琚, and a Grafana service-account token', () => {
    expect(names('患者禤志明，男，45岁；2号机 琚伟。')).toEqual(['禤志明', '琚伟']);
    expect(found('GRAFANA_TOKEN=glsa_Xq7pL2vN9rT4mW8kZ3bC6yF1hJ5dS0aE_7c2e91b4', 'secret')).toEqual(['glsa_Xq7pL2vN9rT4mW8kZ3bC6yF1hJ5dS0aE_7c2e91b4']);
  });
});

describe('findInText on what s17 taught: a name field holds a name whatever its first character', () => {
  it('reads minority names and rare surnames after a name field and its colon', () => {
    expect(names('患者：乌云其木格　女　61岁　蒙古族')).toEqual(['乌云其木格']);
    expect(names('住院预交金收据\n患者：白音巴特尔　住院号：2406190033')).toEqual(['白音巴特尔']);
    expect(names('姓名：仉晓晨　性别：女')).toEqual(['仉晓晨']);
  });

  it('does not read a greeting, a place, a role or a department as the name in such a field', () => {
    expect(names('用户：你好，我的快递到哪了？')).toEqual([]);
    expect(names('考生：澳门居民  回乡证M87769489')).toEqual([]);
    expect(names('工伤报备联系人：项目安全员，17808001570。')).toEqual([]);
    expect(names('活动联系人：社工部王老师。')).toEqual([]);
  });
});

describe('findInText on what s17 taught: function characters in a name field, and estates after the house number', () => {
  it('reads a name field whose given name holds a function character, a bracketed role before the colon, and Korean-Chinese names', () => {
    expect(names('服务医生：林向荣')).toEqual(['林向荣']);
    expect(names('姓名：黃于倫　病歷號：A0912345')).toEqual(['黃于倫']);
    expect(names('男方：金哲浩　女方：朴秀妍\n共同住址')).toEqual(['金哲浩', '朴秀妍']);
  });

  it('reads a road named 花园路 after a district, an estate after 号台, 育才小区, and a flat with its letter after a building', () => {
    expect(addresses('地址：郑州市金水区花园路128号院6号楼2单元9号')).toEqual(['郑州市金水区花园路128号院6号楼2单元9号']);
    expect(addresses('地址：平潭县前进西路1288号台商花园6号楼301室')).toEqual(['平潭县前进西路1288号台商花园6号楼301室']);
    expect(addresses('地址：石家庄市长安区建设北大街59号育才小区16栋3单元101\n家属')).toEqual(['石家庄市长安区建设北大街59号育才小区16栋3单元101']);
    expect(addresses('内地居住地址：深圳市福田区福华三路88号财富大厦公寓22C\n就诊')).toEqual(['深圳市福田区福华三路88号财富大厦公寓22C']);
    expect(addresses('请到福州市鼓楼区五一路3号台办理')).toEqual([]);
  });
});

describe('findInText on what s17 taught: words glued to a keyword, doctors\' posts, 我叫', () => {
  it('does not read a body position, a relation or an anaesthetist\'s field as names', () => {
    expect(names('手术经过：患者仰卧位，常规消毒铺巾')).toEqual([]);
    expect(names('申请人：鲍红旗　与患者关系：本人')).toEqual(['鲍红旗']);
    expect(names('麻醉医师：端木青　麻醉护士：柏雪')).toEqual(['端木青', '柏雪']);
    expect(names('由民警送回石家庄市长安区')).toEqual([]);
  });

  it('reads a name after a village doctor\'s post and after 我叫, and keeps a name glued to 员工 or 旅客', () => {
    expect(names('督导员：村医潘文武　13960330848')).toEqual(['潘文武']);
    expect(names('答：我叫喻建新，是某物流公司送货司机。')).toEqual(['喻建新']);
    expect(names('病假申请：员工甘露因腰椎间盘突出症需休病假两周')).toEqual(['甘露']);
    expect(names('旅客邱淑贞持台胞证12345678办理入境。')).toEqual(['邱淑贞']);
  });
});

describe('findInText on what s19 taught: dot names whole, departments glued to a word, statements in a name field', () => {
  it('reads transliterated names whole when a space, a comma or a bracket follows, and a six-character Mongolian name', () => {
    expect(names('新增：阿力木江·吐尔地 1507室')).toEqual(['阿力木江·吐尔地']);
    expect(names('申请人：买买提江·阿布都拉，653101198402207090')).toEqual(['买买提江·阿布都拉']);
    expect(names('父亲：叶尔肯·别克，身份证')).toEqual(['叶尔肯·别克']);
    expect(names('被保险人：额尔敦巴雅尔，蒙古族')).toEqual(['额尔敦巴雅尔']);
  });

  it('does not read 部门 as a department and a name, a statement as a name, or a child before 小朋友', () => {
    expect(names('请求市场监管部门调查。')).toEqual([]);
    expect(names('被告：同意离婚，抚养费最多1000元。')).toEqual([]);
    expect(names('温子晴小朋友的快篩結果為A型流感陽性')).toEqual(['温子晴']);
  });
});

describe('findInText on what s19 taught: Taiwan 里 and 鄰, estates named 和平, lettered areas, a password ending in !', () => {
  it('reads a Taiwan address with its village and neighbourhood, an estate named 和平里, an area A区 and a building 7#楼', () => {
    expect(addresses('通訊地址：臺南市永康區大灣里5鄰大灣路932巷17弄3號')).toEqual(['臺南市永康區大灣里5鄰大灣路932巷17弄3號']);
    expect(addresses('帳單地址：宜蘭縣羅東鎮仁和里7鄰興東路145巷2號。')).toEqual(['宜蘭縣羅東鎮仁和里7鄰興東路145巷2號']);
    expect(addresses('现住址：平潭综合实验区潭城镇和平路77号和平里小区B栋1102')).toEqual(['平潭综合实验区潭城镇和平路77号和平里小区B栋1102']);
    expect(addresses('原告住福州市晋安区鼓山镇前屿东路168号融侨锦江A区6座1003；被告')).toEqual(['福州市晋安区鼓山镇前屿东路168号融侨锦江A区6座1003']);
    expect(addresses('名下位于福州市仓山区金山街道浦上大道216号融侨观邸7#楼2603单元的房产')).toEqual(['福州市仓山区金山街道浦上大道216号融侨观邸7#楼2603单元']);
  });

  it('keeps the ! of a password after a Chinese keyword, not after an English sentence', () => {
    expect(found('账号 admin 密码 GatetwuIEe!', 'secret')).toEqual(['GatetwuIEe!']);
    expect(found('Reset done. The new password: Summer2024!', 'secret')).toEqual(['Summer2024']);
  });
});

describe('findInText on what s18 taught: frequent given names, and names that are no one', () => {
  it('reads a surname and a frequent given name wherever the segmenter cuts them or whatever comes before', () => {
    expect(names('明天我带黄欣怡去复诊，挂号用她的医保卡。')).toEqual(['黄欣怡']);
    expect(names('工单#31207：邓子涵反映打印机卡纸')).toEqual(['邓子涵']);
    expect(names('审理原告平潭某公司诉被告许远航买卖合同纠纷一案')).toEqual(['许远航']);
    expect(names('出卖方（甲方）：何其昌，身份证号另附')).toEqual(['何其昌']);
    expect(names('池子涵：各位好，明天的讲座改到三楼')).toEqual(['池子涵']);
  });

  it('reads the mourners of an obituary by their field, whatever their surname, and a name after a class or legal post', () => {
    expect(names('未亡人：郑秀兰\n孝男：念志远　孝女：念晓梅')).toEqual(['郑秀兰', '念志远', '念晓梅']);
    expect(names('合同已交法务柯伟审核。')).toEqual(['柯伟']);
    expect(names('班长高明负责记录。')).toEqual(['高明']);
  });

  it('does not read a frequent given name inside a word, a firm or after a word it ends', () => {
    expect(names('公司成立新部门，负责建国以来的档案整理。')).toEqual([]);
    expect(names('供应商：厦门宏达生物科技有限公司')).toEqual([]);
    expect(names('周末去家乐福买菜。')).toEqual([]);
  });

  it('does not read memorials, a married name made of words, capital numerals or a phrase in a name field as names', () => {
    expect(names('路线：林则徐纪念馆—林觉民故居—三坊七巷')).toEqual([]);
    expect(names('关怀专线：1922')).toEqual([]);
    expect(names('价税合计：¥6,780.00（陆仟柒佰捌拾元整）')).toEqual([]);
    expect(names('匿名用户：隔音一般，其他都还行。')).toEqual([]);
    expect(names('上级医师卓越查房：注意防治感染')).toEqual(['卓越']);
  });
});

describe('findInText on what s18 taught: operations on a lesion, tests of an organism, notices, denials', () => {
  const health = (text: string): string[] => found(text, 'medical_record');

  it('reads a diagnosis and the operation on it, or an organism and its test, as one term', () => {
    expect(health('患者陈某，男，52岁，拟行左胫骨骨折切开复位钢板内固定术。')).toEqual(['左胫骨骨折切开复位钢板内固定术']);
    expect(health('患者陈某，女，45岁，需行甲状腺癌根治术。')).toEqual(['甲状腺癌根治术']);
    expect(health('患者刘某，男，61岁，幽门螺杆菌呼气试验阳性。')).toEqual(['幽门螺杆菌呼气试验']);
  });

  it('keeps a disease named with 症 whole, a stage outside, and reads a code of the national clinical version', () => {
    expect(health('患者林某，病名：颈椎椎间盘突出症（M50.2）')).toEqual(['颈椎椎间盘突出症', 'M50.2']);
    expect(health('患者王某，男，70岁，脑梗死后遗症期，言语不清。')).toEqual(['脑梗死']);
    expect(health('患者王某，其他诊断：高血压（I10.x00）')).toEqual(['高血压', 'I10.x00']);
  });

  it('reads no health data in a public notice, and none after 未见 or 未接种', () => {
    expect(health('平潭某医院2025年护士招聘公告\n招聘岗位：血液净化护士3名、手术室护士2名，要求取得护士执业资格证书。联系人：人事科詹晓燕，电话0591-23898852。')).toEqual([]);
    expect(health('患者吴某，男，49岁。上腹部增强CT：未见肝内占位。')).toEqual(['上腹部增强CT']);
    expect(health('学生王某某确诊水痘，未接种水痘疫苗的同学建议补种。')).toEqual(['水痘']);
  });

  it('goes on after the house number through a building named by its use to its floor or room, and through a numbered workshop', () => {
    expect(addresses('注册地址：平潭综合实验区岚城乡创新路79号研发楼6层，')).toEqual(['平潭综合实验区岚城乡创新路79号研发楼6层']);
    expect(addresses('平潭综合实验区岚城乡创新路39号2号厂房　')).toEqual(['平潭综合实验区岚城乡创新路39号2号厂房']);
    expect(addresses('在厦门大学附属中山医院门诊楼12层会议室召开')).toEqual([]);
  });

  it('keeps the last character of a password that ends a configuration line', () => {
    expect(found('DB_HOST=10.0.0.1\nDB_PASSWORD=Kq7%wert2291!\nPOOL=5', 'secret')).toEqual(['Kq7%wert2291!']);
  });
});

describe('findInText on what s21 taught: estates after a road, 时代 in estate names, operations named with their approach', () => {
  const health = (text: string): string[] => found(text, 'medical_record');

  it('reads an estate named without a number right after the road, and an estate whose name holds 时代', () => {
    expect(addresses('房号：平潭县潭城镇龙山路水岸名都8号楼2单元902室\n')).toEqual(['平潭县潭城镇龙山路水岸名都8号楼2单元902室']);
    expect(addresses('现住福州市鼓楼区五四路128号恒力时代广场B座2201室。')).toEqual(['福州市鼓楼区五四路128号恒力时代广场B座2201室']);
    expect(addresses('沿环岛路一直走3栋那边就是。')).toEqual([]);
  });

  it('reads an operation with its approach, a breast-conserving operation on its lesion, and a qualified peritonitis', () => {
    expect(health('患者某，男，45岁。行椎间孔镜下髓核摘除术，术后卧床。')).toEqual(['椎间孔镜下髓核摘除术']);
    expect(health('患者某，女，52岁，确诊后行左乳腺癌保乳术+前哨淋巴结活检术。')).toEqual(['左乳腺癌保乳术', '前哨淋巴结活检术']);
    expect(health('診斷：急性闌尾炎併局部腹膜炎')).toEqual(['急性闌尾炎', '局部腹膜炎']);
  });

  it('reads an IP address after a host name and a slash, but not a browser version after its name', () => {
    expect(found('Node:  pt-node-03/10.3.101.14', 'ip_address')).toEqual(['10.3.101.14']);
    expect(found('Mozilla/5.0 Chrome/122.0.0.0 Safari/537.36', 'ip_address')).toEqual([]);
  });

  it('does not read a verb after a defendant as a name, and reads a rare surname in a table row', () => {
    expect(names('被告人明知他人利用信息网络实施犯罪')).toEqual([]);
    expect(names('1\t仉国辉\t6217000012345678')).toEqual(['仉国辉']);
  });
});

describe('findInText on what columns-f taught: identifiers built on an ID number, encoded keys, network ranges, door codes', () => {
  it('reads the ID number inside a pupil number (G + ID) and a disability certificate number (ID + category + grade)', () => {
    const pupil = id('35012820090518936');
    const holder = id('35020619860116105');
    expect(found(`学籍号：G${pupil}`, 'cn_resident_id')).toEqual([pupil]);
    expect(found(`残疾人证号 ${holder}54`, 'cn_resident_id')).toEqual([holder]);
    // Twenty digits that do not end in a category and a grade are a serial number.
    expect(found(`流水号 ${holder}90`, 'cn_resident_id')).toEqual([]);
  });

  it('reads a base64 private key or registry login as a secret, not a base64 certificate', () => {
    const key = Buffer.from('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yvBh\n-----END EC PRIVATE KEY-----\n').toString('base64');
    const login = Buffer.from('{"auths":{"harbor.example.cn":{"username":"robot","password":"Db$AzHcQ"}}}').toString('base64');
    const cert = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n').toString('base64');
    expect(found(`server_key: ${key}`, 'secret')).toEqual([key]);
    expect(found(`.dockerconfigjson: ${login}`, 'secret')).toEqual([login]);
    expect(found(`ca.crt: ${cert}`, 'secret')).toEqual([]);
  });

  it('reads no address in a network range, but an interface address with its mask', () => {
    expect(found('subnet 10.21.11.0/26, 10.19.17.0/23 and 172.16.0.0/12', 'ip_address')).toEqual([]);
    expect(found('inet 10.3.101.14/24 brd 10.3.101.255', 'ip_address')).toEqual(['10.3.101.14', '10.3.101.255']);
  });

  it('takes a password announced with 已更新为 or 改成', () => {
    expect(found('仓库北门门禁密码已更新为 739184#，请勿外传', 'secret')).toEqual(['739184#']);
    expect(found('新密码改成 Kx8#2024pt 了', 'secret')).toEqual(['Kx8#2024pt']);
    expect(found('密码已更新成功，请重新登录', 'secret')).toEqual([]);
  });
});

describe('findInText on what s20 taught: tables written in text, offices before a name, compound surnames', () => {
  it('reads a weak identifier in a text table by the header of its column, however far down the row', () => {
    const list = '平潭某旅行社　游客名单\n姓名\t护照号\t出生日期\n葛新民\tE29030859\t1968-04-02\n全美兰\tEM0634963\t1971-11-19\n冉晓雪\tE23545635\t1997-02-14';
    expect(spans(list).filter(([t]) => t === 'cn_passport').map(([, v]) => v)).toEqual(['E29030859', 'EM0634963', 'E23545635']);
    expect(spans('订单号\t金额\nE29030859\t100\nE23545635\t200')).toEqual([]);
  });

  it('reads a name right after an office, and a compound surname the segmenter cut', () => {
    expect(spans('指派律师：福建岚岛律师事务所范立群律师，电话0591-64456368')).toContainEqual(['person_name', '范立群']);
    expect(spans('司法所黎雪已电话联系本人17796242565')).toContainEqual(['person_name', '黎雪']);
    expect(spans('航管系三年級\n張簡俐瑩　G240586453　食科系一年級')).toContainEqual(['person_name', '張簡俐瑩']);
  });

  it('reads no name in a word before a surname and its title, nor in a field label', () => {
    expect(spans('海峰：好的，麻烦詹医生了').filter(([t, v]) => t === 'person_name' && v.includes('詹'))).toEqual([]);
    expect(spans('姓名：龚志鹏　曾用名：无　性别：男').filter(([t]) => t === 'person_name')).toEqual([['person_name', '龚志鹏']]);
  });

  it('reads an estate named 街区 between a house number and a building', () => {
    expect(spans('现住址：平潭综合实验区金井湾片区金井三路19号台湾街区2号楼301室\n')).toEqual([['address', '平潭综合实验区金井湾片区金井三路19号台湾街区2号楼301室']]);
  });
});

describe('findInText on what s22 taught: notices that name pupils, groups of patients, estates with areas, new door codes', () => {
  it('keeps a notice\'s health terms in the sentence of the pupil it names, and drops a press release\'s', () => {
    const notice = '臺北市立建國國小 2年4班 聯絡簿公告\n親愛的家長：本班同學停課5天；孫清水同學有癲癇，校外教學請家長協助攜帶Depakine藥錠。\n健康中心電話：02-4133-2885 分機64';
    expect(spans(notice).filter(([t]) => t === 'medical_record').map(([, v]) => v)).toEqual(['癲癇', 'Depakine']);
    const release = '健保署新聞稿：自113年5月1日起，治療阿茲海默症之Donepezil、Rivastigmine及第2型糖尿病之SGLT2抑制劑放寬給付規定；C型肝炎全口服新藥維持全面給付。民眾持健保卡就醫。';
    expect(spans(release).filter(([t]) => t === 'medical_record')).toEqual([]);
  });

  it('reads no health data in diseases that name a group of people, and takes the rib numbers into a fracture', () => {
    expect(spans('花粉浓度偏高，过敏性鼻炎、哮喘人群外出建议佩戴口罩。患者王某，诊断：哮喘').filter(([t]) => t === 'medical_record').map(([, v]) => v)).toEqual(['哮喘']);
    expect(spans('致原告受有右側第3至5肋骨骨折、左膝前十字韌帶斷裂等傷害').filter(([t]) => t === 'medical_record').map(([, v]) => v)).toEqual(['右側第3至5肋骨骨折', '左膝前十字韌帶斷裂']);
    expect(spans('次子：我今年自己还做了腹腔镜阑尾切除术。')).toContainEqual(['medical_record', '腹腔镜阑尾切除术']);
  });

  it('reads estates with their areas, a dormitory room, and no pronoun or time before them', () => {
    expect(spans('男，58岁，住天通苑北一区C区3幢2单元504房，电话')).toContainEqual(['address', '天通苑北一区C区3幢2单元504房']);
    expect(spans('家庭住址：翠苑一区C区14号楼2单元1103')).toEqual([['address', '翠苑一区C区14号楼2单元1103']]);
    expect(spans('顺便问下，我家万科金域榕郡10栋2单元3004卫生间漏水')).toContainEqual(['address', '万科金域榕郡10栋2单元3004']);
    expect(spans('明早7点半漕溪北路140号科技园2座9层门口集合')).toContainEqual(['address', '漕溪北路140号科技园2座9层']);
    expect(spans('申请人现住女生一舍312室，手机196-4625-9138')).toContainEqual(['address', '女生一舍312室']);
  });

  it('reads a door code announced with the day of its change, and no name in 官方小程序 or a road', () => {
    expect(spans('另外大門密碼下週一改為306949，輸入後按#，請勿外流')).toEqual([['secret', '306949']]);
    expect(spans('可在官方小程序查询')).toEqual([]);
    expect(spans('对湖东路（杨桥路至鼓屏路段）实施全封闭').filter(([t]) => t === 'person_name')).toEqual([]);
    expect(spans('参会：校长江伟、校医葛玲')).toContainEqual(['person_name', '江伟']);
  });

  it('reads no phone in lottery picks or in the tail of a dash-joined code', () => {
    expect(spans('投注号码 09 12 15 22 28 33+06')).toEqual([]);
    expect(spans('票据号35010124-0912345678')).toEqual([]);
    expect(spans('电话 0912 345 678')).toEqual([['tw_mobile', '0912 345 678']]);
  });
});

describe('findInText on chat speakers of two characters', () => {
  it('reads a two-character speaker before an utterance as a name, even one that is also a word', () => {
    const chat = '各位家长好，本周五视力筛查。\n田野：毛老师好，孩子这周请假\n于丹：顺便问下，几点放学？';
    expect(spans(chat).filter(([t]) => t === 'person_name').map(([, v]) => v)).toEqual(['田野', '于丹']);
  });

  it('reads no name in a field label, a function word, or a given name whose full name the chat wrote', () => {
    expect(spans('车贷：5000元\n经过：早高峰追尾前车').filter(([t]) => t === 'person_name')).toEqual([]);
    const chat = '詹医生：林海峰，你母亲这周血压怎么样？\n海峰：好的，麻烦詹医生了';
    expect(spans(chat).filter(([t]) => t === 'person_name').map(([, v]) => v)).toEqual(['林海峰']);
  });
});

describe('findInText on what s23 taught: logins at an address, stream keys, consent risks, estates without a suffix', () => {
  it('reads the address of a login as an IP address, not a version after SDK', () => {
    expect(spans('[部署] ssh deploy@125.212.32.144 "systemctl restart ride-api"')).toEqual([['ip_address', '125.212.32.144']]);
    expect(spans('Android SDK 34.0.0.1; build f9faf3f7eda2')).toEqual([]);
  });

  it('reads a stream key after its keyword, and no health data in a consent form\'s risks or a machine\'s number', () => {
    expect(spans('直播推流码：stream-DyLVIUmWfGX8UfAPvXsq（仅限本人使用）')).toEqual([['secret', 'stream-DyLVIUmWfGX8UfAPvXsq']]);
    expect(spans('我已了解种植失败、神经损伤等风险。\n患者签名：王伟').filter(([t]) => t === 'medical_record')).toEqual([]);
    expect(spans('血透室设备联网清单（信息科）\n透析机A01　IP 172.25.46.27').filter(([t]) => t === 'medical_record')).toEqual([]);
  });

  it('reads roads and villages named with a stop character, stops at the room, and reads estates named without a suffix', () => {
    expect(spans('住福州市仓山区则徐大道94号融信大卫城C座1508室')).toEqual([['address', '福州市仓山区则徐大道94号融信大卫城C座1508室']]);
    expect(spans('雷玉兰｜平潭县白青乡井边村220号｜鱿鱼丝×2').filter(([t]) => t === 'address')).toEqual([['address', '平潭县白青乡井边村220号']]);
    expect(spans('地点：福州市长乐区航城街道郑和路279号长乐东湖湾18号楼1单元1702室一楼').filter(([t]) => t === 'address').map(([, v]) => v)).toEqual(['福州市长乐区航城街道郑和路279号长乐东湖湾18号楼1单元1702室']);
    expect(spans('家庭住址 融侨锦江11号楼3单元1203室；紧急联系电话 150-2451-1234')).toContainEqual(['address', '融侨锦江11号楼3单元1203室']);
    expect(spans('我们住在3号楼')).toEqual([]);
  });

  it('reads no name in a nickname after a role, a parent named after a child, or a household', () => {
    expect(spans('采血护士：小万\n初筛：合格')).toEqual([]);
    expect(spans('【大一班家长群】\n乐乐妈妈：老师好，这周五由孩子爷爷覃磊来接').filter(([t]) => t === 'person_name').map(([, v]) => v)).toEqual(['覃磊']);
    expect(spans('承包地确权公示（白青乡）\n蔡文彬户　白青乡白青村9组85号')).toContainEqual(['person_name', '蔡文彬']);
  });
});

describe('findInText on what s24 taught: listed names, married names after kin, certificate labels, version keys', () => {
  it('reads every item of an enumeration next to a name as a name, even one that is a word, but no title or noun', () => {
    expect(names('C类：令狐平、文明、向前进\n公示期：7天')).toEqual(['令狐平', '文明', '向前进']);
    expect(names('人员：戴志勇（负责人）、游建华、池明等9人。')).toEqual(['戴志勇', '游建华', '池明']);
    expect(names('授课教师：陈教授、林副教授。')).not.toContain('陈教授');
    expect(names('主材（瓷砖、地板、橱柜、卫浴）：48,000元')).toEqual([]);
  });

  it('reads a married name after a kinship word, and stops a name before a verb, a couple or a role', () => {
    expect(names('為母親鄭林阿嬌祈求：今年三月確診乳癌')).toEqual(['鄭林阿嬌']);
    expect(names('家中婆婆賴張秀琴有慢性阻塞性肺病')).toEqual(['賴張秀琴']);
    expect(names('12345工单：市民刘桂英反映夜间施工噪音')).toEqual(['刘桂英']);
    expect(names('车主蒋国栋名下车辆均已年检。')).toEqual(['蒋国栋']);
    expect(names('回向：母亲吴陈秀英脑梗死后遗症早日康复')).toEqual(['吴陈秀英']);
    expect(names('处理：收银员周燕辞退。')).toEqual(['周燕']);
    expect(names('寄养家庭：佘德明、林惠夫妇，住南京市')).toEqual(['佘德明', '林惠']);
    expect(names('受托人：农志强（车管专员）')).toEqual(['农志强']);
  });

  it('reads a name after a room number and a monastic name after its label, but no district or service word', () => {
    expect(names('特殊需求：8224冉冬梅青霉素过敏')).toEqual(['冉冬梅']);
    expect(names('法名：释妙音　俗名：蔺晓峰')).toEqual(['释妙音', '蔺晓峰']);
    expect(names('派工：武侯供电中心抢修二班')).toEqual([]);
    expect(names('会员充值100送20')).toEqual([]);
  });

  it('reads no travel permit in a Taiwan business number, no IP address in a version key, and a password after 改成了', () => {
    expect(spans('主旨：詢問台胞證辦理\n本公司（台灣統一編號：24567813）擬於平潭設立子公司')).toEqual([]);
    expect(spans('client_ver=5.2.0.33 build=20240719')).toEqual([]);
    expect(spans('管理员账号 admin，密码改成了 Jskj#2024@0418，别再贴在显示器上。')).toEqual([['secret', 'Jskj#2024@0418']]);
  });

  it('reads the first item of a numbered roster line as a name when most first items are names, but not an agenda', () => {
    const roster = '接送名单\n1. 尹依婷\u3000福州市台江区宁化路136号\u3000190-7144-5599\n2. 张斌\u3000上浦小区29号楼1单元102室\n3. 常青\u3000家属自行接送\n4. 林秀英\u300013155958995';
    expect(names(roster)).toEqual(['尹依婷', '张斌', '常青', '林秀英']);
    expect(names('会议议程\n1. 开幕\u30009:00\n2. 报告\u30009:30\n3. 讨论\u300010:00')).toEqual([]);
  });

  it('reads an added house number (增1号, 附3号) as part of the address', () => {
    expect(addresses('住址：天津市和平区南营门街道西康路42号增1号\n电话：13482775158')).toEqual(['天津市和平区南营门街道西康路42号增1号']);
    expect(addresses('住址：福州市鼓楼区五四路88号附3号')).toEqual(['福州市鼓楼区五四路88号附3号']);
  });

  it('reads IVF procedures whole, a drug with its salt, and colour weakness', () => {
    const text = '患者王小明10月12日行经阴道超声引导下取卵术，用药：低分子肝素钙，色觉检查提示红绿色弱。';
    expect(found(text, 'medical_record')).toEqual(['经阴道超声引导下取卵术', '低分子肝素钙', '色觉检查', '红绿色弱']);
  });
});

describe('findInText on what s25 taught: pseudonyms, titles after a surname, units after a number', () => {
  it('reads no name in a pseudonym, a surname with 专员, or a year before 建成', () => {
    expect(names('查获倒卖门票人员茹某（男，29岁）、蔡某某（女，24岁）')).toEqual([]);
    expect(names('催收-李专员：蔺浩然你好，今天是最后还款日')).toEqual(['蔺浩然']);
    expect(names('房屋结构：砖混，1986年建成。')).toEqual([]);
  });

  it('reads a name after an operations role and a married name before 無', () => {
    expect(names('负责人：运营邵一帆，有问题微信联系。')).toEqual(['邵一帆']);
    expect(names('健康聲明：游林麗珠無特殊疾病。')).toEqual(['游林麗珠']);
  });
});

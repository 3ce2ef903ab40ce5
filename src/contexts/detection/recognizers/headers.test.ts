import { describe, expect, it } from 'vitest';
import { classifyHeader } from './index.ts';

describe('classifyHeader', () => {
  it('recognises Simplified, Traditional, English and pinyin-initial headers', () => {
    const cases: Array<[string, string]> = [
      ['身份证号', 'cn_resident_id'],
      ['身分證字號', 'tw_national_id'],
      ['id_card', 'cn_resident_id'],
      ['ID_NO', 'cn_resident_id'],
      ['sfzh', 'cn_resident_id'],
      ['ZJHM', 'cn_resident_id'],
      ['手機', 'cn_mobile'],
      ['lxdh', 'cn_mobile'],
      ['姓名', 'person_name'],
      ['khmc', 'person_name'],
      ['通讯地址', 'address'],
      ['dz', 'address'],
      ['cph', 'cn_license_plate'],
      ['vin', 'vin'],
      ['yhkh', 'bank_card'],
      ['email', 'email'],
      ['tyshxydm', 'cn_uscc'],
      ['zd', 'medical_record'],
      ['tbz', 'tw_travel_permit'],
      ['回乡证号', 'hkmo_home_return_permit'],
      ['客户身份证号码', 'cn_resident_id'],
    ];
    for (const [header, type] of cases) expect(classifyHeader(header).types, header).toContain(type);
  });

  it('lets the head noun win in compounds', () => {
    expect(classifyHeader('联系人电话').types).toContain('cn_mobile');
    expect(classifyHeader('电话联系人').types).toEqual(['person_name']);
    expect(classifyHeader('IP地址').types).toEqual(['ip_address']);
  });

  it('matches short pinyin initials only as whole tokens', () => {
    expect(classifyHeader('xmmc').types).toEqual([]);
    expect(classifyHeader('user_xm').types).toEqual(['person_name']);
  });

  it('marks decoy headers and cancels generic name hints', () => {
    expect(classifyHeader('订单号')).toMatchObject({ decoy: true, types: [] });
    expect(classifyHeader('create_time').decoy).toBe(true);
    expect(classifyHeader('product_name').types).toEqual([]);
    expect(classifyHeader('公司名称').types).toEqual([]);
    expect(classifyHeader('col_7')).toMatchObject({ types: [], decoy: false });
  });

  it('reads a nested field by its own name, not by the object it sits in', () => {
    expect(classifyHeader('lastPass.fee')).toMatchObject({ decoy: true, types: [] });
    expect(classifyHeader('contact.mobile').types).toContain('cn_mobile');
    expect(classifyHeader('applicant.name').types).toEqual(['person_name']);
    // …but a generic name inside an organisation is the organisation's.
    expect(classifyHeader('employer.name').types).toEqual([]);
    expect(classifyHeader('employer.unitName').types).toEqual([]);
    // An abbreviation with a dot is no path.
    expect(classifyHeader('Tel.No').types).toContain('cn_mobile');
  });

  it('reads a pass number as a permit, not a password, and the name of a package, channel or product as no person', () => {
    expect(classifyHeader('applicant.hkmoPassNo').types).not.toContain('secret');
    expect(classifyHeader('twPassNo').types).toContain('tw_travel_permit');
    expect(classifyHeader('password').types).toEqual(['secret']);
    for (const h of ['package.name', 'channel.name', 'productName', 'bank.name']) expect(classifyHeader(h).types, h).toEqual([]);
  });

  it('reads staff roles ending in 员 as person columns', () => {
    for (const h of ['理赔员', '審核員', '查勘员', '收银员']) expect(classifyHeader(h).types, h).toEqual(['person_name']);
  });
});


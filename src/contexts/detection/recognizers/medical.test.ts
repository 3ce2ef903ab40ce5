import { describe, expect, it } from 'vitest';
import { findInText } from './index.ts';

/** The exact text of every medical_record finding. */
function medical(text: string): string[] {
  return findInText(text)
    .filter((f) => f.type === 'medical_record')
    .map((f) => text.slice(f.start, f.end));
}

describe('medical_record: diagnoses with their modifiers and site', () => {
  it('takes in the clinical qualifiers written before a diagnosis', () => {
    expect(medical('急诊摘要：急性ST段抬高型心肌梗死（I21.0）')).toEqual(['急性ST段抬高型心肌梗死', 'I21.0']);
    expect(medical('诊断：中度抑郁发作，予舍曲林50mg')).toEqual(['中度抑郁发作', '舍曲林']);
    expect(medical('入院诊断：急性下壁心肌梗死')).toEqual(['急性下壁心肌梗死']);
  });

  it('takes in the type of a diabetes however it is numbered', () => {
    expect(medical('門診紀錄：第二型糖尿病（E11.65）')).toEqual(['第二型糖尿病', 'E11.65']);
    expect(medical('诊断为2型糖尿病')).toEqual(['2型糖尿病']);
    expect(medical('诊断为Ⅱ型糖尿病')).toEqual(['Ⅱ型糖尿病']);
  });

  it('takes in the side, bone and position of a fracture, in Simplified and Traditional text', () => {
    expect(medical('工伤认定：诊断右桡骨远端骨折（S52.5）')).toEqual(['右桡骨远端骨折', 'S52.5']);
    expect(medical('受有左側鎖骨骨折，送醫治療。')).toEqual(['左側鎖骨骨折']);
  });

  it('counts a head such as 炎 or 癌 only with an anatomical word right before it', () => {
    expect(medical('保險理賠：乳癌第二期（C50.9）')).toEqual(['乳癌', 'C50.9']);
    expect(medical('口腔科：患者诊断慢性牙周炎')).toEqual(['慢性牙周炎']);
    expect(medical('患者诉伤口发炎，诊断待定。')).toEqual([]);
  });

  it('does not read 左右 (about) as the left and right side', () => {
    expect(medical('患者年龄50岁左右，诊断高血压。')).toEqual(['高血压']);
    expect(medical('诊断：50岁左右高血压')).toEqual(['高血压']);
  });

  it('takes the site into an imaging test and the approach into an operation, but no clinical qualifier', () => {
    expect(medical('入院诊断腰椎间盘突出症，完善腰椎MRI后行保守治疗')).toEqual(['腰椎间盘突出症', '腰椎MRI']);
    expect(medical('患者建议6个月后复查甲状腺超声')).toEqual(['甲状腺超声']);
    expect(medical('急診診斷為急性闌尾炎，行腹腔鏡闌尾切除術。')).toEqual(['急性闌尾炎', '腹腔鏡闌尾切除術']);
  });
});

describe('medical_record: drugs and tests', () => {
  it('reads two drugs written together as one combination', () => {
    expect(medical('诊断：支气管哮喘。予布地奈德福莫特罗吸入剂。')).toEqual(['支气管哮喘', '布地奈德福莫特罗']);
    expect(medical('术后予阿司匹林、替格瑞洛双抗。')).toEqual(['阿司匹林', '替格瑞洛']);
  });

  it('takes the salt into a drug name and the valency into a vaccine', () => {
    expect(medical('既往高血压病史10年，规律服用苯磺酸氨氯地平片。')).toEqual(['高血压', '苯磺酸氨氯地平']);
    expect(medical('预防接种：儿童王子墨，接种13价肺炎链球菌疫苗第3剂。')).toEqual(['13价肺炎链球菌疫苗']);
  });

  it('counts a dose or a dosage form after a drug, and a value after a test, as medical context', () => {
    expect(medical('HBV-DNA 2.3×10^4 IU/mL，予恩替卡韦0.5mg qd。')).toEqual(['HBV-DNA', '恩替卡韦']);
    expect(medical('单据：肌酐168μmol/L，尿素氮9.8mmol/L。')).toEqual(['肌酐', '尿素氮']);
    expect(medical('研发中心正在研究恩替卡韦的合成工艺。')).toEqual([]);
  });

  it('finds English drug names case-insensitively, on word boundaries only', () => {
    expect(medical('門診紀錄：HbA1c 8.4%，處方Metformin 500mg BID。')).toEqual(['HbA1c', 'Metformin']);
    expect(medical('处方：ESOMEPRAZOLE 40mg qd，tiotropium 18 μg qd')).toEqual(['ESOMEPRAZOLE', 'tiotropium']);
    expect(medical('处方：Metformins or xMetformin or Metformin_v2')).toEqual([]);
  });

  it('finds English diagnoses and an ICD-10 code in English text when one supports the other', () => {
    expect(medical('Clinic note: Pt 王立新, 61M, Dx COPD (J44.1), on tiotropium 18 μg qd.')).toEqual(['COPD', 'J44.1', 'tiotropium']);
  });

  it('reads abbreviations only when written in capitals', () => {
    expect(medical('患者复查：copd，ct，Mri')).toEqual([]);
    expect(medical('患者复查：COPD，CT')).toEqual(['COPD', 'CT']);
  });

  it('does not report the label written in brackets after an ICD-10 code as a second finding', () => {
    expect(medical('The patient was diagnosed with E11.9 (type 2 diabetes).')).toEqual(['E11.9']);
  });
});

describe('medical_record: Taiwan wording', () => {
  it('finds diagnoses, tests and drugs as written in Taiwan records', () => {
    expect(medical('門診病歷：診斷胃食道逆流（K21.9），處方Esomeprazole 40mg QD')).toEqual(['胃食道逆流', 'K21.9', 'Esomeprazole']);
    expect(medical('急診紀錄：診斷急性胰臟炎（K85.9），脂解酶1280 U/L，禁食並給予Meperidine止痛。')).toEqual([
      '急性胰臟炎',
      'K85.9',
      '脂解酶',
      'Meperidine',
    ]);
    expect(medical('社福個案：患有糖尿病及退化性膝關節炎。')).toEqual(['糖尿病', '退化性膝關節炎']);
    expect(medical('病人有攝護腺肥大病史，服用Tamsulosin 0.2mg。')).toEqual(['攝護腺肥大', 'Tamsulosin']);
  });
});

describe('medical_record: what is not health data', () => {
  it('reports no hospital, check-up centre or examination word alone', () => {
    expect(medical('请到医院检查。')).toEqual([]);
    expect(medical('体检中心地址：福州市鼓楼区五四路100号。')).toEqual([]);
    expect(medical('检查结果已上传系统。')).toEqual([]);
  });

  it('reports no term that is part of the name of a firm, a hospital or a campaign', () => {
    expect(medical('患者家属在华法林制药有限公司工作。')).toEqual([]);
    expect(medical('患者转诊至市肿瘤医院。')).toEqual([]);
    expect(medical('本院将开展糖尿病防治宣传，欢迎患者参加。')).toEqual([]);
    expect(medical('检查超声波清洗机的工作状态。')).toEqual([]);
    expect(medical('超声报告：患者祁红梅，甲状腺结节TI-RADS 3类')).toEqual(['甲状腺结节']);
  });

  it('does not find CT or MRI inside a longer Latin word or token', () => {
    expect(medical('检查ACT考试成绩和CTRL键，患者MRI2024项目，SMRI_CT')).toEqual([]);
  });

  it('reports no ordinary word that contains an anatomical word and a disease head', () => {
    expect(medical('病人说经济增速放缓，市场萎缩，信心下降，资金链断裂。')).toEqual([]);
  });

  it('reads two diagnoses, or a marker and its test, written together as one, and takes in 后遗症', () => {
    expect(medical('诊断：丙型肝炎肝纤维化。')).toEqual(['丙型肝炎肝纤维化']);
    expect(medical('患者EGFR基因检测阴性。')).toEqual(['EGFR基因检测']);
    expect(medical('诊断：脑出血后遗症，长期卧床。')).toEqual(['脑出血后遗症']);
  });

  it('takes the examination word into an examination and a salt ending into a drug, but not the dosage form', () => {
    expect(medical('患者明日行肠镜检查。')).toEqual(['肠镜检查']);
    expect(medical('出院带药：瑞舒伐他汀钙片 10mg qn。')).toEqual(['瑞舒伐他汀钙']);
  });

  it('counts a cause before an injury (摔倒致, 导致) and 行 before a test as medical context', () => {
    expect(medical('放学时摔倒致右踝关节扭伤。')).toEqual(['右踝关节扭伤']);
    expect(medical('孕26周行糖耐量试验。')).toEqual(['糖耐量试验']);
  });

  it('takes an ordinal or a vertebra level into the site of a fracture', () => {
    expect(medical('诊断：左足第三跖骨骨折。')).toEqual(['左足第三跖骨骨折']);
    expect(medical('诊断为胸12椎体压缩性骨折。')).toEqual(['胸12椎体压缩性骨折']);
  });

  it('finds a past diagnosis in an underwriting note and an illness behind a sick leave', () => {
    expect(medical('核保说明：既往胆囊结石，已手术。')).toEqual(['胆囊结石']);
    expect(medical('员工因腰椎间盘突出症需休病假一周。')).toEqual(['腰椎间盘突出症']);
  });

  it('reports a diagnosis written with its site without other context, but not a group of people', () => {
    expect(medical('装卸时被货物砸中，左前臂开放性骨折。')).toEqual(['左前臂开放性骨折']);
    expect(medical('他本身有青光眼。')).toEqual(['青光眼']);
    expect(medical('重度残疾人护理补贴发放名单')).toEqual([]);
  });

  it('reads a stage or course after a diagnosis and 出现 before one as a person\'s illness', () => {
    expect(medical('我母亲胃癌晚期，想咨询安宁疗护。')).toEqual(['胃癌']);
    expect(medical('服药后出现史蒂文斯-约翰逊综合征。')).toEqual(['史蒂文斯-约翰逊综合征']);
  });

  it('does not report the health terms of a shop promotion or a pet\'s prescription', () => {
    expect(medical('夏季促销：感冒灵颗粒买二送一，连花清瘟胶囊第二件半价。')).toEqual([]);
    expect(medical('宠物医院处方：犬用头孢氨苄片250mg bid，伊曲康唑胶囊。')).toEqual([]);
  });

  it('does not report an English gloss in brackets after a Chinese term as a term of its own', () => {
    expect(medical('诊断慢性肾脏病（CKD 3期）、肾性贫血。')).toEqual(['慢性肾脏病', '肾性贫血']);
    expect(medical('既往史：哮喘 (asthma)，规律用药。')).toEqual(['哮喘']);
  });

  it('takes the clinical words of a longer diagnosis or procedure whole', () => {
    expect(medical('心电图示窦性心动过缓。')).toEqual(['心电图', '窦性心动过缓']);
    expect(medical('術後併發深部靜脈血栓。')).toEqual(['深部靜脈血栓']);
    expect(medical('住院行人工髋关节置换术。')).toEqual(['人工髋关节置换术']);
  });

  it('finds rehabilitation scales, TCM syndromes and formulas, dental sites and neonatal screening terms', () => {
    expect(medical('康复评估：Barthel指数45分，予运动疗法。')).toEqual(['Barthel指数', '运动疗法']);
    expect(medical('中医诊断：肝郁气滞证，处方天麻钩藤饮加减。')).toEqual(['肝郁气滞证', '天麻钩藤饮']);
    expect(medical('诊断右上第一磨牙慢性根尖周炎，行根管治疗术。')).toEqual(['右上第一磨牙慢性根尖周炎', '根管治疗术']);
  });

  it('does not report a risk or a vaccine arrival notice as a person\'s health data', () => {
    expect(medical('檢查發現熱水器裝在室內，有一氧化碳中毒風險。')).toEqual([]);
    expect(medical('通知：免费流感疫苗已到货，老人可前往接种。')).toEqual([]);
  });

  it('does not read 性病 inside 慢性病, nor the terms of a health campaign or a clinic notice', () => {
    expect(medical('慢性病連續處方箋第2次調劑。')).toEqual([]);
    expect(medical('社区健康宣传栏：加强慢性病管理，预防高血压、糖尿病。')).toEqual([]);
    expect(medical('医院公告：内分泌科开设糖尿病足专病门诊。')).toEqual([]);
  });

  it('takes a screening, serology or vaccine word into the disease it names, but not a form word', () => {
    expect(medical('产检项目：地中海贫血筛查未见异常，梅毒血清检查阴性。')).toEqual(['地中海贫血筛查', '梅毒血清检查']);
    expect(medical('接种记录：乙脑减毒活疫苗第1剂。')).toEqual(['乙脑减毒活疫苗']);
    expect(medical('请提供近6个月糖化血红蛋白检查单。')).toEqual(['糖化血红蛋白']);
  });

  it('takes sites and approaches written before a diagnosis or an operation', () => {
    expect(medical('胃镜示十二指肠球部溃疡，行腹腔镜下全子宫切除术。')).toEqual(['胃镜', '十二指肠球部溃疡', '腹腔镜下全子宫切除术']);
  });

  it('leaves 注射用 (for injection) out of a drug, as a dosage form', () => {
    expect(medical('医嘱停用注射用阿奇霉素0.25g。')).toEqual(['阿奇霉素']);
  });

  it('does not report the diseases of an advert, an insurance contract or a public-health message', () => {
    expect(medical('【广告】马应龙麝香痔疮膏，痔疮出血就用它。')).toEqual([]);
    expect(medical('被保险人在等待期后初次确诊恶性肿瘤、急性心肌梗死等本合同约定的重大疾病。')).toEqual([]);
    expect(medical('三高是脑中风与心脏病的危险因子。')).toEqual([]);
  });

  it('finds allergies, TCM constitutions, acupuncture methods and operations with their sites and approaches', () => {
    expect(medical('患儿鸡蛋过敏，术前禁食。')).toEqual(['鸡蛋过敏']);
    expect(medical('体质辨识为气虚质，予玉屏风散调理，配合艾灸。')).toEqual(['气虚质', '玉屏风散', '艾灸']);
    expect(medical('诊断右膝前交叉韧带损伤，拟行关节镜下前交叉韧带重建术。')).toEqual(['右膝前交叉韧带损伤', '关节镜下前交叉韧带重建术']);
  });
});

describe('medical_record: what s14 taught (results tables, procedures named whole, serology screenings)', () => {
  it('reads tests in a results table whose values follow an ideographic space, and a quantitative viral load', () => {
    const text = '检验报告单\n甲胎蛋白　8.2 ng/mL\n癌胚抗原　3.1 ng/mL\n乙肝病毒DNA定量　2.3×10^4 IU/mL';
    expect(medical(text)).toEqual(['甲胎蛋白', '癌胚抗原', '乙肝病毒DNA定量']);
  });

  it('takes 治疗 and 术 into the procedure they name, but not the course after it', () => {
    expect(medical('中医馆病历：处方归脾汤，配合针灸治疗。')).toEqual(['归脾汤', '针灸治疗']);
    expect(medical('患者行羊膜腔穿刺术。')).toEqual(['羊膜腔穿刺术']);
    expect(medical('處置：閉合復位石膏固定術；行X光檢查兩次')).toEqual(['閉合復位石膏固定術', 'X光檢查']);
    expect(medical('急性前壁心肌梗死，经皮冠状动脉介入治疗术后第2天')).toEqual(['急性前壁心肌梗死', '经皮冠状动脉介入治疗']);
  });

  it('reads a diagnosis named with its serology screening as one test, and a fee as no part of a test', () => {
    expect(medical('产检记录：唐氏综合征血清学筛查：低风险')).toEqual(['唐氏综合征血清学筛查']);
    expect(medical('住院诊断社区获得性肺炎，同一日重复收取C反应蛋白检测费。')).toEqual(['社区获得性肺炎', 'C反应蛋白']);
  });

  it('takes a site written before the qualifiers of a pathology diagnosis, and a thyroid lobe before a nodule', () => {
    expect(medical('病理诊断：阑尾急性化脓性炎')).toEqual(['阑尾急性化脓性炎']);
    expect(medical('甲狀腺超音波顯示右葉結節0.8cm')).toEqual(['甲狀腺超音波', '右葉結節']);
    expect(medical('病理诊断：急性化脓性炎')).toEqual([]);
  });

  it('reads English diagnoses, procedures, imaging and insulin names of more than one word', () => {
    const text = 'Diagnoses: acute ischemic stroke (I63.9). Treatment: intravenous thrombolysis; brain MRI confirmed the infarct.';
    expect(medical(text)).toEqual(['acute ischemic stroke', 'I63.9', 'intravenous thrombolysis', 'brain MRI']);
    expect(medical('攜帶：Insulin glargine筆針6支、Metformin 500mg 180粒；診斷：第二型糖尿病')).toEqual(['Insulin glargine', 'Metformin', '第二型糖尿病']);
  });

  it('does not report vital signs, or the diseases of a health tip', () => {
    expect(medical('查体：心率88次/分，血氧饱和度94%。')).toEqual([]);
    expect(medical('健康小贴士：糖尿病患者应定期监测血糖；戒烟限酒，远离肺癌。')).toEqual([]);
  });
});

describe('medical_record: what s15 taught (registers, TCM syndromes, Taiwan wording, examinations with findings)', () => {
  it('reads a diagnosis written right after a person\'s age in a register', () => {
    expect(medical('2. 薛宝珠，79岁，慢性阻塞性肺疾病，家中有制氧机')).toEqual(['慢性阻塞性肺疾病']);
  });

  it('reads TCM syndromes after 辨证 and Taiwan diagnoses with their sites', () => {
    expect(medical('辨证：肾阳虚证')).toEqual(['肾阳虚证']);
    expect(medical('診斷：尋常性乾癬、脂漏性皮膚炎')).toEqual(['尋常性乾癬', '脂漏性皮膚炎']);
    expect(medical('诊断：膀胱泌尿上皮癌（C67.9）')).toEqual(['膀胱泌尿上皮癌', 'C67.9']);
    expect(medical('骨科急诊：经检查确诊右外踝骨折。')).toEqual(['右外踝骨折']);
  });

  it('reads an examination followed by a colon and its findings, and a dental implant', () => {
    expect(medical('三天前扭傷左膝。左膝核磁共振：左膝前十字韌帶撕裂。')).toEqual(['左膝核磁共振', '左膝前十字韌帶撕裂']);
    expect(medical('上週在牙醫診所做了植牙，想申請醫療險理賠')).toEqual(['植牙']);
  });

  it('does not report complaints that the guide counts as symptoms', () => {
    expect(medical('主诉：失眠多梦半年，眩晕，耳鸣。')).toEqual([]);
  });
});

describe('medical_record: the vocabulary across specialties (session 11)', () => {
  it('reads diagnoses of specialties the first dictionary missed, with their sites', () => {
    expect(medical('诊断：髓母细胞瘤；右肩峰撞击综合征；双相情感障碍')).toEqual(['髓母细胞瘤', '右肩峰撞击综合征', '双相情感障碍']);
    expect(medical('診斷：腕隧道症候群、僵直性脊椎炎')).toEqual(['腕隧道症候群', '僵直性脊椎炎']);
  });

  it('reads newer drugs, tests, imaging and operations, Chinese and English', () => {
    expect(medical('处方：马昔腾坦；检查：抗核抗体阳性，磁共振胰胆管成像示胆总管结石。')).toEqual(['马昔腾坦', '抗核抗体', '磁共振胰胆管成像', '胆总管结石']);
    expect(medical('Plan: total knee arthroplasty; started bivalirudin. Dx: osteoarthritis (M17.1)')).toEqual(['total knee arthroplasty', 'bivalirudin', 'osteoarthritis', 'M17.1']);
  });

  it('keeps the stage of a disease out of its span, as the guide asks', () => {
    expect(medical('诊断：高血压3级，慢性肾脏病3期')).toEqual(['高血压', '慢性肾脏病']);
  });
});

describe('medical_record: what s16 taught (English notes, syndromes, specialities lists, vital signs)', () => {
  it('reads the tests of an English note that has no Chinese term, and English qualifiers before a term', () => {
    expect(medical('Patient: Chen Yiling   Sex: F   Age: 34\nHbA1c 7.8 %  (4.0–6.0)')).toEqual(['HbA1c']);
    expect(medical('Diagnosis: Acute calculous cholecystitis; community-acquired pneumonia (J18.9). Plan: total knee arthroplasty.')).toEqual([
      'Acute calculous cholecystitis',
      'community-acquired pneumonia',
      'J18.9',
      'total knee arthroplasty',
    ]);
  });

  it('takes 综合征 and 急性加重 into the diagnosis they complete', () => {
    expect(medical('诊断：阻塞性睡眠呼吸暂停综合征；慢性心力衰竭急性加重')).toEqual(['阻塞性睡眠呼吸暂停综合征', '慢性心力衰竭急性加重']);
  });

  it('does not report a doctor\'s specialities or a patient\'s blood pressure and temperature', () => {
    expect(medical('心内科 王医生 主任医师，擅长：冠心病、心力衰竭、高血压的诊治。')).toEqual([]);
    expect(medical('查体：体温36.8℃，血压132/84mmHg。诊断：急性支气管炎')).toEqual(['急性支气管炎']);
  });
});

describe('medical_record: what s17 taught (English letters, notices that name no one, titles)', () => {
  it('reads the Latin terms of an English letter whose medical keywords stand far from them', () => {
    expect(medical('VISA MEDICAL EXAMINATION – LABORATORY RESULTS\nApplicant: LI MINGYUAN　DOB: 1996-08-12\nChest X-ray: no active pulmonary lesion.')).toEqual(['Chest X-ray']);
  });

  it('takes English qualifiers before an acronym diagnosis or procedure, and the words that complete a Latin term after it', () => {
    expect(medical('Diagnoses: 1. Acute anterior STEMI\nProcedure: Primary PCI with one stent.')).toEqual(['Acute anterior STEMI', 'Primary PCI']);
    expect(medical('Patient: 58 M. Anti-CCP antibody positive; on darbepoetin alfa 40mcg.')).toEqual(['Anti-CCP antibody', 'darbepoetin alfa']);
    expect(medical('Patient 67M was diagnosed with osteoarthritis of the left knee.')).toEqual(['osteoarthritis of the left knee']);
  });

  it('reads two Latin drugs joined by a slash as one combination, and not the oxygen saturation', () => {
    expect(medical('病人：林先生　SpO2 95%　P：Amoxicillin/Clavulanate 1g BID')).toEqual(['Amoxicillin/Clavulanate']);
  });

  it('drops the health terms of a long text that names no person: a health day, a list of covered diseases, a price list', () => {
    expect(medical('5月17日是世界高血压日。我国18岁及以上居民高血压患病率约27.5%，建议35岁以上居民每年至少测量一次血压，已确诊的患者应遵医嘱长期服药。')).toEqual([]);
    expect(medical('2024年起本市门诊慢特病病种调整为：高血压（合并靶器官损害）、糖尿病、慢性心力衰竭、帕金森病等共48种。参保人可在定点医疗机构申请认定。')).toEqual([]);
  });

  it('keeps them when the text names or marks a person: an age, a bed, a relative, a patient field', () => {
    expect(medical('为给丈夫治疗肝衰竭，我们卖掉了老家的房子，恳请各位爱心人士帮忙转发，感谢大家的支持与关注。')).toEqual(['肝衰竭']);
    expect(medical('夜班交接：6床 肠梗阻，禁食水，胃肠减压通畅，引流液约200ml，生命体征平稳，继续观察腹部体征变化。')).toEqual(['肠梗阻', '胃肠减压']);
    expect(medical('检验报告单\n甲胎蛋白　8.2 ng/mL\n癌胚抗原　3.1 ng/mL\n以上结果仅对本次送检标本负责，如有疑问请于七日内咨询。')).toEqual(['甲胎蛋白', '癌胚抗原']);
  });

  it('does not read the title over a record as a finding', () => {
    expect(medical('肺结核患者督导服药登记\n患者：杨阿花　诊断：继发性肺结核')).toEqual(['继发性肺结核']);
    expect(medical('血液透析紀錄\n病人：葉金枝　原發病：糖尿病腎病變')).toEqual(['糖尿病腎病變']);
  });
});

describe('medical_record: generic words, denials and records (session 12)', () => {
  it('does not report a generic treatment, but lets it support the diagnosis next to it', () => {
    expect(medical('困难职工帮扶名单：刘桂芳（尿毒症，每周透析3次），补助5,000元')).toEqual(['尿毒症']);
    expect(medical('患者王某某，乳腺癌术后化疗中')).toEqual(['乳腺癌']);
  });

  it('does not report a denied, absent or supposed condition', () => {
    expect(medical('既往史：否认高血压、糖尿病史。诊断：急性阑尾炎')).toEqual(['急性阑尾炎']);
    expect(medical('患者林某，术中出血约10ml，未输血。注意事项：如有牙龈出血请及时就诊。诊断：胆囊结石')).toEqual(['胆囊结石']);
  });

  it('reads a term of a clinical record far from any medical keyword', () => {
    expect(medical('病人：林柏翰　男　49歲\n所見：肝臟回音增強，膽囊內見一0.5公分膽囊息肉，無後方聲影。')).toEqual(['膽囊息肉']);
  });

  it('reads the title of a form as no finding, even when a field follows on its line', () => {
    expect(medical('残疾人证申领审核表：申请人夏梓轩，男，9岁，诊断：孤独症谱系障碍')).toEqual(['孤独症谱系障碍']);
  });
});

describe('medical_record: the terms s17 showed missing (session 12)', () => {
  it('reads sites and qualifiers the vocabulary lacked, and a salt before a conjunction', () => {
    expect(medical('患者王某，诊断为右侧额颞部急性硬膜下血肿，术后抗凝改用那屈肝素钙并减量。')).toEqual(['右侧额颞部急性硬膜下血肿', '那屈肝素钙']);
    expect(medical('病人：徐承恩　評估結果：語言發展遲緩；第三劑五合一疫苗已接種')).toEqual(['語言發展遲緩', '五合一疫苗']);
  });
});

describe('medical_record: approaches before an examination, cataract operations and combined drugs (session 12)', () => {
  it('takes a painless or transvaginal approach into the examination', () => {
    expect(medical('受检者：危建明　男　55岁\n检查：无痛电子胃镜')).toEqual(['无痛电子胃镜']);
  });

  it('reads a cataract operation with its lens implant and a combined antibiotic with both salts whole', () => {
    expect(medical('患者林某 诊断：白内障\n计划：择期行右眼超声乳化白内障吸除联合人工晶状体植入术')).toEqual(['白内障', '右眼超声乳化白内障吸除联合人工晶状体植入术']);
    expect(medical('38床 房国华 男 71岁 诊断：社区获得性肺炎\n1. 注射用哌拉西林钠他唑巴坦钠 4.5g ivgtt q8h')).toEqual(['社区获得性肺炎', '哌拉西林钠他唑巴坦钠']);
  });
});

describe('medical_record: what s20 taught (session 14)', () => {
  it('leaves the recovery stage out of a diagnosis and takes a carrier state in', () => {
    expect(medical('患者：蒯世荣，男，61岁\n诊断：左侧基底节区脑梗死恢复期、右侧偏瘫、运动性失语')).toEqual(['左侧基底节区脑梗死', '右侧偏瘫', '运动性失语']);
    expect(medical('入职体检：乙肝表面抗原阳性，肝功能正常，诊断为慢性HBV携带者，体检结论：合格。')).toEqual(['乙肝表面抗原', '肝功能', '慢性HBV携带者']);
  });

  it('reads a blood count and its first item apart, and a blood-sugar aim as no result', () => {
    expect(medical('诊断：急性化脓性扁桃体炎\n检查：血常规WBC 16.2×10^9/L')).toEqual(['急性化脓性扁桃体炎', '血常规', 'WBC']);
    expect(medical('诊断：2型糖尿病。予二甲双胍及控制血糖等治疗。')).toEqual(['2型糖尿病', '二甲双胍']);
  });

  it('reads a disease named in a body\'s English name as no finding', () => {
    expect(medical('Diagnosis: noise-induced hearing loss. Physician: Zhuang, Pingtan Occupational Disease Prevention Center')).toEqual(['noise-induced hearing loss']);
  });

  it('reads an operation written after the fracture it treats as one term, and eye tests by their names', () => {
    expect(medical('诊断为左股骨干骨折，行左股骨干骨折切开复位髓内钉内固定术。')).toEqual(['左股骨干骨折', '左股骨干骨折切开复位髓内钉内固定术']);
    expect(medical('检查：裸眼视力右0.4、左0.5，睫状肌麻痹验光右-2.25DS。诊断：双眼近视。建议行OCT及荧光素眼底血管造影')).toEqual(['裸眼视力', '睫状肌麻痹验光', '双眼近视', 'OCT', '荧光素眼底血管造影']);
  });
});

/**
 * Micro-benchmark of the identifier validators: validations per second per detector type over
 * 1e6 generated candidate values (a mix of valid and invalid ones, as a scan sees them).
 *
 *   npx tsx bench/validators.bench.ts [count]
 *
 * Values are generated before timing; each type gets one untimed warm-up pass and three timed
 * passes, of which the fastest is reported. Numbers depend on the machine and its load: use them
 * to compare versions, not as a contract (no timings in tests).
 */
import {
  mod11_2CheckChar,
  USCC_ALPHABET,
  usccCheckChar,
  VALIDATORS,
  type ValidatedTypeId,
} from '../src/contexts/detection/validators/index.ts';

const COUNT = Number(process.argv[2] ?? 1_000_000);
/** Timed passes per type; the fastest is reported (the others absorb GC and machine noise). */
const ROUNDS = 3;

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 0x5eed1234;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number): number => Math.floor(rand() * n);
const digits = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + int(10));
  return s;
};
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const pad2 = (n: number): string => String(n).padStart(2, '0');
const hex2 = (): string => int(256).toString(16).padStart(2, '0').toUpperCase();

const CODES = ['350128', '350102', '110105', '440305', '510104', '110103', '130503', '652101'];
function idNumber(prefix: string): string {
  const body = `${prefix}${1950 + int(70)}${pad2(1 + int(12))}${pad2(1 + int(28))}${digits(3)}`;
  const check = mod11_2CheckChar(body);
  return rand() < 0.9 ? body + check : body + (check === '0' ? '1' : '0');
}

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const MOBILE_PREFIXES = ['138', '139', '150', '186', '190', '192', '196', '197', '170', '154'];

const generators: Record<ValidatedTypeId, () => string> = {
  cn_resident_id: () => (rand() < 0.05 ? `${pick(CODES)}${digits(9)}` : idNumber(pick(CODES))),
  hk_residence_permit: () => idNumber('810000'),
  mo_residence_permit: () => idNumber('820000'),
  tw_residence_permit: () => idNumber('830000'),
  tw_travel_permit: () => (rand() < 0.8 ? digits(8) : `${digits(10)}(${pick(['A', 'B', 'C'])})`),
  hkmo_home_return_permit: () => `${pick(['H', 'M', 'C'])}${digits(rand() < 0.5 ? 8 : 10)}`,
  cn_passport: () => `${pick(['E', 'G', 'P'])}${rand() < 0.5 ? pick(['A', 'B', 'I']) : digits(1)}${digits(7)}`,
  tw_national_id: () => `${String.fromCharCode(65 + int(26))}${pick(['1', '2', '8', '3'])}${digits(8)}`,
  hk_id: () => `${String.fromCharCode(65 + int(26))}${digits(6)}(${digits(1)})`,
  cn_uscc: () => {
    let body = `91${pick(CODES)}`;
    for (let i = 0; i < 9; i++) body += USCC_ALPHABET.charAt(int(31));
    return rand() < 0.9 ? body + usccCheckChar(body) : body + '0';
  },
  cn_mobile: () => `${rand() < 0.2 ? '+86 ' : ''}${pick(MOBILE_PREFIXES)}${digits(8)}`,
  tw_mobile: () => (rand() < 0.3 ? `+886 9${digits(2)} ${digits(3)} ${digits(3)}` : `09${digits(8)}`),
  cn_landline: () => (rand() < 0.5 ? `0591-${2 + int(8)}${digits(7)}` : `010-${2 + int(8)}${digits(7)}`),
  email: () => `user.${int(1e6)}@example${int(100)}.com.cn`,
  ip_address: () => (rand() < 0.75 ? `${int(256)}.${int(256)}.${int(256)}.${int(256)}` : `2001:db8:${int(65536).toString(16)}::${int(65536).toString(16)}`),
  mac_address: () => `${hex2()}:${hex2()}:${hex2()}:${hex2()}:${hex2()}:${hex2()}`,
  bank_card: () => `62${digits(14 + int(4))}`,
  cn_license_plate: () => {
    let s = PLATE_PROVINCES.charAt(int(PLATE_PROVINCES.length)) + String.fromCharCode(65 + int(26));
    for (let i = 0; i < 5; i++) s += SERIAL.charAt(int(SERIAL.length));
    return s;
  },
  vin: () => {
    let s = '';
    for (let i = 0; i < 17; i++) s += VIN_CHARS.charAt(int(VIN_CHARS.length));
    return s;
  },
  geo_coordinate: () => `${(20 + rand() * 20).toFixed(6)},${(100 + rand() * 20).toFixed(6)}`,
};

type Loop = (validate: (v: string) => { valid: boolean }, values: string[]) => number;

/**
 * A fresh loop function per type (own inline caches), so one type's call site does not turn
 * megamorphic and slow down the types measured after it.
 */
function makeLoop(): Loop {
  return new Function('validate', 'values', 'let n = 0; for (let i = 0; i < values.length; i++) if (validate(values[i]).valid) n++; return n;') as Loop;
}

function run(type: ValidatedTypeId): { perSecond: number; validShare: number } {
  const gen = generators[type];
  const values: string[] = new Array<string>(COUNT);
  for (let i = 0; i < COUNT; i++) values[i] = gen();
  const { validate } = VALIDATORS[type];
  const loop = makeLoop();
  const valid = loop(validate, values); // warm-up (also flattens the generated strings)
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    const check = loop(validate, values);
    best = Math.min(best, Number(process.hrtime.bigint() - start));
    if (check !== valid) throw new Error(`non-deterministic result for ${type}`);
  }
  return { perSecond: (COUNT * 1e9) / best, validShare: valid / COUNT };
}

console.log(`validators: ${COUNT.toLocaleString('en')} generated values per type, best of ${ROUNDS} (node ${process.version})`);
console.log(`${'type'.padEnd(24)} ${'validations/s'.padStart(14)}  valid`);
for (const type of Object.keys(VALIDATORS) as ValidatedTypeId[]) {
  const { perSecond, validShare } = run(type);
  console.log(`${type.padEnd(24)} ${Math.round(perSecond).toLocaleString('en').padStart(14)}  ${(validShare * 100).toFixed(1)}%`);
}

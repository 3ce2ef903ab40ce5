/**
 * Secrets: PEM private-key blocks, well-known token shapes, and values written right after a
 * credential keyword (密码：…, password=…, token: …).
 */
import { isCjk } from './chars.ts';
import { CTX } from './dictionaries.ts';
import type { ScanHost } from './host.ts';

/**
 * First characters of the Chinese credential keywords (密码 口令 密钥 私钥 令牌 凭证 访问密钥 登录密码 初始密码 金鑰 验证码
 * 短信验证码 推流码 串流金鑰): the pass looks for credential values only in a text holding one.
 */
export const SECRET_CJK_STARTS = '密口秘私令凭憑访訪登初金验驗推串短簡';

/** Minimum Shannon entropy (bits per character) of a long token taken as a generated secret. */
export const SECRET_MIN_ENTROPY = 3.5;
/** Minimum length for the entropy test. */
export const SECRET_MIN_ENTROPY_LENGTH = 16;

/** End of a `-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----` block at `i`, or -1. */
export function pemBlockEnd(text: string, i: number, to: number): number {
  const headerEnd = text.indexOf('-----', i + 11);
  if (headerEnd < 0 || headerEnd - i > 60) return -1;
  const label = text.slice(i + 11, headerEnd);
  if (!label.includes('PRIVATE KEY')) return -1;
  const endMarker = text.indexOf(`-----END ${label}-----`, headerEnd + 5);
  if (endMarker < 0 || endMarker >= to) return -1;
  return endMarker + 14 + label.length;
}

function startsWithAt(text: string, s: number, prefix: string): boolean {
  return text.startsWith(prefix, s);
}

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

function allTokenChars(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isTokenChar(text.charCodeAt(k))) return false;
  return true;
}

/**
 * Confidence (0 = not one) that the ASCII token [s, e) is a credential of a well-known shape:
 * AWS access key ids, GitHub/GitLab/Slack/OpenAI-style tokens, Google API keys, JWTs.
 */
export function secretTokenConfidence(text: string, s: number, e: number): number {
  const L = e - s;
  const c0 = text.charCodeAt(s);
  // Alibaba Cloud AccessKey ID: LTAI + 12–20 letters and digits.
  if (c0 === 76 /* L */) return L >= 16 && L <= 30 && startsWithAt(text, s, 'LTAI') && alnum(text, s + 4, e) && classes(text, s + 4, e) >= 2 ? 0.9 : 0;
  if (L < 20) return 0;
  // Payment-platform style keys: two letters, _live_ or _test_, then a random tail (sk_live_…, hk_live_…).
  if (text.charCodeAt(s + 2) === 95 && (startsWithAt(text, s + 2, '_live_') || startsWithAt(text, s + 2, '_test_')) && L >= 24 && allTokenChars(text, s, e) && classes(text, s + 8, e) >= 2) return 0.9;
  if (c0 === 65 /* A */) {
    // Tencent Cloud SecretId: AKID + 32 letters and digits.
    if (L >= 34 && L <= 40 && startsWithAt(text, s, 'AKID') && alnum(text, s + 4, e) && classes(text, s + 4, e) >= 2) return 0.9;
    if (L === 20 && (startsWithAt(text, s, 'AKIA') || startsWithAt(text, s, 'ASIA'))) {
      for (let k = s + 4; k < e; k++) {
        const c = text.charCodeAt(k);
        if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return 0;
      }
      return 0.95;
    }
    if (L === 39 && startsWithAt(text, s, 'AIza') && allTokenChars(text, s, e)) return 0.9;
    return 0;
  }
  if (c0 === 103 /* g */) {
    if (text.charCodeAt(s + 1) === 104 && text.charCodeAt(s + 3) === 95 && L >= 40 && /^gh[pousr]_/.test(text.slice(s, s + 4)) && allTokenChars(text, s, e)) return 0.95;
    if (startsWithAt(text, s, 'github_pat_') && L >= 50) return 0.95;
    if (startsWithAt(text, s, 'glpat-') && L >= 26 && allTokenChars(text, s, e)) return 0.95;
    // Grafana service-account tokens: glsa_ + 32 letters and digits + _ + an 8-hex checksum.
    if (startsWithAt(text, s, 'glsa_') && L >= 40 && allTokenChars(text, s, e) && classes(text, s + 5, e) >= 2) return 0.95;
    return 0;
  }
  if (c0 === 120 /* x */) {
    if (/^xox[abprs]-/.test(text.slice(s, s + 5)) && L >= 20 && allTokenChars(text, s, e)) return 0.9;
    return 0;
  }
  if (c0 === 115 /* s */ || c0 === 114 /* r */) {
    if (c0 === 115 && text.charCodeAt(s + 1) === 107 && text.charCodeAt(s + 2) === 45 && L >= 23 && allTokenChars(text, s, e) && classes(text, s + 3, e) >= 2) return 0.9;
    // Stripe secret and restricted keys: sk_live_…, sk_test_…, rk_live_….
    if (text.charCodeAt(s + 1) === 107 && (startsWithAt(text, s + 2, '_live_') || startsWithAt(text, s + 2, '_test_')) && L >= 24 && allTokenChars(text, s, e)) return 0.95;
    return 0;
  }
  if (c0 === 101 /* e */) {
    if (startsWithAt(text, s, 'eyJ')) {
      const d1 = text.indexOf('.', s);
      if (d1 < 0 || d1 >= e) return 0;
      const d2 = text.indexOf('.', d1 + 1);
      if (d2 < 0 || d2 >= e) return 0;
      const d3 = text.indexOf('.', d2 + 1);
      if (d3 >= 0 && d3 < e) return 0;
      if (d1 - s >= 10 && d2 - d1 > 10 && e - d2 > 10 && allTokenChars(text, s, d1) && allTokenChars(text, d1 + 1, d2) && allTokenChars(text, d2 + 1, e)) return 0.9;
    }
    return 0;
  }
  return 0;
}

/** Base64 alphabet (with padding): the run of an encoded value. */
function isBase64Char(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
}

/**
 * End of a base64 run at `s` that encodes a credential, or -1: a PEM private key (LS0tLS1CRUdJTi… is
 * "-----BEGIN", as Kubernetes secrets and CI variables hold keys) or a registry login (eyJhdXRocyI6… is
 * '{"auths":', a .dockerconfigjson). A certificate or a public key (BEGIN CERTIFICATE, BEGIN PUBLIC KEY)
 * is none. Decodes at most the first 200 characters.
 */
export function base64SecretEnd(text: string, s: number, to: number): number {
  const c0 = text.charCodeAt(s);
  if (c0 !== 76 /* L */ && c0 !== 101 /* e */) return -1;
  if (!startsWithAt(text, s, 'LS0tLS1CRUdJTi') && !startsWithAt(text, s, 'eyJ')) return -1;
  let e = s;
  while (e < to && isBase64Char(text.charCodeAt(e))) e++;
  if (e - s < 40) return -1;
  const decoded = Buffer.from(text.slice(s, Math.min(e, s + 200)), 'base64').toString('latin1');
  if (c0 === 76) return /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(decoded) ? e : -1;
  return /^\{\s*"auths"\s*:/.test(decoded) || /"(?:password|auth)"\s*:\s*"[^"]/.test(decoded) ? e : -1;
}

function alnum(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** Number of character classes (lower, upper, digit, other) in [s, e). */
export function classes(text: string, s: number, e: number): number {
  let mask = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) mask |= 1;
    else if (c >= 65 && c <= 90) mask |= 2;
    else if (c >= 48 && c <= 57) mask |= 4;
    else mask |= 8;
  }
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
}

/** Shannon entropy in bits per character of text[s, e). */
export function shannonEntropy(text: string, s: number, e: number): number {
  const counts = new Map<number, number>();
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const n = e - s;
  let h = 0;
  for (const v of counts.values()) {
    const p = v / n;
    h -= p * Math.log2(p);
  }
  return h;
}

function isValueChar(c: number): boolean {
  if (c < 33 || c > 126) return false;
  // Quotes, brackets and list separators end a value.
  return c !== 34 && c !== 39 && c !== 96 && c !== 44 && c !== 59 && c !== 40 && c !== 41 && c !== 60 && c !== 62 && c !== 91 && c !== 93 && c !== 123 && c !== 125;
}

function isKeyValueGap(c: number): boolean {
  // space, : ： = " ' 是 为 為 设 設 (密码设为582946), 已 更 新 改 置 成 了 (密码已更新为 739184#, 改成了), the time of the change
  // (下週一改為; KEY_VALUE_WHEN) (and the ideographic space)
  return c === 32 || c === 58 || c === 0xff1a || c === 61 || c === 34 || c === 39 || c === 0x662f || c === 0x4e3a || c === 0x70ba || c === 0x8bbe || c === 0x8a2d || c === 0x3000 || c === 9 ||
    c === 0x5df2 || c === 0x66f4 || c === 0x65b0 || c === 0x6539 || c === 0x7f6e || c === 0x6210 || c === 0x4e86 || KEY_VALUE_WHEN.includes(String.fromCharCode(c));
}

/** A key's change written between it and its new value (改為, 设为, 更新为, 改成). */
const CHANGE_WORDS = /[改更设設置][为為成]|改|更新/;

/** When a new value starts, between a key and the value: 大門密碼下週一改為306949, 密码明天起改为…. */
const KEY_VALUE_WHEN = '下本周週一二三四五六日天明今起将將会會從从於于';

/**
 * Values written right after a credential keyword: `密码：Xk9#mP2$vL7q`, `password=…`,
 * `token: …`. A value must be 6–200 printable ASCII characters; a single-class value (all
 * letters of one case) is taken only when long and random-looking (entropy), so "password
 * policy" or "token expired" are not secrets; a digits-only value (密码：123456) counts when it
 * follows the keyword directly.
 */
/** Words that name a credential rather than being one (the value comes after them). */
const CREDENTIAL_WORDS = new Set(['secret', 'secretkey', 'secret_key', 'key', 'keyid', 'key_id', 'id', 'token', 'password', 'passwd', 'accesskey', 'access_key', 'apikey', 'api_key']);

export function findCredentialValues(host: ScanHost): void {
  host.context().forEachHit(CTX.secret, (_ks, ke) => credentialValueAfter(host, ke));
}

/**
 * The value written after a credential key that ends at `ke` (a keyword of the dictionary, or a
 * configuration key such as POSTGRES_PASSWORD or WECHAT_PAY_API_V3_KEY): reported as a secret when
 * it looks like one (see findCredentialValues).
 */
export function credentialValueAfter(host: ScanHost, ke: number): void {
  const text = host.text;
  const to = host.to;
  let k = ke;
  let gap = 0;
  while (k < to && gap < 6 && isKeyValueGap(text.charCodeAt(k))) {
    k++;
    gap++;
  }
  if (gap === 0 && k < to && !isCjk(text.charCodeAt(ke - 1))) return; // "passwordless"
  let vs = k;
  while (k < to && isValueChar(text.charCodeAt(k))) k++;
  // Authorization: Bearer <token> — the scheme word is not the secret.
  const scheme = text.slice(vs, k).toLowerCase();
  if ((scheme === 'bearer' || scheme === 'basic' || scheme === 'token' || scheme === 'digest') && text.charCodeAt(k) === 32) {
    k++;
    vs = k;
    while (k < to && isValueChar(text.charCodeAt(k))) k++;
  }
  let ve = k;
  // A sentence's full stop or exclamation mark is not the value's, but a value delimited by ; or a
  // quote (Password=Yl@2023care!;) keeps its last character.
  // So does one followed by Chinese punctuation (管理密码 dk19880512!，): a Chinese sentence ends with its own marks.
  const after = k < to ? text.charCodeAt(k) : 0;
  const delimited = after === 59 || after === 34 || after === 39 || after === 0xff0c || after === 0x3002 || after === 0xff1b || after === 0x3001;
  // After a Chinese keyword (密码 Fab@12#tsmc! 请改, 密码 GatetwuIEe!⏎) an ASCII ! is the password's: Chinese ends
  // its sentences with ！.
  let cjkKeyword = false;
  for (let j = vs - 1; j >= Math.max(0, vs - 4) && !cjkKeyword; j--) if (isCjk(text.charCodeAt(j))) cjkKeyword = true;
  // A configuration line (DB_PASSWORD=NBVE%qet3766!⏎) ends its value with the line.
  const assigned = vs - ke === 1 && text.charCodeAt(ke) === 61 && (after === 0 || after === 10 || after === 13);
  const keepsBang = (cjkKeyword || assigned) && text.charCodeAt(ve - 1) === 33;
  while (!delimited && !keepsBang && ve > vs && (text.charCodeAt(ve - 1) === 46 || text.charCodeAt(ve - 1) === 33 || text.charCodeAt(ve - 1) === 63)) ve--;
  // "AccessKey Secret xxx": the word after a keyword is another keyword, whose own value follows;
  // so is a configuration key ending in a colon (密钥 access_key_secret: xxx).
  if (CREDENTIAL_WORDS.has(text.slice(vs, ve).toLowerCase()) || text.charCodeAt(ve - 1) === 58) return;
  // 密码：DB_PASSWORD=xxx — a configuration key before the value is not part of it.
  const eq = text.indexOf('=', vs);
  if (eq > vs && eq < ve - 1 && /^[A-Za-z0-9_.-]*(pass|pwd|secret|token|key)[A-Za-z0-9_.-]*$/i.test(text.slice(vs, eq))) vs = eq + 1;
  const L = ve - vs;
  if (L < 6 || L > 200) return;
  if (ve < to && isCjk(text.charCodeAt(ve)) && L < 8) return;
  let masked = true;
  for (let m = vs; m < ve; m++) {
    const c = text.charCodeAt(m);
    if (c !== 42 && c !== 120 && c !== 88 && c !== 46) {
      masked = false;
      break;
    }
  }
  if (masked) return;
  const cls = classes(text, vs, ve);
  let conf: number;
  if (cls >= 2) conf = 0.8;
  else {
    let digitsOnly = true;
    for (let m = vs; m < ve; m++) {
      const c = text.charCodeAt(m);
      if (c < 48 || c > 57) {
        digitsOnly = false;
        break;
      }
    }
    // 密码：123456 or 密碼下週一改為306949: right after the key, or after the word of its change.
    if (digitsOnly) conf = (gap <= 2 || CHANGE_WORDS.test(text.slice(ke, vs))) && L <= 12 ? 0.6 : 0;
    else conf = L >= SECRET_MIN_ENTROPY_LENGTH && shannonEntropy(text, vs, ve) >= SECRET_MIN_ENTROPY ? 0.75 : 0;
  }
  if (conf <= 0) return;
  if (host.hinted('secret')) conf += 0.15;
  host.emit('secret', vs, ve, conf);
}

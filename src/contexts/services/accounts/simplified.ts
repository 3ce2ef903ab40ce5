let convert: ((s: string) => string) | undefined;

/**
 * A name as mainland documents print it: Traditional characters typed by a Taiwan resident (陳美玲)
 * become Simplified (陈美玲) before the verification interface compares them. OpenCC's t2cn bundle
 * is loaded on first use only.
 */
export async function toSimplified(s: string): Promise<string> {
  if (/^[ -~]*$/.test(s)) return s;
  const c = (convert ??= (await import('opencc-js/t2cn')).Converter({ from: 'tw', to: 'cn' }));
  return c(s);
}

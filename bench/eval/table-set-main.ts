/**
 * The command-line face shared by the table-set generators (columns-b, -c, -d): reads `--out DIR`
 * and `--seed N`, runs each file maker with its own random stream, writes `truth.json` (what
 * `columns-eval.ts` scores against) and prints the counts. The makers, their random streams and
 * their value checks stay in each set: every blind set wrote its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A labelled column as each set's truth.json lists it (the sets add index, header, path …). */
export interface Labelled {
  truth: string;
}

export interface TableSet<R, T extends Labelled> {
  /** The generator's path, for the usage line. */
  script: string;
  defaultSeed: number;
  /** The random stream of one file maker, from the set's seed and the maker's name. */
  rng(seed: number, name: string): R;
  makers: ReadonlyArray<readonly [string, (r: R, dir: string) => Promise<[string, T[]]> | [string, T[]]]>;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Writes the set into `--out DIR`; exit code 2 with a usage line when `--out` is missing. */
export async function runTableSet<R, T extends Labelled>(set: TableSet<R, T>): Promise<void> {
  const out = arg('--out');
  if (out === undefined) {
    console.error(`usage: npx tsx ${set.script} --out DIR [--seed N]`);
    process.exitCode = 2;
    return;
  }
  const seed = Number(arg('--seed') ?? String(set.defaultSeed));
  mkdirSync(out, { recursive: true });
  const truth: Record<string, T[]> = {};
  for (const [name, make] of set.makers) {
    const [file, entries] = await make(set.rng(seed, name), out);
    truth[file] = entries;
  }
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  const all = Object.values(truth).flat();
  const count = (t: string): number => all.filter((e) => e.truth === t).length;
  const typed = all.filter((e) => e.truth !== 'decoy' && e.truth !== 'free_text');
  console.log(`wrote ${Object.keys(truth).length} files to ${out}: ${typed.length} typed, ${count('decoy')} decoy, ${count('free_text')} free-text columns (seed ${seed})`);
  const byType = new Map<string, number>();
  for (const e of typed) byType.set(e.truth, (byType.get(e.truth) ?? 0) + 1);
  console.log([...byType.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([t, n]) => `${t} ${n}`).join(', '));
}

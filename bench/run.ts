/**
 * `npm run bench`: runs each case three times, each run in its own process (so peak memory
 * belongs to that run alone), with the machine's load average at the start of each run;
 * prints CPU and wall time as min / median / max, then the targets with MET or MISSED, and
 * rewrites the figures section of docs/performance.md. `max`, the floor and the sketch run
 * alternately. Usage: npm run bench [-- case-name ...]   (naming max brings the other two along)
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: plain JavaScript without declarations (bin/ runs before TypeScript can load)
import { ownMetaUrl } from '../bin/source-bundle.mjs';
import { ALTERNATED, BENCH_CASES } from './cases.js';
import { format, formatSpread, headline, summarize, type CaseSummary, type RunFigures } from './summary.js';
import { TARGETS } from './targets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const selected = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = selected.length > 0 ? [...selected] : Object.keys(BENCH_CASES);
for (const [first, ...others] of ALTERNATED) {
  if (first === undefined || !names.includes(first)) continue;
  const missing = others.filter((name) => !names.includes(name));
  names.splice(names.indexOf(first) + 1, 0, ...missing);
}
for (const name of names) {
  if (BENCH_CASES[name] === undefined) {
    console.error(`unknown case ${name}; known: ${Object.keys(BENCH_CASES).join(', ')}`);
    process.exit(2);
  }
}

/** Cases in the order they run: an alternated group together, alternating run by run. */
const groups: string[][] = [];
for (const name of names) {
  if (groups.some((group) => group.includes(name))) continue;
  const group = ALTERNATED.find((candidate) => candidate[0] === name);
  groups.push(group === undefined ? [name] : group.filter((member) => names.includes(member)));
}

const machineNote = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
console.log(`cutover-twin benchmarks — ${machineNote}`);
console.log(`${RUNS} runs a case, each in its own process; figures are min / median / max; load is the 1-minute load average at the start of each run\n`);

/**
 * The cases run from one esbuild bundle of bench/case.ts, as the command line runs from its
 * own bundle (bin/source-bundle.mjs): through tsx every process would also carry its loader
 * thread (~40 MB of peak memory and some CPU) that no user run pays.
 */
const bundleDirectory = join(root, 'node_modules', '.cache', 'cutover-twin');
const bundle = join(bundleDirectory, `bench-case-${process.pid}.mjs`);
const output = await build({
  entryPoints: [join(root, 'bench', 'case.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  packages: 'external', write: false, logLevel: 'silent', plugins: [ownMetaUrl],
});
mkdirSync(bundleDirectory, { recursive: true });
writeFileSync(bundle, output.outputFiles[0]!.text);
process.on('exit', () => rmSync(bundle, { force: true }));

function runOnce(name: string, messages: number | undefined): RunFigures {
  const load = loadavg()[0]!;
  // --expose-gc lets the memory case measure live memory after a full collection.
  const args = ['--expose-gc', bundle, name, ...(messages === undefined ? [] : ['--messages', String(messages)])];
  const output = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  return { ...(JSON.parse(output.trim().split('\n').pop()!) as Omit<RunFigures, 'load'>), load };
}

const summaries: Record<string, CaseSummary> = {};
for (const group of groups) {
  const runs = new Map<string, RunFigures[]>(group.map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const name of group) {
      // The rest of a group sends as many messages as its first sent in the same round.
      const messages = name === group[0] ? undefined : runs.get(group[0]!)?.[run]?.messages;
      runs.get(name)!.push(runOnce(name, messages));
    }
  }
  for (const name of group) {
    const summary = summarize(name, BENCH_CASES[name]!.title, runs.get(name)!);
    summaries[name] = summary;
    const rate = summary.wallRate === undefined ? '' : `  (${formatSpread(summary.wallRate)} ${summary.unit}/wall-s)`;
    console.log(`${summary.title}\n  ${headline(summary)}${rate}\n  CPU ${formatSpread(summary.cpuMs)} ms  wall ${formatSpread(summary.wallMs)} ms  peak RSS ${format(summary.peakRssMB.max)} MB  load at start ${formatSpread(summary.load)}\n  ${summary.detail}\n`);
  }
}

const { floor } = summaries;
for (const name of ['max', 'sketch']) {
  const rate = summaries[name]?.rate;
  if (rate === undefined || floor?.rate === undefined) continue;
  const ratio = rate.median / floor.rate.median;
  console.log(`${name} ÷ floor, messages per CPU-second (medians): ${format(rate.median)} ÷ ${format(floor.rate.median)} = ${ratio.toFixed(3)} (${name} is ${(1 / ratio).toFixed(2)}× from the floor)`);
}
console.log('');

let missed = 0;
const targetRows: string[] = [];
console.log('Targets');
for (const target of TARGETS) {
  const measured = target.measure(summaries);
  if (measured !== undefined && !measured.met) missed++;
  const verdict = measured === undefined ? 'not measured' : measured.met ? 'MET' : 'MISSED';
  console.log(`  ${verdict.padEnd(12)} ${target.text}: ${measured?.figure ?? '-'}`);
  targetRows.push(`| ${target.text} | ${measured?.figure ?? '-'} | ${verdict} | ${target.why} |`);
}

if (selected.length === 0) {
  const path = `${root}docs/performance.md`;
  const doc = readFileSync(path, 'utf8');
  const table = [
    '<!-- figures:start -->',
    `Machine: ${machineNote}. ${RUNS} runs a case, each in its own process; figures are min / median / max; load is the 1-minute load average at the start of each run.`,
    '',
    '| case | rate per CPU-second (or value) | CPU time (ms) | wall time (ms) | peak memory | load at start | workload |',
    '|---|---|---|---|---|---|---|',
    ...names.map((name) => summaries[name]!).map((summary) => `| ${summary.title} | ${headline(summary)} | ${formatSpread(summary.cpuMs)} | ${formatSpread(summary.wallMs)} | ${format(summary.peakRssMB.max)} MB | ${formatSpread(summary.load)} | ${summary.detail} |`),
    '',
    '| target | figure (median) | verdict | why |',
    '|---|---|---|---|',
    ...targetRows,
    '<!-- figures:end -->',
  ].join('\n');
  const updated = doc.replace(/<!-- figures:start -->[\s\S]*<!-- figures:end -->/, table);
  writeFileSync(`${path}.tmp`, updated);
  renameSync(`${path}.tmp`, path);
  console.log('\nfigures written to docs/performance.md');
}
if (missed > 0) {
  console.log(`\n${missed} target(s) missed`);
  process.exitCode = 1;
}

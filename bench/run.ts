/**
 * `npm run bench`: runs each case in its own process three times, prints the median with
 * peak memory and the machine note, and rewrites the figures section of docs/performance.md.
 * Usage: npm run bench [-- case-name ...]
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_CASES } from './cases.js';

interface RunFigures { name: string; rate: number; unit: string; wallMs: number; detail?: string; peakRssMB: number }

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const selected = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = selected.length > 0 ? selected : Object.keys(BENCH_CASES);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));

const machineNote = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
console.log(`cutover-twin benchmarks — ${machineNote}`);
console.log(`median of ${RUNS} runs, each in its own process\n`);

const rows: string[] = [];
let failures = 0;
for (const name of names) {
  const bench = BENCH_CASES[name];
  if (bench === undefined) {
    console.error(`unknown case ${name}`);
    process.exit(2);
  }
  const runs: RunFigures[] = [];
  for (let run = 0; run < RUNS; run++) {
    // --expose-gc lets the memory case measure live memory after a full collection.
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/case.ts', name], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    runs.push(JSON.parse(output.trim().split('\n').pop()!) as RunFigures);
  }
  const rate = median(runs.map((run) => run.rate));
  const wallMs = median(runs.map((run) => run.wallMs));
  const peak = Math.max(...runs.map((run) => run.peakRssMB));
  const target = bench.target;
  const met = target === undefined
    || ((target.min === undefined || rate >= target.min) && (target.maxRate === undefined || rate <= target.maxRate) && (target.maxWallMs === undefined || wallMs <= target.maxWallMs) && (target.maxPeakRssMB === undefined || peak <= target.maxPeakRssMB));
  if (!met) failures++;
  const verdict = target === undefined ? '' : `${met ? 'meets' : 'MISSES'} ${target.text}`;
  console.log(`${bench.title}\n  ${format(rate)} ${runs[0]!.unit}  wall ${format(wallMs)} ms  peak RSS ${format(peak)} MB  ${runs[0]!.detail ?? ''}\n  ${verdict}\n`);
  rows.push(`| ${bench.title} | ${format(rate)} ${runs[0]!.unit} | ${format(wallMs)} ms | ${format(peak)} MB | ${runs[0]!.detail ?? ''} | ${verdict} |`);
}

if (selected.length === 0) {
  const path = `${root}docs/performance.md`;
  const doc = readFileSync(path, 'utf8');
  const table = [
    '<!-- figures:start -->',
    `Machine: ${machineNote}. Median of ${RUNS} runs, each in its own process.`,
    '',
    '| case | rate | wall time | peak memory | workload | target |',
    '|---|---|---|---|---|---|',
    ...rows,
    '<!-- figures:end -->',
  ].join('\n');
  const updated = doc.replace(/<!-- figures:start -->[\s\S]*<!-- figures:end -->/, table);
  writeFileSync(`${path}.tmp`, updated);
  renameSync(`${path}.tmp`, path);
  console.log('figures written to docs/performance.md');
}
if (failures > 0) {
  console.log(`${failures} target(s) missed`);
  process.exitCode = 1;
}

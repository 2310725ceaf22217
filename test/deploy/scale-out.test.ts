import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { Job as KubernetesJob } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { parse, parseAllDocuments } from 'yaml';
import { main, memoryIo } from '../../cli/index.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

/**
 * The files of docs/scale-out.md do what they say: the Kubernetes Indexed Job's and the GitHub
 * Actions matrix's own shell commands, run here as separate processes with only the
 * environment each engine gives them (a small campaign put in their variables), merge to the
 * table of the same sweep on one machine.
 */
const ROOT = resolve('.');
const PLAN = resolve('test/cli/fixtures/hostile.yaml');
const CAMPAIGN = { PLAN, VARY: 'dns.initialMxTtl=1h..25h:24h', SEEDS: '3' };

type Env = Record<string, string>;
interface Container { image: string; command: string[]; args: string[]; env: { name: string; value: string }[]; volumeMounts: { name: string; mountPath: string }[] }
interface JobSpec { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { restartPolicy: string; containers: Container[]; volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] } } }
const kubernetes = (file: string) => parseAllDocuments(readFileSync(join(ROOT, 'deploy', 'kubernetes', file), 'utf8')).map((document) => document.toJS() as { kind: string; metadata: { name: string }; spec: JobSpec });
const envOf = (container: Container): Env => Object.fromEntries(container.env.map(({ name, value }) => [name, String(value)]));

/** Runs a shell command line as an engine would: its own process, the given environment, `cutover` on PATH. */
function shell(shellArgs: string[], line: string, env: Env, cwd: string): Promise<{ code: number | null; err: string }> {
  return new Promise((done) => {
    const child = spawn(shellArgs[0]!, [...shellArgs.slice(1), line], { cwd, env: { PATH: `${shim}:${process.env.PATH}`, HOME: cwd, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('close', (code) => done({ code, err }));
  });
}

let shim = '';
let single = { code: 0, out: '' };

beforeAll(async () => {
  // The container's `cutover` is the installed bin; here it is this repository's.
  shim = temporaryDirectory('shim');
  writeFileSync(join(shim, 'cutover'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'cutover.mjs')}" "$@"\n`);
  chmodSync(join(shim, 'cutover'), 0o755);
  const io = memoryIo();
  const code = await main(['sweep', CAMPAIGN.PLAN, '--vary', CAMPAIGN.VARY, '--seeds', CAMPAIGN.SEEDS, '--workers', '0'], io);
  single = { code, out: io.out.join('') };
  expect(single.out).toMatch(/^dns\.initialMxTtl/);
}, 60_000);

describe('a Kubernetes Indexed Job (deploy/kubernetes/)', () => {
  const [sweep] = kubernetes('sweep-job.yaml');
  const [merge] = kubernetes('merge-job.yaml');
  const [volume] = kubernetes('results-volume.yaml');

  test('every manifest is valid against the Kubernetes API schema (kubernetes-models), which refuses a broken one', () => {
    for (const job of [sweep!, merge!]) expect(() => new KubernetesJob(job as never).validate()).not.toThrow();
    expect(() => new PersistentVolumeClaim(volume as never).validate()).not.toThrow();
    const broken = structuredClone(sweep!);
    broken.spec.completionMode = 'Sometimes';
    expect(() => new KubernetesJob(broken as never).validate()).toThrow(/completionMode/);
  });

  test('is indexed, one shard per completion, every pod on the shared results volume', () => {
    expect(sweep!.kind).toBe('Job');
    expect(sweep!.spec.completionMode).toBe('Indexed');
    const container = sweep!.spec.template.spec.containers[0]!;
    expect(Number(envOf(container).CUTOVER_SHARD_COUNT)).toBe(sweep!.spec.completions);
    expect(sweep!.spec.parallelism).toBeLessThanOrEqual(sweep!.spec.completions!);
    expect(sweep!.spec.template.spec.restartPolicy).toBe('Never');
    expect(container.args.join(' ')).toContain('$JOB_COMPLETION_INDEX');
    expect(volume!.kind).toBe('PersistentVolumeClaim');
    for (const job of [sweep!, merge!]) {
      expect(job.spec.template.spec.volumes.map((entry) => entry.persistentVolumeClaim?.claimName)).toContain(volume!.metadata.name);
      expect(job.spec.template.spec.containers[0]!.image).toBe(container.image);
    }
  });

  test('its pods, each with only JOB_COMPLETION_INDEX and the manifest\'s variables, merge to the single-machine sweep', async () => {
    const results = temporaryDirectory('k8s-results');
    const container = sweep!.spec.template.spec.containers[0]!;
    const env = { ...envOf(container), ...CAMPAIGN, WORKERS: '0', RESULTS: results };
    const pods = await Promise.all(Array.from({ length: sweep!.spec.completions! }, (_, index) =>
      shell(container.command, container.args[0]!, { ...env, JOB_COMPLETION_INDEX: String(index) }, results)));
    for (const [index, pod] of pods.entries()) {
      expect(pod.code, pod.err).toBe(0);
      expect(pod.err).toContain(`Shard       ${index + 1}/${sweep!.spec.completions} from $JOB_COMPLETION_INDEX=${index}, $CUTOVER_SHARD_COUNT=${sweep!.spec.completions}`);
    }
    const mergeContainer = merge!.spec.template.spec.containers[0]!;
    const merged = await shell(mergeContainer.command, mergeContainer.args[0]!, { ...envOf(mergeContainer), RESULTS: results }, results);
    expect(merged.code, merged.err).toBe(0);
    expect(readFileSync(join(results, 'risk.txt'), 'utf8')).toBe(single.out);
    expect(readFileSync(join(results, 'risk.html'), 'utf8')).toContain('<html');
  }, 120_000);
});

describe('a GitHub Actions matrix (deploy/github/cutover-sweep.yml)', () => {
  interface Step { run?: string; uses?: string; with?: Record<string, unknown> }
  interface Job { needs?: string; env?: Env; strategy?: { matrix: { shard: number[] } }; steps: Step[] }
  const workflow = parse(readFileSync(join(ROOT, 'deploy', 'github', 'cutover-sweep.yml'), 'utf8')) as { env: Env; jobs: Record<string, Job> };
  const { shard, merge } = workflow.jobs as { shard: Job; merge: Job };
  const runOf = (job: Job, command: string) => job.steps.find((step) => step.run?.includes(command))!.run!;
  // GitHub runs a `run` step with bash -e -o pipefail.
  const BASH = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c'];

  test('one matrix entry per shard, the variables from the matrix, the merge after every shard', () => {
    expect(Number(shard.env!.CUTOVER_SHARD_COUNT)).toBe(shard.strategy!.matrix.shard.length);
    expect(shard.strategy!.matrix.shard).toEqual(Array.from({ length: shard.strategy!.matrix.shard.length }, (_, index) => index + 1));
    expect(shard.env!.CUTOVER_SHARD_INDEX).toBe('${{ matrix.shard }}');
    expect(merge.needs).toBe('shard');
    // User input reaches the shell through the environment only, never pasted into a script.
    for (const job of [shard, merge]) for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
  });

  test('its shard steps, with the matrix\'s variables, and its merge step give the single-machine sweep', async () => {
    const checkout = temporaryDirectory('gh-checkout');
    symlinkSync(join(ROOT, 'bin'), join(checkout, 'bin'));
    const count = shard.strategy!.matrix.shard.length;
    const jobs = await Promise.all(shard.strategy!.matrix.shard.map((index) =>
      shell(BASH, runOf(shard, ' sweep '), { ...CAMPAIGN, CUTOVER_SHARD_INDEX: String(index), CUTOVER_SHARD_COUNT: String(count) }, checkout)));
    for (const job of jobs) expect(job.code, job.err).toBe(0);
    // upload-artifact and download-artifact (merge-multiple) bring every shard's file into shards/.
    mkdirSync(join(checkout, 'shards'));
    for (const file of readdirSync(checkout).filter((name) => name.endsWith('.jsonl'))) renameSync(join(checkout, file), join(checkout, 'shards', file));
    expect(readdirSync(join(checkout, 'shards'))).toHaveLength(count);
    const merged = await shell(BASH, runOf(merge, ' merge '), {}, checkout);
    expect(merged.code, merged.err).toBe(0);
    expect(readFileSync(join(checkout, 'risk.txt'), 'utf8')).toBe(single.out);
  }, 120_000);
});

describe('the container image (deploy/Dockerfile)', () => {
  test('installs the packed package on Node 20 and runs cutover as an unprivileged user', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(froms.every((image) => image!.startsWith('node:20'))).toBe(true);
    expect(dockerfile).toMatch(/^RUN npm pack /m);
    expect(dockerfile).toMatch(/npm install --global --omit=dev .*cutover-twin-\*\.tgz/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["cutover"\]$/m);
  });
});

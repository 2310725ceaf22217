import { z } from 'zod';
import { InputError } from '../../../sim/index.js';
import type { ActionType } from '../../../model/config.js';
import type { LoggedAction } from './types.js';

/**
 * What a shared link carries: which scenario (a built-in name, or the whole file text for a
 * loaded one), the seed, whether the scenario's own plan runs, the commands given with their
 * times, and where the clock stood. Nothing else is needed: the run is deterministic.
 */
export interface ShareState {
  scenario: { name: string } | { fileName: string; text: string };
  seed: number;
  /** true: the scenario's own plan runs (mistake presets); false: only the trainer's commands. */
  runPlan: boolean;
  actions: LoggedAction[];
  at: number;
}

const ACTION_TYPES = [
  'publishVerificationTxt', 'verifyDomain', 'disableDirectorySync', 'createSecurityGroups', 'createEndpoint',
  'testEndpoint', 'createBatch', 'startBatch', 'stopBatch', 'completeBatch', 'removeBatch', 'setMxTtl', 'switchMx',
  'assignLicenses', 'createAutodiscoverCname', 'clearScpPointer', 'decommission',
] as const satisfies readonly ActionType[];

const time = z.number().int().nonnegative();
const shareSchema = z.strictObject({
  v: z.literal(1),
  scenario: z.union([
    z.strictObject({ name: z.string().min(1).max(200) }),
    z.strictObject({ fileName: z.string().max(200), text: z.string().max(2_000_000) }),
  ]),
  seed: z.number().int().nonnegative(),
  runPlan: z.boolean(),
  at: time,
  actions: z.array(z.strictObject({
    at: time,
    action: z.strictObject({
      action: z.enum(ACTION_TYPES),
      ttl: time.optional(),
      batchName: z.string().max(64).optional(),
      autoStart: z.boolean().optional(),
      users: z.array(z.string().max(320)).max(2_000).optional(),
    }),
  })).max(10_000),
});

const PREFIX = 'v1.';

/** The fragment (after `#state=`) for a state: JSON, deflated, base64url. */
export async function encodeShareState(state: ShareState): Promise<string> {
  const json = JSON.stringify({ v: 1, ...state });
  const packed = await transform(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/** Reads a fragment back; anything malformed is an InputError with code SHARE_STATE_INVALID. */
export async function decodeShareState(fragment: string): Promise<ShareState> {
  const fail = (why: string): never => {
    throw new InputError('SHARE_STATE_INVALID', `the shared link is not valid: ${why}`, { path: 'state' }, 'a link made by "Share"');
  };
  if (!fragment.startsWith(PREFIX)) return fail('unknown version');
  let json: unknown;
  try {
    const bytes = await transform(fromBase64Url(fragment.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return fail('it could not be unpacked');
  }
  const parsed = shareSchema.safeParse(json);
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const { v: _version, ...state } = parsed.data;
  return state as ShareState;
}

async function transform(input: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([input as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new RangeError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

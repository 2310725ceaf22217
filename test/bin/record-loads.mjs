// `node --import ./test/bin/record-loads.mjs …`: appends the URL of every ES module the
// process loads to the file named by $CUTOVER_RECORD_LOADS (module hooks run on their own thread).
import { register } from 'node:module';

register(`data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.CUTOVER_RECORD_LOADS) appendFileSync(process.env.CUTOVER_RECORD_LOADS, url + '\\n');
  return next(url, context);
}`)}`);

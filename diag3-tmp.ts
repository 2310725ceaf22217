import { readSavedCase } from './test/properties/saved-case.js';
import { realEngine, keepingAllPaths } from './testing/index.js';
const { config } = readSavedCase(new URL('file://' + process.cwd() + '/' + process.argv[2]));
const f = realEngine.checkPlan(config); const r = realEngine.simulate(keepingAllPaths(config));
console.log(f.map((x) => `${x.severity} ${x.rule} ${x.subjects ?? ''}`).join('\n'));
console.log('plan', r.actions.map((a: any) => `${a.action}@${(a.at / 3600000).toFixed(1)}${a.outcome === 'done' ? '' : ':' + a.outcome}`).join(' '));
console.log(JSON.stringify(config.plan), JSON.stringify(config.faults), config.horizon / 3600000, config.clients);
for (const t of r.traces.filter((t: any) => t.fate === 'lost' || t.fate === 'bounced').slice(0, 3)) console.log(' lost', t.from, '->', t.to, t.reason, t.path.map((h: any) => `${h.step}@${(h.at / 3600000).toFixed(1)}`).join(' '));
console.log(r.actions.filter((a: any) => a.outcome !== 'done').map((a: any) => `${a.action}: ${a.detail}`).join('\n'), config.dns.verificationTxtPublished, config.tenant.verifiedDomains);

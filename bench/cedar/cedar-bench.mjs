// Decides the same requests as Likeness's in-process benchmark with Cedar: the policy set is parsed once
// (preparsePolicySet), each call passes only the entities the request needs. Prints one JSON line.
import { readFileSync } from 'node:fs';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

const [policiesFile, requestsFile, iterationsText] = process.argv.slice(2);
const policies = readFileSync(policiesFile, 'utf8');
const requests = JSON.parse(readFileSync(requestsFile, 'utf8'));
const iterations = Number(iterationsText ?? '200000');

const parsed = cedar.preparsePolicySet('consent', { staticPolicies: policies });
if (parsed.type !== 'success') {
  console.error(JSON.stringify(parsed));
  process.exit(1);
}

const calls = requests.map((r) => ({
  principal: { type: 'Studio', id: 'std' },
  action: { type: 'Action', id: 'render' },
  resource: { type: 'Performer', id: 'prf' },
  context: r,
  preparsedPolicySetId: 'consent',
  entities: [],
}));

const decisions = calls.map((c) => {
  const a = cedar.statefulIsAuthorized(c);
  if (a.type !== 'success') {
    console.error(JSON.stringify(a));
    process.exit(1);
  }
  return a.response.decision;
});

for (let i = 0; i < 20000; i++) cedar.statefulIsAuthorized(calls[i % calls.length]);
const samples = new Float64Array(iterations);
const start = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) {
  const t0 = process.hrtime.bigint();
  cedar.statefulIsAuthorized(calls[i % calls.length]);
  samples[i] = Number(process.hrtime.bigint() - t0);
}
const totalNs = Number(process.hrtime.bigint() - start);
samples.sort();
const at = (p) => samples[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))];
console.log(JSON.stringify({
  engine: `cedar-wasm ${cedar.getCedarVersion()}`,
  decisions,
  iterations,
  perSecond: Math.round(iterations / (totalNs / 1e9)),
  medianNs: at(50),
  p99Ns: at(99),
}));

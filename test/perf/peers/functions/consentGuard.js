// Spectral function for the rule consent-missing of spectral.yaml: the
// counterpart of mac's MAC3001 on one flow document. A send of a marketing
// (not transactional) template is guarded when its channel is in a
// `require consent C` of the flow or in the `and` chain of an enclosing
// `if` condition; a step whose `ignore` starts with `consent-missing` is
// exempt (mac-ignore). Simpler than mac, which follows every path.
function consents(cond, out) {
  if (cond.kind === 'consent') out.add(cond.channel);
  else if (cond.kind === 'and') cond.args.forEach((a) => consents(a, out));
  return out;
}

export default function consentGuard(doc) {
  const results = [];
  const templates = new Map();
  for (const kind of ['emails', 'sms', 'push'])
    for (const t of doc.assets[kind]) templates.set(t.id, t);
  const walk = (steps, guarded, path) => {
    steps.forEach((step, i) => {
      const here = [...path, i];
      if (step.kind === 'if') {
        step.branches.forEach((b, j) =>
          walk(b.steps, consents(b.cond, new Set(guarded)), [...here, 'branches', j, 'steps']));
        if (step.else) walk(step.else, guarded, [...here, 'else']);
      } else if (step.kind === 'send') {
        const t = templates.get(step.template);
        const ignored = (step.ignore || '').startsWith('consent-missing');
        if (t && !t.transactional && !guarded.has(step.channel) && !ignored)
          results.push({ message: `marketing send of ${step.template} is not guarded by consent ${step.channel}`,
                         path: here });
      }
    });
  };
  const required = new Set();
  for (const r of doc.flow.settings.require || []) consents(r, required);
  walk(doc.flow.steps, required, ['flow', 'steps']);
  return results;
}

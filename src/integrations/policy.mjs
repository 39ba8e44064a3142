// Pure helpers for Content-Security-Policy strings (used by the security-headers integration
// and its tests).

/** "a b; c d" -> Map { a => [b], c => [d] } (directive order kept). */
export function parsePolicy(policy) {
  const map = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    const list = map.get(key) ?? [];
    for (const v of values) if (!list.includes(v)) list.push(v);
    map.set(key, list);
  }
  return map;
}

/** Union of several policies, directive by directive. */
export function mergePolicies(policies) {
  const out = new Map();
  for (const p of policies) {
    for (const [k, values] of parsePolicy(p)) {
      const list = out.get(k) ?? [];
      for (const v of values) if (!list.includes(v)) list.push(v);
      out.set(k, list);
    }
  }
  return out;
}

export function formatPolicy(map) {
  return [...map].map(([k, v]) => (v.length ? `${k} ${v.join(' ')}` : k)).join('; ');
}

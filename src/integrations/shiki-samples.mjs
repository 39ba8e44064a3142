// Shiki transformer: marks sample blocks (```log sample``` / ```text sample ambiguous```) so
// tests and the paste widget can find them, and labels every block with its language.

/** Parse the fence meta words we use. */
export function parseSampleMeta(raw) {
  const words = String(raw ?? '').trim().split(/\s+/).filter(Boolean);
  return { sample: words.includes('sample'), ambiguous: words.includes('ambiguous') };
}

export const sampleTransformer = {
  name: 'bad-gateway-guide:samples',
  pre(node) {
    const meta = parseSampleMeta(this.options.meta?.__raw);
    if (meta.sample) {
      node.properties['data-sample'] = meta.ambiguous ? 'ambiguous' : 'true';
    }
    node.properties.tabindex = '0';
  },
};

/**
 * Well-formed Failed Request Tracing documents read with fast-xml-parser: the values the freb
 * recogniser reports come from here when the XML parses (entities, CDATA and comments handled
 * by a real parser); recognisers/freb/scan.ts supplies the offsets and covers fragments.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface FrebDocEvent {
  opcode?: string;
  fields: Record<string, string>;
  descriptions: Record<string, string>;
}

export interface FrebDocument {
  attrs: Record<string, string>;
  events: FrebDocEvent[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'Event' || name === 'Data' || name === 'freb:Description',
  // The callbacks above need no path: do not build a path string for every tag and attribute.
  jPath: false,
  // Nothing under System or ExtendedTracingInfo is read (the event name comes from RenderingInfo):
  // keep them as raw text.
  stopNodes: ['failedRequest.Event.System', 'failedRequest.Event.ExtendedTracingInfo'],
});

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) return text(v['#text']);
  return '';
}

function pairs(items: unknown[], key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    if (!isNode(it)) continue;
    const name = it[key];
    if (typeof name === 'string' && !(name in out)) out[name] = text(it['#text']).trim();
  }
  return out;
}

/**
 * Parse one `<failedRequest>` document (optionally with its `<?xml ...?>` prolog). Returns
 * undefined when the text is not well-formed XML or has no failedRequest root.
 */
export function readFrebDocument(xml: string): FrebDocument | undefined {
  try {
    if (XMLValidator.validate(xml) !== true) return undefined;
    const doc: unknown = parser.parse(xml);
    if (!isNode(doc)) return undefined;
    const root = doc['failedRequest'];
    if (!isNode(root)) return undefined;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(root)) if (k.startsWith('@')) attrs[k.slice(1)] = text(v);
    const events: FrebDocEvent[] = asArray(root['Event']).map((e) => {
      const ev = isNode(e) ? e : {};
      const data = isNode(ev['EventData']) ? asArray((ev['EventData'] as Node)['Data']) : [];
      const rendering = isNode(ev['RenderingInfo']) ? (ev['RenderingInfo'] as Node) : {};
      const opcode = text(rendering['Opcode']).trim();
      return {
        opcode: opcode === '' ? undefined : opcode,
        fields: pairs(data, '@Name'),
        descriptions: pairs(asArray(rendering['freb:Description']), '@Data'),
      };
    });
    return { attrs, events };
  } catch {
    return undefined;
  }
}

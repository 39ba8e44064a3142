/**
 * Finds shared facts (content/data/facts.json) written by hand in pages: a fact's number in
 * prose, tables or lists within a short distance of its setting's name. Fenced code blocks are
 * skipped (configuration samples may show any value); `<Fact id="..." />` is the way to write
 * the number in prose.
 */
import { FACT_IDS, fact, type Fact } from '../../src/lib/facts/facts.ts';

/** Characters either side of a number in which the setting's name counts as "next to it". */
export const NEAR = 80;

/**
 * Names pages use for settings whose own name is not distinctive enough to search for
 * (Apache's `Timeout`, the App Service front end's unnamed limit...). Facts not listed here are
 * searched for by their `setting`, when that is one identifier-like word.
 */
const MENTIONS: Record<string, readonly string[]> = {
  'apache.Timeout': ['`Timeout`', 'Timeout directive', "Apache's Timeout", 'Timeout 60'],
  'apache.Timeout.debian': ['`Timeout`', 'Timeout directive', "Apache's Timeout", 'Timeout 300'],
  'app-service.frontend-timeout': ['front end', 'front-end', 'frontend'],
  'aws-alb.idle_timeout': ['idle_timeout', 'idle timeout'],
  'azure-app-gateway.RequestTimeout': ['request time-out', 'request timeout', 'RequestTimeout', 'requestTimeout'],
  'azure-front-door.origin-timeout': ['Front Door'],
  'envoy.route-timeout': ['route timeout'],
  'envoy.idle-timeout': ['idle_timeout'],
  'ancm.port-range.random': ['port'],
  'ancm.port-range.random.before-8': ['port'],
  'ancm.port-range.pinned': ['port'],
  'httpclient.Timeout': ['HttpClient.Timeout'],
  'yarp.health.Timeout': ['probe timeout'],
  'aws-alb.connect-timeout': ['connect timeout', 'connection timeout'],
  'azure-app-gateway.keepalive.v1': ['keep-alive timeout'],
  'azure-app-gateway.keepalive.v2': ['keep-alive timeout'],
};

/** Settings that share a name with an unrelated limit; the mention must be this product's. */
const SKIP_PLAIN_SETTING = /\s/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regular expressions for the ways a page writes this fact's number by hand. */
export function numberForms(f: Fact): RegExp[] {
  if (typeof f.value !== 'number') return [];
  const v = f.value;
  const forms: string[] = [];
  switch (f.unit) {
    case 's': {
      forms.push(`${v}\\s?(?:s|sec|secs|seconds?)\\b`, `${v}-second\\b`);
      if (v % 60 === 0) {
        const min = v / 60;
        const words = ['', 'one', 'two', 'three', 'four', 'five'];
        forms.push(`${min}\\s?(?:min|mins|minutes?)\\b`, `${min}-minute\\b`);
        if (words[min]) forms.push(`\\b${words[min]}\\s(?:minutes?)\\b`);
        const hh = String(Math.floor(v / 3600)).padStart(2, '0');
        const mm = String(Math.floor((v % 3600) / 60)).padStart(2, '0');
        const ss = String(v % 60).padStart(2, '0');
        forms.push(`\\b${hh}:${mm}:${ss}\\b`);
      }
      if (v % 3600 === 0) forms.push(`\\b${v / 3600}\\s?(?:h|hours?)\\b`, v === 3600 ? '\\bone hour\\b' : '(?!)');
      break;
    }
    case 'ms':
      forms.push(`${v}\\s?ms\\b`);
      break;
    case 'bytes': {
      forms.push(`\\b${v}\\b`, `\\b${v.toLocaleString('en-US')}\\b`);
      if (v % 1024 === 0) forms.push(`\\b${v / 1024}\\s?(?:KB|KiB|kB)\\b`);
      break;
    }
    case 'KB':
      forms.push(`\\b${v}\\s?(?:KB|KiB|kB)\\b`);
      break;
    case 'count':
      if (v >= 3) forms.push(`\\b${v}\\b`);
      break;
    case 'port':
      if (f.max !== undefined) forms.push(`\\b${v}\\s?(?:-|–|to|and)\\s?${f.max}\\b`);
      break;
    default:
      break;
  }
  return forms.map((s) => new RegExp(`(?<![\\d.,])${s}`, 'g'));
}

/** The names this fact is searched for, or none when its setting is not distinctive. */
export function mentionsOf(id: string, f: Fact): readonly string[] {
  if (MENTIONS[id]) return MENTIONS[id]!;
  if (SKIP_PLAIN_SETTING.test(f.setting)) return [];
  return [f.setting];
}

export interface HandWritten {
  line: number;
  factId: string;
  text: string;
}

/**
 * The text with what may not or cannot hold a <Fact> blanked out, line numbers kept: fenced code
 * blocks (configuration samples may show any value), YAML front matter (plain strings for lists
 * and meta descriptions) and MDX comments; `<Fact ... />` tags are blanked too, so the fact ids in
 * them do not count as mentions of a setting.
 */
export function withoutFences(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  const body = (front ? blank(front[0]) + text.slice(front[0].length) : text)
    .replace(/<Fact\b[^>]*\/>/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/\{fact:[^}]*\}/g, blank);
  const lines = body.split('\n');
  let fence: string | null = null;
  return lines
    .map((l) => {
      const m = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
      if (fence) {
        if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && /^\s*(`+|~+)\s*$/.test(l)) fence = null;
        return '';
      }
      if (m) {
        fence = m[1]!;
        return '';
      }
      return l;
    })
    .join('\n');
}

/** Every place in `text` (MDX or JSON source) where a fact's number sits next to its setting. */
export function findHandWritten(text: string, ids: readonly string[] = FACT_IDS): HandWritten[] {
  const prose = withoutFences(text);
  const out: HandWritten[] = [];
  for (const id of ids) {
    const f = fact(id);
    const names = mentionsOf(id, f);
    if (names.length === 0) continue;
    const nameRe = new RegExp(names.map((n) => (/^\w/.test(n) ? `\\b${escape(n)}` : escape(n))).join('|'));
    for (const re of numberForms(f)) {
      for (const m of prose.matchAll(re)) {
        const at = m.index!;
        const around = prose.slice(Math.max(0, at - NEAR), at + m[0].length + NEAR);
        if (!nameRe.test(around)) continue;
        const line = prose.slice(0, at).split('\n').length;
        out.push({ line, factId: id, text: m[0] });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

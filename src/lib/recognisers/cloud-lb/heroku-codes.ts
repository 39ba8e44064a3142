/**
 * Heroku's error codes named on their own ("Heroku sends a H13 error", "timing out with error
 * code H12", "R14 errors on the dyno"). The router and dyno manager write them as
 * `code=H12 desc="…"` or `Error H12 (Request timeout)`, which the message catalogue reads; people
 * retell them as the bare code. One code table (content/data/messages/heroku.json, from Heroku's
 * error-code documentation) gives both readings their causes: signals/cloud-lb.ts makes one
 * signal per code from the same entries.
 *
 * A bare `H12` is read only when the paste names Heroku (its dynos, or the Procfile that declares
 * them) and the code stands next to the word error or code; the forms the catalogue reads (`code=H12`, `H12 (Request timeout)`) are
 * left to it.
 */
import herokuMessages from '../../../../content/data/messages/heroku.json' with { type: 'json' };
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';

/** The codes Heroku documents, from the catalogue's `Error H12 (Request timeout)` entries. */
export const HEROKU_CODES: ReadonlyMap<string, { desc: string; causes: Record<string, number> }> = (() => {
  const out = new Map<string, { desc: string; causes: Record<string, number> }>();
  for (const e of herokuMessages as { text: string; causes: { cause: string; weight: number }[] }[]) {
    const m = /^Error ([HR]\d{2}) \((.+)\)$/.exec(e.text);
    if (!m || out.has(m[1] as string)) continue;
    out.set(m[1] as string, { desc: m[2] as string, causes: Object.fromEntries(e.causes.map((c) => [c.cause, c.weight])) });
  }
  return out;
})();

export function herokuCodeSignal(code: string): string {
  return `cloud-lb.heroku-code-${code.toLowerCase()}`;
}

const HEROKU = /heroku|\bdynos?\b|\bprocfile\b/i;
const CODE = /\b([HR]\d{2})\b/g;
/** The word error(s) or code right before or after the code. */
const BEFORE = /\b(?:errors?|code)\s*[:#]?\s*$/i;
const AFTER = /^\s*(?:errors?|codes?)\b/i;

export function scanHerokuCodes(ctx: LbCtx): void {
  const { input } = ctx;
  if (!HEROKU.test(input)) return;
  CODE.lastIndex = 0;
  for (let m = CODE.exec(input); m; m = CODE.exec(input)) {
    const code = m[1] as string;
    if (!HEROKU_CODES.has(code)) continue;
    const start = m.index;
    const end = start + code.length;
    const before = input.slice(Math.max(0, start - 16), start);
    const after = input.slice(end, end + 12);
    if (/code=$/i.test(before) || /^\s*\(/.test(after)) continue;
    if (!BEFORE.test(before) && !AFTER.test(after)) continue;
    const span = { start, end };
    server(ctx, 'heroku', span);
    push(ctx, 'signal', herokuCodeSignal(code), span);
  }
}

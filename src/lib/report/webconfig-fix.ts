/**
 * The corrected line for a web.config setting IIS rejects, when the intended value is clear:
 * a hosting model spelled another way (`in-process` → `inprocess`), a yes/no written for a
 * boolean, a number of seconds written for a time span. The line is found in the pasted text.
 */
export interface RejectedSetting {
  name: string;
  written?: string;
  state: string;
  /** Its default ("true"/"false" marks a boolean). */
  defaultValue?: string;
}

export interface SettingFix {
  name: string;
  /** 1-based line in the pasted text. */
  line: number;
  before: string;
  after: string;
  value: string;
}

const BOOL: Record<string, string> = { yes: 'true', on: 'true', '1': 'true', enabled: 'true', no: 'false', off: 'false', '0': 'false', disabled: 'false' };

export function intendedValue(name: string, written: string, defaultValue = ''): string | null {
  const w = written.trim().toLowerCase();
  if (name.toLowerCase() === 'hostingmodel') {
    const squashed = w.replace(/[^a-z]/g, '');
    if (squashed === 'inprocess' || squashed === 'inproc') return 'inprocess';
    if (['outofprocess', 'outofproc', 'outproc', 'outprocess'].includes(squashed)) return 'outofprocess';
    return null;
  }
  if (/^(true|false)$/i.test(defaultValue) && w in BOOL) return BOOL[w]!;
  const secs = /^(\d{1,6})\s*s?$/.exec(w);
  if (secs && /timeout|timelimit/i.test(name)) {
    const n = Number(secs[1]);
    const pad = (x: number) => String(x).padStart(2, '0');
    return `${pad(Math.floor(n / 3600))}:${pad(Math.floor((n % 3600) / 60))}:${pad(n % 60)}`;
  }
  return null;
}

export function settingFixes(text: string, rows: readonly RejectedSetting[]): SettingFix[] {
  const lines = String(text ?? '').split(/\r?\n/);
  const out: SettingFix[] = [];
  for (const r of rows) {
    if (r.state !== 'invalid' || r.written === undefined) continue;
    const value = intendedValue(r.name, r.written, r.defaultValue);
    if (value === null) continue;
    const attr = new RegExp(`(\\b${r.name}\\s*=\\s*)(["'])([^"']*)\\2`, 'i');
    const i = lines.findIndex((l) => attr.test(l));
    if (i < 0) continue;
    const before = lines[i]!;
    out.push({ name: r.name, line: i + 1, before: before.trim(), after: before.replace(attr, `$1$2${value}$2`).trim(), value });
  }
  return out;
}

/**
 * Durations written by people: `90s`, `2 min`, `120 seconds`, `1.5 minutes`, `120000 ms`,
 * `120,000 ms`, `a minute`, `two minutes`, `a couple of minutes`, `half a minute`, `00:02:00`,
 * `3 min 50 s`, and both ends of a range (`2-5 minutes`, `30 to 60 seconds`); in Chinese, Japanese
 * and Korean, a number before their units (`60秒`, `2分钟`, `30分`, `60초`, `1분`, `2시간`). Each
 * comes back with its span in the line and its value in milliseconds.
 *
 * Not durations: a number without a unit (`port 5000`, `nginx/1.18.0`, `.NET 8`), a plural status
 * (`502s`), a clock time (`10:14:22`: only a time span whose hours are 0 counts), a decade.
 */

export interface Duration {
  /** Offsets in the line, end exclusive. */
  start: number;
  end: number;
  ms: number;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  msec: 1,
  msecs: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  'a couple of': 2,
  'a couple': 2,
  'half a': 0.5,
  'half an': 0.5,
};

/** 4xx/5xx numbers that, with an `s` glued on, are plural statuses ("502s"), not seconds. */
const STATUS_LIKE = /^[45]\d\d$/;

// Digits (with optional thousands separators or decimals), optional blank or hyphen, a unit.
const NUMERIC =
  /(?:(?<=\d[hm])|(?<![\w.,/:-]))(\d{1,3}(?:,\d{3})+|\d{1,9}(?:[.,]\d{1,3})?)([ \t-]?)(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h)(?![A-Za-z_])/gi;
const WORDS =
  /\b(a couple of|a couple|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety)[ \t-](milliseconds?|seconds?|minutes?|hours?)\b/gi;
/** A range, "2-5 minutes", "30 to 60 seconds": both ends are durations in the range's unit. */
const RANGE =
  /(?<![\w.,/:-])(\d{1,6}(?:[.,]\d{1,3})?)[ \t]?(?:-|–|to)[ \t]?(\d{1,6}(?:[.,]\d{1,3})?)([ \t-]?)(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h)(?![A-Za-z_])/gi;
/** A number and a Chinese, Japanese or Korean unit: seconds, minutes, hours (milliseconds first). */
const WIDE =
  /(?<![\w.,/:-])(\d{1,6}(?:\.\d{1,3})?)[ \t]?(毫秒|秒钟|秒鐘|秒|초|分钟|分鐘|分|분|小时|小時|時間|시간)/g;
const WIDE_UNIT_MS: Readonly<Record<string, number>> = {
  毫秒: 1,
  秒钟: 1000,
  秒鐘: 1000,
  秒: 1000,
  초: 1000,
  分钟: 60_000,
  分鐘: 60_000,
  分: 60_000,
  분: 60_000,
  小时: 3_600_000,
  小時: 3_600_000,
  時間: 3_600_000,
  시간: 3_600_000,
};
const HAS_WIDE_UNIT = /[秒초分분时時시]/;
const SPAN = /(?<![\w.:])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.\d{1,7})?(?![\w:]|\.\d)/g;
/** "3 min 50 s": a second duration right after the first, joined by a blank, "and" or a comma. */
const JOIN = /^(?:[ \t]{0,2}|,[ \t]?|[ \t]and[ \t])$/;

/** Up to two days: IIS's regular recycle (29 hours) is the longest default a reader retells. */
const MAX_MS = 48 * 3_600_000;
/** Cheap tests that skip the scans a line cannot satisfy. */
const HAS_DIGIT = /\d/;
const HAS_UNIT_WORD = /second|minute|hour/i;

function numberValue(text: string): number | undefined {
  let t = text;
  // "120,000 ms": thousands separators; "1,5 s": a decimal comma.
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Every duration in `line`, in order, merged where one continues the other ("3 min 50 s"). */
export function findDurations(line: string): Duration[] {
  const found: Duration[] = [];
  const digits = HAS_DIGIT.test(line);
  const unitWords = HAS_UNIT_WORD.test(line);
  if (!digits && !unitWords) return found;
  NUMERIC.lastIndex = 0;
  for (let m = digits ? NUMERIC.exec(line) : null; m; m = NUMERIC.exec(line)) {
    const digits = m[1] as string;
    const gap = m[2] as string;
    const unit = (m[3] as string).toLowerCase();
    // "502s" is a plural status; "5 m" with a blank may be metres: only "5m" is minutes.
    if (unit === 's' && gap === '' && STATUS_LIKE.test(digits)) continue;
    if (unit === 'm' && gap !== '') continue;
    const scale = UNIT_MS[unit];
    const v = numberValue(digits);
    if (scale === undefined || v === undefined) continue;
    found.push({ start: m.index, end: m.index + m[0].length, ms: Math.round(v * scale) });
  }
  RANGE.lastIndex = 0;
  for (let m = digits ? RANGE.exec(line) : null; m; m = RANGE.exec(line)) {
    const unit = (m[4] as string).toLowerCase();
    if ((unit === 's' && m[3] === '' && STATUS_LIKE.test(m[2] as string)) || (unit === 'm' && m[3] !== '')) continue;
    const scale = UNIT_MS[unit];
    const low = numberValue(m[1] as string);
    const high = numberValue(m[2] as string);
    if (scale === undefined || low === undefined || high === undefined || !(low < high)) continue;
    const lowEnd = m.index + (m[1] as string).length;
    const highStart = m.index + m[0].length - (m[2] as string).length - (m[3] as string).length - (m[4] as string).length;
    found.push({ start: m.index, end: lowEnd, ms: Math.round(low * scale) });
    found.push({ start: highStart, end: m.index + m[0].length, ms: Math.round(high * scale) });
  }
  WORDS.lastIndex = 0;
  for (let m = unitWords ? WORDS.exec(line) : null; m; m = WORDS.exec(line)) {
    const n = WORD_NUMBERS[(m[1] as string).toLowerCase().replace(/[ \t]+/g, ' ')];
    const unit = (m[2] as string).toLowerCase();
    const scale = UNIT_MS[unit];
    if (n === undefined || scale === undefined) continue;
    found.push({ start: m.index, end: m.index + m[0].length, ms: Math.round(n * scale) });
  }
  WIDE.lastIndex = 0;
  for (let m = digits && HAS_WIDE_UNIT.test(line) ? WIDE.exec(line) : null; m; m = WIDE.exec(line)) {
    const scale = WIDE_UNIT_MS[m[2] as string];
    const v = numberValue(m[1] as string);
    if (scale === undefined || v === undefined) continue;
    found.push({ start: m.index, end: m.index + m[0].length, ms: Math.round(v * scale) });
  }
  SPAN.lastIndex = 0;
  for (let m = digits ? SPAN.exec(line) : null; m; m = SPAN.exec(line)) {
    // Only a span under an hour ("00:02:00"); "10:14:22" is a time of day.
    if (Number(m[1]) !== 0) continue;
    const ms = (Number(m[2]) * 60 + Number(m[3])) * 1000;
    found.push({ start: m.index, end: m.index + m[0].length, ms });
  }
  found.sort((a, b) => a.start - b.start);
  const out: Duration[] = [];
  for (const d of found) {
    if (d.ms <= 0 || d.ms > MAX_MS) continue;
    const prev = out[out.length - 1];
    if (prev && d.start < prev.end) continue;
    if (prev && d.ms < prev.ms && JOIN.test(line.slice(prev.end, d.start)) && largerUnit(prev.ms, d.ms)) {
      prev.end = d.end;
      prev.ms += d.ms;
      continue;
    }
    out.push({ ...d });
  }
  return out;
}

/** "3 min" then "50 s": the second part is smaller than the first's unit. */
function largerUnit(first: number, second: number): boolean {
  const unit = first % 3_600_000 === 0 ? 3_600_000 : first % 60_000 === 0 ? 60_000 : first % 1000 === 0 ? 1000 : 1;
  return second < unit;
}

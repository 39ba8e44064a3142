/** The analysis as plain text for a terminal (the CLI's default output). */
import { causeEntry } from '../engine/catalogue.ts';
import type { AnalysisReport } from './report.ts';

const nf = new Intl.NumberFormat('en-US');
const num = (n: number): string => nf.format(n);

function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (100 * part) / whole;
  return p > 0 && p < 0.1 ? '<0.1%' : `${p.toFixed(p < 10 ? 1 : 0)}%`;
}

function mb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${num(bytes)} bytes`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${ms} ms`;
}

/** 2024-03-05T10:00:01Z as 2024-03-05 10:00:01. */
function utc(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '');
}

/** A log line without control characters (a terminal would act on them). */
function printable(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => '  ' + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ').trimEnd());
}

export function reportText(r: AnalysisReport, files: readonly string[] = []): string {
  const out: string[] = [];
  const t = r.totals;
  out.push(`IIS log analysis${files.length ? ` of ${files.join(', ')}` : ''}`);
  out.push('');
  out.push(`Read ${mb(t.bytes)}: ${num(t.lines)} lines, ${num(t.requests)} requests, ${num(t.comments)} directive lines, ${num(t.bad)} unreadable lines.`);
  if (r.range) out.push(`Time range (UTC): ${r.range.first} to ${r.range.last}.`);
  out.push(`Server errors (5xx): ${num(t.serverErrors)} (${pct(t.serverErrors, t.requests)}); 502: ${num(t.badGateway)} (${pct(t.badGateway, t.requests)}).`);

  out.push('', 'Status codes:');
  const statuses = Object.entries(r.byStatus).sort((a, b) => b[1] - a[1]);
  out.push(...table(statuses.map(([s, c]) => [s, num(c), pct(c, t.requests)])));

  if (r.failures.length > 0) {
    out.push('', 'Server errors by sub-status and sc-win32-status:');
    out.push(...table(r.failures.slice(0, 30).map((f) => [f.status, String(f.win32), f.name ?? '', num(f.count)])));
  }

  const hist = r.timeTaken502;
  if (t.badGateway > 0) {
    out.push('', 'Time-taken of the 502s:');
    out.push(...table(hist.buckets.filter((b) => b.count > 0).map((b) => [`${seconds(b.from)} to ${b.to === null ? 'more' : seconds(b.to)}`, num(b.count)])));
    if (hist.unknown > 0) out.push(`  (${num(hist.unknown)} without time-taken)`);
    for (const m of hist.markers) if (m.count > 0) out.push(`  ${num(m.count)} at about ${m.seconds} s: the ${m.label}.`);
  }

  if (r.topUrls.items.length > 0) {
    out.push('', `URLs with the most 502s${r.topUrls.exact ? '' : ` (approximate: counts may be short by up to ${num(r.topUrls.maxError)})`}:`);
    out.push(...table(r.topUrls.items.slice(0, 10).map((u) => [num(u.count), printable(u.url)])));
  }

  if (r.clusters.length > 0) {
    out.push('', 'Diagnosis per cluster:');
    for (const c of r.clusters.slice(0, 12)) {
      out.push(`- ${c.note}`);
      if (c.timeTakenMs) {
        const lo = seconds(c.timeTakenMs.min);
        const hi = seconds(c.timeTakenMs.max);
        out.push(`  time-taken ${lo === hi ? lo : `${lo} to ${hi}`}`);
      }
      for (const id of c.causes) out.push(`  -> ${causeEntry(id)?.title ?? id}: /causes/${id}/`);
      if (c.window) out.push(`  seen ${c.window.first === c.window.last ? `at ${utc(c.window.first)}` : `from ${utc(c.window.first)} to ${utc(c.window.last)}`} (UTC)`);
      if (c.urls.items.length > 0) {
        out.push(`  URLs${c.urls.exact ? '' : ` (approximate: counts may be short by up to ${num(c.urls.maxError)})`}:`);
        out.push(...table(c.urls.items.map((u) => [num(u.count), printable(u.url)])).map((l) => '  ' + l));
      }
      if (c.sampleText) {
        out.push(`  ${c.samples.length === 1 ? 'Its first line' : `Its first ${c.samples.length} lines`}, to paste into /diagnose/:`);
        for (const l of c.sampleText.split('\n')) out.push(`    ${printable(l)}`);
      }
    }
  } else {
    out.push('', 'No server errors in these logs.');
  }
  return out.join('\n') + '\n';
}

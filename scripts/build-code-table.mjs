#!/usr/bin/env node
/**
 * Builds src/lib/codes/table.generated.ts from
 *   content/data/windows-error-codes.tsv   (names and values from the Windows SDK headers)
 *   content/data/extra-codes.tsv           (hand-kept: hostfxr status codes, CLR codes, gaps)
 *
 * Usage: node scripts/build-code-table.mjs [--check]
 *   --check  exit 1 (and write nothing) when the committed file is out of date.
 *
 * Output format (kept compact so the browser can load it lazily):
 *   FAMILIES  the family names; a record's family is an index into it.
 *   PACKED    one record per name, sorted by value, then family, then name, joined by "\n".
 *             A record is `<delta>,<family><name>`: delta = value minus the previous record's
 *             value in base 36 (0 for another name of the same value), family = one digit.
 * src/lib/codes/table.ts decodes it.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['content/data/windows-error-codes.tsv', 'content/data/extra-codes.tsv'];
const OUT = 'src/lib/codes/table.generated.ts';

/** Family order is also the ranking order inside one value (winhttp names before wininet). */
export const FAMILIES = ['winhttp', 'wininet', 'winerror', 'hostfxr', 'clr', 'ntstatus'];

const HEADER_FAMILY = {
  'winhttp.h': 'winhttp',
  'wininet.h': 'wininet',
  'winerror.h': 'winerror',
  'ntstatus.h': 'ntstatus',
  'corehost/error_codes.h': 'hostfxr',
  'corerror.h': 'clr',
  'excep.h': 'clr',
};

/**
 * Which rows are error codes. winhttp.h also defines options, flags and query ids with small
 * values (WINHTTP_OPTION_SEND_TIMEOUT = 5) that would pollute every Win32 lookup.
 */
export function keepRow(name, header) {
  if (header === 'winhttp.h') return name.startsWith('ERROR_WINHTTP_');
  // Markers, not codes: the Winsock base and the NTSTATUS severity field values.
  if (name === 'WSABASEERR' || name.startsWith('STATUS_SEVERITY_')) return false;
  return true;
}

export function parseTsv(text, file) {
  const rows = [];
  const problems = [];
  let header = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (!header) {
      header = cols;
      const want = ['name', 'value_hex', 'value_unsigned', 'value_signed', 'header'];
      if (want.some((w, k) => cols[k] !== w)) problems.push(`${file}: unexpected header ${line}`);
      return;
    }
    const [name, hex, unsigned, signed, hdr] = cols;
    const where = `${file}:${i + 1}`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name ?? '')) return problems.push(`${where}: bad name ${name}`);
    if (!/^0x[0-9A-Fa-f]{8}$/.test(hex ?? '')) return problems.push(`${where}: bad hex ${hex}`);
    const value = parseInt(hex.slice(2), 16);
    if (String(value) !== unsigned) problems.push(`${where}: unsigned ${unsigned} != ${value}`);
    if (String(value | 0) !== signed) problems.push(`${where}: signed ${signed} != ${value | 0}`);
    const family = HEADER_FAMILY[hdr];
    if (!family) return problems.push(`${where}: unknown header ${hdr}`);
    if (keepRow(name, hdr)) rows.push({ name, value, family });
  });
  return { rows, problems };
}

export function pack(rows) {
  const famIndex = new Map(FAMILIES.map((f, i) => [f, i]));
  const seen = new Map();
  const unique = [];
  for (const r of rows) {
    const key = `${r.name}\t${r.value}`;
    if (seen.has(key)) continue;
    seen.set(key, true);
    unique.push(r);
  }
  unique.sort(
    (a, b) =>
      a.value - b.value ||
      famIndex.get(a.family) - famIndex.get(b.family) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  let prev = 0;
  const records = unique.map((r) => {
    const rec = `${(r.value - prev).toString(36)},${famIndex.get(r.family)}${r.name}`;
    prev = r.value;
    return rec;
  });
  return { packed: records.join('\n'), count: unique.length, values: new Set(unique.map((r) => r.value)).size };
}

export function render({ packed, count, values }) {
  return `// GENERATED FILE, do not edit. Built by scripts/build-code-table.mjs from
// ${SOURCES.join(' and ')}.
// Run \`node scripts/build-code-table.mjs\` after changing either source.
// Format: see scripts/build-code-table.mjs; decoded by src/lib/codes/table.ts.

export const FAMILIES = ${JSON.stringify(FAMILIES)} as const;

/** Number of name records and of distinct values. */
export const COUNT = ${count};
export const VALUES = ${values};

export const PACKED = ${JSON.stringify(packed)};
`;
}

export function build() {
  const all = [];
  const problems = [];
  for (const file of SOURCES) {
    const r = parseTsv(readFileSync(join(root, file), 'utf8'), file);
    all.push(...r.rows);
    problems.push(...r.problems);
  }
  const byName = new Map();
  for (const r of all) {
    const prev = byName.get(r.name);
    if (prev !== undefined && prev !== r.value) {
      problems.push(`${r.name} has two values: 0x${prev.toString(16)} and 0x${r.value.toString(16)}`);
    }
    byName.set(r.name, r.value);
  }
  return { text: render(pack(all)), problems };
}

function main() {
  const check = process.argv.includes('--check');
  const { text, problems } = build();
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  const out = join(root, OUT);
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error(`${OUT} is out of date: run node scripts/build-code-table.mjs`);
      process.exit(1);
    }
    console.log(`${OUT} is up to date`);
    return;
  }
  writeFileSync(out, text);
  const gz = gzipSync(Buffer.from(text)).length;
  console.log(`wrote ${relative(process.cwd(), out)}: ${text.length} bytes, ${gz} bytes gzipped`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

/**
 * Command-line front end of the engine:
 *
 *   npm run --silent diagnose -- [--json] [FILE ...|-]
 *
 * Reads the files (or standard input for "-" or no file), diagnoses them as one paste and prints
 * a readable report, or with --json exactly one JSON object. Exit status: 0 when there is at
 * least one finding, 1 when nothing was recognised, 2 on bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { diagnose } from '../lib/engine/diagnose.ts';
import { DEFAULT_NAME_SOURCES } from '../lib/engine/knowledge.ts';
import { loadTable } from '../lib/codes/table.ts';
import type { NameSource } from '../lib/codes/table.ts';
import { joinParts, readInput } from './read-input.ts';
import { toJson, toText } from './report.ts';
import { redact } from '../lib/redact/redact.ts';

const USAGE = `Usage: npm run --silent diagnose -- [--json] [--redact] [FILE ...|-]

Diagnose HTTP 502 / 500.3x / 503 / 504 evidence from ASP.NET Core behind IIS, Azure App
Service or a reverse proxy: IIS logs, Failed Request Tracing XML, event log text, error pages,
stdout and debug logs, web.config, nginx/Apache/YARP logs, load balancer logs, error codes.

Reads each FILE (several are read as one paste), or standard input when FILE is "-" or absent.

Options:
  --json      print one JSON object: kinds, codes, findings (best first), questions,
              unrecognised line numbers
  --redact    replace IP addresses, host, machine, user and pool names, cookies, tokens
              and secrets by placeholders; print the redacted paste, then the report of it
              (with --json: "redacted" holds the paste and the replacements)
  -h, --help  show this help

Exit status: 0 at least one finding, 1 nothing recognised, 2 bad usage or unreadable input.
`;

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  let values: { json?: boolean; redact?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, redact: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    io.err(`diagnose: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const names = positionals.length > 0 ? positionals : ['-'];
  if (names.filter((n) => n === '-').length > 1) {
    io.err('diagnose: standard input ("-") can be read only once\n');
    return 2;
  }
  let parts;
  try {
    parts = names.map(readInput);
  } catch (e) {
    io.err(`diagnose: ${(e as Error).message}\n`);
    return 2;
  }
  const joined = joinParts(parts);
  let sources: readonly NameSource[] = DEFAULT_NAME_SOURCES;
  try {
    sources = [...DEFAULT_NAME_SOURCES, await loadTable()];
  } catch {
    // Without the full table codes are still decoded, with curated names only.
  }
  const redacted = values.redact ? redact(joined.text) : undefined;
  const text = redacted ? redacted.text : joined.text;
  const d = diagnose(text, { names: sources });
  if (values.json) {
    const report = redacted ? { ...toJson(text, d, joined.parts), redacted: { text: redacted.text, replacements: redacted.redactions.length } } : toJson(text, d, joined.parts);
    io.out(JSON.stringify(report, null, 2) + '\n');
  } else {
    if (redacted) io.out(`Redacted paste (${redacted.redactions.length} value${redacted.redactions.length === 1 ? '' : 's'} replaced):\n\n${redacted.text.replace(/\n?$/, '\n')}\n`);
    io.out(toText(text, d, joined.parts));
  }
  return d.findings.length > 0 ? 0 : 1;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('diagnose.ts') || invoked.endsWith('diagnose.js')) {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`diagnose: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

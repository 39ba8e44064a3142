/**
 * Never silent: when the evidence is thin (a status and/or a component, and nothing that points
 * anywhere by itself: no signal, code or rule), diagnose() answers with the usual causes of that
 * status behind that component (content/data/status-priors.json) instead of the status table's
 * generic list, at low confidences, and the decision tree's open question splits them.
 *
 * Also the text diagnose() returns when it found nothing (`Diagnosis.pasteHint`).
 */
import data from '../../../content/data/status-priors.json' with { type: 'json' };
import type { Fact } from './types.ts';
import type { FactIndex } from './fact-index.ts';
import type { Contribution } from './rank.ts';
import { parseStatus } from './values.ts';
import { causeEntry } from './catalogue.ts';

type Weights = Readonly<Record<string, number>>;

const PRIORS = data.priors as Readonly<Record<string, Readonly<Record<string, Weights>>>>;
/** Servers in the order they are preferred when several are named (the one in front first). */
export const PRIOR_ORDER: readonly string[] = data.order;
const NAMES = data.names as Readonly<Record<string, string>>;
/** How a server value reads in a note (status-priors.json `names`): "Azure Application Gateway", not "azure-app-gateway". */
export function serverName(value: string): string {
  return NAMES[value] ?? value;
}
/** Signals that only restate a status behind a component (a proxy's bare error page). */
const RESTATING: ReadonlySet<string> = new Set(data.restating);
/** Signals too general to point anywhere alone ("it times out"): kept, but the evidence stays thin. */
const WEAK: ReadonlySet<string> = new Set(data.weak);

const ELSEWHERE = data.elsewhere as {
  factor: number;
  groups: Readonly<Record<string, { readonly causes?: readonly string[]; readonly named: readonly string[]; readonly others: readonly string[] }>>;
};
/** The app's stack named with a failure in words, no component and no status (status-priors.json `stack`). */
const STACK = data.stack as { signal: string; needs: readonly string[]; row: string };

/** Hosts where the app's stack named with a failure adds the stack's row to the host's own. */
const STACK_HOSTS: ReadonlySet<string> = new Set(['iis', 'iis-express']);
/** The host's own row beside the stack's: its weights scaled by this. */
const HOST_ROW_BESIDE_STACK = 0.6;

const withoutProxyCauses = (w: Weights): Weights => Object.fromEntries(Object.entries(w).filter(([c]) => !c.startsWith('proxy-')));
const scaled = (w: Weights, by: number): Weights => Object.fromEntries(Object.entries(w).map(([c, x]) => [c, x * by]));

/** The stack's signal and a failure signal, when a paste names both (else undefined). */
function stackFacts(index: FactIndex): Fact[] | undefined {
  const signals = index.byName.get('signal') ?? [];
  const stack = signals.find((f) => f.value === STACK.signal);
  const failing = stack && signals.find((f) => STACK.needs.includes(String(f.value)));
  return stack && failing ? [stack, failing] : undefined;
}

/**
 * Status-table hints for a cause that exists on one platform only (a group's `causes` list, or
 * else the causes.json group of its name) are scaled down when the evidence names a component that
 * rules that platform out and names none of the platform's own (status-priors.json `elsewhere`):
 * a 504 from nginx does not point at the App Service front end, a 503 from Envoy not at a stopped
 * IIS pool. Other hints (signals, codes, rules) are specific evidence and stay.
 */
export function elsewhereContributions(index: FactIndex, contributions: readonly Contribution[]): Contribution[] {
  const named = new Set((index.byName.get('server') ?? []).map((f) => String(f.value).toLowerCase()));
  if (named.size === 0) return [...contributions];
  const away: ((cause: string) => boolean)[] = [];
  for (const [group, { causes, named: own, others }] of Object.entries(ELSEWHERE.groups)) {
    if (own.some((o) => named.has(o)) || !others.some((o) => named.has(o))) continue;
    away.push(causes ? (cause) => causes.includes(cause) : (cause) => causeEntry(cause)?.group === group);
  }
  if (away.length === 0) return [...contributions];
  return contributions.map((c) => (c.source === 'status' && away.some((isAway) => isAway(c.cause)) ? { ...c, weight: c.weight * ELSEWHERE.factor } : c));
}

/** Whether a signal is too general to point anywhere alone (status-priors.json `weak`). */
export function isWeak(signal: string): boolean {
  return WEAK.has(signal);
}

/** Facts that carry a cause's specifics; a paste without any of them (a status, a sentence) is thin evidence. */
const SPECIFIC_FACTS: ReadonlySet<string> = new Set(['signal', 'code', 'exception', 'time-taken-ms', 'setting', 'hosting-model']);
/** Message-catalogue signals of an error page's title ("HTTP Error 502.3 - Bad Gateway"): a status, said in words. */
const TITLE_SIGNAL = /^message\.[^.]+\.title-/;

/**
 * Whether a fact carries a cause's specifics. A paste with none of them is thin evidence: the
 * report says what to collect (report/collect-next.ts) and the word model may fill the short list
 * (word-findings.ts).
 */
export function isSpecific(f: Fact): boolean {
  // A sentence is thin evidence whatever it names: the prose reader's facts are words about the
  // failure, not the failure's own output.
  if (f.kind === 'prose') return false;
  if (!SPECIFIC_FACTS.has(f.name)) return false;
  // A server's version ("version=nginx/1.25.3" under its error page) names no cause.
  if (f.name === 'setting') return !String(f.value).startsWith('version=');
  if (f.name !== 'signal') return true;
  const signal = String(f.value);
  // A signal too general to point anywhere alone ("it times out", "doesn't start", ".NET").
  return !TITLE_SIGNAL.test(signal) && !isRestating(signal) && !isWeak(signal);
}

/** Whether a signal only restates a status behind a component (status-priors.json `restating`). */
export function isRestating(signal: string): boolean {
  return RESTATING.has(signal);
}

/** The prior weights for a status ('502', or 'any') behind a server, if the data has them. */
export function priorFor(status: string, server: string): Weights | undefined {
  return PRIORS[status]?.[server];
}

function isThin(others: readonly Contribution[]): boolean {
  for (const c of others) {
    const id = c.source === 'signal' ? c.key.slice('signal:'.length) : '';
    if (isRestating(id) || WEAK.has(id)) continue;
    if (c.source === 'signal' || c.source === 'code' || c.source === 'rule') return false;
  }
  return true;
}

/** Plain statuses (no sub-status) in the evidence, each once, in order. */
function plainStatuses(index: FactIndex): Fact[] {
  return (index.byName.get('status') ?? []).filter((f) => {
    const s = parseStatus(f.value);
    return s !== undefined && s.sub === undefined;
  });
}

/**
 * Prior contributions for thin evidence, or undefined when the evidence is not thin or the data
 * has no row for it. `others` are the contributions computed so far (signals, codes, statuses,
 * rules); when priors apply they replace the status and restating-signal contributions.
 */
export function priorContributions(index: FactIndex, others: readonly Contribution[]): Contribution[] | undefined {
  if (!isThin(others)) return undefined;
  const servers = index.byName.get('server') ?? [];
  let server: Fact | undefined;
  for (const name of PRIOR_ORDER) {
    server = servers.find((f) => String(f.value).toLowerCase() === name);
    if (server) break;
  }
  const statuses = plainStatuses(index);
  const anyStatus = (index.byName.get('status')?.length ?? 0) > 0;
  // No component and no status: the app's stack named with a failure in words has a row
  // ('aspnetcore'); nothing else does.
  if (!server && !anyStatus) {
    const facts = stackFacts(index);
    const w = facts && priorFor('any', STACK.row);
    return facts && w ? withRows(others, [{ status: 'any', facts, weights: w }], STACK.row, 'An ASP.NET Core app that fails') : undefined;
  }
  // No component named: a status with a 'none' row (the usual causes of that status when the
  // paste names no component; for 499, 460 and 520-526 the one product that sends it) gets it.
  if (!server && statuses.length === 0) return undefined;
  const name = server ? String(server.value).toLowerCase() : 'none';
  // A sub-status ("502.3", "500.30") is specific evidence: the status table handles it.
  if (statuses.length === 0 && anyStatus) return undefined;
  const rows: Row[] = [];
  if (statuses.length === 0) {
    // IIS named without a status fails most often for IIS's own reasons (its row); with the app's
    // stack and a failure named too ("ASP.NET Core app not starting on IIS"), the app's start
    // failures come first (the stack's row) and IIS's own reasons follow, scaled down.
    const stack = STACK_HOSTS.has(name) ? stackFacts(index) : undefined;
    const ws = stack && priorFor('any', STACK.row);
    // (Without the stack row's proxy causes: the named host is not a proxy in front of the app.)
    if (stack && ws && server) rows.push({ status: 'any', facts: [...stack, server], weights: withoutProxyCauses(ws) });
    const w = server ? priorFor('any', name) : undefined;
    if (w && server) rows.push({ status: 'any', facts: [server], weights: stack && ws ? scaled(w, HOST_ROW_BESIDE_STACK) : w });
  } else {
    const seen = new Set<string>();
    for (const f of statuses) {
      const s = String(parseStatus(f.value)?.status);
      if (seen.has(s)) continue;
      seen.add(s);
      // A status only one product sends (499) keeps its row whatever else is named.
      const own = priorFor(s, name);
      const w = own ?? priorFor(s, 'none');
      if (w) rows.push({ status: s, facts: server && own ? [f, server] : [f], weights: w });
    }
  }
  if (rows.length === 0) return undefined;
  return withRows(others, rows, name);
}

interface Row {
  status: string;
  facts: Fact[];
  weights: Weights;
}

/** `others` without the status and restating hints, with the rows' prior hints. */
function withRows(others: readonly Contribution[], rows: readonly Row[], name: string, label?: string): Contribution[] {
  const kept = others.filter((c) => c.source !== 'status' && !(c.source === 'signal' && RESTATING.has(c.key.slice('signal:'.length))));
  const out: Contribution[] = [...kept];
  for (const row of rows) {
    const named = row.facts.length > 1;
    const what = label ?? (row.status === 'any' ? `Failures behind ${serverName(name)}` : named ? `A ${row.status} from ${serverName(name)}` : `A ${row.status}`);
    for (const [cause, weight] of Object.entries(row.weights)) {
      out.push({
        cause,
        weight,
        source: 'prior',
        key: `prior:${row.status}:${name}`,
        facts: row.facts,
        note: label
          ? `${what}, with nothing else to go by: one of the usual causes, not a diagnosis. Which server runs the app (IIS, App Service, a container behind a proxy) and the status or error it gives would settle it.`
          : `${what}, with nothing else to go by: one of the usual causes there, not a diagnosis. The questions below split them; the component's error log line for the failing request would settle it.`,
      });
    }
  }
  return out;
}

/** What diagnose() says when it has no finding (Diagnosis.pasteHint). */
export function pasteHint(recognisedAnything: boolean): string {
  const what =
    'Paste the evidence from the time of the failure: the failing request\'s line from the IIS log (with sc-substatus, sc-win32-status and time-taken), the proxy\'s error log line for it (nginx error.log, Apache error_log, YARP or load balancer logs), the error page\'s title and text, the Application event log entry from the ASP.NET Core Module, or the app\'s console or stdout output. Or describe it: the status, what returns it and when, for example "502 from nginx after 60 seconds, only during deploys".';
  return recognisedAnything
    ? `The text was read, but nothing in it points to a cause of a 502, 503 or 504. ${what}`
    : `Nothing in this text was recognised. ${what}`;
}

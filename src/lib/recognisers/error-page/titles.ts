/**
 * What an error page's title and texts mean, for the error-page recogniser.
 *
 * ANCM V2 formats its page title and heading as "HTTP Error <status>.<sub> - <error type>". The
 * error types were renamed in 2020 (dotnet/aspnetcore PR #18346), so both generations are in the
 * wild for the same sub-status (e.g. 500.31 "ANCM Failed to Find Native Dependencies" and
 * "Failed to load ASP.NET Core runtime"); the sub-status decides, the words only split 500.0 and
 * the 500.30 shadow-copy case. IIS's own pages use the same "HTTP Error" heading, and under
 * 502.3 name the WinHTTP failure in words ("The operation timed out").
 */

export interface PageClass {
  signal?: string;
  hosting?: 'in-process' | 'out-of-process';
}

const ANCM_SUB: Readonly<Record<number, PageClass>> = {
  31: { signal: 'error-page.ancm-500-31', hosting: 'in-process' },
  32: { signal: 'error-page.ancm-500-32', hosting: 'in-process' },
  33: { signal: 'error-page.ancm-500-33', hosting: 'in-process' },
  34: { signal: 'error-page.ancm-500-34' },
  35: { signal: 'error-page.ancm-500-35', hosting: 'in-process' },
  36: { signal: 'error-page.ancm-500-36', hosting: 'out-of-process' },
  37: { signal: 'error-page.ancm-500-37', hosting: 'in-process' },
  38: { signal: 'error-page.ancm-500-38', hosting: 'in-process' },
};

/** Classify a page by its status, sub-status and the words after "HTTP Error x.y - ". */
export function classifyTitle(status: number, sub: number | undefined, title: string): PageClass {
  if (status === 500 && sub === 0) {
    if (/\(in-process\)|In-Process Handler Load Failure/i.test(title)) {
      return { signal: 'error-page.ancm-500-0-inprocess', hosting: 'in-process' };
    }
    if (/\(out-of-process\)|Out-Of-Process Handler Load Failure/i.test(title)) {
      return { signal: 'error-page.ancm-500-0-outofprocess', hosting: 'out-of-process' };
    }
    return {};
  }
  if (status === 500 && sub === 30) {
    return /shadow copy/i.test(title)
      ? { signal: 'error-page.ancm-500-30-shadow-copy', hosting: 'in-process' }
      : { signal: 'error-page.ancm-500-30', hosting: 'in-process' };
  }
  if (status === 500 && sub !== undefined && ANCM_SUB[sub]) return ANCM_SUB[sub] as PageClass;
  if (status === 500 && sub === 21) return { signal: 'error-page.bad-module' };
  if (status === 502 && sub === 5) return { signal: 'error-page.ancm-502-5', hosting: 'out-of-process' };
  if (status === 403 && sub === 14) return { signal: 'error-page.iis-403-14' };
  return {};
}

/** Signal suffix of a 502.3 page, by the Win32 code of its error. */
export const WINHTTP_BY_CODE: ReadonlyMap<number, string> = new Map([
  [12002, 'timeout'],
  [12029, 'cannot-connect'],
  [12030, 'connection-error'],
  [12152, 'invalid-response'],
  [87, 'invalid-parameter'],
]);

/** Signal of a 500.19 page, by the Win32 code of its Error Code. */
export const CONFIG_BY_CODE: ReadonlyMap<number, string> = new Map([
  [13, 'error-page.iis-500-19-invalid-data'],
  [183, 'error-page.config-duplicate-entry'],
  [5, 'error-page.config-access-denied'],
  [3, 'error-page.config-path-not-found'],
]);

/**
 * Attributes of the aspNetCore element that only the ASP.NET Core Module V2 schema declares
 * (aspnetcore_schema_v2.xml in dotnet/aspnetcore; the V1 schema has processPath, arguments, the
 * time limits, stdout and forwardWindowsAuthToken settings, but no hosting model).
 */
const ANCM_V2_ONLY_ATTRIBUTES: ReadonlySet<string> = new Set(['hostingmodel']);

/**
 * Texts that name something on a page. One alternation of literals: linear to scan. A few are
 * also in the words a localized IIS prints: the locked-section error in German ("Dieser
 * Konfigurationsabschnitt kann in diesem Pfad nicht verwendet werden.") and Chinese ("不能在此路径中
 * 使用此配置节。"), the 500.21 bad module in Chinese ("处理程序“aspNetCore”在其模块列表中有一个错误模块
 * “AspNetCoreModuleV2”").
 */
/**
 * White space between two words of a page text: spaces, or a line break where a terminal, a mail
 * client or a forum wrapped the copied page (the next line may be indented or quoted with ">").
 */
const GAP = '(?:[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t>]{0,8})';

/** The same pattern with each literal space of its source allowed to be a wrapped line break. */
export function wrapTolerant(re: RegExp): RegExp {
  return new RegExp(re.source.replaceAll(' ', GAP), re.flags);
}

export const PHRASES = wrapTolerant(
  /The operation timed out|A connection with the server could not be established|The connection with the server was terminated abnormally|The server returned an invalid or unrecognized response|The parameter is incorrect|missing a section declaration|Unrecognized configuration section [\w./]{0,80}aspNetCore|Cannot add duplicate collection entry|already defined\. Sections must only appear once|Cannot read configuration file due to insufficient permissions|not well-formed XML|Unrecognized attribute(?: '[\w.:-]{1,80}')?|This configuration section cannot be used at this path|Dieser Konfigurationsabschnitt kann in diesem Pfad nicht verwendet werden|不能在此路径中使用此配置节|has a bad module|在其模块列表中有一个错误模块|app_offline\.htm/gi,
);

/** What a phrase found by PHRASES means: a 502.3 WinHTTP suffix, or a signal id. */
export function phraseMeaning(phrase: string): { winhttp?: string; signal?: string } {
  const p = phrase.replace(/[ \t]*\r?\n[ \t>]*/g, ' ').toLowerCase();
  if (p.startsWith('the operation timed out')) return { winhttp: 'timeout' };
  if (p.startsWith('a connection with the server')) return { winhttp: 'cannot-connect' };
  if (p.startsWith('the connection with the server')) return { winhttp: 'connection-error' };
  if (p.startsWith('the server returned an invalid')) return { winhttp: 'invalid-response' };
  if (p.startsWith('the parameter is incorrect')) return { winhttp: 'invalid-parameter' };
  if (p.startsWith('missing a section') || p.startsWith('unrecognized configuration section')) {
    return { signal: 'error-page.config-section-undeclared' };
  }
  if (p.startsWith('cannot add duplicate')) return { signal: 'error-page.config-duplicate-entry' };
  if (p.startsWith('already defined')) return { signal: 'error-page.config-section-duplicate' };
  if (p.startsWith('cannot read configuration')) return { signal: 'error-page.config-access-denied' };
  if (p.startsWith('not well-formed')) return { signal: 'error-page.config-malformed' };
  if (p.startsWith('unrecognized attribute')) {
    // IIS names the attribute ("Unrecognized attribute 'hostingModel'"). One the ASP.NET Core
    // Module's V2 schema added means an older module schema is registered; any other is a value
    // the installed IIS and modules do not know (a typo, or a setting of a newer IIS version).
    const name = /'([^']+)'/.exec(p)?.[1];
    if (name !== undefined && !ANCM_V2_ONLY_ATTRIBUTES.has(name.toLowerCase())) return { signal: 'error-page.config-unrecognized-attribute-other' };
    return { signal: 'error-page.config-unrecognized-attribute' };
  }
  if (p.startsWith('this configuration section') || p.startsWith('dieser konfigurationsabschnitt') || p.startsWith('不能在此路径')) {
    return { signal: 'error-page.config-locked' };
  }
  if (p.startsWith('has a bad module') || p.startsWith('在其模块列表中')) return { signal: 'error-page.bad-module' };
  if (p.startsWith('app_offline')) return { signal: 'error-page.app-offline' };
  return {};
}

/** Fixed texts of IIS and ANCM error pages: lines that hold them belong to the page. */
export const BOILERPLATE =
  /Most likely causes|Things you can try|Links and More Information|View more information|Detailed Error Information|Common solutions to this issue|Common causes of this issue|Troubleshooting steps|For more information visit|Specific error detected by|The requested page cannot be accessed because the related configuration data for the page is invalid|IIS received the request; however, an internal error occurred|Config Source|Internet Information Services|The application process failed to start|The application process started but|The app failed to start|The app started but|Check the system event log|Enable logging the application process|Attach a debugger to the application process|Troubleshoot ASP\.NET Core on Azure App Service and IIS|go\.microsoft\.com\/fwlink|Select a different app pool to host this app|Make sure Microsoft\.AspNetCore\.App is referenced|The specified version of Microsoft\.NetCore\.App or Microsoft\.AspNetCore\.App was not found|published for a different bitness|Could not load hostfxr\.dll|The app couldn't be found|failed to start after \d{1,10} milliseconds|The out of process request handler|write permissions to the shadow copy directory|Single-file deployments are not supported|The Web server is configured to not list the contents of this directory|There is a problem with the page you are looking for|Server Error|Service Unavailable|Bad Gateway|Internal Server Error|The request timed out/i;

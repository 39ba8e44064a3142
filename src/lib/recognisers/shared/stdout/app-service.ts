/**
 * Whether a paste shows Azure App Service (event-log, ancm-debug-log and stdout-log weigh some
 * lines differently there).
 */

/**
 * App Service paths and host names: D:\home\site\wwwroot, \home\LogFiles, *.azurewebsites.net,
 * and the platform's own .NET install on drive D: (D:\Program Files (x86)\dotnet, D:\Program
 * Files\dotnet), which hostfxr names when it lists the installed frameworks.
 */
const APP_SERVICE = /\\home\\(?:site\\wwwroot|logfiles)|\.azurewebsites\.net|\bD:\\Program Files(?: \(x86\))?\\dotnet\b/i;

/** Does the paste show Azure App Service paths? One case-insensitive scan, no copy of the input. */
export function showsAppService(input: string): boolean {
  return APP_SERVICE.test(input);
}

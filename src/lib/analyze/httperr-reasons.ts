/**
 * HTTP.sys error-log reasons (the s-reason field of httperr*.log) as Windows spells them, so
 * the page can show "QueueFull" for the lower-case key the counters use. Which causes a
 * reason points to is the iis-log recogniser's business (clusters.ts asks it).
 */
const SPELLINGS = [
  'AppOffline',
  'AppPoolTimer',
  'AppShutdown',
  'BadRequest',
  'Client_Reset',
  'Connection_Abandoned_By_AppPool',
  'Connection_Abandoned_By_ReqQueue',
  'Connection_Dropped',
  'Connection_Dropped_List_Full',
  'ConnLimit',
  'Connections_Refused',
  'Disabled',
  'EntityTooLarge',
  'FieldLength',
  'Forbidden',
  'Header',
  'Hostname',
  'Internal',
  'Invalid_CR/LF',
  'LengthRequired',
  'Number',
  'Precondition',
  'QueueFull',
  'RequestLength',
  'Timer_AppPool',
  'Timer_ConnectionIdle',
  'Timer_EntityBody',
  'Timer_HeaderWait',
  'Timer_MinBytesPerSecond',
  'Timer_ReqQueue',
  'Timer_Response',
  'URL',
  'URL_Length',
  'Verb',
  'Version_N/S',
];

const BY_KEY = new Map(SPELLINGS.map((s) => [s.toLowerCase(), s]));

/** "queuefull" -> "QueueFull"; unknown reasons are returned as given. */
export function reasonSpelling(key: string): string {
  return BY_KEY.get(key.toLowerCase()) ?? key;
}

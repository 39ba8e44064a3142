/**
 * YARP's `ForwarderError` values (Yarp.ReverseProxy.Forwarder.ForwarderError, enum order = int
 * value) with the text `HttpForwarder` logs for each (event 48 `ForwardingError`, template
 * `{error}: {message}`; client cancellations as event 66 `ForwardingRequestCancelled`).
 * Source of names and texts: dotnet/yarp src/ReverseProxy/Forwarder/ForwarderError.cs and
 * HttpForwarder.cs `GetMessage`.
 */

export interface ForwarderErrorDef {
  value: number;
  name: string;
  /** The logged message; empty when HttpForwarder never logs this value itself. */
  message: string;
  /** Signal id in src/lib/signals/yarp.ts. */
  signal: string;
}

export const FORWARDER_ERRORS: ForwarderErrorDef[] = [
  { value: 1, name: 'Request', message: 'An error was encountered before receiving a response.', signal: 'yarp.error-request' },
  {
    value: 2,
    name: 'RequestTimedOut',
    message: 'The request timed out before receiving a response.',
    signal: 'yarp.error-request-timed-out',
  },
  {
    value: 3,
    name: 'RequestCanceled',
    message: 'The request was canceled before receiving a response.',
    signal: 'yarp.error-request-canceled',
  },
  {
    value: 4,
    name: 'RequestBodyCanceled',
    message: 'Copying the request body was canceled.',
    signal: 'yarp.error-request-body-canceled',
  },
  {
    value: 5,
    name: 'RequestBodyClient',
    message: 'The client reported an error when copying the request body.',
    signal: 'yarp.error-request-body-client',
  },
  {
    value: 6,
    name: 'RequestBodyDestination',
    message: 'The destination reported an error when copying the request body.',
    signal: 'yarp.error-request-body-destination',
  },
  {
    value: 7,
    name: 'ResponseHeaders',
    message: 'The destination returned a response that cannot be proxied back to the client.',
    signal: 'yarp.error-response-headers',
  },
  {
    value: 8,
    name: 'ResponseBodyCanceled',
    message: 'Copying the response body was canceled.',
    signal: 'yarp.error-response-body-canceled',
  },
  {
    value: 9,
    name: 'ResponseBodyClient',
    message: 'The client reported an error when copying the response body.',
    signal: 'yarp.error-response-body-client',
  },
  {
    value: 10,
    name: 'ResponseBodyDestination',
    message: 'The destination reported an error when copying the response body.',
    signal: 'yarp.error-response-body-destination',
  },
  {
    value: 11,
    name: 'UpgradeRequestCanceled',
    message: 'Copying the upgraded request body was canceled.',
    signal: 'yarp.error-upgrade-canceled',
  },
  {
    value: 12,
    name: 'UpgradeRequestClient',
    message: 'The client reported an error when copying the upgraded request body.',
    signal: 'yarp.error-upgrade-client',
  },
  {
    value: 13,
    name: 'UpgradeRequestDestination',
    message: 'The destination reported an error when copying the upgraded request body.',
    signal: 'yarp.error-upgrade-destination',
  },
  {
    value: 14,
    name: 'UpgradeResponseCanceled',
    message: 'Copying the upgraded response body was canceled.',
    signal: 'yarp.error-upgrade-canceled',
  },
  {
    value: 15,
    name: 'UpgradeResponseClient',
    message: 'The client reported an error when copying the upgraded response body.',
    signal: 'yarp.error-upgrade-client',
  },
  {
    value: 16,
    name: 'UpgradeResponseDestination',
    message: 'The destination reported an error when copying the upgraded response body.',
    signal: 'yarp.error-upgrade-destination',
  },
  { value: 17, name: 'NoAvailableDestinations', message: '', signal: 'yarp.no-available-destinations' },
  {
    value: 18,
    name: 'RequestCreation',
    message: 'An error was encountered while creating the request message.',
    signal: 'yarp.error-request-creation',
  },
  {
    value: 19,
    name: 'UpgradeActivityTimeout',
    message: 'The WebSocket connection was closed after being idle longer than the Activity Timeout.',
    signal: 'yarp.error-upgrade-activity-timeout',
  },
];

/** Lower-case name -> definition. */
export const FORWARDER_ERROR_BY_NAME = new Map(FORWARDER_ERRORS.map((e) => [e.name.toLowerCase(), e]));

/**
 * Inner-exception texts (.NET System.Net.Http / Sockets / Security) seen under a YARP error, as
 * squeezed needles (lower case, no whitespace), with the signal each one means.
 */
export const INNER_FAILURES: [string, string][] = [
  ['aconnectioncouldnotbeestablishedwithintheconfiguredconnecttimeout', 'yarp.connect-timeout'],
  ['thesslconnectioncouldnotbeestablished', 'yarp.tls-failed'],
  ['theremotecertificateisinvalid', 'yarp.certificate-rejected'],
  ['remotecertificatenamemismatch', 'yarp.certificate-rejected'],
  ['theresponseendedprematurely', 'yarp.response-ended'],
  ['receivedaninvalidstatusline', 'yarp.invalid-response'],
  ['theserverreturnedaninvalidorunrecognizedresponse', 'yarp.invalid-response'],
  ['http/1.xrequestsenttohttp/2onlyendpoint', 'yarp.invalid-response'],
  ['receivedaninvalidheaderline', 'yarp.invalid-response'],
  ['connectionrefused', 'yarp.connection-refused'],
  ['activelyrefusedit', 'yarp.connection-refused'],
  ['socketexception(111)', 'yarp.connection-refused'],
  ['socketexception(10061)', 'yarp.connection-refused'],
  ['noroutetohost', 'yarp.no-route'],
  ['socketexception(113)', 'yarp.no-route'],
  ['nameorservicenotknown', 'yarp.dns-failed'],
  ['nosuchhostisknown', 'yarp.dns-failed'],
  ['connectionresetbypeer', 'yarp.connection-reset'],
  ['thehttp/2serverresetthestream', 'yarp.connection-reset'],
  ['forciblyclosedbytheremotehost', 'yarp.connection-reset'],
  ['brokenpipe', 'yarp.connection-reset'],
  ['connectiontimedout', 'yarp.connect-timeout'],
  ['didnotproperlyrespondafteraperiodoftime', 'yarp.connect-timeout'],
  ['duetotheconfiguredhttpclient.timeout', 'yarp.activity-timeout'],
];

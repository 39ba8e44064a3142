/**
 * Signals of the yarp recogniser (YARP, Yarp.ReverseProxy: an ASP.NET Core app proxying to
 * Kestrel). One signal per ForwarderError (the upgrade variants grouped by side), the middleware
 * events, and the inner-exception texts that say why a `Request` error happened.
 */
import type { SignalDef } from '../engine/types.ts';
import { fact } from '../facts/facts.ts';

const kind = 'yarp' as const;

export const signals: SignalDef[] = [
  {
    id: 'yarp.error-request',
    kind,
    label: 'YARP: Request: An error was encountered before receiving a response. (502)',
    causes: { 'yarp-forwarder-error': 0.6, 'proxy-upstream-refused': 0.2, 'proxy-upstream-closed': 0.2 },
  },
  {
    id: 'yarp.error-request-timed-out',
    kind,
    label: 'YARP: RequestTimedOut: The request timed out before receiving a response. (504)',
    causes: { 'proxy-upstream-timeout': 0.9, 'yarp-forwarder-error': 0.5, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'yarp.error-request-canceled',
    kind,
    label: 'YARP: RequestCanceled: the request was canceled before a response (client went away)',
    causes: { 'client-aborted': 0.85, 'yarp-forwarder-error': 0.3 },
  },
  {
    // The client's side of a copy failed or was canceled: the client went away, which YARP reports
    // as its own error; the generic YARP cause stays below (the decision tree's YARP leaf adds to it).
    id: 'yarp.error-request-body-canceled',
    kind,
    label: 'YARP: RequestBodyCanceled: copying the request body was canceled',
    causes: { 'client-aborted': 0.5, 'yarp-forwarder-error': 0.1 },
  },
  {
    id: 'yarp.error-request-body-client',
    kind,
    label: 'YARP: RequestBodyClient: the client failed while sending the request body',
    causes: { 'client-aborted': 0.45, 'yarp-forwarder-error': 0.4 },
  },
  {
    id: 'yarp.error-request-body-destination',
    kind,
    label: 'YARP: RequestBodyDestination: the destination failed while receiving the request body',
    causes: { 'yarp-forwarder-error': 0.65, 'proxy-upstream-closed': 0.5 },
  },
  {
    id: 'yarp.error-response-headers',
    kind,
    label: 'YARP: ResponseHeaders: the destination response cannot be proxied back (502)',
    causes: { 'yarp-forwarder-error': 0.7, 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'yarp.error-response-body-canceled',
    kind,
    label: 'YARP: ResponseBodyCanceled: copying the response body was canceled',
    causes: { 'client-aborted': 0.5, 'yarp-forwarder-error': 0.1 },
  },
  {
    id: 'yarp.error-response-body-client',
    kind,
    label: 'YARP: ResponseBodyClient: the client failed while receiving the response body',
    causes: { 'client-aborted': 0.5, 'yarp-forwarder-error': 0.1 },
  },
  {
    id: 'yarp.error-response-body-destination',
    kind,
    label: 'YARP: ResponseBodyDestination: the destination failed mid-response',
    causes: { 'yarp-forwarder-error': 0.65, 'proxy-upstream-closed': 0.5, 'app-crash-runtime': 0.3 },
  },
  {
    id: 'yarp.error-upgrade-canceled',
    kind,
    label: 'YARP: Upgrade…Canceled: a WebSocket/upgraded tunnel was canceled',
    causes: { 'client-aborted': 0.5, 'yarp-forwarder-error': 0.1 },
  },
  {
    id: 'yarp.error-upgrade-client',
    kind,
    label: 'YARP: Upgrade…Client: the client side of a WebSocket tunnel failed',
    causes: { 'yarp-forwarder-error': 0.2 },
  },
  {
    id: 'yarp.error-upgrade-destination',
    kind,
    label: 'YARP: Upgrade…Destination: the destination side of a WebSocket tunnel failed',
    causes: { 'proxy-upstream-closed': 0.4, 'yarp-forwarder-error': 0.4 },
  },
  {
    id: 'yarp.error-upgrade-activity-timeout',
    kind,
    label: 'YARP: UpgradeActivityTimeout: idle WebSocket closed after the Activity Timeout',
    causes: { 'yarp-forwarder-error': 0.4, 'proxy-upstream-timeout': 0.2 },
  },
  {
    id: 'yarp.error-request-creation',
    kind,
    label: 'YARP: RequestCreation: the outgoing request could not be built (502)',
    causes: { 'yarp-forwarder-error': 0.8 },
  },
  {
    id: 'yarp.no-available-destinations',
    kind,
    label: 'YARP: No available destinations after load balancing for cluster … (503)',
    causes: { 'backend-unhealthy': 1, 'yarp-forwarder-error': 0.4 },
  },
  {
    id: 'yarp.no-cluster',
    kind,
    label: 'YARP: Route … has no cluster information (503)',
    causes: { 'yarp-forwarder-error': 0.6 },
  },
  {
    id: 'yarp.forwarding-error',
    kind,
    label: 'YARP: HttpForwarder event 48 ForwardingError',
    causes: { 'yarp-forwarder-error': 0.6 },
  },
  {
    id: 'yarp.connection-refused',
    kind,
    label: 'YARP: the destination refused the connection (SocketException 111 / 10061)',
    causes: { 'proxy-upstream-refused': 1, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'yarp.no-route',
    kind,
    label: 'YARP: no route to the destination host (SocketException 113)',
    causes: { 'proxy-upstream-refused': 0.6, 'pod-shutdown-race': 0.4 },
  },
  {
    id: 'yarp.dns-failed',
    kind,
    label: 'YARP: the destination host name could not be resolved',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'yarp.connect-timeout',
    kind,
    label: 'YARP: no connection within ConnectTimeout (15 s by default)',
    causes: { 'proxy-upstream-refused': 0.5, 'proxy-upstream-timeout': 0.5 },
  },
  {
    id: 'yarp.tls-failed',
    kind,
    label: 'YARP: The SSL connection could not be established',
    causes: { 'proxy-protocol-mismatch': 0.9 },
  },
  {
    id: 'yarp.certificate-rejected',
    kind,
    label: 'YARP: the destination certificate was rejected',
    causes: { 'backend-tls-failure': 0.97, 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'yarp.response-ended',
    kind,
    label: 'YARP: The response ended prematurely (destination closed without answering)',
    causes: { 'proxy-upstream-closed': 1, 'keepalive-race': 0.2, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'yarp.connection-reset',
    kind,
    label: 'YARP: the destination reset the connection',
    causes: { 'proxy-upstream-closed': 0.8, 'keepalive-race': 0.4 },
  },
  {
    id: 'yarp.invalid-response',
    kind,
    label: 'YARP: the destination answered with something that is not HTTP/1.1 (a TLS port, or an HTTP/2-only endpoint on ASP.NET Core 6.0 or older)',
    causes: { 'proxy-protocol-mismatch': 0.9 },
  },
  {
    id: 'yarp.activity-timeout',
    kind,
    label: `YARP: HttpClient timeout / ActivityTimeout (${fact('yarp.ActivityTimeout').says} by default) elapsed`,
    causes: { 'proxy-upstream-timeout': 0.8, 'thread-pool-starvation': 0.3 },
  },
];

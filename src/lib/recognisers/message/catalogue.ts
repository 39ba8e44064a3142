/**
 * The message catalogue: every entry of content/data/messages/<product>.json, in product order,
 * and which of its causes are active (have an article in content/data/causes.json). An entry
 * whose causes are all still without an article is kept and matched, but its signal is not
 * registered until one of them is added (signals/message.ts, catalogue.test.ts lists them).
 */
import causes from '../../../../content/data/causes.json' with { type: 'json' };
import ancm from '../../../../content/data/messages/ancm.json' with { type: 'json' };
import iis from '../../../../content/data/messages/iis.json' with { type: 'json' };
import hostfxr from '../../../../content/data/messages/hostfxr.json' with { type: 'json' };
import kestrel from '../../../../content/data/messages/kestrel.json' with { type: 'json' };
import dotnetNet from '../../../../content/data/messages/dotnet-net.json' with { type: 'json' };
import windowsSocket from '../../../../content/data/messages/windows-socket.json' with { type: 'json' };
import nginx from '../../../../content/data/messages/nginx.json' with { type: 'json' };
import apache from '../../../../content/data/messages/apache.json' with { type: 'json' };
import yarp from '../../../../content/data/messages/yarp.json' with { type: 'json' };
import envoy from '../../../../content/data/messages/envoy.json' with { type: 'json' };
import traefik from '../../../../content/data/messages/traefik.json' with { type: 'json' };
import haproxy from '../../../../content/data/messages/haproxy.json' with { type: 'json' };
import caddy from '../../../../content/data/messages/caddy.json' with { type: 'json' };
import azure from '../../../../content/data/messages/azure.json' with { type: 'json' };
import aws from '../../../../content/data/messages/aws.json' with { type: 'json' };
import gcp from '../../../../content/data/messages/gcp.json' with { type: 'json' };
import cloudflare from '../../../../content/data/messages/cloudflare.json' with { type: 'json' };
import heroku from '../../../../content/data/messages/heroku.json' with { type: 'json' };
import kubernetes from '../../../../content/data/messages/kubernetes.json' with { type: 'json' };
import nodeProxy from '../../../../content/data/messages/node-proxy.json' with { type: 'json' };
import openssl from '../../../../content/data/messages/openssl.json' with { type: 'json' };
import curl from '../../../../content/data/messages/curl.json' with { type: 'json' };
import appServer from '../../../../content/data/messages/app-server.json' with { type: 'json' };
import paas from '../../../../content/data/messages/paas.json' with { type: 'json' };
import kong from '../../../../content/data/messages/kong.json' with { type: 'json' };
import varnish from '../../../../content/data/messages/varnish.json' with { type: 'json' };
import cdn from '../../../../content/data/messages/cdn.json' with { type: 'json' };
import browser from '../../../../content/data/messages/browser.json' with { type: 'json' };
import httpClient from '../../../../content/data/messages/http-client.json' with { type: 'json' };
import database from '../../../../content/data/messages/database.json' with { type: 'json' };
import apiGateway from '../../../../content/data/messages/api-gateway.json' with { type: 'json' };
import authProxy from '../../../../content/data/messages/auth-proxy.json' with { type: 'json' };
import webServer from '../../../../content/data/messages/web-server.json' with { type: 'json' };
import type { MessageEntry, MessageProduct } from './entry.ts';

/** The raw data files by product (validated by catalogue.test.ts). */
export const MESSAGE_FILES: Record<MessageProduct, unknown[]> = {
  ancm,
  iis,
  hostfxr,
  kestrel,
  'dotnet-net': dotnetNet,
  'windows-socket': windowsSocket,
  nginx,
  apache,
  yarp,
  envoy,
  traefik,
  haproxy,
  caddy,
  azure,
  aws,
  gcp,
  cloudflare,
  heroku,
  kubernetes,
  'node-proxy': nodeProxy,
  openssl,
  curl,
  'app-server': appServer,
  paas,
  kong,
  varnish,
  cdn,
  browser,
  'http-client': httpClient,
  database,
  'api-gateway': apiGateway,
  'auth-proxy': authProxy,
  'web-server': webServer,
};

/** Every catalogue entry, in product order then file order. */
export const MESSAGES: readonly MessageEntry[] = Object.values(MESSAGE_FILES).flat() as MessageEntry[];

const ACTIVE_CAUSES: ReadonlySet<string> = new Set((causes as { id: string }[]).map((c) => c.id));

/** The entry's causes that have an article (content/data/causes.json). */
export function activeCauses(e: MessageEntry): MessageEntry['causes'] {
  return e.causes.filter((c) => ACTIVE_CAUSES.has(c.cause));
}

/** The signal id of an entry. */
export function messageSignalId(e: MessageEntry): string {
  return `message.${e.id}`;
}

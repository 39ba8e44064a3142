/** Long real-shaped evidence for the layout and privacy tests: one line of each kind. */
export const NGINX_LINE =
  '2024/03/05 10:15:22 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 10.20.30.40, server: internal-api.corp.example.com, request: "POST /api/orders/submit/with/a/long/path/that/keeps/going/and/going HTTP/1.1", upstream: "http://127.0.0.1:5000/api/orders/submit/with/a/long/path/that/keeps/going/and/going", host: "internal-api.corp.example.com"';
export const IIS_LINE =
  '2024-03-05 10:15:22 10.0.0.5 POST /api/orders/submit/with/a/long/path/that/keeps/going/and/going/and/going orderId=12345&customer=abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/120.0.0.0+Safari/537.36 https://internal-api.corp.example.com/some/referer/path 502 3 12002 120015';
export const FREB_EXCERPT =
  'MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="The operation timed out (0x80072ee2)", ConfigExceptionInfo=""';
export const ALL_EVIDENCE = [NGINX_LINE, IIS_LINE, FREB_EXCERPT].join('\n');

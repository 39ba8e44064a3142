/**
 * The app servers that sit behind nginx, Apache or a cloud router (Gunicorn, uWSGI, Unicorn,
 * Puma) log when their master kills a worker that overran its time-out or ran out of memory: the
 * proxy then sees the connection closed without a response. Their own log words go through
 * diagnose() and come out as the cause they mean, with other pids, timings and prefixes.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with the app servers of the message catalogue', () => {
  topCauseTests([
    ['[2021-07-02 09:14:03 +0200] [9] [CRITICAL] WORKER TIMEOUT (pid:4182)', 'proxy-upstream-closed'],
    ['web_1 | [CRITICAL] WORKER TIMEOUT (pid:27)\nweb_1 | [INFO] Booting worker with pid: 31', 'proxy-upstream-closed'],
    ['[2023-01-09 10:00:00 +0000] [1] [ERROR] Worker (pid:57) was sent SIGKILL! Perhaps out of memory?', 'resource-exhaustion'],
    ['E, [2020-05-01T10:00:00.000000 #5] ERROR -- : worker=0 PID:311 timeout (61s > 60s), killing', 'proxy-upstream-closed'],
    ['Tue Mar  5 10:14:22 2024 - *** HARAKIRI ON WORKER 2 (pid: 1311, try: 1) ***', 'proxy-upstream-closed'],
    ['2024-03-05T10:14:22.000000+00:00 app[web.1]: [3] ! Terminating timed out worker (worker failed to check in within 60 seconds): 88', 'proxy-upstream-closed'],
  ]);
});

import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\' failed to start process with commandline 'x', ErrorCode = '",
    'Source: IIS AspNetCore Module V2\nEvent ID: 1000\n',
    '<Event><System><Provider Name="WAS"/><EventID>5002</EventID>',
    'TimeCreated Id LevelDisplayName Message\n----------- -- ---------------- -------\n',
    'First 30KB characters of captured stdout and stderr logs:\n',
    '&#xD;&#xA;&apos;&#99999999;&',
    "[aspnetcorev2.dll] Event Log: '",
  ],
  adversarial: [
    runOf('failed to start process with commandline '),
    runOf('<Event '),
    runOf("'"),
    runOf('0x'),
    runOf(' ', '', 'x'),
    runOf('Source: WAS\nEvent ID: 5002\n'),
    runOf('ProviderName: WAS\nTimeCreated Id Message\n-- -- --\n'),
    runOf('&#x'),
    runOf('captured stdout and stderr logs:\n'),
    runOf('w3wp.exe, version: 1.2, time stamp: 0x12345678\n[aspnetcorev2.dll] x\n'),
    runOf('Sig[1].Name=Exception Code\n', 'EventType=BEX\n'),
    runOf(' ', '1/2/2024', 'x'),
  ],
};

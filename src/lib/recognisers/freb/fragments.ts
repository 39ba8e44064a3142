import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '<failedRequest url="',
    '<Event>',
    '</Event>',
    '<Data Name="HttpStatus">',
    '</Data>',
    '<Opcode>',
    'MODULE_SET_RESPONSE_ERROR_STATUS',
    'ModuleName ',
    'HttpStatus 502 ',
    'ErrorCode ',
    '0x80072ee2',
    '"',
    '<',
    '\n',
    '&amp;',
    '</failedRequest>',
  ],
  adversarial: [
    runOf('<Data Name=', '<Data Name="'),
    runOf('a', '<Data Name="x">'),
    runOf(' a="b"', '<failedRequest'),
    runOf('"'),
    runOf('<'),
    runOf('ModuleName HttpStatus '),
    runOf('<Event><Data Name="ModuleName">AspNetCoreModuleV2</Data>\n'),
    runOf(' ', 'ErrorCode '),
    runOf('<failedRequest url="/a"><Event><Data Name="ModuleName">x</Data></Event></failedRequest>\n'),
    runOf('<Event><Data Name="ModuleName">x</Data></Event'),
    runOf('<Event '),
  ],
};

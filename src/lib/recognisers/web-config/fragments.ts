import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '<aspNetCore',
    ' processPath="dotnet"',
    ' arguments="',
    ' hostingModel="inprocess"',
    '/>',
    '>',
    '</aspNetCore>',
    '<configuration>',
    '</configuration>',
    '<add name="aspNetCore" modules="AspNetCoreModuleV2" path="*" />',
    '"',
    '&',
    '\n',
    '<environmentVariable name="A" value="B" />',
  ],
  adversarial: [
    runOf('<aspNetCore a=', '<aspNetCore a="'),
    runOf('x', '<aspNetCore processPath="'),
    runOf(' ', '<aspNetCore'),
    runOf('<add name="aspNetCore" modules="AspNetCoreModuleV2" path="*" />', '<configuration>'),
    runOf('"'),
    runOf(' a="1"', '<aspNetCore', '/>'),
    runOf('<configuration><aspNetCore processPath="dotnet"/></configuration>\n'),
    runOf('<configuration><add name="aspNetCore" path="*" modules="AspNetCoreModuleV2"/>\n'),
    runOf('<aspNetCore processPath="a"></aspNetCore'),
  ],
};

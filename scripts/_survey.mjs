import { readCorpus } from '../tests/support/real-corpus.ts';
import { diagnose } from '../src/lib/engine/diagnose.ts';
const cases = readCorpus(['tests/fixtures/real','tests/fixtures/real-events']).filter(c=>c.part==='learning');
const notes = new Map();
for (const c of cases) { const d = diagnose(c.text); for (const f of d.findings.slice(0,4)) for (const e of f.evidence) for (const n of e.note.split('; ')) notes.set(n.replace(/\d+(\.\d+)?/g,'N'), (notes.get(n.replace(/\d+(\.\d+)?/g,'N'))??0)+1); }
const arr=[...notes].sort((a,b)=>b[1]-a[1]);
console.log(arr.length);
for (const [n,c] of arr.slice(0,120)) console.log(c, n.length, n.slice(0,220));

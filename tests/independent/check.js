#!/usr/bin/env node
// Independent X12 envelope check: parses each FILE with node-x12 (a JS
// implementation unrelated to avedi's C++ code) and verifies the envelope.
// Usage: node check.js FILE...   -> "ok FILE (N groups, M sets)" / "FAIL FILE: why"
// Exit: 0 all ok, 1 any FAIL, 2 usage error. See README.md for what is checked.
'use strict';
const fs = require('fs');
const { X12Parser } = require('node-x12');

// Fixed widths of ISA01..ISA16; they add up to 106 with tag, 16 separators and terminator.
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
// node-x12 has no notion of TA1: any TA1 outside ST..SE raises exactly these two
// messages (strict mode throws the first one). They are the only ones we tolerate.
const TA1_NO_GROUP = 'X12 Standard: TA1 segment cannot appear outside of a functional group.';
const TA1_NO_TX = 'X12 Standard: TA1 segment cannot appear outside of a transaction.';

// node-x12 reports positions as (line, character); map them back to string offsets.
// Lines advance on '\n' between segments (or on a '\n' terminator), as in its parser.
function offsets(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (pos) => starts[pos.line] + pos.character;
}

// Control counts must be plain digits: node-x12 uses parseInt, which accepts "4x".
const count = (v) => (/^\d+$/.test(v) ? Number(v) : NaN);

// Parse strictly; fall back to lenient mode only when the sole objection is a TA1.
// Returns { interchanges, ta1 } or throws Error(reason).
function parse(text) {
  try {
    const r = new X12Parser(true).parse(text);
    return { interchanges: r.interchanges || [r], ta1: 0 };
  } catch (e) {
    if (e.message !== TA1_NO_GROUP) throw e;
  }
  // Lenient mode runs the very same envelope checks but records them as diagnostics
  // instead of throwing, and drops the TA1 segments. Accept only TA1 diagnostics, and
  // only as the pair that means "TA1 at interchange level" (not inside GS..GE).
  const p = new X12Parser(false);
  const r = p.parse(text);
  const byPos = new Map();
  for (const d of p.diagnostics) {
    if (d.message !== TA1_NO_GROUP && d.message !== TA1_NO_TX) throw new Error(d.message);
    const key = JSON.stringify(d.range);
    byPos.set(key, (byPos.get(key) || []).concat(d.message));
  }
  for (const msgs of byPos.values()) {
    if (!msgs.includes(TA1_NO_GROUP)) throw new Error('TA1 segment inside a functional group');
  }
  // Lenient mode never builds a fat interchange (a 2nd ISA overwrites the header);
  // the "ISA not at start of file" check below turns that into a FAIL.
  return { interchanges: [r], ta1: byPos.size };
}

function check(file) {
  // latin1 = one char per byte, so the 106 ISA length is counted in bytes.
  const text = fs.readFileSync(file, 'latin1');
  // node-x12 reads the delimiters at fixed offsets (3, 104, 105), so a BOM would make
  // it fail with a confusing message; name the real cause instead.
  if (text.startsWith('\xEF\xBB\xBF')) throw new Error('file starts with a UTF-8 BOM (node-x12 needs ISA at byte 0)');
  const { interchanges, ta1 } = parse(text);
  const off = offsets(text);
  const raw = (el) => text.slice(off(el.range.start), off(el.range.end) + 1);
  let groups = 0, sets = 0;
  interchanges.forEach((ix, k) => {
    const isa = ix.header, iea = ix.trailer;
    if (!isa || !iea) throw new Error(`interchange ${k + 1}: missing ${isa ? 'IEA' : 'ISA'} (or unterminated)`);
    if (k === 0 && off(isa.range.start) !== 0) throw new Error('first ISA does not start at byte 0');
    // ISA exactly 106 chars: 16 elements of the fixed widths, terminator 105 chars after "I".
    // ISA13 and IEA02 values are rewritten by node-x12 via parseInt, so take their raw
    // text through the element ranges node-x12 recorded.
    if (isa.elements.length !== 16) throw new Error(`ISA has ${isa.elements.length} elements, not 16`);
    isa.elements.forEach((el, i) => {
      const w = (i === 12 ? raw(el) : el.value).length;
      if (w !== ISA_WIDTHS[i]) throw new Error(`ISA${String(i + 1).padStart(2, '0')} is ${w} chars, not ${ISA_WIDTHS[i]}`);
    });
    const isaLen = off(isa.range.end) - off(isa.range.start) + 1;
    if (isaLen !== 106) throw new Error(`ISA is ${isaLen} chars including terminator, not 106`);
    const isa13 = raw(isa.elements[12]);
    if (!/^\d{9}$/.test(isa13)) throw new Error(`ISA13 "${isa13}" is not 9 digits`);
    if (count(iea.valueOf(1)) !== ix.functionalGroups.length) throw new Error(`IEA01=${iea.valueOf(1)} but ${ix.functionalGroups.length} groups`);
    if (iea.elements.length !== 2 || raw(iea.elements[1]) !== isa13) throw new Error(`IEA02 "${iea.elements[1] ? raw(iea.elements[1]) : ''}" != ISA13 "${isa13}"`);
    for (const g of ix.functionalGroups) {
      const gs06 = g.header.valueOf(6);
      if (!g.trailer) throw new Error(`group GS06=${gs06}: no GE`);
      if (count(g.trailer.valueOf(1)) !== g.transactions.length) throw new Error(`GE01=${g.trailer.valueOf(1)} but ${g.transactions.length} sets (GS06=${gs06})`);
      if (g.trailer.valueOf(2) !== gs06) throw new Error(`GE02=${g.trailer.valueOf(2)} != GS06=${gs06}`);
      for (const t of g.transactions) {
        const st02 = t.header.valueOf(2);
        if (!t.trailer) throw new Error(`set ST02=${st02}: no SE`);
        const n = t.segments.length + 2; // node-x12 keeps ST and SE apart from the body
        if (count(t.trailer.valueOf(1)) !== n) throw new Error(`SE01=${t.trailer.valueOf(1)} but ${n} segments (ST02=${st02})`);
        if (t.trailer.valueOf(2) !== st02) throw new Error(`SE02=${t.trailer.valueOf(2)} != ST02=${st02}`);
        // node-x12 silently files a TA1 between ST and SE as a body segment.
        if (t.segments.some((s) => s.tag === 'TA1')) throw new Error(`TA1 inside set ST02=${st02}`);
      }
      sets += g.transactions.length;
    }
    groups += ix.functionalGroups.length;
  });
  // node-x12 drops anything after the last terminator (e.g. an unterminated segment).
  const end = off(interchanges[interchanges.length - 1].trailer.range.end) + 1;
  if (text.slice(end).trim() !== '') throw new Error(`unparsed data after last IEA at byte ${end}`);
  return `(${groups} groups, ${sets} sets)` + (ta1 ? ` [${ta1} TA1, node-x12 lenient mode]` : '');
}

const files = process.argv.slice(2);
if (files.length === 0 || files[0] === '-h' || files[0] === '--help') {
  console.error('usage: node check.js FILE...');
  process.exit(2);
}
let failed = false;
for (const f of files) {
  try {
    console.log(`ok ${f} ${check(f)}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL ${f}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);

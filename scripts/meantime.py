"""Shared helpers for chronicle's evaluation scripts (eval-anchoring, eval-merge); stdlib only.

- read(path): a MEANTIME CAT XML file as a Doc: tokens with UTF-8 byte offsets in the rebuilt
  text (tokens joined by single spaces, one sentence a line, sentence 0 = the title line), the
  DCT (the TIMEX3 with functionInDocument="CREATION_TIME"), event mentions, TIMEX3s, TLINKs, and
  each mention's corpus-level instance (REFERS_TO from it to an EVENT with an instance_id).
- gold_dated(doc), period(value), right(when, gold value): what is dated, and when it is right:
  chronicle's [when.start, when.end] lies within the gold value's period, and chronicle's
  granularity is not coarser than the gold's (finer than a day counts as a day, since start/end
  are days). Gold "2008-03" accepts "2008-03" or "2008-03-06", not "2008".
- load_yaml(text): the YAML subset chronicle writes; extract(), Timeline: running chronicle.
"""
import collections
import datetime as dt
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

DATING = {"SIMULTANEOUS", "IS_INCLUDED", "DURING", "BEGINS", "ENDS",
          "BEGUN_BY", "ENDED_BY", "INCLUDES"}
RANK = {"century": 0, "decade": 1, "year": 2, "half": 3, "season": 3, "quarter": 3,
        "month": 4, "week": 5, "day": 6, "hour": 6, "minute": 6, "second": 6}


def data_dir(arg=None):
    here = os.path.dirname(os.path.abspath(__file__))
    return arg or os.environ.get("CHRONICLE_DATA") or os.path.join(here, "..", "..", "shared", "data")


class Token:
    def __init__(self, t_id, sentence, text):
        self.t_id, self.sentence, self.text = t_id, sentence, text
        self.start = self.end = 0  # UTF-8 byte offsets in the rebuilt text


Timex = collections.namedtuple("Timex", "m_id value type t_ids function")


class Doc:
    def __init__(self):
        self.name = self.doc_id = self.dct = ""
        self.tokens = {}      # t_id -> Token
        self.text = ""
        self.events = {}      # m_id -> [t_id, ...] (EVENT_MENTION)
        self.timexes = {}     # m_id -> Timex
        self.tlinks = []      # (source m_id, target m_id, reltype)
        self.instance = {}    # event mention m_id -> cross-document instance_id

    def first_token(self, m_id):
        ids = self.events.get(m_id) or []
        toks = [self.tokens[t] for t in ids if t in self.tokens]
        return min(toks, key=lambda t: t.start) if toks else None


def _anchors(el):
    return [a.get("t_id") for a in el.findall("token_anchor")]


def build_text(sentences, sep="\n"):
    """sentences: lists of Token; sets their UTF-8 byte offsets and returns the text."""
    lines, pos = [], 0
    for toks in sentences:
        parts = []
        for i, t in enumerate(toks):
            if i:
                pos += 1
            t.start = pos
            pos += len(t.text.encode("utf-8"))
            t.end = pos
            parts.append(t.text)
        lines.append(" ".join(parts))
        pos += len(sep)
    return sep.join(lines) + "\n"


def read(path, sep="\n"):
    root = ET.parse(path).getroot()
    doc = Doc()
    doc.name = os.path.splitext(os.path.basename(path))[0]
    doc.doc_id = root.get("doc_id", doc.name)
    by_sentence = {}
    for el in root.iter("token"):
        t = Token(el.get("t_id"), int(el.get("sentence")), el.text or "")
        doc.tokens[t.t_id] = t
        by_sentence.setdefault(t.sentence, []).append(t)
    order = sorted(by_sentence)
    doc.text = build_text([by_sentence[s] for s in order], sep)
    markables = root.find("Markables")
    event_instance = {}
    for el in markables if markables is not None else []:
        if el.tag == "EVENT_MENTION":
            doc.events[el.get("m_id")] = _anchors(el)
        elif el.tag == "TIMEX3":
            tx = Timex(el.get("m_id"), el.get("value", ""), el.get("type", ""), _anchors(el),
                       el.get("functionInDocument", ""))
            doc.timexes[tx.m_id] = tx
            if tx.function == "CREATION_TIME":
                doc.dct = tx.value
        elif el.tag == "EVENT" and el.get("instance_id"):
            event_instance[el.get("m_id")] = el.get("instance_id")
    relations = root.find("Relations")
    for el in relations if relations is not None else []:
        sources = [s.get("m_id") for s in el.findall("source")]
        targets = [t.get("m_id") for t in el.findall("target")]
        if el.tag == "TLINK" and sources and targets:
            doc.tlinks.append((sources[0], targets[0], el.get("reltype", "")))
        elif el.tag == "REFERS_TO":
            for t in targets:
                if t in event_instance:
                    for s in sources:
                        if s in doc.events:
                            doc.instance[s] = event_instance[t]
    return doc


def gold_dated(doc):
    """event mention m_id -> (gold value, timex m_id). An event dated by several TIMEX3s takes
    one written in the text over the DCT, then the narrowest period, then the earliest link."""
    found = {}
    for src, tgt, rel in doc.tlinks:
        if rel not in DATING:
            continue
        for ev, tx in ((src, tgt), (tgt, src)):
            if ev in doc.events and tx in doc.timexes and doc.events[ev]:
                timex = doc.timexes[tx]
                p = period(timex.value)
                if p is None:
                    continue
                key = (timex.function == "CREATION_TIME", (p[1] - p[0]).days)
                if ev not in found or key < found[ev][0]:
                    found[ev] = (key, timex.value, tx)
    return {ev: (v, tx) for ev, (_, v, tx) in found.items()}


# months of a quarter, half or (meteorological, as chronicle) season; WI of Y: Dec Y-1 to Feb Y
PARTS = {"Q1": (1, 3, "quarter"), "Q2": (4, 6, "quarter"), "Q3": (7, 9, "quarter"),
         "Q4": (10, 12, "quarter"), "H1": (1, 6, "half"), "H2": (7, 12, "half"),
         "SP": (3, 5, "season"), "SU": (6, 8, "season"), "FA": (9, 11, "season"), "WI": (0, 2, "season")}


def _months(y, m1, m2):
    first = dt.date(y - 1, 12, 1) if m1 == 0 else dt.date(y, m1, 1)
    return first, dt.date(y + (m2 == 12), m2 % 12 + 1, 1) - dt.timedelta(days=1)


def period(value):
    """TIMEX3 value -> (first day, last day, granularity rank), None if not a calendar date."""
    v = re.sub(r"(-XX)+$", "", value or "")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, RANK["day"]
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            return _months(int(m[1]), int(m[2]), int(m[2])) + (RANK["month"],)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
            y, w = int(m[1]), int(m[2])
            return (dt.date.fromisocalendar(y, w, 6 if m[3] else 1), dt.date.fromisocalendar(y, w, 7),
                    RANK["week"])
        if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", v):
            m1, m2, unit = PARTS[m[2]]
            return _months(int(m[1]), m1, m2) + (RANK[unit],)
        if re.fullmatch(r"\d{2,4}", v):  # year, decade ("199"), century ("18")
            scale = 10 ** (4 - len(v))
            y = int(v) * scale
            return dt.date(y, 1, 1), dt.date(y + scale - 1, 12, 31), RANK["year"] - (4 - len(v))
    except ValueError:
        return None
    return None


def right(when, gold_value):
    gold = period(gold_value)
    try:
        start = dt.date.fromisoformat(when.get("start", ""))
        end = dt.date.fromisoformat(when.get("end", ""))
    except (TypeError, ValueError):
        return False
    rank = RANK.get(when.get("granularity", ""), -1)
    return bool(gold) and gold[0] <= start and end <= gold[1] and rank >= gold[2]


# --- the YAML that chronicle writes: block maps and sequences, flow [..] and {..}, "..." ---

def _flow(s, i):
    while s[i] == " ":
        i += 1
    c = s[i]
    if c in "[{":
        close, out = ("]", []) if c == "[" else ("}", {})
        i += 1
        while True:
            while s[i] in " ,":
                i += 1
            if s[i] == close:
                return out, i + 1
            if c == "[":
                item, i = _flow(s, i)
                out.append(item)
            else:
                j = s.index(":", i)
                key, i = s[i:j].strip(), j + 1
                out[key], i = _flow(s, i)
    if c == '"':
        j, buf = i + 1, []
        while s[j] != '"':
            if s[j] == "\\":
                j += 1
                esc = {"n": "\n", "t": "\t", "0": "\0"}.get(s[j])
                if s[j] in "xuU":
                    n = {"x": 2, "u": 4, "U": 8}[s[j]]
                    buf.append(chr(int(s[j + 1:j + 1 + n], 16)))
                    j += n
                else:
                    buf.append(esc if esc is not None else s[j])
            else:
                buf.append(s[j])
            j += 1
        return "".join(buf), j + 1
    m = re.match(r"[^,\]}]*", s[i:])
    return m.group(0).strip(), i + m.end()


def _scalar(text):
    text = text.strip()
    if text.startswith(("[", "{", '"')):
        return _flow(text + " ", 0)[0]
    return text.strip("'") if text not in ("~", "null") else None


def load_yaml(text):
    lines = []
    for raw in text.splitlines():
        if raw.strip() and not raw.lstrip().startswith("#") and raw.strip() != "---":
            lines.append([len(raw) - len(raw.lstrip(" ")), raw.strip()])

    def block(i, indent):
        if lines[i][1].startswith("- ") or lines[i][1] == "-":
            seq = []
            while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("-"):
                rest = lines[i][1][1:].lstrip(" ")
                if not rest:
                    item, i = block(i + 1, lines[i + 1][0])
                else:
                    lines[i] = [indent + len(lines[i][1]) - len(rest), rest]
                    item, i = block(i, lines[i][0])
                seq.append(item)
            return seq, i
        m = re.match(r'("[^"]*"|[^:\[{"]+):(?:\s+(.*))?$', lines[i][1])
        if not m:
            return _scalar(lines[i][1]), i + 1
        out = {}
        while i < len(lines) and lines[i][0] == indent:
            m = re.match(r'("[^"]*"|[^:\[{"]+):(?:\s+(.*))?$', lines[i][1])
            if not m:
                raise ValueError("unexpected YAML line: " + lines[i][1])
            key, rest = m.group(1).strip('"'), m.group(2) or ""
            if not rest.lstrip().startswith(('"', "[", "{")):  # " #" inside quotes is text
                rest = rest.split(" #")[0]
            i += 1
            if rest.strip():
                out[key] = _scalar(rest)
            elif i < len(lines) and (lines[i][0] > indent or
                                     (lines[i][0] == indent and lines[i][1].startswith("-"))):
                out[key], i = block(i, lines[i][0])
            else:
                out[key] = None
        return out, i

    return block(0, lines[0][0])[0] if lines else None


# --- running chronicle ---

def chronicle(build, *args):
    exe = os.path.join(build, "tools", "chronicle")
    return subprocess.run([exe, *args], capture_output=True, text=True)


def extract(build, name, text, dct, tmp):
    """Writes tmp/NAME.txt, runs `chronicle extract --dct DCT` into tmp/NAME.yaml, and returns
    (yaml path, Timeline). Exits with chronicle's message when it fails."""
    txt, yml = os.path.join(tmp, name + ".txt"), os.path.join(tmp, name + ".yaml")
    with open(txt, "w", encoding="utf-8") as f:
        f.write(text)
    run = chronicle(build, "extract", "--dct", dct, "-o", yml, txt)
    if run.returncode != 0:
        sys.exit(f"chronicle extract failed on {name}: {run.stderr.strip()}")
    return yml, load_timeline(yml)


def load_timeline(path):
    with open(path, encoding="utf-8") as f:
        return Timeline(load_yaml(f.read()))


class Timeline:
    """A chronicle timeline, with lookups by source and byte offset."""

    def __init__(self, data):
        self.data = data or {}
        self.events = self.data.get("events") or []
        self.sources = self.data.get("sources") or []

    def covering(self, source_ids, offset):
        """Events with an evidence span from one of source_ids that covers the byte offset,
        as (event, evidence) pairs."""
        out = []
        for e in self.events:
            for ev in e.get("evidence") or []:
                span = ev.get("span") or []
                if ev.get("source") in source_ids and len(span) == 2 \
                        and int(span[0]) <= offset < int(span[1]):
                    out.append((e, ev))
        return out


def closest(pairs, offset):
    """Of several covering (event, evidence) pairs, the one whose time expression is nearest."""
    def distance(pair):
        span = (pair[1].get("timex") or {}).get("span") or [offset, offset]
        a, b = int(span[0]), int(span[1])
        return 0 if a <= offset < b else min(abs(offset - a), abs(offset - b))
    return min(pairs, key=distance)

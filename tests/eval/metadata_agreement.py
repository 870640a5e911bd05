#!/usr/bin/env python3
"""Agreement of the extractor's page metadata with Mozilla Readability.js's output.

Each folder of the bench (default: ../shared/bench/readability-pages relative to the repo root)
holds source.html.gz and expected-metadata.json (Readability's title, byline, siteName,
publishedTime, lang). The script runs the built CLI once over every page and reports, per field,
how often our value agrees with the expected one.

Agreement rules: case and whitespace are normalised; bylines agree when they name the same set of
people (a leading "By" ignored); dates agree on the same calendar day (the reference's own day or
its UTC day); languages on the primary subtag (en-US == en). null == null counts as agreement;
"found" separately counts the expected non-null values for which we also agree; "conflict" counts
pages where both are non-null and differ, "extra" those where only we have a value. A page the CLI
fails on counts as all-null on our side (the failures are listed).

Readability is a reference, not ground truth: it keeps " | Site" title suffixes, raw byline text
("By X\n March 25, 2015") and reads the language only from <html lang>, while our language comes
from the text first. Study disagreements with --show FIELD.

Usage: python3 tests/eval/metadata_agreement.py [--pages DIR] [--dll PATH] [--build] [--show FIELD]
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_PAGES = os.path.join(REPO, "..", "shared", "bench", "readability-pages")
DEFAULT_DLL = os.path.join(REPO, "src", "NewsLeakExtractor", "bin", "Debug", "net10.0", "NewsLeakExtractor.dll")

# field name in our output -> field name in Readability's expected-metadata.json
FIELDS = [
    ("title", "title"),
    ("byline", "byline"),
    ("publishedAt", "publishedTime"),
    ("siteName", "siteName"),
    ("language", "lang"),
]


def norm_text(value):
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text or None


BY_PREFIX = re.compile(r"^(?:written\s+by|posted\s+by|words\s+by|by|von|par|por|door)\s*:?\s+", re.I)


def byline_names(value):
    text = norm_text(value)
    if text is None:
        return None
    text = BY_PREFIX.sub("", text)
    parts = re.split(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b)\s*", text)
    names = {re.sub(r"[^\w' .-]", "", p).strip(" .") for p in parts}
    names = {n for n in names if n}
    return frozenset(names) or None


def date_days(value):
    """The calendar day(s) a date names: its own day, and its UTC day when it carries an offset."""
    if value is None:
        return None
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return frozenset([norm_text(text)]) if norm_text(text) else None
    days = {match.group(0)}
    try:
        stamp = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if stamp.tzinfo is not None:
            days.add(stamp.astimezone(datetime.timezone.utc).date().isoformat())
    except ValueError:
        pass
    return frozenset(days)


def lang_code(value):
    text = norm_text(value)
    if text is None:
        return None
    return re.split(r"[-_]", text)[0] or None


NORMALISERS = {
    "title": norm_text,
    "byline": byline_names,
    "publishedAt": date_days,
    "siteName": norm_text,
    "language": lang_code,
}


SEPARATOR = r"(?:\||-|–|—|·|•|::|»|«|/|@)"
AFFIX_HEAD = re.compile(r"\s" + SEPARATOR + r"\s*$")
AFFIX_TAIL = re.compile(r"\s+" + SEPARATOR + r"(?:\s|$)|\s*\[")


def affix_only(ours, expected):
    """True when our title is the reference title minus separator-bounded affixes (" | Site", "Section | ")."""
    a, b = norm_text(ours), norm_text(expected)
    if not a or not b or a == b or a not in b:
        return False
    head, _, tail = b.partition(a)
    return (not head or AFFIX_HEAD.search(head) is not None) and (not tail or AFFIX_TAIL.match(tail) is not None)


def agree(field, ours, expected):
    a, b = NORMALISERS[field](ours), NORMALISERS[field](expected)
    if field == "publishedAt" and a is not None and b is not None:
        return bool(a & b)
    return a == b


def run_cli(dll, pages, names, out_dir):
    inputs_dir = os.path.join(out_dir, "inputs")
    results_dir = os.path.join(out_dir, "results")
    os.makedirs(inputs_dir)
    inputs = []
    for name in names:
        link = os.path.join(inputs_dir, name + ".html.gz")
        os.symlink(os.path.abspath(os.path.join(pages, name, "source.html.gz")), link)
        inputs.append(link)
    proc = subprocess.run(["dotnet", dll, "extract", *inputs, "--out", results_dir],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        sys.exit(f"the CLI failed with exit code {proc.returncode}")
    failed = set(re.findall(r"^error: .*?/([^/\s]+)\.html\.gz:", proc.stderr, re.M))
    results = {}
    for name in names:
        path = os.path.join(results_dir, name + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                results[name] = json.load(f).get("article", {})
        else:
            results[name] = {}
            failed.add(name)
    return results, sorted(failed)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=DEFAULT_PAGES, help="bench folder (default: %(default)s)")
    parser.add_argument("--dll", default=DEFAULT_DLL, help="built CLI (default: %(default)s)")
    parser.add_argument("--build", action="store_true", help="run `dotnet build` first")
    parser.add_argument("--show", action="append", default=[], metavar="FIELD",
                        help="list disagreements for FIELD (" + ", ".join(f for f, _ in FIELDS) + "); repeatable")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()

    pages = os.path.abspath(args.pages)
    if not os.path.isdir(pages):
        print(f"SKIP: bench folder {pages} is absent; nothing to measure.")
        return 0
    for field in args.show:
        if field not in NORMALISERS:
            parser.error(f"unknown field {field!r}")

    if args.build:
        subprocess.run(["dotnet", "build", os.path.join(REPO, "NewsLeakExtractor.sln"), "--nologo", "-v", "quiet"], check=True)
    if not os.path.exists(args.dll):
        sys.exit(f"{args.dll} is not built; run `dotnet build` (or pass --build)")

    names = sorted(d for d in os.listdir(pages)
                   if os.path.isfile(os.path.join(pages, d, "source.html.gz"))
                   and os.path.isfile(os.path.join(pages, d, "expected-metadata.json")))
    if not names:
        print(f"SKIP: no pages with source.html.gz and expected-metadata.json in {pages}.")
        return 0
    expected = {}
    for name in names:
        with open(os.path.join(pages, name, "expected-metadata.json"), encoding="utf-8") as f:
            expected[name] = json.load(f)

    with tempfile.TemporaryDirectory(prefix="metadata-agreement-") as tmp:
        ours, failed = run_cli(args.dll, pages, names, tmp)

    summary = {}
    disagreements = {f: [] for f, _ in FIELDS}
    for field, ref in FIELDS:
        agreed = expected_nonnull = found = conflicts = extra = 0
        for name in names:
            mine, theirs = ours[name].get(field), expected[name].get(ref)
            ok = agree(field, mine, theirs)
            agreed += ok
            if NORMALISERS[field](theirs) is not None:
                expected_nonnull += 1
                found += ok
            if not ok:
                disagreements[field].append((name, mine, theirs))
                if NORMALISERS[field](mine) is not None:
                    if NORMALISERS[field](theirs) is None:
                        extra += 1
                    else:
                        conflicts += 1
        summary[field] = {"agree": agreed, "pages": len(names), "found": found, "expectedNonNull": expected_nonnull,
                          "conflicts": conflicts, "extra": extra}

    if args.json:
        print(json.dumps({"pages": len(names), "cliFailures": failed, "fields": summary}, indent=2))
    else:
        print(f"{len(names)} pages; the CLI failed on {len(failed)}" + (f": {', '.join(failed)}" if failed else ""))
        print(f"{'field':<12} {'agree':>15} {'found/expected non-null':>25} {'conflict':>9} {'extra':>6}")
        for field, _ in FIELDS:
            s = summary[field]
            print(f"{field:<12} {s['agree']:>4}/{s['pages']:<4} {100 * s['agree'] / s['pages']:5.1f}% "
                  f"{s['found']:>9}/{s['expectedNonNull']:<4} {100 * s['found'] / max(1, s['expectedNonNull']):5.1f}% "
                  f"{s['conflicts']:>9} {s['extra']:>6}")
        affixes = sum(1 for _, mine, theirs in disagreements["title"] if affix_only(mine, theirs))
        print(f"title disagreements where ours is the reference minus a site/section affix (\" | Site\"): {affixes}")
        print("agree: equal after normalising, null == null included; found: expected non-null values we agree with;\n"
              "conflict: both non-null and different; extra: we found a value where the reference has null.")
    for field in args.show:
        print(f"\n== {field}: {len(disagreements[field])} disagreements (page: ours | expected)")
        for name, mine, theirs in disagreements[field]:
            print(f"{name}: {json.dumps(mine, ensure_ascii=False)} | {json.dumps(theirs, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

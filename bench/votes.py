"""Check the table of States and the vote readers against every source file in shared/, and time them.

    .venv/bin/python bench/votes.py [--shared DIR] [--no-archives]

Reads the UN's adoption data (every session), Voeten's unvotes CSV files (every roll call) and
the Akoma Ntoso XML (the English file of every resolution in the archives, and the series), with
no filter on resolutions, and reports:

- State names the spelling table lacks, in vote lists and in Voeten's data (must be none: the
  script exits 1 otherwise) and sponsor texts that name no State it knows (typing slips at the
  source, kept as written);
- what the roll calls were on (whole resolution, paragraph, amendment, unclear);
- every resolution merged from all its sources and written as ``adoption.yaml`` data, checked
  against the JSON Schema (must all pass), and how often sources disagree, by figure;
- the time each stage takes.  The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.votes.merge import disagreements, merge  # noqa: E402
from generator.votes.sources import Reading, read_akn, read_un_data, read_unvotes  # noqa: E402
from generator.votes.states import state_table  # noqa: E402
from generator.votes.store import _validator, from_data, to_data  # noqa: E402


def english_xml(archives: list[Path], into: Path) -> list[Path]:
    out = []
    for archive in archives:
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.isfile() and "/English/" in member.name and member.name.endswith(".xml"):
                    target = into / archive.stem / Path(member.name).name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    extracted = tar.extractfile(member)
                    if extracted is not None:
                        target.write_bytes(extracted.read())
                        out.append(target)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-archives", action="store_true", help="read the series' XML only, not the archives")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus"
    table = state_table()
    timings: dict[str, float] = {}
    reading = Reading()

    start = time.perf_counter()
    for path in sorted((corpus / "votes" / "unxml-data_extract").glob("*.json")):
        read_un_data(path, reading, table)
    timings["un-data"] = time.perf_counter() - start

    start = time.perf_counter()
    unvotes = sorted((corpus / "votes" / "unvotes").glob("*.csv"))
    read_unvotes([p for p in unvotes if p.name != "roll_call_issues.csv"], reading, table)
    timings["unvotes"] = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        xml = sorted((corpus / "series").glob("*/*/en.xml"))
        if not args.no_archives:
            xml += english_xml(sorted((corpus / "akn4un").glob("*.tar.xz")), Path(tmp))
        for path in xml:
            read_akn(path, reading, table)
        timings["akn"] = time.perf_counter() - start

    by_source = Counter(r.ref.id for records in reading.records.values() for r in records)
    kinds = Counter(
        rc.kind for records in reading.records.values() for r in records for rc in r.roll_calls if r.ref.id == "unvotes"
    )
    name_problems = [p for p in reading.problems if "not in the table of spellings" in p.message]
    sponsor_slips = [w for w in reading.warnings if "names no State in the table" in w.message]
    print(f"records: {dict(by_source)} for {len(reading.records)} resolutions")
    print(f"unvotes roll calls by kind: {dict(kinds)}")
    print(f"State names missing from the spelling table: {len(name_problems)}")
    for p in name_problems[:20]:
        print("  " + p.format().splitlines()[0])
    print(f"other problems: {len(reading.problems) - len(name_problems)}")
    print(f"sponsor texts naming no known State (kept as written): {len(sponsor_slips)}")
    for w in sponsor_slips:
        print("  " + w.format().splitlines()[0])

    start = time.perf_counter()
    invalid = 0
    differing: Counter[str] = Counter()
    adoptions = Counter()
    for symbol, records in sorted(reading.records.items()):
        adoption, _ = merge(symbol, records, table, reading.sessions)
        data = json.loads(json.dumps(to_data(adoption)))
        errors = list(_validator().iter_errors(data))
        if errors or from_data(data) != adoption:
            invalid += 1
            if invalid <= 5:
                print(f"  invalid: {symbol}: {errors[:1]}")
        adoptions[adoption.adoption.value] += 1
        for field, _ in disagreements(adoption, table):
            differing[field.split(".")[0]] += 1
    timings["merge+validate"] = time.perf_counter() - start
    print(f"merged: {dict(adoptions)}; invalid against the schema or not round-tripping: {invalid}")
    print(f"disagreements by figure: {dict(differing.most_common())}")
    print("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    print(
        json.dumps(
            {
                "resolutions": len(reading.records),
                "records": dict(by_source),
                "missing_names": len(name_problems),
                "sponsor_slips": len(sponsor_slips),
                "invalid": invalid,
                "disagreements": dict(differing),
                "seconds": {k: round(v, 2) for k, v in timings.items()},
            }
        )
    )
    return 1 if name_problems or invalid else 0


if __name__ == "__main__":
    sys.exit(main())

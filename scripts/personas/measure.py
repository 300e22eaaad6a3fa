#!/usr/bin/env python3
"""How well a bank places written personas (shared/reference/personas.md, step 4).

    measure.py --intended scripts/personas/intended.csv --answers DIR [--flags DIR]
               [--bank PATH] [--rolefit CMD] [--quick-too]

--intended: CSV `name,position,band` (position -100..+100, negative = developer, as rolefit
  scores; band one of product-developer, developer-leaning, hybrid, engineer-leaning,
  systems-engineer), decided before anyone answers.
--answers: a folder of rolefit answers files, `<name>.toml` (form.py convert writes them).
--flags: a folder of `<name>.txt`, one line per question that persona found hard to answer:
  its number as form.py rendered the full form of --bank, then anything (`12: why`).
Scores come from `rolefit score --format json` (default command: the debug binary, else
`cargo run -q --`). Prints the Spearman rank correlation of intended and scored positions, how
many land in their band, one band off or two or more off, and the flags per question.
Python 3.11+, standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import form  # noqa: E402

BANDS = ["product-developer", "developer-leaning", "hybrid", "engineer-leaning", "systems-engineer"]


def band_of(overall: float) -> str:
    """The archetype bands of src/scoring/archetype.rs `from_overall`."""
    if overall <= -60:
        return BANDS[0]
    if overall < -20:
        return BANDS[1]
    if overall <= 20:
        return BANDS[2]
    if overall < 60:
        return BANDS[3]
    return BANDS[4]


def ranks(xs: list[float]) -> list[float]:
    """1-based ranks, ties given the mean of the ranks they span."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a: list[float], b: list[float]) -> float | None:
    if len(a) < 3:
        return None
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return None if va == 0 or vb == 0 else cov / (va * vb)


def rolefit_command(given: str | None) -> list[str]:
    if given:
        return shlex.split(given)
    binary = form.ROOT / "target" / "debug" / "rolefit"
    return [str(binary)] if binary.exists() else ["cargo", "run", "-q", "--"]


def score(cmd: list[str], answers: Path, bank: Path | None) -> float | None:
    args = [*cmd, "score", "--format", "json", "--answers", str(answers)]
    if bank:
        args += ["--bank", str(bank)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=form.ROOT)
    if done.returncode != 0:
        sys.exit(f"measure.py: scoring {answers} failed:\n{done.stderr}")
    return json.loads(done.stdout).get("overall")


def quick_only(answers: Path, quick_ids: set[str], into: Path) -> Path:
    """The same answers, to the quick form's questions only."""
    keep = [
        line
        for line in answers.read_text(encoding="utf-8").splitlines()
        if not re.match(r"^[a-z0-9-]+\s*=", line) or line.split("=")[0].strip() in quick_ids
    ]
    out = into / answers.name
    out.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--intended", type=Path, required=True)
    p.add_argument("--answers", type=Path, required=True)
    p.add_argument("--flags", type=Path)
    p.add_argument("--bank", type=Path, help="the bank answered (default: the built-in one)")
    p.add_argument("--rolefit", help="how to run rolefit (default: target/debug/rolefit)")
    p.add_argument("--quick-too", action="store_true", help="also score the quick form's answers alone")
    args = p.parse_args()

    bank = form.load_bank(args.bank or form.ROOT / "questions" / "default.toml")
    qs = form.questions(bank, False)
    cmd = rolefit_command(args.rolefit)
    with args.intended.open(newline="", encoding="utf-8") as fh:
        people = [r for r in csv.DictReader(fh) if r.get("name", "").strip()]

    rows, tmp = [], Path(tempfile.mkdtemp())
    quick_ids = {q["id"] for q in form.questions(bank, True)}
    for person in people:
        name = person["name"].strip()
        want_band = person["band"].strip()
        if want_band not in BANDS:
            sys.exit(f"measure.py: {name}: unknown band {want_band!r} (one of {', '.join(BANDS)})")
        file = args.answers / f"{name}.toml"
        if not file.exists():
            print(f"(no answers for {name}: {file})")
            continue
        got = score(cmd, file, args.bank)
        quick = score(cmd, quick_only(file, quick_ids, tmp), args.bank) if args.quick_too else None
        rows.append((name, float(person["position"]), want_band, got, quick))

    print(f"bank {bank['name']!r} {bank['version']}: {len(rows)} personas scored\n")
    print(f"{'persona':<28}{'intended':>9}  {'band wanted':<19}{'scored':>7}  {'band got':<19}off" + ("  quick band" if args.quick_too else ""))
    off_counts = {0: 0, 1: 0, 2: 0}
    for name, want, want_band, got, quick in rows:
        got_band = band_of(got) if got is not None else "-"
        off = abs(BANDS.index(got_band) - BANDS.index(want_band)) if got is not None else None
        if off is not None:
            off_counts[min(off, 2)] += 1
        shown = f"{got:7.1f}" if got is not None else "      -"
        line = f"{name:<28}{want:9.0f}  {want_band:<19}{shown}  {got_band:<19}{off if off is not None else '-'}"
        if args.quick_too:
            line += f"  {band_of(quick) if quick is not None else '-'}"
        print(line)
    scored = [(w, g) for _, w, _, g, _ in rows if g is not None]
    rho = spearman([w for w, _ in scored], [g for _, g in scored])
    print(f"\nSpearman rank correlation (intended vs scored): {'-' if rho is None else f'{rho:.3f}'} over {len(scored)}")
    print(f"in band: {off_counts[0]}   one band off: {off_counts[1]}   two or more off: {off_counts[2]}")
    if args.quick_too:
        same = sum(1 for _, _, _, g, q in rows if g is not None and q is not None and band_of(g) == band_of(q))
        print(f"quick form (the quick questions' answers alone) in the full form's band: {same} of {len(scored)}")

    if args.flags:
        counts: dict[int, int] = {}
        for name, *_ in rows:
            f = args.flags / f"{name}.txt"
            if f.exists():
                lines = f.read_text(encoding="utf-8").splitlines()
                for n in {int(m.group(1)) for m in map(re.compile(r"^\s*(\d+)").match, lines) if m}:
                    counts[n] = counts.get(n, 0) + 1
        print(f"\nhard-to-answer flags: {sum(counts.values())} on {len(counts)} of {len(qs)} questions")
        for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            q = qs[n - 1]["id"] if 1 <= n <= len(qs) else "(no such question)"
            print(f"{c:4}  {n:3}. {q}")


if __name__ == "__main__":
    main()

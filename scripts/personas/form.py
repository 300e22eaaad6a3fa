#!/usr/bin/env python3
"""The questionnaire as plain text for one respondent, and their reply as a rolefit answers file.

Presents the questions as the app does (shared/reference/personas.md, rule 3): each statement
with its own scale's labels, a pair's A and B in the bank's order (`first`), a scenario's options
in an order shuffled with --seed (steps of one scale, `ordered = true`, forwards or backwards
only) and lettered a, b, c by position, and "Doesn't apply to me" where the app offers it (the
questions about what you do today). The respondent sees no ids, keying, weights or dimensions.

    form.py render  [--bank PATH] [--seed N] [--quick] > form.txt
    form.py convert [--bank PATH] [--seed N] [--quick] REPLY > answers.toml

A reply has one line per question, `<number>: <answer>`: a letter for a scenario (or two joined
by +, like `c+d`, when two fit about equally well: written as `["c", "d"]`, the bank's keys in key
order, as rolefit writes them), 1-5 for the others, or `n/a` (also `skip`) for no answer; anything after the answer is ignored. The same bank
and seed must be given to both commands: the seed decides which letter stood for which option.
Python 3.11+, standard library only.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The labels the app shows (src/answers.rs), one list per scale.
SCALES = {
    "agree": ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
    "frequency": ["Never", "Rarely", "Sometimes", "Often", "Almost always"],
    "true": ["Not at all true", "A little true", "Somewhat true", "Mostly true", "Completely true"],
}
PAIR = ["Strongly A", "Rather A", "Both equally", "Rather B", "Strongly B"]
# What skipping is called (src/tui/screens/question.rs `skip_label`).
SKIP = {"practice": "Doesn't apply to me", "preference": "Skip this question"}


def load_bank(path: Path) -> dict:
    """A bank file, or a folder of them read in file-name order (questions/README.md)."""
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    bank: dict = {"questions": []}
    for f in files:
        with f.open("rb") as fh:
            part = tomllib.load(fh)
        for key in ("name", "version"):
            if key in part:
                bank[key] = part[key]
        bank["questions"].extend(part.get("questions", []))
    if "name" not in bank or not bank["questions"]:
        sys.exit(f"form.py: {path} is not a question bank")
    return bank


def questions(bank: dict, quick: bool) -> list[dict]:
    return [q for q in bank["questions"] if q.get("quick", False) or not quick]


def option_orders(qs: list[dict], seed: int) -> dict[str, list[dict]]:
    """Each scenario's options in the order shown: shuffled, or an ordered scale reversed or not."""
    rng = random.Random(seed)
    orders = {}
    for q in qs:
        if q["kind"] != "choice":
            continue
        opts = list(q["options"])
        if q.get("ordered", False):
            if rng.random() < 0.5:
                opts.reverse()
        else:
            rng.shuffle(opts)
        orders[q["id"]] = opts
    return orders


def pair_sides(q: dict) -> tuple[str, str]:
    """A and B as the bank orders them: the developer statement first unless `first = "engineer"`."""
    if q.get("first", "developer") == "engineer":
        return q["engineer"], q["developer"]
    return q["developer"], q["engineer"]


def intro() -> list[str]:
    path = ROOT / "assets" / "intro.toml"
    try:
        with path.open("rb") as fh:
            return list(tomllib.load(fh).get("paragraphs", []))
    except OSError:
        return []


def render(bank: dict, qs: list[dict], seed: int) -> str:
    orders = option_orders(qs, seed)
    out = []
    for para in intro():
        out += [para, ""]
    out.append(
        "Answer every question with one line `<number>: <answer>`: the letter of an option "
        "(or two joined by +, like c+d, where two fit about equally well), "
        "a number from 1 to 5, or n/a where a question does not fit you."
    )
    for n, q in enumerate(qs, 1):
        out += ["", f"{n}. {q['text']}"]
        if q["kind"] == "likert":
            labels = SCALES[q.get("scale", "agree")]
            out += [f"   {i} = {label}" for i, label in enumerate(labels, 1)]
        elif q["kind"] == "pair":
            a, b = pair_sides(q)
            out += [f"   A: {a}", f"   B: {b}"]
            out += [f"   {i} = {label}" for i, label in enumerate(PAIR, 1)]
        else:
            out += [f"   {chr(97 + i)}) {o['text']}" for i, o in enumerate(orders[q["id"]])]
            out.append("   Answer with a letter, or two letters joined by + (e.g. c+d) if two fit about equally well.")
        out.append(f"   n/a = {SKIP[q['lens']]}")
    return "\n".join(out) + "\n"


LINE = re.compile(r"^\s*(\d+)\s*[:.)]\s*([A-Za-z]\s*\+\s*[A-Za-z]|[A-Za-z]+(?:/[A-Za-z]+)?|\d)\b")


def convert(bank: dict, qs: list[dict], seed: int, reply: str) -> str:
    orders = option_orders(qs, seed)
    answers: dict[str, object] = {}
    problems = []
    for lineno, line in enumerate(reply.splitlines(), 1):
        m = LINE.match(line)
        if not m:
            if re.match(r"^\s*\d+\s*[:.)]", line):
                problems.append(f"line {lineno}: no answer read in {line.strip()!r}")
            continue
        n, given = int(m.group(1)), re.sub(r"\s+", "", m.group(2).lower())
        if not 1 <= n <= len(qs):
            problems.append(f"line {lineno}: no question {n}")
            continue
        q = qs[n - 1]
        if given in ("n/a", "na", "skip"):
            answers.pop(q["id"], None)
            continue
        if q["kind"] == "choice":
            shown = orders[q["id"]]
            letters = given.split("+")
            at = [ord(g) - 97 if len(g) == 1 and g.isalpha() else -1 for g in letters]
            if not all(0 <= i < len(shown) for i in at):
                problems.append(f"line {lineno}: question {n} has options a-{chr(96 + len(shown))}, not {given!r}")
                continue
            if len(set(at)) != len(at):
                problems.append(f"line {lineno}: question {n} names {letters[0]!r} twice: two that fit equally are two different options")
                continue
            # A letter stood for a position; the file stores the bank's key of that option (two
            # in key order, as rolefit writes them).
            keys = sorted(shown[i]["key"] for i in at)
            answers[q["id"]] = keys[0] if len(keys) == 1 else keys
        elif given.isdigit() and 1 <= int(given) <= 5:
            # Shown as the bank orders them (A = `first`), so 1-5 is already the bank's value.
            answers[q["id"]] = int(given)
        else:
            problems.append(f"line {lineno}: question {n} takes 1-5, not {given!r}")
    if problems:
        sys.exit("form.py: the reply has problems:\n" + "\n".join(problems))
    out = [
        f"# Converted by scripts/personas/form.py from a reply to bank {bank['name']!r} {bank['version']}, seed {seed}.",
        f"# {len(answers)} answered, {len(qs) - len(answers)} skipped or not applicable.",
        "[answers]",
    ]
    for q in qs:
        if q["id"] in answers:
            v = answers[q["id"]]
            if isinstance(v, list):
                out.append(f"{q['id']} = [" + ", ".join(f'"{k}"' for k in v) + "]")
            else:
                out.append(f'{q["id"]} = "{v}"' if isinstance(v, str) else f"{q['id']} = {v}")
    return "\n".join(out) + "\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["render", "convert"])
    p.add_argument("reply", nargs="?", help="convert: the reply file (- for stdin)")
    p.add_argument("--bank", type=Path, default=ROOT / "questions" / "default.toml")
    p.add_argument("--seed", type=int, default=1, help="the scenario options' order (default 1)")
    p.add_argument("--quick", action="store_true", help="only the quick form's questions")
    args = p.parse_intermixed_args()
    bank = load_bank(args.bank)
    qs = questions(bank, args.quick)
    if args.command == "render":
        sys.stdout.write(render(bank, qs, args.seed))
        return
    if not args.reply:
        p.error("convert needs the reply file")
    text = sys.stdin.read() if args.reply == "-" else Path(args.reply).read_text(encoding="utf-8")
    sys.stdout.write(convert(bank, qs, args.seed, text))


if __name__ == "__main__":
    main()

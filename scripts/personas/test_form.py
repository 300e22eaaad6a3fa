#!/usr/bin/env python3
"""Checks form.py the way a slip would show: answer every question at one pole from the text
as rendered (letters as shown, A/B as shown), convert, and compare with the bank's own keys.

    python3 scripts/personas/test_form.py
"""

import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import form  # noqa: E402

BANK = form.load_bank(form.ROOT / "questions" / "default.toml")


def pole_reply(qs, seed, pole):
    """A reply at `pole` read off the rendered text only, as a respondent would give it."""
    text = form.render(BANK, qs, seed)
    blocks = re.split(r"\n(?=\d+\. )", text)[1:]
    lines = []
    for n, (q, block) in enumerate(zip(qs, blocks), 1):
        assert block.startswith(f"{n}. "), block
        if q["kind"] == "choice":
            want = max(q["options"], key=lambda o: o["lean"] * (1 if pole == "engineer" else -1))
            letter = re.search(rf"^   ([a-e])\) {re.escape(want['text'])}$", block, re.M).group(1)
            lines.append(f"{n}: {letter}")
        elif q["kind"] == "pair":
            side = re.search(rf"^   ([AB]): {re.escape(q[pole])}$", block, re.M).group(1)
            lines.append(f"{n}: {1 if side == 'A' else 5}")
        else:
            lines.append(f"{n}: {5 if q['keyed'] == pole else 1}")
    return "\n".join(lines)


def expected(qs, pole):
    out = {}
    for q in qs:
        if q["kind"] == "choice":
            sign = 1 if pole == "engineer" else -1
            out[q["id"]] = repr(max(q["options"], key=lambda o: o["lean"] * sign)["key"]).replace("'", '"')
        elif q["kind"] == "pair":
            first = q.get("first", "developer")
            out[q["id"]] = "1" if first == pole else "5"
        else:
            out[q["id"]] = "5" if q["keyed"] == pole else "1"
    return out


def parsed(answers_toml):
    return dict(
        line.split(" = ", 1) for line in answers_toml.splitlines() if " = " in line and not line.startswith("#")
    )


class FormTest(unittest.TestCase):
    def test_every_pole_answer_maps_back_to_the_bank_key(self):
        for quick in (False, True):
            qs = form.questions(BANK, quick)
            for seed in (1, 2, 99):
                for pole in ("engineer", "developer"):
                    got = parsed(form.convert(BANK, qs, seed, pole_reply(qs, seed, pole)))
                    self.assertEqual(got, expected(qs, pole), (quick, seed, pole))

    def test_the_seed_moves_the_letters(self):
        qs = form.questions(BANK, False)
        self.assertNotEqual(pole_reply(qs, 1, "engineer"), pole_reply(qs, 2, "engineer"))

    def test_not_applicable_is_left_out_and_bad_lines_are_refused(self):
        qs = form.questions(BANK, False)
        got = parsed(form.convert(BANK, qs, 1, "1: n/a\n2: 4\n3: skip (no week like that)"))
        self.assertEqual(got, {qs[1]["id"]: "4"})
        for bad in ("2: 7", "4: z", f"{len(qs) + 1}: 3", "2: four"):
            with self.assertRaises(SystemExit, msg=bad):
                form.convert(BANK, qs, 1, bad)


if __name__ == "__main__":
    unittest.main()

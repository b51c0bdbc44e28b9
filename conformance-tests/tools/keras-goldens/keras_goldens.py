#!/usr/bin/env python3
"""Golden values from running Keras 3: regenerate, check, and measure drift between Keras versions.

Every case of the golden files (conformance-tests/kit/src/main/resources/golden/*.json) is run through Keras with its
NumPy backend. What the generator does with it depends on the case's `origin`:

  docstring, unit_test  the value is Keras's own (its docs or tests); the run must agree within the case's
                        tolerance, else the case must be listed in backend_differences.py.
  keras_run             the value IS what Keras computes: written from the run.
  policy                the project refuses something Keras accepts (NaN input, an out-of-range label, a config
                        Keras only fails on later) or Keras's backends disagree. Results are Keras's values with the
                        refused steps left out; what Keras itself does is written beside them (`keras_accepts`,
                        `keras_value`, `policy`). Reported apart from Keras conformance.
  derived (old files)   becomes keras_run, or policy where Keras accepts what the case refuses.

Every case records the Keras version it ran with (`keras_version`); `regenerate` refuses to write with any
version but PINNED_KERAS_VERSION.

Usage (from anywhere; Keras from `pip install keras==3.16.0 numpy`, or a source tree with --keras-src):
  python3 keras_goldens.py regenerate [--golden DIR] [--keras-src DIR] [--stubs DIR]
  python3 keras_goldens.py check      [...]   # exit 1 when a file would change
  python3 keras_goldens.py outcomes --out FILE [--label v3.8.0] [...]   # what one Keras version does, per case
  python3 keras_goldens.py drift OUTCOMES.json... --out-dir DIR         # DRIFT.md + drift.json from those
"""

import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from backend_differences import BACKEND_DIFFERENCES  # noqa: E402

PINNED_KERAS_VERSION = "3.16.0"
ORIGINS = ("docstring", "unit_test", "keras_run", "policy")
DEFAULT_GOLDEN = os.path.normpath(os.path.join(HERE, "..", "..", "kit", "src", "main", "resources", "golden"))
GENERATOR = "conformance-tests/tools/keras-goldens/keras_goldens.py"
README = os.path.normpath(os.path.join(HERE, "..", "..", "..", "README.md"))
COUNTS_BEGIN, COUNTS_END = "<!-- origin-counts:begin -->", "<!-- origin-counts:end -->"
# fields this generator owns: recomputed on every run
OWNED_CASE_FIELDS = ("keras_version", "keras_accepts_config", "policy", "backend_difference")
OWNED_STEP_FIELDS = ("keras_accepts", "keras_value", "numpy_backend_value", "numpy_backend")
CASE_ORDER = ("id", "metric", "config", "expect_error", "steps", "tolerance", "origin", "keras_version", "source",
              "note", "policy", "backend_difference", "keras_accepts_config")


class CaseProblem(Exception):
    pass


def tolerance(case):
    t = case.get("tolerance") or {}
    return t.get("atol", 1e-6), t.get("rtol", 1e-6)


# ------------------------------------------------------------------------------------------------ one case
def regenerate_case(runner, case):
    """Returns the case with its values and Keras records brought up to date; raises CaseProblem on a
    disagreement the case does not account for."""
    from keras_case import close

    cid = case["id"]
    origin = case.get("origin")
    if origin not in ORIGINS + ("derived",):
        raise CaseProblem(f"{cid}: origin {origin!r} is none of {ORIGINS}")
    case = {k: v for k, v in case.items() if k not in OWNED_CASE_FIELDS}
    steps = [{k: v for k, v in s.items() if k not in OWNED_STEP_FIELDS} for s in case.get("steps", [])]
    if "steps" in case:
        case["steps"] = steps
    version = runner.version
    backend = BACKEND_DIFFERENCES.get(cid)
    points = []  # where the project's rule departs from what Keras does

    raw = runner.run(case)  # Keras as it is: every update fed
    if raw["config_error"] is not None:
        if case.get("expect_error") != "config":
            raise CaseProblem(f"{cid}: Keras refuses the config: {raw['config_error']}")
    elif case.get("expect_error") == "config":
        case["keras_accepts_config"] = True
        points.append(f"Keras {version} accepts this config; metricparity refuses it when the metric is created")
    else:
        refused = {i for i, s in enumerate(steps) if s.get("op") == "update" and s.get("expect_error")}
        golden = runner.run(case, skip=refused)  # the contract: refused updates change nothing
        for i, (step, r, g) in enumerate(zip(steps, raw["steps"], golden["steps"])):
            op = step.get("op")
            if op == "update":
                if step.get("expect_error") and r["error"] is None:
                    step["keras_accepts"] = True
                    points.append(f"Keras {version} accepts update step {i}; metricparity refuses it")
                elif not step.get("expect_error") and g["error"] is not None:
                    if backend is None:
                        raise CaseProblem(f"{cid} step {i}: Keras refuses this update: {g['error']}")
                    step["numpy_backend"] = f"refuses this update ({g['error']['type']})"
            elif op == "result" and step.get("expect_error"):
                if r.get("error") is None:
                    step["keras_value"] = r["value"]
                    points.append(f"Keras {version} returns {r['value']} at result step {i}; metricparity "
                                  "refuses result()")
            elif op == "result":
                if "error" in g:
                    if backend is None:
                        raise CaseProblem(f"{cid} step {i}: Keras result() raises {g['error']}")
                    step["numpy_backend_value"] = "error: " + g["error"]["type"]
                    continue
                value = g["value"]
                atol, rtol = tolerance(case)
                if backend is not None:
                    if close(step.get("expected"), value, atol, rtol):
                        raise CaseProblem(f"{cid}: listed in backend_differences.py, but Keras's NumPy backend "
                                          "agrees with it now: remove it from the list")
                    step["numpy_backend_value"] = value
                elif origin in ("docstring", "unit_test"):
                    if not close(step.get("expected"), value, atol, rtol):
                        raise CaseProblem(f"{cid} step {i}: the {origin} value {step.get('expected')} differs "
                                          f"from Keras's {value}")
                else:
                    step["expected"] = value
                if "value" in r and not close(r["value"], step.get("expected"), atol, rtol) and backend is None:
                    step["keras_value"] = r["value"]  # what Keras shows when it keeps the updates refused here
    if backend is not None:
        case["backend_difference"] = backend
    if origin in ("docstring", "unit_test"):
        if points:
            raise CaseProblem(f"{cid}: a {origin} case departs from Keras: " + "; ".join(points))
    elif origin == "keras_run" and (points or backend):
        raise CaseProblem(f"{cid}: a keras_run case departs from Keras ({'; '.join(points) or backend}): "
                          "mark it origin policy, or fix it")
    elif origin == "policy" and not (points or backend):
        raise CaseProblem(f"{cid}: a policy case that Keras {version} agrees with: mark it origin keras_run")
    else:
        origin = "policy" if points or backend else "keras_run"
    case["origin"] = origin
    case["keras_version"] = version
    if origin == "policy":
        case["policy"] = ("; ".join(points) + " (docs/RELIABILITY.md)") if points else (
            "Keras's backends disagree here (backend_difference); metricparity follows TensorFlow")
    return {k: case[k] for k in sorted(case, key=_field_rank)}


def _field_rank(key):
    return (CASE_ORDER.index(key) if key in CASE_ORDER else len(CASE_ORDER), key)


# ------------------------------------------------------------------------------------------------ files
def render(doc):
    """One case per block, one field per line, one step per line: diffs stay readable."""
    out = ["{"]
    head = [k for k in doc if k != "cases"]
    for k in head:
        out.append(f"  {json.dumps(k)}: {json.dumps(doc[k])},")
    out.append('  "cases": [')
    for n, case in enumerate(doc["cases"]):
        lines = []
        for k, v in case.items():
            if k == "steps":
                body = ",\n".join("        " + json.dumps(s) for s in v)
                lines.append('      "steps": [\n' + body + "\n      ]" if v else '      "steps": []')
            else:
                lines.append(f"      {json.dumps(k)}: {json.dumps(v)}")
        out.append("    {\n" + ",\n".join(lines) + "\n    }" + ("," if n + 1 < len(doc["cases"]) else ""))
    out += ["  ]", "}", ""]
    text = "\n".join(out)
    assert json.loads(text) == doc
    return text


def golden_files(golden_dir):
    files = sorted(glob.glob(os.path.join(golden_dir, "*.json")))
    if not files:
        raise SystemExit(f"no golden files in {golden_dir}")
    return files


def regenerate(runner, golden_dir, write):
    if runner.version != PINNED_KERAS_VERSION:
        raise SystemExit(f"Keras {runner.version} is loaded; the goldens are pinned to {PINNED_KERAS_VERSION} "
                         "(PINNED_KERAS_VERSION). Use `outcomes` to look at another version.")
    problems, changed = [], []
    counts = {o: 0 for o in ORIGINS}
    per_file = {}
    for path in golden_files(golden_dir):
        with open(path) as f:
            original = f.read()
        doc = json.loads(original)
        cases = []
        for case in doc["cases"]:
            try:
                new = regenerate_case(runner, case)
            except CaseProblem as e:
                problems.append(f"{os.path.basename(path)}: {e}")
                new = case
            counts[new.get("origin")] = counts.get(new.get("origin"), 0) + 1
            per_file.setdefault(os.path.basename(path), {o: 0 for o in ORIGINS})
            per_file[os.path.basename(path)][new.get("origin")] = per_file[os.path.basename(path)].get(
                new.get("origin"), 0) + 1
            cases.append(new)
        doc["keras_version"] = runner.version
        doc["generator"] = GENERATOR
        doc["cases"] = cases
        text = render({k: doc[k] for k in ["format", "source", "keras_version", "generator", "cases"]
                       + [k for k in doc if k not in ("format", "source", "keras_version", "generator", "cases")]})
        if text != original:
            changed.append(os.path.basename(path))
            if write and not problems:
                with open(path, "w") as f:
                    f.write(text)
    if os.path.exists(README):
        with open(README) as f:
            readme = f.read()
        updated = with_counts(readme, per_file)
        if updated != readme:
            changed.append("README.md")
            if write and not problems:
                with open(README, "w") as f:
                    f.write(updated)
    for p in problems:
        print("PROBLEM " + p, file=sys.stderr)
    print("origins: " + ", ".join(f"{o} {n}" for o, n in counts.items()), file=sys.stderr)
    print(("written: " if write and not problems else "would change: ") + (", ".join(changed) or "nothing"),
          file=sys.stderr)
    if problems:
        print(f"{len(problems)} problems; nothing written" if write else f"{len(problems)} problems",
              file=sys.stderr)
        return 1
    return 1 if (changed and not write) else 0


def counts_table(per_file):
    """The README's origin table (OriginCountsTest in the kit module checks it against the golden files)."""
    rows = ["| golden file | " + " | ".join(ORIGINS) + " | cases |", "|---|" + "---:|" * (len(ORIGINS) + 1)]
    total = {o: 0 for o in ORIGINS}
    for name in sorted(per_file):
        c = per_file[name]
        rows.append(f"| {name} | " + " | ".join(str(c.get(o, 0)) for o in ORIGINS) + f" | {sum(c.values())} |")
        for o in ORIGINS:
            total[o] += c.get(o, 0)
    rows.append("| **all** | " + " | ".join(f"**{total[o]}**" for o in ORIGINS) + f" | **{sum(total.values())}** |")
    return "\n".join(rows)


def with_counts(readme, per_file):
    if COUNTS_BEGIN not in readme or COUNTS_END not in readme:
        return readme
    head, rest = readme.split(COUNTS_BEGIN, 1)
    _, tail = rest.split(COUNTS_END, 1)
    return head + COUNTS_BEGIN + "\n" + counts_table(per_file) + "\n" + COUNTS_END + tail


# ------------------------------------------------------------------------------------------------ drift
def outcomes(runner, golden_dir, label):
    """What this Keras version does with every case (all updates fed, a refused one undone)."""
    result = {"keras_version": runner.version, "label": label or runner.version,
              "keras_commit": keras_commit(), "cases": {}}
    for path in golden_files(golden_dir):
        with open(path) as f:
            doc = json.load(f)
        for case in doc["cases"]:
            try:
                r = runner.run(case)
            except Exception as e:  # noqa: BLE001 - a version that cannot even run the case is an outcome
                r = {"config_error": {"type": type(e).__name__, "message": str(e)[:300]}, "steps": []}
            result["cases"][case["id"]] = summarize(r, case)
    return result


def summarize(run, case):
    if run["config_error"] is not None:
        return {"config": "refused: " + run["config_error"]["type"]}
    steps = []
    for step, r in zip(case.get("steps", []), run["steps"]):
        if step.get("op") == "reset":
            steps.append("reset")
        elif "value" in r:
            steps.append({"value": r["value"]})
        else:
            steps.append("refused: " + r["error"]["type"] if r.get("error") else "accepted")
    return {"config": "accepted", "steps": steps}


def keras_commit():
    src = os.environ.get("KERAS_SRC")
    path = os.path.join(src, "KERAS_COMMIT") if src else None
    if os.environ.get("KERAS_COMMIT"):
        return os.environ["KERAS_COMMIT"]
    if path and os.path.exists(path):
        with open(path) as f:
            return f.read().strip()
    return None


def _vkey(label):
    return tuple(int(x) for x in re.findall(r"\d+", label)[:3])


def outcome_changes(a, b, case):
    """How case outcome b differs from a: [] when the same (results within the case's tolerance)."""
    from keras_case import close

    if a.get("config") != b.get("config"):
        return [f"config {a.get('config')} -> {b.get('config')}"]
    atol, rtol = tolerance(case)
    out = []
    for i, (x, y) in enumerate(zip(a.get("steps", []), b.get("steps", []))):
        if isinstance(x, dict) and isinstance(y, dict):
            if not close(x["value"], y["value"], atol, rtol):
                out.append(f"step {i}: {x['value']} -> {y['value']}")
        elif x != y:
            out.append(f"step {i}: {x if isinstance(x, str) else x['value']} -> "
                       f"{y if isinstance(y, str) else y['value']}")
    return out


def drift(outcome_files, golden_dir, out_dir):
    from drift_notes import explain

    runs = []
    for p in outcome_files:
        with open(p) as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: _vkey(r["label"]))
    cases = {}
    for path in golden_files(golden_dir):
        with open(path) as f:
            for c in json.load(f)["cases"]:
                cases[c["id"]] = c
    steps = []  # one entry per pair of consecutive versions
    for prev, cur in zip(runs, runs[1:]):
        changed = {}
        for cid, case in cases.items():
            a, b = prev["cases"].get(cid), cur["cases"].get(cid)
            if a is None or b is None:
                continue
            d = outcome_changes(a, b, case)
            if d:
                changed[cid] = d
        steps.append({"from": prev["label"], "to": cur["label"], "changed": changed})
    last = runs[-1]
    against_last = {}  # label -> {case id: that version's outcome}, for the cases whose outcome differs from last
    for r in runs[:-1]:
        against_last[r["label"]] = {cid: r["cases"][cid] for cid, case in sorted(cases.items())
                                    if cid in r["cases"] and cid in last["cases"]
                                    and outcome_changes(r["cases"][cid], last["cases"][cid], case)}
    report = {"generator": GENERATOR, "cases": len(cases), "latest": last["label"],
              "versions": [{"label": r["label"], "keras_version": r["keras_version"], "keras_commit": r["keras_commit"]}
                           for r in runs],
              "changes_between_consecutive_versions": [
                  {"from": s["from"], "to": s["to"], "why": {cid: explain(s["to"], cid) for cid in s["changed"]},
                   "changed": s["changed"]} for s in steps],
              "outcomes_differing_from_latest": against_last}
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "drift.json"), "w") as f:
        json.dump(report, f, indent=1, sort_keys=False)
        f.write("\n")
    with open(os.path.join(out_dir, "DRIFT.md"), "w") as f:
        f.write(drift_markdown(report, runs, steps, against_last, explain))
    return report


def drift_markdown(report, runs, steps, against_last, explain):
    last = runs[-1]["label"]
    lines = ["# Keras 3 version drift of the golden cases", "",
             f"Generated by `{GENERATOR} drift` from one `outcomes` run per Keras version (NumPy backend): every "
             f"one of the {report['cases']} golden cases, run as Keras runs it (all updates fed). A case changes "
             "between two versions when Keras accepts or refuses a config or update differently, raises a "
             "different error type, or a result moves beyond the case's tolerance. Each group names the Keras change "
             "(drift_notes.py): `semantics` changed on every backend (offered: io.github.metricparity.spi.KerasVersion "
             "reproduces it, for releases 3.8 to 3.16), `numpy backend` changed the NumPy backend only, `new` is an "
             "argument or metric the older release did not have, `error type` a refusal raising another exception. "
             "Do not edit: rerun the tool.",
             "", "| Keras | commit | cases differing from " + last + " |", "|---|---|---|"]
    for r in runs:
        n = len(against_last.get(r["label"], []))
        lines.append(f"| {r['label']} | {(r['keras_commit'] or '')[:10]} | {n if r['label'] != last else '-'} |")
    lines += ["", "## Changes between consecutive versions", ""]
    for s in steps:
        lines.append(f"### {s['from']} -> {s['to']}: {len(s['changed'])} cases")
        lines.append("")
        if not s["changed"]:
            lines += ["No case changes.", ""]
            continue
        groups = {}
        for cid, d in sorted(s["changed"].items()):
            groups.setdefault(explain(s["to"], cid), []).append((cid, d))
        for why, items in groups.items():
            lines.append(f"- **{why}**")
            for cid, d in items:
                lines.append(f"  - `{cid}`: " + "; ".join(d))
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ main
def make_runner(args):
    import keras_boot
    from keras_case import Runner

    return Runner(keras_boot.load(args.keras_src, args.stubs))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("regenerate", "check", "outcomes"):
        p = sub.add_parser(name)
        p.add_argument("--golden", default=DEFAULT_GOLDEN, help="folder of golden files")
        p.add_argument("--keras-src", help="Keras source tree (default: env KERAS_SRC, else the installed keras)")
        p.add_argument("--stubs", help="stand-ins for third-party modules Keras imports (env KERAS_STUBS)")
        if name == "outcomes":
            p.add_argument("--out", required=True)
            p.add_argument("--label", help="the version label, e.g. v3.8.0 (default: keras.__version__)")
    p = sub.add_parser("drift")
    p.add_argument("outcomes", nargs="+")
    p.add_argument("--golden", default=DEFAULT_GOLDEN)
    p.add_argument("--out-dir", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "drift":
        drift(args.outcomes, args.golden, args.out_dir)
        return 0
    runner = make_runner(args)
    if args.cmd == "outcomes":
        with open(args.out, "w") as f:
            json.dump(outcomes(runner, args.golden, args.label), f, indent=0)
        return 0
    return regenerate(runner, args.golden, write=args.cmd == "regenerate")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes golden/iou_metrics.json and golden/f_score_metrics.json (python3, no numpy).

The expected values are computed by a plain-Python re-statement of Keras 3 (commit 3422977)
keras/src/metrics/iou_metrics.py and f_score_metrics.py, written from the Keras source, with
float32 rounding after every operation where Keras computes in float32. Where a case comes from
a Keras docstring or test, the value Keras prints or asserts is checked against this computation
(within the test's own tolerance) before the file is written, so a disagreement stops the script.

Usage: python3 conformance-tests/tools/iou_fscore_goldens.py   (from the repository root)
"""
import json
import math
import os
import struct

EPS = 1e-7


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def trunc(x):
    return float(math.trunc(x))


def caster(dtype):
    """ops.cast / convert_to_tensor into the metric dtype."""
    if dtype in ("int", "int32", "int64"):
        return trunc
    if dtype == "float64":
        return lambda x: x
    return f32


# ---------------------------------------------------------------- shapes
def shape_of(x):
    s = []
    while isinstance(x, list):
        s.append(len(x))
        x = x[0] if x else None
    return s


def flat(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for e in x:
        out.extend(flat(e))
    return out


def argmax_key(v):
    """float32 value; -0.0 becomes -tiny, as Keras's argmax does before tf.argmax."""
    v = f32(v)
    return -1.1754943508222875e-38 if v == 0.0 and math.copysign(1.0, v) < 0 else v


def argmax_axis(x, axis):
    """ops.argmax(x, axis) on a nested list; ties to the first index, values seen as float32."""
    shape = shape_of(x)
    rank = len(shape)
    a = axis + rank if axis < 0 else axis
    data = flat(x)
    outer = 1
    for d in shape[:a]:
        outer *= d
    inner = 1
    for d in shape[a + 1:]:
        inner *= d
    length = shape[a]
    out = []
    for o in range(outer):
        for i in range(inner):
            best, bv = 0, argmax_key(data[(o * length) * inner + i])
            for j in range(1, length):
                v = argmax_key(data[(o * length + j) * inner + i])
                if v > bv:
                    best, bv = j, v
            out.append(best)
    rshape = shape[:a] + shape[a + 1:]
    return out, rshape


# ---------------------------------------------------------------- IoU family
class IoU:
    """_IoUBase + IoU.result (iou_metrics.py:50-327)."""

    def __init__(self, cls, cfg):
        self.dtype = cfg.get("dtype") or "int"
        if cls == "BinaryIoU":
            self.n = 2
            self.targets = list(cfg.get("target_class_ids", [0, 1]))
            self.threshold = cfg.get("threshold", 0.5)
        else:
            self.n = cfg["num_classes"]
            self.threshold = None
            if cls in ("MeanIoU", "OneHotMeanIoU"):
                self.targets = list(range(self.n))
            else:
                self.targets = list(cfg["target_class_ids"])
        if max(self.targets) >= self.n:
            raise ValueError("target id out of range")
        self.ignore = cfg.get("ignore_class")
        self.sparse_true = cfg.get("sparse_y_true", True) if cls in ("IoU", "MeanIoU") else cls == "BinaryIoU"
        self.sparse_pred = cfg.get("sparse_y_pred", cls in ("IoU", "MeanIoU", "BinaryIoU"))
        self.axis = cfg.get("axis", -1)
        self.reset()

    def reset(self):
        self.cm = [[0.0] * self.n for _ in range(self.n)]

    def update(self, y_true, y_pred, w=None):
        c = caster(self.dtype)
        if self.threshold is not None:  # BinaryIoU: float32 y_pred >= threshold
            y_pred_shape = shape_of(y_pred)
            vals = [1 if f32(v) >= f32(self.threshold) else 0 for v in flat(y_pred)]
            y_pred = vals if y_pred_shape else vals[0]
        if self.sparse_true:
            t, ts = flat(y_true), shape_of(y_true)
        else:
            t, ts = argmax_axis(y_true, self.axis)
        if self.sparse_pred:
            p, ps = flat(y_pred), shape_of(y_pred)
        else:
            p, ps = argmax_axis(y_pred, self.axis)
        if not ts and not ps:
            raise ValueError("two scalars")
        lt, lp = len(t), len(p)
        if lt != lp and lt != 1 and lp != 1:
            raise ValueError("no broadcast")
        length = lp if lt == 1 else lt
        if w is None:
            ws = None
        else:
            ws = flat(w)
            wr = len(shape_of(w))
            if not (wr == 0 or (ts and (len(ws) == 1 or len(ws) == lt))):
                raise ValueError("weight does not broadcast")
        for i in range(length):
            ti = c(t[0 if lt == 1 else i])
            pi = c(p[0 if lp == 1 else i])
            if not (0 <= ti < self.n and 0 <= pi < self.n):
                continue
            if self.ignore is not None and ti == c(self.ignore):
                continue
            wi = 1.0 if ws is None else c(ws[0 if len(ws) == 1 else i])
            self.cm[int(ti)][int(pi)] += wi
            if self.dtype in ("float32", "float"):
                self.cm[int(ti)][int(pi)] = f32(self.cm[int(ti)][int(pi)])

    def result(self):
        if self.axis not in (-1, 0):
            raise ValueError("ops.sum over a missing axis")
        c = caster(self.dtype)
        n = self.n
        col = [0.0] * n
        row = [0.0] * n
        for r in range(n):
            for k in range(n):
                v = c(self.cm[r][k])
                col[k] = c(col[k] + v)
                row[r] = c(row[r] + v)
        iou_sum, valid = f32(0.0), f32(0.0)
        eps = f32(EPS)
        for tid in self.targets:
            tid = tid + n if tid < 0 else tid
            tp = f32(c(self.cm[tid][tid]))
            den = f32(c(c(col[tid] + row[tid]) - c(self.cm[tid][tid])))
            if den > f32(1e-9):
                valid = f32(valid + 1)
                iou_sum = f32(iou_sum + f32(tp / f32(den + eps)))
        return f32(iou_sum / f32(valid + eps))


# ---------------------------------------------------------------- F-scores
class FBeta:
    """FBetaScore / F1Score (f_score_metrics.py:66-254), float32."""

    def __init__(self, cls, cfg):
        self.average = cfg.get("average")
        self.beta = 1.0 if cls == "F1Score" else cfg.get("beta", 1.0)
        self.threshold = cfg.get("threshold")
        assert self.average in (None, "micro", "macro", "weighted")
        assert self.beta > 0
        assert self.threshold is None or 0 < self.threshold <= 1
        self.built = False

    def reset(self):
        if self.built:
            for k in self.state:
                self.state[k] = [0.0] * len(self.state[k])

    def update(self, y_true, y_pred, w=None):
        ts, ps = shape_of(y_true), shape_of(y_pred)
        if len(ts) != 2 or len(ps) != 2:
            raise ValueError("rank")
        if ts != ps:
            raise NotImplementedError("the generator only writes same-shape cases")
        rows, cols = ps
        micro = self.average == "micro"
        if not self.built:
            size = 1 if micro else cols
            self.state = {k: [0.0] * size for k in ("tp", "fp", "fn", "iw")}
            self.built = True
        if not micro and cols != len(self.state["tp"]):
            raise ValueError("built for another class count")
        yt = [[f32(v) for v in r] for r in y_true]
        yp = [[f32(v) for v in r] for r in y_pred]
        if self.threshold is None:
            pos = []
            for r in yp:
                m = max(r)
                pos.append([1.0 if (v >= m and abs(v) > f32(1e-9)) else 0.0 for v in r])
        else:
            t = f32(self.threshold)
            pos = [[1.0 if v > t else 0.0 for v in r] for r in yp]
        if w is None:
            wt = None
        else:
            wsh = shape_of(w)
            if len(wsh) == 0:
                wt = [[f32(w)] * cols for _ in range(rows)]
            elif len(wsh) == 1:
                assert wsh[0] == rows
                wt = [[f32(w[r])] * cols for r in range(rows)]
            else:
                assert wsh[0] in (1, rows) and wsh[1] in (1, cols)
                wt = [[f32(w[0 if wsh[0] == 1 else r][0 if wsh[1] == 1 else k]) for k in range(cols)]
                      for r in range(rows)]
        for r in range(rows):
            for k in range(cols):
                p, y = pos[r][k], yt[r][k]
                vals = {"tp": p * y, "fp": p * f32(1 - y), "fn": (1 - p) * y, "iw": y}
                j = 0 if micro else k
                for key, v in vals.items():
                    if wt is not None:
                        v = f32(v * wt[r][k])
                    self.state[key][j] += v
        for key in self.state:
            self.state[key] = [f32(v) for v in self.state[key]]

    def result(self):
        if not self.built:
            raise ValueError("not built")
        eps = f32(EPS)
        b2 = f32(self.beta ** 2)
        opb = f32(1 + self.beta ** 2)
        s = self.state
        f = []
        for i in range(len(s["tp"])):
            tp = s["tp"][i]
            prec = f32(tp / f32(f32(tp + s["fp"][i]) + eps))
            rec = f32(tp / f32(f32(tp + s["fn"][i]) + eps))
            mul = f32(prec * rec)
            add = f32(f32(b2 * prec) + rec)
            f.append(f32(f32(mul / f32(add + eps)) * opb))
        if self.average is None:
            return f
        if self.average == "weighted":
            tot = f32(0.0)
            for x in s["iw"]:
                tot = f32(tot + x)
            den = f32(tot + eps)
            acc = f32(0.0)
            for i, x in enumerate(f):
                acc = f32(acc + f32(x * f32(s["iw"][i] / den)))
            return acc
        acc = f32(0.0)
        for x in f:
            acc = f32(acc + x)
        return f32(acc / len(f))


# ---------------------------------------------------------------- case building
KEYS = {
    "IoU": ["num_classes", "target_class_ids", "ignore_class", "sparse_y_true", "sparse_y_pred", "axis"],
    "BinaryIoU": ["target_class_ids", "threshold"],
    "MeanIoU": ["num_classes", "ignore_class", "sparse_y_true", "sparse_y_pred", "axis"],
    "OneHotIoU": ["num_classes", "target_class_ids", "ignore_class", "sparse_y_pred", "axis"],
    "OneHotMeanIoU": ["num_classes", "ignore_class", "sparse_y_pred", "axis"],
    "FBetaScore": ["average", "beta", "threshold"],
    "F1Score": ["average", "threshold"],
}


def make(cls, cfg):
    for k in cfg:
        if k not in KEYS[cls] + ["name", "dtype"]:
            raise TypeError("unexpected keyword argument " + k)
    if cls in ("FBetaScore", "F1Score"):
        for k in ("beta", "threshold"):
            if k in cfg and not (isinstance(cfg[k], float) or (k == "threshold" and cfg[k] is None)):
                raise ValueError(k + " must be a Python float")
    return FBeta(cls, cfg) if cls in ("FBetaScore", "F1Score") else IoU(cls, cfg)


def run(case):
    """Fills every result step's 'expected' from the emulator; checks any 'keras' value given."""
    if case.get("expect_error") == "config":
        try:
            make(case["metric"], case["config"])
        except (ValueError, AssertionError, KeyError, TypeError):
            return case
        raise SystemExit(case["id"] + ": the emulator accepted a config expected to be refused")
    m = make(case["metric"], case.get("config", {}))
    tol = case.get("tolerance", {}).get("atol", 1e-6)
    for i, step in enumerate(case["steps"]):
        op = step["op"]
        if op == "reset":
            m.reset()
        elif op == "update":
            if step.get("expect_error"):
                snapshot = json.dumps(m.__dict__, default=str)
                try:
                    m.update(step["y_true"], step["y_pred"], step.get("sample_weight"))
                except ValueError:
                    assert json.dumps(m.__dict__, default=str) == snapshot
                    continue
                raise SystemExit(case["id"] + ": step %d was expected to be refused" % i)
            m.update(step["y_true"], step["y_pred"], step.get("sample_weight"))
        elif op == "result":
            if step.get("expect_error"):
                try:
                    m.result()
                except ValueError:
                    continue
                raise SystemExit(case["id"] + ": result step %d was expected to fail" % i)
            value = m.result()
            keras = step.pop("keras", None)
            if keras is not None:
                check(case["id"], i, value, keras, step.pop("keras_atol", tol))
            step["expected"] = clean(value)
    return case


def check(cid, i, value, keras, atol):
    vs = value if isinstance(value, list) else [value]
    ks = keras if isinstance(keras, list) else [keras]
    assert len(vs) == len(ks), (cid, vs, ks)
    for v, k in zip(vs, ks):
        if abs(v - k) > atol + 1e-6 * abs(k):
            raise SystemExit("%s step %d: computed %r, Keras gives %r" % (cid, i, value, keras))


def clean(v):
    if isinstance(v, list):
        return [clean(x) for x in v]
    # shortest repr that still reads back as the same float32
    for digits in range(6, 18):
        s = float("%.*g" % (digits, v))
        if f32(s) == f32(v):
            return s
    return v


def upd(y_true, y_pred, sample_weight=None, **extra):
    s = {"op": "update", "y_true": y_true, "y_pred": y_pred}
    if sample_weight is not None:
        s["sample_weight"] = sample_weight
    s.update(extra)
    return s


def res(keras=None, **extra):
    s = {"op": "result"}
    if keras is not None:
        s["keras"] = keras
    s.update(extra)
    return s


RESET = {"op": "reset"}
IOU_PY = "keras/src/metrics/iou_metrics.py"
IOU_TEST = "keras/src/metrics/iou_metrics_test.py"
F_PY = "keras/src/metrics/f_score_metrics.py"
F_TEST = "keras/src/metrics/f_score_metrics_test.py"


def case(cid, metric, config, steps, origin, source, note=None, tolerance=None):
    c = {"id": cid, "metric": metric, "config": config, "steps": steps}
    if tolerance:
        c["tolerance"] = tolerance
    c["origin"] = origin
    c["source"] = source
    if note:
        c["note"] = note
    return c


def config_error(cid, metric, config, origin, source, note=None):
    c = {"id": cid, "metric": metric, "config": config, "expect_error": "config", "origin": origin,
         "source": source}
    if note:
        c["note"] = note
    return c


def iou_cases():
    out = []
    stale = ("Stale docstring: its fractional sample weights are cast to the default int dtype ({}:60-61, "
             ":119), so every weight truncates to 0 and current Keras returns 0.0, not the printed value; the "
             "'.float32' twin of this case gives the printed value.")
    f32note = ("Docstring example with \"dtype\": \"float32\" added, as Keras's own tests pass it: the printed "
               "value is what Keras gives when fractional weights are kept.")
    # --- docstrings
    for cls, cid, cfg, unweighted, weighted in [
        ("IoU", "iou", {"num_classes": 2, "target_class_ids": [0]}, 0.33333334, 0.33333334),
        ("MeanIoU", "mean_iou", {"num_classes": 2}, 0.33333334, 0.23809525),
    ]:
        steps = lambda w_expected: [upd([0, 0, 1, 1], [0, 1, 0, 1]), res(unweighted, printed=unweighted), RESET,
                                    upd([0, 0, 1, 1], [0, 1, 0, 1], [0.3, 0.3, 0.3, 0.1]),
                                    res(w_expected, printed=weighted)]
        src = IOU_PY + " " + cls + " docstring"
        out.append(case(cid + ".doc", cls, cfg, steps(0.0), "docstring", src, stale.format(IOU_PY)))
        out.append(case(cid + ".doc.float32", cls, dict(cfg, dtype="float32"), steps(weighted),
                        "docstring", src, f32note))
    src = IOU_PY + " BinaryIoU docstring"
    bsteps = lambda w_expected: [upd([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]), res(0.33333334, printed=0.33333334),
                                 RESET, upd([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7], [0.2, 0.3, 0.4, 0.1]),
                                 res(w_expected, printed=0.17361112)]
    bcfg = {"target_class_ids": [0, 1], "threshold": 0.3}
    out.append(case("binary_iou.doc", "BinaryIoU", bcfg, bsteps(0.0), "docstring", src, stale.format(IOU_PY)))
    out.append(case("binary_iou.doc.float32", "BinaryIoU", dict(bcfg, dtype="float32"), bsteps(0.17361112),
                    "docstring", src, f32note))
    oh_true = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 0, 0]]
    oh_pred = [[0.2, 0.3, 0.5], [0.1, 0.2, 0.7], [0.5, 0.3, 0.1], [0.1, 0.4, 0.5]]
    for cls, cid, cfg, printed, exact in [
        ("OneHotIoU", "one_hot_iou", {"num_classes": 3, "target_class_ids": [0, 2]}, 0.071,
         (0 / (0.3 + 0.6) + 0.1 / (0.7 + 0.1 - 0.1)) / 2),
        ("OneHotMeanIoU", "one_hot_mean_iou", {"num_classes": 3}, 0.048, (0 + 0 + 0.1 / (0.7 + 0.1 - 0.1)) / 3),
    ]:
        src = IOU_PY + " " + cls + " docstring"
        out.append(case(cid + ".doc", cls, cfg, [upd(oh_true, oh_pred, [0.1, 0.2, 0.3, 0.4]),
                                                 res(0.0, printed=printed)],
                        "docstring", src, stale.format(IOU_PY)))
        out.append(case(cid + ".doc.float32", cls, dict(cfg, dtype="float32"),
                        [upd(oh_true, oh_pred, [0.1, 0.2, 0.3, 0.4]), res(exact, printed=printed)],
                        "docstring", src, f32note + " The docstring prints the value rounded to 3 decimals; "
                        "'expected' is the float32 value."))

    # --- iou_metrics_test.py
    t = lambda m: IOU_TEST + " " + m
    third = (1 / (2 + 2 - 1) + 1 / (2 + 2 - 1)) / 2
    w_exp = (0.1 / (0.4 + 0.5 - 0.1) + 0.2 / (0.6 + 0.5 - 0.2)) / 2
    atol3 = {"keras_atol": 1e-3}
    out += [
        case("iou.test_unweighted", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([0, 0, 1, 1], [0, 1, 0, 1]), res(third, **atol3)], "unit_test", t("IoUTest.test_unweighted")),
        case("iou.test_weighted", "IoU", {"num_classes": 2, "target_class_ids": [1, 0], "dtype": "float32"},
             [upd([0, 0, 1, 1], [0, 1, 0, 1], [0.2, 0.3, 0.4, 0.1]), res(w_exp, **atol3)], "unit_test",
             t("IoUTest.test_weighted")),
        case("iou.test_multi_dim_input", "IoU", {"num_classes": 2, "target_class_ids": [0, 1], "dtype": "float32"},
             [upd([[0, 0], [1, 1]], [[0, 1], [0, 1]], [[0.2, 0.3], [0.4, 0.1]]), res(w_exp, **atol3)],
             "unit_test", t("IoUTest.test_multi_dim_input")),
        case("iou.test_zero_valid_entries", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [res(0.0, **atol3)], "unit_test", t("IoUTest.test_zero_valid_entries")),
        case("iou.test_zero_and_non_zero_entries", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([1], [1]), res(1.0, **atol3)], "unit_test", t("IoUTest.test_zero_and_non_zero_entries")),
        case("iou.test_out_of_range_y_true_ignored", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([0, 2], [0, 1]), res(1.0, **atol3)], "unit_test", t("IoUTest.test_out_of_range_y_true_ignored")),
        case("iou.test_out_of_range_y_pred_ignored", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([0, 1], [0, 2]), res(1.0, **atol3)], "unit_test", t("IoUTest.test_out_of_range_y_pred_ignored")),
        case("iou.test_negative_y_true_ignored", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([-1, 0], [0, 0]), res(1.0, **atol3)], "unit_test", t("IoUTest.test_negative_y_true_ignored")),
        case("iou.test_negative_y_pred_ignored", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([0, 1], [-1, 1]), res(1.0, **atol3)], "unit_test", t("IoUTest.test_negative_y_pred_ignored")),
        case("iou.test_absent_class_contributes_zero", "IoU", {"num_classes": 4, "target_class_ids": [0, 1, 2, 3]},
             [upd([0, 0, 1, 1], [0, 1, 0, 1]), res(third, **atol3)], "unit_test",
             t("IoUTest.test_absent_class_contributes_zero")),
    ]
    b = lambda thr, dt=None: dict({"target_class_ids": [0, 1], "threshold": thr}, **({"dtype": dt} if dt else {}))
    out += [
        case("binary_iou.test_different_thresholds_weighted.0.3", "BinaryIoU", b(0.3, "float32"),
             [upd([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7], [0.2, 0.3, 0.4, 0.1]),
              res((0.2 / (0.6 + 0.5 - 0.2) + 0.1 / (0.4 + 0.5 - 0.1)) / 2, **atol3)], "unit_test",
             t("BinaryIoUTest.test_different_thresholds_weighted")),
        case("binary_iou.test_different_thresholds_weighted.0.5", "BinaryIoU", b(0.5, "float32"),
             [upd([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7], [0.1, 0.2, 0.4, 0.3]),
              res((0.5 / (0.5 + 0.7 - 0.5) + 0.3 / (0.5 + 0.3 - 0.3)) / 2, **atol3)], "unit_test",
             t("BinaryIoUTest.test_different_thresholds_weighted")),
        case("binary_iou.test_different_thresholds_unweighted.0.3", "BinaryIoU", b(0.3),
             [upd([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]), res(third, **atol3)], "unit_test",
             t("BinaryIoUTest.test_different_thresholds_unweighted")),
        case("binary_iou.test_different_thresholds_unweighted.0.5", "BinaryIoU", b(0.5),
             [upd([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]), res((2 / (2 + 3 - 2) + 1 / (2 + 1 - 1)) / 2, **atol3)],
             "unit_test", t("BinaryIoUTest.test_different_thresholds_unweighted")),
        case("binary_iou.test_multi_dim_input", "BinaryIoU", b(0.4, "float32"),
             [upd([[0, 1], [0, 1]], [[0.1, 0.7], [0.9, 0.3]], [[0.2, 0.3], [0.4, 0.1]]),
              res((0.2 / (0.6 + 0.3 - 0.2) + 0.3 / (0.4 + 0.7 - 0.3)) / 2, **atol3)], "unit_test",
             t("BinaryIoUTest.test_multi_dim_input")),
        case("binary_iou.test_zero_valid_entries", "BinaryIoU", {"target_class_ids": [0, 1]},
             [res(0.0, **atol3)], "unit_test", t("BinaryIoUTest.test_zero_valid_entries")),
        case("binary_iou.test_zero_and_non_zero_entries", "BinaryIoU", b(0.5),
             [upd([1], [0.6]), res(1.0, **atol3)], "unit_test", t("BinaryIoUTest.test_zero_and_non_zero_entries")),
    ]
    ign = (1 / (1 + 1 - 1) + 1 / (2 + 1 - 1) + 0 / (0 + 1 - 0)) / 3
    out += [
        case("mean_iou.test_unweighted", "MeanIoU", {"num_classes": 2},
             [upd([0, 0, 1, 1], [0, 1, 0, 1]), res(third, **atol3)], "unit_test", t("MeanIoUTest.test_unweighted")),
        case("mean_iou.test_unweighted_ignore_class_255", "MeanIoU", {"num_classes": 3, "ignore_class": 255},
             [upd([0, 1, 2, 255], [0, 1, 1, 1]), res(ign, **atol3)], "unit_test",
             t("MeanIoUTest.test_unweighted_ignore_class_255")),
        case("mean_iou.test_unweighted_ignore_class_1", "MeanIoU", {"num_classes": 3, "ignore_class": -1},
             [upd([0, 1, 2, -1], [0, 1, 1, 1]), res(ign, **atol3)], "unit_test",
             t("MeanIoUTest.test_unweighted_ignore_class_1")),
        case("mean_iou.test_weighted", "MeanIoU", {"num_classes": 2, "dtype": "float32"},
             [upd([0, 0, 1, 1], [0, 1, 0, 1], [0.2, 0.3, 0.4, 0.1]), res(w_exp, **atol3)], "unit_test",
             t("MeanIoUTest.test_weighted")),
        case("mean_iou.test_weighted_ignore_class_1", "MeanIoU",
             {"num_classes": 2, "ignore_class": -1, "dtype": "float32"},
             [upd([0, 0, 1, -1], [0, 1, 0, 1], [0.2, 0.3, 0.4, 0.1]),
              res((0.2 / (0.6 + 0.5 - 0.2) + 0.0 / (0.3 + 0.4 - 0.0)) / 2, **atol3)], "unit_test",
             t("MeanIoUTest.test_weighted_ignore_class_1")),
        case("mean_iou.test_multi_dim_input", "MeanIoU", {"num_classes": 2, "dtype": "float32"},
             [upd([[0, 0], [1, 1]], [[0, 1], [0, 1]], [[0.2, 0.3], [0.4, 0.1]]), res(w_exp, **atol3)],
             "unit_test", t("MeanIoUTest.test_multi_dim_input")),
        case("mean_iou.test_zero_valid_entries", "MeanIoU", {"num_classes": 2}, [res(0.0, **atol3)],
             "unit_test", t("MeanIoUTest.test_zero_valid_entries")),
        case("mean_iou.test_zero_and_non_zero_entries", "MeanIoU", {"num_classes": 2},
             [upd([1], [1]), res(1.0, **atol3)], "unit_test", t("MeanIoUTest.test_zero_and_non_zero_entries")),
        case("mean_iou.test_out_of_range_ignored", "MeanIoU", {"num_classes": 2},
             [upd([0, 3], [0, 1]), res(1.0, **atol3)], "unit_test", t("MeanIoUTest.test_out_of_range_ignored")),
        case("mean_iou.test_negative_ignored", "MeanIoU", {"num_classes": 2},
             [upd([0, -1], [0, 1]), res(1.0, **atol3)], "unit_test", t("MeanIoUTest.test_negative_ignored")),
        case("mean_iou.test_absent_class_contributes_zero", "MeanIoU", {"num_classes": 3},
             [upd([0, 0, 0, 0], [0, 0, 0, 0]), res(1.0, **atol3)], "unit_test",
             t("MeanIoUTest.test_absent_class_contributes_zero")),
        case("mean_iou.test_user_warning_float_weight", "MeanIoU", {"num_classes": 3},
             [upd([0, 1, 1, 0], [0, 1, 1, 1], [0.2, 0.3, 0.4, 0.1]), res(0.0)], "derived",
             t("MeanIoUTest.test_user_warning_float_weight"),
             "Inputs of the Keras test, which asserts only the float-weight warning; the expected value follows "
             "from the int default dtype: every weight truncates to 0, so the matrix stays empty and the result "
             "is 0.0 (" + IOU_PY + ":119, :324-327)."),
    ]
    oh5_true = oh_true + [[1, 0, 0]]
    oh5_pred = oh_pred + [[0.6, 0.2, 0.2]]
    oh5_exp = (0.1 / (0.4 + 0.6 - 0.1) + 0 + 0.1 / (0.6 + 0.1 - 0.1)) / 3
    out += [
        case("one_hot_iou.test_unweighted", "OneHotIoU", {"num_classes": 3, "target_class_ids": [0, 2]},
             [upd(oh_true, oh_pred), res((0 / (1 + 2 - 0) + 1 / (3 + 1 - 1)) / 2, **atol3)], "unit_test",
             t("OneHotIoUTest.test_unweighted")),
        case("one_hot_iou.test_weighted", "OneHotIoU",
             {"num_classes": 3, "target_class_ids": [0, 2], "dtype": "float32"},
             [upd(oh_true, oh_pred, [0.1, 0.2, 0.3, 0.4]),
              res((0 / (0.3 + 0.6 - 0) + 0.1 / (0.7 + 0.1 - 0.1)) / 2, **atol3)], "unit_test",
             t("OneHotIoUTest.test_weighted")),
        case("one_hot_mean_iou.test_unweighted", "OneHotMeanIoU", {"num_classes": 3},
             [upd(oh_true, oh_pred), res((0 + 0 + 1 / (3 + 1 - 1)) / 3, **atol3)], "unit_test",
             t("OneHotMeanIoUTest.test_unweighted")),
        case("one_hot_mean_iou.test_weighted", "OneHotMeanIoU", {"num_classes": 3, "dtype": "float32"},
             [upd(oh5_true, oh5_pred, [0.1, 0.2, 0.3, 0.3, 0.1]), res(oh5_exp, **atol3)], "unit_test",
             t("OneHotMeanIoUTest.test_weighted")),
        case("one_hot_mean_iou.test_weighted.int_weights", "OneHotMeanIoU", {"num_classes": 3},
             [upd(oh5_true, oh5_pred, [1, 2, 3, 3, 1]), res(oh5_exp, **atol3)], "unit_test",
             t("OneHotMeanIoUTest.test_weighted") + " (integer weights, default dtype)"),
    ]

    # --- derived
    d = "derived"
    out += [
        case("iou.int_dtype_truncates_weights", "IoU", {"num_classes": 2, "target_class_ids": [0, 1]},
             [upd([0, 0, 1, 1], [0, 1, 0, 1], [1.9, 0.5, 2.0, 1.0]), res()], d, IOU_PY + ":60-61,119",
             "Default int dtype: weights cast with truncation toward zero, [1.9, 0.5, 2.0, 1.0] -> [1, 0, 2, 1]; "
             "cm = [[1, 0], [2, 1]]; iou0 = 1/(3+1-1), iou1 = 1/(1+3-1), mean 1/3."),
        case("iou.float32_keeps_weights", "IoU", {"num_classes": 2, "target_class_ids": [0, 1], "dtype": "float32"},
             [upd([0, 0, 1, 1], [0, 1, 0, 1], [1.9, 0.5, 2.0, 1.0]), res()], d, IOU_PY + ":60-61,119",
             "Same inputs as iou.int_dtype_truncates_weights with dtype float32: weights are kept."),
        case("iou.int_dtype_truncates_negative_weights", "MeanIoU", {"num_classes": 2},
             [upd([0, 1, 1, 0], [0, 1, 0, 0], [-0.5, 2, 1, -1.5]), res()], d, IOU_PY + ":119",
             "int dtype: -0.5 -> 0 and -1.5 -> -1 (truncation toward zero); negative weights enter the matrix as "
             "signed numbers: cm = [[-1, 0], [1, 2]]; class 0's denominator 0 + (-1) - (-1) = 0 is not > 1e-9, "
             "so class 0 is left out of the mean (" + IOU_PY + ":310-322); class 1: 2/(2+3-2)."),
        case("iou.int_dtype_truncates_labels", "IoU", {"num_classes": 3, "target_class_ids": [0, 1, 2]},
             [upd([0.9, 1.7, 2.2, -0.5], [0, 1, 2, 0]), res()], d, IOU_PY + ":96-97",
             "y_true is cast to the int dtype before the bounds check: [0.9, 1.7, 2.2, -0.5] -> [0, 1, 2, 0] "
             "(truncation toward zero, so -0.5 becomes class 0 and is counted)."),
        case("iou.float32_labels_below_zero_dropped", "IoU",
             {"num_classes": 3, "target_class_ids": [0, 1, 2], "dtype": "float32"},
             [upd([0.9, 1.7, 2.2, -0.5], [0, 1, 2, 0]), res()], d, IOU_PY + ":126-152, metrics_utils.py:689",
             "Same inputs with dtype float32: -0.5 fails y_true >= 0 and is dropped; the kept fractional labels "
             "index the matrix after the int64 cast of confusion_matrix (truncation): 0.9 -> 0, 1.7 -> 1, 2.2 -> 2."),
        case("iou.ignore_class_on_iou", "IoU", {"num_classes": 3, "target_class_ids": [1, 2], "ignore_class": 0},
             [upd([0, 0, 1, 2, 2, 1], [1, 2, 1, 2, 1, 1]), res()], d, IOU_PY + ":142-152",
             "Pairs whose TRUE class is ignore_class (0) are dropped, whatever the prediction; a prediction of 0 "
             "is not dropped. Remaining pairs (1,1), (2,2), (2,1), (1,1)."),
        case("iou.ignore_class_predicted_is_kept", "MeanIoU", {"num_classes": 2, "ignore_class": 1},
             [upd([0, 0, 1, 0], [1, 0, 0, 1]), res()], d, IOU_PY + ":142-152",
             "ignore_class only masks y_true: the pair (true 0, pred 1) still counts as a false positive of class "
             "1 and a false negative of class 0; cm = [[1, 2], [0, 0]]."),
        case("iou.multiple_updates_and_reset", "MeanIoU", {"num_classes": 3},
             [upd([0, 1, 2], [0, 2, 2]), res(), upd([[2, 2], [1, 0]], [[2, 1], [1, 0]]), res(), RESET, res(0.0),
              upd([1], [1]), res(1.0)], d, IOU_PY + ":169-174",
             "The confusion matrix accumulates across updates (any input rank is flattened) and reset_state zeroes "
             "it."),
        case("iou.segmentation_rank3", "MeanIoU", {"num_classes": 3},
             [upd([[[0, 1], [2, 2]], [[1, 1], [0, 0]]], [[[0, 1], [2, 1]], [[1, 1], [0, 2]]]), res()], d,
             IOU_PY + ":99-104", "Rank-3 label maps (batch, height, width) are flattened."),
        case("iou.sparse_y_true_false", "IoU",
             {"num_classes": 3, "target_class_ids": [0, 1, 2], "sparse_y_true": False},
             [upd([[0.1, 0.8, 0.1], [0.7, 0.2, 0.1], [0.0, 0.0, 1.0], [0.3, 0.3, 0.4]], [1, 0, 1, 2]), res()], d,
             IOU_PY + ":91-92",
             "sparse_y_true=False: y_true rows are argmax'ed ([1, 0, 2, 2]); y_pred stays sparse."),
        case("iou.sparse_y_pred_false", "MeanIoU", {"num_classes": 3, "sparse_y_pred": False},
             [upd([1, 0, 2, 2], [[0.1, 0.8, 0.1], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]), res()], d,
             IOU_PY + ":93-94",
             "sparse_y_pred=False: y_pred rows are argmax'ed; the tie [0.5, 0.5, 0] goes to the first index, 0."),
        case("one_hot_iou.sparse_y_pred_true", "OneHotIoU",
             {"num_classes": 3, "target_class_ids": [0, 1], "sparse_y_pred": True},
             [upd(oh_true, [2, 0, 1, 1]), res()], d, IOU_PY + ":649-668",
             "OneHotIoU with sparse_y_pred=True: one-hot y_true argmax'ed ([2, 0, 1, 0]), y_pred used as ids."),
        case("one_hot_mean_iou.ignore_class", "OneHotMeanIoU", {"num_classes": 3, "ignore_class": 0},
             [upd(oh_true, oh_pred), res()], d, IOU_PY + ":142-152",
             "y_true argmax = [2, 0, 1, 0], y_pred argmax = [2, 2, 0, 2]; rows whose true class is 0 are dropped, "
             "leaving (2,2) and (1,0)."),
        case("one_hot_mean_iou.axis_0", "OneHotMeanIoU", {"num_classes": 3, "axis": 0},
             [upd([[0, 1, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]], [[0.2, 0.1, 0.5, 0.1], [0.3, 0.2, 0.3, 0.4],
                                                                 [0.5, 0.7, 0.1, 0.5]]), res()], d,
             IOU_PY + ":91-94,324-327",
             "axis=0: classes along the first axis (channels-first); the argmax runs down each column: y_true "
             "[2, 0, 1, 0], y_pred [2, 2, 0, 2]. Same matrix as the OneHotMeanIoU docstring's unweighted one."),
        case("one_hot_mean_iou.axis_1_result_fails", "OneHotMeanIoU", {"num_classes": 3, "axis": 1},
             [upd([[[0, 1], [1, 0], [0, 0]]], [[[0.1, 0.6], [0.8, 0.2], [0.1, 0.2]]]),
              {"op": "result", "expect_error": True}], d, IOU_PY + ":324-327",
             "The update works (argmax over axis 1), but IoU.result() sums the rank-1 per-class IoU vector with "
             "ops.sum(iou, axis=self.axis): any axis other than -1 or 0 is out of range for a rank-1 tensor, so "
             "Keras 3's result() raises on every backend."),
        case("iou.negative_target_class_id", "IoU", {"num_classes": 3, "target_class_ids": [-1]},
             [upd([0, 1, 2, 2], [0, 2, 2, 1]), res()], d, IOU_PY + ":274-306",
             "Only max(target_class_ids) < num_classes is checked; a negative id counts from the end as "
             "ops.take_along_axis does (backend/tensorflow/numpy.py take_along_axis: indices < 0 get + size): "
             "-1 is class 2, iou2 = 1/(2+2-1)."),
        case("iou.duplicate_target_class_ids", "IoU", {"num_classes": 3, "target_class_ids": [2, 2, 0]},
             [upd([0, 1, 2, 2], [0, 2, 2, 1]), res()], d, IOU_PY + ":296-327",
             "Duplicate target ids are taken twice (take_along_axis), weighting that class twice in the mean: "
             "(1/3 + 1/3 + 1) / 3."),
        case("binary_iou.threshold_inclusive", "BinaryIoU", {"threshold": 0.3},
             [upd([1, 1, 0, 0], [0.3, 0.29999, 0.3, 0.0]), res()], d, IOU_PY + ":448-452",
             "BinaryIoU uses y_pred >= threshold (inclusive, in float32): 0.3 is class 1, 0.29999 is class 0; "
             "cm = [[1, 1], [1, 1]]."),
        case("binary_iou.target_class_1", "BinaryIoU", {"target_class_ids": [1], "threshold": 0.5},
             [upd([[1, 0], [1, 1]], [[0.9, 0.6], [0.4, 0.5]]), res()], d, IOU_PY + ":413-452",
             "target_class_ids=[1]: the IoU of class 1 only; predictions [1, 1, 0, 1], labels [1, 0, 1, 1]."),
        case("binary_iou.default_config", "BinaryIoU", {},
             [upd([0, 1, 1, 0, 1], [0.49, 0.5, 0.7, 0.51, 0.2]), res()], d, IOU_PY + ":413-422",
             "Defaults target_class_ids=(0, 1), threshold=0.5 (inclusive)."),
        case("binary_iou.float_labels_truncate", "BinaryIoU", {},
             [upd([0.9, 1.0, 0.2, 1.5], [0.9, 0.9, 0.1, 0.8]), res()], d, IOU_PY + ":448",
             "y_true is cast to the int dtype: [0.9, 1.0, 0.2, 1.5] -> [0, 1, 0, 1]; a soft label 0.9 is class 0."),
        case("mean_iou.scalar_weight", "MeanIoU", {"num_classes": 2},
             [upd([0, 1, 1], [0, 1, 0], 3), res()], d, IOU_PY + ":119-124",
             "A scalar weight broadcasts to every pair (3 each): the ratios do not change."),
        case("mean_iou.weight_per_row_refused", "MeanIoU", {"num_classes": 2},
             [upd([[0, 1], [1, 1]], [[0, 1], [0, 1]], [1, 2], expect_error=True), res(0.0),
              upd([[0, 1], [1, 1]], [[0, 1], [0, 1]], [[1, 1], [2, 2]]), res()], d, IOU_PY + ":121-124",
             "A rank-1 weight is not flattened and must broadcast to the FLATTENED y_true (4,): (2,) cannot, so "
             "Keras's broadcast_to raises; the state stays empty. A (2, 2) weight is flattened and works."),
        case("mean_iou.shape_mismatch_refused", "MeanIoU", {"num_classes": 3},
             [upd([0, 1, 2], [0, 1], expect_error=True), upd([0, 1, 2], [0, 1, 1]), res()], d,
             IOU_PY + ":126-167",
             "Flattened y_true (3,) and y_pred (2,) do not broadcast: refused, nothing counted."),
    ]
    out += [
        config_error("iou.config.target_id_out_of_range", "IoU", {"num_classes": 2, "target_class_ids": [0, 2]},
                     d, IOU_PY + ":274-279", "max(target_class_ids) must be < num_classes (ValueError)."),
        config_error("binary_iou.config.target_id_out_of_range", "BinaryIoU", {"target_class_ids": [2]}, d,
                     IOU_PY + ":274-279,413-422", "BinaryIoU has 2 classes: target id 2 is out of range."),
        config_error("one_hot_iou.config.target_id_out_of_range", "OneHotIoU",
                     {"num_classes": 3, "target_class_ids": [3]}, d, IOU_PY + ":274-279"),
        config_error("iou.config.missing_target_class_ids", "IoU", {"num_classes": 2}, d, IOU_PY + ":254-264",
                     "target_class_ids is a required argument (TypeError)."),
        config_error("mean_iou.config.missing_num_classes", "MeanIoU", {}, d, IOU_PY + ":532-541",
                     "num_classes is a required argument (TypeError)."),
        config_error("iou.config.empty_target_class_ids", "IoU", {"num_classes": 2, "target_class_ids": []}, d,
                     IOU_PY + ":274", "max([]) raises ValueError."),
        config_error("mean_iou.config.target_class_ids_unexpected", "MeanIoU",
                     {"num_classes": 2, "target_class_ids": [0]}, d, IOU_PY + ":532-541",
                     "MeanIoU takes no target_class_ids argument (TypeError: unexpected keyword)."),
        config_error("one_hot_iou.config.sparse_y_true_unexpected", "OneHotIoU",
                     {"num_classes": 2, "target_class_ids": [0], "sparse_y_true": True}, d, IOU_PY + ":649-658",
                     "OneHotIoU takes no sparse_y_true argument (TypeError: unexpected keyword)."),
        config_error("binary_iou.config.num_classes_unexpected", "BinaryIoU", {"num_classes": 2}, d,
                     IOU_PY + ":413-419", "BinaryIoU takes no num_classes argument (TypeError)."),
    ]
    return out


def f_cases():
    out = []
    d = "derived"
    t = lambda m: F_TEST + " " + m
    doc_true = [[1, 1, 1], [1, 0, 0], [1, 1, 0]]
    doc_pred = [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]]
    out.append(case("fbeta_score.doc", "FBetaScore", {"beta": 2.0, "threshold": 0.5},
                    [upd(doc_true, doc_pred), res([0.3846154, 0.90909094, 0.8333334],
                                                  printed=[0.3846154, 0.90909094, 0.8333334])], "docstring",
                    F_PY + " FBetaScore docstring"))
    out.append(case("f1_score.doc", "F1Score", {"threshold": 0.5},
                    [upd(doc_true, doc_pred), res([0.5, 0.8, 0.6666667], printed=[0.5, 0.8, 0.6666667])], "docstring", F_PY + " F1Score docstring"))

    p_pred = [[0.7, 0.7, 0.7], [1, 0, 0], [0.9, 0.8, 0]]
    for avg in ("micro", "macro", "weighted"):
        for beta in (0.5, 1.0, 2.0):
            cfg = {"average": avg, "beta": beta, "threshold": 0.66}
            out.append(case("fbeta_score.test_fbeta_perfect_score.%s.%s" % (avg, beta), "FBetaScore", cfg,
                            [upd([[1, 1, 1], [1, 0, 0], [1, 1, 0]], p_pred), res(1.0)], "unit_test",
                            t("FBetaScoreTest.test_fbeta_perfect_score")))
            out.append(case("fbeta_score.test_fbeta_worst_score.%s.%s" % (avg, beta), "FBetaScore", cfg,
                            [upd([[0, 0, 0], [0, 1, 0], [0, 0, 1]], p_pred), res(0.0)], "unit_test",
                            t("FBetaScoreTest.test_fbeta_worst_score")))
    random_params = [
        (None, 0.5, [0.71428573, 0.5, 0.833334]), (None, 1.0, [0.8, 0.5, 0.6666667]),
        (None, 2.0, [0.9090904, 0.5, 0.555556]), ("micro", 0.5, 0.6666667), ("micro", 1.0, 0.6666667),
        ("micro", 2.0, 0.6666667), ("macro", 0.5, 0.6825397), ("macro", 1.0, 0.6555555),
        ("macro", 2.0, 0.6548822), ("weighted", 0.5, 0.6825397), ("weighted", 1.0, 0.6555555),
        ("weighted", 2.0, 0.6548822)]
    for avg, beta, r in random_params:
        cfg = {"average": avg, "beta": beta, "threshold": 0.66}
        out.append(case("fbeta_score.test_fbeta_random_score.%s.%s" % (avg, beta), "FBetaScore", cfg,
                        [upd([[0, 0, 1], [1, 1, 0], [1, 1, 1]], p_pred), res(r)], "unit_test",
                        t("FBetaScoreTest.test_fbeta_random_score")))
    n_true = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [1, 0, 0], [0, 0, 1]]
    n_pred = [[0.9, 0.1, 0], [0.2, 0.6, 0.2], [0, 0, 1], [0.4, 0.3, 0.3], [0, 0.9, 0.1], [0, 0, 1]]
    none_params = [
        (None, 0.5, [0.9090904, 0.555556, 1.0]), (None, 1.0, [0.8, 0.6666667, 1.0]),
        (None, 2.0, [0.71428573, 0.833334, 1.0]), ("micro", 0.5, 0.833334), ("micro", 1.0, 0.833334),
        ("micro", 2.0, 0.833334), ("macro", 0.5, 0.821549), ("macro", 1.0, 0.822222), ("macro", 2.0, 0.849206),
        ("weighted", 0.5, 0.880471), ("weighted", 1.0, 0.844445), ("weighted", 2.0, 0.829365)]
    for avg, beta, r in none_params:
        cfg = {"average": avg, "beta": beta}
        out.append(case("fbeta_score.test_fbeta_random_score_none.%s.%s" % (avg, beta), "FBetaScore", cfg,
                        [upd(n_true, n_pred), res(r)], "unit_test", t("FBetaScoreTest.test_fbeta_random_score_none")))
    w1, w2, w3 = [1.0] * 6, [1.0, 0.0, 1.0, 1.0, 0.0, 1.0], [0.5, 1.0, 1.0, 1.0, 0.5, 1.0]
    weighted_params = [
        (None, 0.5, w1, [0.909091, 0.555556, 1.0]), (None, 0.5, w2, [1.0, 0.0, 1.0]),
        (None, 0.5, w3, [0.9375, 0.714286, 1.0]), (None, 1.0, w1, [0.8, 0.666667, 1.0]),
        (None, 1.0, w2, [1.0, 0.0, 1.0]), (None, 1.0, w3, [0.857143, 0.8, 1.0]),
        (None, 2.0, w1, [0.714286, 0.833333, 1.0]), (None, 2.0, w2, [1.0, 0.0, 1.0]),
        (None, 2.0, w3, [0.789474, 0.909091, 1.0]),
        ("micro", 0.5, w1, 0.833333), ("micro", 0.5, w2, 1.0), ("micro", 0.5, w3, 0.9),
        ("micro", 1.0, w1, 0.833333), ("micro", 1.0, w2, 1.0), ("micro", 1.0, w3, 0.9),
        ("micro", 2.0, w1, 0.833333), ("micro", 2.0, w2, 1.0), ("micro", 2.0, w3, 0.9),
        ("macro", 0.5, w1, 0.821549), ("macro", 0.5, w2, 0.666667), ("macro", 0.5, w3, 0.883929),
        ("macro", 1.0, w1, 0.822222), ("macro", 1.0, w2, 0.666667), ("macro", 1.0, w3, 0.885714),
        ("macro", 2.0, w1, 0.849206), ("macro", 2.0, w2, 0.666667), ("macro", 2.0, w3, 0.899522),
        ("weighted", 0.5, w1, 0.880471), ("weighted", 0.5, w2, 1.0), ("weighted", 0.5, w3, 0.917857),
        ("weighted", 1.0, w1, 0.844444), ("weighted", 1.0, w2, 1.0), ("weighted", 1.0, w3, 0.902857),
        ("weighted", 2.0, w1, 0.829365), ("weighted", 2.0, w2, 1.0), ("weighted", 2.0, w3, 0.897608)]
    names = {id(w1): "ones", id(w2): "zeros_1_4", id(w3): "halves_0_4"}
    for avg, beta, w, r in weighted_params:
        cfg = {"average": avg, "beta": beta}
        out.append(case("fbeta_score.test_fbeta_weighted_random_score_none.%s.%s.%s" % (avg, beta, names[id(w)]),
                        "FBetaScore", cfg, [upd(n_true, n_pred, w), res(r)], "unit_test",
                        t("FBetaScoreTest.test_fbeta_weighted_random_score_none")))
    s_true, s_pred = [[1, 1], [1, 0]], [[0.2, 0.6], [0.2, 0.6]]
    out.append(case("fbeta_score.test_fbeta_scalar_weight", "FBetaScore", {"threshold": 0.5},
                    [upd(s_true, s_pred, 0.5), res([0.0, 0.6666665], keras_atol=1e-5)], "unit_test",
                    t("FBetaScoreTest.test_fbeta_scalar_weight")))
    out.append(case("fbeta_score.test_fbeta_2d_weight", "FBetaScore", {"threshold": 0.5},
                    [upd(s_true, s_pred, [[0.5, 0.2], [0.3, 0.8]]), res([0.0, 0.333333], keras_atol=1e-5)],
                    "unit_test", t("FBetaScoreTest.test_fbeta_2d_weight")))
    out.append(case("f1_score.test_correctness", "F1Score", {},
                    [upd(n_true, n_pred), res([0.8, 0.6666667, 1.0])], "unit_test",
                    t("F1ScoreTest.test_correctness") + " (F1Score equals FBetaScore(beta=1.0); values from "
                    "test_fbeta_random_score_none (None, 1.0))"))
    out.append(case("fbeta_score.test_fbeta_correctness_beta_1", "FBetaScore", {"beta": 1.0},
                    [upd(n_true, n_pred), res([0.8, 0.6666667, 1.0])], "unit_test",
                    t("F1ScoreTest.test_correctness")))
    out.append(case("fbeta_score.test_non_2d_input_shapes_raises_value_error", "FBetaScore", {"beta": 1.0},
                    [upd([[[1, 0], [0, 1]]], [[[0.6, 0.4], [0.3, 0.7]]], expect_error=True),
                     {"op": "result", "expect_error": True}], "unit_test",
                    t("FBetaScoreTest.test_non_2d_input_shapes_raises_value_error"),
                    "The Keras test calls _build with rank-3 shapes; through update_state the same check raises "
                    "on the first update, and the metric stays unbuilt."))
    for cid, cfg, src in [
        ("invalid_average", {"average": "invalid_average", "beta": 1.0}, "test_invalid_average_raises_value_error"),
        ("beta_integer", {"average": "macro", "beta": 1}, "test_beta_integer_type_raises_value_error"),
        ("beta_string", {"average": "macro", "beta": "1.0"}, "test_beta_string_type_raises_value_error"),
        ("beta_none", {"average": "macro", "beta": None}, "test_beta_none_type_raises_value_error"),
        ("beta_zero", {"average": "macro", "beta": 0.0}, "test_beta_zero_raises_value_error"),
        ("beta_negative_one", {"average": "macro", "beta": -1.0}, "test_beta_negative_one_raises_value_error"),
        ("beta_negative_half", {"average": "macro", "beta": -0.5}, "test_beta_negative_half_raises_value_error"),
        ("threshold_integer", {"average": "macro", "beta": 1.0, "threshold": 1},
         "test_threshold_not_float_raises_value_error"),
        ("threshold_string", {"average": "macro", "beta": 1.0, "threshold": "0.5"},
         "test_threshold_string_raises_value_error"),
        ("threshold_above_one", {"average": "macro", "beta": 1.0, "threshold": 1.1},
         "test_threshold_above_one_raises_value_error"),
        ("threshold_zero", {"average": "macro", "beta": 1.0, "threshold": 0.0},
         "test_threshold_zero_raises_value_error"),
        ("threshold_negative", {"average": "macro", "beta": 1.0, "threshold": -0.5},
         "test_threshold_negative_raises_value_error"),
    ]:
        note = None
        if cid in ("beta_integer", "threshold_integer"):
            note = ("A JSON integer is a Python int: Keras refuses it with isinstance(x, float) (" + F_PY
                    + ":85-105); 1.0 would be accepted.")
        c = config_error("fbeta_score.config." + cid, "FBetaScore", cfg, "unit_test", t("FBetaScoreTest." + src),
                         note)
        out.append(c)
    out.append(config_error("f1_score.config.beta_unexpected", "F1Score", {"beta": 2.0}, d, F_PY + ":309-315",
                            "F1Score takes no beta argument (TypeError: unexpected keyword)."))
    out.append(config_error("f1_score.config.invalid_average", "F1Score", {"average": "samples"}, d, F_PY + ":78-83",
                            "average must be None, 'micro', 'macro' or 'weighted'."))

    # --- derived
    out += [
        case("fbeta_score.result_before_update", "FBetaScore", {}, [{"op": "result", "expect_error": True}], d,
             F_PY + ":117-162,208-211",
             "The state variables are created on the first update_state (_build); result() before it fails."),
        case("f1_score.reset_keeps_shape", "F1Score", {"threshold": 0.5},
             [upd(doc_true, doc_pred), res(), RESET, res([0.0, 0.0, 0.0]), upd([[0, 1, 0]], [[0.2, 0.9, 0.1]]),
              res()], d, F_PY + ":252-254",
             "reset_state assigns zeros to the built variables (they stay built with 3 classes): result() "
             "after a reset is a vector of zeros, not an error."),
        case("f1_score.threshold_none_ties", "F1Score", {},
             [upd([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0.4, 0.4, 0.2], [0.0, 0.0, 0.0], [0.1, 0.3, 0.3]]), res()],
             d, F_PY + ":164-170",
             "threshold=None: every entry equal to the row max is positive, so ties give several positives; an "
             "all-zero row gives none (abs(p) > 1e-9)."),
        case("f1_score.threshold_none_negative_scores", "F1Score", {"average": "micro"},
             [upd([[0, 1], [1, 0]], [[-0.5, -0.2], [-1.0, -3.0]]), res()], d, F_PY + ":164-170",
             "threshold=None on negative scores (logits): the row max is still a positive (abs > 1e-9)."),
        case("f1_score.threshold_strict", "F1Score", {"threshold": 0.5},
             [upd([[1, 1], [0, 1]], [[0.5, 0.51], [0.7, 0.5]]), res()], d, F_PY + ":171-172",
             "With a threshold the rule is y_pred > threshold (strict): 0.5 is not a positive at threshold 0.5."),
        case("f1_score.threshold_one", "F1Score", {"average": "macro", "threshold": 1.0},
             [upd([[1, 0], [0, 1]], [[1.0, 0.0], [0.0, 1.0]]), res(0.0)], d, F_PY + ":106,171-172",
             "threshold=1.0 is allowed (0 < t <= 1) but nothing is > 1.0, so there are no positives."),
        case("fbeta_score.soft_labels", "FBetaScore", {"beta": 2.0, "threshold": 0.5},
             [upd([[0.5, 1.0], [1.0, 0.2]], [[0.9, 0.1], [0.8, 0.6]]), res()], d, F_PY + ":175,193-206",
             "y_true is cast to float and not binarised: a soft label 0.5 counts half a true positive and half a "
             "false positive."),
        case("fbeta_score.beta_three_weighted", "FBetaScore", {"average": "weighted", "beta": 3.0},
             [upd(n_true, n_pred, w3), res()], d, F_PY + ":221-231", "beta=3.0 with average='weighted'."),
        case("fbeta_score.beta_quarter_macro", "FBetaScore", {"average": "macro", "beta": 0.25, "threshold": 0.3},
             [upd(n_true, n_pred), res()], d, F_PY + ":221-234", "beta=0.25, threshold 0.3, average='macro'."),
        case("f1_score.weighted_class_without_support", "F1Score", {"average": "weighted"},
             [upd([[1, 0, 0], [1, 0, 0], [0, 1, 0]], [[0.8, 0.1, 0.1], [0.2, 0.1, 0.7], [0.1, 0.8, 0.1]]),
              res()], d, F_PY + ":226-231",
             "Class 2 has no support (no true instance) but a false positive: its F is 0 and its weight "
             "support/sum(support) is 0; macro would count it."),
        case("f1_score.macro_class_without_support", "F1Score", {"average": "macro"},
             [upd([[1, 0, 0], [1, 0, 0], [0, 1, 0]], [[0.8, 0.1, 0.1], [0.2, 0.1, 0.7], [0.1, 0.8, 0.1]]),
              res()], d, F_PY + ":233-234", "Same data, average='macro': the unsupported class counts as 0."),
        case("f1_score.micro_weighted_batches", "F1Score", {"average": "micro", "threshold": 0.5},
             [upd([[1, 0], [0, 1]], [[0.9, 0.6], [0.2, 0.4]], [2.0, 1.0]), res(),
              upd([[1, 1]], [[0.7, 0.1]], [[0.5, 3.0]]), res()], d, F_PY + ":176-206",
             "average='micro' sums all counts into scalars; a (N,) weight is expanded to (N, 1), a (N, C) weight "
             "is taken per entry; counts accumulate over updates."),
        case("fbeta_score.column_weight", "FBetaScore", {"threshold": 0.5},
             [upd([[1, 0], [1, 1]], [[0.9, 0.7], [0.3, 0.8]], [[2.0], [0.5]]), res()], d, F_PY + ":176-191",
             "A (N, 1) weight weights whole rows."),
        case("fbeta_score.class_count_change_refused", "FBetaScore", {"threshold": 0.5},
             [upd([[1, 0, 1]], [[0.9, 0.2, 0.6]]), upd([[1, 0]], [[0.9, 0.2]], expect_error=True),
              res([1.0, 0.0, 1.0])], d, F_PY + ":122-156,193-206",
             "The variables are built for 3 classes by the first update; a batch of 2 classes cannot be added "
             "to them and is refused with the state unchanged."),
        case("f1_score.rank_1_refused", "F1Score", {},
             [upd([1, 0, 1], [0.9, 0.2, 0.6], expect_error=True), {"op": "result", "expect_error": True}], d,
             F_PY + ":122-129", "Inputs must be rank 2 (batch_size, output_dim)."),
        case("fbeta_score.float64", "FBetaScore", {"average": "macro", "beta": 2.0, "dtype": "float64"},
             [upd(doc_true, doc_pred), res()], d, F_PY + ":159-160",
             "dtype float64: same rule, computed in double precision; threshold None (row argmax)."),
    ]
    return out


def render(source, cases):
    """One key per line, one step per line."""
    out = ['{', '  "format": 1,', '  "source": %s,' % json.dumps(source), '  "cases": [']
    for ci, c in enumerate(cases):
        lines = []
        for k, v in c.items():
            if k == "steps":
                steps = ",\n".join("        " + json.dumps(st) for st in v)
                lines.append('      "steps": [\n' + steps + '\n      ]')
            else:
                lines.append('      %s: %s' % (json.dumps(k), json.dumps(v)))
        out.append('    {\n' + ",\n".join(lines) + '\n    }' + ("," if ci < len(cases) - 1 else ""))
    out += ['  ]', '}', '']
    return "\n".join(out)


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kit", "src", "main", "resources", "golden")
    os.makedirs(root, exist_ok=True)
    for name, source, cases in [
        ("iou_metrics.json", "Keras 3 keras/src/metrics/iou_metrics.py (commit 3422977): docstrings, "
         "iou_metrics_test.py, and derived cases computed from the source (conformance-tests/tools/"
         "iou_fscore_goldens.py). 'expected' is what the current source computes in float32; 'printed' keeps a "
         "docstring's literal output, whose last digits can differ through the 1e-7 epsilons", iou_cases()),
        ("f_score_metrics.json", "Keras 3 keras/src/metrics/f_score_metrics.py (commit 3422977): docstrings, "
         "f_score_metrics_test.py, and derived cases computed from the source (conformance-tests/tools/"
         "iou_fscore_goldens.py). 'expected' is what the current source computes in float32 (the docstring "
         "arrays match the formula without its 1e-7 epsilons, which moves the last digits by about 1e-7)", f_cases()),
    ]:
        done = [run(c) for c in cases]
        ids = [c["id"] for c in done]
        assert len(ids) == len(set(ids)), "duplicate ids"
        with open(os.path.join(root, name), "w") as fh:
            fh.write(render(source, done))
        print(name, len(done), "cases")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes golden/regression_metrics.json, golden/hinge_metrics.json and golden/correlation_metrics.json
(python3, no numpy).

The expected values are computed by a plain-Python re-statement of Keras 3 (commit 3422977)
keras/src/metrics/regression_metrics.py, hinge_metrics.py, correlation_metrics.py, the functions of
keras/src/losses/losses.py they wrap and Mean / reduce_to_samplewise_values of reduction_metrics.py, written
from the Keras source, with float32 rounding after every operation (sums accumulated in float32, left to
right). Where a case comes from a Keras docstring or test, the value Keras prints or asserts is checked against
this computation (within that test's own tolerance) before the file is written, so a disagreement stops the
script.

Usage: python3 conformance-tests/tools/regression_hinge_correlation_goldens.py   (from the repository root)
"""
import json
import math
import os
import struct

EPS = 1e-7


def f32(x):
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


# ---------------------------------------------------------------- tensors: (flat data, shape tuple)
def shape_of(x):
    s = []
    while isinstance(x, list):
        s.append(len(x))
        x = x[0] if x else None
    return tuple(s)


def flat(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for e in x:
        out.extend(flat(e))
    return out


def tensor(x, cast=f32):
    return [cast(v) for v in flat(x)], shape_of(x)


def size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def nest(data, shape):
    if not shape:
        return data[0]
    if len(shape) == 1:
        return list(data)
    step = size(shape[1:])
    return [nest(data[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def broadcast_shape(a, b):
    rank = max(len(a), len(b))
    a = (1,) * (rank - len(a)) + tuple(a)
    b = (1,) * (rank - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError("shapes %s and %s do not broadcast" % (a, b))
        out.append(y if x == 1 else x)
    return tuple(out)


def broadcast_to(t, shape):
    data, s = t
    if tuple(s) == tuple(shape):
        return list(data)
    if broadcast_shape(s, shape) != tuple(shape):
        raise ValueError("cannot broadcast %s to %s" % (s, shape))
    rank = len(shape)
    full = (1,) * (rank - len(s)) + tuple(s)
    out = []
    for i in range(size(shape)):
        rem, src, stride = i, 0, 1
        coords = []
        for d in reversed(range(rank)):
            coords.append(rem % shape[d])
            rem //= shape[d]
        coords.reverse()
        src = 0
        for d in range(rank):
            src = src * full[d] + (0 if full[d] == 1 else coords[d])
        out.append(data[src])
    return out


def zip_with(a, b, fn):
    shape = broadcast_shape(a[1], b[1])
    x, y = broadcast_to(a, shape), broadcast_to(b, shape)
    return [fn(u, v) for u, v in zip(x, y)], shape


def mapped(t, fn):
    return [fn(v) for v in t[0]], t[1]


def reshape(t, shape):
    assert size(shape) == len(t[0])
    return t[0], tuple(shape)


def squeeze_or_expand(x1, x2, expand_rank_1=True):
    """losses/loss.py squeeze_or_expand_to_same_rank."""
    r1, r2 = len(x1[1]), len(x2[1])
    if r1 == r2:
        return x1, x2
    if r1 == r2 + 1 and x1[1][-1] == 1:
        if r2 == 1 and expand_rank_1:
            x2 = reshape(x2, x2[1] + (1,))
        else:
            x1 = reshape(x1, x1[1][:-1])
    if r2 == r1 + 1 and x2[1][-1] == 1:
        if r1 == 1 and expand_rank_1:
            x1 = reshape(x1, x1[1] + (1,))
        else:
            x2 = reshape(x2, x2[1][:-1])
    return x1, x2


def groups(shape, axes):
    """Elements of `shape` grouped by the kept axes: (reduced shape, keepdims shape, [[flat index]])."""
    rank = len(shape)
    norm = []
    for a in axes:
        n = a + rank if a < 0 else a
        if not 0 <= n < rank or n in norm:
            raise ValueError("bad axis %r for shape %s" % (axes, shape))
        norm.append(n)
    kept = [d for d in range(rank) if d not in norm]
    red = [d for d in range(rank) if d in norm]
    reduced_shape = tuple(shape[d] for d in kept)
    keep = tuple(1 if d in norm else shape[d] for d in range(rank))
    out = [[] for _ in range(size(reduced_shape))]
    order = []
    for i in range(size(shape)):
        rem, coords = i, []
        for d in reversed(range(rank)):
            coords.append(rem % shape[d])
            rem //= shape[d]
        coords.reverse()
        g = 0
        for d in kept:
            g = g * shape[d] + coords[d]
        j = 0
        for d in red:
            j = j * shape[d] + coords[d]
        order.append((g, j, i))
    for g, j, i in sorted(order):
        out[g].append(i)
    return reduced_shape, keep, out


def fsum(values):
    acc = f32(0.0)
    for v in values:
        acc = f32(acc + v)
    return acc


def fmean(values):
    return f32(fsum(values) / len(values)) if values else math.nan


def reduce(t, axes, fn, keepdims=False):
    reduced, keep, gs = groups(t[1], axes)
    return [fn([t[0][i] for i in g]) for g in gs], (keep if keepdims else reduced)


def mean_last(t):
    if len(t[1]) == 0:
        raise ValueError("ops.mean(x, axis=-1) of a scalar")
    return reduce(t, [-1], fmean)


# ---------------------------------------------------------------- Mean (reduction_metrics.py)
def caster(dtype):
    """ops.cast into a metric dtype."""
    if dtype in ("int", "int32", "int64"):
        return lambda x: float(math.trunc(x))
    if dtype == "float64":
        return lambda x: x
    return f32


class Mean:
    def __init__(self, dtype=None):
        self.c = caster(dtype)
        self.reset()

    def reset(self):
        self.total = 0.0
        self.count = 0.0

    def add(self, values, weight):
        """reduce_to_samplewise_values + Mean.update_state (reduction_metrics.py:10-44, 138-149), in the dtype."""
        c = self.c
        values = mapped(values, c)
        if weight is not None:
            w = tensor(weight, c)
            values, w = squeeze_or_expand(values, w)
            wr, vr = len(w[1]), len(values[1])
            if vr > wr:
                values = reduce(values, list(range(wr, vr)), fmean)
            wb = (broadcast_to(w, values[1]), values[1])
            values = zip_with(values, wb, lambda a, b: f32(a * b))
            if wr > 1:
                wb = reduce(wb, list(range(1, wr)), fmean)
        if len(values[1]) > 1:
            values = reduce(values, list(range(1, len(values[1]))), fmean)
        self.total = c(self.total + fsum(values[0]))
        if weight is not None:
            n = fsum(wb[0])
        elif len(values[1]) >= 1:
            n = values[1][0]
        else:
            n = 1
        self.count = c(self.count + n)

    def value(self):
        return 0.0 if self.count == 0 else self.c(self.total / self.count)


# ---------------------------------------------------------------- per-sample functions (losses/losses.py)
def same_rank(y_true, y_pred):
    return squeeze_or_expand(tensor(y_true), tensor(y_pred))


def mean_squared_error(y_true, y_pred):
    t, p = same_rank(y_true, y_pred)
    return mean_last(zip_with(t, p, lambda a, b: f32(f32(a - b) ** 2)))


def mean_absolute_error(y_true, y_pred):
    t, p = same_rank(y_true, y_pred)
    return mean_last(zip_with(t, p, lambda a, b: abs(f32(a - b))))


def mean_absolute_percentage_error(y_true, y_pred):
    t, p = same_rank(y_true, y_pred)
    eps = f32(EPS)
    diff = zip_with(t, p, lambda a, b: abs(f32(f32(a - b) / max(abs(a), eps))))
    return mapped(mean_last(diff), lambda m: f32(100.0 * m))


def mean_squared_logarithmic_error(y_true, y_pred):
    t, p = same_rank(y_true, y_pred)
    eps = f32(EPS)

    def term(a, b):
        first = f32(math.log(f32(max(b, eps) + 1.0)))
        second = f32(math.log(f32(max(a, eps) + 1.0)))
        return f32(f32(first - second) ** 2)

    return mean_last(zip_with(t, p, term))


def softplus(x):
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def log_cosh(y_true, y_pred):
    t, p = same_rank(y_true, y_pred)
    log2 = f32(math.log(2.0))

    def term(a, b):
        x = f32(b - a)
        return f32(f32(x + f32(softplus(f32(x * -2.0)))) - log2)

    return mean_last(zip_with(t, p, term))


def normalize(t, axes):
    """ops.nn.normalize, order 2: x * rsqrt(max(sum(x^2, axis), epsilon^2))."""
    if not t[1]:
        t = reshape(t, (1,))
    sq = reduce(mapped(t, lambda v: f32(v * v)), axes, fsum, keepdims=True)
    floor = f32(EPS * EPS)
    inv = mapped(sq, lambda s: f32(1.0 / math.sqrt(max(s, floor))))
    return zip_with(t, inv, lambda a, b: f32(a * b))


def cosine_similarity(y_true, y_pred, axis=-1):
    """regression_metrics.py cosine_similarity (the metric: not negated)."""
    axes = axis if isinstance(axis, list) else [axis]
    t, p = same_rank(y_true, y_pred)
    prod = zip_with(normalize(t, axes), normalize(p, axes), lambda a, b: f32(a * b))
    return reduce(prod, axes, fsum)


def hinge_labels(t):
    if all(v in (0.0, 1.0) for v in t[0]):
        return mapped(t, lambda v: 2.0 * v - 1.0)
    return t


def hinge(y_true, y_pred):
    t = hinge_labels(tensor(y_true))
    return mean_last(zip_with(t, tensor(y_pred), lambda y, p: max(f32(1.0 - f32(y * p)), 0.0)))


def squared_hinge(y_true, y_pred):
    t = hinge_labels(tensor(y_true))
    return mean_last(zip_with(t, tensor(y_pred), lambda y, p: f32(max(f32(1.0 - f32(y * p)), 0.0) ** 2)))


def categorical_hinge(y_true, y_pred):
    t, p = tensor(y_true), tensor(y_pred)
    pos = zip_with(t, p, lambda y, q: f32(y * q))
    neg = zip_with(t, p, lambda y, q: f32(f32(1.0 - y) * q))
    if not pos[1]:
        raise ValueError("scalar")
    pos = reduce(pos, [-1], fsum)
    neg = reduce(neg, [-1], max)
    return zip_with(neg, pos, lambda n, s: max(f32(f32(n - s) + 1.0), 0.0))


def moments(x, axes):
    """(mean keepdims, centred x, var(centred) keepdims) as ops.mean / ops.var compute them."""
    mean = reduce(x, axes, fmean, keepdims=True)
    centred = zip_with(x, mean, lambda a, b: f32(a - b))
    again = reduce(centred, axes, fmean, keepdims=True)
    dev = zip_with(centred, again, lambda a, b: f32(f32(a - b) ** 2))
    var = reduce(dev, axes, fmean, keepdims=True)
    return mean, centred, var


def pearson_correlation(y_true, y_pred, axis=-1):
    axes = axis if isinstance(axis, list) else [axis]
    t, p = same_rank(y_true, y_pred)

    def standardised(x):
        _, centred, var = moments(x, axes)
        std = mapped(var, lambda v: f32(math.sqrt(v)))
        return zip_with(centred, std, lambda c, s: f32(c / s) if s != 0 else math.nan)

    prod = zip_with(standardised(t), standardised(p), lambda a, b: f32(a * b))
    return reduce(prod, axes, fmean)


def concordance_correlation(y_true, y_pred, axis=-1):
    axes = axis if isinstance(axis, list) else [axis]
    t, p = same_rank(y_true, y_pred)
    tm, _, tv = moments(t, axes)
    pm, pc, pv = moments(p, axes)
    covar = zip_with(zip_with(t, pm, lambda a, b: f32(a - b)), pc, lambda a, b: f32(a * b))
    norm = zip_with(zip_with(tv, pv, lambda a, b: f32(a + b)), zip_with(tm, pm, lambda a, b: f32(f32(a - b) ** 2)),
                    lambda a, b: f32(f32(a + b) + f32(EPS)))
    ratio = zip_with(covar, norm, lambda c, n: f32(f32(2.0 * c) / n))
    return reduce(ratio, axes, fmean)


# ---------------------------------------------------------------- metric classes
class Wrapper:
    """MeanMetricWrapper(fn, **kwargs): fn computes in float32 (the inputs' dtype), Mean in the metric dtype."""

    def __init__(self, fn, dtype=None, **kwargs):
        self.fn, self.kwargs, self.mean = fn, kwargs, Mean(dtype)

    def reset(self):
        self.mean.reset()

    def update(self, y_true, y_pred, w=None):
        self.mean.add(self.fn(y_true, y_pred, **self.kwargs), w)

    def result(self):
        return self.mean.value()


class RootMeanSquaredError:
    """update_state converts y_true and y_pred to the metric dtype first (regression_metrics.py:225-243)."""

    def __init__(self, dtype=None):
        self.mean = Mean(dtype)
        self.c = caster(dtype)

    def reset(self):
        self.mean.reset()

    def update(self, y_true, y_pred, w=None):
        t, p = squeeze_or_expand(tensor(y_true, self.c), tensor(y_pred, self.c))
        self.mean.add(zip_with(t, p, lambda a, b: self.c(self.c(b - a) ** 2)), w)

    def result(self):
        return self.c(math.sqrt(self.mean.value()))


class R2Score:
    """regression_metrics.py R2Score, float32."""

    def __init__(self, class_aggregation="uniform_average", num_regressors=0):
        if class_aggregation not in (None, "uniform_average", "variance_weighted_average"):
            raise ValueError("Invalid value for argument `class_aggregation`")
        if not isinstance(num_regressors, int) or isinstance(num_regressors, bool) or num_regressors < 0:
            raise ValueError("Invalid value for argument `num_regressors`")
        self.agg, self.p = class_aggregation, num_regressors
        self.num_samples = 0.0
        self.built = False

    def reset(self):
        self.num_samples = 0.0
        if self.built:
            for k in self.state:
                self.state[k] = [0.0] * self.c

    def update(self, y_true, y_pred, w=None):
        t, p = same_rank(y_true, y_pred)
        if len(t[1]) != 2 or len(p[1]) != 2:
            raise ValueError("R2Score expects 2D inputs with shape")
        if not self.built:
            self.c = p[1][-1]
            self.state = {k: [0.0] * self.c for k in ("squared_sum", "sum", "residual", "count")}
            self.built = True
        if w is None:
            wt = ([1.0], ())
        else:
            wt = tensor(w)
            if len(wt[1]) == 1:
                wt = reshape(wt, wt[1] + (1,))
        wt = (broadcast_to(wt, t[1]), t[1])
        rows, cols = t[1]
        full = broadcast_shape(t[1], p[1])
        s, sq, cnt = [f32(0.0)] * cols, [f32(0.0)] * cols, [f32(0.0)] * cols
        for r in range(rows):
            for j in range(cols):
                y, wi = t[0][r * cols + j], wt[0][r * cols + j]
                wy = f32(y * wi)
                s[j] = f32(s[j] + wy)
                sq[j] = f32(sq[j] + f32(y * wy))
                cnt[j] = f32(cnt[j] + wi)
        tb, pb, wb = broadcast_to(t, full), broadcast_to(p, full), broadcast_to(wt, full)
        res = [f32(0.0)] * full[1]
        for r in range(full[0]):
            for j in range(full[1]):
                i = r * full[1] + j
                d = f32(tb[i] - pb[i])
                res[j] = f32(res[j] + f32(f32(d * d) * wb[i]))
        for name, part in (("sum", s), ("squared_sum", sq), ("residual", res), ("count", cnt)):
            if len(part) not in (1, self.c):
                raise ValueError("state shape")
            st = self.state[name]
            for j in range(self.c):
                st[j] = f32(st[j] + part[0 if len(part) == 1 else j])
        self.num_samples = f32(self.num_samples + sum(
            1 for r in range(rows) if any(wt[0][r * cols + j] != 0 for j in range(cols))))

    def result(self):
        if not self.built:
            raise ValueError("not built")

        def div(a, b):
            if b == 0:
                return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a)
            return f32(a / b)

        st = self.state
        raw, total = [], []
        for j in range(self.c):
            mean = div(st["sum"][j], st["count"][j])
            tot = f32(st["squared_sum"][j] - f32(st["sum"][j] * mean))
            r2 = f32(1.0 - div(st["residual"][j], tot))
            raw.append(0.0 if math.isinf(r2) else r2)
            total.append(tot)
        if self.agg == "uniform_average":
            score = [f32(fsum(raw) / self.c)]
        elif self.agg == "variance_weighted_average":
            score = [div(fsum([f32(a * b) for a, b in zip(total, raw)]), fsum(total))]
        else:
            score = raw
        if self.p != 0:
            n = self.num_samples
            if self.p > f32(n - 1) or self.p == f32(n - 1):
                pass  # Keras warns and keeps the plain score
            else:
                den = f32(f32(n - self.p) - 1.0)
                score = [f32(1.0 - f32(f32(f32(1.0 - r) * f32(n - 1.0)) / den)) for r in score]
        return score if self.agg is None else score[0]


KEYS = {
    "MeanSquaredError": [], "MeanAbsoluteError": [], "MeanAbsolutePercentageError": [],
    "MeanSquaredLogarithmicError": [], "RootMeanSquaredError": [], "CosineSimilarity": ["axis"],
    "LogCoshError": [], "R2Score": ["class_aggregation", "num_regressors"],
    "Hinge": [], "SquaredHinge": [], "CategoricalHinge": [],
    "PearsonCorrelation": ["axis"], "ConcordanceCorrelation": ["axis"],
}
ALIASES = {"mse": "MeanSquaredError", "MSE": "MeanSquaredError", "mae": "MeanAbsoluteError",
           "MAE": "MeanAbsoluteError", "mape": "MeanAbsolutePercentageError",
           "MAPE": "MeanAbsolutePercentageError", "msle": "MeanSquaredLogarithmicError",
           "MSLE": "MeanSquaredLogarithmicError"}


def snake(name):
    out = ""
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0 and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out += "_"
        out += ch.lower()
    return out


def make(metric, cfg):
    cls = ALIASES.get(metric, metric)
    for k in KEYS:
        if snake(k) == metric:
            cls = k
    if cls not in KEYS:
        raise ValueError("Could not interpret metric identifier: " + metric)
    for k in cfg:
        if k not in KEYS[cls] + ["name", "dtype"]:
            raise TypeError("unexpected keyword argument " + k)
    fns = {"MeanSquaredError": mean_squared_error, "MeanAbsoluteError": mean_absolute_error,
           "MeanAbsolutePercentageError": mean_absolute_percentage_error,
           "MeanSquaredLogarithmicError": mean_squared_logarithmic_error, "LogCoshError": log_cosh,
           "Hinge": hinge, "SquaredHinge": squared_hinge, "CategoricalHinge": categorical_hinge}
    dtype = cfg.get("dtype")
    if cls in fns:
        return Wrapper(fns[cls], dtype)
    if cls == "CosineSimilarity":
        return Wrapper(cosine_similarity, dtype, axis=cfg.get("axis", -1))
    if cls == "PearsonCorrelation":
        return Wrapper(pearson_correlation, dtype, axis=cfg.get("axis", -1))
    if cls == "ConcordanceCorrelation":
        return Wrapper(concordance_correlation, dtype, axis=cfg.get("axis", -1))
    if cls == "RootMeanSquaredError":
        return RootMeanSquaredError(dtype)
    if dtype not in (None, "float32"):
        raise SystemExit("the R2Score emulation computes in float32 only")
    return R2Score(cfg.get("class_aggregation", "uniform_average"), cfg.get("num_regressors", 0))


# ---------------------------------------------------------------- running and writing cases
def snapshot(m):
    return json.dumps(m.__dict__, default=lambda o: o.__dict__ if hasattr(o, "__dict__") else str(o),
                      sort_keys=True)


def run(case):
    """Fills every result step's 'expected' from the emulator; checks any 'keras' value given."""
    if case.get("expect_error") == "config":
        try:
            make(case["metric"], case["config"])
        except (ValueError, TypeError):
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
                before = snapshot(m)
                try:
                    m.update(step["y_true"], step["y_pred"], step.get("sample_weight"))
                except ValueError:
                    assert snapshot(m) == before
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
        if isinstance(k, str) or math.isnan(v):
            if not (math.isnan(v) and (k == "NaN" or (isinstance(k, float) and math.isnan(k)))):
                raise SystemExit("%s step %d: computed %r, Keras gives %r" % (cid, i, value, keras))
            continue
        if abs(v - k) > atol + 1e-6 * abs(k):
            raise SystemExit("%s step %d: computed %r, Keras gives %r" % (cid, i, value, keras))


def clean(v):
    if isinstance(v, list):
        return [clean(x) for x in v]
    if math.isnan(v):
        return "NaN"
    if v == 0:
        return 0.0
    if f32(v) != v:
        return v  # a float64 result: keep every digit
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
    c = {"id": cid, "metric": metric, "config": config, "expect_error": "config", "steps": [], "origin": origin,
         "source": source}
    if note:
        c["note"] = note
    return c


def render(source, cases):
    """One key per line, one step per line."""
    out = ['{', '  "format": 1,', '  "source": %s,' % json.dumps(source), '  "cases": [']
    for ci, c in enumerate(cases):
        lines = []
        for k, v in c.items():
            if k == "steps":
                steps = ",\n".join("        " + json.dumps(st) for st in v)
                lines.append('      "steps": [\n' + steps + '\n      ]' if v else '      "steps": []')
            else:
                lines.append('      %s: %s' % (json.dumps(k), json.dumps(v)))
        out.append('    {\n' + ",\n".join(lines) + '\n    }' + ("," if ci < len(cases) - 1 else ""))
    out += ['  ]', '}', '']
    return "\n".join(out)


# ---------------------------------------------------------------- double-precision references for test asserts
def ref_logcosh(y_true, y_pred, weights=None):
    errs = [[p - t for t, p in zip(rt, rp)] for rt, rp in zip(y_true, y_pred)]
    vals = [[math.log((math.exp(e) + math.exp(-e)) / 2) for e in row] for row in errs]
    if weights is None:
        return sum(sum(r) for r in vals) / sum(len(r) for r in vals)
    num = sum(v * w for row, w in zip(vals, weights) for v in row)
    return num / sum(w * len(row) for row, w in zip(vals, weights))


def ref_cos_rows(y_true, y_pred):
    def l2(x):
        n = math.sqrt(max(sum(v * v for v in x), 1e-12))
        return [v / n for v in x]
    return [sum(a * b for a, b in zip(l2(t), l2(p))) for t, p in zip(y_true, y_pred)]


def ref_pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    cov = sum((a - mx) * (b - my) for a, b in zip(x, y))
    return cov / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))


REG_PY = "keras/src/metrics/regression_metrics.py"
REG_TEST = "keras/src/metrics/regression_metrics_test.py"
LOSSES = "keras/src/losses/losses.py"
HINGE_PY = "keras/src/metrics/hinge_metrics.py"
HINGE_TEST = "keras/src/metrics/hinge_metrics_test.py"
CORR_PY = "keras/src/metrics/correlation_metrics.py"
CORR_TEST = "keras/src/metrics/correlation_metrics_test.py"

DOC_T = [[0, 1], [0, 0]]
DOC_P = [[1, 1], [0, 0]]
UT_T = [[0, 1, 0, 1, 0], [0, 0, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 0, 0, 1]]
UT_P = [[0, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 1, 1, 1]]
UT_W = [1.0, 1.5, 2.0, 2.5]


def regression_cases():
    out = []
    # --- docstrings: unweighted, then reset and weighted [1, 0]
    for cls, cid, unweighted, weighted, cfg, t, p, w in [
        ("MeanSquaredError", "mean_squared_error", 0.25, None, {}, DOC_T, DOC_P, None),
        ("MeanAbsoluteError", "mean_absolute_error", 0.25, 0.5, {}, DOC_T, DOC_P, [1, 0]),
        ("MeanAbsolutePercentageError", "mean_absolute_percentage_error", 250000000.0, 500000000.0, {}, DOC_T,
         DOC_P, [1, 0]),
        ("MeanSquaredLogarithmicError", "mean_squared_logarithmic_error", 0.12011322, 0.24022643, {}, DOC_T,
         DOC_P, [1, 0]),
        ("RootMeanSquaredError", "root_mean_squared_error", 0.5, 0.70710677, {}, DOC_T, DOC_P, [1, 0]),
        ("CosineSimilarity", "cosine_similarity", 0.49999997, 0.6999999, {"axis": 1}, [[0., 1.], [1., 1.]],
         [[1., 0.], [1., 1.]], [0.3, 0.7]),
        ("LogCoshError", "logcosh", 0.10844523, 0.21689045, {}, DOC_T, DOC_P, [1, 0]),
    ]:
        steps = [upd(t, p), res(unweighted, printed=unweighted)]
        if weighted is not None:
            steps += [RESET, upd(t, p, w), res(weighted, printed=weighted)]
        out.append(case(cid + ".doc", cls, cfg, steps, "docstring", REG_PY + " " + cls + " docstring"))
    out.append(case("r2_score.doc", "R2Score", {}, [upd([[1], [4], [3]], [[2], [4], [4]]),
                                                    res(0.57142854, printed=0.57142854)],
                    "docstring", REG_PY + " R2Score docstring"))

    # --- regression_metrics_test.py
    for cls, cid, test, unweighted, weighted, atol in [
        ("MeanSquaredError", "mean_squared_error", "MeanSquaredErrorTest", 0.5, 0.54285, 1e-5),
        ("MeanAbsoluteError", "mean_absolute_error", "MeanAbsoluteErrorTest", 0.5, 0.54285, 1e-5),
        ("MeanAbsolutePercentageError", "mean_absolute_percentage_error", "MeanAbsolutePercentageErrorTest",
         35e7, 40e7, 1e-5),
        ("MeanSquaredLogarithmicError", "mean_squared_logarithmic_error", "MeanSquaredLogarithmicErrorTest",
         0.24022, 0.26082, 1e-5),
    ]:
        src = REG_TEST + " " + test + "."
        out.append(case(cid + ".test.unweighted", cls, {}, [upd(UT_T, UT_P), res(unweighted, keras_atol=atol)],
                        "unit_test", src + "test_unweighted"))
        out.append(case(cid + ".test.weighted", cls, {}, [upd(UT_T, UT_P, UT_W), res(weighted, keras_atol=atol)],
                        "unit_test", src + "test_weighted"))
    src = REG_TEST + " RootMeanSquaredErrorTest."
    out.append(case("root_mean_squared_error.test.unweighted", "RootMeanSquaredError", {},
                    [upd([2, 4, 6], [1, 3, 2]), res(math.sqrt(6), keras_atol=1e-3)], "unit_test",
                    src + "test_unweighted"))
    out.append(case("root_mean_squared_error.test.weighted", "RootMeanSquaredError", {},
                    [upd([2, 4, 6, 8], [1, 3, 2, 3], [0, 1, 0, 1]), res(math.sqrt(13), keras_atol=1e-3)],
                    "unit_test", src + "test_weighted"))
    lc_t = [[1, 9, 2], [-5, -2, 6]]
    lc_p = [[4, 8, 12], [8, 1, 3]]
    src = REG_TEST + " LogCoshErrorTest."
    out.append(case("logcosh.test.unweighted", "LogCoshError", {}, [upd(lc_t, lc_p), res(ref_logcosh(lc_t, lc_p),
                                                                                           keras_atol=1e-3)],
                    "unit_test", src + "test_unweighted"))
    out.append(case("logcosh.test.weighted", "LogCoshError", {"dtype": "float32"},
                    [upd(lc_t, lc_p, [[1.2], [3.4]]), res(ref_logcosh(lc_t, lc_p, [1.2, 3.4]), keras_atol=1e-3)],
                    "unit_test", src + "test_weighted"))
    rows = ref_cos_rows(lc_t, lc_p)
    src = REG_TEST + " CosineSimilarityTest."
    out.append(case("cosine_similarity.test.unweighted", "CosineSimilarity", {},
                    [upd(lc_t, lc_p), res(sum(rows) / 2, keras_atol=5e-4)], "unit_test", src + "test_unweighted",
                    "assertAlmostEqual(..., 3) in Keras"))
    out.append(case("cosine_similarity.test.weighted", "CosineSimilarity", {},
                    [upd(lc_t, lc_p, [1.2, 3.4]), res((rows[0] * 1.2 + rows[1] * 3.4) / 4.6, keras_atol=5e-4)],
                    "unit_test", src + "test_weighted", "assertAlmostEqual(..., 3) in Keras"))
    out.append(case("cosine_similarity.test.axis", "CosineSimilarity", {"axis": 1},
                    [upd(lc_t, lc_p), res(sum(rows) / 2, keras_atol=5e-4)], "unit_test", src + "test_axis",
                    "assertAlmostEqual(..., 3) in Keras"))

    src = REG_TEST + " R2ScoreTest."
    sk_t = [[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]
    sk_p = [[0.4, 0.5, 0.6], [0.1, 0.2, 0.3], [0.5, 0.8, 0.2]]
    for agg, p, expected in [(None, 0, [0.37, -1.295, 0.565]), (None, 1, [-0.26, -3.59, 0.13]),
                             ("uniform_average", 0, -0.12), ("variance_weighted_average", 0, -0.12)]:
        out.append(case("r2_score.test.sklearn.%s.%d" % (agg, p), "R2Score",
                        {"class_aggregation": agg, "num_regressors": p, "dtype": "float32"},
                        [upd(sk_t, sk_p), res(expected)], "unit_test", src + "test_r2_sklearn_comparison"))
    tfa_p = [[0.4, 0.9, 1.6], [0.1, 1.2, 0.6], [1.5, 0.8, 0.6]]
    tfa_w = [0.8, 0.1, 0.4]
    for agg, p, expected in [
        (None, 0, [0.17305559, -8.836666, -0.521]),
        (None, 1, [-0.65388882, -18.673332, -2.042]),
        (None, 2, [0.17305559, -8.836666, -0.521]),
        ("uniform_average", 0, -3.0615367889404297),
        ("uniform_average", 1, -7.123073577880859),
        ("uniform_average", 2, -3.0615367889404297),
        ("variance_weighted_average", 0, -1.3710224628448486),
        ("variance_weighted_average", 1, -3.742044448852539),
        ("variance_weighted_average", 2, -1.3710224628448486),
    ]:
        note = None
        if p == 2:
            note = "num_regressors == num_samples - 1: Keras warns and falls back to the plain R2 score"
        out.append(case("r2_score.test.tfa.%s.%d" % (agg, p), "R2Score",
                        {"class_aggregation": agg, "num_regressors": p, "dtype": "float32"},
                        [upd(sk_t, tfa_p, tfa_w), res(expected)], "unit_test", src + "test_r2_tfa_comparison",
                        note))
    out.append(config_error("r2_score.test.errors.class_aggregation", "R2Score", {"class_aggregation": "wrong"},
                            "unit_test", src + "test_errors", "Invalid value for argument `class_aggregation`"))
    out.append(config_error("r2_score.test.errors.num_regressors", "R2Score", {"num_regressors": -1},
                            "unit_test", src + "test_errors", "Invalid value for argument `num_regressors`"))
    out.append(case("r2_score.test.errors.input_shape", "R2Score", {},
                    [upd([0.0, 1.0], [0.0, 1.0], expect_error=True), res(expect_error=True)], "unit_test",
                    src + "test_errors",
                    "R2Score expects 2D inputs with shape (batch_size, output_dim); the variables stay unbuilt, "
                    "so result() still raises"))

    # --- derived
    d = "derived"
    out += [
        case("mean_squared_error.derived.rank_expand", "MeanSquaredError", {},
             [upd([1.0, 2.0, 3.0], [[1.0], [1.0], [1.0]]), res()], d, LOSSES + ":1782-1785",
             "squeeze_or_expand_to_same_rank expands y_true (3,) to (3,1): element-wise errors 0, 1, 4, not a "
             "(3,3) broadcast"),
        case("mean_squared_error.derived.broadcast_rows", "MeanSquaredError", {},
             [upd([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [1.0, 1.0, 1.0]), res()], d, LOSSES + ":1782-1785",
             "ranks differ by one but the last axis is not 1: no squeeze, y_pred (3,) broadcasts against each row"),
        case("mean_squared_error.derived.rank3_sample_weight", "MeanSquaredError", {},
             [upd([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 1.0], [1.0, 1.0]]],
                  [[[1.0, 1.0], [1.0, 1.0]], [[0.0, 2.0], [1.0, 3.0]]], [0.25, 0.75]), res()], d,
             "keras/src/metrics/reduction_metrics.py:10-44",
             "per-sample values (2,2) are averaged over the trailing axis to match the (2,) weight"),
        case("mean_squared_error.derived.scalar_weight", "MeanSquaredError", {},
             [upd([[0.0], [0.0], [0.0], [0.0]], [[1.0], [2.0], [3.0], [4.0]], 2.0),
              upd([[0.0]], [[10.0]]), res()], d, "keras/src/metrics/reduction_metrics.py:28-31",
             "a scalar weight collapses the batch into one sample: (mean(1,4,9,16)*2 + 100) / (2 + 1)"),
        case("mean_squared_error.derived.multi_batch", "MeanSquaredError", {},
             [upd([[1.0, 2.0]], [[1.0, 4.0]]), res(), upd([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]],
                                                           [[1.0, 1.0], [1.0, 1.0], [2.0, 3.0]]), res()], d,
             "keras/src/metrics/reduction_metrics.py:138-158",
             "the mean over every sample seen, not the mean of the per-batch means"),
        case("mean_squared_error.derived.negative_weights", "MeanSquaredError", {},
             [upd([[0.0], [0.0], [0.0]], [[1.0], [2.0], [3.0]], [1.0, -0.5, 2.0]), res()], d,
             "keras/src/metrics/reduction_metrics.py:138-149", "negative weights are accepted, signed"),
        case("mean_squared_error.derived.float64", "MeanSquaredError", {"dtype": "float64"},
             [upd([[0.1, 0.2]], [[0.3, 0.7]]), res()], d, LOSSES + ":1782-1785", "computed in float64"),
        case("mean_squared_error.derived.float64_function_in_float32", "MeanSquaredError", {"dtype": "float64"},
             [upd([[16777217.0, 1.0]], [[16777216.0, 1.0]]), res()], d,
             LOSSES + ":1782-1785, keras/src/metrics/reduction_metrics.py:13",
             "the function computes in its inputs' dtype (float32 for Python lists) and only its values are cast "
             "to the metric's float64: 2^24 + 1 rounds to 2^24, so the error is 0"),
        case("root_mean_squared_error.derived.float64_converts_inputs", "RootMeanSquaredError", {"dtype": "float64"},
             [upd([[16777217.0, 1.0]], [[16777216.0, 1.0]]), res()], d, REG_PY + ":239-243",
             "RootMeanSquaredError converts y_true and y_pred to the metric dtype first: in float64 2^24 + 1 "
             "stays exact, the squared errors are 1 and 0, sqrt(0.5)"),
        case("mean_squared_error.derived.scalars_refused", "MeanSquaredError", {},
             [upd([[1.0]], [[3.0]]), upd(1.0, 2.0, expect_error=True), res()], d, LOSSES + ":1785",
             "ops.mean(x, axis=-1) cannot reduce a rank-0 result; the refused update leaves the state as it was"),
        case("mean_absolute_error.derived.rank_squeeze", "MeanAbsoluteError", {},
             [upd([[1.0], [2.0]], [1.5, 4.0]), res()], d, LOSSES + ":1820-1823",
             "y_pred (2,) is expanded to (2,1): element-wise, not a (2,2) broadcast"),
        case("mean_absolute_percentage_error.derived.zero_target", "MeanAbsolutePercentageError", {},
             [upd([[0.0, 2.0]], [[0.5, 1.0]]), res()], d, LOSSES + ":1863-1868",
             "a zero target divides by max(|y_true|, 1e-7): 0.5/1e-7 = 5e6, so the sample scores "
             "100 * (5e6 + 0.5) / 2"),
        case("mean_absolute_percentage_error.derived.negative_targets", "MeanAbsolutePercentageError", {},
             [upd([[-2.0, 4.0], [-1.0, 0.5]], [[-1.0, 5.0], [1.0, 0.25]]), res()], d, LOSSES + ":1863-1868",
             "|y_true| in the denominator"),
        case("mean_squared_logarithmic_error.derived.negatives_clipped", "MeanSquaredLogarithmicError", {},
             [upd([[-1.0, 2.0], [0.5, -3.0]], [[-3.0, 2.0], [1.5, 0.0]]), res()], d, LOSSES + ":1909-1915",
             "both sides are clipped at 1e-7 before log(x + 1): negative values and 0 compare equal, no NaN"),
        case("root_mean_squared_error.derived.multi_batch", "RootMeanSquaredError", {},
             [upd([[0.0]], [[3.0]]), upd([[0.0], [0.0], [0.0]], [[1.0], [1.0], [1.0]]), res()], d,
             REG_PY + ":225-246", "sqrt of the pooled mean of squares, sqrt((9+1+1+1)/4) = sqrt(3), not the mean "
             "of the per-batch roots (3 and 1)"),
        case("root_mean_squared_error.derived.weights_2d", "RootMeanSquaredError", {},
             [upd([[0.0, 0.0], [0.0, 0.0]], [[1.0, 2.0], [3.0, 4.0]], [[1.0, 0.0], [0.5, 0.5]]), res()], d,
             "keras/src/metrics/reduction_metrics.py:10-44",
             "a (2,2) weight: squares times weights, then both averaged per sample: total = (1 + 12.5)/2, "
             "count = (0.5 + 0.5)"),
        case("root_mean_squared_error.derived.rank3", "RootMeanSquaredError", {},
             [upd([[[1.0, 2.0]], [[3.0, 4.0]]], [[[1.0, 0.0]], [[0.0, 4.0]]], [1.0, 3.0]), res()], d,
             REG_PY + ":225-246", "squares (2,1,2) averaged per sample to match the (2,) weight"),
        case("root_mean_squared_error.derived.empty", "RootMeanSquaredError", {}, [res()], d,
             REG_PY + ":245-246", "sqrt(divide_no_nan(0, 0)) = 0 before any update"),
        case("cosine_similarity.derived.axis0", "CosineSimilarity", {"axis": 0},
             [upd([[1.0, 2.0], [3.0, 4.0]], [[2.0, 1.0], [4.0, -3.0]]), res()], d, REG_PY + ":586-615",
             "axis=0: one similarity per COLUMN, each counted as a sample by the mean"),
        case("cosine_similarity.derived.axis_tuple", "CosineSimilarity", {"axis": [1, 2]},
             [upd([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]]],
                  [[[1.0, 1.0], [1.0, 1.0]], [[4.0, 3.0], [2.0, 1.0]]]), res()], d,
             REG_PY + ":586-615, keras/src/ops/nn.py normalize",
             "a tuple of axes normalises and sums over both trailing axes: one value per sample"),
        case("cosine_similarity.derived.default_axis_rank3", "CosineSimilarity", {},
             [upd([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]]],
                  [[[1.0, 1.0], [1.0, 1.0]], [[4.0, 3.0], [2.0, 1.0]]], [1.0, 0.5]), res()], d,
             REG_PY + ":586-615", "axis -1 on rank 3: (2,2) similarities averaged per sample, then weighted"),
        case("cosine_similarity.derived.zero_vector", "CosineSimilarity", {},
             [upd([[0.0, 0.0], [1.0, 0.0]], [[1.0, 2.0], [-1.0, 0.0]]), res()], d, "keras/src/ops/nn.py normalize",
             "a zero vector normalises to zeros (squared norm clamped at 1e-14): similarity 0; the opposite row "
             "gives -1"),
        case("logcosh.derived.large_errors", "LogCoshError", {},
             [upd([[0.0, 0.0]], [[50.0, -80.0]]), res()], d, LOSSES + ":2044-2052",
             "x + softplus(-2x) - log(2) stays finite where log(cosh(x)) would overflow: |x| - log 2"),
        case("logcosh.derived.small_errors", "LogCoshError", {},
             [upd([[1.0, 2.0, 3.0]], [[1.001, 1.999, 3.01]]), res()], d, LOSSES + ":2044-2052",
             "float32 cancellation in x + softplus(-2x) - log 2 for small x"),
    ]
    # R2Score
    r2t = [[1.0, 2.0], [2.0, 4.0], [4.0, 1.0], [5.0, 3.0]]
    r2p = [[1.5, 2.0], [2.0, 3.0], [3.0, 2.0], [5.5, 2.5]]
    src = REG_PY + ":480-569"
    out += [
        case("r2_score.derived.none_weights_2d", "R2Score", {"class_aggregation": None},
             [upd(r2t, r2p, [[1.0, 0.5], [2.0, 1.0], [0.0, 1.0], [1.0, 1.0]]), res()], d, src,
             "a (N, C) weight weights each output separately"),
        case("r2_score.derived.uniform_weights_1d", "R2Score", {},
             [upd(r2t, r2p, [1.0, 2.0, 0.5, 1.5]), res()], d, src, "a (N,) weight is expanded to (N,1)"),
        case("r2_score.derived.scalar_weight", "R2Score", {"class_aggregation": None},
             [upd(r2t, r2p, 3.0), res()], d, src, "a scalar weight cancels out of every ratio"),
        case("r2_score.derived.variance_weighted", "R2Score", {"class_aggregation": "variance_weighted_average"},
             [upd(r2t, r2p, [1.0, 2.0, 0.5, 1.5]), res()], d, src + " (result :544-547)",
             "sum(SStot * r2) / sum(SStot)"),
        case("r2_score.derived.multi_batch", "R2Score", {"class_aggregation": None},
             [upd(r2t[:2], r2p[:2]), res(), upd(r2t[2:], r2p[2:]), res()], d, src,
             "sums accumulate over batches: the second result is the R2 of all four rows, not a mean of per-batch "
             "scores"),
        case("r2_score.derived.constant_target_inf_to_zero", "R2Score", {"class_aggregation": None},
             [upd([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]], [[1.0, 1.0], [2.0, 2.0], [3.0, 2.0]]), res()], d,
             REG_PY + ":533-537", "constant targets with a non-zero residual give 1 - 5/0 = -inf, replaced by 0"),
        case("r2_score.derived.constant_target_perfect_nan", "R2Score", {"class_aggregation": None},
             [upd([[2.0, 1.0], [2.0, 2.0]], [[2.0, 1.5], [2.0, 2.0]]), res()], d, REG_PY + ":533-537",
             "constant targets predicted exactly give 1 - 0/0 = NaN, which is not replaced (only inf is)"),
        case("r2_score.derived.constant_column_uniform", "R2Score", {},
             [upd([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]], [[1.0, 1.0], [2.0, 2.0], [3.0, 2.0]]), res()], d,
             REG_PY + ":533-542", "the constant column scores 0 and still counts in the uniform mean"),
        case("r2_score.derived.adjusted", "R2Score", {"num_regressors": 2},
             [upd(r2t + [[0.0, 1.0]], r2p + [[0.5, 1.0]]), res()], d, REG_PY + ":551-569",
             "adjusted: 1 - (1 - r2)(n - 1)/(n - p - 1) with n = 5, p = 2"),
        case("r2_score.derived.adjusted_fallback_equal", "R2Score", {"num_regressors": 3},
             [upd(r2t, r2p), res()], d, REG_PY + ":552-563",
             "p == n - 1: Keras warns 'Division by zero' and returns the plain score"),
        case("r2_score.derived.adjusted_fallback_more", "R2Score", {"num_regressors": 7, "class_aggregation": None},
             [upd(r2t, r2p), res()], d, REG_PY + ":552-558",
             "p > n - 1: Keras warns and returns the plain score"),
        case("r2_score.derived.zero_weight_rows_not_counted", "R2Score", {"num_regressors": 1},
             [upd(r2t, r2p, [[1.0, 1.0], [0.0, 0.0], [1.0, 0.0], [2.0, 1.0]]), res()], d, REG_PY + ":522-531",
             "num_samples counts rows with any non-zero weight: n = 3 (row 2 has weight in one output only and "
             "counts)"),
        case("r2_score.derived.rank1_expand", "R2Score", {},
             [upd([1.0, 2.0, 4.0, 5.0], [[1.5], [2.0], [3.0], [5.5]]), res()], d, REG_PY + ":495-498",
             "squeeze_or_expand_to_same_rank expands y_true (4,) to (4,1): accepted as one output"),
        case("r2_score.derived.rank3_refused", "R2Score", {},
             [upd([[[1.0]], [[2.0]]], [[[1.0]], [[3.0]]], expect_error=True), res(expect_error=True)], d,
             REG_PY + ":441-448", "inputs must be rank 2"),
        case("r2_score.derived.output_dim_change_refused", "R2Score", {"class_aggregation": None},
             [upd(r2t, r2p), upd([[1.0, 2.0, 3.0]], [[1.0, 2.0, 3.0]], expect_error=True), res()], d,
             REG_PY + ":505-520", "the state was built for 2 outputs; Keras fails to assign a (3,) sum into it"),
        case("r2_score.derived.result_before_update", "R2Score", {}, [res(expect_error=True)], d,
             REG_PY + ":467-479, 533", "the per-output variables are created by the first update: result() "
             "raises before it"),
        case("r2_score.derived.reset_keeps_shape", "R2Score", {"class_aggregation": None},
             [upd(r2t, r2p), res(), RESET, res(), upd(r2t[:3], r2p[:3]), res()], d, REG_PY + ":571-573",
             "reset_state assigns zeros and keeps the variables: result() is then 0/0 = NaN per output, not an "
             "error"),
        config_error("r2_score.derived.class_aggregation_number", "R2Score", {"class_aggregation": 1}, d,
                     REG_PY + ":418-428", "1 is not one of None, 'uniform_average', 'variance_weighted_average'"),
    ]
    # aliases (metrics/__init__.py:118-131 and snake_case names)
    for alias, t, p in [("mse", DOC_T, DOC_P), ("MSE", DOC_T, DOC_P), ("mae", DOC_T, DOC_P),
                        ("MAE", DOC_T, DOC_P), ("mape", [[1.0, 2.0]], [[1.5, 1.0]]),
                        ("MAPE", [[1.0, 2.0]], [[1.5, 1.0]]), ("msle", DOC_T, DOC_P), ("MSLE", DOC_T, DOC_P),
                        ("mean_squared_error", DOC_T, DOC_P), ("root_mean_squared_error", DOC_T, DOC_P),
                        ("cosine_similarity", [[1.0, 2.0]], [[2.0, 1.0]]), ("log_cosh_error", DOC_T, DOC_P),
                        ("r2_score", [[1], [4], [3]], [[2], [4], [4]])]:
        out.append(case("alias." + alias, alias, {}, [upd(t, p), res()], d, "keras/src/metrics/__init__.py:118-131,"
                        " 203-208", "a keras.metrics.get identifier"))
    out.append(config_error("alias.logcosh_not_an_identifier", "logcosh", {}, d,
                            "keras/src/metrics/__init__.py:203-211",
                            "'logcosh' is LogCoshError's default NAME, not a keras.metrics.get identifier "
                            "(ValueError: Could not interpret metric identifier)"))
    return out


H_T = [[0, 1], [0, 0]]
H_P = [[0.6, 0.4], [0.4, 0.6]]


def hinge_cases():
    out = []
    for cls, cid, unweighted, weighted in [("Hinge", "hinge", 1.3, 1.1), ("SquaredHinge", "squared_hinge", 1.86, 1.46),
                                           ("CategoricalHinge", "categorical_hinge", 1.4000001, 1.2)]:
        out.append(case(cid + ".doc", cls, {}, [upd(H_T, H_P), res(unweighted, printed=unweighted), RESET,
                                                 upd(H_T, H_P, [1, 0]), res(weighted, printed=weighted)],
                        "docstring", HINGE_PY + " " + cls + " docstring"))
    ht01 = [[0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]]
    htpm = [[-1, 1, -1, 1], [-1, -1, 1, 1]]
    hp = [[-0.3, 0.2, -0.1, 1.6], [-0.25, -1.0, 0.5, 0.6]]
    for cls, cid, test, unweighted, weighted in [("Hinge", "hinge", "HingeTest", 0.506, 0.493),
                                                 ("SquaredHinge", "squared_hinge", "SquaredHingeTest", 0.364, 0.347)]:
        src = HINGE_TEST + " " + test + "."
        out.append(case(cid + ".test.unweighted", cls, {}, [upd(ht01, hp), res(unweighted, keras_atol=1e-3)],
                        "unit_test", src + "test_unweighted"))
        out.append(case(cid + ".test.weighted", cls, {}, [upd(htpm, hp, [1.5, 2.0]), res(weighted, keras_atol=1e-3)],
                        "unit_test", src + "test_weighted"))
    src = HINGE_TEST + " CategoricalHingeTest."
    out.append(case("categorical_hinge.test.unweighted", "CategoricalHinge", {},
                    [upd(UT_T, UT_P), res(0.5, keras_atol=1e-5)], "unit_test", src + "test_unweighted"))
    out.append(case("categorical_hinge.test.weighted", "CategoricalHinge", {},
                    [upd(UT_T, UT_P, UT_W), res(0.5, keras_atol=1e-5)], "unit_test", src + "test_weighted"))
    d = "derived"
    fn = LOSSES + ":1613-1667"
    out += [
        case("hinge.derived.rank_broadcast", "Hinge", {},
             [upd([1, 0, 1], [[0.5], [-0.5], [2.0]]), res(), RESET,
              upd([1, 0, 1], [[0.5], [-0.5], [2.0]], [1.0, 2.0, 0.5]), res()], d, fn,
             "as a metric hinge does not squeeze ranks: y_true (3,) against y_pred (3,1) broadcasts to (3,3), "
             "every prediction against every (converted) label; row i holds prediction i (the weighted result "
             "tells the orientation; an element-wise comparison would give 1/3 unweighted)"),
        case("hinge.derived.rank_broadcast_reversed", "Hinge", {},
             [upd([[1], [0], [1]], [0.5, -0.5, 2.0], [1.0, 2.0, 0.5]), res()], d, fn,
             "y_true (3,1) against y_pred (3,): the (3,3) broadcast the other way round, row i holds label i"),
        case("hinge.derived.batch_level_conversion", "Hinge", {},
             [upd([[0, 1]], [[-0.5, 0.5]]), res(), upd([[0, 1, -1]], [[0.3, 0.8, -0.2]]), res()], d, fn,
             "the 0/1 -> -1/1 conversion is decided per batch: the first batch is binary and converted, the "
             "second holds -1, so its 0 stays 0 (margin max(1 - 0*p, 0) = 1)"),
        case("hinge.derived.fractional_labels", "Hinge", {},
             [upd([[0.5, 1.0], [0.0, 1.0]], [[0.4, -2.0], [1.0, 0.2]]), res()], d, fn,
             "a label 0.5 makes the whole batch non-binary: no conversion, zeros give margin 1"),
        case("hinge.derived.weights_column", "Hinge", {},
             [upd(ht01, hp, [[1.0], [3.0]]), res()], d, "keras/src/metrics/reduction_metrics.py:10-44",
             "a (2,1) weight is squeezed to (2,)"),
        case("hinge.derived.scalars_refused", "Hinge", {},
             [upd([[1.0]], [[0.25]]), upd(1.0, 0.5, expect_error=True), res()], d, fn,
             "ops.mean(x, axis=-1) of a scalar fails; the state is unchanged"),
        case("squared_hinge.derived.rank_broadcast", "SquaredHinge", {},
             [upd([1, 0, 1], [[0.5], [-0.5], [2.0]], [1.0, 2.0, 0.5]), res()], d, LOSSES + ":1676-1705",
             "(3,) against (3,1) broadcasts to (3,3), as Hinge"),
        case("squared_hinge.derived.batch_level_conversion", "SquaredHinge", {},
             [upd([[0, 1]], [[-0.5, 0.5]]), upd([[0, 1, -1]], [[0.3, 0.8, -0.2]]), res()], d, LOSSES + ":1676-1705",
             "per-batch label conversion"),
        case("categorical_hinge.derived.all_negative_scores", "CategoricalHinge", {},
             [upd([[0, 1, 0]], [[-2.0, -1.0, -3.0]]), res()], d, LOSSES + ":1714-1746",
             "neg = max((1 - y) * p) includes the 0 of the true slot: neg = 0, pos = -1, loss 2"),
        case("categorical_hinge.derived.rank_broadcast", "CategoricalHinge", {},
             [upd([0, 1], [[0.3], [0.8]]), res()], d, LOSSES + ":1714-1746",
             "y_true (2,) against y_pred (2,1) broadcasts to (2,2): pos = p_i, neg = max(p_i, 0) per row"),
        case("categorical_hinge.derived.rows_broadcast", "CategoricalHinge", {},
             [upd([[0, 1, 0], [1, 0, 0]], [0.2, 0.7, 0.1]), res()], d, LOSSES + ":1714-1746",
             "one prediction row (3,) broadcast against two label rows"),
        case("categorical_hinge.derived.pm1_labels", "CategoricalHinge", {},
             [upd([[-1, 1, -1]], [[0.5, 0.2, 0.1]]), res()], d, LOSSES + ":1714-1746",
             "no label conversion: (1 - y) = 2 for the -1 entries"),
    ]
    for alias in ("hinge", "squared_hinge", "categorical_hinge"):
        out.append(case("alias." + alias, alias, {}, [upd(H_T, H_P), res()], d,
                        "keras/src/metrics/__init__.py:203-208", "snake_case class identifier"))
    return out


C_T = [[0, 1, 0.5], [1, 1, 0.2], [1, 1, 0.1], [0.1, 0.7, 0.0]]
C_P = [[0.1, 0.9, 0.5], [1, 0.9, 0.2], [0.2, 0.8, 0], [0.3, 0.3, 0.9]]
CCC_EXPECTED = [0.97560976, 0.98765432, 0.46511628, -0.46376812]


def correlation_cases():
    out = []
    out.append(case("pearson_correlation.doc", "PearsonCorrelation", {"axis": -1},
                    [upd(C_T[:2], C_P[:2]), res(0.9966996338993913, printed=0.9966996338993913)], "docstring",
                    CORR_PY + " PearsonCorrelation docstring"))
    out.append(case("concordance_correlation.doc", "ConcordanceCorrelation", {"axis": -1},
                    [upd(C_T[:2], C_P[:2]), res(0.9816320385426076, printed=0.9816320385426076)], "docstring",
                    CORR_PY + " ConcordanceCorrelation docstring"))
    pcc = [ref_pearson(t, p) for t, p in zip(C_T, C_P)]
    src = CORR_TEST + " CorrelationsTest."
    out.append(case("pearson_correlation.test.class", "PearsonCorrelation", {"axis": -1, "dtype": "float32"},
                    [upd(C_T[:2], C_P[:2]), res(sum(pcc[:2]) / 2), upd(C_T[2:], C_P[2:]), res(sum(pcc) / 4)],
                    "unit_test", src + "test_pearson_class"))
    out.append(case("concordance_correlation.test.class", "ConcordanceCorrelation", {"axis": -1, "dtype": "float32"},
                    [upd(C_T[:2], C_P[:2]), res(sum(CCC_EXPECTED[:2]) / 2), upd(C_T[2:], C_P[2:]),
                     res(sum(CCC_EXPECTED) / 4)], "unit_test", src + "test_concordance_class"))
    for i in range(4):
        out.append(case("pearson_correlation.test.function.row%d" % i, "PearsonCorrelation", {},
                        [upd([C_T[i]], [C_P[i]]), res(pcc[i])], "unit_test", src + "test_pearson_function",
                        "the function's per-sample value for row %d, through the metric fed that one row" % i))
        out.append(case("concordance_correlation.test.function.row%d" % i, "ConcordanceCorrelation", {},
                        [upd([C_T[i]], [C_P[i]]), res(CCC_EXPECTED[i])], "unit_test",
                        src + "test_concordance_function",
                        "the function's per-sample value for row %d, through the metric fed that one row" % i))
    d = "derived"
    pf = CORR_PY + ":9-45"
    cf = CORR_PY + ":49-92"
    t3 = [[1.0, 2.0], [2.0, 1.0], [4.0, 3.0]]
    p3 = [[1.5, 0.0], [2.5, 1.0], [3.0, 3.5]]
    cube_t = [[[1.0, 2.0], [3.0, 5.0]], [[0.0, 1.0], [1.0, 0.0]]]
    cube_p = [[[1.0, 3.0], [2.0, 6.0]], [[1.0, 0.0], [0.5, 0.5]]]
    out += [
        case("pearson_correlation.derived.constant_row_nan", "PearsonCorrelation", {},
             [upd([[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]], [[0.5, 1.0, 2.0], [1.0, 2.0, 4.0]]), res()], d, pf,
             "no epsilon: a constant row divides 0 by a zero standard deviation, NaN, which the mean propagates"),
        case("pearson_correlation.derived.weighted", "PearsonCorrelation", {},
             [upd(C_T, C_P, [0.25, 0.75, 1.0, 2.0]), res()], d, pf, "weighted mean of per-sample coefficients"),
        case("pearson_correlation.derived.axis0", "PearsonCorrelation", {"axis": 0},
             [upd(t3, p3), res()], d, pf, "axis=0: one coefficient per column, each a sample of the mean"),
        case("pearson_correlation.derived.axis_tuple", "PearsonCorrelation", {"axis": [1, 2]},
             [upd(cube_t, cube_p), res()], d, pf, "a tuple of axes: one coefficient per sample over 2x2 values"),
        case("pearson_correlation.derived.default_axis_rank3", "PearsonCorrelation", {},
             [upd(cube_t, cube_p, [2.0, 1.0]), res()], d, pf,
             "axis -1 on rank 3: (2,2) coefficients, averaged per sample, then weighted"),
        case("pearson_correlation.derived.rank1", "PearsonCorrelation", {},
             [upd([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]), res()], d, pf,
             "rank-1 inputs: one coefficient over the whole batch, counted as one sample"),
        case("pearson_correlation.derived.rank_expand_nan", "PearsonCorrelation", {},
             [upd([1.0, 2.0, 3.0], [[1.0], [2.0], [4.0]]), res()], d, pf,
             "squeeze_or_expand_to_same_rank expands y_true (3,) to (3,1): each row has ONE value along axis -1, "
             "so every coefficient is 0/0 = NaN"),
        case("pearson_correlation.derived.anticorrelated", "PearsonCorrelation", {},
             [upd([[1.0, 2.0, 3.0]], [[3.0, 2.0, 1.0]]), res()], d, pf, "-1"),
        case("pearson_correlation.derived.not_pooled", "PearsonCorrelation", {},
             [upd([[1.0, 2.0, 3.0]], [[1.0, 2.0, 4.0]]), upd([[1.0, 2.0, 3.0], [3.0, 1.0, 2.0]],
                                                             [[2.0, 1.0, 0.0], [1.0, 1.5, 3.0]]), res()], d,
             CORR_PY + ":96-153", "the mean of three per-sample coefficients over two batches"),
        case("concordance_correlation.derived.constant_equal_rows", "ConcordanceCorrelation", {},
             [upd([[2.0, 2.0, 2.0]], [[2.0, 2.0, 2.0]]), res()], d, cf,
             "zero covariance over zero variances plus 1e-7: 0, not NaN"),
        case("concordance_correlation.derived.shifted", "ConcordanceCorrelation", {},
             [upd([[1.0, 2.0, 3.0]], [[2.0, 3.0, 4.0]]), res()], d, cf,
             "a constant offset lowers concordance (perfect Pearson correlation): 2/3 / (2/3 + 2/3 + 1)"),
        case("concordance_correlation.derived.weighted", "ConcordanceCorrelation", {},
             [upd(C_T, C_P, [0.25, 0.75, 1.0, 2.0]), res()], d, cf, "weighted mean of per-sample coefficients"),
        case("concordance_correlation.derived.axis0", "ConcordanceCorrelation", {"axis": 0},
             [upd(t3, p3), res()], d, cf, "axis=0: one coefficient per column"),
        case("concordance_correlation.derived.axis_tuple", "ConcordanceCorrelation", {"axis": [1, 2]},
             [upd(cube_t, cube_p), res()], d, cf, "a tuple of axes: one coefficient per sample"),
        case("concordance_correlation.derived.rank1", "ConcordanceCorrelation", {},
             [upd([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]), res()], d, cf,
             "rank-1 inputs: one coefficient over the whole batch"),
        case("concordance_correlation.derived.scalars_refused", "ConcordanceCorrelation", {},
             [upd([[1.0, 2.0]], [[1.0, 3.0]]), upd(1.0, 2.0, expect_error=True), res()], d, cf,
             "ops.mean over axis -1 of a scalar fails; the state is unchanged"),
    ]
    for alias, cls in (("pearson_correlation", "PearsonCorrelation"),
                       ("concordance_correlation", "ConcordanceCorrelation")):
        out.append(case("alias." + alias, alias, {}, [upd(C_T[:2], C_P[:2]), res()], d,
                        "keras/src/metrics/__init__.py:203-208", "snake_case class identifier"))
    return out


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kit", "src", "main", "resources", "golden")
    os.makedirs(root, exist_ok=True)
    common = ("(commit 3422977): docstrings, the expressible cases of {test}, and derived cases computed from "
              "the source (conformance-tests/tools/regression_hinge_correlation_goldens.py). 'expected' is what "
              "the current source computes in float32; 'printed' keeps a docstring's literal output")
    for name, source, cases in [
        ("regression_metrics.json", "Keras 3 keras/src/metrics/regression_metrics.py and the functions of "
         "keras/src/losses/losses.py it wraps " + common.format(test="regression_metrics_test.py"),
         regression_cases()),
        ("hinge_metrics.json", "Keras 3 keras/src/metrics/hinge_metrics.py and losses/losses.py hinge, "
         "squared_hinge, categorical_hinge " + common.format(test="hinge_metrics_test.py"), hinge_cases()),
        ("correlation_metrics.json", "Keras 3 keras/src/metrics/correlation_metrics.py "
         + common.format(test="correlation_metrics_test.py"), correlation_cases()),
    ]:
        done = [run(c) for c in cases]
        ids = [c["id"] for c in done]
        assert len(ids) == len(set(ids)), "duplicate ids"
        with open(os.path.join(root, name), "w") as fh:
            fh.write(render(source, done))
        print(name, len(done), "cases")


if __name__ == "__main__":
    main()

"""Runs one golden case through Keras and records what Keras does, step by step.

The arithmetic is Keras's: this module only builds the metric from the case's `metric` and `config`, turns JSON
arrays into NumPy arrays and calls update_state / result / reset_state. Inputs are float32 arrays (what a model
hands a metric), float64 arrays for a metric configured with dtype float64.
"""

import importlib
import math
import warnings

import numpy as np

SPECIAL = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class Runner:
    """Executes golden cases with one imported `keras` module (any 3.x layout: keras.src.* or keras.*)."""

    def __init__(self, keras):
        self.keras = keras
        self.version = keras.__version__
        self._compile_utils = self._module("trainers.compile_utils")

    def _module(self, name):
        for prefix in ("keras.src.", "keras."):
            try:
                return importlib.import_module(prefix + name)
            except ImportError:
                continue
        return None

    # ---------------------------------------------------------------- building the metric
    def build(self, case):
        """The Keras metric for a case: a keras.metrics class name, else a compile() string."""
        name = case["metric"]
        config = dict(case.get("config") or {})
        if isinstance(config.get("axis"), list):
            config["axis"] = tuple(config["axis"])  # Keras takes an int or a tuple of axes
        cls = getattr(self.keras.metrics, name, None)
        if isinstance(cls, type) and issubclass(cls, self.keras.metrics.Metric):
            if cls.__name__ == "MeanMetricWrapper" and "fn" in config:
                config["fn"] = self._function(config["fn"])
            return cls(**config)
        first = next((s for s in case.get("steps", []) if s.get("op") == "update" and "y_pred" in s), None)
        dtype = input_dtype(case)
        y_true = None if first is None else to_array(first["y_true"], dtype)
        y_pred = None if first is None else to_array(first["y_pred"], dtype)
        metric = self._compile_utils.get_metric(name, y_true, y_pred)
        if config:
            config.setdefault("name", metric.name)
            metric = type(metric)(**config)
        return metric

    def _function(self, fn):
        """MeanMetricWrapper's `fn`: the name of a keras.metrics or keras.losses function, or its Keras-serialised
        form (a dict)."""
        if isinstance(fn, dict):
            return self._module("saving.serialization_lib").deserialize_keras_object(fn)
        if not isinstance(fn, str):
            return fn
        spaces = [self.keras.metrics, self.keras.losses]
        for m in ("metrics.accuracy_metrics", "metrics.probabilistic_metrics", "metrics.regression_metrics",
                  "metrics.hinge_metrics", "metrics.correlation_metrics", "losses.losses"):
            mod = self._module(m)
            if mod is not None:
                spaces.append(mod)
        for ns in spaces:
            f = getattr(ns, fn, None)
            if callable(f) and not isinstance(f, type):
                return f
        raise ValueError(f"MeanMetricWrapper fn {fn!r} names no Keras metric or loss function")

    # ---------------------------------------------------------------- running
    def run(self, case, skip=()):
        """Runs every step of `case`, leaving out the update steps whose indices are in `skip`.

        A refused update is undone, as the golden contract asks: when Keras changed the state before raising,
        the metric is rebuilt and the updates accepted since the last reset are fed again.

        Returns {"config_error": rec|None, "steps": [rec per step], "warnings": [...]}, where an update's rec is
        {"error": rec|None} (None also for a left-out step, with "skipped": True), a result's is
        {"value": v} or {"error": rec}, a reset's is {}.
        """
        out = {"config_error": None, "steps": [], "warnings": []}
        dtype = input_dtype(case)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                metric = self.build(case)
            except Exception as e:  # noqa: BLE001 - every refusal is an outcome to record
                out["config_error"] = error_record(e)
                out["warnings"] = keras_warnings(caught)
                return out
            accepted = []
            for i, step in enumerate(case.get("steps", [])):
                op = step.get("op")
                if op == "update":
                    if i in skip:
                        out["steps"].append({"error": None, "skipped": True})
                        continue
                    before = self._state(metric)
                    try:
                        feed(metric, step, dtype)
                        accepted.append(step)
                        out["steps"].append({"error": None})
                    except Exception as e:  # noqa: BLE001
                        out["steps"].append({"error": error_record(e)})
                        if not same_state(before, self._state(metric)):
                            metric = self.build(case)
                            for s in accepted:
                                feed(metric, s, dtype)
                elif op == "result":
                    try:
                        out["steps"].append({"value": encode(self.keras, metric.result())})
                    except Exception as e:  # noqa: BLE001
                        out["steps"].append({"error": error_record(e)})
                elif op == "reset":
                    metric.reset_state()
                    accepted = []
                    out["steps"].append({})
                else:
                    raise ValueError(f"case {case.get('id')}: unknown op {op!r}")
            out["warnings"] = keras_warnings(caught)
        return out

    def _state(self, metric):
        return [np.array(self.keras.ops.convert_to_numpy(v.value)) for v in metric.variables]


# -------------------------------------------------------------------- values in and out
def _decode(x):
    if isinstance(x, list):
        return [_decode(v) for v in x]
    if isinstance(x, str):
        if x in SPECIAL:
            return SPECIAL[x]
        raise ValueError(f"not a number: {x!r}")
    return float(x) if isinstance(x, bool) else x


def to_array(x, dtype):
    return np.asarray(_decode(x), dtype=dtype)


def input_dtype(case):
    """float32 inputs, as a model gives them; float64 for a metric whose dtype is float64."""
    dt = (case.get("config") or {}).get("dtype")
    return "float64" if dt in ("float64", "double") else "float32"


def feed(metric, step, dtype):
    w = step.get("sample_weight")
    w = None if w is None else to_array(w, dtype)
    if "values" in step:
        return metric.update_state(to_array(step["values"], dtype), sample_weight=w)
    return metric.update_state(to_array(step["y_true"], dtype), to_array(step["y_pred"], dtype), sample_weight=w)


def encode_number(v):
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def encode(keras, tensor):
    """A result as the golden format writes it: a number (the float32 value as a double) or nested lists."""
    arr = np.asarray(keras.ops.convert_to_numpy(tensor))
    if arr.dtype == np.bool_:
        arr = arr.astype(np.float32)
    if arr.ndim == 0:
        return encode_number(arr.item())

    def walk(x):
        return [walk(v) for v in x] if isinstance(x, list) else encode_number(x)

    return walk(arr.tolist())


def error_record(e):
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return {"type": type(e).__name__, "message": msg[:300]}


def same_state(a, b):
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
                                    for x, y in zip(a, b))


def keras_warnings(caught):
    """Warnings Keras itself issues; NumPy's RuntimeWarnings (0/0 in guarded divisions) are left out."""
    return sorted({f"{w.category.__name__}: {w.message}" for w in caught
                   if not issubclass(w.category, RuntimeWarning)})


def close(expected, actual, atol, rtol):
    """The golden comparison: |a - e| <= atol + rtol*|e| element-wise; NaN matches only NaN."""
    if isinstance(expected, list) or isinstance(actual, list):
        return (isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual)
                and all(close(e, a, atol, rtol) for e, a in zip(expected, actual)))
    if expected is None or actual is None:
        return expected is actual
    e, a = float(_decode(expected)), float(_decode(actual))
    if math.isnan(e) or math.isnan(a):
        return math.isnan(e) and math.isnan(a)
    if math.isinf(e) or math.isinf(a):
        return e == a
    return abs(a - e) <= atol + rtol * abs(e)

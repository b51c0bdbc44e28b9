#!/usr/bin/env python3
"""Writes the real Keras 3 model files the DL4J adapter's model-import tests read.

Every model is built, compiled, given seeded weights, run (`predict`, `evaluate` with and without
`sample_weight`) and saved by Keras itself, as `.keras` (zip) and as Keras 3 `.h5`. Next to the two
files, `<model>.json` holds what Keras computed: the inputs, labels and sample weights, the
predictions of every output, both `evaluate(return_dict=True)` dicts, and every compile metric as
Keras built it (the key it reports, its output, class, config, and whether it is a weighted metric).

Keras runs on its NumPy backend (no training there: weights are set explicitly from a seed).
Convolutions and pooling: that backend calls `jax.lax.conv_general_dilated` and `jax.lax.reduce_window`,
and JAX is not installed; this script supplies NumPy implementations of those two functions (below:
strided, dilated cross-correlation; max or sum over windows; VALID/SAME padding as XLA pads), checked
against `scipy.signal.correlate` and a reshape-max before any model is written. The NumPy backend's `sum`
also gets a list (the compile loss and the regularization losses) stacked into one array, as the other backends
convert it. Every other number is Keras's own.

Usage:
  /usr/bin/python3 adapters-dl4j/tools/keras3_models.py KERAS_REAL [OUT_DIR]

KERAS_REAL is a keras-real runner folder (it holds `stubs/keras_real_boot.py`, which loads the Keras 3
source tree on the NumPy backend). OUT_DIR defaults to
adapters-dl4j/src/test/resources/keras3 (run from the repository root).
"""
import json
import os
import sys

import numpy as np

if len(sys.argv) < 2:
    sys.exit(__doc__)
sys.path.insert(0, os.path.join(sys.argv[1], "stubs"))
OUT = sys.argv[2] if len(sys.argv) > 2 else "adapters-dl4j/src/test/resources/keras3"

import keras_real_boot  # noqa: E402

keras = keras_real_boot.load()
from keras import layers  # noqa: E402


# ---------------------------------------------------------------- the one JAX function Keras needs
def conv_general_dilated(lhs, rhs, window_strides, padding, lhs_dilation=None, rhs_dilation=None,
                         dimension_numbers=None, feature_group_count=1, **_):
    """lax.conv_general_dilated for what Keras's NumPy conv() passes: no lhs dilation, one group."""
    if lhs_dilation not in (None, (1,) * len(window_strides)) or feature_group_count != 1:
        raise NotImplementedError("only plain and dilated convolutions")
    lhs_spec, rhs_spec, out_spec = dimension_numbers
    x = np.transpose(np.asarray(lhs), lhs_spec)  # N, C, spatial...
    k = np.transpose(np.asarray(rhs), rhs_spec)  # O, I, spatial...
    nd = x.ndim - 2
    strides = tuple(window_strides)
    dil = tuple(rhs_dilation) if rhs_dilation is not None else (1,) * nd
    eff = [(k.shape[2 + i] - 1) * dil[i] + 1 for i in range(nd)]
    if isinstance(padding, str):
        pads = [(0, 0)] * nd if padding.upper() == "VALID" else same_pads(x.shape[2:], eff, strides)
    else:
        pads = [tuple(p) for p in padding]
    x = np.pad(x, [(0, 0), (0, 0)] + pads)
    out_shape = [(x.shape[2 + i] - eff[i]) // strides[i] + 1 for i in range(nd)]
    y = np.zeros((x.shape[0], k.shape[0], *out_shape), dtype=np.result_type(x, k))
    for offset in np.ndindex(*k.shape[2:]):
        window = tuple(slice(offset[i] * dil[i], offset[i] * dil[i] + (out_shape[i] - 1) * strides[i] + 1,
                             strides[i]) for i in range(nd))
        patch = x[(slice(None), slice(None)) + window]  # N, I, out...
        y += np.einsum("ni...,oi->no...", patch, k[(slice(None), slice(None)) + offset])
    return np.transpose(y, np.argsort(out_spec))


def same_pads(sizes, windows, strides):
    """XLA's SAME padding: the output has ceil(n / stride) positions, the extra padding goes last."""
    pads = []
    for n, k, s in zip(sizes, windows, strides):
        out = -(-n // s)
        total = max((out - 1) * s + k - n, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def reduce_window(operand, init_value, computation, window_dimensions, window_strides, padding):
    """lax.reduce_window for Keras's NumPy pooling: max or add over windows, VALID or SAME padding."""
    x = np.asarray(operand)
    if isinstance(padding, str):
        pads = [(0, 0)] * x.ndim if padding.upper() == "VALID" else same_pads(x.shape, window_dimensions,
                                                                               window_strides)
    else:
        pads = [tuple(p) for p in padding]
    x = np.pad(x, pads, constant_values=init_value)
    out_shape = [(x.shape[i] - window_dimensions[i]) // window_strides[i] + 1 for i in range(x.ndim)]
    y = np.full(out_shape, init_value, dtype=x.dtype)
    for offset in np.ndindex(*window_dimensions):
        window = tuple(slice(offset[i], offset[i] + (out_shape[i] - 1) * window_strides[i] + 1, window_strides[i])
                       for i in range(x.ndim))
        y = computation(y, x[window])
    return y


def check_conv():
    from scipy import signal
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 9, 8, 3)).astype("float32")
    k = rng.normal(size=(3, 2, 3, 4)).astype("float32")
    got = conv_general_dilated(x, k, (1, 1), "VALID", dimension_numbers=((0, 3, 1, 2), (3, 2, 0, 1), (0, 3, 1, 2)))
    want = np.zeros_like(got)
    for n in range(2):
        for o in range(4):
            want[n, :, :, o] = sum(signal.correlate(x[n, :, :, c], k[:, :, c, o], mode="valid") for c in range(3))
    assert np.allclose(got, want, atol=1e-5), "conv stand-in disagrees with scipy"
    pooled = reduce_window(x, -np.inf, np.maximum, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")
    assert np.array_equal(pooled, x[:, :8].reshape(2, 4, 2, 4, 2, 3).max(axis=(2, 4))), "max pool stand-in"


import jax  # noqa: E402  (the keras-real stand-in module)

# Trainer.compute_loss sums [compile loss, regularization losses] with ops.sum(list): the TF and JAX backends turn
# the list into a tensor, the NumPy backend's sum reads x.dtype of the list; give it the stacked array
from keras.src.backend.numpy import numpy as numpy_backend  # noqa: E402

_backend_sum = numpy_backend.sum
numpy_backend.sum = lambda x, *a, **k: _backend_sum(np.stack(x) if isinstance(x, list) else x, *a, **k)

jax.lax.conv_general_dilated = conv_general_dilated
jax.lax.reduce_window = reduce_window
jax.lax.max = np.maximum
jax.lax.add = np.add
jax.lax.ConvDimensionNumbers = lambda lhs_spec, rhs_spec, out_spec: (lhs_spec, rhs_spec, out_spec)
check_conv()


# ---------------------------------------------------------------- models
def seeded(model, seed):
    """Seeded weights for every variable (a variance stays positive)."""
    rng = np.random.default_rng(seed)
    for w in model.weights:
        values = rng.normal(scale=0.5, size=w.shape)
        if "variance" in w.path:
            values = np.abs(values) + 0.5
        w.assign(values.astype(w.dtype))


def rng_for(seed):
    return np.random.default_rng(1000 + seed)


def seq_dense_binary(seed):
    m = keras.Sequential([
        keras.Input(shape=(6,), name="features"),
        layers.Dense(8, activation="relu", name="hidden"),
        layers.Dropout(0.3, name="drop"),
        layers.Dense(1, activation="sigmoid", name="prob"),
    ], name="seq_dense_binary")
    m.compile(optimizer="adam", loss="binary_crossentropy",
              metrics=["accuracy", "AUC", keras.metrics.Precision(name="precision"), "binary_crossentropy"],
              weighted_metrics=["accuracy", keras.metrics.AUC(num_thresholds=50)])
    r = rng_for(seed)
    x = r.normal(size=(45, 6)).astype("float32")
    y = (r.uniform(size=(45, 1)) < 0.5).astype("float32")
    return m, [x], [y]


def seq_dense_categorical(seed):
    m = keras.Sequential([
        keras.Input(shape=(5,)),
        layers.Dense(7),
        layers.BatchNormalization(),
        layers.Activation("tanh"),
        layers.Dense(4, activation="softmax"),
    ], name="seq_dense_categorical")
    m.compile(optimizer="sgd", loss="categorical_crossentropy",
              metrics=["acc", "categorical_crossentropy", keras.metrics.TopKCategoricalAccuracy(k=2),
                       "mse"],
              weighted_metrics=["acc", "categorical_crossentropy"])
    r = rng_for(seed)
    x = r.normal(size=(40, 5)).astype("float32")
    y = np.eye(4, dtype="float32")[r.integers(0, 4, size=40)]
    return m, [x], [y]


def seq_logits_sparse(seed):
    m = keras.Sequential([
        keras.Input(shape=(3, 4)),
        layers.Flatten(),
        layers.Dense(5, activation="relu"),
        layers.Reshape((5, 1)),
        layers.Flatten(),
        layers.Dense(3),
    ], name="seq_logits_sparse")
    m.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy", keras.metrics.SparseCategoricalCrossentropy(from_logits=True, name="sce"),
                       keras.metrics.SparseTopKCategoricalAccuracy(k=2, name="top2")],
              weighted_metrics=["accuracy"])
    r = rng_for(seed)
    x = r.normal(size=(37, 3, 4)).astype("float32")
    y = r.integers(0, 3, size=(37, 1)).astype("float32")
    return m, [x], [y]


def func_two_outputs(seed):
    inp = keras.Input(shape=(6,), name="features")
    h = layers.Dense(8, activation="relu", name="trunk")(inp)
    cls = layers.Dense(3, activation="softmax", name="cls")(h)
    reg = layers.Dense(1, name="reg")(layers.Dropout(0.2, name="reg_drop")(h))
    m = keras.Model(inp, [cls, reg], name="func_two_outputs")
    m.compile(optimizer="adam",
              loss={"cls": "sparse_categorical_crossentropy", "reg": keras.losses.MeanSquaredError()},
              loss_weights={"cls": 1.0, "reg": 0.5},
              metrics={"cls": ["accuracy", "accuracy"], "reg": ["mae", keras.metrics.RootMeanSquaredError()]},
              weighted_metrics={"cls": ["accuracy"], "reg": ["mae", "mse"]})
    r = rng_for(seed)
    x = r.normal(size=(42, 6)).astype("float32")
    y1 = r.integers(0, 3, size=(42, 1)).astype("float32")
    y2 = r.normal(size=(42, 1)).astype("float32")
    return m, [x], [y1, y2]


def func_two_inputs_lists(seed):
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(4,), name="b")
    ha = layers.Dense(5, activation="relu", name="da")(a)
    hb = layers.Dense(5, activation="relu", name="db")(b)
    added = layers.Add(name="add")([ha, hb])
    mult = layers.Multiply(name="mul")([ha, hb])
    joined = layers.Concatenate(name="cat")([added, mult])
    out_bin = layers.Dense(1, activation="sigmoid", name="yes_no")(joined)
    out_multi = layers.Dense(3, activation="sigmoid", name="tags")(added)
    m = keras.Model([a, b], [out_bin, out_multi], name="func_two_inputs_lists")
    m.compile(optimizer="adam", loss=["binary_crossentropy", "binary_crossentropy"],
              metrics=[["accuracy", keras.metrics.AUC(name="auc")], ["accuracy", "binary_accuracy"]],
              weighted_metrics=[["accuracy"], [keras.metrics.BinaryAccuracy(threshold=0.3)]])
    r = rng_for(seed)
    xa = r.normal(size=(39, 4)).astype("float32")
    xb = r.normal(size=(39, 4)).astype("float32")
    y1 = (r.uniform(size=(39, 1)) < 0.4).astype("float32")
    y2 = (r.uniform(size=(39, 3)) < 0.5).astype("float32")
    return m, [xa, xb], [y1, y2]


def seq_conv2d(seed):
    m = keras.Sequential([
        keras.Input(shape=(8, 8, 2)),
        layers.Conv2D(4, 3, activation="relu", name="conv"),
        layers.MaxPooling2D(2, name="pool"),
        layers.Conv2D(3, 2, padding="same", name="conv_same"),
        layers.AveragePooling2D(2, name="avg"),
        layers.Flatten(name="flat"),
        layers.Dense(3, activation="softmax", name="out"),
    ], name="seq_conv2d")
    m.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy", keras.metrics.SparseCategoricalCrossentropy(name="xent")],
              weighted_metrics=["accuracy"])
    r = rng_for(seed)
    x = r.normal(size=(34, 8, 8, 2)).astype("float32")
    y = r.integers(0, 3, size=(34,)).astype("float32")
    return m, [x], [y]


def func_conv1d_pooling(seed):
    inp = keras.Input(shape=(10, 3), name="signal")
    c = layers.Conv1D(4, 3, activation="relu", name="conv")(inp)
    p = layers.MaxPooling1D(2, name="maxpool")(c)
    q = layers.AveragePooling1D(2, padding="same", name="avgpool")(c)
    g1 = layers.GlobalMaxPooling1D(name="gmax")(p)
    g2 = layers.GlobalAveragePooling1D(name="gavg")(q)
    joined = layers.Concatenate(name="cat")([g1, g2])
    out = layers.Dense(1, name="value")(joined)
    m = keras.Model(inp, out, name="func_conv1d_pooling")
    m.compile(optimizer="adam", loss="mae", metrics=["mse", keras.metrics.R2Score(), "mae"],
              weighted_metrics=["mse", "mae"])
    r = rng_for(seed)
    x = r.normal(size=(36, 10, 3)).astype("float32")
    return m, [x], [None]  # targets near the predictions: see write()


def seq_embedding_lstm(seed):
    m = keras.Sequential([
        keras.Input(shape=(6,), dtype="int32", name="tokens"),
        layers.Embedding(12, 4, name="embed"),
        layers.LSTM(5, name="lstm"),
        layers.Dense(1, activation="sigmoid", name="prob"),
    ], name="seq_embedding_lstm")
    m.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy", "AUC"],
              weighted_metrics=["accuracy", "binary_crossentropy"])
    r = rng_for(seed)
    x = r.integers(0, 12, size=(33, 6)).astype("int32")
    y = (r.uniform(size=(33, 1)) < 0.5).astype("float32")
    return m, [x], [y]


def func_recurrent(seed):
    inp = keras.Input(shape=(5, 3), name="steps")
    s = layers.SimpleRNN(4, return_sequences=True, name="rnn")(inp)
    g = layers.GRU(4, name="gru")(s)
    l = layers.LSTM(4, name="lstm")(inp)
    joined = layers.Concatenate(name="cat")([g, l])
    out = layers.Dense(3, activation="softmax", name="cls")(joined)
    aux = layers.Dense(1, activation="sigmoid", name="flag")(l)
    m = keras.Model(inp, [out, aux], name="func_recurrent")
    m.compile(optimizer="adam", loss=["categorical_crossentropy", "binary_crossentropy"],
              metrics={"cls": ["accuracy"], "flag": ["accuracy"]},
              weighted_metrics={"cls": ["accuracy", "categorical_crossentropy"]})
    r = rng_for(seed)
    x = r.normal(size=(35, 5, 3)).astype("float32")
    y1 = np.eye(3, dtype="float32")[r.integers(0, 3, size=35)]
    y2 = (r.uniform(size=(35, 1)) < 0.5).astype("float32")
    return m, [x], [y1, y2]


def seq_regularized(seed):
    m = keras.Sequential([
        keras.Input(shape=(4,)),
        layers.Dense(6, activation="relu", kernel_regularizer=keras.regularizers.L1L2(l1=0.001, l2=0.01),
                     name="dense_l1l2"),
        layers.Dense(1, bias_regularizer="l2", kernel_regularizer=keras.regularizers.L1(0.02), name="out"),
    ], name="seq_regularized")
    m.compile(optimizer="adam", loss="mse", metrics=["mae"], weighted_metrics=["mse"])
    r = rng_for(seed)
    x = r.normal(size=(30, 4)).astype("float32")
    return m, [x], [None]  # targets near the predictions: see write()


MODELS = [seq_dense_binary, seq_dense_categorical, seq_logits_sparse, func_two_outputs, func_two_inputs_lists,
          seq_conv2d, func_conv1d_pooling, seq_embedding_lstm, func_recurrent, seq_regularized]


# ---------------------------------------------------------------- what Keras reports
def compile_metrics(model):
    """Every compile metric, keyed as evaluate() reports it, in the order CompileMetrics.result() builds it."""
    cm = model.compiled_metrics if hasattr(model, "compiled_metrics") else model._compile_metrics
    keys = list(cm.result().keys())
    out = []
    i = 0
    for weighted, flat in ((False, cm._flat_metrics), (True, cm._flat_weighted_metrics)):
        for mls in flat:
            if not mls:
                continue
            for m in mls.metrics:
                config = m.get_config()
                out.append({"key": keys[i], "output": mls.output_name, "weighted": weighted,
                            "class_name": type(m).__name__, "config": jsonable(config)})
                i += 1
    assert i == len(keys)
    return out


def jsonable(v):
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, (np.floating, np.integer)):
        return v.item()
    if isinstance(v, np.ndarray):
        return v.tolist()
    return v


def output_names(model):
    """The functional model's output names; a Sequential model has none (its one output is named after its last layer)."""
    return getattr(model, "output_names", None) or [model.layers[-1].name]


def floats(d):
    return {k: float(v) for k, v in d.items()}


def write(fn, seed):
    keras.utils.set_random_seed(seed)
    model, xs, ys = fn(seed)
    seeded(model, seed)
    name = model.name
    n = xs[0].shape[0]
    w = rng_for(seed + 500).uniform(0.0, 2.0, size=(n,)).astype("float32")
    w[::7] = 0.0  # zero weights drop examples from the weighted metrics
    x_arg = xs if len(xs) > 1 else xs[0]
    predictions = model.predict(x_arg, verbose=0)
    predictions = predictions if isinstance(predictions, (list, tuple)) else [predictions]
    # regression targets near the predictions keep R2 and friends in a range float32 holds to 1e-7
    noise = rng_for(seed + 900)
    ys = [p + noise.normal(scale=0.3, size=p.shape).astype("float32") if y is None else y
          for y, p in zip(ys, predictions)]
    y_arg = ys if len(ys) > 1 else ys[0]
    plain = floats(model.evaluate(x_arg, y_arg, return_dict=True, verbose=0))
    metrics = compile_metrics(model)
    weighted = floats(model.evaluate(x_arg, y_arg, sample_weight=w, return_dict=True, verbose=0))
    model.save(os.path.join(OUT, name + ".keras"))
    model.save(os.path.join(OUT, name + ".h5"))
    # both files load back into Keras and predict the same
    for ext in (".keras", ".h5"):
        again = keras.saving.load_model(os.path.join(OUT, name + ext), compile=False)
        p = again.predict(x_arg, verbose=0)
        p = p if isinstance(p, (list, tuple)) else [p]
        for a, b in zip(p, predictions):
            assert np.array_equal(a, b), name + ext + " predicts otherwise once loaded"
    record = {
        "model": name,
        "keras_version": keras.__version__,
        "inputs": [{"name": t.name, "dtype": str(x.dtype), "shape": list(x.shape), "values": x.ravel().tolist()}
                   for t, x in zip(model.inputs, xs)],
        "outputs": [{"name": o, "shape": list(y.shape), "labels": y.ravel().tolist(),
                     "predictions_shape": list(p.shape), "predictions": p.astype("float64").ravel().tolist()}
                    for o, y, p in zip(output_names(model), ys, predictions)],
        "sample_weight": w.astype("float64").tolist(),
        "metrics": metrics,
        "evaluate": plain,
        "evaluate_sample_weight": weighted,
    }
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(record, f, indent=1)
        f.write("\n")
    print(name, plain, weighted)


os.makedirs(OUT, exist_ok=True)
for i, fn in enumerate(MODELS):
    write(fn, 11 + i)

"""Writes the test fixtures of `parity compare` with real Keras 3: small models compiled with metrics, their
predictions on fixed data, and what Keras recorded about them.

Usage: python3 make_compare_fixtures.py KERAS_REAL_DIR OUT_DIR
KERAS_REAL_DIR holds the stubs/keras_real_boot.py that loads a Keras 3 source tree on the NumPy backend (Keras 3.16
was used). model.fit needs a training backend, so the models keep their seeded initial weights; the recorded files are
written by Keras itself: evaluate(return_dict=True), and History and CSVLogger callbacks fed the evaluate() logs as
one epoch's validation values.
"""
import csv
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(sys.argv[1], "stubs"))
import keras_real_boot  # noqa: E402

keras = keras_real_boot.load()
OUT = sys.argv[2]
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(7)


def write_data(name, y, p, w=None):
    arrays = {"y_true": y.astype("float32"), "y_pred": p.astype("float32")}
    if w is not None:
        arrays["sample_weight"] = w.astype("float32")
    np.savez(os.path.join(OUT, name + ".npz"), **arrays)
    y2 = y.reshape(len(y), -1)
    p2 = p.reshape(len(p), -1)
    with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow([f"y_true_{k}" for k in range(y2.shape[1])] + [f"y_pred_{k}" for k in range(p2.shape[1])]
                     + (["sample_weight"] if w is not None else []))
        for i in range(len(y2)):
            out.writerow([repr(float(v)) for v in y2[i]] + [repr(float(v)) for v in p2[i]]
                         + ([repr(float(w[i]))] if w is not None else []))
    with open(os.path.join(OUT, name + ".jsonl"), "w") as f:
        for i in range(len(y)):
            row = {"y_true": y[i].tolist(), "y_pred": p[i].astype("float32").tolist()}
            if w is not None:
                row["sample_weight"] = float(w[i])
            f.write(json.dumps(row) + "\n")


def write_outputs(name, outputs, w=None):
    """Several outputs: every array, column and key of the one-output layout, prefixed with '<output>/'."""
    arrays = {}
    for out, (y, p) in outputs.items():
        arrays[out + "/y_true"] = y.astype("float32")
        arrays[out + "/y_pred"] = p.astype("float32")
    if w is not None:
        arrays["sample_weight"] = w.astype("float32")
    np.savez(os.path.join(OUT, name + ".npz"), **arrays)
    n = len(w) if w is not None else len(next(iter(outputs.values()))[0])
    flat = {out: (y.reshape(n, -1), p.reshape(n, -1)) for out, (y, p) in outputs.items()}
    with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
        out = csv.writer(f)
        header = []
        for o, (y2, p2) in flat.items():
            header += [f"{o}/y_true_{k}" for k in range(y2.shape[1])] + [f"{o}/y_pred_{k}" for k in range(p2.shape[1])]
        out.writerow(header + (["sample_weight"] if w is not None else []))
        for i in range(n):
            row = []
            for y2, p2 in flat.values():
                row += [repr(float(v)) for v in y2[i]] + [repr(float(v)) for v in p2[i]]
            out.writerow(row + ([repr(float(w[i]))] if w is not None else []))
    with open(os.path.join(OUT, name + ".jsonl"), "w") as f:
        for i in range(n):
            row = {}
            for o, (y, p) in outputs.items():
                row[o + "/y_true"] = y[i].tolist()
                row[o + "/y_pred"] = p[i].astype("float32").tolist()
            if w is not None:
                row["sample_weight"] = float(w[i])
            f.write(json.dumps(row) + "\n")


def record(name, model, x, y, w=None):
    logs = model.evaluate(x, y, sample_weight=w, batch_size=32, return_dict=True, verbose=0)
    logs = {k: float(v) for k, v in logs.items()}
    with open(os.path.join(OUT, name + ".evaluate.json"), "w") as f:
        json.dump(logs, f, indent=1)
    epoch_logs = dict({"loss": logs["loss"]}, **{"val_" + k: v for k, v in logs.items()})
    history = keras.callbacks.History()
    history.set_model(model)
    history.on_train_begin()
    history.on_epoch_end(0, epoch_logs)
    with open(os.path.join(OUT, name + ".history.json"), "w") as f:
        json.dump(history.history, f, indent=1)
    logger = keras.callbacks.CSVLogger(os.path.join(OUT, name + ".csvlogger.csv"))
    logger.set_model(model)
    logger.on_train_begin()
    logger.on_epoch_end(0, epoch_logs)
    logger.on_train_end()
    return logs


# binary: one sigmoid output, sample weights; metrics and weighted metrics
keras.utils.set_random_seed(1)
x = rng.normal(size=(96, 4)).astype("float32")
y = (x[:, :1] + 0.5 * rng.normal(size=(96, 1)) > 0).astype("float32")
w = rng.uniform(0.2, 2.0, size=(96,)).astype("float32")
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="tanh"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(loss="binary_crossentropy",
          metrics=["accuracy", "AUC", keras.metrics.Precision(name="precision"), keras.metrics.Recall(name="rec")],
          weighted_metrics=["accuracy", keras.metrics.BinaryCrossentropy(name="bce")])
p = m.predict(x, batch_size=32, verbose=0)
write_data("binary", y, p, w)
record("binary", m, x, y, w)
m.save(os.path.join(OUT, "binary.keras"))
m.save(os.path.join(OUT, "binary.h5"))

# three classes, softmax, one-hot targets
keras.utils.set_random_seed(2)
x = rng.normal(size=(90, 5)).astype("float32")
labels = np.argmax(x[:, :3] + 0.7 * rng.normal(size=(90, 3)), axis=1)
y = np.eye(3, dtype="float32")[labels]
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(3, activation="softmax")])
m.compile(loss="categorical_crossentropy",
          metrics=["accuracy", keras.metrics.TopKCategoricalAccuracy(k=2, name="top2"),
                   keras.metrics.F1Score(average="macro", name="f1_macro"), "AUC",
                   keras.metrics.Precision(top_k=1, class_id=2, name="precision_2")])
p = m.predict(x, batch_size=32, verbose=0)
write_data("multiclass", y, p)
record("multiclass", m, x, y)
m.save(os.path.join(OUT, "multiclass.keras"))

# regression, two outputs
keras.utils.set_random_seed(3)
x = rng.normal(size=(80, 3)).astype("float32")
y = np.stack([x[:, 0] * 2 + 1, x[:, 1] - x[:, 2]], axis=1).astype("float32")
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
m.compile(loss="mse", metrics=["mae", keras.metrics.RootMeanSquaredError(name="rmse"),
                               keras.metrics.R2Score(name="r2")])
p = m.predict(x, batch_size=32, verbose=0)
write_data("regression", y, p)
record("regression", m, x, y)
m.save(os.path.join(OUT, "regression.keras"))
# two outputs (functional): per-output losses with loss weights, metrics and weighted metrics by output name,
# sample weights; a name taken by a metric makes the weighted one <output>_weighted_<name>
keras.utils.set_random_seed(4)
x = rng.normal(size=(70, 4)).astype("float32")
y_cls = np.argmax(x[:, :3] + 0.8 * rng.normal(size=(70, 3)), axis=1).reshape(70, 1).astype("float32")
y_reg = (x[:, 3:4] * 1.5 - 0.5 + 0.3 * rng.normal(size=(70, 1))).astype("float32")
w = rng.uniform(0.1, 3.0, size=(70,)).astype("float32")
inp = keras.Input((4,), name="features")
h = keras.layers.Dense(6, activation="tanh", name="trunk")(inp)
cls = keras.layers.Dense(3, activation="softmax", name="cls")(h)
reg = keras.layers.Dense(1, name="reg")(h)
m = keras.Model(inp, [cls, reg])
m.compile(loss={"cls": "sparse_categorical_crossentropy", "reg": "mse"}, loss_weights={"cls": 1.0, "reg": 0.5},
          metrics={"cls": ["accuracy", keras.metrics.SparseTopKCategoricalAccuracy(k=2, name="top2")],
                   "reg": ["mae", keras.metrics.RootMeanSquaredError(name="rmse")]},
          weighted_metrics={"cls": ["accuracy"], "reg": ["mae", "mse"]})
p_cls, p_reg = m.predict(x, batch_size=32, verbose=0)
write_outputs("two_outputs", {"cls": (y_cls, p_cls), "reg": (y_reg, p_reg)}, w)
record("two_outputs", m, x, [y_cls, y_reg], w)
m.save(os.path.join(OUT, "two_outputs.keras"))
m.save(os.path.join(OUT, "two_outputs.h5"))
print("wrote", sorted(os.listdir(OUT)))

"""Writes the core golden files (reduction, accuracy, probabilistic) from Keras 3 docstrings and tests, plus derived
cases whose expected values are computed by knp.py, a float32 port of the Keras source."""
import json
import math
import sys
from knp import *

KERAS = "keras-team/keras@3422977"
OUT = sys.argv[1]

# ------------------------------------------------------------------------------------------------------------------
def upd(y_true, y_pred, w=None, **extra):
    s = {"op": "update", "y_true": y_true, "y_pred": y_pred}
    if w is not None:
        s["sample_weight"] = w
    s.update(extra)
    return s

def vals(values, w=None, **extra):
    s = {"op": "update", "values": values}
    if w is not None:
        s["sample_weight"] = w
    s.update(extra)
    return s

def err(step, note=None):
    step = dict(step)
    step["expect_error"] = True
    if note:
        step["note"] = note
    return step

def res(x, **extra):
    s = {"op": "result", "expected": x}
    s.update(extra)
    return s

RESET = {"op": "reset"}

def case(cid, metric, steps, origin, source, config=None, note=None, tol=None, **extra):
    c = {"id": cid, "metric": metric, "config": config or {}, "steps": steps}
    if tol:
        c["tolerance"] = tol
    c["origin"] = origin
    c["source"] = source
    if note:
        c["note"] = note
    c.update(extra)
    return c

def config_error(cid, metric, config, origin, source, note):
    return {"id": cid, "metric": metric, "config": config, "expect_error": "config", "origin": origin,
            "source": source, "note": note}

def close(a, b, atol):
    assert abs(a - b) <= atol, (a, b)
    return a

# ------------------------------------------------------------------------------------------------------------------
# a reference run with the port: functions of (y_true A, y_pred A) -> values or (values, mask)
def run(fn, steps):
    """steps: list of (y_true, y_pred, w) or 'reset'; returns the result after the last step."""
    m = Mean()
    for s in steps:
        if s == 'reset':
            m = Mean()
            continue
        t, p, w = s
        out = fn(A.of(t), A.of(p))
        mask = None
        if isinstance(out, tuple):
            out, mask = out
        m.update(out, None if w is None else A.of(w), mask)
    return m.result()

def run_values(cls, steps):
    m = cls()
    for v, w in steps:
        m.update(A.of(v), None if w is None else A.of(w))
    return m.result()

# ==================================================================================================================
# accuracy_metrics
# ==================================================================================================================
AM = "keras/src/metrics/accuracy_metrics.py"
AT = "keras/src/metrics/accuracy_metrics_test.py"
acc_cases = []
A_ = acc_cases.append

# ---- docstrings
A_(case("accuracy.doc", "Accuracy", [
    upd([[1], [2], [3], [4]], [[0], [2], [3], [4]]), res(0.75), RESET,
    upd([[1], [2], [3], [4]], [[0], [2], [3], [4]], [1, 1, 0, 0]), res(0.5)],
    "docstring", AM + " Accuracy docstring", printed=[0.75, 0.5]))
A_(case("binary_accuracy.doc", "BinaryAccuracy", [
    upd([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]), res(0.75), RESET,
    upd([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]], [1, 0, 0, 1]), res(0.5)],
    "docstring", AM + " BinaryAccuracy docstring", printed=[0.75, 0.5]))
A_(case("categorical_accuracy.doc", "CategoricalAccuracy", [
    upd([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), res(0.5), RESET,
    upd([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], [0.7, 0.3]), res(0.3)],
    "docstring", AM + " CategoricalAccuracy docstring", printed=[0.5, 0.3]))
A_(case("sparse_categorical_accuracy.doc", "SparseCategoricalAccuracy", [
    upd([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]), res(0.5), RESET,
    upd([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]], [0.7, 0.3]), res(0.3)],
    "docstring", AM + " SparseCategoricalAccuracy docstring", printed=[0.5, 0.3]))
A_(case("top_k_categorical_accuracy.doc", "TopKCategoricalAccuracy", [
    upd([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), res(0.5), RESET,
    upd([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], [0.7, 0.3]), res(0.3)],
    "docstring", AM + " TopKCategoricalAccuracy docstring", config={"k": 1}, printed=[0.5, 0.3]))
A_(case("sparse_top_k_categorical_accuracy.doc", "SparseTopKCategoricalAccuracy", [
    upd([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), res(0.5), RESET,
    upd([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], [0.7, 0.3]), res(0.3)],
    "docstring", AM + " SparseTopKCategoricalAccuracy docstring", config={"k": 1}, printed=[0.5, 0.3]))
A_(case("sparse_top_k_categorical_accuracy.doc.from_sorted_ids", "SparseTopKCategoricalAccuracy", [
    upd([2, 1], [[1, 0, 3], [1, 2, 3]]), res(0.5)],
    "docstring", AM + " SparseTopKCategoricalAccuracy docstring", config={"k": 1, "from_sorted_ids": True},
    printed=[0.5]))

# ---- accuracy_metrics_test.py
def t(cls, method):
    return "%s %s.%s" % (AT, cls, method)

YT4 = [[1], [2], [3], [4]]
YP4 = [[0], [2], [3], [4]]
A_(case("accuracy.test.config", "Accuracy", [res(0.0), upd(YT4, YP4), res(0.75)], "unit_test",
        t("AccuracyTest", "test_config"), config={"name": "accuracy", "dtype": "float32"},
        note="config round trip {name, dtype}; a fresh metric reads 0, then the test_unweighted data"))
A_(case("accuracy.test.unweighted", "Accuracy", [upd(YT4, YP4), res(0.75)], "unit_test",
        t("AccuracyTest", "test_unweighted"), config={"name": "accuracy", "dtype": "float32"}))
A_(case("accuracy.test.weighted", "Accuracy", [upd(YT4, YP4, [1, 1, 0, 0]), res(0.5)], "unit_test",
        t("AccuracyTest", "test_weighted"), config={"name": "accuracy", "dtype": "float32"}))
A_(case("accuracy.test.weighted_rank_1", "Accuracy", [upd([1, 2, 3, 4], [0, 2, 3, 4], [1, 1, 0, 0]), res(0.5)],
        "unit_test", t("AccuracyTest", "test_weighted_rank_1"), config={"name": "accuracy", "dtype": "float32"}))
A_(case("accuracy.test.weighted_nd_weights", "Accuracy",
        [upd([[1, 2], [3, 4]], [[0, 2], [3, 4]], [[1, 0], [0, 1]]), res(0.5)], "unit_test",
        t("AccuracyTest", "test_weighted_nd_weights"), config={"name": "accuracy", "dtype": "float32"}))
A_(case("accuracy.test.weighted_nd_broadcast_weights", "Accuracy",
        [upd([[1, 2], [3, 4]], [[0, 2], [3, 4]], [[1, 0]]), res(0.5)], "unit_test",
        t("AccuracyTest", "test_weighted_nd_broadcast_weights"), config={"name": "accuracy", "dtype": "float32"}))

BT = [[1], [1], [0], [0]]
BP = [[0.98], [1], [0], [0.6]]
BCFG = {"name": "binary_accuracy", "dtype": "float32"}
A_(case("binary_accuracy.test.config", "BinaryAccuracy", [res(0.0), upd(BT, BP), res(0.75)], "unit_test",
        t("BinaryAccuracyTest", "test_config"), config=BCFG,
        note="config round trip {name, dtype}; a fresh metric reads 0, then the test_unweighted data"))
A_(case("binary_accuracy.test.unweighted", "BinaryAccuracy", [upd(BT, BP), res(0.75)], "unit_test",
        t("BinaryAccuracyTest", "test_unweighted"), config=BCFG))
A_(case("binary_accuracy.test.unweighted_broadcast", "BinaryAccuracy", [upd([1, 1, 0, 0], BP), res(0.75)],
        "unit_test", t("BinaryAccuracyTest", "test_unweighted") + " (broadcasting case)", config=BCFG,
        note="y_true (4,) is expanded to (4,1) by squeeze_or_expand_to_same_rank"))
A_(case("binary_accuracy.test.weighted", "BinaryAccuracy", [upd(BT, BP, [1, 0, 0, 1]), res(0.5)], "unit_test",
        t("BinaryAccuracyTest", "test_weighted"), config=BCFG))
A_(case("binary_accuracy.test.weighted_rank_1", "BinaryAccuracy",
        [upd([1, 1, 0, 0], [0.98, 1, 0, 0.6], [1, 0, 0, 1]), res(0.5)], "unit_test",
        t("BinaryAccuracyTest", "test_weighted_rank_1"), config=BCFG))
A_(case("binary_accuracy.test.weighted_nd_weights", "BinaryAccuracy",
        [upd([[1, 1], [0, 0]], [[0.98, 1], [0, 0.6]], [[1, 0], [0, 1]]), res(0.5)], "unit_test",
        t("BinaryAccuracyTest", "test_weighted_nd_weights"), config=BCFG))
A_(case("binary_accuracy.test.weighted_nd_broadcast_weights", "BinaryAccuracy",
        [upd([[1, 1], [0, 0]], [[0.98, 1], [0, 0.6]], [[1, 0]]), res(1.0)], "unit_test",
        t("BinaryAccuracyTest", "test_weighted_nd_broadcast_weights"), config=BCFG))
A_(case("binary_accuracy.test.threshold_0_3", "BinaryAccuracy",
        [upd(BT, [[0.98], [0.5], [0.1], [0.2]]), res(1.0)], "unit_test", t("BinaryAccuracyTest", "test_threshold"),
        config={"name": "binary_accuracy", "dtype": "float32", "threshold": 0.3}))
A_(case("binary_accuracy.test.threshold_0_9", "BinaryAccuracy",
        [upd(BT, [[0.98], [0.5], [0.1], [0.2]]), res(0.75)], "unit_test", t("BinaryAccuracyTest", "test_threshold"),
        config={"name": "binary_accuracy", "dtype": "float32", "threshold": 0.9}))
A_(case("binary_accuracy.test.boolean_inputs", "BinaryAccuracy",
        [upd([[1], [0], [1], [0], [1]], [[1], [0], [1], [0], [1]]), res(1.0)], "unit_test",
        "keras/src/metrics/reduction_metrics_test.py MetricWrapperTest.test_binary_accuracy_with_boolean_inputs",
        inputs_substituted="the test draws 32 random x and uses booleans y = x > 0.5 for both y_true and y_pred; "
                           "fixed 0/1 values stand for the booleans (True > 0.5 is True)"))

CT = [[0, 0, 1], [0, 1, 0]]
CP = [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]
CCFG = {"name": "categorical_accuracy", "dtype": "float32"}
A_(case("categorical_accuracy.test.config", "CategoricalAccuracy", [res(0.0), upd(CT, CP), res(0.5)], "unit_test",
        t("CategoricalAccuracyTest", "test_config"), config=CCFG,
        note="config round trip {name, dtype}; a fresh metric reads 0, then the test_unweighted data"))
A_(case("categorical_accuracy.test.unweighted", "CategoricalAccuracy", [upd(CT, CP), res(0.5)], "unit_test",
        t("CategoricalAccuracyTest", "test_unweighted"), config=CCFG))
A_(case("categorical_accuracy.test.weighted", "CategoricalAccuracy", [upd(CT, CP, [0.7, 0.3]), res(0.3)],
        "unit_test", t("CategoricalAccuracyTest", "test_weighted"), config=CCFG))

SCFG = {"name": "sparse_categorical_accuracy", "dtype": "float32"}
ST = [[2], [1]]
SP = [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]
S_ = lambda m: t("SparseCategoricalAccuracyTest", m)
A_(case("sparse_categorical_accuracy.test.config", "SparseCategoricalAccuracy", [res(0.0), upd(ST, SP), res(0.5)],
        "unit_test", S_("test_config"), config=SCFG,
        note="config round trip {name, dtype}; a fresh metric reads 0, then the test_unweighted data"))
A_(case("sparse_categorical_accuracy.test.unweighted", "SparseCategoricalAccuracy", [upd(ST, SP), res(0.5)],
        "unit_test", S_("test_unweighted"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.weighted", "SparseCategoricalAccuracy",
        [upd(ST, SP, [0.7, 0.3]), res(0.3)], "unit_test", S_("test_weighted"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.squeeze_y_true", "SparseCategoricalAccuracy",
        [upd([[0], [1], [2]], [[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9]]), res(1.0)],
        "unit_test", S_("test_squeeze_y_true"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.cast_y_pred_dtype", "SparseCategoricalAccuracy",
        [upd([0, 1], [[0.9, 0.1], [0.1, 0.9]]), res(1.0)], "unit_test", S_("test_cast_y_pred_dtype"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.reshape_matches", "SparseCategoricalAccuracy",
        [upd([[0], [0]], [[[0.9, 0.1, 0.0], [0.8, 0.15, 0.05]]]), res(1.0)], "unit_test", S_("test_reshape_matches"),
        config=SCFG, note="y_true (2,1) and y_pred (1,2,3) have different ranks: no squeeze; argmax (1,2) broadcast "
                          "against (2,1) gives (2,2) matches, all 1; the test compares the scalar result with [1, 1]"))
A_(case("sparse_categorical_accuracy.test.squeeze_y_true_shape", "SparseCategoricalAccuracy",
        [upd([[0], [1], [2]], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]), res(1.0)], "unit_test",
        S_("test_squeeze_y_true_shape"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.cast_y_pred_to_match_y_true_dtype", "SparseCategoricalAccuracy",
        [upd([0, 1, 2], [[0.9, 0.1, 0.0], [0.0, 0.9, 0.1], [0.1, 0.0, 0.9]]), res(1.0)], "unit_test",
        S_("test_cast_y_pred_to_match_y_true_dtype"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.reshape_matches_to_original_y_true_shape", "SparseCategoricalAccuracy",
        [upd([[0], [1]], [[0.9, 0.1], [0.1, 0.9]]), res(1.0)], "unit_test",
        S_("test_reshape_matches_to_original_y_true_shape"), config=SCFG))
A_(case("sparse_categorical_accuracy.test.matching_shapes_without_squeeze", "SparseCategoricalAccuracy",
        [upd([2, 1, 0], [[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]), res(1.0)], "unit_test",
        S_("test_matching_shapes_without_squeeze"), config=SCFG))

TCFG = {"k": 1, "name": "top_k_categorical_accuracy", "dtype": "float32"}
A_(case("top_k_categorical_accuracy.test.config", "TopKCategoricalAccuracy", [res(0.0), upd(CT, CP), res(0.5)],
        "unit_test", t("TopKCategoricalAccuracyTest", "test_config"), config=TCFG,
        note="config round trip {name, dtype, k}; a fresh metric reads 0, then the test_unweighted data"))
A_(case("top_k_categorical_accuracy.test.unweighted", "TopKCategoricalAccuracy", [upd(CT, CP), res(0.5)],
        "unit_test", t("TopKCategoricalAccuracyTest", "test_unweighted"), config=TCFG))
A_(case("top_k_categorical_accuracy.test.weighted", "TopKCategoricalAccuracy", [upd(CT, CP, [0.7, 0.3]), res(0.3)],
        "unit_test", t("TopKCategoricalAccuracyTest", "test_weighted"), config=TCFG))

STCFG = {"k": 1, "name": "sparse_top_k_categorical_accuracy", "dtype": "float32"}
STS = dict(STCFG, from_sorted_ids=True)
P_ = lambda m: t("SparseTopKCategoricalAccuracyTest", m)
A_(case("sparse_top_k_categorical_accuracy.test.config", "SparseTopKCategoricalAccuracy",
        [res(0.0), upd([2, 1], CP), res(0.5)], "unit_test", P_("test_config"), config=STCFG,
        note="config round trip {name, dtype, k}; a fresh metric reads 0, then the test_unweighted data"))
A_(case("sparse_top_k_categorical_accuracy.test.config_from_sorted_ids", "SparseTopKCategoricalAccuracy",
        [res(0.0), upd([2, 1], [[1, 0, 3], [1, 2, 3]]), res(0.5)], "unit_test", P_("test_config_from_sorted_ids"),
        config=STS, note="config round trip with from_sorted_ids=True; then the from_sorted_ids data"))
A_(case("sparse_top_k_categorical_accuracy.test.unweighted", "SparseTopKCategoricalAccuracy",
        [upd([2, 1], CP), res(0.5)], "unit_test", P_("test_unweighted"), config=STCFG))
A_(case("sparse_top_k_categorical_accuracy.test.weighted", "SparseTopKCategoricalAccuracy",
        [upd([2, 1], CP, [0.7, 0.3]), res(0.3)], "unit_test", P_("test_weighted"), config=STCFG))
A_(case("sparse_top_k_categorical_accuracy.test.from_sorted_ids_unweighted", "SparseTopKCategoricalAccuracy",
        [upd([2, 1], [[1, 0, 3], [1, 2, 3]]), res(0.5)], "unit_test", P_("test_from_sorted_ids_unweighted"),
        config=STS))
A_(case("sparse_top_k_categorical_accuracy.test.from_sorted_ids_weighted", "SparseTopKCategoricalAccuracy",
        [upd([2, 1], [[1, 0, 3], [1, 2, 3]], [0.7, 0.3]), res(0.3)], "unit_test",
        P_("test_from_sorted_ids_weighted"), config=STS))

# ---- derived accuracy cases
D = "derived"
def dsrc(what):
    return "derived from " + what

ba = lambda th=0.5: (lambda y, p: binary_accuracy(y, p, th))

v = run(ba(), [([[0], [1], [0]], [[0.5], [0.5], [0.50000006]], None)])
A_(case("binary_accuracy.derived.strict_threshold", "BinaryAccuracy",
        [upd([[0], [1], [0]], [[0.5], [0.5], [0.50000006]]), res(v)], D,
        dsrc(AM + ":68 binary_accuracy: ops.greater(y_pred, threshold)"),
        note="a prediction equal to the threshold is class 0 (strict >); 0.50000006 (the next float32 above 0.5) "
             "is class 1: matches [1, 0, 0] -> 1/3"))
A_(case("binary_accuracy.derived.float32_rounding", "BinaryAccuracy",
        [upd([[0], [0]], [[0.50000001], [0.5000001]]), res(0.5)], D,
        dsrc(AM + ":63-69; float32 inputs as produced by a Keras model"),
        note="0.50000001 rounds to 0.5 in float32, which is not > 0.5 (class 0, a match); 0.5000001 stays above "
             "0.5 (class 1, a miss); computed in float64 both would be misses"))
A_(case("binary_accuracy.derived.threshold_equal_in_float32", "BinaryAccuracy",
        [upd([[1], [0]], [[0.7], [0.7]]), res(0.5)], D, dsrc(AM + ":63-69"), config={"threshold": 0.7},
        note="threshold and prediction are the same float32: 0.7 > 0.7 is false, so both rows predict 0"))
A_(case("binary_accuracy.derived.soft_labels_never_match", "BinaryAccuracy",
        [upd([[0.9], [0.1], [1.0]], [[0.95], [0.05], [0.95]]), res(1.0 / 3)], D, dsrc(AM + ":67-69"),
        note="y_true is not thresholded: only the label 1.0 can equal the thresholded prediction"))
v = run(ba(), [(BT, BP, 2), ([[1]], [[0.2]], None)])
A_(case("binary_accuracy.derived.scalar_weight", "BinaryAccuracy",
        [upd(BT, BP, 2), res(0.75), upd([[1]], [[0.2]]), res(v)], D,
        dsrc("keras/src/metrics/reduction_metrics.py:26-31 reduce_to_samplewise_values"),
        note="a rank-0 weight makes the batch ONE sample: total += mean(values)*2 = 1.5, count += 2; the next "
             "unweighted batch adds 0 and 1: 1.5/3 = 0.5 (not (3+0)/5)"))
A_(case("binary_accuracy.derived.column_weight", "BinaryAccuracy",
        [upd(BT, BP, [[1], [0], [0], [1]]), res(0.5)], D, dsrc("reduction_metrics.py:22-44"),
        note="(N,1) weights on (N,1) values: same as (N,) weights"))
A_(case("binary_accuracy.derived.rank2_true_rank1_pred", "BinaryAccuracy",
        [upd(BT, [0.98, 1, 0, 0.6], [1, 0, 0, 1]), res(0.5)], D,
        dsrc("keras/src/losses/loss.py:119-137 squeeze_or_expand_to_same_rank"),
        note="y_pred (4,) is expanded to (4,1) to match y_true (4,1)"))
MT = [[1, 0, 1], [0, 1, 1]]
MP = [[0.9, 0.2, 0.4], [0.1, 0.8, 0.7]]
A_(case("binary_accuracy.derived.multilabel", "BinaryAccuracy", [upd(MT, MP), res(run(ba(), [(MT, MP, None)]))], D,
        dsrc("reduction_metrics.py:41-43"), note="element-wise matches [[1,1,0],[1,1,1]] averaged per sample: "
                                                 "(2/3 + 1)/2"))
v = run(ba(), [(MT, MP, [1, 3])])
A_(case("binary_accuracy.derived.multilabel_row_weights", "BinaryAccuracy", [upd(MT, MP, [1, 3]), res(v)], D,
        dsrc("reduction_metrics.py:26-31"), note="(N,) weights on (N,T) values weight whole rows: "
                                                 "(2/3*1 + 1*3)/4"))
v = run(ba(), [(MT, MP, [[1, 0, 2], [0, 1, 1]])])
A_(case("binary_accuracy.derived.multilabel_element_weights", "BinaryAccuracy",
        [upd(MT, MP, [[1, 0, 2], [0, 1, 1]]), res(v)], D, dsrc("reduction_metrics.py:34-43"),
        note="(N,T) weights: total = sum_i mean_j(v*w) = 1/3 + 2/3, count = sum_i mean_j(w) = 1 + 2/3"))
v = run(ba(), [(MT, MP, [[2, 0, 1]])])
A_(case("binary_accuracy.derived.multilabel_column_weights", "BinaryAccuracy",
        [upd(MT, MP, [[2, 0, 1]]), res(v)], D, dsrc("reduction_metrics.py:34-39"),
        note="(1,T) weights broadcast to every row; count = N * mean(w)"))
v = run(ba(), [(MT, MP, 3), (MT, MP, None)])
A_(case("binary_accuracy.derived.multilabel_scalar_weight", "BinaryAccuracy",
        [upd(MT, MP, 3), upd(MT, MP), res(v)], D, dsrc("reduction_metrics.py:26-31"),
        note="scalar weight 3: the (2,3) batch is one sample of mean 5/6 and weight 3; then 2 unweighted samples: "
             "(2.5 + 5/3)/5"))
A_(case("binary_accuracy.derived.negative_weights", "BinaryAccuracy",
        [upd(BT, BP, [-1, -1, 0, 0]), res(1.0), upd(BT, BP, [1, 1, 1, 1]), res(1.0 / 2)], D,
        dsrc("reduction_metrics_test.py MeanTest.test_weighted_negative_weights"),
        note="negative weights are not validated: -2/-2 = 1, then (-2+3)/(-2+4) = 0.5"))
A_(case("binary_accuracy.derived.logits_threshold_0", "BinaryAccuracy",
        [upd([[1], [0], [1]], [[2.5], [-1.0], [-0.3]]), res(2.0 / 3)], D, dsrc(AM + ":63-69"),
        config={"threshold": 0.0}, note="logits thresholded at 0"))
v = run(ba(), [(BT, BP, None), ([[1], [0]], [[0.2], [0.1]], [3, 1])])
A_(case("binary_accuracy.derived.accumulates_samples", "BinaryAccuracy",
        [upd(BT, BP), upd([[1], [0]], [[0.2], [0.1]], [3, 1]), res(v)], D, dsrc("reduction_metrics.py:138-158"),
        note="the result is the weighted mean over all samples seen, (3 + 1)/(4 + 4), not the mean of batch means"))

ca = lambda y, p: categorical_accuracy(y, p)
A_(case("categorical_accuracy.derived.argmax_ties_first_index", "CategoricalAccuracy",
        [upd([[1, 0, 0], [0, 1, 0], [0, 1, 1]], [[0.4, 0.4, 0.2], [0.4, 0.4, 0.2], [0.1, 0.3, 0.6]]),
         res(1.0 / 3)], D, dsrc(AM + ":129-157; ops.argmax returns the first maximal index"),
        note="ties in y_pred and in y_true resolve to the first index: argmax [0,0,2] vs y_true argmax [0,1,1]"))
A_(case("categorical_accuracy.derived.rank1_is_one_sample", "CategoricalAccuracy",
        [upd([0, 1, 0, 0], [0.1, 0.6, 0.2, 0.1]), res(1.0), upd([[1, 0], [0, 1]], [[0.9, 0.1], [0.9, 0.1]]),
         res(2.0 / 3)], D, dsrc(AM + ":129-157 and reduction_metrics.py:145-148"),
        note="rank-1 inputs are ONE sample (argmax over the only axis gives a scalar, count += 1); then 2 samples"))
C3T = [[[0, 1, 0], [1, 0, 0]], [[0, 0, 1], [0, 0, 1]]]
C3P = [[[0.2, 0.7, 0.1], [0.3, 0.6, 0.1]], [[0.1, 0.1, 0.8], [0.5, 0.3, 0.2]]]
A_(case("categorical_accuracy.derived.rank3", "CategoricalAccuracy",
        [upd(C3T, C3P), res(0.5), RESET, upd(C3T, C3P, [1, 3]), res(run(ca, [(C3T, C3P, [1, 3])])), RESET,
         upd(C3T, C3P, [[1, 0], [2, 2]]), res(run(ca, [(C3T, C3P, [[1, 0], [2, 2]])]))], D,
        dsrc("reduction_metrics.py:22-44"),
        note="(N,T,C) inputs give (N,T) matches [[1,0],[1,0]]; (N,) weights weight rows; (N,T) weights: "
             "total = 1/2 + 1, count = 1/2 + 2"))
A_(case("categorical_accuracy.derived.logits", "CategoricalAccuracy",
        [upd([[0, 0, 1], [0, 1, 0]], [[-2.0, 3.5, 1.0], [-0.5, 4.0, -9.0]]), res(0.5)], D, dsrc(AM + ":162-165"),
        note="argmax of logits equals argmax of probabilities"))
A_(case("categorical_accuracy.derived.scalar_weight", "CategoricalAccuracy",
        [upd(CT, CP, 0.5), upd([[1, 0, 0]], [[0.6, 0.3, 0.1]]), res(run(ca, [(CT, CP, 0.5), ([[1, 0, 0]], [[0.6, 0.3, 0.1]], None)]))],
        D, dsrc("reduction_metrics.py:26-31"), note="(0.5*0.5 + 1)/(0.5 + 1)"))

sca = lambda y, p: sparse_categorical_accuracy(y, p)
A_(case("sparse_categorical_accuracy.derived.label_ranks", "SparseCategoricalAccuracy",
        [upd([2, 1], SP, [0.7, 0.3]), res(0.3), upd([[0], [2]], [[0.5, 0.3, 0.2], [0.2, 0.2, 0.6]], [[1], [1]]),
         res(run(sca, [([2, 1], SP, [0.7, 0.3]), ([[0], [2]], [[0.5, 0.3, 0.2], [0.2, 0.2, 0.6]], [[1], [1]])]))],
        D, dsrc(AM + ":217-246"), note="(N,) and (N,1) labels and weights give the same per-sample values: "
                                       "(0.3 + 2)/(1 + 2)"))
S3T = [[0, 2], [1, 1]]
S3P = [[[0.8, 0.1, 0.1], [0.3, 0.3, 0.4]], [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]]
A_(case("sparse_categorical_accuracy.derived.rank3", "SparseCategoricalAccuracy",
        [upd(S3T, S3P), res(0.75), RESET, upd([[[0], [2]], [[1], [1]]], S3P), res(0.75), RESET,
         upd(S3T, S3P, [[1, 1], [3, 1]]), res(run(sca, [(S3T, S3P, [[1, 1], [3, 1]])])), RESET,
         upd(S3T, S3P, [2, 1]), res(run(sca, [(S3T, S3P, [2, 1])]))], D, dsrc(AM + ":217-246"),
        note="(N,T) labels or (N,T,1) labels (squeezed) against (N,T,C): matches [[1,1],[1,0]]; then (N,T) and (N,) "
             "weights"))
A_(case("sparse_categorical_accuracy.derived.argmax_tie", "SparseCategoricalAccuracy",
        [upd([1, 0], [[0.5, 0.5], [0.5, 0.5]]), res(0.5)], D, dsrc(AM + ":234"),
        note="argmax of a tie is the first index, 0"))
A_(case("sparse_categorical_accuracy.derived.scalar_weight", "SparseCategoricalAccuracy",
        [upd([2, 1], SP, 4), upd([1], [[0.2, 0.7, 0.1]]), res(run(sca, [([2, 1], SP, 4), ([1], [[0.2, 0.7, 0.1]], None)]))],
        D, dsrc("reduction_metrics.py:26-31"), note="(0.5*4 + 1)/(4 + 1)"))
A_(case("sparse_categorical_accuracy.derived.logits", "SparseCategoricalAccuracy",
        [upd([2, 1, 0], [[-1.0, 0.5, 2.0], [3.0, 1.0, -2.0], [0.0, -1.0, -3.0]]), res(2.0 / 3)], D,
        dsrc(AM + ":257-258"), note="logits are accepted: only the argmax matters"))

tk = lambda k=5: (lambda y, p: top_k_categorical_accuracy(y, p, k))
A_(case("top_k_categorical_accuracy.derived.ties_count_in", "TopKCategoricalAccuracy",
        [upd([[0, 1, 0], [1, 0, 0], [0, 0, 1]], [[0.5, 0.5, 0.0], [0.2, 0.4, 0.4], [0.4, 0.3, 0.3]]),
         res(run(tk(1), [([[0, 1, 0], [1, 0, 0], [0, 0, 1]], [[0.5, 0.5, 0.0], [0.2, 0.4, 0.4], [0.4, 0.3, 0.3]], None)]))],
        D, dsrc(AM + ":304-330; backend in_top_k: rank = 1 + #(scores strictly greater)"), config={"k": 1},
        note="row 0: the target ties for first place and counts as in the top 1; row 1: two scores are greater; "
             "row 2: one is greater -> [1, 0, 0]"))
A_(case("top_k_categorical_accuracy.derived.k2_ties", "TopKCategoricalAccuracy",
        [upd([[0, 0, 1, 0], [1, 0, 0, 0]], [[0.4, 0.2, 0.2, 0.2], [0.1, 0.3, 0.3, 0.3]]), res(0.5)], D,
        dsrc(AM + ":304-330"), config={"k": 2},
        note="row 0: one score is greater than the target's 0.2 -> rank 2, in, although three classes tie; row 1: "
             "three are greater -> out"))
A_(case("top_k_categorical_accuracy.derived.float32_tie", "TopKCategoricalAccuracy",
        [upd([[1, 0, 0]], [[0.3, 0.30000001, 0.2]]), res(1.0)], D, dsrc(AM + ":304-330"), config={"k": 1},
        note="0.3 and 0.30000001 are the same float32, so the target ties for first place"))
A_(case("top_k_categorical_accuracy.derived.default_k5", "TopKCategoricalAccuracy",
        [upd([[0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0]],
             [[0.3, 0.2, 0.15, 0.15, 0.1, 0.1], [0.05, 0.3, 0.2, 0.2, 0.15, 0.1]]), res(0.5)], D,
        dsrc(AM + ":367"), note="k defaults to 5: row 0's target (0.1) ties for 5th place (in); row 1's (0.05) is "
                                "6th (out)"))
A_(case("top_k_categorical_accuracy.derived.k_at_least_classes", "TopKCategoricalAccuracy",
        [upd(CT, CP), res(1.0)], D, dsrc(AM + ":304-330"), note="k=5 >= 3 classes: every target is in the top k"))
A_(case("top_k_categorical_accuracy.derived.k0", "TopKCategoricalAccuracy", [upd(CT, CP), res(0.0)], D,
        dsrc(AM + ":304-330"), config={"k": 0}, note="in_top_k with k=0 is never true (rank >= 1 > 0)"))
TK3T = [[[0, 1, 0], [1, 0, 0]], [[0, 0, 1], [0, 1, 0]]]
TK3P = [[[0.5, 0.3, 0.2], [0.3, 0.6, 0.1]], [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]]
A_(case("top_k_categorical_accuracy.derived.rank3", "TopKCategoricalAccuracy",
        [upd(TK3T, TK3P), res(run(tk(2), [(TK3T, TK3P, None)])), RESET, upd(TK3T, TK3P, [1, 3]),
         res(run(tk(2), [(TK3T, TK3P, [1, 3])]))], D, dsrc(AM + ":313-329"), config={"k": 2},
        note="y_pred (2,2,3) is flattened to (4,3) and the matches reshaped to (2,2): [[1,1],[1,0]]"))

stk = lambda k=5, s=False: (lambda y, p: sparse_top_k_categorical_accuracy(y, p, k, s))
A_(case("sparse_top_k_categorical_accuracy.derived.label_column", "SparseTopKCategoricalAccuracy",
        [upd([[2], [1]], CP, [[0.7], [0.3]]), res(0.3)], D, dsrc(AM + ":413-434"), config={"k": 1},
        note="(N,1) labels are flattened and the matches reshaped back to (N,1): same as the docstring"))
A_(case("sparse_top_k_categorical_accuracy.derived.ties_count_in", "SparseTopKCategoricalAccuracy",
        [upd([1, 0, 2], [[0.5, 0.5, 0.0], [0.2, 0.4, 0.4], [0.4, 0.3, 0.3]]), res(1.0 / 3)], D,
        dsrc(AM + ":428"), config={"k": 1}, note="ties at the boundary count as in the top k"))
A_(case("sparse_top_k_categorical_accuracy.derived.rank3", "SparseTopKCategoricalAccuracy",
        [upd([[1, 0], [2, 0]], TK3P), res(run(stk(2), [([[1, 0], [2, 0]], TK3P, None)]))], D,
        dsrc(AM + ":413-434"), config={"k": 2}, note="(N,T) labels against (N,T,C) scores"))
A_(case("sparse_top_k_categorical_accuracy.derived.from_sorted_ids_k2", "SparseTopKCategoricalAccuracy",
        [upd([2, 1], [[1, 0, 3], [1, 2, 3]]), res(0.5), upd([0, 3], [[1, 0, 3], [3, 3, 1]], [1, 2]), res(0.8)], D,
        dsrc(AM + ":421-426"), config={"k": 2, "from_sorted_ids": True},
        note="the first k ids of each row are searched; a repeated id counts once (any): (1 + 1*1 + 2*1)/(2 + 3)"))
A_(case("sparse_top_k_categorical_accuracy.derived.from_sorted_ids_k_beyond_columns", "SparseTopKCategoricalAccuracy",
        [upd([3, 7], [[1, 0, 3], [1, 2, 3]]), res(0.5)], D, dsrc(AM + ":421-426"),
        config={"from_sorted_ids": True}, note="k=5 > 3 columns: all columns are searched; ids need not be class "
                                               "indices"))

# ---- compile() strings and metrics.get identifiers as `metric`
C3 = "keras/src/trainers/compile_utils.py:40-85 get_metric"
A_(case("compile.acc.binary", "acc", [upd(BT, BP), res(0.75)], D, dsrc(C3), resolves_to="BinaryAccuracy",
        note="y_pred.shape[-1] == 1 -> BinaryAccuracy named 'acc'"))
A_(case("compile.ACC.binary", "ACC", [upd(BT, BP, [1, 0, 0, 1]), res(0.5)], D, dsrc(C3),
        resolves_to="BinaryAccuracy", note="Keras 3 compares str(identifier).lower()"))
A_(case("compile.accuracy.sparse_rank1_labels", "accuracy", [upd([2, 1], SP), res(0.5)], D, dsrc(C3),
        resolves_to="SparseCategoricalAccuracy", note="rank(y_true) < rank(y_pred)"))
A_(case("compile.accuracy.sparse_column_labels", "accuracy", [upd(ST, SP, [0.7, 0.3]), res(0.3)], D, dsrc(C3),
        resolves_to="SparseCategoricalAccuracy", note="y_true.shape[-1] == 1 and y_pred.shape[-1] > 1"))
A_(case("compile.accuracy.categorical", "accuracy", [upd(CT, CP), res(0.5)], D, dsrc(C3),
        resolves_to="CategoricalAccuracy", note="same ranks, y_pred.shape[-1] > 1, y_true.shape[-1] > 1"))
A_(case("compile.accuracy.multilabel_is_categorical", "accuracy", [upd(MT, MP), res(1.0)], D, dsrc(C3),
        resolves_to="CategoricalAccuracy",
        note="multi-hot targets with sigmoid outputs resolve to CategoricalAccuracy (argmax [0,1] vs [0,1]), not the "
             "element-wise BinaryAccuracy (5/6): the loss is never consulted"))
A_(case("compile.accuracy.rank1_trap", "accuracy",
        [upd([1, 1, 1, 1], [0.9, 0.6, 0.8, 0.7]), res(1.0), upd([0, 1, 1, 0], [0.9, 0.1, 0.8, 0.3]), res(0.5)], D,
        dsrc(C3), resolves_to="CategoricalAccuracy",
        note="rank-1 y_true (4,) and y_pred (4,): y_pred.shape[-1] = 4 is not 1 and the ranks are equal, so "
             "CategoricalAccuracy: argmax over the batch axis, one sample per batch (argmax 0 vs 0, then 1 vs 0)"))
A_(case("compile.binary_accuracy", "binary_accuracy", [upd(BT, BP), res(0.75)], D,
        dsrc("keras/src/metrics/__init__.py:108-110 ALL_OBJECTS_DICT (snake_case names)")))
A_(case("compile.categorical_accuracy", "categorical_accuracy", [upd(CT, CP, [0.7, 0.3]), res(0.3)], D,
        dsrc("keras/src/metrics/__init__.py:108-110")))
A_(case("compile.sparse_categorical_accuracy", "sparse_categorical_accuracy", [upd(ST, SP, [0.7, 0.3]), res(0.3)],
        D, dsrc("keras/src/metrics/__init__.py:108-110")))
A_(case("compile.top_k_categorical_accuracy", "top_k_categorical_accuracy", [upd(CT, CP), res(1.0)], D,
        dsrc("keras/src/metrics/__init__.py:108-110"), note="created with no arguments: k=5"))
A_(case("compile.sparse_top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
        [upd([2, 1], CP), res(1.0)], D, dsrc("keras/src/metrics/__init__.py:108-110"), note="k=5"))
A_(case("compile.accuracy_class_exact_match", "Accuracy", [upd([[1], [0], [1]], [[1], [1], [0.9]]), res(1.0 / 3)], D,
        dsrc(AM + ":8-12"), note="the class name Accuracy is exact equality, never thresholded"))
A_(case("accuracy.derived.float_equality", "Accuracy",
        [upd([0.1, 0.5, 2.0, 3.0], [[0.1], [0.50000001], [2.0000003], [3.0]]),
         res(run(accuracy, [([0.1, 0.5, 2.0, 3.0], [[0.1], [0.50000001], [2.0000003], [3.0]], None)]))], D,
        dsrc(AM + ":8-12"), note="y_true (4,) is expanded to (4,1); values are compared as float32: 0.50000001 is "
                                 "the float32 0.5 (equal), 2.0000003 is not 2.0 -> 3/4"))
A_(case("accuracy.derived.scalar_weight", "Accuracy",
        [upd(YT4, YP4, 0.5), upd([[5]], [[5]]), res(run(accuracy, [(YT4, YP4, 0.5), ([[5]], [[5]], None)]))], D,
        dsrc("reduction_metrics.py:26-31"), note="(0.75*0.5 + 1)/(0.5 + 1)"))

A_(case("binary_accuracy.derived.dtype_int32_truncates_weights", "BinaryAccuracy",
        [upd([1, 1, 0, 0], [0.98, 1, 0, 0.6], [0.9, 1.9, 0.5, 2.2]), res(1.0 / 3)], D,
        dsrc("reduction_metrics.py:13-15 (values and weights cast to the metric dtype)"), config={"dtype": "int32"},
        note="int32 casts the weights toward zero, [0, 1, 0, 2]: matches [1, 1, 1, 0] give 1/3 (0.6 in float32)"))

# ---- refused configs and updates
A_(config_error("binary_accuracy.error.threshold_string", "BinaryAccuracy", {"threshold": "high"}, D,
                dsrc(AM + ":66"), "a string threshold: Keras fails at the first update (ops.greater with a string)"))
A_(config_error("binary_accuracy.error.unknown_key", "BinaryAccuracy", {"thresholds": 0.5}, D,
                dsrc(AM + ":112"), "BinaryAccuracy(thresholds=...) raises TypeError (unexpected keyword)"))
A_(config_error("accuracy.error.unknown_key", "Accuracy", {"threshold": 0.5}, D, dsrc(AM + ":53"),
                "Accuracy takes only name and dtype: TypeError"))
A_(config_error("categorical_accuracy.error.unknown_dtype", "CategoricalAccuracy", {"dtype": "float8"}, D,
                dsrc("keras/src/metrics/metric.py:94"), "dtype_policies.get('float8') raises ValueError"))
A_(config_error("top_k_categorical_accuracy.error.k_string", "TopKCategoricalAccuracy", {"k": "five"}, D,
                dsrc(AM + ":322"), "a string k fails in in_top_k at the first update"))
A_(config_error("sparse_top_k_categorical_accuracy.error.unknown_key", "SparseTopKCategoricalAccuracy",
                {"sorted": True}, D, dsrc(AM + ":499-505"), "unexpected keyword: TypeError"))
A_(case("binary_accuracy.error.shape_mismatch", "BinaryAccuracy",
        [upd(BT, BP), err(upd([1, 0], [0.2, 0.3, 0.9])), res(0.75)], D, dsrc(AM + ":67-69"),
        note="(2,) and (3,) do not broadcast in ops.equal: refused, state unchanged"))
A_(case("categorical_accuracy.error.batch_mismatch", "CategoricalAccuracy",
        [upd(CT, CP), err(upd([[0, 1], [1, 0]], [[0.2, 0.8], [0.6, 0.4], [0.1, 0.9]])), res(0.5)], D,
        dsrc(AM + ":154"), note="argmax shapes (2,) and (3,) do not broadcast"))
A_(case("sparse_categorical_accuracy.error.unreshapable", "SparseCategoricalAccuracy",
        [upd(ST, SP), err(upd([[1]], [[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])), res(0.5)], D, dsrc(AM + ":240-242"),
        note="y_true (1,1) is squeezed to (1,), broadcast against 3 predictions, and the (3,) matches cannot be "
             "reshaped to (1,1)"))
A_(case("top_k_categorical_accuracy.error.rank1_predictions", "TopKCategoricalAccuracy",
        [upd(CT, CP), err(upd([0, 1, 0], [0.1, 0.8, 0.1])), res(1.0)], D, dsrc(AM + ":322"),
        note="in_top_k needs rank-2 predictions"))
A_(case("sparse_top_k_categorical_accuracy.error.batch_mismatch", "SparseTopKCategoricalAccuracy",
        [upd([2, 1], CP), err(upd([0, 1, 2], CP)), res(1.0)], D, dsrc(AM + ":428"),
        note="3 labels for 2 rows of scores"))

# ==================================================================================================================
# probabilistic_metrics
# ==================================================================================================================
PM = "keras/src/metrics/probabilistic_metrics.py"
PT = "keras/src/metrics/probabilistic_metrics_test.py"
LS = "keras/src/losses/losses.py"
NN = "keras/src/backend/tensorflow/nn.py"
prob_cases = []
P = prob_cases.append
pt = lambda cls, m: "%s %s.%s" % (PT, cls, m)

# ---- docstrings
P(case("kl_divergence.doc", "KLDivergence", [
    upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]), res(0.45814306), RESET,
    upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], [1, 0]), res(0.9162892)],
    "docstring", PM + " KLDivergence docstring", printed=[0.45814306, 0.9162892]))
P(case("poisson.doc", "Poisson", [
    upd([[0, 1], [0, 0]], [[1, 1], [0, 0]]), res(0.49999997), RESET,
    upd([[0, 1], [0, 0]], [[1, 1], [0, 0]], [1, 0]), res(0.99999994)],
    "docstring", PM + " Poisson docstring", printed=[0.49999997, 0.99999994]))
P(case("binary_crossentropy.doc", "BinaryCrossentropy", [
    upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]), res(0.81492424), RESET,
    upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], [1, 0]), res(0.9162905)],
    "docstring", PM + " BinaryCrossentropy docstring", printed=[0.81492424, 0.9162905]))
P(case("categorical_crossentropy.doc", "CategoricalCrossentropy", [
    upd([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]), res(1.1769392), RESET,
    upd([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], [0.3, 0.7]), res(1.6271976)],
    "docstring", PM + " CategoricalCrossentropy docstring", printed=[1.1769392, 1.6271976]))
P(case("sparse_categorical_crossentropy.doc", "SparseCategoricalCrossentropy", [
    upd([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]), res(1.1769392), RESET,
    upd([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], [0.3, 0.7]), res(1.6271976)],
    "docstring", PM + " SparseCategoricalCrossentropy docstring", printed=[1.1769392, 1.6271976]))

# ---- probabilistic_metrics_test.py
def tested(fn, steps, asserted, atol):
    v = run(fn, steps)
    close(v, asserted, atol)
    return v

KT = [[0.5, 0.8, 0.12], [0.7, 0.43, 0.8]]
KP = [[0.4, 0.9, 0.12], [0.36, 0.3, 0.4]]
def np_kld():
    tot = 0.0
    for yr, pr in zip(KT, KP):
        for y, p in zip(yr, pr):
            tot += y * math.log(y / p)
    return tot
P(case("kl_divergence.test.config", "KLDivergence", [res(0.0)], "unit_test", pt("KLDivergenceTest", "test_config"),
       config={"name": "kld", "dtype": "int32"}, note="the config {name: kld, dtype: int32} is accepted; a fresh "
                                                      "metric reads 0"))
v = tested(kl_divergence, [(KT, KP, None)], np_kld() / 2, 1e-3)
P(case("kl_divergence.test.unweighted", "KLDivergence", [upd(KT, KP), res(v)], "unit_test",
       pt("KLDivergenceTest", "test_unweighted"), source_expected=np_kld() / 2, source_tolerance=1e-3,
       note="the test asserts sum(y*log(y/p))/2 with atol 1e-3; the expected value is that formula in float32"))
def np_kld_w():
    tot = 0.0
    for yr, pr, w in zip(KT, KP, [1.2, 3.4]):
        for y, p in zip(yr, pr):
            tot += y * math.log(y / p) * w
    return tot / 4.6
v = tested(kl_divergence, [(KT, KP, [[1.2], [3.4]])], np_kld_w(), 1e-3)
P(case("kl_divergence.test.weighted", "KLDivergence", [upd(KT, KP, [[1.2], [3.4]]), res(v)], "unit_test",
       pt("KLDivergenceTest", "test_weighted"), source_expected=np_kld_w(), source_tolerance=1e-3,
       note="(N,1) weights [[1.2],[3.4]]"))

POT = [[4, 8, 12], [8, 1, 3]]
POP = [[1, 9, 2], [5, 2, 6]]
def np_poisson(ws=None):
    tot = 0.0
    den = 0.0
    for i, (yr, pr) in enumerate(zip(POT, POP)):
        w = 1.0 if ws is None else ws[i]
        for y, p in zip(yr, pr):
            tot += (p - y * math.log(p)) * w
            den += w
    return tot / den
P(case("poisson.test.config", "Poisson", [res(0.0), upd([[0, 1], [0, 0]], [[1, 1], [0, 0]]), res(0.49999997)],
       "unit_test", pt("PoissonTest", "test_config"), config={"name": "poisson"},
       note="run_class_serialization_test(Poisson(name='poisson')); then the docstring data"))
v = tested(poisson, [(POT, POP, None)], np_poisson(), 1e-3)
P(case("poisson.test.unweighted", "Poisson", [upd(POT, POP), res(v)], "unit_test",
       pt("PoissonTest", "test_unweighted"), source_expected=np_poisson(), source_tolerance=1e-3))
v = tested(poisson, [(POT, POP, [[1.2], [3.4]])], np_poisson([1.2, 3.4]), 1e-3)
P(case("poisson.test.weighted", "Poisson", [upd(POT, POP, [[1.2], [3.4]]), res(v)], "unit_test",
       pt("PoissonTest", "test_weighted"), source_expected=np_poisson([1.2, 3.4]), source_tolerance=1e-3))

bce = lambda fl=False, ls=0.0: (lambda y, p: binary_crossentropy(y, p, fl, ls))
P(case("binary_crossentropy.test.config", "BinaryCrossentropy", [res(0.0)], "unit_test",
       pt("BinaryCrossentropyTest", "test_config"), config={"name": "bce", "dtype": "int32", "label_smoothing": 0.2},
       note="the config is accepted; a fresh metric reads 0"))
BT2 = [[1, 0], [1, 0]]
BP2 = [[1, 1], [1, 0]]
v = tested(bce(), [(BT2, BP2, None)], 3.9855, 1e-3)
P(case("binary_crossentropy.test.unweighted", "BinaryCrossentropy", [upd(BT2, BP2), res(v)], "unit_test",
       pt("BinaryCrossentropyTest", "test_unweighted"), source_expected=3.9855, source_tolerance=1e-3,
       note="the float32 15.942 case: y_pred 1 is clipped to 1 - 1e-7 = 0.99999988 in float32, so the wrong hard "
            "prediction costs -log(1.1920929e-7) = 15.942385, and row 0 averages it with ~0: 7.971"))
BLT = [[1, 0, 1], [0, 1, 1]]
BLP = [[10.0, -10.0, 10.0], [10.0, 10.0, -10.0]]
v = tested(bce(True), [(BLT, BLP, None)], 3.333, 1e-3)
P(case("binary_crossentropy.test.unweighted_with_logits", "BinaryCrossentropy", [upd(BLT, BLP), res(v)],
       "unit_test", pt("BinaryCrossentropyTest", "test_unweighted_with_logits"), config={"from_logits": True},
       source_expected=3.333, source_tolerance=1e-3))
v = tested(bce(), [(BT2, BP2, [1.5, 2.0])], 3.4162, 1e-3)
P(case("binary_crossentropy.test.weighted", "BinaryCrossentropy", [upd(BT2, BP2, [1.5, 2.0]), res(v)], "unit_test",
       pt("BinaryCrossentropyTest", "test_weighted"), source_expected=3.4162, source_tolerance=1e-3))
v = tested(bce(True), [(BLT, BLP, [2.0, 2.5])], 3.7037, 1e-3)
P(case("binary_crossentropy.test.weighted_from_logits", "BinaryCrossentropy", [upd(BLT, BLP, [2.0, 2.5]), res(v)],
       "unit_test", pt("BinaryCrossentropyTest", "test_weighted_from_logits"), config={"from_logits": True},
       source_expected=3.7037, source_tolerance=1e-3))
v = tested(bce(True, 0.1), [([1, 0, 1], [10.0, -10.0, -10.0], None)], (10.0 + 5.0 * 0.1) / 3.0, 1e-3)
P(case("binary_crossentropy.test.label_smoothing", "BinaryCrossentropy",
       [upd([1, 0, 1], [10.0, -10.0, -10.0]), res(v)], "unit_test",
       pt("BinaryCrossentropyTest", "test_label_smoothing"), config={"from_logits": True, "label_smoothing": 0.1},
       source_expected=(10.0 + 5.0 * 0.1) / 3.0, source_tolerance=1e-3,
       note="rank-1 inputs: the mean over the last axis makes the batch one sample; smoothed labels [0.95, 0.05, "
            "0.95]"))

cce = lambda fl=False, ls=0.0, ax=-1: (lambda y, p: categorical_crossentropy(y, p, fl, ls, ax))
CET = [[0, 1, 0], [0, 0, 1]]
CEP = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
CEL = [[1, 9, 0], [1, 8, 1]]
P(case("categorical_crossentropy.test.config", "CategoricalCrossentropy", [res(0.0)], "unit_test",
       pt("CategoricalCrossentropyTest", "test_config"),
       config={"name": "cce", "dtype": "int32", "label_smoothing": 0.2}, note="accepted; a fresh metric reads 0"))
v = tested(cce(), [(CET, CEP, None)], 1.176, 1e-3)
P(case("categorical_crossentropy.test.unweighted", "CategoricalCrossentropy", [upd(CET, CEP), res(v)], "unit_test",
       pt("CategoricalCrossentropyTest", "test_unweighted"), source_expected=1.176, source_tolerance=1e-3))
v = tested(cce(True), [(CET, CEL, None)], 3.5011, 1e-3)
P(case("categorical_crossentropy.test.unweighted_from_logits", "CategoricalCrossentropy", [upd(CET, CEL), res(v)],
       "unit_test", pt("CategoricalCrossentropyTest", "test_unweighted_from_logits"), config={"from_logits": True},
       source_expected=3.5011, source_tolerance=1e-3))
v = tested(cce(), [(CET, CEP, [1.5, 2.0])], 1.338, 1e-3)
P(case("categorical_crossentropy.test.weighted", "CategoricalCrossentropy", [upd(CET, CEP, [1.5, 2.0]), res(v)],
       "unit_test", pt("CategoricalCrossentropyTest", "test_weighted"), source_expected=1.338,
       source_tolerance=1e-3))
v = tested(cce(True), [(CET, CEL, [1.5, 2.0])], 4.0012, 1e-3)
P(case("categorical_crossentropy.test.weighted_from_logits", "CategoricalCrossentropy",
       [upd(CET, CEL, [1.5, 2.0]), res(v)], "unit_test",
       pt("CategoricalCrossentropyTest", "test_weighted_from_logits"), config={"from_logits": True},
       source_expected=4.0012, source_tolerance=1e-3))
v = tested(cce(True, 0.1), [(CET, CEL, None)], 3.667, 1e-3)
P(case("categorical_crossentropy.test.label_smoothing", "CategoricalCrossentropy", [upd(CET, CEL), res(v)],
       "unit_test", pt("CategoricalCrossentropyTest", "test_label_smoothing"),
       config={"from_logits": True, "label_smoothing": 0.1}, source_expected=3.667, source_tolerance=1e-3,
       note="labels smoothed to y*(1-0.1) + 0.1/3"))

scce = lambda fl=False, ic=None: (lambda y, p: sparse_categorical_crossentropy(y, p, fl, ic))
P(case("sparse_categorical_crossentropy.test.config", "SparseCategoricalCrossentropy", [res(0.0)], "unit_test",
       pt("SparseCategoricalCrossentropyTest", "test_config"), config={"name": "scce", "dtype": "int32"},
       note="accepted; a fresh metric reads 0"))
v = tested(scce(), [([1, 2], CEP, None)], 1.176, 1e-3)
P(case("sparse_categorical_crossentropy.test.unweighted", "SparseCategoricalCrossentropy", [upd([1, 2], CEP), res(v)],
       "unit_test", pt("SparseCategoricalCrossentropyTest", "test_unweighted"), source_expected=1.176,
       source_tolerance=1e-3))
v = tested(scce(True), [([1, 2], CEL, None)], 3.5011, 1e-3)
P(case("sparse_categorical_crossentropy.test.unweighted_from_logits", "SparseCategoricalCrossentropy",
       [upd([1, 2], CEL), res(v)], "unit_test", pt("SparseCategoricalCrossentropyTest", "test_unweighted_from_logits"),
       config={"from_logits": True}, source_expected=3.5011, source_tolerance=1e-3))
v = tested(scce(), [([1, 2], CEP, [1.5, 2.0])], 1.338, 1e-3)
P(case("sparse_categorical_crossentropy.test.weighted", "SparseCategoricalCrossentropy",
       [upd([1, 2], CEP, [1.5, 2.0]), res(v)], "unit_test", pt("SparseCategoricalCrossentropyTest", "test_weighted"),
       source_expected=1.338, source_tolerance=1e-3))
v = tested(scce(True), [([1, 2], CEL, [1.5, 2.0])], 4.0012, 1e-3)
P(case("sparse_categorical_crossentropy.test.weighted_from_logits", "SparseCategoricalCrossentropy",
       [upd([1, 2], CEL, [1.5, 2.0]), res(v)], "unit_test",
       pt("SparseCategoricalCrossentropyTest", "test_weighted_from_logits"), config={"from_logits": True},
       source_expected=4.0012, source_tolerance=1e-3))
ICP = [[0.8, 0.1, 0.1], [0.05, 0.95, 0], [0.1, 0.8, 0.1]]
v = tested(scce(False, 0), [([0, 1, 2], ICP, None)], 0.78462, 1e-3)
P(case("sparse_categorical_crossentropy.test.ignore_class", "SparseCategoricalCrossentropy",
       [upd([0, 1, 2], ICP), res(v)], "unit_test", pt("SparseCategoricalCrossentropyTest", "test_ignore_class"),
       config={"ignore_class": 0}, source_expected=0.78462, source_tolerance=1e-3,
       note="without a sample_weight the keras mask is not applied: the ignored sample contributes 0 but still "
            "counts, (0 + 0.0513 + 2.3026)/3"))
v = tested(scce(False, 0), [([0, 1, 2], ICP, [0.5, 1.5, 2.0])], 1.33774646, 1e-3)
P(case("sparse_categorical_crossentropy.test.ignore_class_weighted", "SparseCategoricalCrossentropy",
       [upd([0, 1, 2], ICP, [0.5, 1.5, 2.0]), res(v)], "unit_test",
       pt("SparseCategoricalCrossentropyTest", "test_ignore_class_weighted"), config={"ignore_class": 0},
       source_expected=1.33774646, source_tolerance=1e-3,
       note="with a sample_weight the mask zeroes the ignored sample's weight: (1.5*0.0513 + 2*2.3026)/3.5"))
v = tested(scce(True, 0), [([0, 1, 2], [[10, 1, 1], [1, 9, 0], [1, 8, 1]], None)], 2.33409, 1e-3)
P(case("sparse_categorical_crossentropy.test.ignore_class_from_logits", "SparseCategoricalCrossentropy",
       [upd([0, 1, 2], [[10, 1, 1], [1, 9, 0], [1, 8, 1]]), res(v)], "unit_test",
       pt("SparseCategoricalCrossentropyTest", "test_ignore_class_from_logits"),
       config={"from_logits": True, "ignore_class": 0}, source_expected=2.33409, source_tolerance=1e-3))

# ---- derived probabilistic cases
v1 = run(bce(), [([[0]], [[1]], None)])
v2 = run(bce(), [([[1]], [[0]], None)])
P(case("binary_crossentropy.derived.hard_wrong_float32_clip", "BinaryCrossentropy",
       [upd([[0]], [[1]]), res(v1), RESET, upd([[1]], [[0]]), res(v2)], D,
       dsrc(NN + " binary_crossentropy: clip_by_value(output, epsilon, 1 - epsilon) in float32"),
       note="1 - 1e-7 is 0.99999988 in float32, so a wrong hard 1 costs -log(1.1920929e-7) = 15.942385; a wrong "
            "hard 0 is clipped to float32(1e-7) and costs 16.118095"))
v = run(bce(False, 0.2), [(BT2, [[0.9, 0.2], [0.7, 0.4]], None)])
P(case("binary_crossentropy.derived.label_smoothing_probabilities", "BinaryCrossentropy",
       [upd(BT2, [[0.9, 0.2], [0.7, 0.4]]), res(v)], D, dsrc(LS + ":2415-2416"), config={"label_smoothing": 0.2},
       note="labels become y*0.8 + 0.1"))
v = run(bce(False, 1.5), [(BT2, [[0.9, 0.2], [0.7, 0.4]], None)])
P(case("binary_crossentropy.derived.label_smoothing_unchecked", "BinaryCrossentropy",
       [upd(BT2, [[0.9, 0.2], [0.7, 0.4]]), res(v)], D, dsrc(LS + ":2415-2416"), config={"label_smoothing": 1.5},
       note="label_smoothing is documented as [0, 1] but never checked: labels become y*(-0.5) + 0.75"))
v = run(bce(True), [([[1, 0], [0, 1]], [[-100.0, 100.0], [50.0, 0.0]], None)])
P(case("binary_crossentropy.derived.logits_large", "BinaryCrossentropy",
       [upd([[1, 0], [0, 1]], [[-100.0, 100.0], [50.0, 0.0]]), res(v)], D,
       dsrc(NN + " binary_crossentropy: sigmoid_cross_entropy_with_logits"), config={"from_logits": True},
       note="the logits path is not clipped: max(x,0) - x*z + log1p(exp(-|x|)) = 100, 100, 50, log 2"))
v = run(bce(), [([0, 1, 0, 0], [0.6, 0.4, 0.4, 0.6], None), ([[1, 1]], [[0.9, 0.8]], None)])
P(case("binary_crossentropy.derived.rank1_is_one_sample", "BinaryCrossentropy",
       [upd([0, 1, 0, 0], [0.6, 0.4, 0.4, 0.6]), res(0.81492424), upd([[1, 1]], [[0.9, 0.8]]), res(v)], D,
       dsrc(LS + ":2418-2421"), note="the mean over the last axis of rank-1 inputs is a scalar: the batch counts "
                                     "as one sample (count 1), then one more sample"))
v = run(bce(), [([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], 3), ([[1, 1]], [[0.9, 0.8]], None)])
P(case("binary_crossentropy.derived.scalar_weight", "BinaryCrossentropy",
       [upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], 3), res(0.81492424), upd([[1, 1]], [[0.9, 0.8]]), res(v)],
       D, dsrc("keras/src/metrics/reduction_metrics.py:26-31"),
       note="a scalar weight makes the batch one sample: (0.8149*3 + 0.1643)/(3 + 1)"))
v = run(bce(), [([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], [[1], [0]])])
P(case("binary_crossentropy.derived.column_weights", "BinaryCrossentropy",
       [upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], [[1], [0]]), res(v)], D,
       dsrc("keras/src/metrics/reduction_metrics.py:22-39"), note="(N,1) weights equal (N,) weights: the "
                                                                 "docstring's 0.9162905"))
B3T = [[[1, 0], [0, 0]], [[1, 1], [0, 1]]]
B3P = [[[0.8, 0.3], [0.1, 0.4]], [[0.6, 0.9], [0.2, 0.7]]]
P(case("binary_crossentropy.derived.rank3", "BinaryCrossentropy",
       [upd(B3T, B3P), res(run(bce(), [(B3T, B3P, None)])), RESET, upd(B3T, B3P, [2, 1]),
        res(run(bce(), [(B3T, B3P, [2, 1])])), RESET, upd(B3T, B3P, [[1, 0], [2, 1]]),
        res(run(bce(), [(B3T, B3P, [[1, 0], [2, 1]])]))], D, dsrc("reduction_metrics.py:22-44"),
       note="(N,T,C) inputs give (N,T) values, averaged per sample; (N,) and (N,T) weights"))
for alias in ["bce", "BCE", "binary_crossentropy"]:
    P(case("compile.%s" % alias, alias, [upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]), res(0.81492424)], D,
           dsrc("keras/src/metrics/__init__.py:108-120 ALL_OBJECTS_DICT"),
           note="'%s' is a metrics.get identifier of BinaryCrossentropy (docstring data)" % alias))

CE_T = [[0, 0], [1, 0], [0, 1]]
CE_P = [[0.05, 0.1], [0.95, 0.8], [0, 0.1]]
P(case("categorical_crossentropy.derived.axis0", "CategoricalCrossentropy",
       [upd(CE_T, CE_P), res(run(cce(False, 0.0, 0), [(CE_T, CE_P, None)])), RESET, upd(CE_T, CE_P, [0.3, 0.7]),
        res(run(cce(False, 0.0, 0), [(CE_T, CE_P, [0.3, 0.7])]))], D, dsrc(LS + ":2151-2208"), config={"axis": 0},
       note="the docstring data transposed, classes along axis 0: the (2,) values are the docstring's "
            "(1.1769392, then 1.6271976)"))
P(case("categorical_crossentropy.derived.renormalised", "CategoricalCrossentropy",
       [upd([[0, 1, 0], [1, 0, 0]], [[1.0, 2.0, 1.0], [0.2, 0.2, 0.1]]),
        res(run(cce(), [([[0, 1, 0], [1, 0, 0]], [[1.0, 2.0, 1.0], [0.2, 0.2, 0.1]], None)]))], D,
       dsrc(NN + " categorical_crossentropy: output / reduce_sum(output, axis)"),
       note="probabilities are divided by their sum before clipping: -log(0.5) and -log(0.4)"))
v = run(cce(False, 0.3), [(CET, CEP, None)])
P(case("categorical_crossentropy.derived.label_smoothing_probabilities", "CategoricalCrossentropy",
       [upd(CET, CEP), res(v)], D, dsrc(LS + ":2200-2204"), config={"label_smoothing": 0.3},
       note="labels y*0.7 + 0.1; the zero probability is clipped to 1e-7 and now costs 0.1*16.118"))
C3T_ = [[[0, 1], [1, 0]], [[1, 0], [1, 0]]]
C3P_ = [[[0.3, 0.7], [0.6, 0.4]], [[0.9, 0.1], [0.2, 0.8]]]
P(case("categorical_crossentropy.derived.rank3", "CategoricalCrossentropy",
       [upd(C3T_, C3P_), res(run(cce(), [(C3T_, C3P_, None)])), RESET, upd(C3T_, C3P_, [1, 3]),
        res(run(cce(), [(C3T_, C3P_, [1, 3])]))], D, dsrc(LS + ":2151-2208"),
       note="(N,T,C) gives (N,T) values averaged per sample"))
P(case("categorical_crossentropy.derived.rank3_axis1", "CategoricalCrossentropy",
       [upd(C3T_, C3P_), res(run(cce(False, 0.0, 1), [(C3T_, C3P_, None)]))], D, dsrc(LS + ":2151-2208"),
       config={"axis": 1}, note="the class axis is 1: values (N, last) = (2,2), averaged per sample"))
P(case("categorical_crossentropy.derived.logits_scalar_weight", "CategoricalCrossentropy",
       [upd(CET, CEL, 2), upd([[1, 0, 0]], [[2.0, 1.0, 0.0]]),
        res(run(cce(True), [(CET, CEL, 2), ([[1, 0, 0]], [[2.0, 1.0, 0.0]], None)]))], D,
       dsrc("reduction_metrics.py:26-31"), config={"from_logits": True},
       note="the scalar-weighted batch is one sample of weight 2"))
P(case("compile.categorical_crossentropy", "categorical_crossentropy", [upd(CET, CEP), res(1.1769392)], D,
       dsrc("keras/src/metrics/__init__.py:108-110"), note="the metrics.get identifier gives the CLASS (docstring "
                                                            "data)"))

SC3T = [[1, 0], [2, 2]]
SC3P = [[[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]], [[0.2, 0.2, 0.6], [0.3, 0.3, 0.4]]]
P(case("sparse_categorical_crossentropy.derived.label_column", "SparseCategoricalCrossentropy",
       [upd([[1], [2]], CEP, [[0.3], [0.7]]), res(1.6271976)], D, dsrc(LS + ":2347-2348"),
       note="(N,1) labels are squeezed; (N,1) weights: the docstring's weighted value"))
P(case("sparse_categorical_crossentropy.derived.rank3", "SparseCategoricalCrossentropy",
       [upd(SC3T, SC3P), res(run(scce(), [(SC3T, SC3P, None)])), RESET, upd(SC3T, SC3P, [[1, 2], [0, 1]]),
        res(run(scce(), [(SC3T, SC3P, [[1, 2], [0, 1]])]))], D, dsrc(LS + ":2316-2374"),
       note="(N,T) labels against (N,T,C) probabilities"))
P(case("sparse_categorical_crossentropy.derived.clip_then_renormalise", "SparseCategoricalCrossentropy",
       [upd([0, 0, 1], [[0.2, 0.2, 0.2], [0.0, 1.0, 0.0], [0.25, 0.5, 0.25]]),
        res(run(scce(), [([0, 0, 1], [[0.2, 0.2, 0.2], [0.0, 1.0, 0.0], [0.25, 0.5, 0.25]], None)]))], D,
       dsrc(NN + " sparse_categorical_crossentropy: clip, log, sparse_softmax_cross_entropy_with_logits"),
       note="TensorFlow clips to [1e-7, 1-1e-7], takes the log and applies a softmax: the row [0.2,0.2,0.2] is "
            "renormalised (-log(1/3)); a hard wrong row costs log(0.99999988 + 1e-7) - log(1e-7)"))
ic = lambda w: run(scce(False, 0), [([0, 1, 2], ICP, w)])
P(case("sparse_categorical_crossentropy.derived.ignore_class_scalar_weight", "SparseCategoricalCrossentropy",
       [upd([0, 1, 2], ICP, 2), res(ic(2))], D, dsrc("keras/src/losses/loss.py:197-226 apply_mask"),
       config={"ignore_class": 0},
       note="the mask multiplies the scalar weight into per-sample weights [0, 2, 2] before the reduction, so the "
            "batch is NOT collapsed: (2*0.0513 + 2*2.3026)/4"))
P(case("sparse_categorical_crossentropy.derived.ignore_class_column_labels", "SparseCategoricalCrossentropy",
       [upd([[0], [1], [2]], ICP, [[0.5], [1.5], [2.0]]), res(ic([0.5, 1.5, 2.0])), RESET,
        upd([[0], [1], [2]], ICP), res(ic(None))], D, dsrc(LS + ":2347-2374"), config={"ignore_class": 0},
       note="(N,1) labels and weights: the unit test's weighted and unweighted values"))
P(case("sparse_categorical_crossentropy.derived.ignore_class_void", "SparseCategoricalCrossentropy",
       [upd([-1, 1, 2], ICP, [1, 1, 1]), res(run(scce(False, -1), [([-1, 1, 2], ICP, [1, 1, 1])])), RESET,
        upd([-1, 1, 2], ICP), res(run(scce(False, -1), [([-1, 1, 2], ICP, None)]))], D,
       dsrc(LS + ":2350-2372"), config={"ignore_class": -1},
       note="a void label -1 is not a class index; it is replaced by 0 before the crossentropy and masked"))
P(case("sparse_categorical_crossentropy.derived.all_ignored", "SparseCategoricalCrossentropy",
       [upd([0, 0], [[0.5, 0.5], [0.9, 0.1]], [1, 1]), res(0.0), upd([0, 0], [[0.5, 0.5], [0.9, 0.1]]), res(0.0)],
       D, dsrc("reduction_metrics.py:155-158 divide_no_nan"), config={"ignore_class": 0},
       note="weighted: count stays 0 and divide_no_nan gives 0; unweighted: total 0 over 2 samples"))
P(case("sparse_categorical_crossentropy.derived.logits_scalar_weight", "SparseCategoricalCrossentropy",
       [upd([1, 2], CEL, 2), upd([0], [[2.0, 1.0, 0.0]]),
        res(run(scce(True), [([1, 2], CEL, 2), ([0], [[2.0, 1.0, 0.0]], None)]))], D,
       dsrc("reduction_metrics.py:26-31"), config={"from_logits": True}, note="the scalar-weighted batch is one sample"))
P(case("compile.sparse_categorical_crossentropy", "sparse_categorical_crossentropy",
       [upd([1, 2], CEP, [0.3, 0.7]), res(1.6271976)], D, dsrc("keras/src/metrics/__init__.py:108-110")))

KB_T = [0.2, 0.8]
KB_P = [[0.3], [0.6]]
P(case("kl_divergence.derived.rank_mismatch_broadcasts", "KLDivergence",
       [upd(KB_T, KB_P), res(run(kl_divergence, [(KB_T, KB_P, None)]))], D,
       dsrc(LS + ":2098-2102 (no squeeze_or_expand_to_same_rank)"),
       note="y_true (2,) against y_pred (2,1) broadcasts to (2,2) pairs: row i sums y_j*log(y_j/p_i) over j"))
P(case("kl_divergence.derived.scalar_weight", "KLDivergence",
       [upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], 2), upd([[0.5, 0.5]], [[0.25, 0.75]]),
        res(run(kl_divergence, [([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], 2), ([[0.5, 0.5]], [[0.25, 0.75]], None)]))],
       D, dsrc("reduction_metrics.py:26-31")))
P(case("compile.kl_divergence", "kl_divergence", [upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]),
       res(0.45814306)], D, dsrc("keras/src/metrics/__init__.py:108-110")))
P(case("poisson.derived.rank_mismatch_broadcasts", "Poisson",
       [upd([1, 3], [[2.0], [0.5]]), res(run(poisson, [([1, 3], [[2.0], [0.5]], None)]))], D,
       dsrc(LS + ":2139-2142 (no squeeze_or_expand_to_same_rank)"),
       note="y_true (2,) against y_pred (2,1) broadcasts to (2,2)"))
P(case("poisson.derived.rank1_is_one_sample", "Poisson",
       [upd([4, 8, 12], [1, 9, 2]), res(run(poisson, [([4, 8, 12], [1, 9, 2], None)])),
        upd([[1]], [[1]]), res(run(poisson, [([4, 8, 12], [1, 9, 2], None), ([[1]], [[1]], None)]))], D,
       dsrc(LS + ":2142"), note="rank-1 inputs reduce to a scalar: one sample"))
P(case("compile.poisson", "poisson", [upd([[0, 1], [0, 0]], [[1, 1], [0, 0]]), res(0.49999997)], D,
       dsrc("keras/src/metrics/__init__.py:108-110")))

P(case("binary_crossentropy.derived.dtype_float64_keeps_float32_clip", "BinaryCrossentropy",
       [upd([[0]], [[1]]), res(v1)], D, dsrc("keras/src/metrics/metric.py (no input cast) and " + LS + ":2411-2421"),
       config={"dtype": "float64"},
       note="the metric dtype casts the loss values, not the inputs: float32 predictions are still clipped at "
            "0.99999988, so the loss stays 15.942385"))

# ---- refused configs and updates
P(config_error("binary_crossentropy.error.axis_not_an_argument", "BinaryCrossentropy", {"axis": -1}, D,
               dsrc(PM + ":143-149"), "the metric class has no axis argument: TypeError"))
P(config_error("categorical_crossentropy.error.unknown_key", "CategoricalCrossentropy", {"ignore_class": 0}, D,
               dsrc(PM + ":226-233"), "unexpected keyword: TypeError"))
P(config_error("categorical_crossentropy.error.axis_bool", "CategoricalCrossentropy", {"axis": True}, D,
               dsrc(LS + ":2186-2190"), "a boolean axis raises ValueError ('axis must be of type int')"))
P(config_error("sparse_categorical_crossentropy.error.unknown_key", "SparseCategoricalCrossentropy",
               {"label_smoothing": 0.1}, D, dsrc(PM + ":316-323"), "unexpected keyword: TypeError"))
P(config_error("sparse_categorical_crossentropy.error.ignore_class_string", "SparseCategoricalCrossentropy",
               {"ignore_class": "void"}, D, dsrc(LS + ":2359"), "a string ignore_class fails in ops.cast at the "
                                                                    "first update"))
P(config_error("kl_divergence.error.unknown_key", "KLDivergence", {"from_logits": True}, D, dsrc(PM + ":51"),
               "KLDivergence takes only name and dtype"))
P(config_error("poisson.error.unknown_dtype", "Poisson", {"dtype": "float8"}, D,
               dsrc("keras/src/metrics/metric.py:94"), "dtype_policies.get('float8') raises ValueError"))
P(config_error("binary_crossentropy.error.label_smoothing_string", "BinaryCrossentropy", {"label_smoothing": "0.1"},
               D, dsrc(LS + ":2415-2416"), "y_true * (1.0 - '0.1') raises TypeError at the first update"))
P(case("binary_crossentropy.error.rank_mismatch", "BinaryCrossentropy",
       [upd([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]), err(upd([1, 0], [[0.8], [0.3]])), res(0.81492424)], D,
       dsrc(NN + " binary_crossentropy: 'must have the same rank'"),
       note="the metric does not reconcile (N,) and (N,1): TensorFlow raises; the state is unchanged"))
P(case("binary_crossentropy.error.shape_mismatch", "BinaryCrossentropy",
       [err(upd([[0, 1]], [[0.6, 0.4, 0.1]])), res(0.0)], D, dsrc(NN + " binary_crossentropy")))
P(case("categorical_crossentropy.error.shape_mismatch", "CategoricalCrossentropy",
       [upd(CET, CEP), err(upd([[0, 1], [1, 0]], CEP)), res(1.1769392)], D,
       dsrc(NN + " categorical_crossentropy: 'must have the same shape'")))
P(case("categorical_crossentropy.error.rank_mismatch", "CategoricalCrossentropy",
       [err(upd([1, 2], CEP)), res(0.0)], D, dsrc(NN + " categorical_crossentropy: 'must have the same rank'"),
       note="sparse labels given to the categorical metric"))
P(case("categorical_crossentropy.error.axis_out_of_range", "CategoricalCrossentropy",
       [err(upd(CET, CEP)), res(0.0)], D, dsrc(LS + ":2195 canonicalize_axis"), config={"axis": 2}))
P(case("sparse_categorical_crossentropy.error.label_out_of_range", "SparseCategoricalCrossentropy",
       [upd([1, 2], CEP), err(upd([3, 0], CEP)), err(upd([-1, 0], CEP)), res(1.1769392)], D,
       dsrc(NN + " sparse_softmax_cross_entropy_with_logits"),
       note="TensorFlow (CPU) raises 'Received a label value of 3 which is outside the valid range of [0, 3)'"))
P(case("sparse_categorical_crossentropy.error.label_shape", "SparseCategoricalCrossentropy",
       [err(upd([1, 2, 0], CEP)), err(upd([[1, 2]], CEP)), res(0.0)], D,
       dsrc(NN + " sparse_categorical_crossentropy: target.shape vs output.shape[:-1]")))
P(case("sparse_categorical_crossentropy.error.axis_not_last", "SparseCategoricalCrossentropy",
       [err(upd([1, 2], CEP)), res(0.0)], D, dsrc(NN + " sparse_categorical_crossentropy: 'Only axis=-1'"),
       config={"axis": 0}))
P(case("kl_divergence.error.shape_mismatch", "KLDivergence",
       [err(upd([[0, 1, 0]], [[0.6, 0.4]])), res(0.0)], D, dsrc(LS + ":2102")))
P(case("kl_divergence.error.scalars", "KLDivergence", [err(upd(0.5, 0.4)), res(0.0)], D,
       dsrc(LS + ":2102 ops.sum(..., axis=-1)"), note="a scalar has no axis -1"))
P(case("poisson.error.shape_mismatch", "Poisson", [err(upd([[1, 2, 3]], [[1, 2]])), res(0.0)], D,
       dsrc(LS + ":2142")))

# ==================================================================================================================
# reduction_metrics
# ==================================================================================================================
RM = "keras/src/metrics/reduction_metrics.py"
RT = "keras/src/metrics/reduction_metrics_test.py"
red_cases = []
R = red_cases.append
rt = lambda cls, m: "%s %s.%s" % (RT, cls, m)

R(case("sum.doc", "Sum", [vals([1, 3, 5, 7]), res(16.0)], "docstring", RM + " Sum docstring", printed=[16.0]))
R(case("sum.doc.weighted", "Sum", [vals([1, 3, 5, 7], [1, 1, 0, 0]), res(4.0)], "docstring", RM + " Sum docstring",
       printed=[4.0]))
R(case("mean.doc", "Mean", [vals([1, 3, 5, 7]), res(4.0), RESET, vals([1, 3, 5, 7], [1, 1, 0, 0]), res(2.0)],
       "docstring", RM + " Mean docstring", printed=[4.0, 2.0]))

SUMCFG = {"name": "sum", "dtype": "float32"}
R(case("sum.test.config", "Sum", [res(0.0), vals([1, 3, 5, 7]), res(16.0)], "unit_test", rt("SumTest", "test_config"),
       config=SUMCFG, note="config round trip {name, dtype}; a fresh metric reads 0"))
R(case("sum.test.unweighted", "Sum", [vals([1, 3, 5, 7]), res(16.0)], "unit_test", rt("SumTest", "test_unweighted"),
       config=SUMCFG))
R(case("sum.test.weighted", "Sum", [vals([1, 3, 5, 7], [1, 1, 0, 0]), res(4.0)], "unit_test",
       rt("SumTest", "test_weighted"), config=SUMCFG))
R(case("sum.test.weighted_nd", "Sum", [vals([[1, 3], [5, 7]], [[1, 1], [1, 0]]), res(9.0)], "unit_test",
       rt("SumTest", "test_weighted_nd"), config=SUMCFG))
R(case("sum.test.weighted_nd_broadcast", "Sum", [vals([[1, 3], [5, 7]], [[1, 0]]), res(6.0)], "unit_test",
       rt("SumTest", "test_weighted_nd_broadcast"), config=SUMCFG))

MCFG = {"name": "mean", "dtype": "float32"}
R(case("mean.test.config", "Mean", [res(0.0), vals([1, 3, 5, 7]), res(4.0)], "unit_test",
       rt("MeanTest", "test_config"), config=MCFG, note="config round trip {name, dtype}; a fresh metric reads 0"))
R(case("mean.test.unweighted", "Mean", [vals([1, 3, 5, 7]), res(4.0)], "unit_test", rt("MeanTest", "test_unweighted"),
       config=MCFG))
R(case("mean.test.weighted", "Mean", [vals([1, 3, 5, 7], [1, 1, 0, 0]), res(2.0)], "unit_test",
       rt("MeanTest", "test_weighted"), config=MCFG))
R(case("mean.test.weighted_negative_weights", "Mean", [vals([1, 3, 5, 7], [-1, -1, 0, 0]), res(2.0)], "unit_test",
       rt("MeanTest", "test_weighted_negative_weights"), config=MCFG))
R(case("mean.test.weighted_nd", "Mean", [vals([[1, 3], [5, 7]], [[1, 1], [1, 0]]), res(3.0)], "unit_test",
       rt("MeanTest", "test_weighted_nd"), config=MCFG))
R(case("mean.test.weighted_nd_broadcast", "Mean", [vals([[1, 3], [5, 7]], [[1, 0]]), res(3.0)], "unit_test",
       rt("MeanTest", "test_weighted_nd_broadcast"), config=MCFG))

# MetricWrapperTest uses a custom fn mse(y_true, y_pred) = (y_true - y_pred)**2, which JSON cannot name; with 0/1 data
# the Keras function `accuracy` (element-wise equality) is exactly 1 - that function, so the same weighting rules are
# checked through fn="accuracy" with 1 - the asserted values.
WT = [[0, 1, 0, 1, 0], [0, 0, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 0, 0, 1]]
WP = [[0, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 1, 1, 1]]
WCFG = {"fn": "accuracy", "name": "acc_wrapper", "dtype": "float32"}
SUBST = ("the test wraps a custom mse(y_true, y_pred) = (y_true - y_pred)**2 that JSON cannot name; on 0/1 data the "
         "Keras function 'accuracy' (element-wise equality) equals 1 - mse element-wise, so the expected value is "
         "1 - the asserted one")
v = run(accuracy, [(WT, WP, None)])
R(case("mean_metric_wrapper.test.unweighted", "MeanMetricWrapper", [upd(WT, WP), res(close(v, 1 - 0.5, 1e-5))],
       "unit_test", rt("MetricWrapperTest", "test_unweighted"), config=WCFG, inputs_substituted=SUBST))
v = run(accuracy, [(WT, WP, [1.0, 1.5, 2.0, 2.5])])
R(case("mean_metric_wrapper.test.weighted", "MeanMetricWrapper", [upd(WT, WP, [1.0, 1.5, 2.0, 2.5]),
       res(close(v, 1 - 0.54285, 1e-5))], "unit_test", rt("MetricWrapperTest", "test_weighted"), config=WCFG,
       inputs_substituted=SUBST))
v = run(accuracy, [(WT, WP, [[1.0, 0.0, 0.5, 0.0, 1.0]])])
R(case("mean_metric_wrapper.test.weighted_broadcast", "MeanMetricWrapper",
       [upd(WT, WP, [[1.0, 0.0, 0.5, 0.0, 1.0]]), res(close(v, 1 - 0.45, 1e-5))], "unit_test",
       rt("MetricWrapperTest", "test_weighted_broadcast"), config=WCFG, inputs_substituted=SUBST,
       note="(1,5) weights broadcast to (4,5): total = sum_i mean_j(v*w), count = 4*mean(w) = 2"))
R(case("mean_metric_wrapper.test.config", "MeanMetricWrapper", [res(0.0), upd(WT, WP), res(0.5)], "unit_test",
       rt("MetricWrapperTest", "test_config"), config=WCFG, inputs_substituted=SUBST))

# ---- derived
mv = lambda steps: run_values(Mean, steps)
sv = lambda steps: run_values(Sum, steps)
R(case("mean.derived.scalar_weight", "Mean", [vals([1, 3, 5, 7], 2), res(4.0), vals([10]), res(6.0)], D,
       dsrc(RM + ":26-31"), note="a rank-0 weight reduces the values to their mean first: total 4*2, count 2; then "
                                 "(8 + 10)/3 = 6, not (32 + 10)/9"))
R(case("mean.derived.column_weights", "Mean", [vals([1, 3, 5, 7], [[1], [1], [0], [0]]), res(2.0)], D,
       dsrc(RM + ":22-24"), note="(N,1) weights and (N,) values: values expanded to (N,1)"))
R(case("mean.derived.row_weights_on_matrix", "Mean", [vals([[1, 3], [5, 7]], [1, 3]), res(mv([([[1, 3], [5, 7]], [1, 3])]))],
       D, dsrc(RM + ":28-31"), note="values averaged over the axes the weight lacks: (2*1 + 6*3)/4 = 5"))
R(case("mean.derived.column_weights_on_matrix", "Mean", [vals([[1, 3], [5, 7]], [[1], [3]]), res(5.0)], D,
       dsrc(RM + ":22-39"), note="(N,1) weight broadcast over (N,T) values, then averaged back: same as (N,)"))
R(case("mean.derived.scalar_values", "Mean", [vals(5), vals(7, 3), res(6.5)], D, dsrc(RM + ":145-148"),
       note="a scalar value counts as one sample: (5 + 21)/(1 + 3)"))
R(case("mean.derived.rank3_values", "Mean",
       [vals([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), res(4.5), RESET,
        vals([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1, 0], [0, 1]]),
        res(mv([([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1, 0], [0, 1]])]))], D, dsrc(RM + ":28-43"),
       note="(2,2,2) values with (2,2) weights: values averaged over the last axis, weights averaged per sample: "
            "(1.5*1/2 + 7.5*1/2)/(1/2 + 1/2)"))
R(case("mean.derived.float32_values", "Mean", [vals([0.1, 0.2]), res(mv([([0.1, 0.2], None)]))], D,
       dsrc(RM + ":13 ops.cast(values, float32)"), note="values are cast to float32: 0.15000000596"))
R(case("mean.derived.empty_result", "Mean", [res(0.0), vals([1, 2], [0, 0]), res(0.0)], D, dsrc(RM + ":155-158"),
       note="divide_no_nan: 0 before any update and when all weights are 0"))
R(case("mean.derived.negative_count", "Mean", [vals([2, 4], [1, -3]), res(mv([([2, 4], [1, -3])]))], D,
       dsrc(RM + ":143-144"), note="weights are not validated: (2 - 12)/(1 - 3) = 5"))
R(case("sum.derived.scalar_weight", "Sum", [vals([1, 3, 5, 7], 2), res(32.0)], D, dsrc(RM + ":26-35"),
       note="Sum reduces with ops.sum: 16 * 2"))
R(case("sum.derived.row_weights_on_matrix", "Sum", [vals([[1, 3], [5, 7]], [1, 2]), res(28.0)], D,
       dsrc(RM + ":26-31"), note="row sums 4 and 12 weighted by 1 and 2"))
R(case("sum.derived.column_weights", "Sum", [vals([1, 3, 5, 7], [[1], [0], [2], [0]]), res(11.0)], D,
       dsrc(RM + ":22-24")))
R(case("sum.derived.negative_weights_and_reset", "Sum",
       [vals([1, 2], [-1, 1]), res(1.0), RESET, res(0.0), vals([[1, 2], [3, 4]]), res(10.0)], D,
       dsrc(RM + ":83-93")))
R(case("sum.derived.rank3_values_column_weights", "Sum",
       [vals([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1, 0]]), res(sv([([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1, 0]])]))],
       D, dsrc(RM + ":28-43"), note="values summed over the last axis to (2,2), weights (1,2) broadcast: "
                                    "3 + 11"))
R(case("mean_metric_wrapper.derived.binary_accuracy_kwargs", "MeanMetricWrapper",
       [upd([[1], [1], [0], [0]], [[0.98], [0.6], [0], [0.75]]), res(0.5)], D,
       dsrc(RM + ":187-207 (fn kwargs passed through)"), config={"fn": "binary_accuracy", "threshold": 0.7},
       note="MeanMetricWrapper(fn=binary_accuracy, threshold=0.7) equals BinaryAccuracy(threshold=0.7)"))
R(case("mean_metric_wrapper.derived.ignore_class_mask", "MeanMetricWrapper",
       [upd([0, 1, 2], ICP, [0.5, 1.5, 2.0]), res(ic([0.5, 1.5, 2.0]))], D,
       dsrc(RM + ":10-20 (mask of fn's values)"),
       config={"fn": "sparse_categorical_crossentropy", "ignore_class": 0},
       note="the keras mask that sparse_categorical_crossentropy attaches to its values is applied to the weight "
            "whatever wraps the function: the unit test's 1.3377"))
R(case("mean_metric_wrapper.derived.serialized_fn", "MeanMetricWrapper",
       [upd([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), res(0.5)], D,
       dsrc(RM + ":209-219 get_config/from_config"),
       config={"fn": {"module": "keras.metrics", "class_name": "function", "config": "categorical_accuracy",
                      "registered_name": "categorical_accuracy"}},
       note="fn in its Keras-serialised form"))
R(case("compile.mean", "mean", [vals([1, 3, 5, 7]), res(4.0)], D, dsrc("keras/src/metrics/__init__.py:108-110")))
R(case("compile.sum", "sum", [vals([1, 3, 5, 7], [1, 1, 0, 0]), res(4.0)], D,
       dsrc("keras/src/metrics/__init__.py:108-110")))

R(case("mean.derived.dtype_int32", "Mean", [vals([1.5, 2.7, -1.5], [1.9, 1.2, 1]), res(2.0 / 3)], D,
       dsrc(RM + ":13-15"), config={"dtype": "int32"},
       note="values and weights are cast to int32 toward zero: [1, 2, -1] with weights [1, 1, 1]"))
R(case("sum.derived.dtype_int32", "Sum", [vals([1.5, 2.7]), res(3.0)], D, dsrc(RM + ":13"), config={"dtype": "int32"},
       note="values cast to int32 toward zero: 1 + 2"))
R(case("mean.derived.dtype_float64", "Mean", [vals([0.1, 0.2]), res((f32(0.1) + f32(0.2)) / 2)], D,
       dsrc(RM + ":13 and backend/tensorflow/core.py cast (tf.cast converts a list to float32 first)"),
       config={"dtype": "float64"}, tolerance={"atol": 1e-12, "rtol": 1e-12},
       note="the list becomes float32 before the cast to float64, so the float64 mean is that of the float32 "
            "values: 0.1500000022, neither 0.15 nor the float32 mean 0.1500000060"))
R(config_error("mean.error.unknown_key", "Mean", {"axis": 0}, D, dsrc(RM + ":123"), "Mean takes name and dtype"))
R(config_error("sum.error.unknown_dtype", "Sum", {"dtype": "float8"}, D, dsrc("keras/src/metrics/metric.py:94"),
               "dtype_policies.get('float8') raises ValueError"))
R(config_error("mean_metric_wrapper.error.missing_fn", "MeanMetricWrapper", {}, D, dsrc(RM + ":187"),
               "fn is required: TypeError"))
R(config_error("mean_metric_wrapper.error.unknown_fn", "MeanMetricWrapper", {"fn": "no_such_metric_function"}, D,
               dsrc(RM + ":215-219"), "deserialising an unknown function raises"))
R(case("mean.error.weight_shape", "Mean", [vals([1, 3]), err(vals([1, 3, 5, 7], [1, 0, 1])), res(2.0)], D,
       dsrc(RM + ":34 ops.broadcast_to"), note="(3,) weights cannot broadcast to (4,) values; state unchanged"))
R(case("mean.error.weight_rank", "Mean", [vals([1, 3]), err(vals([1, 3, 5, 7], [[1, 0], [1, 0], [1, 0], [1, 0]])),
       res(2.0)], D, dsrc(RM + ":34"), note="(4,2) weights have more axes than (4,) values: broadcast_to fails"))
R(case("sum.error.weight_shape", "Sum", [vals([1, 3]), err(vals([[1, 3], [5, 7]], [[1, 0, 1]])), res(4.0)], D,
       dsrc(RM + ":34")))

# ==================================================================================================================
# self-check: replay every case with the port, then write the files
# ==================================================================================================================
CLASS_OF = {
    "binary_accuracy": "BinaryAccuracy", "categorical_accuracy": "CategoricalAccuracy",
    "sparse_categorical_accuracy": "SparseCategoricalAccuracy", "top_k_categorical_accuracy": "TopKCategoricalAccuracy",
    "sparse_top_k_categorical_accuracy": "SparseTopKCategoricalAccuracy", "bce": "BinaryCrossentropy",
    "BCE": "BinaryCrossentropy", "binary_crossentropy": "BinaryCrossentropy",
    "categorical_crossentropy": "CategoricalCrossentropy",
    "sparse_categorical_crossentropy": "SparseCategoricalCrossentropy", "kl_divergence": "KLDivergence",
    "poisson": "Poisson", "mean": "Mean", "sum": "Sum", "accuracy_fn": "Accuracy",
}
FN_CLASS = {"accuracy": "Accuracy", "binary_accuracy": "BinaryAccuracy", "categorical_accuracy": "CategoricalAccuracy",
            "sparse_categorical_crossentropy": "SparseCategoricalCrossentropy"}

def port_fn(cls, cfg):
    g = lambda k, d: cfg.get(k, d)
    if cls == "Accuracy":
        return accuracy
    if cls == "BinaryAccuracy":
        return lambda y, p: binary_accuracy(y, p, g("threshold", 0.5))
    if cls == "CategoricalAccuracy":
        return categorical_accuracy
    if cls == "SparseCategoricalAccuracy":
        return sparse_categorical_accuracy
    if cls == "TopKCategoricalAccuracy":
        return lambda y, p: top_k_categorical_accuracy(y, p, g("k", 5))
    if cls == "SparseTopKCategoricalAccuracy":
        return lambda y, p: sparse_top_k_categorical_accuracy(y, p, g("k", 5), g("from_sorted_ids", False))
    if cls == "BinaryCrossentropy":
        return lambda y, p: binary_crossentropy(y, p, g("from_logits", False), g("label_smoothing", 0.0))
    if cls == "CategoricalCrossentropy":
        return lambda y, p: categorical_crossentropy(y, p, g("from_logits", False), g("label_smoothing", 0.0),
                                                     g("axis", -1))
    if cls == "SparseCategoricalCrossentropy":
        def f(y, p):
            if g("axis", -1) not in (-1, p.ndim - 1):
                raise ValueError("axis")
            return sparse_categorical_crossentropy(y, p, g("from_logits", False), g("ignore_class", None))
        return f
    if cls == "KLDivergence":
        return kl_divergence
    if cls == "Poisson":
        return poisson
    if cls == "MeanMetricWrapper":
        fn = cfg["fn"]
        fn = fn["config"] if isinstance(fn, dict) else fn
        kw = {k: v for k, v in cfg.items() if k not in ("fn", "name", "dtype")}
        return port_fn(FN_CLASS[fn], kw)
    raise KeyError(cls)

def compile_class(metric, first):
    if metric.lower() in ("accuracy", "acc") and metric != "Accuracy":
        t, p = A.of(first["y_true"]), A.of(first["y_pred"])
        if p.shape[-1] == 1:
            return "BinaryAccuracy"
        if t.ndim < p.ndim or (t.shape[-1] == 1 and p.shape[-1] > 1):
            return "SparseCategoricalAccuracy"
        return "CategoricalAccuracy"
    return CLASS_OF.get(metric, metric)

def replay(c):
    if c.get("expect_error") == "config":
        return
    first = next((s for s in c["steps"] if s["op"] == "update"), None)
    cls = compile_class(c["metric"], first) if first else CLASS_OF.get(c["metric"], c["metric"])
    if "resolves_to" in c:
        assert c["resolves_to"] == cls, (c["id"], cls)
    cfg = {k: v for k, v in c["config"].items()}
    values_metric = cls in ("Mean", "Sum")
    fn = None if cls in ("Mean", "Sum") else port_fn(cls, cfg)
    dt = cfg.get("dtype")
    mk = lambda: Sum(dt) if cls == "Sum" else Mean(dt)
    m = mk()
    tol = c.get("tolerance", {"atol": 1e-6, "rtol": 1e-6})
    for i, s in enumerate(c["steps"]):
        if s["op"] == "reset":
            m = mk()
        elif s["op"] == "result":
            e = s["expected"]
            a = m.result()
            assert abs(a - e) <= tol["atol"] + tol["rtol"] * abs(e), (c["id"], i, e, a)
        else:
            w = s.get("sample_weight")
            w = None if w is None else A.of(w)
            try:
                if values_metric:
                    before = (m.total, getattr(m, "count", None))
                    if cls == "Sum":
                        m.update(A.of(s["values"]), w)
                    else:
                        m.update(A.of(s["values"]), w)
                else:
                    out = fn(A.of(s["y_true"]), A.of(s["y_pred"]))
                    mask = None
                    if isinstance(out, tuple):
                        out, mask = out
                    before = (m.total, m.count)
                    m.update(out, w, mask)
                ok = True
            except (ValueError, AssertionError, IndexError, KeyError):
                ok = False
            if s.get("expect_error"):
                assert not ok, (c["id"], i, "port accepted a step expected to fail")
            else:
                assert ok, (c["id"], i, "port refused")

def dumps(doc):
    """Readable layout: one line per case field, one line per step."""
    out = ['{\n  "format": 1,\n  "source": %s,\n  "cases": [\n' % json.dumps(doc["source"])]
    for n, c in enumerate(doc["cases"]):
        fields = []
        for k, v in c.items():
            if k == "steps":
                steps = ",\n".join("      " + json.dumps(s) for s in v)
                fields.append('    "steps": [\n%s\n    ]' % steps)
            else:
                fields.append("    %s: %s" % (json.dumps(k), json.dumps(v)))
        out.append("   {\n" + ",\n".join(fields) + "\n   }" + ("," if n + 1 < len(doc["cases"]) else "") + "\n")
    out.append("  ]\n}\n")
    text = "".join(out)
    assert json.loads(text) == doc
    return text

def write(name, cases, source):
    ids = set()
    for c in cases:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        replay(c)
    doc = {"format": 1, "source": source, "cases": cases}
    if OUT:
        with open(OUT + "/" + name, "w") as f:
            f.write(dumps(doc))
    print(name, len(cases))

SRC = ("Keras 3 (%s): docstrings and tests of keras/src/metrics/%%s.py; derived cases computed from the same "
       "source (losses.py, backend/tensorflow/nn.py, reduction_metrics.py, trainers/compile_utils.py) in float32, "
       "each with its reasoning in 'note'" % KERAS)
write("reduction_metrics.json", red_cases, SRC % "reduction_metrics")
write("accuracy_metrics.json", acc_cases, SRC % "accuracy_metrics")
write("probabilistic_metrics.json", prob_cases, SRC % "probabilistic_metrics")

"""The Keras change behind each group of golden cases whose outcome changed between two releases (for DRIFT.md).

Each rule: (release that brought the change, case-id regular expression, explanation). The first rule whose
release and pattern match names the change; a change no rule explains shows as "not attributed".
`semantics` marks a change of Keras's metric semantics on every backend, which io.github.metricparity.spi.KerasVersion
lets users choose; `numpy backend` marks a change of the NumPy backend only (TensorFlow and JAX unchanged), `new`
an argument or metric Keras did not have before, `error type` a refusal that raises another exception type.
"""

import re

RULES = [
    ("v3.4", r"^(accuracy|binary_accuracy)\.test\.weighted_(rank_1|nd_)|^mean\.test\.weighted_nd_broadcast"
             r"|^binary_accuracy\.derived\.multilabel_|^mean_metric_wrapper\.test\.weighted_broadcast",
     "semantics, not offered: sample weights of rank >= 1 are reduced to per-sample values as losses do "
     "(keras-team/keras#19847, #19892 'Fix for broadcast in metrics reduction')"),
    ("v3.4", r"^binary_accuracy\.reliability\.empty_batch",
     "semantics, not offered: an empty batch adds nothing instead of making the mean NaN (keras-team/keras#19847)"),
    ("v3.4", r"^binary_accuracy\.derived\.dtype_int32",
     "semantics, not offered: the int32 metric dtype truncates the weights, not the per-sample values "
     "(keras-team/keras#19847)"),
    ("v3.4", r"^recall\.derived\.top_k_with_class_id",
     "semantics, not offered: top_k with class_id on the confusion metrics (keras-team/keras#19750)"),
    ("v3.5", r"^binary_accuracy\.(derived\.logits_threshold_0|error\.threshold_string)",
     "semantics, not offered: BinaryAccuracy no longer refuses thresholds outside (0, 1) (keras-team/keras#20101)"),
    ("v3.5", r"^auc\.reliability\.rows_mismatch", "error type: IndexError became ValueError"),
    ("v3.7", r"^(pearson|concordance)_correlation|^alias\.(pearson|concordance)_correlation",
     "new: PearsonCorrelation and ConcordanceCorrelation"),
    ("v3.7", r"from_sorted_ids", "new: SparseTopKCategoricalAccuracy(from_sorted_ids) (keras-team/keras#20433)"),
    ("v3.7", r"^mean_metric_wrapper\.derived\.ignore_class_mask",
     "semantics, not offered: a loss-function mask is applied with the mean_with_sample_weight reduction "
     "(keras-team/keras#20410)"),
    ("v3.7", r"^recall_at_precision\.derived\.float32_target",
     "numpy backend: the precision target is compared in float32 (NumPy-backend dtype promotion)"),
    ("v3.8", r"^(iou|mean_iou|binary_iou|one_hot_iou|one_hot_mean_iou)\.",
     "semantics, earliest offered: the IoU family's confusion matrix takes the metric dtype, so the default int "
     "dtype truncates fractional weights (keras-team/keras#20584 'Fix confusion matrix type')"),
    ("v3.11", r"prgain", "new: AUC(curve='PRGAIN') (keras-team/keras#21370); KerasVersion refuses it before 3.11"),
    ("v3.11", r"^top_k_categorical_accuracy\.derived\.k0",
     "numpy backend: top_k/in_top_k rewritten for the NumPy backend"),
    ("v3.12", r"dtype_float64|float64_function",
     "numpy backend: float64 metric dtypes cast to float32 on the NumPy backend (as on JAX)"),
    ("v3.12", r"^mean_iou\.reliability\.(nan_in_y_pred|infinity_in_y_true)",
     "numpy backend: non-finite class ids cast to int without an IndexError"),
    ("v3.14", r"^sparse_categorical_crossentropy\.",
     "new: SparseCategoricalCrossentropy(ignore_class) on the metric (keras-team/keras#22284); KerasVersion refuses "
     "it before 3.14"),
    ("v3.15", r"^(iou|mean_iou)\.",
     "semantics, offered: class ids outside [0, num_classes) are left out of the confusion matrix instead of "
     "failing the update (keras-team/keras#22844); KerasVersion refuses them before 3.15"),
    ("v3.16", r"^r2_score\.",
     "semantics, offered: R2Score's num_samples counts rows with a non-zero weight, not every element of y_true "
     "(keras-team/keras#23334); the unit test values changed with it"),
    ("v3.16", r"^fbeta_score\.",
     "semantics, offered: FBetaScore takes scalar and 2-D sample weights (keras-team/keras#23335); KerasVersion "
     "refuses them before 3.16"),
    ("v3.16", r"^precision\.(doc\.top_k_2|derived\.top_k_ties)",
     "numpy backend: top_k became stable (ties keep the lower index, as TensorFlow's always did) "
     "(keras-team/keras#23367)"),
    ("v3.16", r"^top_k_categorical_accuracy\.",
     "numpy backend: in_top_k rewritten and generalised to any rank (keras-team/keras#23232, #23367)"),
    ("v3.16", r"^categorical_crossentropy\.error\.axis_out_of_range", "error type: AxisError became ValueError"),
]


def _release(label):
    return tuple(int(x) for x in re.findall(r"\d+", label)[:2])


def explain(version_label, case_id):
    """The explanation for a case whose outcome changed when arriving at `version_label` (e.g. v3.15.1)."""
    for since, pattern, why in RULES:
        if _release(since) == _release(version_label) and re.search(pattern, case_id):
            return why
    return "not attributed"

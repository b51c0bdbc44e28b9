"""Cases where Keras's NumPy backend (the one this generator runs) computes something else than the TensorFlow and
JAX backends. The generator keeps the case's committed value and writes the NumPy backend's beside it
(`numpy_backend_value` on the step) with the reason below in the case (`backend_difference`).

* A `unit_test` or `docstring` case keeps the value from Keras's own tests or docs (run there on TensorFlow).
* Any other case listed here is project policy: Keras's backends disagree and no Keras test fixes the value, so
  metricparity follows the TensorFlow backend; the case says so and is reported as policy, not as Keras
  conformance.
"""

_BCE_LOGITS = ("BinaryCrossentropy with from_logits: the NumPy backend applies a sigmoid, then clips to "
               "[1e-7, 1 - 1e-7] (keras/src/backend/numpy/nn.py binary_crossentropy); TensorFlow and JAX use the "
               "exact logits formula. The value is the Keras unit test's (run on TensorFlow)")

BACKEND_DIFFERENCES = {
    "binary_crossentropy.test.unweighted_with_logits": _BCE_LOGITS,
    "binary_crossentropy.test.weighted_from_logits": _BCE_LOGITS,
    "binary_crossentropy.test.label_smoothing": _BCE_LOGITS,
    "binary_crossentropy.derived.logits_large": (
        "BinaryCrossentropy with from_logits and |logits| up to 100: the NumPy backend's sigmoid-then-clip caps each "
        "term near 16.1; TensorFlow (tf.nn.sigmoid_cross_entropy_with_logits: max(x, 0) - x*z + log1p(exp(-|x|))) "
        "and JAX (log_sigmoid) do not. metricparity follows TensorFlow: 100, 100, 50 and log 2, mean 62.673"),
    "top_k_categorical_accuracy.derived.k0": (
        "k=0: TensorFlow's tf.math.in_top_k and JAX's rank rule (keras/src/backend/jax/math.py in_top_k: "
        "rank <= k) never count a target; the NumPy backend's argpartition with kth=0 counts every row. "
        "metricparity follows TensorFlow and JAX: 0"),
    "sparse_categorical_crossentropy.derived.ignore_class_scalar_weight": (
        "ignore_class with a scalar sample weight: the NumPy backend multiplies the mask into the 0-d weight in "
        "place and fails ('non-broadcastable output operand'); TensorFlow and JAX give per-sample weights "
        "[0, 2, 2] (keras/src/losses/loss.py apply_mask). metricparity follows them: (2*0.0513 + 2*2.3026)/4"),
    "mean.derived.dtype_float64": (
        "dtype float64: the NumPy and JAX backends keep float32 variables; TensorFlow casts the float32 "
        "inputs to float64 (keras/src/backend/tensorflow/core.py cast). metricparity follows TensorFlow: the "
        "float64 mean of the float32 values 0.1 and 0.2"),
    "cosine_similarity.derived.axis_tuple": (
        "CosineSimilarity with a tuple axis: keras/src/utils/numerical_utils.py normalize takes its NumPy branch for "
        "NumPy arrays, which the NumPy backend's tensors are, and np.linalg.norm(x, 2, (1, 2)) is the spectral "
        "norm; TensorFlow and JAX tensors take ops.normalize, the L2 norm over both axes. metricparity follows "
        "them"),
}

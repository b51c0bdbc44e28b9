'use strict';
// The Keras metrics this driver computes with TF.js: for each Keras 3 class, its config keys and the TF.js function
// giving Keras's per-sample values. Everything Keras does around that function that TF.js lacks (rank
// reconciliation, label smoothing, from_logits through TF.js's own logits losses) is done here with TF.js ops;
// whatever cannot be done faithfully is "unsupported", never approximated.
const tf = require('@tensorflow/tfjs');
const { Unsupported, Refused, InvalidConfig, squeezeOrExpand } = require('./keras');

// ---- config values ---------------------------------------------------------------------------------------------

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const isInt = (v) => Number.isInteger(v);

function requireType(cls, key, value, ok, what) {
  if (!ok(value)) {
    throw new InvalidConfig(`${cls}: config '${key}' must be ${what}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** name and dtype, which every Keras metric takes. TF.js computes in float32 only. */
function common(cls, cfg) {
  if (cfg.name != null) {
    requireType(cls, 'name', cfg.name, (v) => typeof v === 'string', 'a string');
  }
  if (cfg.dtype != null) {
    requireType(cls, 'dtype', cfg.dtype, (v) => typeof v === 'string', 'a dtype name');
    if (cfg.dtype !== 'float32') {
      throw new Unsupported(`${cls} with dtype ${cfg.dtype}: TF.js metrics compute in float32 only`);
    }
  }
}

/** Refuses keys the Keras constructor does not take (Keras raises TypeError for them). */
function onlyKeys(cls, cfg, keys) {
  for (const k of Object.keys(cfg)) {
    if (!['name', 'dtype', ...keys].includes(k)) {
      throw new InvalidConfig(`${cls}: unexpected config key '${k}'`);
    }
  }
  common(cls, cfg);
}

function lastAxisOnly(cls, cfg) {
  if (Array.isArray(cfg.axis)) {
    // Keras accepts a tuple of axes for these metrics; TF.js's functions reduce over one axis only
    throw new Unsupported(`${cls} with axis=${JSON.stringify(cfg.axis)}: TF.js reduces over the last axis only`);
  }
  if (cfg.axis != null) {
    requireType(cls, 'axis', cfg.axis, isInt, 'an integer');
  }
  return cfg.axis == null ? -1 : cfg.axis;
}

/** A Keras axis argument that TF.js's function (always the last axis) can honour for an input of this rank. */
function requireLastAxis(cls, axis, rank) {
  if (axis !== -1 && axis !== rank - 1) {
    throw new Unsupported(`${cls} with axis=${axis} on rank-${rank} inputs: TF.js reduces over the last axis only`);
  }
}

/** keys: the constructor's keys besides name, dtype and from_logits (Keras 3's BinaryCrossentropy takes no axis). */
function crossentropyConfig(cls, cfg, keys) {
  onlyKeys(cls, cfg, ['from_logits', ...keys]);
  const fromLogits = cfg.from_logits == null ? false
    : requireType(cls, 'from_logits', cfg.from_logits, (v) => typeof v === 'boolean', 'a boolean');
  return { fromLogits, axis: keys.includes('axis') ? lastAxisOnly(cls, cfg) : -1 };
}

function labelSmoothing(cls, cfg) {
  return cfg.label_smoothing == null ? 0
    : requireType(cls, 'label_smoothing', cfg.label_smoothing, isNumber, 'a number');
}

// ---- shape checks ----------------------------------------------------------------------------------------------

const shapeText = (t) => `[${t.shape.join(', ')}]`;
const sameShape = (a, b) => a.rank === b.rank && a.shape.every((d, i) => d === b.shape[i]);

/** Keras's crossentropies raise unless y_true and y_pred have the same shape. */
function requireSameShape(cls, yTrue, yPred) {
  if (!sameShape(yTrue, yPred)) {
    throw new Refused(`${cls}: y_true ${shapeText(yTrue)} and y_pred ${shapeText(yPred)} must have the same shape`);
  }
}

/**
 * Sparse labels as Keras squeezes them (a trailing axis of 1 when the ranks are equal), checked to be one integer
 * class id in [0, classes) per row of y_pred.
 */
function sparseLabels(cls, yTrue, yPred) {
  if (yPred.rank < 1) {
    throw new Refused(`${cls}: y_pred must have rank >= 1, got ${shapeText(yPred)}`);
  }
  let labels = yTrue;
  if (labels.rank === yPred.rank && labels.rank > 0 && labels.shape[labels.rank - 1] === 1) {
    labels = tf.squeeze(labels, [labels.rank - 1]);
  }
  const rows = yPred.shape.slice(0, -1);
  if (labels.rank !== rows.length || !labels.shape.every((d, i) => d === rows[i])) {
    throw new Unsupported(`${cls} with y_true ${shapeText(yTrue)} and y_pred ${shapeText(yPred)}: only one label `
      + 'per row of y_pred is mapped to TF.js');
  }
  const classes = yPred.shape[yPred.rank - 1];
  for (const v of labels.dataSync()) {
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw new Refused(`${cls}: y_true holds ${v}: class ids must be integers in [0, ${classes})`);
    }
  }
  return labels;
}

// ---- the metrics -----------------------------------------------------------------------------------------------

/**
 * kind "mean": values(yTrue, yPred, opts) gives Keras's per-sample values, accumulated with the Keras Mean rules.
 * kind "batch": TF.js computes one ratio per batch and exposes no counts, so only cases whose every result follows
 * at most one unweighted update (since the start or a reset) can be answered; value(yTrue, yPred, opts).
 */
const METRICS = {
  BinaryAccuracy: {
    kind: 'mean',
    config(cfg) {
      onlyKeys('BinaryAccuracy', cfg, ['threshold']);
      const threshold = cfg.threshold == null ? 0.5
        : requireType('BinaryAccuracy', 'threshold', cfg.threshold, isNumber, 'a number');
      if (threshold !== 0.5) {
        throw new Unsupported(`BinaryAccuracy with threshold ${threshold}: tf.metrics.binaryAccuracy thresholds at `
          + '0.5 only');
      }
      return {};
    },
    values(yTrue, yPred) {
      [yTrue, yPred] = squeezeOrExpand(yTrue, yPred);
      // Keras 3 gives one value per element; TF.js averages over the last axis, so give it a last axis of one
      return tf.metrics.binaryAccuracy(tf.expandDims(yTrue, -1), tf.expandDims(yPred, -1));
    },
  },

  CategoricalAccuracy: {
    kind: 'mean',
    config(cfg) {
      onlyKeys('CategoricalAccuracy', cfg, []);
      return {};
    },
    values(yTrue, yPred) {
      if (!sameShape(yTrue, yPred) || yPred.rank < 1) {
        throw new Unsupported(`CategoricalAccuracy with y_true ${shapeText(yTrue)} and y_pred ${shapeText(yPred)}: `
          + 'only one-hot y_true of the shape of y_pred is mapped to tf.metrics.categoricalAccuracy');
      }
      return tf.metrics.categoricalAccuracy(yTrue, yPred);
    },
  },

  SparseCategoricalAccuracy: {
    kind: 'mean',
    config(cfg) {
      onlyKeys('SparseCategoricalAccuracy', cfg, []);
      return {};
    },
    values(yTrue, yPred) {
      const labels = sparseLabels('SparseCategoricalAccuracy', yTrue, yPred);
      return tf.metrics.sparseCategoricalAccuracy(labels, yPred);
    },
  },

  BinaryCrossentropy: {
    kind: 'mean',
    config(cfg) {
      const opts = crossentropyConfig('BinaryCrossentropy', cfg, ['label_smoothing']);
      opts.labelSmoothing = labelSmoothing('BinaryCrossentropy', cfg);
      return opts;
    },
    values(yTrue, yPred, o) {
      requireSameShape('BinaryCrossentropy', yTrue, yPred);
      requireLastAxis('BinaryCrossentropy', o.axis, yPred.rank);
      if (o.labelSmoothing) {
        // Keras: y_true * (1 - label_smoothing) + 0.5 * label_smoothing, before the loss
        yTrue = tf.add(tf.mul(yTrue, 1 - o.labelSmoothing), 0.5 * o.labelSmoothing);
      }
      if (o.fromLogits) {
        // TF.js metrics take probabilities only; Keras uses sigmoid_cross_entropy_with_logits, as TF.js's loss does
        return tf.mean(tf.losses.sigmoidCrossEntropy(yTrue, yPred, undefined, 0, tf.Reduction.NONE), -1);
      }
      return tf.metrics.binaryCrossentropy(yTrue, yPred);
    },
  },

  CategoricalCrossentropy: {
    kind: 'mean',
    config(cfg) {
      const opts = crossentropyConfig('CategoricalCrossentropy', cfg, ['label_smoothing', 'axis']);
      opts.labelSmoothing = labelSmoothing('CategoricalCrossentropy', cfg);
      return opts;
    },
    values(yTrue, yPred, o) {
      requireSameShape('CategoricalCrossentropy', yTrue, yPred);
      requireLastAxis('CategoricalCrossentropy', o.axis, yPred.rank);
      if (o.labelSmoothing) {
        // Keras: y_true * (1 - label_smoothing) + label_smoothing / num_classes
        const classes = yTrue.shape[yTrue.rank - 1];
        yTrue = tf.add(tf.mul(yTrue, 1 - o.labelSmoothing), o.labelSmoothing / classes);
      }
      if (o.fromLogits) {
        // Keras uses softmax_cross_entropy_with_logits; TF.js's softmaxCrossEntropy loss is that formula
        return tf.losses.softmaxCrossEntropy(yTrue, yPred, undefined, 0, tf.Reduction.NONE);
      }
      return tf.metrics.categoricalCrossentropy(yTrue, yPred);
    },
  },

  SparseCategoricalCrossentropy: {
    kind: 'mean',
    config(cfg) {
      const opts = crossentropyConfig('SparseCategoricalCrossentropy', cfg, ['ignore_class', 'axis']);
      if (cfg.ignore_class != null) {
        requireType('SparseCategoricalCrossentropy', 'ignore_class', cfg.ignore_class, isInt, 'an integer or null');
        throw new Unsupported('SparseCategoricalCrossentropy with ignore_class: TF.js has no masked crossentropy');
      }
      return opts;
    },
    values(yTrue, yPred, o) {
      requireLastAxis('SparseCategoricalCrossentropy', o.axis, yPred.rank);
      const labels = sparseLabels('SparseCategoricalCrossentropy', yTrue, yPred);
      const oneHot = tf.oneHot(tf.cast(labels, 'int32'), yPred.shape[yPred.rank - 1]).toFloat();
      if (o.fromLogits) {
        // Keras: sparse_softmax_cross_entropy_with_logits, i.e. the one-hot softmax crossentropy of TF.js's loss
        return tf.losses.softmaxCrossEntropy(oneHot, yPred, undefined, 0, tf.Reduction.NONE);
      }
      // tf.metrics has no sparse crossentropy; tfjs-layers defines its own (losses.ts) as exactly this: clip,
      // one-hot, then categoricalCrossentropy
      const eps = tf.backend().epsilon();
      return tf.metrics.categoricalCrossentropy(oneHot, tf.clipByValue(yPred, eps, 1 - eps));
    },
  },

  MeanSquaredError: regression('MeanSquaredError', (t, p) => tf.metrics.meanSquaredError(t, p)),
  MeanAbsoluteError: regression('MeanAbsoluteError', (t, p) => tf.metrics.meanAbsoluteError(t, p)),
  MeanAbsolutePercentageError: regression('MeanAbsolutePercentageError',
    (t, p) => tf.metrics.meanAbsolutePercentageError(t, p)),

  CosineSimilarity: {
    kind: 'mean',
    config(cfg) {
      onlyKeys('CosineSimilarity', cfg, ['axis']);
      return { axis: lastAxisOnly('CosineSimilarity', cfg) };
    },
    values(yTrue, yPred, o) {
      [yTrue, yPred] = squeezeOrExpand(yTrue, yPred);
      requireLastAxis('CosineSimilarity', o.axis, yPred.rank);
      // TF.js's cosineProximity is the loss: the NEGATED cosine similarity
      return tf.neg(tf.metrics.cosineProximity(yTrue, yPred));
    },
  },

  Precision: ratio('Precision', (t, p) => tf.metrics.precision(t, p)),
  Recall: ratio('Recall', (t, p) => tf.metrics.recall(t, p)),
};

/** Keras regression metrics: squeeze_or_expand_to_same_rank, then the mean over the last axis. */
function regression(cls, fn) {
  return {
    kind: 'mean',
    config(cfg) {
      onlyKeys(cls, cfg, []);
      return {};
    },
    values(yTrue, yPred) {
      [yTrue, yPred] = squeezeOrExpand(yTrue, yPred);
      return fn(yTrue, yPred);
    },
  };
}

/**
 * Keras Precision/Recall at the default threshold. tf.metrics.precision/recall count predictions EQUAL to 1 (its
 * documented input is 0/1 predictions), so y_pred is thresholded first as Keras does (y_pred > 0.5).
 */
function ratio(cls, fn) {
  return {
    kind: 'batch',
    config(cfg) {
      onlyKeys(cls, cfg, ['thresholds', 'top_k', 'class_id']);
      const t = cfg.thresholds;
      if (t != null) {
        const list = Array.isArray(t) ? t : [t];
        if (!list.every((x) => isNumber(x) && x >= 0 && x <= 1)) {
          throw new InvalidConfig(`${cls}: thresholds must be numbers in [0, 1], got ${JSON.stringify(t)}`);
        }
        if (list.length !== 1 || list[0] !== 0.5) {
          throw new Unsupported(`${cls} with thresholds ${JSON.stringify(t)}: tf.metrics.${cls.toLowerCase()} `
            + 'takes 0/1 predictions; only the default threshold 0.5 is mapped');
        }
      }
      for (const k of ['top_k', 'class_id']) {
        if (cfg[k] != null) {
          requireType(cls, k, cfg[k], isInt, 'an integer or null');
          throw new Unsupported(`${cls} with ${k}: tf.metrics.${cls.toLowerCase()} has no such option`);
        }
      }
      return {};
    },
    value(yTrue, yPred) {
      [yTrue, yPred] = squeezeOrExpand(yTrue, yPred);
      if (!sameShape(yTrue, yPred)) {
        throw new Unsupported(`${cls} with y_true ${shapeText(yTrue)} and y_pred ${shapeText(yPred)}: only equal `
          + 'shapes are mapped');
      }
      return fn(yTrue, tf.cast(tf.greater(yPred, 0.5), 'float32'));
    },
  };
}

module.exports = { METRICS };

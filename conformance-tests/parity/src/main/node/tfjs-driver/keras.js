'use strict';
// Keras 3 rules that TF.js does not have, written with TF.js ops: rank reconciliation of two inputs, and the
// sample-weighted reduction of MeanMetricWrapper (metrics/reduction_metrics.py), so that TF.js's per-sample
// values accumulate exactly as a Keras metric's do.
const tf = require('@tensorflow/tfjs');

/** The step cannot be computed faithfully by this driver: the whole case is answered "unsupported". */
class Unsupported extends Error {}
/** The step's input is refused, as Keras (or metricparity's input contract) refuses it. */
class Refused extends Error {}
/** The metric's config is refused, as Keras refuses it. */
class InvalidConfig extends Error {}

/** Keras losses.loss.squeeze_or_expand_to_same_rank. */
function squeezeOrExpand(x1, x2, expandRank1 = true) {
  const r1 = x1.rank;
  const r2 = x2.rank;
  if (r1 === r2) {
    return [x1, x2];
  }
  if (r1 === r2 + 1 && x1.shape[r1 - 1] === 1) {
    if (r2 === 1 && expandRank1) {
      x2 = tf.expandDims(x2, -1);
    } else {
      x1 = tf.squeeze(x1, [r1 - 1]);
    }
  }
  if (r2 === r1 + 1 && x2.shape[r2 - 1] === 1) {
    if (r1 === 1 && expandRank1) {
      x1 = tf.expandDims(x1, -1);
    } else {
      x2 = tf.squeeze(x2, [r2 - 1]);
    }
  }
  return [x1, x2];
}

function range(from, to) {
  const out = [];
  for (let i = from; i < to; i++) {
    out.push(i);
  }
  return out;
}

/** Sum of a float32 tensor's elements, added up in double precision (the state of metricparity's metrics). */
function total(t) {
  let s = 0;
  for (const v of t.dataSync()) {
    s += v;
  }
  return s;
}

/**
 * What one update adds to a Keras Mean's total and count: reduce_to_samplewise_values followed by Mean.update_state.
 * Values with more axes than the weight are averaged over the extra trailing axes; the weight is broadcast to the
 * values (refused when it cannot be) and averaged over its own trailing axes.
 */
function meanContribution(values, weight) {
  return tf.tidy(() => {
    if (weight == null) {
      if (values.rank <= 1) {
        return { total: total(values), count: values.rank === 0 ? 1 : values.shape[0] };
      }
      return { total: total(tf.mean(values, range(1, values.rank))), count: values.shape[0] };
    }
    let [v, w] = squeezeOrExpand(values, weight);
    const weightRank = w.rank;
    if (v.rank > weightRank) {
      v = tf.mean(v, range(weightRank, v.rank));
    }
    let wb;
    try {
      wb = tf.broadcastTo(w, v.shape);
    } catch (e) {
      throw new Refused(`sample_weight of shape [${weight.shape}] cannot be broadcast to the values of shape `
        + `[${values.shape}]`);
    }
    let weighted = tf.mul(v, wb);
    if (weightRank > 1) {
      wb = tf.mean(wb, range(1, weightRank));
    }
    if (weighted.rank > 1) {
      weighted = tf.mean(weighted, range(1, weighted.rank));
    }
    return { total: total(weighted), count: total(wb) };
  });
}

module.exports = { Unsupported, Refused, InvalidConfig, squeezeOrExpand, meanContribution, range };

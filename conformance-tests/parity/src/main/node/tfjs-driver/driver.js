#!/usr/bin/env node
'use strict';
// metricparity external adapter "tfjs": Keras metrics computed with TensorFlow.js (pure JavaScript, CPU backend),
// speaking the JSON-lines protocol of conformance-tests/EXTERNAL-PROTOCOL.md on stdin/stdout.
//
//   npm ci --prefix conformance-tests/parity/src/main/node/tfjs-driver
//   java -jar conformance-tests/parity/target/parity.jar check --external "node conformance-tests/parity/src/main/node/tfjs-driver/driver.js"

// stdout carries the protocol only: anything printed with console.log (tensor.print, library banners) goes to stderr
console.log = (...args) => console.error(...args);

const readline = require('readline');
const tf = require('@tensorflow/tfjs');
const { Unsupported, Refused, InvalidConfig, meanContribution } = require('./keras');
const { METRICS } = require('./metrics');

const PROTOCOL = { hello: 'metricparity-external', version: 1 };

function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

/** JSON has no NaN or infinities: the protocol writes them as strings, as the golden format does. */
function number(v) {
  if (Number.isNaN(v)) {
    return 'NaN';
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? 'Infinity' : '-Infinity';
  }
  return v;
}

function parseNumber(v, what) {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'boolean') {
    return v ? 1 : 0;
  }
  const special = { NaN: NaN, nan: NaN, Infinity: Infinity, inf: Infinity, '-Infinity': -Infinity, '-inf': -Infinity };
  if (typeof v === 'string' && v in special) {
    return special[v];
  }
  throw new Refused(`${what} must hold numbers only, got ${JSON.stringify(v)}`);
}

/**
 * A nested JSON array (or scalar) as a float32 tensor whose shape is the nesting. Non-finite values are refused:
 * metricparity's metrics accept finite inputs only (Keras would silently propagate NaN), and so are finite values
 * that float32 cannot hold (they would become infinities in the tensor).
 */
function tensor(json, what) {
  const shape = [];
  for (let probe = json; Array.isArray(probe); probe = probe[0]) {
    shape.push(probe.length);
    if (probe.length === 0) {
      break;
    }
  }
  const flat = [];
  (function fill(node, depth) {
    if (depth === shape.length) {
      flat.push(parseNumber(node, what));
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new Refused(`${what} is not a regular nested array`);
    }
    node.forEach((child) => fill(child, depth + 1));
  }(json, 0));
  const bad = flat.findIndex((v) => !Number.isFinite(Math.fround(v)));
  if (bad >= 0) {
    throw new Refused(`${what} of shape [${shape}] holds ${flat[bad]} at flat index ${bad}; metrics accept finite `
      + 'values only');
  }
  return tf.tensor(flat, shape, 'float32');
}

/** Runs one golden case (inputs only) and gives the protocol's reply. */
function runCase(c) {
  const spec = METRICS[c.metric];
  if (!spec) {
    return { status: 'unsupported', reason: `TF.js has no per-sample function for Keras ${c.metric}` };
  }
  let opts;
  try {
    opts = spec.config(c.config || {});
  } catch (e) {
    if (e instanceof InvalidConfig) {
      return { status: 'invalid_config', reason: e.message };
    }
    if (e instanceof Unsupported) {
      return { status: 'unsupported', reason: e.message };
    }
    throw e;
  }
  let state = { total: 0, count: 0, batchValue: 0, updates: 0 };
  const results = [];
  for (let i = 0; i < c.steps.length; i++) {
    const step = c.steps[i];
    if (step.op === 'reset') {
      state = { total: 0, count: 0, batchValue: 0, updates: 0 };
      results.push({ step: i });
    } else if (step.op === 'result') {
      const value = spec.kind === 'mean'
        ? (state.count === 0 ? 0 : state.total / state.count) // Keras divide_no_nan(total, count)
        : state.batchValue;
      results.push({ step: i, value: number(value) });
    } else if (step.op === 'update') {
      try {
        state = tf.tidy(() => update(spec, opts, state, step, c.metric));
        results.push({ step: i });
      } catch (e) {
        if (e instanceof Unsupported) {
          return { status: 'unsupported', reason: `step ${i}: ${e.message}` };
        }
        // a refusal, or TF.js refusing the input (shapes it cannot combine): the state stays as it was
        results.push({ step: i, error: e.message });
      }
    } else {
      return { status: 'error', reason: `step ${i}: unknown op ${JSON.stringify(step.op)}` };
    }
  }
  return { status: 'ok', results };
}

/** One update: the new state (the old one is never modified, so a refused update leaves it as it was). */
function update(spec, opts, state, step, metric) {
  if (step.values !== undefined) {
    throw new Unsupported(`${metric} takes (y_true, y_pred)`);
  }
  const yTrue = tensor(step.y_true, 'y_true');
  const yPred = tensor(step.y_pred, 'y_pred');
  const weight = step.sample_weight == null ? null : tensor(step.sample_weight, 'sample_weight');
  if (spec.kind === 'batch') {
    if (weight != null) {
      throw new Unsupported(`${metric} with sample_weight: tf.metrics.${metric.toLowerCase()} takes no weights`);
    }
    if (state.updates > 0) {
      throw new Unsupported(`${metric} over several batches: tf.metrics.${metric.toLowerCase()} is the ratio of one `
        + 'batch and exposes no counts to accumulate, as Keras does');
    }
    return { ...state, batchValue: spec.value(yTrue, yPred, opts).dataSync()[0], updates: 1 };
  }
  const c = meanContribution(spec.values(yTrue, yPred, opts), weight);
  return { ...state, total: state.total + c.total, count: state.count + c.count };
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  send({
    ...PROTOCOL,
    adapter: 'tfjs',
    about: `TensorFlow.js ${tf.version.tfjs} (${tf.getBackend()} backend, epsilon ${tf.backend().epsilon()})`,
    metrics: Object.keys(METRICS),
  });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') {
      continue;
    }
    let id = null;
    try {
      const c = JSON.parse(line).case;
      id = c.id;
      send({ id, ...runCase(c) });
    } catch (e) {
      send({ id, status: 'error', reason: e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e) });
    }
  }
  // stdin closed: the runner is done
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

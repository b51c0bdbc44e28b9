package com.example.adapter;

import io.github.metricparity.conformance.tck.AdapterConformanceSuite;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.Map;

/**
 * Every golden case of the kit through the adapter: rank-2 updates go through {@link TableMetric} as tables; what
 * a table framework cannot carry (other ranks, weights that are not one per example, {@code update_state(values)})
 * is skipped with the reason.
 */
class TableMetricConformanceTest extends AdapterConformanceSuite {

    @Override
    protected ConformanceDriver driver() {
        return new ConformanceDriver() {
            @Override
            public String adapterId() {
                return "tables";
            }

            @Override
            public Metric open(String metric, Map<String, ?> config) {
                return new Tables(new TableMetric(metric, config));
            }
        };
    }

    /** A contract metric whose updates go through TableMetric. */
    private static final class Tables implements Metric {
        private final TableMetric table;

        Tables(TableMetric table) {
            this.table = table;
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            if (yTrue.rank() != 2 || yPred.rank() != 2 || (sampleWeight != null && sampleWeight.rank() != 1)) {
                throw new NotExpressibleException("tables: only (N, k) labels and predictions, one weight per row");
            }
            table.add(rows(yTrue), rows(yPred), sampleWeight == null ? null : values(sampleWeight));
        }

        private static double[][] rows(Tensor t) {
            int n = t.shape()[0];
            int k = t.shape()[1];
            double[][] out = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    out[i][j] = t.get(i * k + j);
                }
            }
            return out;
        }

        private static double[] values(Tensor t) {
            double[] out = new double[t.shape()[0]];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.get(i);
            }
            return out;
        }

        @Override
        public Tensor result() {
            return table.metric().result();
        }

        @Override
        public void reset() {
            table.metric().reset();
        }

        @Override
        public String name() {
            return table.metric().name();
        }

        @Override
        public String className() {
            return table.metric().className();
        }

        @Override
        public Map<String, Object> config() {
            return table.metric().config();
        }

        @Override
        public DType dtype() {
            return table.metric().dtype();
        }

        @Override
        public MetricState snapshot() {
            return table.metric().snapshot();
        }

        @Override
        public void restore(MetricState state) {
            table.metric().restore(state);
        }

        @Override
        public void merge(MetricState other) {
            table.metric().merge(other);
        }
    }
}

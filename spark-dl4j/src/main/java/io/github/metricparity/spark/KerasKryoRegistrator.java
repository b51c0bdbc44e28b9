package io.github.metricparity.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Spark's {@code KryoSerializer} ship {@link KerasEvaluation}s: they go through their Java serialisation, which
 * writes each metric's class, config and state. Without it, Kryo's default {@code FieldSerializer} copies fields
 * only and leaves the states behind (a {@code KerasEvaluation} copied so refuses to report, naming this class).
 * Contract {@code MetricState}s need no registration: Kryo rebuilds them from their fields.
 *
 * <pre>{@code
 * conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
 *     .set("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator," + KerasKryoRegistrator.class.getName());
 * }</pre>
 *
 * Stateless; Spark creates one per Kryo instance.
 */
public final class KerasKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(KerasEvaluation.class, new JavaSerializer());
    }
}

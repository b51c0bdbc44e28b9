package io.github.metricparity.tribuo.conformance;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;
import org.tribuo.provenance.impl.EmptyTrainerProvenance;

/**
 * The model a golden case is evaluated against: a real Tribuo {@link Model} whose output domain and id mapping are
 * the golden case's class (or dimension) indices, built the way Tribuo builds external models
 * ({@code OutputFactory.constructInfoForExternalModel}). It carries no learned function: the golden arrays are its
 * predictions, so {@link #predict} is refused.
 *
 * @param <T> the output type
 */
final class GoldenModel<T extends Output<T>> extends Model<T> {
    private static final long serialVersionUID = 1L;
    // fixed, so that evaluations of one case's steps share one model provenance and merge
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    GoldenModel(String description, ImmutableOutputInfo<T> outputInfo, boolean generatesProbabilities) {
        this(description, provenance(description), outputInfo, generatesProbabilities);
    }

    private GoldenModel(String name, ModelProvenance provenance, ImmutableOutputInfo<T> outputInfo,
            boolean generatesProbabilities) {
        super(name, provenance, new ImmutableFeatureMap(new ArrayList<VariableInfo>()), outputInfo,
                generatesProbabilities);
    }

    private static ModelProvenance provenance(String description) {
        Map<String, Provenance> instance = Map.of("golden-case", new StringProvenance("golden-case", description));
        return new ModelProvenance(GoldenModel.class.getName(), CREATED, new EmptyDatasetProvenance(),
                new EmptyTrainerProvenance(), instance);
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        throw new UnsupportedOperationException("a golden model has no learned function: its predictions are the "
                + "golden y_pred arrays");
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected Model<T> copy(String newName, ModelProvenance newProvenance) {
        return new GoldenModel<>(newName, newProvenance, getOutputIDInfo(), generatesProbabilities());
    }
}

package io.github.metricparity.benchmarks;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;
import org.tribuo.provenance.impl.EmptyTrainerProvenance;

/**
 * A Tribuo model whose predictions were made elsewhere: evaluators only read its output domain (labels "c0".."cK"
 * with ids 0..K) and whether it generates probabilities.
 */
final class FixedModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    FixedModel(int classes, boolean probabilities) {
        super("fixed", new ModelProvenance(FixedModel.class.getName(), OffsetDateTime.now(),
                new EmptyDatasetProvenance(), new EmptyTrainerProvenance()),
                new ImmutableFeatureMap(new ArrayList<VariableInfo>()), domain(classes), probabilities);
    }

    /** The label of class id {@code k}. */
    static String name(int k) {
        return "c" + k;
    }

    private static ImmutableOutputInfo<Label> domain(int classes) {
        Map<Label, Integer> ids = new LinkedHashMap<>();
        for (int k = 0; k < classes; k++) {
            ids.put(new Label(name(k)), k);
        }
        return new LabelFactory().constructInfoForExternalModel(ids);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        throw new UnsupportedOperationException("the predictions of a fixed model are given");
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        throw new UnsupportedOperationException();
    }
}

package io.github.metricparity.keras.internal;

import static io.github.metricparity.keras.Tensors.col;
import static io.github.metricparity.keras.Tensors.cube;
import static io.github.metricparity.keras.Tensors.m;
import static io.github.metricparity.keras.Tensors.r;
import static io.github.metricparity.keras.Tensors.scalar;
import static io.github.metricparity.keras.Tensors.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import org.junit.jupiter.api.Test;

/** {@code losses/loss.py squeeze_or_expand_to_same_rank}, numpy broadcasting and reductions. */
class KerasShapesTest {

    private static int[] shapes(Tensor[] pair, int i) {
        return pair[i].shape();
    }

    @Test
    void squeezeOrExpandLeavesEqualRanks() {
        Tensor a = m(r(1, 2), r(3, 4));
        Tensor b = m(r(1), r(2));
        Tensor[] out = KerasShapes.squeezeOrExpandToSameRank(a, b, true);
        assertSame(a, out[0]);
        assertSame(b, out[1]);
    }

    @Test
    void squeezeOrExpandRank1AgainstColumnExpandsTheVector() {
        // x1 (N,1), x2 (N,): expand x2 when expand_rank_1
        Tensor[] out = KerasShapes.squeezeOrExpandToSameRank(col(1, 2, 3), t(1, 2, 3), true);
        assertArrayEquals(new int[] {3, 1}, shapes(out, 0));
        assertArrayEquals(new int[] {3, 1}, shapes(out, 1));
        // x1 (N,), x2 (N,1): expand x1
        out = KerasShapes.squeezeOrExpandToSameRank(t(1, 2, 3), col(1, 2, 3), true);
        assertArrayEquals(new int[] {3, 1}, shapes(out, 0));
        assertArrayEquals(new int[] {3, 1}, shapes(out, 1));
    }

    @Test
    void squeezeOrExpandWithoutExpandRank1Squeezes() {
        Tensor[] out = KerasShapes.squeezeOrExpandToSameRank(col(1, 2, 3), t(1, 2, 3), false);
        assertArrayEquals(new int[] {3}, shapes(out, 0));
        assertArrayEquals(new int[] {3}, shapes(out, 1));
        out = KerasShapes.squeezeOrExpandToSameRank(t(1, 2, 3), col(1, 2, 3), false);
        assertArrayEquals(new int[] {3}, shapes(out, 0));
        assertArrayEquals(new int[] {3}, shapes(out, 1));
    }

    @Test
    void squeezeOrExpandHigherRanksSqueezeTheLongerOne() {
        Tensor x1 = Tensor.zeros(2, 3, 1);
        Tensor x2 = Tensor.zeros(2, 3);
        Tensor[] out = KerasShapes.squeezeOrExpandToSameRank(x1, x2, true);
        assertArrayEquals(new int[] {2, 3}, shapes(out, 0));
        assertArrayEquals(new int[] {2, 3}, shapes(out, 1));
        out = KerasShapes.squeezeOrExpandToSameRank(x2, x1, true);
        assertArrayEquals(new int[] {2, 3}, shapes(out, 1));
        // a scalar against (1,): the (1,) side is squeezed
        out = KerasShapes.squeezeOrExpandToSameRank(scalar(2), t(5), true);
        assertArrayEquals(new int[0], shapes(out, 1));
    }

    @Test
    void squeezeOrExpandLeavesOtherMismatches() {
        // last dim not 1: nothing happens, broadcasting decides later
        Tensor[] out = KerasShapes.squeezeOrExpandToSameRank(m(r(1, 2), r(3, 4)), t(1, 2), true);
        assertArrayEquals(new int[] {2, 2}, shapes(out, 0));
        assertArrayEquals(new int[] {2}, shapes(out, 1));
        // rank difference of 2: nothing happens
        out = KerasShapes.squeezeOrExpandToSameRank(Tensor.zeros(2, 1, 1), t(1, 2), true);
        assertArrayEquals(new int[] {2, 1, 1}, shapes(out, 0));
        assertArrayEquals(new int[] {2}, shapes(out, 1));
        out = KerasShapes.squeezeOrExpandToSameRank(col(1, 2), scalar(1), true);
        assertArrayEquals(new int[] {2, 1}, shapes(out, 0));
        assertArrayEquals(new int[0], shapes(out, 1));
    }

    @Test
    void squeezeAndExpandAreViews() {
        Tensor c = col(1, 2);
        assertArrayEquals(new int[] {2}, KerasShapes.squeezeLast(c).shape());
        assertArrayEquals(new int[] {2, 1}, KerasShapes.expandLast(t(1, 2)).shape());
        assertThrows(InvalidInputException.class, () -> KerasShapes.squeezeLast(t(1, 2)));
        assertThrows(InvalidInputException.class, () -> KerasShapes.squeezeLast(scalar(1)));
    }

    @Test
    void broadcastShapes() {
        assertArrayEquals(new int[] {4, 3}, KerasShapes.broadcastShape(new int[] {4, 1}, new int[] {3}));
        assertArrayEquals(new int[] {2, 4, 3}, KerasShapes.broadcastShape(new int[] {4, 3}, new int[] {2, 1, 1}));
        assertArrayEquals(new int[] {5}, KerasShapes.broadcastShape(new int[0], new int[] {5}));
        assertNull(KerasShapes.broadcastShape(new int[] {3}, new int[] {4}));
        assertNull(KerasShapes.broadcastShape(new int[] {2, 3}, new int[] {3, 3}));
    }

    @Test
    void broadcastToCopiesAlongUnitAxes() {
        Tensor b = KerasShapes.broadcastTo(m(r(1, 0)), new int[] {3, 2}, "w");
        assertEquals(m(r(1, 0), r(1, 0), r(1, 0)), b);
        assertEquals(m(r(7, 7), r(8, 8)), KerasShapes.broadcastTo(col(7, 8), new int[] {2, 2}, "w"));
        assertEquals(m(r(5, 5), r(5, 5)), KerasShapes.broadcastTo(scalar(5), new int[] {2, 2}, "w"));
        Tensor same = t(1, 2);
        assertSame(same, KerasShapes.broadcastTo(same, new int[] {2}, "w"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> KerasShapes.broadcastTo(t(1, 2, 3), new int[] {4}, "sample_weight"));
        assertTrue(e.getMessage().contains("sample_weight of shape (3,)"), e.getMessage());
        assertTrue(e.getMessage().contains("(4,)"), e.getMessage());
        // broadcast_to never reduces rank
        assertThrows(InvalidInputException.class, () -> KerasShapes.broadcastTo(m(r(1, 2)), new int[] {2}, "w"));
    }

    @Test
    void reduceTrailingAxes() {
        Tensor x = cube(new double[][] {r(1, 2), r(3, 4)}, new double[][] {r(5, 6), r(7, 8)});
        assertEquals(t(2.5, 6.5), KerasShapes.reduceTrailing(x, 1, true));
        assertEquals(t(10, 26), KerasShapes.reduceTrailing(x, 1, false));
        assertEquals(m(r(1.5, 3.5), r(5.5, 7.5)), KerasShapes.reduceTrailing(x, 2, true));
        assertEquals(scalar(4.5), KerasShapes.reduceTrailing(x, 0, true));
        assertSame(x, KerasShapes.reduceTrailing(x, 3, true));
        assertEquals(t(1.5, 3.5), KerasShapes.reduceTrailingAxis(m(r(1, 2), r(3, 4)), true));
        assertEquals(scalar(3), KerasShapes.reduceTrailingAxis(t(1, 2), false));
    }

    @Test
    void argmaxTiesGoToTheFirstIndex() {
        assertEquals(t(0, 1, 2), KerasShapes.argmaxLast(m(r(0.4, 0.4, 0.2), r(0.1, 0.5, 0.5), r(0, 0, 1))));
        assertEquals(scalar(1), KerasShapes.argmaxLast(t(0.1, 0.7, 0.2)));
        assertEquals(m(r(1, 0)), KerasShapes.argmaxLast(cube(new double[][] {r(0, 1), r(2, 2)})));
        assertThrows(InvalidInputException.class, () -> KerasShapes.argmaxLast(scalar(1)));
        assertThrows(InvalidInputException.class, () -> KerasShapes.argmaxLast(Tensor.zeros(2, 0)));
    }

    @Test
    void zipWithBroadcasts() {
        Tensor eq = KerasShapes.zipWith(t(1, 2), col(1, 2), (a, b) -> a == b ? 1 : 0, "y_true and y_pred");
        assertEquals(m(r(1, 0), r(0, 1)), eq);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> KerasShapes.zipWith(t(1, 2), t(1, 2, 3), Double::sum, "y_true and y_pred"));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(3,)"), e.getMessage());
    }

    @Test
    void roundedToFloat32() {
        Tensor x = t(0.1, 0.50000001, 2.0000003);
        Tensor r32 = KerasShapes.rounded(x, DType.FLOAT32);
        assertEquals((float) 0.1, r32.get(0));
        assertEquals(0.5, r32.get(1));
        assertEquals((double) (float) 2.0000003, r32.get(2));
        assertSame(x, KerasShapes.rounded(x, DType.FLOAT64));
        Tensor f = Tensor.of(new float[] {0.1f}, 1);
        assertSame(f, KerasShapes.rounded(f, DType.FLOAT32));
        assertEquals(t(1, -1), KerasShapes.rounded(t(1.9, -1.9), DType.INT32));
    }
}

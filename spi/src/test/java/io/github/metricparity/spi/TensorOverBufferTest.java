package io.github.metricparity.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** {@link Tensor#of(FloatBuffer, int...)} and {@link Tensor#of(DoubleBuffer, int...)}: views, not copies. */
class TensorOverBufferTest {
    private static FloatBuffer direct(float... values) {
        FloatBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(values).flip();
        return b;
    }

    @Test
    void aDirectBufferIsReadInPlace() {
        FloatBuffer b = direct(1, 2, 3, 4, 5, 6);
        Tensor t = Tensor.of(b, 2, 3);
        assertEquals(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), t);
        assertTrue(t.isFloat32());
        assertEquals(6.0, t.get(5));
        b.put(5, 60f); // no copy: the tensor sees the buffer (which the contract says must not change in use)
        assertEquals(60.0, t.get(5));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 60}, t.toFloatArray());
        assertEquals("[[1.0, 2.0], [3.0, 4.0], [5.0, 60.0]]", t.reshape(3, 2).toString());
    }

    @Test
    void theRemainingElementsFromThePositionAndTheTensorKeepsItsOwnView() {
        FloatBuffer b = FloatBuffer.wrap(new float[] {9, 9, 1, 2, 3});
        b.position(2);
        Tensor t = Tensor.of(b, 3);
        b.position(0);
        assertArrayEquals(new double[] {1, 2, 3}, t.toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(b, 4)); // 5 remain
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(3));
    }

    @Test
    void doubles() {
        DoubleBuffer b = ByteBuffer.allocateDirect(24).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        b.put(new double[] {0.1, 0.2, 0.3}).flip();
        Tensor t = Tensor.of(b, 3, 1);
        assertFalse(t.isFloat32());
        assertEquals(Tensor.of(new double[] {0.1, 0.2, 0.3}, 3, 1), t);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, t.toFloatArray());
    }
}

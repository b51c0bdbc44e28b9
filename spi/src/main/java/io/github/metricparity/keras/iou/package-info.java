/**
 * Keras 3 {@code metrics/iou_metrics.py}: IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU. Definitions in
 * {@link io.github.metricparity.keras.iou.IouMetrics}.
 */
package io.github.metricparity.keras.iou;

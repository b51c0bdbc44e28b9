/**
 * The metrics' usage warnings ({@code Diagnostics}) sent to SLF4J, logger {@code io.github.metricparity}. Found by
 * {@link java.util.ServiceLoader}; inactive (warnings then go to {@code System.Logger}) when no SLF4J binding is on
 * the class path.
 */
// slf4j-api 1.7 is an automatic module (named in its manifest); it has no module-info to require otherwise
@SuppressWarnings("requires-automatic")
module io.github.metricparity.slf4j {
    requires io.github.metricparity.spi;
    requires org.slf4j;

    provides io.github.metricparity.spi.DiagnosticSink with io.github.metricparity.slf4j.Slf4jDiagnosticSink;
}

package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import io.scenescore.support.PrometheusText;

/**
 * What Prometheus sees of the names we count under: the one-line count a webhook delivery route uses comes out as
 * scenescore_webhook_deliveries_total{outcome}, and the test's text parser reads escaped label values.
 */
class MetricNamesTest {

    /** The step README "Observing" gives for counting a webhook delivery (routes/hooks.camel.yaml). */
    static final String DELIVERY_STEP = "micrometer:counter:scenescore.webhook.deliveries?tags.outcome=${variable.outcome}";

    @Test
    void aWebhookDeliveryCountedInYamlIsScrapedAsDeliveriesTotalByOutcome() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:deliver").to(DELIVERY_STEP);
                }
            });
            camel.start();
            for (String outcome : new String[] {"delivered", "delivered", "retried", "gave_up"}) {
                camel.createFluentProducerTemplate().to("direct:deliver").withVariable("outcome", outcome).send();
            }
        }

        PrometheusText scrape = PrometheusText.parse(registry.scrape());
        assertThat(scrape.type("scenescore_webhook_deliveries_total")).isEqualTo("counter");
        assertThat(scrape.sum("scenescore_webhook_deliveries_total", "outcome", "delivered")).isEqualTo(2);
        assertThat(scrape.sum("scenescore_webhook_deliveries_total", "outcome", "retried")).isEqualTo(1);
        assertThat(scrape.sum("scenescore_webhook_deliveries_total", "outcome", "gave_up")).isEqualTo(1);
    }

    @Test
    void theParserReadsEscapedLabelValuesAndRefusesALineThatIsNotASample() {
        PrometheusText text = PrometheusText.parse("""
                # HELP x_total a counter
                # TYPE x_total counter
                x_total{path="/a\\"b\\\\c",le="+Inf"} 3.0
                x_total{path="/d"} 1 1700000000000
                y NaN
                """);

        assertThat(text.named("x_total").get(0).label("path")).isEqualTo("/a\"b\\c");
        assertThat(text.sum("x_total")).isEqualTo(4);
        assertThat(text.type("x_total")).isEqualTo("counter");
        assertThat(Double.isNaN(text.named("y").get(0).value())).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrometheusText.parse("x_total{path=/a} 1"))
                .hasMessageContaining("line 1");
    }
}

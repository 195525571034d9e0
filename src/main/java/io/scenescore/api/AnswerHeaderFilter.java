package io.scenescore.api;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, letting Cache-Control through: downloads and status documents set it
 * themselves, and the default filter would drop it from every answer.
 */
public final class AnswerHeaderFilter extends HttpHeaderFilterStrategy {

    public AnswerHeaderFilter() {
        getOutFilter().remove("cache-control");
        getOutFilter().remove("Cache-Control");
    }
}

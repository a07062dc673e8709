package io.partnerchannel.orchestrator.web;

import org.springframework.util.unit.DataSize;

/**
 * A larger body limit for one {@code /api} path than {@code pco.api.max-body-size}: a feature that accepts
 * files declares it as a bean, and {@link RequestBodyLimitFilter} applies it to that exact path.
 *
 * @param path the path below the context, e.g. {@code /api/bulk-invitations}
 * @param maxBodySize the largest body accepted there
 */
public record RequestBodyLimit(String path, DataSize maxBodySize) {}

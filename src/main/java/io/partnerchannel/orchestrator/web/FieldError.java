package io.partnerchannel.orchestrator.web;

/**
 * One invalid field of a request, as listed in the {@code errors} member of a 400 problem.
 *
 * @param field the field's JSON name, with an index for list elements ({@code gdapRoles[0]}); null when
 *     the problem concerns the body as a whole
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}

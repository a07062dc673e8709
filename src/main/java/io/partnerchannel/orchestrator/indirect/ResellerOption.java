package io.partnerchannel.orchestrator.indirect;

/**
 * One choice of the review form's reseller select (form-js reads {@code {label, value}} through {@code valuesKey}).
 *
 * @param label the reseller's name and location, e.g. {@code Fabrikam (Seattle)}
 * @param value the reseller's tenant id
 */
record ResellerOption(String label, String value) {}

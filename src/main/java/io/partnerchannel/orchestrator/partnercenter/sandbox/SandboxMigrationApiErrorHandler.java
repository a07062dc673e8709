package io.partnerchannel.orchestrator.partnercenter.sandbox;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The emulated services' error bodies ({@link SandboxApiErrorHandler}) for the sandbox controllers of the
 * multi-channel migrations: commerce, transfers and Graph tenant information.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {
    SandboxCommerceController.class, SandboxTransfersController.class, SandboxTenantInformationController.class})
@SandboxConfiguration
class SandboxMigrationApiErrorHandler extends SandboxApiErrorHandler {}

package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.InitiatorType;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * {@code resellerOptions}: the indirect resellers a declined invitation can be reassigned to, as the Json array
 * of {@code {"label", "value"}} a form-js select reads through {@code valuesKey}.
 */
final class ResellerOptions {

  private ResellerOptions() {}

  /**
   * @param resellers the provider's indirect resellers from Partner Center
   * @param currentResellerTenantId the reseller that has the invitation now
   * @return the other resellers in an active partnership, labelled {@code name (location)}
   */
  static JsonValue otherActive(List<PartnerRelationship> resellers, String currentResellerTenantId) {
    List<Map<String, String>> options = resellers.stream()
        .filter(InitiatorType::isActive)
        .filter(reseller -> !reseller.id().equalsIgnoreCase(currentResellerTenantId))
        .map(reseller -> {
          Map<String, String> option = new LinkedHashMap<>();
          option.put("label", reseller.location() == null ? reseller.name() : reseller.name() + " (" + reseller.location() + ")");
          option.put("value", reseller.id());
          return option;
        })
        .toList();
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }

  /**
   * @param options the variable's value (Json or its text), may be null
   * @param resellerTenantId a tenant id
   * @return whether one of the options has that value, ignoring case
   */
  static boolean contains(Object options, String resellerTenantId) {
    if (options == null || resellerTenantId == null) {
      return false;
    }
    SpinJsonNode json = options instanceof SpinJsonNode node ? node : Spin.JSON(options.toString());
    return json.isArray() && json.elements().stream()
        .anyMatch(option -> option.hasProp("value") && resellerTenantId.equalsIgnoreCase(option.prop("value").stringValue()));
  }
}

package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Partner Center catalog resources (product-resources) the Azure plan order looks up: product → SKU →
 * availability, whose {@code catalogItemId} the cart line names (create-azure-plan).
 */
public final class Catalog {

  /** Product id of the Azure plan (§1.6; get-a-list-of-skus-for-a-product's first example asks for its SKUs). */
  public static final String AZURE_PLAN_PRODUCT = "DZH318Z0BPS6";
  /** {@code targetView} of Microsoft Azure products (get-a-list-of-products, create-azure-plan). */
  public static final String MICROSOFT_AZURE_VIEW = "MicrosoftAzure";

  private Catalog() {}

  /**
   * @param id product id, e.g. {@link #AZURE_PLAN_PRODUCT}
   * @param title product title
   * @param productType {@code {id, displayName}}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Product(String id, String title, ProductType productType) {}

  /**
   * @param id e.g. {@code Azure}
   * @param displayName display name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProductType(String id, String displayName) {}

  /**
   * @param id SKU id, e.g. {@code 0001}
   * @param productId its product
   * @param title SKU title
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Sku(String id, String productId, String title) {}

  /**
   * @param id availability id
   * @param productId its product
   * @param skuId its SKU
   * @param catalogItemId what a cart line orders, {@code product:sku:availability}
   * @param country the country it is sold in
   * @param isPurchasable whether it can be bought
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Availability(
      String id, String productId, String skuId, String catalogItemId, String country, Boolean isPurchasable) {}
}

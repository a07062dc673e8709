package io.partnerchannel.orchestrator.bulk;

import io.partnerchannel.orchestrator.invitation.AdminAccess;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.routing.OnboardingRequest.SubscriptionToOnboard;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bulk onboarding file (RFC 4180 CSV, UTF-8, first line the header) with Apache Commons CSV into one
 * {@link InvitationRequest} per data row. The columns are the fields of {@code POST /api/invitations}:
 * {@value #COMPANY_NAME}, {@value #DOMAIN}, {@value #COUNTRY}, {@value #LANGUAGE}, {@value #GLOBAL_ADMIN_EMAIL}
 * (required columns), {@value #ADMIN_ACCESS} (NONE, DAP or GDAP; empty = NONE), {@value #GDAP_ROLES} (role
 * definition ids separated by spaces or {@code ;}), {@value #GDAP_DURATION} and {@value #MESSAGE} (optional
 * columns), and for "Onboard customer subscriptions" once the relationship exists {@value #SUBSCRIPTIONS}
 * ({@code id serviceType boughtFrom} entries separated by {@code ;}) and {@value #RULE_SET} ({@code 2020} or
 * {@code NEW_COMMERCE}, the default). Only what a cell cannot say as a string is checked here (an unknown admin
 * access, a subscription entry without its three parts); everything else is the processes' own Bean Validation,
 * applied by {@link BulkInvitations}.
 */
final class BulkCsv {

  static final String COMPANY_NAME = "companyName";
  static final String DOMAIN = "domain";
  static final String COUNTRY = "country";
  static final String LANGUAGE = "language";
  static final String GLOBAL_ADMIN_EMAIL = "globalAdminEmail";
  static final String ADMIN_ACCESS = "adminAccess";
  static final String GDAP_ROLES = "gdapRoles";
  static final String GDAP_DURATION = "gdapDuration";
  static final String MESSAGE = "message";
  static final String SUBSCRIPTIONS = "subscriptions";
  static final String RULE_SET = "ruleSet";

  static final List<String> REQUIRED_COLUMNS = List.of(COMPANY_NAME, DOMAIN, COUNTRY, LANGUAGE, GLOBAL_ADMIN_EMAIL);
  static final List<String> COLUMNS = List.of(COMPANY_NAME, DOMAIN, COUNTRY, LANGUAGE, GLOBAL_ADMIN_EMAIL,
      ADMIN_ACCESS, GDAP_ROLES, GDAP_DURATION, MESSAGE, SUBSCRIPTIONS, RULE_SET);

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreEmptyLines(true)
      .setTrim(true)
      .setAllowMissingColumnNames(false)
      .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
      .get();

  private BulkCsv() {}

  /**
   * A data row as read.
   *
   * @param row 1-based number of the data row (the header is not counted)
   * @param request the row as an invitation request, not yet validated
   * @param subscriptions the subscriptions to onboard once the relationship exists, empty when none
   * @param ruleSet the onboarding's rule set as given, null when the cell is empty
   * @param errors what could not be read from the row's cells (before validation), may be empty
   */
  record Row(int row, InvitationRequest request, List<SubscriptionToOnboard> subscriptions, String ruleSet,
      List<BulkRowError> errors) {}

  /**
   * @param csv the file's text
   * @param maxRows the most data rows accepted
   * @return the rows, in file order
   * @throws InvalidCsvException when the file is not CSV, lacks a required column, names an unknown one, has
   *     no data row or more than {@code maxRows}
   */
  static List<Row> read(String csv, int maxRows) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      List<String> header = parser.getHeaderNames();
      checkHeader(header);
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          throw new InvalidCsvException(null, "has more than " + maxRows + " rows (pco.bulk.max-rows); split the file");
        }
        rows.add(row(rows.size() + 1, record, header.size()));
      }
      if (rows.isEmpty()) {
        throw new InvalidCsvException(null, "has no data row below its header");
      }
      return rows;
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw new InvalidCsvException(null, "is not a CSV file with one header line: " + e.getMessage());
    } catch (IOException e) {
      throw new InvalidCsvException(null, "cannot be read as CSV: " + e.getMessage());
    }
  }

  private static void checkHeader(List<String> header) {
    Set<String> unknown = new LinkedHashSet<>(header);
    COLUMNS.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new InvalidCsvException(unknown.iterator().next(),
          "is not a column of a bulk onboarding file; the columns are " + String.join(",", COLUMNS));
    }
    List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !header.contains(column)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidCsvException(missing.get(0), "is a required column; missing: " + String.join(", ", missing));
    }
  }

  private static Row row(int number, CSVRecord record, int columns) {
    List<BulkRowError> errors = new ArrayList<>();
    if (!record.isConsistent()) {
      errors.add(new BulkRowError(number, null,
          "has " + record.size() + " cells, the header " + columns));
    }
    AdminAccess adminAccess = AdminAccess.NONE;
    String access = cell(record, ADMIN_ACCESS);
    if (access != null) {
      try {
        adminAccess = AdminAccess.valueOf(access.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        adminAccess = null;
        errors.add(new BulkRowError(number, ADMIN_ACCESS, "must be one of "
            + Arrays.stream(AdminAccess.values()).map(Enum::name).collect(Collectors.joining(", "))));
      }
    }
    String roles = cell(record, GDAP_ROLES);
    List<String> gdapRoles = roles == null ? List.of()
        : Arrays.stream(roles.split("[;\\s]+")).filter(role -> !role.isEmpty()).toList();
    InvitationRequest request = new InvitationRequest(
        cell(record, COMPANY_NAME), cell(record, DOMAIN), cell(record, COUNTRY), cell(record, LANGUAGE),
        cell(record, GLOBAL_ADMIN_EMAIL), adminAccess, gdapRoles, cell(record, GDAP_DURATION), cell(record, MESSAGE));
    List<SubscriptionToOnboard> subscriptions = new ArrayList<>();
    String entries = cell(record, SUBSCRIPTIONS);
    if (entries != null) {
      for (String entry : entries.split(";")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] parts = entry.trim().split("\\s+");
        if (parts.length != 3) {
          errors.add(new BulkRowError(number, SUBSCRIPTIONS + "[" + subscriptions.size() + "]",
              "must be 'id serviceType boughtFrom', e.g. '5b5c0000-0000-4000-8000-000000000005 USAGE_BASED EA'"));
          subscriptions.add(new SubscriptionToOnboard(parts[0], null, null));
        } else {
          subscriptions.add(new SubscriptionToOnboard(parts[0], parts[1], parts[2]));
        }
      }
    }
    return new Row(number, request, List.copyOf(subscriptions), cell(record, RULE_SET), errors);
  }

  /** @return the trimmed cell, null when the column is absent, the row short of it, or the cell empty */
  private static String cell(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value == null || value.isBlank() ? null : value.trim();
  }
}

package io.partnerchannel.orchestrator.operations;

import io.partnerchannel.orchestrator.web.OwnPages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case history pages (docs/operations-pages.md), signed in as for the outbox (the Camunda webapp login of
 * the same browser, else the login form or HTTP Basic; {@code security.SecurityConfiguration}):
 * <ul>
 *   <li>{@code GET /cases?process=&outcome=&customer=&from=&to=}: the invitations, onboardings and migrations,
 *       newest first, at most {@link CaseProperties#listLimit()};</li>
 *   <li>{@code GET /cases.csv} with the same filters: the same columns as CSV (RFC 4180, UTF-8), at most
 *       {@link CaseProperties#exportLimit()} rows;</li>
 *   <li>{@code GET /cases/{processInstanceId}}: one case, its steps and the cases it started; the link the
 *       processes' e-mails to the agent carry.</li>
 * </ul>
 * Each reader sees only the cases they need to know ({@link CaseReader}); another's case is 404. A date that
 * is not {@code yyyy-MM-dd} is 400. The pages run no script and load nothing from elsewhere ({@link OwnPages}).
 */
@Controller
@OwnPages
class CaseController {
  /** Columns of the CSV export. */
  static final List<String> CSV_COLUMNS = List.of("id", "process", "status", "outcome", "customer", "requester",
      "reason", "started (UTC)", "ended (UTC)", "started by case");

  private final CaseHistory history;
  private final CaseProperties properties;

  CaseController(CaseHistory history, CaseProperties properties) {
    this.history = history;
    this.properties = properties;
  }

  @GetMapping("/cases")
  String list(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String customer,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    CaseFilter filter = new CaseFilter(process, outcome, customer, from, to);
    List<CaseSummary> cases = history.list(filter, CaseReader.current(), properties.listLimit());
    model.addAttribute("filter", filter);
    model.addAttribute("cases", cases);
    model.addAttribute("limited", cases.size() >= properties.listLimit());
    model.addAttribute("limit", properties.listLimit());
    model.addAttribute("processes", history.processes());
    model.addAttribute("outcomes", history.outcomes());
    return "cases/list";
  }

  @GetMapping("/cases.csv")
  void export(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String customer,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response) throws IOException {
    List<CaseSummary> cases = history.list(
        new CaseFilter(process, outcome, customer, from, to), CaseReader.current(), properties.exportLimit());
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.csv\"");
    Writer writer = response.getWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get()
        .print(writer)) {
      for (CaseSummary summary : cases) {
        csv.printRecord(summary.id(), summary.processName(), summary.status(), cell(summary.outcome()),
            cell(summary.customer()), cell(summary.requester()), cell(summary.reason()), summary.startedText(),
            summary.endedText(), summary.parentId());
      }
    }
  }

  @GetMapping("/cases/{id}")
  String detail(@PathVariable String id, Model model) {
    CaseDetail detail = history.find(id, CaseReader.current())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case with id " + id));
    model.addAttribute("detail", detail);
    model.addAttribute("summary", detail.summary());
    return "cases/case";
  }

  /**
   * A text a person typed (customer name, reason) as a CSV cell a spreadsheet shows as text, never runs as a
   * formula: one that begins with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP,
   * "CSV Injection").
   */
  static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}

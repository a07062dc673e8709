package io.partnerchannel.orchestrator.bench;

/**
 * The {@code bench} Spring profile ({@code application-bench.yaml}): turned on only by the benchmark runner
 * ({@code ./mvnw -Pbench verify}). It tunes the job executor and connection pool, provides the no-op delegate of
 * the baseline process {@value #BASELINE_PROCESS_KEY} (which the runner deploys over {@code /engine-rest} once the
 * node is up) and adds bench-only sandbox endpoints under {@code /sandbox/bench}. Nothing in this package exists
 * without the profile.
 */
public final class BenchProfile {

  /** Name of the Spring profile. */
  public static final String NAME = "bench";
  /** Process id of the baseline: {@code ResellerRelationshipInvitation}'s shape with no-op delegates. */
  public static final String BASELINE_PROCESS_KEY = "ResellerRelationshipInvitationBaseline";
  /** Process id of the baseline's copy of {@code TrackInvitation}, which the baseline calls, with no-op delegates. */
  public static final String BASELINE_TRACK_PROCESS_KEY = "TrackInvitationBaseline";
  /** Decision id of the baseline's copy of {@code InvitationEligibility}. */
  public static final String BASELINE_DECISION_KEY = "InvitationEligibilityBaseline";
  /**
   * The baseline's acceptance message, correlated over {@code /engine-rest} by the benchmark's operator
   * ({@code InvitationAccepted} stands for a Partner Center event and is correlated only by the event inbox).
   */
  public static final String BASELINE_ACCEPTED_MESSAGE = "BaselineInvitationAccepted";
  /** Bean name every delegate expression of the baseline points at. */
  public static final String NO_OP_BEAN = "benchNoOp";

  private BenchProfile() {}
}

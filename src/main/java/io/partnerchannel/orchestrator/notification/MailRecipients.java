package io.partnerchannel.orchestrator.notification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The Camunda users the application writes to: their e-mail address, name for the greeting and language. */
@Component
public class MailRecipients {

  /**
   * A user who can be written to.
   *
   * @param userId the Camunda user id
   * @param email the user's e-mail address
   * @param displayName "first last" for the greeting, the user id when the user has no name
   * @param language the user's language ({@link AgentLanguage})
   */
  public record Recipient(String userId, String email, String displayName, Locale language) {}

  private final IdentityService identityService;
  private final AgentLanguage agentLanguage;

  /**
   * @param identityService the engine's users and groups
   * @param agentLanguage a user's language
   */
  public MailRecipients(IdentityService identityService, AgentLanguage agentLanguage) {
    this.identityService = identityService;
    this.agentLanguage = agentLanguage;
  }

  /**
   * @param userId a Camunda user id, may be null
   * @return the user, empty when there is no such user or the user has no e-mail address
   */
  public Optional<Recipient> user(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
        .filter(MailRecipients::hasEmail)
        .map(this::recipient);
  }

  /**
   * @param groupId a Camunda group id
   * @return its members with an e-mail address, by user id
   */
  public List<Recipient> members(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .filter(MailRecipients::hasEmail)
        .map(this::recipient)
        .toList();
  }

  private Recipient recipient(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Recipient(user.getId(), user.getEmail(), name.isEmpty() ? user.getId() : name, agentLanguage.of(user.getId()));
  }

  private static boolean hasEmail(User user) {
    return user.getEmail() != null && !user.getEmail().isBlank();
  }
}

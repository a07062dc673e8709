package io.partnerchannel.orchestrator.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets an engine plugin act when the engine runs a command of a given type (a deployment, an authorization saved):
 * the action runs inside the command, before it, with its {@link CommandContext}, e.g. to register a listener for the
 * command's commit. For the plugins' {@code preInit}.
 */
public final class CommandHooks {

  private CommandHooks() {}

  /**
   * Adds an interceptor after the engine's command context interceptor of transactional commands.
   *
   * @param configuration the engine configuration in {@code preInit}
   * @param action what to do, in the command's context, before such a command runs
   * @param commandTypes the command classes (or their supertypes) to act on
   */
  public static void beforeCommands(ProcessEngineConfigurationImpl configuration, Consumer<CommandContext> action,
      Class<?>... commandTypes) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        for (Class<?> type : commandTypes) {
          if (type.isInstance(command)) {
            action.accept(Context.getCommandContext());
            break;
          }
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }
}

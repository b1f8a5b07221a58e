package dev.llmtck.containers.vllm;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.GenericContainer;

/**
 * Runs a container's create-command modifiers against a recording stand-in for Docker's create command, to see
 * what would be sent to the engine without one: the entry point and the host configuration.
 */
final class CreateCommandRecorder {

  final HostConfig hostConfig = new HostConfig().withBinds(List.of());
  List<String> entrypoint;

  static CreateCommandRecorder of(GenericContainer<?> container) {
    CreateCommandRecorder recorder = new CreateCommandRecorder();
    CreateContainerCmd cmd = (CreateContainerCmd) Proxy.newProxyInstance(
        CreateContainerCmd.class.getClassLoader(), new Class<?>[] {CreateContainerCmd.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "getHostConfig":
              return recorder.hostConfig;
            case "withEntrypoint":
              recorder.entrypoint = args[0] instanceof String[] ? Arrays.asList((String[]) args[0])
                  : List.copyOf((List<String>) args[0]);
              return proxy;
            default:
              throw new UnsupportedOperationException("not recorded: " + method.getName());
          }
        });
    container.getCreateContainerCmdModifiers().forEach(modifier -> modifier.modify(cmd));
    return recorder;
  }
}

package dev.zerotorunning.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Opens the dashboard at the end of {@code make dev} when a person sits at this machine's desktop:
 * {@code OPEN=1} forces it, {@code OPEN=0} disables it, and without either it never opens in CI,
 * over SSH or on a Linux without a display. Run from the tools jar by {@code
 * scripts/open-browser.sh URL}; it prints one line saying what it did, and never fails {@code make
 * dev}.
 */
public final class BrowserOpener {
  private BrowserOpener() {}

  /** The host as far as the choice goes. */
  record Host(String os, Map<String, String> env, boolean wsl, Predicate<String> onPath) {}

  /**
   * @param command the argv that opens the URL, when one should run
   * @param reason why nothing opens, or how it opened
   */
  record Decision(Optional<List<String>> command, String reason) {}

  static Decision decide(Host host, String url) {
    String open = host.env().getOrDefault("OPEN", "").trim();
    if (open.equals("0") || open.equalsIgnoreCase("false")) {
      return skip("OPEN=0");
    }
    boolean forced = open.equals("1") || open.equalsIgnoreCase("true");
    if (!forced) {
      if (set(host, "CI")) {
        return skip("CI (OPEN=1 forces it)");
      }
      if (set(host, "SSH_CONNECTION") || set(host, "SSH_TTY") || set(host, "SSH_CLIENT")) {
        return skip("an SSH session (OPEN=1 forces it)");
      }
    }
    String os = host.os().toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return run(List.of("open", url));
    }
    if (os.contains("win")) {
      return run(List.of("rundll32", "url.dll,FileProtocolHandler", url));
    }
    if (host.wsl()) {
      return host.onPath().test("wslview")
          ? run(List.of("wslview", url))
          : run(List.of("explorer.exe", url));
    }
    if (!forced && !set(host, "DISPLAY") && !set(host, "WAYLAND_DISPLAY")) {
      return skip("no desktop session (no DISPLAY or WAYLAND_DISPLAY; OPEN=1 forces it)");
    }
    return host.onPath().test("xdg-open")
        ? run(List.of("xdg-open", url))
        : skip("xdg-open is not installed (apt-get install xdg-utils)");
  }

  private static boolean set(Host host, String name) {
    return !host.env().getOrDefault(name, "").isBlank();
  }

  private static Decision skip(String why) {
    return new Decision(Optional.empty(), why);
  }

  private static Decision run(List<String> command) {
    return new Decision(Optional.of(command), command.get(0));
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java BrowserOpener.java URL");
      System.exit(2);
    }
    Map<String, String> env = System.getenv();
    Host host = new Host(System.getProperty("os.name"), env, isWsl(env), BrowserOpener::onPath);
    Decision d = decide(host, args[0]);
    if (d.command().isEmpty()) {
      System.out.println("browser: not opened: " + d.reason());
      return;
    }
    try {
      new ProcessBuilder(d.command().get())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      System.out.println(
          "browser: opened " + args[0] + " (" + d.reason() + "; OPEN=0 turns it off)");
    } catch (IOException e) {
      System.out.println("browser: could not run " + d.reason() + ": " + e.getMessage());
    }
  }

  private static boolean isWsl(Map<String, String> env) {
    if (env.containsKey("WSL_DISTRO_NAME")) {
      return true;
    }
    try {
      return Files.readString(Path.of("/proc/version"))
          .toLowerCase(Locale.ROOT)
          .contains("microsoft");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

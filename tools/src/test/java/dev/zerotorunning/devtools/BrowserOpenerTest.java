package dev.zerotorunning.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrowserOpenerTest {
  private static final String URL = "http://localhost:3000";

  private static Optional<List<String>> opens(
      String os, Map<String, String> env, boolean wsl, String... tools) {
    Set<String> installed = Set.of(tools);
    return BrowserOpener.decide(new BrowserOpener.Host(os, env, wsl, installed::contains), URL)
        .command();
  }

  @Test
  void aLinuxDesktopOpensWithXdgOpen() {
    assertEquals(
        Optional.of(List.of("xdg-open", URL)),
        opens("Linux", Map.of("DISPLAY", ":0"), false, "xdg-open"));
    assertEquals(
        Optional.of(List.of("xdg-open", URL)),
        opens("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), false, "xdg-open"));
  }

  @Test
  void macOsAndWindowsUseTheirOwnOpener() {
    assertEquals(Optional.of(List.of("open", URL)), opens("Mac OS X", Map.of(), false));
    assertEquals("rundll32", opens("Windows 11", Map.of(), false).orElseThrow().get(0));
  }

  @Test
  void wslPrefersWslviewThenExplorer() {
    assertEquals(Optional.of(List.of("wslview", URL)), opens("Linux", Map.of(), true, "wslview"));
    assertEquals(Optional.of(List.of("explorer.exe", URL)), opens("Linux", Map.of(), true));
  }

  @Test
  void neverInCiOverSshOrWithoutADisplay() {
    assertEquals(Optional.empty(), opens("Mac OS X", Map.of("CI", "true"), false));
    assertEquals(
        Optional.empty(),
        opens("Mac OS X", Map.of("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22"), false));
    assertEquals(
        Optional.empty(),
        opens("Linux", Map.of("SSH_TTY", "/dev/pts/0", "DISPLAY", ":0"), false, "xdg-open"));
    assertEquals(Optional.empty(), opens("Linux", Map.of(), false, "xdg-open"));
    assertEquals(Optional.empty(), opens("Linux", Map.of("DISPLAY", ":0"), false), "no xdg-open");
  }

  @Test
  void openForcesAndDisables() {
    assertEquals(
        Optional.of(List.of("open", URL)),
        opens("Mac OS X", Map.of("OPEN", "1", "CI", "true"), false));
    assertEquals(
        Optional.of(List.of("xdg-open", URL)),
        opens("Linux", Map.of("OPEN", "1", "SSH_TTY", "/dev/pts/0"), false, "xdg-open"));
    assertEquals(Optional.empty(), opens("Mac OS X", Map.of("OPEN", "0"), false));
  }
}

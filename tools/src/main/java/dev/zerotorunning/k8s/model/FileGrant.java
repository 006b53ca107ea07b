package dev.zerotorunning.k8s.model;

import java.util.Optional;

/**
 * A service's {@code secrets:} or {@code configs:} entry after short/long syntax.
 *
 * @param source the top-level secret or config
 * @param target absolute path in the container, defaults applied (/run/secrets/<source> for a
 *     secret, /<source> for a config)
 * @param mode file mode, Compose's octal notation already read ({@code 0440} is 288)
 */
public record FileGrant(String source, String target, Optional<Integer> mode) {}

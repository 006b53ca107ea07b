package dev.zerotorunning.stack.model;

import java.util.List;
import java.util.Map;

/**
 * The Compose configuration without its containers.
 *
 * @param services every service, every profile on, in start order
 * @param partialStacks each partial stack of make dev PROFILE= with its services
 */
public record ComposeConfig(
    List<ServiceConfig> services, Map<String, List<String>> partialStacks) {}

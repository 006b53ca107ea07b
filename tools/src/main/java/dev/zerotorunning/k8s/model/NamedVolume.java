package dev.zerotorunning.k8s.model;

import java.util.Map;

/** A top-level {@code volumes:} entry; its labels may carry kompose size / storage-class hints. */
public record NamedVolume(String name, boolean external, Map<String, String> labels) {}
